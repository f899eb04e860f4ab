"""The import's fast path (issue 12): orjson only where it reads exactly what the strict reader
reads, and the one upsert per table whose WHERE keeps a stored version that wins, on both backends."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sanxiang_desktop.core.phones import check_phone, phone_search_key
from sanxiang_desktop.services import records
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.sync_models import RecordChange
from sanxiang_desktop.store.upsert import upsert_newer
from sanxiang_desktop.sync.errors import PackageError
from sanxiang_desktop.sync.records import _fast_parse, _parse_line, encode_line

TOWNSHIP = "640104100"


@pytest.mark.parametrize("obj", [
    {"record": {"table": "people", "name": "买买提·艾力", "note": "引号\"和\\反斜杠\u0001", "n": 12, "f": 1.5,
                "ok": True, "none": None}, "origin": {}},
    {"blob": "ab" * 32, "data": "AAEC"},
    {"record": {"list": [1, 2, {"b": 1, "a": 2}], "big": 2 ** 62}},
])
def test_a_canonical_line_takes_the_fast_reader_and_reads_the_same(obj):
    raw = encode_line(obj)
    assert _fast_parse(raw) == json.loads(raw) == _parse_line(raw, 1)


@pytest.mark.parametrize("raw", [
    b'{"record": {"a": 1}}',                         # spaces
    b'{"b":1,"a":2}',                                # keys not sorted
    b'{"a":1e-07}',                                  # another spelling of a float
    b'{"a":123456789012345678901234567890}',          # beyond 64 bits
    b'{"a":"\\u4e2d"}',                              # an escaped character
])
def test_any_other_spelling_goes_to_the_strict_reader_and_reads_as_before(raw):
    assert _fast_parse(raw) is None
    assert _parse_line(raw, 3) == json.loads(raw)


@pytest.mark.parametrize("raw", [b'{"a":1,"a":2}', b'{"record":{"id":"x","id":"y"}}', b'{"a":NaN}',
                                 b'{"a":Infinity}', b'[1,2]', b'{"a":"\xff"}'])
def test_what_the_strict_reader_refuses_is_still_refused(raw):
    with pytest.raises(PackageError) as err:
        _parse_line(raw, 7)
    assert err.value.code == "bad_payload" and "7" in err.value.message_en


def test_a_stored_mobile_number_is_its_own_search_key_as_the_full_check_says():
    for number in ("13951012345", "10000000000", "19999999999", "12345678901", "16600000000"):
        normalised, _ = check_phone(number)
        assert phone_search_key(number) == (normalised or number) == number
    assert phone_search_key("0951-6889695-801").split()[0] == "09516889695801"     # others: the full path


def _venue_row(db, rid: str) -> dict:
    with db.session() as s:
        return dict(s.execute(select(m.Venue.__table__).where(m.Venue.id == rid)).mappings().one())


def _change_seq(db, rid: str) -> int:
    with db.session() as s:
        return s.scalar(select(RecordChange.change_seq).where(RecordChange.record_id == rid))


def test_the_upsert_keeps_a_stored_version_that_wins_and_logs_each_write_once(backend):
    db = open_database(backend.target("t.db"), create=True)
    try:
        init_home(db, TOWNSHIP, "测试员")
        ws = Workspace.open(db)
        rid = records.create(ws, "venues", {"unit_code": TOWNSHIP, "type": "science_club", "name": "科普活动室"}).record_id
        stored = _venue_row(db, rid)
        seq = _change_seq(db, rid)
        table = m.Venue.__table__
        older = dict(stored, name="旧名字", hlc="1000000000000.00000", rev=stored["rev"] + 1)
        newer = dict(stored, name="新名字", hlc="9999999999999.00000", rev=stored["rev"] + 1)
        fresh = dict(stored, id="01234567-89ab-7def-8123-456789abcdef", name="新阵地")
        with db.session() as s, s.begin():
            s.execute(upsert_newer(s, table), [older])
        assert _venue_row(db, rid) == stored and _change_seq(db, rid) == seq      # the stored one wins: untouched
        with db.session() as s, s.begin():
            s.execute(upsert_newer(s, table), [newer, fresh])
        assert _venue_row(db, rid)["name"] == "新名字" and _venue_row(db, fresh["id"])["name"] == "新阵地"
        after = _change_seq(db, rid)
        assert after > seq and _change_seq(db, fresh["id"]) > seq                 # logged once each, newest last
        with db.session() as s:
            assert s.query(RecordChange).filter(RecordChange.record_id == rid).count() == 1
        # a tie on the stamp: live beats deleted, then the lower owner code
        tie_deleted = dict(newer, name="删除版", deleted=True)
        with db.session() as s, s.begin():
            s.execute(upsert_newer(s, table), [tie_deleted])
        assert _venue_row(db, rid)["name"] == "新名字"
    finally:
        db.close()


def _triggers(path) -> dict[str, str]:
    import sqlite3
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    finally:
        con.close()


def test_the_sqlite_import_writes_the_change_log_itself_and_puts_the_triggers_back(world):
    """The change-log triggers are set aside during the import's writes (sync.apply) and come back as
    they were; the log holds every record the import wrote, in the order the triggers would have."""
    t1, c = world["t1"], world["c"]
    before = _triggers(c.path)
    assert len(before) >= 2 * len(m.RECORD_MODELS)
    res = c.take(t1.export())[0]
    assert res.status == "applied" and res.counts["inserted"] > 20
    assert _triggers(c.path) == before
    order = [mdl.__tablename__ for mdl in m.RECORD_MODELS]
    with c.db.session() as s:
        log = s.execute(select(RecordChange.table_name, RecordChange.record_id)
                        .order_by(RecordChange.change_seq)).all()
        mine = {(mdl.__tablename__, rid) for mdl in m.RECORD_MODELS
                for rid in s.scalars(select(mdl.id).where(mdl.owner == t1.code))}
    assert mine and mine <= set(log)
    tail = [t for t, rid in log if (t, rid) in mine]
    assert tail == sorted(tail, key=order.index)              # table by table, parents first
    # the triggers work again at once: a clerk's edit here is logged
    ws = Workspace.open(c.db)
    rid = records.create(ws, "venues", {"unit_code": c.code, "type": "science_club", "name": "县科技馆"}).record_id
    with c.db.session() as s:
        last = s.execute(select(RecordChange.table_name, RecordChange.record_id)
                         .order_by(RecordChange.change_seq.desc()).limit(1)).one()
    assert tuple(last) == ("venues", rid)
