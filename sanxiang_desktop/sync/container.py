"""The byte-level sync package: a strict STORED zip of three fixed members.

manifest.json is canonical JSON, manifest.sig its Ed25519 signature and
payload.bin the zlib-compressed (or stored) payload, sealed-box encrypted to
the recipient when its key is known. The reader accepts exactly what the
writer produces: every header field has its one value and the members sit
back to back, so damage, appended or hidden bytes and trick members are all
refused before the signature is looked at. Nothing is extracted to disk and
the payload is inflated under an output cap. No knowledge of records here: the
record layer puts its own fields (kind, package id, sequence...) in the manifest.
The zip layer is sync/ziplayer.py; format 2's chunked payload is sync/chunked.py.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

import nacl.bindings
import nacl.exceptions
import nacl.public

from . import chunked, parts
from .errors import PackageError, UntrustedSender
from .keys import KeyPair, box_public_from_verify, fingerprint, key_id_of, verify
from .source import Slice, Source, as_source, spool_file
from .ziplayer import (MEMBERS, MIB, Caps, _bad_member, _damaged, _read_zip, _too_large,  # noqa: F401
                       _write_zip, _zip_segments)

FORMAT_VERSION = 1          # one sealed payload: what every release reads (build_package...)
CHUNKED_FORMAT = 2          # a chunked payload (sync/chunked.py): build_chunked_package
READABLE_FORMAT = CHUNKED_FORMAT   # the newest this program reads; newer ones ask for an upgrade
CHUNKED_CAPABILITY = "chunked-payload/2"   # in required_capabilities of every format 2 package
CONTAINER_TAG = "sanxiang-sync-package"
COMPRESSIONS = ("zlib", "none")
# Fields build_package owns; whatever the caller put under these names is replaced.
CONTAINER_FIELDS = ("container", "format_version", "payload_length", "payload_sha256",
                    "plain_length", "compression", "encrypted", "recipient_key_id",
                    "sender_public", "sender_key_id", "sealed_key")

ZLIB_LEVEL = 6  # see tests/sync/bench_container.py: level 6 vs 1/9 and lzma


def canonical_json(obj: Any) -> bytes:
    """Returns the one byte form of a manifest: what is signed and what is compared."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


# ---------------------------------------------------------------- manifest
def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len(result := dict(pairs)) != len(pairs):
        raise ValueError("duplicate key")  # two parsers could pick different values
    return result


def _bad_manifest(why: str, why_zh: str) -> PackageError:
    return PackageError("bad_manifest", f"The package manifest is invalid: {why}.",
                        f"数据包清单无效：{why_zh}。")


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN / Infinity are not JSON


def _parse_manifest(manifest_bytes: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"),
                              object_pairs_hook=_no_duplicate_keys,
                              parse_constant=_reject_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        raise _bad_manifest("not valid JSON", "不是有效的 JSON") from None
    if not isinstance(manifest, dict):
        raise _bad_manifest("not a JSON object", "不是 JSON 对象")
    return manifest


def _decode_public(value: Any) -> bytes:
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True) if isinstance(value, str) else b""
    except (binascii.Error, UnicodeEncodeError):
        raw = b""
    if len(raw) != 32:
        raise _bad_manifest("no valid sender key", "缺少有效的发送方公钥")
    return raw


