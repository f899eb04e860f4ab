"""Phone numbers as clerks type them: normalised once, and found however they are typed again.

Stored forms (what :func:`check_phone` returns):

- mobile: 11 digits, ``13951012345`` (any ``+86`` / ``0086`` / ``86`` prefix, spaces, dashes,
  dots or brackets dropped);
- landline: ``区号-号码[-分机]``: ``010-62345678``, ``0951-6889695-801`` (extensions written
  ``转801``, ``分机801``, ``ext. 801``, ``x801``, ``#801`` or ``-801`` all become ``-801``);
- hotline: ``400-123-4567`` / ``800-123-4567``;
- a bare 7- or 8-digit local number is kept with a warning asking for the area code.

The numbering plan (which area codes exist, how long each is, which mobile prefixes are
allocated) is Google's libphonenumber data through the ``phonenumbers`` package; this module only
adds what that library does not know: Chinese extension words, the clerk-facing messages, and
the search key. :func:`phone_search_key` and :func:`phone_query` are the two halves of one
matching rule (a query matches a key when it begins or ends one of the key's words).
"""
from __future__ import annotations

import re


from .text import _DASHES, _DIGITS, Problem, _as_text, _err, _warn, clean_text

__all__ = ["check_mobile", "check_phone", "phone_search_key", "phone_query", "phone_digits"]

_SEPARATORS = re.compile(f"[\\s{_DASHES}()（）.]+")
_COUNTRY = re.compile(r"^(?:\+|00)\s*86")
_BARE_COUNTRY = re.compile(r"^86")
_BRACKETED_COUNTRY = re.compile(r"^[(（]\s*(?:\+|00)?\s*86\s*[)）]")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|extn\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_HOTLINE = re.compile(r"^[48]00\d{7}$")
# What a typed phone query may contain besides digits: separators, +, brackets, extension words.
_QUERY_CHARS = re.compile(r"^[\d\s+\-\u2010-\u2015\u2212()（）.#转分机extnEXTN]*$")


def _bad_chars(text: str, field: str, what_zh: str, what_en: str) -> Problem | None:
    bad = sorted({ch for ch in text if ch not in _DIGITS})
    if not bad:
        return None
    shown = "".join(bad)
    return _err(field, f"{what_zh}含有非法字符：{shown}", f"{what_en} contains invalid characters: {shown}")


def _in_plan(national: str) -> bool:
    """True when libphonenumber's data knows the number (national form, trunk 0 included)."""
    import phonenumbers     # its data loads when a number is checked, not with every window or command
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(national, "CN"))
    except phonenumbers.NumberParseException:
        return False


def _not_in_plan(field: str, shown: str) -> Problem:
    return _err(field, f"号码 {shown} 不在我国电话号码编号计划内，请核对",
                f"{shown} is not a number of China's numbering plan; please check it")


def check_mobile(value, *, field: str = "mobile") -> tuple[str | None, tuple[Problem, ...]]:
    """Mainland mobile number as 11 digits; ``+86`` / ``0086`` / ``86`` and separators dropped.

    Returns ``(number or None, problems)``; never raises. Allocated prefixes: libphonenumber."""
    text = _SEPARATORS.sub("", clean_text(_as_text(value)))
    if not text:
        return None, ()
    digits = _COUNTRY.sub("", text)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    bad = _bad_chars(digits, field, "手机号", "Mobile number")
    if bad:
        return None, (bad,)
    if len(digits) != 11:
        return None, (_err(field, f"手机号应为 11 位，现为 {len(digits)} 位",
                           f"A mobile number has 11 digits, this one has {len(digits)}"),)
    if not _MOBILE.match(digits):
        return None, (_err(field, f"手机号应以 13 至 19 开头，现为 {digits[:2]}",
                           f"A mobile number starts with 13 to 19, not {digits[:2]}"),)
    if not _in_plan(digits):
        return None, (_not_in_plan(field, digits),)
    return digits, ()


def _area_length(digits: str) -> int:
    """Length of the area code with its trunk 0: libphonenumber's, else the usual rule."""
    import phonenumbers
    try:
        n = phonenumbers.parse(digits, "CN")
        length = phonenumbers.length_of_geographical_area_code(n)
    except phonenumbers.NumberParseException:
        length = 0
    if length:
        return length + 1
    return 3 if digits[1] in "12" else 4  # 010 and 020-029 are the only 3-digit codes


def _landline(digits: str, field: str) -> tuple[str | None, Problem | None]:
    """`digits` starts with the trunk 0; returns "area-local" or a problem."""
    if digits[1] == "0":
        return None, _err(field, "区号不能以 00 开头（国际号码请写 +86）",
                          "An area code cannot start with 00 (write +86 for international numbers)")
    area_len = _area_length(digits)
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
    if not _in_plan(digits):
        return None, _not_in_plan(field, f"{area}-{local}")
    return f"{area}-{local}", None


