"""The zip layer of a sync package: a STORED zip of exactly three members, written with fixed
header values and read strictly (every header field has its one value, the members sit back to
back), by offset from a Source, so a package of photos is never read whole (issue 12).
Split out of container.py, which re-exports what others use."""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Sequence

from .errors import PackageError
from .source import Slice, Source

MEMBERS = ("manifest.json", "manifest.sig", "payload.bin")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Caps:
    """Size limits applied before anything is read or allocated."""
    max_package: int = 512 * MIB     # the whole file
    max_manifest: int = 64 * 1024
    max_payload: int = 500 * MIB     # payload.bin as stored
    max_plain: int = 1024 * MIB      # payload after decryption and decompression
    max_members: int = len(MEMBERS)


_LOCAL = struct.Struct("<IHHHHHIIIHH")          # 30 bytes + name
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # 46 bytes + name
_END = struct.Struct("<IHHHHIIH")               # 22 bytes, no comment
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20                                   # "2.0", MS-DOS host: same bytes on every OS
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1   # 1980-01-01 00:00:00


def _local_header(name: bytes, crc: int, size: int) -> bytes:
    return _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, 0, _DOS_TIME, _DOS_DATE, crc, size, size,
                       len(name), 0) + name


def _central_header(name: bytes, crc: int, size: int, offset: int) -> bytes:
    return _CENTRAL.pack(_CENTRAL_SIG, _VERSION, _VERSION, 0, 0, _DOS_TIME, _DOS_DATE, crc,
                         size, size, len(name), 0, 0, 0, 0, 0, offset) + name


def _end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return _END.pack(_END_SIG, 0, 0, count, count, cd_size, cd_offset, 0)


def _zip_segments(members: Sequence[tuple[str, "bytes | Slice"]]) -> list["bytes | Slice"]:
    """A STORED zip with fixed header values, as the byte strings that make it up in order (a payload
    of photos is not copied once more to join them; a format 2 payload stays a Slice of its spool
    file, its CRC known): equal input gives equal bytes."""
    chunks: list[bytes | Slice] = []
    central: list[bytes] = []
    offset = 0
    for name, blob in members:
        raw_name = name.encode("ascii")
        crc = blob.crc if isinstance(blob, Slice) else zlib.crc32(blob)
        header = _local_header(raw_name, crc, len(blob))
        central.append(_central_header(raw_name, crc, len(blob), offset))
        chunks += (header, blob)
        offset += len(header) + len(blob)
    directory = b"".join(central)
    return chunks + [directory, _end_record(len(members), len(directory), offset)]


def _write_zip(members: Sequence[tuple[str, bytes]]) -> bytes:
    return b"".join(_zip_segments(members))


def _damaged(why: str, why_zh: str) -> PackageError:
    return PackageError("damaged", f"The package file is damaged or was altered ({why}).",
                        f"数据包文件已损坏或被改动（{why_zh}）。")


def _too_large(what: str, what_zh: str, size: int, cap: int) -> PackageError:
    return PackageError("too_large", f"{what} is too large ({size} bytes, at most {cap}).",
                        f"{what_zh}过大（{size} 字节，上限 {cap}）。", size=size, cap=cap)


def _bad_member(why: str, why_zh: str) -> PackageError:
    return PackageError("bad_member", f"The package contains a forbidden entry: {why}.",
                        f"数据包含有不允许的内容：{why_zh}。")


def _member_name(raw: bytes) -> str:
    shown = ascii(raw)[2:-1][:60]
    if (not raw or b"/" in raw or b"\\" in raw or b".." in raw or b":" in raw
            or any(c < 0x21 or c > 0x7E for c in raw)):
        raise _bad_member(f"unsafe member name '{shown}'", f"不安全的成员名“{shown}”")
    name = raw.decode("ascii")
    if name not in MEMBERS:
        raise _bad_member(f"unexpected member '{shown}'", f"多余的成员“{shown}”")
    return name


MAX_DIRECTORY = 1024     # three entries with short names: far less


