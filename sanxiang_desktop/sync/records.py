"""Record states as they travel: rows into payload lines, payload lines back into
checked, typed column values.

A travelling state is exactly what `store.serialize.record_state` gives: every
column but the derived keys, unknown fields from newer schemas merged back in;
data and reference packages add each record's ``search_key`` as the sender holds
it (row_state(keys=True)), declared by the manifest's ``keys_version``. A receiver
uses a carried key only under its own core.pinyin.KEYS_VERSION (decode_record
keys=True, then services.search_keys.usable_key); every release before this one
skips derived fields on arrival, so it reads such a package as if the key were
not there. Everything arriving is checked field by field before anything is written;
messages name tables, fields and record ids, never values, so they may go into a
receipt without carrying personal data.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping

import orjson
from sqlalchemy import Boolean, Date, Float, Integer, String, Text

from ..store.models import MODEL_BY_TABLE
from ..store.serialize import DERIVED
from .errors import PackageError

PAYLOAD_VERSION = 1
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HLC_RE = re.compile(r"^\d{13}\.\d{5}$")
CODE_RE = re.compile(r"^\d{6}(\d{3})?(\d{3})?$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
# The one derived key a package carries (the costly one: pypinyin readings); see row_state.
CARRIED_KEY = "search_key"
MAX_CARRIED_KEY = 65_536      # characters; usable_key bounds it by the length of the record's text
# Bookkeeping columns: a change in these alone is not a change of content.
STAMP_FIELDS = ("rev", "hlc", "created_at", "created_by", "updated_at", "updated_by")


class RecordProblem(PackageError):
    """A record in a package is not acceptable (code 'bad_record' unless stated)."""

    def __init__(self, where: str, en: str, zh: str, code: str = "bad_record"):
        super().__init__(code, f"{where}: {en}", f"{where}：{zh}")


def encode_line(obj: Any) -> bytes:
    """Returns `obj` as one canonical JSON line (UTF-8, sorted keys, no spaces, no NaN): the form that is signed
    and hashed."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _parse_line(raw: bytes, number: int) -> dict:
    obj = _fast_parse(raw)
    if obj is None:
        try:
            obj = json.loads(raw.decode("utf-8"), parse_constant=_no_constants, object_pairs_hook=_no_duplicates)
        except (ValueError, RecursionError):
            raise PackageError("bad_payload", f"Line {number} of the package content is not valid JSON.",
                               f"数据包内容第 {number} 行不是有效的 JSON。") from None
    if not isinstance(obj, dict):
        raise PackageError("bad_payload", f"Line {number} of the package content is not an object.",
                           f"数据包内容第 {number} 行格式错误。")
    return obj


def _fast_parse(raw: bytes) -> Any:
    """orjson's reading of a line written in the canonical form (encode_line), else None.

    orjson keeps the last of two equal keys where the strict reader refuses the line, so its
    result is used only when re-encoding it gives back exactly the same bytes: a line with a
    repeated key, NaN, a huge number or any non-canonical spelling falls back to the strict reader
    and is judged exactly as before. Every line our own export writes takes the fast path."""
    try:
        obj = orjson.loads(raw)
        return obj if orjson.dumps(obj, option=orjson.OPT_SORT_KEYS) == raw else None
    except (orjson.JSONDecodeError, orjson.JSONEncodeError, TypeError):
        return None


