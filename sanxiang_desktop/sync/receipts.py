"""Receipts: what the upper level tells a child it holds, and sequence bookkeeping.

A data package says which of the recipient's receipts it builds on (acked_seq) and
carries every change since then, so package n covers every earlier package that
built on the same or an older receipt. The receiver's high-water mark therefore
advances over a lost package once a later one that covers it has arrived; only
numbers not covered are reported as missing ("掌政镇: package 5 missing").
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core import clock
from ..core.clock import format_local
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import PersonDuplicate, ReceivedPackage, ReceivedReceipt, Rejection, SentPackage
from .container import FORMAT_VERSION
from .errors import PackageError
from .outbox import CAPABILITIES, ExchangeError, Written, next_seq, schema_version, write_package
from .records import encode_line
from .publish import publish
from .returns import apply_returns, returns_for_receipt
from .trust import ensure_own_key, is_below, unit_name, utc_stamp

MAX_LISTED = 200


@dataclass
class SequenceState:
    """What has arrived from one sender."""
    sender: str
    high_water: int = 0                  # every change up to this package is here
    max_seq: int = 0
    received: list[int] = field(default_factory=list)
    missing: list[int] = field(default_factory=list)   # not here and not covered by a later package
    last_at: str | None = None

    def missing_text(self, name: str) -> tuple[str, str]:
        nums = ", ".join(str(n) for n in self.missing)
        return (f"{name}: package {nums} missing", f"{name}：缺第 {'、'.join(str(n) for n in self.missing)} 包")


def high_water(pairs: list[tuple[int, int]]) -> int:
    """Returns highest n such that all changes up to package n are here, from (seq, acked_seq) pairs."""
    h = 0
    while True:
        covering = [seq for seq, base in pairs if base <= h < seq]
        if not covering:
            return h
        h = max(covering)


def sequence_state(s: Session, sender: str) -> SequenceState:
    """Returns what has arrived from `sender` (SequenceState: sequence numbers received, the contiguous high
    water, the missing ones, when the last came)."""
    rows = s.execute(select(ReceivedPackage.seq, ReceivedPackage.acked_seq, ReceivedPackage.received_at)
                     .where(ReceivedPackage.sender == sender, ReceivedPackage.kind == "data")).all()
    st = SequenceState(sender)
    if not rows:
        return st
    st.received = sorted({r[0] for r in rows})
    st.max_seq = st.received[-1]
    st.high_water = high_water([(r[0], r[1]) for r in rows])
    st.missing = [n for n in range(st.high_water + 1, st.max_seq) if n not in set(st.received)]
    st.last_at = max(r[2] for r in rows)
    return st


def export_receipt(db: Database, to: str, folder: str | Path) -> Written:
    """Write the signed receipt for child unit `to`: packages applied, duplicates, rejections with
    reasons, the high-water sequence, this installation's schema version, and the records returned
    for correction on the way to `to` (ids and the clerk's reason). No personal data.
    Returns what was written. Raises ExchangeError when `to` is not below this unit."""
    home = db.home_unit
    signer = ensure_own_key(db)
    def build(s: Session, package_id: str) -> Written:
        if not is_below(s, to, home):
            raise ExchangeError("not_child", f"Unit {to} is not below {unit_name(s, home)}; receipts go to "
                                "lower units only.", f"单位 {to} 不是{unit_name(s, home)}的下级，回执只发给下级单位。")
        st = sequence_state(s, to)
        received = s.scalars(select(ReceivedPackage).where(ReceivedPackage.sender == to,
                                                           ReceivedPackage.kind == "data")
                             .order_by(ReceivedPackage.seq.desc()).limit(MAX_LISTED)).all()
        rejected = s.scalars(select(Rejection).where(Rejection.sender == to)
                             .order_by(Rejection.id.desc()).limit(MAX_LISTED)).all()
        dup_people = s.execute(
            select(PersonDuplicate.person_a, PersonDuplicate.person_b).where(PersonDuplicate.status == "open")).all()
        own_people = set(s.scalars(select(m.Person.id).where(m.Person.owner == to)))
        body = {
            "receiver": home, "issued_at": utc_stamp(), "acked_seq": st.high_water, "max_seq": st.max_seq,
            "missing": st.missing, "schema_version": schema_version(), "format_version": FORMAT_VERSION,
            "capabilities": list(CAPABILITIES),
            # ids AND content hashes: the child checks them against its own before it believes
            # "received up to N" (a number once written twice with different content is caught)
            "applied": [{"package_id": r.package_id, "seq": r.seq, "sha256": r.sha256,
                         "received_at": r.received_at, "counts": json.loads(r.counts)} for r in received],
            "duplicates": [{"package_id": r.package_id, "seq": r.seq, "times": r.duplicate_count,
                            "last_at": r.last_duplicate_at} for r in received if r.duplicate_count],
            "rejections": [{"package_id": r.package_id, "seq": r.seq, "code": r.code, "reason_en": r.message_en,
                            "reason_zh": r.message_zh, "at": r.at} for r in rejected],
            # Record ids only (never names or numbers): the child looks them up itself.
            "duplicate_people": sorted({a if a in own_people else b for a, b in dup_people
                                        if a in own_people or b in own_people}),
            "returns": returns_for_receipt(s, home, to),
        }
        seen = s.get(m.Meta, f"receipt_seq_seen:{to}")
        seq = next_seq(s, to, "receipt", int(seen.value) if seen is not None else 0)
        return write_package(s, kind="receipt", sender=home, recipient=to, seq=seq, acked_seq=st.high_water,
                             body_lines=[encode_line({"receipt": body})],
                             counts={"applied": len(received), "rejections": len(rejected),
                                     "returns": len(body["returns"])},
                             signer=signer, folder=Path(folder), package_id=package_id)
    return publish(db, folder, build)


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2 ** 31


def apply_receipt(s: Session, manifest: dict, body: Any, sha: str, now: str) -> dict[str, Any]:
    """Store a receipt from the upper level (the caller's transaction). Returns a summary.
    Raises PackageError for invalid receipt content."""
    if not isinstance(body, dict) or not _is_count(body.get("acked_seq")) or not _is_count(body.get("max_seq", 0)):
        raise PackageError("bad_payload", "The receipt content is invalid.", "回执内容无效。")
    issued = body.get("issued_at") if isinstance(body.get("issued_at"), str) else manifest["created_at"]
    acked, mismatch = believed_acked(s, manifest["sender_unit"], body)
    row = ReceivedReceipt(package_id=manifest["package_id"], sender=manifest["sender_unit"], seq=manifest["seq"],
                          acked_seq=acked, max_seq=body.get("max_seq", 0), issued_at=issued[:32],
                          received_at=now, schema_version=str(body.get("schema_version", ""))[:32],
                          body=encode_line(body).decode("utf-8"))
    s.add(row)
    s.flush()
    summary = receipt_summary(s, row) | {"returns": apply_returns(s, manifest["recipient_unit"],
                                                                  body.get("returns"), now)}
    if mismatch:
        summary["message_en"] += (f"; its package {body['acked_seq']} is not the one sent from here, so everything "
                                  "since the last matching receipt will be sent again")
        summary["message_zh"] += f"；对方所收第 {body['acked_seq']} 包与本机发出的不符，将重新报送上次确认以来的全部数据"
    return summary


def believed_acked(s: Session, upper: str, body: dict) -> tuple[int, bool]:
    """Returns (the "received up to N" this installation believes, whether the receipt disagreed).

    The receipt names the package id and content hash of each package it acknowledges; the one
    at its high-water mark must be the package sent from here under that number, else the
    receipt is not believed beyond the last receipt that was (a number once written twice with
    different content, or a receipt for someone else's file). Receipts of older releases carry
    no hash: the package id alone is compared then."""
    acked = body["acked_seq"]
    if acked <= 0:
        return acked, False
    entry = next((e for e in body.get("applied") or [] if isinstance(e, dict) and e.get("seq") == acked), None)
    ours = s.scalar(select(SentPackage).where(SentPackage.recipient == upper, SentPackage.kind == "data",
                                              SentPackage.seq == acked))
    if entry is None or ours is None:
        return acked, False
    if entry.get("package_id") == ours.package_id and entry.get("sha256", ours.sha256) == ours.sha256:
        return acked, False
    from .export import last_receipt
    previous = last_receipt(s, upper)
    return (min(previous.acked_seq, acked) if previous else 0), True


def receipt_summary(s: Session, row: ReceivedReceipt) -> dict[str, Any]:
    """Returns a receipt from the upper level as plain values for the page and the command line (sender, sequence
    numbers, date, rejections, missing packages, message in English and Chinese)."""
    name = unit_name(s, row.sender)
    day = format_local(row.issued_at, date_only=True)
    body = json.loads(row.body)
    return {"sender": row.sender, "acked_seq": row.acked_seq, "max_seq": row.max_seq, "issued_at": row.issued_at,
            "rejections": body.get("rejections", []), "missing": body.get("missing", []),
            "message_en": f"the {name} association has received up to package {row.acked_seq} ({day})",
            "message_zh": f"{name}科协已接收至第 {row.acked_seq} 包（{day}）"}


def upper_status(db: Database) -> dict[str, Any] | None:
    """Returns what the upper level last acknowledged, for "县科协已接收至第 17 包 (2026-05-03)"."""
    from .export import last_receipt
    from .trust import upward_recipient
    from ..store.sync_models import SentPackage
    home = db.home_unit
    with db.session() as s:
        parent = upward_recipient(s, home) if home else None
        if parent is None:
            return None
        receipt = last_receipt(s, parent)
        sent = s.scalars(select(SentPackage).where(SentPackage.recipient == parent, SentPackage.kind == "data")
                         .order_by(SentPackage.seq)).all()
        acked = receipt.acked_seq if receipt else 0
        out = {"parent": parent, "parent_name": unit_name(s, parent), "acked_seq": acked,
               "last_sent_seq": sent[-1].seq if sent else 0,
               "unacknowledged": [p.seq for p in sent if p.seq > acked]}
        out.update(receipt_summary(s, receipt) if receipt else
                   {"message_en": "no receipt yet", "message_zh": f"尚未收到{unit_name(s, parent)}的回执"})
        return out


def days_since(stamp: str | None, today: dt.date | None = None) -> int | None:
    """Returns the whole days from UTC stamp `stamp` to `today` (the office's date), or None without a readable
    stamp."""
    if not stamp:
        return None
    today = today or clock.today()
    try:
        return (today - clock.local_date(stamp)).days
    except ValueError:   # a bare ISO date
        return (today - dt.date.fromisoformat(stamp[:10])).days
