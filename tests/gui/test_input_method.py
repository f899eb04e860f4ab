"""Issue 11, item 18: Chinese typed through an input method — a QInputMethodEvent with the pinyin as
preedit, then one with the characters as commit, sent where the platform's input method sends it (the
focus object) — reaches the person picker and the list filters and starts their suggestions and
filtering exactly as typed keys do; the preedit alone (pinyin not yet converted) changes nothing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.services import lists, records
from sanxiang_desktop.ui.forms.record_form import RecordDialog
from sanxiang_desktop.ui.pages import records as record_pages
from tests.gui.record_support import TOWNSHIP, list_values, show
from tests.gui.record_support import township, township_db, zh  # noqa: F401  (fixtures)
from tests.gui.window_support import app_settings_in  # noqa: F401  (fixture)

SIMA = ("司马静佳", "司马文")


def focus_object():
    return QGuiApplication.focusObject() or QApplication.focusWidget()


def preedit(text: str) -> None:
    """The pinyin the clerk is typing, underlined in the field, not yet part of its text."""
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    attributes = [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0, len(text), underline),
                  QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor, len(text), 1, None)]
    target = focus_object()
    assert target is not None and target.inputMethodQuery(Qt.InputMethodQuery.ImEnabled)
    QApplication.sendEvent(target, QInputMethodEvent(text, attributes))


def commit(text: str) -> None:
    """The characters the clerk picked from the input method's candidates."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(focus_object(), event)


def add_sima(ws) -> None:
    for name in SIMA:
        assert records.create(ws, "people", {"unit_code": TOWNSHIP, "name": name}).ok


def popup_names(picker) -> list[str]:
    model = picker.completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_person_picker_suggests_from_committed_chinese(qtbot, township, zh):
    add_sima(township.ws)
    dialog = RecordDialog(township, "activities", defaults={"unit_code": TOWNSHIP})
    show(qtbot, dialog)
    picker = dialog.widgets["leader_id"]
    picker.editor().setFocus()
    qtbot.waitUntil(picker.editor().hasFocus)
    assert focus_object() is picker.editor()

    preedit("si")
    assert not picker._search.isActive()        # the preedit starts no search (typed keys would)
    assert picker.editor().text() == "" and not picker.completer.popup().isVisible()
    assert picker.model.rowCount() == 0

    commit("司马")
    assert picker.editor().text() == "司马" and picker._search.isActive()   # as after a typed key
    qtbot.waitUntil(picker.completer.popup().isVisible)
    shown = popup_names(picker)
    expected = [p.display() for p in lists.search_people(township.ws, "司马", limit=15)]
    assert shown == expected and len(shown) == 2 and all("司马" in s for s in shown)

    # more characters through the input method while the list is open: they reach the field, not the list
    preedit("jing")
    commit("静")
    assert picker.editor().text() == "司马静"
    qtbot.waitUntil(lambda: len(popup_names(picker)) == 1)
    assert "司马静佳" in popup_names(picker)[0]
    qtbot.keyClick(picker.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(picker.completer.popup(), Qt.Key.Key_Return)
    person = lists.search_people(township.ws, "司马静佳", limit=1)[0]
    assert picker.value() == person.id and picker.editor().text() == "司马静佳"
    dialog.snapshot = dialog.values()


def test_a_list_filter_filters_on_committed_chinese(qtbot, township, zh):
    add_sima(township.ws)
    page = record_pages.PeoplePage(township)
    show(qtbot, page)
    page.set_unit(TOWNSHIP, "township")
    view = page.panel.view
    everyone = list_values(view, "name")
    assert set(SIMA) <= set(everyone) and len(everyone) > 2
    view.filter_edit.setFocus()
    qtbot.waitUntil(view.filter_edit.hasFocus)

    preedit("si")
    assert not view._filter_timer.isActive()    # pinyin still being typed filters nothing
    assert view.filter_edit.text() == "" and list_values(view, "name") == everyone

    commit("司马")
    assert view.filter_edit.text() == "司马"
    qtbot.waitUntil(lambda: sorted(list_values(view, "name")) == sorted(SIMA))


def test_find_unit_filters_the_tree_on_committed_chinese(qtbot, tmp_path, app_settings_in, runner, zh):
    from tests.gui.window_support import close_window, make_empty, open_window
    window = open_window(qtbot, make_empty(tmp_path, "640104"), app_settings_in, runner)
    try:
        box = window.tree.filter_edit
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        preedit("zhang")
        assert box.text() == "" and window.tree.search_matches() is None
        commit("掌政")
        assert box.text() == "掌政"
        qtbot.waitUntil(lambda: window.tree.search_matches() is not None)
        assert "640104100" in window.tree.search_matches()
        qtbot.keyClick(box, Qt.Key.Key_Down)               # as after typed keys: Down takes the first match
        qtbot.waitUntil(lambda: window.tree.current_code() == "640104100")
    finally:
        close_window(qtbot, window, runner)
