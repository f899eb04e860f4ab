"""The two smaller parts of the dashboard: a township's own ✓/✗ checklist, and the totals shown as
cards above a county's or the city's table. Both are built from core.indicators' dataclasses; every
light comes from there too."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout,
                               QWidget)

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.ui.dashboard.delegates import light_brush, light_colour
from sanxiang_desktop.ui.dashboard.model import (PAGE_ACTIVITIES, PAGE_ASSOCIATION, PAGE_EXCHANGE, PAGE_LEADERSHIP,
                                                  PAGE_VILLAGES, PAGE_VISITS, label)

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 2
CARD_COLUMNS = 6


def dot_icon(light: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = light_colour(light)
    painter.setPen(colour.darker(130))
    painter.setBrush(light_brush(light))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class Checklist(QListWidget):
    """A township's facts as a list of ✓/✗ lines; clicking one opens the records behind it."""

    open_requested = Signal(str, dict)       # page key, filter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist")
        self.setIconSize(QSize(14, 14))
        self.setSpacing(2)
        self.itemClicked.connect(self._open)
        self.itemActivated.connect(self._open)

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:
            self.open_requested.emit(target[0], dict(target[1]))

    def _add(self, light: str, text: str, page: str | None = None, extra: dict | None = None) -> None:
        mark = {ind.GREEN: "✓", ind.RED: "✗", ind.YELLOW: "!"}.get(light, "–")
        item = QListWidgetItem(dot_icon(light), f"{mark}  {text}", self)
        item.setData(LIGHT_ROLE, light)
        if page:
            item.setData(TARGET_ROLE, (page, extra or {}))
            item.setToolTip(self.tr("Click to open the records behind this line."))

    def _section(self, text: str) -> None:
        item = QListWidgetItem(text, self)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)        # a heading: not selectable, not clickable

    def set_township(self, t: ind.TownshipIndicators, year: int, show_package: bool) -> None:
        self.clear()
        self._section(self.tr("Organisation"))
        if t.established:
            self._add(ind.GREEN, self.tr("Science association established"), PAGE_ASSOCIATION)
        else:
            self._add(ind.RED, self.tr("No science association established yet"), PAGE_ASSOCIATION)
        self._add(t.term_light, self._term_text(t), PAGE_ASSOCIATION)
        self._section(self.tr("The three key persons"))
        slot_text = {"hospital": self.tr("Hospital head serves as vice-chair"),
                     "school": self.tr("School principal serves as vice-chair"),
                     "agri": self.tr("Agricultural station head serves as vice-chair")}
        for slot in ind.SLOTS:
            self._add(t.slot_lights[slot], slot_text[slot], PAGE_LEADERSHIP)
        self._section(self.tr("Guidance from the upper level"))
        if t.visits:
            text = self.tr("Visited by the upper level {count} times this year, last on {date}").format(
                count=t.visits, date=t.last_visit)
        else:
            text = self.tr("Not yet visited by the upper level this year")
        self._add(t.visit_light, text, PAGE_VISITS, {"year": year})
        self._section(self.tr("Activities in {year}").format(year=year))
        for domain in ind.DOMAINS:
            self._add(t.activity_lights[domain], self.tr("{domain}: {count} activities (target {low}–{high})").format(
                domain=label("domain", domain), count=t.activities[domain], low=ind.ACTIVITY_TARGET,
                high=ind.ACTIVITY_GOOD), PAGE_ACTIVITIES, {"domain": domain, "year": year})
        self._add(ind.GREY, self.tr("{domain}: {count} activities").format(
            domain=label("domain", "other"), count=t.activities_other),
            PAGE_ACTIVITIES, {"domain": "other", "year": year})
        self._section(self.tr("Villages and communities"))
        self._add(t.villages_light, self.tr("Villages and communities with a designated contact: {n} of {m}").format(
            n=t.villages_with_contact, m=t.villages), PAGE_VILLAGES)
        self._section(self.tr("The four shortages"))
        not_entered = t.not_entered
        for key, text in self._four_texts(t.four):
            if not_entered.get(key):       # 未填写 is not 缺: grey until the clerk enters the figure
                self._add(ind.GREY, self._four_label(key) + self.tr(": not entered"), PAGE_ASSOCIATION)
            else:
                self._add(ind.RED if t.shortages[key] else ind.GREEN, text, PAGE_ASSOCIATION)
        if show_package:
            self._section(self.tr("Data packages"))
            if t.last_package:
                self._add(ind.GREEN, self.tr("Last data package received on {date}").format(date=t.last_package),
                          PAGE_EXCHANGE)
            else:
                self._add(ind.GREY, self.tr("No data package received yet"), PAGE_EXCHANGE)

    def _term_text(self, t: ind.TownshipIndicators) -> str:
        if not t.term_end:
            return self.tr("Term dates not entered")
        if t.term_overdue:
            return self.tr("Term ended on {date}: re-election is overdue").format(date=t.term_end)
        if t.term_light == ind.YELLOW:
            return self.tr("Term ends on {date}: re-election is due soon").format(date=t.term_end)
        return self.tr("Current term ends on {date}").format(date=t.term_end)

    def _four_label(self, key: str) -> str:
        return {"staff_quota": self.tr("Staff quota"), "staff": self.tr("Staff"), "funding": self.tr("Funding"),
                "premises": self.tr("Premises")}[key]

    def _four_texts(self, four: ind.FourFigures) -> list[tuple[str, str]]:
        def show(value, present: str, absent: str) -> str:
            # 80.0 m² reads 80, 1 200 000 yuan is not 1.2e+06 (":g" would print that)
            return present.format(value=ind.whole(value)) if value else absent
        return [
            ("staff_quota", show(four.staff_quota, self.tr("Staff quota: {value}"), self.tr("No staff quota"))),
            ("staff", show(four.staff, self.tr("Staff: {value}"), self.tr("No staff"))),
            ("funding", show(four.funding_yuan, self.tr("Funding: {value} yuan a year"), self.tr("No funding"))),
            ("premises", show(four.premises_m2, self.tr("Premises: {value} m²"), self.tr("No premises"))),
        ]


