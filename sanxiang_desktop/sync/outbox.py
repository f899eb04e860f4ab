"""Writing any kind of package: manifest fields of the record layer, the payload's
header line, signing and sealing (container), splitting (parts), atomic files, and
the row in sync_sent - all in the caller's transaction.

File names are made of unit codes, the kind and the sequence number only, e.g.
``640104100-640104-000017.sxpkg``: nothing personal ever appears in one.
"""
from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import __version__
from ..core.ids import new_id
from ..store.sync_models import SentPackage
from . import parts
from .container import CHUNKED_CAPABILITY, FORMAT_VERSION, build_chunked_package, build_package_from_lines
from .errors import ExchangeError
from .keys import KeyPair
from .records import PAYLOAD_VERSION, encode_line
from .trust import peer_key, utc_stamp

KINDS = ("data", "receipt", "reference", "enrolment")
CAPABILITIES = ("records/1", "origins/1", "attachments/1", "receipts/1", "reference/1", "enrolment-proof/1",
                CHUNKED_CAPABILITY)
REQUIRED = {"data": ["records/1"], "reference": ["records/1", "reference/1"], "receipt": ["receipts/1"],
            "enrolment": ["records/1", "reference/1"]}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"




@lru_cache(maxsize=1)
def schema_version() -> str:
    """Returns the schema version this program writes (the Alembic head revision)."""
    from ..store.migrate import head_revision
    return head_revision()


def check_code(package_sha256: str) -> str:
    """Returns eight characters from the package hash for the transmittal slip, e.g. ``7KQ2-M9XD``:
    the receiving clerk reads them off the slip and compares them with the screen."""
    number = int(package_sha256[:10], 16)
    text = "".join(_CROCKFORD[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{text[:4]}-{text[4:]}"


def file_stem(kind: str, sender: str, recipient: str, seq: int) -> str:
    """Returns the ASCII file-name stem of a package: `<sender>-<recipient>[-<kind>]-<seq, 6 digits>`."""
    middle = "" if kind == "data" else f"-{kind}"
    return f"{sender}-{recipient}{middle}-{seq:06d}"


@dataclass
class Written:
    """What was written: the GUI lists it, the CLI prints it, the slip is made from it."""
    kind: str
    package_id: str
    sender: str
    recipient: str
    seq: int
    acked_seq: int
    paths: list[Path]
    sha256: str
    size: int
    counts: dict[str, int]
    created_at: str
    encrypted: bool
    check_code: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "package_id": self.package_id, "sender": self.sender,
                "recipient": self.recipient, "seq": self.seq, "acked_seq": self.acked_seq,
                "paths": [str(p) for p in self.paths], "sha256": self.sha256, "size": self.size,
                "counts": self.counts, "created_at": self.created_at, "encrypted": self.encrypted,
                "check_code": self.check_code}


def next_seq(s: Session, recipient: str, kind: str, at_least: int = 0) -> int:
    """Returns the next sequence number for packages of `kind` to `recipient` (above `at_least`)."""
    last = s.scalar(select(func.max(SentPackage.seq)).where(SentPackage.recipient == recipient,
                                                            SentPackage.kind == kind)) or 0
    return max(last, at_least) + 1


def _write_synced(path: Path, data: bytes | Iterable[bytes]) -> None:
    with open(path, "wb") as fh:
        for piece in ([data] if isinstance(data, (bytes, bytearray, memoryview)) else data):
            fh.write(piece)
        fh.flush()
        os.fsync(fh.fileno())


def pending_name(name: str, package_id: str) -> str:
    """Returns the temporary name a package file has until its row in sync_sent is committed."""
    return f"{name}.{package_id}.tmp"


def write_package(s: Session, *, kind: str, sender: str, recipient: str, seq: int, acked_seq: int,
                  body_lines: Iterable[bytes], counts: dict[str, int], signer: KeyPair, folder: Path,
                  limit: int = parts.DEFAULT_LIMIT, change_high: int = 0, encrypt: bool = True,
                  extra_manifest: dict[str, Any] | None = None, package_id: str | None = None,
                  chunked: bool = False) -> Written:
    """Build, sign, seal, split and write one package under temporary names and record it in
    sync_sent (the caller commits; sync.publish.publish then gives the files their real names).
    Returns what was written (Written).

    chunked=True writes container format 2 (sync/chunked.py: streamed through a temporary file,
    never whole in memory) and declares it in required_capabilities, so a release that cannot read
    it refuses the package by name; give it when the payload carries attachment content. Otherwise
    format 1, which every release reads."""
    package_id = package_id or new_id()
    created = utc_stamp()
    header = {"package_id": package_id, "sender": sender, "recipient": recipient, "kind": kind,
              "payload_version": PAYLOAD_VERSION}
    manifest: dict[str, Any] = {
        "kind": kind, "package_id": package_id, "sender_unit": sender, "recipient_unit": recipient,
        "seq": seq, "acked_seq": acked_seq, "schema_version": schema_version(),
        "capabilities": list(CAPABILITIES), "required_capabilities": REQUIRED[kind],
        "payload_version": PAYLOAD_VERSION, "created_at": created, "counts": counts,
        "program_version": __version__,
    }
    manifest.update(extra_manifest or {})
    if chunked:
        manifest["required_capabilities"] = REQUIRED[kind] + [CHUNKED_CAPABILITY]
    recipient_public = peer_key(s, recipient) if encrypt else None
    # Line by line into the compressor, the package kept as its segments and cut into parts one at a
    # time. Format 1 holds the compressed payload (twice: compressed, sealed); format 2 holds a chunk.
    build = build_chunked_package if chunked else build_package_from_lines
    segments = build(manifest, _consumed([encode_line(header)], body_lines), signer, recipient_public)
    sha, size = parts.segments_sha256(segments), sum(len(x) for x in segments)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths, names = [], []
    for name, pieces in parts.split_stream(segments, file_stem(kind, sender, recipient, seq), limit,
                                      whole_sha256=sha):
        # Under a temporary name: the real name appears only after the commit (publish.py).
        _write_synced(folder / pending_name(name, package_id), pieces)
        paths.append(folder / name)
        names.append(name)
    del segments
    s.add(SentPackage(package_id=package_id, kind=kind, recipient=recipient, seq=seq, acked_seq=acked_seq,
                      change_high=change_high, created_at=created, files=json.dumps(names),
                      sha256=sha, size=size, counts=json.dumps(counts, sort_keys=True)))
    s.flush()
    return Written(kind, package_id, sender, recipient, seq, acked_seq, paths, sha, size, counts, created,
                   recipient_public is not None, check_code(sha), manifest)


def _consumed(first: list[bytes], rest: Iterable[bytes]) -> Iterator[bytes]:
    """The lines, each let go once compressed (a list given is emptied as it is read)."""
    yield from first
    if isinstance(rest, list):
        rest.reverse()
        while rest:
            yield rest.pop()
    else:
        yield from rest


def b64(data: bytes) -> str:
    """Returns `data` as standard base64 text."""
    return base64.b64encode(data).decode("ascii")


__all__ = ["KINDS", "CAPABILITIES", "ExchangeError", "Written", "write_package", "next_seq", "check_code",
           "schema_version", "file_stem", "b64", "FORMAT_VERSION"]
