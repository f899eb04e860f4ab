"""The `check` command: SQLite's own checks plus the rules our data must keep."""
from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select
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
        problems += _activity_count_problems(s)
    return problems


def _activity_count_problems(s: Session) -> list[str]:
    """activity_counts must equal a fresh count of the live activities (store.activity_counts):
    one line naming how many keys differ and the first few (year unit domain: kept n, due n)."""
    from .activity_counts import TRIGGER_NAMES, mismatch_sql
    conn = s.connection()
    dialect = conn.dialect.name
    have = {r[0] for r in conn.exec_driver_sql(
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'" if dialect == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    problems = [f"activity_counts: trigger {name} on activities missing or disabled (the counts stop following "
                "the activities)" for name in TRIGGER_NAMES if name not in have]
    if not inspect(conn).has_table("activity_counts"):
        return problems + ["activity_counts: the table is missing (the dashboard cannot count activities; it is "
                           "derived from them: restore a backup, or re-create it with migration 0011's statements)"]
    bad = conn.exec_driver_sql(mismatch_sql(dialect)).all()
    if not bad:
        return problems
    bad.sort(key=lambda r: (r[0], r[1], r[2]))
    shown = "; ".join(f"{y} {u} {d}: kept {'none' if kept is None else kept}, due {'none' if due is None else due}"
                      for y, u, d, kept, due in bad[:5])
    return problems + [f"activity_counts: {len(bad)} key(s) differ from the activities (a table derived "
            f"from them, kept by triggers; rebuilding it, store.activity_counts.rebuild_sql, loses nothing): {shown}"]
