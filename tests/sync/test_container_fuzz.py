"""Damaged packages: whatever the damage, a PackageError and never anything else.

Every single-bit flip, truncation and splice of a real package is tried, plus
random bytes from hypothesis. A package that got through would have to
survive the zip checks, the CRCs, the signature and the payload hash.
"""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanxiang_desktop.sync.container import Caps, build_package, open_package, open_payload
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.keys import KeyPair

UNIT = "640104100"
SENDER = KeyPair.from_private_bytes(b"s" * 32)
RECIPIENT = KeyPair.from_private_bytes(b"r" * 32)
PLAIN = "".join(f'{{"table":"activity","id":"{i:06d}","title":"科普讲座第{i}期"}}\n'
                for i in range(60)).encode()
MANIFEST = {"sender_unit": UNIT, "kind": "data", "seq": 3}
PACKAGES = {
    "plain": build_package(MANIFEST, PLAIN, SENDER, None),
    "encrypted": build_package(MANIFEST, PLAIN, SENDER, RECIPIENT.public_bytes),
    "stored": build_package(MANIFEST, PLAIN, SENDER, None, compression="none"),
}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def trust(unit: str) -> bytes | None:
    return SENDER.public_bytes if unit == UNIT else None


def assert_refused(data: bytes) -> str:
    """The code of the refusal; any other outcome (success, other exception) fails."""
    try:
        opened = open_package(data, caps=Caps(), trusted_key_for=trust)
        open_payload(opened, RECIPIENT)
    except PackageError as err:
        assert err.code and err.message_en and err.message_zh
        return err.code
    raise AssertionError(f"damaged package of {len(data)} bytes was accepted")


@pytest.mark.parametrize("kind", sorted(PACKAGES))
def test_intact_packages_open(kind):
    assert open_payload(open_package(PACKAGES[kind], trusted_key_for=trust), RECIPIENT) == PLAIN


@pytest.mark.parametrize("kind", sorted(PACKAGES))
def test_every_single_bit_flip_is_refused(kind):
    pkg = PACKAGES[kind]
    codes = set()
    for pos in range(len(pkg)):        # every byte, one bit each (the bit rotates)
        damaged = bytearray(pkg)
        damaged[pos] ^= 1 << (pos % 8)
        codes.add(assert_refused(bytes(damaged)))
    assert len(pkg) > 700 and codes <= {"not_zip", "damaged", "bad_member", "too_large", "is_part"}


@pytest.mark.parametrize("kind", sorted(PACKAGES))
def test_truncation_is_refused(kind):
    pkg = PACKAGES[kind]
    cuts = {len(pkg) * i // 64 for i in range(64)} | {len(pkg) - i for i in range(1, 65)}
    for cut in sorted(cuts):
        assert assert_refused(pkg[:cut]) in {"empty", "not_zip", "damaged", "bad_member"}


@pytest.mark.parametrize("extra", [b"\0", b"\n", b"PK", b"PK\x05\x06" + bytes(18), bytes(64)])
def test_appended_or_prepended_bytes_are_refused(extra):
    pkg = PACKAGES["encrypted"]
    assert assert_refused(pkg + extra) == "damaged"
    assert assert_refused(extra + pkg) in {"not_zip", "damaged"}
    assert assert_refused(pkg + pkg) == "damaged"


def test_many_random_multi_byte_damages():
    rnd = random.Random(7)
    pkg = PACKAGES["encrypted"]
    for _ in range(300):
        damaged = bytearray(pkg)
        for _ in range(rnd.randint(1, 4)):
            damaged[rnd.randrange(len(pkg))] = rnd.randrange(256)
        if bytes(damaged) != pkg:
            assert_refused(bytes(damaged))


@FAST
@given(st.binary(max_size=4096))
def test_random_bytes_are_refused(data):
    assert_refused(data)


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes_looking_like_a_zip_are_refused(data):
    assert_refused(b"PK\x03\x04" + data)
    assert_refused(b"PK\x03\x04" + data + b"PK\x05\x06" + bytes(18))


@FAST
@given(kind=st.sampled_from(sorted(PACKAGES)), start=st.integers(0, 2000),
       length=st.integers(0, 64), insert=st.binary(max_size=64))
def test_spliced_packages_are_refused(kind, start, length, insert):
    pkg = PACKAGES[kind]
    start = min(start, len(pkg))
    damaged = pkg[:start] + insert + pkg[start + length:]
    if damaged != pkg:
        assert_refused(damaged)
