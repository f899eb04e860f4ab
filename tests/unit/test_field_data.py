"""Issue 9, through the service layer on a real SQLite file: one person is one person, every real
phone number is accepted and found, an Excel-damaged ID number is never "corrected"."""
from __future__ import annotations

import datetime as dt

import pytest

from sanxiang_desktop.core.validation import (
    ID_CHECK_DIGIT, ID_EXCEL_CONFIRM, ID_EXCEL_DAMAGED, check_id_number, check_phone,
    id_number_partial_problem, name_key, phone_query, phone_search_key,
)
from sanxiang_desktop.services import create, update
from sanxiang_desktop.services.lists_people import search_people

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def gb11643(body17: str) -> str:
    """GB 11643's check digit, written out independently of python-stdnum."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(body17, WEIGHTS)) % 11]


def valid_ending_000(prefix14: str) -> str:
    """A valid ID with sequence x00 and check digit 0 (real ones exist: ~1 in 1,100), born on
    the prefix's date or a few days later."""
    born = dt.date(int(prefix14[6:10]), int(prefix14[10:12]), int(prefix14[12:14]))
    for shift in range(60):
        day = (born + dt.timedelta(days=shift)).strftime("%Y%m%d")
        for first in "0123456789":
            body = prefix14[:6] + day + first + "00"
            if gb11643(body) == "0":
                return body + "0"
    raise AssertionError("no such number for this prefix")


def new_person(ws, name, **fields):
    return create(ws, "people", {"unit_code": ws.home_unit, "name": name, **fields})


# ---------------------------------------------------------------- 1. Excel-damaged ID numbers

DAMAGED = [
    "640104198002291000",                 # the issue's number: text, 000, wrong check digit
    640104198002291000,                   # an int cell
    6.40104198002291e17,                  # a float cell
    "6.40104198002291E+17",               # scientific notation shown as text
    "6.40104E+17",                        # scientific, fewer digits
    "６４０１０４１９８００２２９１０００",   # full-width text of the same
    "640104 19800229 1000",               # spaced
    "640104198002291000.0",               # the text of a float cell
    "110105194912312000",                 # another region and date, 000 and wrong check digit
]


@pytest.mark.parametrize("raw", DAMAGED)
def test_excel_damaged_id_is_refused_without_a_suggested_digit(raw):
    info = check_id_number(raw, today=dt.date(2026, 6, 1))
    assert info.normalized is None and not info.ok
    (problem,) = info.problems
    assert problem.code == ID_EXCEL_DAMAGED and problem.is_error
    assert "Excel" in problem.message_zh and "Excel" in problem.message_en
    assert "身份证原件" in problem.message_zh and "应为" not in problem.message_zh
    assert "should be" not in problem.message_en
    for digit in "0123456789X":           # no digit is offered as "the right one"
        assert f"为 {digit}" not in problem.message_zh


def test_the_issue_id_never_hints_5_as_you_type_or_on_save(ws):
    problem = id_number_partial_problem("640104198002291000")
    assert problem.code == ID_EXCEL_DAMAGED and "5" not in problem.message_zh.replace("15", "")
    r = new_person(ws, "马丽", id_number="640104198002291000")
    assert not r.ok and [p.code for p in r.errors] == [ID_EXCEL_DAMAGED]
    r = new_person(ws, "马丽", id_number=640104198002291000)      # a number cell through the service
    assert not r.ok and r.errors[0].code == ID_EXCEL_DAMAGED


def test_other_wrong_check_digits_still_name_the_right_one():
    info = check_id_number("110105194912310021")
    assert info.problems[0].code == ID_CHECK_DIGIT and "应为 X" in info.problems[0].message_zh


@pytest.mark.parametrize("prefix", ["64010419800229", "11010519491231", "64012119750302",
                                    "64018120000101", "64010519921111", "65010119630708"])
