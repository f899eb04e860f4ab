"""Builds the content of a QTextDocument from a documents.model.Document (no pagination).

Format lengths here are in 96-dpi pixels: Qt's layout scales them to its paint device.
Table rows are recorded per model table, so `print_render` can measure and paginate them.
"""
from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontDatabase, QTextBlockFormat, QTextCharFormat,
                           QTextCursor, QTextDocument, QTextFormat, QTextFrameFormat, QTextLength,
                           QTextTable, QTextTableFormat)

from sanxiang_desktop.documents.model import (
    EXTENSION_FONTS, FONT_PREFERENCES, HEAVY_FACES, STYLES, Document, Heading, KeyValueGrid, PageBreak, Paragraph,
    Rule, SignatureLine, Spacer, Table, TextStyle, cell_positions, format_value, text_width)

HEADER_FILL = QColor("#e6e6e6")
LABEL_FILL = QColor("#f0f0f0")
_ALIGN = {"left": Qt.AlignLeft, "center": Qt.AlignHCenter, "right": Qt.AlignRight}
_family_cache: dict[str, str] = {}
# Noto/Source Han swap digits in Latin runs for glyphs no character maps to ("locl"), and
# Qt's PDF writer can only map glyphs back to text through the character map: with it on,
# "640104100" prints fine but cannot be searched or copied. Han text is unaffected (the
# SC faces already default to the simplified-Chinese forms).
_FEATURES = {QFont.Tag("locl"): 0} if hasattr(QFont, "Tag") else {}   # font features: Qt 6.7+


def pick_family(role: str) -> str:
    """The first installed family from the role's preference list (then the body list)."""
    if role not in _family_cache:
        installed = set(QFontDatabase.families())
        prefs = (*FONT_PREFERENCES[role], *FONT_PREFERENCES["body"])  # type: ignore[index]
        _family_cache[role] = next((f for f in prefs if f in installed), QFont().defaultFamily())
    return _family_cache[role]


# Digits and Latin letters from a Latin face, as official documents set them (Times New Roman):
# it also keeps them searchable in the PDF where Qt (< 6.10) cannot switch off "locl" per format.
LATIN_FACES = ("Times New Roman", "Liberation Serif", "DejaVu Serif")


def font_families(family: str) -> list[str]:
    """A Latin face, the chosen CJK face, the body fallbacks, then the extension faces for
    rare characters: Qt takes each glyph from the first family that has it."""
    installed = set(QFontDatabase.families())
    latin = [next((f for f in LATIN_FACES if f in installed), None)] if hasattr(QFont, "Tag") else []
    return [*(f for f in latin if f), family, *(f for f in FONT_PREFERENCES["body"] if f != family),
            *EXTENSION_FONTS]


def no_locl(font: QFont) -> QFont:
    for tag, value in _FEATURES.items():
        font.setFeature(tag, value)
    return font


def px(points: float) -> float:
    # Format lengths (margins, borders, padding) are in 96-dpi pixels: the layout scales
    # them to its paint device. Only the page size is given in device pixels.
    return points * 96.0 / 72.0


