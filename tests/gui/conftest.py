"""Fixtures for the GUI infrastructure tests."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell import tasks
from sanxiang_desktop.ui.shell.tasks import TaskRunner





@pytest.fixture(scope="session", autouse=True)
def _stop_default_runner():
    """List views re-query on default_runner(); stop its worker before Python exits (no aboutToQuit here)."""
    yield
    runner = tasks._default_runner
    if runner is not None and shiboken6.isValid(runner):
        assert runner.shutdown(5000)


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings" / "sanxiang.ini")


@pytest.fixture
def runner(qapp):
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(5000)


@pytest.fixture
def english(qapp):
    """Tests that read English source strings; any language a test switched to is undone afterwards."""
    i18n.install_translators(QApplication.instance(), "en")
    yield
    i18n.install_translators(QApplication.instance(), "en")


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(QApplication.instance(), "zh_CN")
    yield
    i18n.install_translators(QApplication.instance(), "en")
