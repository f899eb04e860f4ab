"""Search keys carried by the sender (issue 12): a data package brings each record's search_key,
declared by the manifest's keys_version; the receiver stores a carried key only under its own
KEYS_VERSION and only when services.search_keys.usable_key accepts it, and recomputes it
otherwise. name_key and phone_key never travel. Releases before this one skip derived fields
on arrival, so they read the new packages as if the keys were not there."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from sanxiang_desktop.core.pinyin import KEYS_VERSION
from sanxiang_desktop.services.search_keys import derived_values
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.serialize import DERIVED, state_to_columns
from sanxiang_desktop.sync.export import collect_records
from sanxiang_desktop.sync.records import decode_record, record_line
from sanxiang_desktop.store.sync_models import RecordChange

from .world import TOWN1, forge


def _state(node, table: str, **changes) -> dict:
    """One of the node's own records of `table` as it travels (dump form), fields changed."""
    state = next(s for s in map(json.loads, node.dump()) if s["table"] == table and s["owner"] == node.code)
    return state | changes


def _send(node, to, state: dict, tmp_path, manifest: dict | None, seq: int = 90):
    """The node's real package first (so every record the forged one refers to is there), then one
    line: a newer version of `state` (revision and stamp up), which replaces the one just applied."""
    assert to.take(node.export())[0].status == "applied"
    ms, counter = state["hlc"].split(".")
    state = state | {"rev": state["rev"] + 1, "hlc": f"{int(ms) + 1000:013d}.{counter}"}
    line = record_line(state, {"unit": state["owner"], "package": None, "rev": state["rev"]})
    path = tmp_path / f"forged-{seq}.sxpkg"
    path.write_bytes(forge(node, [line], recipient=to.code, seq=seq, manifest=manifest))
    res = to.take(path)[0]
    assert res.status == "applied" and res.counts["updated"] == 1, (res.error, res.counts)
    return res


def _stored(node, table: str, rid: str) -> dict:
    model = m.MODEL_BY_TABLE[table]
    cols = [c for c in DERIVED if c in model.__table__.columns]
    with node.db.session() as s:
        row = s.execute(select(model).where(model.id == rid)).scalar_one()
        return {"keys": {c: getattr(row, c) for c in cols},
                "computed": derived_values(table, {c.key: getattr(row, c.key) for c in model.__table__.columns})}


def test_a_data_package_carries_search_keys_and_declares_their_version(world):
    t1, c = world["t1"], world["c"]
    written = t1.export()
    assert written.manifest["keys_version"] == KEYS_VERSION
    with t1.db.session() as s:
        high = s.scalar(select(func.max(RecordChange.change_seq)))
        lines, _, _ = collect_records(s, TOWN1, "00000000-0000-4000-8000-000000000000", 0, high)
    states = [json.loads(x)["record"] for x in lines]
    for table in ("people", "activities", "units"):
        mine = [x for x in states if x["table"] == table]
        assert mine and all(x["search_key"] for x in mine), table
    # only the costly key travels: never name_key, never phone_key (phone digits)
    assert not any("name_key" in x or "phone_key" in x for x in states)
    assert c.take(written)[0].status == "applied"
    for table in ("people", "activities", "units"):   # what arrived is what the receiver would compute
        model = m.MODEL_BY_TABLE[table]
        with c.db.session() as s:
            ids = list(s.scalars(select(model.id).where(model.owner == TOWN1)))
        for rid in ids:
            got = _stored(c, table, rid)
            assert got["keys"] == got["computed"], (table, rid)


def test_a_carried_key_is_stored_when_the_package_declares_our_rules(world, tmp_path):
    """The key stored is the sender's, not recomputed (a valid key with an extra word shows which)."""
    t1, c = world["t1"], world["c"]
    state = _state(t1, "people")
    computed = derived_values("people", state)
    carried = computed["search_key"] + " carriedmark"
    _send(t1, c, state | {"search_key": carried}, tmp_path, {"keys_version": KEYS_VERSION})
    got = _stored(c, "people", state["id"])
    assert got["keys"]["search_key"] == carried
    # name_key and phone_key are always the receiver's own
    assert got["keys"]["name_key"] == computed["name_key"] and got["keys"]["phone_key"] == computed["phone_key"]


