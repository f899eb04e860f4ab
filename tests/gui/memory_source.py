"""An in-memory ListSource for the GUI tests: the real ones are SQL in the services."""
from __future__ import annotations

from typing import Sequence

from sanxiang_desktop.ui.lists.source import ColumnSpec, ListQuery, Row, RowState

SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = "伟芳娜敏静丽强磊军洋"

COLUMNS = [
    ColumnSpec("name", "Name", 6),
    ColumnSpec("age", "Age", 3, align="right"),
    ColumnSpec("phone", "Phone", 11, align="center"),
    ColumnSpec("note", "Note", 12, sortable=False),
]


def make_records(n: int) -> dict[str, tuple]:
    """n people with reproducible names, ages and phones; ids sort in creation order."""
    return {f"p{i:06d}": (SURNAMES[i % 10] + GIVEN[(i // 10) % 10] + str(i), 20 + i % 60,
                          f"139{i:08d}", "备注" if i % 7 == 0 else None)
            for i in range(n)}


class MemorySource:
    """Filters on name or phone, sorts on any sortable column, and records every call it gets."""

    def __init__(self, n: int = 0, records: dict[str, tuple] | None = None):
        self.columns = list(COLUMNS)
        self.records = records if records is not None else make_records(n)
        self.calls: list[tuple] = []
        self._cache: tuple[tuple, list[str]] | None = None

    def _ids(self, query: ListQuery) -> list[str]:
        key = (query.filter_text, query.sort_key, query.descending, tuple(sorted(query.extra.items())),
               len(self.records), id(self.records))
        if self._cache is None or self._cache[0] != key:
            text = query.filter_text
            ids = [i for i, r in self.records.items() if not text or text in r[0] or text in r[2]]
            if query.sort_key is not None:
                col = [c.key for c in self.columns].index(query.sort_key)
                ids.sort(key=lambda i: (self.records[i][col], i), reverse=query.descending)
            self._cache = (key, ids)
        return self._cache[1]

    def invalidate(self) -> None:
        self._cache = None

    def _row(self, row_id: str) -> Row:
        values = self.records[row_id]
        return Row(row_id, values, tooltip=f"id {row_id}", state=RowState.FOREIGN if values[1] > 70 else RowState.OWN)

    def count(self, query: ListQuery) -> int:
        self.calls.append(("count", query.filter_text, query.sort_key, query.descending))
        return len(self._ids(query))

    def fetch(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        self.calls.append(("fetch", offset, limit))
        return [self._row(i) for i in self._ids(query)[offset:offset + limit]]

    def fetched_rows(self) -> int:
        return sum(c[2] for c in self.calls if c[0] == "fetch")


class MemorySourceByIds(MemorySource):
    def fetch_ids(self, query: ListQuery, ids: Sequence[str]) -> list[Row]:
        self.calls.append(("fetch_ids", tuple(ids)))
        matching = set(self._ids(query))
        return [self._row(i) for i in ids if i in matching]
