"""Splitting a package into numbered parts for e-mail size limits, and joining them.

Each part is a small fixed header followed by a slice of the package:

    magic "SXPKPART" | version u8 | index u16 | count u16 | total length u64 |
    SHA-256 of the whole package (32) | SHA-256 of this slice (32)

So a part is recognised without its file name, parts can be given in any
order, a damaged part is named, and the joined package is checked against
its SHA-256 before anyone reads it. Parts keep the ``.sxpkg`` extension so
clerks handle them like any package; the reader tells them apart by the magic.
"""
from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from typing import Iterator

from .errors import PackageError

MAGIC = b"SXPKPART"
PART_VERSION = 1
_HEADER = struct.Struct("<8sBHHQ32s32s")
HEADER_SIZE = _HEADER.size
DEFAULT_LIMIT = 20 * 1024 * 1024
MAX_TOTAL = 512 * 1024 * 1024   # same as the package cap in container.Caps
_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


@dataclass(frozen=True)
class PartInfo:
    package_sha256: str   # hex, of the whole joined package
    index: int            # 1-based
    count: int
    total_length: int
    chunk_sha256: bytes


def is_part(data: bytes) -> bool:
    """Returns True when `data` starts with the header of one part of a split package."""
    return len(data) >= HEADER_SIZE and bytes(data[:len(MAGIC)]) == MAGIC


def part_info(data: bytes) -> PartInfo:
    """Header of a part (for grouping the files of one package before joining).
    Returns its PartInfo. Raises PackageError for a file that is no part, a damaged header or a newer format."""
    if not is_part(data):
        raise PackageError("not_part", "This file is not a part of a split package.",
                           "该文件不是分卷数据包的一部分。")
    _magic, version, index, count, total, whole, chunk = _HEADER.unpack_from(data, 0)
    if version != PART_VERSION:
        raise PackageError("newer_format", "This part was made by a newer version of the program; "
                           "please upgrade the program.", "该分卷由更新版本的程序生成，请升级程序。")
    if not (2 <= count and 1 <= index <= count) or total == 0:
        raise PackageError("damaged_part", "The part header is damaged.", "分卷文件头已损坏。")
    return PartInfo(whole.hex(), index, count, total, chunk)


def part_name(file_stem: str, index: int, count: int) -> str:
    """Returns the file name of part `index` of `count`: `<stem>.partNNofMM.sxpkg`."""
    width = max(2, len(str(count)))
    return f"{file_stem}.part{index:0{width}d}of{count:0{width}d}.sxpkg"


