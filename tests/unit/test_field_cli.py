"""Issue 9 through the command line: add-person / find-person run the same services as the form."""
from __future__ import annotations

import json

import pytest

from sanxiang_desktop.cli.main import main

from .test_field_data import valid_ending_000


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "科协%20资料" / "sx.db"
    assert main(["init", "--db", str(path), "--unit", "640104100"]) == 0
    capsys.readouterr()
    return str(path)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def added(capsys, db, *args) -> str:
    code, out, err = run(capsys, "add-person", "--db", db, *args, "--json")
    assert code == 0, err
    return json.loads(out)["id"]


def found(capsys, db, text) -> list[str]:
    code, out, _ = run(capsys, "find-person", "--db", db, text, "--json")
    assert code == 0
    return [p["id"] for p in json.loads(out)]


@pytest.mark.parametrize("raw", ["640104198002291000", "6.40104198002291E+17", "640104198002291000.0",
                                 "６４０１０４１９８００２２９１０００", "640104-19800229-1000", "110105194912312000"])
def test_excel_damaged_ids_are_refused_without_a_digit(db, capsys, raw):
    code, out, err = run(capsys, "add-person", "--db", db, "--name", "马丽", "--id-number", raw)
    assert code == 2 and "Excel" in err and "身份证原件" in err and "应为" not in err and "should be" not in err


def test_an_id_ending_000_is_saved_once_confirmed(db, capsys):
    number = valid_ending_000("64010419800229")
    code, _, err = run(capsys, "add-person", "--db", db, "--name", "马丽", "--id-number", number)
    assert code == 3 and "--confirm-excel-id" in err and "Excel" in err
    assert found(capsys, db, "马丽") == []                       # nothing saved
    pid = added(capsys, db, "--name", "马丽", "--id-number", number, "--confirm-excel-id")
    assert found(capsys, db, number[:10]) == [pid]


@pytest.mark.parametrize("variant", ["买买提.艾力", "买买提•艾力", "买买提艾力", "买买提・艾力", "買買提·艾力",
                                     "买买提 · 艾力"])
def test_name_variants_need_confirmation_and_find_the_person(db, capsys, variant):
    pid = added(capsys, db, "--name", "买买提·艾力", "--birth-date", "1975-03-02")
    code, _, err = run(capsys, "add-person", "--db", db, "--name", variant, "--birth-date", "1975-03-02")
    assert code == 3 and "姓名和出生日期相同" in err
    assert found(capsys, db, variant) == [pid]


@pytest.mark.parametrize("typed, queries", [
    ("8613951012345", ["13951012345", "139 5101 2345", "+86 139-5101-2345"]),
    ("86 139 5101 2345", ["8613951012345", "2345"]),
    ("+86 10 6234 5678", ["010-62345678", "01062345678", "62345678"]),
    ("0951-6889695转801", ["0951-6889695", "09516889695", "6889695", "(0951)6889695-801"]),
    ("0951 6889695 ext. 802", ["6889695", "0951-6889695-802"]),
    ("（010）62345678-803", ["62345678", "010 6234 5678"]),
])
def test_phones_are_accepted_and_found_however_typed(db, capsys, typed, queries):
    pid = added(capsys, db, "--name", "钱多", "--phone", typed)
    for q in queries:
        assert pid in found(capsys, db, q), q


@pytest.mark.parametrize("name, query", [("贠建国", "yunjianguo"), ("张𠮷", "zhangji"), ("张𠮷", "zj"),
                                         ("逄小明", "pxm"), ("陳秀寶", "陈秀宝"), ("陈秀宝", "陳秀寶")])
def test_pinyin_and_variant_search(db, capsys, name, query):
    pid = added(capsys, db, "--name", name)
    assert found(capsys, db, query) == [pid]
