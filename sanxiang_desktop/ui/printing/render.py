"""Qt renderer for documents.model: QTextDocument for print preview, QPdfWriter for PDF.

Only QtGui is needed for PDF (no widgets), so the command line's `print --pdf` and a
worker thread can use `render_pdf`; `print_preview` pulls in widgets lazily.

Qt would split a table row across pages (a lone wrapped line at the top of the next page
under the repeated header) or stretch the last row of a page to the page bottom; instead a
table is cut into one QTextTable per page, each with the header rows, at rows chosen from
measured row heights (`_paginate`).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPagedPaintDevice,
                           QPainter, QPaintDevice, QPdfWriter, QTextDocument, QTextTable)

from sanxiang_desktop.core.files import atomic_write
from sanxiang_desktop.documents.model import FONT_PREFERENCES, PAGE_SIZES_MM, STYLES, Document
from sanxiang_desktop.ui.printing.pdf_text import fix_pdf_text, radical_substitutes
from sanxiang_desktop.ui.printing.layout import ContentBuilder, build_content, no_locl, pick_family

MARGIN_MM = 20.0
FOOTER_GAP_MM = 8.0        # from the bottom of the text area to the footer line
PDF_DPI = 300


def _row_extent(qdoc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    layout = qdoc.documentLayout()
    top, bottom = float("inf"), float("-inf")
    for col in range(table.columns()):
        cell = table.cellAt(row, col)
        if cell.row() != row or cell.column() != col:
            continue
        first = layout.blockBoundingRect(cell.firstCursorPosition().block())
        last = layout.blockBoundingRect(cell.lastCursorPosition().block())
        top, bottom = min(top, first.top()), max(bottom, last.bottom())
    return top, bottom


def _first_page_crossing(qdoc: QTextDocument, b: ContentBuilder) -> tuple[int, int] | None:
    """(table, body row) of the first row that Qt split across two pages or moved to the
    next one (stretching the row above it to the page bottom)."""
    page = qdoc.pageSize().height()
    for ti, segments in enumerate(b.placed):
        last_page = None
        for table, head, first, end in segments:
            top_page = int(_row_extent(qdoc, table, 0)[0] // page)
            if last_page is not None and top_page > last_page + 1:
                return ti, first - 1      # a page left blank: end the part before one row earlier
            last_page = int((_row_extent(qdoc, table, table.rows() - 1)[1] - 1) // page)
            previous = None
            for r in range(head, table.rows() if end > first else head):
                top, bottom = _row_extent(qdoc, table, r)
                if top >= bottom:
                    continue
                top_page = int(top // page)
                if top_page != int((bottom - 1) // page) or (previous is not None and top_page != previous):
                    return ti, min(first + r - head, end - 1)
                previous = top_page
    return None


def _orphaned_signature(qdoc: QTextDocument, b: ContentBuilder) -> int | None:
    """Index of a table whose sign-off row starts a page after the table's last row ends
    (signers must sign on the page of what they sign), or None."""
    page = qdoc.pageSize().height()
    for sig, ti in b.signatures:
        if ti < 0:
            continue
        table = b.placed[ti][-1][0]
        end_page = int((_row_extent(qdoc, table, table.rows() - 1)[1] - 1) // page)
        if int(_row_extent(qdoc, sig, 0)[0] // page) > end_page:
            return ti
    return None


def _row_heights(qdoc: QTextDocument, b: ContentBuilder) -> list[tuple[float, list[float]]]:
    """Per table (laid out unpaginated, so rows have their own heights): the header height,
    and each body row's height (the totals row added to the last)."""
    layout = qdoc.documentLayout()
    out = []
    for [(table, head, _first, end)] in b.placed:
        frame = layout.frameBoundingRect(table)
        tops = [_row_extent(qdoc, table, r)[0] for r in range(table.rows())] + [frame.bottom()]
        header = tops[head] - frame.top() if head < table.rows() else frame.height()
        heights = [tops[r + 1] - tops[r] for r in range(head, head + end)]
        if heights and table.rows() > head + end:      # totals row: keep it with the last row
            heights[-1] += tops[-1] - tops[head + end]
        out.append((header, heights))
    return out


