"""Issue 8, kinds 6 and 7: a copy of the database cannot sign; today's files keep working.

tests/data/release_0003_* were written by the release before this change (main 8bb9dca): a
township database (its private key still inside the file), the county database it reports to,
the township's package #1 and the county's receipt for it."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.store import keystore
from sanxiang_desktop.store.backup import backup_file
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync.importer import import_files
from sanxiang_desktop.sync.trust import ensure_own_key

DATA = Path(__file__).resolve().parents[1] / "data"


def _copy(name: str, tmp_path: Path) -> Path:
    dst = tmp_path / name
    shutil.copyfile(DATA / name, dst)
    return dst


def _private_seeds(path: Path) -> list[bytes]:
    import sqlite3
    con = sqlite3.connect(path)
    try:
        return [bytes(r[0]) for r in con.execute("SELECT private_key FROM sync_own_keys")]
    finally:
        con.close()


@pytest.fixture
def key_dir(tmp_path, monkeypatch):
    folder = tmp_path / "keys"
    monkeypatch.setenv(keystore.ENV, str(folder))
    return folder


def test_an_existing_installations_key_moves_out_of_the_file(tmp_path, key_dir):
    db_path = _copy("release_0003_township.db", tmp_path)
    seed = _private_seeds(db_path)[0]
    assert len(seed) == 32                                  # today: the seed sits in the file
    db = open_database(db_path)
    pair = ensure_own_key(db)
    db.close()
    assert pair.private_bytes == seed                       # the same identity, now from the key store
    assert _private_seeds(db_path) == [b""]
    raw = db_path.read_bytes() + (Path(f"{db_path}-wal").read_bytes() if Path(f"{db_path}-wal").exists() else b"")
    assert seed not in raw                                  # not left behind in a free page or the WAL
    files = list(key_dir.iterdir())
    assert len(files) == 1 and files[0].suffix == ".keys"
    if os.name == "posix":
        assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_a_new_database_never_holds_its_private_key(tmp_path, key_dir):
    assert main(["init", "--db", str(tmp_path / "t.db"), "--unit", "640104100"]) == 0
    assert _private_seeds(tmp_path / "t.db") == [b""]
    assert len(list(key_dir.iterdir())) == 1


def test_a_backup_restored_on_another_computer_cannot_sign(tmp_path, key_dir, monkeypatch, capsys):
    db_path = tmp_path / "t.db"
    assert main(["init", "--db", str(db_path), "--unit", "640104100"]) == 0
    db = open_database(db_path)
    seed = ensure_own_key(db).private_bytes
    backup_file(db.engine, tmp_path / "stick" / "backup.db")
    db.close()
    assert seed not in (tmp_path / "stick" / "backup.db").read_bytes()
    assert main(["keys", "--db", str(db_path), "--export-key", str(tmp_path / "stick" / "key.keys")]) == 0
    # another PC: its own (empty) key folder
    monkeypatch.setenv(keystore.ENV, str(tmp_path / "other-pc-keys"))
    capsys.readouterr()
    restored = tmp_path / "restored.db"
    shutil.copyfile(tmp_path / "stick" / "backup.db", restored)
    assert main(["export-package", "--db", str(restored), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "private key is not on this computer" in err and "enrol" in err and "重新注册" in err
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    # importing the key file brings the identity back
    assert main(["keys", "--db", str(restored), "--import-key", str(tmp_path / "stick" / "key.keys")]) == 0
    db = open_database(restored)
    assert ensure_own_key(db).private_bytes == seed
    db.close()


def test_a_package_and_a_receipt_of_the_previous_release_still_import(tmp_path, key_dir):
    county = open_database(_copy("release_0003_county.db", tmp_path))
    res = import_files(county, [DATA / "release_0003_package.sxpkg"])[0]
    county.close()
    assert res.status == "applied" and res.counts["inserted"] == 60 and not res.refused, res.error
    township = open_database(_copy("release_0003_township.db", tmp_path))
    res = import_files(township, [DATA / "release_0003_receipt.sxpkg"])[0]
    from sanxiang_desktop.sync.receipts import upper_status
    status = upper_status(township)
    township.close()
    assert res.status == "applied", res.error
    assert status["acked_seq"] == 1 and status["unacknowledged"] == []     # no hash in it: the id is checked


def test_what_a_package_now_carries_is_readable_by_the_previous_release(world, tmp_path):
    """New manifest fields (receipt_seq) and receipt fields (sha256 per package) are optional
    extras: the previous release's checks accept them, and no new capability is required."""
    from sanxiang_desktop.sync.outbox import REQUIRED
    assert REQUIRED == {"data": ["records/1"], "reference": ["records/1", "reference/1"],
                        "receipt": ["receipts/1"], "enrolment": ["records/1", "reference/1"]}
    t1 = world["t1"]
    written = t1.export()
    # Attachment content travels in container format 2 (issue 12), declared as a required capability
    # that the previous release names when it refuses; a package without it is format 1, nothing new
    # required (tests/sync/test_chunked.py).
    assert "receipt_seq" in written.manifest
    assert written.manifest["required_capabilities"] == ["records/1", "chunked-payload/2"]
