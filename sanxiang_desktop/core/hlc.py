"""Hybrid logical clock stamps.

A stamp orders edits made on different PCs whose wall clocks disagree: it never
goes backwards on one installation and always moves past every stamp it has seen.
Format: "<13-digit ms>.<5-digit counter>" (older releases accept exactly this).

Stamps are compared as NUMBERS (:func:`stamp_key`), never as text. When the counter
would pass 99999 it carries into the millisecond part, so the format never changes
and the clock never stops: a PC whose stamp was pushed years ahead by a fast clock
elsewhere keeps making valid, ever-larger stamps (issue 8).

What a clock adopts from a received stamp is limited (:data:`MAX_SKEW_MS` ahead of
its own wall clock): a received stamp itself is never rewritten - every level must
pick the same winner - but one far in the future does not drag this installation
into that future. The conflict rule that uses these stamps is sync.apply.beats (the only
one; CONTRIBUTING.md).
"""
from __future__ import annotations

import threading
from typing import Callable

from . import clock as _clock

COUNTER_LIMIT = 100_000            # 5 digits: 00000 … 99999
MAX_SKEW_MS = 24 * 3600 * 1000     # one day: a stamp further ahead than this is a wrong clock somewhere
_MS_LIMIT = 10 ** 13


def format_stamp(ms: int, counter: int) -> str:
    """The stamp text for (ms since the epoch, counter 0…99999). Raises ValueError outside those."""
    if not (0 <= counter < COUNTER_LIMIT and 0 <= ms < _MS_LIMIT):
        raise ValueError("clock stamp out of range")
    return f"{ms:013d}.{counter:05d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    """(ms, counter) of a stamp; "" is (0, 0)."""
    ms, _, counter = (stamp or "").partition(".")
    return int(ms or 0), int(counter or 0)


def stamp_key(stamp: str) -> tuple[int, int]:
    """The sort key of a stamp: compare stamps with this, never as strings."""
    return parse_stamp(stamp)


def later(a: str, b: str) -> bool:
    """True when stamp a is strictly later than stamp b."""
    return stamp_key(a) > stamp_key(b)


def newest(stamps) -> str:
    """The latest of some stamps ("" for none)."""
    best = ""
    for s in stamps:
        if s and (not best or later(s, best)):
            best = s
    return best


def _advance(ms: int, counter: int) -> tuple[int, int]:
    """The next stamp after (ms, counter): the counter carries into the ms part at its limit."""
    counter += 1
    if counter >= COUNTER_LIMIT:
        return ms + 1, 0
    return ms, counter


def ahead_ms(stamp: str, wall_ms: int | None = None) -> int:
    """How far (ms) a stamp lies ahead of this PC's clock (negative: behind)."""
    wall = _clock.now_ms() if wall_ms is None else wall_ms
    return parse_stamp(stamp)[0] - wall


class HybridClock:
    """One installation's clock. now_ms: the wall clock (default core.clock.now_ms, so tests move it
    with clock.use_source); last: the last stamp issued or seen (meta 'hlc_last')."""

    def __init__(self, now_ms: Callable[[], int] | None = None, last: str | None = None):
        self._now = now_ms or _clock.now_ms
        self._lock = threading.Lock()
        self._ms, self._counter = parse_stamp(last) if last else (0, 0)

    def tick(self) -> str:
        """A new stamp for a local edit, later than every stamp issued or adopted before."""
        with self._lock:
            wall = self._now()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._ms, self._counter = _advance(self._ms, self._counter)
            return format_stamp(self._ms, self._counter)

    def observe(self, stamp: str, *, limit: bool = True) -> None:
        """Move past a stamp received from elsewhere (an imported record), but with limit=True never
        further than MAX_SKEW_MS ahead of this PC's wall clock."""
        ms, counter = parse_stamp(stamp)
        with self._lock:
            if limit:
                cap = self._now() + MAX_SKEW_MS
                if ms > cap:
                    ms, counter = cap, 0
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    @property
    def last(self) -> str:
        return format_stamp(self._ms, self._counter)
