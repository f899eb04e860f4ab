"""Printed forms as data: an abstract document built once, rendered many ways.

After Gramps' docgen: a form is a `Document` of blocks (headings, paragraphs,
key/value grids, tables, signature lines) with named styles. Qt-free code builds
it; `ui.printing.render` turns it into print/PDF and `spreadsheets.from_document`
into .xlsx, so a form's content is testable as plain text without a printer.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Sequence, Union

Value = Union[str, int, float, Decimal, dt.date, dt.datetime, None]
Align = Literal["left", "center", "right"]
FontRole = Literal["title", "heading", "body"]

PAGE_SIZES_MM: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
ORIENTATIONS = ("portrait", "landscape")


@dataclass(frozen=True)
class TextStyle:
    size_pt: float
    font: FontRole = "body"
    bold: bool = False
    align: Align = "left"
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    indent_em: float = 0.0          # first-line indent; Chinese prose indents two characters


# Chinese type sizes: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt.
STYLES: dict[str, TextStyle] = {
    "title": TextStyle(22, "title", bold=True, align="center", space_after_pt=6),
    "subtitle": TextStyle(14, "body", align="center", space_after_pt=8),
    "heading1": TextStyle(16, "heading", space_before_pt=10, space_after_pt=6),
    "heading2": TextStyle(14, "heading", space_before_pt=8, space_after_pt=4),
    "heading3": TextStyle(12, "heading", space_before_pt=6, space_after_pt=3),
    "body": TextStyle(12, space_after_pt=4, indent_em=2),
    "note": TextStyle(10.5, space_after_pt=3),
    "right": TextStyle(12, align="right", space_after_pt=4),
    "center": TextStyle(12, align="center", space_after_pt=4),
    "large": TextStyle(26, "heading", bold=True, align="center", space_before_pt=4, space_after_pt=4),
    "caption": TextStyle(12, "heading", align="center", space_before_pt=4, space_after_pt=4),
    "table_header": TextStyle(10.5, "body", bold=True, align="center"),
    "cell": TextStyle(10.5),
    "table_header_small": TextStyle(9, "body", bold=True, align="center"),   # 小五: dense ledgers
    "cell_small": TextStyle(9),
    "label": TextStyle(10.5, "body", bold=True, align="center"),
    "signature": TextStyle(12, space_before_pt=14),
    "footer": TextStyle(9, align="center"),
}
PARAGRAPH_STYLES = ("body", "note", "right", "center", "large")

# First installed family wins (GB/T 9704: title in 小标宋, headings in 黑体, body in 仿宋).
# Windows names first (仿宋_GB2312 on older, 仿宋/FangSong on newer systems), then the
# domestic Linux desktops (UOS/Kylin ship their own 仿宋, or Noto/Source Han), then Debian.
FONT_PREFERENCES: dict[FontRole, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "宋体", "SimSun",
              "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"),
    "heading": ("黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC",
             "Source Han Serif SC", "SimSun", "宋体", "Noto Sans CJK SC", "WenQuanYi Micro Hei"),
}
# Rare characters in names (GB 18030 Extension B and beyond) that the faces above lack:
# Windows' SimSun-ExtB/ExtG, Debian's fonts-hanazono (HanaMinA/B). Renderers list them
# after the chosen face, so only the missing characters come from them.
EXTENSION_FONTS: tuple[str, ...] = ("SimSun-ExtB", "SimSun-ExtG", "MingLiU-ExtB", "HanaMinB", "HanaMinA")
# GB/T 9704 margins (top, right, bottom, left) in mm; wide ledgers use narrower ones.
GB_MARGINS_MM: tuple[float, float, float, float] = (37.0, 26.0, 35.0, 28.0)
LANDSCAPE_MARGINS_MM: tuple[float, float, float, float] = (12.0, 18.0, 16.0, 18.0)
# Faces that are heavy by design: asking for bold would only smear them (synthetic bold).
HEAVY_FACES = ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "SimHei", "黑体")
PageNumbers = Literal["of", "dash"]   # "第 1 页 共 3 页" (slips) or "— 1 —" (official forms)


def _bad(en: str, zh: str) -> ValueError:
    return ValueError(f"{en} / {zh}")


# ---- values ---------------------------------------------------------------------------

def format_value(value: Value, context: Literal["table", "prose"] = "table") -> str:
    """Text for a value: dates ISO in tables, 2026年11月28日 in prose; None is empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if context == "prose":
            return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        if context == "prose":
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat()
    if isinstance(value, (float, Decimal)):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return str(value)


