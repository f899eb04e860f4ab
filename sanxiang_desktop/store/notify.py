"""Hearing about other clerks' saves on a server (issue 13): LISTEN/NOTIFY.

Every record table has a statement-level trigger that sends `pg_notify('sx_changes',
<table>)`; PostgreSQL folds identical notifications of one transaction into one, so an
import of 10,000 people is one message, not 10,000. A ChangeListener holds one extra
connection that LISTENs; the GUI watches its socket (`fileno()`, with a QSocketNotifier)
and calls `take()` when it becomes readable - no table is ever polled. Qt-free.
"""
from __future__ import annotations

from .server import NOTIFY_CHANNEL, conninfo


class ChangeListener:
    """One LISTEN connection. take() -> set of table names changed by committed transactions
    of other connections since the last call (never blocks)."""

    def __init__(self, db) -> None:
        import psycopg
        if not db.is_server:
            raise ValueError("change notifications need a server database")
        self._conn = psycopg.connect(conninfo(db.engine), autocommit=True,
                                     application_name="sanxiang-desktop listener")
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def fileno(self) -> int:
        return self._conn.pgconn.socket

    def take(self) -> set[str]:
        tables: set[str] = set()
        if self._conn.closed:
            return tables
        # timeout=0: hand over what has arrived, then return at once.
        for note in self._conn.notifies(timeout=0):
            if note.channel == NOTIFY_CHANNEL:
                tables.add(note.payload)
        return tables

    def wait(self, timeout: float) -> set[str]:
        """Block up to timeout seconds for the first notification (workers and tests)."""
        tables: set[str] = set()
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            tables.add(note.payload)
        return tables | self.take()

    def close(self) -> None:
        self._conn.close()
