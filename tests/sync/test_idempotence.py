"""The same package once or five times, packages in any order: the same state."""
from __future__ import annotations

import json

import pytest

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.store.database import open_database

from .world import file_digest


@pytest.mark.parametrize("times", [1, 2, 3, 4, 5])
def test_importing_the_same_package_n_times_gives_the_same_dump(world, times, capsys):
    t1, c = world["t1"], world["c"]
    written = t1.export()
    first = c.take(written)[0]
    assert first.status == "applied"
    once = c.dump()
    for _ in range(times - 1):
        again = c.take(written)[0]
        assert again.status == "duplicate"
        assert "already imported on" in again.message_en and "已于" in again.message_zh
    assert c.dump() == once


def test_re_import_on_the_command_line_says_already_imported_and_exits_0(world, capsys):
    t1, c = world["t1"], world["c"]
    path = t1.export().paths[0]
    c.close()
    assert main(["import-package", "--db", str(c.path), str(path)]) == 0
    capsys.readouterr()
    before = file_digest(c.path)
    c.db = open_database(c.path)
    records_before = c.dump()
    c.close()
    assert main(["import-package", "--db", str(c.path), str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["status"] == "duplicate" and out[0]["seq"] == 1
    assert set(out[0]) >= {"status", "package_id", "sender", "seq", "counts", "error"}
    assert set(out[0]["counts"]) >= {"inserted", "updated", "unchanged", "conflicts"}
    assert "already imported" in out[0]["message_en"]
    after = file_digest(c.path)
    assert before != after     # only the duplicate counter moved (reported in the receipt)...
    c.db = open_database(c.path)
    assert c.dump() == records_before


def test_packages_in_either_order_end_in_the_same_state(world, templates, tmp_path):
    from .world import copy_world
    t1, t2, c = world["t1"], world["t2"], world["c"]
    a1 = t1.export()
    from sanxiang_desktop.services import records
    from sanxiang_desktop.services.workspace import Workspace
    ws = Workspace.open(t1.db)
    pid = next(json.loads(line)["id"] for line in t1.dump() if '"table":"venues"' in line)
    assert records.update(ws, "venues", pid, {"address": "掌政镇政府院内"}).ok
    a2 = t1.export()
    b1 = t2.export()
    c.take(a1, a2, b1)
    other = copy_world(templates, tmp_path / "other")
    try:
        other["c"].take(b1, a2, a1)
        assert other["c"].dump() == c.dump()
    finally:
        for node in other.values():
            node.close()


def test_dry_run_counts_and_changes_nothing(world, capsys):
    t1, c = world["t1"], world["c"]
    path = t1.export().paths[0]
    c.close()
    before = file_digest(c.path)
    assert main(["import-package", "--db", str(c.path), str(path), "--dry-run", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)[0]
    assert out["status"] == "applied" and out["dry_run"] is True
    assert out["counts"]["inserted"] > 50 and out["counts"]["updated"] == 0
    assert file_digest(c.path) == before
