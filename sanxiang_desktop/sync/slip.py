"""The transmittal slip (报送单) of a package: what the printed form shows.

Record counts by type with their Chinese names, and a short check code from the
package hash that the receiving clerk compares with the screen after importing.
"""
from __future__ import annotations

from typing import Any

from ..services.spec import SPECS
from ..store.database import Database
from .outbox import Written
from .trust import unit_name

KIND_ZH = {"data": "数据包", "receipt": "回执", "reference": "基础数据包", "enrolment": "注册文件"}


def slip_data(db: Database, written: Written) -> dict[str, Any]:
    """Returns the values of the transmittal slip of `written` (sender, recipient, sequence numbers, counts per
    kind of record, files, size, check code)."""
    with db.session() as s:
        sender_name, recipient_name = unit_name(s, written.sender), unit_name(s, written.recipient)
    counts = [(SPECS[t].zh if t in SPECS else t, n) for t, n in sorted(written.counts.items()) if n]
    return {
        "kind": written.kind, "kind_zh": KIND_ZH.get(written.kind, written.kind),
        "sender": written.sender, "sender_name": sender_name,
        "recipient": written.recipient, "recipient_name": recipient_name,
        "seq": written.seq, "acked_seq": written.acked_seq, "package_id": written.package_id,
        "created_at": written.created_at, "counts": counts, "total": sum(n for _, n in counts),
        "files": [p.name for p in written.paths], "size": written.size, "encrypted": written.encrypted,
        "check_code": written.check_code, "sha256": written.sha256,
    }


def slip_document(db: Database, written: Written):
    """Returns the abstract document of the slip (documents.forms.transmittal), ready for any renderer."""
    from ..core import clock
    from ..documents.forms.transmittal import TransmittalData, transmittal_slip
    data = slip_data(db, written)
    names = data["files"]
    package_file = names[0] if len(names) == 1 else f"{names[0]} 等 {len(names)} 个分卷"
    return transmittal_slip(TransmittalData(
        sender_name=data["sender_name"], sender_code=written.sender, recipient_name=data["recipient_name"],
        recipient_code=written.recipient, package_file=package_file, sequence=written.seq,
        created_at=clock.to_local(written.created_at).replace(tzinfo=None),   # the office's time on paper
        check_code=written.check_code, record_counts=dict(written.counts)))
