"""First start: which unit this computer serves, and who the clerk is; then the database is made.
Or, in an office with a PostgreSQL server (issue 13), the address of the office's server: the
program then works on the office's database there and makes nothing on this computer.

The unit comes from the built-in division tree (typing "zzz", "掌政" or "640104100" finds 掌政镇) or
from an enrolment file issued by the upper level. Creating the database runs on the worker; a
failure is shown in plain words and the wizard stays open with everything the clerk typed."""
from __future__ import annotations

import importlib
import logging
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget, QWizard,
                               QWizardPage)

from sanxiang_desktop.core.divisions import YINCHUAN, Division, DivisionTree
from sanxiang_desktop.services.units import HOME_LEVELS, InitError, init_home, resolve_home_code
from sanxiang_desktop.store.database import Database, open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.ui.shell import i18n, screen_fit
from sanxiang_desktop.ui.shell.errors import report_exception, show_error

log = logging.getLogger(__name__)

ENROLMENT_MODULE = "sanxiang_desktop.sync.enrolment"
RESULT_LIMIT = 100
SEARCH_DEBOUNCE_MS = 150
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def enrolment_module() -> ModuleType | None:
    """The sync layer's enrolment reader, or None in a build that does not have it yet."""
    try:
        return importlib.import_module(ENROLMENT_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name and ENROLMENT_MODULE.startswith(exc.name):
            return None
        raise


def find_units(query: str, limit: int = RESULT_LIMIT) -> list[Division]:
    """Units a home can be (city, county, township) matching query; Yinchuan's first."""
    tree = DivisionTree.builtin()
    levels = set(HOME_LEVELS)
    local = tree.search(query, within=YINCHUAN, levels=levels, limit=limit)
    seen = {d.code for d in local}
    rest = [d for d in tree.search(query, levels=levels, limit=limit) if d.code not in seen]
    return (local + rest)[:limit]


def default_units(tree: DivisionTree | None = None) -> list[Division]:
    """What the unit list shows before anything is typed: Yinchuan, then each of its counties followed
    by its townships (the tree's order), so a clerk can pick the home unit with the arrow keys."""
    tree = tree or DivisionTree.builtin()
    city = tree.get(YINCHUAN)
    if city is None:
        return []
    levels = set(HOME_LEVELS)
    return [city, *(d for d in tree.descendants(YINCHUAN) if d.level in levels)]


def read_enrolment_file(module: ModuleType, path: Path):
    """Runs on the worker: the unit the file was issued for, then the whole file verified for it."""
    from sanxiang_desktop.sync.container import peek_manifest
    unit = peek_manifest(path.read_bytes()).get("recipient_unit") or ""
    return module.read_enrolment(path, resolve_home_code(unit))


def create_database(path: Path, code: str, clerk: str, enrolment=None) -> Database:
    """Runs on the worker: a new database for the unit; a failed attempt leaves no file behind."""
    db = open_database(path, create=True)
    try:
        init_home(db, code, clerk)
        if enrolment is not None:
            enrolment_module().apply_enrolment(db, enrolment)
        from ...sync.trust import ensure_own_key
        ensure_own_key(db)      # the installation's key pair is made at first start
        return db
    except BaseException:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise


def open_server_database(address: str) -> Database:
    """Runs on the worker: the office's database on its server, which must hold a home unit already
    (the administrator made it with init); nothing is created."""
    db = open_database(address)
    if not db.home_unit:
        db.close()
        raise StoreError("missing", "The office server's database has not been set up; ask the administrator",
                         "办公室服务器上的数据库尚未建立，请联系管理员")
    return db


class HomeUnitPage(QWizardPage):
    def __init__(self, wizard: "FirstStartWizard"):
        super().__init__(wizard)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("unit_search")
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("unit_results")
        self.results.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.results.itemDoubleClicked.connect(lambda _item: wizard.next())
        self.enrolment_button = QPushButton(self)
        self.enrolment_button.setObjectName("enrolment_button")
        self.enrolment_button.clicked.connect(wizard.open_enrolment)
        self.enrolment_label = QLabel(self)
        self.enrolment_label.setWordWrap(True)
        self.server_label = QLabel(self)
        self.server_label.setWordWrap(True)
        self.server_edit = QLineEdit(self)
        self.server_edit.setObjectName("server_address")
        self.server_edit.setPlaceholderText("postgresql://clerk@server/sanxiang")
        self.server_button = QPushButton(self)
        self.server_button.setObjectName("server_button")
        self.server_button.clicked.connect(wizard.connect_server)
        self.server_edit.returnPressed.connect(wizard.connect_server)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.enrolment_label)
        layout.addWidget(self.enrolment_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.server_label)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_edit, 1)
        server_row.addWidget(self.server_button)
        layout.addLayout(server_row)

    def eventFilter(self, watched, event) -> bool:
        """Down in the search box goes to the list (its first line when none is chosen): no mouse needed."""
        if (watched is self.search_edit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down and self.results.count()):
            if self._timer.isActive():
                self.search()
            self.results.setFocus()
            if self.results.currentItem() is None:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your Unit"))
        # title and subtitle in the wizard's header, as on the clerk's page: the two pages look alike
        self.setSubTitle(self.tr("Choose the unit this computer serves: a township or street, a county or "
                                   "district, or the city. Type part of its name, its pinyin initials (zzz for "
                                   "掌政镇) or its code."))
        self.search_edit.setPlaceholderText(self.tr("Name, pinyin or code…"))
        self.enrolment_label.setText(self.tr("Or, if the upper level gave you an enrolment file:"))
        self.enrolment_button.setText(self.tr("Open &Enrolment File…"))
        self.server_label.setText(self.tr("Or, in an office with a database server, connect to the office server "
                                          "instead of keeping the data on this computer (the password comes from "
                                          "the PostgreSQL password file, never from here):"))
        self.server_button.setText(self.tr("Connect to the &Office Server"))

    def search(self) -> None:
        query = self.search_edit.text().strip()
        self.results.clear()
        tree = DivisionTree.builtin()
        for division in (find_units(query) if query else default_units(tree)):
            item = QListWidgetItem(f"{tree.path_name(division.code)}    {division.code}", self.results)
            item.setData(CODE_ROLE, division.code)
        if self.results.count() and query:      # the untyped list preselects nothing: no home by accident
            self.results.setCurrentRow(0)

    def select_code(self, code: str) -> None:
        tree = DivisionTree.builtin()
        self.search_edit.blockSignals(True)
        self.search_edit.setText(code)
        self.search_edit.blockSignals(False)
        self.results.clear()
        item = QListWidgetItem(f"{tree.path_name(code)}    {code}", self.results)
        item.setData(CODE_ROLE, code)
        self.results.setCurrentItem(item)

    def chosen_code(self) -> str | None:
        item = self.results.currentItem()
        return item.data(CODE_ROLE) if item is not None else None

    def isComplete(self) -> bool:
        return self.chosen_code() is not None


