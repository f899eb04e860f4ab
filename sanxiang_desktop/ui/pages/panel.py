"""RecordPanel: a list of one record type with 新增 / 修改 / 删除, the piece every record page is
built from; and ListPage, a unit page made of one panel."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.services import lists
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.services.spec import SPECS
from sanxiang_desktop.ui.forms.field_widgets import lang
from sanxiang_desktop.ui.lists.list_view import ListView
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage
from sanxiang_desktop.ui.forms.record_form import RecordDialog
from sanxiang_desktop.ui.shell.undo import delete_records

NAME_KEYS = ("name", "title", "person")


class Retranslating:
    """Mixin for widgets whose texts come from tr(): retranslate() runs again when the language changes."""

    def retranslate(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RecordPanel(Retranslating, QWidget):
    """ListView + buttons. dialog_options() gives the RecordDialog keywords (defaults, hidden
    fields...) for the page's current unit; watch lists the tables whose changes refresh it."""
    record_saved = Signal(str)

    def __init__(self, context: PageContext, list_name: str, *, dialog_options: Callable[[], dict],
                 watch: tuple[str, ...] = (), add_text: Callable[[], str] | None = None,
                 base_extra: dict | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.list_name = context, list_name
        self.table = lists.LIST_TABLE[list_name]
        self.spec = SPECS[self.table]
        self.dialog_options = dialog_options
        self.watch = (self.table, *watch)
        self.base_extra: dict[str, Any] = dict(base_extra or {"unit": context.ws.home_unit})
        self.filter_extra: dict[str, Any] = {}
        self.dialog: RecordDialog | None = None
        self.view = ListView(list_name, lists.list_source(context.ws, list_name), self,
                             settings=context.settings, extra=self.base_extra,
                             runner=context.tasks, lazy=True)

        self.add_text = add_text
        self.add_button, self.edit_button, self.delete_button = (QPushButton(self) for _ in range(3))
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.view.toolbar_layout.addWidget(button)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(lambda: self.delete(self.view.selected_ids()))
        self.view.activated.connect(self.edit)
        self.view.delete_requested.connect(self.delete)
        self.view.selection_changed.connect(self._update_buttons)
        for keys in ("Ins", "Ctrl+N"):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.add)

        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("filter_label")
        self.clear_filter_button = QPushButton(self)
        self.clear_filter_button.clicked.connect(lambda: self.set_filter_extra({}))
        banner = QHBoxLayout()
        banner.addWidget(self.filter_label, 1)
        banner.addWidget(self.clear_filter_button)
        self.filter_label.hide()
        self.clear_filter_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(banner)
        layout.addWidget(self.view, 1)
        self._update_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.add_text() if self.add_text else self.tr("&Add"))
        self.edit_button.setText(self.tr("&Edit"))
        self.delete_button.setText(self.tr("&Delete"))
        self.add_button.setToolTip(self.tr("Add a record (Ins or Ctrl+N)"))
        self.edit_button.setToolTip(self.tr("Open the selected record (Enter)"))
        self.delete_button.setToolTip(self.tr("Delete the selected records (Del); Ctrl+Z undoes it"))
        self.clear_filter_button.setText(self.tr("Show &All"))
        self._show_filter()

    # --- what the pages use -------------------------------------------------------------------------
    def set_base(self, extra: dict) -> None:
        """The page's own scope (unit, year, parent record); drops a dashboard filter when it changes."""
        if extra != self.base_extra:
            self.base_extra = dict(extra)
            self.filter_extra = {}
            self._apply()

    def set_filter_extra(self, extra: dict) -> None:
        self.filter_extra = dict(extra)
        self._apply()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.watch):
            self.view.refresh()

    def set_enabled_actions(self, can_add: bool) -> None:
        self.add_button.setEnabled(can_add)

    # --- actions ------------------------------------------------------------------------------------------
    def add(self) -> None:
        if self.add_button.isEnabled():
            self.open_dialog(None)

    def edit_current(self) -> None:
        current = self.view.current_id() or next(iter(self.view.selected_ids()), None)
        if current:
            self.edit(current)

    def edit(self, record_id: str) -> None:
        self.open_dialog(record_id)

    def open_dialog(self, record_id: str | None) -> RecordDialog:
        options = dict(self.dialog_options())
        dialog = RecordDialog(self.context, self.table, record_id=record_id, parent=self, **options)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, record_id: str) -> None:
        self.view.refresh()
        self.view.select_ids([record_id], record_id)
        self.record_saved.emit(record_id)

    def delete(self, ids: list[str]) -> list[str]:
        ids = list(ids)
        if not ids:
            return []
        return delete_records(self.context, self, self.table, ids, self.describe(ids))

    def describe(self, ids: list[str]) -> str:
        what = self.spec.en if lang() == "en" else self.spec.zh
        if len(ids) > 1:
            return self.tr("{count} {what} records").format(count=len(ids), what=what)
        row = self.view.model.row_of(ids[0])
        column = next((i for i, c in enumerate(self.view.model.columns) if c.key in NAME_KEYS), 0)
        name = self.view.model.row(row).values[column] if row is not None else ""
        return f"{what}“{name}”" if name else what

    # --- internals -------------------------------------------------------------------------------------------
    def _apply(self) -> None:
        self.view.set_extra({**self.base_extra, **self.filter_extra})
        self._show_filter()

    def _show_filter(self) -> None:
        shown = {k: v for k, v in self.filter_extra.items() if v not in (None, "")}
        self.filter_label.setText(self.tr("Showing only: {what}").format(what=describe_filter(shown)))
        self.filter_label.setVisible(bool(shown))
        self.clear_filter_button.setVisible(bool(shown))

    def _update_buttons(self) -> None:
        selected = bool(self.view.selected_ids())
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)


def describe_filter(extra: dict) -> str:
    parts = []
    for key, value in extra.items():
        if key in CATALOGUES and isinstance(value, str):
            parts.append(CATALOGUES[key].label(value, lang()))
        elif key == "year":
            parts.append(f"{value}")
        else:
            parts.append(str(value))
    return "，".join(parts)


class ListPage(Retranslating, UnitPage):
    """A page of one RecordPanel. Subclasses set key, levels, list_name and title(); year_filter
    pages follow the year chosen in the main window."""
    list_name = ""
    watch: tuple[str, ...] = ()
    year_filter = False

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.panel = RecordPanel(context, self.list_name, dialog_options=self.dialog_options, watch=self.watch,
                                 base_extra=self.base_extra(), parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.panel)
        from sanxiang_desktop.ui.lists.document_actions import install_print_export
        install_print_export(self, self.panel, self.title())     # 打印/导出; also page.document_actions

    def base_extra(self) -> dict:
        extra: dict[str, Any] = {"unit": self.unit_code or self.context.ws.home_unit}
        if self.year_filter:
            extra["year"] = self.context.year
        return extra

    def dialog_options(self) -> dict:
        return {"defaults": {"unit_code": self.unit_code or self.context.ws.home_unit}}

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self.panel.set_base(self.base_extra())

    def set_year(self, year: int) -> None:
        if self.year_filter:
            self.panel.set_base(self.base_extra())

    def on_changes(self, changes: Changes) -> None:
        self.panel.on_changes(changes)

    def apply_filter(self, extra: dict) -> None:
        base = {k: v for k, v in extra.items() if k in ("year",)}
        if base and self.year_filter:
            # the dashboard's year is the page's year for the moment; the rest narrows further
            self.panel.set_base({**self.base_extra(), **base})
        self.panel.set_filter_extra({k: v for k, v in extra.items() if k not in base})
