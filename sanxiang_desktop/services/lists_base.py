"""The machinery shared by the SQL list sources: one SELECT per list, filtered and sorted
in SQL, read a page at a time. No Qt here (layer rule): ListModel only reads Row values.

Conventions every list follows: deleted rows never show; catalogue codes show as their
Chinese labels; dates show as ISO text; a list's own filters come in ListQuery.extra
(unit, year, domain, ...), the clerk's typing in ListQuery.filter_text."""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from sqlalchemy import Boolean, and_, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement, Select
from sqlalchemy.sql.visitors import InternalTraversal

from ..core.catalogues import CATALOGUES
from ..core.pinyin import like_pattern, normalize_query
from .list_source import ColumnSpec, ListQuery, Row, RowState
from .tree import below_select
from .workspace import Workspace

# Above every character an ID number, phone or unit code holds, so `x >= q AND x < q + HIGH`
# is a prefix match that SQLite answers from the column's index.
HIGH = "~"


def owned_state(ws: Workspace, owner: str) -> RowState:
    """Returns FOREIGN for a record another unit owns (read-only here), else OWN."""
    return RowState.OWN if owner == ws.home_unit else RowState.FOREIGN


def iso(value: Any) -> str:
    """Returns a date or datetime as its ISO date text (YYYY-MM-DD), None as "", anything else as str()."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return "" if value is None else str(value)


def label(catalogue: str, code: str | None) -> str:
    """Returns the Chinese label of `code` in catalogue `catalogue` (as the catalogue shows an empty or unknown
    code)."""
    return CATALOGUES[catalogue].label(code)


def number(value: Any) -> str:
    """Returns a figure as text: "" for None, a whole float without ".0" (80.0 -> "80")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Live(ColumnElement):
    """Not deleted, written per backend (see live()).

    Its column is part of the statement cache key (_traverse_internals): without it SQLAlchemy could
    not key the element ("no key") and compiled every statement using live() afresh each time it
    ran (issue 12: 17 such compilations per city import, in the duplicate check)."""
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]
    type = Boolean()

    def __init__(self, column) -> None:
        self.column = column


@compiles(_Live)
def _live_default(element, compiler, **kw):
    return f"NOT {compiler.process(element.column, **kw)}"


@compiles(_Live, "sqlite")
def _live_sqlite(element, compiler, **kw):
    return f"({compiler.process(element.column, **kw)} + 0) = 0"


def live(model) -> ColumnElement:
    """Not deleted. On SQLite `+deleted` keeps the planner from choosing the (useless, two-valued)
    deleted index over the one that serves the ORDER BY: with 100,000 people that is 2 ms instead
    of 200. PostgreSQL's planner has statistics and a real boolean: plain NOT deleted.
    Returns that WHERE clause for `model`."""
    return _Live(model.deleted)


def prefix(column, text: str) -> ColumnElement:
    """Returns a WHERE clause for values of `column` that start with `text` (a range, so the column's index
    serves it)."""
    return and_(column >= text, column < text + HIGH)


def key_like(column, text: str) -> ColumnElement:
    """Returns a LIKE clause on `column` for the typed `text` (core.pinyin.like_pattern, escaped)."""
    return column.like(like_pattern(text), escape="\\")


def catalogue_codes_matching(catalogue: str, text: str) -> list[str]:
    """Returns codes whose Chinese or English label contains the typed text (so "义诊" finds free_clinic)."""
    q = normalize_query(text)
    if not q:
        return []
    return [e.code for e in CATALOGUES[catalogue] if q in normalize_query(e.zh) or q in e.en.lower()
            or q in normalize_query(e.code)]


subtree = below_select     # the one "units below X" (services.tree)


def subtree_codes(ws: Workspace, code: str) -> list[str]:
    """Returns `code` and the codes of every unit below it (services.tree.below_select), as a list."""
    with ws.db.engine.connect() as conn:
        return list(conn.execute(subtree(code)).scalars())


def in_unit(column, ws: Workspace, code: str | None, *, below: bool = True) -> ColumnElement | None:
    """Rows of unit `code` (and, with below, of the units under it). None means no restriction:
    everything an installation holds lies at or below its home unit, so asking for the whole
    home subtree needs no IN (...), and the people list keeps its index-ordered scan.

    The codes are read first and passed as a list: SQLite answers `IN (list)` from the column's
    index, but scans the whole table for `IN (recursive CTE)` (21 ms against 2 ms at 100,000 people).
    Returns that WHERE clause, or None for no restriction."""
    if not code:
        return None
    if not below:
        return column == code
    if code == ws.home_unit:
        return None
    return column.in_(subtree_codes(ws, code))


