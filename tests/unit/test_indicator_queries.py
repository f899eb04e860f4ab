"""The indicators' grouped queries (services.indicators.township_facts_below) give exactly the facts
the former chunked queries gave (tests/unit/indicators_reference.py), on a generated county with
deleted records, village activities, ended posts and received packages, on both backends."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update

from sanxiang_desktop.services.indicators import township_facts_below, unit_indicators
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.sync_models import ReceivedPackage, RecordOrigin
from tests.bench.generate import generate

from .indicators_reference import township_facts

COUNTY = "640104"
AS_OF = dt.date(2026, 11, 28)


def _roughen(db, townships: list[str]) -> None:
    """What the generator does not make: deleted rows, activities held in villages, a deleted
    village, ended posts, last year's activities, packages received from townships."""
    with db.engine.begin() as conn:
        villages = conn.execute(select(m.Unit.code, m.Unit.parent_code).where(
            m.Unit.level == "village").order_by(m.Unit.code)).all()
        acts = conn.execute(select(m.Activity.id).order_by(m.Activity.id)).scalars().all()
        for n, aid in enumerate(acts[:120]):
            village, _ = villages[n * 7 % len(villages)]
            conn.execute(update(m.Activity).where(m.Activity.id == aid).values(unit_code=village))
        for aid in acts[120:160]:
            conn.execute(update(m.Activity).where(m.Activity.id == aid).values(deleted=True))
        for aid in acts[160:200]:
            conn.execute(update(m.Activity).where(m.Activity.id == aid).values(held_on=dt.date(2025, 6, 1)))
        # a deleted village: its activities and contact no longer count
        conn.execute(update(m.Unit).where(m.Unit.code == villages[0][0]).values(deleted=True))
        posts = conn.execute(select(m.Post.id).order_by(m.Post.id)).scalars().all()
        for pid in posts[::5]:
            conn.execute(update(m.Post).where(m.Post.id == pid).values(end_on=dt.date(2026, 3, 1)))
        for pid in posts[1::9]:
            conn.execute(update(m.Post).where(m.Post.id == pid).values(deleted=True))
        people = conn.execute(select(m.Person.id).where(m.Person.category.is_not(None))
                              .order_by(m.Person.id)).scalars().all()
        for pid in people[::11]:
            conn.execute(update(m.Person).where(m.Person.id == pid).values(deleted=True))
        conn.execute(update(m.Association).where(m.Association.unit_code == townships[1]).values(deleted=True))
        conn.execute(insert(ReceivedPackage.__table__), [
            dict(package_id=f"00000000-0000-7000-8000-00000000000{n}", kind=kind, sender=sender, seq=n,
                 sha256="0" * 64, created_at=at, received_at=at, counts="{}", acked_seq=0, duplicate_count=0)
            for n, (kind, sender, at) in enumerate([
                ("data", townships[0], "2026-05-01T03:00:00.000000Z"),
                ("data", townships[0], "2026-07-01T18:00:00.000000Z"),     # the next day in Beijing
                ("reference", townships[2], "2026-08-01T03:00:00.000000Z")])])
        conn.execute(insert(RecordOrigin.__table__), [
            dict(table_name="activities", record_id=acts[300 + n], origin_unit=unit, origin_package=None,
                 origin_rev=1, via_package="00000000-0000-7000-8000-000000000009", via_sender=COUNTY,
                 received_at=at)
            for n, (unit, at) in enumerate([(townships[0], "2026-09-01T03:00:00.000000Z"),
                                            (townships[3], "2026-04-01T03:00:00.000000Z"),
                                            (townships[3], "2026-02-01T03:00:00.000000Z")])])


def test_grouped_queries_give_the_former_facts(backend):
    db = open_database(backend.target("gen.db"), create=True)
    try:
        generate(db, "county")
        with db.session() as s:
            townships = s.scalars(select(m.Unit.code).where(
                m.Unit.parent_code == COUNTY, m.Unit.level == "township", m.Unit.deleted.is_(False))
                .order_by(m.Unit.code)).all()
        assert len(townships) == 16
        _roughen(db, townships)
        with db.session() as s:
            for year in (2026, 2025):
                as_of = AS_OF if year == 2026 else dt.date(2025, 12, 31)
                old = township_facts(s, list(townships), year, as_of)
                for level, code in ((None, None), ("county", COUNTY)):
                    new = township_facts_below(s, level, code, year, as_of)
                    assert list(new) == list(townships) and new == old, (level, year)
                one = township_facts_below(s, "township", townships[3], year, as_of)
                assert one == {townships[3]: old[townships[3]]}
            new = township_facts_below(s, None, None, 2026, AS_OF)
        # the roughening shows in the facts, so the comparison above compared something
        assert new[townships[0]].last_package == "2026-09-01"
        assert new[townships[3]].last_package == "2026-04-01"
        assert new[townships[2]].last_package is None
        assert new[townships[1]].established is None
        assert sum(f.villages for f in new.values()) > sum(f.villages_with_contact for f in new.values()) > 0
        assert not all(all(f.slots_filled.values()) for f in new.values())
        # the city above the county sees the same townships
        city = unit_indicators(db, "640100", 2026, today=AS_OF)
        assert [t.code for t in city.townships] == list(townships)
    finally:
        db.close()
