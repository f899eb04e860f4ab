"""The city dashboard's county cards (issue 11, item 14): per county, what the city checks of the county
association itself — 领导小组 set up, this year's 工作方案 filed, its 时间节点 met — each as a light
and words, so the meaning never rests on colour alone.

A card takes the keyboard focus (Tab), shows it with a frame, and Enter, Space or a click opens
the county (its own dashboard, with the cards and table of its townships).
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sanxiang_desktop.core.indicators import CountyIndicators
from sanxiang_desktop.ui.dashboard.checklist import dot_icon

COUNTY_COLUMNS = 6
_FOCUS_STYLE = ("QFrame#county_card { border: 1px solid #c5ccd3; border-radius: 3px; }"
                "QFrame#county_card:focus { border: 2px solid palette(highlight); }")


class CountyCard(QFrame):
    activated = Signal(str)                  # the county's code

    def __init__(self, county: CountyIndicators, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("county_card")
        self.code = county.code
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(_FOCUS_STYLE)
        self.name_label = QLabel(county.name, self)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(1)
        layout.addWidget(self.name_label)
        self.lines: dict[str, tuple[str, str]] = {}      # key: (light, text), what a test or a reader checks
        for key, light, text in self.facts(county):
            self.lines[key] = (light, text)
            row = QHBoxLayout()
            row.setSpacing(4)
            dot = QLabel(self)
            dot.setPixmap(dot_icon(light, 10).pixmap(10, 10))
            row.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
            line = QLabel(text, self)
            line.setWordWrap(True)      # a narrow window wraps a line rather than squeezing the unit tree
            row.addWidget(line, 1)
            layout.addLayout(row)
        self.setToolTip(self.milestones_tip + "\n" + self.tr("Enter or a click opens {county}").format(
            county=county.name))
        self.setAccessibleName(county.name + ": " + "; ".join(t for _l, t in self.lines.values()))

    def facts(self, c: CountyIndicators) -> list[tuple[str, str, str]]:
        total, late = c.milestones_total, c.milestones_overdue
        # short enough for a sixth of a 1366-pixel window; the tooltip says it in full
        if not total:
            milestones = self.tr("Milestones: none set")
        elif late:
            milestones = self.tr("Milestones: {late} late").format(late=late)
        else:
            milestones = self.tr("Milestones: {done}/{total} on time").format(done=c.milestones_on_time, total=total)
        self.milestones_tip = self.tr("{done} of {total} milestones met on time, {late} late or overdue, "
                                      "{pending} not yet due").format(
            done=c.milestones_on_time, total=total, late=late, pending=total - c.milestones_due)
        return [
            ("leading_group", c.leading_group_light,
             self.tr("Leading group set up") if c.leading_group else self.tr("No leading group")),
            ("work_plan", c.work_plan_light,
             self.tr("Work plan filed") if c.work_plan_filed else self.tr("Work plan not filed")),
            ("milestones", c.milestones_light, milestones),
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.code)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.code)
        super().mouseReleaseEvent(event)


class CountyCards(QWidget):
    """One CountyCard per county of the city, COUNTY_COLUMNS to a row."""

    county_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("county_cards")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.cards: dict[str, CountyCard] = {}

    def set_counties(self, counties: list[CountyIndicators]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.cards.clear()
        for county in counties:
            card = CountyCard(county, self)
            card.activated.connect(self.county_chosen)
            self.cards[county.code] = card
        self._place(self.columns_for(self.width()) if self.isVisible() else COUNTY_COLUMNS)

    def columns_for(self, width: int) -> int:
        """COUNTY_COLUMNS to a row, fewer where a card would be cut (150 % display scaling)."""
        cell = max((c.minimumSizeHint().width() for c in self.cards.values()), default=0) + self.grid.spacing()
        return max(1, min(COUNTY_COLUMNS, width // cell)) if cell > self.grid.spacing() else COUNTY_COLUMNS

    def _place(self, columns: int) -> None:
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for column in range(COUNTY_COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns
        for i, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, i // columns, i % columns)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """One card's width: the cards reflow into more rows rather than widen the window."""
        hint = super().minimumSizeHint()
        if not self.cards:
            return hint
        return QSize(max(c.minimumSizeHint().width() for c in self.cards.values()), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        columns = self.columns_for(event.size().width())
        if self.cards and columns != getattr(self, "_columns", COUNTY_COLUMNS):
            self._place(columns)

