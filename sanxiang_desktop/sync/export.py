"""The upward data package: every record this installation owns or forwards that
changed since the last RECEIPT from the recipient (not since the last export), so
a lost stick or e-mail loses nothing and the next package covers it.

"Changed since" uses the local change log (sync_changes, filled by triggers), not
clock stamps: a township's record forwarded by a county may carry an old stamp
and still be new to the county's parent.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Iterator

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session

from ..core.pinyin import KEYS_VERSION
from ..store import models as m
from ..store.database import Database
from ..store.sync_models import ReceivedReceipt, RecordChange, RecordOrigin, SentPackage
from . import parts
from .outbox import ExchangeError, Written, b64, next_seq, write_package
from .publish import publish
from .records import encode_line, record_line, row_state
from .trust import ensure_own_key, proof_for, subtree, unit_name, upward_recipient


def last_receipt(s: Session, sender: str) -> ReceivedReceipt | None:
    """Returns the receipt that counts: the one the upper level issued last, by its SEQUENCE NUMBER, never by
    the time written on it (one receipt written while a clock was years ahead would otherwise outrank
    every later one). Receipt numbers never restart: the upper level numbers past the receipt number
    its child last saw (data packages carry it as ``receipt_seq``), even after a restore."""
    return s.scalar(select(ReceivedReceipt).where(ReceivedReceipt.sender == sender)
                    .order_by(ReceivedReceipt.seq.desc(), ReceivedReceipt.received_at.desc()).limit(1))


def change_threshold(s: Session, recipient: str, acked: int) -> int:
    """Returns the change-log position the recipient is known to hold: what package `acked` carried."""
    if acked <= 0:
        return 0
    high = s.scalar(select(SentPackage.change_high).where(
        SentPackage.recipient == recipient, SentPackage.kind == "data", SentPackage.seq == acked))
    # A receipt for a package this file never wrote (restored from an older backup): send everything.
    return high or 0


def changed_rows(s: Session, model, low: int, high: int, owners: set[str]) -> Iterator[dict]:
    """Yields the current state of every record of `model` owned by one of `owners` whose change-log position
    lies in (low, high]."""
    table = model.__table__
    query = (select(table).join(RecordChange, and_(RecordChange.table_name == model.__tablename__,
                                                   RecordChange.record_id == table.c.id))
             .where(RecordChange.change_seq > low, RecordChange.change_seq <= high).order_by(table.c.id))
    if model is m.Unit:
        query = query.where(table.c.builtin.is_(False))
    for row in s.execute(query).mappings():
        if row["owner"] in owners:
            yield row


def collect_records(s: Session, home: str, package_id: str, low: int, high: int,
                    owners: set[str] | None = None) -> tuple[list[bytes], dict[str, int], set[str]]:
    """Returns payload record lines (parents before children), counts per table, attachment hashes."""
    owners = owners if owners is not None else subtree(s, home)
    lines: list[bytes] = []
    counts: dict[str, int] = {}
    shas: set[str] = set()
    for model in m.RECORD_MODELS:
        name = model.__tablename__
        origins = {r.record_id: r for r in s.scalars(select(RecordOrigin).where(RecordOrigin.table_name == name))}
        for row in changed_rows(s, model, low, high, owners):
            state = row_state(name, row, keys=True)      # with its search key (records.py)
            o = origins.get(row["id"])
            if o is not None and o.origin_rev == row["rev"]:
                origin = {"unit": o.origin_unit, "package": o.origin_package, "rev": o.origin_rev}
            else:
                origin = {"unit": row["owner"], "package": package_id if row["owner"] == home else None,
                          "rev": row["rev"]}
            lines.append(record_line(state, origin))
            counts[name] = counts.get(name, 0) + 1
            if model is m.Attachment:
                shas.add(row["sha256"])
    return lines, counts, shas


def blob_lines(s: Session, shas: set[str]) -> Iterator[bytes]:
    """Each attachment's content once, however many records point at it. Checked here; read one at a
    time as the package is written (a thousand photos are never all in memory).
    Yields one payload line per attachment. Raises ExchangeError when an attachment's content is missing from
    the database."""
    have: set[str] = set()
    wanted = sorted(shas)
    for i in range(0, len(wanted), 500):
        have.update(s.scalars(select(m.Blob.sha256).where(m.Blob.sha256.in_(wanted[i:i + 500]))))
    for sha in wanted:
        if sha not in have:
            raise ExchangeError("missing_blob", f"The content of an attachment ({sha[:12]}…) is missing from this "
                                "database; run 'check'.", f"本数据库缺少某个附件的内容（{sha[:12]}…），请运行“检查”。")

    def read() -> Iterator[bytes]:
        for sha in wanted:
            data = s.scalar(select(m.Blob.data).where(m.Blob.sha256 == sha))
            yield encode_line({"blob": sha, "data": b64(data)})
    return read()


def export_package(db: Database, folder: str | Path, *, limit: int = parts.DEFAULT_LIMIT) -> Written:
    """Write the upward data package (always, even with no changes) and return what was written.
    Raises ExchangeError when the database has no home unit or the home unit is the top level."""
    home = db.home_unit
    if not home:
        raise ExchangeError("no_home", "This database has no home unit; run init first.", "数据库尚未设置本单位。")
    signer = ensure_own_key(db)
    def build(s: Session, package_id: str) -> Written:
        recipient = upward_recipient(s, home)
        if recipient is None:
            raise ExchangeError("top_level", f"{unit_name(s, home)} is the top level: there is no upper level to "
                                "send a data package to.", f"{unit_name(s, home)}为最高一级，没有可报送的上级单位。")
        receipt = last_receipt(s, recipient)
        acked = receipt.acked_seq if receipt else 0
        seq = next_seq(s, recipient, "data", receipt.max_seq if receipt else 0)
        low = change_threshold(s, recipient, acked)
        if db.is_server:
            # Change numbers come from a sequence and are taken before commit: a clerk's save in
            # flight may hold a lower number than one already committed. SHARE mode waits for every
            # writer of the change log to finish (and holds new ones until this package is written),
            # so no change below `high` can appear after it.
            s.execute(text("LOCK TABLE sync_changes IN SHARE MODE"))
        high = s.scalar(select(func.max(RecordChange.change_seq))) or 0
        lines, counts, shas = collect_records(s, home, package_id, low, high)
        body = itertools.chain(blob_lines(s, shas), lines)
        proof = proof_for(s, recipient, signer.public_bytes)
        # keys_version: the rules that made the carried search keys (core.pinyin.KEYS_VERSION)
        extra = {"blobs": len(shas), "receipt_seq": receipt.seq if receipt else 0, "keys_version": KEYS_VERSION}
        if proof:
            extra["enrolment_proof"] = proof
        written = write_package(s, kind="data", sender=home, recipient=recipient, seq=seq, acked_seq=acked,
                                body_lines=body, counts=counts, signer=signer, folder=Path(folder), limit=limit,
                                change_high=high, extra_manifest=extra, package_id=package_id,
                                chunked=bool(shas))    # photos: streamed (format 2, issue 12)
        return written
    return publish(db, folder, build)
