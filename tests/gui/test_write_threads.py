"""Every kind of write the GUI makes runs on the database worker (ui/shell/operations.run_operation),
driven through the real widgets: a form's save (new, edit, add-anyway after the duplicate prompt),
a new village, attachments chosen together, appointing and ending a post. The thread is observed
by a real SQLAlchemy event on the engine (test_operations.WriteThreads), not by replacing our code;
each action leaves one audit entry named after the act."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from sanxiang_desktop.services import attachments as attachment_service
from sanxiang_desktop.services import lists, records
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.forms.record_form import DuplicatePrompt, RecordDialog
from sanxiang_desktop.ui.pages import records as record_pages
from sanxiang_desktop.ui.pages.association import VillageDialog
from tests.gui.record_support import (TOWNSHIP, answer_next_modal, closed, count, enter, ime, list_values, show,
                                      type_into, undo, worker_idle)
from tests.gui.record_support import township, township_db, zh  # noqa: F401  (fixtures)
from tests.gui.test_operations import WriteThreads, off_gui_thread
from tests.gui.test_pages import add_by_keyboard, open_page

GOOD_ID = "640104198503150024"      # as in test_forms


def audit(ws) -> list[m.AuditEntry]:
    with ws.session() as s:
        return list(s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq)))


def audit_count(ws) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


def watch(township):
    return WriteThreads(township.ws.db.engine)


def test_a_new_record_and_an_edit_save_on_the_worker(qtbot, township):
    seen = watch(township)
    try:
        dialog = show(qtbot, RecordDialog(township, "venues", defaults={"unit_code": TOWNSHIP}))
        ime(dialog.widgets["name"].editor(), "工作线程科普室")
        type_into(qtbot, dialog.widgets["type"], "kp")
        before = audit_count(township.ws)
        enter(qtbot, dialog.widgets["name"].editor())
        assert closed(dialog) and off_gui_thread(seen.take())
        assert [e.action for e in audit(township.ws)[before:]] == ["create:venues"]
        assert township.undo_stack.count() == 1

        edit = show(qtbot, RecordDialog(township, "venues", record_id=dialog.record_id))
        type_into(qtbot, edit.widgets["name"], "工作线程科普活动室")
        enter(qtbot, edit.widgets["name"].editor())
        assert closed(edit) and off_gui_thread(seen.take())
        assert records.get(township.ws, "venues", dialog.record_id)["name"] == "工作线程科普活动室"
        undo(qtbot, township)                                            # the edit, on the worker too
        assert records.get(township.ws, "venues", dialog.record_id)["name"] == "工作线程科普室"
        assert off_gui_thread(seen.take())
    finally:
        seen.close()


def test_add_anyway_after_the_duplicate_prompt_saves_on_the_worker(qtbot, township):
    ws = township.ws
    assert records.create(ws, "people", {"unit_code": TOWNSHIP, "name": "王芳", "id_number": GOOD_ID}).ok
    before = count(ws, m.Person)
    seen = watch(township)
    try:
        dialog = show(qtbot, RecordDialog(township, "people", defaults={"unit_code": TOWNSHIP}))
        type_into(qtbot, dialog.widgets["name"], "王芳")
        type_into(qtbot, dialog.widgets["id_number"], GOOD_ID)
        answer_next_modal("仍然新增", DuplicatePrompt)                     # the prompt opens from the Result
        enter(qtbot, dialog.widgets["id_number"].editor())
        assert closed(dialog) and count(ws, m.Person) == before + 1 and off_gui_thread(seen.take())
    finally:
        seen.close()


def test_a_stale_edit_shows_the_newer_values_and_saves_nothing(qtbot, township):
    ws = township.ws
    venue = records.create(ws, "venues", {"unit_code": TOWNSHIP, "type": "science_club", "name": "旧名称"}).record_id
    dialog = show(qtbot, RecordDialog(township, "venues", record_id=venue))
    assert records.update(ws, "venues", venue, {"name": "别人改的名称"}).ok      # another clerk, meanwhile
    type_into(qtbot, dialog.widgets["name"], "我的名称")
    before = audit_count(ws)
    enter(qtbot, dialog.widgets["name"].editor())
    assert dialog.isVisible() and dialog.widgets["name"].value() == "别人改的名称"
    assert audit_count(ws) == before and township.undo_stack.count() == 0
    type_into(qtbot, dialog.widgets["name"], "我的名称")                  # re-applied on the newer version
    enter(qtbot, dialog.widgets["name"].editor())
    assert closed(dialog) and records.get(ws, "venues", venue)["name"] == "我的名称"


def test_a_new_village_saves_on_the_worker(qtbot, township):
    seen = watch(township)
    try:
        dialog = show(qtbot, VillageDialog(township, TOWNSHIP))
        ime(dialog.name_edit, "工作线程村")
        enter(qtbot, dialog.name_edit)
        assert closed(dialog) and dialog.record_id and off_gui_thread(seen.take())
        assert audit(township.ws)[-1].action == "create:units" and township.undo_stack.count() == 1
    finally:
        seen.close()


def own_activity(qtbot, township):
    page = open_page(qtbot, township, record_pages.ActivitiesPage)
    view = page.panel.view
    list_values(view, "title")
    row = next(r for r in range(view.model.rowCount())
               if records.get(township.ws, "activities", view.model.row(r).id)["owner"] == TOWNSHIP)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: page.attachments.activity_id == view.model.row(row).id)
    return page


def test_attachments_chosen_together_are_one_operation_on_the_worker(qtbot, township, tmp_path, monkeypatch):
    page = own_activity(qtbot, township)
    paths = []
    for i, size in enumerate((800, 900, 1000)):
        path = tmp_path / f"photo{i}.png"
        QImage(size, size // 2, QImage.Format.Format_RGB32).save(str(path))
        paths.append(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    before, steps, entries = len(page.attachments.infos), township.undo_stack.count(), audit_count(township.ws)
    seen = watch(township)
    try:
        page.attachments.photo_button.click()
        worker_idle(qtbot)
        assert off_gui_thread(seen.take())
    finally:
        seen.close()
    assert len(page.attachments.infos) == before + 3 and township.undo_stack.count() == steps + 1
    entry = audit(township.ws)[-1]
    assert audit_count(township.ws) == entries + 1 and entry.action == "create:attachments"
    assert len(json.loads(entry.record_ids)) == 3 and entry.label == "新增3个附件"
    undo(qtbot, township)                                        # all three go in one step
    assert len(page.attachments.infos) == before


def test_a_refused_attachment_in_the_middle_adds_none(qtbot, township, tmp_path, monkeypatch):
    page = own_activity(qtbot, township)
    good = tmp_path / "good.png"
    QImage(400, 300, QImage.Format.Format_RGB32).save(str(good))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")                                       # refused by the service: 文件为空
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(empty), str(good)], ""))
    before, entries = len(page.attachments.infos), audit_count(township.ws)
    warned = []
    from tests.gui.test_operations import close_next_warning
    close_next_warning(warned)
    page.attachments.photo_button.click()
    worker_idle(qtbot)
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "empty.pdf" in warned[0] and "文件为空" in warned[0]
    assert len(attachment_service.attachments_of(township.ws, page.attachments.activity_id)) == before
    assert audit_count(township.ws) == entries and township.undo_stack.count() == 0


def test_appointing_and_ending_a_post_are_named_acts_on_the_worker(qtbot, township):
    ws = township.ws
    page = open_page(qtbot, township, record_pages.LeadershipPage)
    assert records.create(ws, "people", {"unit_code": TOWNSHIP, "name": "线程任职人", "category": "health_center_head"}).ok
    seen = watch(township)
    try:
        add_by_keyboard(qtbot, page.panel, {"person_id": "线程任职人", "role": "jzfzx"})     # 任职
        assert off_gui_thread(seen.take()) and audit(ws)[-1].action == "appoint:posts"
        view = page.panel.view
        view.table.selectRow(list_values(view, "person").index("线程任职人"))
        dialog = page.end_post()                                                        # 离任
        enter(qtbot, dialog.widgets["end_on"].editor())
        assert closed(dialog) and off_gui_thread(seen.take())
        assert audit(ws)[-1].action == "end_post:posts" and audit(ws)[-1].label.startswith("离任")
        assert "线程任职人" not in list_values(view, "person")
    finally:
        seen.close()
    assert township.undo_stack.count() == 2
    assert lists.key_slots(ws, TOWNSHIP) is not None
