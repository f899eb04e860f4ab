"""Nothing cut off at 1366×768 (issue 11, item 11): every list page of a county demo database, at the
county and at one of its townships, shows each header and each typical value uncut.

"Needed" is what Qt's item delegate needs to draw a text without "…": its QFontMetrics.horizontalAdvance
plus the item text margins; it is compared with the section's width. A typical value is one no
wider than nine in ten of its column's loaded values: the rare very long title may be cut (its
tooltip shows it), the ordinary one may not.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.ui.dashboard.model import BAR_ROLE

from sanxiang_desktop.ui.lists.column_fit import cell_margin
from sanxiang_desktop.ui.lists.list_view import ListView
from sanxiang_desktop.ui.lists.table_model import column_title
from tests.gui.window_support import app_settings_in, close_window, copy_db, make_demo, open_window  # noqa: F401

COUNTY, TOWNSHIP = "640104", "640104100"
TYPICAL = 0.9


@pytest.fixture(scope="module")
def county_db(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("county"), COUNTY, "county")


def cut_cells(view: ListView) -> list[str]:
    """Headers and typical values of a shown list that do not fit their columns."""
    table, header = view.table, view.table.horizontalHeader()
    metrics, margin = table.fontMetrics(), cell_margin(table)
    problems = []
    for column, spec in enumerate(view.model.columns):
        width = header.sectionSize(column)
        title = column_title(spec)
        if header.fontMetrics().horizontalAdvance(title) + 2 * margin > width:
            problems.append(f"header {title!r} ({width}px)")
        values = sorted((str(view.model.row(r).values[column]) for r in range(view.model.rowCount())
                         if view.model.row(r).values[column] not in (None, "")), key=metrics.horizontalAdvance)
        if not values:
            continue
        typical = values[min(len(values) - 1, int(len(values) * TYPICAL))]
        if metrics.horizontalAdvance(typical) + margin > width:
            problems.append(f"{title}: {typical!r} needs {metrics.horizontalAdvance(typical) + margin}px, "
                            f"has {width}px")
    return problems


@pytest.mark.parametrize("unit", [COUNTY, TOWNSHIP])
def test_no_list_page_cuts_a_header_or_a_typical_value(qtbot, tmp_path, county_db, app_settings_in, runner,
                                                       chinese, unit):
    window = open_window(qtbot, copy_db(county_db, tmp_path / "db"), app_settings_in, runner)
    window.resize(1366, 768)
    window.tree.select_code(unit)
    qtbot.waitUntil(lambda: window.unit_code == unit, timeout=5000)
    problems, seen = [], 0
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.widget(i)
        views = [v for v in page.findChildren(ListView) if v.isVisible()]
        for view in views:
            qtbot.waitUntil(lambda v=view: not v.model.busy, timeout=10000)
            QApplication.processEvents()
            if view.model.rowCount():
                seen += 1
            problems += [f"{page.title()} / {view.list_name}: {p}" for p in cut_cells(view)]
    close_window(qtbot, window, runner)
    assert seen >= 5          # the demo fills the lists this test is about
    assert not problems, "\n".join(problems)


def test_city_dashboard_cuts_nothing(qtbot, tmp_path, app_settings_in, runner, chinese):
    """The city's table at 1366×768: every header and every cell uncut, the 四缺 column wide enough for
    all four shortages named, and no spare room left to the last column."""
    from sanxiang_desktop.ui.dashboard.delegates import light_cell_needs
    from sanxiang_desktop.ui.dashboard.model import COLUMN_KEYS, LIGHTS_ROLE
    from tests.gui.window_support import make_empty
    window = open_window(qtbot, make_empty(tmp_path, "640100"), app_settings_in, runner)
    window.resize(1366, 768)
    dashboard = window.page("dashboard")
    table, header = dashboard.table, dashboard.table.horizontalHeader()
    qtbot.waitUntil(lambda: table.viewport().width() > 1000, timeout=5000)
    metrics, margin = table.fontMetrics(), cell_margin(table)
    problems = []
    for column in range(len(COLUMN_KEYS)):
        width = header.sectionSize(column)
        for line in dashboard.model.headerData(column, Qt.Orientation.Horizontal).split("\n"):
            if header.fontMetrics().horizontalAdvance(line) + 2 * margin > width:
                problems.append(f"header {line!r}")
        for row in range(dashboard.model.rowCount()):
            index = dashboard.model.index(row, column)
            text, lights = index.data() or "", index.data(LIGHTS_ROLE)
            need = (light_cell_needs(metrics, text, len(lights)) if lights
                    else metrics.horizontalAdvance(text) + margin)
            if dashboard.model.index(row, column).data(BAR_ROLE) is None and need > width:
                problems.append(f"{COLUMN_KEYS[column]}: {text!r}")
    all_four = dashboard.model.shortage_words(dict.fromkeys(
        ("staff_quota", "staff", "funding", "premises"), True))
    assert all_four == "编制、人员、经费、场地"
    assert header.sectionSize(COLUMN_KEYS.index("shortages")) >= light_cell_needs(metrics, all_four, 1)
    last = header.sectionSize(COLUMN_KEYS.index("last_package"))
    assert last <= metrics.horizontalAdvance("最近数据包") + 80       # the last column does not hog the room
    close_window(qtbot, window, runner)
    assert not problems, "\n".join(sorted(set(problems)))


def test_person_suggestions_are_not_cut(qtbot, tmp_path, county_db, chinese):
    """The picker's list (name, unit, employer, job) is as wide as its widest suggestion, not the name field."""
    from sanxiang_desktop.ui.forms.record_form import RecordDialog
    from tests.gui.record_support import drain_list_queries, make_context, open_copy, show, type_into
    db, ws = open_copy(county_db, tmp_path)
    dialog = RecordDialog(make_context(ws, tmp_path), "posts", defaults={"unit_code": COUNTY}, hidden=("unit_code",))
    show(qtbot, dialog)
    picker = dialog.widgets["person_id"]
    type_into(qtbot, picker, "王")
    picker.search_now()
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert picker.model.rowCount() > 3
    room = popup.viewport().width() - cell_margin(popup)
    cut = [picker.model.item(r).text() for r in range(picker.model.rowCount())
           if popup.fontMetrics().horizontalAdvance(picker.model.item(r).text()) > room]
    assert popup.width() > picker.line.width()         # the details make it wider than the name field
    assert not cut, cut
    popup.hide()
    dialog.done(0)
    drain_list_queries()
    db.close()