def _verified(src: Source, caps: Caps, payload: bool = True) -> tuple[dict[str, Any], dict[str, Any], bytes]:
    """Steps 1-4: caps, zip structure, signature by the embedded key, envelope fields."""
    if src.size == 0:
        raise PackageError("empty", "The file is empty.", "文件为空。")
    if src.size > caps.max_package:
        raise _too_large("The file", "文件", src.size, caps.max_package)
    head = src.read_at(0, parts.HEADER_SIZE)
    if parts.is_part(head):
        info = parts.part_info(head)
        raise PackageError(
            "is_part", f"This file is part {info.index} of {info.count} of a split package; "
            "import all its parts together.",
            f"该文件是分卷数据包的第 {info.index}/{info.count} 卷，请将所有分卷一起导入。",
            index=info.index, count=info.count, package_sha256=info.package_sha256)
    members = _read_zip(src, caps, payload)
    manifest_bytes, signature = members["manifest.json"], members["manifest.sig"]
    manifest = _parse_manifest(manifest_bytes)
    sender_public = _decode_public(manifest.get("sender_public"))
    if not verify(sender_public, manifest_bytes, signature):
        raise PackageError("bad_signature", "The package signature is invalid: the manifest "
                           "was altered or damaged.", "数据包签名无效：清单已被改动或损坏。")
    # From here on the manifest is exactly what the holder of sender_public signed.
    try:
        canonical = canonical_json(manifest) == manifest_bytes
    except (ValueError, UnicodeEncodeError):
        canonical = False
    if not canonical:
        raise _bad_manifest("not in canonical form", "格式不规范")
    if manifest.get("container") != CONTAINER_TAG:
        raise _bad_manifest("not a sync package manifest", "不是数据交换包清单")
    unit = manifest.get("sender_unit")
    if not isinstance(unit, str) or not unit:
        raise _bad_manifest("no sender unit", "缺少发送单位")
    if manifest.get("sender_key_id") != key_id_of(sender_public):
        raise _bad_manifest("sender key id does not match the key", "发送方密钥编号与公钥不符")
    return manifest, members, sender_public


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _check_payload_fields(m: dict[str, Any]) -> None:
    sha = m.get("payload_sha256")
    if m["format_version"] >= 2 and m.get("encrypted") is True and _sealed_key(m) is None:
        raise _bad_manifest("no sealed payload key", "缺少加密的载荷密钥")
    ok = (_is_int(m.get("payload_length")) and _is_int(m.get("plain_length"))
          and isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha)
          and m.get("compression") in COMPRESSIONS and isinstance(m.get("encrypted"), bool)
          and (not m["encrypted"] or isinstance(m.get("recipient_key_id"), str)))
    if not ok:
        raise _bad_manifest("payload description missing or wrong", "载荷说明缺失或错误")


def peek_manifest(data: "bytes | Source", *, caps: Caps = Caps()) -> dict[str, Any]:
    """Returns the manifest, signature-checked against the key embedded in it; trust NOT checked.
    Raises PackageError when the file is not a well-formed, validly signed package.

    For the untrusted-sender dialog and for listing files before an import. `data` is the
    package's bytes or a Source (a file read by offset, source.open_regular)."""
    return _verified(as_source(data), caps, payload=False)[0]


@dataclass(frozen=True)
class OpenedPackage:
    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    payload_raw: Any         # payload.bin as stored (maybe encrypted, compressed): bytes in
                             # format 1, a Slice of the file (read in blocks) in format 2
    sender_public: bytes
    sha256: str              # of the whole package file

    @property
    def sender_fingerprint(self) -> str:
        return fingerprint(self.sender_public)


def open_package(data: "bytes | Source", *, caps: Caps = Caps(),
                 trusted_key_for: Callable[[str], bytes | None]) -> OpenedPackage:
    """Verify a package completely; the payload stays as stored (see open_payload). Returns an
    OpenedPackage. Raises UntrustedSender when `trusted_key_for` knows no key for the sender unit,
    PackageError for anything else wrong (damage, another key, a newer format, a hash mismatch).

    `data`: the package's bytes or a Source (a file read in blocks: a format 2 package is then
    never held whole; a format 1 payload is read into memory, as that format needs)."""
    src = as_source(data)
    manifest, members, sender_public = _verified(src, caps)
    unit = manifest["sender_unit"]
    known = trusted_key_for(unit)
    if known is None:
        raise UntrustedSender(unit, fingerprint(sender_public), key_id_of(sender_public),
                              sender_public)
    if bytes(known) != sender_public:
        fpr = fingerprint(sender_public)
        raise PackageError(
            "key_mismatch", f"The package says it comes from unit {unit} but is signed by a "
            f"different key (fingerprint {fpr}) than the one on record for {unit}. It may be "
            "forged, or that unit reinstalled the program: check by phone.",
            f"数据包自称来自单位 {unit}，但其签名密钥（指纹 {fpr}）与已登记的 {unit} 的密钥不同。"
            "可能是伪造，或该单位重装了程序，请电话核实。", sender_unit=unit, fingerprint=fpr)
    version = manifest.get("format_version")
    if not _is_int(version) or version < 1:
        raise _bad_manifest("no format version", "缺少格式版本")
    if version > READABLE_FORMAT:
        raise PackageError(
            "newer_format", f"This package was made by a newer version of the program (format "
            f"{version}, this program reads up to {READABLE_FORMAT}); please upgrade the program.",
            f"该数据包由更新版本的程序生成（格式 {version}，本程序最高支持 {READABLE_FORMAT}），"
            "请升级程序。", format_version=version)
    _check_payload_fields(manifest)
    payload = members["payload.bin"]
    if len(payload) != manifest["payload_length"] or payload.sha256 != manifest["payload_sha256"]:
        raise _mismatch("its signed manifest", "已签名的清单")
    if version == 1:
        payload = payload.read()     # format 1: one sealed box, opened whole
    return OpenedPackage(manifest, members["manifest.json"], members["manifest.sig"], payload,
                         sender_public, src.sha256())


