"""The SQL list sources and form look-ups on a real SQLite file: filters, sorts, scopes, labels,
deleted rows, paging; the attachment service's deduplicated storage."""
from __future__ import annotations

import pytest

from sanxiang_desktop.services import attachments, lists
from sanxiang_desktop.services.list_source import ListQuery, RowState
from sanxiang_desktop.services.records import create, delete, update
from sanxiang_desktop.services.units import add_village

from .conftest import COUNTY, TOWNSHIP


def person(ws, name, unit=None, **kw) -> str:
    r = create(ws, "people", {"unit_code": unit or ws.home_unit, "name": name, **kw})
    assert r.ok, r.message_en()
    return r.record_id


def names(source, **query) -> list[str]:
    q = ListQuery(**query)
    column = next(i for i, c in enumerate(source.columns) if c.key in ("name", "title", "person"))
    rows = source.fetch(q, 0, 1000)
    assert source.count(q) == len(rows)
    return [r.values[column] for r in rows]


@pytest.fixture
def village(ws) -> str:
    r = add_village(ws, TOWNSHIP, "红星村")
    assert r.ok
    return r.after["code"]


def test_people_list_columns_filters_and_scope(ws, village):
    a = person(ws, "单雪梅", gender="female", category="health_center_head", employer="掌政镇卫生院",
               phone="13895072768", id_number="640104198503150024")
    person(ws, "张志忠", unit=village)
    gone = person(ws, "李四")
    assert delete(ws, "people", gone).ok
    src = lists.list_source(ws, "people")
    row = src.fetch(ListQuery(), 0, 10)[0]
    assert row.id == a and row.values == ("单雪梅", "女", "卫生院院长", "掌政镇卫生院", "", "138****2768", "掌政镇")
    assert names(src) == ["单雪梅", "张志忠"]                 # deleted rows never show
    assert names(src, filter_text="shan") == ["单雪梅"]
    assert names(src, filter_text="zzz") == ["张志忠"]
    assert names(src, filter_text="2768") == ["单雪梅"]       # phone tail
    assert names(src, filter_text="13895") == ["单雪梅"]      # phone head
    assert names(src, filter_text="640104198503") == ["单雪梅"]
    assert names(src, filter_text="640104198503150024") == ["单雪梅"]
    assert names(src, filter_text=village) == ["张志忠"]      # unit code
    assert names(src, filter_text="%") == [] and names(src, filter_text="_") == []
    assert names(src, extra={"unit": village}) == ["张志忠"]
    assert names(src, extra={"unit": TOWNSHIP}) == ["单雪梅", "张志忠"]   # the township and its villages
    assert names(src, extra={"slot": "hospital"}) == ["单雪梅"]
    assert names(src, sort_key="name", descending=True) == ["张志忠", "单雪梅"]
    assert [r.id for r in src.fetch_ids(ListQuery(filter_text="shan"), [a, gone])] == [a]


def test_people_of_other_units_show_grey(make_ws):
    county = make_ws(COUNTY, "county.db")
    own = person(county, "王芳")
    src = lists.list_source(county, "people")
    assert src.fetch(ListQuery(), 0, 1)[0].state is RowState.OWN and own


def test_activities_year_domain_unit_and_pinyin(ws, village):
    def activity(title, held_on, **kw):
        r = create(ws, "activities", {"unit_code": ws.home_unit, "title": title, "held_on": held_on, **kw})
        assert r.ok, r.message_en()
        return r.record_id
    leader = person(ws, "马海燕")
    activity("健康讲座", "2026-03-01", type="health_lecture", leader_id=leader, participants=80)
    activity("科技周活动", "2025-05-20", domain="education")
    activity("温棚蔬菜培训", "2026-07-01", type="rural_practical_training", unit_code=village)
    src = lists.list_source(ws, "activities")
    rows = src.fetch(ListQuery(extra={"year": 2026}), 0, 10)
    assert [r.values[1] for r in rows] == ["温棚蔬菜培训", "健康讲座"]     # newest first
    assert rows[1].values == ("2026-03-01", "健康讲座", "健康中国", "健康讲堂", "80", "马海燕", "掌政镇")
    assert names(src, extra={"domain": "agriculture"}) == ["温棚蔬菜培训"]
    assert names(src, extra={"unit": village}) == ["温棚蔬菜培训"]
    assert names(src, filter_text="jkjz") == ["健康讲座"]                  # pinyin of the title
    assert names(src, filter_text="健康讲堂") == ["健康讲座"]              # the type's label
    assert names(src, filter_text="科技") == ["科技周活动"]


