"""Indicators on hand-built cases: the pure rules and the queries behind them."""
from __future__ import annotations

import datetime as dt

import pytest

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.services import appoint, create, delete, end_post
from sanxiang_desktop.services.indicators import unit_indicators
from sanxiang_desktop.services.units import add_village

from .conftest import COUNTY

T1, T2 = "640104100", "640104101"   # 掌政镇, 大新镇
TODAY = dt.date(2026, 11, 28)


def test_pure_rules():
    f = ind.TownshipFacts("x", "X", None, established=True, term_end=dt.date(2026, 12, 31),
                          activities={"health": 6, "education": 1})
    f.slots_filled["hospital"] = True
    row = ind.township_indicators(f, TODAY)
    assert row.slots_filled == 1 and row.slots_light == "yellow"
    assert row.term_light == "yellow" and not row.term_overdue
    assert row.activity_lights == {"health": "green", "education": "yellow", "agriculture": "red"}
    assert row.shortage_count == 0 and row.not_entered_count == 4 and row.villages_light == "grey"
    assert ind.term_status(dt.date(2026, 1, 1), TODAY) == "red"
    assert ind.milestone_status(dt.date(2026, 5, 10), dt.date(2026, 5, 12), TODAY) == "late"
    assert ind.milestone_status(dt.date(2026, 12, 10), None, TODAY) == "pending"


def test_not_entered_is_not_lacking_and_whole_numbers_print_whole():
    """四缺: an empty figure is 未填写, a figure entered as 0 is 缺, anything else is there."""
    f = ind.TownshipFacts("x", "X", None, established=True, staff_quota=0, staff_count=None, funding_yuan=5000,
                          premises_m2=80.0)
    row = ind.township_indicators(f, TODAY)
    assert row.shortages == {"staff_quota": True, "staff": False, "funding": False, "premises": False}
    assert row.not_entered == {"staff_quota": False, "staff": True, "funding": False, "premises": False}
    assert row.shortage_count == 1 and row.not_entered_count == 1
    assert row.four.premises_m2 == 80 and str(row.four.premises_m2) == "80"
    assert ind.whole(12.5) == 12.5 and ind.whole(None) is None
    fresh = ind.township_indicators(ind.TownshipFacts("y", "Y", None), TODAY)
    assert fresh.shortage_count == 0 and fresh.not_entered_count == 4
    assert ind.rollup([row, fresh]).with_shortages == 1 and ind.rollup([row, fresh]).four_not_entered == 1


def person(ws, name, category):
    r = create(ws, "people", {"unit_code": ws.home_unit, "name": name, "category": category})
    assert r.ok, r.message_en()
    return r.record_id


