"""The indicators' facts as services.indicators gathered them before the grouped queries (500
townships at a time, seven queries per chunk, IN lists of codes): the reference that the new
queries must agree with (test_indicator_queries.py). Kept verbatim but for the imports."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.core.catalogues import KEY_SLOTS, LEADERSHIP_ROLES
from sanxiang_desktop.core.clock import format_local
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.sync_models import ReceivedPackage, RecordOrigin

def last_package_dates(s: Session, codes: list[str]) -> dict[str, str]:
    """Returns {unit code: ISO date} of the last package with data from each of `codes`: received from the
    unit directly, or forwarded by a unit between (record origins). Units with none are left out.

    Read from the sync tables (store.sync_models) here, so the indicators need no registry that
    the sync layer fills by being imported."""
    out: dict[str, str] = {}
    for code, when in s.execute(select(ReceivedPackage.sender, func.max(ReceivedPackage.received_at))
                                .where(ReceivedPackage.sender.in_(codes), ReceivedPackage.kind == "data")
                                .group_by(ReceivedPackage.sender)):
        out[code] = format_local(when, date_only=True)     # the office's date of a UTC stamp
    for code, when in s.execute(select(RecordOrigin.origin_unit, func.max(RecordOrigin.received_at))
                                .where(RecordOrigin.origin_unit.in_(codes)).group_by(RecordOrigin.origin_unit)):
        day = format_local(when, date_only=True)
        if day > out.get(code, ""):
            out[code] = day
    return out


_SLOT_OF = {cat: slot for slot, cats in KEY_SLOTS.items() for cat in cats}


def _chunks(codes: list[str], size: int = 500):
    for i in range(0, len(codes), size):
        yield codes[i:i + size]


def township_facts(s: Session, codes: list[str], year: int, as_of: dt.date) -> dict[str, ind.TownshipFacts]:
    facts: dict[str, ind.TownshipFacts] = {}
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for chunk in _chunks(codes):
        for code, name, parent in s.execute(select(m.Unit.code, m.Unit.name, m.Unit.parent_code)
                                            .where(m.Unit.code.in_(chunk))):
            facts[code] = ind.TownshipFacts(code, name, parent)
        for a in s.scalars(select(m.Association).where(m.Association.unit_code.in_(chunk),
                                                       m.Association.deleted.is_(False))):
            f = facts[a.unit_code]
            f.established, f.term_end = a.established, a.term_end
            f.staff_quota, f.staff_count, f.funding_yuan, f.premises_m2 = (
                a.staff_quota, a.staff_count, a.funding_yuan, a.premises_m2)
        current = and_(m.Post.deleted.is_(False), or_(m.Post.start_on.is_(None), m.Post.start_on <= as_of),
                       or_(m.Post.end_on.is_(None), m.Post.end_on > as_of))
        rows = s.execute(select(m.Post.unit_code, m.Person.category).join(m.Person, m.Person.id == m.Post.person_id)
                         .where(m.Post.unit_code.in_(chunk), current, m.Person.deleted.is_(False),
                                m.Post.role.in_(LEADERSHIP_ROLES), m.Person.category.in_(_SLOT_OF))
                         .distinct())
        for unit_code, category in rows:
            facts[unit_code].slots_filled[_SLOT_OF[category]] = True
        for code, n, last in s.execute(
                select(m.Visit.visited_unit_code, func.count(), func.max(m.Visit.visited_on))
                .where(m.Visit.visited_unit_code.in_(chunk), m.Visit.deleted.is_(False),
                       m.Visit.visited_on.between(start, end)).group_by(m.Visit.visited_unit_code)):
            facts[code].visits, facts[code].last_visit = n, last
        villages = dict(s.execute(select(m.Unit.code, m.Unit.parent_code).where(
            m.Unit.parent_code.in_(chunk), m.Unit.level == "village", m.Unit.deleted.is_(False))).all())
        for township in villages.values():
            facts[township].villages += 1
        for village_chunk in _chunks(list(villages)):
            for (code,) in s.execute(select(m.Association.unit_code).where(
                    m.Association.unit_code.in_(village_chunk), m.Association.deleted.is_(False),
                    m.Association.contact_person_id.is_not(None))):
                facts[villages[code]].villages_with_contact += 1
        owner_of = {c: c for c in chunk} | villages
        for unit_chunk in _chunks(list(owner_of)):
            for code, domain, n in s.execute(
                    select(m.Activity.unit_code, m.Activity.domain, func.count())
                    .where(m.Activity.unit_code.in_(unit_chunk), m.Activity.deleted.is_(False),
                           m.Activity.held_on.between(start, end))
                    .group_by(m.Activity.unit_code, m.Activity.domain)):
                bucket = facts[owner_of[code]].activities
                bucket[domain] = bucket.get(domain, 0) + n
        for code, when in last_package_dates(s, chunk).items():
            if code in facts:
                facts[code].last_package = when
    return facts