def test_posts_current_by_default(ws):
    a, b = person(ws, "甲"), person(ws, "乙")
    first = create(ws, "posts", {"person_id": a, "unit_code": ws.home_unit, "role": "chair", "start_on": "2024-01-01"})
    create(ws, "posts", {"person_id": b, "unit_code": ws.home_unit, "role": "secretary_general"})
    assert update(ws, "posts", first.record_id, {"end_on": "2026-01-01"}).ok
    src = lists.list_source(ws, "posts")
    assert names(src, extra={"unit": ws.home_unit}) == ["乙"]
    rows = src.fetch(ListQuery(extra={"unit": ws.home_unit, "all": True}), 0, 10)
    assert [r.values[0] for r in rows] == ["乙", "甲"] and rows[1].state is RowState.ENDED
    assert rows[1].values[1:] == ("主席", "", "", "2024-01-01", "2026-01-01", "")
    assert names(src, extra={"unit": ws.home_unit, "all": True}, filter_text="秘书长") == ["乙"]


def test_key_slots_follow_current_leadership_posts(ws):
    slots = {s.code: s for s in lists.key_slots(ws, ws.home_unit)}
    assert [s.label for s in slots.values()] == ["医院（卫生院）院长", "中小学校长", "农技站站长"]
    assert all(not s.people for s in slots.values())
    head = person(ws, "周飞", category="school_principal")
    create(ws, "posts", {"person_id": head, "unit_code": ws.home_unit, "role": "part_time_vice_chair"})
    clerk = person(ws, "刘洋", category="agri_station_head")
    create(ws, "posts", {"person_id": clerk, "unit_code": ws.home_unit, "role": "contact_person"})  # not leadership
    slots = {s.code: s for s in lists.key_slots(ws, ws.home_unit)}
    assert slots["school"].people == ("周飞",) and slots["agri"].people == () and slots["hospital"].people == ()


def test_small_lists(ws, village):
    team = create(ws, "volunteer_teams", {"unit_code": ws.home_unit, "name": "医疗队", "domain": "health"}).record_id
    p = person(ws, "王芳")
    create(ws, "team_members", {"team_id": team, "person_id": p, "role": "leader", "joined_on": "2026-02-02"})
    assert lists.list_source(ws, "volunteer_teams").fetch(ListQuery(), 0, 5)[0].values[-1] == "1"
    assert lists.list_source(ws, "team_members").fetch(ListQuery(extra={"team_id": team}), 0, 5)[0].values == (
        "王芳", "队长", "", "2026-02-02")
    create(ws, "venues", {"unit_code": village, "type": "party_service_center", "name": "红星村党群服务中心"})
    assert names(lists.list_source(ws, "venues"), filter_text="党群") == ["红星村党群服务中心"]
    create(ws, "association_meetings", {"unit_code": ws.home_unit, "kind": "plenary", "held_on": "2026-03-08"})
    assert lists.list_source(ws, "association_meetings").fetch(
        ListQuery(extra={"unit": ws.home_unit}), 0, 5)[0].values[:2] == ("2026-03-08", "全委会")
    villages = lists.list_source(ws, "villages")
    row = villages.fetch(ListQuery(extra={"unit": TOWNSHIP}), 0, 5)[0]
    assert row.values[:4] == ("红星村", village, "村", "") and row.state is RowState.MISSING   # no contact yet
    create(ws, "associations", {"unit_code": village, "contact_person_id": p})
    assert villages.fetch(ListQuery(extra={"unit": TOWNSHIP}), 0, 5)[0].values[3] == "王芳"
    visit = create(ws, "visits", {"unit_code": ws.home_unit, "visited_unit_code": village, "visited_on": "2026-04-02",
                                  "visitors": "镇科协", "follow_ups": "补齐联络员"})
    assert visit.ok
    assert lists.list_source(ws, "visits").fetch(ListQuery(extra={"unit": TOWNSHIP, "year": 2026}), 0, 5)[0].values == (
        "2026-04-02", "红星村", "镇科协", "掌政镇", "补齐联络员")


