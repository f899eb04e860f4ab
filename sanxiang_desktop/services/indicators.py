"""Gathering the facts behind the indicators: one grouped query per table over every township
below the unit (joined on the unit tree, no lists of codes), never one query per township (the
city has 62, a province 2,000+, a national hub 41,352)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..core import clock
from ..core import indicators as ind
from ..core.clock import format_local
from ..core.catalogues import KEY_SLOTS, LEADERSHIP_ROLES
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import ReceivedPackage, RecordOrigin

_SLOT_OF = {cat: slot for slot, cats in KEY_SLOTS.items() for cat in cats}


def as_of_date(year: int, today: dt.date) -> dt.date:
    """Returns the day the figures of `year` are counted up to: `today` for the current (or a later) year, else
    31 December of `year`."""
    return min(today, dt.date(year, 12, 31)) if year >= today.year else dt.date(year, 12, 31)


def _scope(t, level: str | None, code: str | None):
    """The WHERE clause choosing the townships (units aliased `t`) below a unit: the unit itself
    for a township, its townships for a county, its counties' townships for a city, and every
    township in the database for None (a national hub). Subqueries, never lists of codes."""
    if level is None:
        return and_(t.level == "township", t.deleted.is_(False))
    if level == "township":
        return t.code == code
    if level == "county":
        parent_in = t.parent_code == code
    else:       # a city (or above): the townships of its counties
        parent_in = t.parent_code.in_(select(m.Unit.code).where(
            m.Unit.parent_code == code, m.Unit.level == "county", m.Unit.deleted.is_(False)).scalar_subquery())
    return and_(parent_in, t.level == "township", t.deleted.is_(False))


def township_facts_below(s: Session, level: str | None, code: str | None, year: int,
                         as_of: dt.date) -> dict[str, ind.TownshipFacts]:
    """Returns {township code: facts} of the townships below the unit `code` of `level` (see `_scope`;
    level None: every township in the database), in code order; activities and visits count from
    1 January to 31 December of `year`, posts are current on `as_of`. Raises nothing of its own
    (SQLAlchemy errors pass through).

    One grouped query per table over the whole scope, joined on the unit tree, so a national hub's
    41,352 townships cost the same handful of queries as one county's 16 (about 2.5 s of CPU for
    the national facts, 10 s with the former chunks; tests/bench/run.py: dashboard, national)."""
    t = aliased(m.Unit, name="t")
    v = aliased(m.Unit, name="v")
    scope = _scope(t, level, code)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    facts: dict[str, ind.TownshipFacts] = {}
    conn = s.connection()       # plain rows (Core): no ORM loading for 100,000s of them
    for c, name, parent in conn.execute(select(t.code, t.name, t.parent_code).where(scope).order_by(t.code)).all():
        facts[c] = ind.TownshipFacts(c, name, parent)
    a = m.Association
    for row in conn.execute(select(a.unit_code, a.established, a.term_end, a.staff_quota, a.staff_count,
                                a.funding_yuan, a.premises_m2).join(t, t.code == a.unit_code)
                         .where(scope, a.deleted.is_(False))).all():
        f = facts[row[0]]
        (f.established, f.term_end, f.staff_quota, f.staff_count, f.funding_yuan, f.premises_m2) = row[1:]
    p = m.Post
    current = and_(p.deleted.is_(False), or_(p.start_on.is_(None), p.start_on <= as_of),
                   or_(p.end_on.is_(None), p.end_on > as_of), p.role.in_(LEADERSHIP_ROLES))
    leaders = (select(p.unit_code, m.Person.category).join(m.Person, m.Person.id == p.person_id)
               .where(current, m.Person.deleted.is_(False)))
    if level is None:
        # Everything: from the key people (ix_people_category_live) to their posts (ix_posts_person_role),
        # indexes only; a post in a unit that is no township here is skipped below.
        leaders = leaders.where(m.Person.category.in_(_SLOT_OF))
    else:
        # Below a unit: from its townships' posts. The key categories are checked here, not in SQL, or
        # the planner would start from every key person in the database (seconds on a national hub).
        leaders = leaders.join(t, t.code == p.unit_code).where(scope)
    for unit_code, category in conn.execute(leaders.distinct()).all():
        if unit_code in facts and category in _SLOT_OF:
            facts[unit_code].slots_filled[_SLOT_OF[category]] = True
    vi = m.Visit
    for c, n, last in conn.execute(
            select(vi.visited_unit_code, func.count(), func.max(vi.visited_on))
            .join(t, t.code == vi.visited_unit_code)
            .where(scope, vi.deleted.is_(False), vi.visited_on.between(start, end))
            .group_by(vi.visited_unit_code)).all():
        facts[c].visits, facts[c].last_visit = n, last
    village = and_(v.parent_code == t.code, v.level == "village", v.deleted.is_(False))
    contact = and_(a.unit_code == v.code, a.deleted.is_(False), a.contact_person_id.is_not(None))
    for c, n, with_contact in conn.execute(
            select(t.code, func.count(v.code), func.count(a.unit_code)).select_from(t).join(v, village)
            .outerjoin(a, contact).where(scope).group_by(t.code)).all():
        facts[c].villages, facts[c].villages_with_contact = n, with_contact
    for c, domain, n in _activities_below(conn, t, v, scope, level is None, village, start, end):
        if c not in facts:
            continue
        bucket = facts[c].activities
        bucket[domain] = bucket.get(domain, 0) + n
    for c, when in _last_packages_below(conn, t, scope):
        day = format_local(when, date_only=True)     # the office's date of a UTC stamp
        if day > (facts[c].last_package or ""):
            facts[c].last_package = day
    return facts


def _activities_below(conn, t, v, scope, everything: bool, village, start: dt.date, end: dt.date):
    """(township code, domain, count) of the activities held from `start` to `end` by the townships
    in scope or their (not deleted) villages; a township and domain may come twice."""
    ac = m.Activity
    in_year = and_(ac.deleted.is_(False), ac.held_on.between(start, end))
    if everything:
        # One pass over the table grouped by unit first, then each unit's group is credited to its
        # township (itself, or the parent of a village); probing per township reads rows in index
        # order, at random in the table, which costs more than the whole pass.
        g = select(ac.unit_code, ac.domain, func.count().label("n")).where(in_year).group_by(
            ac.unit_code, ac.domain).subquery("g")
        u = aliased(m.Unit, name="u")
        owner = case((and_(u.level == "village", u.deleted.is_(False)), u.parent_code), else_=u.code)
        # the caller keeps the owners that are townships here (a county's own activities are not)
        yield from conn.execute(select(owner, g.c.domain, func.sum(g.c.n)).select_from(g)
                                .join(u, u.code == g.c.unit_code).group_by(owner, g.c.domain)).all()
        return
    own = select(t.code, ac.domain, func.count()).join(t, t.code == ac.unit_code)
    of_villages = select(t.code, ac.domain, func.count()).select_from(t).join(v, village).join(
        ac, ac.unit_code == v.code)
    for query in (own, of_villages):      # a village's activities count for its township
        yield from conn.execute(query.where(scope, in_year).group_by(t.code, ac.domain)).all()


def _last_packages_below(conn, t, scope):
    """(township code, UTC stamp) of the last data package from each township in scope, received
    from it directly or forwarded by a unit between (record origins); several rows per township."""
    rp, ro = ReceivedPackage, RecordOrigin
    yield from conn.execute(select(rp.sender, func.max(rp.received_at)).join(t, t.code == rp.sender)
                         .where(scope, rp.kind == "data").group_by(rp.sender))
    yield from conn.execute(select(ro.origin_unit, func.max(ro.received_at)).join(t, t.code == ro.origin_unit)
                         .where(scope).group_by(ro.origin_unit))


def _county_facts(s: Session, code: str, name: str, year: int) -> ind.CountyFacts:
    c = ind.CountyFacts(code, name)
    c.leading_group = bool(s.scalar(select(m.LeadingGroup.id).where(
        m.LeadingGroup.unit_code == code, m.LeadingGroup.deleted.is_(False)).limit(1)))
    c.work_plan_filed = bool(s.scalar(select(m.WorkPlan.id).where(
        m.WorkPlan.unit_code == code, m.WorkPlan.year == year, m.WorkPlan.deleted.is_(False),
        m.WorkPlan.filed_on.is_not(None)).limit(1)))
    c.milestones = [(r.code, r.due_on, r.done_on) for r in s.scalars(select(m.Milestone).where(
        m.Milestone.unit_code == code, m.Milestone.year == year, m.Milestone.deleted.is_(False))
        .order_by(m.Milestone.due_on))]
    return c


def unit_indicators(db: Database, unit_code: str, year: int, today: dt.date | None = None) -> ind.UnitIndicators:
    """Returns the indicators of a township, a county (its townships rolled up) or a city (its
    counties), counted up to `today` (the office's date) or the year's end. A village has none
    (`township` is None). Raises KeyError when `unit_code` is not in the database."""
    today = today or clock.today()
    as_of = as_of_date(year, today)
    with db.session() as s:
        unit = s.scalar(select(m.Unit).where(m.Unit.code == unit_code))
        if unit is None:
            raise KeyError(unit_code)
        head = {"unit": unit.code, "name": unit.name, "level": unit.level, "year": year,
                "as_of": as_of.isoformat()}
        if unit.level == "township":
            f = township_facts_below(s, "township", unit.code, year, as_of)[unit.code]
            return ind.UnitIndicators(**head, township=ind.township_indicators(f, as_of))
        if unit.level == "village":
            return ind.UnitIndicators(**head)
        counties = ([(unit.code, unit.name)] if unit.level == "county" else
                    s.execute(select(m.Unit.code, m.Unit.name).where(
                        m.Unit.parent_code == unit.code, m.Unit.level == "county",
                        m.Unit.deleted.is_(False)).order_by(m.Unit.code)).all())
        county_codes = [c for c, _ in counties]
        facts = township_facts_below(s, unit.level, unit.code, year, as_of)
        townships = list(facts)
        rows = [ind.township_indicators(facts[c], as_of) for c in townships]
        by_county: dict[str, list[ind.TownshipIndicators]] = {c: [] for c in county_codes}
        for code, row in zip(townships, rows):
            by_county[facts[code].parent_code].append(row)
        county_rows = [ind.county_indicators(_county_facts(s, c, n, year), by_county[c], as_of)
                       for c, n in counties]
        return ind.UnitIndicators(**head, townships=rows, counties=county_rows, rollup=ind.rollup(rows),
                                  county=county_rows[0] if unit.level == "county" else None)
