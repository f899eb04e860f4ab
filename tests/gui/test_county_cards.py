"""The city dashboard's county cards (issue 11, item 14): per county 领导小组, 工作方案 and 时间节点 as the
indicators service computes them, in words besides the light, reached by Tab and opened by Enter."""
from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from sanxiang_desktop.core import clock
from sanxiang_desktop.services.demo import DemoWriter
from sanxiang_desktop.services.demo_content import CountyDemo
from sanxiang_desktop.services.indicators import unit_indicators
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from tests.gui.window_support import app_settings_in, close_window, make_empty, open_window  # noqa: F401

CITY, XINGQING = "640100", "640104"


def city_with_one_county_filled(folder):
    """A city database where only 兴庆区 has its own leading group, work plan and milestones."""
    path = make_empty(folder, CITY)
    db = open_database(path)
    year = clock.today().year
    writer = DemoWriter(db, random.Random("county-cards"), year)
    with db.session() as s, s.begin():
        writer.session = s
        CountyDemo(writer, s.scalar(select(m.Unit).where(m.Unit.code == XINGQING))).build()
    db.close()
    return path


def test_county_cards_show_what_the_city_checks(qtbot, tmp_path, app_settings_in, runner, chinese):
    window = open_window(qtbot, city_with_one_county_filled(tmp_path), app_settings_in, runner)
    window.resize(1366, 768)
    dashboard = window.page("dashboard")
    cards = dashboard.county_cards
    assert cards.isVisible()
    qtbot.waitUntil(lambda: dashboard.table.viewport().width() > 1000, timeout=5000)   # laid out at 1366
    data = unit_indicators(window.db, CITY, dashboard.context.year, today=window.ws.today())
    assert list(cards.cards) == [c.code for c in data.counties] and len(cards.cards) == 6
    for county in data.counties:
        lines = cards.cards[county.code].lines
        assert lines["leading_group"][0] == county.leading_group_light
        assert lines["work_plan"][0] == county.work_plan_light
        assert lines["milestones"][0] == county.milestones_light
    filled, empty = cards.cards[XINGQING].lines, cards.cards["640105"].lines
    assert filled != empty                                 # the one county with its own records differs
    assert empty["leading_group"][1] == "领导小组未成立" and empty["work_plan"][1] == "工作方案未报备"
    assert empty["milestones"][1] == "时间节点：未设置"
    xingqing = next(c for c in data.counties if c.code == XINGQING)
    late, total = xingqing.milestones_overdue, xingqing.milestones_total
    assert total and filled["milestones"][1] == (f"时间节点：{late} 项延误" if late else
                                                 f"时间节点：{xingqing['milestones_on_time']}/{total} 按时")
    assert f"时间节点共 {total} 项" in cards.cards[XINGQING].toolTip()
    def wrapped() -> list[str]:                            # every line on one line at 1366×768
        return [label.text() for card in cards.cards.values() for label in card.findChildren(type(card.name_label))
                if label.text() and label.fontMetrics().horizontalAdvance(label.text()) > label.width()]
    qtbot.waitUntil(lambda: not wrapped(), timeout=5000)   # once the new cards are laid out

    # keyboard: from the county filter, Tab reaches the first card; Enter opens that county
    dashboard.county_combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dashboard.county_combo)
    qtbot.keyClick(dashboard.county_combo, Qt.Key.Key_Tab)
    first = cards.cards[XINGQING]
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is cards.cards["640105"]
    qtbot.keyClick(first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unit_code == XINGQING and dashboard.data.unit == XINGQING, timeout=10000)
    assert not dashboard.county_cards.isVisible()          # a county's own page shows its townships
    close_window(qtbot, window, runner)
