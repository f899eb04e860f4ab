"""The main window on a county demo database: tree, pages per level, year, undo/redo, language,
changes routing, geometry; and the launcher from start to a filled dashboard."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from sanxiang_desktop.app import parse_args
from sanxiang_desktop.ui.shell.launcher import Launcher
from sanxiang_desktop.services.units import add_village
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog
from sanxiang_desktop.ui.lists.unit_tree import CODE_ROLE
from tests.gui.window_support import (answer_modal, app_settings_in, close_window, copy_db,  # noqa: F401
                                      make_demo, open_window)

ZHANGZHENG = "640104100"


@pytest.fixture(scope="module")
def county_db(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("county"), "640104", "county")


@pytest.fixture
def window(qtbot, tmp_path, county_db, app_settings_in, runner):
    w = open_window(qtbot, copy_db(county_db, tmp_path / "db"), app_settings_in, runner)
    yield w
    close_window(qtbot, w, runner)


def _children(window, code):
    tree = window.tree
    index = tree.proxy.mapFromSource(tree.model.index_of(code))
    return [tree.proxy.index(r, 0, index).data(CODE_ROLE) for r in range(tree.proxy.rowCount(index))]


def test_tree_shows_the_home_unit_and_its_townships(window):
    assert window.tree.model.home().code == "640104"
    townships = _children(window, "640104")
    assert len(townships) == 16 and ZHANGZHENG in townships
    assert window.tree.current_code() == "640104"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())][0] == window.page("dashboard").title()


def test_selecting_a_township_shows_its_pages(qtbot, window):
    window.tree.select_code(ZHANGZHENG)
    qtbot.waitUntil(lambda: window.unit_code == ZHANGZHENG)
    expected = [p for p in window.pages if "township" in p.levels]
    assert window.shown_pages() == expected
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data.unit == ZHANGZHENG)
    assert dashboard.stack.currentWidget() is dashboard.checklist
    assert "掌政镇" in window.windowTitle()


def test_villages_are_read_when_a_township_is_expanded(qtbot, window):
    tree = window.tree
    assert tree.model.rowCount(tree.model.index_of(ZHANGZHENG)) == 0        # not read yet
    assert tree.model.hasChildren(tree.model.index_of(ZHANGZHENG))
    tree.view.expand(tree.proxy.mapFromSource(tree.model.index_of(ZHANGZHENG)))
    qtbot.waitUntil(lambda: len(_children(window, ZHANGZHENG)) > 0)
    village = _children(window, ZHANGZHENG)[0]
    tree.select_code(village)
    qtbot.waitUntil(lambda: window.unit_code == village)
    assert window.unit_level == "village"
    assert window.page("dashboard") not in window.shown_pages()


def test_filter_box_finds_units_by_pinyin_initials(qtbot, window):
    qtbot.keyClicks(window.tree.filter_edit, "zzz")
    qtbot.waitUntil(lambda: window.tree.search_matches() is not None)
    assert ZHANGZHENG in window.tree.search_matches()
    assert _children(window, "640104") == [ZHANGZHENG]
    window.tree.filter_edit.clear()
    qtbot.waitUntil(lambda: window.tree.search_matches() is None)
    assert len(_children(window, "640104")) == 16


def test_open_records_selects_an_unread_village(qtbot, window):
    with window.db.engine.connect() as conn:
        code = conn.exec_driver_sql("SELECT code FROM units WHERE parent_code = ? ORDER BY code LIMIT 1",
                                    (ZHANGZHENG,)).scalar()
    window.open_records(code, "dashboard", {})
    qtbot.waitUntil(lambda: window.unit_code == code)
    assert window.tree.current_code() == code


def test_year_selector_sets_the_year_for_the_pages(qtbot, window):
    dashboard = window.page("dashboard")
    window.year_combo.setCurrentIndex(window.year_combo.findData(window.context.year - 1))
    assert window.context.year == window.ws.today().year - 1
    qtbot.waitUntil(lambda: dashboard.data.year == window.context.year)


def test_undo_and_redo_in_chinese(qtbot, chinese, window):
    actions = window.actions
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "查看(&V)", "记录(&R)", "帮助(&H)"]
    assert actions.undo_action.text() == "撤销" and actions.redo_action.text() == "重做"
    assert actions.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Y") in actions.redo_action.shortcuts()
    assert actions.undo_action in window.actions.edit_menu.actions()
    window.undo_stack.push(QUndoCommand("新增人员：张三"))
    assert actions.undo_action.text() == "撤销 新增人员：张三" and actions.undo_action.isEnabled()
    window.undo_stack.undo()
    assert actions.redo_action.text() == "重做 新增人员：张三"


def test_language_switch_through_settings_retranslates_the_menu(qtbot, chinese, window):
    assert window.actions.file_menu.title() == "文件(&F)"
    assert window.actions.restore_action.text() == "从备份恢复(&R)…"

    def choose_english(dialog):
        assert isinstance(dialog, SettingsDialog)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.accept()
    answer_modal(choose_english)
    window.actions.settings_action.trigger()
    qtbot.waitUntil(lambda: window.actions.file_menu.title() == "&File")
    assert i18n.current_language() == "en" and window.settings.get("language") == "en"
    assert window.actions.undo_action.text() == "Undo"
    assert window.actions.undo_action in window.actions.edit_menu.actions()
    assert window.tabs.tabText(0) == "Statistics"



def test_settings_show_the_clerk_the_status_bar_shows(qtbot, chinese, window):
    seen = []

    def look(dialog):
        seen.append(dialog.clerk_edit.text())
        dialog.reject()
    window.settings.set("clerk_name", "")
    answer_modal(look)
    window.actions.settings_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert window.ws.actor and seen == [window.ws.actor]


def test_office_time_zone_is_set_in_settings_and_applied(qtbot, chinese, window):
    """设置 → 办公地时区: a wrong name is refused in Chinese and nothing is saved; a good one moves "today"."""
    from sanxiang_desktop.core import clock
    import datetime as dt
    refused = []

    def type_zone(zone):
        def answer(dialog):
            assert isinstance(dialog, SettingsDialog)
            dialog.timezone_combo.setEditText(zone)
            if zone == "Mars/Olympus":
                answer_modal(lambda box: (refused.append(box.text()), box.accept()))
            dialog.accept()
            if dialog.isVisible():
                dialog.reject()
        return answer
    answer_modal(type_zone("Mars/Olympus"))
    window.actions.settings_action.trigger()
    qtbot.waitUntil(lambda: bool(refused))
    assert "不是有效的时区" in refused[0] and window.settings.get("office_timezone") == ""
    try:
        answer_modal(type_zone("UTC-05:00"))
        window.actions.settings_action.trigger()
        qtbot.waitUntil(lambda: window.settings.get("office_timezone") == "UTC-05:00")
        with clock.use_source(dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.timezone.utc)):
            assert window.ws.today() == dt.date(2026, 3, 1)      # 22:00 on 1 March in the office
    finally:
        clock.set_office_timezone(None)

def test_units_changes_refresh_the_tree(qtbot, window):
    tree = window.tree
    tree.view.expand(tree.proxy.mapFromSource(tree.model.index_of(ZHANGZHENG)))
    qtbot.waitUntil(lambda: len(_children(window, ZHANGZHENG)) > 0)
    before = len(_children(window, ZHANGZHENG))
    result = add_village(window.ws, ZHANGZHENG, "测试新村")
    assert result.ok, result.message_zh()
    window.context.notify(result.changes)
    qtbot.waitUntil(lambda: len(_children(window, ZHANGZHENG)) == before + 1)
    assert window.tree.current_code() == "640104"


def test_geometry_is_saved_on_close(qtbot, window, runner):
    window.resize(1100, 640)
    close_window(qtbot, window, runner)
    assert window.settings.get("window/geometry")


def test_window_fits_an_office_screen(window):
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 728
    assert window.minimumWidth() <= 1366 and window.minimumHeight() <= 728


def test_command_line_options():
    args, rest = parse_args(["--demo", "county", "--lang", "en", "-platform", "offscreen"])
    assert (args.demo, args.lang, args.db) == ("county", "en", None)
    assert rest == ["-platform", "offscreen"]


def test_launcher_opens_a_database_and_reports_start_up_time(qtbot, tmp_path, county_db, app_settings_in, runner):
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.ready, timeout=20000) as ready:
        launcher.start(db=copy_db(county_db, tmp_path / "db"))
    window, seconds = ready.args          # the launcher owns (and deletes) its windows
    assert window.isVisible() and window.page("dashboard").model.rowCount() == 16
    assert 0 < seconds < 15
    print(f"\nstart-up to a filled county dashboard: {seconds:.2f} s")
    with qtbot.waitSignal(launcher.finished):
        window.close()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)


def test_closing_the_window_stops_the_background_check_of_a_large_file(qtbot, tmp_path, county_db, app_settings_in,
                                                                        runner, monkeypatch):
    """A file over the start-up check's size gets its full check on the worker after the window shows; closing
    the window cancels it (the check of a national hub's file takes about 50 s: the exit backup and the quit
    must not wait behind it, nor may the program end with the worker inside it)."""
    from sanxiang_desktop.sync import startup
    monkeypatch.setattr(startup, "FOREGROUND_CHECK_BYTES", 0)      # this county file counts as large
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.ready, timeout=20000) as ready:
        launcher.start(db=copy_db(county_db, tmp_path / "db"))
    window = ready.args[0]
    check = window._background_check
    assert check.interrupt is not None and not check.cancelled
    with qtbot.waitSignal(launcher.finished):
        window.close()
    assert check.cancelled
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)


def test_launcher_demo_builds_into_the_data_folder(qtbot, data_dir, app_settings_in, runner):
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.window_shown, timeout=30000) as shown:
        launcher.start(demo="township")
    window = shown.args[0]
    assert (data_dir / "demo-township.db").exists()
    assert window.home.code == ZHANGZHENG
    close_window(qtbot, window, runner)


def test_a_file_that_is_no_database_gets_a_chinese_message(qtbot, chinese, tmp_path, app_settings_in, runner):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 10)
    seen = []

    def read_and_close(box):
        seen.append(box.text())
        box.done(QMessageBox.StandardButton.Ok)
    launcher = Launcher(app_settings_in, runner)
    answer_modal(read_and_close)
    with qtbot.waitSignal(launcher.finished, timeout=10000) as finished:
        launcher.start(db=bad)
    assert finished.args == [1]
    assert seen and "不是本程序的数据库文件" in seen[0]
    assert QApplication.activeModalWidget() is None


def test_closing_asks_when_a_form_holds_unsaved_typing(qtbot, window, monkeypatch):
    page = window.page("activities")
    if page is None or not hasattr(page, "panel"):
        pytest.skip("no activities page in this build")
    window.open_records("640104", "activities", {})
    dialog = page.panel.open_dialog(None)
    qtbot.waitUntil(dialog.isVisible)
    dialog.widgets["title"].set_value("还没保存的活动")
    asked = []
    answer_modal(lambda box: (asked.append(box.text()), box.escapeButton().click()))   # keep editing
    window.close()
    assert asked and window.isVisible() and dialog.isVisible()
    dialog.done(0)


def test_a_pc_clock_clearly_behind_is_told_at_start_up(qtbot, tmp_path, county_db, app_settings_in, runner):
    """Issue 8: the newest stamp in the file is three days after this PC's clock: said at start."""
    import datetime as dt
    from sanxiang_desktop.core import clock
    from sanxiang_desktop.core.hlc import format_stamp
    from sanxiang_desktop.store.database import open_database
    path = copy_db(county_db, tmp_path / "db")
    db = open_database(path)
    ahead = clock.utc_now() + dt.timedelta(days=3)
    db.set_meta("hlc_last", format_stamp(int(ahead.timestamp() * 1000), 0))
    db.close()
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.window_shown, timeout=30000) as shown:
        launcher.start(db=path)
    window = shown.args[0]
    box = window._start_notes_box
    assert box.isVisible() and "本机时钟" in box.text() and "3 天" in box.text()
    box.close()
    close_window(qtbot, window, runner)


