"""Validation and normalisation: real edge cases from clerks' typing, WeChat pastes and Excel."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings, strategies as st

from sanxiang_desktop.core.validation import (
    IdNumberInfo, Problem, check_id_number, check_mobile, check_phone, clean_multiline,
    clean_text, id_number_partial_problem, mask_id_number, mask_phone, parse_date,
    ID_EXCEL_CONFIRM, ID_EXCEL_DAMAGED,
)

TODAY = date(2024, 6, 1)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def gb11643_check(body17: str) -> str:
    """The check digit written out from GB 11643, independent of python-stdnum."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(body17, WEIGHTS)) % 11]


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


# ---------------------------------------------------------------- clean_text

@pytest.mark.parametrize("raw, expected", [
    ("ＡＢＣ１２３", "ABC123"),
    ("张\u3000三", "张 三"),                                # ideographic space
    ("\u200b13895072768\u200c", "13895072768"),              # zero-width chars from WeChat
    ("\ufeff银川市\u2060金凤区\u00ad", "银川市金凤区"),        # BOM, word joiner, soft hyphen
    ("\u202a0951-6889695\u202c", "0951-6889695"),            # bidi embedding from a phone's contacts
    ("  a \t b\r\nc  ", "a b c"),
    ("a\x00b\x07c", "abc"),
    ("北京中路１６６号\xa0市行政中心", "北京中路166号 市行政中心"),  # NBSP
    ("０９５１－６８８９６９５", "0951-6889695"),
    ("ｅｍａｉｌ＠１６３．ｃｏｍ", "email@163.com"),
    (None, ""),
    ("", ""),
])
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_keeps_chinese_text_and_punctuation():
    text = "乡镇（街道）科协，依托《方案》开展“3+1”工作、活动；是否完成？是！时间：5月。"
    assert clean_text(text) == text


def test_clean_text_does_not_apply_nfkc():
    # Circled numbers, Roman numerals, CJK compatibility ideographs (U+F900 豈, found in
    # legacy-encoded names) and half-width katakana would all change under NFKC.
    for text in ("①②③", "第Ⅲ届", "\uf900", "\ufa10", "ｱ", "m²", "e\u0301"):
        assert clean_text(text) == text


def test_clean_text_accepts_numbers_from_spreadsheets():
    assert clean_text(13895072768.0) == "13895072768"
    assert clean_text(42) == "42"


