"""SQLite: the import's bulk writes as one driver-level executemany of tuples per table and batch.

Why (issue 12): SQLAlchemy's Core executemany of dicts builds and processes a parameter dict per
row (`construct_params`), looks the statement up in its compile cache per call and checks each
dict's keys; on a city package that cost more CPU than SQLite spent inserting the rows. Here the
statement is SQLAlchemy's own (`store.upsert.upsert_newer` / `replace_statement`: the SQL and the
conflict rule stay stated in one place), compiled ONCE per table for the connection's dialect,
and each row becomes a tuple in the compiled parameter order, its values passed through the
column types' own bind processors (dates to ISO text, booleans to 0/1), exactly what SQLAlchemy
would have bound. A column missing from a row gets the column's scalar default, or NULL, as
SQLAlchemy's executemany gives it.

SQLite only: on PostgreSQL store.pg_bulk takes the batches (store.upsert picks by backend)."""
from __future__ import annotations

from operator import itemgetter
from typing import Any, Callable, Iterable, Mapping

from sqlalchemy import Table

# (dialect, table name, kind) -> (SQL text, [(column key, default, bind processor or None)])
_COMPILED: dict[tuple[str, str, str], tuple[str, list[tuple[str, Any, Callable | None]]]] = {}


def _default(col) -> Any:
    d = col.default
    return d.arg if d is not None and d.is_scalar else None


def _compiled(conn, table: Table, kind: str, build: Callable[[], Any]):
    key = (conn.dialect.name, table.name, kind)
    found = _COMPILED.get(key)
    if found is None:
        compiled = build().compile(dialect=conn.dialect, column_keys=[c.key for c in table.columns])
        processors = compiled._bind_processors      # SQLAlchemy's own per-type bind conversion
        plan = [(name, _default(table.c[name]), processors.get(name)) for name in compiled.positiontup]
        found = _COMPILED[key] = (compiled.string, plan)
    return found


def as_tuples(plan: list[tuple[str, Any, Callable | None]], rows: Iterable[Mapping[str, Any]]) -> list[tuple]:
    """Rows (dicts by column key) as tuples in the compiled statement's parameter order, each value
    bound as SQLAlchemy would bind it (None passes unconverted: NULL)."""
    names = [name for name, _, _ in plan]
    take = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))   # one C call per row
    converted = [(i, proc) for i, (_, _, proc) in enumerate(plan) if proc is not None]
    out = []
    for row in rows:
        try:
            values = take(row)
        except KeyError:
            values = tuple([row.get(name, default) for name, default, _ in plan])
        if converted:
            values = list(values)
            for i, proc in converted:
                if values[i] is not None:
                    values[i] = proc(values[i])
            values = tuple(values)
        out.append(values)
    return out


def execute_many(conn, table: Table, kind: str, build: Callable[[], Any], rows: list[Mapping[str, Any]]) -> None:
    """Run the statement `build()` (an INSERT of every column of `table`; compiled once per table and
    `kind`) for every row in one driver-level executemany on the session's connection `conn`.
    Raises sqlalchemy.exc.IntegrityError (wrapped as SQLAlchemy wraps it) when a row breaks a constraint."""
    if not rows:
        return
    sql, plan = _compiled(conn, table, kind, build)
    conn.exec_driver_sql(sql, as_tuples(plan, rows))
