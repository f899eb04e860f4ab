"""Lists kept at county level: the leading group's members, work plans and their tasks,
milestones, progress bulletins."""
from __future__ import annotations

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import join

from ..core.catalogues import CATALOGUES
from ..store import models as m
from .list_source import ColumnSpec, ListQuery, Row, RowState
from .lists_base import (SqlList, owned_state, catalogue_codes_matching, in_unit, iso, label, live, number,
                         words_or, year_range)
from .lists_people import people_filter
from .lists_unit import text_like

P = m.Person


class GroupMembersList(SqlList):
    """Members of a county's leading group. extra: unit (the county) or group_id."""
    model = m.GroupMember
    columns = [
        ColumnSpec("person", "Person", 5),
        ColumnSpec("role", "Role", 5),
        ColumnSpec("department", "Department", 10),
        ColumnSpec("job", "Job", 10),
    ]
    sorts = {"person": P.search_key, "role": m.GroupMember.role, "department": m.GroupMember.department, "job": P.job}

    def count_from(self):
        return join(m.GroupMember, P, P.id == m.GroupMember.person_id)

    def base(self):
        G = m.GroupMember
        return select(G.id, P.name, G.role, G.department, P.job, G.owner).select_from(self.count_from())

    def where(self, query: ListQuery):
        G, L = m.GroupMember, m.LeadingGroup
        group = query.extra.get("group_id")
        if group:
            return [live(G), G.group_id == group]
        groups = select(L.id).where(L.unit_code == (query.extra.get("unit") or ""), live(L))
        return [live(G), G.group_id.in_(groups)]

    def filter_clause(self, text: str):
        roles = catalogue_codes_matching("group_role", text)
        return words_or(people_filter(text), text_like(m.GroupMember.department, text),
                        m.GroupMember.role.in_(roles) if roles else None)

    def default_order(self):
        # leader, deputies, members, office: the catalogue's order is the printed roster's
        order = {code: i for i, code in enumerate(CATALOGUES["group_role"].codes())}
        return [case(order, value=m.GroupMember.role, else_=len(order)), P.search_key]

    def row(self, r) -> Row:
        return Row(r.id, (r.name, label("group_role", r.role), r.department or "", r.job or ""),
                   state=owned_state(self.ws, r.owner))


def _tasks(done_only: bool = False):
    T = m.PlanTask
    clauses = [T.plan_id == m.WorkPlan.id, live(T)]
    if done_only:
        clauses.append(T.status == "done")
    return select(func.count()).where(*clauses).correlate(m.WorkPlan).scalar_subquery()


U = m.Unit


class WorkPlansList(SqlList):
    """extra: unit (with the units below it: the city sees its counties' plans), year."""
    model = m.WorkPlan
    columns = [
        ColumnSpec("year", "Year", 3, align="center"),
        ColumnSpec("unit", "Unit", 6),
        ColumnSpec("title", "Title", 14),
        ColumnSpec("doc_no", "Document no.", 8),
        ColumnSpec("filed_on", "Filed on", 6, align="center"),
        ColumnSpec("tasks", "Tasks done", 4, align="right", sortable=False),
    ]
    sorts = {"year": m.WorkPlan.year, "unit": U.search_key, "title": m.WorkPlan.title, "doc_no": m.WorkPlan.doc_no,
             "filed_on": m.WorkPlan.filed_on}

    def base(self):
        W = m.WorkPlan
        return (select(W.id, W.year, U.name.label("unit"), W.title, W.doc_no, W.filed_on, _tasks().label("tasks"),
                       _tasks(True).label("done"), W.owner).select_from(W).outerjoin(U, U.code == W.unit_code))

    def where(self, query: ListQuery):
        W = m.WorkPlan
        clauses = [live(W), in_unit(W.unit_code, self.ws, query.extra.get("unit"))]
        if query.extra.get("year"):
            clauses.append(W.year == int(query.extra["year"]))
        return clauses

    def filter_clause(self, text: str):
        return or_(text_like(m.WorkPlan.title, text), text_like(m.WorkPlan.doc_no, text))

    def default_order(self):
        return [m.WorkPlan.year.desc(), m.WorkPlan.unit_code, m.WorkPlan.filed_on.desc()]

    def row(self, r) -> Row:
        return Row(r.id, (str(r.year), r.unit or "", r.title, r.doc_no or "", iso(r.filed_on), f"{r.done}/{r.tasks}"),
                   state=owned_state(self.ws, r.owner))


