"""INSERT OR IGNORE / INSERT OR REPLACE written once for both backends (issue 13).

SQLite and PostgreSQL both have `INSERT ... ON CONFLICT`; SQLAlchemy builds it per
dialect. Rows are dicts of column values; the conflict target is the primary key."""
from __future__ import annotations

from sqlalchemy.orm import Session


def _insert(s: Session, model):
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # the Table, not the mapped class: a Core executemany, not the ORM's bulk path (no objects either way,
    # but the ORM path costs a third more per row on an import's origins)
    return insert(getattr(model, "__table__", model))


def _execute(s: Session, model, kind: str, build, rows: list[dict]) -> None:
    """build() for every row, as each backend takes many rows best: on SQLite one driver-level
    executemany of tuples (store.bulk: why), on PostgreSQL one statement per batch (store.pg_bulk: why).
    Every row holds every column of the table (store.bulk gives a missing one its scalar default)."""
    table = getattr(model, "__table__", model)
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        from .pg_bulk import execute_batches
        execute_batches(s, table, kind, build, rows)
    else:
        from .bulk import execute_many
        execute_many(conn, table, kind, build, rows)


def insert_ignore(s: Session, model, rows: list[dict]) -> None:
    """Insert rows; a row whose primary key exists already is left as it is."""
    if rows:
        _execute(s, model, "ignore", lambda: _insert(s, model).on_conflict_do_nothing(), rows)


def insert_replace(s: Session, model, rows: list[dict]) -> None:
    """Insert rows; a row whose primary key exists already gets the new values."""
    if rows:
        _execute(s, model, "replace", lambda: replace_statement(s, model), rows)


def replace_statement(s: Session, model):
    """`INSERT … ON CONFLICT (primary key) DO UPDATE SET every other column` (insert_replace's statement)."""
    stmt = _insert(s, model)
    keys = [c.name for c in model.__table__.primary_key.columns]
    values = {c.name: stmt.excluded[c.name] for c in model.__table__.columns if c.name not in keys}
    return stmt.on_conflict_do_update(index_elements=keys, set_=values)


def upsert_newer(s: Session, table):
    """`INSERT … ON CONFLICT (id) DO UPDATE SET every column WHERE the incoming version wins`, for
    executemany with dicts of every column (the import's one write per table and batch).

    The WHERE is the conflict rule of CONTRIBUTING ("Conflict rule") as far as SQL can state it: a
    higher HLC stamp (fixed width: text order is number order), then live over deleted, then the
    lower owner code; the last tie-break (the SHA-256 of the record's line) has been decided by the
    caller, who reads and merges every row held here before the batch (sync.apply.merged_state), so
    an equal owner lets the caller's decision through. The guard matters when a row appears between
    that read and this write (another import on a server): the newer stored version is kept."""
    stmt = _insert(s, table)
    new, old = stmt.excluded, table.c
    wins = (new.hlc > old.hlc) | ((new.hlc == old.hlc) & (
        (new.deleted < old.deleted) | ((new.deleted == old.deleted) & (new.owner <= old.owner))))
    return stmt.on_conflict_do_update(index_elements=[old.id],
                                      set_={c.name: new[c.name] for c in table.columns if c.name != "id"},
                                      where=wins)
