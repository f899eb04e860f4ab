"""The kept activity counts (store.activity_counts, migration 0011) equal a fresh GROUP BY of the
activities after any sequence of writes: the services' creates, edits of unit, date (across years)
and domain, deletes, restores, undo and redo (the same service calls with the former values), a hard
DELETE, and packages imported at the county (new records and upserts of stored ones), on SQLite and
on PostgreSQL. And `check` says so when the table was tampered with."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select

from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.activity_counts import fresh_counts_sql
from sanxiang_desktop.store.integrity import integrity_problems

pytestmark = pytest.mark.both_backends   # the same tests on SQLite and PostgreSQL (issue 13)

DOMAINS = ("health", "education", "agriculture", "other")
YEARS = (2025, 2026, 2027)


def kept(db) -> dict[tuple, int]:
    with db.engine.connect() as conn:
        return {(y, u, d): n for y, u, d, n in conn.execute(
            select(m.ActivityCount.year, m.ActivityCount.unit_code, m.ActivityCount.domain, m.ActivityCount.n))}


def fresh(db) -> dict[tuple, int]:
    """The rule, computed from the activities here (not through the module's SQL) as well."""
    out: dict[tuple, int] = {}
    with db.engine.connect() as conn:
        for unit, domain, held_on in conn.execute(select(m.Activity.unit_code, m.Activity.domain, m.Activity.held_on)
                                                  .where(m.Activity.deleted.is_(False))):
            key = (held_on.year, unit, domain)
            out[key] = out.get(key, 0) + 1
        by_sql = {(y, u, d): n for y, u, d, n in conn.exec_driver_sql(fresh_counts_sql(db.engine.dialect.name))}
    assert by_sql == out
    return out


def assert_kept(db) -> None:
    want = fresh(db)
    assert want, "no live activities: the comparison would compare nothing"
    assert kept(db) == want


def _random_edits(node, rng: random.Random, steps: int) -> None:
    ws = Workspace.open(node.db)
    with node.db.session() as s:
        units = [node.code, *s.scalars(select(m.Unit.code).where(
            m.Unit.parent_code == node.code, m.Unit.level == "village", m.Unit.deleted.is_(False))).all()[:3]]
    assert len(units) > 1, "the township has villages to move activities to"
    history: list[tuple[str, str, dict, dict]] = []     # (kind, id, before, after) for undo/redo
    undone: list[tuple[str, str, dict, dict]] = []
    for step in range(steps):
        with node.db.session() as s:
            ids = s.execute(select(m.Activity.id, m.Activity.deleted).where(m.Activity.owner == node.code)
                            .order_by(m.Activity.id)).all()
        live = [i for i, deleted in ids if not deleted]
        gone = [i for i, deleted in ids if deleted]
        op = rng.choice(("create", "edit", "edit", "delete", "restore", "undo", "redo"))
        if op == "create" or not live:
            res = records.create(ws, "activities", {
                "unit_code": rng.choice(units), "title": f"科普讲座{step}", "domain": rng.choice(DOMAINS),
                "held_on": dt.date(rng.choice(YEARS), rng.randrange(1, 13), rng.randrange(1, 29))},
                allow_duplicate=True)
            assert res.ok, res.message_en()
            history.append(("create", res.record_id, {}, {}))
        elif op == "edit":
            rid = rng.choice(live)
            change = rng.choice(({"unit_code": rng.choice(units)}, {"domain": rng.choice(DOMAINS), "type": None},
                                 {"held_on": dt.date(rng.choice(YEARS), 6, rng.randrange(1, 29))},
                                 {"title": f"改名{step}"},
                                 {"unit_code": rng.choice(units), "held_on": dt.date(rng.choice(YEARS), 2, 2)}))
            res = records.update(ws, "activities", rid, change)
            assert res.ok, res.message_en()
            history.append(("update", rid, dict(res.before or {}), dict(res.after or {})))
        elif op == "delete":
            rid = rng.choice(live)
            assert records.delete(ws, "activities", rid).ok
            history.append(("delete", rid, {}, {}))
        elif op == "restore" and gone:
            rid = rng.choice(gone)
            assert records.restore(ws, "activities", rid).ok
            history.append(("restore", rid, {}, {}))
        elif op == "undo" and history:      # what ui/shell/undo.py's commands call
            kind, rid, before, after = entry = history.pop()
            undone.append(entry)
            res = {"create": lambda: records.delete(ws, "activities", rid),
                   "delete": lambda: records.restore(ws, "activities", rid),
                   "restore": lambda: records.delete(ws, "activities", rid),
                   "update": lambda: records.update(ws, "activities", rid, before)}[kind]()
            assert res.ok, res.message_en()
        elif op == "redo" and undone:
            kind, rid, before, after = entry = undone.pop()
            history.append(entry)
            res = {"create": lambda: records.restore(ws, "activities", rid),
                   "delete": lambda: records.delete(ws, "activities", rid),
                   "restore": lambda: records.restore(ws, "activities", rid),
                   "update": lambda: records.update(ws, "activities", rid, after)}[kind]()
            assert res.ok, res.message_en()
        if step % 5 == 4:
            assert_kept(node.db)
    assert_kept(node.db)


@pytest.mark.parametrize("seed", [1, 2])
def test_counts_follow_every_write_and_the_import(world, seed):
    t1, c = world["t1"], world["c"]
    rng = random.Random(seed)
    assert_kept(t1.db)          # the template's activities, counted by the migration's backfill
    _random_edits(t1, rng, 40)
    for result in c.take(t1.export()):      # new records at the county
        assert result.status == "applied", result.to_json()
    assert_kept(c.db)
    t1_counts = {k: n for k, n in kept(t1.db).items() if k[1] == t1.code or k[1].startswith(t1.code)}
    assert {k: n for k, n in kept(c.db).items() if k[1].startswith(t1.code)} == t1_counts
    _random_edits(t1, rng, 25)
    for result in c.take(t1.export()):      # stored records upserted: moved, re-dated, deleted, restored
        assert result.status == "applied", result.to_json()
    assert_kept(c.db)
    assert {k: n for k, n in kept(c.db).items() if k[1].startswith(t1.code)} == \
        {k: n for k, n in kept(t1.db).items() if k[1].startswith(t1.code)}
    # a hard DELETE (no service does one; the trigger still keeps the count)
    with c.db.engine.begin() as conn:
        victim = conn.execute(select(m.Activity.id).where(m.Activity.deleted.is_(False),
                                                          m.Activity.owner == t1.code).limit(1)).scalar()
        conn.execute(m.Attachment.__table__.delete().where(m.Attachment.activity_id == victim))
        conn.execute(m.Activity.__table__.delete().where(m.Activity.id == victim))
    assert_kept(c.db)
    assert not [p for p in integrity_problems(c.db.engine) if "activity_counts" in p]


def test_check_finds_tampered_counts(world):
    t1 = world["t1"]
    assert not [p for p in integrity_problems(t1.db.engine) if "activity_counts" in p]
    with t1.db.engine.begin() as conn:
        key = conn.execute(select(m.ActivityCount.year, m.ActivityCount.unit_code, m.ActivityCount.domain)
                           .order_by(m.ActivityCount.unit_code).limit(1)).one()
        k = m.ActivityCount.__table__.c
        conn.execute(m.ActivityCount.__table__.update().where(
            k.year == key[0], k.unit_code == key[1], k.domain == key[2]).values(n=k.n + 3))
        conn.execute(m.ActivityCount.__table__.insert().values(year=1999, unit_code=t1.code, domain="health", n=2))
    problems = [p for p in integrity_problems(t1.db.engine) if "activity_counts" in p]
    assert len(problems) == 1, problems
    assert "2 " in problems[0] and f"{key[0]} {key[1]} {key[2]}" in problems[0] and "1999" in problems[0]


def test_check_finds_a_missing_counting_trigger(world):
    t1 = world["t1"]
    on = " ON activities" if t1.db.engine.dialect.name == "postgresql" else ""
    with t1.db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP TRIGGER trg_activities_counts_upd{on}")
    problems = [p for p in integrity_problems(t1.db.engine) if "activity_counts" in p]
    assert len(problems) == 1 and "trg_activities_counts_upd" in problems[0], problems


def test_check_reports_a_missing_counts_table_instead_of_failing(world):
    t1 = world["t1"]
    with t1.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE activity_counts")
    problems = [p for p in integrity_problems(t1.db.engine) if "activity_counts" in p]
    assert len(problems) == 1 and "table is missing" in problems[0], problems
