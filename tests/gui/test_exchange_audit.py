"""Every action of the 数据交换 page, driven through the real page: it runs on the database worker
(the thread of its INSERT/UPDATE statements, seen by a real SQLAlchemy event, test_operations.WriteThreads),
leaves exactly one audit entry, and the pages hear the Changes it reports (an import's are built
from what it applied: its tables and record ids, not "every table")."""
from __future__ import annotations

import json

from sqlalchemy import select

from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.models import AuditEntry
from sanxiang_desktop.sync import service
from tests.gui.test_exchange import (Pages, _conflict, finish_import, pages, preview, templates, usb,  # noqa: F401
                                    world)
from tests.gui.test_operations import WriteThreads, off_gui_thread
from tests.sync.world import COUNTY, TOWN1


def audit(node) -> list[AuditEntry]:
    with node.db.session() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


class Watched:
    """The audit entries an action adds and the threads its writes ran in."""

    def __init__(self, node):
        self.node, self.before = node, len(audit(node))
        self.threads = WriteThreads(node.db.engine)

    def new_entries(self) -> list[AuditEntry]:
        self.threads.close()
        return audit(self.node)[self.before:]


def test_importing_a_package_is_one_entry_on_the_worker_with_the_changes_it_applied(pages, world):
    t1, c = world["t1"], world["c"]
    package = t1.export()
    page = pages.open(c, "county")
    dialog = preview(pages, page, *package.paths)
    watched = Watched(c)
    pages.changes.clear()
    dialog.import_button.click()
    finish_import(pages, page, dialog)
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "import:data" and json.loads(entry.record_ids) == [dialog.outcomes[0].package_id]
    assert entry.label.startswith("导入掌政镇 数据包 第 1 号")
    (changes,) = [ch for ch in pages.changes if ch.touches("sync_received")]
    sent = {json.loads(x)["table"] for x in t1.dump() if json.loads(x)["owner"] == TOWN1}
    assert changes.tables - {"sync_received", "sync_conflicts", "sync_duplicates"} <= sent
    assert "venues" in changes.tables and "leading_groups" not in changes.tables    # a county's table: not sent
    venue = next(json.loads(x)["id"] for x in t1.dump() if '"table":"venues"' in x)
    assert venue in changes.ids


def test_importing_a_receipt_is_one_entry_on_the_worker(pages, world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    receipt = c.receipt_for(t1)
    town = pages.open(t1, "township")
    dialog = preview(pages, town, *receipt.paths)
    watched = Watched(t1)
    dialog.import_button.click()
    finish_import(pages, town, dialog)
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "import:receipt" and entry.tables == "sync_receipts"


def test_resolving_a_conflict_is_one_entry_on_the_worker(pages, world):
    vid = _conflict(world)
    c = world["c"]
    page = pages.open(c, "county")
    page.conflicts_panel.view.selectRow(0)
    watched = Watched(c)
    page.conflicts_panel.local_button.click()
    pages.qtbot.waitUntil(lambda: page.conflicts_panel.view.rows_model.rows == [], timeout=10000)
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "resolve:sync_conflicts" and vid in json.loads(entry.record_ids)
    assert any(ch.touches("venues") and vid in ch.ids for ch in pages.changes)


def test_dismissing_a_duplicate_is_one_entry_on_the_worker(pages, world):
    t1, t2, c = world["t1"], world["t2"], world["c"]
    person = next(json.loads(x) for x in t1.dump() if '"table":"people"' in x and json.loads(x)["id_number"])
    assert records.create(Workspace.open(t2.db), "people", {"unit_code": t2.code, "name": "马小花",
                                                            "id_number": person["id_number"]},
                          allow_duplicate=True).ok
    c.take(t1.export(), t2.export())
    page = pages.open(c, "county")
    page.duplicates_panel.view.selectRow(0)
    watched = Watched(c)
    page.duplicates_panel.dismiss_button.click()
    pages.qtbot.waitUntil(lambda: page.duplicates_panel.view.rows_model.rows == [], timeout=10000)
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "dismiss:sync_duplicates" and person["id_number"] not in entry.label


def test_returning_a_record_and_dismissing_the_return_are_one_entry_each_on_the_worker(pages, world):
    t1, c, y = world["t1"], world["c"], world["y"]
    c.take(t1.export())
    county = pages.open(c, "county")
    assert county.children_panel.select_unit(TOWN1)
    county.children_panel.return_button.click()
    pages.qtbot.waitUntil(lambda: county.return_dialog is not None and county.return_dialog.loads >= 1,
                          timeout=10000)
    dialog = county.return_dialog
    dialog.records_list.setCurrentRow(0)
    dialog.reason_edit.setText("活动日期有误")
    watched = Watched(c)
    dialog.return_button.click()
    pages.qtbot.waitUntil(lambda: county.notice.isVisible(), timeout=10000)
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "return:sync_returns" and entry.label.startswith("退回更正：掌政镇的活动")

    t1.take(c.receipt_for(t1))
    town = pages.open(t1, "township")
    panel = town.corrections_panel
    panel.view.selectRow(0)
    watched = Watched(t1)
    panel.dismiss_button.click()
    pages.qtbot.waitUntil(lambda: panel.view.rows_model.rows == [], timeout=10000)
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    (entry,) = watched.new_entries()
    assert entry.action == "dismiss:sync_returns" and service.corrections_due(t1.db) == []
    assert COUNTY                                                      # (the world's county returned it)


def test_a_refused_return_writes_nothing_and_says_why(pages, world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    watched = Watched(c)
    page = pages.open(c, "county")
    own = next(json.loads(x)["id"] for x in c.dump() if '"table":"work_plans"' in x)
    shown = []
    from tests.gui.window_support import answer_modal
    answer_modal(lambda box: (shown.append(box.text()), box.accept()))
    page.operation(lambda: service.return_for_correction(c.db, "work_plans", own, "标题有误"), lambda _out: None)
    pages.qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    pages.settle()
    assert "属于本单位" in shown[0] and watched.new_entries() == []


def test_writing_a_receipt_and_exporting_a_package_are_one_entry_each(pages, world, usb):
    from tests.gui.test_exchange import export_from
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    county = pages.open(c, "county")
    assert county.children_panel.select_unit(TOWN1)
    watched = Watched(c)
    county.children_panel.receipt_button.click()
    pages.qtbot.waitUntil(lambda: county.notice.isVisible(), timeout=10000)
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    assert [e.action for e in watched.new_entries()] == ["export:receipt"]
    watched = Watched(c)
    export_from(pages, county).close()
    pages.settle()
    assert off_gui_thread(watched.threads.take())
    assert [e.action for e in watched.new_entries()] == ["export:data"]