def year_range(column, year: Any) -> ColumnElement | None:
    """Returns a WHERE clause for dates of `column` within `year`, or None when `year` is not a number (no
    restriction)."""
    try:
        y = int(year)
    except (TypeError, ValueError):
        return None
    return column.between(dt.date(y, 1, 1), dt.date(y, 12, 31))


class SqlList:
    """A ListSource over one SELECT. Subclasses set `model`, `columns`, `sorts` and `default_order`,
    and write `base()` (the columns and joins of a fetched row), `where()` and `row()`."""

    model: type
    columns: list[ColumnSpec] = []
    sorts: dict[str, Any] = {}
    # Big tables: a filtered count is a table scan, and so is the first page when few rows match.
    # With a bound set, count() first collects up to `bound` matching ids (a scan that stops early
    # when many match) and reads the first page of those with count(*) OVER (): one scan answers
    # both, and the page waits for the fetch() that ListModel makes right after.
    prefetch_bound = 0
    PREFETCH_PAGE = 200

    def __init__(self, ws: Workspace):
        self.ws = ws
        self._prefetched: tuple[ListQuery, list[Row], int] | None = None

    # --- subclass hooks ------------------------------------------------------------------------
    def base(self) -> Select:
        raise NotImplementedError

    def where(self, query: ListQuery) -> list[ColumnElement]:
        return [live(self.model)]

    def filter_clause(self, text: str) -> ColumnElement | None:
        return None

    def default_order(self) -> list:
        return []

    def row(self, r) -> Row:
        raise NotImplementedError

    def count_from(self):
        """What count(*) reads: the main table alone, unless a filter needs a join."""
        return self.model.__table__

    # --- ListSource -----------------------------------------------------------------------------
    def conditions(self, query: ListQuery) -> list[ColumnElement]:
        clauses = [c for c in self.where(query) if c is not None]
        text = (query.filter_text or "").strip()
        if text:
            found = self.filter_clause(text)
            clauses.append(found if found is not None else literal(False))
        return clauses

    def order(self, query: ListQuery, few: bool = False) -> list:
        """ORDER BY of the query; few: the rows are a small set already found (sort them, walk no index)."""
        expr = self.sorts.get(query.sort_key) if query.sort_key else None
        if expr is None:
            return [*self.default_order(), self.model.id]
        exprs = expr if isinstance(expr, (list, tuple)) else [expr]
        return [e.desc() if query.descending else e.asc() for e in exprs] + [self.model.id]

    def count(self, query: ListQuery) -> int:
        self._prefetched = None
        total = self._bounded_first_page(query) if self.prefetch_bound and query.filter_text.strip() else None
        if total is None:
            stmt = select(func.count()).select_from(self.count_from()).where(*self.conditions(query))
            with self.ws.db.engine.connect() as conn:
                total = int(conn.execute(stmt).scalar() or 0)
        return total

    def _bounded_first_page(self, query: ListQuery) -> int | None:
        """The exact count when at most prefetch_bound rows match (the first page kept), else None."""
        ids = select(self.model.id).select_from(self.count_from()).where(*self.conditions(query))
        ids = ids.limit(self.prefetch_bound + 1).scalar_subquery()
        stmt = (self.base().add_columns(func.count().over().label("total_rows")).where(self.model.id.in_(ids))
                .order_by(*self.order(query, few=True)).limit(self.PREFETCH_PAGE))
        with self.ws.db.engine.connect() as conn:
            found = conn.execute(stmt).all()
        total = int(found[0].total_rows) if found else 0
        if total > self.prefetch_bound:
            return None
        self._prefetched = (query, [self.row(r) for r in found], total)
        return total

    def fetch(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        kept, self._prefetched = self._prefetched, None
        if kept is not None and kept[0] == query and offset == 0 and (limit <= len(kept[1]) or kept[2] <= len(kept[1])):
            return kept[1][:limit]
        with self.ws.db.engine.connect() as conn:
            return [self.row(r) for r in conn.execute(self.page(query, offset, limit))]

    def page(self, query: ListQuery, offset: int, limit: int) -> Select:
        """The SELECT of one page of rows."""
        stmt = self.base().where(*self.conditions(query)).order_by(*self.order(query))
        return stmt.limit(limit).offset(offset)

    def fetch_ids(self, query: ListQuery, ids: Sequence[str]) -> list[Row]:
        if not ids:
            return []
        stmt = self.base().where(*self.conditions(query), self.model.id.in_(list(ids)))
        with self.ws.db.engine.connect() as conn:
            return [self.row(r) for r in conn.execute(stmt)]


def words_or(*clauses: ColumnElement | None) -> ColumnElement | None:
    """Returns the OR of the clauses that are not None: None when there is none, the clause itself when there is
    one."""
    found = [c for c in clauses if c is not None]
    if not found:
        return None
    return found[0] if len(found) == 1 else or_(*found)
