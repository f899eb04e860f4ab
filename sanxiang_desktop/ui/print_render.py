"""Qt renderer for documents.model: QTextDocument for print preview, QPdfWriter for PDF.

Only QtGui is needed for PDF (no widgets), so the command line's `print --pdf` and a
worker thread can use `render_pdf`; `print_preview` pulls in widgets lazily.

Lengths are computed in the layout device's pixels (the PDF writer or printer), so
the same code lays out a page at 300 dpi for PDF or at a printer's resolution.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontDatabase, QGuiApplication, QPageLayout,
                           QPageSize, QPagedPaintDevice, QPainter, QPaintDevice, QPdfWriter,
                           QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
                           QTextFormat, QTextFrameFormat, QTextLength, QTextTableCellFormat,
                           QTextTableFormat)

from sanxiang_desktop.documents.model import (
    FONT_PREFERENCES, HEAVY_FACES, PAGE_SIZES_MM, STYLES, Document, Heading, KeyValueGrid,
    PageBreak, Paragraph, SignatureLine, Spacer, Table, TextStyle, cell_positions, format_value,
    text_width)

MARGIN_MM = 20.0
FOOTER_GAP_MM = 8.0        # from the bottom of the text area to the footer line
PDF_DPI = 300
HEADER_FILL = QColor("#e6e6e6")
LABEL_FILL = QColor("#f0f0f0")
_ALIGN = {"left": Qt.AlignLeft, "center": Qt.AlignHCenter, "right": Qt.AlignRight}
_family_cache: dict[str, str] = {}


def pick_family(role: str) -> str:
    """The first installed family from the role's preference list (then the body list)."""
    if role not in _family_cache:
        installed = set(QFontDatabase.families())
        prefs = (*FONT_PREFERENCES[role], *FONT_PREFERENCES["body"])  # type: ignore[index]
        _family_cache[role] = next((f for f in prefs if f in installed), QFont().defaultFamily())
    return _family_cache[role]


class _Builder:
    """Fills a QTextDocument block by block; `px` converts points to device pixels."""

    def __init__(self, qdoc: QTextDocument, dpi: float, width_px: float):
        self.qdoc, self.dpi, self.width = qdoc, dpi, width_px
        self.cursor = QTextCursor(qdoc)
        self.reuse_block = True       # the document (and the spot after a table) starts with an empty block
        self.break_before = False

    def px(self, points: float) -> float:
        return points * self.dpi / 72.0

    def char_format(self, style: TextStyle, bold: bool | None = None) -> QTextCharFormat:
        family = pick_family(style.font)
        fmt = QTextCharFormat()
        fmt.setFontFamilies([family, *FONT_PREFERENCES["body"]])
        fmt.setFontPointSize(style.size_pt)
        want_bold = style.bold if bold is None else bold
        fmt.setFontWeight(QFont.Bold if want_bold and family not in HEAVY_FACES else QFont.Normal)
        return fmt

    def block_format(self, style: TextStyle) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setAlignment(_ALIGN[style.align])
        fmt.setTopMargin(self.px(style.space_before_pt))
        fmt.setBottomMargin(self.px(style.space_after_pt))
        if self.break_before:
            fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
            self.break_before = False
        return fmt

    def paragraph(self, text: str, style_name: str) -> None:
        style = STYLES[style_name]
        bf, cf = self.block_format(style), self.char_format(style)
        if self.reuse_block:
            self.cursor.setBlockFormat(bf)
            self.cursor.setBlockCharFormat(cf)
            self.reuse_block = False
        else:
            self.cursor.insertBlock(bf, cf)
        self.cursor.insertText(text, cf)

    def table(self, rows: int, widths: list[float], header_rows: int = 0, ruled: bool = True,
              space_before_pt: float = 0.0):
        if not self.reuse_block:
            self.cursor.insertBlock(QTextBlockFormat(), self.char_format(STYLES["cell"]))
        fmt = QTextTableFormat()
        fmt.setWidth(QTextLength(QTextLength.PercentageLength, 100))
        total = sum(widths) or 1
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.PercentageLength, 100 * w / total) for w in widths])
        fmt.setCellSpacing(0)
        fmt.setCellPadding(self.px(3))
        fmt.setBorderCollapse(True)
        fmt.setBorder(self.px(0.75) if ruled else 0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle_Solid if ruled else QTextFrameFormat.BorderStyle_None)
        fmt.setBorderBrush(QBrush(Qt.black))
        fmt.setHeaderRowCount(header_rows)
        fmt.setTopMargin(self.px(space_before_pt))
        fmt.setBottomMargin(self.px(6))
        if self.break_before:
            fmt.setPageBreakPolicy(QTextFormat.PageBreak_AlwaysBefore)
            self.break_before = False
        table = self.cursor.insertTable(rows, len(widths), fmt)
        self.cursor.movePosition(QTextCursor.End)
        self.reuse_block = True
        return table

    def fill(self, table, row: int, col: int, text: str, style_name: str, *, align: str | None = None,
             bold: bool | None = None, fill: QColor | None = None, rowspan: int = 1, colspan: int = 1) -> None:
        if rowspan > 1 or colspan > 1:
            table.mergeCells(row, col, rowspan, colspan)
        style = STYLES[style_name]
        cell = table.cellAt(row, col)
        if fill is not None:
            cell_fmt = cell.format().toTableCellFormat()
            cell_fmt.setBackground(QBrush(fill))
            cell.setFormat(cell_fmt)
        cursor = cell.firstCursorPosition()
        bf = QTextBlockFormat()
        bf.setAlignment(_ALIGN[align or style.align] | Qt.AlignVCenter)
        cursor.setBlockFormat(bf)
        cf = self.char_format(style, bold)
        cursor.setBlockCharFormat(cf)
        cursor.insertText(text, cf)


