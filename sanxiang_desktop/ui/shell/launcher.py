"""What the clerk sees first: the first-start wizard when there is no database yet, otherwise the main
window on the database (opened on the worker, with progress); with --demo a demo database is built in
the data folder first, unless one is already there. A database that cannot be opened is explained in
plain words, and when it is damaged and backups exist, the clerk can restore one on the spot."""
from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from sanxiang_desktop.core.divisions import DivisionTree
from sanxiang_desktop.store.backup import list_backups
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.store.location import is_server_target
from sanxiang_desktop.ui.setup.backups import RestoreDialog, backup_folder, restore_damaged_job
from sanxiang_desktop.ui.shell import resume_collection
from sanxiang_desktop.ui.shell.errors import report_exception, show_error
from sanxiang_desktop.ui.shell.main_actions import DATABASE_NAME, store_error_text
from sanxiang_desktop.ui.shell.main_window import MainWindow, OpenedDatabase, load_page_modules, open_workspace
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell.tasks import Progress, default_runner, run_with_progress

if TYPE_CHECKING:     # the wizard loads on a first start only
    from sanxiang_desktop.ui.setup.wizard import FirstStartWizard

log = logging.getLogger(__name__)

DEMO_UNITS = {"township": "640104100", "county": "640104", "city": "640100"}
RESTORABLE = ("corrupt", "unreadable", "not_sqlite")


def demo_steps(path: Path, scale: str, text: str) -> Iterator[Progress]:
    """Build a demo database, yielding progress; closing the generator (Cancel) stops the build
    at the next unit and removes the half-made file."""
    events: queue.Queue = queue.Queue()
    stop = threading.Event()
    tree = DivisionTree.builtin()

    class Stopped(Exception):
        pass

    def progress(done: int, total: int, code: str) -> None:
        if stop.is_set():
            raise Stopped()
        events.put((done, total, code))

    def work() -> None:
        # the demo generator (names, texts) loads only when a demo is asked for, not on every start
        from sanxiang_desktop.services.demo import build_demo
        try:
            db = open_database(path, create=True)
            try:
                build_demo(db, DEMO_UNITS[scale], scale=scale, progress=progress)
            finally:
                db.close()
            events.put(None)
        except BaseException as exc:   # noqa: BLE001 - handed to the generator, which raises it
            events.put(exc)

    # build_demo reports through a callback; a helper thread turns that into yields
    thread = threading.Thread(target=work, name="sanxiang-demo", daemon=True)
    thread.start()
    finished = False
    try:
        yield Progress(0, 0, text.format(unit="", done=0, total="…"))
        while True:
            item = events.get()
            if item is None:
                finished = True
                return path
            if isinstance(item, BaseException):
                raise item
            done, total, code = item
            unit = tree.get(code)
            yield Progress(done, total, text.format(unit=unit.name if unit else code, done=done, total=total))
    finally:
        if not finished:
            stop.set()
            thread.join()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)


