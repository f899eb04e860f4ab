"""Issue 8, kind 1: ownership is enforced on what is stored, not on what arrives.

Every package here is signed with a child's REAL key (world.forge): the signature is good,
the content is hostile. Each forged record is refused alone; the rest of the package applies."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from sanxiang_desktop.store import models as m

from .world import COUNTY, TOWN1, TOWN2, forge, record_lines

YUEYAHU = "640104201"          # 月牙湖乡, a built-in sibling township of 掌政镇
FUTURE = "1900000000000.00000"


def _write(tmp_path, data: bytes, name: str = "forged.sxpkg"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _row(node, table: str, rid: str) -> dict:
    return next(json.loads(x) for x in node.dump() if f'"id":"{rid}"' in x and f'"table":"{table}"' in x)


def _steal(node, table: str, new_owner: str, **changes) -> tuple[str, bytes]:
    """One of node's records, rewritten to belong to new_owner, one revision and a later stamp ahead."""
    line = json.loads(record_lines(node, table)[0])
    state = line["record"]
    state.update(owner=new_owner, rev=state["rev"] + 5, hlc=FUTURE, **changes)
    line["origin"] = {"unit": new_owner, "package": None, "rev": state["rev"]}
    return state["id"], json.dumps(line, ensure_ascii=False).encode()


def _legit_venue(node) -> tuple[str, bytes]:
    line = json.loads(record_lines(node, "venues")[0])
    line["record"].update(rev=line["record"]["rev"] + 1, hlc=FUTURE, notes="真实修改")
    line["origin"]["rev"] = line["record"]["rev"]
    return line["record"]["id"], json.dumps(line, ensure_ascii=False).encode()


def test_takeover_of_another_townships_record_is_refused_alone(world, tmp_path):
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    assert c.take(t1.export(), t2.export())[1].status == "applied"
    before = _row(c, "activities", json.loads(record_lines(t2, "activities")[0])["record"]["id"])
    stolen, bad = _steal(t2, "activities", TOWN1, title="被篡改的活动")
    venue, good = _legit_venue(t1)
    preview = c.take(_write(tmp_path, forge(t1, [bad, good], recipient=c.code, seq=2, acked=0)), dry_run=True)[0]
    assert preview.status == "applied" and [r["id"] for r in preview.refused] == [stolen]
    assert preview.refused[0]["code"] == "not_owner"
    res = c.take(_write(tmp_path, forge(t1, [bad, good], recipient=c.code, seq=2, acked=0)))[0]
    assert res.status == "applied" and res.counts["updated"] == 1, res.error
    assert [(r["table"], r["id"], r["code"]) for r in res.refused] == [("activities", stolen, "not_owner")]
    assert _row(c, "activities", stolen) == before                   # title, owner, rev: untouched
    assert _row(c, "venues", venue)["notes"] == "真实修改"             # the rest of the package applied
    # the receipt names the refused record and why, with no title in it
    receipt = c.receipt_for(t1)
    t1_res = t1.take(receipt)[0]
    assert t1_res.status == "applied"
    with t1.db.session() as s:
        from sanxiang_desktop.store.sync_models import ReceivedReceipt
        body = json.loads(s.scalar(select(ReceivedReceipt.body)))
    refusals = [r for r in body["rejections"] if r["code"] == "not_owner"]
    assert refusals and stolen in refusals[0]["reason_en"] and "被篡改" not in json.dumps(body, ensure_ascii=False)
    # forwarded upward: the city gets the real owner's version, never the stolen one
    assert y.take(c.export())[0].status == "applied"
    assert _row(y, "activities", stolen)["owner"] == TOWN2 and _row(y, "activities", stolen)["title"] == before["title"]


def test_takeover_of_the_countys_own_record_and_a_deleted_flag_are_refused(world, tmp_path):
    t1, c = world["t1"], world["c"]
    person, bad_owner = _steal(c, "people", TOWN1, deleted=True)
    plan, bad_deleted = _steal(c, "work_plans", COUNTY, deleted=True)     # owner kept: still not t1's
    res = c.take(_write(tmp_path, forge(t1, [bad_owner, bad_deleted], recipient=c.code, seq=1)))[0]
    assert res.status == "applied", res.error
    assert sorted(r["code"] for r in res.refused) == ["not_owner", "not_owner"]
    for table, rid in (("people", person), ("work_plans", plan)):
        row = _row(c, table, rid)
        assert row["owner"] == COUNTY and row["deleted"] is False
    # the county can still edit its own record
    from sanxiang_desktop.services import records
    from sanxiang_desktop.services.workspace import Workspace
    assert records.update(Workspace.open(c.db), "people", person, {"name": "王建设"}).ok


