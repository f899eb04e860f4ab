"""The main window by keys only (issue 11, items 5–9): Ctrl+1…9 pages, the 记录(R) menu acting on
the current page wherever the focus is, Ctrl+Z from a filter box, Ctrl+F then Enter/Down to the
first unit found, closing with a form open, and a whole activity entered without the mouse."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from sanxiang_desktop.core.pinyin import pinyin_and_initials
from sanxiang_desktop.services.lists import unit_choices
from sanxiang_desktop.store import models as m
from sanxiang_desktop.ui.forms.record_form import RecordDialog, mnemonic_labels
from tests.gui.record_support import closed
from tests.gui.window_support import (answer_modal, app_settings_in, close_window, copy_db,  # noqa: F401
                                      make_demo, open_window)

ZHANGZHENG = "640104100"
CTRL, ALT, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="module")
def township_db(tmp_path_factory):
    return make_demo(tmp_path_factory.mktemp("township"), ZHANGZHENG, "township")


@pytest.fixture
def window(qtbot, tmp_path, township_db, app_settings_in, runner, chinese):
    w = open_window(qtbot, copy_db(township_db, tmp_path / "db"), app_settings_in, runner)
    w.resize(1366, 768)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    yield w
    for dialog in w.findChildren(RecordDialog):
        dialog.snapshot = dialog.values()
    close_window(qtbot, w, runner)


class Keys:
    """Keys as the keyboard delivers them (to the open popup, else the focused widget), counted."""

    def __init__(self, qtbot):
        self.qtbot, self.log = qtbot, []

    def target(self):
        return QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()

    def key(self, key, modifier=NONE, name: str = "") -> None:
        self.log.append(name or str(key))
        self.qtbot.keyClick(self.target(), key, modifier)

    def text(self, text: str) -> None:
        """The clerk's text (not counted): Latin by keys, Chinese as an input method commits it."""
        from tests.gui.record_support import ime
        if text.isascii():
            self.qtbot.keyClicks(self.target(), text)
        else:
            ime(self.target(), text)


def back_to(qtbot, window) -> None:
    """The main window active again once a dialog closed (the window manager's part, offscreen)."""
    if not window.isActiveWindow():
        window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def page_index(window, key: str) -> int:
    return next(i for i in range(window.tabs.count()) if window.tabs.widget(i).key == key)


def modal_form(qtbot) -> RecordDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RecordDialog)
                    or any(isinstance(w, RecordDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    form = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
    if not form.isActiveWindow():          # what the window manager does with a new dialog
        form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    return form


def test_an_activity_from_start_to_saved_by_keys_only(qtbot, window):
    """Item 9: the figure in README. Keys besides the text typed, the page switch included."""
    keys = Keys(qtbot)
    n = page_index(window, "activities") + 1
    keys.key(getattr(Qt.Key, f"Key_{n}"), CTRL, f"Ctrl+{n}")            # 活动台账
    assert window.current_page().key == "activities"
    keys.key(Qt.Key.Key_N, CTRL, "Ctrl+N")                               # 新增活动
    form = modal_form(qtbot)
    assert QApplication.focusWidget() is form.widgets["title"].editor()
    labels = mnemonic_labels(form.fields)
    alt = lambda field: (getattr(Qt.Key, f"Key_{labels[field][-2]}"), ALT, f"Alt+{labels[field][-2]}")  # noqa: E731
    keys.text("健康讲座：高血压防治")
    keys.key(*alt("domain"))
    keys.key(Qt.Key.Key_J, NONE, "j")                                    # 健康中国 by pinyin type-ahead
    keys.key(*alt("leader_id"))
    keys.text("ma")
    picker = form.widgets["leader_id"]
    qtbot.waitUntil(lambda: picker.completer.popup().isVisible())
    keys.key(Qt.Key.Key_Down, NONE, "Down")
    keys.key(Qt.Key.Key_Return, NONE, "Enter")                           # picks the suggestion
    assert picker.value() is not None
    keys.key(*alt("participants"))
    keys.text("72")
    keys.key(Qt.Key.Key_Return, NONE, "Enter")                           # saves
    qtbot.waitUntil(lambda: closed(form))
    with window.ws.db.session() as s:
        saved = s.execute(select(m.Activity.participants, m.Activity.domain, m.Activity.leader_id)
                          .where(m.Activity.title == "健康讲座：高血压防治")).one()
    assert saved.participants == 72 and saved.domain == "health" and saved.leader_id == picker.value()
    assert keys.log == [f"Ctrl+{n}", "Ctrl+N", alt("domain")[2], "j", alt("leader_id")[2], "Down", "Enter",
                        alt("participants")[2], "Enter"]
    assert len(keys.log) == 9 < 15


def test_pages_by_ctrl_number_and_the_view_menu_names_them(qtbot, window):
    window.page_menus.update_page_actions()
    for i in range(min(9, window.tabs.count())):
        qtbot.keyClick(window.tree.view, getattr(Qt.Key, f"Key_{i + 1}"), CTRL)
        assert window.tabs.currentIndex() == i
        assert window.page_menus.page_actions[i].text().endswith(window.tabs.tabText(i))
        assert window.page_menus.page_actions[i].shortcut().toString() == f"Ctrl+{i + 1}"


def test_every_page_is_in_the_view_menu_and_ctrl_tab_turns_pages_from_anywhere(qtbot, window):
    """A county's window has more pages than Ctrl+1…9: each is listed in 查看 all the same, and Ctrl+Tab /
    Ctrl+Shift+Tab (or Ctrl+PgDown / PgUp) turn the pages with the focus in the tree's filter box or a list."""
    window.page_menus.update_page_actions()
    count = window.tabs.count()
    listed = [a for a in window.page_menus.page_actions if a.isVisible()]
    assert len(listed) == count > 9
    for i, action in enumerate(listed):
        assert action.text().endswith(window.tabs.tabText(i)) and action.text().startswith("&")
    listed[count - 1].trigger()
    assert window.tabs.currentIndex() == count - 1
    window.tabs.setCurrentIndex(0)
    finder = window.tree.filter_edit if hasattr(window.tree, "filter_edit") else window.tree.view
    finder.setFocus()
    qtbot.keyClick(finder, Qt.Key.Key_Tab, CTRL)
    assert window.tabs.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, CTRL)   # the page's list has the focus now
    assert window.tabs.currentIndex() == 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentIndex() == 1
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_PageUp, CTRL)         # round the end
    assert window.tabs.currentIndex() == count - 1


