"""The main window: the unit tree on the left, the pages of the selected unit on the right.

It owns the PageContext the pages share (workspace, undo stack, year, open_records), routes the
changes pages report (the tree reloads when units change), and keeps the backups going."""
from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (QComboBox, QDialog, QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget,
                               QWidget)

from sanxiang_desktop.services import tree as tree_service
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.services.tree import UnitNode
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import Database, open_database
from sanxiang_desktop.ui.setup.backups import BackupManager
from sanxiang_desktop.ui.shell import screen_fit
from sanxiang_desktop.ui.shell.errors import report_exception
from sanxiang_desktop.ui.shell.main_actions import MainActions
from sanxiang_desktop.ui.shell.page_menus import PageMenus
from sanxiang_desktop.ui.pages.base import PAGE_FACTORIES, PageContext, PageEntry, PageStandIn, UnitPage, factory_name
from sanxiang_desktop.ui.lists.unit_tree import UnitTree

log = logging.getLogger(__name__)

# Page modules imported with the window (the dashboard puts itself first in PAGE_FACTORIES); the other
# pages stand there as entries (ui/pages/base.py PageEntry) until first built (issue 12, startup).
PAGE_MODULES = ("sanxiang_desktop.ui.dashboard.page",)
FIRST_YEAR = 2019                 # the plan's first year
DAILY_CHECK_MS = 60 * 60 * 1000   # a program left open for days still backs up daily
MAXIMIZE_UP_TO = 1440             # screen width up to which the first start fills the screen