# ---------------------------------------------------------------- payload
def _choose_compression(plain: bytes) -> str:
    """"none" for photos and other incompressible bytes, where zlib only costs time.

    Judged from eight spread 32 KiB samples at level 1: a millisecond at any size."""
    if len(plain) < 256 * 1024:
        return "zlib"
    window, samples = 32 * 1024, 8
    step = (len(plain) - window) // (samples - 1)
    sample = [plain[i * step:i * step + window] for i in range(samples)]
    packed = sum(len(zlib.compress(s, 1)) for s in sample)
    return "none" if packed > 0.95 * samples * window else "zlib"


def build_package(manifest: dict[str, Any], payload_plain: bytes, signer: KeyPair,
                  recipient_public: bytes | None, *, compression: str = "auto",
                  caps: Caps = Caps()) -> bytes:
    """Compress, encrypt (when recipient_public is given), sign and zip.
    Returns the package file's bytes. Raises ValueError for a manifest without sender, an unknown compression
    or data over the caps."""
    if not isinstance(manifest.get("sender_unit"), str) or not manifest["sender_unit"]:
        raise ValueError("manifest['sender_unit'] must be a non-empty string")
    plain = bytes(payload_plain)
    if compression == "auto":
        compression = _choose_compression(plain)
    if compression not in COMPRESSIONS:
        raise ValueError(f"compression must be 'auto' or one of {COMPRESSIONS}")
    if len(plain) > caps.max_plain:
        raise _too_large("The data to send", "要发送的数据", len(plain), caps.max_plain)
    stored = zlib.compress(plain, ZLIB_LEVEL) if compression == "zlib" else plain
    return b"".join(_seal_and_zip(manifest, stored, len(plain), compression, signer, recipient_public, caps))


def build_package_from_lines(manifest: dict[str, Any], lines: Iterable[bytes], signer: KeyPair,
                             recipient_public: bytes | None, *, caps: Caps = Caps()) -> list[bytes]:
    """build_package for a payload of JSON Lines, taken one line at a time and compressed as it comes
    (zlib: JSON text always compresses), so the plain payload is never held whole. Returns the package
    as the byte strings that make it up (``b"".join`` of them is the file; parts.split_segments cuts
    them into parts without joining). The payload is ``b"\\n".join(lines) + b"\\n"``.
    Raises ValueError as build_package does."""
    if not isinstance(manifest.get("sender_unit"), str) or not manifest["sender_unit"]:
        raise ValueError("manifest['sender_unit'] must be a non-empty string")
    deflate, stored, size = zlib.compressobj(ZLIB_LEVEL), bytearray(), 0
    for line in lines:
        size += len(line) + 1
        if size > caps.max_plain:
            raise _too_large("The data to send", "要发送的数据", size, caps.max_plain)
        stored += deflate.compress(line)
        stored += deflate.compress(b"\n")
    stored += deflate.flush()
    packed = bytes(stored)
    del stored
    return _seal_and_zip(manifest, packed, size, "zlib", signer, recipient_public, caps)


