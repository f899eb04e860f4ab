"""The contract between the main window and the pages on its right-hand side.

The main window owns one PageContext and one instance of every page; selecting
a unit in the tree calls set_unit on each page shown for that unit's level.
A page never runs SQL itself: it calls services (lists through ListSource,
actions through services.records & co.) and hands every Result to
context.apply_result, which pushes the undo command and routes the changes."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ...services.result import Changes, Result
from ...services.workspace import Workspace


@dataclass
class PageContext:
    ws: Workspace
    undo_stack: QUndoStack
    settings: object = None                 # ui.shell.settings.Settings
    tasks: object = None                    # ui.shell.tasks.TaskRunner
    year: int = 2026                        # the year the clerk is looking at (status bar / dashboard)
    # Called by pages after a successful service call (the main window routes the changes
    # to every page and refreshes the tree when units change).
    changes_listeners: list[Callable[[Changes], None]] = field(default_factory=list)
    # Asks the main window to select a unit and show a page: open_records(unit_code, page_key, extra_filter)
    open_records: Callable[[str, str, dict], None] | None = None
    # The key of the page that shows a table's records (from the tables each page declares), or None.
    page_for_table: Callable[[str], str | None] = lambda table: page_key_for_table(PAGE_FACTORIES, table)

    def notify(self, changes: Changes) -> None:
        for listener in list(self.changes_listeners):
            listener(changes)


class UnitPage(QWidget):
    """A page for the selected unit. Subclasses set key, levels and title()."""
    key: str = ""
    levels: frozenset[str] = frozenset({"city", "county", "township", "village"})
    # The record tables this page shows: "open record" for a row of one of them comes here
    # (page_key_for_table). Child records (attachments, members) open their parent's page.
    tables: frozenset[str] = frozenset()

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.unit_code: str | None = None
        self.unit_level: str | None = None
        context.changes_listeners.append(self.on_changes)

    def title(self) -> str:            # translated tab title, e.g. self.tr("Activities") -> 活动台账
        raise NotImplementedError

    def set_unit(self, code: str, level: str) -> None:
        self.unit_code, self.unit_level = code, level

    def set_year(self, year: int) -> None:
        pass

    def on_changes(self, changes: Changes) -> None:
        pass

    def apply_filter(self, extra: dict) -> None:
        """Show the records behind a dashboard cell (e.g. {"domain": "health", "year": 2026})."""


class PageStandIn(UnitPage):
    """Holds the place of a page not shown yet (its tab, title, key, levels and tables): the main window
    builds the real page when it is first shown or asked for (MainWindow.page), and puts it here."""
    factory: type[UnitPage]

    @classmethod
    def for_page(cls, factory: "type[UnitPage] | PageEntry", context: PageContext) -> "PageStandIn":
        # named like the page: self.tr in the page's title() then finds the page's translations
        if isinstance(factory, PageEntry):
            text = factory.title_text
            title = lambda self: self.tr(text)     # noqa: E731 - the page's own self.tr("…") source
        else:
            title = factory.title
        stand_in = type(factory_name(factory), (cls,), {"factory": factory, "key": factory.key,
                                                        "levels": factory.levels, "tables": factory.tables,
                                                        "title": title})
        return stand_in(context)


ALL_LEVELS = frozenset({"city", "county", "township", "village"})
UPPER = frozenset({"city", "county"})


@dataclass(frozen=True)
class PageEntry:
    """A page whose module is imported when the page is first built, not with the window (issue 12,
    startup: the list and exchange pages and what they import, ≈ 0.04 s). It names what the window
    needs before that (tab, key, levels, tables) as the page class itself declares it; `title_text` is
    the English its title() passes to self.tr, so the stand-in shows the same translated title.
    tests/gui/test_lazy_pages.py checks each entry against its class. Calling it builds the page."""
    module: str
    name: str                 # the class in `module`
    key: str
    levels: frozenset[str]
    tables: frozenset[str]
    title_text: str

    def load(self) -> type[UnitPage]:
        return getattr(importlib.import_module(self.module), self.name)

    def __call__(self, context: PageContext) -> UnitPage:
        return self.load()(context)


def factory_name(factory) -> str:
    """The class name of a page factory (a page class or a PageEntry)."""
    return factory.name if isinstance(factory, PageEntry) else getattr(factory, "__name__", str(factory))


# ui/pages/records.py imports every record page and registers them all at once
_RECORDS = "sanxiang_desktop.ui.pages.records"

# The window's pages in display order. The dashboard (ui/dashboard/page.py) is imported with the window
# and puts itself first; the others stand here as entries until their module is imported, which then
# puts the class in its entry's place (register_page). A test may append a page class of its own.
PAGE_ENTRIES: tuple[PageEntry, ...] = (
    PageEntry(_RECORDS, "AssociationPage", "association", ALL_LEVELS, frozenset({"associations"}), "Overview"),
    PageEntry(_RECORDS, "LeadershipPage", "leadership",
              frozenset({"city", "county", "township"}), frozenset({"posts"}), "Leadership"),
    PageEntry(_RECORDS, "PeoplePage", "people", ALL_LEVELS, frozenset({"people"}), "People"),
    PageEntry(_RECORDS, "ActivitiesPage", "activities", ALL_LEVELS,
              frozenset({"activities"}), "Activities"),
    PageEntry(_RECORDS, "VisitsPage", "visits", frozenset({"city", "county", "township"}), frozenset({"visits"}),
              "Survey Visits"),
    PageEntry(_RECORDS, "VenuesPage", "venues", ALL_LEVELS, frozenset({"venues"}), "Venues"),
    PageEntry(_RECORDS, "TeamsPage", "teams", ALL_LEVELS, frozenset({"volunteer_teams"}), "Volunteer Teams"),
    PageEntry(_RECORDS, "VillagesPage", "villages", frozenset({"township"}), frozenset({"units"}), "Villages"),
    PageEntry(_RECORDS, "LeadingGroupPage", "leading_group", frozenset({"county"}),
              frozenset({"leading_groups"}), "Leading Group"),
    PageEntry(_RECORDS, "PlansPage", "plans", UPPER, frozenset({"work_plans"}), "Work Plans and Tasks"),
    PageEntry(_RECORDS, "MilestonesPage", "milestones", UPPER, frozenset({"milestones"}), "Milestones"),
    PageEntry(_RECORDS, "BulletinsPage", "bulletins", UPPER, frozenset({"bulletins"}), "Bulletins"),
    PageEntry("sanxiang_desktop.ui.exchange.pages", "ExchangePage", "exchange", ALL_LEVELS, frozenset(),
              "Data Exchange"),
)
PAGE_FACTORIES: list[Callable[[PageContext], UnitPage]] = list(PAGE_ENTRIES)


def register_page(page: type[UnitPage], first: bool = False) -> None:
    """Put a page class in PAGE_FACTORIES: in the place of its entry when it has one, else first or last
    (called by the page modules when imported; a second call changes nothing)."""
    if page in PAGE_FACTORIES:
        return
    at = next((i for i, f in enumerate(PAGE_FACTORIES) if isinstance(f, PageEntry) and f.key == page.key), None)
    if at is not None:
        PAGE_FACTORIES[at] = page
    elif first:
        PAGE_FACTORIES.insert(0, page)
    else:
        PAGE_FACTORIES.append(page)


# --- what the 记录(R) menu asks of the current page -----------------------------------------------
# The menu acts on the current page wherever the focus is. A page with record lists is served by
# its RecordPanels (the one holding the focus, else the first); 打印 and 导出 call these hooks,
# which a page that can print or export overrides (returning True when it did something).
def page_print(page: UnitPage, panel=None) -> bool:
    """记录 › 打印: the page's own hook, else the focused list's print preview, else the page's first form."""
    hook = getattr(page, "print_page", None)
    if callable(hook):
        return bool(hook())
    actions = getattr(panel, "document_actions", None) or getattr(page, "document_actions", None)
    if actions is not None:
        actions.preview_list()
        return True
    return _trigger_form_action(page, lambda forms: list(forms.preview_actions.values()))


def page_export(page: UnitPage, panel=None) -> bool:
    """记录 › 导出: the page's own hook, else the focused list's ledger (or the list as shown) to Excel,
    else the statistics page's summary to Excel."""
    hook = getattr(page, "export_page", None)
    if callable(hook):
        return bool(hook())
    actions = getattr(panel, "document_actions", None) or getattr(page, "document_actions", None)
    if actions is not None:
        actions.export_excel() if actions.excel_list is not None else actions.export_shown()
        return True
    return _trigger_form_action(page, lambda forms: [forms.excel_summary] if forms.excel_summary else [])


def _trigger_form_action(page: UnitPage, pick) -> bool:
    forms = getattr(page, "form_actions", None)
    if forms is None:
        return False
    forms.update_enabled()              # bulletins and summaries: a county or the city only
    action = next((a for a in pick(forms) if a.isEnabled()), None)
    if action is None:
        return False
    action.trigger()
    return True


def page_key_for_table(pages, table: str) -> str | None:
    """The key of the first of `pages` (page classes or instances, display order) that declares
    `table` in its `tables`, or None."""
    return next((p.key for p in pages if table in getattr(p, "tables", ())), None)
