"""The real list sources under Qt: the model tester over every one of them on demo data, and the
people filter typed into the real ListView (pinyin initials, full pinyin, surname readings)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sanxiang_desktop.services import lists, records
from sanxiang_desktop.services.list_source import ListQuery
from sanxiang_desktop.ui.lists.list_view import ListView
from sanxiang_desktop.ui.lists.table_model import ListModel
from tests.gui.record_support import COUNTY, TOWNSHIP, ime, list_values, show
from tests.gui.record_support import county, county_db, township, township_db, zh  # noqa: F401  (fixtures)


def extra_for(ctx, name: str) -> dict:
    """A query that finds rows in the demo data for each list."""
    ws = ctx.ws
    if name == "team_members":
        return {"team_id": lists.list_source(ws, "volunteer_teams").fetch(ListQuery(), 0, 1)[0].id}
    if name == "plan_tasks":
        return {"plan_id": lists.list_source(ws, "work_plans").fetch(ListQuery(), 0, 1)[0].id}
    if name in ("group_members", "work_plans", "milestones", "bulletins", "visits"):
        return {"unit": COUNTY}
    return {"unit": TOWNSHIP}


@pytest.mark.parametrize("name", sorted(lists.LISTS))
def test_model_tester_on_every_list(qtmodeltester, county, name):
    source = lists.list_source(county.ws, name)
    model = ListModel(source, ListQuery(extra=extra_for(county, name)), page_size=5)
    assert model.total_count > 0, name
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total_count
    for column in range(model.columnCount()):        # every sortable column sorts in SQL
        if model.columns[column].sortable:
            model.sort(column, Qt.SortOrder.DescendingOrder)
            assert model.rowCount() == min(5, model.total_count)


def people_view(qtbot, ctx) -> ListView:
    view = ListView("people", lists.list_source(ctx.ws, "people"), settings=ctx.settings,
                    extra={"unit": TOWNSHIP}, debounce_ms=10)
    show(qtbot, view)
    return view


def filtered(qtbot, view: ListView, text: str) -> list[str]:
    view.filter_edit.clear()
    view.apply_filter()
    if text.isascii():
        qtbot.keyClicks(view.filter_edit, text)
    else:
        ime(view.filter_edit, text)
    qtbot.waitUntil(lambda: view.model.query.filter_text == text, timeout=2000)
    return list_values(view, "name")


def test_pinyin_filter_finds_people(qtbot, township):
    for name in ("单雪梅", "张志忠", "吕佳", "欧阳明"):
        assert records.create(township.ws, "people", {"unit_code": TOWNSHIP, "name": name}).ok
    view = people_view(qtbot, township)
    assert "单雪梅" in filtered(qtbot, view, "shan")         # a surname read as a surname, not dan
    assert "单雪梅" in filtered(qtbot, view, "sxm")
    assert "张志忠" in filtered(qtbot, view, "zzz")           # initials
    assert "张志忠" in filtered(qtbot, view, "zhangzhizhong")
    assert "张志忠" in filtered(qtbot, view, "Zhang Zhi")     # spaces and case do not matter
    assert "吕佳" in filtered(qtbot, view, "lvjia") and "吕佳" in filtered(qtbot, view, "lujia")
    assert "欧阳明" in filtered(qtbot, view, "oym")
    assert filtered(qtbot, view, "志忠") == ["张志忠"]
    assert filtered(qtbot, view, "qqqqxyz") == []
    assert view.count_label.text() == "共 0 条"


def test_id_number_and_phone_tail_filter(qtbot, township):
    person = records.create(township.ws, "people", {"unit_code": TOWNSHIP, "name": "王芳",
                                                    "id_number": "640104198503150024", "phone": "13895072768"})
    assert person.ok
    view = people_view(qtbot, township)
    assert "王芳" in filtered(qtbot, view, "6401041985031500")
    assert "王芳" in filtered(qtbot, view, "2768")
    assert "138****2768" in list_values(view, "phone")        # the list never shows the whole number


def test_activities_filter_by_pinyin_of_the_title_and_type(qtbot, township):
    created = records.create(township.ws, "activities", {"unit_code": TOWNSHIP, "title": "枸杞种植培训",
                                                         "held_on": "2026-04-01", "type": "rural_practical_training"})
    assert created.ok
    view = ListView("activities", lists.list_source(township.ws, "activities"), settings=township.settings,
                    extra={"unit": TOWNSHIP}, debounce_ms=10)
    show(qtbot, view)
    qtbot.keyClicks(view.filter_edit, "gqzz")
    qtbot.waitUntil(lambda: list_values(view, "title") == ["枸杞种植培训"], timeout=2000)
    view.filter_edit.clear()
    ime(view.filter_edit, "农村实用技术")                     # the type's label
    qtbot.waitUntil(lambda: "枸杞种植培训" in list_values(view, "title"), timeout=2000)
    assert set(list_values(view, "type")) == {"农村实用技术培训"}
