"""Splitting packages into parts for e-mail and joining them back."""
from __future__ import annotations

import hashlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanxiang_desktop.sync import parts
from sanxiang_desktop.sync.container import build_package, open_package, peek_manifest
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.keys import KeyPair

STEM = "640104100-640104-000017"
KEY = KeyPair.from_private_bytes(b"k" * 32)
PHOTO = hashlib.shake_256(b"scan").digest(50_000)     # incompressible, so the package is big
PKG = build_package({"sender_unit": "640104100"}, PHOTO, KEY, None)
OTHER_PKG = build_package({"sender_unit": "640104100", "seq": 2}, PHOTO, KEY, None)
LIMIT = 12_000


def split(pkg=PKG):
    return parts.split_package(pkg, STEM, limit=LIMIT)


def refused(given, code):
    with pytest.raises(PackageError) as info:
        parts.join_parts(given)
    assert info.value.code == code, str(info.value)
    return info.value


def test_small_package_stays_one_file():
    assert parts.split_package(PKG, STEM) == [(f"{STEM}.sxpkg", PKG)]
    assert parts.split_package(PKG, STEM, limit=len(PKG)) == [(f"{STEM}.sxpkg", PKG)]


def test_split_names_sizes_and_shuffled_join():
    pieces = split()
    names = [n for n, _ in pieces]
    assert len(pieces) == 5 and names[0] == f"{STEM}.part01of05.sxpkg"
    assert names[-1] == f"{STEM}.part05of05.sxpkg" and all(n.isascii() for n in names)
    assert all(len(b) <= LIMIT and parts.is_part(b) for _, b in pieces)
    assert not parts.is_part(PKG)
    data = [b for _, b in pieces]
    for seed in range(5):
        random.Random(seed).shuffle(data)
        assert parts.join_parts(data) == PKG
    info = parts.part_info(pieces[2][1])
    assert (info.index, info.count, info.package_sha256) == (3, 5, hashlib.sha256(PKG).hexdigest())


def test_many_parts_widen_the_number():
    big = build_package({"sender_unit": "640104100"}, PHOTO * 3, KEY, None)
    pieces = parts.split_package(big, STEM, limit=parts.HEADER_SIZE + 1024)
    assert len(pieces) > 99 and pieces[0][0] == f"{STEM}.part001of{len(pieces)}.sxpkg"
    assert parts.join_parts([b for _, b in reversed(pieces)]) == big


def test_missing_parts_are_named():
    data = [b for _, b in split()]
    err = refused([data[0], data[2], data[4]], "missing_part")
    assert err.details["missing"] == [2, 4] and "2, 4" in err.message_en and "2, 4" in err.message_zh
    refused([], "missing_part")


def test_duplicate_part():
    data = [b for _, b in split()]
    assert refused(data + [data[1]], "duplicate_part").details["index"] == 2


def test_part_from_another_package():
    mine = [b for _, b in split()]
    theirs = [b for _, b in split(OTHER_PKG)]
    err = refused(mine[:4] + [theirs[4]], "foreign_part")
    assert err.details["positions"] == [5]


def test_damaged_and_non_parts():
    data = [b for _, b in split()]
    broken = bytearray(data[3])
    broken[-1] ^= 0x20
    assert refused(data[:3] + [bytes(broken)] + data[4:], "damaged_part").details["index"] == 4
    refused(data[:2] + [PKG], "not_part")
    header = bytearray(data[0])
    header[9:11] = (9).to_bytes(2, "little")          # index 9 of 5
    refused([bytes(header)] + data[1:], "damaged_part")


def test_a_part_given_as_a_package_says_so():
    first = split()[0][1]
    for call in (lambda: open_package(first, trusted_key_for=lambda u: None),
                 lambda: peek_manifest(first)):
        with pytest.raises(PackageError) as info:
            call()
        assert info.value.code == "is_part" and "1/5" in info.value.message_zh


def test_bad_stems_and_limits():
    with pytest.raises(ValueError):
        parts.split_package(PKG, "掌政镇")
    with pytest.raises(ValueError):
        parts.split_package(PKG, "../x")
    with pytest.raises(ValueError):
        parts.split_package(PKG, STEM, limit=100)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_parts_are_refused(data):
    for given_parts in ([data], [parts.MAGIC + data], [split()[0][1], parts.MAGIC + data]):
        with pytest.raises(PackageError):
            parts.join_parts(given_parts)


def test_every_bit_flip_in_a_part_header_is_refused():
    data = [b for _, b in split()]
    for pos in range(parts.HEADER_SIZE):
        for bit in range(8):
            broken = bytearray(data[1])
            broken[pos] ^= 1 << bit
            with pytest.raises(PackageError):
                parts.join_parts([data[0], bytes(broken)] + data[2:])
