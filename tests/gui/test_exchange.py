"""数据交换 page: export with the check code and the 报送单, import with a preview, a new sender
confirmed by fingerprint, duplicates and damaged files, receipts going down, conflicts resolved.

The databases are the sync tests' exchange world (tests/sync/world.py: two townships with demo
data, the county, the city, keys already paired); each test works on fresh copies. Only the
QFileDialog static calls are patched; the page, its dialogs and the sync layer are real."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from sanxiang_desktop.core import clock
from sanxiang_desktop.services import indicators, records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.sync import service
from sanxiang_desktop.ui.exchange.pages import ExchangePage
from sanxiang_desktop.ui.pages.base import PageContext
from tests.gui.window_support import answer_modal
from tests.sync.world import COUNTY, TOWN1, YEAR, Node, build_templates, copy_world

CHECK_CODE = re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}$")


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("exchange-templates"))


@pytest.fixture
def world(templates, tmp_path):
    nodes = copy_world(templates, tmp_path / "world")
    yield nodes
    for node in nodes.values():
        node.close()


@pytest.fixture
def usb(tmp_path, monkeypatch):
    """The USB stick: every folder and file dialog answers with it."""
    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))
    return folder


class Pages:
    """Exchange pages on the world's databases, closed (and their worker drained) at the end."""

    def __init__(self, qtbot, settings, runner):
        self.qtbot, self.settings, self.runner = qtbot, settings, runner
        self.changes: list = []
        self.opened: list[ExchangePage] = []

    def close_dialogs(self) -> None:
        """The pages' dialogs are open()ed (window-modal) and outlive the page closing: one left up would
        be the next test's QApplication.activeModalWidget(), handed to its answer_modal()."""
        for page in self.opened:
            if shiboken6.isValid(page):
                for dialog in page.findChildren(QDialog):
                    if dialog.isVisible():
                        dialog.close()

    def open(self, node: Node, level: str) -> ExchangePage:
        ws = Workspace.open(node.db)
        context = PageContext(ws=ws, undo_stack=QUndoStack(), settings=self.settings, tasks=self.runner)
        context.changes_listeners.append(self.changes.append)
        page = ExchangePage(context)
        self.qtbot.addWidget(page)
        self.opened.append(page)
        page.set_unit(node.code, level)
        page.resize(1200, 700)
        page.show()
        self.qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10000)
        return page

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: self.runner.pending == 0, timeout=10000)


@pytest.fixture
def pages(qtbot, settings, runner, chinese):
    helper = Pages(qtbot, settings, runner)
    yield helper
    helper.settle()
    helper.close_dialogs()


def export_from(pages: Pages, page: ExchangePage):
    before = page.export_dialog
    page.export_button.click()
    pages.qtbot.waitUntil(lambda: page.export_dialog is not before and page.export_dialog.isVisible(), timeout=10000)
    return page.export_dialog


def preview(pages: Pages, page: ExchangePage, *files):
    before = page.import_dialog
    page.import_paths([str(f) for f in files])
    pages.qtbot.waitUntil(lambda: page.import_dialog is not before and page.import_dialog.isVisible(), timeout=10000)
    return page.import_dialog


def column(dialog, key: str) -> list[str]:
    return [str(r[key]) for r in dialog.table.rows_model.rows]


def finish_import(pages: Pages, page: ExchangePage, dialog) -> None:
    pages.qtbot.waitUntil(lambda: dialog.finished_import, timeout=10000)
    pages.settle()
    dialog.close_button.click()


