"""Fixtures for the GUI infrastructure tests."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.ui import i18n
from sanxiang_desktop.ui.settings import Settings
from sanxiang_desktop.ui.tasks import TaskRunner





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
