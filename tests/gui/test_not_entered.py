"""Item 13: on a new database nothing is "lacking" yet — every 四缺 line says 未填写 in grey until the
clerk enters the figure; a figure entered as 0 is 缺 (red); whole numbers show without ".0"."""
from __future__ import annotations

from sanxiang_desktop.services.records import create
from sanxiang_desktop.ui.dashboard.checklist import LIGHT_ROLE
from sanxiang_desktop.ui.pages.association import shown_value
from sanxiang_desktop.services.spec import SPECS
from tests.gui.window_support import app_settings_in, close_window, make_empty, open_window  # noqa: F401

TOWNSHIP = "640104100"


def four_lines(window) -> list[tuple[str, str]]:
    checklist = window.page("dashboard").checklist
    items = [checklist.item(i) for i in range(checklist.count())]
    return [(i.text(), i.data(LIGHT_ROLE)) for i in items
            if any(w in i.text() for w in ("编制", "人员", "经费", "场地"))]


def test_a_new_database_shows_not_entered_not_lacking(qtbot, tmp_path, app_settings_in, runner, chinese):
    window = open_window(qtbot, make_empty(tmp_path, TOWNSHIP), app_settings_in, runner)
    try:
        lines = four_lines(window)
        assert len(lines) == 4 and all("未填写" in text and light == "grey" for text, light in lines), lines
        assert not any("✗" in text for text, _ in lines)
        assert create(window.ws, "associations", {"unit_code": TOWNSHIP, "established": True, "staff_quota": 0,
                                                  "premises_m2": 80.0}).ok
        window.page("dashboard").reload()
        qtbot.waitUntil(lambda: any("✗" in t for t, _ in four_lines(window)))
        lines = dict(four_lines(window))
        assert any("✗" in t and "编制" in t for t in lines)                  # entered as 0: 缺
        assert any("80" in t and "80.0" not in t and lines[t] == "green" for t in lines)
        assert sum("未填写" in t for t in lines) == 2                          # 人员, 经费 still not entered
    finally:
        close_window(qtbot, window, runner)


def test_whole_numbers_show_whole_on_the_association_page():
    premises = next(f for f in SPECS["associations"].fields if f.name == "premises_m2")
    assert shown_value(None, premises, 80.0) == "80" and shown_value(None, premises, 12.5) == "12.5"
