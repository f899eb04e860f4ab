"""Issue 9 through the Excel/CSV import (services.imports over core.validation): name variants are
duplicates of the person already there, phones are normalised, Excel-damaged IDs are refused and a
valid ID ending in 000 is listed in the preview with the Excel message."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.services import records
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

from .test_field_data import valid_ending_000

TOWNSHIP = "640104100"


@pytest.fixture
def db(tmp_path):
    d = open_database(tmp_path / "t.db", create=True)
    init_home(d, TOWNSHIP, "测试员")
    r = records.create(Workspace.open(d), "people", {"unit_code": TOWNSHIP, "name": "买买提·艾力",
                                                     "birth_date": "1975-03-02"})
    assert r.ok
    yield d
    d.close()


def _csv(path, rows: list[str]):
    text = "姓名,出生日期,身份证号,联系电话\n" + "\n".join(rows) + "\n"
    try:
        path.write_bytes(text.encode("gbk"))
    except UnicodeEncodeError:   # a dot GBK cannot hold: the file is saved as UTF-8 with BOM
        path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path


@pytest.mark.parametrize("variant", ["买买提.艾力", "买买提艾力", "買買提•艾力", "买买提 · 艾力", "买买提・艾力"])
def test_a_name_variant_is_a_duplicate_in_the_import(db, tmp_path, capsys, variant):
    path = _csv(tmp_path / "名单.csv", [f"{variant},1975-03-02,,"])
    db.close()
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path), "--dry-run", "--json"]) == 0
    out = capsys.readouterr().out
    assert "姓名和出生日期相同" in out or '"duplicate": 1' in out.replace(" ", "").replace('"duplicate":1', '"duplicate": 1')


def test_phones_and_ids_in_an_import(db, tmp_path, capsys):
    ok_000 = valid_ending_000("64010419800229")
    path = _csv(tmp_path / "名单.csv", ["钱多,,,86 139 5101 2345", "孙八,,,+86 10 6234 5678",
                                        "周九,,,（0951）6889695转801"])
    db.close()
    assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 0
    capsys.readouterr()
    d = open_database(db.path)
    with d.session() as s:
        phones = {r.name: r.phone for r in s.execute(
            select(m.Person.name, m.Person.phone).where(m.Person.name.in_(["钱多", "孙八", "周九"])))}
    d.close()
    assert phones == {"钱多": "13951012345", "孙八": "010-62345678", "周九": "0951-6889695-801"}
    for bad in ("640104198002291000", "6.40104E+17", ok_000):
        path = _csv(tmp_path / "ids.csv", [f"马丽,,{bad},"])
        assert main(["import-xlsx", "--db", str(db.path), "--what", "people", str(path)]) == 2
        err = capsys.readouterr().err
        assert "Excel" in err and "应为" not in err, bad
