"""Hybrid logical clock stamps.

A stamp orders edits made on different PCs whose wall clocks disagree: it never
goes backwards on one installation and always moves past every stamp it has seen.
Format: "<13-digit ms>.<5-digit counter>"; plain string comparison is the order.
The conflict rule that uses these stamps is sync.apply.beats (the only one; CONTRIBUTING.md).
"""
from __future__ import annotations

import threading
from typing import Callable

from . import clock


def format_stamp(ms: int, counter: int) -> str:
    return f"{ms:013d}.{counter:05d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    ms, _, counter = stamp.partition(".")
    return int(ms), int(counter or 0)


class HybridClock:
    def __init__(self, now_ms: Callable[[], int] | None = None, last: str | None = None):
        self._now = now_ms or clock.now_ms
        self._lock = threading.Lock()
        self._ms, self._counter = parse_stamp(last) if last else (0, 0)

    def tick(self) -> str:
        """A new stamp for a local edit."""
        with self._lock:
            wall = self._now()
            if wall > self._ms:
                self._ms, self._counter = wall, 0
            else:
                self._counter += 1
            return format_stamp(self._ms, self._counter)

    def observe(self, stamp: str) -> None:
        """Move past a stamp received from elsewhere (an imported record)."""
        ms, counter = parse_stamp(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    @property
    def last(self) -> str:
        return format_stamp(self._ms, self._counter)
