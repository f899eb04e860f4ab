"""Lists of a township's (or any unit's) own records: activities, posts, visits, venues,
volunteer teams and their members, association meetings, villages."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased, join

from ..core.pinyin import like_pattern, normalize_query
from ..store import models as m
from .list_source import ColumnSpec, ListQuery, Row, RowState
from .lists_base import (SqlList, owned_state, catalogue_codes_matching, in_unit, iso, key_like, label, live, number,
                         subtree, words_or, year_range)
from .lists_people import people_filter

A, P, U = m.Activity, m.Person, m.Unit
Leader = aliased(P, name="leader")


def text_like(column, text: str):
    """Returns a LIKE clause on `column` for the typed `text` (core.pinyin.like_pattern, escaped)."""
    return column.like(like_pattern(text), escape="\\")


class ActivitiesList(SqlList):
    """extra: unit (with its villages), year, domain, type."""
    model = A
    columns = [
        ColumnSpec("held_on", "Date", 6, align="center"),
        ColumnSpec("title", "Title", 14),
        ColumnSpec("domain", "Domain", 5),
        ColumnSpec("type", "Type", 8),
        ColumnSpec("participants", "Participants", 4, align="right"),
        ColumnSpec("leader", "Led by", 5),
        ColumnSpec("unit", "Unit", 7),
    ]
    sorts = {"held_on": A.held_on, "title": A.search_key, "domain": A.domain, "type": A.type,
             "participants": A.participants, "leader": Leader.search_key, "unit": U.search_key}

    def base(self):
        return (select(A.id, A.held_on, A.title, A.domain, A.type, A.participants, A.owner,
                       Leader.name.label("leader"), U.name.label("unit"))
                .select_from(A).outerjoin(Leader, Leader.id == A.leader_id).outerjoin(U, U.code == A.unit_code))

    def where(self, query: ListQuery):
        extra = query.extra
        clauses = [live(A), in_unit(A.unit_code, self.ws, extra.get("unit")), year_range(A.held_on, extra.get("year"))]
        if extra.get("domain"):
            clauses.append(A.domain == extra["domain"])
        if extra.get("type"):
            clauses.append(A.type == extra["type"])
        return clauses

    def filter_clause(self, text: str):
        types = catalogue_codes_matching("activity_type", text)
        return words_or(key_like(A.search_key, text), text_like(A.title, text), A.type.in_(types) if types else None)

    def default_order(self):
        return [A.held_on.desc()]

    def row(self, r) -> Row:
        return Row(r.id, (iso(r.held_on), r.title, label("domain", r.domain), label("activity_type", r.type),
                          number(r.participants), r.leader or "", r.unit or ""),
                   state=owned_state(self.ws, r.owner))


class PostsList(SqlList):
    """Posts in one unit's association. extra: unit (exactly that unit), all (ended posts too), slot."""
    model = m.Post
    columns = [
        ColumnSpec("person", "Person", 5),
        ColumnSpec("role", "Role", 7),
        ColumnSpec("category", "Category", 8),
        ColumnSpec("employer", "Employer", 10),
        ColumnSpec("start_on", "From", 6, align="center"),
        ColumnSpec("end_on", "To", 6, align="center"),
        ColumnSpec("method", "How", 6),
    ]
    sorts = {"person": P.search_key, "role": m.Post.role, "category": P.category, "employer": P.employer,
             "start_on": m.Post.start_on, "end_on": m.Post.end_on, "method": m.Post.method}

    def count_from(self):
        return join(m.Post, P, P.id == m.Post.person_id)

    def base(self):
        Po = m.Post
        return (select(Po.id, P.name, Po.role, P.category, P.employer, Po.start_on, Po.end_on, Po.method, Po.owner)
                .select_from(Po).join(P, P.id == Po.person_id))

    def where(self, query: ListQuery):
        Po, extra = m.Post, query.extra
        clauses = [live(Po), in_unit(Po.unit_code, self.ws, extra.get("unit"), below=False)]
        if not extra.get("all"):
            clauses.append(or_(Po.end_on.is_(None), Po.end_on > self.ws.today()))
        return clauses

    def filter_clause(self, text: str):
        roles = catalogue_codes_matching("role", text)
        return words_or(people_filter(text), m.Post.role.in_(roles) if roles else None)

    def default_order(self):
        return [m.Post.end_on.is_not(None), m.Post.role, m.Post.start_on]

    def row(self, r) -> Row:
        ended = r.end_on is not None and r.end_on <= self.ws.today()
        return Row(r.id, (r.name, label("role", r.role), label("key_category", r.category), r.employer or "",
                          iso(r.start_on), iso(r.end_on), label("post_method", r.method)),
                   state=RowState.ENDED if ended else owned_state(self.ws, r.owner))


Visited = aliased(U, name="visited")
Visitor = aliased(U, name="visitor")


