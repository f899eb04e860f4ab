"""Small pieces the 数据交换 page is built from: a table model over plain rows (the exchange
services return lists of dicts, a few hundred rows at most, so there is nothing to page), a
configured table view, and the texts shared by the page and its dialogs (sync messages in the
interface language, local times, the masked field diff of a conflict)."""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.core.clock import format_local
from sanxiang_desktop.core.validation import mask_id_number, mask_phone
from sanxiang_desktop.services.spec import SPECS
from sanxiang_desktop.sync.records import STAMP_FIELDS
from sanxiang_desktop.ui.forms.field_widgets import lang
from sanxiang_desktop.ui.lists.column_fit import CELL_PADDING, ElidedTooltipDelegate, header_needs, share_widths

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
NOT_CONTENT = frozenset({"table", "id", *STAMP_FIELDS})
DIFF_SHOWN = 4              # fields listed in the table cell; the tooltip has them all
VALUE_CHARS = 16


def in_language(zh: str | None, en: str | None) -> str:
    """A bilingual message of the sync layer in the interface language."""
    return (en if lang() == "en" else zh) or zh or en or ""


def local_time(stamp: str | None, with_time: bool = True) -> str:
    """A UTC stamp of the sync layer ("2026-05-03T02:10:00.123456Z") in the office's time zone
    (core.clock, the one clock: the zone set in 设置, else this computer's)."""
    return format_local(stamp, date_only=not with_time)


def numbers(values: Sequence[int], limit: int = 8) -> str:
    """"5、7、9" (Chinese enumeration comma); long lists end in "…"."""
    text = "、".join(str(n) for n in values[:limit])
    return text + ("…" if len(values) > limit else "")


def record_type(table: str) -> str:
    spec = SPECS.get(table)
    if spec is None:
        return table
    return spec.en if lang() == "en" else spec.zh


def _field_label(table: str, name: str) -> str:
    spec = SPECS.get(table)
    try:
        f = spec.field(name) if spec else None
    except KeyError:
        f = None
    if f is None:
        return name
    return f.en if lang() == "en" else f.zh


def _value_text(table: str, name: str, value: Any, changed: str) -> str:
    """A field value fit for the screen: ID numbers and phones masked, other personal data and
    record references (meaningless ids) not shown at all, catalogue codes as their labels."""
    if value is None or value == "":
        return "—"
    spec = SPECS.get(table)
    try:
        f = spec.field(name) if spec else None
    except KeyError:
        f = None
    kind = f.kind if f else ("id_number" if name == "id_number" else "phone" if name == "phone" else "text")
    if kind == "id_number":
        return mask_id_number(value)
    if kind == "phone":
        return mask_phone(value)
    if (f is not None and f.sensitive) or kind in ("person", "ref"):
        return changed
    if kind == "catalogue" and f.catalogue in CATALOGUES:
        return CATALOGUES[f.catalogue].label(str(value), lang()) or str(value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    text = str(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


def field_diff(table: str, local: dict, incoming: dict, changed: str = "*") -> list[str]:
    """["名称：甲：科普活动室 → 乙：科普活动室", ...] for the fields the two versions disagree on."""
    out = []
    for name in sorted(set(local) | set(incoming)):
        if name in NOT_CONTENT or local.get(name) == incoming.get(name):
            continue
        before = _value_text(table, name, local.get(name), changed)
        after = _value_text(table, name, incoming.get(name), changed)
        label = _field_label(table, name)
        out.append(f"{label}：{before} → {after}" if before != after else f"{label}：{changed}")
    return out


class RowsModel(QAbstractTableModel):
    """Rows are dicts; columns are (key, title). ROW_ROLE gives the whole row, a row's
    "_tip" its tooltip and "_align" a set of keys shown right-aligned (numbers)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.columns: list[tuple[str, str]] = []
        self.rows: list[dict[str, Any]] = []

    def set_columns(self, columns: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get(f"_tip_{key}") or row.get("_tip")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in row.get("_align", ()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][1]
        return None

    def column_of(self, key: str) -> int:
        return next((i for i, (k, _) in enumerate(self.columns) if k == key), -1)


class RowsView(QTableView):
    """A read-only list of rows: whole-row selection, one row at a time, columns sized to content."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.rows_model = RowsModel(self)
        self.setModel(self.rows_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)      # Tab leaves the table for the buttons
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        # widths shared by content like the record lists (no last column taking what the others need)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.setItemDelegate(ElidedTooltipDelegate(self))    # a cut cell shows its full text as a tooltip

    def set_rows(self, rows: list[dict[str, Any]], keep_key: str | None = None) -> None:
        """New rows; the row whose keep_key value was selected stays selected."""
        kept = self.current_row().get(keep_key) if keep_key and self.current_row() else None
        self.rows_model.set_rows(rows)
        self.fit_columns()
        target = next((i for i, r in enumerate(rows) if keep_key and r.get(keep_key) == kept), 0 if rows else -1)
        if target >= 0:
            self.selectRow(target)

    def fit_columns(self) -> None:
        """Each column as wide as its header and values need; spare room is shared in proportion,
        and on a narrow window the long texts give way first (column_fit.share_widths)."""
        model, header, metrics = self.rows_model, self.horizontalHeader(), self.fontMetrics()
        titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        floors = [header_needs(header.fontMetrics(), t, header) for t in titles]
        needs = [max(floor, max((metrics.horizontalAdvance(str(model.index(r, c).data() or ""))
                                 for r in range(min(model.rowCount(), 200))), default=0) + CELL_PADDING)
                 for c, floor in enumerate(floors)]
        widths = share_widths(needs, floors, self.viewport().width(), [True] * len(needs), spread=True)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def select_where(self, key: str, value: Any) -> bool:
        for i, row in enumerate(self.rows_model.rows):
            if row.get(key) == value:
                self.selectRow(i)
                self.scrollTo(self.rows_model.index(i, 0))
                return True
        return False

    def current_row(self) -> dict[str, Any] | None:
        selected = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not selected:
            return None
        return self.rows_model.rows[selected[0].row()]