class Card(QFrame):
    def __init__(self, title: str, value: str, detail: str = "", light: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title, self)
        self.value_label = QLabel(value, self)
        self.value_label.setObjectName("card_value")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.value_label.setFont(font)
        if light in (ind.GREEN, ind.YELLOW, ind.RED):      # grey text is kept for "another unit's record"
            self.value_label.setStyleSheet(f"color: {light_colour(light).name()}")
        # value and detail share a line: two rows of cards must leave a 768-pixel screen room for the table
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.value_label)
        self.detail_label = QLabel(detail, self)
        self.detail_label.setObjectName("card_detail")
        self.detail_label.setStyleSheet("color: #5f6b73")
        row.addWidget(self.detail_label, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addLayout(row)


class SummaryCards(QWidget):
    """The rolled-up totals of a county or the city, one card per indicator."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(6)
        self.cards: dict[str, Card] = {}
        self._spans: list[tuple[Card, int]] = []
        self._columns = CARD_COLUMNS

    def set_indicators(self, data: ind.UnitIndicators) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.cards.clear()
        self._spans.clear()
        r = data.rollup
        if r is None:                      # a township's or a village's figures have no cards
            return
        n = r.townships
        slots, acts = r.slots, r.activities
        county = data.county
        # (key, title, value, detail, light, columns spanned): six narrow cards, then the wide ones
        specs = [
            ("established", self.tr("Associations established"), f"{r.established}/{n}", "",
             r.established_light, 1),
            ("visited", self.tr("Visited this year"), f"{r.visited}/{n}", "", r.visited_light, 1),
            ("term_overdue", self.tr("Terms overdue"), str(r.term_overdue), "",
             r.term_light, 1),
            ("villages", self.tr("Villages with a contact"), f"{r.villages_with_contact}/{r.villages}", "",
             r.villages_light, 1),
            ("shortages", self.tr("Townships with shortages"), str(r.with_shortages), "",
             r.shortages_light, 1),
        ]
        if county is not None:
            specs.append(("milestones", self.tr("Milestones on time"),
                          f"{county.milestones_on_time}/{len(county.milestones)}",
                          self.tr("{late} late or overdue").format(late=county.milestones_overdue),
                          county.milestones_light, 1))
        else:
            specs.append(("counties", self.tr("Counties"), str(len(data.counties)), "", None, 1))
        specs += [
            ("slots", self.tr("All three key persons"), f"{r.slots_full}/{n}",
             self.tr("hospital {h} · school {s} · agricultural station {a}").format(
                 h=slots["hospital"], s=slots["school"], a=slots["agri"]), r.slots_light, 2),
            ("activities", self.tr("Activities this year"), str(r.activities_total),
             " · ".join(f"{label('domain', d)} {acts[d]}" for d in ind.DOMAINS), None, 2),
        ]
        if county is not None:
            specs += [
                ("leading_group", self.tr("Leading group"),
                 self.tr("set up") if county.leading_group else self.tr("missing"), "",
                 county.leading_group_light, 1),
                ("work_plan", self.tr("Work plan"), self.tr("filed") if county.work_plan_filed else self.tr("missing"),
                 "", county.work_plan_light, 1),
            ]
        for key, title, value, detail, light, span in specs:
            card = Card(title, value, detail, light, self)
            self.cards[key] = card
            self._spans.append((card, span))
        self._place(self.columns_for(self.width()) if self.isVisible() else CARD_COLUMNS)

    def _cell_width(self) -> int:
        """The narrowest column in which every card shows all its words (a wide card spans two)."""
        widths = [-(-card.minimumSizeHint().width() // span) for card, span in self._spans]
        return max(widths, default=0) + self.grid.spacing()

    def columns_for(self, width: int) -> int:
        """Up to CARD_COLUMNS columns, fewer (more rows) where the cards would be cut: at 150 % display
        scaling a 1366×768 screen leaves the dashboard some 650 pixels."""
        cell = self._cell_width()
        return max(2, min(CARD_COLUMNS, width // cell)) if cell else CARD_COLUMNS

    def _place(self, columns: int) -> None:
        for card, _span in self._spans:
            self.grid.removeWidget(card)
        for column in range(max(columns, self._columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns
        cell = 0
        for card, span in self._spans:
            if cell % columns + span > columns:
                cell += columns - cell % columns
            self.grid.addWidget(card, cell // columns, cell % columns, 1, span)
            cell += span

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Two columns' width: the cards reflow into more rows rather than widen the window."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 2 * self._cell_width()), hint.height()) if self._spans else hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        columns = self.columns_for(event.size().width())
        if columns != self._columns:
            self._place(columns)
