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

from stdnum.cn import ric

from . import clock

__all__ = [
    "Problem", "IdNumberInfo", "clean_text", "clean_multiline", "check_id_number",
    "id_number_partial_problem", "check_mobile", "check_phone", "parse_date",
    "mask_id_number", "mask_phone",
]


@dataclass(frozen=True)
class Problem:
    field: str
    message_zh: str
    message_en: str
    severity: str = "error"  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def _err(field: str, zh: str, en: str) -> Problem:
    return Problem(field, zh, en, "error")


def _warn(field: str, zh: str, en: str) -> Problem:
    return Problem(field, zh, en, "warning")


# ---------------------------------------------------------------- text

# Full-width punctuation that a Chinese IME types inside Chinese sentences: converting it would
# turn "乡镇（街道）" into "乡镇(街道)" and break labels, so only the rest of U+FF01..FF5E
# (letters, digits, ＠－／．＋ ...) becomes ASCII.  NFKC/NFC are not used: both rewrite CJK
# compatibility ideographs (U+F900..FAFF, found in legacy-encoded names) and NFKC also turns
# ① into 1 and Ⅲ into III.
_KEEP_FULLWIDTH = frozenset("，：；？！（）")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_SPACES = re.compile(" {2,}")


def _as_text(value: object) -> str:
    """Spreadsheet cells arrive as int/float/date; 13895072768.0 must read as 13895072768."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _clean_chars(text: str, keep_newlines: bool) -> str:
    out = []
    for ch in _LINE_BREAKS.sub("\n", text):
        code = ord(ch)
        if ch == "\n":
            out.append("\n" if keep_newlines else " ")
        elif ch == "\t":
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E and ch not in _KEEP_FULLWIDTH:
            out.append(chr(code - 0xFEE0))
        else:
            category = unicodedata.category(ch)
            if category == "Zs":  # U+3000, NBSP, thin spaces ...
                out.append(" ")
            elif category not in ("Cc", "Cf", "Cs"):  # Cf: zero-width, BOM, soft hyphen, bidi marks
                out.append(ch)
    return "".join(out)


def clean_text(value: str | None) -> str:
    """One-line text: half-width ASCII, no invisible characters, single spaces, trimmed."""
    return _SPACES.sub(" ", _clean_chars(_as_text(value), keep_newlines=False)).strip()


def clean_multiline(value: str | None) -> str:
    """Like clean_text, line by line; keeps "\\n" and at most one blank line in a row."""
    lines = [_SPACES.sub(" ", line).strip()
             for line in _clean_chars(_as_text(value), keep_newlines=True).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


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


_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ID_SEPARATORS = re.compile(f"[\\s{_DASHES}]")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_DIGITS = frozenset("0123456789")


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
                "(or one of the first 17 digits is wrong)")


def check_id_number(value: str | None, *, field: str = "id_number",
                    known_region: Callable[[str], bool] | None = None,
                    today: date | None = None) -> IdNumberInfo:
    """Resident ID number: normalised to 18 upper-case characters, 15-digit numbers converted."""
    if isinstance(value, float):  # Excel stored it as a number: the last digits are gone
        return IdNumberInfo(None, problems=(_err(
            field, "身份证号被 Excel 当作数字保存，后几位已丢失；请把该列设为“文本”后重新填写",
            "Excel stored the ID number as a number and lost its last digits; "
            "format the column as text and enter it again"),))
    text = clean_text(_as_text(value))
    if not text:
        return IdNumberInfo(None)
    if _SCIENTIFIC.match(text):
        return IdNumberInfo(None, problems=(_err(
            field, f"身份证号显示为科学计数法（{text}），后几位已丢失；请把该列设为“文本”后重新填写",
            f"The ID number is in scientific notation ({text}) and has lost digits; "
            "format the column as text and enter it again"),))
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
    check = ric.calc_check_digit(body + "0")  # stdnum ignores the last character
    if not converted and number[17] != check:
        problems.append(_check_digit_problem(number, check, field))
    if problems:
        return IdNumberInfo(None, converted_from_15=converted, problems=tuple(problems))
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
    """
    number = _compact_id(prefix)
    if not number:
        return None
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
        check = ric.calc_check_digit(number)
        if number[17] != check:
            return _check_digit_problem(number, check, field)
    return None


# ---------------------------------------------------------------- phones

_PHONE_SEPARATORS = re.compile(f"[\\s{_DASHES}()（）.]+")
_COUNTRY_PREFIX = re.compile(r"^(?:\+|00)\s*86")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _bad_chars_problem(text: str, field: str, what_zh: str, what_en: str) -> Problem | None:
    bad = sorted({ch for ch in text if ch not in _DIGITS})
    if not bad:
        return None
    shown = "".join(bad)
    return _err(field, f"{what_zh}含有非法字符：{shown}", f"{what_en} contains invalid characters: {shown}")


