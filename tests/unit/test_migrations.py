"""Migrations against a real old database file (tests/data/schema_0001.db: a township demo)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.migrate import current_revision, head_revision
from sanxiang_desktop.store.serialize import dump_lines

OLD = Path(__file__).resolve().parents[1] / "data" / "schema_0001.db"
SYNC_TABLES = {"sync_changes", "sync_conflicts", "sync_duplicates", "sync_enrolments", "sync_origins",
               "sync_own_keys", "sync_peers", "sync_receipts", "sync_received", "sync_rejections", "sync_sent",
               "sync_returns"}


def test_0001_to_0002(tmp_path):
    db_path = tmp_path / "township.db"
    shutil.copyfile(OLD, db_path)
    engine = create_engine(f"sqlite:///{db_path}")
    assert current_revision(engine) == "0001"
    with Session(engine) as s:
        before = list(dump_lines(s))
    engine.dispose()
    assert len(before) > 20

    db = open_database(db_path)
    try:
        assert db.migration_backup is not None and db.migration_backup.exists()
        assert current_revision(db.engine) == head_revision()   # upgraded to the head
        with db.session() as s:
            assert list(dump_lines(s)) == before
    finally:
        db.close()

    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert SYNC_TABLES <= tables
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for model in m.RECORD_MODELS:
            assert {f"trg_{model.__tablename__}_sync_ins", f"trg_{model.__tablename__}_sync_upd"} <= triggers
        records = sum(con.execute(f"SELECT count(*) FROM {mdl.__tablename__}").fetchone()[0]
                      for mdl in m.RECORD_MODELS)
        assert con.execute("SELECT count(*) FROM sync_changes").fetchone()[0] == records
        high = con.execute("SELECT max(change_seq) FROM sync_changes").fetchone()[0]
        con.execute("UPDATE venues SET name = name || '（新）' WHERE id = (SELECT min(id) FROM venues)")
        changed = con.execute("SELECT change_seq, table_name FROM sync_changes ORDER BY change_seq DESC LIMIT 1")
        assert changed.fetchone() == (high + 1, "venues")
    finally:
        con.close()
    # the backup is the untouched old file
    backup = sqlite3.connect(db.migration_backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        backup.close()


def test_a_new_database_has_the_change_triggers(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    db.close()
    con = sqlite3.connect(tmp_path / "new.db")
    try:
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        con.close()
    counting = {"trg_activities_counts_ins", "trg_activities_counts_upd", "trg_activities_counts_del"}
    assert counting <= triggers          # store.activity_counts (0011)
    assert len(triggers - counting) == 2 * len(m.RECORD_MODELS)


OLD_0002 = Path(__file__).resolve().parents[1] / "data" / "schema_0002.db"


def test_0002_to_0003(tmp_path):
    """tests/data/schema_0002.db: a county database written by the 0002 program after importing a
    township's package (peer trusted, package recorded, receipt sent)."""
    db_path = tmp_path / "county.db"
    shutil.copyfile(OLD_0002, db_path)
    engine = create_engine(f"sqlite:///{db_path}")
    assert current_revision(engine) == "0002"
    with Session(engine) as s:
        before = list(dump_lines(s))
    with engine.connect() as c:
        received = c.exec_driver_sql("SELECT * FROM sync_received").fetchall()
        peers = c.exec_driver_sql("SELECT * FROM sync_peers").fetchall()
    engine.dispose()
    assert received and peers

    db = open_database(db_path)
    try:
        assert db.migration_backup is not None and db.migration_backup.exists()
        assert current_revision(db.engine) == head_revision()
        with db.session() as s:
            assert list(dump_lines(s)) == before
        with db.engine.connect() as c:
            assert c.exec_driver_sql("SELECT * FROM sync_received").fetchall() == received
            assert c.exec_driver_sql("SELECT * FROM sync_peers").fetchall() == peers
            assert c.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        # the new feature works on the migrated file: return one of the township's activities
        from sanxiang_desktop.sync import service
        with db.session() as s:
            activity = s.query(m.Activity).filter(m.Activity.owner == "640104100").first()
        out = service.return_for_correction(db, "activities", activity.id, "活动日期有误，请核对")
        assert out and service.returns_sent(db)
    finally:
        db.close()


def test_the_shipped_head_read_without_alembic_is_alembics_head():
    from sanxiang_desktop.store.migrate import shipped_head
    assert shipped_head() == head_revision()


def test_opening_a_current_database_does_not_load_alembic(tmp_path):
    import subprocess
    import sys
    path = tmp_path / "current.db"
    open_database(path, create=True).close()
    probe = ("import sys; from sanxiang_desktop.store.database import open_database; "
             f"open_database({str(path)!r}).close(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_0011_backfills_the_activity_counts_of_a_released_file(tmp_path):
    """A file of release 0.3 (schema 0003) gets activity_counts filled from its activities, and the
    triggers keep them from then on (store.activity_counts)."""
    from sanxiang_desktop.store.integrity import integrity_problems
    path = tmp_path / "old.db"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "release_0003_township.db", path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE activities SET deleted = 1 WHERE rowid = (SELECT min(rowid) FROM activities)")
        live = con.execute("SELECT count(*) FROM activities WHERE NOT deleted").fetchone()[0]
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT sum(n) FROM activity_counts").scalar() == live > 0
        assert integrity_problems(db.engine) == []
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE activities SET deleted = 0")
            assert conn.exec_driver_sql("SELECT sum(n) FROM activity_counts").scalar() == live + 1
    finally:
        db.close()
