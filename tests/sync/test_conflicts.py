"""Two installations editing one record: the same winner at every level, the loser kept;
edits beat deletes; a clerk resolves; one ID number under two people is listed, not merged."""
from __future__ import annotations

import datetime as dt
import json
import shutil

from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync.status import conflicts, dismiss_duplicate, duplicates, resolve_conflict

from .world import Node, copy_world


def clock(day: int):
    start = dt.datetime(2030, 7, day, 2, 0, tzinfo=dt.timezone.utc)   # after every stamp in the world
    ticks = iter(range(10**6))
    return lambda: start + dt.timedelta(seconds=next(ticks))


def record(node, rid: str) -> dict:
    return next(json.loads(line) for line in node.dump() if f'"id":"{rid}"' in line)


def clone(node: Node, name: str) -> Node:
    """The same installation copied to a second PC (same unit, same key)."""
    node.close()
    target = node.path.with_name(f"{name}.db")
    shutil.copyfile(node.path, target)
    twin = Node(node.name, target, node.out)
    twin.name = name
    node.db = open_database(node.path)
    return twin


def diverge(world, edit_b):
    """t1 and its clone both change the same venue; returns (venue id, package a, package b)."""
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    twin = clone(t1, "t1b")
    vid = next(json.loads(line)["id"] for line in t1.dump() if '"table":"venues"' in line)
    ws_a = Workspace.open(t1.db, now=clock(1))
    assert records.update(ws_a, "venues", vid, {"name": "甲：科普活动室"}).ok
    edit_b(Workspace.open(twin.db, now=clock(2)), vid)          # later wall clock: higher stamp
    a, b = t1.export(), twin.export()
    twin.close()
    return vid, a, b


def test_the_same_winner_at_every_level_whatever_the_order(world, templates, tmp_path):
    vid, a, b = diverge(world, lambda ws, vid: records.update(ws, "venues", vid, {"name": "乙：科普活动室"}))
    c, y = world["c"], world["y"]
    c.take(a)
    first = c.export()            # the city gets 甲 first ...
    res = c.take(b)[0]
    assert res.counts["conflicts"] == 1 and res.counts["updated"] == 1
    second = c.export()           # ... then 乙
    assert record(c, vid)["name"] == "乙：科普活动室"
    listed = conflicts(c.db)
    assert len(listed) == 1 and listed[0].result == "incoming"
    assert listed[0].local["name"] == "甲：科普活动室" and listed[0].incoming["name"] == "乙：科普活动室"
    y.take(second, first)         # the city, in the other order
    assert record(y, vid)["name"] == "乙：科普活动室"
    assert len(conflicts(y.db)) == 1 and conflicts(y.db)[0].result == "local"
    other = copy_world(templates, tmp_path / "other")
    try:
        other["c"].take(b, a)
        assert record(other["c"], vid) == record(c, vid)
        other["y"].take(first, second)
        assert record(other["y"], vid) == record(y, vid)
    finally:
        for node in other.values():
            node.close()
    c.take(a, b)                   # delivered again: no second conflict entry
    assert len(conflicts(c.db)) == 1


def test_edits_beat_deletes(world, templates, tmp_path):
    # the clone deletes later (higher stamp) than the original edits
    vid, a, b = diverge(world, lambda ws, v: records.delete(ws, "venues", v))
    c, y = world["c"], world["y"]
    c.take(b, a)
    kept = record(c, vid)
    assert kept["deleted"] is False and kept["name"] == "甲：科普活动室"
    other = copy_world(templates, tmp_path / "other")
    try:
        other["c"].take(a, b)
        assert record(other["c"], vid) == kept
    finally:
        for node in other.values():
            node.close()
    y.take(c.export())
    assert record(y, vid) == kept


def test_a_clerk_resolves_and_the_choice_travels_up(world):
    vid, a, b = diverge(world, lambda ws, vid: records.update(ws, "venues", vid, {"name": "乙：科普活动室"}))
    c, y = world["c"], world["y"]
    c.take(a, b)
    (conflict,) = conflicts(c.db)
    assert conflict.result == "incoming"          # 乙 won on the clock
    entries = audit_actions(c)
    out = resolve_conflict(c.db, conflict.id, "local", actor="县科协录入员")
    assert out.record_changed is True and out.changes.touches("venues") and vid in out.changes.ids
    assert audit_actions(c) == entries + ["resolve:sync_conflicts"]          # one action, one entry
    chosen = record(c, vid)
    assert chosen["name"] == "甲：科普活动室" and chosen["rev"] == 3 and chosen["owner"] == "640104100"
    assert conflicts(c.db) == [] and conflicts(c.db, open_only=False)[0].resolved_keep == "local"
    y.take(c.export())
    assert record(y, vid) == chosen


def test_one_id_number_under_two_people_is_listed_not_merged(world):
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    person = next(json.loads(line) for line in t1.dump()
                  if '"table":"people"' in line and json.loads(line)["id_number"])
    ws = Workspace.open(t2.db)
    res = records.create(ws, "people", {"unit_code": t2.code, "name": "马小花", "id_number": person["id_number"]},
                         allow_duplicate=True)
    assert res.ok, res.message_en()
    results = c.take(t1.export(), t2.export())
    assert [r.counts["duplicates"] for r in results] == [0, 1]
    listed = duplicates(c.db)
    assert len(listed) == 1 and {p["id"] for p in listed[0]["people"]} == {person["id"], res.record_id}
    masked = listed[0]["people"][0]["id_number_masked"]
    assert "*" in masked and masked != person["id_number"]
    assert record(c, person["id"])["name"] == person["name"] and record(c, res.record_id)["name"] == "马小花"
    y.take(c.export())
    assert len(duplicates(y.db)) == 1
    entries = audit_actions(c)
    assert dismiss_duplicate(c.db, listed[0]["id"]).dismissed and duplicates(c.db) == []
    assert not dismiss_duplicate(c.db, listed[0]["id"]).dismissed              # no longer open: nothing
    assert audit_actions(c) == entries + ["dismiss:sync_duplicates"]


def audit_actions(node) -> list[str]:
    """The audit log's actions, oldest first."""
    from sqlalchemy import select
    from sanxiang_desktop.store.models import AuditEntry
    with node.db.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
