"""Schema migrations: Alembic revisions shipped in the package, run at start-up.

Order of events for an existing file: refuse it if it was written by a newer
program (untouched); back it up online; switch foreign keys off *outside* the
transaction (SQLite ignores the pragma inside one, and batch migrations that copy
a parent table would otherwise cascade or fail); migrate in one transaction;
require an empty foreign_key_check before switching them on again.

On a PostgreSQL server (issue 13) there is no file to copy and no pragma: the whole
upgrade is one transaction (PostgreSQL's DDL is transactional, so a failure leaves the
old schema), under an advisory lock so two programs starting at once migrate once,
and only the owner of the schema (the administrator's role) may run it.
"""
from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic import command
from sqlalchemy import Engine, inspect

from ..core import clock
from .backup import backup_file
from .errors import StoreError


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "sanxiang_desktop.store:migrations")
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


MIGRATION_LOCK = 13_0001   # advisory lock key: one migration of a server at a time


def _upgrade_server(engine: Engine, rev: str | None, head: str) -> None:
    cfg = _config()
    with engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            rev = MigrationContext.configure(conn).get_current_revision()   # another program may have done it
            if rev == head:
                return
            if rev is not None:
                owner = conn.exec_driver_sql(
                    "SELECT pg_has_role(session_user, tableowner, 'USAGE') FROM pg_tables "
                    "WHERE tablename = 'alembic_version' AND schemaname = current_schema()").scalar()
                if not owner:
                    raise StoreError(
                        "needs_admin",
                        f"The server's data is at schema {rev} and this program needs {head}: the office's "
                        "administrator must open it once with the administrator's account to upgrade it.",
                        f"服务器数据结构版本为 {rev}，本程序需要 {head}：请由本单位管理员用管理员账号打开一次以完成升级。")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def check_not_newer(engine: Engine) -> None:
    rev = current_revision(engine)
    if rev is not None and rev not in known_revisions():
        raise StoreError(
            "newer_schema",
            f"This database was written by a newer version of the program (schema {rev}); "
            "it has not been touched. Please upgrade sanxiang-desktop.",
            f"该数据库由更新版本的程序创建（数据结构版本 {rev}），未作任何改动。请升级本程序后再打开。")


def upgrade(engine: Engine, db_path: Path | None, *, backup_dir: Path | None = None) -> Path | None:
    """Bring the file to the head revision. Returns the backup made, if any."""
    check_not_newer(engine)
    rev = current_revision(engine)
    head = head_revision()
    if rev == head:
        return None
    if engine.dialect.name == "postgresql":
        _upgrade_server(engine, rev, head)
        return None
    backup = None
    if rev is not None and db_path is not None:
        stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
        folder = backup_dir or db_path.parent
        backup = folder / f"{db_path.stem}.before-{head}.{stamp}.db"
        backup_file(engine, backup)
    cfg = _config()
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise StoreError(
                        "migration_fk",
                        f"Migration to {head} broke {len(bad)} references; nothing was changed.",
                        f"升级数据结构到 {head} 时发现 {len(bad)} 处引用错误，已撤销，数据未改动。")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()
    return backup


def schema_version(engine: Engine) -> str | None:
    return current_revision(engine)


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
