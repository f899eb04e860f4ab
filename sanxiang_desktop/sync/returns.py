"""Returning a record for correction (退回更正), through receipts.

An upper level holds read-only copies of its units' records. A clerk there may send one
back to its owner with a short reason; the return travels down in the next receipt to the
child on the path to the owner ('sent' here), a county passes a township's return on in its
own next receipt ('relay'), and the owner lists it ('due') until the record is edited (a
revision above the one returned) or the clerk dismisses it. A return keeps being carried in
every receipt until the corrected record arrives back: a lost receipt loses nothing, and the
receiver keeps each return once (same id at every level).

Only table, record id, owner, revision and the reason travel. The reason is free text typed
by a clerk: it must never need personal data (names, ID or phone numbers) - say what is wrong
("活动日期有误", "缺少照片"), not whose.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.ids import new_id
from ..services.audit import audit_entry
from ..services.result import Changes
from ..services.spec import SPECS
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import ReturnedRecord
from .outbox import ExchangeError
from .records import CODE_RE, UUID_RE
from .rows import Dismissed, Returned, ReturnRow
from .trust import ancestors, subtree, unit_name, utc_stamp

REASON_MAX = 200
MAX_CARRIED = 200
DATE_FIELDS = ("held_on", "visited_on", "set_up_on", "established_on", "issued_on", "due_on", "start_on")


def route_child(s: Session, home: str, owner: str) -> str | None:
    """Returns the unit directly below `home` on the way down to `owner` (None when owner is not below)."""
    chain = [owner, *ancestors(s, owner)]
    if home not in chain[1:]:
        return None
    return chain[chain.index(home) - 1]


def _row(s: Session, table: str, record_id: str) -> dict[str, Any] | None:
    t = m.MODEL_BY_TABLE[table].__table__
    row = s.execute(select(t).where(t.c.id == record_id)).mappings().first()
    return dict(row) if row is not None else None


def record_title(table: str, row: dict[str, Any] | None) -> str:
    """Returns what a clerk recognises the record by (its title or name; a date for untitled ones)."""
    spec = SPECS.get(table)
    if row is None:
        return ""
    if spec is not None and spec.title_field and row.get(spec.title_field):
        return str(row[spec.title_field])
    if table in ("team_members", "group_members", "posts") and row.get("person_id"):
        return str(row.get("role") or "") or (spec.zh if spec else table)
    dates = [str(row[f]) for f in DATE_FIELDS if row.get(f)]
    return " ".join([spec.zh if spec else table, *dates[:1]])


def type_names(table: str) -> tuple[str, str]:
    """Returns the (Chinese, English) name of a record type, e.g. ("活动", "Activity"); the table name if unknown."""
    spec = SPECS.get(table)
    return (spec.zh, spec.en) if spec else (table, table)


def return_for_correction(db: Database, table: str, record_id: str, reason: str, actor: str = "") -> Returned:
    """Send the record held here back to the unit that owns it, with the clerk's reason.
    One transaction with one audit entry ("return:sync_returns"). Raises ExchangeError (bad_table,
    no_reason, long_reason, no_record, own_record, not_below); nothing is written then.
    WARNING: the reason travels in receipts and must not contain personal data (no names,
    ID numbers or phone numbers): describe what is wrong, not whom.
    Returns a summary of what was queued. Raises ExchangeError for an unknown record type, a missing or too
    long reason, a record not held here, owned here or not owned below."""
    reason = " ".join((reason or "").split())
    if table not in SPECS:
        raise ExchangeError("bad_table", f"Unknown record type: {table}.", f"未知的记录类型：{table}。")
    if not reason:
        raise ExchangeError("no_reason", "Give a reason for the correction.", "请填写退回更正的原因。")
    if len(reason) > REASON_MAX:
        raise ExchangeError("long_reason", f"The reason is longer than {REASON_MAX} characters.",
                            f"退回原因超过 {REASON_MAX} 个字。")
    home = db.home_unit
    with db.session() as s, s.begin():
        row = _row(s, table, record_id) if UUID_RE.match(record_id or "") else None
        if row is None or row.get("deleted"):
            raise ExchangeError("no_record", f"No {table} record {record_id} is held here: only records received "
                                "from units below can be returned.",
                                f"本单位没有该记录（{table} {record_id}），只能退回从下级单位收到的记录。")
        owner = row["owner"]
        if owner == home:
            raise ExchangeError("own_record", "This record belongs to this unit: correct it here instead of "
                                "returning it.", "该记录属于本单位，请直接修改，不能退回更正。")
        child = route_child(s, home, owner)
        if child is None:
            raise ExchangeError("not_below", f"This record belongs to {unit_name(s, owner)}, which is not below "
                                "this unit.", f"该记录属于{unit_name(s, owner)}，不是本单位的下级，不能退回更正。")
        ret = ReturnedRecord(id=new_id(), direction="sent", table_name=table, record_id=record_id, owner=owner,
                             rev=row["rev"], from_unit=home, reason=reason, returned_at=utc_stamp(),
                             status="open", actor=actor or "")
        s.add(ret)
        s.flush()
        row = _describe(s, ret)
        changes = Changes(frozenset({ReturnedRecord.__tablename__}), frozenset({ret.id}))
        label = f"退回更正：{row.owner_name}的{row.type_zh}“{row.title}”"
        audit_entry(s, "return:sync_returns", label, changes, actor=actor)
        return Returned(row, child, unit_name(s, child), label, changes)


def _is_corrected(s: Session, ret: ReturnedRecord) -> bool:
    """True when a revision above the one returned (or a deletion) is here: the return is done.
    Reads only (listing the returns must not write)."""
    row = _row(s, ret.table_name, ret.record_id)
    return row is not None and (row["rev"] > ret.rev or bool(row.get("deleted")))


def _corrected(s: Session, ret: ReturnedRecord) -> bool:
    """Close the return when it is done; only inside a write (the receipt being exported)."""
    if _is_corrected(s, ret):
        ret.status, ret.closed_at = "corrected", utc_stamp()
        return True
    return False


def _describe(s: Session, ret: ReturnedRecord, status: str | None = None) -> ReturnRow:
    row = _row(s, ret.table_name, ret.record_id)
    zh, en = type_names(ret.table_name)
    spec = SPECS.get(ret.table_name)
    open_table, open_id = ret.table_name, ret.record_id
    if spec is not None and spec.parent and row is not None and row.get(spec.parent[0]):
        open_table, open_id = spec.parent[1], row[spec.parent[0]]
    return ReturnRow(ret.id, ret.table_name, zh, en, ret.record_id, record_title(ret.table_name, row), ret.owner,
                     unit_name(s, ret.owner), ret.reason, ret.from_unit, unit_name(s, ret.from_unit), ret.returned_at,
                     ret.received_at, status or ret.status, ret.direction, open_table, open_id)


def _listed(db: Database, directions: tuple[str, ...], open_only: bool) -> list[ReturnRow]:
    """Reads only: a return whose record has been corrected shows as such, the row is closed when
    the next receipt is written (_corrected)."""
    with db.session() as s:
        rows = s.scalars(select(ReturnedRecord).where(ReturnedRecord.direction.in_(directions))
                         .order_by(ReturnedRecord.returned_at, ReturnedRecord.id)).all()
        out = []
        for ret in rows:
            status = "corrected" if ret.status == "open" and _is_corrected(s, ret) else ret.status
            if open_only and status != "open":
                continue
            out.append(_describe(s, ret, status))
        return out


def corrections_due(db: Database) -> list[ReturnRow]:
    """待更正记录: this unit's records returned from above, not yet edited nor dismissed."""
    return _listed(db, ("due",), open_only=True)


