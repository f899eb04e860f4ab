"""数据交换: this installation's packages, whatever unit is selected in the tree.

Export the upward package (check code, 报送单), import packages, receipts and reference data
(file dialog or drag and drop; a dry-run preview first, new senders confirmed by fingerprint),
see what the upper level has acknowledged and what each unit below has sent, and review
conflicts and duplicate people. Every sync call runs on the database worker (sync.service is
Qt-free and returns plain data); the page only shows the snapshot it gets back."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)

from sanxiang_desktop.services import tree as tree_service
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.store.database import Database
from sanxiang_desktop.sync import service
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.ui.shell.errors import report_exception, show_error
from sanxiang_desktop.ui.shell.operations import run_long_operation, run_operation
from sanxiang_desktop.ui.exchange.dialogs import ERROR_COLOUR, ExportDoneDialog, ImportDialog, big_font, wrapped
from sanxiang_desktop.ui.exchange.model import in_language, numbers
from sanxiang_desktop.ui.exchange.panels import ChildrenPanel, ConflictsPanel, DuplicatesPanel, HistoryPanel
from sanxiang_desktop.ui.exchange.returns import CorrectionsPanel, ReturnDialog
from sanxiang_desktop.ui.pages.panel import Retranslating
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage, register_page

PACKAGE_SUFFIX = ".sxpkg"
ZIP_SUFFIX = ".zip"   # e-mail and "send to compressed folder" wrap packages (sync/wrapped.py)
FOLDER_SETTING = "exchange_folder"
HISTORY_LIMIT = 300


def gather(db: Database) -> dict[str, Any]:
    """Everything the page shows, in one trip to the worker."""
    conflicts, duplicates = service.conflicts(db), service.duplicates(db)
    codes = {c.sender for c in conflicts if c.sender}
    codes |= {p["unit_code"] for d in duplicates for p in d["people"] if p["unit_code"]}
    names = {}
    for code in codes:
        node = tree_service.unit_node(db, code)
        names[code] = node.name if node else code
    return {"status": service.status(db), "fingerprint": service.own_key(db).fingerprint,
            "history": service.history(db, limit=HISTORY_LIMIT), "conflicts": conflicts,
            "duplicates": duplicates, "names": names, "corrections": service.corrections_due(db)}


def dropped_packages(event) -> list[str]:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith((PACKAGE_SUFFIX, ZIP_SUFFIX))]


class ExchangePage(Retranslating, UnitPage):
    key = "exchange"
    levels = frozenset({"city", "county", "township", "village"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("exchange_page")
        self.setAcceptDrops(True)
        self.snapshot: dict[str, Any] | None = None
        self.fingerprint = ""
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDoneDialog | None = None
        self.return_dialog = None
        self._loading = False
        self._load_again = False
        self._refusal_shown: str | None = None
        self._wanted_child: str | None = None

        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(lambda _checked=False: self.export_package())
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(lambda _checked=False: self.import_packages())
        self.drop_hint = QLabel(self)
        self.drop_hint.setStyleSheet("color: #5f6b73;")
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.drop_hint, 1)

        self.upper_box = QGroupBox(self)
        self.upper_label = QLabel(self.upper_box)
        self.upper_label.setObjectName("upper_label")
        self.upper_label.setFont(big_font(self, 1.25))
        self.sent_label = wrapped("", self.upper_box, "sent_label")
        self.warning_label = wrapped("", self.upper_box, "upper_warning_label")
        self.warning_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.key_caption = QLabel(self.upper_box)
        self.key_label = QLabel(self.upper_box)
        self.key_label.setObjectName("fingerprint_label")
        self.key_label.setFont(big_font(self, 1.3, fixed=True))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout(self.upper_box)
        grid.addWidget(self.upper_label, 0, 0)
        grid.addWidget(self.key_caption, 0, 1)
        grid.addWidget(self.sent_label, 1, 0)
        grid.addWidget(self.key_label, 1, 1)
        grid.addWidget(self.warning_label, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.notice = wrapped("", self, "notice_label")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet("background: #eef6ee; border: 1px solid #b7d7b7; padding: 4px;")
        self.notice.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("exchange_tabs")
        # a tab too many for the width scrolls (arrows), never loses words ("待更正（0）" cut at 150 %)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabs.setUsesScrollButtons(True)
        self.children_panel = ChildrenPanel(self, self.tabs)
        self.children_panel.return_requested.connect(self.open_return_dialog)
        self.history_panel = HistoryPanel(self, self.tabs)
        self.conflicts_panel = ConflictsPanel(self, self.tabs)
        self.duplicates_panel = DuplicatesPanel(self, self.tabs)
        self.corrections_panel = CorrectionsPanel(self, self.tabs)
        for panel in (self.children_panel, self.history_panel, self.conflicts_panel, self.duplicates_panel,
                      self.corrections_panel):
            self.tabs.addTab(panel, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)     # as the other pages: it must fit 911×512 (150 % scaling)
        layout.addLayout(actions)
        layout.addWidget(self.upper_box)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.export_button, self.import_button)
        self.setTabOrder(self.import_button, self.tabs)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Data Exchange")

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("E&xport Package for the Upper Level…"))
        self.export_button.setToolTip(self.tr("Write every change the upper level has not confirmed yet into one "
                                              "file, e.g. on a USB stick"))
        self.import_button.setText(self.tr("&Import Packages…"))
        self.import_button.setToolTip(self.tr("Data packages from units below, receipts and reference data from "
                                              "the upper level"))
        self.drop_hint.setText(self.tr("Package files (.sxpkg, or a .zip holding them) can also be dragged onto this page."))
        self.upper_box.setTitle(self.tr("Reporting to the Upper Level"))
        self.key_caption.setText(self.tr("This computer's key fingerprint:"))
        self.fill()

    # -- loading ----------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self._wanted_child = code
        if self.snapshot is not None:
            self._select_wanted()

    def reload(self) -> None:
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        db = self.context.ws.db
        self.context.tasks.run(lambda: gather(db), self._loaded, self._load_failed, owner=self)

    def _loaded(self, snapshot: dict[str, Any]) -> None:
        self._loading = False
        self._refusal_shown = None
        self.snapshot = snapshot
        self.fingerprint = snapshot["fingerprint"]
        self.fill()
        self._select_wanted()
        if self._load_again:
            self._load_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        zh, en = getattr(exc, "message_zh", None), getattr(exc, "message_en", None)
        if zh or en:        # a known refusal (this database's private key not on this computer, say): its own words
            text = in_language(zh, en)
            self.upper_label.setText(text)
            if text != self._refusal_shown:       # once: the page reloads on showing and on every change
                self._refusal_shown = text
                show_error(self, self.tr("The data exchange page could not be loaded."), text)
            return
        report_exception(self, exc, self.tr("The data exchange page could not be loaded."))

    def _select_wanted(self) -> None:
        """The unit chosen in the tree (or a dashboard's "last package" cell) is the row selected below."""
        if self._wanted_child:
            self.children_panel.select_unit(self._wanted_child)
        self._wanted_child = None

    # -- showing ------------------------------------------------------------------------------------------
    def fill(self) -> None:
        snap = self.snapshot
        if snap is None:
            self.upper_label.setText(self.tr("Loading…"))
            self._tab_titles(0, 0, 0)
            return
        st = snap["status"]
        self._render_upper(st["upper"])
        self.key_label.setText(snap["fingerprint"])
        self.children_panel.show_data(st["children"])
        self.tabs.setTabVisible(0, bool(st["children"]))
        self.history_panel.show_data(snap["history"])
        self.conflicts_panel.show_data(snap)
        self.duplicates_panel.show_data(snap)
        self.corrections_panel.show_data(snap["corrections"])
        # only a unit with an upper level gets records returned (the tab stays while some are listed)
        self.tabs.setTabVisible(4, st["upper"] is not None or bool(snap["corrections"]))
        self._tab_titles(len(snap["conflicts"]), len(snap["duplicates"]), len(snap["corrections"]))

    def _tab_titles(self, conflicts: int, duplicates: int, corrections: int) -> None:
        self.tabs.setTabText(0, self.tr("Units &Below"))
        self.tabs.setTabText(1, self.tr("Hist&ory"))
        self.tabs.setTabText(2, self.tr("&Conflicts ({count})").format(count=conflicts))
        self.tabs.setTabText(3, self.tr("Duplicate &People ({count})").format(count=duplicates))
        self.tabs.setTabText(4, self.tr("Correction&s Due ({count})").format(count=corrections))

    def _render_upper(self, upper: dict[str, Any] | None) -> None:
        self.export_button.setEnabled(upper is not None)
        if upper is None:
            self.upper_label.setText(self.tr("This unit is the top level: it sends no packages upward."))
            self.sent_label.setText("")
            self.warning_label.hide()
            return
        self.upper_label.setText(in_language(upper.get("message_zh"), upper.get("message_en")))
        if upper["last_sent_seq"]:
            if upper["unacknowledged"]:
                text = self.tr("Packages sent up to no. {seq}; not yet acknowledged: no. {numbers}.").format(
                    seq=upper["last_sent_seq"], numbers=numbers(upper["unacknowledged"]))
            else:
                text = self.tr("Packages sent up to no. {seq}, all acknowledged.").format(seq=upper["last_sent_seq"])
        else:
            text = self.tr("Nothing has been sent to {name} yet.").format(name=upper["parent_name"])
        self.sent_label.setText(text)
        warnings = [self.tr("{name} rejected package {seq}: {reason}").format(
            name=upper["parent_name"], seq=r.get("seq"), reason=in_language(r.get("reason_zh"), r.get("reason_en")))
            for r in upper.get("rejections") or [] if isinstance(r, dict)]
        if upper.get("missing"):
            warnings.append(self.tr("{name} is missing package {numbers}: export again, the next package covers "
                                    "it.").format(name=upper["parent_name"], numbers=numbers(upper["missing"])))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

    # -- what the panels use -------------------------------------------------------------------------------
    def open_return_dialog(self, unit: str, unit_name: str) -> None:
        """退回更正… for a unit below (asked for by the units panel)."""
        self.return_dialog = ReturnDialog(self, unit, unit_name, self)
        self.return_dialog.open()

    def choose_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, title, self.last_folder())
        if not folder:
            return None
        self.remember_folder(folder)
        return Path(folder)

    def last_folder(self) -> str:
        settings = self.context.settings
        return (settings.get(FOLDER_SETTING) if settings is not None else "") or ""

    def remember_folder(self, folder: str) -> None:
        if self.context.settings is not None:
            self.context.settings.set(FOLDER_SETTING, str(folder))

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], title: str) -> None:
        """A long exchange action (check packages, write a package) as a long operation on the worker."""
        run_long_operation(self.context, title, fn, parent=self, done=on_done, failed=self.action_failed)

    def operation(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """An exchange action (resolve, dismiss, return for correction) as one operation
        (ui/shell/operations.run_operation): the sync service runs on the database worker in one
        transaction with one audit entry; its Changes go to the pages when it returns, then on_done
        sees its outcome; a refusal (ExchangeError) is shown by action_failed."""
        def done(out: Any) -> None:
            if shiboken6.isValid(self):          # the Changes went out regardless (run_operation)
                on_done(out)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.action_failed(exc)
        run_operation(self.context, fn, parent=self, done=done, failed=failed)

    def action_failed(self, exc: BaseException) -> None:
        title = self.tr("Data Exchange")
        if isinstance(exc, (service.ExchangeError, PackageError)):
            show_error(self, title, in_language(exc.message_zh, exc.message_en))
        elif isinstance(exc, OSError):
            show_error(self, title, self.tr("The file could not be written or read: {error}\n\nCheck that the USB "
                                            "stick is plugged in and has free space, then try again.").format(
                error=exc.strerror or exc))
        else:
            report_exception(self, exc)
        self.reload()

    def after_action(self, text: str, changes: Changes | None = None) -> None:
        if text:
            self.notice.setText(text)
            self.notice.show()
        self.reload()
        if changes is not None:
            self.context.notify(changes)

    # -- export ---------------------------------------------------------------------------------------------
    def export_package(self) -> None:
        if not self.export_button.isEnabled():
            return
        folder = self.choose_folder(self.tr("Folder for the Package (e.g. the USB Stick)"))
        if folder is not None:
            self.start_export(folder)

    def start_export(self, folder: Path) -> None:
        db = self.context.ws.db

        def job():
            from sanxiang_desktop.sync.slip import slip_document    # package code: on first export
            written = service.export(db, folder)
            return written, service.slip_data(db, written), slip_document(db, written)
        self.run(job, self._exported, self.tr("Writing the package…"))

    def _exported(self, result) -> None:
        written, slip, doc = result
        self.after_action(self.tr("Package no. {seq} written: {files} (check code {code})").format(
            seq=written.seq, files=", ".join(str(p) for p in written.paths), code=written.check_code))
        self.export_dialog = ExportDoneDialog(written, slip, doc, self.context, self)
        self.export_dialog.open()

    # -- import ---------------------------------------------------------------------------------------------
    def import_packages(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Packages to Import"), self.last_folder(),
                                                self.tr("Packages (*.sxpkg *.zip);;All files (*)"))
        if paths:
            self.remember_folder(str(Path(paths[0]).parent))
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        db, files = self.context.ws.db, [Path(p) for p in paths]
        self.run(lambda: service.preview(db, files), lambda results: self._previewed(files, results),
                 self.tr("Checking the packages…"))

    def _previewed(self, files: list[Path], results: list) -> None:
        dialog = self.import_dialog = ImportDialog(self.context, files, results, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        if results and all(r.status == "untrusted" for r in results):
            QTimer.singleShot(0, dialog.start_import)     # nothing to preview: straight to the fingerprint

    def _imported(self, results: list) -> None:
        """The import dialog's run has ended: the pages already heard what it wrote (its operation
        routed each ImportResult.changes, ui/shell/operations.run_long_operation); say what happened."""
        applied = [r for r in results if r.status == "applied"]
        self.after_action(self.tr("{count} package(s) imported.").format(count=len(applied)) if applied else "")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_packages(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if dropped_packages(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_packages(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)


register_page(ExchangePage)
