"""Issue 9 in the real entry form: phone numbers however written, Excel-damaged ID numbers never
"corrected", an ID ending in 000 saved only after the clerk confirms it against the card, and a
name variant caught as the same person."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from sanxiang_desktop.services import records
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.forms.record_form import DuplicatePrompt, RecordDialog
from tests.gui.record_support import TOWNSHIP, answer_next_modal, count, enter, show, type_into
from tests.gui.record_support import township, township_db, zh  # noqa: F401  (fixtures)
from tests.unit.test_field_data import valid_ending_000


def person_dialog(qtbot, ctx) -> RecordDialog:
    return show(qtbot, RecordDialog(ctx, "people", defaults={"unit_code": TOWNSHIP}))


@pytest.mark.parametrize("typed, stored", [
    ("86 139 5101 2345", "13951012345"), ("+86 10 6234 5678", "010-62345678"),
    ("（010）6234 5678 转 801", "010-62345678-801"),
])
def test_the_phone_field_accepts_real_numbers(qtbot, zh, township, typed, stored):
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "钱多")
    type_into(qtbot, dialog.widgets["phone"], typed)
    enter(qtbot, dialog.widgets["phone"].editor())
    assert dialog.result() == RecordDialog.DialogCode.Accepted, dialog.widgets["phone"].problem_text()
    assert records.get(township.ws, "people", dialog.record_id)["phone"] == stored


@pytest.mark.parametrize("typed", ["640104198002291000", "6.40104198002291E+17", "６４０１０４１９８００２２９１０００"])
def test_the_id_field_names_excel_and_never_suggests_a_digit(qtbot, zh, township, typed):
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "马丽")
    type_into(qtbot, dialog.widgets["id_number"], typed)
    shown = dialog.widgets["id_number"].problem_text()
    assert "Excel" in shown and "应为" not in shown               # as typed
    enter(qtbot, dialog.widgets["id_number"].editor())
    assert dialog.isVisible() and count(township.ws, m.Person) == before
    shown = dialog.widgets["id_number"].problem_text()
    assert "Excel" in shown and "身份证原件" in shown and "应为" not in shown   # after Enter
    answer_next_modal("放弃", QMessageBox)
    dialog.reject()


def test_an_id_ending_000_is_saved_after_the_clerk_confirms(qtbot, zh, township):
    number = valid_ending_000("64010419800229")
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "马丽")
    type_into(qtbot, dialog.widgets["id_number"], number)
    assert "Excel" in dialog.widgets["id_number"].problem_text()        # the warning, as typed
    asked = []
    answer_next_modal("返回修改", QMessageBox, asked)
    enter(qtbot, dialog.widgets["id_number"].editor())
    assert asked and "Excel" in asked[0].text() and dialog.isVisible()
    assert count(township.ws, m.Person) == before
    answer_next_modal("已与原件核对，保存", QMessageBox)
    enter(qtbot, dialog.widgets["id_number"].editor())
    assert dialog.result() == RecordDialog.DialogCode.Accepted
    assert records.get(township.ws, "people", dialog.record_id)["id_number"] == number


def test_a_name_variant_is_offered_as_the_same_person(qtbot, zh, township):
    first = records.create(township.ws, "people", {"unit_code": TOWNSHIP, "name": "买买提·艾力",
                                                   "birth_date": "1975-03-02"})
    assert first.ok
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "买买提.艾力")
    type_into(qtbot, dialog.widgets["birth_date"], "1975-03-02")
    shown = []
    answer_next_modal("使用已有人员", DuplicatePrompt, shown)
    enter(qtbot, dialog.widgets["name"].editor())
    assert shown and "姓名和出生日期相同" in shown[0].list.item(0).text()
    assert dialog.used_existing and dialog.record_id == first.record_id
