"""TaskRunner, run_with_progress and the error reporting they fall back on."""
from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sanxiang_desktop.ui.shell import errors
from sanxiang_desktop.ui.shell.tasks import Progress, ProgressDialog, run_with_progress
from tests.gui import answering

MAIN = threading.get_ident()


def answer_message_box(seen: list, timeout_ms: int = answering.ANSWER_TIMEOUT_MS) -> None:
    """Close the next QMessageBox once it is up, remembering its texts (exec() blocks the test);
    in this test only, so a test that failed early cannot leave it to click a later test's box."""
    waited = [0]
    generation = answering.current()

    def poll():
        if not answering.still_running(generation):
            return
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()),
                   None)
        if box is None:
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        seen.append((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))
        box.button(QMessageBox.StandardButton.Ok).click()
    QTimer.singleShot(0, poll)


def test_result_comes_back_on_the_gui_thread(qtbot, runner):
    got = []
    runner.run(lambda: (threading.get_ident(), 6 * 7),
               lambda result: got.append((threading.get_ident(), result)))
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    (gui_thread, (worker_thread, value)), = got
    assert value == 42 and gui_thread == MAIN and worker_thread != MAIN
    assert runner.pending == 0


def test_exception_comes_back_on_the_gui_thread(qtbot, runner):
    got = []

    def fail():
        raise ValueError("bad row")

    runner.run(fail, lambda _: got.append("done"), lambda exc: got.append((threading.get_ident(), exc)))
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    (thread, exc), = got
    assert thread == MAIN and isinstance(exc, ValueError) and str(exc) == "bad row"


def test_jobs_run_one_at_a_time_on_one_thread_in_order(qtbot, runner):
    running, overlaps, order, threads = [0], [], [], set()

    def job(n):
        running[0] += 1
        overlaps.append(running[0])
        threads.add(threading.get_ident())
        time.sleep(0.005)
        running[0] -= 1
        return n

    for n in range(10):
        runner.run(lambda n=n: job(n), order.append)
    qtbot.waitUntil(lambda: len(order) == 10, timeout=3000)
    assert order == list(range(10)) and max(overlaps) == 1 and len(threads) == 1


def test_callbacks_skipped_when_owner_is_gone(qtbot, runner):
    owner = QWidget()
    got = []
    gate = threading.Event()
    runner.run(gate.wait, got.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=3000)
    assert got == []


def test_unhandled_job_error_is_logged_and_shown(qtbot, runner, data_dir, english):
    log_file = errors.setup_logging(data_dir)
    seen = []
    answer_message_box(seen)

    def fail():
        raise KeyError("missing unit")

    runner.run(fail)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    title, text, informative, detail = seen[0]
    assert title == "Unexpected Error" and "try again" in text
    assert str(log_file) in informative and "KeyError: 'missing unit'" in detail
    assert "KeyError: 'missing unit'" in log_file.read_text(encoding="utf-8")


def test_error_box_in_chinese(qtbot, chinese, data_dir):
    errors.setup_logging(data_dir)
    seen = []
    answer_message_box(seen)
    errors.report_exception(None, RuntimeError("boom"))
    title, text, informative, detail = seen[0]
    assert title == "意外错误" and "请检查" in text and "日志文件" in informative


def test_fast_work_shows_no_dialog(qtbot, runner):
    results = []

    def work():
        yield Progress(0, 2, "a")
        yield Progress(1, 2, "b")
        return "finished"

    task = run_with_progress(None, "Import", work, results.append, runner=runner)
    qtbot.waitUntil(lambda: bool(results), timeout=3000)
    assert results == ["finished"] and task.dialog is None


