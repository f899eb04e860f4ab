"""The model behind every list: holds the ids and values of the rows loaded so far, a page at a time.

Filtering and sorting happen in the source (SQL with WHERE, ORDER BY, LIMIT/OFFSET); the model
never sorts or filters in Python and never holds more than the pages the view has scrolled
through, so a list of 100,000 people costs one count and one page of 200 rows to open.

Given a TaskRunner, the model re-queries (count + first page, after a change of filter, sort, extra
filters, or a refresh) on the database worker, so the GUI thread never waits on that SQL: the old
rows stay shown until the new ones arrive, only the latest query's result is applied, and
query_finished tells views and tests when it has been. Without a runner it re-queries at once.
"""
from __future__ import annotations

import contextlib
import dataclasses
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from sanxiang_desktop.ui.shell.errors import report_exception
from sanxiang_desktop.ui.lists.row_states import state_brush
from sanxiang_desktop.ui.lists.source import ColumnSpec, ListQuery, ListSource, Row, RowState

if TYPE_CHECKING:
    from sanxiang_desktop.ui.shell.tasks import Task, TaskRunner

PAGE_SIZE = 200
# refresh() re-reads as many rows as were loaded, so the view keeps its place; past this it starts over
REFRESH_KEEP_MAX = 2000
ID_ROLE = Qt.ItemDataRole.UserRole

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
}

AnyIndex = QModelIndex | QPersistentModelIndex


def column_title(column: ColumnSpec) -> str:
    """A column's title in the current language (titles are collected into context "columns")."""
    return QCoreApplication.translate("columns", column.title)


