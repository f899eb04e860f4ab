"""The package container: round trips and every kind of refused package.

Malicious packages are crafted with the real writer (container._write_zip) and
real signatures, or with the standard zipfile module where a second,
independent zip writer is the point.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import time
import zipfile
import zlib

import pytest

from sanxiang_desktop.sync import container
from sanxiang_desktop.sync.container import (FORMAT_VERSION, MEMBERS, Caps, build_package,
                                             canonical_json, open_package, open_payload,
                                             peek_manifest)
from sanxiang_desktop.sync.errors import PackageError, UntrustedSender
from sanxiang_desktop.sync.keys import KeyPair, fingerprint

UNIT = "640104100"
SENDER = KeyPair.from_private_bytes(bytes(range(32)))
RECIPIENT = KeyPair.from_private_bytes(bytes(range(32, 64)))
OTHER = KeyPair.from_private_bytes(bytes(range(64, 96)))
MANIFEST = {"sender_unit": UNIT, "recipient_unit": "640104", "kind": "data",
            "package_id": "640104100-640104-000017", "seq": 17, "note": "掌政镇"}
PLAIN = "".join(f'{{"table":"person","id":"{i:08d}","name":"张{i}"}}\n' for i in range(200)).encode()


def trust(unit: str) -> bytes | None:
    return SENDER.public_bytes if unit == UNIT else None


def sign_zip(manifest_bytes: bytes, payload: bytes, signer: KeyPair = SENDER) -> bytes:
    return container._write_zip([("manifest.json", manifest_bytes),
                                 ("manifest.sig", signer.sign(manifest_bytes)),
                                 ("payload.bin", payload)])


def members_of(pkg: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pkg)) as z:
        return {n: z.read(n) for n in z.namelist()}


def resigned(pkg: bytes, signer: KeyPair = SENDER, payload: bytes | None = None, **changes) -> bytes:
    """The package with manifest fields changed and validly signed again by ``signer``."""
    m = members_of(pkg)
    manifest = json.loads(m["manifest.json"])
    manifest.update(changes)
    if payload is not None:
        manifest.update(payload_length=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
    if signer is not SENDER:
        manifest.update(sender_public=base64.b64encode(signer.public_bytes).decode(),
                        sender_key_id=signer.key_id)
    return sign_zip(canonical_json(manifest), m["payload.bin"] if payload is None else payload, signer)


def refused(data: bytes, code: str | None = None, caps: Caps = Caps()) -> PackageError:
    with pytest.raises(PackageError) as info:
        open_payload(open_package(data, caps=caps, trusted_key_for=trust), RECIPIENT, caps=caps)
    if code is not None:
        assert info.value.code == code, str(info.value)
    assert info.value.message_en and info.value.message_zh
    return info.value


@pytest.mark.parametrize("recipient", [None, RECIPIENT])
def test_round_trip(recipient):
    pkg = build_package(MANIFEST, PLAIN, SENDER, recipient and recipient.public_bytes)
    opened = open_package(pkg, trusted_key_for=trust)
    assert open_payload(opened, RECIPIENT) == PLAIN
    m = opened.manifest
    assert {k: m[k] for k in MANIFEST} == MANIFEST
    assert m["format_version"] == FORMAT_VERSION and m["encrypted"] is (recipient is not None)
    assert m["compression"] == "zlib" and m["plain_length"] == len(PLAIN)
    assert m["payload_sha256"] == hashlib.sha256(opened.payload_raw).hexdigest()
    assert m["sender_key_id"] == SENDER.key_id and opened.sender_public == SENDER.public_bytes
    assert opened.sha256 == hashlib.sha256(pkg).hexdigest()
    assert opened.manifest_bytes == canonical_json(m) and b" " not in opened.manifest_bytes
    assert opened.sender_fingerprint == fingerprint(SENDER.public_bytes)
    assert peek_manifest(pkg) == m
    if recipient:
        assert m["recipient_key_id"] == RECIPIENT.key_id
        assert PLAIN[:50] not in opened.payload_raw and zlib.compress(PLAIN, 6) != opened.payload_raw


def test_empty_payload_and_caller_manifest_untouched():
    manifest = dict(MANIFEST, payload_length=5, encrypted=True)
    pkg = build_package(manifest, b"", SENDER, None)
    assert manifest["payload_length"] == 5  # the caller's dict is not modified
    opened = open_package(pkg, trusted_key_for=trust)
    assert opened.manifest["payload_length"] != 5 and opened.manifest["encrypted"] is False
    assert open_payload(opened, None) == b""


def test_deterministic_bytes():
    one = build_package(dict(MANIFEST), PLAIN, SENDER, None)
    assert one == build_package(dict(reversed(list(MANIFEST.items()))), PLAIN, SENDER, None)
    # Sealed boxes use a fresh ephemeral key: only the payload and its hash differ.
    enc = [build_package(MANIFEST, PLAIN, SENDER, RECIPIENT.public_bytes) for _ in range(2)]
    assert enc[0] != enc[1] and len(enc[0]) == len(enc[1])


def test_readable_by_standard_zip_tools():
    pkg = build_package(MANIFEST, PLAIN, SENDER, RECIPIENT.public_bytes)
    with zipfile.ZipFile(io.BytesIO(pkg)) as z:
        assert z.testzip() is None
        infos = z.infolist()
        assert tuple(i.filename for i in infos) == MEMBERS
        assert {(i.compress_type, i.date_time) for i in infos} == {(zipfile.ZIP_STORED, (1980, 1, 1, 0, 0, 0))}


def test_incompressible_payload_is_stored():
    photo = hashlib.shake_256(b"photo").digest(600_000)
    opened = open_package(build_package(MANIFEST, photo, SENDER, None), trusted_key_for=trust)
    assert opened.manifest["compression"] == "none" and opened.payload_raw == photo
    assert open_payload(opened, None) == photo


def test_untrusted_sender_carries_fingerprint():
    pkg = build_package(MANIFEST, PLAIN, OTHER, None)
    with pytest.raises(UntrustedSender) as info:
        open_package(pkg, trusted_key_for=lambda unit: None)
    err = info.value
    assert err.code == "untrusted" and err.sender_unit == UNIT
    assert err.fingerprint == fingerprint(OTHER.public_bytes) and err.key_id == OTHER.key_id
    assert err.sender_public == OTHER.public_bytes and err.fingerprint in str(err)
    assert peek_manifest(pkg)["sender_key_id"] == OTHER.key_id  # the dialog can still show it


def test_other_key_claiming_a_known_unit_is_key_mismatch():
    forged = build_package(MANIFEST, PLAIN, OTHER, None)       # signed by OTHER, claims UNIT
    err = refused(forged, "key_mismatch")
    assert UNIT in err.message_en and UNIT in err.message_zh
    assert refused(resigned(build_package(MANIFEST, PLAIN, SENDER, None), OTHER)).code == "key_mismatch"


def test_hand_edited_manifest_fails_signature():
    pkg = build_package(MANIFEST, PLAIN, SENDER, None)
    m = members_of(pkg)
    edited = m["manifest.json"].replace(b'"seq":17', b'"seq":18')
    assert edited != m["manifest.json"]
    refused(container._write_zip([("manifest.json", edited), ("manifest.sig", m["manifest.sig"]),
                                  ("payload.bin", m["payload.bin"])]), "bad_signature")
    refused(resigned(pkg, seq=18).replace(b'"seq":18', b'"seq":19'), "damaged")  # CRC first
    refused(sign_zip(m["manifest.json"], m["payload.bin"])[:-200] + b"x" * 200)


def test_newer_format_asks_for_upgrade():
    err = refused(resigned(build_package(MANIFEST, PLAIN, SENDER, None), format_version=3),
                  "newer_format")
    assert "upgrade" in err.message_en and "请升级程序" in err.message_zh


def test_wrong_recipient_key():
    pkg = build_package(MANIFEST, PLAIN, SENDER, RECIPIENT.public_bytes)
    opened = open_package(pkg, trusted_key_for=trust)
    for key in (OTHER, SENDER, None):
        with pytest.raises(PackageError) as info:
            open_payload(opened, key)
        assert info.value.code == "decrypt_failed" and RECIPIENT.key_id in info.value.message_en


@pytest.mark.parametrize("changes, code", [
    ({"payload_sha256": "0" * 64}, "payload_mismatch"),
    ({"payload_length": 3}, "payload_mismatch"),
    ({"plain_length": 10}, "payload_mismatch"),
    ({"plain_length": len(PLAIN) + 1}, "payload_mismatch"),
    ({"compression": "lzma"}, "bad_manifest"),
    ({"encrypted": "yes"}, "bad_manifest"),
    ({"format_version": True}, "bad_manifest"),
    ({"container": "something-else"}, "bad_manifest"),
    ({"sender_key_id": "0123456789abcdef"}, "bad_manifest"),
    ({"sender_unit": ""}, "bad_manifest"),
    ({"encrypted": True}, "bad_manifest"),
    ({"encrypted": True, "recipient_key_id": RECIPIENT.key_id}, "decrypt_failed"),
])
def test_signed_but_inconsistent_manifest(changes, code):
    refused(resigned(build_package(MANIFEST, PLAIN, SENDER, None), **changes), code)


@pytest.mark.parametrize("manifest_bytes", [
    b'{"a":1,"a":2}', b"[1,2]", b"\xff\xfe", b'{"x":NaN}', b"[" * 20000 + b"]" * 20000,
    canonical_json(dict(MANIFEST, sender_public="!!!")),
])
def test_unparsable_manifest(manifest_bytes):
    refused(sign_zip(manifest_bytes, b""), "bad_manifest")


def test_non_canonical_manifest_even_if_signed():
    good = json.loads(members_of(build_package(MANIFEST, PLAIN, SENDER, None))["manifest.json"])
    refused(sign_zip(json.dumps(good, indent=1, ensure_ascii=False).encode(),
                     zlib.compress(PLAIN, 6)), "bad_manifest")
    refused(sign_zip(json.dumps(good, sort_keys=True).encode(), zlib.compress(PLAIN, 6)),
            "bad_manifest")  # \u escapes instead of UTF-8


def test_truncated_or_trailing_garbage_in_payload_stream():
    pkg = build_package(MANIFEST, PLAIN, SENDER, None)
    stream = zlib.compress(PLAIN, 6)
    refused(resigned(pkg, payload=stream[:-10]), "payload_mismatch")
    refused(resigned(pkg, payload=stream + b"tail"), "payload_mismatch")
    refused(resigned(pkg, payload=b"not zlib at all"), "damaged")


def test_decompression_bomb_declared_honestly_is_too_large():
    zeros = bytes(20 * 1024 * 1024)
    pkg = build_package(MANIFEST, zeros, SENDER, None)
    assert len(pkg) < 100_000
    refused(pkg, "too_large", caps=Caps(max_plain=1024 * 1024))


def test_decompression_bomb_lying_about_its_size_stops_early():
    bomb = zlib.compress(bytes(200 * 1024 * 1024), 9)    # 200 MiB of zeros in ~200 KB
    pkg = resigned(build_package(MANIFEST, b"", SENDER, None), payload=bomb, plain_length=1000)
    start = time.perf_counter()
    refused(pkg, "payload_mismatch")
    assert time.perf_counter() - start < 1.0


def test_member_declaring_a_huge_size():
    pkg = bytearray(build_package(MANIFEST, PLAIN, SENDER, None))
    central = pkg.rindex(b"PK\x01\x02")                      # payload.bin is the last entry
    pkg[central + 20:central + 28] = (0xFFFFFFF0).to_bytes(4, "little") * 2
    refused(bytes(pkg), "too_large")


def test_package_over_the_file_cap():
    pkg = build_package(MANIFEST, PLAIN, SENDER, None)
    refused(pkg, "too_large", caps=Caps(max_package=len(pkg) - 1))
    refused(pkg, "too_large", caps=Caps(max_manifest=100))


def _stored_zip(members, **kw) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", **kw) as z:
        for name, blob in members:
            z.writestr(name, blob)
    return buf.getvalue()


def test_forbidden_members():
    m = members_of(build_package(MANIFEST, PLAIN, SENDER, None))
    good = list(m.items())
    cases = {
        "../x": [("../x", b"x")] + good[1:],
        "slash": [("a/manifest.json", m["manifest.json"])] + good[1:],
        "backslash": [("..\\manifest.json", m["manifest.json"])] + good[1:],
        "duplicate": [good[0], good[0], good[2]],
        "extra": good + [("notes.txt", b"hi")],
        "missing": good[:2],
        "order": [good[1], good[0], good[2]],
    }
    for label, members in cases.items():
        err = refused(container._write_zip(members), "bad_member")
        assert err.message_zh, label
    refused(container._write_zip(good + [("notes.txt", b"hi")]), "bad_member",
            caps=Caps(max_members=4))
    refused(container._write_zip(good[:2] + [("payload.bin/", b"")]), "bad_member")


def test_deflate_member_and_foreign_zip_writers():
    m = members_of(build_package(MANIFEST, PLAIN, SENDER, None))
    refused(_stored_zip(m.items(), compression=zipfile.ZIP_DEFLATED), "bad_member")
    # A STORED zip by another writer differs in header details: refused, never misread.
    refused(_stored_zip(m.items()))


def test_local_name_differs_from_directory():
    pkg = bytearray(build_package(MANIFEST, PLAIN, SENDER, None))
    local = pkg.index(b"manifest.sig")                       # first occurrence: local header
    pkg[local:local + 12] = b"manifest.xyz"
    refused(bytes(pkg), "bad_member")


def test_not_a_package():
    refused(b"", "empty")
    refused(b"hello world, this is not a zip file at all", "not_zip")
    refused(b"PK\x05\x06" + bytes(18), "not_zip")
    refused(_stored_zip([]), "not_zip")


def test_signature_is_checked_before_the_fields_are_believed():
    m = members_of(build_package(MANIFEST, PLAIN, SENDER, None))
    newer = m["manifest.json"].replace(b'"format_version":1', b'"format_version":2')
    assert newer != m["manifest.json"]
    refused(container._write_zip([("manifest.json", newer), ("manifest.sig", m["manifest.sig"]),
                                  ("payload.bin", m["payload.bin"])]), "bad_signature")
    with pytest.raises(PackageError) as info:
        peek_manifest(container._write_zip([("manifest.json", newer),
                                            ("manifest.sig", m["manifest.sig"]),
                                            ("payload.bin", m["payload.bin"])]))
    assert info.value.code == "bad_signature"


def test_builder_refuses_what_the_reader_would_refuse():
    with pytest.raises(PackageError) as info:
        build_package(MANIFEST, PLAIN, SENDER, None, caps=Caps(max_plain=100))
    assert info.value.code == "too_large"
    with pytest.raises(ValueError):
        build_package({"kind": "data"}, PLAIN, SENDER, None)
    with pytest.raises(ValueError):
        build_package(MANIFEST, PLAIN, SENDER, None, compression="lzma")
    with pytest.raises(PackageError):
        build_package(MANIFEST, PLAIN, SENDER, bytes(32))      # not a usable recipient key
