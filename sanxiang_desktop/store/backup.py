"""Online backups through SQLite's backup API (consistent while the file is in use)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine


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
        finally:
            dst.close()
    finally:
        raw.close()
    os.replace(tmp, out)
    return out


def prune_backups(folder: Path, pattern: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` files matching pattern; returns what was removed."""
    files = sorted(Path(folder).glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = files[keep:] if keep >= 0 else []
    for p in removed:
        p.unlink(missing_ok=True)
    return removed
