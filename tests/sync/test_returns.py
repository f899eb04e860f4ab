"""退回更正: the city returns a township's record; receipts carry it down through the county."""
from __future__ import annotations

import json

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.sync import service
from sanxiang_desktop.sync.container import open_package, open_payload
from sanxiang_desktop.sync.trust import own_key, peer_key

from .test_privacy import personal_values
from .world import COUNTY, TOWN1


def up_to_city(t1, c, y) -> None:
    assert c.take(t1.export())[0].status == "applied"
    assert y.take(c.export())[0].status == "applied"


def first_activity(node, owner: str) -> dict:
    return next(json.loads(line) for line in node.dump()
                if '"table":"activities"' in line and json.loads(line)["owner"] == owner)


def receipt_body(node, written) -> dict:
    data = written.paths[0].read_bytes()
    with node.db.session() as s:
        plain = open_payload(open_package(data, trusted_key_for=lambda u: peer_key(s, u)), own_key(s))
    return json.loads(plain.split(b"\n")[1])["receipt"]


def test_a_return_travels_down_two_levels_and_clears_when_edited(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    up_to_city(t1, c, y)
    act = first_activity(y, TOWN1)
    out = service.return_for_correction(y.db, "activities", act["id"], "  活动日期有误，请核对  ", actor="市科协")
    assert out.row.owner == TOWN1 and out.to == COUNTY and out.row.reason == "活动日期有误，请核对"
    assert out.row.title == act["title"] and out.row.type_zh == "活动"
    assert out.changes.tables == {"sync_returns"} and out.changes.ids == {out.row.id}
    assert [r.status for r in service.returns_sent(y.db)] == ["open"]

    # the city's receipt to the county carries it; the county keeps it for the township
    down = y.receipt_for(c)
    assert [r["record_id"] for r in receipt_body(c, down)["returns"]] == [act["id"]]
    res = c.take(down)[0]
    assert res.status == "applied" and any("退回更正 1 条" in n for n in res.notes)
    assert service.corrections_due(c.db) == []
    relayed = service.returns_sent(c.db)
    assert [(r.direction, r.id) for r in relayed] == [("relay", out.row.id)]
    assert c.receipt_for(world["t2"]) and receipt_body(world["t2"], c.receipt_for(world["t2"]))["returns"] == []

    # the county's next receipt to the township carries it on
    c.take(y.receipt_for(c))                            # a second delivery from the city: still kept once
    assert len(service.returns_sent(c.db)) == 1
    t1.take(c.receipt_for(t1))
    due = service.corrections_due(t1.db)
    assert len(due) == 1
    d = due[0]
    assert (d.id, d.table, d.record_id, d.title) == (out.row.id, "activities", act["id"], act["title"])
    assert d.reason == "活动日期有误，请核对" and d.from_unit == y.code and d.from_name == "银川市"
    assert d.returned_at[:2] == "20" and d.open_table == "activities" and d.open_id == act["id"]
    t1.take(c.receipt_for(t1))                          # re-delivered: not listed twice
    assert len(service.corrections_due(t1.db)) == 1

    # the township edits the record: the return drops off; upward, the others see the correction
    ws = Workspace.open(t1.db)
    assert records.update(ws, "activities", act["id"], {"place": "掌政镇文化广场（已更正）"}).ok
    assert service.corrections_due(t1.db) == []
    from sanxiang_desktop.store.sync_models import ReturnedRecord
    with t1.db.session() as s:                          # listing is a read: it wrote nothing
        assert s.get(ReturnedRecord, out.row.id).status == "open"
    up_to_city(t1, c, y)
    assert [r.status for r in service.returns_sent(y.db)] == ["corrected"]
    assert receipt_body(c, y.receipt_for(c))["returns"] == []
    assert [r.status for r in service.returns_sent(c.db)] == ["corrected"]


def test_the_owner_can_dismiss_a_return(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    assert c.take(t1.export())[0].status == "applied"
    act = first_activity(c, TOWN1)
    service.return_for_correction(c.db, "activities", act["id"], "缺少活动照片")
    t1.take(c.receipt_for(t1))
    (due,) = service.corrections_due(t1.db)
    assert due.from_name == "兴庆区"
    assert service.dismiss_correction(t1.db, due.id).dismissed is True
    assert service.dismiss_correction(t1.db, due.id).dismissed is False
    t1.take(c.receipt_for(t1))                          # carried again (not corrected yet): stays dismissed
    assert service.corrections_due(t1.db) == []


def test_refusals_are_clear_and_bilingual(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    up_to_city(t1, c, y)
    with pytest.raises(service.ExchangeError) as err:
        service.return_for_correction(y.db, "activities", "00000000-0000-4000-8000-000000000000", "日期有误")
    assert err.value.code == "no_record" and "is held here" in err.value.message_en
    assert "本单位没有该记录" in err.value.message_zh
    plan = next(json.loads(line) for line in c.dump() if '"table":"work_plans"' in line)
    with pytest.raises(service.ExchangeError) as err:           # the county's own plan, at the county
        service.return_for_correction(c.db, "work_plans", plan["id"], "标题有误")
    assert err.value.code == "own_record" and "belongs to this unit" in err.value.message_en
    assert "属于本单位" in err.value.message_zh
    act = first_activity(y, TOWN1)
    for table, reason, code in (("activities", "   ", "no_reason"), ("nonsense", "x", "bad_table"),
                                ("activities", "长" * 201, "long_reason")):
        with pytest.raises(service.ExchangeError) as err:
            service.return_for_correction(y.db, table, act["id"], reason)
        assert err.value.code == code and err.value.message_en and err.value.message_zh
    assert service.returns_sent(y.db) == []


def test_receipts_with_returns_carry_no_personal_data(world):
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    secrets = personal_values(t1, t2, c)
    up_to_city(t1, c, y)
    person = next(json.loads(line) for line in y.dump()
                  if '"table":"people"' in line and json.loads(line)["owner"] == TOWN1
                  and json.loads(line).get("id_number"))
    service.return_for_correction(y.db, "people", person["id"], "出生日期与身份证不符")
    down = y.receipt_for(c)
    c.take(down)
    down2 = c.receipt_for(t1)
    for w, node in ((down, c), (down2, t1)):
        body = receipt_body(node, w)
        assert [r["record_id"] for r in body["returns"]] == [person["id"]]
        assert set(body["returns"][0]) == {"id", "table", "record_id", "owner", "rev", "from_unit", "reason",
                                           "returned_at"}
        text = json.dumps(body, ensure_ascii=False)
        data = w.paths[0].read_bytes()
        for value in secrets:
            assert value not in text and value.encode() not in data
        assert person["name"] not in text


def test_cli_return_record_and_corrections(world, capsys):
    t1, c, y = world["t1"], world["c"], world["y"]
    up_to_city(t1, c, y)
    act = first_activity(y, TOWN1)
    assert main(["return-record", "--db", str(y.path), "--table", "activities", "--id", act["id"],
                 "--reason", "参与人数有误", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["to"] == COUNTY
    assert main(["return-record", "--db", str(y.path), "--table", "activities", "--id",
                 "00000000-0000-4000-8000-000000000000", "--reason", "x"]) == 2
    err = capsys.readouterr().err
    assert "is held here" in err and "本单位没有该记录" in err and "Traceback" not in err
    c.take(y.receipt_for(c))
    t1.take(c.receipt_for(t1))
    assert main(["corrections", "--db", str(t1.path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["record_id"], r["reason"]) for r in rows] == [(act["id"], "参与人数有误")]
    assert main(["corrections", "--db", str(t1.path), "--dismiss", rows[0]["id"]]) == 0
    assert main(["corrections", "--db", str(t1.path)]) == 0
    assert "共 0 条" in capsys.readouterr().out


def test_received_records_lists_a_childs_records(world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    rows = service.received_records(c.db, TOWN1, "activities")
    assert rows and all(r["owner"] == TOWN1 for r in rows)
    word = rows[0]["title"][:2]
    assert all(word in r["title"] for r in service.received_records(c.db, TOWN1, "activities", word))
    assert service.received_records(c.db, COUNTY, "activities") == []      # its own: nothing to return
    assert service.received_records(c.db, "640104001", "activities") == []  # nothing from t2 yet
