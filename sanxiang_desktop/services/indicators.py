"""Gathering the facts behind the indicators: one grouped query per table over every township
below the unit (joined on the unit tree, no lists of codes), never one query per township (the
city has 62, a province 2,000+, a national hub 41,352)."""
from __future__ import annotations

import datetime as dt
import gc
import operator
from contextlib import contextmanager

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
_first = operator.itemgetter(0)


@contextmanager
def cyclic_gc_paused():
    """Pauses Python's cyclic garbage collector while the block builds tens of thousands of small
    objects that hold no cycles (facts, indicator rows and their dicts): each allocation burst
    otherwise sets off collections that walk every object made so far, half of the rules' CPU time
    for a national hub's 41,352 townships (tests/bench/run.py: dashboard, national). Reference
    counting frees everything as usual; a cycle made meanwhile waits for the next collection.
    Process-wide, like gc.disable itself. Returns a context manager that yields nothing and restores
    the collector's former state on leaving; raises nothing of its own."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
    41,352 townships cost the same handful of queries as one county's 16; activities are counted
    from the kept counts (store.activity_counts), so their number does not weigh (about 0.9 s of CPU
    for the national facts, 10 s with the former chunks; tests/bench/run.py: dashboard, national)."""
    with cyclic_gc_paused():
        return _township_facts_below(s, level, code, year, as_of)


def _township_facts_below(s: Session, level: str | None, code: str | None, year: int,
                          as_of: dt.date) -> dict[str, ind.TownshipFacts]:
    t = aliased(m.Unit, name="t")
    scope = _scope(t, level, code)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    facts: dict[str, ind.TownshipFacts] = {}
    conn = s.connection()       # plain rows (Core): no ORM loading for 100,000s of them
    # The townships with their association (at most one per unit: unit_code is unique), in one pass
    # over ix_units_tree; sorted here, as SQL's ORDER BY would make the planner walk every unit row
    # in code order instead.
    a = m.Association
    for (c, name, parent, established, term_end, quota, staff, funding, premises) in sorted(conn.execute(
            select(t.code, t.name, t.parent_code, a.established, a.term_end, a.staff_quota, a.staff_count,
                   a.funding_yuan, a.premises_m2)
            .outerjoin(a, and_(a.unit_code == t.code, a.deleted.is_(False))).where(scope)).all(), key=_first):
        facts[c] = ind.TownshipFacts(c, name, parent, established, term_end, staff_quota=quota, staff_count=staff,
                                     funding_yuan=funding, premises_m2=premises)
    if level is None:
        _facts_of_everything(conn, facts, as_of, start, end)
    else:
        _facts_in_scope(conn, facts, t, aliased(m.Unit, name="v"), scope, as_of, start, end)
    for c, when in _last_packages_below(conn, t, scope):
        day = format_local(when, date_only=True)     # the office's date of a UTC stamp
        if day > (facts[c].last_package or ""):
            facts[c].last_package = day
    return facts


def _plain(conn, stmt) -> list[tuple]:
    """The DBAPI's own rows of `stmt`, for columns that need no conversion (text and counts come
    the same from both drivers): no SQLAlchemy Row per row, which cost more than the query on a
    national hub's hundreds of thousands of rows. Columns of dates or booleans go through
    `conn.execute(...).all()` instead."""
    result = conn.execute(stmt)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def _leaders(as_of: dt.date):
    """(unit code, person category) of the current leadership posts; a unit may come many times."""
    p = m.Post
    current = and_(p.deleted.is_(False), or_(p.start_on.is_(None), p.start_on <= as_of),
                   or_(p.end_on.is_(None), p.end_on > as_of), p.role.in_(LEADERSHIP_ROLES))
    return (select(p.unit_code, m.Person.category).join(m.Person, m.Person.id == p.person_id)
            .where(current, m.Person.deleted.is_(False)))


def _fill_slots(facts: dict, rows) -> None:
    for unit_code, category in rows:
        slot = _SLOT_OF.get(category)
        if slot is not None and unit_code in facts:
            facts[unit_code].slots_filled[slot] = True


def _add_activities(facts: dict, rows) -> None:
    for c, domain, n in rows:
        f = facts.get(c)
        if f is not None:
            bucket = f.activities
            bucket[domain] = bucket.get(domain, 0) + n


