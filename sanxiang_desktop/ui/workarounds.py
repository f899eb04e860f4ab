"""Work-arounds for bugs in the Qt bindings we ship on (kept in one place, each with its reason)."""
from __future__ import annotations

import sys

_pinned = False


def pin_bools(count: int = 1_000_000) -> None:
    """PySide6 6.12 on Python < 3.12: Signal.disconnect() returns True (or False) without taking a
    reference to it, so each call drops that object's reference count by one (QObject.disconnect with
    a connection object does not). A few thousand calls make the interpreter abort with
    "Fatal Python error: bool_dealloc". References taken here are never given back, so the count
    cannot reach zero (3.12+ makes True and False immortal, and the bug harmless).
    Our own code never calls Signal.disconnect(); this guards pytest-qt and any library that does."""
    global _pinned
    if _pinned or sys.version_info >= (3, 12):
        return
    import ctypes
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for value in (True, False):
        for _ in range(count):
            incref(value)
    _pinned = True
