"""The dashboard's table: one row per township, the "3+1" indicators as columns.

Rows are the core.indicators.TownshipIndicators services.indicators returns; the model only
formats them (every light and threshold is decided in core.indicators). Each cell knows which records lie behind it (target()), so a click can open them.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QSortFilterProxyModel, Qt

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.ui.shell import i18n

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
LIGHTS_ROLE = Qt.ItemDataRole.UserRole + 2      # list of traffic-light names for the dot delegate
BAR_ROLE = Qt.ItemDataRole.UserRole + 3         # (count, light) for the bar delegate
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
COUNTY_ROLE = Qt.ItemDataRole.UserRole + 5

# Page keys of the record pages (ui/pages/base.py PAGE_FACTORIES) a cell opens.
PAGE_DASHBOARD = "dashboard"
PAGE_ASSOCIATION = "association"
PAGE_LEADERSHIP = "leadership"
PAGE_VISITS = "visits"
PAGE_ACTIVITIES = "activities"
PAGE_VILLAGES = "villages"
PAGE_EXCHANGE = "exchange"


def lang() -> str:
    return "en" if i18n.current_language() == "en" else "zh"


def label(catalogue: str, code: str) -> str:
    return CATALOGUES[catalogue].label(code, lang())


@dataclass(frozen=True)
class Column:
    key: str
    width_chars: int
    kind: str = "text"       # text | lights | bar


# Widths in Chinese characters, chosen so a city's table (county column shown) fits the right-hand
# side of a 1366-pixel screen; long headings are broken over two lines by their translation.
COLUMNS = (
    Column("county", 4),
    Column("name", 7),
    Column("established", 3, "lights"),
    Column("slots", 4, "lights"),
    Column("visit", 2, "lights"),
    Column("term", 6, "lights"),
    *(Column(domain, 6, "bar") for domain in ind.DOMAINS),
    Column("villages", 4, "lights"),
    Column("shortages", 8, "lights"),
    Column("last_package", 6),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


class DashboardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[ind.TownshipIndicators] = []
        self.county_names: dict[str, str] = {}
        self.year = 0

    def set_indicators(self, indicators: ind.UnitIndicators | None) -> None:
        self.beginResetModel()
        self.rows = list(indicators.townships) if indicators is not None else []
        self.county_names = {c.code: c.name for c in indicators.counties} if indicators is not None else {}
        self.year = indicators.year if indicators is not None else 0
        self.endResetModel()

    def row(self, row: int) -> ind.TownshipIndicators:
        return self.rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.column_tip(key)
        return None

    def column_title(self, key: str) -> str:
        if key in ind.DOMAINS:
            return label("domain", key)
        return {
            # headings distinct from other pages' strings: the translation table ignores contexts,
            # and these Chinese headings carry line breaks
            "county": self.tr("County/district"), "name": self.tr("Township/street"),
            "established": self.tr("Association set up"), "slots": self.tr("Key persons"),
            "visit": self.tr("Upper-level visits"), "term": self.tr("Term ends on"),
            "villages": self.tr("Villages with contact"), "shortages": self.tr("Four shortages"),
            "last_package": self.tr("Last package"),
        }[key]

    def column_tip(self, key: str) -> str:
        if key in ind.DOMAINS:
            return self.tr("Activities this year in this domain; the line marks the target of {low}–{high}.").format(
                low=ind.ACTIVITY_TARGET, high=ind.ACTIVITY_GOOD)
        return {
            "county": "", "name": self.tr("Click to see the township's own checklist."),
            "established": self.tr("Science association established"),
            "slots": self.tr("The three key persons (hospital, school, agricultural station) serving as vice-chairs"),
            "visit": self.tr("Visits by the upper-level association this year"),
            "term": self.tr("End of the current term: yellow when due within 90 days, red when overdue"),
            "villages": self.tr("Villages and communities with a designated contact person"),
            "shortages": self.tr("The four shortages: staff quota, staff, funding, premises"),
            "last_package": self.tr("Date of the last data package received from the unit"),
        }[key]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, key)
        if role == LIGHTS_ROLE:
            return self._lights(r, key)
        if role == BAR_ROLE and key in ind.DOMAINS:
            return r.activities[key], r.activity_lights[key]
        if role == SORT_ROLE:
            return self._sort_value(r, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, key)
        if role == CODE_ROLE:
            return r.code
        if role == COUNTY_ROLE:
            return r.code[:6]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ind.DOMAINS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_texts(self, column: int) -> list[str]:
        """The shown text of every row in `column` (what data() gives for DisplayRole), read from the rows
        directly: index() asks rowCount and columnCount of this Python model for each cell, ≈ 30 µs a cell
        (issue 12, startup: sizing the columns of a city's 62 townships)."""
        key = COLUMNS[column].key
        return [self._text(r, key) or "" for r in self.rows]

    def column_lights(self, column: int) -> list[list[str] | None]:
        """The lights of every row in `column` (LIGHTS_ROLE), read as column_texts reads the texts."""
        key = COLUMNS[column].key
        return [self._lights(r, key) for r in self.rows]

    def _text(self, r: ind.TownshipIndicators, key: str) -> str:
        if key == "county":
            return self.county_names.get(r.code[:6], "")
        if key == "name":
            return r.name
        if key == "established":
            return self.tr("Yes") if r.established else self.tr("No")
        if key == "slots":
            return f"{r.slots_filled}/3"
        if key == "visit":
            return str(r.visits)
        if key == "term":
            return r.term_end or self.tr("not entered")
        if key in ind.DOMAINS:
            return str(r.activities[key])
        if key == "villages":
            return f"{r.villages_with_contact}/{r.villages}"
        if key == "shortages":
            return self.shortage_text(r)
        if key == "last_package":
            return r.last_package or "—"
        return ""

    def shortage_text(self, r: ind.TownshipIndicators) -> str:
        return self.shortage_words(r.shortages, r.not_entered_count)

    def shortage_words(self, shortages: dict[str, bool], not_entered_count: int = 0) -> str:
        """The 四缺 cell's words for {item: lacking}; 未填写 when none of the four was entered."""
        names = {"staff_quota": self.tr("quota"), "staff": self.tr("staff"), "funding": self.tr("funds"),
                 "premises": self.tr("premises")}
        missing = [names[k] for k, lacking in shortages.items() if lacking]
        if not missing and not_entered_count == len(ind.FOUR):
            return self.tr("not entered")          # 未填写: nothing known yet, not 缺
        return self.tr("none") if not missing else self.tr(", ").join(missing)

    @staticmethod
    def _lights(r: ind.TownshipIndicators, key: str) -> list[str] | None:
        if key == "established":
            return [r.established_light]
        if key == "slots":
            return [r.slot_lights[s] for s in ind.SLOTS]
        if key == "visit":
            return [r.visit_light]
        if key == "term":
            return [r.term_light]
        if key == "villages":
            return [r.villages_light]
        if key == "shortages":
            return [r.shortages_light]
        return None

    @staticmethod
    def _sort_value(r: ind.TownshipIndicators, key: str):
        return {
            "county": r.code, "name": r.code, "established": int(r.established),
            "slots": r.slots_filled, "visit": r.visits, "term": r.term_end or "",
            "villages": (r.villages_with_contact / r.villages) if r.villages else -1,
            "shortages": r.shortage_count, "last_package": r.last_package or "",
        }.get(key, r.activities.get(key, 0))

    def _tip(self, r: ind.TownshipIndicators, key: str) -> str:
        if key == "slots":
            names = {"hospital": self.tr("Hospital head"), "school": self.tr("School principal"),
                     "agri": self.tr("Agricultural station head")}
            return "\n".join(f"{'✓' if r.slots[s] else '✗'} {names[s]}" for s in ind.SLOTS)
        if key in ind.DOMAINS:
            return self.tr("{count} activities ({total} in all domains, {other} other); target {low}–{high}").format(
                count=r.activities[key], total=r.activities_total, other=r.activities_other,
                low=ind.ACTIVITY_TARGET, high=ind.ACTIVITY_GOOD)
        if key == "visit":
            return self.tr("Last visit: {date}").format(date=r.last_visit) if r.last_visit else \
                self.tr("No visit this year")
        if key == "shortages":
            four = r.four
            return self.tr("Staff quota {quota}, staff {staff}, funding {funding} yuan a year, premises {area} m²").format(
                quota=four.staff_quota if four.staff_quota is not None else "—",
                staff=four.staff if four.staff is not None else "—",
                funding=four.funding_yuan if four.funding_yuan is not None else "—",
                area=four.premises_m2 if four.premises_m2 is not None else "—")
        return self.column_tip(key)

    def target(self, index: QModelIndex) -> tuple[str, str, dict] | None:
        """(unit code, page key, filter) of the records behind a cell."""
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        code, year = r.code, self.year
        if key == "county":
            return code[:6], PAGE_DASHBOARD, {}
        if key in ind.DOMAINS:
            return code, PAGE_ACTIVITIES, {"domain": key, "year": year}
        page = {"name": PAGE_DASHBOARD, "established": PAGE_ASSOCIATION, "term": PAGE_ASSOCIATION,
                "shortages": PAGE_ASSOCIATION, "slots": PAGE_LEADERSHIP, "visit": PAGE_VISITS,
                "villages": PAGE_VILLAGES, "last_package": PAGE_EXCHANGE}[key]
        extra = {"year": year} if page == PAGE_VISITS else {}
        return code, page, extra


class DashboardProxy(QSortFilterProxyModel):
    """Sorting by the numbers behind the cells, and the city's "one county only" filter."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.county: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_county(self, county: str | None) -> None:
        if hasattr(self, "endFilterChange"):          # Qt 6.10+ (6.9 has only the begin half)
            self.beginFilterChange()
            self.county = county
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.county = county
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.county is None:
            return True
        return self.sourceModel().index(row, 0, parent).data(COUNTY_ROLE) == self.county
