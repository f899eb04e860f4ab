"""Reading what was handed in: files and parts (joined lazily, one package in memory at a
time) and a payload's lines, each checked before anything is written."""
from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping

from ..core.pinyin import KEYS_VERSION
from . import parts, wrapped
from .container import Caps
from .errors import PackageError
from .records import SHA_RE, RecordProblem, decode_record, parse_line_stream, parse_lines
from .source import Source, open_regular, spool_file

CAPS = Caps()
# A package's bytes (small files, packages inside a wrapping zip) or a Source reading its file
# in blocks (a plain file, the parts of a split package joined into a temporary file).
Loader = Callable[[], "bytes | Source"]


def read_regular(path: Path, cap: int, name: str | None = None, *, head: bool = False) -> bytes:
    """Returns the bytes of a REGULAR file, at most `cap` (head=True: the first `cap` bytes, no error).

    Whatever stat() says: a device (/dev/zero) reports size 0 and a named pipe blocks a plain
    open(), so the file type is checked on the opened descriptor (opened non-blocking) and the
    read itself stops at cap + 1 bytes. Raises PackageError('not_a_file' | 'too_large' | 'unreadable')."""
    name = name or path.name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        raise PackageError("unreadable", f"Cannot read {path}.", f"无法读取文件 {path}。") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise PackageError("not_a_file", f"{name} is not a regular file (a folder, a device or a pipe).",
                               f"{name} 不是普通文件（是文件夹、设备或管道）。")
        chunks, total = [], 0
        while total <= cap:
            block = os.read(fd, min(1 << 20, cap + 1 - total))
            if not block:
                break
            chunks.append(block)
            total += len(block)
    except OSError:
        raise PackageError("unreadable", f"Cannot read {path}.", f"无法读取文件 {path}。") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if head:
        return data[:cap]
    if len(data) > cap:
        raise PackageError("too_large", f"{name} is too large (over {cap} bytes).", f"{name} 过大（超过 {cap} 字节）。")
    return data


def _reader(path: Path, name: str) -> Loader:
    def load() -> Source:
        return open_regular(path, CAPS.max_package, name)
    return load


def _part_reader(path: Path, name: str) -> Callable[[], bytes]:
    def load() -> bytes:
        return read_regular(path, CAPS.max_package, name)
    return load


def _head(path: Path) -> bytes:
    try:
        return read_regular(path, parts.HEADER_SIZE, head=True)
    except PackageError:
        return b""


def _sources(paths: Iterable[str | Path]) -> list[tuple[str, bytes, Loader, Path]]:
    """(shown name, first bytes, loader, file) per package handed in: a file, or each package
    inside an ordinary zip that wraps packages (sync/wrapped.py)."""
    out: list[tuple[str, bytes, Loader, Path]] = []
    for raw in paths:
        path = Path(raw)
        head = _head(path)
        try:
            inner = wrapped.packages_in_zip(path, head, CAPS, parts.HEADER_SIZE)
        except PackageError as err:
            def refuse(err=err) -> bytes:
                raise err
            out.append((path.name, b"", refuse, path))
            continue
        if inner is None:
            load = _part_reader(path, path.name) if parts.is_part(head) else _reader(path, path.name)
            out.append((path.name, head, load, path))
        else:
            out.extend((name, first, load, path) for name, first, load in inner)
    return out


def read_inputs(paths: Iterable[str | Path]) -> list[tuple[str, Loader, list[str]]]:
    """Returns (name, loader, file paths) per package, the parts of a split package grouped (given in any order).
    Only part headers are read here; each package is read when its turn comes, so a batch of
    big packages is never in memory at once. A zip holding packages gives each package inside."""
    singles: list[tuple[str, Loader | None, Path | None]] = []
    groups: dict[str, list[tuple[str, Loader, Path]]] = {}
    for name, head, load, path in _sources(paths):
        if parts.is_part(head):
            try:
                key = parts.part_info(head).package_sha256
            except PackageError:
                key = f"damaged:{path}:{name}"
            if key not in groups:
                singles.append((key, None, None))   # placeholder keeps the order given
            groups.setdefault(key, []).append((name, load, path))
        else:
            singles.append((name, load, path))
    out = []
    for name, loader, single in singles:
        if loader is None:
            members = groups[name]
            loaders = [load for _, load, _ in members]
            out.append((", ".join(n for n, _, _ in members),
                        lambda loaders=loaders: parts.join_parts_to_file(loaders),
                        sorted({str(p) for _, _, p in members})))
        else:
            out.append((name, loader, [str(single)]))
    return out



