"""Attachments of activities (photos, scanned sign-in sheets): the content is stored once per
SHA-256 in blobs, whatever refers to it, so the same photo added twice (or arriving in two
packages) costs its bytes once. Adding one is one action: one transaction, one audit entry,
undone by deleting the attachment record (the blob stays for the undo's redo)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Sequence

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


@dataclass(frozen=True)
class NewFile:
    """One file to attach: its name as shown, its bytes (already scaled down if it is a photo), kind, MIME type."""
    file_name: str
    data: bytes
    kind: str = "photo"                     # photo | signin | document
    mime: str = "application/octet-stream"
    caption: str = ""


def _add_in(s: Session, ws: Workspace, activity_id: str, f: NewFile, name_problems: bool) -> tuple[str, dict, list]:
    """Store one file (blob deduplicated by SHA-256) and its attachment record inside the caller's
    transaction: (id, values, warnings). Raises Invalid for an empty or too large file or a bad activity;
    with name_problems the problem names the file (a batch says which one was refused)."""
    spec = SPECS["attachments"]
    prefix = f"{f.file_name}：" if name_problems else ""
    prefix_en = f"{f.file_name}: " if name_problems else ""
    if not f.data:
        raise Invalid(Problem("file_name", f"{prefix}文件为空", f"{prefix_en}the file is empty"))
    if len(f.data) > MAX_BYTES:
        raise Invalid(Problem("file_name", f"{prefix}文件超过 {MAX_BYTES // 1024 // 1024} MB，请压缩后再添加",
                              f"{prefix_en}the file is larger than {MAX_BYTES // 1024 // 1024} MB; compress it first"))
    sha = hashlib.sha256(f.data).hexdigest()
    if s.get(m.Blob, sha) is None:
        s.add(m.Blob(sha256=sha, size=len(f.data), data=bytes(f.data)))
        s.flush()
    values, problems = validate(s, ws, spec, {
        "activity_id": activity_id, "kind": f.kind, "file_name": f.file_name,
        "mime": f.mime or "application/octet-stream", "sha256": sha, "size": len(f.data), "caption": f.caption})
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise Invalid(*[Problem(p.field, prefix + p.message_zh, prefix_en + p.message_en, p.severity, p.code)
                        for p in errors])
    return insert(s, ws, spec, values).id, values, problems


def add_attachment(ws: Workspace, activity_id: str, file_name: str, data: bytes, kind: str = "photo",
                   mime: str = "application/octet-stream", caption: str = "") -> Result:
    """新增附件: store the bytes (deduplicated by SHA-256) and the attachment record.
    Returns the Result: bad input raises Invalid inside the transaction and comes back as a failed Result
    (nothing changed), never as an exception. (Invalid: an empty file, one over the size cap, an activity that
    is not this unit's.)"""
    return add_attachments(ws, activity_id, [NewFile(file_name, data, kind, mime, caption)])


def add_attachments(ws: Workspace, activity_id: str, files: Sequence[NewFile]) -> Result:
    """新增附件 for several files chosen at once: one transaction, one audit entry listing every new
    attachment's id, one undo step (undone by records.delete_many on Result.changes.ids). Returns the
    Result (record_id: the first new attachment's id). All or nothing: a refused file (empty, over the
    size cap, not this unit's activity) raises Invalid inside the transaction, which comes back as a
    failed Result naming that file, and no file is added; never an exception."""
    spec = SPECS["attachments"]
    files = list(files)

    def work(s: Session) -> Result:
        if not files:
            raise Invalid(Problem("file_name", "没有选择文件", "no file was chosen"))
        added, warnings, last = [], [], {}
        for f in files:
            record_id, last, problems = _add_in(s, ws, activity_id, f, len(files) > 1)
            added.append(record_id)
            warnings += problems
        label = f"新增附件：{display(spec, last)}" if len(added) == 1 else f"新增{len(added)}个附件"
        return Result(ok=True, label=label, record_id=added[0], changes=changes_of("attachments", *added),
                      problems=tuple(warnings), after=last if len(added) == 1 else None)
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