def build_chunked_package(manifest: dict[str, Any], lines: Iterable[bytes], signer: KeyPair,
                          recipient_public: bytes | None, *, caps: Caps = Caps()) -> list["bytes | Slice"]:
    """build_package_from_lines in format 2 (sync/chunked.py): the payload is deflated, cut into
    chunks and sealed chunk by chunk into an anonymous temporary file as the lines come, so neither
    the plain nor the stored payload is ever in memory. Returns the package as its segments; the
    payload segment is a Slice of that file (parts.split_stream and parts.segments_sha256 read it
    in blocks). Raises PackageError 'too_large' over the caps, OSError when the temporary file
    cannot be written (a full disk)."""
    if not isinstance(manifest.get("sender_unit"), str) or not manifest["sender_unit"]:
        raise ValueError("manifest['sender_unit'] must be a non-empty string")
    key = chunked.new_key() if recipient_public is not None else None
    fh = spool_file()
    try:
        writer = chunked.ChunkedWriter(fh, key, ZLIB_LEVEL)
        for line in lines:
            writer.write(line)
            writer.write(b"\n")
            if writer.plain_length > caps.max_plain:
                raise _too_large("The data to send", "要发送的数据", writer.plain_length, caps.max_plain)
        writer.finish()
        if writer.length > caps.max_payload:
            raise _too_large("The package", "数据包", writer.length, caps.max_payload)
    except BaseException:
        fh.close()
        raise
    body = {k: v for k, v in manifest.items() if k not in CONTAINER_FIELDS}
    if key is not None:
        sealed = nacl.public.SealedBox(box_public_from_verify(recipient_public)).encrypt(key)
        body.update(recipient_key_id=key_id_of(recipient_public),
                    sealed_key=base64.b64encode(sealed).decode("ascii"))
    body.update(container=CONTAINER_TAG, format_version=CHUNKED_FORMAT,
                payload_length=writer.length, payload_sha256=writer.sha256,
                plain_length=writer.plain_length, compression="zlib", encrypted=key is not None,
                sender_public=base64.b64encode(signer.public_bytes).decode("ascii"),
                sender_key_id=signer.key_id)
    payload = Slice(Source(fh=fh, size=writer.length), 0, writer.length, writer.crc)
    return _signed_zip(body, signer, payload, caps)


def _signed_zip(body: dict[str, Any], signer: KeyPair, payload: "bytes | Slice",
                caps: Caps) -> list["bytes | Slice"]:
    manifest_bytes = canonical_json(body)
    if len(manifest_bytes) > caps.max_manifest:
        raise ValueError(f"manifest is {len(manifest_bytes)} bytes, at most {caps.max_manifest}")
    return _zip_segments([(MEMBERS[0], manifest_bytes), (MEMBERS[1], signer.sign(manifest_bytes)),
                          (MEMBERS[2], payload)])


def _seal_and_zip(manifest: dict[str, Any], stored: bytes, plain_length: int, compression: str,
                  signer: KeyPair, recipient_public: bytes | None, caps: Caps) -> list[bytes]:
    body = {k: v for k, v in manifest.items() if k not in CONTAINER_FIELDS}
    if recipient_public is not None:
        stored = nacl.public.SealedBox(box_public_from_verify(recipient_public)).encrypt(stored)
        body["recipient_key_id"] = key_id_of(recipient_public)
    if len(stored) > caps.max_payload:
        raise _too_large("The package", "数据包", len(stored), caps.max_payload)
    body.update(container=CONTAINER_TAG, format_version=1,
                payload_length=len(stored), payload_sha256=hashlib.sha256(stored).hexdigest(),
                plain_length=plain_length, compression=compression,
                encrypted=recipient_public is not None,
                sender_public=base64.b64encode(signer.public_bytes).decode("ascii"),
                sender_key_id=signer.key_id)
    return _signed_zip(body, signer, stored, caps)


def _mismatch(what_en: str = "its declared size", what_zh: str = "声明的大小") -> PackageError:
    return PackageError("payload_mismatch", f"The package content does not match {what_en}.",
                        f"数据包内容与{what_zh}不符。")


def _inflate(raw: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        # limit + 1: a payload longer than declared is noticed after one extra
        # byte instead of being inflated in full (decompression bomb).
        out = inflater.decompress(raw, limit + 1)
    except zlib.error:
        raise _damaged("the payload cannot be decompressed", "载荷无法解压") from None
    if len(out) > limit or not inflater.eof or inflater.unconsumed_tail or inflater.unused_data:
        raise _mismatch()
    return out


def _sealed_key(m: dict[str, Any]) -> bytes | None:
    """The format 2 stream key as sealed to the recipient (32 bytes + a sealed box's 48)."""
    value = m.get("sealed_key")
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True) if isinstance(value, str) else b""
    except (binascii.Error, UnicodeEncodeError):
        return None
    return raw if len(raw) == chunked.KEY_BYTES + nacl.bindings.crypto_box_SEALBYTES else None


