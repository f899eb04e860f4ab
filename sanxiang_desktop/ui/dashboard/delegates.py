"""Painting the dashboard's cells with Qt's own painter (QtCharts is not part of PySide6-Essentials):
traffic-light dots before the text, and activity bars with the 5–6 target marked."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.ui.dashboard.model import BAR_ROLE, LIGHTS_ROLE
from sanxiang_desktop.ui.lists.column_fit import ElidedTooltipDelegate

# Darker than pure traffic colours so they read on white and in a grey-scale printout.
LIGHT_COLOURS = {
    ind.GREEN: QColor("#2e7d32"),
    ind.YELLOW: QColor("#f2a900"),
    ind.RED: QColor("#c62828"),
    ind.GREY: QColor("#9e9e9e"),
}
DOT_SPACING = 3
DOT_SIZE = 12                  # at most; smaller in rows lower than 22 pixels
# left and right of the cell, between the dots and the text, and air: elidedText works with fractional
# advances, and a text measured at exactly its integer width may still lose its last character
LIGHT_PADDING = 4 + 4 + 2 + 6
BAR_SCALE = 2 * ind.ACTIVITY_TARGET       # a full bar is twice the target; more is drawn as a full bar


def light_colour(light: str) -> QColor:
    return LIGHT_COLOURS.get(light, LIGHT_COLOURS[ind.GREY])


def light_brush(light: str) -> QColor | Qt.BrushStyle:
    """A filled dot for a judgement; an empty ring for GREY (not entered / nothing to count), so grey
    fill keeps its one meaning, "another unit's record", in the lists."""
    return Qt.BrushStyle.NoBrush if light not in (ind.GREEN, ind.YELLOW, ind.RED) else light_colour(light)


def light_text(light: str) -> str:
    """What a light means, in the current language (the dashboard's legend)."""
    return {
        ind.GREEN: QCoreApplication.translate("LightLegend", "met"),
        ind.YELLOW: QCoreApplication.translate("LightLegend", "partly met or due soon"),
        ind.RED: QCoreApplication.translate("LightLegend", "lacking or overdue"),
        ind.GREY: QCoreApplication.translate("LightLegend", "not entered or nothing to count"),
    }[light]


class LightLegend(QLabel):
    """The line under the dashboard saying what its dots mean."""

    LIGHTS = (ind.GREEN, ind.YELLOW, ind.RED, ind.GREY)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("light_legend")
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        items = [f'<span style="color:{light_colour(light).name()}">{"●" if light != ind.GREY else "○"}</span> '
                 f'{light_text(light)}' for light in self.LIGHTS]
        caption = QCoreApplication.translate("RowLegend", "Colours:")
        self.setText(f"{caption} " + "&nbsp;&nbsp;&nbsp;".join(items))


def _prepare(option: QStyleOptionViewItem, index: QModelIndex, delegate: QStyledItemDelegate,
             painter: QPainter) -> QStyleOptionViewItem:
    """Draw the cell's background and selection as the style does, without its text."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    return opt


def _text_colour(opt: QStyleOptionViewItem) -> QColor:
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    return opt.palette.highlightedText().color() if selected else opt.palette.text().color()


def light_cell_needs(metrics, text: str, lights: int) -> int:
    """Pixels a light cell needs to show its dots and `text` uncut (what LightDelegate.paint draws)."""
    return LIGHT_PADDING + lights * (DOT_SIZE + DOT_SPACING) + metrics.horizontalAdvance(text)


class LightDelegate(ElidedTooltipDelegate):
    """One dot per light in LIGHTS_ROLE, then the cell's text (its full text as the tooltip when cut)."""

    def elided_text(self, option: QStyleOptionViewItem, index, view) -> str:
        lights = index.data(LIGHTS_ROLE)
        if not lights:
            return super().elided_text(option, index, view)
        text = str(index.data() or "")
        cut = light_cell_needs(option.fontMetrics, text, len(lights)) > option.rect.width()
        return text if text and cut else ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        lights = index.data(LIGHTS_ROLE)
        if not lights:
            super().paint(painter, option, index)
            return
        opt = _prepare(option, index, self, painter)
        rect = opt.rect.adjusted(4, 0, -4, 0)
        size = max(8, min(DOT_SIZE, rect.height() - 10))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = rect.left()
        for light in lights:
            colour = light_colour(light)
            painter.setPen(QPen(colour.darker(130), 1))
            painter.setBrush(light_brush(light))
            painter.drawEllipse(QRectF(x, rect.center().y() - size / 2 + 0.5, size, size))
            x += size + DOT_SPACING
        painter.setPen(_text_colour(opt))
        text_rect = rect.adjusted(x - rect.left() + 2, 0, 0, 0)
        text = opt.fontMetrics.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        lights = index.data(LIGHTS_ROLE) or []
        return QSize(hint.width() + len(lights) * (12 + DOT_SPACING) + 6, hint.height())


class BarDelegate(QStyledItemDelegate):
    """A bar for the count (coloured by its light), a band for the 5–6 target, the number on the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        value = index.data(BAR_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        count, light = value
        opt = _prepare(option, index, self, painter)
        rect = opt.rect.adjusted(4, 0, -4, 0)
        number = str(count)
        number_width = opt.fontMetrics.horizontalAdvance("888") + 4
        bar_area = QRectF(rect.left(), rect.center().y() - 5, max(10, rect.width() - number_width - 4), 10)
        per_unit = bar_area.width() / BAR_SCALE
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 18))
        painter.drawRect(bar_area)
        band = QRectF(bar_area.left() + per_unit * ind.ACTIVITY_TARGET, bar_area.top() - 3,
                      per_unit * (ind.ACTIVITY_GOOD - ind.ACTIVITY_TARGET), bar_area.height() + 6)
        painter.setBrush(QColor(46, 125, 50, 40))
        painter.drawRect(band)
        if count:
            bar = QRectF(bar_area.left(), bar_area.top(), per_unit * min(count, BAR_SCALE), bar_area.height())
            painter.setBrush(light_colour(light))
            painter.drawRect(bar)
        painter.setPen(QPen(QColor("#37474f"), 1.5))
        x = band.left()
        painter.drawLine(QLineF(x, band.top(), x, band.bottom()))
        painter.setPen(_text_colour(opt))
        text_rect = QRectF(rect.right() - number_width, rect.top(), number_width, rect.height())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
        painter.restore()
