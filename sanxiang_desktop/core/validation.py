"""Validation and normalisation of what clerks type or paste: text, ID numbers, phones, dates.

Every check returns the normalised value plus a tuple of `Problem`s (Chinese and English),
never raises on bad input: the GUI shows problems next to the field, imports list them per row.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

from . import clock

__all__ = [
    "Problem", "IdNumberInfo", "clean_text", "clean_multiline", "check_id_number",
    "id_number_partial_problem", "check_mobile", "check_phone", "parse_date",
    "mask_id_number", "mask_phone", "ID_EXCEL_DAMAGED", "ID_EXCEL_CONFIRM", "ID_CHECK_DIGIT",
    "name_key", "to_simplified", "phone_query", "phone_search_key",
]

#: Problem codes other layers act on (the Excel importer, the GUI form, package import):
#: an ID number that Excel damaged (a number/float/scientific cell, or text ending in 000 with a
#: wrong check digit): refused, re-enter it from the card; never a suggested check digit.
ID_EXCEL_DAMAGED = "id_excel_damaged"
#: A text ID number ending in 000 whose check digit is valid (real IDs can be: sequence x00 with
#: check digit 0, ~1 in 1,100). An error until the clerk confirms it against the card
#: (``check_id_number(..., excel_confirmed=True)``), then a warning that stays listed.
ID_EXCEL_CONFIRM = "id_excel_confirm"
#: A wrong check digit in an ID not ending in 000; the message names the right digit.
ID_CHECK_DIGIT = "id_check_digit"


from .text import (  # noqa: F401  (re-exported: the one validation API)
    _DASHES, _DIGITS, Problem, _as_text, _clean_chars, _err, _warn, clean_multiline, clean_text,
)
# Phones and name keys live in their own modules; re-exported so that ``core.validation`` stays
# the one place other layers (forms, Excel import, packages, CLI) call.
from .names import name_key, to_simplified  # noqa: F401
from .phones import check_mobile, check_phone, phone_query, phone_search_key  # noqa: F401


# ---------------------------------------------------------------- ID numbers (GB 11643)

@dataclass(frozen=True)
class IdNumberInfo:
    normalized: str | None
    birth_date: date | None = None
    gender: str | None = None
    region_code: str | None = None
    converted_from_15: bool = False
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


_ID_SEPARATORS = re.compile(f"[\\s{_DASHES}]")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$|^\d{15,18}\.0*$")  # 6.4E+17; 640104198002291000.0


def _compact_id(value: object) -> str:
    return _ID_SEPARATORS.sub("", clean_text(_as_text(value))).upper()


def _fmt8(digits8: str) -> str:
    return f"{digits8[:4]}-{digits8[4:6]}-{digits8[6:8]}"


def _birth_problem(digits8: str, field: str, today: date) -> Problem | None:
    """Checks whatever part of YYYYMMDD is complete (the partial checker passes prefixes)."""
    if len(digits8) >= 4 and not 1900 <= int(digits8[:4]) <= today.year:
        year = digits8[:4]
        return _err(field, f"身份证号中的出生年份 {year} 不合理（应在 1900 年至今年之间）",
                    f"Birth year {year} in the ID number is impossible (must be 1900 to this year)")
    if len(digits8) >= 6 and not 1 <= int(digits8[4:6]) <= 12:
        return _err(field, f"身份证号中的出生月份 {digits8[4:6]} 不存在",
                    f"Birth month {digits8[4:6]} in the ID number does not exist")
    if len(digits8) < 8:
        return None
    try:
        born = date(int(digits8[:4]), int(digits8[4:6]), int(digits8[6:8]))
    except ValueError:
        return _err(field, f"身份证号中的出生日期不存在：{_fmt8(digits8)}",
                    f"Birth date in the ID number does not exist: {_fmt8(digits8)}")
    if born > today:
        return _err(field, f"身份证号中的出生日期 {_fmt8(digits8)} 晚于今天",
                    f"Birth date in the ID number is in the future: {_fmt8(digits8)}")
    return None


def _shape_problem(number: str, field: str, *, complete: bool) -> Problem | None:
    bad = sorted({ch for ch in number if ch not in _DIGITS and ch != "X"})
    if bad:
        shown = "".join(bad)
        return _err(field, f"身份证号含有非法字符：{shown}（只能是数字和最后一位的 X）",
                    f"ID number contains invalid characters: {shown} (digits only, X only as last)")
    x_at = number.find("X")
    if x_at != -1 and (x_at != 17 or (complete and len(number) == 15)):
        return _err(field, "身份证号只有第 18 位（最后一位）可以是 X",
                    "Only the 18th (last) character of an ID number may be X")
    n = len(number)
    if n > 18 or (complete and n not in (15, 18)):
        return _err(field, f"身份证号应为 18 位（旧式为 15 位），现为 {n} 位",
                    f"An ID number has 18 characters (old style 15), this one has {n}")
    return None


def _check_digit_problem(number: str, check: str, field: str) -> Problem:
    return _err(field, f"身份证号校验位错误，应为 {check}（现为 {number[17]}；也可能是前 17 位有误）",
                f"Wrong ID number check digit: should be {check}, not {number[17]} "
                "(or one of the first 17 digits is wrong)", ID_CHECK_DIGIT)


def _excel_damaged(field: str, what_zh: str, what_en: str) -> Problem:
    """Excel keeps 15 significant digits: an 18-digit ID typed into a number cell ends in 000.
    Suggesting a check digit would turn it into a valid ID of someone else (often of the other
    sex), so the only advice is to re-enter it from the card."""
    return _err(field, f"{what_zh}：Excel 只保留 15 位有效数字，末几位已变成 0，无法还原。"
                       "请把该列设为“文本”，并按身份证原件重新录入",
                f"{what_en}: Excel keeps only 15 significant digits, so the last digits became 0 and "
                "cannot be recovered. Format the column as text and re-enter the number from the ID card",
                ID_EXCEL_DAMAGED)


def _excel_confirm(field: str, number: str, confirmed: bool) -> Problem:
    zh = (f"身份证号 {mask_id_number(number)} 以 000 结尾：Excel 损坏的身份证号也是这样，"
          "请与身份证原件逐位核对后确认")
    en = (f"The ID number {mask_id_number(number)} ends in 000, as IDs damaged by Excel do; "
          "compare it with the ID card digit by digit and confirm")
    return (_warn if confirmed else _err)(field, zh, en, ID_EXCEL_CONFIRM)


def _ends_like_excel(number: str) -> bool:
    return len(number) == 18 and number.endswith("000")


def check_id_number(value: str | int | float | None, *, field: str = "id_number",
                    known_region: Callable[[str], bool] | None = None,
                    today: date | None = None, excel_confirmed: bool = False) -> IdNumberInfo:
    """Resident ID number (GB 11643-1999): normalised to 18 upper-case characters, 15-digit
    numbers converted (``19`` inserted, check digit added; python-stdnum computes it).

    ``value``: typed text, or a spreadsheet cell as read. A number cell (int or float, Excel's
    15 significant digits) or scientific-notation text is refused with ``ID_EXCEL_DAMAGED``; so
    is 18-digit text ending in ``000`` with a wrong check digit, and no check digit is ever
    suggested for it. Text ending in ``000`` with a valid check digit gets ``ID_EXCEL_CONFIRM``:
    an error unless ``excel_confirmed`` (the clerk compared it with the card), then a warning.
    A region code outside ``known_region`` is a warning. Never raises."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return IdNumberInfo(None, problems=(_excel_damaged(
            field, "身份证号在 Excel 中被存成了数字", "Excel stored the ID number as a number"),))
    text = clean_text(_as_text(value))
    if not text:
        return IdNumberInfo(None)
    if _SCIENTIFIC.match(text):
        return IdNumberInfo(None, problems=(_excel_damaged(
            field, f"身份证号显示为科学计数法（{text}）",
            f"The ID number is in scientific notation ({text})"),))
    number = _ID_SEPARATORS.sub("", text).upper()
    shape = _shape_problem(number, field, complete=True)
    converted = len(number) == 15
    if shape:
        return IdNumberInfo(None, converted_from_15=converted, problems=(shape,))
    body = number[:6] + "19" + number[6:] if converted else number[:17]
    today = today or clock.today()
    problems = []
    birth = _birth_problem(body[6:14], field, today)
    if birth:
        problems.append(birth)
    from stdnum.cn import ric    # loaded when an ID number is checked, not with every window
    check = ric.calc_check_digit(body + "0")  # stdnum ignores the last character
    if not converted and number[17] != check:
        problems.append(_excel_damaged(field, "身份证号以 000 结尾且校验位不符",
                                       "The ID number ends in 000 and its check digit is wrong")
                        if _ends_like_excel(number) else _check_digit_problem(number, check, field))
    if problems:
        return IdNumberInfo(None, converted_from_15=converted, problems=tuple(problems))
    if _ends_like_excel(number):
        problems.append(_excel_confirm(field, number, excel_confirmed))
    region = body[:6]
    if known_region is not None and not known_region(region):
        problems.append(_warn(
            field, f"地区码 {region} 不在现行区划中，可能是已撤销的县区，请核对",
            f"Region code {region} is not a current division; it may be an abolished county, "
            "please check"))
    return IdNumberInfo(
        normalized=body + check,
        birth_date=ric.get_birth_date(body + check),
        gender="male" if int(body[16]) % 2 else "female",
        region_code=region,
        converted_from_15=converted,
        problems=tuple(problems),
    )


