"""Exit codes, error reporting and opening the --db file, shared by every command (ARCHITECTURE.md contract).

The commands modules import this one and never each other."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..store.database import Database, open_database
from ..store.errors import StoreError
from ..store.location import is_server_target

OK, BUG, REJECTED, NEEDS_CONFIRMATION = 0, 1, 2, 3


class CliError(Exception):
    """Bad input: printed in English and Chinese, exit 2 (or 3), no traceback."""

    def __init__(self, message_en: str, message_zh: str, code: int = REJECTED):
        super().__init__(message_en)
        self.message_en, self.message_zh, self.code = message_en, message_zh, code


def fail(message_en: str, message_zh: str, code: int = REJECTED) -> "CliError":
    return CliError(message_en, message_zh, code)


def print_error(err: CliError) -> None:
    print(f"error: {err.message_en}\n错误：{err.message_zh}", file=sys.stderr)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def open_existing(path: str) -> Database:
    """The database at `path`, which must exist and have a home unit; CliError (exit 2) otherwise."""
    try:
        db = open_database(path)          # a file path or a server URL: not through Path (it eats "//")
    except StoreError as err:
        raise fail(err.message_en, err.message_zh) from None
    if not db.home_unit:
        db.close()
        raise fail(f"{path} has no home unit; run 'init' first", f"{path} 尚未设置本单位，请先运行 init")
    return db


def new_database(path: str) -> Database:
    """A new, empty database file at `path` (or the schema in an empty server database); CliError when
    the file exists, the server database holds data already, or it cannot be made."""
    if is_server_target(path):
        try:
            db = open_database(path, create=True)
        except StoreError as err:
            raise fail(err.message_en, err.message_zh) from None
        if db.home_unit:
            db.close()
            raise fail("that server database already holds data; give an empty database",
                       "该服务器数据库中已有数据，请指定一个空数据库")
        return db
    p = Path(path)
    if p.exists() and p.stat().st_size > 0:
        raise fail(f"{path} already exists; choose a new file name", f"{path} 已存在，请另选文件名")
    try:
        return open_database(p, create=True)
    except StoreError as err:
        raise fail(err.message_en, err.message_zh) from None


def discard(db: Database) -> None:
    """A failed create leaves no half-made file (or server schema) behind."""
    if db.is_server:
        from ..store.server import drop_schema
        drop_schema(db.engine)
        db.close()
        return
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(db.path) + suffix).unlink(missing_ok=True)
