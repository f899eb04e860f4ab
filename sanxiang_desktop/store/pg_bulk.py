"""Bulk writes on a PostgreSQL server (issue 13): one statement per table and batch, the batch
travelling as one JSON text.

`INSERT … SELECT … FROM json_to_recordset($1::json) AS u(col type, …) ON CONFLICT …` takes a whole
batch in one statement: one parse, one plan, one round trip, and - what matters most - the
statement-level change-log and notification triggers (store.server) fire once per batch instead
of once per row. An `executemany` (psycopg 3 pipelines it) still executes the statement, and so
the triggers, once per row: on a hub importing a county's package that was most of the server's
time (tests/bench/pg_import_figures.py). Why JSON and not one array per column (`unnest($1::text[],
…)`): psycopg builds array parameters in Python, a third of a millisecond per row on this
machine's import, where orjson writes the whole batch in C and the server reads it in C. Why not
COPY into a temporary table: it needs the TEMPORARY privilege that server-setup takes from clerks.

SQLite keeps its executemany (store.upsert): there a statement costs no round trip.
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

from sqlalchemy import LargeBinary, Table, Text, bindparam, cast, column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Insert


def json_source(table: Table, names: Sequence[str]):
    """`SELECT u.a, u.b, … FROM json_to_recordset(:rows::json) AS u(a type, b type, …)` over the
    columns `names` of `table`: the rows of one batch, typed as the table's columns."""
    from sqlalchemy import func
    from sqlalchemy.dialects.postgresql import JSON     # here: a SQLite start-up never loads the dialect
    rows = func.json_to_recordset(cast(bindparam("rows", type_=Text), JSON)).table_valued(
        *[column(n, table.c[n].type) for n in names]).render_derived(name="u", with_types=True)
    return select(*[rows.c[n] for n in names])


def batch_json(rows: Sequence[Mapping]) -> str:
    """The rows as the JSON text json_source reads: a list of objects (dates as ISO text). A key
    that is not a column of the statement is ignored by json_to_recordset: the rows go as they are."""
    import orjson
    return orjson.dumps(rows if isinstance(rows, list) else list(rows)).decode()


def can_take(table: Table) -> bool:
    """JSON carries every column type of the record tables, not bytes (blobs keep executemany)."""
    return not any(isinstance(c.type, LargeBinary) for c in table.columns)


_STATEMENTS: dict[tuple[str, str, tuple[str, ...]], Insert] = {}


def execute_batches(s: Session, table: Table, kind: str, build: Callable[[], Insert], rows: list[Mapping],
                    chunk: int = 5000) -> None:
    """Run the INSERT that `build()` makes on `table` (with or without its ON CONFLICT clause) for
    `rows`, one statement per `chunk` rows. Every row holds the same columns (as for an executemany);
    a column none of them holds gets its default. The statement is built once per (table, kind,
    columns) and kept: building an upsert costs milliseconds of Python, a hundred times an import
    (its SQL text does not depend on the row count, so SQLAlchemy compiles it once too). A table with
    a bytes column (can_take) goes through a plain executemany."""
    if not rows:
        return
    if not can_take(table):
        s.execute(build(), rows)
        return
    given = rows[0].keys()
    names = tuple(c.name for c in table.columns if c.name in given)
    key = (table.name, kind, names)
    bulk = _STATEMENTS.get(key)
    if bulk is None:
        bulk = _STATEMENTS[key] = build().from_select(list(names), json_source(table, names))
    for i in range(0, len(rows), chunk):
        s.execute(bulk, {"rows": batch_json(rows[i:i + chunk])})
