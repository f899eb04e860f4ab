"""What the form, page and list tests share: demo databases built once per module and copied per
test, a PageContext over them, and the ways a clerk's hands reach the real widgets (keys, an input
method's commit for Chinese, clicking the button of the modal box that opens next)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from sqlalchemy import func, select

from sanxiang_desktop.services.demo import build_demo
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.ui.pages.base import PageContext
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell import tasks
from tests.gui import answering

TOWNSHIP = "640104100"      # 掌政镇
COUNTY = "640104"           # 兴庆区
VILLAGE = "640104100200"
YEAR = 2026


def build_template(folder: Path, unit: str) -> Path:
    path = folder / f"demo-{unit}.db"
    db = open_database(path, create=True)
    build_demo(db, unit, year=YEAR)
    db.close()
    return path


@pytest.fixture(autouse=True)
def zh(chinese):
    """The clerk's language: Chinese labels, buttons and messages (tests/gui/conftest.py's `chinese`)."""


@pytest.fixture(scope="module")
def township_db(tmp_path_factory) -> Path:
    return build_template(tmp_path_factory.mktemp("township"), TOWNSHIP)


@pytest.fixture(scope="module")
def county_db(tmp_path_factory) -> Path:
    return build_template(tmp_path_factory.mktemp("county"), COUNTY)


def open_copy(template: Path, folder: Path):
    target = folder / "work.db"
    shutil.copy(template, target)
    db = open_database(target)
    return db, Workspace.open(db)


def make_context(ws, folder: Path) -> PageContext:
    return PageContext(ws=ws, undo_stack=QUndoStack(), settings=Settings(folder / "settings" / "sanxiang.ini"),
                       year=YEAR)


@pytest.fixture
def township(qtbot, township_db, tmp_path):
    db, ws = open_copy(township_db, tmp_path)
    yield make_context(ws, tmp_path)
    drain_list_queries()
    db.close()


@pytest.fixture
def county(qtbot, county_db, tmp_path):
    db, ws = open_copy(county_db, tmp_path)
    yield make_context(ws, tmp_path)
    drain_list_queries()
    db.close()


def count(ws, model, **where) -> int:
    with ws.session() as s:
        stmt = select(func.count()).select_from(model).where(model.deleted.is_(False))
        for key, value in where.items():
            stmt = stmt.where(getattr(model, key) == value)
        return s.scalar(stmt)


def forget_typing(widget: QWidget) -> None:
    """Before pytest-qt closes a form a failed test left open: no discard question to block on."""
    for dialog in [widget, *widget.findChildren(QWidget)]:
        if hasattr(dialog, "snapshot") and hasattr(dialog, "values"):
            dialog.snapshot = dialog.values()


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget, before_close_func=forget_typing)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def ime(widget: QWidget, text: str) -> None:
    """What an input method does when the clerk picks the characters: one commit event.
    (QTest types Latin-1 only.)"""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot, field, text: str) -> None:
    """Focus a form field's editor and type: Latin text by keys, Chinese by an input-method commit."""
    editor = field.editor()
    editor.setFocus()
    if hasattr(editor, "selectAll"):      # what was there (a default) is replaced, as after Ctrl+A
        editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        ime(editor, text)


def enter(qtbot, widget: QWidget, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press Enter (or Ctrl+Enter); when that sent a form's save to the worker, wait for it to come back."""
    dialog = widget.window()
    qtbot.keyClick(widget, Qt.Key.Key_Return, modifier)
    settle_save(qtbot, dialog)


def closed(widget: QWidget) -> bool:
    """A form closed after saving: hidden, or already deleted (the panels' forms delete on close)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


def settle_save(qtbot, dialog: QWidget, timeout_ms: int = 10000) -> None:
    """An entry form saves on the database worker (ui/shell/operations.py): wait until its save has
    come back (closed, cleared for the next record, or problems shown). No-op when none is on its way."""
    if shiboken6.isValid(dialog) and getattr(dialog, "saving", False):
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.saving, timeout=timeout_ms)


def plain(text: str) -> str:
    """A button's text without its mnemonic: 删除(&D) -> 删除."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def answer_next_modal(button_text: str, kind: type | None = None, clicked: list | None = None) -> None:
    """Click a button of the next modal dialog to open (of class `kind`), once its event loop runs:
    the way a clerk answers a question box that a real exec() puts up (in this test only)."""
    generation = answering.current()

    def attempt(tries: int = answering.ANSWER_TIMEOUT_MS // 20) -> None:
        if not answering.still_running(generation):
            return
        box = QApplication.activeModalWidget()
        if box is not None and (kind is None or isinstance(box, kind)):
            for button in box.findChildren(QAbstractButton):
                if plain(button.text()) == button_text and button.isVisible():
                    if clicked is not None:
                        clicked.append(box)
                    button.click()
                    return
        if tries:
            QTimer.singleShot(20, lambda: attempt(tries - 1))
    QTimer.singleShot(0, attempt)


def wait_for_rows(view, timeout_ms: int = 5000) -> None:
    """Lists re-query on the database worker: wait until the latest re-query's rows are shown."""
    answering.qtbot().waitUntil(lambda: not view.model.busy, timeout=timeout_ms)


def drain_list_queries(timeout_ms: int = 10000) -> None:
    """Let list re-queries still on the default worker end before their database is closed."""
    runner = tasks._default_runner
    if runner is not None:
        answering.qtbot().waitUntil(lambda: runner.pending == 0, timeout=timeout_ms)


def worker_idle(qtbot, timeout_ms: int = 10000) -> None:
    """Writes (operations, undo, redo) run on the database worker: wait until it has nothing left."""
    runner = tasks.default_runner()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout_ms)


def undo(qtbot, context) -> None:
    context.undo_stack.undo()
    worker_idle(qtbot)


def redo(qtbot, context) -> None:
    context.undo_stack.redo()
    worker_idle(qtbot)


def list_values(view, column_key: str) -> list[str]:
    wait_for_rows(view)
    model = view.model
    column = model.column_of(column_key)
    return [model.row(r).values[column] for r in range(model.rowCount())]