class ContentBuilder:
    """Fills a QTextDocument block by block; remembers where each model table's rows went."""

    def __init__(self, qdoc: QTextDocument):
        self.cursor = QTextCursor(qdoc)
        self.reuse_block = True       # a new document (and the spot after a table) has an empty block
        self.break_before = False
        self.placed: list[list[tuple[QTextTable, int, int, int]]] = []  # per Table: (qtable, head, first, end)
        self.signatures: list[tuple[QTextTable, int]] = []   # (sign-off row, index of the table it signs or -1)

    def char_format(self, style: TextStyle, bold: bool | None = None) -> QTextCharFormat:
        family = pick_family(style.font)
        fmt = QTextCharFormat()
        fmt.setFontFamilies(font_families(family))
        fmt.setFontPointSize(style.size_pt)
        if _FEATURES and hasattr(fmt, "setFontFeatures"):      # QTextCharFormat: Qt 6.10+
            fmt.setFontFeatures(_FEATURES)
        elif _FEATURES:                                           # Qt 6.9: through the QFont
            fmt.setFont(no_locl(fmt.font()), QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesSpecifiedOnly)
        want_bold = style.bold if bold is None else bold
        fmt.setFontWeight(QFont.Bold if want_bold and family not in HEAVY_FACES else QFont.Normal)
        return fmt

    def paragraph(self, text: str, style_name: str) -> None:
        style = STYLES[style_name]
        bf = QTextBlockFormat()
        bf.setAlignment(_ALIGN[style.align])
        bf.setTopMargin(px(style.space_before_pt))
        bf.setBottomMargin(px(style.space_after_pt))
        bf.setTextIndent(px(style.size_pt * style.indent_em))
        if self.break_before:
            bf.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
            self.break_before = False
        cf = self.char_format(style)
        if self.reuse_block:
            self.cursor.setBlockFormat(bf)
            self.cursor.setBlockCharFormat(cf)
            self.reuse_block = False
        else:
            self.cursor.insertBlock(bf, cf)
        self.cursor.insertText(text, cf)

    def table(self, rows: int, widths: list[float], header_rows: int = 0, ruled: bool = True,
              space_before_pt: float = 0.0, space_after_pt: float = 6.0) -> QTextTable:
        if not self.reuse_block:
            self.cursor.insertBlock(QTextBlockFormat(), self.char_format(STYLES["cell"]))
        fmt = QTextTableFormat()
        fmt.setWidth(QTextLength(QTextLength.PercentageLength, 100))
        total = sum(widths) or 1
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.PercentageLength, 100 * w / total) for w in widths])
        fmt.setCellSpacing(0)
        fmt.setCellPadding(px(3))
        fmt.setBorderCollapse(True)
        fmt.setBorder(px(0.75) if ruled else 0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle_Solid if ruled else QTextFrameFormat.BorderStyle_None)
        fmt.setBorderBrush(QBrush(Qt.black))
        fmt.setHeaderRowCount(header_rows)
        fmt.setTopMargin(px(space_before_pt))
        fmt.setBottomMargin(px(space_after_pt))
        if self.break_before:
            fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
            self.break_before = False
        table = self.cursor.insertTable(rows, len(widths), fmt)
        self.cursor.movePosition(QTextCursor.End)
        self.reuse_block = True
        return table

    def fill(self, table: QTextTable, row: int, col: int, text: str, style_name: str, *,
             align: str | None = None, bold: bool | None = None, fill: QColor | None = None,
             rowspan: int = 1, colspan: int = 1) -> None:
        style = STYLES[style_name]
        cell = table.cellAt(row, col)
        cell_fmt = cell.format().toTableCellFormat()
        cell_fmt.setVerticalAlignment(QTextCharFormat.AlignMiddle)
        if fill is not None:
            cell_fmt.setBackground(QBrush(fill))
        cell.setFormat(cell_fmt)  # before merging: setFormat would reset the span to 1
        if rowspan > 1 or colspan > 1:
            table.mergeCells(row, col, rowspan, colspan)
            cell = table.cellAt(row, col)
        cursor = cell.firstCursorPosition()
        bf = QTextBlockFormat()
        bf.setAlignment(_ALIGN[align or style.align])
        cursor.setBlockFormat(bf)
        cf = self.char_format(style, bold)
        cursor.mergeBlockCharFormat(cf)  # merge: the cell's own format (span, fill) lives there too
        cursor.insertText(text, cf)


def _add_table(b: ContentBuilder, t: Table, breaks: set[int]) -> None:
    """One QTextTable per run of body rows between `breaks`, each after a page break and
    each with the full header, so the printed table reads as one."""
    if t.caption:
        b.paragraph(t.caption, "caption")
    extra, body, totals = t.extra_header_rows(), t.body_rows(), t.totals()
    head = t.header_row_count
    aligns = [c.align for c in t.columns]
    widths = [float(w) + 2 for w in t.widths()]   # + the cell padding, so a date fits on one line
    starts = [0, *sorted(i for i in breaks if 0 < i < len(body))]
    segments = []
    for k, first in enumerate(starts):
        last = k == len(starts) - 1
        end = len(body) if last else starts[k + 1]
        if k:
            b.break_before = True
        n_rows = head + (end - first) + (1 if last and totals else 0)
        # No space after a part that fills its page: it would push the page break one page on.
        table = b.table(n_rows, widths, head, space_after_pt=6.0 if last else 0.0)
        for h in t.header_cells():
            b.fill(table, h.row, h.col, h.text, t.header_style, fill=HEADER_FILL,
                   rowspan=h.rowspan, colspan=h.colspan)
        for i, row in enumerate(extra):
            for col, cell in cell_positions(row):
                b.fill(table, t.title_rows + i, col, format_value(cell.value), t.header_style,
                       fill=HEADER_FILL, colspan=max(1, cell.colspan))
        for i, row in enumerate(body[first:end]):
            for col, cell in cell_positions(row):
                b.fill(table, head + i, col, format_value(cell.value), t.cell_style, align=aligns[col],
                       colspan=max(1, cell.colspan))
        if last and totals:
            for col, cell in cell_positions(totals):
                b.fill(table, n_rows - 1, col, format_value(cell.value), t.cell_style, align=aligns[col],
                       bold=True, colspan=max(1, cell.colspan))
        segments.append((table, head, first, end))
    b.placed.append(segments)