def load_page_modules() -> list[str]:
    """Import the page modules that exist in this build; the names of those loaded."""
    loaded = []
    for name in PAGE_MODULES:
        try:
            importlib.import_module(name)
            loaded.append(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                log.info("page module %s not in this build", name)
            else:
                log.exception("page module %s could not be loaded", name)
        except Exception:      # noqa: BLE001 - the window opens with the pages that do load
            log.exception("page module %s could not be loaded", name)
    return loaded


@dataclass
class OpenedDatabase:
    db: Database
    ws: Workspace
    home: UnitNode
    children: list[UnitNode]
    start_notes: list[tuple[str, str]] = field(default_factory=list)   # sync.startup.at_start: (en, zh)


def open_workspace(source: Database | Path | str, clerk: str = "") -> OpenedDatabase:
    """Everything the main window needs from the database before it shows (runs on the worker)."""
    db = source if isinstance(source, Database) else open_database(source)
    try:
        ws = Workspace.open(db, actor=clerk or None)
        home = tree_service.unit_node(db, ws.home_unit)
        if home is None:
            raise ValueError(f"home unit {ws.home_unit} missing from the units table")
        from sanxiang_desktop.sync.startup import at_start      # crash leftovers, a clock clearly wrong
        return OpenedDatabase(db, ws, home, tree_service.children(db, [home.code])[home.code], at_start(db))
    except BaseException:
        if not isinstance(source, Database):
            db.close()
        raise


class MainWindow(QMainWindow):
    shown = Signal()                          # the first show event
    closed = Signal(bool)                     # True when closed to reopen a restored database
    reopen_requested = Signal(object)         # Path of a database to open in a new window

    def __init__(self, opened: OpenedDatabase, settings, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.db, self.ws, self.home = opened.db, opened.ws, opened.home
        self.settings, self.tasks = settings, tasks
        self._reopening = False
        self._first_show = True
        self._pending_open: tuple[str, str, dict] | None = None
        self.unit_code: str | None = None
        self.unit_level: str | None = None

        self.undo_stack = QUndoStack(self)
        self.context = PageContext(ws=self.ws, undo_stack=self.undo_stack, settings=settings, tasks=tasks,
                                   year=self.ws.today().year, open_records=self.open_records)
        self.context.changes_listeners.append(self._on_changes)
        self.remote = None
        if self.db.is_server:      # other clerks' saves refresh the lists and the dashboard here too
            from sanxiang_desktop.ui.shell.remote import RemoteChanges
            self.remote = RemoteChanges(self.db, self)
            self.remote.changed.connect(self.context.notify)
        self.backups = BackupManager(self.db, settings, tasks, self)
        self.backups.backed_up.connect(lambda _info: self._update_status())

        self.tree = UnitTree(self.db, tasks, self)
        self.tree.set_home(opened.home, opened.children)
        self.tree.unit_selected.connect(self._unit_selected)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pages")
        # a tab too many for the width scrolls (arrows), never loses words ("待更正（0）" cut at 150 %)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _index: self._build_current())
        self.pages: list[UnitPage] = self._make_pages()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("splitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1100])
        splitter.setChildrenCollapsible(False)
        self.tree.setMinimumWidth(160)
        self.setCentralWidget(splitter)

        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for year in range(self.context.year + 1, FIRST_YEAR - 1, -1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.context.year))
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.year_label.setBuddy(self.year_combo)
        self.home_label, self.clerk_label, self.backup_label = QLabel(self), QLabel(self), QLabel(self)
        for label in (self.home_label, self.clerk_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)
        self.actions = MainActions(self)
        self.page_menus = PageMenus(self, self.actions)

        self._daily = QTimer(self, interval=DAILY_CHECK_MS)
        self._daily.timeout.connect(self.backups.ensure_daily)
        screen_fit.bounded_minimum(self, 900, 560)    # at 150 % a 1366×768 screen is 911×512
        self._restore_geometry()
        self.retranslate()

    # -- pages ------------------------------------------------------------------------------------
    def _make_pages(self) -> list[UnitPage]:
        """The first page of the home unit's level is built now; the others when first shown (or asked
        for by page()): a stand-in holds their tab until then, and their modules load then (issue 12,
        startup: building 13 pages ≈ 0.055 s, importing them ≈ 0.04 s)."""
        load_page_modules()
        pages = []
        first = True
        for factory in list(PAGE_FACTORIES):     # building an entry's page puts its class in the list
            lazy = not first and (isinstance(factory, PageEntry) or isinstance(factory, type)
                                  and issubclass(factory, UnitPage))
            try:
                page = PageStandIn.for_page(factory, self.context) if lazy else factory(self.context)
            except Exception as exc:     # noqa: BLE001 - one broken page must not keep the others away
                report_exception(self, exc, factory_name(factory))
                continue
            first = first and self.home.level not in page.levels
            page.setParent(self.tabs)
            page.hide()
            pages.append(page)
            # the window shows the home unit first: a page that can start reading its data early (the
            # dashboard) does so now, on the worker, while the pages after it are being built
            prefetch = getattr(page, "prefetch", None)
            if callable(prefetch) and self.home.level in page.levels:
                prefetch(self.home.code)
        return pages

    def page(self, key: str) -> UnitPage | None:
        page = next((p for p in self.pages if p.key == key), None)
        return self._built(page) if isinstance(page, PageStandIn) else page

    def _build_current(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, PageStandIn):
            self._built(page)

    def _built(self, stand_in: PageStandIn) -> UnitPage | None:
        """The real page in the stand-in's place (in pages and in its tab), shown the selected unit."""
        try:
            page = stand_in.factory(self.context)
        except Exception as exc:     # noqa: BLE001 - as in _make_pages: the stand-in stays
            report_exception(self, exc, factory_name(stand_in.factory))
            return None
        page.setParent(self.tabs)
        page.hide()
        self.pages[self.pages.index(stand_in)] = page
        self.context.changes_listeners.remove(stand_in.on_changes)
        index = self.tabs.indexOf(stand_in)
        if index >= 0:
            current = self.tabs.currentIndex() == index
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, page, page.title())
            if current:
                self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)
        stand_in.deleteLater()
        if hasattr(self, "page_menus"):
            self.page_menus.adopt(page)
        if self.unit_code and self.unit_level in page.levels:
            try:
                page.set_unit(self.unit_code, self.unit_level)
            except Exception as exc:     # noqa: BLE001
                report_exception(self, exc)
        return page

    def shown_pages(self) -> list[UnitPage]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_page(self) -> UnitPage | None:
        return self.tabs.currentWidget()

    def _unit_selected(self, code: str, level: str) -> None:
        self.unit_code, self.unit_level = code, level
        wanted = [p for p in self.pages if level in p.levels]
        if wanted != self.shown_pages():
            keep = self.current_page()
            self.tabs.blockSignals(True)
            self.tabs.clear()
            for page in wanted:
                self.tabs.addTab(page, page.title())
            self.tabs.blockSignals(False)
            if keep in wanted:
                self.tabs.setCurrentWidget(keep)
            self._build_current()                      # the signals were blocked
            wanted = [p for p in self.pages if level in p.levels]
            self.page_menus.update_page_actions()      # Ctrl+1…9 follow the pages shown
        for page in wanted:
            try:
                page.set_unit(code, level)
            except Exception as exc:     # noqa: BLE001
                report_exception(self, exc)
        node = self.tree.model.unit(code)
        self.setWindowTitle(self.tr("{unit} — Science Association 3+1 Work").format(unit=node.name if node else code))
        if self._pending_open and self._pending_open[0] == code:
            self._finish_open()

    def open_records(self, unit_code: str, page_key: str, extra: dict | None = None) -> None:
        """Select a unit in the tree, switch to one of its pages and show the records behind a figure."""
        self._pending_open = (unit_code, page_key, dict(extra or {}))
        if self.unit_code == unit_code:
            self._finish_open()
        else:
            self.tree.select_code(unit_code)

    def _finish_open(self) -> None:
        code, key, extra = self._pending_open
        self._pending_open = None
        page = self.page(key)
        if page is None or page not in self.shown_pages():
            self.statusBar().showMessage(self.tr("There is no page for these records yet."), 5000)
            return
        self.tabs.setCurrentWidget(page)
        if extra:
            page.apply_filter(extra)

    def _year_chosen(self, _index: int) -> None:
        self.context.year = self.year_combo.currentData()
        for page in self.pages:
            page.set_year(self.context.year)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("units"):
            self.tree.refresh()

    def refresh(self) -> None:
        self.tree.refresh()
        for page in self.shown_pages():
            reload = getattr(page, "reload", None)
            if callable(reload):
                reload()

    # -- status, language, geometry ----------------------------------------------------------------
    def _update_status(self) -> None:
        self.home_label.setText(self.tr("Unit: {name}").format(name=self.home.name))
        clerk = self.ws.actor or self.tr("not set")
        self.clerk_label.setText(self.tr("Clerk: {name}").format(name=clerk))
        last = self.backups.last_backup_time()
        self.backup_label.setText(self.tr("Last backup: {time}").format(time=f"{last:%Y-%m-%d %H:%M}") if last
                                  else self.tr("Not backed up yet"))

    def set_clerk(self, name: str) -> None:
        self.ws.actor = name
        self._update_status()

    def retranslate(self) -> None:
        self.year_label.setText(self.tr("&Year:"))
        self.actions.retranslate()
        if hasattr(self, "page_menus"):
            self.page_menus.retranslate()
        for i, page in enumerate(self.shown_pages()):
            self.tabs.setTabText(i, page.title())
        self._update_status()
        if self.unit_code:
            node = self.tree.model.unit(self.unit_code)
            self.setWindowTitle(self.tr("{unit} — Science Association 3+1 Work").format(
                unit=node.name if node else self.unit_code))
        else:
            self.setWindowTitle(self.tr("Science Association 3+1 Work"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("window/geometry")
        self.wants_maximized = False
        if not geometry or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            # office screens are 1366×768 with a task bar: the first start takes all of a small screen
            self.resize(screen_fit.bounded(self, QSize(1280, 760)))
            self.wants_maximized = screen.width() <= MAXIMIZE_UP_TO
        elif not self.size().boundedTo(screen_fit.largest(self)) == self.size():
            self.resize(screen_fit.bounded(self, self.size()))    # saved at a smaller display scaling
        state = self.settings.get("window/state")
        if state:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            self.tree.select_code(self.home.code)
            self.backups.ensure_daily()
            self._daily.start()
            self.shown.emit()

    # -- closing ---------------------------------------------------------------------------------------
    def unsaved_dialogs(self) -> list[QDialog]:
        """Entry forms still open with something typed into them (they say so through is_dirty())."""
        return [d for d in self.findChildren(QDialog)
                if d.isVisible() and callable(getattr(d, "is_dirty", None)) and d.is_dirty()]

    def closeEvent(self, event: QCloseEvent) -> None:
        dirty = [] if self._reopening else self.unsaved_dialogs()
        if dirty and not self._settle_unsaved(dirty):
            event.ignore()
            return
        self.settings.set("window/geometry", bytes(self.saveGeometry()))
        self.settings.set("window/state", bytes(self.saveState()))
        self._daily.stop()
        if self.remote is not None:
            self.remote.close()
        if not self._reopening:
            self.backups.backup_and_close()
        super().closeEvent(event)
        self.closed.emit(self._reopening)

    def _settle_unsaved(self, dirty: list[QDialog]) -> bool:
        """A form still holds typing: save it, discard it, or keep editing (never a silent nothing).
        True when the window may close."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved Entry"), self.tr(
            "A form still holds what you typed and has not been saved."), QMessageBox.StandardButton.NoButton, self)
        save = box.addButton(self.tr("&Save and Quit"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("&Discard and Quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            self._save_then_close(dirty)
            return False                       # the saves run on the worker; the window closes after them
        if clicked is discard:
            for dialog in dirty:
                dialog.snapshot = dialog.values()
                dialog.reject()
            return True
        dirty[0].raise_()
        dirty[0].activateWindow()
        return False

    def _save_then_close(self, dirty: list[QDialog]) -> None:
        """Save each form (on the worker); once every one has saved, close the window again.
        A form that does not save (its problems show under its fields) comes to the front instead."""
        waiting = list(dirty)

        def one_done(dialog: QDialog, ok: bool) -> None:
            dialog.save_done.disconnect(handlers.pop(id(dialog)))
            if not ok:
                for other, handler in [(d, handlers.pop(id(d))) for d in waiting if id(d) in handlers]:
                    other.save_done.disconnect(handler)
                dialog.raise_()
                dialog.activateWindow()
                return
            waiting.remove(dialog)
            if not waiting:
                self.close()

        handlers = {}
        for dialog in dirty:
            handlers[id(dialog)] = lambda ok, d=dialog: one_done(d, ok)
            dialog.save_done.connect(handlers[id(dialog)])
        for dialog in dirty:
            if not dialog.save():                  # refused before it left (a person not chosen)
                one_done(dialog, False)
                return

    def close_for_reopen(self, path: Path) -> None:
        """Close without the exit backup (the database was just replaced) and ask for a new window."""
        self._reopening = True
        self.close()
        self.reopen_requested.emit(Path(path))