def id_number_partial_problem(prefix: str, *, field: str = "id_number",
                              today: date | None = None) -> Problem | None:
    """As-you-type check: a problem only once the input is certainly wrong, however it ends.

    Date fields are judged when complete (year, month, whole date); bad characters at once.
    A complete number ending in 000 gets the Excel message (``ID_EXCEL_DAMAGED``) or, with a
    valid check digit, the ``ID_EXCEL_CONFIRM`` warning the form shows until saved.
    """
    number = _compact_id(prefix)
    if not number:
        return None
    if _SCIENTIFIC.match(number):
        return _excel_damaged(field, f"身份证号显示为科学计数法（{number}）",
                              f"The ID number is in scientific notation ({number})")
    shape = _shape_problem(number, field, complete=False)
    if shape:
        return shape
    today = today or clock.today()
    n = len(number)
    if n > 6:
        new_style = _birth_problem(number[6:14], field, today)
        # Up to 15 characters the input may still be an old 15-digit number (YYMMDD, 19YY).
        old_style_possible = n <= 15 and _birth_problem(
            ("19" + number[6:12])[:2 + min(n, 12) - 6], field, today) is None
        if new_style and not old_style_possible:
            return new_style
    if n == 18:
        from stdnum.cn import ric
        check = ric.calc_check_digit(number)
        if _ends_like_excel(number):  # never a digit to "correct" to: see check_id_number
            if number[17] != check:
                return _excel_damaged(field, "身份证号以 000 结尾且校验位不符",
                                      "The ID number ends in 000 and its check digit is wrong")
            return _excel_confirm(field, number, confirmed=True)
        if number[17] != check:
            return _check_digit_problem(number, check, field)
    return None


