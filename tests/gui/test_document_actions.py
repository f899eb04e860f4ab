"""打印/导出 from the list pages: print preview of a list and of a person's vice-chair form,
Excel export on the worker, and the import wizard with its preview, marked-up copy, the explicit
"good rows only" choice and one undo step."""
from __future__ import annotations

import openpyxl
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from sanxiang_desktop.spreadsheets.importing import marked_copy_path
from sanxiang_desktop.spreadsheets.template import write_template
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.pages import records as record_pages
from sanxiang_desktop.ui.lists.document_actions import DocumentActions
from sanxiang_desktop.ui.lists.import_wizard import ImportDialog
from tests.gui.record_support import TOWNSHIP, count, show
from tests.gui.record_support import county, county_db, township, township_db, zh  # noqa: F401  (fixtures)


def people_page(qtbot, ctx):
    page = record_pages.PeoplePage(ctx)
    show(qtbot, page)
    page.set_unit(TOWNSHIP, "township")
    actions = page.document_actions                      # installed by the page: 打印/导出 button and 记录 menu
    assert isinstance(actions, DocumentActions) and actions.button.menu() is not None
    return page, actions


def test_a_list_opens_in_print_preview_and_saves_as_pdf(qtbot, township, tmp_path, monkeypatch):
    page, actions = people_page(qtbot, township)
    actions.print_list.trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(actions, "last_preview", None), QPrintPreviewDialog), timeout=20000)
    actions.last_preview.close()
    target = tmp_path / "名单.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.pdf_list.trigger()
    qtbot.waitUntil(target.exists, timeout=20000)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_person_s_vice_chair_form_prints_from_the_people_list(qtbot, township):
    page, actions = people_page(qtbot, township)
    with township.ws.session() as s:
        post = s.scalar(select(m.Post).where(m.Post.unit_code == TOWNSHIP, m.Post.role == "part_time_vice_chair",
                                             m.Post.deleted.is_(False)))
    actions.preview_form("vice-chairs", person_id=post.person_id)
    qtbot.waitUntil(lambda: isinstance(getattr(actions, "last_preview", None), QPrintPreviewDialog), timeout=20000)
    assert "三长" in actions.last_preview.windowTitle()
    actions.last_preview.close()


def test_the_leadership_and_overview_pages_offer_their_forms(qtbot, township):
    from sanxiang_desktop.ui.pages.association import AssociationPage
    from sanxiang_desktop.ui.pages.leadership import LeadershipPage
    for page_class, form in ((LeadershipPage, "leadership"), (AssociationPage, "registration")):
        page = page_class(township)
        show(qtbot, page)
        page.set_unit(TOWNSHIP, "township")
        actions = page.document_actions
        actions.form_actions[form].trigger()
        qtbot.waitUntil(lambda: isinstance(getattr(actions, "last_preview", None), QPrintPreviewDialog),
                        timeout=20000)
        actions.last_preview.close()


def test_the_ledger_exports_to_excel_on_the_worker(qtbot, township, tmp_path, monkeypatch):
    page, actions = people_page(qtbot, township)
    target = tmp_path / "人员台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.full_pii.setChecked(True)
    actions.excel_list.trigger()
    qtbot.waitUntil(lambda: getattr(actions, "exported", None) is not None, timeout=20000)
    assert target.exists() and actions.exported[1] == count(township.ws, m.Person)
    assert not actions.full_pii.isChecked()                       # one output only
    with township.ws.session() as s:
        assert s.scalar(select(m.AuditEntry.action).order_by(m.AuditEntry.seq.desc()).limit(1)) == "export:full_pii"


def test_the_import_wizard_imports_the_good_rows_only_when_asked(qtbot, township, tmp_path):
    path = tmp_path / "名单.xlsx"
    write_template("people", path)
    wb = openpyxl.load_workbook(path)
    ws = wb["导入数据"]
    for col, value in enumerate(["掌政镇", "新人甲", "男"], start=1):
        ws.cell(5, col, value)
    for col, value in enumerate(["掌政镇", "新人乙", "女", None, None, "640104198506070017"], start=1):
        ws.cell(6, col, value)                                             # a wrong check digit
    wb.save(path)
    before = count(township.ws, m.Person)
    dialog = ImportDialog(township, "people")
    show(qtbot, dialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.plans is not None, timeout=20000)
    assert not dialog.import_button.isEnabled() and dialog.good_only_button.isEnabled()
    assert "第 6 行" in dialog.details.toPlainText() and marked_copy_path(path).exists()
    assert count(township.ws, m.Person) == before                 # the preview changed nothing
    dialog.good_only_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert dialog.result.ok and count(township.ws, m.Person) == before + 1
    stack = township.undo_stack
    assert stack.count() == 1
    stack.undo()                                                  # undo and redo run on the worker
    qtbot.waitUntil(lambda: count(township.ws, m.Person) == before, timeout=20000)
    stack.redo()
    qtbot.waitUntil(lambda: count(township.ws, m.Person) == before + 1, timeout=20000)


def test_any_list_exports_as_shown(qtbot, township, tmp_path, monkeypatch):
    page = record_pages.MilestonesPage(township)
    show(qtbot, page)
    page.set_unit(TOWNSHIP, "township")
    actions = page.document_actions
    assert actions.excel_list is None and actions.import_list is None     # no ledger, no import: the list itself
    target = tmp_path / "节点.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.excel_shown.trigger()
    qtbot.waitUntil(lambda: getattr(actions, "exported", None) is not None, timeout=20000)
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value == page.title() and ws.max_row >= 3


def test_the_statistics_page_prints_the_summary_and_saves_the_bulletin_as_word(qtbot, county, tmp_path, monkeypatch):
    from docx import Document as read_docx
    from sanxiang_desktop.ui.dashboard.page import DashboardPage
    from tests.gui.record_support import COUNTY
    page = DashboardPage(county)
    show(qtbot, page)
    page.set_unit(COUNTY, "county")
    actions = page.form_actions
    actions.update_enabled()
    assert all(a.isEnabled() for a in actions.actions())
    actions.preview_actions["summary"].trigger()
    qtbot.waitUntil(lambda: isinstance(getattr(actions, "last_preview", None), QPrintPreviewDialog), timeout=20000)
    actions.last_preview.close()
    target = tmp_path / "通报.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    actions.word_actions["bulletin"].trigger()
    qtbot.waitUntil(lambda: getattr(actions, "saved", None) == target, timeout=20000)
    assert read_docx(str(target)).paragraphs[0].text == "“3+1”工作进展情况通报"
    page.set_unit(TOWNSHIP, "township")
    actions.update_enabled()
    assert not any(a.isEnabled() for a in actions.actions())
