"""Format 2 payload: payload.bin as a sequence of frames, written and read one at a time.

The plain payload (JSON Lines) is deflated as a stream and cut into chunks of CHUNK bytes.
Each chunk is one frame: a little-endian u32 whose top bit marks the last frame and whose
other bits give the frame's length, then the frame. Encrypted, payload.bin starts with the
24-byte header of libsodium's crypto_secretstream_xchacha20poly1305 and every frame is one
of its messages (the last tagged TAG_FINAL) under a fresh random key, which the manifest
carries sealed to the recipient (`sealed_key`, a sealed box like format 1's payload). The
stream authenticates every chunk and its place: a chunk altered, moved, dropped or repeated,
or a stream cut before its final chunk, fails at that chunk. The manifest's payload_sha256
covers payload.bin as a whole, as in format 1 (and is checked before any chunk is decoded).

Neither side holds more than a chunk or two: a package of a thousand photos is written to and
read from a file, never whole in memory (issue 12).
"""
from __future__ import annotations

import hashlib
import struct
import zlib
from typing import BinaryIO, Callable, Iterable, Iterator

import nacl.bindings as sodium
import nacl.exceptions

from .errors import PackageError
from .source import Slice
from .ziplayer import _damaged

CHUNK = 256 * 1024                     # deflated bytes per frame
MAX_FRAME = 16 * 1024 * 1024           # a reader refuses a longer frame before reading it
_FINAL_BIT = 0x8000_0000
_LEN = struct.Struct("<I")
HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
KEY_BYTES = sodium.crypto_secretstream_xchacha20poly1305_KEYBYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


def new_key() -> bytes:
    """Returns a fresh random stream key (KEY_BYTES bytes), one per package."""
    return sodium.crypto_secretstream_xchacha20poly1305_keygen()


class ChunkedWriter:
    """Deflate, frame and (with `key`) encrypt a payload into `fh` as it is given.

    `write` the plain payload in any pieces, then `finish()`; afterwards `length`, `sha256`
    (hex) and `crc` describe payload.bin as written, `plain_length` the payload before deflating."""

    def __init__(self, fh: BinaryIO, key: bytes | None, level: int = 6):
        self._fh, self._deflate, self._pending = fh, zlib.compressobj(level), bytearray()
        self._hash, self.crc, self.length, self.plain_length = hashlib.sha256(), 0, 0, 0
        self._state = None
        if key is not None:
            self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
            self._emit(sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, key))

    def _emit(self, data: bytes) -> None:
        self._fh.write(data)
        self._hash.update(data)
        self.crc = zlib.crc32(data, self.crc)
        self.length += len(data)

    def _frame(self, chunk: bytes, final: bool) -> None:
        if self._state is not None:
            chunk = sodium.crypto_secretstream_xchacha20poly1305_push(
                self._state, chunk, tag=_TAG_FINAL if final else _TAG_MESSAGE)
        self._emit(_LEN.pack(len(chunk) | (_FINAL_BIT if final else 0)))
        self._emit(chunk)

    def write(self, data: bytes) -> None:
        self.plain_length += len(data)
        self._pending += self._deflate.compress(data)
        while len(self._pending) > CHUNK:     # keep one back: the last frame must carry the final mark
            self._frame(bytes(self._pending[:CHUNK]), False)
            del self._pending[:CHUNK]

    def finish(self) -> None:
        self._pending += self._deflate.flush()
        while len(self._pending) > CHUNK:
            self._frame(bytes(self._pending[:CHUNK]), False)
            del self._pending[:CHUNK]
        self._frame(bytes(self._pending), True)
        self._pending = bytearray()
        self._fh.flush()

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


def _mismatch() -> PackageError:
    return PackageError("payload_mismatch", "The package content does not match its signed manifest.",
                        "数据包内容与已签名的清单不符。")