class ClerkPage(QWizardPage):
    def __init__(self, wizard: "FirstStartWizard"):
        super().__init__(wizard)
        self._wizard = wizard
        self.clerk_edit = QLineEdit(self)
        self.clerk_edit.setObjectName("clerk_name")
        self.clerk_edit.setMaxLength(30)
        self.clerk_edit.textChanged.connect(lambda _text: self.completeChanged.emit())
        self.clerk_label = QLabel(self)
        self.clerk_label.setBuddy(self.clerk_edit)
        self.unit_label = QLabel(self)
        self.unit_label.setWordWrap(True)
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.clerk_label, self.clerk_edit)
        form.addRow(self.unit_label)
        form.addRow(self.path_label)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The Clerk"))
        self.setSubTitle(self.tr("Your name is written beside every change you save."))
        self.clerk_label.setText(self.tr("Your &name:"))

    def initializePage(self) -> None:
        code = self._wizard.home_page.chosen_code()
        text = self.tr("Unit: {path}").format(path=DivisionTree.builtin().path_name(code or ""))
        enrolment = self._wizard.enrolment
        if enrolment is not None and enrolment.unit == code:
            text += "\n" + self.tr("Enrolled under {parent}; its key fingerprint is {fingerprint}.").format(
                parent=enrolment.parent_name, fingerprint=enrolment.parent_fingerprint)
        self.unit_label.setText(text)
        self.path_label.setText(self.tr("The database will be saved as {path}").format(path=self._wizard.db_path))

    def isComplete(self) -> bool:
        return bool(self.clerk_edit.text().strip())


