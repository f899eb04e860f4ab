"""ListView: the filter box, table and row count that every list page is built from.

It remembers its sort and the column widths the clerk chose in the settings under
table_state/<list_name>, fits the other columns to their header and values (column_fit), and speaks
in row ids (activated, delete_requested), never in rows.
Its model re-queries on the database worker (default_runner() unless a runner is given), so typing
a filter never makes the GUI thread wait on SQL; model.query_finished says when the rows are in.
"""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView,
                               QVBoxLayout, QWidget)

from sanxiang_desktop.ui.lists.row_states import RowLegend
from sanxiang_desktop.ui.lists.column_fit import (CELL_PADDING, SAMPLE_ROWS, ElidedTooltipDelegate, header_needs,
                                                  share_widths)
from sanxiang_desktop.ui.lists.source import ListQuery, ListSource
from sanxiang_desktop.ui.shell.settings import Settings, app_settings
from sanxiang_desktop.ui.lists.table_model import PAGE_SIZE, ListModel, column_title
from sanxiang_desktop.ui.lists.undo_keys import is_undo_override
from sanxiang_desktop.ui.shell.tasks import TaskRunner, default_runner

FILTER_DEBOUNCE_MS = 200
# Measured on a run of common characters, since a CJK font's ideographs are near enough one width.
_CJK_SAMPLE = "基层科协工作人员活动记录"
# A column wider than this many Chinese characters is "long text": it takes spare room and gives it up first.
_STRETCH_CHARS = 8
# Clerk-chosen widths live under this key; "widths" of older builds held the defaults of every column.
_CHOSEN = "chosen_widths"