def _national_groups(text: str) -> tuple[list[str], bool]:
    """Digit groups of the national number (trunk 0 restored after a country code)."""
    text = _BRACKETED_COUNTRY.sub(r"+86 ", text)   # "(+86) 139 ...", "（0086）..."
    compact = _SEPARATORS.sub("", text)
    international = bool(_COUNTRY.match(text))
    # A bare "86" is a country code only when what follows cannot be a local number:
    # with it the number has 12+ digits, which no mainland number without it has.
    bare = not international and bool(_BARE_COUNTRY.match(compact)) and len(compact) >= 12 \
        and compact.isdigit()
    if international:
        text = _COUNTRY.sub("", text)
    groups = [g for g in _SEPARATORS.split(text) if g]
    if bare:
        first = groups[0][2:]
        groups = ([first] if first else []) + groups[1:]
    if international or bare:
        if groups and groups[0] == "0":          # "+86 (0)951 6889695"
            groups = groups[1:]
        national = "".join(groups)
        if groups and not groups[0].startswith("0") and not _MOBILE.match(national) \
                and not _HOTLINE.match(national):
            groups[0] = "0" + groups[0]          # "+86 10 6234 5678": Beijing, trunk 0 restored
    return groups, international or bare


def check_phone(value, *, field: str = "phone",
                default_area: str | None = None) -> tuple[str | None, tuple[Problem, ...]]:
    """Mobile, landline (``0951-6889695``, optional ``-801`` extension) or 400/800 hotline.

    ``value``: what was typed or a spreadsheet cell (int/float are read as digits).
    Returns ``(normalised or None, problems)``: errors make the number None; a bare local
    number comes back with a warning suggesting ``default_area``. Never raises."""
    original = clean_text(_as_text(value))
    text = original
    if not text:
        return None, ()
    extension = None
    found = _EXTENSION.search(text)
    if found:
        extension, text = found.group(1), text[:found.start()]
    text = text.strip()
    groups, _international = _national_groups(text)
    bad = _bad_chars("".join(groups), field, "电话号码", "Phone number")
    if bad or not groups:
        return None, (bad or _err(field, "电话号码为空", "The phone number is empty"),)
    if extension is None and len(groups) >= 3 and groups[0].startswith("0"):
        # "0951-6889695-801", "010 6234 5678-801": the longest leading groups that make a
        # whole landline; what follows (at most 6 digits) is the extension.
        for k in range(len(groups) - 1, 1, -1):
            rest = "".join(groups[k:])
            if len(rest) <= 6 and _landline("".join(groups[:k]), field)[0]:
                extension, groups = rest, groups[:k]
                break
    digits = "".join(groups)
    if digits.startswith("1"):
        if extension:
            return None, (_err(field, "手机号不能带分机号", "A mobile number has no extension"),)
        return check_mobile(digits, field=field)
    if _HOTLINE.match(digits):
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
    return None, (_err(field, f"无法识别的电话号码：{original}", f"Unrecognised phone number: {original}"),)


def phone_digits(number: str | None) -> str:
    """The digits of a stored number without separators (``0951-6889695-801`` -> ``09516889695801``)."""
    return re.sub(r"\D", "", number or "")


def phone_search_key(stored: str | None) -> str:
    """Space-separated words a phone is found by: the whole number, without its extension,
    the local number without area code, and the local number with its extension.

    ``"0951-6889695-801"`` -> ``"09516889695801 09516889695 6889695801 6889695"``;
    a mobile is its 11 digits; ``""`` for no number. Input is a stored (normalised) value; a
    value stored by an older version is normalised first so old rows are found the same way."""
    if not stored:
        return ""
    if len(stored) == 11 and stored[0] == "1" and stored.isdigit() and stored.isascii():
        return stored      # a stored mobile is its own only word (check_phone would keep it or refuse it)
    normalised, _ = check_phone(stored)
    parts = (normalised or stored).split("-")
    words: list[str] = []

    def add(word: str) -> None:
        if word and word.isdigit() and word not in words:
            words.append(word)

    add("".join(parts))
    if parts[0].startswith("0") and len(parts) >= 2:      # landline: area, local[, extension]
        add(parts[0] + parts[1])
        add("".join(parts[1:]))
        add(parts[1])
    elif len(parts) == 2 and not parts[0].startswith(("400", "800")):  # local number + extension
        add(parts[0])
    if not words:
        add(phone_digits(stored))
    return " ".join(words)


def phone_query(text: str) -> str | None:
    """The digits to look a typed phone up by, or None when the text is not phone-like.

    ``"0951-6889695"``, ``"(0951)6889695"``, ``"+86 951 688 9695"`` -> ``"09516889695"``;
    ``"+86 139 5101 2345"`` -> ``"13951012345"``; a fragment (``"2345"``) is returned as is,
    to match the beginning or end of a key word."""
    text = clean_text(text)
    if not text or not _QUERY_CHARS.match(text) or sum(ch.isdigit() for ch in text) < 3:
        return None
    normalised, problems = check_phone(text)
    if normalised is not None and not any(p.is_error for p in problems):
        return phone_digits(normalised)
    groups, _ = _national_groups(_EXTENSION.sub(lambda m: m.group(1), text))
    digits = "".join(groups)
    return digits if digits.isdigit() else None
