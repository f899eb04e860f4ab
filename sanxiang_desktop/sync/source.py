"""A package as bytes or as an open file, read by offset (issue 12: a package of photos is
never read whole into memory), and a slice of one (a zip member, a file segment to write).
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zlib
from typing import BinaryIO, Iterator

from .errors import PackageError

BLOCK = 1024 * 1024     # bytes read at a time when streaming a slice


class Source:
    """Bytes or a seekable binary file (owned: `close` closes it) of a known, fixed size."""

    def __init__(self, data: bytes | bytearray | memoryview | None = None, *,
                 fh: BinaryIO | None = None, size: int | None = None):
        if (data is None) == (fh is None):
            raise ValueError("give data or fh")
        self._view = memoryview(data) if data is not None else None
        self._fh = fh
        self.size = len(self._view) if self._view is not None else int(size or 0)

    @property
    def in_memory(self) -> bool:
        return self._view is not None

    def read_at(self, offset: int, length: int) -> bytes:
        """Up to `length` bytes from `offset` (fewer only at the end of the package)."""
        length = max(0, min(length, self.size - offset))
        if self._view is not None:
            return bytes(self._view[offset:offset + length])
        assert self._fh is not None
        self._fh.seek(offset)
        out = self._fh.read(length)
        if len(out) != length:   # the file shrank under us: as damaged as a cut file
            raise PackageError("damaged", "The package file changed while it was being read.",
                               "读取过程中数据包文件发生了变化。")
        return out

    def blocks(self, offset: int, length: int, block: int = BLOCK) -> Iterator[bytes]:
        end = offset + length
        while offset < end:
            piece = self.read_at(offset, min(block, end - offset))
            if not piece:
                return
            offset += len(piece)
            yield piece

    def sha256(self) -> str:
        h = hashlib.sha256()
        for piece in self.blocks(0, self.size):
            h.update(piece)
        return h.hexdigest()

    def whole(self) -> bytes:
        return bytes(self._view) if self._view is not None else self.read_at(0, self.size)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def as_source(data: "bytes | bytearray | memoryview | Source") -> Source:
    """Returns `data` itself if it is a Source, else a Source over the bytes."""
    return data if isinstance(data, Source) else Source(bytes(data) if isinstance(data, memoryview) else data)


class Slice:
    """`length` bytes of a Source from `offset`: a zip member, read in blocks. `crc` when known."""

    def __init__(self, source: Source, offset: int, length: int, crc: int | None = None):
        self.source, self.offset, self.length, self.crc = source, offset, length, crc
        self.sha256: str | None = None

    def __len__(self) -> int:
        return self.length

    def blocks(self, block: int = BLOCK) -> Iterator[bytes]:
        return self.source.blocks(self.offset, self.length, block)

    def read_at(self, offset: int, length: int) -> bytes:
        return self.source.read_at(self.offset + offset, min(length, self.length - offset))

    def read(self) -> bytes:
        return self.source.read_at(self.offset, self.length)

    def digests(self) -> tuple[int, str]:
        """(CRC-32, SHA-256 hex) in one pass."""
        crc, h = 0, hashlib.sha256()
        for piece in self.blocks():
            crc = zlib.crc32(piece, crc)
            h.update(piece)
        return crc, h.hexdigest()


def open_regular(path: os.PathLike | str, cap: int, name: str) -> Source:
    """Returns a REGULAR file opened as a Source (close it when done), at most `cap` bytes.
    Raises PackageError as inbox.read_regular does: 'not_a_file', 'too_large', 'unreadable'."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        raise PackageError("unreadable", f"Cannot read {path}.", f"无法读取文件 {path}。") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PackageError("not_a_file", f"{name} is not a regular file (a folder, a device or a pipe).",
                               f"{name} 不是普通文件（是文件夹、设备或管道）。")
        if info.st_size > cap:
            raise PackageError("too_large", f"{name} is too large (over {cap} bytes).",
                               f"{name} 过大（超过 {cap} 字节）。")
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return Source(fh=fh, size=info.st_size)


def spool_file() -> BinaryIO:
    """Returns an anonymous temporary file opened for writing and reading (gone when closed, or
    when the process dies)."""
    return tempfile.TemporaryFile(prefix="sanxiang-")
