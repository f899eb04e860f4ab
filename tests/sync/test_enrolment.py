"""Enrolment, reference data going down, keys, and the top of the tree."""
from __future__ import annotations

import json

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync.export import export_package
from sanxiang_desktop.sync.importer import import_files
from sanxiang_desktop.sync.outbox import ExchangeError
from sanxiang_desktop.sync.reference import export_reference
from sanxiang_desktop.sync.trust import peers

from .world import TOWN1


def test_enrolment_pre_authorises_the_new_township(world, tmp_path, capsys):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())                                   # the county knows 掌政镇's villages
    c.close()
    assert main(["export-enrolment", "--db", str(c.path), "--for", TOWN1, "--out", str(tmp_path / "enr"),
                 "--json"]) == 0
    enrolment = json.loads(capsys.readouterr().out)["paths"][0]
    assert "640104-640104100-enrolment" in enrolment
    fresh = tmp_path / "new-township.db"
    # the file is for 掌政镇 only
    assert main(["init", "--db", str(tmp_path / "wrong.db"), "--unit", "640104001", "--enrolment", enrolment]) == 2
    assert not (tmp_path / "wrong.db").exists()
    assert "issued for unit 640104100" in capsys.readouterr().err
    assert main(["init", "--db", str(fresh), "--enrolment", enrolment]) == 0       # the unit comes from the file
    out = capsys.readouterr().out
    db = open_database(fresh)
    try:
        trusted = {p.unit_code: p for p in peers(db)}
        assert {u: p.how for u, p in trusted.items()} == {"640104": "enrolment", "640100": "reference"}
        assert trusted["640104"].fingerprint in out
        with db.session() as s:
            from sanxiang_desktop.store import models as m
            from sqlalchemy import select
            villages = s.scalars(select(m.Unit.name).where(m.Unit.level == "village")).all()
        assert len(villages) >= 4                           # the tree came down with the enrolment
        # the new installation's first package is accepted without a confirmation
        package = export_package(db, tmp_path / "up")
        assert package.encrypted                            # it already knows the county's key
    finally:
        db.close()
    county = open_database(c.path)
    try:
        from sanxiang_desktop.sync.trust import forget_peer
        forget_peer(county, TOWN1)                          # as if the county had never seen 掌政镇
        res = import_files(county, package.paths)[0]
        assert res.status == "applied", res.to_json()
        assert any("enrolment" in n for n in res.notes)
        assert {p.unit_code: p.how for p in peers(county)}[TOWN1] == "enrolment"
    finally:
        county.close()


def test_reference_data_goes_down(world):
    t1, c, y = world["t1"], world["c"], world["y"]
    c.take(t1.export())
    written = export_reference(y.db, c.code, y.out / "ref")       # city → county: the city's key
    res = c.take(written)[0]
    assert res.status == "applied" and res.kind == "reference"
    ref = export_reference(c.db, TOWN1, c.out / "ref")            # county → township
    assert ref.counts["milestones"] == 1 and ref.counts["units"] >= 4
    res = t1.take(ref)[0]
    assert res.status == "applied", res.to_json()
    assert res.counts["inserted"] == 1 and res.counts["unchanged"] == ref.counts["units"]
    assert {p.unit_code for p in peers(t1.db)} == {"640104", "640100"}
    from sanxiang_desktop.sync.reference import catalogues_version
    assert t1.db.get_meta("upper_catalogues_version") == catalogues_version()
    assert not any("catalogues" in n for n in res.notes)
    milestone = next(json.loads(line) for line in t1.dump() if '"table":"milestones"' in line)
    assert milestone["owner"] == "640104"
    assert t1.export().counts == {} or "milestones" not in t1.export().counts   # not sent back up
    assert t1.take(ref)[0].status == "duplicate"


def test_reference_data_from_a_child_is_refused(world):
    t1, c = world["t1"], world["c"]
    with pytest.raises(ExchangeError):
        export_reference(t1.db, c.code, t1.out / "ref")


def test_the_city_is_the_top(world, capsys):
    y = world["y"]
    y.close()
    assert main(["export-package", "--db", str(y.path), "--out", str(y.out)]) == 2
    assert "top level" in capsys.readouterr().err


def test_keys_command(world, capsys):
    c = world["c"]
    c.close()
    assert main(["keys", "--db", str(c.path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert len(info["fingerprint"]) == 19 and {p["unit_code"] for p in info["peers"]} == {"640104100", "640104001",
                                                                                         "640100"}
    assert main(["keys", "--db", str(c.path)]) == 0
    assert info["fingerprint"] in capsys.readouterr().out


def test_sync_status_and_last_package_indicator(world, capsys):
    from sanxiang_desktop.core import clock
    from sanxiang_desktop.services.indicators import unit_indicators
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    rows = {r.code: r for r in unit_indicators(c.db, c.code, 2026).townships}
    assert rows[TOWN1].last_package == clock.today().isoformat()      # the office's date, not UTC's
    assert rows["640104001"].last_package is None
    c.close()
    assert main(["sync-status", "--db", str(c.path), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    mine = next(ch for ch in status["children"] if ch["unit"] == TOWN1)
    assert mine["last_seq"] == 1 and mine["unacknowledged"] == [1] and mine["missing"] == []
    assert status["upper"]["message_zh"] == "尚未收到银川市的回执"
