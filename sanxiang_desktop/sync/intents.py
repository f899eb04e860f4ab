"""The publish intents a crash can leave (sync/publish.py): meta rows ``publish:<package id>`` whose
value names the folder. Read here, without the package code, so that a start with nothing to
recover (the usual case) does not load it (sync/startup.py)."""
from __future__ import annotations

from sqlalchemy import select

from ..store.database import Database
from ..store.models import Meta

INTENT = "publish:"


def pending_intents(db: Database) -> list[tuple[str, str]]:
    """Returns [(package id, meta value JSON with the folder)] of packages being published; [] when none."""
    with db.session() as s:
        return [(r.key[len(INTENT):], r.value) for r in s.scalars(select(Meta).where(Meta.key.like(INTENT + "%")))]