def test_county_indicators_from_records(make_ws):
    ws = make_ws(COUNTY, "county.db")
    assert create(ws, "associations", {"unit_code": T1, "established": True, "term_end": "2025-06-30",
                                       "staff_quota": 1, "staff_count": 2, "funding_yuan": 10000,
                                       "premises_m2": 30}).ok
    hospital = person(ws, "马院长", "health_center_head")
    school = person(ws, "李校长", "school_principal")
    agri = person(ws, "王站长", "agri_station_head")
    teacher = person(ws, "赵老师", "teacher")
    assert appoint(ws, hospital, T1, "part_time_vice_chair", "2025-01-01").ok
    assert appoint(ws, school, T1, "seconded_vice_chair", "2025-01-01").ok
    assert appoint(ws, teacher, T1, "committee_member", "2025-01-01").ok
    # a delegate is not leadership; an ended post does not count
    assert appoint(ws, agri, T1, "delegate", "2025-01-01").ok
    post = appoint(ws, agri, T2, "part_time_vice_chair", "2025-01-01")
    assert end_post(ws, post.record_id, "2026-03-01").ok
    for n in range(6):
        assert create(ws, "activities", {"unit_code": T1, "title": f"讲座{n}", "held_on": f"2026-0{n + 1}-15",
                                         "domain": "health"}).ok
    assert create(ws, "activities", {"unit_code": T1, "title": "去年", "held_on": "2025-05-01", "domain": "health"}).ok
    gone = create(ws, "activities", {"unit_code": T1, "title": "删", "held_on": "2026-05-01", "domain": "education"})
    assert delete(ws, "activities", gone.record_id).ok
    v1, v2 = add_village(ws, T1, "红星村"), add_village(ws, T1, "新华村")
    contact = person(ws, "村联络员", "community_worker")
    assert create(ws, "associations", {"unit_code": v1.after["code"], "contact_person_id": contact}).ok
    assert create(ws, "activities", {"unit_code": v2.after["code"], "title": "村里培训", "held_on": "2026-04-01",
                                     "domain": "agriculture"}).ok
    assert create(ws, "visits", {"unit_code": COUNTY, "visited_unit_code": T1, "visited_on": "2026-04-02"}).ok
    assert create(ws, "visits", {"unit_code": COUNTY, "visited_unit_code": T2, "visited_on": "2025-04-02"}).ok
    assert create(ws, "leading_groups", {"unit_code": COUNTY, "set_up_on": "2026-04-01"}).ok
    assert create(ws, "milestones", {"unit_code": COUNTY, "year": 2026, "code": "kickoff", "title": "推进会",
                                     "due_on": "2026-05-10", "done_on": "2026-05-08"}).ok

    out = unit_indicators(ws.db, COUNTY, 2026, today=TODAY)
    rows = {t.code: t for t in out.townships}
    assert len(rows) == 16
    t1, t2 = rows[T1], rows[T2]
    assert t1.slots == {"hospital": True, "school": True, "agri": False}
    assert t2.slots == {"hospital": False, "school": False, "agri": False}
    assert t1.activities == {"health": 6, "education": 0, "agriculture": 1}
    assert t1.activity_lights["health"] == "green"
    assert t1.visited and not t2.visited
    assert t1.term_overdue and t1.shortage_count == 0
    assert (t1.villages, t1.villages_with_contact) == (2, 1)
    county = out.county
    assert county.leading_group and not county.work_plan_filed
    assert county.milestones == {"kickoff": "on_time"}
    assert out.rollup.established == 1 and out.rollup.visited == 1
    # a year earlier: the 2025 activity and visit count, 2026's do not
    last_year = {t.code: t for t in unit_indicators(ws.db, COUNTY, 2025, today=TODAY).townships}
    assert last_year[T1].activities["health"] == 1 and last_year[T2].visited
    # the ended agri post still counted at the end of 2025
    assert last_year[T2].slots["agri"]


def test_township_checklist(make_ws):
    ws = make_ws()
    out = unit_indicators(ws.db, ws.home_unit, 2026, today=TODAY)
    assert out.level == "township" and out.township.established is False
    assert out.township.slots_light == "red"


def test_the_four_shortages_light_and_the_card_lights_are_decided_here():
    """The thresholds the dashboard used to hold (issue 7, item 5): the GUI only paints these."""
    assert ind.shortages_light(0, 4) == ind.GREY          # nothing entered: 未填写, not 缺
    assert ind.shortages_light(0, 0) == ind.GREEN
    assert ind.shortages_light(1, 0) == ind.shortages_light(2, 2) == ind.YELLOW
    assert ind.shortages_light(3, 0) == ind.shortages_light(4, 0) == ind.RED
    assert [ind.share_light(p, 4) for p in (4, 1, 0)] == [ind.GREEN, ind.YELLOW, ind.RED]
    assert ind.share_light(0, 0) == ind.GREY
    lacking = ind.township_indicators(ind.TownshipFacts("x", "X", None, staff_quota=0, staff_count=0,
                                                        funding_yuan=0, premises_m2=None), TODAY)
    assert lacking.shortage_count == 3 and lacking.shortages_light == ind.RED
    total = ind.rollup([lacking])
    assert total.shortages_light == ind.YELLOW and total.established_light == ind.RED


