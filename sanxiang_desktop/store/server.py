"""The same database on a PostgreSQL server (issue 13): shared offices and hubs.

One program, two backends: the models, services, sync and migrations are the same;
what differs lives here - connecting (psycopg 3, no password through the program:
libpq reads PGPASSFILE / ~/.pgpass or a service file, and honours sslmode), the
change-log and change-notification triggers in PL/pgSQL, the integrity checks and
the backup (pg_dump, custom format).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from .errors import StoreError

APPLICATION_NAME = "sanxiang-desktop"
NOTIFY_CHANNEL = "sx_changes"   # payload: the table name; one notification per table and transaction


def display_url(url: str) -> str:
    """The address without anything secret (there is no password in it; host and db only)."""
    u = make_url(url)
    host = u.host or u.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    user = f"{u.username}@" if u.username else ""
    return f"postgresql+psycopg://{user}{host}{':' + str(u.port) if u.port else ''}/{u.database or ''}"


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0][:300]


def make_server_engine(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True,
                         connect_args={"application_name": APPLICATION_NAME, "connect_timeout": 10})


# What may pass from the URL to libpq (a password never does: PGPASSFILE / service files hold it).
LIBPQ_KEYS = {"host", "hostaddr", "port", "dbname", "user", "service", "passfile", "sslmode", "sslrootcert",
              "sslcert", "sslkey", "sslcrl", "options", "target_session_attrs", "gssencmode", "krbsrvname"}


def conninfo(engine: Engine) -> str:
    """The libpq connection string of engine (for pg_dump, LISTEN connections): no password in it."""
    from psycopg.conninfo import make_conninfo
    _args, kwargs = engine.dialect.create_connect_args(engine.url)
    kwargs = {k: v for k, v in kwargs.items() if v is not None and k in LIBPQ_KEYS}
    return make_conninfo("", **{k: str(v) for k, v in kwargs.items()})


def unreachable(url: str, exc: BaseException) -> StoreError:
    why = _first_line(exc)
    where = display_url(url)
    return StoreError("server_unreachable",
                      f"Cannot connect to the database server {where}: {why}",
                      f"无法连接数据库服务器 {where}：{why}（请检查网络、账号，以及密码文件 PGPASSFILE 或服务文件）")


# -- change log and notifications: the PostgreSQL counterparts of the SQLite triggers -------------------------
CHANGE_FUNCTION_SQL = [
    # SECURITY DEFINER: clerks' roles write the change log through the trigger only, never directly.
    """CREATE OR REPLACE FUNCTION sx_log_change() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         INSERT INTO sync_changes (table_name, record_id) VALUES (TG_TABLE_NAME, NEW.id)
         ON CONFLICT (table_name, record_id)
         DO UPDATE SET change_seq = nextval(pg_get_serial_sequence('sync_changes', 'change_seq'));
         RETURN NULL;
       END $$""",
    # The change log, statement level (revision 0010): the rows a statement inserted or updated come
    # as one transition table and go into the log in one INSERT … SELECT, so an import's upsert of
    # two thousand rows costs one trigger call, not two thousand (store.pg_bulk). Same rule as the
    # row-level sx_log_change above and the SQLite triggers: a record's entry takes the next number.
    """CREATE OR REPLACE FUNCTION sx_log_changes() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path FROM CURRENT AS $$
       BEGIN
         INSERT INTO sync_changes (table_name, record_id) SELECT TG_TABLE_NAME, id FROM new_rows
         ON CONFLICT (table_name, record_id)
         DO UPDATE SET change_seq = nextval(pg_get_serial_sequence('sync_changes', 'change_seq'));
         RETURN NULL;
       END $$""",
    # Statement level, payload = table: PostgreSQL folds identical notifications of one
    # transaction into one, so a bulk import sends one per table, not one per row.
    f"""CREATE OR REPLACE FUNCTION sx_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('{NOTIFY_CHANNEL}', TG_TABLE_NAME);
         RETURN NULL;
       END $$""",
]


def drop_schema(engine: Engine) -> None:
    """Undo a failed `init`/`demo` on an empty server database: our tables and functions go."""
    from .base import Base
    from . import models, sync_models  # noqa: F401  (register the tables)
    with engine.begin() as conn:
        Base.metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS sx_log_change() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS sx_log_changes() CASCADE")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS sx_notify_change() CASCADE")


# -- check ------------------------------------------------------------------------------------------------------
def server_integrity_problems(engine: Engine, record_tables: list[str]) -> list[str]:
    """What PostgreSQL can say is wrong: constraints not validated, invalid indexes, missing
    change-log triggers (foreign keys themselves are always enforced by the server)."""
    problems: list[str] = []
    with engine.connect() as conn:
        for (name, table) in conn.exec_driver_sql(
                "SELECT c.conname, c.conrelid::regclass::text FROM pg_constraint c "
                "JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE n.nspname = current_schema() AND NOT c.convalidated"):
            problems.append(f"constraint not validated: {table}.{name}")
        for (name,) in conn.exec_driver_sql(
                "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND (NOT i.indisvalid OR NOT i.indisready)"):
            problems.append(f"index invalid: {name}")
        have = {r[0] for r in conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'")}
        for table in record_tables:    # one for inserts, one for updates (store.sync_models.change_trigger_sql)
            if not {f"trg_{table}_sync", f"trg_{table}_sync_upd"} <= have:
                problems.append(f"change-log trigger missing or disabled: {table}")
    return problems


# -- backup -----------------------------------------------------------------------------------------------------
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin/pg_dump"   # Debian keeps the versioned programs here


def pg_dump_program() -> str | None:
    import glob
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(glob.glob(PG_BIN_GLOB), reverse=True)
    return candidates[0] if candidates else None


def server_backup(engine: Engine, out: Path) -> Path:
    """pg_dump in custom format (restore with pg_restore) into out, atomically.

    Raises StoreError("no_pg_dump") when the PostgreSQL client programs are missing,
    StoreError("backup_failed") with pg_dump's first message otherwise."""
    program = pg_dump_program()
    if program is None:
        raise StoreError("no_pg_dump", "pg_dump is not installed on this computer: install the PostgreSQL client "
                         "programs (Debian: postgresql-client) or back up on the server itself",
                         "本机未安装 pg_dump：请安装 PostgreSQL 客户端程序（Debian：postgresql-client），"
                         "或在服务器上备份")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    # The connection string goes through the environment of pg_dump only; there is no password in it.
    env = dict(os.environ, PGAPPNAME=APPLICATION_NAME)
    done = subprocess.run([program, "--format=custom", "--no-owner", "--file", str(tmp),
                           "--dbname", conninfo(engine)], capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        why = (done.stderr.strip().splitlines() or ["?"])[0][:300]
        raise StoreError("backup_failed", f"pg_dump failed: {why}", f"pg_dump 备份失败：{why}")
    os.replace(tmp, out)
    return out
