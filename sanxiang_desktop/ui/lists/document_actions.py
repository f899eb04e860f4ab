"""打印/导出 for a list panel: print preview, PDF and Excel of the list as shown, the unit's
ledger to Excel, the official forms that belong to the list (a person's vice-chair form from the
people list, the activity ledger from the activities list, …) and the import wizard.

Pages (and later the 记录 menu) take `DocumentActions.actions()` or `.menu()`. Everything that
reads the database or writes a file runs on the database worker; the Excel export shows a
cancellable progress dialog. Full ID numbers and phones only when the clerk ticks
"Full ID Numbers and Phones" for the next output (it unticks itself afterwards); such an output
is recorded in the audit log (services.disclosure) before it is written.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

# FormOptions and list_document load the form layer (documents.model, the store): on first use, not at
# start-up (issue 12); FORM_TITLES and form_builder are light
from sanxiang_desktop.documents.forms import FORM_TITLES, form_builder
from sanxiang_desktop.services.disclosure import record_full_pii_export
from sanxiang_desktop.services.list_source import ListQuery
from sanxiang_desktop.ui.shell.tasks import Progress, default_runner, run_with_progress

# Which ledger, import and forms belong to a record table's list.
LEDGER_OF = {"people": "people", "posts": "posts", "activities": "activities", "visits": "visits", "venues": "venues"}
IMPORT_OF = {"people": "people", "posts": "posts", "activities": "activities"}
FORMS_OF = {"activities": ("activity-ledger",), "visits": ("visit-record",), "posts": ("leadership", "vice-chairs"),
            "people": ("vice-chairs",), "association_meetings": ("registration",)}
PRINT_ROWS_LIMIT = 20_000        # a list longer than this is exported to Excel, not printed


def _translate(text: str) -> str:
    return QCoreApplication.translate("columns", text)


def list_rows(source, query: ListQuery) -> list:
    """Every row of the list (on the worker): the source's own formatted values."""
    total = source.count(query)
    return [r.values for r in source.fetch(query, 0, min(total, PRINT_ROWS_LIMIT))]


