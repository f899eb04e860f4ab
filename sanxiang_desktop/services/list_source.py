"""What a list page asks of its data: the contract between ListModel (Qt) and the services (no Qt).

This module imports no Qt on purpose: the services implement ListSource and build ColumnSpec and
Row values, and they must never import PySide6. The model only reads attributes, so an equivalent
set of classes living in a lower layer works just as well.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, Protocol, Sequence, runtime_checkable

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class ColumnSpec:
    key: str                # the sort key passed back in ListQuery.sort_key
    title: str              # English source text; shown through QCoreApplication.translate("columns", title)
    width_chars: int = 8    # initial width, in Chinese characters
    align: Align = "left"
    sortable: bool = True


class RowState(Enum):
    """What a list row is to the reader, beyond its values. The services decide the state (a rule);
    the GUI decides how it looks (ui/lists/row_states.py: one colour per state, and a legend).

    A row has one state; when several apply, the one that asks the clerk to act wins
    (overdue / missing before another unit's or ended)."""
    OWN = "own"               # this unit's record, nothing to flag: the default look
    FOREIGN = "foreign"       # another unit's record: read-only here
    ENDED = "ended"           # a post that has ended (end date today or earlier)
    OVERDUE = "overdue"       # a task or milestone past its due date and not done
    DONE_LATE = "done_late"   # a task or milestone done after its due date
    MISSING = "missing"       # something the upper level watches is not entered (a village without a contact)


@dataclass(frozen=True)
class Row:
    id: str
    values: tuple           # one display value per column, already formatted by the source
    tooltip: str | None = None
    state: RowState = RowState.OWN


@dataclass(frozen=True)
class ListQuery:
    filter_text: str = ""
    sort_key: str | None = None
    descending: bool = False
    extra: dict[str, Any] = field(default_factory=dict)   # page-specific filters (year, unit, category...)


@runtime_checkable
class ListSource(Protocol):
    columns: list[ColumnSpec]

    def count(self, query: ListQuery) -> int:
        """Number of rows matching the query (SELECT count(*) ... WHERE filter)."""
        ...

    def fetch(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        """Rows offset..offset+limit in the query's order (ORDER BY sort, id LIMIT limit OFFSET offset)."""
        ...


class ListSourceByIds(ListSource, Protocol):
    """Optional: a source that can re-read given rows lets refresh_ids() avoid re-reading whole pages."""

    def fetch_ids(self, query: ListQuery, ids: Sequence[str]) -> list[Row]:
        """The rows among `ids` that still exist and still match the query."""
        ...
