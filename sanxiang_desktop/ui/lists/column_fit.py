"""Column widths shared by content, and tooltips for what still does not fit (issue 11, item 11).

A list's columns get the width their header and their loaded values need; when the table is too
narrow for all of them, the short columns (dates, counts, names) keep what they need and the long
ones share the rest equally up to their need ("water filling"), so no short value is cut to leave
an empty band in the last column. Room left over goes to the long text columns. A cell that is
still elided shows its full text as a tooltip (ElidedTooltipDelegate).
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QToolTip, QWidget)

# What a cell needs besides its text: Qt's item text margin (PM_FocusFrameHMargin + 1 on each side)
# and the grid line, with a little air so a value never touches the next column.
CELL_PADDING = 14
# How many loaded rows are measured: the first page is what the clerk sees when the list opens.
SAMPLE_ROWS = 200


def cell_margin(widget: QWidget | None = None) -> int:
    """Pixels Qt's item delegate keeps around a cell's text (left + right), as QCommonStyle draws it."""
    style = widget.style() if widget is not None else QApplication.style()
    return 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)


def header_needs(metrics: QFontMetrics, title: str, widget: QWidget | None = None) -> int:
    """Width a header section needs for its (possibly two-line) title and the sort arrow."""
    style = widget.style() if widget is not None else QApplication.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, widget)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, widget)
    widest = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0)
    return widest + 4 * margin + arrow


def share_widths(needs: Sequence[int], floors: Sequence[int], available: int,
                 stretch: Sequence[bool], spread: bool = False) -> list[int]:
    """Widths for columns needing `needs` pixels in `available` pixels.

    Each column gets at least its floor (its header). When everything fits, the surplus goes to the
    widest of the `stretch` columns (to the last column when none stretches), or, with `spread`, to
    all of them in proportion to their need. When it
    does not, the narrow columns keep their need and the wide ones share what is left equally,
    none more than it needs (water filling); when the floors alone do not fit, every column gets its
    need (the table scrolls). Returns one width per column; the sum exceeds `available` only then.
    """
    n = len(needs)
    needs = [max(int(w), int(f)) for w, f in zip(needs, floors)]
    total = sum(needs)
    if total <= available:
        widths = list(needs)
        takers = [i for i in range(n) if stretch[i]] or ([n - 1] if n else [])
        if takers and spread:
            weight = sum(needs[i] for i in takers) or 1
            for i in takers:
                widths[i] += (available - total) * needs[i] // weight
            widths[takers[-1]] += available - sum(widths)       # rounding: filled to the pixel
        elif takers:    # the widest long text (a title, a note) takes it all: the others stay compact
            widths[max(takers, key=lambda i: needs[i])] += available - total
        return widths
    widths = [int(f) for f in floors]
    left = available - sum(widths)
    if left <= 0:
        # even the headers do not fit (150 % display scaling): the table scrolls sideways anyway, so
        # every column keeps what it needs and nothing is cut
        return needs
    # share `left` over what each column wants beyond its floor, smallest wants first
    wants = sorted(range(n), key=lambda i: needs[i] - widths[i])
    for k, i in enumerate(wants):
        share = left // (n - k)
        give = min(needs[i] - widths[i], share)
        widths[i] += give
        left -= give
    return widths


class ElidedTooltipDelegate(QStyledItemDelegate):
    """Qt's item delegate, whose tooltip is a cell's full text when the cell shows it elided (followed
    by the row's own tooltip, if any); otherwise the row's tooltip as before."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event is not None and event.type() == QEvent.Type.ToolTip and index.isValid():
            full = self.elided_text(option, index, view)
            if full:
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                QToolTip.showText(event.globalPos(), f"{full}\n{tip}" if tip else full, view)
                return True
        return super().helpEvent(event, view, option, index)

    def elided_text(self, option: QStyleOptionViewItem, index, view: QWidget | None) -> str:
        """The cell's full text when it does not fit the cell, else ""."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text or ""
        if not text:
            return ""
        style = view.style() if view is not None else QApplication.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
        room = rect.width() - cell_margin(view)
        return text if opt.fontMetrics.horizontalAdvance(text) > room else ""