class ListModel(QAbstractTableModel):
    """A read-only, lazily paged table over a ListSource."""

    count_changed = Signal(int)   # the number of matching rows (all of them, not only those loaded)
    # a re-query ended: True when its rows are shown, False when it failed (the old rows stay, the
    # error was reported). Only the latest re-query reports; one overtaken by a newer one is dropped.
    query_finished = Signal(bool)

    def __init__(self, source: ListSource, query: ListQuery | None = None, *,
                 page_size: int = PAGE_SIZE, runner: "TaskRunner | None" = None, load: bool = True, parent=None):
        """load=False: start empty and read on the first ensure_loaded() (or query change): a list on
        a page nobody has opened yet costs no SQL at start-up."""
        super().__init__(parent)
        self._source = source
        self._columns: list[ColumnSpec] = list(source.columns)
        self._query = query or ListQuery()      # the query of the rows shown
        self._wanted = self._query              # the latest query asked for (shown, or on its way)
        self._runner = runner
        self._generation = 0                    # bumped by every re-query; stale results are dropped
        self._task: "Task | None" = None
        self._page_size = page_size
        self._rows: list[Row] = []
        self._row_of: dict[str, int] = {}
        self._total = 0
        self._notifying = False
        self._loaded = load
        if load:
            self._rows, self._total = self._read(self._query, page_size)
        self._reindex()

    # --- what the pages use -------------------------------------------------------------------

    @property
    def source(self) -> ListSource:
        return self._source

    @property
    def columns(self) -> list[ColumnSpec]:
        return list(self._columns)

    @property
    def query(self) -> ListQuery:
        """The latest query asked for; its rows may still be on their way (see busy)."""
        return self._wanted

    @property
    def shown_query(self) -> ListQuery:
        """The query of the rows shown now."""
        return self._query

    @property
    def busy(self) -> bool:
        """A re-query is running on the worker; the rows shown are the previous query's."""
        return self._task is not None

    @property
    def total_count(self) -> int:
        return self._total

    @property
    def loaded_count(self) -> int:
        return len(self._rows)

    def column_of(self, key: str) -> int:
        """Column number of a column key, -1 when there is no such column."""
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)

    def row_id(self, index: AnyIndex) -> str | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()].id

    def row_of(self, row_id: str) -> int | None:
        """Row number of a loaded row, None when it is not loaded (or does not match the filter)."""
        return self._row_of.get(row_id)

    def row(self, row: int) -> Row:
        return self._rows[row]

    def states(self) -> set[RowState]:
        """The states of the rows loaded so far (what the legend under the list names)."""
        return {r.state for r in self._rows}

    def set_query(self, query: ListQuery) -> None:
        """Re-query (count + first page) unless `query` is the latest one asked for."""
        if query != self._wanted:
            self._requery(query, self._page_size)

    def set_filter(self, text: str) -> None:
        self.set_query(dataclasses.replace(self._wanted, filter_text=text.strip()))

    def set_extra(self, extra: dict[str, Any]) -> None:
        self.set_query(dataclasses.replace(self._wanted, extra=dict(extra)))

    def ensure_loaded(self) -> None:
        """The first read of a model made with load=False (nothing when it has read already). Read
        here and now, as the constructor would have: whoever shows the list sees its rows at once."""
        if not self._loaded:
            self._loaded = True
            rows, total = self._read(self._wanted, self._page_size)
            self._apply(self._wanted, rows, total)

    def refresh(self) -> None:
        """Re-read after a change of unknown extent, keeping as many rows loaded as before."""
        keep = len(self._rows) if len(self._rows) <= REFRESH_KEEP_MAX else self._page_size
        self._requery(self._wanted, max(keep, self._page_size))

    def refresh_ids(self, ids: Iterable[str]) -> None:
        """Re-read the given rows in place (no reset, so selection and scroll position stay).

        Rows that are not loaded need nothing: they are read fresh when the view scrolls to them.
        Rows that no longer exist or match are removed. When the source cannot re-read rows by
        id and a page has changed its composition (a row moved or vanished), this falls back to
        refresh().
        """
        wanted = [i for i in dict.fromkeys(ids) if i in self._row_of]
        if not wanted:
            return
        fetch_ids = getattr(self._source, "fetch_ids", None)
        if fetch_ids is not None:
            self._replace_by_ids(wanted, fetch_ids(self._query, wanted))
        else:
            self._replace_pages(wanted)

    def retranslate(self) -> None:
        """Tell the view the header titles changed (after a language switch)."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = row.values
            value = values[index.column()] if index.column() < len(values) else None
            # text, not numbers: the source formats, and Qt would add digit grouping to ints
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(self._columns[index.column()].align, _ALIGN["left"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            return state_brush(row.state)       # the colour of the row's state (ui/lists/row_states.py)
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(self._columns[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(self._columns[section].align, _ALIGN["left"])
        return None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        # Called from a slot of our own reset or insertion signals (Qt's model tester does this), inserting
        # now would reach the slots connected later before the change they are still to hear about;
        # canFetchMore() stays true, so the view asks again when it next lays itself out.
        if parent.isValid() or len(self._rows) >= self._total or self._notifying:
            return
        offset = len(self._rows)
        fetched = self._source.fetch(self._query, offset, self._page_size)
        # a row inserted before `offset` since the last page shifts OFFSET by one: never show an id twice
        fresh = [r for r in fetched if r.id not in self._row_of]
        if not fetched:
            # rows were deleted since the count: what is loaded is all there is
            self._total = offset
            self.count_changed.emit(self._total)
            return
        if not fresh:
            return
        with self._notifications():
            self.beginInsertRows(QModelIndex(), offset, offset + len(fresh) - 1)
            for i, r in enumerate(fresh, start=offset):
                self._rows.append(r)
                self._row_of[r.id] = i
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0 or column >= len(self._columns):
            key = None
        elif self._columns[column].sortable:
            key = self._columns[column].key
        else:
            return
        descending = key is not None and order == Qt.SortOrder.DescendingOrder
        self.set_query(dataclasses.replace(self._wanted, sort_key=key, descending=descending))

    # --- internals ---------------------------------------------------------------------------------

    def _read(self, query: ListQuery, limit: int) -> tuple[list[Row], int]:
        return _read_from(self._source, query, limit)

    def _requery(self, query: ListQuery, limit: int) -> None:
        self._generation += 1
        self._loaded = True
        generation = self._generation
        self._wanted = query
        if self._task is not None:
            self._task.cancel()   # skipped if it has not started; its result is dropped if it has
            self._task = None
        if self._runner is None:
            try:
                # read before the reset: when the source fails, the model is still the old, consistent one
                rows, total = self._read(query, limit)
            except BaseException:
                self._wanted = self._query
                self.query_finished.emit(False)
                raise
            self._apply(query, rows, total)
            return
        source = self._source
        self._task = self._runner.run(
            lambda: _read_from(source, query, limit),
            lambda result: self._query_done(generation, query, result),
            lambda error: self._query_failed(generation, error), owner=self)

    def _query_done(self, generation: int, query: ListQuery, result: tuple[list[Row], int]) -> None:
        if generation != self._generation:
            return   # a newer query was asked for while this one ran
        self._task = None
        rows, total = result
        self._apply(query, rows, total)

    def _query_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self._wanted = self._query   # the old rows stay, and so does the query they answer
        parent = self.parent()
        report_exception(parent if isinstance(parent, QWidget) else None, error)
        self.query_finished.emit(False)

    def _apply(self, query: ListQuery, rows: list[Row], total: int) -> None:
        with self._notifications():
            self.beginResetModel()
            self._query, self._rows, self._total = query, rows, total
            self._reindex()
            self.endResetModel()
        self.count_changed.emit(self._total)
        self.query_finished.emit(True)

    @contextlib.contextmanager
    def _notifications(self) -> Iterator[None]:
        self._notifying = True
        try:
            yield
        finally:
            self._notifying = False

    def _reindex(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def _replace_by_ids(self, wanted: Sequence[str], fresh_rows: list[Row]) -> None:
        fresh = {r.id: r for r in fresh_rows}
        for row_id in wanted:
            if row_id in fresh:
                row = self._row_of[row_id]
                self._rows[row] = fresh[row_id]
                self._changed(row)
        gone = sorted((self._row_of[i] for i in wanted if i not in fresh), reverse=True)
        for row in gone:
            with self._notifications():
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._total -= 1
                self.endRemoveRows()
        if gone:
            self._reindex()
            self.count_changed.emit(self._total)

    def _replace_pages(self, wanted: Sequence[str]) -> None:
        size = self._page_size
        pages = sorted({self._row_of[i] // size for i in wanted})
        fetched = {p: self._source.fetch(self._query, p * size, size) for p in pages}
        for page, rows in fetched.items():
            loaded = self._rows[page * size: page * size + size]
            if [r.id for r in rows[:len(loaded)]] != [r.id for r in loaded]:
                self.refresh()
                return
        for page, rows in fetched.items():
            for offset, r in enumerate(rows[:size]):
                row = page * size + offset
                if row < len(self._rows) and self._rows[row] != r:
                    self._rows[row] = r
                    self._changed(row)


def _read_from(source: ListSource, query: ListQuery, limit: int) -> tuple[list[Row], int]:
    """Count + first page; runs on the database worker when the model has a runner."""
    total = source.count(query)
    rows = source.fetch(query, 0, limit) if total else []
    return _unique(rows), max(total, len(rows))


def _unique(rows: list[Row]) -> list[Row]:
    seen: set[str] = set()
    out = []
    for r in rows:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out
