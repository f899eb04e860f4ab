"""Installation keys, key ids and fingerprints."""
from __future__ import annotations

import re

import nacl.public
import pytest

from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.keys import (KeyPair, box_public_from_verify, fingerprint,
                                        fingerprint_matches, key_id_of, normalize_fingerprint,
                                        verify)


def test_key_pair_round_trip_and_signatures():
    key = KeyPair.generate()
    again = KeyPair.from_private_bytes(key.private_bytes)
    assert again == key and len(key.private_bytes) == 32 and len(key.public_bytes) == 32
    sig = key.sign(b"manifest")
    assert len(sig) == 64 and again.sign(b"manifest") == sig      # Ed25519 is deterministic
    assert verify(key.public_bytes, b"manifest", sig)
    assert not verify(key.public_bytes, b"manifesT", sig)
    assert not verify(KeyPair.generate().public_bytes, b"manifest", sig)
    assert not verify(key.public_bytes, b"manifest", sig[:63])
    assert not verify(b"short", b"manifest", sig)
    assert key.private_bytes.hex() not in repr(key)


def test_ids_are_stable_and_distinct():
    key = KeyPair.from_private_bytes(bytes(32))
    assert key.key_id == key_id_of(key.public_bytes) and re.fullmatch(r"[0-9a-f]{16}", key.key_id)
    fp = fingerprint(key.public_bytes)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}", fp)
    assert fp == key.fingerprint == fingerprint(KeyPair.from_private_bytes(bytes(32)).public_bytes)
    others = {fingerprint(KeyPair.generate().public_bytes) for _ in range(200)}
    assert len(others) == 200 and fp not in others


def test_typed_fingerprints():
    key = KeyPair.generate()
    fp = key.fingerprint
    assert normalize_fingerprint(fp.lower().replace("-", " ")) == fp
    assert fingerprint_matches(key.public_bytes, fp.replace("-", "").lower())
    assert fingerprint_matches(key.public_bytes, fp.replace("1", "l").replace("0", "O"))
    assert not fingerprint_matches(key.public_bytes, fp[:-1])
    assert not fingerprint_matches(key.public_bytes, fingerprint(KeyPair.generate().public_bytes))
    assert normalize_fingerprint("UUUU-UUUU-UUUU-UUUU") == ""


def test_sealed_box_to_the_signing_key():
    key = KeyPair.generate()
    box = nacl.public.SealedBox(box_public_from_verify(key.public_bytes)).encrypt(b"secret")
    assert nacl.public.SealedBox(key.box_private()).decrypt(box) == b"secret"


@pytest.mark.parametrize("bad", [b"", b"x" * 31, b"x" * 33, "x" * 32])
def test_bad_private_bytes(bad):
    with pytest.raises(PackageError) as info:
        KeyPair.from_private_bytes(bad)
    assert info.value.code == "bad_key"


@pytest.mark.parametrize("bad", [bytes(32), b"\x01" + bytes(31), b"x" * 31])
def test_unusable_public_keys(bad):
    with pytest.raises(PackageError) as info:
        box_public_from_verify(bad)
    assert info.value.code == "bad_key"
