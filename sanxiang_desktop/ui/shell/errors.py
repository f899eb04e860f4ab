"""The log file, error message boxes, and a last-resort hook so an unexpected exception never kills the program.

A clerk cannot act on a traceback: the box says in plain words what happened and what to do next;
the traceback goes to the log file and sits behind "Show Details" for whoever gets the file.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sanxiang_desktop.ui.shell.settings import default_data_dir

LOG_NAME = "sanxiang.log"
log = logging.getLogger("sanxiang_desktop")

_handler: logging.Handler | None = None


def setup_logging(folder: Path | None = None) -> Path:
    """Send the program's log to `sanxiang.log` in the data folder, rotated so it never fills a disk."""
    global _handler
    folder = Path(folder) if folder is not None else default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    if _handler is not None:
        if Path(getattr(_handler, "baseFilename", "")) == path:
            return path
        log.removeHandler(_handler)
        _handler.close()
    _handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    log.addHandler(_handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return path


def log_path() -> Path | None:
    return Path(_handler.baseFilename) if isinstance(_handler, logging.FileHandler) else None


def show_error(parent: QWidget | None, title: str, message: str, detail: str | None = None) -> None:
    """A modal error box: `message` says what went wrong and what to do next; `detail` is for support."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    if detail:
        box.setDetailedText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    path = log_path()
    if path is not None:
        box.setInformativeText(QCoreApplication.translate(
            "errors", "The details were written to the log file {path}.").format(path=path))
        folder_button = box.addButton(QCoreApplication.translate("errors", "Open Log Folder"),
                                      QMessageBox.ButtonRole.ActionRole)
        # ActionRole buttons close the box too; opening the folder first is all they need to do
        folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
    box.setObjectName("error_box")
    box.exec()


def describe_exception(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def report_exception(parent: QWidget | None, exc: BaseException, doing: str | None = None) -> None:
    """Log an unexpected exception with its traceback and tell the clerk, in Chinese, what to do next."""
    detail = describe_exception(exc)
    log.error("unexpected error%s\n%s", f" while {doing}" if doing else "", detail)
    message = _unexpected_message(None)
    if doing:
        message = f"{doing}\n\n{message}"
    show_error(parent, QCoreApplication.translate("errors", "Unexpected Error"), message, detail)


class _MainThreadPoster(QObject):
    """Carries exceptions raised in other threads over to the GUI thread, where boxes may be shown."""

    exception = Signal(object)


class _ExceptHook:
    """Logs every unhandled exception; shows one box at a time, and never from inside another box."""

    def __init__(self) -> None:
        self._showing = False
        self._pending: list[BaseException] = []
        self._poster = _MainThreadPoster()
        self._poster.exception.connect(self._queue)
        self.previous_excepthook = sys.excepthook
        self.previous_thread_hook = threading.excepthook

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_excepthook(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        log.error("unhandled exception\n%s", describe_exception(exc))
        if QApplication.instance() is None:
            self.previous_excepthook(exc_type, exc, tb)   # no GUI (yet): the usual traceback on stderr
            return
        if threading.current_thread() is threading.main_thread():
            self._queue(exc)
        else:
            self._poster.exception.emit(exc)

    def thread_hook(self, args: threading.ExceptHookArguments) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)

    def _queue(self, exc: BaseException) -> None:
        self._pending.append(exc)
        # from the event loop, not from inside the handler that raised: the widget may be half-updated
        QTimer.singleShot(0, self._show_pending)

    def _show_pending(self) -> None:
        if self._showing or not self._pending:
            return
        exc, more = self._pending[0], len(self._pending) - 1
        self._pending.clear()
        self._showing = True
        try:
            extra = QCoreApplication.translate(
                "errors", "{count} more errors occurred at the same time.").format(count=more) if more else None
            title = QCoreApplication.translate("errors", "Unexpected Error")
            show_error(QApplication.activeWindow(), title, _unexpected_message(extra), describe_exception(exc))
        finally:
            self._showing = False
        if self._pending:
            QTimer.singleShot(0, self._show_pending)


def _unexpected_message(extra: str | None) -> str:
    message = QCoreApplication.translate(
        "errors", "An unexpected error occurred; the last operation may not have been completed.\n\n"
                  "Check whether your last change was saved, then try again. If the error happens again, "
                  "restart the program and send the log file to your technical support.")
    return f"{message}\n\n{extra}" if extra else message


_hook: _ExceptHook | None = None


def install_excepthook() -> _ExceptHook:
    """Route unhandled exceptions (GUI thread, Qt slots, other threads) to the log and an error box."""
    global _hook
    if _hook is None:
        _hook = _ExceptHook()
        sys.excepthook = _hook
        threading.excepthook = _hook.thread_hook
    return _hook


def uninstall_excepthook() -> None:
    global _hook
    if _hook is not None:
        sys.excepthook = _hook.previous_excepthook
        threading.excepthook = _hook.previous_thread_hook
        _hook = None
