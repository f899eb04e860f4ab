"""The entry form driven like a clerk: keys into the real fields, Enter, Esc, Ctrl+Enter; problems in
Chinese under the fields; the duplicate-person prompt; read-only records of other units."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCalendarWidget, QMessageBox

from sanxiang_desktop.services import records
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.forms.record_form import DuplicatePrompt, RecordDialog, mnemonic_labels
from sanxiang_desktop.services.spec import SPECS
from tests.gui import answering
from tests.gui.record_support import COUNTY, TOWNSHIP, answer_next_modal, count, enter, show, type_into
from tests.gui.record_support import county, county_db, township, township_db, zh  # noqa: F401  (fixtures)

GOOD_ID = "640104198503150024"      # female, born 1985-03-15
BAD_ID = "640104198503150025"       # wrong check digit


def person_dialog(qtbot, ctx, **kw) -> RecordDialog:
    dialog = RecordDialog(ctx, "people", defaults={"unit_code": TOWNSHIP}, **kw)
    return show(qtbot, dialog)


def test_labels_carry_distinct_mnemonics_and_tab_follows_reading_order(qtbot, township):
    labels = mnemonic_labels(SPECS["people"].fields)
    assert labels["name"] == "姓名(&N)"
    letters = [label[-2] for label in labels.values()]
    assert len(set(letters)) == len(letters) and "S" not in letters and "W" not in letters
    assert mnemonic_labels(SPECS["people"].fields, "en")["name"] == "&Name"

    dialog = person_dialog(qtbot, township)
    editors = [dialog.widgets[f.name].editor() for f in dialog.fields]
    # the form opens where the clerk types first (姓名), not on the preset 所属单位 combo
    assert dialog.fields[0].name == "unit_code" and QApplication.focusWidget() is dialog.widgets["name"].editor()
    editors[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editors[0])
    seen = [editors[0]]
    for _ in editors[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == editors
    dialog.reject()


def test_enter_saves_a_person_typed_by_keyboard(qtbot, township):
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "马海燕")
    type_into(qtbot, dialog.widgets["ethnicity"], "hz")            # pinyin type-ahead: initials first...
    assert dialog.widgets["ethnicity"].combo.currentText() == "汉族"
    combo = dialog.widgets["ethnicity"].combo
    qtbot.waitUntil(lambda: combo._typed == "", timeout=5000)     # ...a pause (its timer ran out) starts over
    qtbot.keyClicks(dialog.widgets["ethnicity"].editor(), "huiz")
    assert dialog.widgets["ethnicity"].combo.currentText() == "回族"
    type_into(qtbot, dialog.widgets["phone"], "13895072768")
    type_into(qtbot, dialog.widgets["category"], "wsyyz")          # 卫生院院长
    assert dialog.widgets["category"].value() == "health_center_head"
    enter(qtbot, dialog.widgets["phone"].editor())
    assert dialog.result() == RecordDialog.DialogCode.Accepted
    assert count(township.ws, m.Person) == before + 1
    saved = records.get(township.ws, "people", dialog.record_id)
    assert (saved["name"], saved["ethnicity"], saved["phone"], saved["sector"]) == ("马海燕", "03", "13895072768",
                                                                                    "health")
    assert township.undo_stack.count() == 1 and township.undo_stack.undoText() == "新增人员：马海燕"


def test_bad_check_digit_shows_as_typed_and_saves_nothing(qtbot, township):
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "王芳")
    field = dialog.widgets["id_number"]
    type_into(qtbot, field, BAD_ID[:17])
    assert not field.error_label.isVisible()             # nothing wrong yet, whatever comes next
    qtbot.keyClicks(field.editor(), BAD_ID[17])
    assert field.error_label.isVisible() and "校验位" in field.error_label.text()
    enter(qtbot, field.editor())
    assert dialog.isVisible() and count(township.ws, m.Person) == before
    assert "校验位" in field.error_label.text()
    assert QApplication.focusWidget() is field.editor()

    qtbot.keyClick(field.editor(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.editor(), GOOD_ID[17])
    assert not field.error_label.isVisible()
    enter(qtbot, field.editor())
    assert not dialog.isVisible() and count(township.ws, m.Person) == before + 1


def test_required_field_problem_comes_from_the_service_in_chinese(qtbot, township):
    dialog = RecordDialog(township, "activities", defaults={"unit_code": TOWNSHIP})
    show(qtbot, dialog)
    type_into(qtbot, dialog.widgets["held_on"], "2026.5.10")
    enter(qtbot, dialog.widgets["held_on"].editor())
    assert dialog.isVisible()
    assert dialog.widgets["title"].error_label.text() == "活动名称：必填"
    assert QApplication.focusWidget() is dialog.widgets["title"].editor()


def test_ctrl_enter_saves_and_starts_the_next_keeping_unit_and_date(qtbot, township):
    before = count(township.ws, m.Activity)
    dialog = RecordDialog(township, "activities", defaults={"unit_code": TOWNSHIP})
    show(qtbot, dialog)
    date = dialog.widgets["held_on"]
    date.set_value("")
    type_into(qtbot, date, "20260510")
    qtbot.keyClick(date.editor(), Qt.Key.Key_Tab)                 # leaving the field shows it the standard way
    assert date.value() == "2026-05-10"
    type_into(qtbot, dialog.widgets["title"], "科普讲座")
    type_into(qtbot, dialog.widgets["type"], "jkjt")              # 健康讲堂: the domain follows the type
    enter(qtbot, dialog.widgets["title"].editor(), Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and count(township.ws, m.Activity) == before + 1
    assert dialog.widgets["title"].value() == "" and dialog.widgets["type"].value() is None
    assert date.value() == "2026-05-10" and dialog.widgets["unit_code"].value() == TOWNSHIP
    assert QApplication.focusWidget() is dialog.widgets["title"].editor()

    type_into(qtbot, dialog.widgets["title"], "义诊")
    type_into(qtbot, dialog.widgets["domain"], "jkzg")
    enter(qtbot, dialog.widgets["title"].editor(), Qt.KeyboardModifier.ControlModifier)
    assert count(township.ws, m.Activity) == before + 2 and len(dialog.saved_ids) == 2
    qtbot.keyClick(dialog.widgets["title"].editor(), Qt.Key.Key_Escape)   # nothing typed since: no question
    assert not dialog.isVisible()
    assert township.undo_stack.count() == 2


def test_multiline_enter_is_a_new_line_and_ctrl_enter_saves(qtbot, township):
    dialog = RecordDialog(township, "activities", defaults={"unit_code": TOWNSHIP, "held_on": "2026-06-01",
                                                            "domain": "other"})
    show(qtbot, dialog)
    type_into(qtbot, dialog.widgets["title"], "应急科普")
    text = dialog.widgets["description"]
    text.editor().setFocus()
    qtbot.keyClicks(text.editor(), "line one")
    enter(qtbot, text.editor())
    qtbot.keyClicks(text.editor(), "line two")
    assert dialog.isVisible() and text.value() == "line one\nline two"
    enter(qtbot, text.editor(), Qt.KeyboardModifier.ControlModifier)
    saved = records.get(township.ws, "activities", dialog.saved_ids[0])
    assert saved["description"] == "line one\nline two"


def test_esc_asks_before_dropping_what_was_typed(qtbot, township):
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "李明")
    answer_next_modal("继续编辑", QMessageBox)
    qtbot.keyClick(dialog.widgets["name"].editor(), Qt.Key.Key_Escape)
    assert dialog.isVisible()
    answer_next_modal("放弃", QMessageBox)
    qtbot.keyClick(dialog.widgets["name"].editor(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and count(township.ws, m.Person) == before


def test_duplicate_person_offers_the_existing_one(qtbot, township):
    existing = records.create(township.ws, "people", {"unit_code": TOWNSHIP, "name": "王芳", "id_number": GOOD_ID})
    assert existing.ok
    before = count(township.ws, m.Person)
    dialog = person_dialog(qtbot, township)
    type_into(qtbot, dialog.widgets["name"], "王芳")
    type_into(qtbot, dialog.widgets["id_number"], GOOD_ID)
    shown = []
    answer_next_modal("使用已有人员", DuplicatePrompt, shown)
    enter(qtbot, dialog.widgets["id_number"].editor())
    assert shown and "身份证号相同" in shown[0].list.item(0).text() and "掌政镇" in shown[0].list.item(0).text()
    assert not dialog.isVisible() and dialog.used_existing and dialog.record_id == existing.record_id
    assert count(township.ws, m.Person) == before

    again = person_dialog(qtbot, township)
    type_into(qtbot, again.widgets["name"], "王芳")
    type_into(qtbot, again.widgets["id_number"], GOOD_ID)
    answer_next_modal("仍然新增", DuplicatePrompt)
    enter(qtbot, again.widgets["id_number"].editor())
    assert not again.isVisible() and not again.used_existing
    assert count(township.ws, m.Person) == before + 1


def test_post_form_finds_people_of_every_unit(qtbot, county):
    """The county appoints a township's hospital head to its standing committee: the same person."""
    ws = county.ws
    person = next(r for r in _people(ws) if r.unit_code == TOWNSHIP and r.category == "health_center_head")
    dialog = RecordDialog(county, "posts", defaults={"unit_code": COUNTY, "start_on": "2026-07-01"},
                          hidden=("unit_code",))
    show(qtbot, dialog)
    picker = dialog.widgets["person_id"]
    type_into(qtbot, picker, person.name)
    picker.search_now()
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    row = next(i for i in range(picker.model.rowCount())
               if picker.model.item(i).data(Qt.ItemDataRole.UserRole) == person.id)
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)            # picks; does not save the form
    assert dialog.isVisible() and picker.value() == person.id and "掌政镇" in picker.details.text()
    type_into(qtbot, dialog.widgets["role"], "cw")         # 常委
    assert dialog.widgets["role"].value() == "standing_member"
    enter(qtbot, dialog.widgets["role"].editor())
    assert not dialog.isVisible()
    post = records.get(ws, "posts", dialog.record_id)
    assert (post["person_id"], post["unit_code"], post["role"]) == (person.id, COUNTY, "standing_member")


