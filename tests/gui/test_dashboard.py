"""The 统计 page: the county table agrees with services.indicators, cards roll up, a click opens the
records behind a cell, a township gets its checklist, the city gets a county column and filter."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.services.indicators import unit_indicators
from sanxiang_desktop.services.units import add_village
from sanxiang_desktop.ui.dashboard.checklist import LIGHT_ROLE, TARGET_ROLE
from sanxiang_desktop.ui.dashboard.delegates import LIGHT_COLOURS, light_brush
from sanxiang_desktop.ui.dashboard.model import BAR_ROLE, COLUMN_KEYS, LIGHTS_ROLE
from tests.gui.window_support import (activities_page_factory, app_settings_in, close_window,  # noqa: F401
                                      copy_db, make_demo, make_empty, open_window)

ZHANGZHENG = "640104100"


@pytest.fixture(scope="module")
def county_db(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("county"), "640104", "county")


@pytest.fixture
def window(qtbot, tmp_path, county_db, app_settings_in, activities_page_factory, runner):
    w = open_window(qtbot, copy_db(county_db, tmp_path / "db"), app_settings_in, runner)
    yield w
    close_window(qtbot, w, runner)


def _column(key: str) -> int:
    return COLUMN_KEYS.index(key)


def _row_of(model, code: str) -> int:
    return next(i for i, r in enumerate(model.rows) if r.code == code)


def test_county_table_matches_the_indicators_service(window):
    dashboard = window.page("dashboard")
    model = dashboard.model
    expected = unit_indicators(window.db, "640104", window.context.year, today=window.ws.today())
    assert model.rowCount() == 16 == len(expected.townships)
    assert dashboard.proxy.rowCount() == 16
    assert dashboard.table.isColumnHidden(_column("county"))
    for row, township in enumerate(expected.townships):
        cell = lambda key: model.index(row, _column(key))  # noqa: E731
        assert cell("name").data() == township.name
        assert cell("slots").data() == f"{township.slots_filled}/3"
        assert cell("visit").data() == str(township.visits)
        assert cell("villages").data() == f"{township.villages_with_contact}/{township.villages}"
        for domain in ind.DOMAINS:
            count, light = cell(domain).data(BAR_ROLE)
            assert count == township.activities[domain]
            assert light == township.activity_lights[domain]
        assert cell("established").data(LIGHTS_ROLE) == [township.established_light]
        assert cell("term").data(LIGHTS_ROLE) == [township.term_light]
        slot_lights = [township.slot_lights[s] for s in ind.SLOTS]
        assert cell("slots").data(LIGHTS_ROLE) == slot_lights


def test_the_columns_are_sized_from_the_same_texts_and_lights_the_cells_show(window):
    # column_texts / column_lights read the rows directly (index() per cell was ≈ 30 µs: issue 12, startup)
    model = window.page("dashboard").model
    assert model.rowCount() == 16
    for column in range(model.columnCount()):
        shown = [model.index(r, column).data() or "" for r in range(model.rowCount())]
        lights = [model.index(r, column).data(LIGHTS_ROLE) for r in range(model.rowCount())]
        assert model.column_texts(column) == shown and model.column_lights(column) == lights, COLUMN_KEYS[column]
    assert any(model.column_lights(c)[0] for c in range(model.columnCount()))


def test_cards_show_the_county_rollup(window):
    dashboard = window.page("dashboard")
    rollup = dashboard.data.rollup
    cards = dashboard.cards.cards
    assert cards["established"].value_label.text() == f"{rollup.established}/16"
    assert cards["activities"].value_label.text() == str(rollup.activities_total)
    assert cards["villages"].value_label.text() == f"{rollup.villages_with_contact}/{rollup.villages}"
    assert "leading_group" in cards and "work_plan" in cards


def test_traffic_lights_are_painted(window):
    table = window.page("dashboard").table
    image = table.viewport().grab().toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 2)
               for y in range(0, min(image.height(), 200), 2)}
    assert LIGHT_COLOURS[ind.GREEN].name() in colours


def test_clicking_an_activity_cell_opens_the_filtered_activities(qtbot, window, monkeypatch):
    dashboard = window.page("dashboard")
    page = window.page("activities")
    seen = []
    original = page.apply_filter
    monkeypatch.setattr(page, "apply_filter", lambda extra: (seen.append(extra), original(extra)))
    row = _row_of(dashboard.model, ZHANGZHENG)
    index = dashboard.proxy.mapFromSource(dashboard.model.index(row, _column("health")))
    dashboard.table.scrollTo(index)
    qtbot.mouseClick(dashboard.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=dashboard.table.visualRect(index).center())
    qtbot.waitUntil(lambda: window.unit_code == ZHANGZHENG and window.current_page() is page)
    assert window.tree.current_code() == ZHANGZHENG
    assert seen == [{"domain": "health", "year": window.context.year}]


def test_clicking_a_township_name_shows_its_checklist(qtbot, window):
    dashboard = window.page("dashboard")
    row = _row_of(dashboard.model, ZHANGZHENG)
    index = dashboard.proxy.mapFromSource(dashboard.model.index(row, _column("name")))
    dashboard.table.clicked.emit(index)
    qtbot.waitUntil(lambda: dashboard.data.unit == ZHANGZHENG)
    assert dashboard.stack.currentWidget() is dashboard.checklist
    township = dashboard.data.township
    items = [dashboard.checklist.item(i) for i in range(dashboard.checklist.count())]
    lines = [(i.text(), i.data(LIGHT_ROLE), i.data(TARGET_ROLE)) for i in items if i.data(LIGHT_ROLE)]
    hospital = next(line for line in lines if "医院" in line[0] or "Hospital" in line[0])
    assert hospital[1] == (ind.GREEN if township.slots["hospital"] else ind.RED)
    health = next(line for line in lines if line[2] and line[2][1].get("domain") == "health")
    assert str(township.activities["health"]) in health[0]
    assert health[2] == ("activities", {"domain": "health", "year": window.context.year})


def test_checklist_line_opens_the_records(qtbot, window):
    window.tree.select_code(ZHANGZHENG)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data.unit == ZHANGZHENG)
    checklist = dashboard.checklist
    item = next(checklist.item(i) for i in range(checklist.count())
                if (checklist.item(i).data(TARGET_ROLE) or ("", {}))[1].get("domain") == "education")
    checklist.itemClicked.emit(item)
    qtbot.waitUntil(lambda: window.current_page() is window.page("activities"))


def test_the_dashboard_follows_changes(qtbot, window):
    dashboard = window.page("dashboard")
    row = _row_of(dashboard.model, ZHANGZHENG)
    before = dashboard.model.rows[row].villages
    result = add_village(window.ws, ZHANGZHENG, "测试新村")
    window.context.notify(result.changes)
    qtbot.waitUntil(lambda: dashboard.model.rows[_row_of(dashboard.model, ZHANGZHENG)].villages == before + 1)


def test_city_dashboard_has_a_county_column_and_filter(qtbot, tmp_path, app_settings_in, runner):
    path = make_empty(tmp_path, "640100")
    window = open_window(qtbot, path, app_settings_in, runner)
    # the screen the program is made for (offscreen's own is 800×600: the window at its narrowest there
    # squeezes the header row, and how far depended on what the layout had done before)
    window.resize(1366, 768)
    dashboard = window.page("dashboard")
    assert dashboard.model.rowCount() == 62
    assert not dashboard.table.isColumnHidden(_column("county"))
    assert dashboard.model.index(0, _column("county")).data() == "兴庆区"
    assert dashboard.county_combo.isVisible() and dashboard.county_combo.count() == 7
    combo = dashboard.county_combo                      # every entry fits: 全部县（市、区） is not cut
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    qtbot.waitUntil(lambda: combo.width() >= widest + 24, timeout=5000)   # text plus the arrow
    dashboard.county_combo.setCurrentIndex(dashboard.county_combo.findData("640104"))
    assert dashboard.proxy.rowCount() == 16
    assert "counties" in dashboard.cards.cards
    close_window(qtbot, window, runner)


def test_the_dashboard_says_what_its_dots_mean(window):
    from sanxiang_desktop.ui.dashboard.delegates import LightLegend, light_text
    dashboard = window.page("dashboard")
    assert dashboard.legend.isVisible()
    for light in LightLegend.LIGHTS:
        assert light_text(light) in dashboard.legend.text()
    # a grey dot is an empty ring: grey fill means only "another unit's record" (the lists' legend)
    assert light_brush(ind.GREY) == Qt.BrushStyle.NoBrush and light_brush(ind.RED) == LIGHT_COLOURS[ind.RED]


def test_the_home_units_figures_are_asked_for_while_the_window_is_built_and_only_once(
        qtbot, tmp_path, county_db, app_settings_in, runner):
    from sanxiang_desktop.ui.shell.main_window import MainWindow, open_workspace
    window = MainWindow(open_workspace(copy_db(county_db, tmp_path / "db")), app_settings_in, runner)
    qtbot.addWidget(window)
    dashboard = window.page("dashboard")
    # on the worker before the window shows (issue 12, startup): the other pages are built meanwhile
    assert dashboard._pending == ("640104", window.context.year)
    window.show()
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.unit_code == "640104", timeout=10000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    assert dashboard.data.unit == "640104" and dashboard.model.rowCount() == 16
    assert dashboard._generation == 1          # selecting the home unit at show asked for nothing more
    close_window(qtbot, window, runner)