class FirstStartWizard(QWizard):
    """After accept(), .database is the new, open database."""

    def __init__(self, db_path: Path, settings, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("first_start_wizard")
        self.db_path = Path(db_path)
        self.settings = settings
        self.tasks = tasks
        self.database: Database | None = None
        self.enrolment = None
        self._creating = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        screen_fit.bounded_minimum(self, 620, 440)
        self.home_page = HomeUnitPage(self)
        self.clerk_page = ClerkPage(self)
        self.addPage(self.home_page)
        self.addPage(self.clerk_page)
        self.clerk_page.clerk_edit.setText(settings.get("clerk_name"))
        self.retranslate()
        # The division list takes a moment to load the first time: load it before the first keystroke.
        # Until something is typed the list shows Yinchuan's units (default_units) once the tree is in.
        tasks.run(DivisionTree.builtin, self._tree_loaded, owner=self)

    def _tree_loaded(self, _tree) -> None:
        page = self.home_page
        if not page.search_edit.text().strip() and page.chosen_code() is None:
            page.search()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome"))
        self.home_page.retranslate()
        self.clerk_page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_enrolment(self) -> None:
        module = enrolment_module()
        if module is None:
            QMessageBox.information(self, self.tr("Enrolment File"), self.tr(
                "This version of the program cannot read enrolment files yet.\n\n"
                "Choose your unit from the list instead; the enrolment file can be imported later."))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open Enrolment File"), "",
                                              self.tr("Enrolment files (*.sxpkg);;All files (*)"))
        if path:
            self.tasks.run(lambda: read_enrolment_file(module, Path(path)), self._enrolment_read,
                           self._enrolment_failed, owner=self)

    def _enrolment_read(self, enrolment) -> None:
        self.enrolment = enrolment
        self.home_page.select_code(enrolment.unit)
        self.home_page.enrolment_label.setText(self.tr(
            "Enrolment file from {parent}. Compare its key fingerprint by phone: {fingerprint}").format(
            parent=enrolment.parent_name, fingerprint=enrolment.parent_fingerprint))
        self.next()

    def _enrolment_failed(self, exc: BaseException) -> None:
        message = getattr(exc, "message_en" if i18n.current_language() == "en" else "message_zh", None)
        if message is None and not isinstance(exc, (OSError, ValueError, KeyError)):
            report_exception(self, exc, self.tr("Reading the enrolment file failed."))
            return
        show_error(self, self.tr("Enrolment File"), message or self.tr(
            "The file could not be read as an enrolment file: {error}").format(error=exc))

    def connect_server(self) -> None:
        address = self.home_page.server_edit.text().strip()
        if not address or self._creating:
            return
        self._creating = True
        self.home_page.server_button.setEnabled(False)
        self.tasks.run(lambda: open_server_database(address), lambda db: self._connected(db, address),
                       self._failed, owner=self)

    def _connected(self, db: Database, address: str) -> None:
        self._creating = False
        self.home_page.server_button.setEnabled(True)
        self.database = db
        self.settings.set("office_server", address)
        super().accept()

    def accept(self) -> None:
        if self._creating:
            return
        code = self.home_page.chosen_code()
        clerk = self.clerk_page.clerk_edit.text().strip()
        if not code or not clerk:
            return
        self._creating = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        path = self.db_path
        enrolment = self.enrolment if self.enrolment is not None and self.enrolment.unit == code else None
        self.tasks.run(lambda: create_database(path, code, clerk, enrolment),
                       lambda db: self._created(db, clerk), self._failed, owner=self)

    def _created(self, db: Database, clerk: str) -> None:
        self._creating = False
        self.database = db
        self.settings.set("clerk_name", clerk)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._creating = False
        self.home_page.server_button.setEnabled(True)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        text = getattr(exc, "message_en" if i18n.current_language() == "en" else "message_zh", None)
        if isinstance(exc, (StoreError, InitError)) or text:
            show_error(self, self.tr("The Database Was Not Created"), text or str(exc))
        else:
            report_exception(self, exc, self.tr("Creating the database failed."))
