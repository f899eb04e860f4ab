"""Township → county → city: every record type, attachments, edits and deletions,
forwarding with origins, unknown fields passed on, and the contract's dump."""
from __future__ import annotations

import json

from sqlalchemy import func, select, text

from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.sync_models import RecordOrigin
from sanxiang_desktop.sync.container import peek_manifest

from .world import COUNTY, TOWN1

import pytest  # noqa: E402

pytestmark = pytest.mark.both_backends   # the same tests on SQLite and PostgreSQL (issue 13)


def tables_of(lines):
    return {json.loads(line)["table"] for line in lines}


def test_every_record_type_and_attachments_reach_the_city(world):
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    results = c.take(t1.export(), t2.export())
    assert [r.status for r in results] == ["applied", "applied"]
    results = y.take(c.export())
    assert results[0].status == "applied", results[0].error
    city = y.dump()
    assert tables_of(city) == {mdl.__tablename__ for mdl in m.RECORD_MODELS} | {"blobs"}
    # the city holds exactly what the townships and the county own, byte for byte in the dump
    assert sorted(city) == sorted(c.dump())
    for node in (t1, t2):
        mine = [line for line in node.dump() if '"table":"blobs"' not in line]
        assert set(mine) <= set(city)
    with y.db.session() as s:
        photos = s.scalars(select(m.Blob)).all()
        assert all(len(b.data) == b.size for b in photos)
        assert any(b.size == 40_000 for b in photos)


def test_the_same_photo_travels_once(world):
    t1 = world["t1"]
    written = t1.export()
    assert written.counts["attachments"] >= 2
    pkg = written.paths[0].read_bytes()
    manifest = peek_manifest(pkg)
    with t1.db.session() as s:
        shas = set(s.scalars(select(m.Attachment.sha256)))
    assert manifest["blobs"] == len(shas)            # two attachments share one photo
    assert len(shas) < manifest["counts"]["attachments"]


def test_edits_and_deletions_travel_up(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    c.take(t1.export())
    y.take(c.export())
    ws = Workspace.open(t1.db)
    with t1.db.session() as s:
        venue = s.scalar(select(m.Venue.id).where(m.Venue.owner == TOWN1).order_by(m.Venue.id))
        activity = s.scalar(select(m.Activity.id).where(m.Activity.owner == TOWN1).order_by(m.Activity.id.desc()))
    assert records.update(ws, "venues", venue, {"name": "掌政镇新科普活动室", "area_m2": 99.5}).ok
    assert records.delete(ws, "activities", activity).ok
    second = t1.export()
    # no receipt came back yet: the second package still carries everything, plus the changes
    assert second.counts["venues"] >= 1
    res = c.take(second)[0]
    assert res.status == "applied" and res.counts["updated"] == 2, res.to_json()
    res = y.take(c.export())[0]
    assert res.counts["updated"] == 2 and res.counts["inserted"] == 0, res.to_json()
    row = next(json.loads(line) for line in y.dump() if f'"id":"{venue}"' in line)
    assert row["name"] == "掌政镇新科普活动室" and row["area_m2"] == 99.5 and row["rev"] == 2
    gone = next(json.loads(line) for line in y.dump() if f'"id":"{activity}"' in line)
    assert gone["deleted"] is True
    assert sorted(y.dump()) == sorted(c.dump())


def test_forwarded_records_keep_their_origin(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    first = t1.export()
    c.take(first)
    y.take(c.export())
    with y.db.session() as s:
        origins = s.scalars(select(RecordOrigin)).all()
        by_unit = {o.origin_unit for o in origins}
        assert by_unit == {TOWN1, COUNTY}
        town = [o for o in origins if o.origin_unit == TOWN1]
        assert {o.origin_package for o in town} == {first.package_id}
        assert all(o.via_sender == COUNTY for o in origins)


def test_the_same_data_by_a_second_route_is_not_doubled(world):
    """The county sends twice without a receipt (overlapping packages), the city takes both in
    either order: nothing doubles, nothing is lost."""
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    c.take(t1.export())
    first = c.export()
    c.take(t2.export())
    second = c.export()
    assert y.take(second)[0].status == "applied"
    res = y.take(first)[0]
    assert res.counts["inserted"] == 0 and res.counts["updated"] == 0
    assert sorted(y.dump()) == sorted(c.dump())


def test_unknown_fields_from_a_newer_schema_are_kept_and_passed_on(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    with t1.db.session() as s, s.begin():
        pid = s.scalar(select(m.Person.id).where(m.Person.owner == TOWN1).order_by(m.Person.id))
        s.execute(text("UPDATE people SET extra = :x WHERE id = :id"),
                  {"x": json.dumps({"wechat_group": "掌政镇科协群", "future_score": 3}), "id": pid})
    c.take(t1.export())
    y.take(c.export())
    for node in (c, y):
        row = next(json.loads(line) for line in node.dump() if f'"id":"{pid}"' in line)
        assert row["wechat_group"] == "掌政镇科协群" and row["future_score"] == 3


def test_villages_travel_but_built_in_units_do_not(world):
    t1 = world["t1"]
    written = t1.export()
    with t1.db.session() as s:
        villages = s.scalar(select(m.Unit.id).where(m.Unit.level == "village").limit(1))
        builtin = s.scalar(select(func.count()).select_from(m.Unit).where(m.Unit.builtin.is_(True)))
    assert villages and builtin
    assert written.counts["units"] == len([1 for line in t1.dump() if '"table":"units"' in line])


def test_records_from_an_older_schema_are_read(world, tmp_path):
    """A state without fields a newer schema added gets their defaults (and no conflict)."""
    from .world import forge, record_lines
    t1, c = world["t1"], world["c"]
    line = next(x for x in map(json.loads, record_lines(t1, "venues", limit=99))
                if x["record"]["unit_code"] == t1.code)
    for field in ("notes", "address", "area_m2", "opened_on"):
        line["record"].pop(field, None)
    path = tmp_path / "old.sxpkg"
    path.write_bytes(forge(t1, [json.dumps(line, ensure_ascii=False).encode()], recipient=c.code, seq=1))
    res = c.take(path)[0]
    assert res.status == "applied" and res.counts["inserted"] == 1, res.error
    row = next(json.loads(x) for x in c.dump() if f'"id":"{line["record"]["id"]}"' in x)
    assert row["notes"] == "" and row["address"] == "" and row["area_m2"] is None


def test_search_keys_are_rebuilt_on_arrival(world):
    """Every level holds the same pinyin keys (carried in the package under the same KEYS_VERSION
    and checked, or computed: tests/sync/test_carried_keys.py), so a county finds a township's
    people, villages and activities by pinyin as the township does."""
    t1, c = world["t1"], world["c"]
    assert c.take(t1.export())[0].status == "applied"
    for table in ("people", "units", "activities"):
        model = m.MODEL_BY_TABLE[table]
        with t1.db.session() as s:
            here = dict(s.execute(select(model.id, model.search_key).where(model.owner == TOWN1)).all())
        with c.db.session() as s:
            there = dict(s.execute(select(model.id, model.search_key).where(model.id.in_(list(here)))).all())
        assert here and there == here, table