class _TableView(QTableView):
    """Enter opens the current row, Delete asks to delete the selected ones."""

    enter_pressed = Signal()
    delete_pressed = Signal()
    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            event.accept()
        elif key == Qt.Key.Key_Delete and self.selectionModel().hasSelection():
            self.delete_pressed.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class ListView(QWidget):
    activated = Signal(str)           # a row id: Enter or double-click
    delete_requested = Signal(list)   # the selected row ids, in view order: Delete key
    selection_changed = Signal()

    def __init__(self, list_name: str, source: ListSource, parent: QWidget | None = None, *,
                 settings: Settings | None = None, extra: dict[str, Any] | None = None,
                 page_size: int = PAGE_SIZE, debounce_ms: int = FILTER_DEBOUNCE_MS,
                 runner: TaskRunner | None = None, lazy: bool = False):
        super().__init__(parent)
        self.list_name = list_name
        self._settings = settings or app_settings()
        self._restoring = True
        self._kept_selection: tuple[list[str], str | None] = ([], None)
        # (scroll position, query) of a refresh whose rows are on their way from the worker
        self._scroll_after_refresh: tuple[int, ListQuery] | None = None
        self._select_after_query: tuple[list[str], str | None] | None = None   # select_ids() while busy
        self._fitting = False
        state = self._load_state(source)

        sort_col = next((i for i, c in enumerate(source.columns) if c.key == state["sort_key"]), -1)
        query = ListQuery(sort_key=state["sort_key"] if sort_col >= 0 else None,
                          descending=bool(state["descending"]) and sort_col >= 0, extra=dict(extra or {}))
        # lazy: the rows are first read when the view is first shown (a page never opened costs no SQL)
        self.model = ListModel(source, query, page_size=page_size, runner=runner or default_runner(),
                               load=not lazy, parent=self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.toolbar_layout = QHBoxLayout()   # pages add their buttons here, left of the filter box
        self.toolbar_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addLayout(self.toolbar_layout)
        top.addStretch(1)
        top.addWidget(self.filter_edit)
        top.addWidget(self.count_label)

        self.table = _TableView(self)
        self.table.setObjectName("table")
        self._setup_table(sort_col, state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.legend = RowLegend(self)      # what the colours of the loaded rows mean
        layout.addWidget(self.legend)

        self._filter_timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.model.count_changed.connect(self._show_count)
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.query_finished.connect(self._query_finished)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._update_legend)
        self._update_legend()              # rows the model read while being made
        self.table.resized.connect(self.fit_columns)
        self.table.doubleClicked.connect(self._emit_activated)
        self.table.enter_pressed.connect(lambda: self._emit_activated(self.table.currentIndex()))
        self.table.delete_pressed.connect(self._emit_delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self._retranslate()
        self._restoring = False

    def showEvent(self, event: QShowEvent) -> None:
        self.model.ensure_loaded()
        super().showEvent(event)

    # --- what pages use -----------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.row(r).id for r in rows]

    def current_id(self) -> str | None:
        return self.model.row_id(self.table.currentIndex())

    def select_ids(self, ids: Iterable[str], current: str | None = None) -> None:
        """Select those of `ids` that are loaded; make `current` the current row if it is.

        While the model re-queries, this waits for the new rows (a record just saved is among them).
        """
        if self.model.busy:
            self._select_after_query = (list(ids), current)
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row_id in ids:
            row = self.model.row_of(row_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                        QItemSelectionModel.SelectionFlag.NoUpdate)

    def refresh(self) -> None:
        """Re-read the list after a change, keeping the selection and scroll position."""
        position = self.table.verticalScrollBar().value()
        self._scroll_after_refresh = (position, self.model.query)
        self.model.refresh()   # the rows arrive later, from the worker: _query_finished scrolls back

    def refresh_ids(self, ids: Iterable[str]) -> None:
        self.model.refresh_ids(ids)

    def set_extra(self, extra: dict[str, Any]) -> None:
        """Change the page's own filters (year, unit, ...); the list is read again."""
        self.model.set_extra(extra)

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())

    # --- set-up, state, translation --------------------------------------------------------------

    def _setup_table(self, sort_col: int, state: dict) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # the widths are shared by content (fit_columns): no last column taking what the others need
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setItemDelegate(ElidedTooltipDelegate(table))
        self._chosen: dict[str, int] = dict(state["widths"])     # fitted once the titles are set (_retranslate)
        order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(sort_col, order)
        # setSortingEnabled sorts by the indicator at once; the model already holds that order, so no re-query
        table.setSortingEnabled(True)
        self._sort_shown = (sort_col, order)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._width_changed)

    def column_needs(self) -> list[int]:
        """Pixels each column needs to show its header and every loaded value (of the first
        SAMPLE_ROWS rows) uncut; before any row is loaded, its width_chars Chinese characters."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        cjk = metrics.horizontalAdvance(_CJK_SAMPLE) / len(_CJK_SAMPLE)
        rows = [self.model.row(r).values for r in range(min(self.model.rowCount(), SAMPLE_ROWS))]
        needs = []
        for i, column in enumerate(self.model.columns):
            title = header_needs(header.fontMetrics(), column_title(column), header)
            values = {str(v[i]) for v in rows if i < len(v) and v[i] not in (None, "")}
            if rows:
                content = max((metrics.horizontalAdvance(v) for v in values), default=0) + CELL_PADDING
            else:
                content = round(column.width_chars * cjk) + CELL_PADDING
            needs.append(max(title, content))
        return needs

    def fit_columns(self, *_args) -> None:
        """Widths the clerk chose stay; the other columns share the rest of the table's width by
        what their headers and values need (column_fit.share_widths)."""
        if self._fitting:
            return
        columns = self.model.columns
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        cjk = metrics.horizontalAdvance(_CJK_SAMPLE) / len(_CJK_SAMPLE)
        needs = self.column_needs()
        floors = [header_needs(header.fontMetrics(), column_title(c), header) for c in columns]
        free = [i for i, c in enumerate(columns) if c.key not in self._chosen]
        available = self.table.viewport().width() - sum(self._chosen[c.key] for c in columns
                                                        if c.key in self._chosen)
        stretch = [columns[i].align == "left" and needs[i] > _STRETCH_CHARS * cjk for i in free]
        widths = share_widths([needs[i] for i in free], [floors[i] for i in free], available, stretch)
        self._fitting = True
        try:
            for i, column in enumerate(columns):
                width = self._chosen.get(column.key)
                if not isinstance(width, int) or width <= 0:
                    width = widths[free.index(i)]
                if header.sectionSize(i) != width:
                    header.resizeSection(i, width)
        finally:
            self._fitting = False

    def _load_state(self, source: ListSource) -> dict:
        state = self._settings.table_state(self.list_name)
        sortable = {c.key for c in source.columns if c.sortable}
        widths = state.get(_CHOSEN)
        widths = {k: v for k, v in widths.items() if isinstance(v, int) and v > 0} if isinstance(widths, dict) else {}
        return {"sort_key": state.get("sort_key") if state.get("sort_key") in sortable else None,
                "descending": bool(state.get("descending", False)),
                "widths": widths}

    def _save_state(self) -> None:
        old = self._settings.table_state(self.list_name).get(_CHOSEN)
        # keep widths of columns this build does not show
        chosen = {**old, **self._chosen} if isinstance(old, dict) else dict(self._chosen)
        self._settings.set_table_state(self.list_name, {
            "sort_key": self.model.query.sort_key, "descending": self.model.query.descending, _CHOSEN: chosen})

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        columns = self.model.columns
        if 0 <= column < len(columns) and not columns[column].sortable:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_shown)
            header.blockSignals(False)
            return
        self._sort_shown = (column, order)
        self._save_state()

    def _width_changed(self, section: int, _old: int, new: int) -> None:
        if self._restoring or self._fitting or not 0 <= section < len(self.model.columns):
            return
        self._chosen[self.model.columns[section].key] = new    # the clerk dragged it: it stays
        self._save_state()
        self.fit_columns()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} rows").format(count=total))

    def _update_legend(self, *_args) -> None:
        self.legend.set_states(self.model.states())

    def _retranslate(self) -> None:
        self.legend.retranslate()
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self.filter_edit.setToolTip(self.tr("Type to filter the list; Esc clears the filter."))
        self._show_count(self.model.total_count)
        self.model.retranslate()
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and is_undo_override(event):
            return True     # not taken by the box: the window's 撤销/重做 act on the records
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                self.apply_filter()
                return True
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # --- signals out ---------------------------------------------------------------------------

    def _emit_activated(self, index) -> None:
        row_id = self.model.row_id(index)
        if row_id is not None:
            self.activated.emit(row_id)

    def _emit_delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _query_finished(self, ok: bool) -> None:
        if ok:
            self.fit_columns()
        kept, self._scroll_after_refresh = self._scroll_after_refresh, None
        wanted, self._select_after_query = self._select_after_query, None
        # not when the filter, sort or extra filters changed since: that list starts at the top
        if ok and kept is not None and kept[1] == self.model.shown_query:
            self.table.verticalScrollBar().setValue(kept[0])
        if ok and wanted is not None:   # after the scroll: a new current row is scrolled into view
            self.select_ids(*wanted)

    def _keep_selection(self) -> None:
        self._kept_selection = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        ids, current = self._kept_selection
        self._kept_selection = ([], None)
        if ids or current:
            self.select_ids(ids, current)
