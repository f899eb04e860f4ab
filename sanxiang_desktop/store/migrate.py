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

import functools
import importlib.resources
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, exc, inspect, text

from ..core import clock
from .backup import backup_file
from .errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)


def _config() -> Config:
    # Alembic (0.4 s of imports) loads only when a migration is due or asked about.
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", "sanxiang_desktop.store:migrations")
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory
    return {r.revision for r in ScriptDirectory.from_config(_config()).walk_revisions()}


@functools.lru_cache(maxsize=1)
def shipped_head() -> str | None:
    """The head revision read from the shipped revision files without Alembic: revisions are
    numbered ("0003"), so the head is the highest one. None when the files cannot be read (a
    bundle without sources): then Alembic decides. tests/unit/test_migrations.py checks it
    against Alembic's own head."""
    try:
        folder = importlib.resources.files("sanxiang_desktop.store.migrations") / "versions"
        found = [m.group(1) for f in folder.iterdir() if f.name.endswith(".py")
                 for m in [_REVISION.search(f.read_text(encoding="utf-8"))] if m]
    except (OSError, UnicodeDecodeError):
        return None
    return max(found) if found else None


def stored_revision(engine: Engine) -> str | None:
    """The database's revision by a plain query (no Alembic); None for a new or pre-Alembic file."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except exc.DatabaseError:
            return None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


MIGRATION_LOCK = 13_0001   # advisory lock key: one migration of a server at a time


def _upgrade_server(engine: Engine, rev: str | None, head: str) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
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
    head = shipped_head()
    if head is not None and stored_revision(engine) == head:
        return None                     # the usual start: nothing due, Alembic never loaded
    from alembic import command
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
