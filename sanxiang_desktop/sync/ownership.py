"""Who may change what: ownership is enforced on what is STORED here, not on what arrives.

A package is signed by its sender, so the sender is known; what it carries is not
trusted. An incoming record may create or change a row only when (issue 8):

- the row as stored here is owned by the sender or a unit below it (a new id: the
  incoming owner is the sender or below);
- ownership never moves by package: the incoming owner equals the stored owner;
- a unit row (a village or community) lies in the sender's own subtree, and the
  built-in division tree (townships, counties, the city) is never changed by a data
  package: it changes only by reference data from above;
- a record filed under a unit (``unit_code``) is filed under a unit of that subtree.

A refused record is refused ALONE (the rest of the package applies): a package
carries everything since the last receipt, so refusing it whole would block the
sender for good. Forwarded packages obey the same rule at every level: the county
forwarding a township's record is "the sender" at the city, and the township is
below it.

The check is a plain function of plain values (dicts in, refusals out) over one
query per table and chunk, so any apply path (ORM or executemany) calls it the same way.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import bindparam, select

from ..store import models as m

CHUNK = 400

# code -> (English, Chinese) reasons; codes go into receipts, never values or names.
REASONS = {
    "not_owner": ("the record here belongs to unit {stored}, which is not the sender or below it",
                  "本机该记录属于单位 {stored}，不是发送单位或其下级"),
    "owner_changed": ("the package moves the record from unit {stored} to unit {owner}; ownership never moves",
                      "数据包把记录从单位 {stored} 改到单位 {owner}，记录的所属单位不能更改"),
    "foreign_owner": ("owned by unit {owner}, which is not the sender or below it",
                      "所属单位 {owner} 不是发送单位或其下级"),
    "builtin_unit": ("a unit of the built-in division tree; it changes only by reference data from above",
                     "内置行政区划单位只能由上级基础数据更改"),
    "outside_subtree": ("a unit outside the sender's own tree (parent {parent})",
                        "不在发送单位管辖范围内的单位（上级 {parent}）"),
    "foreign_unit": ("filed under unit {unit}, which is not the sender's or below it",
                     "登记在单位 {unit} 名下，该单位不是发送单位或其下级"),
    "refused_parent": ("refers to a record of this package that was refused",
                       "引用了本数据包中被拒收的记录"),
}


@dataclass(frozen=True)
class Refusal:
    """One refused record: table, id, a reason code and the bilingual reason (no personal data)."""
    table: str
    id: str
    code: str
    message_en: str
    message_zh: str

    def to_json(self) -> dict[str, str]:
        return {"table": self.table, "id": self.id, "code": self.code, "reason_en": self.message_en,
                "reason_zh": self.message_zh}


def _refusal(table: str, rid: str, code: str, **facts: Any) -> Refusal:
    en, zh = REASONS[code]
    return Refusal(table, rid, code, en.format(**facts), zh.format(**facts))


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def stored_owners(conn, table: str, ids: Sequence[str]) -> dict[str, tuple[str, bool]]:
    """Returns {id: (stored owner, built-in)} for the ids already held here; one query per chunk.
    `conn` is a SQLAlchemy Session or Connection."""
    stmt, has_builtin = _owners_query(table)
    out: dict[str, tuple[str, bool]] = {}
    for chunk in _chunks(list(ids)):
        for row in conn.execute(stmt, {"ids": chunk}):
            out[row[0]] = (row[1] or "", bool(row[2]) if has_builtin else False)
    return out


@functools.lru_cache(maxsize=None)
def _owners_query(table: str):
    """(SELECT id, owner[, builtin] WHERE id IN :ids, has builtin): one statement per table with an
    expanding parameter, so a chunk of ids is bound as it is, not coerced value by value (issue 12)."""
    t = m.MODEL_BY_TABLE[table].__table__
    builtin = t.c.builtin if "builtin" in t.c else None
    cols = [t.c.id, t.c.owner] + ([builtin] if builtin is not None else [])
    return select(*cols).where(t.c.id.in_(bindparam("ids", expanding=True))), builtin is not None


def refused_records(conn, table: str, records: Sequence[Mapping[str, Any]], allowed: set[str], *,
                    known_units: set[str] | None = None, check_units: bool = True) -> dict[str, Refusal]:
    """Returns the records of one table the sender is NOT entitled to apply, by id.

    records: plain mappings with at least ``id`` and ``owner`` (and, where the table has them,
    ``unit_code``, ``parent_code``); allowed: the sender and every unit below it as stored here
    (``trust.subtree``); known_units: codes a ``unit_code`` may name besides ``allowed`` (villages
    accepted from the same package). With check_units=False only stored ownership, moved ownership
    and the built-in tree are checked (reference data from above).
    Raises nothing for content; database errors propagate."""
    stored = stored_owners(conn, table, [r["id"] for r in records])
    places = allowed | (known_units or set())
    out: dict[str, Refusal] = {}
    for r in records:
        rid, owner = r["id"], r["owner"]
        held = stored.get(rid)
        if held is not None and held[1]:
            out[rid] = _refusal(table, rid, "builtin_unit")
        elif held is not None and check_units and held[0] not in allowed:
            out[rid] = _refusal(table, rid, "not_owner", stored=held[0] or "-")
        elif held is not None and held[0] != owner:
            out[rid] = _refusal(table, rid, "owner_changed", stored=held[0] or "-", owner=owner)
        elif not check_units:
            continue
        elif owner not in allowed:
            out[rid] = _refusal(table, rid, "foreign_owner", owner=owner)
        elif table == "units" and r.get("parent_code") not in allowed:
            out[rid] = _refusal(table, rid, "outside_subtree", parent=r.get("parent_code") or "-")
        elif table != "units" and r.get("unit_code") is not None and r["unit_code"] not in places:
            out[rid] = _refusal(table, rid, "foreign_unit", unit=r["unit_code"])
    return out


def screen(conn, items: list, allowed: set[str], *, check_units: bool = True) -> tuple[list, list[Refusal]]:
    """Split a package's records (objects with .table, .id, .values) into (entitled, refused).

    Tables are screened parents first (store.models.RECORD_MODELS order) so that villages the
    package adds may be named by its other records; a record referring to a NEW record of the
    package that was refused is refused too (it could not be applied without it).
    Returns (entitled items, refusals)."""
    by_table: dict[str, list] = {}
    for it in items:
        by_table.setdefault(it.table, []).append(it)
    refused: dict[tuple[str, str], Refusal] = {}
    new_units: set[str] = set()
    refused_new: dict[str, set] = {}          # table -> refused ids not stored here
    for model in m.RECORD_MODELS:
        name = model.__tablename__
        group = by_table.get(name)
        if not group:
            continue
        found = refused_records(conn, name, [it.values for it in group], allowed, known_units=new_units,
                                check_units=check_units)
        for it in group if refused_new else ():      # nothing refused yet: no parent can be refused
            if it.id not in found:
                for fk in model.__table__.foreign_keys:
                    target = fk.column.table.name
                    value = it.values.get(fk.parent.key)
                    if value is not None and (value in refused_new.get(target, ()) if fk.column.key == "id"
                                              else target == "units" and value in refused_new.get("units:code", ())):
                        found[it.id] = _refusal(name, it.id, "refused_parent")
                        break
        held = stored_owners(conn, name, list(found)) if found else {}
        for it in group:
            if it.id in found:
                refused[(name, it.id)] = found[it.id]
                if it.id not in held:
                    refused_new.setdefault(name, set()).add(it.id)
                    if name == "units":
                        refused_new.setdefault("units:code", set()).add(it.values.get("code"))
            elif name == "units":
                new_units.add(it.values["code"])
    kept = [it for it in items if (it.table, it.id) not in refused]
    return kept, [refused[k] for k in sorted(refused)]
