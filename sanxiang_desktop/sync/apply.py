"""Applying checked records inside the import's one transaction.

Merge rule (the same at every level, whatever order packages arrive in):
- a version whose revision AND clock stamp are both higher descends from the one
  held here: it replaces it; one with both lower is stale: nothing changes;
- otherwise the two diverged (two installations edited the same record): the
  higher stamp wins, then the lower owner code, then the lower content hash, and
  the pair is kept in sync_conflicts for a clerk. Edits beat deletes: when the
  winner is a deletion and the loser an edit, the edit survives, stamped with the
  winner's clock, so every level that sees both computes the same record.
The same ID number under two different people goes to sync_duplicates; both stay.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..core.hlc import later, stamp_key
from ..core.ids import new_id
from ..services.lists_base import live
from ..services.search_keys import derived_values
from ..store import models as m
from ..store.sync_models import (Conflict, PersonDuplicate, RecordOrigin, log_changes,
                                    restore_change_triggers, set_aside_change_triggers)
from ..store.bulk import execute_many
from ..store.pg_bulk import execute_batches
from ..store.upsert import insert_ignore, insert_replace, upsert_newer
from .records import (Incoming, RecordProblem, content_of, digest, encode_line, row_state,
                      values_from_state)

CHUNK = 400          # ids per IN (...) query
WRITE_CHUNK = 2000   # rows per executemany: bounded memory, few round trips
BLOB_BATCH = 32


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    duplicates: int = 0
    by_table: dict[str, int] = field(default_factory=dict)   # records written per table
    written: set[str] = field(default_factory=set)            # ids of the records written (inserted or updated)
    max_hlc: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "conflicts": self.conflicts, "duplicates": self.duplicates}


def beats(a: dict, b: dict) -> bool:
    """Returns True when version a wins over version b (a total order: no arrival order matters)."""
    if a["hlc"] != b["hlc"]:
        return later(a["hlc"], b["hlc"])          # as numbers: counter 100000 is above 99999
    if bool(a.get("deleted")) != bool(b.get("deleted")):
        return not a.get("deleted")
    if a["owner"] != b["owner"]:
        return a["owner"] < b["owner"]
    return digest(a) < digest(b)


def merged_state(local: dict, incoming: dict) -> tuple[dict, str, bool]:
    """Returns (state to keep, 'local'|'incoming'|'merged', diverged) for two different versions."""
    if content_of(local) == content_of(incoming):       # only stamps differ: no conflict to show
        return (incoming, "incoming", False) if beats(incoming, local) else (local, "local", False)
    if incoming["rev"] > local["rev"] and later(incoming["hlc"], local["hlc"]):
        return incoming, "incoming", False
    if incoming["rev"] < local["rev"] and later(local["hlc"], incoming["hlc"]):
        return local, "local", False
    winner, loser = (incoming, local) if beats(incoming, local) else (local, incoming)
    if winner.get("deleted") and not loser.get("deleted"):
        kept = dict(loser, hlc=winner["hlc"], rev=max(winner["rev"], loser["rev"]))
        return kept, "merged", True
    return winner, ("incoming" if winner is incoming else "local"), True


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


@functools.lru_cache(maxsize=None)
def _key_columns(table: str) -> tuple[str, ...]:
    """The columns of a record table other records may refer to (primary key and unique ones)."""
    return tuple(c.key for c in m.MODEL_BY_TABLE[table].__table__.columns if c.unique or c.primary_key)


@functools.lru_cache(maxsize=None)
def _references(table: str) -> tuple[tuple[str, tuple[str, str]], ...]:
    """(column, (table, column) it refers to) for every foreign key of a record table."""
    return tuple((fk.parent.key, (fk.column.table.name, fk.column.key))
                 for fk in m.MODEL_BY_TABLE[table].__table__.foreign_keys)


@functools.lru_cache(maxsize=None)
def _held_query(table: str):
    """SELECT every column WHERE id IN :ids, one statement per table: a chunk of ids is bound as one
    expanding parameter, not coerced value by value."""
    t = m.MODEL_BY_TABLE[table].__table__
    return select(t).where(t.c.id.in_(bindparam("ids", expanding=True)))


def _check_references(s: Session, items: list[Incoming], blobs: dict[str, bytes]) -> None:
    """Every reference points at a record in the package or already here (clear message, not an
    IntegrityError half-way through)."""
    provided: dict[tuple[str, str], set] = {("blobs", "sha256"): set(blobs)}
    for it in items:
        for col in _key_columns(it.table):
            provided.setdefault((it.table, col), set()).add(it.values[col])
    needed: dict[tuple[str, str], dict[Any, str]] = {}
    for it in items:
        for col, key in _references(it.table):
            value = it.values.get(col)
            if value is None:
                continue
            if value not in provided.get(key, ()):
                needed.setdefault(key, {}).setdefault(value, f"{it.table} {it.id}")
    for (table, column), values in needed.items():
        col = m.Base.metadata.tables[table].c[column]
        found: set = set()
        wanted = list(values)
        for chunk in _chunks(wanted):
            found.update(s.scalars(select(col).where(col.in_(chunk))))
        for value in wanted:
            if value not in found:
                raise RecordProblem(values[value], f"refers to a {table} record that is neither in the package "
                                    "nor in this database", f"引用的 {table} 记录既不在数据包中也不在本数据库中",
                                    code="missing_reference")


def _check_unique(s: Session, items: list[Incoming]) -> None:
    """A unique field (a village code, one association per unit, ...) taken by another record."""
    by_table: dict[str, list[Incoming]] = {}
    for it in items:
        by_table.setdefault(it.table, []).append(it)
    for table, group in by_table.items():
        t = m.MODEL_BY_TABLE[table].__table__
        sets = [(c.key,) for c in t.columns if c.unique and not c.primary_key]
        sets += [tuple(c.key for c in u.columns) for u in t.constraints
                 if u.__class__.__name__ == "UniqueConstraint"]
        for cols in sets:
            seen: dict[tuple, str] = {}
            for it in group:
                key = tuple(it.values[c] for c in cols)
                if seen.setdefault(key, it.id) != it.id:
                    raise RecordProblem(f"{table} {it.id}", f"two records share the unique field(s) {', '.join(cols)}",
                                        f"两条记录的唯一字段（{'、'.join(cols)}）相同", code="unique_clash")
            first = t.c[cols[0]]
            for chunk in _chunks(list(seen)):
                rows = s.execute(select(t.c.id, *[t.c[c] for c in cols]).where(first.in_([k[0] for k in chunk])))
                for row in rows:
                    key = tuple(row[1:])
                    if key in seen and seen[key] != row[0]:
                        raise RecordProblem(f"{table} {seen[key]}", f"another record here ({row[0]}) already has the "
                                            f"same {', '.join(cols)}; the two must be reconciled by the units",
                                            f"本机已有另一条记录（{row[0]}）的“{'、'.join(cols)}”相同，需由相关单位核对",
                                            code="unique_clash")


def _check_blobs(s: Session, items: list[Incoming], blobs: dict[str, bytes]) -> None:
    need = {it.values["sha256"] for it in items if it.table == "attachments"} - set(blobs)
    have: set[str] = set()
    for chunk in _chunks(sorted(need)):
        have.update(s.scalars(select(m.Blob.sha256).where(m.Blob.sha256.in_(chunk))))
    missing = need - have
    if missing:
        raise RecordProblem("attachments", f"{len(missing)} attachment content(s) missing from the package",
                            f"数据包缺少 {len(missing)} 个附件的内容", code="missing_blob")


def apply_records(s: Session, items: list[Incoming], blobs: Mapping[str, bytes], *, package_id: str, sender: str,
                  now: str) -> Counts:
    """Check references, then insert, update or keep every record; log conflicts, duplicates, origins.
    Returns the Counts (inserted, updated, unchanged, conflicts, by table). Raises RecordProblem for a record
    that appears twice in the package (the caller's transaction rolls back)."""
    seen: set[tuple[str, str]] = set()
    for it in items:
        if (it.table, it.id) in seen:
            raise RecordProblem(f"{it.table} {it.id}", "appears twice in the package", "在数据包中重复出现")
        seen.add((it.table, it.id))
    _check_blobs(s, items, blobs)
    _check_references(s, items, blobs)
    _check_unique(s, items)
    counts = Counts()
    for shas in _chunks(sorted(blobs), BLOB_BATCH):    # a few photos at a time (issue 12): blobs may be
        rows = [{"sha256": sha, "size": len(data), "data": data}   # a spool on disk (inbox.BlobSpool)
                for sha, data in ((sha, blobs[sha]) for sha in shas)]
        insert_ignore(s, m.Blob, rows)
        del rows
    by_table: dict[str, list[Incoming]] = {}
    for it in items:
        by_table.setdefault(it.table, []).append(it)
    counts.max_hlc = max((it.hlc for it in items), key=stamp_key, default="")
    origins: list[dict] = []
    people_written: list[dict] = []
    conn = s.connection()
    # SQLite: the change log is written here in bulk, the per-row triggers set aside meanwhile
    # (same transaction: a failed import rolls the drop back; store.sync_models explains)
    aside = set_aside_change_triggers(conn, [t for t in (mdl.__tablename__ for mdl in m.RECORD_MODELS)
                                             if t in by_table])
    for model in m.RECORD_MODELS:
        group = by_table.get(model.__tablename__)
        if group:
            _apply_table(s, model, group, counts, origins, people_written, package_id, sender, now,
                         log=model.__tablename__ in aside)
    restore_change_triggers(conn, aside)
    insert_replace(s, RecordOrigin, origins)
    counts.duplicates = _find_duplicates(s, people_written, package_id, now)
    return counts


def _apply_table(s: Session, model, group: list[Incoming], counts: Counts, origins: list, people: list,
                 package_id: str, sender: str, now: str, *, log: bool = False) -> None:
    """Decide every record of one table, then write them with one upsert per chunk.

    Only the rows held here already are read back (one query per chunk) and merged in Python
    (merged_state: the conflict rule needs the content digest, and a conflict row keeps both
    versions); a new record goes straight into the batch, as its typed values, no ORM object.
    log=True: this table's change-log triggers are set aside, so the change log is written here,
    in the same order the triggers would have written it."""
    table, name = model.__table__, model.__tablename__
    local: dict[str, Any] = {}
    held = _held_query(name)
    for chunk in _chunks([it.id for it in group]):
        for row in s.execute(held, {"ids": chunk}).mappings():
            local[row["id"]] = row
    writes = []
    for it in group:
        row = local.get(it.id)
        values = it.values
        if row is not None:
            here = row_state(name, row)
            if here == it.state:
                counts.unchanged += 1
                continue
            kept, result, diverged = merged_state(here, it.state)
            if diverged and _log_conflict(s, it, here, result, package_id, sender, now):
                counts.conflicts += 1
            if result == "local":
                counts.unchanged += 1
                continue
            if result == "merged":
                values = values_from_state(name, kept)
            counts.updated += 1
        else:
            counts.inserted += 1
        # Derived keys: a search key the sender carried is used when its package declared our key
        # rules and usable_key accepts it (only for the incoming version as it came); the rest, and
        # any key not carried or refused, computed here (services.search_keys).
        values.update(derived_values(name, values, it.search_key if values is it.values else None))
        writes.append(values)
        counts.written.add(it.id)
        origin = it.origin or {"unit": it.owner, "package": package_id if sender == it.owner else None,
                               "rev": it.rev}
        origins.append({"table_name": name, "record_id": it.id, "origin_unit": origin["unit"],
                        "origin_package": origin.get("package"), "origin_rev": values["rev"],
                        "via_package": package_id, "via_sender": sender, "received_at": now})
        if name == "people" and not values["deleted"]:
            people.append(values)
    if not writes:
        return
    counts.by_table[name] = counts.by_table.get(name, 0) + len(writes)
    if model is m.Unit:
        writes.sort(key=lambda v: (len(v["code"]), v["code"]))      # a village's parent first
    try:
        conn = s.connection()
        if conn.dialect.name == "sqlite":       # tuples in one driver-level executemany (store.bulk)
            for chunk in _chunks(writes, WRITE_CHUNK):
                # A row not held here is a plain INSERT: the import has held SQLite's write lock (BEGIN
                # IMMEDIATE) since it read what is held, so nothing can appear in between, and with
                # foreign keys on an UPSERT costs SQLite about three times an INSERT (tests/bench).
                # Runs keep the decided order, so the change log's order is the write order still.
                for held, run in itertools.groupby(chunk, key=lambda v: v["id"] in local):
                    if held:
                        execute_many(conn, table, "upsert_newer", lambda: upsert_newer(s, table), list(run))
                    else:
                        execute_many(conn, table, "insert", lambda: insert(table), list(run))
                if log:  # the guard never skips a row here: they were decided under the write lock
                    log_changes(conn, name, [v["id"] for v in chunk])
        else:       # PostgreSQL: one statement per batch (store.pg_bulk: why), the upsert's guard kept
            # (another import may write a row between the read above and this statement)
            execute_batches(s, table, "upsert_newer", lambda: upsert_newer(s, table), writes, WRITE_CHUNK)
    except IntegrityError as exc:
        raise RecordProblem(name, "the records do not fit this database's data (integrity check failed)",
                            "记录与本数据库的数据不一致（完整性检查未通过）", code="integrity") from exc


def _log_conflict(s: Session, it: Incoming, here: dict, result: str, package_id: str, sender: str,
                  now: str) -> bool:
    """Keep both versions once per pair of contents (a re-delivery adds no second row)."""
    pair = sorted((digest(content_of(here)), digest(content_of(it.state))))
    pair_key = hashlib.sha256("|".join(pair).encode()).hexdigest()
    exists = s.scalar(select(Conflict.id).where(Conflict.table_name == it.table, Conflict.record_id == it.id,
                                                Conflict.pair_key == pair_key))
    if exists:
        return False
    s.add(Conflict(id=new_id(), table_name=it.table, record_id=it.id, owner=it.owner,
                   local_state=encode_line(here).decode(), incoming_state=encode_line(it.state).decode(),
                   result=result, pair_key=pair_key, package_id=package_id, sender=sender, detected_at=now,
                   status="open"))
    s.flush()
    return True


def _find_duplicates(s: Session, people: list[dict], package_id: str, now: str) -> int:
    """The same ID number under two different people, or the same canonical name
    (core.names.name_key) and birth date: listed, never merged. Set-based: one query per chunk
    of the people written (they are stored by now), one insert of the new pairs. "Not deleted" is
    services.lists_base.live: on SQLite the planner otherwise walked every live person through the
    two-valued deleted index instead of the id_number / name_key one (3.9 and 7.6 ms a chunk
    against 2.3 and 2.4 on a city, issue 12)."""
    p = m.Person.__table__
    pairs: dict[tuple[str, str], str] = {}       # (a, b) sorted -> reason; the first reason found stays
    numbers = sorted({v["id_number"] for v in people if v.get("id_number")})
    for chunk in _chunks(numbers):
        groups: dict[str, set[str]] = {}
        for pid, number in s.execute(select(p.c.id, p.c.id_number).where(p.c.id_number.in_(chunk), live(p.c))):
            groups.setdefault(number, set()).add(pid)
        for ids in groups.values():
            ids_sorted = sorted(ids)
            for i, a in enumerate(ids_sorted):
                for b in ids_sorted[i + 1:]:
                    pairs.setdefault((a, b), "id_number")
    named = [v["id"] for v in people if v.get("name_key") and v.get("birth_date") is not None]
    other = p.alias("other")
    for chunk in _chunks(named):
        rows = s.execute(select(p.c.id, other.c.id).join(other, (other.c.name_key == p.c.name_key)
                                                          & (other.c.birth_date == p.c.birth_date)
                                                          & (other.c.id != p.c.id) & live(other.c))
                         .where(p.c.id.in_(chunk)))
        for a, b in rows:
            pairs.setdefault(tuple(sorted((a, b))), "name_birth")
    if not pairs:
        return 0
    d = PersonDuplicate.__table__
    listed: set[tuple[str, str]] = set()
    for chunk in _chunks(sorted({a for a, _ in pairs})):
        listed.update((a, b) for a, b in s.execute(select(d.c.person_a, d.c.person_b)
                                                  .where(d.c.person_a.in_(chunk))))
    new = [{"id": new_id(), "person_a": a, "person_b": b, "reason": reason, "package_id": package_id,
            "detected_at": now, "status": "open"} for (a, b), reason in pairs.items() if (a, b) not in listed]
    if new:
        s.execute(insert(d), new)
    return len(new)


def json_counts(counts: Counts) -> str:
    """Returns the counts, with those per table, as canonical JSON text."""
    return json.dumps(counts.to_json() | {"by_table": counts.by_table}, sort_keys=True)