def _frames(payload: Slice, key: bytes | None, hasher) -> Iterator[bytes]:
    """The chunks of payload.bin, decrypted and authenticated one by one, in order."""
    pos, index, state = 0, 0, None
    if key is not None:
        header = payload.read_at(0, HEADER_BYTES)
        hasher.update(header)
        if len(header) != HEADER_BYTES:
            raise _damaged("the content is cut short", "内容不完整（被截断）")
        state = sodium.crypto_secretstream_xchacha20poly1305_state()
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
        pos = HEADER_BYTES
    while True:
        head = payload.read_at(pos, _LEN.size)
        hasher.update(head)
        if len(head) != _LEN.size:
            raise _damaged("the content is cut short: its last part is missing", "内容不完整：缺少最后一段")
        word = _LEN.unpack(head)[0]
        size, final, index = word & ~_FINAL_BIT, bool(word & _FINAL_BIT), index + 1
        if size > MAX_FRAME:
            raise _damaged(f"part {index} of the content has an impossible length", f"内容第 {index} 段长度不可能")
        frame = payload.read_at(pos + _LEN.size, size)
        hasher.update(frame)
        if len(frame) != size:
            raise _damaged("the content is cut short: its last part is missing", "内容不完整：缺少最后一段")
        pos += _LEN.size + size
        if state is not None:
            try:
                frame, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, frame)
            except (nacl.exceptions.CryptoError, nacl.exceptions.RuntimeError, ValueError):
                raise _damaged(f"part {index} of the content was altered, moved or is missing",
                               f"内容第 {index} 段被改动、顺序错乱或缺失") from None
            if (tag == _TAG_FINAL) != final:
                raise _damaged(f"part {index} of the content is marked wrongly as the last or not",
                               f"内容第 {index} 段的结尾标记错误")
        yield frame
        if final:
            break
    if pos != len(payload):
        raise _damaged("bytes follow the last part of the content", "内容最后一段之后还有数据")


def read_chunked(payload: Slice, *, key: bytes | None, compression: str, plain_length: int,
                 payload_sha256: str) -> Iterator[bytes]:
    """Yields the plain payload of a format 2 payload.bin, as pieces of about a chunk inflated.

    Every chunk is authenticated before it is inflated (encrypted streams); the whole is checked
    against `payload_sha256` and `plain_length` at the end, where a mismatch raises after the
    pieces before it were handed out: the caller must not act on any piece before the last.
    Raises PackageError 'damaged' or 'payload_mismatch'."""
    hasher = hashlib.sha256()
    yield from inflate_bounded(_frames(payload, key, hasher), compressed=compression == "zlib",
                               plain_length=plain_length, mismatch=_mismatch)
    if hasher.hexdigest() != payload_sha256:
        raise _mismatch()


def inflate_bounded(stored: Iterable[bytes], *, compressed: bool, plain_length: int,
                    mismatch: Callable[[], PackageError]) -> Iterator[bytes]:
    """Yields the plain pieces of a stored payload given in pieces (zlib-inflated when `compressed`),
    never more than `plain_length` bytes in all: a payload longer than declared is noticed one byte
    past the declared size instead of being inflated in full (decompression bomb).
    Raises PackageError 'damaged' when it cannot be inflated, and `mismatch()` when its length, or
    the end of its zlib stream, is not what was declared (after the pieces before were handed out)."""
    inflater = zlib.decompressobj() if compressed else None
    total = 0
    for stored_piece in stored:
        if inflater is None:
            piece = bytes(stored_piece)
        else:
            try:
                piece = inflater.decompress(stored_piece, plain_length + 1 - total)
            except zlib.error:
                raise _damaged("the payload cannot be decompressed", "载荷无法解压") from None
            if inflater.unconsumed_tail:     # more output than the declared size: a bomb or a lie
                raise mismatch()
        total += len(piece)
        if total > plain_length:
            raise mismatch()
        if piece:
            yield piece
    if inflater is not None and (not inflater.eof or inflater.unused_data):
        raise mismatch()
    if total != plain_length:
        raise mismatch()