def _facts_in_scope(conn, facts: dict, t, v, scope, as_of: dt.date, start: dt.date, end: dt.date) -> None:
    """The facts of the townships below one unit: every query joined on the unit tree, so it reads
    only the scope's rows (a county of 16 townships in a national database reads 16 townships' rows)."""
    a, vi, k = m.Association, m.Visit, m.ActivityCount
    # From the townships' posts. The key categories are checked in Python, not in SQL, or the planner
    # would start from every key person in the database (seconds on a national hub).
    _fill_slots(facts, _plain(conn, _leaders(as_of).join(t, t.code == m.Post.unit_code).where(scope)))
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
    # The kept counts of live activities per year, unit and domain (store.activity_counts).
    in_year = k.year == start.year
    own = select(t.code, k.domain, k.n).join(t, t.code == k.unit_code)
    of_villages = select(t.code, k.domain, func.sum(k.n)).select_from(t).join(v, village).join(
        k, k.unit_code == v.code).group_by(t.code, k.domain)
    for query in (own, of_villages):      # a village's activities count for its township
        _add_activities(facts, _plain(conn, query.where(scope, in_year)))


def _facts_of_everything(conn, facts: dict, as_of: dt.date, start: dt.date, end: dt.date) -> None:
    """The facts of every township in the database (a national hub: 41,352 townships, 1.2 million
    activities): each table read once in index order and grouped by its own unit column, without
    joining the unit tree; rows of units that are no live township (a county's own visits, a deleted
    township's) are dropped here in Python, which costs less than the joins did (about half the
    SQL time of the joined queries; tests/bench/run.py: dashboard, national)."""
    a, vi, k, u = m.Association, m.Visit, m.ActivityCount, m.Unit
    # From the key people (ix_people_category_live) to their posts (ix_posts_person_role), indexes only.
    _fill_slots(facts, _plain(conn, _leaders(as_of).where(m.Person.category.in_(_SLOT_OF))))
    for c, n, last in conn.execute(
            select(vi.visited_unit_code, func.count(), func.max(vi.visited_on))
            .where(vi.deleted.is_(False), vi.visited_on.between(start, end))
            .group_by(vi.visited_unit_code)).all():
        f = facts.get(c)
        if f is not None:
            f.visits, f.last_visit = n, last
    contact = and_(a.unit_code == u.code, a.deleted.is_(False), a.contact_person_id.is_not(None))
    for c, n, with_contact in _plain(conn,
            select(u.parent_code, func.count(), func.count(a.unit_code)).select_from(u).outerjoin(a, contact)
            .where(u.level == "village", u.deleted.is_(False)).group_by(u.parent_code)):
        f = facts.get(c)
        if f is not None:
            f.villages, f.villages_with_contact = n, with_contact
    # The year's kept counts per unit and domain (store.activity_counts: one range of its primary
    # key, about 165,000 rows nationally whatever the number of activities); the units that are no
    # township here are looked up afterwards, a village's count credited to its (live) township.
    others: dict[str, list[tuple[str, int]]] = {}
    for c, domain, n in _plain(conn, select(k.unit_code, k.domain, k.n).where(k.year == start.year)):
        f = facts.get(c)
        if f is not None:
            f.activities[domain] = n        # one row per unit and domain; villages are added below
        else:
            others.setdefault(c, []).append((domain, n))
    codes = list(others)
    for i in range(0, len(codes), 500):     # bounded by the villages that held activities this year
        for village, township in conn.execute(select(u.code, u.parent_code).where(
                u.code.in_(codes[i:i + 500]), u.level == "village", u.deleted.is_(False))).all():
            _add_activities(facts, ((township, domain, n) for domain, n in others[village]))


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
        with cyclic_gc_paused():
            rows = [ind.township_indicators(facts[c], as_of) for c in townships]
        by_county: dict[str, list[ind.TownshipIndicators]] = {c: [] for c in county_codes}
        for code, row in zip(townships, rows):
            by_county[facts[code].parent_code].append(row)
        county_rows = [ind.county_indicators(_county_facts(s, c, n, year), by_county[c], as_of)
                       for c, n in counties]
        return ind.UnitIndicators(**head, townships=rows, counties=county_rows, rollup=ind.rollup(rows),
                                  county=county_rows[0] if unit.level == "county" else None)


def every_township_indicators(db: Database, year: int, today: dt.date | None = None
                              ) -> tuple[list[ind.TownshipIndicators], ind.Rollup]:
    """Returns (the indicator row of every live township in the database, in code order; their
    roll-up), counted up to `today` (the office's date) or the year's end: a national hub's
    whole-country figures (41,352 townships). Raises nothing of its own."""
    as_of = as_of_date(year, today or clock.today())
    with db.session() as s:
        facts = township_facts_below(s, None, None, year, as_of)
    with cyclic_gc_paused():
        rows = [ind.township_indicators(f, as_of) for f in facts.values()]
    return rows, ind.rollup(rows)
