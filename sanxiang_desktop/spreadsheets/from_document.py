"""Excel renderer for documents.model: one worksheet per document, laid out like the print.

Blocks go down the sheet in order on one grid of columns (a table's columns, a registration
grid's label/value cells). Frozen panes and header rows repeated on printed pages need a
single header, so they are set when the document has exactly one table (ledgers, rosters,
summaries); a form with several tables gets neither.
"""
from __future__ import annotations

import datetime as dt
import math
import os
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from sanxiang_desktop.core.files import atomic_write
from sanxiang_desktop.documents.model import (
    STYLES, Cell, Document, Heading, KeyValueGrid, PageBreak, Paragraph, SignatureLine, Spacer,
    Table, TextStyle, Value, cell_positions, format_value, text_width)

# Names as Chinese Excel/WPS know them; the file carries names, not fonts.
XLSX_FONTS = {"title": "黑体", "heading": "黑体", "body": "宋体"}
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
FREEZE_MIN_ROWS = 20      # shorter tables fit on a screen: freezing would only get in the way
MARGIN_INCHES = 20 / 25.4


def _font(style: TextStyle, bold: bool | None = None) -> Font:
    return Font(name=XLSX_FONTS[style.font], size=style.size_pt,
                bold=style.bold if bold is None else bold)


def _line_height(style: TextStyle) -> float:
    return style.size_pt * 1.45 + 2


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in '[]:*?/\\').strip("' ")
    return cleaned[:31] or "Sheet1"