def _decrypt(pkg: OpenedPackage, recipient: KeyPair | None) -> bytes:
    m = pkg.manifest
    if m["encrypted"]:
        return _unseal(m, pkg.payload_raw, recipient)
    return pkg.payload_raw


def _unseal(m: dict[str, Any], raw: bytes, recipient: KeyPair | None) -> bytes:
    """The sealed box `raw` opened with the recipient's key (format 1: the payload; format 2: the
    stream key), or PackageError 'decrypt_failed' saying whose key it needs."""
    intended = m.get("recipient_key_id")
    if recipient is None:
        raise PackageError("decrypt_failed", f"The package is encrypted (for key {intended}) "
                           "and no key was given to open it.",
                           f"数据包已加密（接收密钥 {intended}），但未提供解密密钥。")
    try:
        raw = nacl.public.SealedBox(recipient.box_private()).decrypt(raw)
    except nacl.exceptions.CryptoError:
        if intended != recipient.key_id:
            raise PackageError(
                "decrypt_failed", f"The package was encrypted for another installation (key "
                f"{intended}); this one's key is {recipient.key_id}.",
                f"数据包是为另一台安装加密的（密钥 {intended}），本机密钥为 {recipient.key_id}，"
                "无法解密。", intended_key_id=intended) from None
        raise PackageError("decrypt_failed", "The package content cannot be decrypted.",
                           "数据包内容无法解密。", intended_key_id=intended) from None
    return raw


def open_payload(pkg: OpenedPackage, recipient: KeyPair | None, *,
                 caps: Caps = Caps()) -> bytes:
    """Decrypt (if encrypted) and decompress the payload of a verified package.
    Returns the plain payload bytes."""
    m = pkg.manifest
    size = m["plain_length"]
    if size > caps.max_plain:
        raise _too_large("The unpacked content", "解压后的内容", size, caps.max_plain)
    if m["format_version"] >= CHUNKED_FORMAT:
        return b"".join(open_payload_pieces(pkg, recipient, caps=caps))
    raw = _decrypt(pkg, recipient)
    plain = _inflate(raw, size) if m["compression"] == "zlib" else raw
    if len(plain) != size:
        raise _mismatch()
    return plain


PIECE = 1024 * 1024


def open_payload_pieces(pkg: OpenedPackage, recipient: KeyPair | None, *,
                        caps: Caps = Caps()) -> Iterator[bytes]:
    """Yields open_payload as pieces of about a MiB, so the inflated payload is never held whole (a package
    of photos: 150 MB stored, 200 MB inflated). The sealed box is one message: it is decrypted whole,
    and the stored payload is let go as soon as that is done; give up your own reference to `pkg`
    after calling. Same checks as open_payload; a mismatch found at the end raises there, after the
    pieces before it were handed out, so the caller must not act on any piece before the last.
    Format 2 (sync/chunked.py): read from the package chunk by chunk, each authenticated before it
    is inflated; nothing is held whole."""
    m, size = pkg.manifest, pkg.manifest["plain_length"]
    if size > caps.max_plain:
        raise _too_large("The unpacked content", "解压后的内容", size, caps.max_plain)
    if m["format_version"] >= CHUNKED_FORMAT:
        key = _unseal(m, _sealed_key(m) or b"", recipient) if m["encrypted"] else None
        yield from chunked.read_chunked(pkg.payload_raw, key=key, compression=m["compression"],
                                        plain_length=size, payload_sha256=m["payload_sha256"])
        return
    compressed = m["compression"] == "zlib"
    raw = _decrypt(pkg, recipient)
    del pkg                                  # the generator must not keep the stored payload alive
    view = memoryview(raw)
    yield from chunked.inflate_bounded((view[start:start + PIECE] for start in range(0, len(view), PIECE)),
                                       compressed=compressed, plain_length=size, mismatch=_mismatch)