def text_width(text: str) -> int:
    """Display width in half-width cells: a Chinese character (or full-width form) counts 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


# ---- blocks ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise _bad(f"heading level must be 1-3, got {self.level}", f"标题级别须为1至3，实际为{self.level}")

    @property
    def style(self) -> str:
        return f"heading{self.level}"


@dataclass(frozen=True)
class Paragraph:
    text: Value
    style: str = "body"

    def __post_init__(self) -> None:
        if self.style not in PARAGRAPH_STYLES:
            raise _bad(f"unknown paragraph style {self.style!r}", f"未知段落样式“{self.style}”")


@dataclass(frozen=True)
class Field:
    """One label/value pair of a registration grid; `span` pairs wide; `min_lines` tall
    for boxes filled in by hand (e.g. 走访内容)."""
    label: str
    value: Value = None
    span: int = 1
    min_lines: int = 1


@dataclass(frozen=True)
class KeyValueGrid:
    """The typical 登记表 grid: `columns` label/value pairs per line, label cells shaded.
    `rows` is a flat list of (label, value) tuples or Fields flowed left to right."""
    rows: Sequence[tuple[str, Value] | Field]
    columns: int = 2
    min_lines: int = 1          # for every field: 2 on a blank form, so there is room to write by hand

    def __post_init__(self) -> None:
        if self.columns < 1:
            raise _bad("KeyValueGrid needs at least 1 column", "登记表至少需要1列")

    def fields(self) -> list[Field]:
        out = [r if isinstance(r, Field) else Field(*r) for r in self.rows]
        if self.min_lines > 1:
            out = [Field(f.label, f.value, f.span, max(f.min_lines, self.min_lines)) for f in out]
        return out

    def lines(self) -> list[list[Field]]:
        """Fields grouped into grid lines; the last field of a line is widened to fill it,
        so every line spans exactly 2 * columns cells."""
        lines: list[list[Field]] = []
        current: list[Field] = []
        used = 0
        for f in self.fields():
            span = max(1, min(f.span, self.columns))
            if used and used + span > self.columns:
                lines.append(current)
                current, used = [], 0
            current.append(Field(f.label, f.value, span, f.min_lines))
            used += span
        if current:
            lines.append(current)
        for line in lines:
            spare = self.columns - sum(f.span for f in line)
            if spare:
                last = line[-1]
                line[-1] = Field(last.label, last.value, last.span + spare, last.min_lines)
        return lines


@dataclass(frozen=True)
class Column:
    """`width_chars` is in half-width cells (a Chinese character counts 2); None sizes the
    column from its content. `group` puts a merged group title above adjacent columns."""
    title: str
    width_chars: int | None = None
    align: Align = "left"
    group: str | None = None


@dataclass(frozen=True)
class Cell:
    value: Value
    colspan: int = 1


@dataclass(frozen=True)
class HeaderCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """A ruled table. Its header repeats on every page: the column titles (two lines when
    columns are grouped) plus, when `header_rows` > 1, the first `header_rows - 1` entries
    of `rows` (e.g. the 栏次 line 甲/乙/1/2/3 of statistical forms)."""
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value | Cell]]
    header_rows: int = 1
    totals_row: Sequence[Value | Cell] | None = None
    caption: str | None = None
    compact: bool = False        # 小五 (9 pt) cells: a dense ledger, fewer wrapped lines and pages

    @property
    def cell_style(self) -> str:
        return "cell_small" if self.compact else "cell"

    @property
    def header_style(self) -> str:
        return "table_header_small" if self.compact else "table_header"

    def __post_init__(self) -> None:
        if not self.columns:
            raise _bad("a table needs at least one column", "表格至少需要一列")
        if self.header_rows < 1 or self.header_rows - 1 > len(self.rows):
            raise _bad(f"header_rows {self.header_rows} out of range", f"表头行数{self.header_rows}超出范围")
        for i, row in enumerate([*self.rows, *([self.totals_row] if self.totals_row else [])]):
            self._normalise(row, i)  # fail at construction, not half-way through a render

    @property
    def grouped(self) -> bool:
        return any(c.group for c in self.columns)

    @property
    def title_rows(self) -> int:
        return 2 if self.grouped else 1

    @property
    def header_row_count(self) -> int:
        """Every row repeated at the top of each page (titles and extra header rows)."""
        return self.title_rows + self.header_rows - 1

    def header_cells(self) -> list[HeaderCell]:
        """The column-title lines as positioned cells (merged group titles included)."""
        if not self.grouped:
            return [HeaderCell(c.title, 0, i) for i, c in enumerate(self.columns)]
        cells: list[HeaderCell] = []
        i = 0
        while i < len(self.columns):
            group = self.columns[i].group
            if group is None:
                cells.append(HeaderCell(self.columns[i].title, 0, i, rowspan=2))
                i += 1
                continue
            j = i
            while j < len(self.columns) and self.columns[j].group == group:
                cells.append(HeaderCell(self.columns[j].title, 1, j))
                j += 1
            cells.append(HeaderCell(group, 0, i, colspan=j - i))
            i = j
        return cells

    def extra_header_rows(self) -> list[list[Cell]]:
        return [self._normalise(r, i) for i, r in enumerate(self.rows[: self.header_rows - 1])]

    def body_rows(self) -> list[list[Cell]]:
        skip = self.header_rows - 1
        return [self._normalise(r, i + skip) for i, r in enumerate(self.rows[skip:])]

    def totals(self) -> list[Cell] | None:
        return None if self.totals_row is None else self._normalise(self.totals_row, -1)

    def widths(self) -> list[int]:
        """Column widths in half-width cells: given, or from the content (capped at 40)."""
        widest = [text_width(c.title) for c in self.columns]
        for row in self.body_rows()[:500]:
            for col, cell in cell_positions(row):
                if cell.colspan <= 1:
                    widest[col] = max(widest[col], text_width(format_value(cell.value)))
        return [c.width_chars or min(max(w, 4), 40) for c, w in zip(self.columns, widest)]

    def _normalise(self, row: Sequence[Value | Cell], index: int) -> list[Cell]:
        cells = [v if isinstance(v, Cell) else Cell(v) for v in row]
        used = sum(max(1, c.colspan) for c in cells)
        if used > len(self.columns):
            raise _bad(f"row {index} has {used} cells for {len(self.columns)} columns",
                       f"第{index + 1}行有{used}个单元格，但表格只有{len(self.columns)}列")
        return cells + [Cell(None)] * (len(self.columns) - used)


def cell_positions(row: list[Cell]) -> list[tuple[int, Cell]]:
    """(first column, cell) pairs, for renderers that place cells by position."""
    out, pos = [], 0
    for cell in row:
        out.append((pos, cell))
        pos += max(1, cell.colspan)
    return out


@dataclass(frozen=True)
class Spacer:
    lines: int = 1


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class SignatureLine:
    labels: Sequence[str] = ("填表人：", "审核人：", "填报日期：")
    values: Sequence[Value] | None = None

    def items(self) -> list[tuple[str, str]]:
        values = list(self.values or [])
        values += [None] * (len(self.labels) - len(values))
        return [(label, format_value(v, "prose")) for label, v in zip(self.labels, values)]


@dataclass(frozen=True)
class Rule:
    """A line across the text width: the red rule under a bulletin's issuing unit (版头)."""
    color: str = "#C00000"
    width_pt: float = 1.5


