"""Run in a subprocess by test_scaling.py (QT_SCALE_FACTOR must be set before the QApplication exists):
opens the main window, a new-activity form, 设置 and the first-start wizard on the demo database given, on an offscreen
1366×768 screen, and prints as JSON what does not fit or is cut.

    QT_QPA_PLATFORM=offscreen:configfile=screens.json QT_SCALE_FACTOR=1.5 python -m tests.gui.scaled_probe DB
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QFrame, QLabel, QLineEdit,
                               QScrollArea, QStyleOptionViewItem, QTableView, QTabBar, QTabWidget,
                               QWidget)


def wait_until(app, condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(json.dumps({"error": f"timed out: {condition}"}))
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(app, rounds: int = 20) -> None:
    """Posted layout requests and resizes done (a status-bar text set just now is laid out)."""
    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def cut_texts(top: QWidget) -> list[str]:
    """Visible labels, buttons and tabs whose text needs more room than they have (cut or elided),
    and editors squeezed below their minimum height."""
    problems = []
    for label in top.findChildren(QLabel):
        if not shown(label) or not label.text() or label.wordWrap() or label.pixmap() and not label.pixmap().isNull():
            continue
        if label.width() < label.minimumSizeHint().width() or label.height() < label.minimumSizeHint().height():
            problems.append(f"label {label.text()!r}: {label.width()}×{label.height()} < "
                            f"{label.minimumSizeHint().width()}×{label.minimumSizeHint().height()}")
    for button in top.findChildren(QAbstractButton):
        if shown(button) and button.text() and button.width() < button.minimumSizeHint().width():
            problems.append(f"button {button.text()!r}: {button.width()} < {button.minimumSizeHint().width()}")
    for editor in top.findChildren(QLineEdit) + top.findChildren(QComboBox):
        if isinstance(editor.parent(), (QAbstractSpinBox, QComboBox)):
            continue                  # the frameless line edit inside a spin box or editable combo box
        if shown(editor) and editor.height() < editor.minimumSizeHint().height():
            problems.append(f"{type(editor).__name__} {editor.objectName()!r} squeezed: {editor.height()} < "
                            f"{editor.minimumSizeHint().height()}")
    for area in top.findChildren(QScrollArea):
        inner = area.widget()
        if (shown(area) and inner is not None
                and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and inner.minimumSizeHint().width() > area.viewport().width()):
            problems.append(f"{area.objectName() or 'scroll area'}: contents need {inner.minimumSizeHint().width()}"
                            f" px, {area.viewport().width()} shown")
    for widget in top.findChildren(QFrame):             # cards and group boxes squeezed below their minimum
        if shown(widget) and type(widget).__name__.endswith("Card") and (
                widget.width() < widget.minimumSizeHint().width()
                or widget.height() < widget.minimumSizeHint().height()):
            problems.append(f"{type(widget).__name__} squeezed: {widget.size().toTuple()} < "
                            f"{widget.minimumSizeHint().toTuple()}")
    # The statistics table's cells in view are never cut ("…"): its columns keep their need and the table
    # scrolls sideways. (In the record lists a long title may give way, its tooltip the full text:
    # ui/lists/column_fit.py.)
    for table in top.findChildren(QTableView):
        if not shown(table) or table.model() is None or table.objectName() != "dashboard_table":
            continue
        delegate = table.itemDelegate()
        if not hasattr(delegate, "elided_text"):
            continue
        option = QStyleOptionViewItem()
        option.initFrom(table)
        for row in range(min(table.model().rowCount(), 8)):
            for column in range(table.model().columnCount()):
                if table.isColumnHidden(column) or table.itemDelegateForColumn(column) is not None:
                    continue
                index = table.model().index(row, column)
                option.rect = table.visualRect(index)
                option.rect.setWidth(table.columnWidth(column))
                full = delegate.elided_text(option, index, table)
                if full:
                    problems.append(f"{table.objectName() or 'table'} cell {full!r} cut")
    for bar in top.findChildren(QTabBar):
        if not shown(bar):
            continue
        metrics = bar.fontMetrics()
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            text = bar.tabText(i).replace("&", "")
            if bar.tabRect(i).width() < metrics.horizontalAdvance(text):
                problems.append(f"tab {text!r} elided")
    return problems


def off_screen(widget: QWidget, area: QRect) -> list[str]:
    geometry = widget.geometry()
    if area.contains(geometry):
        return []
    return [f"{widget.objectName() or type(widget).__name__} at {geometry.getRect()} outside {area.getRect()}"]


def main(db_path: str) -> int:
    from sanxiang_desktop.ui.setup.settings_dialog import SettingsDialog
    from sanxiang_desktop.ui.setup.wizard import FirstStartWizard
    from sanxiang_desktop.ui.shell.application import create_application
    from sanxiang_desktop.ui.shell.main_window import MainWindow, open_workspace
    from sanxiang_desktop.ui.shell.settings import Settings
    from sanxiang_desktop.ui.shell.tasks import TaskRunner

    settings = Settings(Path(db_path).parent / "sanxiang.ini")
    settings.set("language", "zh_CN")
    settings.set("clerk_name", "马晓梅")
    app = create_application([sys.argv[0]], settings)
    area = app.primaryScreen().availableGeometry()
    runner = TaskRunner()
    window = MainWindow(open_workspace(Path(db_path)), settings, runner)
    window.show()
    dashboard = window.page("dashboard")
    wait_until(app, lambda: dashboard.data is not None)
    settle(app)
    report = {"screen": [area.width(), area.height()], "window": [window.width(), window.height()],
              "window_minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
              "problems": {}}
    problems = off_screen(window, area)
    if window.minimumSizeHint().height() > area.height() or window.minimumSizeHint().width() > area.width():
        problems.append(f"main window needs {window.minimumSizeHint().toTuple()}, screen {area.size().toTuple()}")
    need = window.minimumSizeHint()
    if window.width() < need.width() or window.height() < need.height():
        problems.append(f"main window {window.size().toTuple()} smaller than its contents need {need.toTuple()}")
    problems += cut_texts(window)
    tabs = window.findChild(QTabWidget)
    report["tabs"] = [tabs.tabText(i) for i in range(tabs.count())] if tabs else []
    report["problems"]["main window"] = problems
    for i in range(tabs.count() if tabs else 0):          # every page of the unit, one after the other
        tabs.setCurrentIndex(i)
        settle(app)
        page_problems = cut_texts(tabs.widget(i))
        if page_problems:
            report["problems"][f"page {tabs.tabText(i)}"] = page_problems
    if tabs:
        tabs.setCurrentIndex(0)
    # tabs that do not fit scroll rather than lose words (on a city's 数据交换 at 150 % they did)
    report["eliding_tab_bars"] = [w.objectName() for w in window.findChildren(QTabWidget)
                                  if w.elideMode() != Qt.TextElideMode.ElideNone or not w.usesScrollButtons()]

    window.open_records(window.home.code, "activities", {})
    page = window.page("activities")
    wait_until(app, lambda: window.current_page() is page)
    form = page.panel.open_dialog(None)
    wait_until(app, form.isVisible)
    settle(app)
    problems = off_screen(form, area) + cut_texts(form)
    form.save()                       # empty: the required fields' messages appear
    wait_until(app, lambda: bool(form.widgets["title"].problem_text()))
    settle(app)
    problems += off_screen(form, area) + cut_texts(form)
    report["form"] = [form.width(), form.height()]
    report["problems"]["record form"] = problems
    form.done(0)

    dialog = SettingsDialog(settings, window)
    dialog.show()
    wait_until(app, dialog.isVisible)
    settle(app)
    report["problems"]["settings"] = off_screen(dialog, area) + cut_texts(dialog)
    dialog.done(0)

    wizard = FirstStartWizard(Path(db_path).parent / "new.db", settings, runner)
    wizard.show()
    wait_until(app, lambda: wizard.home_page.results.count() > 0)      # the unit list before typing
    settle(app)
    problems = off_screen(wizard, area) + cut_texts(wizard)
    wizard.home_page.select_code("640104100")
    wizard.next()
    settle(app)
    report["problems"]["wizard"] = problems + off_screen(wizard, area) + cut_texts(wizard)
    wizard.done(0)

    window.close()
    wait_until(app, lambda: runner.pending == 0)
    runner.shutdown(5000)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
