"""The contract between the main window and the pages on its right-hand side.

The main window owns one PageContext and one instance of every page; selecting
a unit in the tree calls set_unit on each page shown for that unit's level.
A page never runs SQL itself: it calls services (lists through ListSource,
actions through services.records & co.) and hands every Result to
context.apply_result, which pushes the undo command and routes the changes."""
from __future__ import annotations

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
    def for_page(cls, factory: type[UnitPage], context: PageContext) -> "PageStandIn":
        # named like the page: self.tr in the page's title() then finds the page's translations
        stand_in = type(factory.__name__, (cls,), {"factory": factory, "key": factory.key, "levels": factory.levels,
                                                  "tables": factory.tables, "title": factory.title})
        return stand_in(context)


# Filled by ui/pages/records.py (and the dashboard, data exchange modules) at import time:
# factories in display order.
PAGE_FACTORIES: list[Callable[[PageContext], UnitPage]] = []


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
