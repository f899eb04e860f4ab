"""统计: the first page for a township, a county or the city.

A county or the city sees its townships as a table with the "3+1" indicators as traffic lights and
activity bars, the totals as cards above it; a township sees its own checklist. The indicators are
computed on the database worker; a click on a cell or a line opens the records behind it through
context.open_records.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QScrollArea, QSizePolicy,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.core.indicators import UnitIndicators
from sanxiang_desktop.services.indicators import unit_indicators
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.dashboard.checklist import Checklist, SummaryCards
from sanxiang_desktop.ui.dashboard.county_cards import CountyCards
from sanxiang_desktop.ui.dashboard.delegates import BarDelegate, LightDelegate, LightLegend, light_cell_needs
from sanxiang_desktop.ui.dashboard.model import (COLUMN_KEYS, COLUMNS, PAGE_DASHBOARD, DashboardModel,
                                                  DashboardProxy)
from sanxiang_desktop.ui.lists.column_fit import CELL_PADDING, ElidedTooltipDelegate, header_needs, share_widths
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage, register_page
from sanxiang_desktop.ui.shell.tasks import default_runner

# Several changes in a row (an import, undoing a batch) cost one recount.
REFRESH_AFTER_CHANGES_MS = 400


class CardsArea(QScrollArea):
    """The cards above the table: as tall as they are, down to about one row of cards when the screen
    is short, scrolling then."""

    MINIMUM_HEIGHT = 64
    PAGE_SHARE = 0.45          # at most this share of the page's height: the table keeps the rest

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        inner = self.widget()
        hint = super().sizeHint()
        if inner is None:
            return hint
        return QSize(hint.width(), inner.sizeHint().height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), self.MINIMUM_HEIGHT))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        # the cards inside changed (new indicators, a reflow): the page's layout must ask the new height
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


class DashboardPage(UnitPage):
    key = PAGE_DASHBOARD
    levels = frozenset({"city", "county", "township"})
    filled = Signal()                         # the indicators for the current unit and year are shown

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("dashboard")
        self.data: UnitIndicators | None = None
        self._generation = 0
        self._pending: tuple[str, int] | None = None      # (unit, year) being counted on the worker
        self._prefetched: tuple[str, int] | None = None   # asked for by prefetch(), before set_unit
        self._tasks = context.tasks or default_runner()

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboard_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of_label = QLabel(self)
        self.county_combo = QComboBox(self)
        self.county_combo.setObjectName("county_filter")
        # as wide as its longest entry (全部县（市、区）), never cut
        self.county_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.county_combo.currentIndexChanged.connect(self._county_chosen)
        self.county_label = QLabel(self)
        self.county_label.setBuddy(self.county_combo)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.as_of_label)
        top.addStretch(1)
        top.addWidget(self.county_label)
        top.addWidget(self.county_combo)
        from sanxiang_desktop.ui.dashboard.form_actions import install_form_actions
        install_form_actions(self, top)     # 统计汇总表 and 通报: print, Word, Excel (page.form_actions)

        self.cards = SummaryCards(self)
        self.county_cards = CountyCards(self)        # the city's: each county's own association
        self.county_cards.county_chosen.connect(lambda code: self._open(code, PAGE_DASHBOARD, {}))
        self.model = DashboardModel(self)
        self.proxy = DashboardProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("dashboard_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # compact rows: a county's 16 townships fit under the cards on a 768-pixel screen
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setMouseTracking(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setItemDelegate(ElidedTooltipDelegate(self.table))     # a cut name shows in full as a tooltip
        self._lights = LightDelegate(self.table)
        self._bars = BarDelegate(self.table)
        for i, column in enumerate(COLUMNS):
            if column.kind == "lights":
                self.table.setItemDelegateForColumn(i, self._lights)
            elif column.kind == "bar":
                self.table.setItemDelegateForColumn(i, self._bars)
        self.table.clicked.connect(self._cell_clicked)
        self.table.viewport().installEventFilter(self)
        table_page = QWidget(self)
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        # The cards scroll when the screen is short (a city's two sets of cards at 150 % scaling, where a
        # 1366×768 screen is 911×512): the table keeps its rows, nothing is squeezed.
        cards = QWidget(self)
        cards_layout = QVBoxLayout(cards)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.addWidget(self.cards)
        cards_layout.addWidget(self.county_cards)
        self.cards_area = CardsArea(self)
        self.cards_area.setObjectName("cards_area")
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.cards_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.cards_area.setWidget(cards)
        table_layout.addWidget(self.cards_area)
        table_layout.addWidget(self.table, 1)

        self.checklist = Checklist(self)
        self.checklist.open_requested.connect(lambda page, extra: self._open(self.unit_code, page, extra))
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        for widget in (table_page, self.checklist, self.message):
            self.stack.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.legend = LightLegend(self)      # what the dots of the table, cards and checklist mean
        layout.addWidget(self.legend)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_AFTER_CHANGES_MS)
        self._fit_cards()
        self._refresh_timer.timeout.connect(self.reload)
        self.retranslate()

    # -- the UnitPage contract ----------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Statistics")

    def set_unit(self, code: str, level: str) -> None:
        if (code, level) == (self.unit_code, self.unit_level) and self.data is not None:
            return
        super().set_unit(code, level)
        prefetched, self._prefetched = self._prefetched, None
        if prefetched == (code, self.context.year) and (
                self._pending == prefetched or self.data is not None and (self.data.unit, self.data.year) == prefetched):
            return                  # counted while the window was built: shown already, or on its way
        self.reload()

    def prefetch(self, code: str) -> None:
        """Start counting `code`, the unit the window will show first, while the window is still being
        built (MainWindow._make_pages): the worker's queries overlap the building of the other pages,
        and set_unit for that unit then waits for these figures instead of asking again."""
        self._request(code)
        self._prefetched = (code, self.context.year)

    def set_year(self, year: int) -> None:
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        # nearly every table feeds some indicator; a recount is a few grouped queries
        if changes.tables:
            self._refresh_timer.start()

    # -- loading -------------------------------------------------------------------------------------
    def reload(self) -> None:
        if not self.unit_code:
            return
        self._request(self.unit_code)

    def _request(self, code: str) -> None:
        self._generation += 1
        generation, year = self._generation, self.context.year
        db, today = self.context.ws.db, self.context.ws.today()
        if self.data is None or self.data.unit != code:
            self.heading.setText(self.tr("Counting…"))
        self._pending = (code, year)
        self._tasks.run(lambda: unit_indicators(db, code, year, today=today),
                        lambda data: self._show(generation, data), owner=self)

    def _show(self, generation: int, data: UnitIndicators) -> None:
        if generation != self._generation:
            return                               # a newer request (another unit or year) is on its way
        self._pending = None
        self.data = data
        self._fill()
        self.filled.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """The cards take at most CardsArea.PAGE_SHARE of the page (they scroll beyond it)."""
        share = int(self.height() * CardsArea.PAGE_SHARE)
        self.cards_area.setMaximumHeight(max(CardsArea.MINIMUM_HEIGHT, share) if self.height() > 0 else 16777215)

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        self.as_of_label.setText(self.tr("Figures as of {date}").format(date=data.as_of))
        if data.level == "township":
            self.heading.setText(self.tr("{name}: {year} checklist").format(name=data.name, year=data.year))
            self.checklist.set_township(data.township, data.year,
                                        show_package=self.context.ws.home_unit != data.unit)
            self._show_county_filter(False)
            self.stack.setCurrentWidget(self.checklist)
            self.legend.show()
            return
        if data.level not in ("county", "city"):
            self.heading.setText(data.name)
            self.message.setText(self.tr("There are no statistics for a village or community."))
            self._show_county_filter(False)
            self.stack.setCurrentIndex(2)
            self.legend.hide()
            return
        self.heading.setText(self.tr("{name}: {year}, {count} townships").format(
            name=data.name, year=data.year, count=len(data.townships)))
        self.cards.set_indicators(data)
        self.model.set_indicators(data)
        is_city = data.level == "city"
        self.table.setColumnHidden(COLUMN_KEYS.index("county"), not is_city)
        self._show_county_filter(is_city)
        self._show_county_cards(data.counties if is_city else [])
        self.cards_area.updateGeometry()       # new cards: a new height
        self._size_columns()
        self.stack.setCurrentIndex(0)
        self.legend.show()

    def _show_county_filter(self, shown: bool) -> None:
        self.county_label.setVisible(shown)
        self.county_combo.setVisible(shown)
        if not shown:
            self.proxy.set_county(None)
            return
        keep = self.county_combo.currentData()
        self.county_combo.blockSignals(True)
        self.county_combo.clear()
        self.county_combo.addItem(self.tr("All counties"), None)
        for county in self.data.counties:
            self.county_combo.addItem(county.name, county.code)
        index = self.county_combo.findData(keep) if keep else 0
        self.county_combo.setCurrentIndex(max(index, 0))
        self.county_combo.blockSignals(False)
        self.proxy.set_county(self.county_combo.currentData())

    def _show_county_cards(self, counties: list[dict]) -> None:
        self.county_cards.set_counties(counties)
        self.county_cards.setVisible(bool(counties))
        # Tab goes from the county filter through the cards to the table (they are made after both)
        chain = [self.county_combo, *self.county_cards.cards.values(), self.table]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _county_chosen(self, _index: int) -> None:
        self.proxy.set_county(self.county_combo.currentData())

    def column_needs(self) -> list[int]:
        """Pixels each column needs for its header and every township's value (the 四缺 column at
        least all four shortages named); an activity bar needs width_chars characters."""
        metrics = self.table.fontMetrics()
        char = metrics.horizontalAdvance("中")
        header = self.table.horizontalHeader()
        all_four = self.model.shortage_words(dict.fromkeys(ind.FOUR, True))
        needs = []
        for i, column in enumerate(COLUMNS):
            title = header_needs(header.fontMetrics(), self.model.headerData(i, Qt.Orientation.Horizontal), header)
            if column.kind == "bar":
                content = char * column.width_chars + 12
            else:
                texts = self.model.column_texts(i)
                if column.key == "shortages":
                    texts.append(all_four)
                if column.kind == "lights":
                    dots = max((len(lights or []) for lights in self.model.column_lights(i)), default=1)
                    content = max((light_cell_needs(metrics, t, dots) for t in texts), default=0)
                else:
                    content = max((metrics.horizontalAdvance(t) for t in texts), default=0) + CELL_PADDING
            needs.append(max(title, content))
        return needs

    def _size_columns(self) -> None:
        """Every column as wide as its header and values need; spare room widens the activity bars
        (not the last column), and on a narrow screen the long names give way first."""
        header = self.table.horizontalHeader()
        shown = [i for i in range(len(COLUMNS)) if not self.table.isColumnHidden(i)]
        needs = self.column_needs()
        floors = [header_needs(header.fontMetrics(), self.model.headerData(i, Qt.Orientation.Horizontal), header)
                  for i in shown]
        stretch = [COLUMNS[i].kind == "bar" for i in shown]
        widths = share_widths([needs[i] for i in shown], floors, self.table.viewport().width(), stretch,
                              spread=True)
        for i, width in zip(shown, widths):
            header.resizeSection(i, width)
        header.setStretchLastSection(False)

    def eventFilter(self, watched, event: QEvent) -> bool:
        # the table's room changes with the window and with its scroll bar: share it again
        if (watched is self.table.viewport() and event.type() == QEvent.Type.Resize and self.data is not None
                and self.data.level in ("county", "city")):
            self._size_columns()
        return super().eventFilter(watched, event)

    # -- opening the records behind a cell -------------------------------------------------------------
    def _cell_clicked(self, index: QModelIndex) -> None:
        target = self.model.target(self.proxy.mapToSource(index))
        if target is not None:
            self._open(*target)

    def _open(self, code: str | None, page: str, extra: dict) -> None:
        if code and self.context.open_records is not None:
            self.context.open_records(code, page, extra)

    # -- language --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.legend.retranslate()
        self.county_label.setText(self.tr("&County:"))
        self.table.setToolTip("")
        if self.data is not None:
            self._fill()
        elif self.unit_code is None:
            self.heading.setText(self.tr("Statistics"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        super().changeEvent(event)


# The dashboard is always the first page, whichever module registered its pages first.
register_page(DashboardPage, first=True)