# ---------------------------------------------------------------- phones
# In core/phones.py (libphonenumber data); re-exported at the end of this module.
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


# ---------------------------------------------------------------- dates

_TIME = r"(?:[ T]\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})" + _TIME + "$"),
    re.compile(r"^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$"),
    re.compile(r"^(\d{4})()(\d{2})(\d{2})$"),
)


def _year_problem(year: int, field: str) -> Problem | None:
    if 1900 <= year <= 2100:
        return None
    return _err(field, f"年份 {year} 超出范围（应在 1900 至 2100 之间）",
                f"Year {year} is out of range (1900 to 2100)")


def parse_date(value, *, field: str = "date") -> tuple[date | None, tuple[Problem, ...]]:
    """A calendar date from a date object or the ways clerks write one."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        problem = _year_problem(value.year, field)
        return (None, (problem,)) if problem else (value, ())
    text = clean_text(_as_text(value))
    if not text:
        return None, ()
    for pattern in _DATE_PATTERNS:
        found = pattern.match(text)
        if found:
            break
    else:
        return None, (_err(field, f"无法识别的日期：{text}（请写成 2019-05-10 或 2019年5月10日）",
                           f"Unrecognised date: {text} (write it as 2019-05-10)"),)
    year, month, day = int(found.group(1)), int(found.group(3)), int(found.group(4))
    problem = _year_problem(year, field)
    if problem:
        return None, (problem,)
    try:
        return date(year, month, day), ()
    except ValueError:
        shown = f"{year:04d}-{month:02d}-{day:02d}"
        return None, (_err(field, f"日期不存在：{shown}", f"No such date: {shown}"),)


# ---------------------------------------------------------------- masking (PIPL)

def mask_id_number(value) -> str:
    """Keeps the region (first 6) and the last 4 characters: 640104********123X."""
    number = _compact_id(value)
    n = len(number)
    if n >= 10:
        return number[:6] + "*" * (n - 10) + number[-4:]
    if n >= 4:  # not an ID number at all: still reveal almost nothing
        return number[0] + "*" * (n - 2) + number[-1]
    return "*" * n


def mask_phone(value) -> str:
    """138****2768; landlines keep the area code and the last 4 digits: 0951-***9695."""
    number, _ = check_phone(value)
    if number is None:  # unparseable: hide every digit but the last four
        text = clean_text(_as_text(value))
        hidden = set([i for i, ch in enumerate(text) if ch in _DIGITS][:-4])
        return "".join("*" if i in hidden else ch for i, ch in enumerate(text))
    if _MOBILE.match(number):
        return number[:3] + "****" + number[-4:]
    parts = number.split("-")
    if number[0] == "0":
        area, local, rest = parts[0], parts[1], parts[2:]
        return "-".join([area, "*" * (len(local) - 4) + local[-4:], *rest])
    if number[:3] in ("400", "800") and len(parts) == 3:
        return f"{parts[0]}-***-{parts[2]}"
    local, rest = parts[0], parts[1:]
    return "-".join(["*" * (len(local) - 4) + local[-4:], *rest])

