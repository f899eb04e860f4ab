"""Storage that does not lose data: pragmas, refusals, migrations, backups, checks."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sanxiang_desktop.store import location, migrate
from sanxiang_desktop.store.backup import backup_file, prune_backups
from sanxiang_desktop.store.base import Base
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.store.integrity import integrity_problems

from ..conftest import REPO


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas(tmp_path):
    db = open_database(tmp_path / "a.db", create=True)
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2       # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.close()


def test_migrations_build_exactly_the_models(tmp_path):
    db = open_database(tmp_path / "a.db", create=True)
    with db.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert diff == []
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.close()


def test_missing_garbage_and_folder_are_refused(tmp_path):
    with pytest.raises(StoreError) as e:
        open_database(tmp_path / "none.db")
    assert e.value.code == "missing"
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as e:
        open_database(junk)
    assert e.value.code == "not_sqlite" and "不是" in e.value.message_zh
    with pytest.raises(StoreError):
        open_database(tmp_path)


def test_corrupt_file_is_refused(tmp_path):
    path = tmp_path / "c.db"
    db = open_database(path, create=True)
    db.close()
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 200] = b"\xff" * 200       # damage a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as e:
        open_database(path)
    assert e.value.code in ("corrupt", "unreadable")


def test_database_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    open_database(path, create=True).close()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num='9999_future'")
        c.execute("PRAGMA journal_mode=DELETE")
    before = sha(path)
    with pytest.raises(StoreError) as e:
        open_database(path)
    assert e.value.code == "newer_schema" and "升级" in e.value.message_zh
    assert sha(path) == before
    assert list(tmp_path.glob("*.before-*")) == []


def test_old_database_file_is_migrated_after_a_backup(tmp_path):
    """tests/data/schema_0001.db is a real file written by schema 0001."""
    src = REPO / "tests" / "data" / "schema_0001.db"
    path = tmp_path / "old.db"
    shutil.copy(src, path)
    with sqlite3.connect(path) as c:
        before = c.execute("SELECT count(*) FROM people").fetchone()[0]
    db = open_database(path)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM people").scalar() == before > 0
        assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    if migrate.head_revision() != "0001":
        assert db.migration_backup is not None and db.migration_backup.exists()
    db.close()


def test_network_and_removable_locations(monkeypatch, tmp_path):
    table = tmp_path / "mounts"
    table.write_text("/dev/sda1 / ext4 rw 0 0\n//srv/share /srv/share cifs rw 0 0\n"
                     "/dev/sdb1 /media/usb vfat rw 0 0\n/dev/sda2 /home ext4 rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(location, "MOUNTS_FILE", str(table))
    assert location.unsafe_location("/srv/share/x.db") == "network"
    assert location.unsafe_location("/media/usb/x.db") == "removable"
    assert location.unsafe_location("/home/clerk/x.db") is None
    with pytest.raises(StoreError) as e:
        open_database("/srv/share/x.db", create=True)
    assert e.value.code == "network_share" and "网络" in e.value.message_zh


def test_online_backup_and_retention(tmp_path):
    db = open_database(tmp_path / "a.db", create=True)
    out = backup_file(db.engine, tmp_path / "b" / "a-1.db")
    with sqlite3.connect(out) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
    for n in range(2, 6):
        backup_file(db.engine, tmp_path / "b" / f"a-{n}.db")
    removed = prune_backups(tmp_path / "b", "a-*.db", keep=3)
    assert len(removed) == 2 and len(list((tmp_path / "b").glob("a-*.db"))) == 3
    db.close()


def test_integrity_problems_reports_a_missing_home_unit(tmp_path):
    db = open_database(tmp_path / "a.db", create=True)
    assert any("home unit" in p for p in integrity_problems(db.engine))
    db.close()