class Launcher(QObject):
    """Opens databases and windows; emits finished(exit code) when the program should end."""

    window_shown = Signal(object)           # MainWindow
    ready = Signal(object, float)           # MainWindow, seconds from the launcher's start to a filled dashboard
    finished = Signal(int)

    def __init__(self, settings: Settings, tasks=None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks or default_runner()
        self.window: MainWindow | None = None
        self.wizard: FirstStartWizard | None = None
        self.started = time.perf_counter()

    @property
    def data_folder(self) -> Path:
        return Path(self.settings.get("data_folder"))

    def start(self, db: str | Path | None = None, demo: str | None = None) -> None:
        resume_collection()       # (ui/shell/__init__.py) normally done by create_application already
        self.started = time.perf_counter()
        if demo:
            path = Path(db) if db else self.data_folder / f"demo-{demo}.db"
            if path.exists():
                self.open(path)
            else:
                self.build_demo(path, demo)
            return
        server = str(db) if db and is_server_target(db) else (self.settings.get("office_server") if not db else "")
        if server:                 # the office's PostgreSQL server (issue 13): nothing to create here
            self.open(server)
            return
        path = Path(db) if db else self.data_folder / DATABASE_NAME
        if path.exists():
            self.open(path)
        else:
            self.run_wizard(path)

    # -- first start -------------------------------------------------------------------------------
    def run_wizard(self, path: Path) -> None:
        from sanxiang_desktop.ui.setup.wizard import FirstStartWizard
        self.wizard = FirstStartWizard(path, self.settings, self.tasks)
        self.wizard.finished.connect(self._wizard_finished)
        self.wizard.show()

    def _wizard_finished(self, result: int) -> None:
        wizard, self.wizard = self.wizard, None
        wizard.deleteLater()
        if result == QDialog.DialogCode.Accepted and wizard.database is not None:
            self.open(wizard.database)
        else:
            self.finished.emit(0)

    def build_demo(self, path: Path, scale: str) -> None:
        text = self.tr("Creating demo data: {unit} ({done} of {total})")
        run_with_progress(None, self.tr("Creating Demo Data"), lambda: demo_steps(path, scale, text),
                          lambda _path: self.open(path), lambda exc: self._failed(path, exc),
                          on_cancelled=lambda: self.finished.emit(0), runner=self.tasks)

    # -- opening -------------------------------------------------------------------------------------
    def open(self, source) -> None:
        clerk = self.settings.get("clerk_name")
        if hasattr(source, "path"):
            path = source.path if source.path is not None else source.target
        else:
            path = str(source) if is_server_target(source) else Path(source)
        run_with_progress(None, self.tr("Opening the database…"), lambda: open_workspace(source, clerk),
                          self._show, lambda exc: self._failed(path, exc), runner=self.tasks)
        # The page modules import here while the worker opens the file: its integrity check runs inside
        # SQLite without the interpreter lock, so on a second core the two overlap and the window is built
        # sooner once the file is open (MainWindow's own call then finds them imported).
        load_page_modules()

    def _show(self, opened: OpenedDatabase) -> None:
        window = MainWindow(opened, self.settings, self.tasks)
        self.window = window
        window.closed.connect(lambda reopening, w=window: self._window_closed(w, reopening))
        window.reopen_requested.connect(self.open)
        dashboard = window.page("dashboard")
        if dashboard is not None:
            dashboard.filled.connect(lambda w=window: self._first_fill(w))
        if window.wants_maximized:
            window.showMaximized()
        else:
            window.show()
        self.window_shown.emit(window)
        # no dashboard, or its figures (asked for while the window was built) already arrived and are shown
        if dashboard is None or getattr(dashboard, "data", None) is not None:
            self._first_fill(window)
        self._start_checks(window, opened)

    def _start_checks(self, window: MainWindow, opened: OpenedDatabase) -> None:
        """What the start found (a clock clearly wrong, package files completed after a crash), and
        the full integrity check of a file too large to check before showing (on the worker)."""
        from sanxiang_desktop.sync.startup import background_check, needs_background_check
        if opened.start_notes:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Please note"),
                              "\n\n".join(zh for _, zh in opened.start_notes), parent=window)
            box.open()                      # not modal to the program: the clerk reads it and goes on
            window._start_notes_box = box
        if needs_background_check(opened.db):
            from sanxiang_desktop.store.database import Interrupter
            interrupter = Interrupter()     # stopped when the window closes or the program quits

            def found(problems: list[str] | None) -> None:
                if problems:
                    show_error(window, self.tr("The database is damaged"), self.tr(
                        "The full check of the database found damage. Do not export packages; restore "
                        "the latest backup (Settings → Backups).") + "\n\n" + problems[0])
            window._background_check = self.tasks.run(lambda: background_check(opened.db, interrupter), found,
                                                      interrupt=interrupter.interrupt)

    def _first_fill(self, window: MainWindow) -> None:
        if getattr(window, "_ready_reported", False):
            return
        window._ready_reported = True
        seconds = time.perf_counter() - self.started
        log.info("main window ready %.2f s after start", seconds)
        self.ready.emit(window, seconds)

    def _window_closed(self, window: MainWindow, reopening: bool) -> None:
        check = getattr(window, "_background_check", None)
        if check is not None:
            check.cancel()          # the check of a file being closed (or replaced by a restore) stops
        if self.window is window:
            self.window = None
        window.deleteLater()
        if not reopening:
            self.finished.emit(0)

    def _failed(self, path: Path, exc: BaseException) -> None:
        title = self.tr("The Database Cannot Be Opened")
        if isinstance(exc, StoreError):
            folder = backup_folder(self.settings)
            backups = [b for b in list_backups(folder, path) if b.reason != "damaged"] \
                if isinstance(path, Path) else []
            if exc.code in RESTORABLE and backups:
                answer = QMessageBox.question(None, title, store_error_text(exc) + "\n\n" + self.tr(
                    "Restore the database from one of its backups?"))
                if answer == QMessageBox.StandardButton.Yes:
                    self._restore_damaged(path, folder, backups)
                    return
            else:
                show_error(None, title, store_error_text(exc))
        elif isinstance(exc, ValueError) and getattr(exc, "message_zh", None) is None:
            show_error(None, title, self.tr("{path} has not been set up for a unit. Start the program without "
                                            "--db to set up a new database, or choose another file.").format(path=path))
        else:
            report_exception(None, exc, self.tr("Opening {path} failed.").format(path=path))
        self.finished.emit(1)

    def _restore_damaged(self, path: Path, folder: Path, backups) -> None:
        dialog = RestoreDialog(backups, None, damaged=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            self.finished.emit(1)
            return
        run_with_progress(None, self.tr("Restoring the backup…"), restore_damaged_job(path, folder, dialog.chosen),
                          lambda _path: self.open(path), lambda exc: self._failed(path, exc), runner=self.tasks)
