"""打印/导出 on the statistics page: the 统计汇总表 and the “3+1”工作进展情况通报 of a county or
the city, as print preview, Word (edited before sending) and, for the summary, Excel. Built on the
database worker; the actions are disabled for a township (the forms are made for a county or city)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from sanxiang_desktop.documents.forms import EDITABLE_FORMS, FORM_TITLES, form_builder
if TYPE_CHECKING:
    from sanxiang_desktop.documents.forms.common import FormOptions
from sanxiang_desktop.ui.lists.document_actions import _as_progress
from sanxiang_desktop.ui.shell.tasks import default_runner, run_with_progress


class FormActions(QObject):
    """Official forms of a page without a record list (the statistics page): print preview of
    each, the editable ones (bulletin, summary) also as Word, the summary also as Excel."""

    def __init__(self, page: QWidget, forms: tuple[str, ...]):
        super().__init__(page)
        self.page = page
        self.preview_actions: dict[str, QAction] = {}
        self.word_actions: dict[str, QAction] = {}
        for form in forms:
            action = QAction(self.tr("Print Form: {form}…").format(form=FORM_TITLES[form]), self)
            action.triggered.connect(lambda _=False, f=form: self.preview(f))
            self.preview_actions[form] = action
            if form in EDITABLE_FORMS:
                word = QAction(self.tr("Save as Word: {form}…").format(form=FORM_TITLES[form]), self)
                word.triggered.connect(lambda _=False, f=form: self.save_word(f))
                self.word_actions[form] = word
        self.excel_summary = QAction(self.tr("Export Ledger to Excel…"), self) if "summary" in forms else None
        if self.excel_summary:
            self.excel_summary.triggered.connect(lambda: self.export_summary())

    def update_enabled(self) -> None:
        """Bulletins and summaries are made for a county or the city, not for a township."""
        wide = getattr(self.page, "unit_level", None) in ("county", "city")
        for action in self.actions():
            action.setEnabled(wide)

    def actions(self) -> list[QAction]:
        return [*self.preview_actions.values(), *self.word_actions.values(),
                *([self.excel_summary] if self.excel_summary else [])]

    def _options(self) -> FormOptions:
        # the form layer (documents.model, the store) loads on first use, not at start-up (issue 12)
        from sanxiang_desktop.documents.forms.common import FormOptions
        ctx = self.page.context
        return FormOptions(unit=self.page.unit_code or ctx.ws.home_unit, year=ctx.year)

    def _error(self, error: BaseException) -> None:
        text = getattr(error, "message_zh", None) or getattr(error, "strerror", None) or str(error)
        QMessageBox.warning(self.page, self.tr("Cannot Print or Export"), text)

    def preview(self, form: str) -> None:
        db, opt = self.page.context.ws.db, self._options()

        def shown(doc) -> None:
            from sanxiang_desktop.ui.printing.render import make_print_preview
            self.last_preview = make_print_preview(doc, self.page)
            self.last_preview.open()
        default_runner().run(lambda: form_builder(form)(db, opt), shown, self._error, owner=self.page)

    def save_word(self, form: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Save as Word"), FORM_TITLES[form] + ".docx",
                                              self.tr("Word documents (*.docx)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".docx") else path + ".docx")
        db, opt = self.page.context.ws.db, self._options()

        def job():
            from sanxiang_desktop.documents.to_docx import write_docx
            write_docx(form_builder(form)(db, opt), target)
            return target
        default_runner().run(job, lambda t: setattr(self, "saved", t), self._error, owner=self.page)

    def export_summary(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export to Excel"), "统计汇总表.xlsx",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
        ws, opt = self.page.context.ws, self._options()
        text = QCoreApplication.translate("DocumentActions", "Rows written: {n}")
        self.last_export = run_with_progress(
            self.page, self.tr("Exporting to Excel…"),
            lambda: _as_progress(_ledgers().export_ledger_steps(ws.db, "summary", target, unit=opt.unit, year=opt.year), text),
            lambda n: setattr(self, "saved", target), self._error)


def install_form_actions(page, layout, forms: tuple[str, ...] = ("summary", "bulletin")) -> FormActions:
    """A 打印/导出 button with the forms' actions at the end of `layout` (kept as page.form_actions)."""
    actions = FormActions(page, forms)
    button = QToolButton(page)
    button.setText(QCoreApplication.translate("DocumentActions", "Print/E&xport"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for action in actions.actions():
        menu.addAction(action)
    button.setMenu(menu)
    menu.aboutToShow.connect(actions.update_enabled)
    layout.addWidget(button)
    actions.button = button
    page.form_actions = actions
    return actions


def _ledgers():
    # openpyxl loads when a summary is exported, not when the statistics page is built
    from sanxiang_desktop.spreadsheets import ledgers
    return ledgers