def test_an_unpicked_name_is_a_problem_not_a_guess(qtbot, county):
    dialog = RecordDialog(county, "posts", defaults={"unit_code": COUNTY}, hidden=("unit_code",))
    show(qtbot, dialog)
    type_into(qtbot, dialog.widgets["person_id"], "w")     # many people
    type_into(qtbot, dialog.widgets["role"], "cw")
    enter(qtbot, dialog.widgets["role"].editor())
    assert dialog.isVisible() and "Insert" in dialog.widgets["person_id"].error_label.text()


def test_record_of_another_unit_opens_read_only(qtbot, county):
    ws = county.ws
    with ws.session() as s:
        foreign = s.scalar(m.Activity.__table__.select().with_only_columns(m.Activity.id)
                           .where(m.Activity.owner == TOWNSHIP).limit(1))
    dialog = RecordDialog(county, "activities", record_id=foreign)
    show(qtbot, dialog)
    assert dialog.read_only and not dialog.save_button.isVisible() and "只读" in dialog.windowTitle()
    assert dialog.widgets["title"].editor().isReadOnly()
    assert not dialog.widgets["domain"].editor().isEnabled()
    enter(qtbot, dialog.widgets["title"].editor())
    assert county.undo_stack.count() == 0


def _people(ws):
    from sqlalchemy import select
    with ws.session() as s:
        return s.execute(select(m.Person.id, m.Person.name, m.Person.unit_code, m.Person.category)
                         .where(m.Person.deleted.is_(False))).all()