class VisitsList(SqlList):
    """extra: unit (visits it made, and visits to it or the units below it), year."""
    model = m.Visit
    columns = [
        ColumnSpec("visited_on", "Date", 6, align="center"),
        ColumnSpec("visited", "Visited unit", 8),
        ColumnSpec("visitors", "Visitors", 10),
        ColumnSpec("by", "Visiting unit", 7),
        ColumnSpec("follow_ups", "Follow-ups", 14, sortable=False),
    ]
    sorts = {"visited_on": m.Visit.visited_on, "visited": Visited.search_key, "visitors": m.Visit.visitors,
             "by": Visitor.search_key}

    def count_from(self):
        return join(m.Visit, Visited, Visited.code == m.Visit.visited_unit_code)

    def base(self):
        V = m.Visit
        return (select(V.id, V.visited_on, Visited.name.label("visited"), V.visitors, Visitor.name.label("by"),
                       V.follow_ups, V.owner)
                .select_from(V).join(Visited, Visited.code == V.visited_unit_code)
                .outerjoin(Visitor, Visitor.code == V.unit_code))

    def where(self, query: ListQuery):
        V, code = m.Visit, query.extra.get("unit")
        clauses = [live(V), year_range(V.visited_on, query.extra.get("year"))]
        if code:
            clauses.append(or_(V.unit_code == code, V.visited_unit_code.in_(subtree(code))))
        return clauses

    def filter_clause(self, text: str):
        return or_(key_like(Visited.search_key, text), text_like(m.Visit.visitors, text))

    def default_order(self):
        return [m.Visit.visited_on.desc()]

    def row(self, r) -> Row:
        follow = (r.follow_ups or "").replace("\n", " ")
        return Row(r.id, (iso(r.visited_on), r.visited, r.visitors or "", r.by or "", follow[:60]),
                   tooltip=r.follow_ups or None, state=owned_state(self.ws, r.owner))


class VenuesList(SqlList):
    """extra: unit (with its villages), type."""
    model = m.Venue
    columns = [
        ColumnSpec("type", "Type", 7),
        ColumnSpec("name", "Venue name", 12),     # 名称: "Name" is a person's 姓名
        ColumnSpec("unit", "Unit", 7),
        ColumnSpec("address", "Address", 12),
        ColumnSpec("area_m2", "Area (m²)", 4, align="right"),
        ColumnSpec("opened_on", "Opened", 6, align="center"),
    ]
    sorts = {"type": m.Venue.type, "name": m.Venue.name, "unit": U.search_key, "address": m.Venue.address,
             "area_m2": m.Venue.area_m2, "opened_on": m.Venue.opened_on}

    def base(self):
        V = m.Venue
        return (select(V.id, V.type, V.name, U.name.label("unit"), V.address, V.area_m2, V.opened_on, V.owner)
                .select_from(V).outerjoin(U, U.code == V.unit_code))

    def where(self, query: ListQuery):
        V = m.Venue
        clauses = [live(V), in_unit(V.unit_code, self.ws, query.extra.get("unit"))]
        if query.extra.get("type"):
            clauses.append(V.type == query.extra["type"])
        return clauses

    def filter_clause(self, text: str):
        types = catalogue_codes_matching("venue_type", text)
        return words_or(text_like(m.Venue.name, text), text_like(m.Venue.address, text),
                        m.Venue.type.in_(types) if types else None)

    def default_order(self):
        return [m.Venue.unit_code, m.Venue.type, m.Venue.name]

    def row(self, r) -> Row:
        return Row(r.id, (label("venue_type", r.type), r.name, r.unit or "", r.address or "", number(r.area_m2),
                          iso(r.opened_on)), state=owned_state(self.ws, r.owner))


class TeamsList(SqlList):
    """extra: unit (with its villages)."""
    model = m.VolunteerTeam
    columns = [
        ColumnSpec("name", "Team", 12),
        ColumnSpec("domain", "Domain", 5),
        ColumnSpec("leader", "Leader", 5),
        ColumnSpec("founded_on", "Founded", 6, align="center"),
        ColumnSpec("members", "Members", 3, align="right"),
    ]

    def _members(self):
        T = m.TeamMember
        return (select(func.count()).where(T.team_id == m.VolunteerTeam.id, live(T))
                .correlate(m.VolunteerTeam).scalar_subquery())

    @property
    def sorts(self):  # type: ignore[override]
        T = m.VolunteerTeam
        return {"name": T.name, "domain": T.domain, "leader": Leader.search_key, "founded_on": T.founded_on,
                "members": self._members()}

    def base(self):
        T = m.VolunteerTeam
        return (select(T.id, T.name, T.domain, Leader.name.label("leader"), T.founded_on,
                       self._members().label("members"), T.owner)
                .select_from(T).outerjoin(Leader, Leader.id == T.leader_id))

    def where(self, query: ListQuery):
        T = m.VolunteerTeam
        return [live(T), in_unit(T.unit_code, self.ws, query.extra.get("unit"))]

    def filter_clause(self, text: str):
        return text_like(m.VolunteerTeam.name, text)

    def default_order(self):
        return [m.VolunteerTeam.name]

    def row(self, r) -> Row:
        return Row(r.id, (r.name, label("domain", r.domain), r.leader or "", iso(r.founded_on), str(r.members)),
                   state=owned_state(self.ws, r.owner))


