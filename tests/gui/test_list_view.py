"""ListView driven like a clerk would: typing a filter, clicking headers, keys, widths remembered."""
from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip

from tests.gui.memory_source import MemorySource, make_records
from sanxiang_desktop.ui.lists.column_fit import cell_margin
from sanxiang_desktop.ui.lists.list_view import ListView
from sanxiang_desktop.ui.shell.settings import Settings


def make_view(qtbot, source, settings, name="people", **kwargs) -> ListView:
    view = ListView(name, source, settings=settings, **kwargs)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def click_header(qtbot, view: ListView, column: int) -> None:
    header = view.table.horizontalHeader()
    pos = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def queries(source: MemorySource) -> list[tuple]:
    return [c for c in source.calls if c[0] == "count"]


def test_opens_100000_rows_with_one_page(qtbot, settings):
    source = MemorySource(100_000)
    view = make_view(qtbot, source, settings)
    QApplication.processEvents()
    assert [c[0] for c in source.calls] == ["count", "fetch"]
    assert view.model.rowCount() == 200 and view.model.total_count == 100_000


def test_filter_is_debounced_into_one_query(qtbot, settings, english):
    source = MemorySource(1000)
    view = make_view(qtbot, source, settings)
    source.calls.clear()
    qtbot.keyClicks(view.filter_edit, "139000001")   # QTest types Latin-1 only; Chinese comes by IME
    assert queries(source) == []            # nothing while typing
    qtbot.waitUntil(lambda: len(queries(source)) == 1, timeout=2000)
    # no filter timer left to fire and no query on its way: nothing more can come from that typing
    qtbot.waitUntil(lambda: not view._filter_timer.isActive() and not view.model.busy, timeout=2000)
    assert queries(source) == [("count", "139000001", None, False)]
    assert view.count_label.text() == "100 rows"

    view.filter_edit.insert("0")   # what an input method's commit does: one more textChanged
    qtbot.waitUntil(lambda: len(queries(source)) == 2, timeout=2000)
    qtbot.waitUntil(lambda: not view.model.busy, timeout=2000)
    assert view.model.total_count == 10

    with qtbot.waitSignal(view.model.query_finished, timeout=2000):
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Escape)   # Esc clears at once, no debounce
        assert view.filter_edit.text() == "" and view.model.query.filter_text == ""
    assert view.model.total_count == 1000
    assert len(queries(source)) == 3


def test_enter_in_filter_applies_it_at_once(qtbot, settings):
    source = MemorySource(100)
    view = make_view(qtbot, source, settings, debounce_ms=10_000)
    view.filter_edit.setText("陈")
    with qtbot.waitSignal(view.model.query_finished, timeout=2000):
        qtbot.keyClick(view.filter_edit, Qt.Key.Key_Return)
        assert view.model.query.filter_text == "陈"   # asked for at once, not after the 10 s debounce
    assert view.model.total_count == 10
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Down)
    assert view.current_id() == view.model.row(0).id   # Down moves from the filter into the list


def test_sort_and_widths_are_remembered_across_instances(qtbot, settings):
    first_source = MemorySource(500)
    first = make_view(qtbot, first_source, settings)
    click_header(qtbot, first, 1)
    click_header(qtbot, first, 1)
    qtbot.waitUntil(lambda: not first.model.busy, timeout=2000)   # the second click's rows are in
    assert first.model.query.sort_key == "age" and first.model.query.descending
    assert first.model.row(0).values[1] == 79
    first.table.horizontalHeader().resizeSection(0, 157)
    first.table.horizontalHeader().resizeSection(2, 211)
    first.close()
    settings.sync()

    reopened = Settings(settings.path)   # as after restarting the program
    source = MemorySource(500)
    second = make_view(qtbot, source, reopened)
    header = second.table.horizontalHeader()
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert second.model.query.sort_key == "age" and second.model.query.descending
    assert header.sectionSize(0) == 157 and header.sectionSize(2) == 211
    assert queries(source) == [("count", "", "age", True)]   # opened sorted, not opened then re-sorted

    other = make_view(qtbot, MemorySource(5), reopened, name="venues")   # each list has its own state
    assert other.model.query.sort_key is None


def test_unsortable_column_keeps_the_previous_sort(qtbot, settings, runner):
    source = MemorySource(50)
    gate = threading.Event()
    runner.run(gate.wait)     # a job ahead in the queue (it used to let the sort query land late): held
    view = make_view(qtbot, source, settings, runner=runner)
    # the first click's re-query runs on the worker: count calls only once nothing is left on it
    click_header(qtbot, view, 0)
    gate.set()                # the opening query and the click's both land after the click
    qtbot.waitUntil(lambda: runner.pending == 0 and not view.model.busy, timeout=5000)
    assert view.model.query.sort_key == "name"
    source.calls.clear()
    click_header(qtbot, view, 3)   # "note" is not sortable
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)
    assert view.table.horizontalHeader().sortIndicatorSection() == 0
    assert view.model.query.sort_key == "name" and source.calls == []
    assert settings.table_state("people")["sort_key"] == "name"