def test_insert_in_the_picker_adds_a_person_or_uses_the_one_found(qtbot, township):
    """任职 of someone not picked yet: Insert opens the person form; when that person exists after all,
    使用已有人员 hands the existing one back to the post form."""
    existing = records.create(township.ws, "people", {"unit_code": TOWNSHIP, "name": "王芳", "id_number": GOOD_ID})
    before = count(township.ws, m.Person)
    dialog = RecordDialog(township, "posts", defaults={"unit_code": TOWNSHIP}, hidden=("unit_code",))
    show(qtbot, dialog)
    picker = dialog.widgets["person_id"]
    type_into(qtbot, picker, "王芳")
    nested = []

    generation = answering.current()

    def fill_person_form(tries=answering.ANSWER_TIMEOUT_MS // 20):
        if not answering.still_running(generation):
            return None
        form = QApplication.activeModalWidget()
        if not (isinstance(form, RecordDialog) and form.table == "people"):
            return QTimer.singleShot(20, lambda: fill_person_form(tries - 1)) if tries else None
        nested.append(form.widgets["name"].value())
        form.widgets["id_number"].editor().setFocus()
        QTest.keyClicks(form.widgets["id_number"].editor(), GOOD_ID)
        answer_next_modal("使用已有人员", DuplicatePrompt)
        QTest.keyClick(form.widgets["id_number"].editor(), Qt.Key.Key_Return)
    QTimer.singleShot(0, fill_person_form)
    qtbot.keyClick(picker.editor(), Qt.Key.Key_Insert)
    assert nested == ["王芳"]                            # the typed name came along
    assert picker.value() == existing.record_id and count(township.ws, m.Person) == before
    type_into(qtbot, dialog.widgets["role"], "wy")          # 委员
    enter(qtbot, dialog.widgets["role"].editor())
    assert records.get(township.ws, "posts", dialog.record_id)["person_id"] == existing.record_id


def test_date_field_calendar_and_clearing(qtbot, township):
    dialog = RecordDialog(township, "venues", defaults={"unit_code": TOWNSHIP})
    show(qtbot, dialog)
    date = dialog.widgets["opened_on"]
    type_into(qtbot, date, "2024年3月9日")
    qtbot.keyClick(date.editor(), Qt.Key.Key_Tab)
    assert date.value() == "2024-03-09"
    date.editor().setFocus()
    qtbot.keyClick(date.editor(), Qt.Key.Key_F4)
    calendar = QApplication.activePopupWidget().findChild(QCalendarWidget)
    assert calendar.selectedDate() == QDate(2024, 3, 9)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert date.value() == "2024-03-10"
    date.editor().setFocus()
    date.editor().selectAll()
    qtbot.keyClick(date.editor(), Qt.Key.Key_Delete)     # an optional date is cleared by emptying it
    assert date.value() == "" and records.create(township.ws, "venues", {
        "unit_code": TOWNSHIP, "type": "science_club", "name": "x", "opened_on": date.value()}).ok