def split_package(data: bytes, file_stem: str,
                  limit: int = DEFAULT_LIMIT) -> list[tuple[str, bytes]]:
    """``[(file_name, bytes)]``: one ``<stem>.sxpkg`` if it fits, else numbered parts.

    ``limit`` is the largest file (header included) that may be produced.
    Returns that list. Raises ValueError for a stem that is not plain ASCII, a limit too small for parts, or
    more than 65535 parts."""
    if not _STEM.fullmatch(file_stem):
        raise ValueError(f"file stem must be ASCII letters, digits, '.', '_' or '-': {file_stem!r}")
    data = bytes(data)
    if len(data) <= limit:
        return [(f"{file_stem}.sxpkg", data)]
    chunk = limit - HEADER_SIZE
    if chunk < 1024:
        raise ValueError(f"limit {limit} is too small for parts")
    count = -(-len(data) // chunk)
    if count > 0xFFFF:
        raise ValueError(f"{count} parts needed, at most 65535")
    whole = hashlib.sha256(data).digest()
    result = []
    for i in range(count):
        piece = data[i * chunk:(i + 1) * chunk]
        header = _HEADER.pack(MAGIC, PART_VERSION, i + 1, count, len(data), whole,
                              hashlib.sha256(piece).digest())
        result.append((part_name(file_stem, i + 1, count), header + piece))
    return result


def split_segments(segments: list[bytes], file_stem: str,
                   limit: int = DEFAULT_LIMIT) -> Iterator[tuple[str, bytes]]:
    """split_package of the package ``b"".join(segments)`` without joining it: the parts are made one
    at a time (write each before asking for the next), so a package of photos is held once, not twice.
    Gives the same files as split_package.
    Yields (file name, bytes) per part. Raises ValueError as split_package does."""
    if not _STEM.fullmatch(file_stem):
        raise ValueError(f"file stem must be ASCII letters, digits, '.', '_' or '-': {file_stem!r}")
    total = sum(len(x) for x in segments)
    if total <= limit:
        yield f"{file_stem}.sxpkg", b"".join(segments)
        return
    chunk = limit - HEADER_SIZE
    if chunk < 1024:
        raise ValueError(f"limit {limit} is too small for parts")
    count = -(-total // chunk)
    if count > 0xFFFF:
        raise ValueError(f"{count} parts needed, at most 65535")
    whole = segments_sha256(segments, digest=True)
    views = [memoryview(x) for x in segments if len(x)]
    at, offset = 0, 0                      # current segment, offset in it
    for i in range(count):
        want, pieces = min(chunk, total - i * chunk), []
        while want:
            take = views[at][offset:offset + want]
            pieces.append(take)
            want -= len(take)
            offset += len(take)
            if offset == len(views[at]):
                at, offset = at + 1, 0
        piece = b"".join(pieces)
        header = _HEADER.pack(MAGIC, PART_VERSION, i + 1, count, total, whole, hashlib.sha256(piece).digest())
        yield part_name(file_stem, i + 1, count), header + piece


def segments_sha256(segments: list[bytes], digest: bool = False):
    """Returns SHA-256 of the package ``b"".join(segments)`` (hex, or the raw digest)."""
    h = hashlib.sha256()
    for x in segments:
        h.update(x)
    return h.digest() if digest else h.hexdigest()


def _numbers(indexes: list[int]) -> str:
    return ", ".join(str(i) for i in sorted(indexes))


def join_parts(parts: list[bytes], *, max_total: int = MAX_TOTAL) -> bytes:
    """Join the parts of one package, given in any order, and verify the result.
    Returns the package's bytes. Raises PackageError for parts missing, given twice, damaged or from another
    package."""
    if not parts:
        raise PackageError("missing_part", "No parts were given.", "没有提供分卷。")
    infos = []
    for position, data in enumerate(parts, 1):
        if not is_part(data):
            raise PackageError("not_part", f"File {position} of those given is not a part of a "
                               "split package.", f"所给的第 {position} 个文件不是分卷数据包的一部分。",
                               position=position)
        infos.append(part_info(data))
    groups: dict[tuple[str, int, int], int] = {}
    for info in infos:
        key = (info.package_sha256, info.count, info.total_length)
        groups[key] = groups.get(key, 0) + 1
    # The package most of the parts belong to is "ours"; the rest are foreign.
    main = max(groups, key=lambda k: groups[k])
    sha, count, total = main
    foreign = [p for p, info in enumerate(infos, 1)
               if (info.package_sha256, info.count, info.total_length) != main]
    if foreign:
        raise PackageError("foreign_part", f"File(s) {_numbers(foreign)} of those given belong to a "
                           "different package.", f"所给的第 {_numbers(foreign)} 个文件属于另一个数据包。",
                           positions=foreign)
    by_index: dict[int, memoryview] = {}
    for info, data in zip(infos, parts):
        if info.index in by_index:
            raise PackageError("duplicate_part", f"Part {info.index} of {count} was given twice.",
                               f"第 {info.index}/{count} 卷重复提供。", index=info.index)
        by_index[info.index] = memoryview(data)[HEADER_SIZE:]     # no copy: joined once below
        if hashlib.sha256(by_index[info.index]).digest() != info.chunk_sha256:
            raise PackageError("damaged_part", f"Part {info.index} of {count} is damaged.",
                               f"第 {info.index}/{count} 卷已损坏。", index=info.index)
    missing = [i for i in range(1, count + 1) if i not in by_index]
    if missing:
        raise PackageError("missing_part", f"Part(s) {_numbers(missing)} of {count} are missing.",
                           f"缺少第 {_numbers(missing)} 卷（共 {count} 卷）。", missing=missing,
                           count=count)
    if total > max_total or sum(len(c) for c in by_index.values()) != total:
        raise PackageError("damaged_part", "The parts do not add up to the package size.",
                           "分卷合计大小与数据包不符。")
    data = b"".join(by_index[i] for i in range(1, count + 1))
    if hashlib.sha256(data).hexdigest() != sha:
        raise PackageError("damaged_part", "The joined parts do not give the original package.",
                           "合并后的分卷与原数据包不符。")
    return data
