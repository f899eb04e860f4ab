"""The `check` command: SQLite's own checks plus the rules our data must keep."""
from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from .models import Attachment, Blob, Meta, Unit


def integrity_problems(engine: Engine) -> list[str]:
    """Every problem found, as short English lines (empty when clean).

    SQLite: integrity_check and foreign_key_check. PostgreSQL (issue 13): the server keeps
    pages and foreign keys itself; store.server checks constraints left unvalidated,
    invalid indexes and the change-log triggers. Then, on both, the rules of our data."""
    problems: list[str] = []
    if engine.dialect.name == "postgresql":
        from .models import RECORD_MODELS
        from .server import server_integrity_problems
        problems += server_integrity_problems(engine, [mdl.__tablename__ for mdl in RECORD_MODELS])
        return problems + _data_problems(engine)
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems += [f"integrity_check: {r}" for r in rows[:20]]
        for table, rowid, parent, fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]:
            problems.append(f"foreign_key_check: {table} row {rowid} -> {parent}")
    return problems + _data_problems(engine)


def _data_problems(engine: Engine) -> list[str]:
    problems: list[str] = []
    with Session(engine) as s:
        home = s.get(Meta, "home_unit")
        if home is None:
            problems.append("meta: no home unit (run init)")
        elif s.scalar(select(func.count()).select_from(Unit).where(Unit.code == home.value)) != 1:
            problems.append(f"meta: home unit {home.value} is not in the units table")
        missing = s.scalar(select(func.count()).select_from(Attachment)
                           .outerjoin(Blob, Blob.sha256 == Attachment.sha256).where(Blob.sha256.is_(None)))
        if missing:
            problems.append(f"attachments: {missing} without content")
    return problems
