"""What a start (the window or a writing command) checks once the database is open (issue 8).

- finish or discard package files a crash left (sync.publish.recover);
- this PC's clock clearly behind the newest stamp the database holds (sync.status.own_clock_warning);
- a database too large for the full integrity_check at opening (store.database.FOREGROUND_CHECK_BYTES)
  is checked after start-up, off the GUI thread: :func:`background_check`.
Qt-free: the window runs these on its database worker and shows the messages.
"""
from __future__ import annotations

from sqlalchemy.exc import OperationalError

from ..store.database import FOREGROUND_CHECK_BYTES, Database, quick_check
from .publish import recover
from .status import own_clock_warning


def at_start(db: Database) -> list[tuple[str, str]]:
    """Returns (English, Chinese) messages for the clerk; [] when all is well. Never raises for a
    read-only or locked file (the recovery is then left for the next start)."""
    notes: list[tuple[str, str]] = []
    try:
        done = recover(db)
    except (OperationalError, OSError):
        done = {"published": 0, "discarded": 0}
    if done["published"]:
        notes.append((f"{done['published']} package file(s) interrupted by a crash were completed",
                      f"已补全 {done['published']} 个因异常中断而未完成的数据包文件"))
    warning = own_clock_warning(db)
    if warning:
        notes.append(warning)
    return notes


def needs_background_check(db: Database) -> bool:
    """Returns True when opening ran only quick_check (the file is too large for the full check then)."""
    if db.is_server:
        return False                  # no file here: the server checks its own pages
    try:
        return db.path.stat().st_size > FOREGROUND_CHECK_BYTES
    except OSError:
        return False


def background_check(db: Database) -> list[str]:
    """Returns the full integrity_check ([] when clean); for the worker after start-up."""
    return quick_check(db.engine, full=True)
