"""What every check shares: the Problem a check reports, and cleaning typed or pasted text.

Kept apart from validation.py so that phones.py can use it without importing validation (which
re-exports the phone checks): core has no import cycles (import-linter, tests/unit/test_layers.py).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class Problem:
    field: str
    message_zh: str
    message_en: str
    severity: str = "error"  # "error" | "warning"
    code: str = ""           # machine-readable kind for callers that act on it (ID_EXCEL_* ...)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def _err(field: str, zh: str, en: str, code: str = "") -> Problem:
    return Problem(field, zh, en, "error", code)


def _warn(field: str, zh: str, en: str, code: str = "") -> Problem:
    return Problem(field, zh, en, "warning", code)


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