def test_pages_other_than_the_first_are_built_when_first_shown(qtbot, chinese, window):
    from PySide6.QtCore import Qt
    from sanxiang_desktop.ui.pages.base import PageStandIn
    # issue 12, startup: only the dashboard is built with the window; the others hold their tabs, titled
    stand_ins = [p for p in window.pages if isinstance(p, PageStandIn)]
    assert len(stand_ins) == len(window.pages) - 1 and window.current_page().key == "dashboard"
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    index = next(i for i in range(window.tabs.count()) if window.tabs.widget(i).key == "people")
    assert isinstance(window.tabs.widget(index), PageStandIn) and titles[index] == "人员库"
    # reached by its shortcut (查看 › Ctrl+n): the real page takes the tab, shows the selected unit's people
    qtbot.keyClick(window, Qt.Key(int(Qt.Key.Key_1) + index), Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert page.key == "people" and not isinstance(page, PageStandIn)
    assert window.tabs.widget(index) is page and window.page("people") is page and page in window.pages
    # the stand-in's title was the page's own, in the page's translation context
    assert window.tabs.tabText(index) == titles[index] == page.title() and window.shown_pages() == [p for p in window.pages
                                                                               if "county" in p.levels]
    qtbot.waitUntil(lambda: page.panel.view.model.rowCount() > 0, timeout=10000)
    assert page.unit_code == "640104"
    # asked for by key (open_records, tests): built in place, once
    visits = window.page("visits")
    assert not isinstance(visits, PageStandIn) and window.page("visits") is visits and visits.unit_code == "640104"
    assert len([p for p in window.pages if isinstance(p, PageStandIn)]) == len(stand_ins) - 2