def _add_grid(b: ContentBuilder, grid: KeyValueGrid) -> None:
    lines = grid.lines()
    # Labels may wrap (a long one such as 乡镇科协意见（盖章）); single-width values such as an
    # 18-digit ID number should not, so the value columns are sized from them.
    label_w = min(max([text_width(f.label) for line in lines for f in line] + [4]) + 2, 14)
    values = [text_width(format_value(f.value, "prose")) for line in lines for f in line if f.span == 1]
    value_w = max(16, label_w, min(max(values + [0]) + 2, 26))
    table = b.table(len(lines), [label_w, value_w] * grid.columns)
    for r, line in enumerate(lines):
        col = 0
        for f in line:
            b.fill(table, r, col, f.label, "label", fill=LABEL_FILL)
            text = format_value(f.value, "prose") + "\u2028" * (max(1, f.min_lines) - 1)
            b.fill(table, r, col + 1, text, "cell", colspan=2 * f.span - 1)
            col += 2 * f.span


def _add_signatures(b: ContentBuilder, sig: SignatureLine) -> None:
    items = sig.items()
    table = b.table(1, [1.0] * len(items), ruled=False, space_before_pt=STYLES["signature"].space_before_pt)
    b.signatures.append((table, len(b.placed) - 1))
    for col, (label, value) in enumerate(items):
        b.fill(table, 0, col, label + value, "signature", align="left")


def _add_rule(b: ContentBuilder, rule: Rule) -> None:
    """A one-cell table with no padding and a 1 pt font: its border reads as a line."""
    table = b.table(1, [1.0], space_before_pt=2, space_after_pt=8)
    fmt = table.format()
    fmt.setCellPadding(0)
    fmt.setBorder(px(rule.width_pt))
    fmt.setBorderBrush(QBrush(QColor(rule.color)))
    table.setFormat(fmt)
    cursor = table.cellAt(0, 0).firstCursorPosition()
    cf = QTextCharFormat()
    cf.setFontPointSize(1)
    cursor.setBlockCharFormat(cf)
    bf = QTextBlockFormat()
    bf.setLineHeight(1.0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    cursor.setBlockFormat(bf)


def build_content(doc: Document, breaks: dict[int, set[int]]) -> tuple[QTextDocument, ContentBuilder]:
    qdoc = QTextDocument()
    qdoc.setUseDesignMetrics(True)   # glyph advances at print resolution, not screen hinting
    qdoc.setDocumentMargin(0)
    qdoc.setDefaultFont(QFont(pick_family("body"), 12))
    b = ContentBuilder(qdoc)
    b.paragraph(doc.title, "title")
    if doc.subtitle:
        b.paragraph(doc.subtitle, "subtitle")
    for block in doc.blocks:
        if isinstance(block, Heading):
            b.paragraph(block.text, block.style)
        elif isinstance(block, Paragraph):
            b.paragraph(format_value(block.text, "prose"), block.style)
        elif isinstance(block, KeyValueGrid):
            _add_grid(b, block)
        elif isinstance(block, Table):
            _add_table(b, block, breaks.get(len(b.placed), set()))
        elif isinstance(block, Spacer):
            for _ in range(block.lines):
                b.paragraph("", "body")
        elif isinstance(block, PageBreak):
            b.break_before = True
        elif isinstance(block, SignatureLine):
            _add_signatures(b, block)
        elif isinstance(block, Rule):
            _add_rule(b, block)
    return qdoc, b


