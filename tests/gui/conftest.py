"""Fixtures for the GUI infrastructure tests."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.ui import i18n
from sanxiang_desktop.ui.settings import Settings
from sanxiang_desktop.ui.tasks import TaskRunner

# PySide6 6.12 on Python 3.11: Signal.disconnect() returns True without taking a reference to it, so
# each call drops True's reference count by one (QObject.disconnect(connection) does not). pytest-qt
# disconnects in every waitSignal and qtmodeltester, and after a couple of thousand the interpreter
# aborts at exit with "Fatal Python error: bool_dealloc". These references keep it from reaching zero.
_PINNED_BOOLS = [True, False] * 100_000


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
