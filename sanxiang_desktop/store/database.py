"""Opening the database safely: a local SQLite file, or a PostgreSQL server (issue 13).

SQLite: WAL with synchronous=FULL (a power cut never loses a committed save), foreign
keys on, a busy timeout, quick_check at start-up, and migrations to the current schema.
PostgreSQL: the same models and migrations through psycopg 3; no password ever passes
through the program (libpq's password/service files do that); see store/server.py.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransactionOrigin, sessionmaker

from .errors import StoreError
from .location import TargetError, classify_db_target, server_url, unsafe_location
from .models import Meta
from . import keystore, migrate

BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_conn, _record) -> None:
    # pysqlite's implicit transactions are switched off so SQLAlchemy's BEGIN is the only one.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _on_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _immediate_for_writes(session, transaction, connection) -> None:
    """`with session.begin():` is how this program writes: make that BEGIN IMMEDIATE (SQLite only).

    A deferred BEGIN that reads and then writes cannot wait for another writer (SQLite answers
    "database is locked" at once, busy timeout or not); BEGIN IMMEDIATE takes the write lock first
    and waits up to BUSY_TIMEOUT_MS for it. Nothing has run yet in the deferred transaction the
    engine began, so ending it and beginning again loses nothing. Reads (autobegin) stay deferred."""
    if getattr(transaction, "origin", None) is SessionTransactionOrigin.BEGIN and transaction.parent is None:
        connection.exec_driver_sql("ROLLBACK")
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessions(engine: Engine) -> sessionmaker[Session]:
    sessions = sessionmaker(engine, expire_on_commit=False)
    if engine.dialect.name == "sqlite":
        event.listen(sessions, "after_begin", _immediate_for_writes)
    return sessions


def make_engine(path: Path) -> Engine:
    """The engine for one SQLite file. The URL is built from parts, never from text: a folder
    such as ``科协%20资料`` or ``a#b?c`` is the file name the operating system has, not a URL
    to unescape (issue 9)."""
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@dataclass
class Database:
    path: Path | None                    # the SQLite file; None on a server
    engine: Engine
    sessions: sessionmaker[Session]
    migration_backup: Path | None = None
    _meta_cache: dict[str, str] = field(default_factory=dict)
    url: str | None = None               # the server's URL (never with a password); None for a file

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def target(self) -> str:
        """What to show the clerk: the file path or the server address."""
        return self.url if self.url is not None else str(self.path)

    @property
    def role(self) -> str:
        """The PostgreSQL role this program logged in as ("" for a file)."""
        if not self.is_server:
            return ""
        if "role" not in self._meta_cache:
            with self.engine.connect() as conn:
                self._meta_cache["role"] = conn.exec_driver_sql("SELECT session_user").scalar() or ""
        return self._meta_cache["role"]

    def is_admin(self) -> bool:
        """On a server: whether this role owns the schema (migrates, runs server-setup). True for a file."""
        if not self.is_server:
            return True
        with self.engine.connect() as conn:
            return bool(conn.exec_driver_sql(
                "SELECT pg_has_role(session_user, tableowner, 'USAGE') FROM pg_tables "
                "WHERE tablename = 'alembic_version' AND schemaname = current_schema()").scalar())

    def work_unit(self) -> str | None:
        """The unit this login works for: the home unit, or on a server the unit of the clerk's
        role (sx_unit_<code>, made by server-setup) when the role is not the administrator's."""
        home = self.home_unit
        if not self.is_server or self.is_admin():
            return home
        from .server_setup import role_units
        units = role_units(self.engine)
        return home if (home in units or not units) else units[0]

    def lock(self, session: Session, key: str) -> None:
        """Serialise writers of one thing (e.g. one package id) until the transaction ends.

        PostgreSQL: a transaction-level advisory lock. SQLite: nothing to do, it has one
        writer at a time already."""
        if self.is_server:
            session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 13))"), {"k": key})

    def session(self) -> Session:
        return self.sessions()

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        with self.session() as s:
            row = s.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        def put(s: Session) -> None:
            row = s.get(Meta, key)
            if row:
                row.value = value
            else:
                s.add(Meta(key=key, value=value))
        if session is not None:
            put(session)
            return
        with self.session() as s, s.begin():
            put(s)

    def all_meta(self) -> dict[str, str]:
        with self.session() as s:
            return {m.key: m.value for m in s.scalars(select(Meta))}

    @property
    def home_unit(self) -> str | None:
        return self.get_meta("home_unit")

    def close(self) -> None:
        self.engine.dispose()


