"""Every service on a real SQLite file: one action = one transaction = one audit entry."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from sanxiang_desktop.services import appoint, create, delete, end_post, get, restore, update
from sanxiang_desktop.services.people import duplicates_for
from sanxiang_desktop.services.spec import SPECS
from sanxiang_desktop.services.units import add_village
from sanxiang_desktop.store import models as m

from .conftest import COUNTY, TOWNSHIP

VALID_ID = "11010519491231002X"


def audit_count(ws) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


def person(ws, name="张伟", **kw):
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": name, **kw})
    assert r.ok, r.message_en()
    return r.record_id


def samples(ws) -> dict[str, dict]:
    """One valid set of fields per record type, with the parents it needs."""
    p = person(ws, "李明")
    act = create(ws, "activities", {"unit_code": ws.home_unit, "title": "健康讲堂", "held_on": "2026-05-10",
                                    "domain": "health"}).record_id
    team = create(ws, "volunteer_teams", {"unit_code": ws.home_unit, "name": "医疗科普志愿者队"}).record_id
    plan = create(ws, "work_plans", {"unit_code": ws.home_unit, "year": 2026, "title": "工作方案"}).record_id
    village = add_village(ws, ws.home_unit, "红星村")
    assert village.ok, village.message_en()
    from sanxiang_desktop.store.models import Blob
    with ws.session() as s, s.begin():
        s.add(Blob(sha256="ab" * 32, size=3, data=b"abc"))
    return {
        "units": None,  # covered by add_village
        "associations": {"unit_code": ws.home_unit, "established": "是", "term_no": 2, "term_start": "2024-03-01",
                         "term_end": "2029-02-28", "funding_yuan": "20000"},
        "association_meetings": {"unit_code": ws.home_unit, "kind": "全委会", "held_on": "2026年3月8日"},
        "people": {"unit_code": ws.home_unit, "name": "王芳", "id_number": "640104198503150024", "phone": "13895072768"},
        "posts": {"person_id": p, "unit_code": ws.home_unit, "role": "part_time_vice_chair", "start_on": "2026-01-01"},
        "venues": {"unit_code": ws.home_unit, "type": "科普活动室", "name": "掌政镇科普活动室", "area_m2": "80"},
        "activities": {"unit_code": ws.home_unit, "title": "义诊", "held_on": "2026-06-01", "type": "free_clinic"},
        "attachments": {"activity_id": act, "kind": "photo", "file_name": "a.png", "sha256": "ab" * 32, "size": 3},
        "volunteer_teams": {"unit_code": ws.home_unit, "name": "农技服务队", "domain": "agriculture"},
        "team_members": {"team_id": team, "person_id": p, "role": "member"},
        "leading_groups": None,  # county only: tested below
        "group_members": None,
        "visits": {"unit_code": ws.home_unit, "visited_unit_code": village.changes and ws.home_unit,
                   "visited_on": "2026-04-02"},
        "work_plans": {"unit_code": ws.home_unit, "year": 2026, "title": "方案二"},
        "plan_tasks": {"plan_id": plan, "title": "召开推进会", "due_on": "2026-05-10"},
        "milestones": {"unit_code": ws.home_unit, "year": 2026, "code": "kickoff", "title": "推进会",
                       "due_on": "2026-05-10"},
        "bulletins": {"unit_code": ws.home_unit, "issued_on": "2026-06-30", "title": "第1期"},
    }


def test_create_update_delete_restore_for_every_record_type(ws):
    cases = samples(ws)
    assert set(cases) == set(SPECS)
    for table, fields in cases.items():
        if fields is None:
            continue
        before = audit_count(ws)
        r = create(ws, table, fields)
        assert r.ok, (table, r.message_en())
        assert r.changes.tables == {table} and r.record_id in r.changes.ids
        assert audit_count(ws) == before + 1
        rec = get(ws, table, r.record_id)
        assert rec["owner"] == ws.home_unit and rec["rev"] == 1
        editable = next(f for f in SPECS[table].fields if f.kind in ("text", "multiline", "date") and f.editable
                        and not f.required and f.name not in ("code", "end_on", "birth_date"))
        value = dt.date(2026, 7, 1) if editable.kind == "date" else "更正后的内容"
        u = update(ws, table, r.record_id, {editable.name: value})
        assert u.ok and u.before == {editable.name: rec[editable.name]} and u.after == {editable.name: value}
        assert get(ws, table, r.record_id)["rev"] == 2
        assert delete(ws, table, r.record_id).ok and get(ws, table, r.record_id)["deleted"]
        assert restore(ws, table, r.record_id).ok and not get(ws, table, r.record_id)["deleted"]
        assert get(ws, table, r.record_id)["rev"] == 4


def test_values_are_normalised(ws):
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": " 马 海燕\u200b", "id_number": "６４０１０４１９８５０３１５００２４",
                              "phone": "138 9507 2768"})
    assert r.ok, r.message_en()
    rec = get(ws, "people", r.record_id)
    assert rec["name"] == "马 海燕"
    assert rec["id_number"] == "640104198503150024"
    assert rec["birth_date"] == dt.date(1985, 3, 15) and rec["gender"] == "female"
    assert rec["phone"] == "13895072768"


def test_bad_input_is_a_structured_result_and_changes_nothing(ws):
    before = audit_count(ws)
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": "", "id_number": "110105194912310021",
                              "birth_date": "2019-02-30"})
    assert not r.ok
    fields = {p.field for p in r.errors}
    assert {"name", "id_number", "birth_date"} <= fields
    assert any("校验" in p.message_zh for p in r.errors)
    assert audit_count(ws) == before
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Person)) == 0


def test_unknown_catalogue_value_and_unit_out_of_scope(ws):
    r = create(ws, "venues", {"unit_code": "640105001", "type": "no-such-type", "name": "x"})
    assert not r.ok
    assert {p.field for p in r.errors} == {"unit_code", "type"}


def test_id_number_must_agree_with_birth_date_and_gender(ws):
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": "赵强", "id_number": VALID_ID, "gender": "male"})
    assert not r.ok and r.errors[0].field == "gender"


def test_duplicate_person_is_reported_before_a_second_copy(ws):
    first = person(ws, "单丽", id_number="640104198503150024")
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": "单丽娟", "id_number": "640104198503150024"})
    assert not r.ok and r.duplicates[0].person_id == first and r.duplicates[0].reason == "id_number"
    same_birth = create(ws, "people", {"unit_code": ws.home_unit, "name": "单丽", "birth_date": "1985-03-15"})
    assert not same_birth.ok and same_birth.duplicates[0].reason == "name_birth"
    assert duplicates_for(ws, {"name": "单丽", "phone": None, "birth_date": dt.date(1985, 3, 15)})
    forced = create(ws, "people", {"unit_code": ws.home_unit, "name": "单丽", "birth_date": "1985-03-15"},
                    allow_duplicate=True)
    assert forced.ok


def test_one_person_holds_posts_in_several_units(make_ws):
    ws = make_ws(COUNTY, "county.db")
    p = person(ws, "马建国", category="health_center_head")
    assert appoint(ws, p, "640104100", "part_time_vice_chair").ok
    assert appoint(ws, p, COUNTY, "standing_member").ok
    again = appoint(ws, p, COUNTY, "standing_member")
    assert not again.ok and again.errors[0].field == "role"
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Person)) == 1
        assert s.scalar(select(func.count()).select_from(m.Post)) == 2


def test_end_post_and_person_in_post_cannot_be_deleted(ws):
    p = person(ws)
    post = appoint(ws, p, ws.home_unit, "committee_member", start_on="2025-01-01")
    blocked = delete(ws, "people", p)
    assert not blocked.ok and "离任" in blocked.message_zh()
    ended = end_post(ws, post.record_id, "2026-03-01")
    assert ended.ok and ended.after == {"end_on": dt.date(2026, 3, 1)}
    assert delete(ws, "people", p).ok
    early = create(ws, "posts", {"person_id": person(ws, "周敏"), "unit_code": ws.home_unit, "role": "committee_member",
                                 "start_on": "2026-05-01", "end_on": "2026-04-01"})
    assert not early.ok


def test_records_of_other_units_are_read_only(ws):
    with ws.session() as s, s.begin():
        s.add(m.Person(id="0190a000-0000-7000-8000-000000000001", owner="640104101", rev=1, hlc="1.00000",
                       created_at="x", updated_at="x", unit_code=ws.home_unit, name="外单位人员"))
    r = update(ws, "people", "0190a000-0000-7000-8000-000000000001", {"name": "改名"})
    assert not r.ok and "只读" in r.message_zh()
    assert not delete(ws, "people", "0190a000-0000-7000-8000-000000000001").ok


def test_stale_edit_is_refused(ws):
    p = person(ws)
    assert update(ws, "people", p, {"job": "院长"}).ok
    stale = update(ws, "people", p, {"job": "站长"}, expected_rev=1)
    assert not stale.ok and stale.errors[0].field == "rev"


def test_villages_and_leading_group(make_ws):
    t = make_ws()
    v = add_village(t, TOWNSHIP, "通贵村")
    assert v.ok and get(t, "units", v.record_id)["code"] == f"{TOWNSHIP}901"
    assert not create(t, "leading_groups", {"unit_code": TOWNSHIP}).ok
    c = make_ws(COUNTY, "county.db")
    assert not add_village(c, COUNTY, "错层").ok
    g = create(c, "leading_groups", {"unit_code": COUNTY, "set_up_on": "2026-04-01"})
    assert g.ok
    assert create(c, "group_members", {"group_id": g.record_id, "person_id": person(c), "role": "组长"}).ok
    assert not create(c, "leading_groups", {"unit_code": COUNTY}).ok


def test_activity_domain_follows_its_type(ws):
    r = create(ws, "activities", {"unit_code": ws.home_unit, "title": "培训", "held_on": "2026-03-03",
                                  "type": "rural_practical_training"})
    assert r.ok and get(ws, "activities", r.record_id)["domain"] == "agriculture"
    bad = create(ws, "activities", {"unit_code": ws.home_unit, "title": "x", "held_on": "2026-03-03",
                                    "type": "free_clinic", "domain": "education"})
    assert not bad.ok


def test_audit_log_holds_no_personal_data(ws):
    person(ws, "王芳", id_number="640104198503150024", phone="13895072768")
    with ws.session() as s:
        text = " ".join(f"{a.label} {a.record_ids} {a.tables}" for a in s.scalars(select(m.AuditEntry)))
    assert "640104198503150024" not in text and "13895072768" not in text


def test_clock_stamps_increase_and_persist(ws):
    a = person(ws, "甲")
    b = person(ws, "乙")
    assert get(ws, "people", a)["rev"] == 1
    with ws.session() as s:
        ha, hb = (s.get(m.Person, x).hlc for x in (a, b))
    assert hb > ha
    assert ws.db.get_meta("hlc_last") >= hb


def test_unknown_region_code_is_a_warning_not_an_error(ws):
    # 640102 was 银川市城区, abolished in 2002: numbers issued there stay valid.
    from stdnum.cn import ric
    body = "64010219800101001"
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": "老城区", "id_number": body + ric.calc_check_digit(body + "0")})
    assert r.ok and r.warnings and "地区码" in r.warnings[0].message_zh


def test_search_keys_follow_renames(ws):
    from sanxiang_desktop.services.units import add_village
    p = person(ws, "单丽")
    with ws.session() as s:
        assert "shanli" in s.get(m.Person, p).search_key
    assert update(ws, "people", p, {"name": "曾红"}).ok
    a = create(ws, "activities", {"unit_code": ws.home_unit, "title": "健康讲堂", "held_on": "2026-05-01",
                                  "domain": "health"})
    v = add_village(ws, ws.home_unit, "红星村")
    assert update(ws, "units", v.record_id, {"name": "光明村"}).ok
    with ws.session() as s:
        assert "zeng" in s.get(m.Person, p).search_key
        assert "jkjt" in s.get(m.Activity, a.record_id).search_key
        assert "gmc" in s.get(m.Unit, v.record_id).search_key and "hxc" not in s.get(m.Unit, v.record_id).search_key


def test_deleting_several_is_one_action_and_all_or_nothing(ws):
    """Batch delete: one transaction, one audit entry listing the ids, one undo; a refused row changes nothing."""
    import json
    from sanxiang_desktop.services.records import delete_many, restore_many
    ids = [create(ws, "people", {"unit_code": TOWNSHIP, "name": name}).record_id for name in ("甲一", "乙二", "丙三")]
    assert appoint(ws, ids[2], TOWNSHIP, "part_time_vice_chair").ok            # 丙三 holds a post: may not be deleted
    before = audit_count(ws)
    refused = delete_many(ws, "people", ids)
    assert not refused.ok and "丙三" in refused.message_zh() and refused.changes.ids == frozenset()
    assert audit_count(ws) == before and all(not get(ws, "people", i)["deleted"] for i in ids)

    done = delete_many(ws, "people", ids[:2])
    assert done.ok and done.changes.ids == frozenset(ids[:2]) and done.label == "删除2条人员记录"
    assert audit_count(ws) == before + 1 and all(get(ws, "people", i)["deleted"] for i in ids[:2])
    with ws.session() as s:
        entry = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq.desc()).limit(1)).one()
        assert entry.action == "delete:people" and sorted(json.loads(entry.record_ids)) == sorted(ids[:2])
    assert restore_many(ws, "people", ids[:2]).ok and audit_count(ws) == before + 2
    assert not any(get(ws, "people", i)["deleted"] for i in ids)


def test_appoint_and_end_post_are_named_in_the_audit_log(ws):
    """任职 and 离任 are their own acts in the log, not create:posts / update:posts."""
    person = create(ws, "people", {"unit_code": TOWNSHIP, "name": "孙丙"}).record_id
    appointed = appoint(ws, person, TOWNSHIP, "part_time_vice_chair")
    ended = end_post(ws, appointed.record_id, dt.date(2026, 7, 1))
    assert appointed.ok and ended.ok and appointed.label.startswith("任职：") and ended.label.startswith("离任：")
    with ws.session() as s:
        last = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq.desc()).limit(2)).all()
    assert [(e.action, e.label[:2]) for e in last] == [("end_post:posts", "离任"), ("appoint:posts", "任职")]
