"""Every record type entered through its page by keyboard (Ins, type, Enter) and seen in the page's
list; deleting asks once and undo/redo put the row back and take it away again; the dashboard's
filter narrows a list; the key-person slots; attachments."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from sanxiang_desktop.services import attachments as attachment_service
from sanxiang_desktop.services import lists, records
from sanxiang_desktop.services.list_source import RowState
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.pages import records as record_pages
from sanxiang_desktop.ui.pages.association import VillageDialog
from sanxiang_desktop.ui.forms.field_widgets import ERROR_STYLE
from sanxiang_desktop.ui.forms.person_picker import PersonPicker
from sanxiang_desktop.ui.pages.base import PAGE_FACTORIES
from sanxiang_desktop.ui.forms.record_form import RecordDialog
from tests.gui.record_support import (COUNTY, TOWNSHIP, VILLAGE, answer_next_modal, closed, count, enter, ime,
                                      list_values, redo, show, type_into, undo, worker_idle)
from tests.gui.record_support import county, county_db, township, township_db, zh  # noqa: F401  (fixtures)


def open_page(qtbot, ctx, page_class, code=TOWNSHIP, level="township"):
    page = page_class(ctx)
    show(qtbot, page)
    page.set_unit(code, level)
    return page


def pick_person(qtbot, field, name: str) -> None:
    """Type the name, wait for the list that opens, take its first line with Down and Enter."""
    type_into(qtbot, field, name)
    qtbot.waitUntil(field.completer.popup().isVisible)    # after the typing pause
    qtbot.keyClick(field.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(field.completer.popup(), Qt.Key.Key_Return)
    assert field.value() and field.editor().text() == name


def add_by_keyboard(qtbot, panel, typed: dict[str, str]) -> RecordDialog:
    """Ins on the list, type each field, Enter in the last one: the form saves and closes."""
    panel.window().activateWindow()      # the window manager's part when the last form closed
    qtbot.waitUntil(panel.window().isActiveWindow)
    panel.view.table.setFocus()
    qtbot.keyClick(panel.view.table, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    last = None
    for name, text in typed.items():
        field = dialog.widgets[name]
        if isinstance(field, PersonPicker):
            pick_person(qtbot, field, text)
        else:
            type_into(qtbot, field, text)
        last = field
    enter(qtbot, last.editor())
    assert closed(dialog), {n: w.problem_text() for n, w in dialog.widgets.items() if w.problem_text()}
    return dialog


def test_pages_are_registered_in_display_order():
    keys = [f.key for f in PAGE_FACTORIES if f in record_pages.PAGES]
    assert keys[:4] == ["association", "leadership", "people", "activities"]
    assert {"visits", "venues", "teams", "villages", "leading_group", "plans", "milestones", "bulletins"} <= set(keys)


def test_person_appears_in_the_people_list_and_undo_redo(qtbot, township):
    page = open_page(qtbot, township, record_pages.PeoplePage)
    before = page.panel.view.model.total_count
    add_by_keyboard(qtbot, page.panel, {"name": "单于洋", "gender": "n", "phone": "13912345678"})
    assert "单于洋" in list_values(page.panel.view, "name")
    assert page.panel.view.model.total_count == before + 1
    assert "139****5678" in list_values(page.panel.view, "phone")
    undo(qtbot, township)
    assert "单于洋" not in list_values(page.panel.view, "name")
    redo(qtbot, township)
    assert "单于洋" in list_values(page.panel.view, "name")


def test_delete_asks_once_and_undo_restores_redo_deletes_again(qtbot, township):
    page = open_page(qtbot, township, record_pages.VenuesPage)
    view = page.panel.view
    name = view.model.row(0).values[view.model.column_of("name")]
    before = count(township.ws, m.Venue)
    view.table.setFocus()
    view.table.selectRow(0)
    answer_next_modal("取消", QMessageBox)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert count(township.ws, m.Venue) == before
    answer_next_modal("删除", QMessageBox)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    worker_idle(qtbot)
    assert count(township.ws, m.Venue) == before - 1 and name not in list_values(view, "name")
    assert township.undo_stack.undoText().startswith("删除阵地")
    undo(qtbot, township)
    assert count(township.ws, m.Venue) == before and name in list_values(view, "name")
    redo(qtbot, township)
    assert count(township.ws, m.Venue) == before - 1 and name not in list_values(view, "name")


def test_venue_and_edit_by_enter(qtbot, township):
    page = open_page(qtbot, township, record_pages.VenuesPage)
    add_by_keyboard(qtbot, page.panel, {"type": "kxs", "name": "掌政镇科普e站", "area_m2": "45.5"})
    view = page.panel.view
    assert "掌政镇科普e站" in list_values(view, "name")
    row = list_values(view, "name").index("掌政镇科普e站")
    view.table.setFocus()
    view.table.selectRow(row)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)          # Enter opens the selected record
    dialog = page.panel.dialog
    assert dialog.record_id == view.model.row(row).id
    area = dialog.widgets["area_m2"]
    area.editor().selectAll()
    qtbot.keyClicks(area.editor(), "60")
    enter(qtbot, area.editor())
    assert "60" in list_values(view, "area_m2")
    undo(qtbot, township)
    assert "45.5" in list_values(view, "area_m2")


def test_activity_and_the_dashboard_filter(qtbot, township):
    page = open_page(qtbot, township, record_pages.ActivitiesPage)
    add_by_keyboard(qtbot, page.panel, {"title": "合理膳食讲座", "held_on": "2026-03-05", "type": "jkjt",
                                        "participants": "80"})
    view = page.panel.view
    assert "合理膳食讲座" in list_values(view, "title")
    page.apply_filter({"domain": "education", "year": 2026})
    assert set(list_values(view, "domain")) == {"创新驱动"}
    assert page.panel.filter_label.isVisible() and "创新驱动" in page.panel.filter_label.text()
    page.panel.clear_filter_button.click()
    assert "合理膳食讲座" in list_values(view, "title")


def test_end_post_empties_the_key_slot_and_appoint_fills_it(qtbot, township):
    ws = township.ws
    page = open_page(qtbot, township, record_pages.LeadershipPage)
    holder = next(s for s in lists.key_slots(ws, TOWNSHIP) if s.code == "hospital").people[0]
    assert holder in page.slots.texts()["hospital"]
    view = page.panel.view
    view.table.selectRow(list_values(view, "person").index(holder))
    dialog = page.end_post()                               # 离任: today unless the clerk types a date
    assert dialog.widgets["end_on"].value() == ws.today().isoformat()
    enter(qtbot, dialog.widgets["end_on"].editor())
    assert holder not in list_values(view, "person")
    assert page.slots.texts()["hospital"].endswith("空缺") and page.slots.labels["hospital"].styleSheet() == ERROR_STYLE

    assert records.create(ws, "people", {"unit_code": TOWNSHIP, "name": "纳文斌", "category": "health_center_head"}).ok
    add_by_keyboard(qtbot, page.panel, {"person_id": "纳文斌", "role": "jzfzx"})     # 任职 as 兼职副主席
    assert "纳文斌" in list_values(view, "person") and "纳文斌" in page.slots.texts()["hospital"]
    undo(qtbot, township)                            # the appointment
    assert page.slots.texts()["hospital"].endswith("空缺")
    undo(qtbot, township)                            # the end of the post
    assert holder in list_values(view, "person") and holder in page.slots.texts()["hospital"]


def test_meeting_and_association_details(qtbot, township):
    page = open_page(qtbot, township, record_pages.AssociationPage)
    add_by_keyboard(qtbot, page.meetings, {"kind": "qwh", "held_on": "2026-09-09", "term_no": "2"})
    assert "2026-09-09" in list_values(page.meetings.view, "held_on")
    dialog = page.box.edit()
    funding = dialog.widgets["funding_yuan"]
    funding.editor().selectAll()
    qtbot.keyClicks(funding.editor(), "35000")
    enter(qtbot, funding.editor())
    assert page.box.values["funding_yuan"].text() == "35000"


def test_village_contact_person_and_shared_venue(qtbot, township):
    page = open_page(qtbot, township, record_pages.VillagesPage)
    page.panel.view.table.setFocus()
    qtbot.keyClick(page.panel.view.table, Qt.Key.Key_Insert)
    dialog = page.panel.dialog
    assert isinstance(dialog, VillageDialog)
    ime(dialog.name_edit, "新丰村")
    enter(qtbot, dialog.name_edit)
    view = page.panel.view
    assert "新丰村" in list_values(view, "name")
    view.table.selectRow(list_values(view, "name").index("新丰村"))
    view.table.setCurrentIndex(view.model.index(list_values(view, "name").index("新丰村"), 0))
    contact = page.edit_contact()
    qtbot.waitUntil(contact.isActiveWindow)
    person = lists.search_people(township.ws, "wang", 1)[0]
    pick_person(qtbot, contact.widgets["contact_person_id"], person.name)
    type_into(qtbot, contact.widgets["service_venue_id"], "dq")   # 党群服务中心 shared with the township
    enter(qtbot, contact.widgets["service_venue_id"].editor())
    assert not contact.isVisible()
    row = list_values(view, "name").index("新丰村")
    assert view.model.row(row).values[view.model.column_of("contact")] == person.name

    village_page = open_page(qtbot, township, record_pages.AssociationPage, VILLAGE, "village")
    assert not village_page.meetings_box.isVisible()
    assert set(village_page.box.values) == {"established", "contact_person_id", "service_venue_id", "notes"}


def test_team_and_member(qtbot, township):
    page = open_page(qtbot, township, record_pages.TeamsPage)
    add_by_keyboard(qtbot, page.master, {"name": "农技服务队", "domain": "xczx"})
    view = page.master.view
    view.table.selectRow(list_values(view, "name").index("农技服务队"))
    assert page.detail.add_button.isEnabled()
    name = lists.search_people(township.ws, "wang", 1)[0].name
    add_by_keyboard(qtbot, page.detail, {"person_id": name})
    assert list_values(page.detail.view, "person") == [name]
    assert list_values(view, "members")[list_values(view, "name").index("农技服务队")] == "1"


def test_county_records(qtbot, county):
    visits = open_page(qtbot, county, record_pages.VisitsPage, COUNTY, "county")
    add_by_keyboard(qtbot, visits.panel, {"visited_unit_code": "640104100", "visited_on": "2026-08-08",
                                          "visitors": "区科协主席"})
    assert "区科协主席" in list_values(visits.panel.view, "visitors")

    plans = open_page(qtbot, county, record_pages.PlansPage, COUNTY, "county")
    add_by_keyboard(qtbot, plans.master, {"title": "2026年补充方案", "filed_on": "2026-08-01"})
    view = plans.master.view
    view.table.selectRow(list_values(view, "title").index("2026年补充方案"))
    add_by_keyboard(qtbot, plans.detail, {"title": "开展调研走访", "due_on": "2026-12-01"})
    assert list_values(plans.detail.view, "title") == ["开展调研走访"]

    milestones = open_page(qtbot, county, record_pages.MilestonesPage, COUNTY, "county")
    add_by_keyboard(qtbot, milestones.panel, {"title": "年终总结", "due_on": "2026-12-20"})
    add_by_keyboard(qtbot, milestones.panel, {"title": "复查", "due_on": "2026-12-25"})   # a fresh code each
    assert {"年终总结", "复查"} <= set(list_values(milestones.panel.view, "title"))

    bulletins = open_page(qtbot, county, record_pages.BulletinsPage, COUNTY, "county")
    add_by_keyboard(qtbot, bulletins.panel, {"issue_no": "4", "title": "第4期通报"})
    assert "第4期通报" in list_values(bulletins.panel.view, "title")

    group = open_page(qtbot, county, record_pages.LeadingGroupPage, COUNTY, "county")
    assert group.members.add_button.isEnabled()
    person = lists.search_people(county.ws, "ma", 1)[0]
    add_by_keyboard(qtbot, group.members, {"person_id": person.name, "department": "区财政局"})
    assert "区财政局" in list_values(group.members.view, "department")


def test_leading_group_is_entered_before_its_members(qtbot, township_db, tmp_path, qapp):
    from tests.gui.record_support import make_context, open_copy
    db, ws = open_copy(township_db, tmp_path)     # a township file has no county group: use its county unit
    try:
        ctx = make_context(ws, tmp_path)
        page = open_page(qtbot, ctx, record_pages.LeadingGroupPage, COUNTY, "county")
        assert not page.members.add_button.isEnabled() and page.box.empty_label.isVisible()
    finally:
        db.close()


def test_pages_refresh_only_for_their_tables(qtbot, township):
    page = open_page(qtbot, township, record_pages.VenuesPage)
    reads = []
    model = page.panel.view.model
    model.modelReset.connect(lambda: reads.append(1))
    township.notify(Changes(frozenset({"activities"})))
    assert reads == [] and not model.busy   # no re-query started either
    with qtbot.waitSignal(model.query_finished, timeout=5000):
        township.notify(Changes(frozenset({"venues"})))
    assert reads == [1]


def test_photo_is_scaled_down_stored_once_and_opened_by_id(qtbot, township, tmp_path, monkeypatch):
    page = open_page(qtbot, township, record_pages.ActivitiesPage)
    view = page.panel.view
    own = next(r for r in range(view.model.rowCount()) if view.model.row(r).state is RowState.OWN)
    view.table.selectRow(own)
    activity = view.model.row(own).id
    assert page.attachments.activity_id == activity and page.attachments.photo_button.isEnabled()
    photo = tmp_path / "IMG_0001.png"
    QImage(3200, 2400, QImage.Format.Format_RGB32).save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo), str(photo)], ""))
    before = len(page.attachments.infos)
    undo_steps = township.undo_stack.count()
    page.attachments.photo_button.click()                     # read, scaled and stored on the worker
    worker_idle(qtbot)
    infos = list(page.attachments.infos.values())
    assert len(infos) == before + 2 and infos[-1].file_name == "IMG_0001.jpg" and infos[-1].mime == "image/jpeg"
    stored = QImage.fromData(attachment_service.blob_bytes(township.ws, infos[-1].sha256))
    assert (stored.width(), stored.height()) == (1600, 1200)
    assert infos[-1].sha256 == infos[-2].sha256           # the same bytes are kept once
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    path = page.attachments.open_attachment(infos[-1].id)
    assert opened == [str(path)] and Path(path).name == f"{infos[-1].id}.jpg"
    assert township.undo_stack.count() == undo_steps + 1       # two files chosen together: one step
    undo(qtbot, township)
    assert len(page.attachments.infos) == before


def test_keep_original_stores_the_file_as_it_is(qtbot, township, tmp_path, monkeypatch):
    page = open_page(qtbot, township, record_pages.ActivitiesPage)
    view = page.panel.view
    own = next(r for r in range(view.model.rowCount()) if view.model.row(r).state is RowState.OWN)
    view.table.selectRow(own)
    photo = tmp_path / "scan.png"
    QImage(2000, 100, QImage.Format.Format_RGB32).save(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    page.attachments.keep_box.setChecked(True)                 # 保留原图
    page.attachments.photo_button.click()
    worker_idle(qtbot)
    info = list(page.attachments.infos.values())[-1]
    assert info.file_name == "scan.png"
    assert attachment_service.blob_bytes(township.ws, info.sha256) == photo.read_bytes()
    assert QApplication.activeModalWidget() is None


def test_pages_follow_a_language_switch(qtbot, township):
    page = open_page(qtbot, township, record_pages.LeadershipPage)
    assert page.panel.add_button.text() == "任职(&A)" and page.panel.delete_button.text() == "删除(&D)"
    activities = open_page(qtbot, township, record_pages.ActivitiesPage)
    assert activities.attachments.photo_button.text() == "添加照片(&P)…"
    i18n.install_translators(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: page.panel.add_button.text() == "&Appoint")
    assert page.end_button.text() == "End &Post" and page.panel.delete_button.text() == "&Delete"
    qtbot.waitUntil(lambda: activities.attachments.photo_button.text() == "Add &Photos…")


def test_open_record_routing_comes_from_the_tables_pages_declare():
    """A returned leading-group record opens the 领导小组 page (it used to open 职务 / leadership)."""
    from sanxiang_desktop.services.spec import SPECS
    from sanxiang_desktop.ui.exchange.returns import RETURNABLE_TABLES
    from sanxiang_desktop.ui.pages.base import PAGE_FACTORIES, page_key_for_table
    pages = [f for f in PAGE_FACTORIES if isinstance(f, type)]
    assert page_key_for_table(pages, "leading_groups") == "leading_group"
    assert page_key_for_table(pages, "posts") == "leadership"
    for table in RETURNABLE_TABLES:
        key = page_key_for_table(pages, table)
        assert key is not None and table in SPECS, table
    assert page_key_for_table(pages, "no_such_table") is None