def test_indicators_are_typed_and_their_json_keeps_the_stats_shape(make_ws):
    ws = make_ws(COUNTY, "county.db")
    out = unit_indicators(ws.db, COUNTY, 2026, today=TODAY)
    assert isinstance(out, ind.UnitIndicators) and isinstance(out.townships[0], ind.TownshipIndicators)
    assert isinstance(out.county, ind.CountyIndicators) and isinstance(out.rollup, ind.Rollup)
    data = out.to_json()
    assert set(data) == {"unit", "name", "level", "year", "as_of", "townships", "counties", "rollup", "county"}
    assert data["townships"][0]["code"] == out.townships[0].code and data["rollup"]["townships"] == 16
    assert data["townships"][0]["four"] == {"staff_quota": None, "staff": None, "funding_yuan": None,
                                            "premises_m2": None}
    township = unit_indicators(ws.db, "640104100", 2026, today=TODAY).to_json()
    assert set(township) == {"unit", "name", "level", "year", "as_of", "township"}


def test_township_indicators_fill_every_field_as_the_constructor_would():
    # township_indicators fills the frozen dataclass's __dict__ at once (speed): every field, nothing else
    import dataclasses
    f = ind.TownshipFacts("640104100", "通贵乡", "640104", established=True, term_end=dt.date(2027, 1, 1),
                          visits=1, last_visit=dt.date(2026, 5, 1), villages=4, villages_with_contact=2,
                          staff_quota=0, staff_count=None, funding_yuan=5000, premises_m2=30.0)
    f.activities = {"health": 6, "other": 2}
    t = ind.township_indicators(f, dt.date(2026, 11, 30))
    names = [fl.name for fl in dataclasses.fields(t)]
    assert list(vars(t)) == names
    assert t == ind.TownshipIndicators(**{n: getattr(t, n) for n in names})
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.code = "x"


def test_the_inlined_rules_agree_with_the_helpers():
    """township_indicators applies count_light, term_status, share_light, shortages_light and whole:
    over many random facts it gives what they give."""
    import random
    from dataclasses import asdict
    rng = random.Random(12)
    as_of = dt.date(2026, 11, 28)
    maybe = lambda *values: rng.choice((None, *values))  # noqa: E731
    for n in range(3000):
        f = ind.TownshipFacts(f"64{n:07d}", "镇", "640104", established=maybe(True, False),
                              term_end=maybe(as_of - dt.timedelta(days=1), as_of, as_of + dt.timedelta(days=90),
                                             as_of + dt.timedelta(days=91)),
                              visits=rng.randrange(0, 3), last_visit=maybe(dt.date(2026, 5, 1)),
                              activities={d: rng.randrange(0, 8) for d in rng.sample(
                                  ["health", "education", "agriculture", "other"], rng.randrange(0, 5))},
                              villages=rng.randrange(0, 4), staff_quota=maybe(0, 2), staff_count=maybe(0, 1),
                              funding_yuan=maybe(0, 5000), premises_m2=maybe(0.0, 12.5, 80.0, 30))
        f.villages_with_contact = rng.randrange(0, f.villages + 1)
        f.slots_filled = {s: rng.random() < 0.5 for s in ind.SLOTS}
        t = ind.township_indicators(f, as_of)
        acts = [f.activities.get(d, 0) for d in ind.DOMAINS]
        assert t.activity_lights == {d: ind.count_light(a) for d, a in zip(ind.DOMAINS, acts)}
        assert t.term_light == ind.term_status(f.term_end, as_of)
        assert t.villages_light == ind.share_light(f.villages_with_contact, f.villages)
        assert t.shortages_light == ind.shortages_light(t.shortage_count, t.not_entered_count)
        assert t.four == ind.FourFigures(f.staff_quota, f.staff_count, f.funding_yuan, ind.whole(f.premises_m2))
        assert t.slots_light == (ind.GREEN if t.slots_filled == 3 else ind.YELLOW if t.slots_filled else ind.RED)
        assert asdict(t)["four"]["premises_m2"] == ind.whole(f.premises_m2)