def test_settings_show_the_whole_data_folder(qtbot, tmp_path, chinese):
    from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog
    from sanxiang_desktop.ui.shell.settings import Settings
    folder = Path("/home/clerk/基层科协三加一工作数据/兴庆区科学技术协会/2026年度台账")
    settings = Settings(tmp_path / "sanxiang.ini")
    settings.set("data_folder", str(folder))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.folder_edit
    text_room = edit.contentsRect().width() - 8           # QLineEdit's own side margins
    assert edit.fontMetrics().horizontalAdvance(edit.text()) <= text_room
    assert edit.toolTip() == str(folder)


def test_combo_boxes_are_as_wide_as_their_entries(qtbot, tmp_path, county_db, app_settings_in, runner, chinese):
    """Item 10: every combo box of the main window, an entry form and 设置 shows its longest entry uncut,
    also when its entries were set after it was first shown (AdjustToContents, not Qt's default of
    sizing once, at the first show)."""
    from PySide6.QtWidgets import QComboBox
    from sanxiang_desktop.ui.forms.record_form import RecordDialog
    from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog
    from sanxiang_desktop.ui.shell.settings import Settings
    from tests.gui.record_support import drain_list_queries, make_context, open_copy, show
    db, ws = open_copy(county_db, tmp_path)
    form = RecordDialog(make_context(ws, tmp_path), "activities", defaults={"unit_code": TOWNSHIP})
    show(qtbot, form)
    settings = SettingsDialog(Settings(tmp_path / "sanxiang.ini"))
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    window = open_window(qtbot, copy_db(county_db, tmp_path / "window"), app_settings_in, runner)
    window.resize(1366, 768)
    late = window.year_combo
    late.addItem("二〇二六年（本年度）", 2026)               # after the first show: it widens
    combos = [c for c in form.findChildren(QComboBox) + settings.findChildren(QComboBox)
              + window.findChildren(QComboBox) if c.isVisible()]
    assert len(combos) >= 5
    fixed = [c.objectName() or type(c).__name__ for c in combos
             if c.sizeAdjustPolicy() != QComboBox.SizeAdjustPolicy.AdjustToContents and not c.minimumContentsLength()]
    assert not fixed, fixed

    def cut(combo: QComboBox) -> bool:
        # AdjustToContents: the size hint is Qt's room for the longest entry (Fusion draws the label
        # into the arrow's margin rather than eliding it); a combo narrower than that cuts an entry
        widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
        return combo.width() < combo.sizeHint().width() or combo.sizeHint().width() < widest
    try:
        qtbot.waitUntil(lambda: not any(cut(c) for c in combos), timeout=3000)
    except qtbot.TimeoutError:
        pytest.fail(str({c.objectName() or type(c).__name__: (c.width(), c.sizeHint()) for c in combos if cut(c)}))
    close_window(qtbot, window, runner)
    form.done(0)
    drain_list_queries()
    db.close()


def test_whole_numbers_read_as_whole_numbers(qtbot, chinese):
    """Item 10: 80.0 m² reads 80 on the dashboard, a big sum does not turn into 1.2e+06, and Excel
    cells hold 80, not 80.0."""
    from sanxiang_desktop.core.indicators import FourFigures
    from sanxiang_desktop.spreadsheets.cells import clean
    from sanxiang_desktop.ui.dashboard.checklist import Checklist
    checklist = Checklist()
    qtbot.addWidget(checklist)
    texts = dict(checklist._four_texts(FourFigures(staff_quota=3, staff=2, funding_yuan=1_200_000,
                                                   premises_m2=80.0)))
    assert "80" in texts["premises"] and "80.0" not in texts["premises"]
    assert "1200000" in texts["funding"] and "e+" not in texts["funding"]
    assert "12.5" in dict(checklist._four_texts(FourFigures(staff_quota=3, staff=2, funding_yuan=5,
                                                            premises_m2=12.5)))["premises"]
    assert clean(80.0) == 80 and isinstance(clean(80.0), int) and clean(12.5) == 12.5