class DocumentActions(QObject):
    """The 打印/导出 actions of one RecordPanel (`panel.view.model` is its list, `panel.table` its
    record table) on `page` (a UnitPage: its unit, level and context)."""

    def __init__(self, page: QWidget, panel, title: str):
        super().__init__(page)
        self.page, self.panel, self.title = page, panel, title
        self.table = panel.table
        self.full_pii = QAction(self.tr("Full ID Numbers and Phones"), self, checkable=True)
        # no shortcut of its own: 记录 › 打印 (Ctrl+P) reaches it; two Ctrl+P would make Qt fire neither
        self.print_list = QAction(self.tr("Print Preview…"), self)
        self.pdf_list = QAction(self.tr("Save List as PDF…"), self)
        self.excel_shown = QAction(self.tr("Export List to Excel…"), self)
        self.excel_list = QAction(self.tr("Export Ledger to Excel…"), self) if self.table in LEDGER_OF else None
        self.import_list = QAction(self.tr("Import from Excel or CSV…"), self) if self.table in IMPORT_OF else None
        self.print_list.triggered.connect(lambda: self.preview_list())
        self.pdf_list.triggered.connect(lambda: self.save_list_pdf())
        self.excel_shown.triggered.connect(lambda: self.export_shown())
        if self.excel_list:
            self.excel_list.triggered.connect(lambda: self.export_excel())
        if self.import_list:
            self.import_list.triggered.connect(lambda: self.open_import())
        self.form_actions: dict[str, QAction] = {}
        for form in FORMS_OF.get(self.table, ()):
            action = QAction(self.tr("Print Form: {form}…").format(form=FORM_TITLES[form]), self)
            action.triggered.connect(lambda _=False, f=form: self.preview_form(f))
            self.form_actions[form] = action
        for action in self.actions():
            page.addAction(action)      # shortcuts work while the page has focus

    def actions(self) -> list[QAction]:
        out = [self.print_list, self.pdf_list, *self.form_actions.values()]
        out += [a for a in (self.excel_shown, self.excel_list, self.import_list) if a is not None]
        return [*out, self.full_pii]

    def menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(self.tr("Print/Export"), parent or self.page)
        for action in self.actions():
            if action is self.full_pii or action is self.excel_shown:
                menu.addSeparator()
            menu.addAction(action)
        return menu

    # ---- what the clerk asked for -------------------------------------------------------------

    def _unit(self) -> str:
        return self.page.unit_code or self.page.context.ws.home_unit

    def _take_full_pii(self) -> bool:
        full = self.full_pii.isChecked()
        self.full_pii.setChecked(False)     # never left on by accident for the next output
        return full

    def _error(self, error: BaseException) -> None:
        text = getattr(error, "message_zh", None) or getattr(error, "strerror", None) or str(error)
        QMessageBox.warning(self.page, self.tr("Cannot Print or Export"), text)

    def _list_document(self):
        model = self.panel.view.model
        columns = [(_translate(c.title), c.width_chars, c.align) for c in model.columns]
        source, query, title = model.source, model.query, self.title
        ws, unit = self.page.context.ws, self._unit()

        def job():
            from sanxiang_desktop.documents.lists import list_document
            from sanxiang_desktop.services.tree import unit_node
            node = unit_node(ws.db, unit)       # the subtitle names the unit
            return list_document(title, node.name if node else unit, columns, list_rows(source, query))
        return job

    def preview_list(self) -> None:
        default_runner().run(self._list_document(), self._show_preview, self._error, owner=self.page)

    def _show_preview(self, doc) -> None:
        from sanxiang_desktop.ui.printing.render import make_print_preview
        dialog = make_print_preview(doc, self.page)
        self.last_preview = dialog
        dialog.open()

    def _ask_path(self, caption: str, name: str, suffix: str, filter_text: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.page, caption, name + suffix, filter_text)
        if not path:
            return None
        return Path(path if path.lower().endswith(suffix) else path + suffix)

    def save_list_pdf(self) -> None:
        target = self._ask_path(self.tr("Save as PDF"), self.title, ".pdf", self.tr("PDF files (*.pdf)"))
        if target is None:
            return
        build = self._list_document()

        def job():
            from sanxiang_desktop.ui.printing.render import render_pdf
            return render_pdf(build(), target)
        default_runner().run(job, lambda pages: self.page.window().statusBar().showMessage(
            self.tr("Saved {path}").format(path=target), 5000) if hasattr(self.page.window(), "statusBar") else None,
            self._error, owner=self.page)

    def export_shown(self) -> None:
        """The list as shown (its columns, filter and order) as a workbook laid out like the print."""
        target = self._ask_path(self.tr("Export to Excel"), self.title, ".xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if target is None:
            return
        build = self._list_document()

        def job():
            from sanxiang_desktop.spreadsheets.from_document import write_xlsx
            doc = build()
            write_xlsx(doc, target)
            return len(doc.tables()[0].rows)
        default_runner().run(job, lambda n: self._exported(target, n), self._error, owner=self.page)

    def preview_form(self, form: str, person_id: str | None = None) -> None:
        """Build official form `form` for the page's unit and year (vice-chairs: the selected
        person when the list is the people list) and open its print preview."""
        full = self._take_full_pii()
        ws, unit, year = self.page.context.ws, self._unit(), self.page.context.year
        if form == "vice-chairs" and self.table == "people" and person_id is None:
            person_id = self.panel.view.current_id()
            if person_id is None:
                QMessageBox.information(self.page, self.tr("Print Form"), self.tr("Select a person first."))
                return

        def job():
            from sanxiang_desktop.documents.forms.common import FormOptions
            opt = FormOptions(unit=unit, year=year, full_pii=full)
            if form == "vice-chairs" and person_id:
                from sanxiang_desktop.documents.forms.people import person_vice_chair_form
                doc = person_vice_chair_form(ws.db, person_id, opt)
            else:
                doc = form_builder(form)(ws.db, opt)
            if full:
                record_full_pii_export(ws, FORM_TITLES[form], "打印")
            return doc
        default_runner().run(job, self._show_preview, self._error, owner=self.page)

    def export_excel(self) -> None:
        what = LEDGER_OF[self.table]
        full = self._take_full_pii()
        # openpyxl and lxml load on first use, not at start-up (issue 12's startup figure)
        from sanxiang_desktop.spreadsheets.ledgers import LEDGER_TITLES, export_ledger_steps
        target = self._ask_path(self.tr("Export to Excel"), LEDGER_TITLES[what], ".xlsx", self.tr("Excel workbooks (*.xlsx)"))
        if target is None:
            return
        ws, unit = self.page.context.ws, self._unit()
        year = self.page.context.year if what in ("activities", "visits") else None

        def steps():
            if full:
                record_full_pii_export(ws, LEDGER_TITLES[what], "Excel")
            n = yield from _as_progress(export_ledger_steps(ws.db, what, target, unit=unit, year=year, full_pii=full),
                                        QCoreApplication.translate("DocumentActions", "Rows written: {n}"))
            return n
        self.last_export = run_with_progress(self.page, self.tr("Exporting to Excel…"), steps,
                                             lambda n: self._exported(target, n), self._error)

    def _exported(self, target: Path, n: int) -> None:
        self.exported = (target, n)
        window = self.page.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Exported {n} rows to {path}").format(n=n, path=target), 8000)

    def open_import(self) -> None:
        from sanxiang_desktop.ui.lists.import_wizard import ImportDialog
        dialog = ImportDialog(self.page.context, IMPORT_OF[self.table], self.page)
        self.last_import = dialog
        dialog.open()


def install_print_export(page, panel, title: str) -> DocumentActions:
    """Give `page` its 打印/导出 actions for `panel` (a RecordPanel) and a button with their menu
    in the panel's toolbar; returns them (also kept as `page.document_actions` for the 记录 menu)."""
    actions = DocumentActions(page, panel, title)
    button = QToolButton(page)
    button.setText(QCoreApplication.translate("DocumentActions", "Print/E&xport"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(actions.menu(button))
    panel.view.toolbar_layout.addWidget(button)
    actions.button = button
    panel.document_actions = actions        # the 记录 menu uses the focused panel's
    page.document_actions = actions
    return actions


def _as_progress(steps, text: str):
    """Turn a generator of row counts into one of tasks.Progress (total unknown: a busy bar)."""
    while True:
        try:
            n = next(steps)
        except StopIteration as stop:
            return stop.value
        try:
            yield Progress(n, 0, text.format(n=n))
        except GeneratorExit:
            steps.close()
            raise

