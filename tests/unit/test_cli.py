"""The command-line contract: exit codes, JSON, stable dumps, no tracebacks."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sanxiang_desktop.cli.main import main


def run(*args, capsys=None) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr() if capsys else None
    return code, (out.out if out else ""), (out.err if out else "")


def test_init_and_bad_unit_codes(tmp_path, capsys):
    db = tmp_path / "t.db"
    assert run("init", "--db", str(db), "--unit", "640104100000", "--clerk", "张三", capsys=capsys)[0] == 0
    code, _, err = run("init", "--db", str(db), "--unit", "640104100", capsys=capsys)
    assert code == 2 and "已存在" in err
    for bad in ("999999", "abc", "64", ""):
        code, _, err = run("init", "--db", str(tmp_path / f"x{bad}.db"), "--unit", bad, capsys=capsys)
        assert code == 2 and "error:" in err and "错误" in err and "Traceback" not in err
        assert not (tmp_path / f"x{bad}.db").exists()


def test_missing_arguments_are_exit_2(capsys):
    code, _, err = run("stats", capsys=capsys)
    assert code == 2 and "--db" in err


def test_commands_on_a_missing_database(tmp_path, capsys):
    for cmd in ("stats", "dump", "check"):
        code, _, err = run(cmd, "--db", str(tmp_path / "none.db"), capsys=capsys)
        assert code == 2 and "找不到" in err


@pytest.fixture(scope="module")
def county_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "county.db"
    assert main(["demo", "--db", str(path), "--unit", "640104", "--scale", "county", "--seed", "3", "--year", "2026"]) == 0
    return path


def test_demo_county_stats(county_db, capsys):
    capsys.readouterr()
    code, out, _ = run("stats", "--db", str(county_db), "--year", "2026", "--json", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["home_unit"] == "640104"
    counts = data["counts"]
    assert counts["townships"] == 16
    assert counts["people"] > 200 and counts["posts"] > 80 and counts["activities"] > 150
    assert counts["visits"] > 5 and counts["venues"] > 40
    rows = data["indicators"]["townships"]
    assert len(rows) == 16
    assert all(r["activities_total"] > 0 for r in rows)
    lights = {r["slots_light"] for r in rows}
    assert len(lights) >= 2          # a mix: some slots filled, some empty


def test_check_and_backup(county_db, tmp_path, capsys):
    assert run("check", "--db", str(county_db), capsys=capsys)[0] == 0
    out = tmp_path / "b.db"
    assert run("backup", "--db", str(county_db), "--out", str(out), capsys=capsys)[0] == 0
    assert run("check", "--db", str(out), capsys=capsys)[0] == 0
    code, _, err = run("backup", "--db", str(county_db), "--out", str(county_db), capsys=capsys)
    assert code == 2


def test_dump_is_sorted_stable_and_has_the_contract_fields(county_db, capsys):
    capsys.readouterr()
    first = run("dump", "--db", str(county_db), capsys=capsys)[1].splitlines()
    second = run("dump", "--db", str(county_db), capsys=capsys)[1].splitlines()
    assert first == second and len(first) > 1000
    rows = [json.loads(line) for line in first]
    assert all({"table", "id", "owner"} <= set(r) for r in rows)
    keys = [(r["table"], r["id"]) for r in rows]
    assert keys == sorted(keys)


def test_demo_is_reproducible_for_a_seed(tmp_path, capsys):
    dumps = []
    for n in (1, 2):
        path = tmp_path / f"d{n}.db"
        assert run("demo", "--db", str(path), "--unit", "640104100", "--seed", "9", "--year", "2026", capsys=capsys)[0] == 0
        dumps.append(run("dump", "--db", str(path), capsys=capsys)[1])
    assert dumps[0] == dumps[1]
    other = tmp_path / "d3.db"
    run("demo", "--db", str(other), "--unit", "640104100", "--seed", "10", "--year", "2026", capsys=capsys)
    assert run("dump", "--db", str(other), capsys=capsys)[1] != dumps[0]


def test_demo_data_is_valid(county_db):
    """Every demo person's ID number passes the same validator the clerk's input does."""
    import sqlite3
    from sanxiang_desktop.core.validation import check_id_number
    with sqlite3.connect(county_db) as c:
        ids = [r[0] for r in c.execute("SELECT id_number FROM people WHERE id_number IS NOT NULL")]
        ethnic = dict(c.execute("SELECT ethnicity, count(*) FROM people GROUP BY ethnicity").fetchall())
    assert len(ids) > 100 and all(check_id_number(i).normalized == i for i in ids)
    assert ethnic.get("03", 0) > 0.2 * sum(ethnic.values())     # a Hui share, as in Ningxia


def test_subprocess_exit_codes_and_no_traceback(tmp_path):
    cmd = [sys.executable, "-m", "sanxiang_desktop"]
    bad = subprocess.run(cmd + ["init", "--db", str(tmp_path / "x.db"), "--unit", "123"], capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "单位代码" in bad.stderr
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    res = subprocess.run(cmd + ["check", "--db", str(junk)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2 and "Traceback" not in res.stderr
