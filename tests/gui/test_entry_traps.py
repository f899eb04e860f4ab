"""The data-entry traps of issue 11, driven by keys through the real completer and combo box:
a popup never keeps keys meant for another field, the record's unit does not change by type-ahead,
the form opens where the clerk types and marks the focused field, keys typed while suggestions
are built are kept, and a message follows the field's current value."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.forms.record_form import RecordDialog, mnemonic_labels
from tests.gui import answering
from tests.gui.record_support import TOWNSHIP, count, ime, show
from tests.gui.record_support import county, county_db, township, township_db, zh  # noqa: F401  (fixtures)


def activity_dialog(qtbot, ctx) -> RecordDialog:
    return show(qtbot, RecordDialog(ctx, "activities", defaults={"unit_code": TOWNSHIP}))


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier, text: str | None = None) -> None:
    """A key as the keyboard delivers it: to the open popup if there is one (it holds the keyboard),
    else to the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    if text is not None:
        qtbot.keyClicks(target, text)
    else:
        qtbot.keyClick(target, key, modifier)


def open_suggestions(qtbot, dialog, typed: str = "ma"):
    picker = dialog.widgets["leader_id"]
    picker.editor().setFocus()
    qtbot.keyClicks(picker.editor(), typed)
    qtbot.waitUntil(lambda: picker.completer.popup().isVisible())
    return picker


def test_a_suggestion_list_closes_when_a_shortcut_moves_the_focus(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    picker = open_suggestions(qtbot, dialog)
    letter = mnemonic_labels(dialog.fields)["participants"][-2]
    press(qtbot, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier)
    participants = dialog.widgets["participants"].editor()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is participants)
    assert not picker.completer.popup().isVisible()
    press(qtbot, None, text="72")
    assert participants.text() == "72"
    assert picker.editor().text() == "ma"                 # not "司马静佳7"
    dialog.snapshot = dialog.values()


def test_the_calendar_closes_when_the_focus_leaves_it(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    date = dialog.widgets["held_on"]
    date.editor().setFocus()
    date.show_calendar()
    menu = QApplication.activePopupWidget()
    qtbot.waitUntil(lambda: menu is not None and menu.isVisible())
    dialog.widgets["place"].editor().setFocus()
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_the_form_opens_on_the_title_and_the_unit_ignores_type_ahead(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    assert dialog.fields[0].name == "unit_code"
    assert QApplication.focusWidget() is dialog.widgets["title"].editor()
    unit = dialog.widgets["unit_code"]
    title_focused = unit.editor().grab().toImage()
    unit.editor().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is unit.editor())
    qtbot.keyClicks(unit.editor(), "abc")
    assert unit.value() == TOWNSHIP                        # not 兴源村 or any other unit
    assert unit.editor().grab().toImage() != title_focused  # the focused combo is visibly marked
    # a catalogue combo still selects by pinyin
    domain = dialog.widgets["domain"]
    domain.editor().setFocus()
    qtbot.keyClicks(domain.editor(), "jk")
    assert domain.combo.currentText() == "健康中国"
    dialog.snapshot = dialog.values()


def test_keys_typed_while_suggestions_are_built_are_kept(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    picker = open_suggestions(qtbot, dialog, "ma")
    press(qtbot, None, text="h")                         # arrives at the open popup, goes to the field
    assert picker.editor().text() == "mah"
    picker.search_now()                                  # the list is rebuilt under the clerk's hands
    press(qtbot, Qt.Key.Key_Down)                        # moving through suggestions does not retype
    assert picker.editor().text() == "mah" and picker.value() is None
    press(qtbot, None, text="y")
    assert picker.editor().text() == "mahy"
    dialog.snapshot = dialog.values()


def test_a_person_typed_but_not_chosen_never_saves_silently(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    before = count(township.ws, m.Activity)
    ime(dialog.widgets["title"].editor(), "义诊")
    picker = dialog.widgets["leader_id"]
    picker.editor().setFocus()
    ime(picker.editor(), "查无此人")
    assert not dialog.save()
    assert picker.error_label.isVisible() and count(township.ws, m.Activity) == before
    dialog.snapshot = dialog.values()


def test_the_message_goes_when_insert_creates_the_person(qtbot, township):
    dialog = activity_dialog(qtbot, township)
    picker = dialog.widgets["leader_id"]
    picker.editor().setFocus()
    ime(picker.editor(), "闫新来")
    ime(dialog.widgets["title"].editor(), "义诊")
    assert not dialog.save() and picker.error_label.isVisible()

    generation = answering.current()

    def save_nested(tries: int = answering.ANSWER_TIMEOUT_MS // 20) -> None:
        if not answering.still_running(generation):
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, RecordDialog) and box is not dialog and box.table == "people":
            box.save()
        elif tries:
            QTimer.singleShot(20, lambda: save_nested(tries - 1))
    QTimer.singleShot(0, save_nested)
    picker.editor().setFocus()
    qtbot.keyClick(picker.editor(), Qt.Key.Key_Insert)
    assert picker.value() is not None and picker.editor().text() == "闫新来"
    assert not picker.error_label.isVisible()            # the stale "choose from the list" is gone
    dialog.snapshot = dialog.values()
