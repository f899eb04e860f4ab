"""Keyboard reach of the main window: a page list in 查看 (Ctrl+1…Ctrl+9) and the 记录(R) menu
(新增 Ctrl+N / Insert, 编辑 F2 / Enter in a list, 删除 Delete, 打印 Ctrl+P, 导出 Ctrl+E) acting on
the current page wherever the focus is (the tree, a filter box, the list).

The record panels' own Insert / Ctrl+N shortcuts are switched off here: two shortcuts on one key
in reach at once are ambiguous to Qt, and then neither fires."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from sanxiang_desktop.ui.pages.base import page_export, page_print

if TYPE_CHECKING:
    from sanxiang_desktop.ui.pages.panel import RecordPanel

PAGE_KEYS = 9
MAX_PAGES = 20      # page entries in 查看 (a county's window has 13 pages)
PANEL_KEYS = ("Ins", "Ctrl+N")


def _record_panel_class() -> type | None:
    """RecordPanel once its module is imported, else None: no panel exists before that. The window's first
    page (the dashboard) has none, and the list pages import it when first built (issue 12, startup)."""
    panel = sys.modules.get("sanxiang_desktop.ui.pages.panel")
    return getattr(panel, "RecordPanel", None)


def _inside(widget: QWidget | None, ancestor: QWidget) -> bool:
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


class PageMenus(QObject):
    def __init__(self, window, actions):
        super().__init__(window)
        self.window = window
        view = actions.view_menu
        view.addSeparator()
        # Next / previous page from wherever the focus is in the window (a tab bar takes Ctrl+Tab only
        # when it has the focus itself; the tree's filter box and the lists would swallow it).
        self.next_page_action = QAction(window)
        self.previous_page_action = QAction(window)
        for action, name, step, keys in ((self.next_page_action, "next_page_action", 1, ("Ctrl+Tab", "Ctrl+PgDown")),
                                         (self.previous_page_action, "previous_page_action", -1,
                                          ("Ctrl+Shift+Tab", "Ctrl+PgUp"))):
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False, step=step: self.step_page(step))
            view.addAction(action)
        view.addSeparator()
        # Every page is listed (a county has 13): the first PAGE_KEYS with Ctrl+1…Ctrl+9, the rest by
        # their menu entry (查看, then the letter of its number) or Ctrl+Tab.
        self.page_actions: list[QAction] = []
        for n in range(1, MAX_PAGES + 1):
            action = QAction(window)
            action.setObjectName(f"page_action_{n}")
            if n <= PAGE_KEYS:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, i=n - 1: self.show_page(i))
            view.addAction(action)
            self.page_actions.append(action)
        view.aboutToShow.connect(self.update_page_actions)

        self.record_menu = QMenu(window)
        window.menuBar().insertMenu(actions.help_menu.menuAction(), self.record_menu)
        self.record_menu.setObjectName("record_menu")
        self.add_action = self._action("add_record_action", self.add, ("Ctrl+N", "Ins"))
        self.edit_action = self._action("edit_record_action", self.edit, ("F2",))
        self.delete_action = self._action("delete_record_action", self.delete, ("Del",))
        self.record_menu.addSeparator()
        self.print_action = self._action("print_page_action", self.print_page, ("Ctrl+P",))
        self.export_action = self._action("export_page_action", self.export_page, ("Ctrl+E",))
        self.adopt(window)
        window.tabs.currentChanged.connect(lambda _i: self.update_page_actions())
        self.retranslate()

    def adopt(self, widget: QWidget) -> None:
        """Switch off the record panels' own Insert / Ctrl+N in `widget` (the window, or a page built later)."""
        panel_class = _record_panel_class()
        for shortcut in widget.findChildren(QShortcut) if panel_class is not None else ():
            if shortcut.key().toString() in PANEL_KEYS and isinstance(shortcut.parent(), panel_class):
                shortcut.setEnabled(False)
        if widget is not self.window:
            self.update_page_actions()

    def _action(self, name: str, slot, keys: tuple[str, ...]) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        self.record_menu.addAction(action)
        return action

    def retranslate(self) -> None:
        self.record_menu.setTitle(self.tr("&Records"))
        self.add_action.setText(self.tr("&New Record"))
        self.edit_action.setText(self.tr("&Edit Record (Enter)"))
        self.delete_action.setText(self.tr("&Delete Records"))
        self.print_action.setText(self.tr("&Print…"))
        self.export_action.setText(self.tr("E&xport to Excel…"))
        self.next_page_action.setText(self.tr("Ne&xt Page"))
        self.previous_page_action.setText(self.tr("Pre&vious Page"))
        self.update_page_actions()

    # -- pages ---------------------------------------------------------------------------------------
    def update_page_actions(self) -> None:
        tabs = self.window.tabs
        for i, action in enumerate(self.page_actions):
            shown = i < tabs.count()
            action.setVisible(shown)
            action.setEnabled(shown)
            if shown:     # mnemonics 1…9, then a, b, c… for the pages past the ninth
                mnemonic = str(i + 1) if i < 9 else chr(ord("a") + i - 9)
                action.setText(f"&{mnemonic} {tabs.tabText(i)}")

    def step_page(self, step: int) -> None:
        """The next (step 1) or previous (-1) page, round the end, its list focused as by Ctrl+number."""
        count = self.window.tabs.count()
        if count:
            self.show_page((self.window.tabs.currentIndex() + step) % count)

    def show_page(self, index: int) -> None:
        tabs = self.window.tabs
        if not 0 <= index < tabs.count():
            return
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        panel = self.panel(page)
        # the focus goes where the clerk continues: the page's list (Enter opens, Delete deletes)
        target = panel.view.table if panel is not None else page
        target.setFocus()

    # -- records of the current page -------------------------------------------------------------------
    def panel(self, page=None) -> RecordPanel | None:
        page = page if page is not None else self.window.current_page()
        if page is None:
            return None
        chooser = getattr(page, "current_panel", None)
        if callable(chooser):
            return chooser()
        panel_class = _record_panel_class()
        panels = [p for p in page.findChildren(panel_class) if p.isVisibleTo(page)] if panel_class else []
        focus = QApplication.focusWidget()
        return next((p for p in panels if _inside(focus, p)), panels[0] if panels else None)

    def _nothing(self) -> None:
        self.window.statusBar().showMessage(self.tr("This page has no records to do that with."), 5000)

    def add(self) -> None:
        panel = self.panel()
        if panel is None or not panel.add_button.isEnabled():
            self._nothing()
            return
        panel.add()

    def edit(self) -> None:
        panel = self.panel()
        if panel is None:
            self._nothing()
            return
        panel.edit_current()

    def delete(self) -> None:
        panel = self.panel()
        ids = panel.view.selected_ids() if panel is not None else []
        if not ids:
            self._nothing()
            return
        panel.delete(ids)

    def print_page(self) -> None:
        page = self.window.current_page()
        if page is None or not page_print(page, self.panel(page)):
            self.window.statusBar().showMessage(self.tr("This page has nothing to print yet."), 5000)

    def export_page(self) -> None:
        page = self.window.current_page()
        if page is None or not page_export(page, self.panel(page)):
            self.window.statusBar().showMessage(self.tr("This page has nothing to export yet."), 5000)
