"""Running database and file work off the GUI thread.

One worker thread does all database work, one job after another (as Anki's taskman does), so two
jobs never write to SQLite at once and services need no locking of their own. Results and
exceptions come back to the GUI thread by a queued signal; jobs never touch widgets.

Long work is a generator that yields progress (done, total, text). run_with_progress() runs it on
the worker, shows a progress dialog only when the work lasts longer than half a second, and stops
the generator at its next yield when the clerk presses Cancel.
"""
from __future__ import annotations

import inspect
import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterator, NamedTuple

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from sanxiang_desktop.ui.shell.errors import report_exception

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 500
_POLL_MS = 100


class Progress(NamedTuple):
    """What a long job yields. Qt-free code may yield any object with these three attributes."""

    done: int
    total: int  # 0 when the total is not known yet: the dialog then shows a busy bar
    text: str = ""


class Cancelled(Exception):
    """The clerk cancelled the work; the generator was closed at its last yield."""


@dataclass(eq=False)
class Task:
    fn: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    cancelled: bool = False
    interrupt: Callable[[], None] | None = None

    def cancel(self) -> None:
        """Skip the job if it has not started yet, and drop its result if it has; a job given an
        `interrupt` (a read or check nobody waits for) is also told to stop now."""
        self.cancelled = True
        if self.interrupt is not None:
            self.interrupt()


class _Worker(QThread):
    def __init__(self, jobs: queue.Queue, runner: "TaskRunner"):
        super().__init__()
        self.setObjectName("sanxiang-db-worker")
        self._jobs = jobs
        self._runner = runner

    def run(self) -> None:
        while True:
            task = self._jobs.get()
            if task is None:
                return
            result, error = None, None
            if not task.cancelled:
                try:
                    result = task.fn()
                except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
                    error = exc
            self._runner._delivered.emit((task, result, error))


class TaskRunner(QObject):
    """Runs callables one at a time on a single worker thread; calls back on the GUI thread."""

    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: queue.Queue = queue.Queue()
        self._pending = 0
        self._interruptible: set[Task] = set()
        self._stopping = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._worker = _Worker(self._jobs, self)
        self._worker.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *, owner: QObject | None = None,
            interrupt: Callable[[], None] | None = None) -> Task:
        """Queue `fn`. on_done(result) or on_error(exception) runs later on the GUI thread.

        Without on_error an exception is logged and shown to the clerk. When `owner` (a widget,
        say) has been deleted by the time the job ends, neither callback runs. `interrupt` (callable
        from the GUI thread) makes a running `fn` return early: given for reads nobody needs once the
        program quits (shutdown calls it), never for a job that writes.
        """
        if not self._worker.isRunning():
            raise RuntimeError("TaskRunner has been shut down")
        task = Task(fn, on_done, on_error, owner, interrupt=interrupt)
        self._pending += 1
        if interrupt is not None:
            self._interruptible.add(task)
        self._jobs.put(task)
        return task

    @property
    def pending(self) -> int:
        """Jobs queued or running whose callbacks have not run yet."""
        return self._pending

    def shutdown(self, wait_ms: int | None = 10_000) -> bool:
        """Let queued jobs finish (those given an `interrupt` are stopped), then stop the worker.
        False when it did not stop within wait_ms; None waits as long as the jobs take (the program's
        last call: a QThread destroyed while running aborts the process, and a save or an exit backup
        of a large file may take longer than any fixed wait)."""
        for task in list(self._interruptible):
            task.cancel()
        if self._worker.isRunning() and not self._stopping:
            self._stopping = True
            self._jobs.put(None)
        return self._worker.wait() if wait_ms is None else self._worker.wait(wait_ms)

    def _deliver(self, payload: tuple[Task, Any, BaseException | None]) -> None:
        task, result, error = payload
        self._pending -= 1
        self._interruptible.discard(task)
        if task.cancelled or (task.owner is not None and not shiboken6.isValid(task.owner)):
            return
        if error is None:
            if task.on_done is not None:
                task.on_done(result)
        elif task.on_error is not None:
            task.on_error(error)
        else:
            report_exception(None, error)


_default_runner: TaskRunner | None = None


def default_runner() -> TaskRunner:
    """The program's database worker, created on first use and stopped when the application quits."""
    global _default_runner
    if _default_runner is None or not shiboken6.isValid(_default_runner):
        _default_runner = TaskRunner(QCoreApplication.instance())
    return _default_runner