def test_county_lists(make_ws):
    ws = make_ws(COUNTY, "county.db")
    group = create(ws, "leading_groups", {"unit_code": COUNTY, "set_up_on": "2026-03-01"}).record_id
    deputy, leader = person(ws, "副组长甲"), person(ws, "组长乙")
    create(ws, "group_members", {"group_id": group, "person_id": deputy, "role": "deputy"})
    create(ws, "group_members", {"group_id": group, "person_id": leader, "role": "leader", "department": "区政府"})
    assert names(lists.list_source(ws, "group_members"), extra={"unit": COUNTY}) == ["组长乙", "副组长甲"]
    plan = create(ws, "work_plans", {"unit_code": COUNTY, "year": 2026, "title": "方案"}).record_id
    create(ws, "plan_tasks", {"plan_id": plan, "title": "推进会", "due_on": "2026-05-10"})
    create(ws, "plan_tasks", {"plan_id": plan, "title": "总结", "due_on": "2026-10-31", "done_on": "2026-10-01"})
    assert lists.list_source(ws, "work_plans").fetch(ListQuery(extra={"year": 2026}), 0, 5)[0].values[-1] == "1/2"
    tasks = lists.list_source(ws, "plan_tasks").fetch(ListQuery(extra={"plan_id": plan}), 0, 5)
    assert [(t.values[0], t.values[3], t.state) for t in tasks] == [("推进会", "未开始", RowState.OVERDUE),
                                                                    ("总结", "已完成", RowState.OWN)]
    create(ws, "milestones", {"unit_code": COUNTY, "year": 2026, "code": "x", "title": "推进会", "due_on": "2026-05-10"})
    assert lists.list_source(ws, "milestones").fetch(ListQuery(extra={"year": 2026}), 0, 5)[0].state is RowState.OVERDUE
    create(ws, "bulletins", {"unit_code": COUNTY, "issued_on": "2026-06-30", "title": "第1期", "issue_no": 1})
    assert names(lists.list_source(ws, "bulletins"), extra={"year": 2026}) == ["第1期"]
    assert names(lists.list_source(ws, "bulletins"), extra={"year": 2025}) == []


def test_form_lookups(ws, village):
    choices = lists.unit_choices(ws)
    assert (choices[0].code, choices[0].depth) == (TOWNSHIP, 0) and (choices[1].code, choices[1].depth) == (village, 1)
    own = create(ws, "venues", {"unit_code": ws.home_unit, "type": "party_service_center", "name": "镇党群服务中心"})
    assert lists.ref_choices(ws, "venues", village) == [(own.record_id, "镇党群服务中心（党群服务中心）")]
    p = person(ws, "欧阳明", unit=village, employer="红星村委会")
    found = lists.search_people(ws, "oym")
    assert [f.id for f in found] == [p] and found[0].display() == "欧阳明　红星村委会（红星村）"
    assert lists.person_choice(ws, p).unit_name == "红星村"
    assert lists.single_record_id(ws, "associations", ws.home_unit) is None
    assert lists.search_people(ws, "  ") == []


def test_paging_is_stable_and_complete(ws):
    for i in range(23):
        person(ws, f"测试{i:02d}")
    src = lists.list_source(ws, "people")
    seen = [r.id for offset in range(0, 30, 5) for r in src.fetch(ListQuery(), offset, 5)]
    assert len(seen) == len(set(seen)) == 23


