"""The open database plus who is working and the clock: every service takes one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from ..core import clock
from ..core.hlc import HybridClock
from ..store.database import Database
from .audit import audit_entry
from .result import Changes, Invalid, Result


def utc_now() -> dt.datetime:
    """Returns now in UTC, from the program's one clock (core.clock; tests move it with clock.use_source)."""
    return clock.utc_now()


@dataclass
class Workspace:
    db: Database
    home_unit: str
    actor: str = ""
    now: Callable[[], dt.datetime] = utc_now
    clock: HybridClock = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.clock is None:
            last = self.db.get_meta("hlc_last")
            now_ms = clock.now_ms if self.now is utc_now else (lambda: int(self.now().timestamp() * 1000))
            self.clock = HybridClock(now_ms, last)

    @classmethod
    def open(cls, db: Database, actor: str | None = None, **kw) -> "Workspace":
        """The workspace of whoever is working. On a server (issue 13) the unit is the one of the
        clerk's PostgreSQL role (a hosted township's clerk works as that township) and the actor
        in the audit log is the role, which the server vouches for, not a typed-in name."""
        home = db.work_unit() if db.is_server else db.home_unit
        if not home:
            raise ValueError("database has no home unit; run init first")
        if db.is_server:
            actor = f"{actor}@{db.role}" if actor else db.role
        elif actor is None:
            actor = db.get_meta("clerk") or ""
        return cls(db=db, home_unit=home, actor=actor, **kw)

    def today(self) -> dt.date:
        """The clerk's "today": the office-local date (core.clock.office_timezone) of self.now()."""
        return clock.to_local(self.now()).date()

    def timestamp(self) -> str:
        """A UTC storage stamp (core.clock.utc_stamp format) of self.now()."""
        return clock.utc_stamp(self.now())

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.db.session() as s:
            yield s

    def run(self, action: str, fn: Callable[[Session], Result]) -> Result:
        """One user action = one transaction = one audit entry.

        fn does the work inside the transaction and returns the Result; raising
        Invalid rolls everything back and turns into a failed Result."""
        try:
            with self.db.session() as s, s.begin():
                if self.db.is_server:
                    # Several clerks' programs stamp records on one server: each first moves its
                    # clock past the newest stamp any of them saved (issue 13).
                    seen = self.db.get_meta("hlc_last")
                    if seen:
                        self.clock.observe(seen)
                result = fn(s)
                result.action = action
                audit_entry(s, action, result.label, result.changes, actor=self.actor, at=self.timestamp())
                self.db.set_meta("hlc_last", self.clock.last, session=s)
            return result
        except Invalid as exc:
            return Result(ok=False, action=action, problems=exc.problems, duplicates=exc.duplicates,
                          current=exc.current)


def changes_of(table: str, *ids: str) -> Changes:
    """Returns the Changes of `table` with the given ids (empty ids left out)."""
    return Changes(frozenset({table}), frozenset(i for i in ids if i))