def test_clean_multiline():
    raw = "第一段  文字\r\n\r\n\r\n\r\n\u3000\u3000第二段\t结束\u2028第三行\n\n"
    assert clean_multiline(raw) == "第一段 文字\n\n第二段 结束\n第三行"
    assert clean_multiline(None) == ""
    assert clean_multiline("\u200b\n\nａ\r") == "a"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_is_idempotent_and_single_line(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\n" not in once and "  " not in once and once == once.strip()
    assert clean_multiline(clean_multiline(text)) == clean_multiline(text)


# ---------------------------------------------------------------- ID numbers

@pytest.mark.parametrize("raw", [
    "11010519491231002X",
    "11010519491231002x",                          # lower-case x
    "１１０１０５１９４９１２３１００２Ｘ",           # full-width digits and X
    "１１０１０５１９４９１２３１００２ｘ",
    "110105 19491231 002X",
    "110105-19491231-002X",
    "\u200b11010519491231002X\u200b",              # pasted from WeChat
    " 11010519491231002X\n",
])
def test_valid_id_with_x_check_digit(raw):
    info = check_id_number(raw, today=TODAY)
    assert info == IdNumberInfo("11010519491231002X", date(1949, 12, 31), "female", "110105",
                                False, ())
    assert info.ok


def test_valid_id_male_and_stdnum_example():
    info = check_id_number("360426199101010071", today=TODAY)
    assert info.normalized == "360426199101010071"
    assert info.gender == "male" and info.birth_date == date(1991, 1, 1)


def test_wrong_check_digit_says_what_it_should_be():
    info = check_id_number("110105194912310021", today=TODAY)
    assert info.normalized is None and info.birth_date is None and not info.ok
    (problem,) = info.problems
    assert problem.field == "id_number" and problem.severity == "error"
    assert "校验位错误，应为 X" in problem.message_zh
    assert "should be X" in problem.message_en


def test_15_digit_legacy_number_is_converted():
    legacy = "130503670401001"
    body = "13050319670401001"
    info = check_id_number(legacy, today=TODAY)
    assert info.converted_from_15
    assert info.normalized == body + gb11643_check(body)
    assert info.birth_date == date(1967, 4, 1)
    assert info.gender == "male"
    assert info.problems == ()
    assert check_id_number(info.normalized, today=TODAY).normalized == info.normalized


def test_15_digit_number_with_impossible_date():
    info = check_id_number("640104670230001", today=TODAY)
    assert info.normalized is None and info.converted_from_15
    assert "1967-02-30" in info.problems[0].message_zh


@pytest.mark.parametrize("body, fragment", [
    ("64010419990230001", "出生日期不存在：1999-02-30"),
    ("64010419991301001", "出生月份 13 不存在"),
    ("64010419000229001", "出生日期不存在：1900-02-29"),     # 1900 is not a leap year
    ("44052418800101001", "出生年份 1880"),                  # before 1900
    ("64010420300101001", "出生年份 2030"),                  # future year
    ("64010420240602001", "晚于今天"),                        # tomorrow
])
def test_impossible_birth_dates(body, fragment):
    info = check_id_number(body + gb11643_check(body), today=TODAY)
    assert info.normalized is None
    assert [p.message_zh for p in info.problems if fragment in p.message_zh]
    assert len(info.problems) == 1  # the check digit itself is right


def test_leap_day_2000_is_valid():
    body = "64010420000229002"
    info = check_id_number(body + gb11643_check(body), today=TODAY)
    assert info.birth_date == date(2000, 2, 29) and info.gender == "female"


def test_birth_today_is_valid():
    body = "64010420240601001"
    assert check_id_number(body + gb11643_check(body), today=TODAY).ok


@pytest.mark.parametrize("raw, fragment", [
    ("1101051949123100", "现为 16 位"),
    ("11010519491231002X1", "现为 19 位"),
    ("11010519491231O02X", "非法字符：O"),               # letter O for zero
    ("1101051949123100X2", "只有第 18 位"),
    ("13050367040100X", "只有第 18 位"),                  # 15-digit numbers have no X
    ("6.40104E+17", "科学计数法"),
])
def test_malformed_id_numbers(raw, fragment):
    info = check_id_number(raw, today=TODAY)
    assert info.normalized is None
    assert fragment in info.problems[0].message_zh and info.problems[0].message_en


def test_id_number_stored_as_excel_float():
    info = check_id_number(640104199001011234.0)
    assert info.normalized is None and "Excel" in info.problems[0].message_zh


@pytest.mark.parametrize("raw", [None, "", "   ", "\u200b"])
def test_empty_id_number_is_not_a_problem(raw):
    assert check_id_number(raw) == IdNumberInfo(None, None, None, None, False, ())


def test_unknown_region_is_only_a_warning():
    current = {"640104", "640105"}
    body = "64010319800101001"  # 640103 was abolished in 2002; its numbers stay valid
    info = check_id_number(body + gb11643_check(body), known_region=current.__contains__,
                           today=TODAY, field="id")
    assert info.normalized == body + gb11643_check(body) and info.ok
    (warning,) = info.problems
    assert warning.severity == "warning" and warning.field == "id"
    assert warning.message_zh == "地区码 640103 不在现行区划中，可能是已撤销的县区，请核对"
    known = "64010419800101001"
    assert check_id_number(known + gb11643_check(known), known_region=current.__contains__,
                           today=TODAY).problems == ()


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True),
       st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
       st.from_regex(r"[0-9]{3}", fullmatch=True))
