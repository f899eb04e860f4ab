"""The operation type (ui/shell/operations.py): writes run on the database worker, never on the
GUI thread; the undo step is pushed and the Changes routed when the worker returns; several
selected rows are one all-or-nothing service call and one undo step."""
from __future__ import annotations

import json
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import event, func, select

from sanxiang_desktop.services import records
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.pages import records as record_pages
from sanxiang_desktop.ui.shell.operations import run_operation
from sanxiang_desktop.ui.shell.undo import delete_records
from tests.gui import answering
from tests.gui.record_support import TOWNSHIP, answer_next_modal, count, redo, undo, worker_idle
from tests.gui.record_support import county_db, township, township_db, zh  # noqa: F401  (fixtures)

WRITES = ("INSERT", "UPDATE", "DELETE")


class WriteThreads:
    """The thread of every INSERT/UPDATE/DELETE the database engine executes (a real SQLAlchemy event)."""

    def __init__(self, engine):
        self.engine, self.threads = engine, []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(WRITES):
            self.threads.append(threading.current_thread())

    def close(self):
        event.remove(self.engine, "before_cursor_execute", self._seen)

    def take(self) -> list[threading.Thread]:
        seen, self.threads = self.threads, []
        return seen


def close_next_warning(texts: list) -> None:
    """Close the next warning box once it is up (it opens from the operation's callback)."""
    generation = answering.current()

    def attempt(tries: int = answering.ANSWER_TIMEOUT_MS // 20) -> None:
        if not answering.still_running(generation):
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Warning:
            texts.append(box.text())
            box.accept()
            return
        if tries:
            QTimer.singleShot(20, lambda: attempt(tries - 1))
    QTimer.singleShot(0, attempt)


def audit_count(ws) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


def off_gui_thread(threads) -> bool:
    return bool(threads) and all(t is not threading.main_thread() for t in threads)


def venue_ids(ws, n):
    return [records.create(ws, "venues", {"unit_code": TOWNSHIP, "type": "science_club", "name": f"测试阵地{i}"}).record_id
            for i in range(n)]


def test_save_delete_undo_and_redo_run_on_the_worker(qtbot, township):
    ws = township.ws
    seen = WriteThreads(ws.db.engine)
    try:
        results = []
        run_operation(township, lambda: records.create(ws, "venues", {"unit_code": TOWNSHIP, "type": "science_club",
                                                                      "name": "工作线程阵地"}),
                      undo=lambda r: None, done=results.append)
        worker_idle(qtbot)
        assert results and results[0].ok and off_gui_thread(seen.take())          # a save

        ids = venue_ids(ws, 3)
        seen.take()
        before = count(ws, m.Venue)
        answer_next_modal("删除", QMessageBox)
        assert delete_records(township, None, "venues", ids, "3 个阵地") == ids
        worker_idle(qtbot)
        assert count(ws, m.Venue) == before - 3 and off_gui_thread(seen.take())   # a delete of several
        assert township.undo_stack.count() == 1                                  # one undo step
        with ws.session() as s:                                                  # one audit entry, every id
            entry = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq.desc())).first()
            assert entry.action == "delete:venues" and sorted(json.loads(entry.record_ids)) == sorted(ids)

        undo(qtbot, township)
        assert count(ws, m.Venue) == before and off_gui_thread(seen.take())       # undo: one restore_many
        redo(qtbot, township)
        assert count(ws, m.Venue) == before - 3 and off_gui_thread(seen.take())   # redo
    finally:
        seen.close()


def test_a_refused_row_leaves_the_whole_selection_as_it_was(qtbot, township):
    ws = township.ws
    people = [records.create(ws, "people", {"unit_code": TOWNSHIP, "name": n}).record_id for n in ("赵甲", "钱乙", "孙丙")]
    assert records.create(ws, "posts", {"person_id": people[1], "unit_code": TOWNSHIP,
                                        "role": "part_time_vice_chair", "start_on": ws.today()}).ok
    before, entries = count(ws, m.Person), audit_count(ws)
    answer_next_modal("删除", QMessageBox)
    refused, warned = [], []
    close_next_warning(warned)                   # 未删除: the reason, naming 钱乙
    delete_records(township, None, "people", people, "3 个人员", done=refused.append)   # 钱乙, in the middle, holds a post
    worker_idle(qtbot)
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert refused and not refused[0].ok and "钱乙" in refused[0].message_zh() and "钱乙" in warned[0]
    assert count(ws, m.Person) == before and township.undo_stack.count() == 0
    assert audit_count(ws) == entries                                    # no audit entry either


def test_the_list_page_deletes_its_selection_in_one_step(qtbot, township):
    from tests.gui.test_pages import open_page
    page = open_page(qtbot, township, record_pages.VenuesPage)
    view = page.panel.view
    before = count(township.ws, m.Venue)
    chosen = [view.model.row(0).id, view.model.row(1).id]
    view.select_ids(chosen, chosen[0])
    assert sorted(view.selected_ids()) == sorted(chosen)
    answer_next_modal("删除", QMessageBox)
    page.panel.delete(view.selected_ids())
    worker_idle(qtbot)
    assert count(township.ws, m.Venue) == before - 2 and township.undo_stack.count() == 1