@pytest.mark.parametrize("bound", [0, 5, 1000])
def test_filtered_count_and_first_page_agree_whichever_way_they_are_read(ws, bound):
    """Few matches come with the count (one scan); many go the plain way. The rows are the same."""
    for i in range(12):
        person(ws, f"王{'一二三四五六七八九十甲乙'[i]}", phone=f"1389507{i:04d}")
    src = lists.list_source(ws, "people")
    src.prefetch_bound = bound
    for text, descending in (("wang", False), ("wang", True), ("0003", False), ("qqq", False)):
        q = ListQuery(filter_text=text, descending=descending, sort_key="name" if descending else None)
        total = src.count(q)
        page = src.fetch(q, 0, 200)
        fresh = lists.list_source(ws, "people").fetch(q, 0, 200)
        assert total == len(page) and [r.id for r in page] == [r.id for r in fresh], (bound, text)
        assert src.fetch(q, 0, 200) == page              # read again, not from what count() kept


def test_attachments_are_stored_once_by_hash(ws):
    act = create(ws, "activities", {"unit_code": ws.home_unit, "title": "义诊", "held_on": "2026-06-01",
                                    "domain": "health"}).record_id
    first = attachments.add_attachment(ws, act, "a.jpg", b"\xff\xd8\xffdata", "photo", "image/jpeg")
    second = attachments.add_attachment(ws, act, "b.jpg", b"\xff\xd8\xffdata", "signin", "image/jpeg", "签到")
    assert first.ok and second.ok and first.label == "新增附件：a.jpg"
    found = attachments.attachments_of(ws, act)
    assert [a.file_name for a in found] == ["a.jpg", "b.jpg"] and found[0].sha256 == found[1].sha256
    assert attachments.blob_bytes(ws, found[0].sha256) == b"\xff\xd8\xffdata"
    empty = attachments.add_attachment(ws, act, "c.jpg", b"", "photo")
    assert not empty.ok and empty.message_zh() == "文件为空"
    assert not attachments.add_attachment(ws, "no-such-activity", "d.jpg", b"x", "photo").ok
    assert delete(ws, "attachments", first.record_id).ok
    assert [a.file_name for a in attachments.attachments_of(ws, act)] == ["b.jpg"]


def test_names_sort_by_pinyin_not_by_code_point(ws):
    for name in ("侯明", "何伟", "于静", "丁强", "欧阳芳", "单雪梅"):
        person(ws, name)
    src = lists.list_source(ws, "people")
    # by code point it would be 丁 于 何 侯 单 欧阳; clerks expect ding he hou ouyang shan yu
    assert names(src) == ["丁强", "何伟", "侯明", "欧阳芳", "单雪梅", "于静"]
    assert names(src, sort_key="name", descending=True) == ["于静", "单雪梅", "欧阳芳", "侯明", "何伟", "丁强"]
    assert names(src, filter_text="i") == ["丁强", "何伟", "侯明", "单雪梅", "于静"]   # the filtered (few) path too


def test_upper_levels_see_the_plans_milestones_and_bulletins_below(make_ws):
    city = make_ws("640100", "city.db")
    for unit, title in (("640100", "市方案"), (COUNTY, "兴庆区方案"), ("640105", "西夏区方案")):
        assert create(city, "work_plans", {"unit_code": unit, "year": 2026, "title": title}).ok
        assert create(city, "milestones", {"unit_code": unit, "year": 2026, "code": "kickoff", "title": title,
                                           "due_on": "2026-05-10", "done_on": "2026-05-20"}).ok
        assert create(city, "bulletins", {"unit_code": unit, "issued_on": "2026-06-01", "title": title}).ok
    for name in ("work_plans", "milestones", "bulletins"):
        src = lists.list_source(city, name)
        title = next(i for i, c in enumerate(src.columns) if c.key == "title")
        unit = next(i for i, c in enumerate(src.columns) if c.key == "unit")
        rows = src.fetch(ListQuery(extra={"unit": "640100", "year": 2026}), 0, 10)
        assert sorted(r.values[title] for r in rows) == sorted(["市方案", "兴庆区方案", "西夏区方案"]), name
        assert {r.values[unit] for r in rows} == {"银川市", "兴庆区", "西夏区"}
        only = src.fetch(ListQuery(extra={"unit": COUNTY, "year": 2026}), 0, 10)
        assert [r.values[title] for r in only] == ["兴庆区方案"], name
    late = lists.list_source(city, "milestones").fetch(ListQuery(extra={"unit": "640100"}), 0, 10)
    # done late is its own state, never "another unit's record"
    assert {r.state for r in late} == {RowState.DONE_LATE}
