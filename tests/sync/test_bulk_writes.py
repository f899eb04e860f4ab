"""The SQLite import's driver-level writes (store.bulk) store exactly what SQLAlchemy's Core
executemany of the same statement stores: every record table of a generated township written both
ways (inserts, wins and stale versions mixed) and the two databases compared row by row, change log
included."""
from __future__ import annotations

import shutil
import sqlite3

from sqlalchemy import select, text

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.bulk import execute_many
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.sync_models import RecordOrigin
from sanxiang_desktop.store.upsert import insert_replace, replace_statement, upsert_newer
from tests.bench.generate import generate


def _core(s, table, rows):
    if rows:
        s.execute(upsert_newer(s, table), rows)


def _bulk(s, table, rows):
    execute_many(s.connection(), table, "upsert_newer", lambda: upsert_newer(s, table), rows)


def _contents(path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        tables = [mdl.__tablename__ for mdl in m.RECORD_MODELS] + ["sync_changes", "sync_origins"]
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        con.close()


def _writes(src) -> tuple[set[str], dict[str, list[dict]]]:
    """(ids to delete first, so they are inserted again; rows to write per table): a third made newer
    (they win), a fifth made older (the stored version stays), the rest as stored."""
    db = open_database(src)
    try:
        with db.session() as s:
            gone, out = set(), {}
            for model in m.RECORD_MODELS:
                rows = [dict(r) for r in s.execute(select(model.__table__).order_by(model.__table__.c.id)).mappings()]
                for i, row in enumerate(rows):
                    if i % 2 == 0 and model is not m.Unit:     # built-in units stay: villages hang on them
                        gone.add(row["id"])
                    if i % 3 == 0:
                        row.update(hlc="9" + row["hlc"][1:], rev=row["rev"] + 1, updated_by="新版本",
                                   deleted=i % 6 == 0)
                    elif i % 5 == 0:
                        row.update(hlc="0" + row["hlc"][1:], updated_by="旧版本")
                out[model.__tablename__] = rows
            return gone, out
    finally:
        db.close()


def test_bulk_upserts_store_what_the_core_path_stores(tmp_path):
    src = tmp_path / "src.db"
    db = open_database(src, create=True)
    generate(db, "township", seed=5)
    db.close()
    gone, writes = _writes(src)
    assert sum(map(len, writes.values())) > 100 and writes["activities"] and writes["people"]
    for name, write in (("core.db", _core), ("bulk.db", _bulk)):
        path = shutil.copyfile(src, tmp_path / name)
        db = open_database(path)
        try:
            with db.session() as s, s.begin():
                s.execute(text("PRAGMA defer_foreign_keys = ON"))
                for model in reversed(m.RECORD_MODELS):
                    t = model.__table__
                    s.execute(t.delete().where(t.c.id.in_(gone)))
                for model in m.RECORD_MODELS:
                    write(s, model.__table__, writes[model.__tablename__])
                origins = [{"table_name": "people", "record_id": r["id"], "origin_unit": r["owner"],
                            "origin_package": None, "origin_rev": r["rev"], "via_package": r["id"],
                            "via_sender": r["owner"], "received_at": "2026-01-01T00:00:00Z"}
                           for r in writes["people"]]
                if write is _core:      # SQLAlchemy's Core executemany of the same statement
                    s.execute(replace_statement(s, RecordOrigin), origins)
                    s.execute(replace_statement(s, RecordOrigin), [dict(o, origin_rev=9) for o in origins[::2]])
                else:                   # the import's way (store.upsert on SQLite: store.bulk)
                    insert_replace(s, RecordOrigin, origins)
                    insert_replace(s, RecordOrigin, [dict(o, origin_rev=9) for o in origins[::2]])
        finally:
            db.close()
    core, bulk = _contents(tmp_path / "core.db"), _contents(tmp_path / "bulk.db")
    assert core == bulk
    assert core["activities"] != _contents(src)["activities"]        # the writes did change something
    dates = [r for r in bulk["activities"] if any(isinstance(v, str) and len(v) == 10 and v[4] == "-" for v in r)]
    assert dates         # a date column went in as ISO text, as SQLAlchemy binds it
