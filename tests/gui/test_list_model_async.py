"""ListModel with a runner: the re-query (count + first page) runs on the database worker, never on the GUI thread."""
from __future__ import annotations

import logging
import threading

import pytest

from tests.gui.memory_source import MemorySource
from sanxiang_desktop.ui.shell import errors
from sanxiang_desktop.ui.lists.source import ListQuery
from sanxiang_desktop.ui.lists.table_model import ListModel


@pytest.fixture
def shown_errors(monkeypatch):
    """The error boxes report_exception would show (a modal box would block the test)."""
    shown: list[tuple] = []
    monkeypatch.setattr(errors, "show_error", lambda *args: shown.append(args))
    return shown


class OffGuiSource(MemorySource):
    """Once armed, every count records its thread, asserts it is not the GUI thread, and waits to be let go."""

    def __init__(self, n: int):
        super().__init__(n)
        self.armed = False
        self.threads: list[threading.Thread] = []
        self.release = threading.Event()

    def count(self, query: ListQuery) -> int:
        if self.armed:
            thread = threading.current_thread()
            self.threads.append(thread)
            assert thread is not threading.main_thread(), "count() ran on the GUI thread"
            assert self.release.wait(5), "the test never released the query"
        return super().count(query)


def test_set_filter_returns_before_the_source_is_queried_on_the_gui_thread(qtbot, runner, shown_errors):
    source = OffGuiSource(300)
    model = ListModel(source, runner=runner)   # the first page is read at once, as the view opens
    assert model.total_count == 300
    source.armed = True
    resets = []
    model.modelReset.connect(lambda: resets.append(model.total_count))

    model.set_filter("王")
    # set_filter has returned while the worker is still held inside count(): the old rows stay shown
    assert model.busy and model.query.filter_text == "王" and model.shown_query.filter_text == ""
    assert model.rowCount() == 200 and model.total_count == 300 and resets == []
    with qtbot.waitSignal(model.query_finished, timeout=5000) as finished:
        source.release.set()
    assert finished.args == [True]
    assert source.threads and all(t is not threading.main_thread() for t in source.threads)
    assert not model.busy and model.shown_query.filter_text == "王"
    assert model.total_count == 30 and resets == [30]
    assert all("王" in model.row(r).values[0] for r in range(model.rowCount()))
    assert shown_errors == []


class SlowFirstSource(MemorySource):
    """Once armed, the first count waits for release, so a second filter is typed while it runs."""

    def __init__(self, n: int):
        super().__init__(n)
        self.armed = False
        self.started = threading.Event()
        self.release = threading.Event()

    def count(self, query: ListQuery) -> int:
        if self.armed and not self.started.is_set():
            self.started.set()
            assert self.release.wait(5), "the test never released the first query"
        return super().count(query)


@pytest.mark.parametrize("second", ["陈伟", ""], ids=["another filter", "back to the shown one"])
def test_a_stale_result_is_dropped_when_two_filters_are_typed_quickly(qtbot, runner, shown_errors, second):
    source = SlowFirstSource(300)
    model = ListModel(source, runner=runner)
    source.armed = True
    resets, finished = [], []
    model.modelReset.connect(lambda: resets.append(model.shown_query.filter_text))
    model.query_finished.connect(finished.append)

    model.set_filter("王")
    assert source.started.wait(5)           # the slow first query is running on the worker
    model.set_filter(second)
    source.release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    # the first query's result has come back too: pending drops as a result is delivered, in the same call
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)

    assert finished == [True] and resets == [second]   # only the latest query's rows were ever shown
    assert model.query.filter_text == second and model.shown_query.filter_text == second
    expected = MemorySource(300).count(ListQuery(filter_text=second))
    assert model.total_count == expected == (3 if second else 300)   # not the 30 of 王
    assert all(second in model.row(r).values[0] for r in range(model.rowCount()))
    assert shown_errors == []


class FailingSource(MemorySource):
    fail = False

    def count(self, query: ListQuery) -> int:
        if self.fail:
            raise OSError("disk gone")
        return super().count(query)


def test_a_source_error_keeps_the_old_rows_and_is_reported(qtbot, runner, shown_errors, caplog):
    source = FailingSource(300)
    model = ListModel(source, runner=runner)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    source.fail = True

    with caplog.at_level(logging.ERROR, logger="sanxiang_desktop"):
        with qtbot.waitSignal(model.query_finished, timeout=5000) as finished:
            model.set_filter("王")
    assert finished.args == [False]
    assert resets == [] and not model.busy
    assert model.rowCount() == 200 and model.total_count == 300 and model.row(0).id == "p000000"
    assert model.query.filter_text == "" and model.shown_query.filter_text == ""
    assert len(shown_errors) == 1 and "OSError: disk gone" in shown_errors[0][3]   # (parent, title, text, detail)
    assert any("OSError: disk gone" in r.getMessage() for r in caplog.records)

    source.fail = False   # the model still works: the same filter typed again is read
    with qtbot.waitSignal(model.query_finished, timeout=5000) as finished:
        model.set_filter("王")
    assert finished.args == [True] and model.total_count == 30 and resets == [1]
    model.fetchMore()   # paging goes on from the new rows, synchronously
    assert model.rowCount() == 30
