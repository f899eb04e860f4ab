"""The import wizard: choose a file → preview (new / updated / unchanged / duplicate / error
counts and each bad row) → import, as one action and one undo step.

Reading and planning run on the database worker. With errors, a marked-up copy of the file
(bad cells red, a comment saying why) is written beside it at once, and the clerk chooses
explicitly between fixing the file and importing the good rows only.
"""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from sanxiang_desktop.services.imports import apply_import, counts, plan_rows, redo_import, undo_import
from sanxiang_desktop.services.result import Result
from sanxiang_desktop.spreadsheets.importing import load_rows, write_marked_copy
from sanxiang_desktop.ui.shell.operations import run_operation
from sanxiang_desktop.ui.shell.tasks import Progress, default_runner, run_with_progress
from sanxiang_desktop.ui.shell.undo import RecordCommand

WHAT_ZH = {"people": "人员", "posts": "任职", "activities": "活动"}


class ImportCommand(RecordCommand):
    """One import: undo takes all of it back, redo applies it again (one service call each)."""

    def __init__(self, context, table: str, result: Result):
        super().__init__(context, result.label)
        self.table, self.result = table, result

    def forward(self) -> list[Result]:
        return [redo_import(self.context.ws, self.table, self.result)]

    def backward(self) -> list[Result]:
        return [undo_import(self.context.ws, self.table, self.result)]


def _preview_steps(ws, table: str, path: Path):
    """Read and plan `path` on the worker, yielding progress; returns (loaded, plans, marked copy)."""
    yield Progress(0, 0, "")
    loaded = load_rows(path, table)
    yield Progress(0, len(loaded.rows), "")
    with ws.session() as s:
        plans = plan_rows(s, ws, table, loaded.rows)
    marked = None
    if counts(plans)["error"]:
        try:
            marked = write_marked_copy(loaded, plans)
        except OSError:
            marked = None
    return loaded, plans, marked


class ImportDialog(QDialog):
    def __init__(self, context, table: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.table = context, table
        self.loaded = self.plans = self.marked = None
        self.result: Result | None = None
        self.setWindowTitle(self.tr("Import {what}").format(what=WHAT_ZH.get(table, table)))
        self.setMinimumWidth(560)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.browse_button = QPushButton(self.tr("Choose File…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(self.tr("Save Template…"), self)
        self.template_button.clicked.connect(self.save_template)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.browse_button)
        top.addWidget(self.template_button)
        self.summary = QLabel(self.tr("Choose an .xlsx or .csv file. Nothing is imported before you confirm."), self)
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.good_only_button = self.buttons.addButton(self.tr("Import the Good Rows Only"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(lambda: self.apply(good_only=False))
        self.good_only_button.clicked.connect(lambda: self.apply(good_only=True))
        self.close_button.clicked.connect(self.reject)
        for button in (self.import_button, self.good_only_button):
            button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    # ---- steps ----
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose File"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if path:
            self.load(Path(path))

    def save_template(self) -> None:
        from sanxiang_desktop.spreadsheets.template import unit_choices, write_template
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Template"), f"{WHAT_ZH[self.table]}导入模板.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        ws = self.context.ws
        default_runner().run(lambda: write_template(self.table, path, units=unit_choices(ws.db)),
                             lambda _p: None, self._failed, owner=self)

    def load(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.summary.setText(self.tr("Checking…"))
        self.details.clear()
        for button in (self.import_button, self.good_only_button):
            button.setEnabled(False)
        ws = self.context.ws
        self.task = run_with_progress(self, self.tr("Checking the file…"), lambda: _preview_steps(ws, self.table, path),
                                      self._previewed, self._failed)

    def _failed(self, error: BaseException) -> None:
        text = getattr(error, "message_zh", None) or getattr(error, "strerror", None) or str(error)
        self.summary.setText(text)
        QMessageBox.warning(self, self.tr("Cannot Import"), text)

    def _previewed(self, outcome) -> None:
        self.loaded, self.plans, self.marked = outcome
        n = counts(self.plans)
        text = self.tr("New: {new}, updated: {update}, unchanged: {unchanged}, duplicates (skipped): {duplicate}, with errors: {error}.").format(**n)  # noqa: E501
        if n["error"] and self.marked:
            text += "\n" + self.tr("The rows with errors are marked in red in {path}: correct them there and import that file, or import the good rows only.").format(path=self.marked)  # noqa: E501
        self.summary.setText(text)
        lines = []
        for p in self.plans:
            if p.action == "error":
                lines.append(f"第 {p.row} 行：" + "；".join(zh for _k, zh, _en in p.problems))
            elif p.action == "duplicate":
                lines.append(f"第 {p.row} 行（跳过）：{p.note}")
        self.details.setPlainText("\n".join(lines))
        work = n["new"] + n["update"]
        self.import_button.setEnabled(work > 0 and not n["error"])
        self.good_only_button.setEnabled(work > 0 and n["error"] > 0)

    def apply(self, good_only: bool) -> None:
        if self.loaded is None:
            return
        for button in (self.import_button, self.good_only_button):
            button.setEnabled(False)
        context, ws, table, rows = self.context, self.context.ws, self.table, self.loaded.rows
        # one operation: applied on the worker, the undo step pushed and the Changes routed when it returns
        run_operation(context, lambda: apply_import(ws, table, rows, good_only=good_only), parent=self,
                      undo=lambda result: ImportCommand(context, table, result), done=self._applied,
                      failed=lambda exc: self._failed(exc) if shiboken6.isValid(self) else None)

    def _applied(self, result: Result) -> None:
        if not shiboken6.isValid(self):
            return
        self.result = result
        if not result.ok:
            self.summary.setText(result.message_zh())
            return
        self.summary.setText(result.label)
        self.accept()