def check_mobile(value, *, field: str = "mobile") -> tuple[str | None, tuple[Problem, ...]]:
    """Mainland mobile number as 11 digits; +86 / 0086 and separators are dropped."""
    text = _PHONE_SEPARATORS.sub("", clean_text(_as_text(value)))
    if not text:
        return None, ()
    digits = _COUNTRY_PREFIX.sub("", text)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    bad = _bad_chars_problem(digits, field, "手机号", "Mobile number")
    if bad:
        return None, (bad,)
    if len(digits) != 11:
        return None, (_err(field, f"手机号应为 11 位，现为 {len(digits)} 位",
                           f"A mobile number has 11 digits, this one has {len(digits)}"),)
    if not _MOBILE.match(digits):
        return None, (_err(field, f"手机号应以 13 至 19 开头，现为 {digits[:2]}",
                           f"A mobile number starts with 13 to 19, not {digits[:2]}"),)
    return digits, ()


def _landline(digits: str, field: str) -> tuple[str | None, Problem | None]:
    """`digits` starts with the trunk 0; returns "area-local" or a problem."""
    if digits[1] == "0":
        return None, _err(field, "区号不能以 00 开头（国际号码请写 +86）",
                          "An area code cannot start with 00 (write +86 for international numbers)")
    area_len = 3 if digits[1] in "12" else 4  # 010 and 020-029 are the only 3-digit codes
    area, local = digits[:area_len], digits[area_len:]
    if digits[1] == "1" and area != "010":
        return None, _err(field, f"区号 {area} 不存在", f"Area code {area} does not exist")
    if not 7 <= len(local) <= 8:
        return None, _err(field, f"固定电话号码（不含区号 {area}）应为 7 至 8 位，现为 {len(local)} 位",
                          f"A landline number (without area code {area}) has 7 or 8 digits, "
                          f"this one has {len(local)}")
    if local[0] in "01":
        return None, _err(field, "固定电话号码（区号之后）不能以 0 或 1 开头",
                          "A landline number (after the area code) cannot start with 0 or 1")
    return f"{area}-{local}", None


def check_phone(value, *, field: str = "phone",
                default_area: str | None = None) -> tuple[str | None, tuple[Problem, ...]]:
    """Mobile, landline ("0951-6889695", optional "-801" extension) or 400/800 hotline."""
    text = clean_text(_as_text(value))
    if not text:
        return None, ()
    extension = None
    found = _EXTENSION.search(text)
    if found:
        extension, text = found.group(1), text[:found.start()]
    text = text.strip()
    international = bool(_COUNTRY_PREFIX.match(text))
    groups = [g for g in _PHONE_SEPARATORS.split(_COUNTRY_PREFIX.sub("", text)) if g]
    bad = _bad_chars_problem("".join(groups), field, "电话号码", "Phone number")
    if bad or not groups:
        return None, (bad or _err(field, "电话号码为空", "The phone number is empty"),)
    if international:  # "+86 (0)951 6889695" or "+86 951 6889695": restore the trunk 0
        if groups[0] == "0":
            groups = groups[1:]
        if groups and not groups[0].startswith(("0", "1")):
            groups[0] = "0" + groups[0]
    if extension is None and len(groups) >= 3 and len("".join(groups[2:])) <= 6 \
            and groups[0].startswith("0") and _landline("".join(groups[:2]), field)[0]:
        extension, groups = "".join(groups[2:]), groups[:2]
    digits = "".join(groups)
    if digits.startswith("1"):
        if extension:
            return None, (_err(field, "手机号不能带分机号", "A mobile number has no extension"),)
        return check_mobile(digits, field=field)
    if re.fullmatch(r"[48]00\d{7}", digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", ()
    suffix = f"-{extension}" if extension else ""
    if digits.startswith("0"):
        number, problem = _landline(digits, field)
        return (number + suffix, ()) if number else (None, (problem,))
    if 7 <= len(digits) <= 8 and digits[0] not in "01":
        example = f"{default_area}-{digits}" if default_area else f"0951-{digits}"
        return digits + suffix, (_warn(
            field, f"固定电话 {digits} 缺少区号，建议写成 {example} 的形式",
            f"Landline {digits} has no area code; write it like {example}"),)
    return None, (_err(field, f"无法识别的电话号码：{clean_text(_as_text(value))}",
                       f"Unrecognised phone number: {clean_text(_as_text(value))}"),)


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