def test_slow_work_shows_progress_late_and_can_be_cancelled(qtbot, runner, english):
    started = time.monotonic()
    steps, outcome = [], []
    closed = threading.Event()

    def work():
        try:
            for n in range(10_000):
                steps.append(n)
                yield Progress(n, 10_000, f"Row {n}")
                time.sleep(0.002)
        finally:
            closed.set()   # where a job would roll back

    task = run_with_progress(None, "Import", work, lambda r: outcome.append(("done", r)),
                             lambda e: outcome.append(("error", e)),
                             on_cancelled=lambda: outcome.append(("cancelled", threading.get_ident())),
                             runner=runner)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    assert time.monotonic() - started >= 0.45
    dialog: ProgressDialog = task.dialog
    qtbot.waitUntil(lambda: dialog.bar.value() > 0 and dialog.label.text().startswith("Row "))
    assert dialog.bar.maximum() == 10_000 and dialog.windowTitle() == "Import"

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.label.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: bool(outcome), timeout=3000)
    assert outcome == [("cancelled", MAIN)]
    assert closed.is_set() and len(steps) < 10_000
    count = len(steps)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=3000)   # the worker is done with the job...
    assert len(steps) == count                                    # ...and nothing ran after the cancel


def test_escape_asks_to_cancel_instead_of_closing(qtbot):
    dialog = ProgressDialog(None, "Export")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.cancel_requested, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()


def test_error_in_progress_work_reaches_on_error(qtbot, runner):
    got = []

    def work():
        yield Progress(0, 0, "counting")
        raise OSError("disk full")

    run_with_progress(None, "Export", work, got.append, lambda e: got.append((threading.get_ident(), e)),
                      runner=runner)
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    (thread, exc), = got
    assert thread == MAIN and isinstance(exc, OSError)


def test_excepthook_logs_and_shows_errors_from_any_thread(qtbot, data_dir, english):
    log_file = errors.setup_logging(data_dir)
    hook = errors.install_excepthook()
    try:
        seen = []
        answer_message_box(seen)
        try:
            raise ZeroDivisionError("in a slot")
        except ZeroDivisionError as exc:
            hook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: bool(seen), timeout=3000)
        assert "ZeroDivisionError: in a slot" in seen[0][3]

        answer_message_box(seen)
        thread = threading.Thread(target=lambda: 1 / 0)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
        assert "ZeroDivisionError" in seen[1][3]
    finally:
        errors.uninstall_excepthook()
    assert log_file.read_text(encoding="utf-8").count("ZeroDivisionError") >= 2


def test_cancelled_task_is_skipped(qtbot, runner):
    gate, ran, got = threading.Event(), [], []
    runner.run(gate.wait)
    task = runner.run(lambda: ran.append(1), got.append)
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=3000)
    assert ran == [] and got == []


def test_shutdown_stops_a_running_interruptible_check(qapp, tmp_path):
    """A national hub's full integrity check runs about 50 s after start-up: quitting meanwhile must not
    leave the worker inside it (Qt aborts the process when a running QThread is destroyed)."""
    from sanxiang_desktop.store.database import Interrupter, open_database, run_interruptible
    from sanxiang_desktop.ui.shell.tasks import TaskRunner
    from tests.unit.test_interrupt import FOREVER
    db = open_database(tmp_path / "big.db", create=True)
    runner = TaskRunner()
    interrupter = Interrupter()
    results = []
    runner.run(lambda: run_interruptible(db.engine, FOREVER, interrupter), results.append,
               results.append, interrupt=interrupter.interrupt)
    saved = []
    runner.run(lambda: saved.append("a queued write still runs"))
    assert interrupter.started.wait(10)
    assert runner.shutdown(10_000)
    assert saved == ["a queued write still runs"]
    QApplication.processEvents()
    assert results == []            # cancelled: no callback for a check nobody waits for
    db.close()


def test_shutdown_without_a_limit_waits_for_a_long_write(qapp):
    """shutdown(None), the program's last call, returns only when the worker is done (an exit backup
    of a large file outlasts the 10 s of the first call at quit)."""
    from sanxiang_desktop.ui.shell.tasks import TaskRunner
    runner = TaskRunner()
    release = threading.Event()
    done = []
    runner.run(lambda: (release.wait(10), done.append("backup written")))
    assert runner.shutdown(50) is False           # still writing: a time-limited wait gives up
    threading.Timer(0.3, release.set).start()
    assert runner.shutdown(None) is True
    assert done == ["backup written"]
