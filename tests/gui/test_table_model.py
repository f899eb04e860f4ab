"""ListModel over an in-memory source: Qt's model contract, lazy paging, source-side sort/filter."""
from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from tests.gui.memory_source import MemorySource, MemorySourceByIds
from sanxiang_desktop.ui.lists.row_states import STATE_COLOURS
from sanxiang_desktop.ui.lists.source import ListQuery, ListSource, RowState
from sanxiang_desktop.ui.lists.table_model import ID_ROLE, ListModel


def test_source_satisfies_protocol():
    assert isinstance(MemorySource(3), ListSource)


@pytest.mark.parametrize("force_py", [True, False], ids=["pytest-qt tester", "Qt tester"])
@pytest.mark.qt_log_level_fail("WARNING")   # Qt's QAbstractItemModelTester reports failures as warnings
def test_model_passes_modeltester_through_changes(qtmodeltester, force_py):
    source = MemorySourceByIds(450)
    model = ListModel(source, page_size=100)
    qtmodeltester.check(model, force_py=force_py)
    model.fetchMore(QModelIndex())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter("王")
    model.refresh()
    del source.records[model.row_id(model.index(3, 0))]
    source.invalidate()
    model.refresh_ids([model.row_id(model.index(3, 0))])
    model.set_filter("nobody")
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 100 and model.total_count == 449


def test_fetch_more_is_ignored_inside_change_notifications(qtbot):
    model = ListModel(MemorySource(450), page_size=100)
    model.modelReset.connect(lambda: model.fetchMore(QModelIndex()))
    model.sort(1)
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())


def test_data_roles(english):
    model = ListModel(MemorySource(100))
    assert model.rowCount() == 100 and model.columnCount() == 4
    index = model.index(0, 1)
    assert model.data(index) == "20"   # text, formatted by the source
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 3)) == "备注"
    assert model.data(model.index(1, 3)) == ""      # None shows as empty
    assert model.data(index, ID_ROLE) == "p000000" == model.row_id(index)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "id p000000"
    foreign = model.data(model.index(51, 0), Qt.ItemDataRole.ForegroundRole)   # another unit's: its state's colour
    assert foreign.color().name() == STATE_COLOURS[RowState.FOREIGN]
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) is None            # own rows look ordinary
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.row_of("p000042") == 42 and model.row_of("nope") is None


def test_100000_rows_open_with_one_count_and_one_page(qtbot):
    source = MemorySource(100_000)
    model = ListModel(source)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.total_count == 100_000
    assert model.rowCount() == 200
    assert [c[0] for c in source.calls] == ["count", "fetch"]
    assert source.fetched_rows() == 200

    view.scrollToBottom()   # the view asks for the next page only when the last loaded row comes into view
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    assert source.calls[-1] == ("fetch", 200, 200)
    assert source.fetched_rows() <= 600


def test_sort_and_filter_requery_in_the_source():
    source = MemorySource(1000)
    model = ListModel(source)
    counts = []
    model.count_changed.connect(counts.append)
    source.calls.clear()

    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "age" and model.query.descending
    assert model.data(model.index(0, 1)) == "79"
    assert source.calls == [("count", "", "age", True), ("fetch", 0, 200)]

    model.sort(1, Qt.SortOrder.DescendingOrder)   # unchanged: no query
    model.sort(3, Qt.SortOrder.AscendingOrder)    # "note" is not sortable: ignored
    assert len(source.calls) == 2

    model.set_filter(" 王 ")
    assert model.query.filter_text == "王"
    assert model.total_count == 100 and counts[-1] == 100
    assert all("王" in model.data(model.index(r, 0)) for r in range(model.rowCount()))

    model.sort(-1)
    assert model.query.sort_key is None


def test_failing_source_leaves_model_unchanged():
    class Failing(MemorySource):
        fail = False

        def count(self, query):
            if self.fail:
                raise OSError("disk gone")
            return super().count(query)

    source = Failing(300)
    model = ListModel(source)
    source.fail = True
    try:
        model.set_filter("x")
    except OSError:
        pass
    assert model.rowCount() == 200 and model.query.filter_text == ""


def test_refresh_keeps_loaded_rows_and_sees_changes():
    source = MemorySource(500)
    model = ListModel(source)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    source.records["p000010"] = ("改名", 30, "13900000000", None)
    source.invalidate()
    model.refresh()
    assert model.rowCount() == 400
    assert model.data(model.index(10, 0)) == "改名"


def test_refresh_ids_without_reset(qtbot):
    source = MemorySource(300)
    model = ListModel(source)
    source.records["p000005"] = ("新名字", 33, "13900000005", None)
    source.invalidate()
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.dataChanged) as signal:
            model.refresh_ids(["p000005", "p999999"])
    assert signal.args[0].row() == 5
    assert model.data(model.index(5, 0)) == "新名字"


def test_refresh_ids_falls_back_to_refresh_when_a_page_changed(qtbot):
    source = MemorySource(300)
    model = ListModel(source)
    del source.records["p000005"]
    source.invalidate()
    with qtbot.waitSignal(model.modelReset):
        model.refresh_ids(["p000005"])
    assert model.total_count == 299 and model.row_of("p000005") is None


def test_refresh_ids_by_id_removes_vanished_rows(qtbot, qtmodeltester):
    source = MemorySourceByIds(300)
    model = ListModel(source)
    del source.records["p000005"]
    source.records["p000007"] = ("七", 40, "13900000007", None)
    source.invalidate()
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.rowsRemoved):
            model.refresh_ids(["p000005", "p000007"])
    assert source.calls[-1] == ("fetch_ids", ("p000005", "p000007"))
    assert model.total_count == 299 and model.rowCount() == 199
    assert model.row_of("p000007") == 6 and model.data(model.index(6, 0)) == "七"
    qtmodeltester.check(model, force_py=True)


def test_extra_filters_and_empty_source():
    source = MemorySource(0)
    model = ListModel(source, ListQuery(extra={"year": 2024}))
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    assert [c[0] for c in source.calls] == ["count"]   # nothing to fetch
    model.set_extra({"year": 2025})
    assert model.query.extra == {"year": 2025}

