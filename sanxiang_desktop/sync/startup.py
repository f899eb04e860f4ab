"""What a start (the window or a writing command) checks once the database is open (issue 8).

- finish or discard package files a crash left (sync.publish.recover);
- this PC's clock clearly behind the newest stamp the database holds (:func:`own_clock_warning`);
- a database too large for the full integrity_check at opening (store.database.FOREGROUND_CHECK_BYTES)
  is checked after start-up, off the GUI thread: :func:`background_check`.
Qt-free: the window runs these on its database worker and shows the messages. The package code
(sync.publish and what it imports) loads only when a crash left something to finish.
"""
from __future__ import annotations

from sqlalchemy.exc import OperationalError

from ..store.database import FOREGROUND_CHECK_BYTES, Database, Interrupted, Interrupter, quick_check
from .intents import pending_intents


def at_start(db: Database) -> list[tuple[str, str]]:
    """Returns (English, Chinese) messages for the clerk; [] when all is well. Never raises for a
    read-only or locked file (the recovery is then left for the next start)."""
    notes: list[tuple[str, str]] = []
    try:
        intents = pending_intents(db)
        done = {"published": 0, "discarded": 0}
        if intents:
            from .publish import recover_intents
            done = recover_intents(db, intents)
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


def background_check(db: Database, interrupter: Interrupter | None = None) -> list[str] | None:
    """Returns the full integrity_check ([] when clean); for the worker after start-up. None when
    `interrupter` stopped it: the program quit or closed the file first (a national hub's check takes
    about 50 s, and a worker still inside it when the program ends would abort the process)."""
    try:
        return quick_check(db.engine, full=True, interrupter=interrupter)
    except Interrupted:
        return None


def own_clock_warning(db: Database) -> tuple[str, str] | None:
    """Returns (English, Chinese) when this PC's clock is clearly wrong: behind the newest stamp this
    installation has made or adopted (meta 'hlc_last') by more than core.hlc.MAX_SKEW_MS. What the
    clock adopts from packages is limited to that skew, so a right clock never sees this. None if fine."""
    from ..core.hlc import MAX_SKEW_MS, ahead_ms
    last = db.get_meta("hlc_last")
    if not last:
        return None
    gap = ahead_ms(last)
    if gap <= MAX_SKEW_MS:
        return None
    days = round(gap / (24 * 3600 * 1000))
    return (f"this computer's clock is about {days} day(s) behind the newest time stamp in this database; "
            "correct the computer's date and time before entering or exchanging data",
            f"本机时钟比数据库中最新的时间戳慢约 {days} 天，请先校正电脑的日期和时间，再录入或交换数据")