def _add_table(b: _Builder, t: Table) -> None:
    if t.caption:
        b.paragraph(t.caption, "caption")
    body = [*t.extra_header_rows(), *t.body_rows()]
    totals = t.totals()
    n_rows = t.title_rows + len(body) + (1 if totals else 0)
    table = b.table(n_rows, [float(w) for w in t.widths()], t.header_row_count)
    for h in t.header_cells():
        b.fill(table, h.row, h.col, h.text, "table_header", fill=HEADER_FILL,
               rowspan=h.rowspan, colspan=h.colspan)
    aligns = [c.align for c in t.columns]
    for i, row in enumerate(body):
        r = t.title_rows + i
        is_header = i < t.header_rows - 1
        for col, cell in cell_positions(row):
            b.fill(table, r, col, format_value(cell.value), "table_header" if is_header else "cell",
                   align="center" if is_header else aligns[col],
                   fill=HEADER_FILL if is_header else None, colspan=max(1, cell.colspan))
    if totals:
        for col, cell in cell_positions(totals):
            b.fill(table, n_rows - 1, col, format_value(cell.value), "cell", align=aligns[col],
                   bold=True, colspan=max(1, cell.colspan))


def _add_grid(b: _Builder, grid: KeyValueGrid) -> None:
    lines = grid.lines()
    label_w = max([text_width(f.label) for line in lines for f in line] + [4]) + 2
    value_w = max(label_w, 16)
    table = b.table(len(lines), [label_w, value_w] * grid.columns)
    for r, line in enumerate(lines):
        col = 0
        for f in line:
            b.fill(table, r, col, f.label, "label", fill=LABEL_FILL)
            text = format_value(f.value, "prose") + "\u2028" * (max(1, f.min_lines) - 1)
            b.fill(table, r, col + 1, text, "cell", colspan=2 * f.span - 1)
            col += 2 * f.span


def _add_signatures(b: _Builder, sig: SignatureLine) -> None:
    items = sig.items()
    table = b.table(1, [1.0] * len(items), ruled=False, space_before_pt=STYLES["signature"].space_before_pt)
    for col, (label, value) in enumerate(items):
        b.fill(table, 0, col, label + value, "signature", align="left")