def test_export_shows_the_check_code_and_saves_the_slip(pages, world, usb, monkeypatch):
    page = pages.open(world["t1"], "township")
    assert page.upper_label.text() == "尚未收到兴庆区的回执"
    assert page.key_label.text() == service.own_key(world["t1"].db).fingerprint
    assert page.export_button.text() == "导出上报数据包(&X)…" and page.import_button.text() == "导入数据包(&I)…"
    assert not page.tabs.isTabVisible(0)                 # a township has no installations below it
    dialog = export_from(pages, page)
    written = dialog.written
    assert [p.parent for p in written.paths] == [usb] and written.paths[0].is_file()
    assert written.paths[0].name == f"{TOWN1}-{COUNTY}-000001.sxpkg"
    assert CHECK_CODE.match(dialog.code_label.text()) and dialog.code_label.text() == written.check_code
    assert dialog.code_label.font().pointSizeF() > page.font().pointSizeF() * 2
    assert pages.settings.get("exchange_folder") == str(usb)
    pdf = usb / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    dialog.pdf_button.click()
    pages.qtbot.waitUntil(lambda: "slip.pdf" in dialog.saved_label.text(), timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")
    dialog.reject()
    pages.settle()
    assert page.sent_label.text() == "已报送至第 1 包，上级尚未确认：第 1 包。"
    history = page.history_panel.view.rows_model.rows
    assert [(r["direction"], r["kind"], r["unit"], r["seq"]) for r in history] == [("发出", "数据包", "兴庆区", 1)]


def test_without_the_upper_level_key_the_package_is_flagged_unencrypted(pages, world, usb):
    t1 = world["t1"]
    assert service.forget_peer(t1.db, COUNTY)
    page = pages.open(t1, "township")
    dialog = export_from(pages, page)
    assert not dialog.written.encrypted
    warning = dialog.findChild(QLabel, "unencrypted_label")
    assert warning is not None and "未加密" in warning.text() and "兴庆区" in warning.text()
    previews = []
    answer_modal(lambda d: (previews.append(d.windowTitle()), d.reject()))
    dialog.print_button.click()                          # 打印报送单: the print preview of the slip
    assert previews and "报送单" in previews[0]
    dialog.reject()


def test_the_top_level_cannot_export(pages, world, usb):
    page = pages.open(world["y"], "city")
    assert not page.export_button.isEnabled()
    assert "最高一级" in page.upper_label.text()
    answered = []
    answer_modal(lambda box: (answered.append(box.text()), box.accept()))
    page.start_export(usb)                               # the sync layer refuses it too, in Chinese
    pages.qtbot.waitUntil(lambda: bool(answered), timeout=10000)
    assert "没有可报送的上级单位" in answered[0]
    assert list(usb.iterdir()) == []


def test_a_new_sender_is_confirmed_by_fingerprint_then_imported_once(pages, world, usb):
    t1, c = world["t1"], world["c"]
    package = t1.export()
    assert service.forget_peer(c.db, TOWN1)             # as if no enrolment had paired them
    page = pages.open(c, "county")
    dialog = preview(pages, page, *package.paths)
    pages.qtbot.waitUntil(lambda: dialog.trust_dialog is not None and dialog.trust_dialog.isVisible())
    trust = dialog.trust_dialog
    assert trust.fingerprint == service.own_key(t1.db).fingerprint
    assert trust.findChild(QLabel, "fingerprint_label").text() == trust.fingerprint
    assert "掌政镇（640104100）" == trust.findChild(QLabel, "sender_label").text()
    assert trust.cancel_button.isDefault() and trust.trust_button.text() == "确认信任并导入(&T)"
    trust.trust_button.click()
    pages.qtbot.waitUntil(lambda: dialog.finished_import, timeout=10000)
    assert column(dialog, "outcome") == ["已导入"] and column(dialog, "check_code") == [package.check_code]
    assert int(column(dialog, "inserted")[0]) > 50
    finish_import(pages, page, dialog)
    assert any(ch.touches("people") for ch in pages.changes)      # the record pages refresh
    rows = page.history_panel.view.rows_model.rows
    assert [(r["direction"], r["unit"], r["seq"]) for r in rows] == [("收到", "掌政镇", 1)]
    child = next(r for r in page.children_panel.view.rows_model.rows if r["unit"] == TOWN1)
    assert child["state"] == "已收齐至第 1 包" and child["due"] == "第 1 包"
    facts = indicators.unit_indicators(c.db, COUNTY, YEAR)
    assert next(t for t in facts.townships if t.code == TOWN1).last_package == clock.today().isoformat()

    again = preview(pages, page, *package.paths)                 # the same file a second time
    assert column(again, "outcome") == [f"此前已导入（{clock.today().isoformat()}）"]
    assert not again.import_button.isEnabled()
    again.reject()


def test_cancelling_the_fingerprint_changes_nothing(pages, world):
    t1, c = world["t1"], world["c"]
    package = t1.export()
    service.forget_peer(c.db, TOWN1)
    before = c.dump()
    page = pages.open(c, "county")
    dialog = preview(pages, page, *package.paths)
    pages.qtbot.waitUntil(lambda: dialog.trust_dialog is not None and dialog.trust_dialog.isVisible())
    dialog.trust_dialog.cancel_button.click()
    pages.qtbot.waitUntil(lambda: dialog.finished_import, timeout=10000)
    assert column(dialog, "outcome") == ["未导入：未确认发送单位"]
    pages.settle()
    assert c.dump() == before and TOWN1 not in {p.unit_code for p in service.peers(c.db)}
    dialog.close_button.click()


def test_a_batch_with_one_new_sender_asks_only_about_that_one(pages, world):
    t1, t2, c = world["t1"], world["t2"], world["c"]
    first, second = t1.export(), t2.export()
    service.forget_peer(c.db, TOWN1)
    page = pages.open(c, "county")
    dialog = preview(pages, page, *first.paths, *second.paths)
    assert column(dialog, "outcome") == ["新的发送单位：导入时需核对密钥指纹", "可以导入"]
    assert dialog.trust_dialog is None                    # asked when 导入 is pressed, not before
    dialog.import_button.click()
    pages.qtbot.waitUntil(lambda: dialog.trust_dialog is not None and dialog.trust_dialog.isVisible())
    assert dialog.trust_dialog.code == TOWN1
    dialog.trust_dialog.reject()
    pages.qtbot.waitUntil(lambda: dialog.finished_import, timeout=10000)
    assert column(dialog, "outcome") == ["未导入：未确认发送单位", "已导入"]
    assert dialog.intro.text() == "导入完成：共 2 个数据包，已导入 1 个。"
    finish_import(pages, page, dialog)
    owners = {json.loads(line)["owner"] for line in c.dump()}
    assert t2.code in owners and TOWN1 not in owners


def test_dropping_a_file_on_the_page_previews_it(pages, world):
    package = world["t1"].export()
    page = pages.open(world["c"], "county")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(package.paths[0]))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    pages.qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible(), timeout=10000)
    dialog = page.import_dialog
    assert column(dialog, "sender") == ["掌政镇"] and column(dialog, "kind") == ["数据包"]
    assert column(dialog, "outcome") == ["可以导入"] and column(dialog, "seq") == ["1"]
    assert service.history(world["c"].db).received == ()       # a preview imports nothing
    dialog.import_button.click()
    finish_import(pages, page, dialog)
    assert len(service.history(world["c"].db).received) == 1


