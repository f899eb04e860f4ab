"""Packages over the size limit travel as numbered parts and are joined on import."""
from __future__ import annotations

import json
import random

from sanxiang_desktop.cli.main import main

from .world import file_digest


def test_parts_in_any_order_are_joined_and_verified(world):
    t1, c = world["t1"], world["c"]
    written = t1.export(limit=16_000)               # the photos make ~50 KB
    names = [p.name for p in written.paths]
    assert len(names) >= 3
    assert names[0] == f"640104100-640104-000001.part01of{len(names):02d}.sxpkg"
    shuffled = list(written.paths)
    random.Random(3).shuffle(shuffled)
    res = c.take(*shuffled)
    assert len(res) == 1 and res[0].status == "applied", res[0].to_json()
    assert set(line for line in t1.dump() if '"table":"blobs"' not in line) <= set(c.dump())
    assert sorted(res[0].paths) == sorted(str(p) for p in written.paths)     # every part, full paths
    again = c.take(*written.paths)[0]
    assert again.status == "duplicate"
    assert again.already_imported_at is not None and len(again.already_imported_at) == 10
    assert again.already_imported_at[:4].isdigit() and sorted(again.paths) == sorted(res[0].paths)
    assert again.to_json()["already_imported_at"] == again.already_imported_at


def test_a_missing_part_is_named_and_nothing_changes(world, capsys):
    t1, c = world["t1"], world["c"]
    paths = t1.export(limit=16_000).paths
    c.close()
    before = file_digest(c.path)
    given = [str(p) for i, p in enumerate(paths) if i != 1]
    assert main(["import-package", "--db", str(c.path), *given, "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out[0]["status"] == "rejected" and "Part(s) 2 of" in out[0]["error"] and "缺少第 2 卷" in out[0]["error"]
    assert file_digest(c.path) == before
    # a single part given alone is recognised as such
    assert main(["import-package", "--db", str(c.path), str(paths[0])]) == 2
    assert "Part(s)" in capsys.readouterr().err
    assert file_digest(c.path) == before


def test_the_command_line_limit(world, capsys):
    t1 = world["t1"]
    t1.close()
    assert main(["export-package", "--db", str(t1.path), "--out", str(t1.out / "cli"), "--limit-mb", "0.02",
                 "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert len(info["paths"]) >= 3 and all(".part" in p for p in info["paths"])