def test_valid_id_ending_000_needs_the_clerks_confirmation(ws, prefix):
    number = valid_ending_000(prefix)
    info = check_id_number(number)
    assert info.normalized == number and not info.ok
    assert [(p.code, p.severity) for p in info.problems if p.code] == [(ID_EXCEL_CONFIRM, "error")]
    assert "Excel" in info.problems[0].message_zh and number not in info.problems[0].message_zh  # masked
    confirmed = check_id_number(number, excel_confirmed=True)
    assert confirmed.ok and [(p.code, p.severity) for p in confirmed.problems if p.code] == [
        (ID_EXCEL_CONFIRM, "warning")]
    typing = id_number_partial_problem(number)
    assert typing.code == ID_EXCEL_CONFIRM and not typing.is_error and "Excel" in typing.message_zh

    refused = new_person(ws, f"测试{prefix[-4:]}", id_number=number)
    assert not refused.ok and [p.code for p in refused.errors] == [ID_EXCEL_CONFIRM]
    saved = create(ws, "people", {"unit_code": ws.home_unit, "name": f"测试{prefix[-4:]}", "id_number": number},
                   confirm=(ID_EXCEL_CONFIRM,))
    assert saved.ok and ID_EXCEL_CONFIRM in [p.code for p in saved.warnings] and not saved.errors
    # an edit of another field, the ID sent unchanged (as the form does), needs no new confirmation
    again = update(ws, "people", saved.record_id, {"id_number": number, "job": "医生"})
    assert again.ok, again.message_en()


# ---------------------------------------------------------------- 2. one person, one name key

BORN = dt.date(1975, 3, 2)
SAME_AS_MAIMAITI = ["买买提.艾力", "买买提•艾力", "买买提艾力",                      # the issue's
                    "买买提・艾力", "买买提･艾力", "买买提‧艾力", "买买提 · 艾力",        # further variants
                    "买买提。艾力", "買買提·艾力", "买买提\u200b·艾力", "买买提-艾力"]


def test_name_key_values():
    assert {name_key(n) for n in ["买买提·艾力", *SAME_AS_MAIMAITI]} == {"买买提艾力"}
    assert name_key("张　三") == name_key("张三") == name_key("張 三") == "张三"
    assert name_key("陳秀寶") == "陈秀宝"
    assert name_key("\uf90a大中") == "金大中"            # CJK compatibility ideograph
    assert name_key("ＬＩ Ｍｉｎｇ") == name_key("li ming") == "liming"
    assert name_key(None) == "" and name_key("  ") == ""


@pytest.mark.parametrize("variant", SAME_AS_MAIMAITI)
def test_name_variants_are_name_birth_duplicates_and_stored_as_typed(ws, variant):
    first = new_person(ws, "买买提·艾力", birth_date=BORN, gender="male")
    assert first.ok
    second = new_person(ws, variant, birth_date=BORN, gender="male")
    assert not second.ok and [d.reason for d in second.duplicates] == ["name_birth"]
    assert second.duplicates[0].person_id == first.record_id
    kept = create(ws, "people", {"unit_code": ws.home_unit, "name": variant, "birth_date": BORN},
                  allow_duplicate=True)
    assert kept.ok and kept.after["name"] != "" and "·" in first.after["name"]
    for query in ("买买提艾力", "买买提.艾力", "買買提・艾力", "maimaiti", "mmtal", variant):
        found = {c.id for c in search_people(ws, query)}
        assert first.record_id in found, query


@pytest.mark.parametrize("stored, typed", [
    ("张三", "张　三"), ("张三", "张 三"), ("陈秀宝", "陳秀寶"), ("陳秀寶", "陈秀宝"), ("刘德华", "劉德華"),
    ("钟丽", "鍾麗"), ("张三", "張三"), ("赵峰", "趙峯"),
])
def test_width_space_and_traditional_variants(ws, stored, typed):
    first = new_person(ws, stored, birth_date=BORN)
    assert first.ok
    second = new_person(ws, typed, birth_date=BORN)
    assert [d.reason for d in second.duplicates] == ["name_birth"]
    assert first.record_id in {c.id for c in search_people(ws, typed)}
    different_day = new_person(ws, typed, birth_date=dt.date(1990, 1, 1))
    assert different_day.ok                     # same name, other birth date: not a duplicate


def test_same_canonical_name_and_phone_is_a_duplicate(ws):
    assert new_person(ws, "陈秀宝", phone="139 5101 2345").ok
    second = new_person(ws, "陳秀寶", phone="+86 139-5101-2345")
    assert [d.reason for d in second.duplicates] == ["name_phone"]


# ---------------------------------------------------------------- 3. phones

