"""Helpers for the main-window tests: demo databases built once per module, windows on copies of
them, and answering modal dialogs (they run their own event loop, so a timer drives them)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.ui.shell import settings as settings_module
from sanxiang_desktop.ui.shell.main_window import MainWindow, open_workspace
from sanxiang_desktop.ui.pages.base import PAGE_FACTORIES, UnitPage
from sanxiang_desktop.ui.shell.settings import Settings
from tests.gui import answering


def make_demo(folder: Path, unit: str, scale: str) -> Path:
    path = folder / f"demo-{scale}.db"
    db = open_database(path, create=True)
    build_demo(db, unit, scale=scale)
    db.close()
    return path


def make_empty(folder: Path, unit: str, name: str = "sanxiang.db", clerk: str = "李娜") -> Path:
    path = folder / name
    db = open_database(path, create=True)
    init_home(db, unit, clerk)
    db.close()
    return path


def copy_db(source: Path, folder: Path, name: str = "sanxiang.db") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def app_settings_in(data_dir):
    settings = Settings(data_dir / "sanxiang.ini")
    settings_module.use_settings(settings)
    yield settings
    settings_module.use_settings(None)


def open_window(qtbot, path: Path, settings: Settings, runner) -> MainWindow:
    window = MainWindow(open_workspace(path), settings, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.unit == window.home.code, timeout=10000)
    return window


def close_window(qtbot, window: MainWindow, runner) -> None:
    if window.isVisible():
        window.close()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)


def answer_modal(handler: Callable[[QWidget], None], timeout_ms: int = answering.ANSWER_TIMEOUT_MS) -> None:
    """Call handler with the next modal dialog shown (QDialog.exec() or a message box), in this test only."""
    waited = [0]
    generation = answering.current()

    def poll() -> None:
        if not answering.still_running(generation):
            return
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        handler(widget)
    QTimer.singleShot(0, poll)


class RecordingPage(UnitPage):
    """Stands in for the activities page when the record pages are not part of this build."""
    key = "activities"
    levels = frozenset({"city", "county", "township", "village"})

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.filters: list[dict] = []

    def title(self) -> str:
        return "活动"

    def apply_filter(self, extra: dict) -> None:
        self.filters.append(dict(extra))


@pytest.fixture
def activities_page_factory():
    """Makes sure a page with key "activities" exists; yields whether the test's own stand-in is used."""
    from sanxiang_desktop.ui.shell.main_window import load_page_modules
    load_page_modules()
    probe_keys = {getattr(f, "key", None) for f in PAGE_FACTORIES}
    added = "activities" not in probe_keys
    if added:
        PAGE_FACTORIES.append(RecordingPage)
    yield added
    if added:
        PAGE_FACTORIES.remove(RecordingPage)