class BlobSpool(Mapping[str, bytes]):
    """Attachment contents checked on the way in, kept in an anonymous temporary file until the
    import applies them (issue 12: a thousand photos are never all in memory). A read-only
    mapping sha256 -> bytes, each content read back when asked for."""

    def __init__(self) -> None:
        self._where: dict[str, tuple[int, int]] = {}
        self._fh: BinaryIO | None = None
        self._end = 0

    def add(self, sha: str, data: bytes) -> None:
        if sha in self._where:
            return
        if self._fh is None:
            self._fh = spool_file()
        self._fh.seek(self._end)
        self._fh.write(data)
        self._where[sha] = (self._end, len(data))
        self._end += len(data)

    def __getitem__(self, sha: str) -> bytes:
        offset, size = self._where[sha]
        assert self._fh is not None
        self._fh.seek(offset)
        return self._fh.read(size)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def size_of(self, sha: str) -> int:
        return self._where[sha][1]

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


@dataclass
class Decoded:
    items: list = field(default_factory=list)
    blobs: BlobSpool = field(default_factory=BlobSpool)
    receipt: Any = None
    keys: Any = None
    catalogues: Any = None


def decode_payload(plain: bytes | Iterable[bytes], manifest: dict) -> Decoded:
    """Every line checked before anything is written; the first line must repeat the manifest.
    `plain` is the whole payload or its pieces (container.open_payload_pieces).
    Returns the Decoded lines. Raises PackageError for an empty payload or one that does not belong to its
    manifest, RecordProblem for an attachment whose content does not match its hash."""
    out = Decoded()
    first = True
    version = manifest.get("keys_version")       # carried search keys made by our rules? (records.py)
    keys = type(version) is int and version == KEYS_VERSION
    lines = parse_lines(plain) if isinstance(plain, (bytes, bytearray)) else parse_line_stream(plain)
    for number, obj in lines:
        if first:
            first = False
            expected = {"package_id": manifest["package_id"], "sender": manifest["sender_unit"],
                        "recipient": manifest["recipient_unit"], "kind": manifest["kind"]}
            if {k: obj.get(k) for k in expected} != expected:
                raise PackageError("header_mismatch", "The package content does not belong to its signed manifest "
                                   "(package id, sender or recipient differ).",
                                   "数据包内容与已签名的清单不符（包编号、发送或接收单位不一致）。")
            continue
        where = f"line {number}"
        if "record" in obj:
            out.items.append(decode_record(obj, where, keys=keys))
        elif "blob" in obj:
            sha, raw = obj.get("blob"), obj.get("data")
            try:
                blob = base64.b64decode(raw, validate=True) if isinstance(raw, str) else None
            except (binascii.Error, ValueError):
                blob = None
            if not (isinstance(sha, str) and SHA_RE.match(sha)) or blob is None \
                    or hashlib.sha256(blob).hexdigest() != sha:
                raise RecordProblem(where, "attachment content does not match its hash", "附件内容与哈希不符")
            out.blobs.add(sha, blob)
        elif "receipt" in obj:
            out.receipt = obj["receipt"]
        elif "keys" in obj:
            out.keys = obj["keys"]
        elif "catalogues" in obj:
            out.catalogues = obj["catalogues"]
        # other line types come from newer programs and are optional by definition
    if first:
        raise PackageError("header_mismatch", "The package content is empty.", "数据包内容为空。")
    if manifest["kind"] == "receipt" and out.receipt is None:
        raise PackageError("bad_payload", "The receipt has no content.", "回执没有内容。")
    return out