@pytest.mark.parametrize("raw, expected", [
    ("8613951012345", "13951012345"), ("86 139 5101 2345", "13951012345"),        # the issue's
    ("+86 10 6234 5678", "010-62345678"),
    ("0086 139-5101-2345", "13951012345"), ("(+86) 139 5101 2345", "13951012345"),  # further
    ("+86-139-5101-2345", "13951012345"), ("139.5101.2345", "13951012345"), ("86-13951012345", "13951012345"),
    ("+86 (10) 6234-5678", "010-62345678"), ("0086 10 62345678", "010-62345678"),
    ("（010）62345678转801", "010-62345678-801"), ("010-62345678 ext. 801", "010-62345678-801"),
    ("010 6234 5678-801", "010-62345678-801"), ("+86 951 688 9695 x801", "0951-6889695-801"),
    ("86 0951 6889695", "0951-6889695"), (13951012345, "13951012345"), (8613951012345, "13951012345"),
])
def test_phone_right_values(raw, expected):
    assert check_phone(raw) == (expected, ())


@pytest.mark.parametrize("raw", ["16012345678", "010-02345678", "011-6889695", "1395101234", "86123"])
def test_phones_that_do_not_exist_are_refused(raw):
    number, problems = check_phone(raw)
    assert number is None and problems[0].is_error and problems[0].message_zh


def test_phone_keys_and_queries():
    assert phone_search_key("0951-6889695-801").split() == ["09516889695801", "09516889695", "6889695801",
                                                           "6889695"]
    assert phone_search_key("13951012345") == "13951012345"
    assert phone_search_key("0951 6889695") == "09516889695 6889695"    # an older stored form
    assert phone_query("0951-6889695") == phone_query("(0951)6889695") == "09516889695"
    assert phone_query("+86 139 5101 2345") == "13951012345"
    assert phone_query("张三") is None and phone_query("12") is None


@pytest.mark.parametrize("query", [
    "0951-6889695", "09516889695", "6889695", "(0951)6889695", "0951 688 9695", "+86 951 6889695",
    "0951-6889695转801", "0951-6889695-801", "6889695-801", "9695",
])
def test_a_landline_with_extension_is_found_however_typed(ws, query):
    who = new_person(ws, "王建国", phone="0951-6889695转801")
    assert who.ok and who.after["phone"] == "0951-6889695-801"
    assert new_person(ws, "李四", phone="0951-6889696").ok
    found = [c.id for c in search_people(ws, query)]
    assert who.record_id in found


@pytest.mark.parametrize("typed, query", [
    ("8613951012345", "13951012345"), ("86 139 5101 2345", "139 5101 2345"), ("+86 10 6234 5678", "010-62345678"),
    ("+86 10 6234 5678", "62345678"), ("13951012345", "+86 139-5101-2345"), ("13951012345", "2345"),
])
def test_phones_saved_through_the_service_are_found(ws, typed, query):
    r = new_person(ws, "赵六", phone=typed)
    assert r.ok, r.message_en()
    assert r.record_id in [c.id for c in search_people(ws, query)]


# ---------------------------------------------------------------- 8. pinyin

@pytest.mark.parametrize("name, queries", [
    ("贠建国", ["yunjianguo", "yjg", "贠建国"]),
    ("张𠮷", ["zhangji", "zj", "zhang"]),
    ("单雄信", ["shanxiongxin", "sxx"]), ("区志强", ["ouzhiqiang"]), ("逄小明", ["pangxiaoming"]),
    ("乜红", ["niehong"]), ("粘玉", ["nianyu"]), ("王\U00031351", ["wang", "w"]),   # no reading anywhere
    ("\U00031351小明", ["xiaoming", "xm"]),
])
def test_surname_readings_and_extension_b_are_found(ws, name, queries):
    r = new_person(ws, name)
    assert r.ok
    for q in queries:
        assert r.record_id in [c.id for c in search_people(ws, q)], q


def test_every_surname_reading_names_its_source():
    from sanxiang_desktop.core.pinyin import SURNAME_SOURCE, SURNAMES
    assert set(SURNAME_SOURCE) == set(SURNAMES) and all(SURNAME_SOURCE.values())
    assert SURNAMES["贠"][0] == "yun" and "现代汉语词典" in SURNAME_SOURCE["贠"]
