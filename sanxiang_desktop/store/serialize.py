"""Records as plain JSON-ready dicts: the canonical dump and the state that travels."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterator

from sqlalchemy import Date, select
from sqlalchemy.orm import Session, defer

from .models import RECORD_MODELS, Blob, MODEL_BY_TABLE

# Derived columns: never dumped; rebuilt on arrival, except a search_key a data package carries
# under this program's key rules (sync.records.row_state(keys=True), CONTRIBUTING.md "Package format").
DERIVED = ("search_key", "name_key", "phone_key")


def _to_json(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def column_names(model) -> list[str]:
    return [c.key for c in model.__table__.columns]


def record_state(obj, *, include_derived: bool = False) -> dict[str, Any]:
    """Every column of a record, JSON-ready; unknown fields kept in `extra` are merged back in."""
    model = type(obj)
    out = {"table": model.__tablename__}
    for name in column_names(model):
        if name == "extra" or (name in DERIVED and not include_derived):
            continue
        out[name] = _to_json(getattr(obj, name))
    if obj.extra:
        for key, value in json.loads(obj.extra).items():
            out.setdefault(key, value)
    return out


def state_to_columns(model, state: dict) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a received state into known column values (typed) and unknown extras."""
    columns = {c.key: c for c in model.__table__.columns}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in state.items():
        if key == "table" or key in DERIVED:
            continue
        col = columns.get(key)
        if col is None or key == "extra":
            extra[key] = value
            continue
        if value is not None and isinstance(col.type, Date):
            value = dt.date.fromisoformat(value)
        values[key] = value
    return values, extra


def canonical_line(state: dict) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dump_lines(s: Session) -> Iterator[str]:
    """Every domain record, sorted by table then id: stable across runs and machines."""
    tables = {mdl.__tablename__: mdl for mdl in RECORD_MODELS}
    for name in sorted([*tables, "blobs"]):
        if name == "blobs":
            for sha, size in s.execute(select(Blob.sha256, Blob.size).order_by(Blob.sha256)):
                yield canonical_line({"table": "blobs", "id": sha, "owner": "", "size": size})
            continue
        model = tables[name]
        # Derived columns are never dumped, so they are not read either: a file whose derived
        # columns a migration has still to add dumps the same as after it.
        derived = [defer(getattr(model, c)) for c in DERIVED if c in model.__table__.columns]
        for obj in s.scalars(select(model).options(*derived).order_by(model.id)):
            yield canonical_line(record_state(obj))


__all__ = ["record_state", "state_to_columns", "canonical_line", "dump_lines", "MODEL_BY_TABLE"]
