"""Migration 0004 (field keys) against a real database file written by the 0003 program:
tests/data/schema_0003.db, a township demo plus people entered as variants of one another
(买买提·艾力 / 买买提.艾力 / 买买提艾力, 陈秀宝 / 陳秀寶, 张三 / 张 三) and a landline with an
extension, all saved by the old program without a duplicate warning."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from sanxiang_desktop import services  # noqa: F401
from sanxiang_desktop.services.lists_people import search_people
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.migrate import current_revision, head_revision
from sanxiang_desktop.store.serialize import dump_lines
from sanxiang_desktop.sync.status import duplicates

DATA = Path(__file__).resolve().parents[1] / "data"


def _copy(tmp_path, name="schema_0003.db") -> Path:
    path = tmp_path / name
    shutil.copyfile(DATA / name, path)
    return path


def test_0003_to_0004_recomputes_keys_and_lists_duplicates(tmp_path):
    path = _copy(tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    assert current_revision(engine) == "0003"
    with Session(engine) as s:
        before = list(dump_lines(s))
    engine.dispose()
    con = sqlite3.connect(path)
    people_before = con.execute("SELECT count(*) FROM people").fetchone()[0]
    changes_before = con.execute("SELECT max(change_seq), count(*) FROM sync_changes").fetchone()
    con.close()

    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session() as s:
            assert list(dump_lines(s)) == before           # records unchanged: keys are derived
        listed = duplicates(db)
        pairs = {frozenset(p["name"] for p in d["people"]) for d in listed}
        assert {d["reason"] for d in listed} == {"name_birth"}
        assert frozenset({"买买提·艾力", "买买提.艾力"}) in pairs
        assert frozenset({"买买提·艾力", "买买提艾力"}) in pairs
        assert frozenset({"买买提.艾力", "买买提艾力"}) in pairs
        assert frozenset({"陈秀宝", "陳秀寶"}) in pairs and frozenset({"张三", "张 三"}) in pairs
        assert len(listed) == 5

        ws = Workspace.open(db)
        assert {c.name for c in search_people(ws, "陳秀寶")} == {"陈秀宝", "陳秀寶"}
        assert {c.name for c in search_people(ws, "买买提艾力")} == {"买买提·艾力", "买买提.艾力", "买买提艾力"}
        assert [c.name for c in search_people(ws, "6889695")] == ["买买提·艾力"]      # landline, no area code
        assert [c.name for c in search_people(ws, "010 6234 5678")] == ["张三"]
        assert [c.name for c in search_people(ws, "yunjianguo")] == ["贠建国"]
    finally:
        db.close()

    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM people").fetchone()[0] == people_before   # nothing merged
        assert con.execute("SELECT count(*) FROM people WHERE name_key = '' AND name != ''").fetchone()[0] == 0
        # the change log did not see the key updates (nothing re-sent), and still logs real edits
        assert con.execute("SELECT max(change_seq), count(*) FROM sync_changes").fetchone() == changes_before
        con.execute("UPDATE people SET job = '医生' WHERE name = '贠建国'")
        assert con.execute("SELECT max(change_seq) FROM sync_changes").fetchone()[0] == changes_before[0] + 1
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_older_files_reach_0004_too(tmp_path):
    for name in ("schema_0001.db", "schema_0002.db"):
        db = open_database(_copy(tmp_path, name))
        try:
            assert current_revision(db.engine) == head_revision()
            with db.session() as s:
                empty = s.execute(__import__("sqlalchemy").text(
                    "SELECT count(*) FROM people WHERE name_key = '' OR search_key = ''")).scalar()
            assert empty == 0
        finally:
            db.close()