def test_a_damaged_file_is_rejected_in_chinese_and_changes_nothing(pages, world, tmp_path):
    package = world["t1"].export()
    damaged = tmp_path / package.paths[0].name
    data = bytearray(package.paths[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    c = world["c"]
    before = c.dump()
    page = pages.open(c, "county")
    dialog = preview(pages, page, damaged)
    outcome = column(dialog, "outcome")[0]
    assert outcome.startswith("不能导入：") and re.search(r"[\u4e00-\u9fff]{4}", outcome.split("：", 1)[1])
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    pages.settle()
    assert c.dump() == before and service.history(c.db).received == ()


def test_a_receipt_updates_what_the_township_sees_upward(pages, world, usb):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    county = pages.open(c, "county")
    assert county.children_panel.select_unit(TOWN1)
    county.children_panel.receipt_button.click()
    pages.qtbot.waitUntil(lambda: county.notice.isVisible(), timeout=10000)
    receipts = list(usb.glob("*receipt*.sxpkg"))
    assert len(receipts) == 1 and "掌政镇" in county.notice.text()
    pages.settle()
    child = next(r for r in county.children_panel.view.rows_model.rows if r["unit"] == TOWN1)
    assert child["due"] == "—"                                    # nothing left to acknowledge
    town = pages.open(t1, "township")
    dialog = preview(pages, town, *receipts)
    assert column(dialog, "kind") == ["回执"] and column(dialog, "sender") == ["兴庆区"]
    dialog.import_button.click()
    finish_import(pages, town, dialog)
    pages.qtbot.waitUntil(lambda: "已接收至第 1 包" in town.upper_label.text(), timeout=10000)
    assert town.upper_label.text().startswith("兴庆区科协已接收至第 1 包（")
    assert town.sent_label.text() == "已报送至第 1 包，上级均已确认接收。"


def test_reference_data_and_enrolment_files_for_a_unit_below(pages, world, usb):
    county = pages.open(world["c"], "county")
    assert county.children_panel.select_unit("640104101")
    county.children_panel.enrolment_button.click()
    pages.qtbot.waitUntil(lambda: county.notice.isVisible(), timeout=10000)
    assert county.fingerprint in county.notice.text()
    county.children_panel.reference_button.click()
    pages.qtbot.waitUntil(lambda: "参考数据" in county.notice.text() or "基础数据" in county.notice.text(),
                          timeout=10000)
    assert len(list(usb.glob("*.sxpkg"))) == 2


def _conflict(world) -> str:
    """The township and a copy of it on a second PC change the same venue; the county gets both."""
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    t1.close()
    twin_path = t1.path.with_name("t1b.db")
    shutil.copyfile(t1.path, twin_path)
    t1.db = open_database(t1.path)
    twin = Node("t1", twin_path, t1.out / "twin")
    vid = next(json.loads(x)["id"] for x in t1.dump() if '"table":"venues"' in x)
    day = dt.datetime(2030, 7, 1, 2, 0, tzinfo=dt.timezone.utc)
    assert records.update(Workspace.open(t1.db, now=lambda: day), "venues", vid, {"name": "甲：科普活动室"}).ok
    later = day + dt.timedelta(days=1)
    assert records.update(Workspace.open(twin.db, now=lambda: later), "venues", vid, {"name": "乙：科普活动室"}).ok
    results = c.take(t1.export(), twin.export())
    twin.close()
    assert results[1].counts["conflicts"] == 1
    return vid


def test_a_conflict_is_listed_and_resolving_it_removes_it(pages, world):
    vid = _conflict(world)
    page = pages.open(world["c"], "county")
    assert page.tabs.tabText(2) == "冲突（1）(&C)"
    rows = page.conflicts_panel.view.rows_model.rows
    assert len(rows) == 1 and rows[0]["record_id"] == vid and rows[0]["owner"] == "掌政镇"
    assert "甲：科普活动室 → 乙：科普活动室" in rows[0]["diff"] and rows[0]["in_use"] == "来件版本"
    page.conflicts_panel.view.selectRow(0)
    page.conflicts_panel.local_button.click()
    pages.qtbot.waitUntil(lambda: page.conflicts_panel.view.rows_model.rows == [], timeout=10000)
    assert page.tabs.tabText(2) == "冲突（0）(&C)"
    assert any(ch.touches("venues") and vid in ch.ids for ch in pages.changes)
    assert service.conflicts(world["c"].db) == []


def test_duplicate_people_are_masked_and_can_be_ignored(pages, world):
    t1, t2, c = world["t1"], world["t2"], world["c"]
    person = next(json.loads(x) for x in t1.dump() if '"table":"people"' in x and json.loads(x)["id_number"])
    assert records.create(Workspace.open(t2.db), "people", {"unit_code": t2.code, "name": "马小花",
                                                            "id_number": person["id_number"]},
                          allow_duplicate=True).ok
    c.take(t1.export(), t2.export())
    page = pages.open(c, "county")
    rows = page.duplicates_panel.view.rows_model.rows
    assert len(rows) == 1 and "*" in rows[0]["id_number"] and person["id_number"] not in str(rows[0])
    assert "马小花" in rows[0]["first"] + rows[0]["second"]
    page.duplicates_panel.view.selectRow(0)
    page.duplicates_panel.dismiss_button.click()
    pages.qtbot.waitUntil(lambda: page.duplicates_panel.view.rows_model.rows == [], timeout=10000)
    assert service.duplicates(c.db) == []


def test_file_menu_entries_switch_to_the_page_and_run_the_action(qtbot, chinese, world, tmp_path, data_dir,
                                                                 runner, monkeypatch):
    from sanxiang_desktop.ui.shell.settings import Settings
    from tests.gui.window_support import close_window, open_window
    package = world["t1"].export()
    c_path = tmp_path / "county.db"
    shutil.copyfile(world["c"].path, c_path)
    window = open_window(qtbot, c_path, Settings(data_dir / "sanxiang.ini"), runner)
    try:
        actions = window.actions
        assert actions.import_action.text() == "导入数据包(&I)…"
        assert actions.export_action.text() == "导出上报数据包(&E)…"
        page = window.page("exchange")
        assert page in window.shown_pages() and page.title() == "数据交换"
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            staticmethod(lambda *a, **k: ([str(p) for p in package.paths], "")))
        actions.import_action.trigger()
        assert window.current_page() is page
        qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog.isVisible(), timeout=10000)
        assert [r["sender"] for r in page.import_dialog.table.rows_model.rows] == ["掌政镇"]
        page.import_dialog.reject()
        assert window.settings.get("exchange_folder") == str(package.paths[0].parent)
        window.open_records(TOWN1, "exchange", {})         # the dashboard's "last package" cell
        qtbot.waitUntil(lambda: (page.children_panel.selected() or {}).get("unit") == TOWN1, timeout=10000)
        assert window.current_page() is page
    finally:
        close_window(qtbot, window, runner)