@pytest.mark.parametrize("manifest", [None, {"keys_version": KEYS_VERSION + 1}, {"keys_version": 0},
                                      {"keys_version": True}, {"keys_version": str(KEYS_VERSION)}])
def test_a_key_made_by_other_rules_or_undeclared_is_recomputed(world, tmp_path, manifest):
    t1, c = world["t1"], world["c"]
    state = _state(t1, "activities")
    carried = derived_values("activities", state)["search_key"] + " carriedmark"
    _send(t1, c, state | {"search_key": carried}, tmp_path, manifest)
    got = _stored(c, "activities", state["id"])
    assert got["keys"] == got["computed"] and "carriedmark" not in got["keys"]["search_key"]


@pytest.mark.parametrize("table, key", [
    ("people", ""), ("people", "zhangsan zs 张三"), ("people", 42), ("people", ["a"]), ("people", None),
    ("people", "x" * 70_000), ("activities", "keji kj 科技"), ("activities", "LONG"),
    ("units", "zhangzheng zz"),                  # a unit's key must end with its code
])
def test_an_odd_carried_key_is_recomputed(world, tmp_path, table, key):
    """Stale (another text), empty, too long, not text, or a unit key without its code: the receiver
    computes its own; an odd key is never a reason to refuse the package."""
    t1, c = world["t1"], world["c"]
    state = _state(t1, table)
    if table == "units":
        key = f"{derived_values('units', state)['search_key'].rsplit(' ', 1)[0]} wrongcode"
    if key == "LONG":        # holds its text but is longer than any key of that text can be
        key = f"{derived_values(table, state)['search_key']} {'a' * 20_000}"
    _send(t1, c, state | {"search_key": key}, tmp_path, {"keys_version": KEYS_VERSION})
    got = _stored(c, table, state["id"])
    assert got["keys"] == got["computed"]


def test_an_older_package_without_keys_gets_them_computed(world, tmp_path):
    t1, c = world["t1"], world["c"]
    state = _state(t1, "people")
    assert "search_key" not in state
    _send(t1, c, state, tmp_path, None)
    got = _stored(c, "people", state["id"])
    assert got["keys"] == got["computed"] and got["keys"]["search_key"]


def test_previous_releases_read_a_new_record_line_as_if_the_key_were_not_there(world):
    """Every release before this one decoded record lines with derived fields skipped: that is
    decode_record without keys=True (and store.serialize.state_to_columns). A line with a carried
    key decodes exactly as the same line without it: no extra field, same values, same state."""
    t1 = world["t1"]
    for table in ("people", "activities", "units"):
        state = _state(t1, table)
        with_key = state | {"search_key": derived_values(table, state)["search_key"]}
        origin = {"unit": state["owner"], "package": None, "rev": state["rev"]}
        old = decode_record(json.loads(record_line(with_key, origin)), "line 2")
        plain = decode_record(json.loads(record_line(state, origin)), "line 2")
        assert old.values == plain.values and old.extra == plain.extra == {}
        assert old.state == plain.state and old.search_key is None
        assert "search_key" not in old.values
        assert state_to_columns(m.MODEL_BY_TABLE[table], with_key) == state_to_columns(m.MODEL_BY_TABLE[table],
                                                                                       state)
        new = decode_record(json.loads(record_line(with_key, origin)), "line 2", keys=True)
        assert new.values == plain.values and new.state == plain.state
        assert new.search_key == with_key["search_key"]


def test_check_recomputes_a_sample_of_stored_keys_and_names_the_wrong_ones(world, capsys):
    """A key that a peer carried wrongly (or an older release left) is found by `check`."""
    from sqlalchemy import text

    from sanxiang_desktop.cli.main import main
    from sanxiang_desktop.services.search_keys import stale_key_problems
    t1 = world["t1"]
    with t1.db.session() as s:
        assert stale_key_problems(s) == []
        pid = s.scalar(select(m.Person.id).where(m.Person.owner == TOWN1).order_by(m.Person.hlc.desc()).limit(1))
    t1.db.close()
    assert main(["check", "--db", str(t1.path)]) == 0
    with t1.db.engine.begin() as conn:
        conn.execute(text("UPDATE people SET search_key = 'wrong' WHERE id = :id"), {"id": pid})
    capsys.readouterr()
    assert main(["check", "--db", str(t1.path)]) != 0
    err = capsys.readouterr().err
    assert "search keys: 1 of" in err and "people" in err and pid in err
