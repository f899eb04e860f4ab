"""What the 数据交换 page shows: history, the state of each child unit, conflicts and
duplicates for a clerk to review, and resolving a conflict.

(The township indicators' "last package received" is read from the sync tables by
services.indicators itself; this module registers nothing anywhere.) Listings return the typed rows
of sync/rows.py; each action is one transaction with one audit entry and says what it changed.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, update

from ..core.clock import format_local
from ..core.hlc import HybridClock
from ..core.validation import mask_id_number, mask_phone
from ..services.audit import audit_entry
from ..services.result import Changes
from ..services.search_keys import derive
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import (Conflict, PersonDuplicate, ReceivedPackage, ReceivedReceipt, RecordOrigin,
                                 SentPackage)
from .outbox import ExchangeError
from .receipts import sequence_state, upper_status
from .records import content_of, row_state, values_from_state
from .returns import record_title, type_names
from .rows import ConflictRow, Dismissed, History, ReceiptRow, ReceivedRow, Resolved, SentRow
from .trust import subtree, unit_name, utc_stamp


def history(db: Database, limit: int = 500) -> History:
    """Returns packages sent and received (newest first) and receipts received from the upper level, at
    most `limit` of each, as typed rows. Reads only."""
    with db.session() as s:
        names = dict(s.execute(select(m.Unit.code, m.Unit.name)).all())
        acked: dict[str, int] = {}
        for r in s.scalars(select(ReceivedReceipt).order_by(ReceivedReceipt.seq, ReceivedReceipt.received_at)):
            acked[r.sender] = r.acked_seq
        sent = tuple(SentRow(p.package_id, p.kind, p.recipient, names.get(p.recipient, p.recipient), p.seq,
                             p.created_at, tuple(json.loads(p.files)), p.size, json.loads(p.counts),
                             p.kind == "data" and p.seq <= acked.get(p.recipient, 0))
                     for p in s.scalars(select(SentPackage).order_by(SentPackage.created_at.desc()).limit(limit)))
        received = tuple(ReceivedRow(p.package_id, p.kind, p.sender, names.get(p.sender, p.sender), p.seq,
                                     p.created_at, p.received_at, json.loads(p.counts), p.duplicate_count)
                         for p in s.scalars(select(ReceivedPackage).order_by(ReceivedPackage.received_at.desc())
                                            .limit(limit)))
        receipts = tuple(ReceiptRow(r.package_id, r.sender, names.get(r.sender, r.sender), r.seq, r.acked_seq,
                                    r.issued_at, r.received_at)
                         for r in s.scalars(select(ReceivedReceipt).order_by(ReceivedReceipt.seq.desc()).limit(limit)))
    return History(sent, received, receipts)


@dataclass
class ChildStatus:
    unit: str
    name: str
    last_seq: int
    last_received_at: str | None
    high_water: int
    missing: list[int]
    unacknowledged: list[int]        # received, not yet confirmed by a receipt written here
    last_receipt_at: str | None
    message_zh: str
    message_en: str


def _type_zh(table: str) -> str:
    return type_names(table)[0]


def children(db: Database) -> list[ChildStatus]:
    """Returns every direct child unit (and any other sender) with its package sequence."""
    home = db.home_unit
    with db.session() as s:
        codes = set(s.scalars(select(m.Unit.code).where(m.Unit.parent_code == home,
                                                        m.Unit.level.in_(("county", "township")))))
        codes |= set(s.scalars(select(ReceivedPackage.sender).where(ReceivedPackage.kind == "data")))
        out = []
        for code in sorted(codes):
            st = sequence_state(s, code)
            receipt = s.scalar(select(SentPackage).where(SentPackage.recipient == code, SentPackage.kind == "receipt")
                               .order_by(SentPackage.seq.desc()).limit(1))
            told = receipt.acked_seq if receipt else 0
            name = unit_name(s, code)
            if st.missing:
                en, zh = st.missing_text(name)
            elif st.max_seq:
                en, zh = f"{name}: complete up to package {st.high_water}", f"{name}：已收齐至第 {st.high_water} 包"
            else:
                en, zh = f"{name}: nothing received yet", f"{name}：尚未收到数据包"
            out.append(ChildStatus(code, name, st.max_seq, st.last_at, st.high_water, st.missing,
                                   [n for n in st.received if n > told], receipt.created_at if receipt else None,
                                   zh, en))
        return out


def status(db: Database) -> dict[str, Any]:
    """Returns everything the page header needs in one call."""
    with db.session() as s:
        open_conflicts = s.scalar(select(func.count()).select_from(Conflict).where(Conflict.status == "open"))
        open_dups = s.scalar(select(func.count()).select_from(PersonDuplicate).where(PersonDuplicate.status == "open"))
    return {"home_unit": db.home_unit, "upper": upper_status(db), "children": [asdict(c) for c in children(db)],
            "open_conflicts": open_conflicts, "open_duplicates": open_dups}


def conflicts(db: Database, *, open_only: bool = True) -> list[ConflictRow]:
    """Returns the conflicts kept by imports (the open ones unless `open_only` is False), oldest first, as
    ConflictRows. Reads only."""
    with db.session() as s:
        query = select(Conflict).order_by(Conflict.detected_at)
        if open_only:
            query = query.where(Conflict.status == "open")
        rows = s.scalars(query).all()
        return [ConflictRow(c.id, c.table_name, c.record_id, c.owner, unit_name(s, c.owner),
                            json.loads(c.local_state), json.loads(c.incoming_state), c.result, c.package_id,
                            c.sender, c.detected_at, c.status, c.resolved_keep, c.resolved_at) for c in rows]


def resolve_conflict(db: Database, conflict_id: str, keep: str, *, actor: str = "",
                     clock: HybridClock | None = None) -> Resolved:
    """The clerk keeps the version that was here ("local") or the one that arrived ("incoming").
    If that is not what the record holds now, it becomes a new version (new stamp, next
    revision) which travels upward like any change, so every level ends on the clerk's choice.
    One transaction with one audit entry ("resolve:sync_conflicts"). Returns a Resolved whose changes name
    the conflict and, when the choice changed it, the record. Raises ExchangeError for a choice other than
    local or incoming, or no such open conflict."""
    if keep not in ("local", "incoming"):
        raise ExchangeError("bad_choice", "Choose 'local' or 'incoming'.", "请选择保留本机版本或收到的版本。")
    with db.session() as s, s.begin():
        c = s.get(Conflict, conflict_id)
        if c is None or c.status != "open":
            raise ExchangeError("no_conflict", "No such open conflict.", "没有该待处理的冲突。")
        chosen = json.loads(c.local_state if keep == "local" else c.incoming_state)
        model = m.MODEL_BY_TABLE[c.table_name]
        table = model.__table__
        row = s.execute(select(table).where(table.c.id == c.record_id)).mappings().one()
        current = row_state(c.table_name, row)
        changed = content_of(current) != content_of(chosen)
        if changed:
            clock = clock or HybridClock(last=db.get_meta("hlc_last"))
            clock.observe(current["hlc"], limit=False)     # the clerk's choice must win everywhere
            now = utc_stamp()
            new_state = dict(chosen, rev=current["rev"] + 1, hlc=clock.tick(), updated_at=now,
                             updated_by=actor or "")
            values = values_from_state(c.table_name, new_state)
            derive(c.table_name, values)
            s.execute(update(table).where(table.c.id == c.record_id).values(
                {k: v for k, v in values.items() if k != "id"}))
            s.execute(update(RecordOrigin).where(RecordOrigin.table_name == c.table_name,
                                                 RecordOrigin.record_id == c.record_id)
                      .values(origin_unit=db.home_unit, origin_package=None, origin_rev=new_state["rev"]))
            db.set_meta("hlc_last", clock.last, session=s)
        c.status, c.resolved_keep, c.resolved_at, c.resolved_by = "resolved", keep, utc_stamp(), actor or ""
        changes = Changes(frozenset({Conflict.__tablename__} | ({c.table_name} if changed else set())),
                          frozenset({c.id} | ({c.record_id} if changed else set())))
        label = (f"处理冲突：{_type_zh(c.table_name)}“{record_title(c.table_name, chosen)}”，"
                 f"保留{'本机' if keep == 'local' else '收到的'}版本")
        audit_entry(s, "resolve:sync_conflicts", label, changes, actor=actor)
        return Resolved(c.id, c.table_name, c.record_id, keep, changed, label, changes)


def duplicates(db: Database, *, open_only: bool = True) -> list[dict[str, Any]]:
    """Returns people sharing one ID number (masked here: the GUI shows more only when the clerk asks)."""
    with db.session() as s:
        query = select(PersonDuplicate).order_by(PersonDuplicate.detected_at)
        if open_only:
            query = query.where(PersonDuplicate.status == "open")
        out = []
        for d in s.scalars(query):
            people = [s.get(m.Person, pid) for pid in (d.person_a, d.person_b)]
            out.append({"id": d.id, "reason": d.reason, "detected_at": d.detected_at, "status": d.status,
                        "package_id": d.package_id,
                        "people": [{"id": p.id, "name": p.name, "owner": p.owner, "unit_code": p.unit_code,
                                    "id_number_masked": mask_id_number(p.id_number or ""),
                                    "phone_masked": mask_phone(p.phone) if p.phone else ""}
                                   for p in people if p is not None]})
        return out


def dismiss_duplicate(db: Database, duplicate_id: str, actor: str = "") -> Dismissed:
    """The clerk has looked at it (the two records stay as they are; correcting one is its owner's job).
    One transaction with one audit entry ("dismiss:sync_duplicates"). Returns a Dismissed whose `dismissed`
    is False (no entry, nothing changed) when it is not open (any more); raises nothing for a wrong id."""
    with db.session() as s, s.begin():
        d = s.get(PersonDuplicate, duplicate_id)
        if d is None or d.status != "open":
            return Dismissed(duplicate_id, False)
        d.status, d.resolved_at, d.resolved_by = "reviewed", utc_stamp(), actor or ""
        changes = Changes(frozenset({PersonDuplicate.__tablename__}), frozenset({d.id}))
        label = "忽略疑似重复人员"        # no names: the audit log holds no personal data
        audit_entry(s, "dismiss:sync_duplicates", label, changes, actor=actor)
        return Dismissed(d.id, True, label, changes)


def received_records(db: Database, child: str, table: str, text: str = "", limit: int = 200) -> list[dict[str, Any]]:
    """Records of `table` owned by `child` or a unit below it (newest first), whose title or
    name contains `text`: what a clerk picks from to return one for correction."""
    from ..services.spec import SPECS
    spec = SPECS.get(table)
    if spec is None or child == db.home_unit:
        return []
    t = m.MODEL_BY_TABLE[table].__table__
    with db.session() as s:
        owners = sorted(subtree(s, child))
        query = select(t).where(t.c.owner.in_(owners), t.c.deleted.is_(False))
        if text.strip() and spec.title_field:
            query = query.where(t.c[spec.title_field].contains(text.strip(), autoescape=True))
        rows = s.execute(query.order_by(t.c.updated_at.desc(), t.c.id).limit(limit)).mappings().all()
        names = {code: unit_name(s, code) for code in {r["owner"] for r in rows}}
        return [{"id": r["id"], "table": table, "title": record_title(table, dict(r)), "owner": r["owner"],
                 "owner_name": names[r["owner"]], "rev": r["rev"], "updated_at": r["updated_at"]} for r in rows]
