"""The one clock of the program: UTC for what is stored, the office's local time
for what a clerk sees, types and prints.

Rules (issue 7, "one of each"):

- Everything written to the database or into a package is a UTC stamp in one
  format, ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (:func:`utc_stamp`); parse it back with
  :func:`parse_utc`.
- "Today" (a due date, the default date of a new activity, the year selector) and
  every date or time shown or printed is in the *office's* time zone
  (:func:`today`, :func:`to_local`, :func:`format_local`). By default that is the
  time zone of the machine; an office whose PC is not set to China time sets it
  in 设置 (stored as an IANA name such as ``Asia/Shanghai`` or a fixed offset such
  as ``UTC+08:00``), or with the ``SANXIANG_TZ`` environment variable.
- Tests move time through :func:`use_source` instead of patching ``datetime``:
  the hybrid logical clock, ids, receipts and indicators all read this module.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
ENV_TZ = "SANXIANG_TZ"

_lock = threading.Lock()
_source: Callable[[], dt.datetime] | None = None
_office_tz: dt.tzinfo | None = None
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def _system_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def utc_now() -> dt.datetime:
    """The current time as an aware ``datetime`` in UTC (from the test source if one is set)."""
    src = _source
    now = src() if src is not None else _system_now()
    if now.tzinfo is None:
        raise ValueError("clock source must return an aware datetime")
    return now.astimezone(dt.timezone.utc)


def now_ms() -> int:
    """Milliseconds since the Unix epoch (UTC), for ids and clock stamps."""
    if _source is None:
        return int(time.time() * 1000)
    return int(utc_now().timestamp() * 1000)


def utc_stamp(when: dt.datetime | None = None) -> str:
    """A UTC storage stamp ``2026-03-01T23:30:00.000000Z`` for *when* (default: now).

    A naive *when* is taken as UTC."""
    when = utc_now() if when is None else when
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime(STAMP_FORMAT)


def parse_utc(stamp: str) -> dt.datetime:
    """An aware UTC datetime from a stored stamp.

    Accepts the storage format and the shorter ISO forms older rows carry
    (``…Z``, ``…+00:00``, no fraction, date only). Raises ``ValueError`` for text that
    is no time at all."""
    text = (stamp or "").strip()
    if not text:
        raise ValueError("empty time stamp")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    when = dt.datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc)


def parse_timezone(name: str) -> dt.tzinfo:
    """A tzinfo for an IANA name (``Asia/Shanghai``) or a fixed offset (``UTC+8``, ``+08:00``).

    Raises ``ValueError`` for a name that is neither."""
    name = (name or "").strip()
    match = _OFFSET.match(name)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes >= 60:
            raise ValueError(f"time zone offset out of range: {name!r}")
        delta = dt.timedelta(hours=hours, minutes=minutes)
        return dt.timezone(-delta if sign == "-" else delta)
    if name.upper() in {"UTC", "GMT", "Z"}:
        return dt.timezone.utc
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError as exc:  # pragma: no cover - Python < 3.9
        raise ValueError(f"unknown time zone: {name!r}") from exc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def set_office_timezone(name: str | None) -> None:
    """Set the office's time zone for this process (``None`` or "": the machine's own).

    Raises ``ValueError`` for an unknown name (nothing changes then)."""
    global _office_tz
    tz = parse_timezone(name) if name else None
    with _lock:
        _office_tz = tz


def office_timezone() -> dt.tzinfo:
    """The office's time zone: the setting, else ``SANXIANG_TZ``, else the machine's."""
    if _office_tz is not None:
        return _office_tz
    env = os.environ.get(ENV_TZ, "").strip()
    if env:
        try:
            return parse_timezone(env)
        except ValueError:
            pass
    local = dt.datetime.now().astimezone().tzinfo
    return local or dt.timezone.utc


def local_now() -> dt.datetime:
    """Now, as an aware datetime in the office's time zone."""
    return utc_now().astimezone(office_timezone())


def today() -> dt.date:
    """The office's local date: the one a clerk means by "today"."""
    return local_now().date()


def to_local(when: dt.datetime | str) -> dt.datetime:
    """A stored UTC stamp (or aware datetime; naive is UTC) in the office's time zone."""
    if isinstance(when, str):
        when = parse_utc(when)
    elif when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(office_timezone())


def format_local(when: dt.datetime | str | None, *, seconds: bool = False, date_only: bool = False) -> str:
    """What a clerk reads: ``2026-03-02 07:30`` in the office's time zone ("" for nothing).

    A stamp that cannot be parsed is returned unchanged rather than hidden."""
    if when is None or when == "":
        return ""
    try:
        local = to_local(when)
    except (ValueError, TypeError):
        return str(when)
    if date_only:
        return local.strftime("%Y-%m-%d")
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_date(when: dt.datetime | str) -> dt.date:
    """The office-local calendar date of a stored stamp."""
    return to_local(when).date()


@contextmanager
def use_source(source: Callable[[], dt.datetime] | dt.datetime) -> Iterator[None]:
    """Tests: make the whole program read its time from *source* (a function or a fixed time)."""
    global _source
    fn = (lambda: source) if isinstance(source, dt.datetime) else source
    with _lock:
        previous, _source = _source, fn
    try:
        yield
    finally:
        with _lock:
            _source = previous


@contextmanager
def office_timezone_as(name: str | None) -> Iterator[None]:
    """Tests: run with the office time zone set to *name*."""
    global _office_tz
    previous = _office_tz
    set_office_timezone(name)
    try:
        yield
    finally:
        with _lock:
            _office_tz = previous
