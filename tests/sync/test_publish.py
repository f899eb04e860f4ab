"""Issue 8, kinds 2 and 4: a package file that exists is always one the database knows; receipts are
checked against what was sent; a damaged database writes nothing.

The faults are real: a file made immutable with chattr +i (root writes through chmod 0444), a
small tmpfs that is full, another connection holding the write lock, a damaged index."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import pytest
from sqlalchemy import select

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.store import database
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.store.sync_models import SentPackage
from sanxiang_desktop.sync.outbox import ExchangeError
from sanxiang_desktop.sync.publish import recover
from sanxiang_desktop.sync.receipts import upper_status

from .world import TOWN1, file_digest, forge, record_lines
from .fs import immutable, small_tmpfs
from .test_kill import load_harness


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_a_read_only_database_leaves_no_package_file(world, tmp_path, capsys):
    t1 = world["t1"]
    t1.close()
    before = file_digest(t1.path)
    out = tmp_path / "usb"
    with immutable(t1.path):
        code = main(["export-package", "--db", str(t1.path), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and "read-only" in err and "只读" in err, err
    assert files_in(out) == []                       # no complete, importable file the database never recorded
    assert file_digest(t1.path) == before
    assert main(["export-package", "--db", str(t1.path), "--out", str(out)]) == 0
    assert files_in(out) == [f"{TOWN1}-640104-000001.sxpkg"]       # number 1, used once


def test_a_full_outbox_disk_leaves_nothing_and_uses_no_number(world, tmp_path, capsys):
    t1 = world["t1"]
    t1.close()
    before = file_digest(t1.path)
    with small_tmpfs(tmp_path / "stick", "16k") as stick:
        code = main(["export-package", "--db", str(t1.path), "--out", str(stick)])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err and "full" in err and "磁盘已满" in err, err
        assert files_in(stick) == []
    assert file_digest(t1.path) == before
    assert main(["export-package", "--db", str(t1.path), "--out", str(tmp_path / "big")]) == 0
    assert files_in(tmp_path / "big") == [f"{TOWN1}-640104-000001.sxpkg"]


def test_a_full_database_disk_during_an_import_changes_nothing(world, tmp_path, capsys):
    t1, c = world["t1"], world["c"]
    package = t1.export().paths[0]
    c.close()
    with small_tmpfs(tmp_path / "small", "2m") as small:
        db = small / "c.db"
        shutil.copyfile(c.path, db)
        filler = small / "filler"
        free = shutil.disk_usage(small).free
        filler.write_bytes(b"\0" * max(0, free - 96 * 1024))
        before = file_digest(db)
        code = main(["import-package", "--db", str(db), str(package)])
        err = capsys.readouterr().err
        assert code == 2 and "Traceback" not in err and ("full" in err or "磁盘已满" in err), err
        filler.unlink()
        assert file_digest(db) == before


def test_a_locked_database_waits_then_works_and_a_long_lock_is_exit_2(world, tmp_path, capsys, monkeypatch):
    t1, c = world["t1"], world["c"]
    package = t1.export().paths[0]
    c.close()
    before = file_digest(c.path)
    other = sqlite3.connect(c.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value WHERE key = 'clerk'")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    code = main(["import-package", "--db", str(c.path), str(package)])
    err = capsys.readouterr().err
    assert code == 2 and "in use" in err and "正被" in err and "Traceback" not in err, err
    other.execute("COMMIT")
    assert file_digest(c.path) == before
    # the lock is released while the import waits for it: BEGIN IMMEDIATE lets the busy timeout work
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20_000)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = 'x' WHERE key = 'clerk'")
    import threading
    timer = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    db = open_database(c.path)
    try:
        from sanxiang_desktop.sync.importer import import_files
        with db.session() as s:                       # a read first (deferred), as the import does
            s.execute(select(SentPackage)).all()
        timer.start()
        res = import_files(db, [package])[0]
    finally:
        timer.join()
        db.close()
        other.close()
    assert res.status == "applied", res.error


def _export_killed_at(t1, out, step_kind: str) -> list[str]:
    """Run `export-package` in its own process and SIGKILL it at the nth step of a kind (the
    harness of scripts/kill_test.py): the state a real crash leaves."""
    harness = load_harness()
    t1.close()
    steps = harness.count_steps(["export-package", "--db", str(t1.path), "--out", str(out)], t1.path)
    first_rename = steps.index("replace") + 1
    if step_kind == "replace":
        at = first_rename
    else:                                     # the COMMIT of the transaction that recorded the package
        at = max(i for i, k in enumerate(steps[:first_rename], 1) if k == "commit")
    harness.run_killed(["export-package", "--db", str(t1.path), "--out", str(out)], at)
    t1.db = open_database(t1.path)
    return files_in(out)


def test_a_kill_between_commit_and_rename_is_finished_at_the_next_start(world, tmp_path):
    t1 = world["t1"]
    out = tmp_path / "usb"
    names = _export_killed_at(t1, out, "replace")          # committed, not yet renamed
    assert names and all(n.endswith(".tmp") for n in names), names     # nothing importable yet
    assert recover(t1.db) == {"published": 1, "discarded": 0}
    assert files_in(out) == [f"{TOWN1}-640104-000001.sxpkg"]
    with t1.db.session() as s:
        assert s.scalar(select(SentPackage.seq)) == 1
    assert t1.export_to(out).seq == 2                 # never #1 again


def test_a_kill_before_the_commit_is_discarded_at_the_next_start(world, tmp_path):
    t1 = world["t1"]
    out = tmp_path / "usb"
    names = _export_killed_at(t1, out, "commit")       # files written, the transaction not committed
    assert names and all(n.endswith(".tmp") for n in names), names
    assert recover(t1.db) == {"published": 0, "discarded": 1}
    assert files_in(out) == []
    assert t1.export_to(out).seq == 1


def test_a_receipt_for_a_package_not_sent_from_here_is_not_believed(world, tmp_path):
    t1, c = world["t1"], world["c"]
    real = t1.export()
    # another file carrying number 1 reached the county first (as an old release's reused number did)
    other = tmp_path / "other.sxpkg"
    other.write_bytes(forge(t1, record_lines(t1, "venues"), recipient=c.code, seq=1, acked=0))
    assert c.take(other)[0].status == "applied"
    receipt = c.receipt_for(t1)
    res = t1.take(receipt)[0]
    assert res.status == "applied" and "not the one sent from here" in res.message_en
    status = upper_status(t1.db)
    assert status["acked_seq"] == 0 and 1 in status["unacknowledged"]
    assert t1.export().acked_seq == 0                 # everything is sent again
    assert real.seq == 1


def test_receipts_name_package_ids_and_hashes(world):
    t1, c = world["t1"], world["c"]
    sent = t1.export()
    c.take(sent)
    t1.take(c.receipt_for(t1))
    from sanxiang_desktop.store.sync_models import ReceivedReceipt
    with t1.db.session() as s:
        body = json.loads(s.scalar(select(ReceivedReceipt.body)))
    assert body["applied"][0]["package_id"] == sent.package_id and body["applied"][0]["sha256"] == sent.sha256
    assert upper_status(t1.db)["acked_seq"] == 1


def _break_an_index(path) -> None:
    """A stale primary-key index: one key in the index page no longer matches its row (quick_check
    passes, integrity_check does not)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ids = [r[0] for r in con.execute("SELECT id FROM activities ORDER BY id")]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_activities_1'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    for rid in reversed(ids):
        pages = [p for p in range(len(data) // size) if rid.encode() in data[p * size:(p + 1) * size]]
        for p in pages:
            at = data.find(rid.encode(), p * size) + len(rid) - 1
            if p + 1 != root and not _in_table(path, p + 1, size):
                data[at] = ord("0") if data[at] != ord("0") else ord("1")
                path.write_bytes(data)
                return
    raise AssertionError("no index page found")


def _in_table(path, page: int, size: int) -> bool:
    data = path.read_bytes()
    return data[(page - 1) * size] in (0x0D, 0x05)          # table b-tree pages


def test_a_damaged_index_stops_the_start_and_every_export(world, tmp_path, capsys):
    t1 = world["t1"]
    t1.close()
    _break_an_index(t1.path)
    con = sqlite3.connect(t1.path)
    assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]       # what start-up used to run
    con.close()
    with pytest.raises(StoreError) as err:
        open_database(t1.path)
    assert err.value.code == "corrupt" and "backup" in err.value.message_en
    # a database too large for the start-up check still never exports from a damaged file
    old = database.FOREGROUND_CHECK_BYTES
    database.FOREGROUND_CHECK_BYTES = 0
    try:
        db = open_database(t1.path)
        from sanxiang_desktop.sync.export import export_package
        with pytest.raises(ExchangeError) as refused:
            export_package(db, tmp_path / "out")
        db.close()
    finally:
        database.FOREGROUND_CHECK_BYTES = old
    assert refused.value.code == "damaged" and "backup" in refused.value.message_en
    assert files_in(tmp_path / "out") == []