def test_a_builtin_township_cannot_arrive_as_a_village(world, tmp_path):
    t1, c = world["t1"], world["c"]
    with c.db.session() as s:
        builtin = s.scalar(select(m.Unit).where(m.Unit.code == YUEYAHU))
        townships = s.scalar(select(func.count()).select_from(m.Unit).where(m.Unit.level == "township"))
        state = {col.name: getattr(builtin, col.name) for col in m.Unit.__table__.columns if col.name != "extra"}
    assert townships == 16
    state = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in state.items()}
    for key in ("name_pinyin", "name_initials"):
        state.pop(key, None)
    state.update(table="units", builtin=False, level="village", code=f"{TOWN1}201", parent_code=TOWN1,
                 owner=TOWN1, rev=9, hlc=FUTURE)
    line = json.dumps({"record": state, "origin": {"unit": TOWN1, "package": None, "rev": 9}},
                      ensure_ascii=False).encode()
    res = c.take(_write(tmp_path, forge(t1, [line], recipient=c.code, seq=1)))[0]
    assert res.status == "applied" and [r["code"] for r in res.refused] == ["builtin_unit"], res.error
    with c.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Unit).where(m.Unit.level == "township")) == 16
        assert s.scalar(select(m.Unit.level).where(m.Unit.code == YUEYAHU)) == "township"


def test_villages_and_filing_stay_inside_the_senders_tree(world, tmp_path):
    t1, t2, c = world["t1"], world["t2"], world["c"]
    assert c.take(t1.export(), t2.export())[0].status == "applied"
    line = json.loads(record_lines(t1, "units")[0])
    village = line["record"]
    moved = dict(village, parent_code=TOWN2, code=TOWN2 + village["code"][9:], rev=village["rev"] + 1, hlc=FUTURE)
    venue = json.loads(record_lines(t1, "venues")[0])
    venue["record"].update(unit_code=TOWN2, rev=venue["record"]["rev"] + 1, hlc=FUTURE)
    lines = [json.dumps({"record": moved, "origin": line["origin"]}, ensure_ascii=False).encode(),
             json.dumps(venue, ensure_ascii=False).encode()]
    res = c.take(_write(tmp_path, forge(t1, lines, recipient=c.code, seq=2)))[0]
    assert res.status == "applied", res.error
    assert sorted(r["code"] for r in res.refused) == ["foreign_unit", "outside_subtree"]
    assert _row(c, "units", village["id"])["parent_code"] == TOWN1


def test_ownership_never_moves_by_package(world, tmp_path):
    """Even inside the sender's own tree: a township cannot hand its record to one of its villages,
    and a county cannot take a township's record as its own on the way up."""
    t1, c, y = world["t1"], world["c"], world["y"]
    assert c.take(t1.export())[0].status == "applied"
    assert y.take(c.export())[0].status == "applied"
    village = json.loads(record_lines(t1, "units")[0])["record"]["code"]
    rid, line = _steal(t1, "activities", village)
    res = c.take(_write(tmp_path, forge(t1, [line], recipient=c.code, seq=2)))[0]
    assert [r["code"] for r in res.refused] == ["owner_changed"]
    rid, line = _steal(t1, "venues", COUNTY)                  # the county claims a township's venue
    res = y.take(_write(tmp_path, forge(c, [line], recipient=y.code, seq=5)))[0]
    assert res.status == "applied" and [r["code"] for r in res.refused] == ["owner_changed"]
    assert _row(y, "venues", rid)["owner"] == TOWN1


def test_a_record_that_depends_on_a_refused_new_record_is_refused_too(world, tmp_path):
    t1, c = world["t1"], world["c"]
    person = json.loads(record_lines(t1, "people")[0])
    person["record"].update(id="01900000-0000-7000-8000-000000000001", owner=TOWN2, id_number=None)
    post = json.loads(record_lines(t1, "posts")[0])
    post["record"].update(id="01900000-0000-7000-8000-000000000002", person_id=person["record"]["id"])
    lines = [json.dumps(x, ensure_ascii=False).encode() for x in (person, post)]
    res = c.take(_write(tmp_path, forge(t1, lines, recipient=c.code, seq=1)))[0]
    assert res.status == "applied", res.error
    assert sorted(r["code"] for r in res.refused) == ["foreign_owner", "refused_parent"]