def needed(view: ListView, text: str) -> int:
    """What a cell needs to show `text` uncut: its advance plus Qt's item text margins."""
    return view.table.fontMetrics().horizontalAdvance(text) + cell_margin(view.table)


def test_columns_share_the_width_by_content(qtbot, settings):
    records = make_records(5)
    long_note = "这是一段很长很长的备注，用来说明某位人员的特殊情况和后续安排，以及需要注意的事项"
    records["p000001"] = records["p000001"][:3] + (long_note,)
    view = make_view(qtbot, MemorySource(records=records), settings)
    header = view.table.horizontalHeader()
    # short columns get what their values need, no more than a little air; the long note the rest
    for column in range(3):
        widest = max(needed(view, str(view.model.row(r).values[column])) for r in range(5))
        assert widest <= header.sectionSize(column) <= widest + 40
    assert sum(header.sectionSize(c) for c in range(4)) == view.table.viewport().width()   # no empty band
    assert header.sectionSize(3) >= needed(view, long_note)

    view.resize(520, 500)                      # too narrow for the note: it is cut, the others are not
    qtbot.waitUntil(lambda: header.sectionSize(3) < needed(view, long_note), timeout=2000)
    assert all(header.sectionSize(c) >= needed(view, str(view.model.row(r).values[c]))
               for c in range(3) for r in range(5))
    assert sum(header.sectionSize(c) for c in range(4)) == view.table.viewport().width()
    delegate = view.table.itemDelegate()
    index = view.model.index(1, 3)
    option = QStyleOptionViewItem()
    option.initFrom(view.table)
    option.rect = view.table.visualRect(index)
    assert delegate.elided_text(option, index, view.table) == long_note  # cut, so its tooltip is the full text
    center = option.rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, view.table.viewport().mapToGlobal(center))
    assert delegate.helpEvent(event, view.table, option, index)
    assert QToolTip.text() == long_note + "\nid p000001"                  # and the row's own tooltip after it
    short = view.model.index(1, 0)
    option.rect = view.table.visualRect(short)
    assert delegate.elided_text(option, short, view.table) == ""


def test_a_dragged_width_stays_and_the_others_refit(qtbot, settings):
    view = make_view(qtbot, MemorySource(5), settings)
    header = view.table.horizontalHeader()
    header.resizeSection(0, 300)
    assert header.sectionSize(0) == 300
    assert sum(header.sectionSize(c) for c in range(4)) == view.table.viewport().width()
    assert settings.table_state("people")["chosen_widths"] == {"name": 300}


def test_enter_and_double_click_activate_delete_asks(qtbot, settings):
    view = make_view(qtbot, MemorySource(20), settings)
    table = view.table
    table.setFocus()
    table.selectRow(4)
    with qtbot.waitSignal(view.activated, timeout=1000) as activated:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert activated.args == ["p000004"]

    rect = table.visualRect(view.model.index(6, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first
    with qtbot.waitSignal(view.activated, timeout=1000) as activated:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == ["p000006"]

    table.selectRow(2)
    rect = table.visualRect(view.model.index(9, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     pos=rect.center())
    with qtbot.waitSignal(view.delete_requested, timeout=1000) as deleted:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert deleted.args == [["p000002", "p000009"]]


def test_refresh_keeps_selection_and_shows_changes(qtbot, settings):
    source = MemorySource(300)
    view = make_view(qtbot, source, settings)
    view.select_ids(["p000003", "p000005"], current="p000005")
    source.records["p000003"] = ("新名字", 30, "13900000003", None)
    source.invalidate()
    with qtbot.waitSignal(view.model.query_finished, timeout=2000):
        view.refresh()
    assert view.selected_ids() == ["p000003", "p000005"] and view.current_id() == "p000005"
    assert view.model.row(3).values[0] == "新名字"

    source.records["p000005"] = ("又改", 30, "13900000005", None)
    source.invalidate()
    view.refresh_ids(["p000005"])
    assert view.model.row(5).values[0] == "又改" and view.selected_ids() == ["p000003", "p000005"]


def test_extra_filters_requery(qtbot, settings):
    source = MemorySource(30)
    view = make_view(qtbot, source, settings, extra={"year": 2024})
    assert view.model.query.extra == {"year": 2024}
    with qtbot.waitSignal(view.model.query_finished, timeout=2000):
        view.set_extra({"year": 2025})
    assert view.model.query.extra == {"year": 2025} and len(queries(source)) == 2


def test_refresh_keeps_scroll_position(qtbot, settings):
    source = MemorySource(1000)
    view = make_view(qtbot, source, settings)
    bar = view.table.verticalScrollBar()
    bar.setValue(120)
    qtbot.waitUntil(lambda: bar.value() == 120)
    with qtbot.waitSignal(view.model.query_finished, timeout=2000):
        view.refresh()
    QApplication.processEvents()     # the view's posted (delayed) layout runs: it must not scroll back to the top
    assert bar.value() == 120
