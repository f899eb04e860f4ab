"""Container format 2 (issue 12): a payload of photos travels as authenticated chunks, written and
read one at a time. A round trip gives the same records and photos; a chunk altered, moved,
dropped or repeated, or a stream cut short, is refused with a clear message and nothing applied;
format 1 packages (written by the v1 writer still in the code, and by the previous release) stay
readable; a package without attachment content is still written in format 1."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import struct
import zipfile

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.sync import chunked, container, export
from sanxiang_desktop.sync.container import (Caps, build_chunked_package, canonical_json, open_package,
                                             open_payload, open_payload_pieces, peek_manifest)
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.keys import KeyPair
from sanxiang_desktop.sync.records import encode_line
from sanxiang_desktop.sync.source import Source
from sanxiang_desktop.sync.trust import own_key

from .world import file_digest

SENDER, RECIPIENT = KeyPair.generate(), KeyPair.generate()
HEADER = chunked.HEADER_BYTES


def lines(n: int = 300, photo: int = 3000) -> list[bytes]:
    return [encode_line({"n": i, "blob": hashlib.shake_256(b"%d" % i).hexdigest(photo)}) for i in range(n)]


def package(rows: list[bytes], encrypted: bool = True) -> bytes:
    segments = build_chunked_package({"sender_unit": "640104100"}, iter(rows), SENDER,
                                     RECIPIENT.public_bytes if encrypted else None)
    return b"".join(x if isinstance(x, bytes) else x.read() for x in segments)


def members_of(pkg: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pkg)) as z:
        return {n: z.read(n) for n in z.namelist()}


def frames(payload: bytes, encrypted: bool = True) -> tuple[bytes, list[bytes]]:
    """(stream header, [length word + frame, ...]) of a format 2 payload.bin."""
    pos = HEADER if encrypted else 0
    out = []
    while pos < len(payload):
        size = struct.unpack_from("<I", payload, pos)[0] & 0x7FFF_FFFF
        out.append(payload[pos:pos + 4 + size])
        pos += 4 + size
    return payload[:HEADER if encrypted else 0], out


def resigned(pkg: bytes, payload: bytes, signer: KeyPair = SENDER) -> bytes:
    """The package with another payload.bin and a manifest signed again for it (as a sender could):
    only the chunk authentication can tell."""
    m = members_of(pkg)
    manifest = json.loads(m["manifest.json"])
    manifest.update(payload_length=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
    body = canonical_json(manifest)
    return container._write_zip([("manifest.json", body), ("manifest.sig", signer.sign(body)),
                                 ("payload.bin", payload)])


def read_all(pkg: bytes | Source) -> bytes:
    opened = open_package(pkg, trusted_key_for=lambda unit: SENDER.public_bytes)
    return open_payload(opened, RECIPIENT)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(chunked, "CHUNK", 4096)


@pytest.mark.parametrize("encrypted", [True, False])
def test_round_trip_in_chunks_from_bytes_and_from_a_file(small_chunks, tmp_path, encrypted):
    rows = lines()
    pkg = package(rows, encrypted)
    manifest = peek_manifest(pkg)
    assert manifest["format_version"] == 2 and manifest["encrypted"] is encrypted
    assert ("sealed_key" in manifest) is encrypted
    assert len(frames(members_of(pkg)["payload.bin"], encrypted)[1]) > 20
    plain = b"".join(row + b"\n" for row in rows)
    assert read_all(pkg) == plain
    path = tmp_path / "p.sxpkg"
    path.write_bytes(pkg)
    with open(path, "rb") as fh:
        source = Source(fh=fh, size=len(pkg))
        opened = open_package(source, trusted_key_for=lambda unit: SENDER.public_bytes)
        assert opened.sha256 == hashlib.sha256(pkg).hexdigest()
        pieces = list(open_payload_pieces(opened, RECIPIENT))
    assert len(pieces) > 1 and b"".join(pieces) == plain


def test_the_stream_key_opens_only_for_the_recipient(small_chunks):
    opened = open_package(package(lines(20)), trusted_key_for=lambda unit: SENDER.public_bytes)
    for key in (SENDER, None):
        with pytest.raises(PackageError) as err:
            open_payload(opened, key)
        assert err.value.code == "decrypt_failed" and RECIPIENT.key_id in err.value.message_en


def _refused(pkg: bytes, code: str, words: str, words_zh: str) -> None:
    with pytest.raises(PackageError) as err:
        read_all(pkg)
    assert err.value.code == code, err.value.message_en
    assert words in err.value.message_en and words_zh in err.value.message_zh


def test_a_chunk_altered_moved_dropped_repeated_or_cut_is_refused_by_its_authentication(small_chunks):
    """With the manifest signed again (the whole-payload hash then agrees), the chunks' own
    authentication still refuses every change, naming the chunk."""
    pkg = package(lines())
    header, parts = frames(members_of(pkg)["payload.bin"])
    middle = len(parts) // 2
    altered = bytearray(parts[middle])
    altered[len(altered) // 2] ^= 0x01
    cases = {
        "altered": parts[:middle] + [bytes(altered)] + parts[middle + 1:],
        "swapped": parts[:middle] + [parts[middle + 1], parts[middle]] + parts[middle + 2:],
        "dropped": parts[:middle] + parts[middle + 1:],
        "repeated": parts[:middle + 1] + parts[middle:],
    }
    for name, changed in cases.items():
        at = middle + (2 if name == "repeated" else 1)       # the first chunk out of place
        _refused(resigned(pkg, header + b"".join(changed)), "damaged", f"part {at} of the content",
                 f"内容第 {at} 段")
    # cut before the final chunk: every chunk present authenticates, the end is missing
    _refused(resigned(pkg, header + b"".join(parts[:-1])), "damaged", "cut short", "不完整")
    # the final chunk moved up: marked last too early
    _refused(resigned(pkg, header + b"".join(parts[:middle] + parts[-1:])), "damaged", "part", "段")
    # bytes after the final chunk
    _refused(resigned(pkg, header + b"".join(parts) + parts[1]), "damaged", "bytes follow the last part", "之后")


def test_a_changed_package_file_is_refused_before_any_chunk_is_read(small_chunks):
    pkg = bytearray(package(lines()))
    start = pkg.index(b"payload.bin") + len("payload.bin")
    pkg[start + 5000] ^= 0xFF
    with pytest.raises(PackageError) as err:
        open_package(bytes(pkg), trusted_key_for=lambda unit: SENDER.public_bytes)
    assert err.value.code == "damaged" and "checksum of 'payload.bin'" in err.value.message_en


def test_a_sealed_key_that_is_missing_or_wrong_is_refused(small_chunks):
    pkg = package(lines(10))
    m = members_of(pkg)
    manifest = json.loads(m["manifest.json"])
    for value in (None, "not base64!", base64.b64encode(b"x" * 79).decode()):
        changed = {k: v for k, v in manifest.items() if k != "sealed_key"}
        if value is not None:
            changed["sealed_key"] = value
        body = canonical_json(changed)
        forged = container._write_zip([("manifest.json", body), ("manifest.sig", SENDER.sign(body)),
                                       ("payload.bin", m["payload.bin"])])
        with pytest.raises(PackageError) as err:
            read_all(forged)
        assert err.value.code == "bad_manifest" and "sealed payload key" in err.value.message_en


def test_a_bomb_in_a_chunk_stops_at_the_declared_size(small_chunks):
    caps = Caps(max_plain=10_000_000)
    rows = [b"\0" * 5_000_000]
    pkg = package(rows, encrypted=False)
    m = members_of(pkg)
    manifest = json.loads(m["manifest.json"]) | {"plain_length": 1000}
    body = canonical_json(manifest)
    forged = container._write_zip([("manifest.json", body), ("manifest.sig", SENDER.sign(body)),
                                   ("payload.bin", m["payload.bin"])])
    opened = open_package(forged, trusted_key_for=lambda unit: SENDER.public_bytes, caps=caps)
    with pytest.raises(PackageError) as err:
        for piece in open_payload_pieces(opened, None, caps=caps):
            assert len(piece) <= 1001
    assert err.value.code == "payload_mismatch"


# ------------------------------------------------------------------ whole packages, real databases
def _import_refused(c, path, capsys, words: str) -> None:
    before = file_digest(c.path)
    c.close()
    assert main(["import-package", "--db", str(c.path), str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and "错误" in err
    assert file_digest(c.path) == before, "the database changed"


def test_a_photo_package_round_trips_in_format_2_split_in_parts(world):
    t1, c = world["t1"], world["c"]
    written = t1.export(limit=8 * 1024)           # parts: joined into a temporary file on import
    assert len(written.paths) > 1
    assert written.manifest["required_capabilities"] == ["records/1", "chunked-payload/2"]
    res = c.take(written)[0]
    assert res.status == "applied", res.error
    mine = [line for line in t1.dump() if '"owner":"640104100"' in line]
    theirs = set(c.dump())
    assert mine and all(line in theirs for line in mine)
    with t1.db.session() as s, c.db.session() as s2:
        from sanxiang_desktop.store.models import Blob
        sent = {b.sha256: b.data for b in s.query(Blob)}
        got = {b.sha256: b.data for b in s2.query(Blob)}
    assert sent and all(got[sha] == data for sha, data in sent.items())


@pytest.mark.parametrize("damage", ["middle byte", "truncated", "chunks reordered"])
def test_a_damaged_photo_package_is_refused_and_nothing_applied(world, tmp_path, capsys, damage, small_chunks):
    t1, c = world["t1"], world["c"]
    good = t1.export().paths[0].read_bytes()
    m = members_of(good)
    assert json.loads(m["manifest.json"])["format_version"] == 2
    start = good.index(m["payload.bin"][:64])
    payload = m["payload.bin"]
    if damage == "middle byte":
        bad = bytearray(good)
        bad[start + len(payload) // 2] ^= 0x40
        words = "damaged or was altered"
    elif damage == "truncated":
        bad = good[:start + len(payload) // 2]
        words = "damaged or was altered"
    else:
        header, parts = frames(payload)
        assert len(parts) >= 2
        swapped = header + b"".join([parts[1], parts[0]] + parts[2:])
        assert len(swapped) == len(payload) and swapped != payload
        bad = good[:start] + swapped + good[start + len(payload):]
        words = "damaged or was altered"
    path = tmp_path / "bad.sxpkg"
    path.write_bytes(bytes(bad))
    _import_refused(c, path, capsys, words)


def test_format_1_photo_packages_stay_readable(world, monkeypatch):
    """The v1 writer (still used for packages without attachment content) wrote photo packages
    until now: the new release imports one as before."""
    t1, c = world["t1"], world["c"]
    v1_writer = export.write_package

    def write_format_1(*args, **kw):
        return v1_writer(*args, **(kw | {"chunked": False}))
    monkeypatch.setattr(export, "write_package", write_format_1)
    written = t1.export()
    m = members_of(written.paths[0].read_bytes())
    manifest = json.loads(m["manifest.json"])
    assert manifest["format_version"] == 1 and manifest["required_capabilities"] == ["records/1"]
    assert manifest["blobs"] > 0
    res = c.take(written)[0]
    assert res.status == "applied", res.error
    assert res.counts["inserted"] > 0


def test_packages_without_attachment_content_stay_format_1(world):
    c = world["c"]
    written = c.receipt_for(world["t1"])
    m = json.loads(members_of(written.paths[0].read_bytes())["manifest.json"])
    assert m["format_version"] == 1 and "chunked-payload/2" not in m["required_capabilities"]


def test_an_older_reader_is_told_to_upgrade(world, tmp_path, capsys):
    """What the previous release does with a format 2 package: its container check refuses a
    format above its own with 'please upgrade'; here the same check, one format further."""
    t1, c = world["t1"], world["c"]
    good = t1.export().paths[0].read_bytes()
    with t1.db.session() as s:
        key = own_key(s)
    m = members_of(good)
    manifest = json.loads(m["manifest.json"]) | {"format_version": container.READABLE_FORMAT + 1}
    body = canonical_json(manifest)
    path = tmp_path / "newer.sxpkg"
    path.write_bytes(container._write_zip([("manifest.json", body), ("manifest.sig", key.sign(body)),
                                           ("payload.bin", m["payload.bin"])]))
    _import_refused(c, path, capsys, "please upgrade the program")