def _read_zip(src: Source, caps: Caps, payload: bool = True) -> dict[str, "bytes | Slice"]:
    """Validate the whole directory, then the layout, then return the members: manifest and
    signature as bytes, payload.bin as a Slice whose CRC was checked by reading it in blocks
    (payload=False: not read at all, for a look at the manifest)."""
    size = src.size
    if size < _LOCAL.size + _END.size or src.read_at(0, 4) != b"PK\x03\x04":
        raise PackageError("not_zip", "This file is not a sync package.", "该文件不是数据交换包。")
    end_at = size - _END.size
    end_bytes = src.read_at(end_at, _END.size)
    (sig, disk, cd_disk, n_disk, n_total, cd_size, cd_offset,
     comment_len) = _END.unpack_from(end_bytes, 0)
    if sig != _END_SIG:
        raise _damaged("the end is missing or extra bytes follow it", "文件结尾缺失或后面附加了数据")
    if n_total > caps.max_members or n_disk != n_total:
        raise _bad_member(f"{n_total} members (at most {caps.max_members})",
                          f"{n_total} 个成员（最多 {caps.max_members} 个）")
    if disk or cd_disk or comment_len or cd_offset + cd_size != end_at or cd_size > MAX_DIRECTORY:
        raise _damaged("the directory is not where it should be", "目录位置不正确")
    directory = src.read_at(cd_offset, cd_size)
    # (a) every directory entry is checked before a single member byte is read
    entries: list[tuple[str, int, int, int]] = []
    pos = 0
    for _ in range(n_total):
        if pos + _CENTRAL.size > cd_size:
            raise _damaged("the directory is cut short", "目录不完整")
        (sig, _made, _need, flags, method, _t, _d, crc, csize, usize, nlen, xlen, clen,
         _dstart, _iattr, _eattr, offset) = _CENTRAL.unpack_from(directory, pos)
        if sig != _CENTRAL_SIG:
            raise _damaged("bad directory entry", "目录项错误")
        name = _member_name(directory[pos + _CENTRAL.size:pos + _CENTRAL.size + nlen])
        if any(name == e[0] for e in entries):
            raise _bad_member(f"member '{name}' appears twice", f"成员“{name}”重复出现")
        if flags & 0x41:
            raise _bad_member(f"member '{name}' is encrypted", f"成员“{name}”被加密")
        if method != 0 or csize != usize:
            raise _bad_member(f"member '{name}' is compressed", f"成员“{name}”被压缩")
        if xlen or clen or flags:
            raise _bad_member(f"member '{name}' has extra fields or flags",
                              f"成员“{name}”带有附加字段或标志")
        cap = {MEMBERS[0]: caps.max_manifest, MEMBERS[1]: 64, MEMBERS[2]: caps.max_payload}[name]
        if usize > cap:
            raise _too_large(f"Member '{name}'", f"成员“{name}”", usize, cap)
        end = pos + _CENTRAL.size + nlen
        if directory[pos:end] != _central_header(name.encode(), crc, usize, offset):
            raise _damaged(f"directory entry of '{name}'", f"“{name}”的目录项")
        entries.append((name, crc, usize, offset))
        pos = end
    if pos != cd_size or end_bytes != _end_record(n_total, cd_size, cd_offset):
        raise _damaged("bad directory end", "目录结尾错误")
    found = tuple(e[0] for e in entries)
    if found != MEMBERS:
        raise _bad_member(f"members {', '.join(found) or 'none'} instead of {', '.join(MEMBERS)}",
                          f"成员为 {'、'.join(found) or '无'}，应为 {'、'.join(MEMBERS)}")
    # (b) members back to back from offset 0, local headers equal to the directory
    members: dict[str, bytes | Slice] = {}
    expected = 0
    for name, crc, size, offset in entries:
        raw_name = name.encode()
        if offset != expected or offset + _LOCAL.size + len(raw_name) > cd_offset:
            raise _damaged(f"'{name}' is not where the directory says", f"“{name}”位置不符")
        start = offset + _LOCAL.size + len(raw_name)
        local = src.read_at(offset, _LOCAL.size + len(raw_name))
        nlen = struct.unpack_from("<H", local, 26)[0]
        if local[_LOCAL.size:_LOCAL.size + nlen] != raw_name:
            raise _bad_member(f"local name of '{name}' differs from the directory",
                              f"“{name}”的本地文件名与目录不一致")
        if local != _local_header(raw_name, crc, size) or start + size > cd_offset:
            raise _damaged(f"local header of '{name}'", f"“{name}”的本地文件头")
        if name == MEMBERS[2]:
            blob: bytes | Slice = Slice(src, start, size)
            if payload:
                blob.crc, blob.sha256 = blob.digests()      # one pass in blocks, whatever the size
            actual = blob.crc if payload else crc
        else:
            blob = src.read_at(start, size)
            actual = zlib.crc32(blob)
        if actual != crc:
            raise _damaged(f"checksum of '{name}'", f"“{name}”的校验和")
        members[name] = blob
        expected = start + size
    if expected != cd_offset:
        raise _damaged("hidden bytes between members", "成员之间有隐藏数据")
    return members