def _excel_value(value: Value):
    """A value as Excel should store it: numbers and dates stay typed, the rest is text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return format_value(value)
    if isinstance(value, (int, float, dt.date)):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


class _SheetWriter:
    def __init__(self, ws: Worksheet, doc: Document):
        self.ws, self.doc, self.row = ws, doc, 1
        grids = [b for b in doc.blocks if isinstance(b, KeyValueGrid)]
        signatures = [b for b in doc.blocks if isinstance(b, SignatureLine)]
        self.ncols = max([len(t.columns) for t in doc.tables()] + [2 * g.columns for g in grids]
                         + [len(s.labels) for s in signatures] + [1])
        self.widths = self._column_widths(grids)

    def _column_widths(self, grids: list[KeyValueGrid]) -> list[float]:
        widths = [0.0] * self.ncols
        for table in self.doc.tables():
            for i, w in enumerate(table.widths()):
                widths[i] = max(widths[i], w + 2)
        for grid in grids:
            fields = grid.fields()
            label = max([text_width(f.label) for f in fields] + [4]) + 2
            value = min(max([text_width(format_value(f.value)) for f in fields if f.span == 1] + [12]) + 2, 30)
            for i in range(grid.columns):
                widths[2 * i] = max(widths[2 * i], label)
                widths[2 * i + 1] = max(widths[2 * i + 1], value)
        return [min(w or 12.0, 60.0) for w in widths]

    # ---- cells ----
    def put(self, row: int, col: int, value: Value, style: TextStyle, *, align: str | None = None,
            bold: bool | None = None, fill: PatternFill | None = None, border: bool = True,
            span: int = 1, rowspan: int = 1, wrap: bool = True):
        cell = self.ws.cell(row=row, column=col, value=_excel_value(value))
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"   # text typed by a clerk is never a formula
        if isinstance(value, dt.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        cell.font = _font(style, bold)
        cell.alignment = Alignment(horizontal=align or style.align, vertical="center", wrap_text=wrap)
        if fill is not None:
            cell.fill = fill
        if border:
            cell.border = BOX
        if span > 1 or rowspan > 1:
            self.ws.merge_cells(start_row=row, start_column=col,
                                end_row=row + rowspan - 1, end_column=col + span - 1)
        return cell

    def lines_needed(self, text: str, col: int, span: int, style: TextStyle) -> int:
        # Column width units are roughly one digit of an 11 pt font.
        capacity = max(1.0, (sum(self.widths[col - 1:col - 1 + span]) - 1) * 11 / style.size_pt)
        return max(1, *(math.ceil(text_width(part) / capacity) for part in text.split("\n")))

    def wide_line(self, text: str, style_name: str) -> None:
        style = STYLES[style_name]
        self.put(self.row, 1, text, style, border=False, span=self.ncols)
        lines = self.lines_needed(text, 1, self.ncols, style)
        self.ws.row_dimensions[self.row].height = lines * _line_height(style) + style.space_before_pt
        self.row += 1

    # ---- blocks ----
    def grid(self, grid: KeyValueGrid) -> None:
        label_style, value_style = STYLES["label"], STYLES["cell"]
        for line in grid.lines():
            col, lines = 1, 1
            for i, f in enumerate(line):
                self.put(self.row, col, f.label, label_style, fill=LABEL_FILL)
                span = 2 * f.span - 1
                if i == len(line) - 1:
                    span = self.ncols - col    # the last value reaches the sheet's right edge
                self.put(self.row, col + 1, f.value, value_style, align="left", span=span)
                text = format_value(f.value)
                lines = max(lines, f.min_lines, self.lines_needed(text, col + 1, span, value_style))
                col += 1 + span
            self.ws.row_dimensions[self.row].height = lines * _line_height(value_style) + 4
            self.row += 1

    def table(self, table: Table) -> tuple[int, int]:
        """Writes the table; returns its first and last header row."""
        if table.caption:
            self.wide_line(table.caption, "caption")
        top = self.row
        head_style, cell_style = STYLES[table.header_style], STYLES[table.cell_style]
        for h in table.header_cells():
            self.put(top + h.row, 1 + h.col, h.text, head_style, fill=HEADER_FILL,
                     span=h.colspan, rowspan=h.rowspan)
        self.row += table.title_rows
        aligns = [c.align for c in table.columns]
        rows: list[tuple[list[Cell], str]] = [(r, "header") for r in table.extra_header_rows()]
        rows += [(r, "body") for r in table.body_rows()]
        if table.totals() is not None:
            rows.append((table.totals(), "totals"))
        for cells, kind in rows:
            lines = 1
            for col, cell in cell_positions(cells):
                span = max(1, cell.colspan)
                if kind == "header":
                    self.put(self.row, 1 + col, cell.value, head_style, fill=HEADER_FILL, span=span)
                else:
                    self.put(self.row, 1 + col, cell.value, cell_style, align=aligns[col],
                             bold=kind == "totals", span=span)
                lines = max(lines, self.lines_needed(format_value(cell.value), 1 + col, span, cell_style))
            if lines > 1:
                self.ws.row_dimensions[self.row].height = lines * _line_height(cell_style) + 2
            self.row += 1
        return top, top + table.header_row_count - 1

    def signatures(self, sig: SignatureLine) -> None:
        self.row += 1
        items = sig.items()
        share = max(1, self.ncols // len(items))
        for i, (label, value) in enumerate(items):
            span = share if i < len(items) - 1 else self.ncols - share * i
            self.put(self.row, 1 + share * i, label + value, STYLES["signature"], align="left",
                     border=False, span=max(1, span))
        self.row += 1

    def write(self) -> None:
        doc, ws = self.doc, self.ws
        self.wide_line(doc.title, "title")
        if doc.subtitle:
            self.wide_line(doc.subtitle, "subtitle")
        header_rows = None
        for block in doc.blocks:
            if isinstance(block, Heading):
                self.wide_line(block.text, block.style)
            elif isinstance(block, Paragraph):
                self.wide_line(format_value(block.text, "prose"), block.style)
            elif isinstance(block, KeyValueGrid):
                self.grid(block)
            elif isinstance(block, Table):
                header_rows = self.table(block)
            elif isinstance(block, Spacer):
                self.row += block.lines
            elif isinstance(block, PageBreak):
                ws.row_breaks.append(Break(id=self.row - 1))
            elif isinstance(block, SignatureLine):
                self.signatures(block)
        for i, width in enumerate(self.widths):
            ws.column_dimensions[get_column_letter(i + 1)].width = width
        tables = doc.tables()
        if header_rows and len(tables) == 1:
            first, last = header_rows
            ws.print_title_rows = f"{first}:{last}"
            if len(tables[0].body_rows()) >= FREEZE_MIN_ROWS:
                ws.freeze_panes = ws.cell(row=last + 1, column=1)
        self._page_setup()

    def _page_setup(self) -> None:
        ws, doc = self.ws, self.doc
        ws.page_setup.paperSize = ws.PAPERSIZE_A3 if doc.page == "A3" else ws.PAPERSIZE_A4
        ws.page_setup.orientation = doc.orientation
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0      # as many pages down as it takes
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=MARGIN_INCHES, right=MARGIN_INCHES, top=MARGIN_INCHES,
                                      bottom=MARGIN_INCHES, header=0.3, footer=0.35)
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
        if doc.footer_text:
            ws.oddFooter.left.text = doc.footer_text.replace("&", "&&")


def document_to_workbook(doc: Document) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(doc.title)
    _SheetWriter(ws, doc).write()
    return wb


def write_xlsx(doc: Document, path: str | os.PathLike[str]) -> None:
    """Save `doc` as .xlsx atomically: a temp file beside the target, then a rename, so a
    failed save never leaves a half-written workbook under the real name."""
    wb = document_to_workbook(doc)
    atomic_write(path, lambda tmp: wb.save(tmp))
