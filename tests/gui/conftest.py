"""Fixtures for the GUI infrastructure tests."""
from __future__ import annotations

import time

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell import tasks
from sanxiang_desktop.ui.shell.tasks import TaskRunner
from tests.gui import answering

# A modal dialog nobody answers blocks exec() until pytest-timeout (300 s) kills the whole run; every
# helper that answers one (answer_modal, answer_next_modal, answer_message_box) gives up within 10 s.
UNANSWERED_MODAL_S = 30.0


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QMessageBox) else ""
    return f"{type(widget).__name__} {widget.windowTitle()!r} {text!r}".strip()


def _dismiss(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        QDialog.done(widget, 0)         # QDialog's own: subclasses' reject() may only ask (ProgressDialog)
    else:
        widget.close()


def _visible_modals() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if shiboken6.isValid(w) and w.isVisible() and w.isModal() and isinstance(w, QDialog)]


@pytest.fixture(autouse=True)
def _current_qtbot(qtbot):
    answering._qtbot[:] = [qtbot]
    yield
    answering._qtbot.clear()


@pytest.fixture(autouse=True)
def no_unanswered_modal(qapp):
    """Fail fast, with its text, on a modal dialog left up: one nobody answers within UNANSWERED_MODAL_S
    is closed (so exec() returns and the test goes on to fail), and one still up when the test ends is
    closed so it cannot be handed to the next test's answer_modal()."""
    found: list[str] = []
    first_seen: dict[int, float] = {}

    def watch() -> None:
        now = time.monotonic()
        modals = _visible_modals()
        alive = {shiboken6.getCppPointer(w)[0] for w in modals}
        for key in list(first_seen):
            if key not in alive:
                del first_seen[key]
        for widget in modals:
            if now - first_seen.setdefault(shiboken6.getCppPointer(widget)[0], now) > UNANSWERED_MODAL_S:
                found.append("unanswered for %.0f s: %s" % (UNANSWERED_MODAL_S, _describe(widget)))
                _dismiss(widget)
    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(watch)
    timer.start()
    yield
    timer.stop()
    answering.end_test()            # answer_modal & co. of this test stop polling
    for widget in _visible_modals():
        found.append("still open after the test: " + _describe(widget))
        _dismiss(widget)
    if found:
        pytest.fail("modal dialog(s): " + "; ".join(found), pytrace=False)


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