def _paginate(doc: Document, device: QPaintDevice | None, dpi: float, size: QSizeF) -> QTextDocument:
    def laid_out(breaks):
        qdoc, b = build_content(doc, breaks)
        if device is not None:
            qdoc.documentLayout().setPaintDevice(device)
        return qdoc, b

    qdoc, b = laid_out({})
    qdoc.setTextWidth(size.width())
    measured = _row_heights(qdoc, b) if b.placed else []
    qdoc.setPageSize(size)
    breaks: dict[int, set[int]] = {}
    for _ in range(12):   # one round per table that spans pages, plus the odd correction
        split = _first_page_crossing(qdoc, b)
        if split is None:
            orphan = _orphaned_signature(qdoc, b)
            if orphan is None or len(measured[orphan][1]) < 2:
                return qdoc
            # Carry the last two rows over with the sign-off (the totals row goes with them).
            split = (orphan, len(measured[orphan][1]) - 2)
            if split[1] in breaks.get(orphan, set()):
                return qdoc
        ti, row = split
        header, heights = measured[ti]
        kept = {r for r in breaks.get(ti, set()) if r < row} | {row}
        room, used = size.height() - 4 * dpi / 72, header + heights[row]   # 4 pt to spare
        for r in range(row + 1, len(heights)):
            if used + heights[r] > room:
                kept.add(r)
                used = header
            used += heights[r]
        if breaks.get(ti) == kept:
            return qdoc   # a row taller than a page: let Qt split it
        breaks[ti] = kept
        qdoc, b = laid_out(breaks)
        qdoc.setPageSize(size)
    return qdoc


def margins_mm(doc: Document) -> tuple[float, float, float, float]:
    """(top, right, bottom, left) of `doc`, in millimetres."""
    return doc.margins_mm or (MARGIN_MM,) * 4


def _text_area(doc: Document, device: QPaintDevice | None) -> tuple[float, QSizeF]:
    """(dpi, size of the text area in device pixels)."""
    if device is not None:
        dpi = float(device.logicalDpiY())
        page_w, page_h = float(device.width()), float(device.height())
    else:
        screen = QGuiApplication.primaryScreen()
        dpi = float(screen.logicalDotsPerInchY()) if screen else 96.0
        w_mm, h_mm = PAGE_SIZES_MM[doc.page]
        if doc.orientation == "landscape":
            w_mm, h_mm = h_mm, w_mm
        page_w, page_h = w_mm * dpi / 25.4, h_mm * dpi / 25.4
    top, right, bottom, left = (m * dpi / 25.4 for m in margins_mm(doc))
    return dpi, QSizeF(page_w - left - right, page_h - top - bottom)


def document_to_qtextdocument(doc: Document, device: QPaintDevice | None = None) -> QTextDocument:
    """`doc` laid out and paginated for `device` (a QPdfWriter, or a QPrinter in full-page
    mode), or for the screen without one. The page size is the text area inside the margins."""
    return _paginate(doc, device, *_text_area(doc, device))


def page_layout(doc: Document) -> QPageLayout:
    size = QPageSize(QPageSize.A3 if doc.page == "A3" else QPageSize.A4)
    orientation = QPageLayout.Landscape if doc.orientation == "landscape" else QPageLayout.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter)


def paint_document(doc: Document, device: QPagedPaintDevice) -> int:
    """Paint every page with its footer on `device`, which must cover the full page
    (QPdfWriter with zero margins, QPrinter with setFullPage(True)). Returns the page count."""
    dpi, size = _text_area(doc, device)
    qdoc = _paginate(doc, device, dpi, size)
    top, _right, bottom, left = (m * dpi / 25.4 for m in margins_mm(doc))
    pages = max(1, qdoc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start painting (is the output file writable?) / "
                      "无法开始绘制（输出文件是否可写？）")
    try:
        footer_font = QFont(pick_family("body"))
        footer_font.setPointSizeF(STYLES["footer"].size_pt)
        no_locl(footer_font)
        # The footer sits in the bottom margin: GB/T 9704 puts the number about 7 mm below the text.
        gap = min(FOOTER_GAP_MM * dpi / 25.4, bottom * 0.4)
        footer_top = top + size.height() + gap
        footer_rect = QRectF(left, footer_top, size.width(), STYLES["footer"].size_pt * dpi / 72 * 2)
        for page in range(pages):
            if page and not device.newPage():
                raise OSError("cannot start a new page / 无法新建页面")
            painter.save()
            painter.translate(left, top - page * size.height())
            # A few pixels of slack sideways so the outer table rules are not clipped.
            qdoc.drawContents(painter, QRectF(-4, page * size.height(), size.width() + 8, size.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.black)
            number = doc.page_number_text(page + 1, pages)
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
    def write(tmp: Path) -> int:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(doc))
        writer.setTitle(doc.title)
        writer.setCreator("sanxiang-desktop")
        pages = paint_document(doc, writer)
        del writer  # the file is complete once the painter has ended
        fix_pdf_text(tmp, radical_substitutes({pick_family(r) for r in FONT_PREFERENCES}))
        return pages

    return atomic_write(path, write)


def make_print_preview(doc: Document, parent=None):
    """A QPrintPreviewDialog showing `doc`; the caller shows or exec()s it."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(doc))
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