def test_every_well_formed_number_round_trips(region, born, sequence):
    body = region + born.strftime("%Y%m%d") + sequence
    number = body + gb11643_check(body)
    like_excel = number.endswith("000")  # a real ID can end so: the clerk confirms it (issue 9)
    info = check_id_number(number.lower(), today=TODAY, excel_confirmed=like_excel)
    assert info.normalized == number and info.birth_date == born and info.region_code == region
    assert info.gender == ("male" if int(sequence[-1]) % 2 else "female")
    done = id_number_partial_problem(number, today=TODAY)
    assert done is None if not like_excel else (done.code == ID_EXCEL_CONFIRM and not done.is_error)
    for cut in range(len(number)):
        assert id_number_partial_problem(number[:cut], today=TODAY) is None
    wrong = body + ("0" if number[-1] != "0" else "1")
    problem = id_number_partial_problem(wrong, today=TODAY)
    assert problem is not None and problem.is_error
    assert (problem.code == ID_EXCEL_DAMAGED) == wrong.endswith("000")


# ---------------------------------------------------------------- as-you-type checks

@pytest.mark.parametrize("prefix", [
    "", "6", "640104", "6401041", "64010499", "6401049902",   # year 9902 or old-style 1999-02
    "64010490010112",             # looks like year 9001, but could be old-style 1990-01-01
    "640104900101123",            # a complete old-style number
    "11010519491231002", "11010519491231002X", "11010519491231002x",
])
def test_partial_id_number_not_yet_wrong(prefix):
    assert id_number_partial_problem(prefix, today=TODAY) is None


@pytest.mark.parametrize("prefix, fragment", [
    ("640104a", "非法字符"),
    ("6401X", "只有第 18 位"),
    ("6401049913", "出生年份 9913"),           # no old-style reading: month 13
    ("640104990230", "出生年份 9902"),         # old-style 1999-02-30 does not exist either
    ("64010419991301", "出生月份 13"),
    ("64010419990230", "出生日期不存在：1999-02-30"),
    ("64010420300101", "出生年份 2030"),
    ("6401049001011234", "出生年份 9001"),     # 16 chars: the old-style reading is gone
    ("110105194912310021", "应为 X"),
    ("11010519491231002X1", "现为 19 位"),
])
def test_partial_id_number_certainly_wrong(prefix, fragment):
    problem = id_number_partial_problem(prefix, today=TODAY)
    assert problem is not None and fragment in problem.message_zh


# ---------------------------------------------------------------- phones

@pytest.mark.parametrize("raw", [
    "13895072768", "138 9507 2768", "138-9507-2768", "+86 138 9507 2768", "+8613895072768",
    "008613895072768", "86 13895072768", "１３８９５０７２７６８", "\u200b13895072768",
    13895072768, 13895072768.0, "(+86)13895072768",
])
def test_mobile_accepted(raw):
    assert check_mobile(raw) == ("13895072768", ())


@pytest.mark.parametrize("raw, fragment", [
    ("1389507276", "应为 11 位，现为 10 位"),
    ("138950727681", "现为 12 位"),
    ("12895072768", "应以 13 至 19 开头"),
    ("1389507276a", "非法字符：a"),
    ("0951-6889695", "应以 13 至 19 开头"),
])
def test_mobile_rejected(raw, fragment):
    number, problems = check_mobile(raw)
    assert number is None and fragment in problems[0].message_zh and problems[0].message_en


def test_mobile_empty():
    assert check_mobile(None) == (None, ())
    assert check_mobile("  ") == (None, ())


@pytest.mark.parametrize("raw, expected", [
    ("0951-6889695", "0951-6889695"),
    ("0951 6889695", "0951-6889695"),
    ("09516889695", "0951-6889695"),
    ("(0951)6889695", "0951-6889695"),
    ("（0951）6889695", "0951-6889695"),
    ("０９５１－６８８９６９５", "0951-6889695"),
    ("+86 951 6889695", "0951-6889695"),
    ("+86 (0)951 6889695", "0951-6889695"),
    ("010-65529988", "010-65529988"),
    ("010 6552 9988", "010-65529988"),          # grouped local number, not an extension
    ("021-12345678".replace("1234", "6234"), "021-62345678"),
    ("0951-6889695-801", "0951-6889695-801"),
    ("0951-6889695转801", "0951-6889695-801"),
    ("0951-6889695 分机 801", "0951-6889695-801"),
    ("0951-6889695 ext. 801", "0951-6889695-801"),
    ("13895072768", "13895072768"),
    ("+86 138 9507 2768", "13895072768"),
    ("400-123-4567", "400-123-4567"),
])
def test_phone_accepted(raw, expected):
    assert check_phone(raw) == (expected, ())


