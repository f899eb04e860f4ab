"""Attachments of activities (photos, scanned sign-in sheets): the content is stored once per
SHA-256 in blobs, whatever refers to it, so the same photo added twice (or arriving in two
packages) costs its bytes once. Adding one is one action: one transaction, one audit entry,
undone by deleting the attachment record (the blob stays for the undo's redo)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..core.validation import Problem
from ..store import models as m
from .records import display, insert, validate
from .result import Invalid, Result
from .spec import SPECS
from .workspace import Workspace, changes_of

# A sign-in sheet scanned at 600 dpi is a few MB; a package goes by e-mail.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    activity_id: str
    kind: str
    file_name: str
    mime: str
    sha256: str
    size: int
    caption: str
    owner: str


def add_attachment(ws: Workspace, activity_id: str, file_name: str, data: bytes, kind: str = "photo",
                   mime: str = "application/octet-stream", caption: str = "") -> Result:
    """新增附件: store the bytes (deduplicated by SHA-256) and the attachment record.
    Returns the Result: bad input raises Invalid inside the transaction and comes back as a failed Result
    (nothing changed), never as an exception. (Invalid: an empty file, one over the size cap, an activity that
    is not this unit's.)"""
    spec = SPECS["attachments"]

    def work(s: Session) -> Result:
        if not data:
            raise Invalid(Problem("file_name", "文件为空", "the file is empty"))
        if len(data) > MAX_BYTES:
            raise Invalid(Problem("file_name", f"文件超过 {MAX_BYTES // 1024 // 1024} MB，请压缩后再添加",
                                  f"the file is larger than {MAX_BYTES // 1024 // 1024} MB; compress it first"))
        sha = hashlib.sha256(data).hexdigest()
        if s.get(m.Blob, sha) is None:
            s.add(m.Blob(sha256=sha, size=len(data), data=bytes(data)))
            s.flush()
        values, problems = validate(s, ws, spec, {
            "activity_id": activity_id, "kind": kind, "file_name": file_name,
            "mime": mime or "application/octet-stream",
            "sha256": sha, "size": len(data), "caption": caption})
        if any(p.severity == "error" for p in problems):
            raise Invalid(*problems)
        obj = insert(s, ws, spec, values)
        return Result(ok=True, label=f"新增附件：{display(spec, values)}", record_id=obj.id,
                      changes=changes_of("attachments", obj.id), problems=tuple(problems), after=values)
    return ws.run("create:attachments", work)


def blob_bytes(ws: Workspace, sha256: str) -> bytes | None:
    """Returns the stored bytes of the attachment content with hash `sha256`, or None when none is stored."""
    with ws.session() as s:
        blob = s.get(m.Blob, sha256)
        return bytes(blob.data) if blob is not None else None


def attachments_of(ws: Workspace, activity_id: str) -> list[AttachmentInfo]:
    """Returns the live attachments of an activity, photos first, then in the order they were added."""
    A = m.Attachment
    order = {"photo": 0, "signin": 1, "document": 2}
    with ws.session() as s:
        rows = s.scalars(select(A).where(A.activity_id == activity_id, A.deleted.is_(False))
                         .order_by(A.created_at, A.id)).all()
        found = [AttachmentInfo(a.id, a.activity_id, a.kind, a.file_name, a.mime, a.sha256, a.size, a.caption or "",
                                a.owner) for a in rows]
    return sorted(found, key=lambda a: order.get(a.kind, 9))
