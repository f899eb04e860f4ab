"""Time-ordered record identifiers (UUID version 7, RFC 9562).

Records are created on many offline PCs and merged upward, so ids must be unique
without coordination; time ordering keeps SQLite's primary-key index append-mostly.
"""
from __future__ import annotations

import os
import threading
import uuid

from . import clock

_lock = threading.Lock()
_last_ms = 0
_seq = 0

NAMESPACE = uuid.UUID("6f1d6a6e-3b1c-4b8e-9a53-5a6e8f2d0c41")


def new_id(now_ms: int | None = None) -> str:
    """A UUIDv7 string; monotonic within this process even inside one millisecond."""
    global _last_ms, _seq
    with _lock:
        ms = clock.now_ms() if now_ms is None else now_ms
        if ms <= _last_ms:
            _seq += 1
            if _seq >= 1 << 12:  # 12-bit counter exhausted: borrow the next millisecond
                _last_ms += 1
                _seq = 0
            ms = _last_ms
        else:
            _last_ms, _seq = ms, int.from_bytes(os.urandom(2), "big") & 0x3FF
        rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= _seq << 64
    value |= 0b10 << 62
    value |= rand
    return str(uuid.UUID(int=value))


def stable_id(kind: str, key: str) -> str:
    """A deterministic id for records every installation creates identically
    (built-in units of the division tree), so copies from two routes coincide."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))