def test_bare_local_number_is_a_warning():
    number, (problem,) = check_phone("6889695")
    assert number == "6889695"
    assert problem.severity == "warning" and "缺少区号" in problem.message_zh
    _, (problem,) = check_phone("6889695", default_area="0951", field="office_phone")
    assert "0951-6889695" in problem.message_zh and problem.field == "office_phone"


@pytest.mark.parametrize("raw, fragment", [
    ("011-6889695", "区号 011 不存在"),
    ("0951-0889695", "不能以 0 或 1 开头"),
    ("0951-68896", "应为 7 至 8 位，现为 5 位"),
    ("0951-688969512", "现为 9 位"),
    ("00951-6889695", "不能以 00 开头"),
    ("0951-6889695x", "非法字符"),
    ("23456", "无法识别"),
    ("13895072768转801", "不能带分机号"),
    ("1389507276", "应为 11 位"),
])
def test_phone_rejected(raw, fragment):
    number, problems = check_phone(raw)
    assert number is None and fragment in problems[0].message_zh and problems[0].message_en


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("raw", [
    "2019-05-10", "2019-5-10", "2019/5/10", "2019.5.10", "20190510", "2019年5月10日",
    "2019年05月10号", "2019 年 5 月 10 日", "２０１９年５月１０日", "２０１９－０５－１０",
    "2019-05-10 00:00:00", "2019-05-10T08:30", date(2019, 5, 10), datetime(2019, 5, 10, 9, 0),
    20190510, " 2019-05-10\u200b",
])
def test_parse_date_accepted(raw):
    assert parse_date(raw) == (date(2019, 5, 10), ())


@pytest.mark.parametrize("raw, fragment", [
    ("2019-02-30", "日期不存在：2019-02-30"),
    ("2019-13-01", "日期不存在：2019-13-01"),
    ("19000229", "日期不存在：1900-02-29"),
    ("1850-01-01", "年份 1850 超出范围"),
    ("2101-01-01", "年份 2101 超出范围"),
    (date(1899, 12, 31), "年份 1899 超出范围"),
    ("2019-05", "无法识别的日期"),
    ("2019/05-10", "无法识别的日期"),              # mixed separators
    ("五月十日", "无法识别的日期"),
])
def test_parse_date_rejected(raw, fragment):
    value, problems = parse_date(raw, field="founded_on")
    assert value is None
    assert problems[0].field == "founded_on" and fragment in problems[0].message_zh
    assert problems[0].message_en


def test_parse_date_leap_years_and_empty():
    assert parse_date("2000-02-29") == (date(2000, 2, 29), ())
    assert parse_date("2024年2月29日") == (date(2024, 2, 29), ())
    assert parse_date(None) == (None, ())
    assert parse_date("") == (None, ())


# ---------------------------------------------------------------- masking

@pytest.mark.parametrize("raw, expected", [
    ("640104199001011234", "640104********1234"),
    ("11010519491231002x", "110105********002X"),
    ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
    ("130503670401001", "130503*****1001"),
    ("", ""), (None, ""),
    ("E1234567", "E******7"),    # not an ID number: still hidden
])
def test_mask_id_number(raw, expected):
    assert mask_id_number(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("13895072768", "138****2768"),
    ("+86 138 9507 2768", "138****2768"),
    ("0951-6889695", "0951-***9695"),
    ("010-65529988", "010-****9988"),
    ("0951-6889695-801", "0951-***9695-801"),
    ("6889695", "***9695"),
    ("400-123-4567", "400-***-4567"),
    ("电话 12 3456 789", "电话 ** ***6 789"),   # unparseable: all digits but the last four hidden
    ("", ""), (None, ""),
])
def test_mask_phone(raw, expected):
    assert mask_phone(raw) == expected