def document_to_qtextdocument(doc: Document, device: QPaintDevice | None = None) -> QTextDocument:
    """Lay `doc` out for `device` (a QPdfWriter or QPrinter set to full-page mode); without a
    device, for the screen. Paginated: page size is the text area inside the margins."""
    qdoc = QTextDocument()
    qdoc.setUseDesignMetrics(True)   # glyph advances at print resolution, not screen hinting
    qdoc.setDocumentMargin(0)
    if device is not None:
        qdoc.documentLayout().setPaintDevice(device)
        dpi = float(device.logicalDpiY())
        page_w, page_h = device.width(), device.height()
    else:
        screen = QGuiApplication.primaryScreen()
        dpi = float(screen.logicalDotsPerInchY()) if screen else 96.0
        w_mm, h_mm = PAGE_SIZES_MM[doc.page]
        if doc.orientation == "landscape":
            w_mm, h_mm = h_mm, w_mm
        page_w, page_h = w_mm * dpi / 25.4, h_mm * dpi / 25.4
    margin = MARGIN_MM * dpi / 25.4
    text_w, text_h = page_w - 2 * margin, page_h - 2 * margin
    qdoc.setPageSize(QSizeF(text_w, text_h))
    qdoc.setDefaultFont(QFont(pick_family("body"), 12))

    b = _Builder(qdoc, dpi, text_w)
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
            _add_table(b, block)
        elif isinstance(block, Spacer):
            for _ in range(block.lines):
                b.paragraph("", "body")
        elif isinstance(block, PageBreak):
            b.break_before = True
        elif isinstance(block, SignatureLine):
            _add_signatures(b, block)
    return qdoc


def _page_layout(doc: Document) -> QPageLayout:
    size = QPageSize(QPageSize.A3 if doc.page == "A3" else QPageSize.A4)
    orientation = QPageLayout.Landscape if doc.orientation == "landscape" else QPageLayout.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter)


def paint_document(doc: Document, device: QPagedPaintDevice) -> int:
    """Paint every page with its footer on `device`, which must cover the full page
    (QPdfWriter with zero margins, QPrinter with setFullPage(True)). Returns the page count."""
    qdoc = document_to_qtextdocument(doc, device)
    dpi = float(device.logicalDpiY())
    margin = MARGIN_MM * dpi / 25.4
    size = qdoc.pageSize()
    pages = max(1, qdoc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?) / 无法开始绘制（输出文件是否可写？）")
    try:
        footer_font = QFont(pick_family("body"))
        footer_font.setPointSizeF(STYLES["footer"].size_pt)
        footer_top = margin + size.height() + FOOTER_GAP_MM * dpi / 25.4
        footer_rect = QRectF(margin, footer_top, size.width(), footer_font.pointSizeF() * dpi / 72 * 2)
        for page in range(pages):
            if page and not device.newPage():
                raise OSError("cannot start a new page / 无法新建页面")
            painter.save()
            painter.translate(margin, margin - page * size.height())
            # A few pixels of slack sideways so the outer table rules are not clipped.
            qdoc.drawContents(painter, QRectF(-4, page * size.height(), size.width() + 8, size.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.black)
            number = f"第 {page + 1} 页 共 {pages} 页"
            if doc.footer_text:
                painter.drawText(footer_rect, int(Qt.AlignLeft | Qt.AlignTop), doc.footer_text)
                painter.drawText(footer_rect, int(Qt.AlignRight | Qt.AlignTop), number)
            else:
                painter.drawText(footer_rect, int(Qt.AlignHCenter | Qt.AlignTop), number)
    finally:
        painter.end()
    return pages


def render_pdf(doc: Document, path: str | os.PathLike[str]) -> int:
    """Write `doc` as a PDF (atomically: a failed render leaves no half-written file).
    Returns the number of pages. Needs a QGuiApplication (offscreen is fine)."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(_page_layout(doc))
        writer.setTitle(doc.title)
        writer.setCreator("sanxiang-desktop")
        pages = paint_document(doc, writer)
        del writer  # the file is complete once the painter ended; drop the handle before the rename
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def make_print_preview(doc: Document, parent=None):
    """A QPrintPreviewDialog showing `doc`; the caller shows or exec()s it."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(doc))
    printer.setDocName(doc.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 - {doc.title}")
    dialog._printer = printer  # the dialog does not own the printer: keep it alive with it

    def paint(p: QPrinter) -> None:
        p.setFullPage(True)  # the page-setup dialog may have turned it off
        paint_document(doc, p)

    dialog.paintRequested.connect(paint)
    return dialog


def print_preview(doc: Document, parent=None) -> int:
    """Open the print preview modally; returns the dialog's result code."""
    return make_print_preview(doc, parent).exec()
