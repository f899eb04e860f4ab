"""Opening the local SQLite file safely.

WAL with synchronous=FULL (a power cut never loses a committed save), foreign keys
on, a busy timeout, quick_check at start-up, and migrations to the current schema.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, SessionTransactionOrigin, sessionmaker

from .errors import StoreError
from .location import UnservedTarget, classify_db_target, unsafe_location
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
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    migration_backup: Path | None = None
    _meta_cache: dict[str, str] = field(default_factory=dict)

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


def quick_check(engine: Engine, *, full: bool = False) -> list[str]:
    """SQLite's own check: [] when clean, else its first complaints. full=True: integrity_check."""
    pragma = "integrity_check(20)" if full else "quick_check"
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()]
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
    """Open (or with create=True, create) the database file and bring its schema up to date."""
    if not str(path).strip():
        raise StoreError("bad_path", "No database file was given.", "未指定数据库文件。")
    try:
        classify_db_target(str(path))
    except UnservedTarget as err:
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
