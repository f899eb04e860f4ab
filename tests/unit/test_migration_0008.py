"""Migration 0008 (unused record indexes) against a real database file written by the 0003 program
(tests/data/release_0003_township.db): the stamp indexes go, nothing else changes, and a downgrade
puts them back."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.migrate import _config, current_revision, head_revision
from sanxiang_desktop.store.serialize import dump_lines

DATA = Path(__file__).resolve().parents[1] / "data"


def _indexes(path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    finally:
        con.close()


def _unused() -> set[str]:
    return {f"ix_{mdl.__tablename__}_hlc" for mdl in m.RECORD_MODELS}


def _migrate(path, target: str) -> None:
    from alembic import command
    engine = create_engine(f"sqlite:///{path}")
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if target < current_revision(engine) else command.upgrade)(cfg, target)
    engine.dispose()


def test_0008_drops_the_stamp_indexes_and_nothing_else(tmp_path):
    path = tmp_path / "township.db"
    shutil.copyfile(DATA / "release_0003_township.db", path)
    _migrate(path, "0007")
    before_indexes = _indexes(path)
    assert _unused() <= before_indexes
    engine = create_engine(f"sqlite:///{path}")
    with Session(engine) as s:
        before = list(dump_lines(s))
    engine.dispose()
    assert len(before) > 20

    db = open_database(path)            # the program's own upgrade: backup first, then 0008
    try:
        assert current_revision(db.engine) == head_revision() >= "0008"
        with db.session() as s:
            assert list(dump_lines(s)) == before
    finally:
        db.close()
    after = _indexes(path)
    assert after == (before_indexes - _unused()) | {"ix_units_tree"}     # 0009 (indicators) adds that one
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert all(f"trg_{mdl.__tablename__}_sync_ins" in triggers for mdl in m.RECORD_MODELS)
    finally:
        con.close()

    _migrate(path, "0007")
    assert _indexes(path) == before_indexes