Block = Union[Heading, Paragraph, KeyValueGrid, Table, Spacer, PageBreak, SignatureLine, Rule]


@dataclass
class Document:
    title: str
    subtitle: str | None = None
    page: str = "A4"
    orientation: str = "portrait"
    blocks: list[Block] = field(default_factory=list)
    footer_text: str | None = None
    margins_mm: tuple[float, float, float, float] | None = None   # top, right, bottom, left
    page_numbers: PageNumbers = "of"

    def __post_init__(self) -> None:
        if self.page not in PAGE_SIZES_MM:
            raise _bad(f"unsupported page size {self.page!r} (A4, A3)",
                       f"不支持的纸张“{self.page}”（可用A4、A3）")
        if self.orientation not in ORIENTATIONS:
            raise _bad(f"orientation must be portrait or landscape, got {self.orientation!r}",
                       "纸张方向须为portrait（纵向）或landscape（横向）")

    def page_number_text(self, page: int, pages: int) -> str:
        """The footer's page number for 1-based `page` of `pages`."""
        return f"— {page} —" if self.page_numbers == "dash" else f"第 {page} 页 共 {pages} 页"

    def add(self, *blocks: Block) -> "Document":
        self.blocks.extend(blocks)
        return self

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


# ---- plain text -----------------------------------------------------------------------