def test_the_record_menu_acts_on_the_current_page_wherever_the_focus_is(qtbot, window):
    window.tabs.setCurrentIndex(page_index(window, "venues"))
    page = window.current_page()
    window.tree.view.setFocus()                                           # the focus is in the tree
    qtbot.keyClick(window.tree.view, Qt.Key.Key_Insert)
    form = modal_form(qtbot)
    assert form.table == "venues"
    form.reject()
    back_to(qtbot, window)
    page.panel.view.filter_edit.setFocus()                                # ... or in the filter box
    qtbot.keyClick(page.panel.view.filter_edit, Qt.Key.Key_N, CTRL)
    assert modal_form(qtbot).table == "venues"
    modal_form(qtbot).reject()
    assert window.page_menus.record_menu.title() == "记录(&R)"


def test_ctrl_z_from_a_filter_box_undoes_the_last_action(qtbot, window):
    window.tabs.setCurrentIndex(page_index(window, "venues"))
    page = window.current_page()
    view = page.panel.view
    qtbot.waitUntil(lambda: not view.model.busy)
    before = view.model.rowCount()
    view.table.selectRow(0)
    answer_modal(lambda box: [b.click() for b in box.buttons() if "删除" in b.text()][:1])
    assert view.selected_ids()
    window.page_menus.delete()
    qtbot.waitUntil(lambda: window.undo_stack.canUndo())
    back_to(qtbot, window)
    view.filter_edit.setFocus()
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not window.undo_stack.canUndo())
    qtbot.waitUntil(lambda: not view.model.busy and view.model.rowCount() == before)   # the venue is back
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: window.undo_stack.canUndo())


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_find_unit_then_enter_or_down_selects_the_first_match(qtbot, window, key):
    qtbot.keyClick(window.tree.view, Qt.Key.Key_F, CTRL)
    box = window.tree.filter_edit
    assert QApplication.focusWidget() is box
    village = next(u for u in unit_choices(window.ws) if u.depth == 1)
    qtbot.keyClicks(box, pinyin_and_initials(village.name)[1])            # e.g. hxc for 红星村
    qtbot.keyClick(box, key)                                              # before the search's answer
    qtbot.waitUntil(lambda: window.tree.view.hasFocus() and window.tree.current_code() not in (None, ZHANGZHENG))
    assert window.tree.current_code() in window.tree.search_matches()


def test_closing_with_a_form_open_asks_and_keep_editing_keeps_it(qtbot, window):
    window.tabs.setCurrentIndex(page_index(window, "venues"))
    window.page_menus.add()
    form = modal_form(qtbot)
    from tests.gui.record_support import ime
    ime(form.widgets["name"].editor(), "科普活动室二")
    asked = []
    answer_modal(lambda box: (asked.append(box.text()), [b.click() for b in box.buttons() if "继续编辑" in b.text()]))
    window.close()
    assert asked and "尚未保存" in asked[0]
    assert window.isVisible() and form.isVisible()
    answer_modal(lambda box: [b.click() for b in box.buttons() if "放弃并退出" in b.text()])
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not form.isVisible()


def test_save_and_quit_saves_on_the_worker_then_closes(qtbot, window):
    window.tabs.setCurrentIndex(page_index(window, "venues"))
    window.page_menus.add()
    form = modal_form(qtbot)
    from tests.gui.record_support import ime, type_into
    ime(form.widgets["name"].editor(), "保存并退出科普室")
    type_into(qtbot, form.widgets["type"], "kp")
    answer_modal(lambda box: [b.click() for b in box.buttons() if "保存并退出" in b.text()])
    window.close()                                   # asks; the save goes to the worker; closes after it
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    with window.ws.session() as s:
        assert s.scalar(select(m.Venue.id).where(m.Venue.name == "保存并退出科普室")) is not None


def test_ctrl_p_from_the_tree_previews_the_current_list_and_ctrl_e_exports_it(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    window.tabs.setCurrentIndex(page_index(window, "venues"))
    page = window.current_page()
    actions = page.panel.document_actions
    window.tree.view.setFocus()                                           # 记录 › 打印 wherever the focus is
    qtbot.keyClick(window.tree.view, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: getattr(actions, "last_preview", None) is not None, timeout=20000)
    actions.last_preview.reject()
    target = tmp_path / "阵地.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    back_to(qtbot, window)
    window.tree.view.setFocus()
    qtbot.keyClick(window.tree.view, Qt.Key.Key_E, CTRL)                  # 记录 › 导出: the ledger
    qtbot.waitUntil(target.exists, timeout=20000)
    qtbot.waitUntil(lambda: getattr(actions, "exported", None) is not None, timeout=20000)