def returns_sent(db: Database, *, open_only: bool = False) -> list[ReturnRow]:
    """Returns made here (and passed on from above), with their state: open | corrected | dismissed."""
    return _listed(db, ("sent", "relay"), open_only=open_only)


def dismiss_correction(db: Database, return_id: str, actor: str = "") -> Dismissed:
    """The clerk has dealt with it (or disagrees): it leaves the list; nothing travels back.
    One transaction with one audit entry ("dismiss:sync_returns"). Returns a Dismissed whose `dismissed`
    is False (no entry, nothing changed) when it is not an open return due here; raises nothing for a wrong id."""
    with db.session() as s, s.begin():
        ret = s.get(ReturnedRecord, return_id)
        if ret is None or ret.direction != "due" or ret.status != "open":
            return Dismissed(return_id, False)
        ret.status, ret.closed_at, ret.actor = "dismissed", utc_stamp(), actor or ret.actor
        changes = Changes(frozenset({ReturnedRecord.__tablename__}), frozenset({ret.id}))
        label = f"忽略退回更正：{type_names(ret.table_name)[0]}“{record_title(ret.table_name, _row(s, ret.table_name, ret.record_id))}”"
        audit_entry(s, "dismiss:sync_returns", label, changes, actor=actor)
        return Dismissed(ret.id, True, label, changes)


def returns_for_receipt(s: Session, home: str, to: str) -> list[dict[str, Any]]:
    """The open returns a receipt to child `to` carries (no names or numbers: ids and the reason)."""
    out = []
    for ret in s.scalars(select(ReturnedRecord).where(ReturnedRecord.direction.in_(("sent", "relay")),
                                                      ReturnedRecord.status == "open")
                         .order_by(ReturnedRecord.returned_at, ReturnedRecord.id)):
        if len(out) >= MAX_CARRIED:
            break
        if route_child(s, home, ret.owner) != to or _corrected(s, ret):
            continue
        out.append({"id": ret.id, "table": ret.table_name, "record_id": ret.record_id, "owner": ret.owner,
                    "rev": ret.rev, "from_unit": ret.from_unit, "reason": ret.reason,
                    "returned_at": ret.returned_at})
    return out


def apply_returns(s: Session, home: str, entries: Any, now: str) -> int:
    """Keep the returns a receipt from above carries (the caller's transaction); returns the new ones.
    Entries that are malformed or for records not owned at or below this unit are skipped."""
    if not isinstance(entries, list):
        return 0
    mine = subtree(s, home)
    added = 0
    for e in entries[:MAX_CARRIED]:
        if not isinstance(e, dict):
            continue
        rid, record_id, owner, rev = e.get("id"), e.get("record_id"), e.get("owner"), e.get("rev")
        if not (isinstance(rid, str) and UUID_RE.match(rid) and isinstance(record_id, str)
                and UUID_RE.match(record_id) and e.get("table") in SPECS and isinstance(owner, str)
                and owner in mine and isinstance(rev, int) and not isinstance(rev, bool)
                and isinstance(e.get("from_unit"), str) and CODE_RE.match(e["from_unit"])
                and isinstance(e.get("reason"), str)):
            continue
        if s.get(ReturnedRecord, rid) is not None:
            continue
        s.add(ReturnedRecord(id=rid, direction="due" if owner == home else "relay", table_name=e["table"],
                             record_id=record_id, owner=owner, rev=rev, from_unit=e["from_unit"],
                             reason=e["reason"][:REASON_MAX], returned_at=str(e.get("returned_at") or now)[:32],
                             received_at=now, status="open", actor=""))
        added += 1
    s.flush()
    return added