class _ProgressState:
    """Shared between the worker (writes) and the GUI poll timer (reads); single attribute stores are atomic."""

    def __init__(self) -> None:
        self.latest: Any = None
        self.cancel_requested = threading.Event()


def _drive(gen_fn: Callable[[], Any], state: _ProgressState) -> Any:
    produced = gen_fn()
    if not inspect.isgenerator(produced):
        return produced
    gen: Iterator = produced
    while True:
        if state.cancel_requested.is_set():
            # GeneratorExit at the yield: the job's `finally` and `with` blocks roll back what they began
            gen.close()
            raise Cancelled()
        try:
            state.latest = next(gen)
        except StopIteration as stop:
            return stop.value


class ProgressDialog(QDialog):
    """Label, bar and Cancel. Unlike QProgressDialog it stays up after Cancel, saying "Cancelling…",
    until the job has really stopped; Esc and the window's close button ask to cancel too."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.label = QLabel(title, self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(max(done, 0), total))
        else:
            self.bar.setRange(0, 0)   # busy bar: the total is not known yet
        if text:
            self.label.setText(text)

    def show_cancelling(self) -> None:
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        self.cancel_requested.emit()


class ProgressTask(QObject):
    """A running generator job with its (possibly not yet shown) progress dialog."""

    def __init__(self, parent: QWidget | None, title: str, runner: TaskRunner,
                 gen_fn: Callable[[], Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_cancelled: Callable[[], None] | None, delay_ms: int):
        super().__init__(parent)
        self._parent_widget = parent
        self._title = title
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self._state = _ProgressState()
        self.dialog: ProgressDialog | None = None
        self.finished = False
        self._show_timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._show_timer.timeout.connect(self._show_dialog)
        self._poll_timer = QTimer(self, interval=_POLL_MS)
        self._poll_timer.timeout.connect(self._update_dialog)
        self._show_timer.start()
        state = self._state
        self._task = runner.run(lambda: _drive(gen_fn, state), self._finish_ok, self._finish_error, owner=self)

    def cancel(self) -> None:
        """Ask the job to stop at its next yield (what the dialog's Cancel button does)."""
        if self.finished:
            return
        self._state.cancel_requested.set()
        if self.dialog is not None:
            self.dialog.show_cancelling()

    def _show_dialog(self) -> None:
        if self.finished:
            return
        self.dialog = ProgressDialog(self._parent_widget, self._title)
        self.dialog.cancel_requested.connect(self.cancel)
        self._update_dialog()
        self.dialog.show()
        self._poll_timer.start()

    def _update_dialog(self) -> None:
        if self.dialog is None or self._state.cancel_requested.is_set():
            return
        progress = self._state.latest
        if progress is None:
            self.dialog.show_progress(0, 0, "")
        else:
            self.dialog.show_progress(*_unpack(progress))

    def _close(self) -> None:
        self.finished = True
        self._show_timer.stop()
        self._poll_timer.stop()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.hide()
            self.dialog.deleteLater()
        self.deleteLater()

    def _finish_ok(self, result: Any) -> None:
        self._close()
        if self._on_done is not None:
            self._on_done(result)

    def _finish_error(self, error: BaseException) -> None:
        self._close()
        if isinstance(error, Cancelled):
            log.info("cancelled: %s", self._title)
            if self._on_cancelled is not None:
                self._on_cancelled()
        elif self._on_error is not None:
            self._on_error(error)
        else:
            report_exception(self._parent_widget, error)


def _unpack(progress: Any) -> tuple[int, int, str]:
    if isinstance(progress, tuple) and not hasattr(progress, "done"):
        done, total, *rest = progress
        return int(done), int(total), str(rest[0]) if rest else ""
    return int(progress.done), int(progress.total), str(getattr(progress, "text", "") or "")


def run_with_progress(parent: QWidget | None, title: str, gen_fn: Callable[[], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None, *,
                      on_cancelled: Callable[[], None] | None = None, runner: TaskRunner | None = None,
                      delay_ms: int = SHOW_PROGRESS_AFTER_MS) -> ProgressTask:
    """Run `gen_fn()` (a generator yielding Progress, returning the result) on the database worker.

    on_done receives the generator's return value; on_cancelled runs when the clerk cancelled;
    on_error receives any other exception (default: logged and shown). All on the GUI thread.
    """
    return ProgressTask(parent, title, runner or default_runner(), gen_fn, on_done, on_error,
                        on_cancelled, delay_ms)