def test_every_button_has_a_mnemonic_and_tab_goes_from_export_to_import(pages, world):
    from PySide6.QtWidgets import QPushButton
    page = pages.open(world["c"], "county")
    texts = [b.text() for b in page.findChildren(QPushButton)]
    assert len(texts) >= 8 and all("&" in t for t in texts), texts
    assert page.export_button.nextInFocusChain() is page.import_button
    mnemonics = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(mnemonics)) == len(mnemonics)        # no two buttons on the page share one
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert all("&" in t for t in tabs)


def test_the_page_in_english(qtbot, settings, runner, english, world):
    helper = Pages(qtbot, settings, runner)
    c = world["c"]
    c.take(world["t1"].export())
    page = helper.open(c, "county")
    assert page.title() == "Data Exchange" and page.upper_label.text() == "no receipt yet"
    child = next(r for r in page.children_panel.view.rows_model.rows if r["unit"] == TOWN1)
    assert child["state"] == "complete up to package 1" and child["due"] == "No. 1"
    assert page.tabs.tabText(2) == "&Conflicts (0)"
    helper.settle()


def test_a_forged_takeover_is_shown_as_refused_in_the_preview(pages, world, tmp_path):
    """Issue 8: a township's package (its real key) carrying the county's own person is previewed
    with that record refused, the rest importable."""
    from tests.sync.world import forge, record_lines
    t1, c = world["t1"], world["c"]
    line = json.loads(record_lines(c, "people")[0])
    line["record"].update(owner=TOWN1, deleted=True, rev=line["record"]["rev"] + 1)
    path = tmp_path / "forged.sxpkg"
    path.write_bytes(forge(t1, [json.dumps(line, ensure_ascii=False).encode()], recipient=c.code, seq=1))
    page = pages.open(c, "county")
    dialog = preview(pages, page, path)
    assert column(dialog, "outcome") == ["可以导入；1 条记录被拒收：发送单位无权更改"]
    dialog.reject()
    pages.settle()


def test_a_missing_private_key_is_said_in_the_clerks_words(qtbot, world, pages, tmp_path, monkeypatch):
    """A database restored on another computer has no private key here: the page says so in Chinese with
    what to do (no bug report), in its box and where the upper level's state would be."""
    monkeypatch.setenv("SANXIANG_KEY_DIR", str(tmp_path / "another-computer"))
    node = world["c"] if "c" in world else next(iter(world.values()))
    ws = Workspace.open(node.db)
    context = PageContext(ws=ws, undo_stack=QUndoStack(), settings=pages.settings, tasks=pages.runner)
    seen = []

    def read(box):
        seen.append((box.windowTitle(), box.text() if hasattr(box, "text") else ""))
        box.done(0)     # not close(): with the log folder's button the box has no escape button and stays
    answer_modal(read)
    page = ExchangePage(context)
    qtbot.addWidget(page)
    pages.opened.append(page)
    page.set_unit(node.code, "county")
    page.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "私钥" in seen[0][1] and "keys --import-key" in seen[0][1], seen
    assert "私钥" in page.upper_label.text()
    page.reload()                                  # showing the page again, a change: no second box
    pages.settle()
    qtbot.wait(200)
    assert QApplication.activeModalWidget() is None and len(seen) == 1