# Up to this size the FULL integrity_check (which also finds stale indexes, unlike quick_check) runs
# at start-up, in well under a second; larger files get quick_check here and the full check before
# every export and receipt (sync/publish.py).
FOREGROUND_CHECK_BYTES = 256 * 1024 * 1024


class Interrupter:
    """Stops a long SQLite statement (the full integrity check of a large file, about 50 s for a national
    hub's 3.7 GB) from another thread: :meth:`interrupt` ends the statement running under :meth:`attached`
    at once (sqlite3_interrupt, which SQLite allows from any thread), and one that would start after it
    does not run. Thread-safe; one Interrupter serves one job."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn = None
        self.interrupted = False
        self.started = threading.Event()    # set once a statement runs under attached()

    @contextmanager
    def attached(self, dbapi_conn):
        """While the block runs, interrupt() interrupts `dbapi_conn` (a sqlite3.Connection).
        Raises Interrupted at once when interrupt() came first."""
        with self._lock:
            if self.interrupted:
                raise Interrupted()
            self._conn = dbapi_conn
        self.started.set()
        try:
            yield
        finally:
            with self._lock:
                self._conn = None

    def interrupt(self) -> None:
        """Interrupt the attached statement now, or the next one before it starts. Returns at once."""
        with self._lock:
            self.interrupted = True
            if self._conn is None:
                return
        # sqlite3_interrupt is a no-op while no statement runs yet (attached, not yet stepping): repeat
        # it until the job has left attached().
        threading.Thread(target=self._keep_interrupting, name="sqlite-interrupt", daemon=True).start()

    def _keep_interrupting(self) -> None:
        while True:
            with self._lock:
                if self._conn is None:
                    return
                self._conn.interrupt()
            time.sleep(0.01)


class Interrupted(Exception):
    """A statement run under an Interrupter was interrupted (the program is quitting)."""


def run_interruptible(engine: Engine, sql: str, interrupter: Interrupter | None) -> list[tuple]:
    """The rows of one plain SQL statement on a connection of `engine`, stoppable by `interrupter`.
    Raises Interrupted when interrupted (nothing is written: meant for reads and checks)."""
    with engine.connect() as conn:
        if interrupter is None:
            return conn.exec_driver_sql(sql).fetchall()
        with interrupter.attached(conn.connection.driver_connection):
            try:
                return conn.exec_driver_sql(sql).fetchall()
            except OperationalError:
                if interrupter.interrupted:
                    raise Interrupted() from None
                raise


def quick_check(engine: Engine, *, full: bool = False, interrupter: Interrupter | None = None) -> list[str]:
    """SQLite's own check: [] when clean, else its first complaints. full=True: integrity_check.
    Raises Interrupted when `interrupter` stops it (see Interrupter)."""
    pragma = "integrity_check(20)" if full else "quick_check"
    rows = [r[0] for r in run_interruptible(engine, f"PRAGMA {pragma}", interrupter)]
    return [] if rows == ["ok"] else rows


def _check_path(path: Path, *, create: bool, allow_unsafe_location: bool) -> None:
    if not path.exists() and not create:
        raise StoreError("missing", f"Database file not found: {path}",
                         f"找不到数据库文件：{path}")
    if path.exists() and path.is_dir():
        raise StoreError("is_dir", f"{path} is a folder, not a database file", f"{path} 是文件夹，不是数据库文件")
    if not allow_unsafe_location:
        why = unsafe_location(path)
        if why == "network":
            raise StoreError("network_share",
                             f"{path} is on a network share (also one opened in the file manager); "
                             "keep the database on this computer's own disk.",
                             f"数据库位于网络共享位置（{path}，包括在文件管理器中打开的网络位置），容易损坏。"
                             "请把数据库放在本机硬盘上。")
        if why == "removable":
            raise StoreError("removable",
                             f"{path} is on a removable drive; keep the database on this computer's own disk.",
                             f"数据库位于移动存储（U 盘等）上（{path}），拔出时容易损坏。请把数据库放在本机硬盘上。")
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    if not create and path.stat().st_size == 0:
        # never turn an empty file into a database by reading it (dump, stats, check ...)
        raise StoreError("not_sqlite", f"{path} is empty: it is not a database of this program",
                         f"{path} 是空文件，不是本程序的数据库")
    if path.exists() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise StoreError("not_sqlite", f"{path} is not a sanxiang-desktop database",
                                 f"{path} 不是本程序的数据库文件")


def open_database(path: str | Path, *, create: bool = False, allow_unsafe_location: bool = False) -> Database:
    """Open (or with create=True, create) the database and bring its schema up to date.

    path: a file path (SQLite) or a `postgresql+psycopg://user@host/db` URL (the server
    database must exist; create=True then makes the schema in it when it is empty).
    Raises StoreError with English and Chinese messages; never leaves a half-made schema."""
    if not str(path).strip():
        raise StoreError("bad_path", "No database file was given.", "未指定数据库文件。")
    try:
        kind, _text = classify_db_target(str(path))
        if kind == "url":
            return _open_server(server_url(str(path)), create=create)
    except TargetError as err:
        raise StoreError("url", err.message_en, err.message_zh) from None
    path = Path(path)
    try:
        _check_path(path, create=create, allow_unsafe_location=allow_unsafe_location)
    except OSError as exc:  # name too long, a component is a file, no permission, read-only ...
        reason = exc.strerror or str(exc)
        raise StoreError("bad_path", f"The system cannot use this path: {path} ({reason}). Nothing was written.",
                         f"系统无法使用该路径：{path}（{reason}），未写入任何内容。") from None
    engine = make_engine(path)
    try:
        size = path.stat().st_size if path.exists() else 0
        problems = quick_check(engine, full=size <= FOREGROUND_CHECK_BYTES)
        if problems:
            raise StoreError("corrupt",
                             f"The database failed its integrity check ({problems[0]}); restore a backup.",
                             f"数据库完整性检查未通过（{problems[0]}），请从备份恢复。")
        backup = migrate.upgrade(engine, path)
        try:
            keystore.move_out(engine)       # an existing installation's key leaves the file (keystore.py)
        except (OSError, OperationalError):
            pass                            # read-only file or key folder: moved at a later open, nothing lost
    except StoreError:
        engine.dispose()
        raise
    except Exception as exc:  # sqlite3.DatabaseError on garbage files
        engine.dispose()
        raise StoreError("unreadable", f"Cannot open {path}: {exc}", f"无法打开数据库 {path}：{exc}") from exc
    return Database(path=path, engine=engine, sessions=make_sessions(engine),
                    migration_backup=backup)


def _open_server(url: str, *, create: bool = False) -> Database:
    """Connect to the server database at url and bring its schema to the head revision (issue 13).

    create=False refuses a database without our schema (run init or demo first);
    create=True makes the schema in an empty database. A database at a newer
    schema is refused untouched; an older one is migrated only by its owner (the
    administrator's role). Raises StoreError."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError
    from .server import display_url, make_server_engine, unreachable
    engine = make_server_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        tables = set(inspect(engine).get_table_names())
        if not tables and not create:
            raise StoreError("missing", f"The server database {display_url(url)} holds no sanxiang-desktop data; "
                             "run init or demo with this --db first",
                             f"服务器数据库 {display_url(url)} 中还没有本程序的数据，请先用 init 或 demo 创建")
        if tables and "alembic_version" not in tables:
            raise StoreError("not_ours", f"The server database {display_url(url)} belongs to another program",
                             f"服务器数据库 {display_url(url)} 属于其他程序，不能使用")
        migrate.upgrade(engine, None)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise unreachable(url, exc) from None
    return Database(path=None, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), url=url)
