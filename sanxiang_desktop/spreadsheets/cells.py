"""Cell-level rules shared by every workbook we write: text that Excel or WPS would run as a
formula is stored as text with Excel's own quote prefix (the value itself is unchanged, so it
reads back as the same text), IDs and phones stay text, dates stay dates."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

# A leading =, +, -, @ (or tab/CR/LF before one) makes Excel, WPS and LibreOffice treat typed
# text as a formula (OWASP "CSV injection"); in .xlsx we keep such text a string cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
HEADER_FONT = Font(name="黑体", size=11, bold=True)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
NOTE_FONT = Font(name="宋体", size=10, color="595959")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_THIN = Side(style="thin", color="808080")
HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def clean(value):
    """A value as a cell should hold it: numbers and dates typed, text stripped of the
    control characters XML cannot carry."""
    if isinstance(value, float) and value.is_integer():
        return int(value)           # 80 m², not 80.0: the cell holds the figure a reader means
    if value is None or isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    text = str(value)
    return text if text.isprintable() else ILLEGAL_CHARACTERS_RE.sub("", text)   # fast path: most text


def text_cell(ws, value: str) -> WriteOnlyCell:
    """A write-only cell that is text whatever it starts with (quote prefix, as Excel does
    when a clerk types '=1+1)."""
    cell = WriteOnlyCell(ws, value=None)
    cell._value = value
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def neutralise(ws, value):
    """`value` for a write-only row: formula-like text wrapped as a text cell."""
    value = clean(value)
    return text_cell(ws, value) if looks_like_formula(value) else value


def header_cell(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, CENTER
    return cell