def parse_lines(plain: bytes) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every line of a payload; anything but JSON objects is refused.
    Yields those pairs."""
    start, number, size = 0, 0, len(plain)
    while start < size:      # one line at a time: no second copy of a payload full of photos
        end = plain.find(b"\n", start)
        end = size if end < 0 else end
        raw, start, number = plain[start:end], end + 1, number + 1
        if raw:
            yield number, _parse_line(raw, number)


def parse_line_stream(pieces: Iterable[bytes]) -> Iterator[tuple[int, dict]]:
    """parse_lines over a payload given piece by piece (container.open_payload_pieces): lines are
    put together across pieces, so at most one piece and one line are held at a time.
    Yields (line number, object) pairs."""
    number, rest = 0, b""
    for piece in pieces:
        buffer = rest + piece if rest else piece
        start = 0
        while (end := buffer.find(b"\n", start)) >= 0:
            raw, start, number = buffer[start:end], end + 1, number + 1
            if raw:
                yield number, _parse_line(raw, number)
        rest = buffer[start:]
    if rest:
        yield number + 1, _parse_line(rest, number + 1)


@lru_cache(maxsize=None)
def columns_of(table: str) -> dict[str, Any]:
    """Returns the columns of record table `table` by attribute name."""
    return {c.key: c for c in MODEL_BY_TABLE[table].__table__.columns}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def row_state(table: str, row: Mapping[str, Any], *, keys: bool = False) -> dict[str, Any]:
    """Returns the travelling state of a row read with SQLAlchemy Core (same as record_state).
    keys=True (what a package carries): with the row's ``search_key`` when it has a non-empty one;
    the other derived keys never travel (cheap to recompute; phone_key holds phone digits)."""
    out: dict[str, Any] = {"table": table}
    for name in columns_of(table):
        if name == "extra" or name in DERIVED:
            if keys and name == CARRIED_KEY and row[name]:
                out[name] = row[name]
            continue
        out[name] = _json(row[name])
    extra = row.get("extra") if hasattr(row, "get") else row["extra"]
    if extra:
        for key, value in json.loads(extra).items():
            out.setdefault(key, value)
    return out


def content_of(state: Mapping[str, Any]) -> dict[str, Any]:
    """Returns `state` without its stamp fields (STAMP_FIELDS): what two versions share when they hold the same
    content."""
    return {k: v for k, v in state.items() if k not in STAMP_FIELDS}


def digest(state: Mapping[str, Any]) -> str:
    """Returns the SHA-256 (hex) of a state's canonical line: the last tie-break of the conflict rule."""
    return hashlib.sha256(encode_line(state)).hexdigest()


@dataclass
class Incoming:
    """One record from a package, checked and typed, ready to insert or compare."""
    table: str
    id: str
    owner: str
    rev: int
    hlc: str
    deleted: bool
    values: dict[str, Any]          # every column, typed, defaults filled, extra as JSON text
    origin: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)     # fields this program has no column for
    search_key: str | None = None    # the key the sender carried (decode_record keys=True), not yet judged
    _state: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def state(self) -> dict[str, Any]:
        """The canonical travelling state (what row_state gives); built only when a stored version
        has to be compared, never for a plain insert."""
        if self._state is None:
            out = {"table": self.table}
            out.update({k: _json(v) for k, v in self.values.items() if k != "extra" and k not in DERIVED})
            for key, value in self.extra.items():
                out.setdefault(key, value)
            self._state = out
        return self._state


def _default(col) -> Any:
    d = col.default
    return d.arg if d is not None and d.is_scalar else None


_BAD = object()


def _as_bool(v: Any) -> Any:
    return v if v is True or v is False else _BAD


def _as_int(v: Any) -> Any:
    return v if type(v) is int and -2 ** 62 < v < 2 ** 62 else _BAD     # bool is not int here


def _as_float(v: Any) -> Any:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
        return float(v)
    return _BAD


def _as_date(v: Any) -> Any:
    if isinstance(v, str) and len(v) == 10:
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    return _BAD


def _as_text(v: Any) -> Any:
    return v if isinstance(v, str) and len(v) <= 1_000_000 else _BAD


def _as_is(v: Any) -> Any:
    return v


def _checker(col) -> Any:
    kind = col.type
    for types, fn in (((Boolean,), _as_bool), ((Integer,), _as_int), ((Float,), _as_float), ((Date,), _as_date),
                      ((String, Text), _as_text)):
        if isinstance(kind, types):
            return fn
    return _as_is


@lru_cache(maxsize=None)
def _plan(table: str) -> dict[str, tuple]:
    """Per travelling column of a table: (check, nullable, default); the type test is chosen once
    per column here rather than once per value (a city package has ~150,000 values)."""
    return {name: (_checker(col), col.nullable, _default(col)) for name, col in columns_of(table).items()
            if name != "extra" and name not in DERIVED}


def _absent(name: str, nullable: bool, default: Any, where: str) -> Any:
    if nullable:
        return None
    if default is None:
        raise RecordProblem(where, f"field '{name}' is required", f"字段“{name}”不能为空")
    return default


