"""Exit codes, error reporting and opening the --db file, shared by every command (ARCHITECTURE.md contract).

The commands modules import this one and never each other."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..store.errors import StoreError
from ..store.location import is_server_target

if TYPE_CHECKING:   # the store (SQLAlchemy) loads when a database is opened, not for `--help`
    from ..store.database import Database

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
    from ..store.database import open_database
    try:
        db = open_database(path)          # a file path or a server URL: not through Path (it eats "//")
    except StoreError as err:
        raise fail(err.message_en, err.message_zh) from None
    if not db.home_unit:
        db.close()
        raise fail(f"{path} has no home unit; run 'init' first", f"{path} 尚未设置本单位，请先运行 init")
    from ..sync.startup import own_clock_warning
    warning = own_clock_warning(db)
    if warning:
        print(f"warning: {warning[0]}\n警告：{warning[1]}", file=sys.stderr)
    return db


def new_database(path: str) -> Database:
    """A new, empty database file at `path` (or the schema in an empty server database); CliError when
    the file exists, the server database holds data already, or it cannot be made."""
    from ..store.database import open_database
    if not path.strip():
        raise fail("no database file was given (--db)", "未指定数据库文件（--db）")
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
    try:
        taken = p.exists() and p.stat().st_size > 0
    except OSError:
        taken = False   # open_database names what the system refuses about the path
    if taken:
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


# ------------------------------------------------------------------ numbers on the command line
def year_arg(text: str) -> int:
    """--year: a calendar year this program can hold (1949-2100)."""
    import argparse
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 1949 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"year out of range (1949-2100): {value}")
    return value


def bounded_float(low: float, high: float):
    """An argparse type: a finite number in [low, high] (no nan, no inf)."""
    import argparse
    import math

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"out of range ({low:g}-{high:g}): {text}")
        return value
    return parse


def bounded_int(low: int, high: int):
    import argparse

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"out of range ({low}-{high}): {value}")
        return value
    return parse


# ------------------------------------------------------------------ the environment, not a bug
def environment_error(exc: BaseException) -> CliError | None:
    """A locked, read-only or full disk, or a name too long: bad input (exit 2), not a bug.
    Transactions roll back and package files are published only after the commit, so the
    database and the outbox are as they were. None when exc is something else."""
    import errno
    import sqlite3
    from sqlalchemy.exc import OperationalError
    if isinstance(exc, OperationalError):
        exc = exc.orig if exc.orig is not None else exc
    if isinstance(exc, sqlite3.OperationalError) or type(exc).__name__ == "OperationalError":
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return CliError("the database is in use by another program (or the program's window is saving); "
                            "nothing was changed - try again when it is done",
                            "数据库正被其他程序（或本程序窗口）使用，未作任何更改，请稍后重试")
        if "readonly" in text or "read-only" in text:
            return CliError("the database file is read-only; nothing was changed",
                            "数据库文件为只读，未作任何更改")
        if "full" in text:
            return CliError("the disk is full; nothing was changed - free some space and try again",
                            "磁盘已满，未作任何更改，请清理磁盘空间后重试")
        if "i/o" in text or "unable to open" in text:
            return CliError(f"the database file cannot be read or written ({text}); nothing was changed",
                            f"无法读写数据库文件（{text}），未作任何更改")
        return None
    if isinstance(exc, OSError):
        name = f" ({exc.filename})" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return CliError(f"the disk is full{name}; nothing was changed", f"磁盘已满{name}，未作任何更改")
        if exc.errno == errno.ENAMETOOLONG:
            return CliError("a file name is too long; choose a shorter one", "文件名过长，请使用较短的文件名")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return CliError(f"a file or folder is read-only or not permitted{name}; nothing was changed",
                            f"文件或文件夹为只读或无权限{name}，未作任何更改")
        return CliError(f"cannot read or write a file{name}: {exc.strerror}; nothing was changed",
                        f"无法读写文件{name}：{exc.strerror}，未作任何更改")
    return None
