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
    return insert(model)


def insert_ignore(s: Session, model, rows: list[dict]) -> None:
    """Insert rows; a row whose primary key exists already is left as it is."""
    if rows:
        s.execute(_insert(s, model).on_conflict_do_nothing(), rows)


def insert_replace(s: Session, model, rows: list[dict]) -> None:
    """Insert rows; a row whose primary key exists already gets the new values."""
    if not rows:
        return
    stmt = _insert(s, model)
    keys = [c.name for c in model.__table__.primary_key.columns]
    values = {c.name: stmt.excluded[c.name] for c in model.__table__.columns if c.name not in keys}
    s.execute(stmt.on_conflict_do_update(index_elements=keys, set_=values), rows)