class TeamMembersList(SqlList):
    """extra: team_id."""
    model = m.TeamMember
    columns = [
        ColumnSpec("person", "Person", 5),
        ColumnSpec("role", "Role", 4),
        ColumnSpec("employer", "Employer", 12),
        ColumnSpec("joined_on", "Joined", 6, align="center"),
    ]
    sorts = {"person": P.search_key, "role": m.TeamMember.role, "employer": P.employer,
             "joined_on": m.TeamMember.joined_on}

    def count_from(self):
        return join(m.TeamMember, P, P.id == m.TeamMember.person_id)

    def base(self):
        T = m.TeamMember
        return (select(T.id, P.name, T.role, P.employer, T.joined_on, T.owner)
                .select_from(T).join(P, P.id == T.person_id))

    def where(self, query: ListQuery):
        return [live(m.TeamMember), m.TeamMember.team_id == (query.extra.get("team_id") or "")]

    def filter_clause(self, text: str):
        return people_filter(text)

    def default_order(self):
        return [m.TeamMember.role, P.search_key]

    def row(self, r) -> Row:
        return Row(r.id, (r.name, label("team_role", r.role), r.employer or "", iso(r.joined_on)),
                   state=owned_state(self.ws, r.owner))


class MeetingsList(SqlList):
    """Plenary sessions and elections of one unit's association. extra: unit (exactly)."""
    model = m.AssociationMeeting
    columns = [
        ColumnSpec("held_on", "Date", 6, align="center"),
        ColumnSpec("kind", "Meeting", 6),
        ColumnSpec("term_no", "Term", 3, align="right"),
        ColumnSpec("notes", "Notes", 16, sortable=False),
    ]
    sorts = {"held_on": m.AssociationMeeting.held_on, "kind": m.AssociationMeeting.kind,
             "term_no": m.AssociationMeeting.term_no}

    def base(self):
        M = m.AssociationMeeting
        return select(M.id, M.held_on, M.kind, M.term_no, M.notes, M.owner)

    def where(self, query: ListQuery):
        M = m.AssociationMeeting
        return [live(M), in_unit(M.unit_code, self.ws, query.extra.get("unit"), below=False)]

    def filter_clause(self, text: str):
        kinds = catalogue_codes_matching("meeting_kind", text)
        return words_or(text_like(m.AssociationMeeting.notes, text),
                        m.AssociationMeeting.kind.in_(kinds) if kinds else None)

    def default_order(self):
        return [m.AssociationMeeting.held_on.desc()]

    def row(self, r) -> Row:
        return Row(r.id, (iso(r.held_on), label("meeting_kind", r.kind), number(r.term_no),
                          (r.notes or "").replace("\n", " ")), state=owned_state(self.ws, r.owner))


Contact = aliased(P, name="contact")


class VillagesList(SqlList):
    """Villages and communities of a township, with their designated contact person. extra: unit."""
    model = U
    columns = [
        ColumnSpec("name", "Village name", 8),   # 名称: "Name" is a person's 姓名
        ColumnSpec("code", "Code", 8, align="center"),
        ColumnSpec("kind", "Kind", 3, align="center"),
        ColumnSpec("contact", "Contact person", 5),
        ColumnSpec("employer", "Employer", 10),
    ]
    sorts = {"name": U.search_key, "code": U.code, "kind": U.kind, "contact": Contact.search_key}

    def base(self):
        As = m.Association
        return (select(U.id, U.name, U.code, U.kind, Contact.name.label("contact"),
                       Contact.employer.label("employer"), U.owner)
                .select_from(U).outerjoin(As, (As.unit_code == U.code) & live(As))
                .outerjoin(Contact, Contact.id == As.contact_person_id))

    def where(self, query: ListQuery):
        return [live(U), U.level == "village", U.parent_code == (query.extra.get("unit") or "")]

    def filter_clause(self, text: str):
        q = normalize_query(text)
        return key_like(U.search_key, q) if not q.isdigit() else U.code.like(f"%{q}%")

    def default_order(self):
        return [U.code]

    def row(self, r) -> Row:
        kind = "社区" if r.kind == "community" else "村"
        # no designated contact yet: an indicator the upper level watches
        return Row(r.id, (r.name, r.code, kind, r.contact or "", r.employer or ""),
                   state=RowState.OWN if r.contact else RowState.MISSING)
