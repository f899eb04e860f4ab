"""The payload read piece by piece (issue 12: a package of photos is never held inflated) gives
exactly what the whole-payload reader gives, and refuses what it refuses."""
from __future__ import annotations

import os

import pytest

from sanxiang_desktop.sync import container
from sanxiang_desktop.sync.container import build_package, open_package, open_payload, open_payload_pieces
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.keys import KeyPair
from sanxiang_desktop.sync.records import encode_line, parse_line_stream, parse_lines

SENDER, RECIPIENT = KeyPair.generate(), KeyPair.generate()


def opened(plain: bytes, compression: str = "auto", encrypted: bool = True):
    pkg = build_package({"sender_unit": "640104100"}, plain, SENDER,
                        RECIPIENT.public_bytes if encrypted else None, compression=compression)
    return open_package(pkg, trusted_key_for=lambda unit: SENDER.public_bytes)


def payload(lines: int, photo: int = 0) -> bytes:
    rows = [encode_line({"n": i, "text": "掌政镇健康讲堂" * (i % 7), "blob": os.urandom(photo).hex()})
            for i in range(lines)]
    return b"\n".join(rows) + b"\n"


@pytest.mark.parametrize("compression", ["zlib", "none"])
@pytest.mark.parametrize("encrypted", [True, False])
def test_pieces_join_to_the_whole_payload(monkeypatch, compression, encrypted):
    monkeypatch.setattr(container, "PIECE", 4096)          # many pieces, lines cut across them
    plain = payload(300, photo=900)
    pkg = opened(plain, compression, encrypted)
    whole = open_payload(pkg, RECIPIENT)
    pieces = list(open_payload_pieces(pkg, RECIPIENT))
    assert len(pieces) > 10 and b"".join(pieces) == whole == plain
    assert list(parse_line_stream(pieces)) == list(parse_lines(plain))


def test_lines_across_pieces_and_a_last_line_without_newline():
    plain = b'{"a":1}\n\n{"b":"' + b"x" * 10 + b'"}\n{"c":3}'
    pieces = [plain[i:i + 3] for i in range(0, len(plain), 3)]
    assert list(parse_line_stream(pieces)) == list(parse_lines(plain)) == [
        (1, {"a": 1}), (3, {"b": "x" * 10}), (4, {"c": 3})]


def test_a_bad_line_is_refused_with_its_number():
    with pytest.raises(PackageError) as err:
        list(parse_line_stream([b'{"a":1}\n{"b":', b'2}\n[1]\n']))
    assert err.value.code == "bad_payload" and "Line 3" in err.value.message_en


def test_more_or_less_than_declared_is_refused(monkeypatch):
    """A payload whose inflated size differs from its signed manifest: refused at the end."""
    monkeypatch.setattr(container, "PIECE", 1024)
    plain = payload(200)
    for declared in (len(plain) - 1, len(plain) + 1):
        pkg = opened(plain, "zlib", encrypted=False)
        pkg.manifest["plain_length"] = declared            # as if the signed manifest said so
        with pytest.raises(PackageError) as err:
            list(open_payload_pieces(pkg, None))
        assert err.value.code == "payload_mismatch"


def test_damaged_compressed_payload_is_refused():
    plain = payload(200)
    pkg = opened(plain, "zlib", encrypted=False)
    broken = bytearray(pkg.payload_raw)
    broken[len(broken) // 2] ^= 0xFF
    object.__setattr__(pkg, "payload_raw", bytes(broken))
    with pytest.raises(PackageError) as err:
        list(open_payload_pieces(pkg, None))
    assert err.value.code in ("damaged", "payload_mismatch")
