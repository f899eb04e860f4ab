"""Bad input at the database level: every damaged or forged file is refused with a clear
message (exit 2, or 3 for an unknown sender) and the database stays exactly as it was."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import zipfile
import zlib

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.sync import container
from sanxiang_desktop.sync.container import canonical_json
from sanxiang_desktop.sync.keys import KeyPair
from sanxiang_desktop.sync.trust import own_key

from .world import file_digest, forge, record_lines

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def members_of(pkg: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(pkg)) as z:
        return {n: z.read(n) for n in z.namelist()}


def resign(pkg: bytes, signer: KeyPair, payload: bytes | None = None, **changes) -> bytes:
    parts = members_of(pkg)
    manifest = json.loads(parts["manifest.json"])
    if payload is not None:       # a payload made here is a format 1 payload (one zlib stream / sealed box)
        manifest.pop("sealed_key", None)
        manifest["format_version"] = 1
    manifest |= changes
    payload = parts["payload.bin"] if payload is None else payload
    manifest.update(payload_length=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest(),
                    sender_public=base64.b64encode(signer.public_bytes).decode(), sender_key_id=signer.key_id)
    body = canonical_json(manifest)
    return container._write_zip([("manifest.json", body), ("manifest.sig", signer.sign(body)),
                                 ("payload.bin", payload)])


def zip_with(names_and_data, method=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in names_and_data:
            z.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buf.getvalue()


@pytest.fixture
def setup(world, tmp_path):
    t1, c = world["t1"], world["c"]
    good = t1.export().paths[0].read_bytes()
    with t1.db.session() as s:
        t1_key = own_key(s)
    with world["t2"].db.session() as s:
        t2_key = own_key(s)
    c.close()
    return world, good, t1_key, t2_key, tmp_path


def refused(c, tmp_path, data: bytes, capsys, expect: int = 2, name: str = "bad.sxpkg") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    before = file_digest(c.path)
    code = main(["import-package", "--db", str(c.path), str(path)])
    err = capsys.readouterr().err
    assert code == expect, err
    assert "Traceback" not in err and "error" in err.lower() or expect == 3
    assert file_digest(c.path) == before, "the database changed"
    return err


def test_empty_random_and_appended(setup, capsys):
    world, good, *_ , tmp = setup
    c = world["c"]
    assert "empty" in refused(c, tmp, b"", capsys)
    rng = random.Random(7)
    for n in (1, 22, 300, len(good)):
        refused(c, tmp, rng.randbytes(n), capsys)
    assert "damaged" in refused(c, tmp, good + b"x", capsys)
    refused(c, tmp, good + good, capsys)


def test_truncation_at_many_offsets(setup, capsys):
    world, good, *_ , tmp = setup
    offsets = sorted(set(random.Random(1).sample(range(1, len(good)), 60)) | {1, 30, len(good) - 1, len(good) - 22})
    for n in offsets:
        refused(world["c"], tmp, good[:n], capsys)


def test_single_bit_flips_across_the_file(setup, capsys):
    world, good, *_ , tmp = setup
    rng = random.Random(2)
    for pos in sorted(rng.sample(range(len(good)), 70)) + [0, 40, len(good) - 1]:
        bad = bytearray(good)
        bad[pos] ^= 1 << rng.randrange(8)
        refused(world["c"], tmp, bytes(bad), capsys)


def test_forbidden_members(setup, capsys):
    world, good, *_ , tmp = setup
    parts = members_of(good)
    c = world["c"]
    write = container._write_zip      # the real writer: only the names are wrong
    err = refused(c, tmp, write([("manifest.json", parts["manifest.json"]), ("manifest.sig", parts["manifest.sig"]),
                                 ("../x", parts["payload.bin"])]), capsys)
    assert "../x" in err and "forbidden" in err
    err = refused(c, tmp, write([("manifest.json", parts["manifest.json"]), ("manifest.json", parts["manifest.json"]),
                                 ("manifest.sig", parts["manifest.sig"])]), capsys)
    assert "appears twice" in err
    refused(c, tmp, write([*parts.items(), ("x.exe", b"MZ")]), capsys)
    refused(c, tmp, zip_with(list(parts.items()), zipfile.ZIP_DEFLATED), capsys)   # a second, ordinary writer


def test_zip_bomb_is_stopped_by_the_declared_size(setup, capsys):
    world, good, t1_key, _, tmp = setup
    bomb = zlib.compress(b"\0" * (200 * 1024 * 1024), 9)       # 200 MB in ~200 KB
    data = resign(good, t1_key, bomb, plain_length=1000, compression="zlib", encrypted=False)
    err = refused(world["c"], tmp, data, capsys)
    assert "size" in err


def test_hand_edited_manifest(setup, capsys):
    world, good, *_ , tmp = setup
    parts = members_of(good)
    manifest = json.loads(parts["manifest.json"])
    manifest["seq"] = 99
    edited = canonical_json(manifest)
    data = container._write_zip([("manifest.json", edited), ("manifest.sig", parts["manifest.sig"]),
                                 ("payload.bin", parts["payload.bin"])])
    assert "signature" in refused(world["c"], tmp, data, capsys)


def test_manifest_re_signed_by_another_unit(setup, capsys):
    world, good, _, t2_key, tmp = setup
    c = world["c"]
    # the other township's real key, claiming to be 掌政镇: not the key on record
    err = refused(c, tmp, resign(good, t2_key), capsys)
    assert "different key" in err
    # a stranger's key: not the key on record either
    refused(c, tmp, resign(good, KeyPair.generate()), capsys)
    # the other township signs as itself a manifest over 掌政镇's payload: the payload's own header
    # names 掌政镇, so it is refused after decryption
    err = refused(c, tmp, resign(good, t2_key, sender_unit="640104001"), capsys)
    assert "does not belong to its signed manifest" in err


def test_a_package_for_another_unit_is_refused(world, tmp_path, capsys):
    t1, y, t2 = world["t1"], world["y"], world["t2"]
    path = t1.export().paths[0]
    for node in (y, t2):
        node.close()
        err = refused(node, tmp_path, path.read_bytes(), capsys)
        assert "addressed to unit 640104" in err and "接收单位" in err


def test_newer_format_and_unknown_record_types_ask_for_an_upgrade(world, tmp_path, capsys):
    t1, c = world["t1"], world["c"]
    good = t1.export().paths[0].read_bytes()
    with t1.db.session() as s:
        key = own_key(s)
    c.close()
    path = tmp_path / "newer.sxpkg"
    path.write_bytes(resign(good, key, format_version=3))
    assert main(["import-package", "--db", str(c.path), str(path)]) == 2
    assert "please upgrade the program" in capsys.readouterr().err
    c.db = __import__("sanxiang_desktop.store.database", fromlist=["open_database"]).open_database(c.path)
    line = record_lines(t1, "venues")[0].replace(b'"table":"venues"', b'"table":"satellites"')
    res = c.take(_write(tmp_path, forge(t1, [line], recipient=c.code)))[0]
    assert res.status == "rejected" and res.code == "newer_schema" and "upgrade" in res.message_en


def _write(folder, data: bytes):
    path = folder / "forged.sxpkg"
    path.write_bytes(data)
    return path


def test_untrusted_sender_exit_3_and_the_fingerprint(world, tmp_path, capsys):
    t1, c = world["t1"], world["c"]
    path = t1.export().paths[0]
    from sanxiang_desktop.sync.trust import forget_peer
    forget_peer(c.db, t1.code)
    c.close()
    err = refused(c, tmp_path, path.read_bytes(), capsys, expect=3)
    fingerprint = KeyPair.from_private_bytes(own_key_bytes(t1)).fingerprint
    assert fingerprint in err and "--trust-new-sender" in err
    assert main(["import-package", "--db", str(c.path), str(path), "--trust-new-sender",
                 "--fingerprint", "0000-0000-0000-0000"]) == 2
    assert main(["import-package", "--db", str(c.path), str(path), "--trust-new-sender",
                 "--fingerprint", fingerprint.lower()]) == 0


def own_key_bytes(node) -> bytes:
    with node.db.session() as s:
        return own_key(s).private_bytes


def test_exit_codes_through_a_real_process(world, tmp_path):
    t1, c, y = world["t1"], world["c"], world["y"]
    path = t1.export().paths[0]
    for node in (c, y):
        node.close()
    empty = tmp_path / "empty.sxpkg"
    empty.write_bytes(b"")
    env = dict(os.environ, PYTHONPATH=REPO)

    def run(*args):
        return subprocess.run([sys.executable, "-m", "sanxiang_desktop", "import-package", *map(str, args)],
                              capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    r = run("--db", c.path, empty)
    assert r.returncode == 2 and "empty" in r.stderr and "Traceback" not in r.stderr
    r = run("--db", y.path, path)
    assert r.returncode == 2 and "640104" in r.stderr and "Traceback" not in r.stderr
    r = run("--db", c.path, path, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)[0]["status"] == "applied"
    r = run("--db", c.path, path, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)[0]["status"] == "duplicate"
    r = run("--db", tmp_path / "missing.db", path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
