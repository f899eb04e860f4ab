"""Online backups through SQLite's backup API (consistent while the file is in use)."""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from ..core import clock
from .errors import StoreError


def backup_file(engine: Engine, out: Path) -> Path:
    """Copy the live database to out atomically (temp file, then rename)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    if tmp.exists():
        tmp.unlink()
    raw = engine.raw_connection()
    try:
        src: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            _no_private_keys(dst)
        finally:
            dst.close()
    finally:
        raw.close()
    os.replace(tmp, out)
    return out


def _no_private_keys(con: sqlite3.Connection) -> None:
    """A backup never carries a private key (store/keystore.py), not even one an older release left
    in the file that has not been moved out yet."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_own_keys'").fetchone():
        con.execute("PRAGMA secure_delete = ON")
        with con:
            con.execute("UPDATE sync_own_keys SET private_key = X'' WHERE length(private_key) > 0")


def prune_backups(folder: Path, pattern: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` files matching pattern; returns what was removed."""
    files = sorted(Path(folder).glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = files[keep:] if keep >= 0 else []
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


# -- the program's own backups: <data folder>/backups/<db stem>-<YYYYmmdd-HHMMSS>-<reason>[-n].db -------------
BACKUP_FOLDER = "backups"
REASONS = ("auto", "manual", "prerestore", "damaged")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime          # local time, from the file name (file times change when files are copied)
    reason: str                 # one of REASONS
    size: int


def _pattern(db_path: Path) -> re.Pattern:
    return re.compile(rf"^{re.escape(Path(db_path).stem)}-(\d{{8}}-\d{{6}})-({'|'.join(REASONS)})(?:-\d+)?\.db$")


def list_backups(folder: Path, db_path: Path) -> list[BackupInfo]:
    """The backups of db_path in folder, newest first."""
    folder, pattern = Path(folder), _pattern(db_path)
    found = []
    if folder.is_dir():
        for p in folder.iterdir():
            match = pattern.match(p.name)
            if match and p.is_file():
                found.append(BackupInfo(p, datetime.strptime(match.group(1), _STAMP), match.group(2),
                                        p.stat().st_size))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def _free_name(folder: Path, db_path: Path, reason: str, when: datetime) -> Path:
    base = f"{Path(db_path).stem}-{when.strftime(_STAMP)}-{reason}"
    out, n = folder / f"{base}.db", 1
    while out.exists():
        n += 1
        out = folder / f"{base}-{n}.db"
    return out


def _local_now() -> datetime:
    """The office's wall-clock time, naive: backup names and the once-a-day check are read by the clerk."""
    return clock.local_now().replace(tzinfo=None)


def make_backup(engine: Engine, db_path: Path, folder: Path, reason: str,
                when: datetime | None = None) -> BackupInfo:
    """An online backup of the open database into folder, named after the database and the time."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    when = (when or _local_now()).replace(microsecond=0)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = backup_file(engine, _free_name(folder, db_path, reason, when))
    return BackupInfo(out, when, reason, out.stat().st_size)


def prune_auto_backups(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; manual and pre-restore ones are the clerk's."""
    autos = [b for b in list_backups(folder, db_path) if b.reason == "auto"]
    removed = [b.path for b in autos[max(keep, 0):]]
    for p in removed:
        p.unlink(missing_ok=True)
    return removed


def backup_due(last: datetime | None, now: datetime | None = None, every: timedelta = timedelta(days=1)) -> bool:
    return last is None or (now or _local_now()) - last >= every


def backup_home_unit(path: Path) -> str | None:
    """Check that a backup file is a sound database of this program; its home unit's code.

    Raises StoreError (Chinese and English) when the file cannot be used to restore from."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise StoreError("not_sqlite", f"{path.name} is not a database backup",
                                 f"{path.name} 不是本程序的数据库备份文件")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise StoreError("corrupt", f"The backup {path.name} is damaged ({rows[0]})",
                                 f"备份文件 {path.name} 已损坏（{rows[0]}），请选择其他备份。")
            row = conn.execute("SELECT value FROM meta WHERE key = 'home_unit'").fetchone()
        finally:
            conn.close()
    except OSError as exc:
        raise StoreError("unreadable", f"Cannot read {path.name}: {exc}", f"无法读取备份文件 {path.name}：{exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError("unreadable", f"{path.name} is not a usable backup: {exc}",
                         f"{path.name} 不是可用的备份文件：{exc}") from exc
    return row[0] if row else None


def _remove_sidecars(db_path: Path) -> None:
    # A -wal left beside a replaced file would be replayed into it and corrupt it
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)


def restore_file(backup: Path, db_path: Path) -> None:
    """Replace the (closed) database file by a copy of backup, atomically."""
    db_path = Path(db_path)
    tmp = db_path.with_name(db_path.name + ".restore")
    shutil.copyfile(backup, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    _remove_sidecars(db_path)
    os.replace(tmp, db_path)


def set_aside(db_path: Path, folder: Path, when: datetime | None = None) -> Path:
    """Move a database that cannot be opened into the backups folder, out of the way of a restore."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = _free_name(folder, db_path, "damaged", (when or _local_now()).replace(microsecond=0))
    shutil.move(str(db_path), out)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            shutil.move(str(side), str(out) + suffix)
    return out
