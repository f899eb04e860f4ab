"""Receipts: what the upper level holds decides what the next package carries."""
from __future__ import annotations

import json
import shutil

from sanxiang_desktop.store.migrate import head_revision
from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.migrate import head_revision
from sanxiang_desktop.sync.receipts import high_water, upper_status
from sanxiang_desktop.sync.status import children, history

from .world import TOWN1, forge, record_lines


def rename_venue(node, name: str) -> str:
    ws = Workspace.open(node.db)
    vid = next(json.loads(line)["id"] for line in node.dump() if '"table":"venues"' in line)
    assert records.update(ws, "venues", vid, {"name": name}).ok
    return vid


def test_the_next_package_starts_after_the_acknowledged_one(world):
    t1, c = world["t1"], world["c"]
    first = t1.export()
    assert first.seq == 1 and first.acked_seq == 0
    c.take(first)
    receipt = c.receipt_for(t1)
    res = t1.take(receipt)[0]
    assert res.status == "applied" and res.kind == "receipt"
    assert res.message_zh.startswith("兴庆区科协已接收至第 1 包（")
    second = t1.export()
    assert second.seq == 2 and second.acked_seq == 1
    assert second.counts == {}                        # always written, even with nothing new
    rename_venue(t1, "掌政镇科学社")
    third = t1.export()
    assert third.seq == 3 and third.counts == {"venues": 1}
    status = upper_status(t1.db)
    assert status["acked_seq"] == 1 and status["unacknowledged"] == [2, 3]
    assert status["message_zh"].startswith("兴庆区科协已接收至第 1 包")


def test_a_lost_package_is_covered_by_the_next_one(world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    t1.take(c.receipt_for(t1))
    a = rename_venue(t1, "第一次改名")
    lost = t1.export()                                 # the stick with package 2 is lost
    assert lost.counts == {"venues": 1}
    ws = Workspace.open(t1.db)
    pid = next(json.loads(line)["id"] for line in t1.dump() if '"table":"activities"' in line)
    assert records.update(ws, "activities", pid, {"place": "掌政镇文化广场东侧"}).ok
    third = t1.export()
    assert third.acked_seq == 1 and third.counts == {"venues": 1, "activities": 1}
    res = c.take(third)[0]
    assert res.status == "applied" and res.missing == []
    assert json.loads(next(line for line in c.dump() if f'"id":"{a}"' in line))["name"] == "第一次改名"
    state = next(ch for ch in children(c.db) if ch.unit == TOWN1)
    assert state.high_water == 3 and state.missing == [] and state.last_seq == 3
    receipt = c.receipt_for(t1)
    t1.take(receipt)
    assert upper_status(t1.db)["acked_seq"] == 3
    assert t1.export().counts == {}


def test_a_gap_that_nothing_covers_is_shown_until_a_receipt_resets_it(world, tmp_path):
    """The county restores an old backup: packages it had acknowledged are gone from it."""
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    c.close()
    backup = tmp_path / "county-backup.db"
    shutil.copyfile(c.path, backup)
    c.db = open_database(c.path)
    rename_venue(t1, "改名一")
    c.take(t1.export())
    t1.take(c.receipt_for(t1))                         # acknowledges 2
    rename_venue(t1, "改名二")
    third = t1.export()
    assert third.acked_seq == 2
    c.close()
    shutil.copyfile(backup, c.path)                    # the county's disk died; last week's backup
    for suffix in ("-wal", "-shm"):
        (c.path.parent / (c.path.name + suffix)).unlink(missing_ok=True)
    c.db = open_database(c.path)
    res = c.take(third)[0]
    assert res.status == "applied" and res.missing == [2]
    assert any("掌政镇：缺第 2 包" in n for n in res.notes) and any("package 2 missing" in n for n in res.notes)
    state = next(ch for ch in children(c.db) if ch.unit == TOWN1)
    assert state.missing == [2] and state.message_zh == "掌政镇：缺第 2 包"
    t1.take(c.receipt_for(t1))                         # the restored county says: I hold up to 1
    fourth = t1.export()
    assert fourth.seq == 4 and fourth.acked_seq == 1 and fourth.counts.get("venues") == 1
    assert c.take(fourth)[0].missing == []
    assert next(ch for ch in children(c.db) if ch.unit == TOWN1).high_water == 4


def test_the_newest_receipt_counts_whatever_order_they_arrive_in(world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    old = c.receipt_for(t1)
    c.take(t1.export())
    new = c.receipt_for(t1)
    t1.take(new)
    t1.take(old)
    assert upper_status(t1.db)["acked_seq"] == 2
    again = t1.take(new)[0]
    assert again.status == "duplicate"
    sent = history(t1.db).sent
    assert {p.seq: p.acknowledged for p in sent if p.kind == "data"} == {1: True, 2: True}


def test_high_water_rule():
    assert high_water([]) == 0
    assert high_water([(1, 0), (2, 0), (3, 0)]) == 3
    assert high_water([(1, 0), (3, 1)]) == 3            # 3 built on receipt 1: covers 2
    assert high_water([(1, 0), (3, 2)]) == 1            # 3 built on 2, which never came
    assert high_water([(3, 2), (2, 0)]) == 3


def test_receipts_report_rejections_with_reasons(world, tmp_path):
    from sanxiang_desktop.sync.container import open_package, open_payload
    from sanxiang_desktop.sync.trust import own_key, peer_key
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    # a package of t1 that claims a record of another township: authenticated, then refused
    bad = forge(t1, record_lines(t1, "venues", owner="640104001"), recipient=c.code, seq=2, acked=0)
    path = tmp_path / "bad.sxpkg"
    path.write_bytes(bad)
    res = c.take(path)[0]
    assert res.status == "applied" and [r["code"] for r in res.refused] == ["owner_changed"]
    data = c.receipt_for(t1).paths[0].read_bytes()
    with t1.db.session() as s:
        opened = open_package(data, trusted_key_for=lambda u: peer_key(s, u))
        body = json.loads(open_payload(opened, own_key(s)).split(b"\n")[1])["receipt"]
    assert body["acked_seq"] == 2 and body["applied"][-1]["seq"] == 1 and body["schema_version"] == head_revision()
    assert [r["code"] for r in body["rejections"]] == ["owner_changed"]
    assert body["rejections"][0]["seq"] == 2 and "640104001" in body["rejections"][0]["reason_en"]
    summary = t1.take(c.receipt_for(t1))[0]
    assert summary.status == "applied"
