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
import itertools
import re
import struct
from dataclasses import dataclass
from typing import Callable, Iterator

from .errors import PackageError
from .source import Source, spool_file

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


def _blocks(segment) -> Iterator[bytes]:
    """A segment's bytes in order: itself, or a file-backed Slice read in blocks."""
    if isinstance(segment, (bytes, bytearray, memoryview)):
        yield segment
    else:
        yield from segment.blocks()


def _range(segments: list, start: int, stop: int) -> Iterator[bytes]:
    """The bytes [start, stop) of ``b"".join(segments)``, in pieces, without joining."""
    at = 0
    for segment in segments:
        size = len(segment)
        lo, hi = max(start, at), min(stop, at + size)
        if lo < hi:
            if isinstance(segment, (bytes, bytearray, memoryview)):
                yield memoryview(segment)[lo - at:hi - at]
            else:
                yield from segment.source.blocks(segment.offset + lo - at, hi - lo)
        at += size
        if at >= stop:
            return


def split_stream(segments: list, file_stem: str, limit: int = DEFAULT_LIMIT, *,
                 whole_sha256: str | None = None) -> Iterator[tuple[str, Iterator[bytes]]]:
    """Yields split_package of the package ``b"".join(segments)`` as (file name, its bytes in pieces), one
    file at a time (write one before asking for the next). Segments are bytes or file-backed Slices
    (container.build_chunked_package), so a package of photos is never held whole, nor a part.
    `whole_sha256`: the package's SHA-256 (hex) when the caller has it already (one read less).
    Raises ValueError for a bad file stem, a limit too small, or more than 65535 parts."""
    if not _STEM.fullmatch(file_stem):
        raise ValueError(f"file stem must be ASCII letters, digits, '.', '_' or '-': {file_stem!r}")
    total = sum(len(x) for x in segments)
    if total <= limit:
        yield f"{file_stem}.sxpkg", _range(segments, 0, total)
        return
    chunk = limit - HEADER_SIZE
    if chunk < 1024:
        raise ValueError(f"limit {limit} is too small for parts")
    count = -(-total // chunk)
    if count > 0xFFFF:
        raise ValueError(f"{count} parts needed, at most 65535")
    whole = bytes.fromhex(whole_sha256) if whole_sha256 else segments_sha256(segments, digest=True)
    for i in range(count):
        start, stop = i * chunk, min(total, (i + 1) * chunk)
        h = hashlib.sha256()
        for piece in _range(segments, start, stop):      # read twice: hashed, then written
            h.update(piece)
        header = _HEADER.pack(MAGIC, PART_VERSION, i + 1, count, total, whole, h.digest())
        yield part_name(file_stem, i + 1, count), itertools.chain([header], _range(segments, start, stop))


def split_segments(segments: list, file_stem: str,
                   limit: int = DEFAULT_LIMIT) -> Iterator[tuple[str, bytes]]:
    """Yields split_stream's files each joined, (name, bytes): the same files as split_package."""
    for name, pieces in split_stream(segments, file_stem, limit):
        yield name, b"".join(pieces)


def segments_sha256(segments: list, digest: bool = False):
    """Returns the SHA-256 of the package ``b"".join(segments)`` (hex, or the raw digest)."""
    h = hashlib.sha256()
    for x in segments:
        for piece in _blocks(x):
            h.update(piece)
    return h.digest() if digest else h.hexdigest()


def _numbers(indexes: list[int]) -> str:
    return ", ".join(str(i) for i in sorted(indexes))


def join_parts(parts: list[bytes], *, max_total: int = MAX_TOTAL) -> bytes:
    """Join the parts of one package, given in any order, and verify the result. Returns the
    package's bytes. Raises PackageError naming the part missing, damaged, foreign or repeated."""
    _check_all_parts(parts)
    infos = [part_info(data) for data in parts]
    slices = [memoryview(data)[HEADER_SIZE:] for data in parts]     # no copy: joined once below
    order = _checked_order(infos, [hashlib.sha256(x).digest() for x in slices], [len(x) for x in slices],
                           max_total)
    data = b"".join(slices[k] for k in order)
    if hashlib.sha256(data).hexdigest() != infos[order[0]].package_sha256:
        raise _not_original()
    return data


def join_parts_to_file(loaders: list[Callable[[], bytes]], *, max_total: int = MAX_TOTAL) -> Source:
    """join_parts into an anonymous temporary file: one part in memory at a time, the joined
    package never (issue 12). Returns the package as a Source over that file (close it when done).
    Raises PackageError: same checks as join_parts, in the same order, same errors."""
    if not loaders:
        raise PackageError("missing_part", "No parts were given.", "没有提供分卷。")
    infos, shas, sizes = [], [], []
    with spool_file() as scratch:
        for position, load in enumerate(loaders, 1):
            data = load()
            _check_all_parts([data], position)
            infos.append(part_info(data))
            piece = memoryview(data)[HEADER_SIZE:]
            shas.append(hashlib.sha256(piece).digest())
            sizes.append(len(piece))
            if sizes[-1] <= max_total:
                scratch.write(piece)
            del data, piece
        order = _checked_order(infos, shas, sizes, max_total)
        offsets = list(itertools.accumulate([0] + sizes[:-1]))
        joined, h = spool_file(), hashlib.sha256()
        try:
            for k in order:
                scratch.seek(offsets[k])
                left = sizes[k]
                while left:
                    block = scratch.read(min(left, 1 << 20))
                    h.update(block)
                    joined.write(block)
                    left -= len(block)
            joined.flush()
        except BaseException:
            joined.close()
            raise
    if h.hexdigest() != infos[order[0]].package_sha256:
        joined.close()
        raise _not_original()
    return Source(fh=joined, size=infos[order[0]].total_length)


def _not_original() -> PackageError:
    return PackageError("damaged_part", "The joined parts do not give the original package.",
                        "合并后的分卷与原数据包不符。")


def _check_all_parts(parts: list[bytes], first: int = 1) -> None:
    if not parts:
        raise PackageError("missing_part", "No parts were given.", "没有提供分卷。")
    for position, data in enumerate(parts, first):
        if not is_part(data):
            raise PackageError("not_part", f"File {position} of those given is not a part of a "
                               "split package.", f"所给的第 {position} 个文件不是分卷数据包的一部分。",
                               position=position)


def _checked_order(infos: list[PartInfo], shas: list[bytes], sizes: list[int], max_total: int) -> list[int]:
    """Positions of the parts in package order, after every check of join_parts on their headers,
    slice hashes and sizes."""
    groups: dict[tuple[str, int, int], int] = {}
    for info in infos:
        key = (info.package_sha256, info.count, info.total_length)
        groups[key] = groups.get(key, 0) + 1
    # The package most of the parts belong to is "ours"; the rest are foreign.
    main = max(groups, key=lambda k: groups[k])
    _sha, count, total = main
    foreign = [p for p, info in enumerate(infos, 1)
               if (info.package_sha256, info.count, info.total_length) != main]
    if foreign:
        raise PackageError("foreign_part", f"File(s) {_numbers(foreign)} of those given belong to a "
                           "different package.", f"所给的第 {_numbers(foreign)} 个文件属于另一个数据包。",
                           positions=foreign)
    by_index: dict[int, int] = {}
    for k, info in enumerate(infos):
        if info.index in by_index:
            raise PackageError("duplicate_part", f"Part {info.index} of {count} was given twice.",
                               f"第 {info.index}/{count} 卷重复提供。", index=info.index)
        by_index[info.index] = k
        if shas[k] != info.chunk_sha256:
            raise PackageError("damaged_part", f"Part {info.index} of {count} is damaged.",
                               f"第 {info.index}/{count} 卷已损坏。", index=info.index)
    missing = [i for i in range(1, count + 1) if i not in by_index]
    if missing:
        raise PackageError("missing_part", f"Part(s) {_numbers(missing)} of {count} are missing.",
                           f"缺少第 {_numbers(missing)} 卷（共 {count} 卷）。", missing=missing,
                           count=count)
    if total > max_total or sum(sizes) != total:
        raise PackageError("damaged_part", "The parts do not add up to the package size.",
                           "分卷合计大小与数据包不符。")
    return [by_index[i] for i in range(1, count + 1)]