class PlanTasksList(SqlList):
    """Tasks of one work plan. extra: plan_id, status."""
    model = m.PlanTask
    columns = [
        ColumnSpec("title", "Task", 14),
        ColumnSpec("responsible", "Responsible", 6),
        ColumnSpec("due_on", "Due", 6, align="center"),
        ColumnSpec("status", "Status", 4, align="center"),
        ColumnSpec("done_on", "Done on", 6, align="center"),
    ]
    sorts = {"title": m.PlanTask.title, "responsible": m.PlanTask.responsible, "due_on": m.PlanTask.due_on,
             "status": m.PlanTask.status, "done_on": m.PlanTask.done_on}

    def base(self):
        T = m.PlanTask
        return (select(T.id, T.title, T.responsible, P.name.label("person"), T.due_on, T.status, T.done_on, T.owner)
                .select_from(T).outerjoin(P, P.id == T.person_id))

    def where(self, query: ListQuery):
        T = m.PlanTask
        clauses = [live(T), T.plan_id == (query.extra.get("plan_id") or "")]
        if query.extra.get("status"):
            clauses.append(T.status == query.extra["status"])
        return clauses

    def filter_clause(self, text: str):
        return or_(text_like(m.PlanTask.title, text), text_like(m.PlanTask.responsible, text))

    def default_order(self):
        return [m.PlanTask.due_on.is_(None), m.PlanTask.due_on, m.PlanTask.title]

    def row(self, r) -> Row:
        late = r.status != "done" and r.due_on is not None and r.due_on < self.ws.today()
        who = r.responsible or r.person or ""
        return Row(r.id, (r.title, who, iso(r.due_on), label("task_status", r.status), iso(r.done_on)),
                   state=RowState.OVERDUE if late else owned_state(self.ws, r.owner))


class MilestonesList(SqlList):
    """extra: unit (with the units below it), year. Overdue and not done shows red; done late amber;
    another unit's (read-only here) grey."""
    model = m.Milestone
    columns = [
        ColumnSpec("year", "Year", 3, align="center"),
        ColumnSpec("unit", "Unit", 6),
        ColumnSpec("title", "Milestone", 14),
        ColumnSpec("due_on", "Due", 6, align="center"),
        ColumnSpec("done_on", "Done on", 6, align="center"),
        ColumnSpec("notes", "Notes", 12, sortable=False),
    ]
    sorts = {"year": m.Milestone.year, "unit": U.search_key, "title": m.Milestone.title, "due_on": m.Milestone.due_on,
             "done_on": m.Milestone.done_on}

    def base(self):
        M = m.Milestone
        return (select(M.id, M.year, U.name.label("unit"), M.title, M.due_on, M.done_on, M.notes, M.owner)
                .select_from(M).outerjoin(U, U.code == M.unit_code))

    def where(self, query: ListQuery):
        M = m.Milestone
        clauses = [live(M), in_unit(M.unit_code, self.ws, query.extra.get("unit"))]
        if query.extra.get("year"):
            clauses.append(M.year == int(query.extra["year"]))
        return clauses

    def filter_clause(self, text: str):
        return or_(text_like(m.Milestone.title, text), text_like(m.Milestone.notes, text))

    def default_order(self):
        return [m.Milestone.year.desc(), m.Milestone.due_on, m.Milestone.unit_code]

    def row(self, r) -> Row:
        today = self.ws.today()
        if r.done_on is None:
            state = RowState.OVERDUE if r.due_on < today else None
        else:
            state = RowState.DONE_LATE if r.done_on > r.due_on else None
        return Row(r.id, (str(r.year), r.unit or "", r.title, iso(r.due_on), iso(r.done_on), (r.notes or "").replace("\n", " ")),
                   state=state or owned_state(self.ws, r.owner))


class BulletinsList(SqlList):
    """extra: unit (with the units below it), year."""
    model = m.Bulletin
    columns = [
        ColumnSpec("issue_no", "Issue", 3, align="right"),
        ColumnSpec("issued_on", "Issued on", 6, align="center"),
        ColumnSpec("unit", "Unit", 6),
        ColumnSpec("title", "Title", 16),
        ColumnSpec("recipients", "Sent to", 10),
    ]
    sorts = {"issue_no": m.Bulletin.issue_no, "issued_on": m.Bulletin.issued_on, "unit": U.search_key,
             "title": m.Bulletin.title, "recipients": m.Bulletin.recipients}

    def base(self):
        B = m.Bulletin
        return (select(B.id, B.issue_no, B.issued_on, U.name.label("unit"), B.title, B.recipients, B.owner)
                .select_from(B).outerjoin(U, U.code == B.unit_code))

    def where(self, query: ListQuery):
        B = m.Bulletin
        return [live(B), in_unit(B.unit_code, self.ws, query.extra.get("unit")),
                year_range(B.issued_on, query.extra.get("year"))]

    def filter_clause(self, text: str):
        return or_(text_like(m.Bulletin.title, text), text_like(m.Bulletin.body, text))

    def default_order(self):
        return [m.Bulletin.issued_on.desc()]

    def row(self, r) -> Row:
        return Row(r.id, (number(r.issue_no), iso(r.issued_on), r.unit or "", r.title, r.recipients or ""),
                   state=owned_state(self.ws, r.owner))