def decode_record(obj: Mapping[str, Any], where: str, *, keys: bool = False) -> Incoming:
    """A payload record line {"record": state, "origin": {...}} into an Incoming.
    Derived fields (store.serialize.DERIVED) are skipped, as every earlier release skips them;
    keys=True (the package declares this program's KEYS_VERSION) keeps a carried ``search_key``
    that is text of at most MAX_CARRIED_KEY characters as Incoming.search_key, for sync.apply to
    judge (services.search_keys.usable_key) and use or recompute: an odd key is never an error.
    Returns the Incoming. Raises RecordProblem for a line without state, an unknown table, a bad id, owner,
    revision, stamp, field type, attachment hash or origin (messages name the table, id and field, never a value)."""
    state = obj.get("record")
    if not isinstance(state, dict):
        raise RecordProblem(where, "no record state", "缺少记录内容")
    table = state.get("table")
    if table not in MODEL_BY_TABLE:
        raise RecordProblem(where, "a record type this program does not know; please upgrade the program",
                            "本程序不认识的记录类型，请升级程序", code="newer_schema")
    rid = state.get("id")
    if not isinstance(rid, str) or not UUID_RE.match(rid):
        raise RecordProblem(where, f"{table} record without a valid id", f"{table} 记录缺少有效编号")
    where = f"{where} ({table} {rid})"
    plan = _plan(table)
    carried = None
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in state.items():      # ~150,000 values in a city package: the common case first
        rule = plan.get(key)
        if rule is None:
            if key == "table" or key in DERIVED:
                if keys and key == CARRIED_KEY and isinstance(value, str) and len(value) <= MAX_CARRIED_KEY:
                    carried = value
                continue
            if len(key) > 64:              # no column (a newer program's field) or 'extra' itself
                raise RecordProblem(where, "a field name is too long", "字段名过长")
            extra[key] = value
            continue
        if value is None:
            values[key] = _absent(key, rule[1], rule[2], where)
            continue
        check = rule[0]
        if check is _as_text:              # _as_text inlined: most values are text
            if not isinstance(value, str) or len(value) > 1_000_000:
                raise RecordProblem(where, f"field '{key}' has the wrong type", f"字段“{key}”的类型不正确")
            values[key] = value
            continue
        typed = check(value)
        if typed is _BAD:
            raise RecordProblem(where, f"field '{key}' has the wrong type", f"字段“{key}”的类型不正确")
        values[key] = typed
    if len(values) != len(plan):
        for name, rule in plan.items():
            if name not in values:
                values[name] = _absent(name, rule[1], rule[2], where)
    values["extra"] = encode_line(extra).decode("utf-8") if extra else None
    owner, rev, hlc = values["owner"], values["rev"], values["hlc"]
    if not CODE_RE.match(owner):
        raise RecordProblem(where, "the owner is not a unit code", "所属单位代码无效")
    if rev < 1 or not HLC_RE.match(hlc):
        raise RecordProblem(where, "bad revision or clock stamp", "修订号或时间戳无效")
    if table == "units":
        if values["builtin"] or values["level"] != "village" or not CODE_RE.match(values["code"] or "") \
                or len(values["code"]) != 12 or not values["code"].startswith(values["parent_code"] or "-"):
            raise RecordProblem(where, "only villages and communities travel as units",
                                "只有村（社区）可以作为单位记录传送")
    if table == "attachments" and not SHA_RE.match(values["sha256"]):
        raise RecordProblem(where, "bad attachment hash", "附件哈希无效")
    origin = obj.get("origin") or {}
    if not isinstance(origin, dict) or not _good_origin(origin):
        raise RecordProblem(where, "bad origin", "来源信息无效")
    return Incoming(table, rid, owner, rev, hlc, bool(values["deleted"]), values, dict(origin), extra, carried)


def _good_origin(origin: dict) -> bool:
    if not origin:
        return True
    unit, package, rev = origin.get("unit"), origin.get("package"), origin.get("rev")
    return (isinstance(unit, str) and bool(CODE_RE.match(unit))
            and (package is None or (isinstance(package, str) and bool(UUID_RE.match(package))))
            and isinstance(rev, int) and not isinstance(rev, bool) and rev >= 1)


def values_from_state(table: str, state: Mapping[str, Any]) -> dict[str, Any]:
    """Returns typed column values of a state this installation stored itself (conflict resolution)."""
    return decode_record({"record": dict(state)}, "stored").values


def record_line(state: dict, origin: dict) -> bytes:
    """Returns the payload line of a record: {"record": state, "origin": origin} as canonical JSON."""
    return encode_line({"record": state, "origin": origin})