def _pad(text: str, width: int, align: Align) -> str:
    gap = max(0, width - text_width(text))
    if align == "right":
        return " " * gap + text
    if align == "center":
        return " " * (gap // 2) + text + " " * (gap - gap // 2)
    return text + " " * gap


def _label(text: str) -> str:
    return text if text.endswith(("：", ":")) else text + "："


def _table_text(table: Table) -> list[str]:
    widths = table.widths()
    out = [table.caption] if table.caption else []

    def line(cells: list[tuple[int, int, str, Align]]) -> str:
        parts = []
        for col, span, text, align in cells:
            width = sum(widths[col:col + span]) + 3 * (span - 1)
            parts.append(_pad(text, width, align))
        return "| " + " | ".join(parts) + " |"

    header = table.header_cells()
    for r in range(table.title_rows):
        # A title covered by a rowspan from the line above is shown blank.
        cells, col = [], 0
        starts = {h.col: h for h in header if h.row == r}
        while col < len(widths):
            h = starts.get(col)
            span = h.colspan if h else 1
            cells.append((col, span, h.text if h else "", "center"))
            col += span
        out.append(line(cells))
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    aligns = [c.align for c in table.columns]
    rows = [*table.extra_header_rows(), *table.body_rows()]
    if table.totals() is not None:
        rows.append(table.totals())
    for row in rows:
        out.append(line([(col, max(1, c.colspan), format_value(c.value), aligns[col])
                         for col, c in cell_positions(row)]))
    return out


def to_plain_text(doc: Document) -> str:
    """A readable text rendering, for tests and debugging (not for printing)."""
    out = [doc.title]
    if doc.subtitle:
        out.append(doc.subtitle)
    out.append("")
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append("#" * block.level + " " + block.text)
        elif isinstance(block, Paragraph):
            out.append(format_value(block.text, "prose"))
        elif isinstance(block, KeyValueGrid):
            for fields in block.lines():
                out.append("    ".join(_label(f.label) + format_value(f.value, "prose") for f in fields))
        elif isinstance(block, Table):
            out.extend(_table_text(block))
        elif isinstance(block, Spacer):
            out.extend([""] * block.lines)
        elif isinstance(block, PageBreak):
            out.append("\f")
        elif isinstance(block, SignatureLine):
            out.append("    ".join(label + (value or "________") for label, value in block.items()))
        elif isinstance(block, Rule):
            out.append("—" * 30)
    if doc.footer_text:
        out += ["", doc.footer_text]
    return "\n".join(out) + "\n"
