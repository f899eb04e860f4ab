"""First start: the wizard finds 掌政镇 by initials, name or code, creates the database with the clerk,
keeps what was typed when creation fails, and the launcher goes on to the main window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.ui.shell.launcher import Launcher
from sanxiang_desktop.ui.setup.wizard import FirstStartWizard, default_units, enrolment_module, find_units
from tests.gui.window_support import answer_modal, app_settings_in, close_window, make_empty  # noqa: F401

ZHANGZHENG = "640104100"
FULL_PATH = "宁夏回族自治区银川市兴庆区掌政镇"


@pytest.fixture
def wizard(qtbot, data_dir, app_settings_in, runner):
    w = FirstStartWizard(data_dir / "sanxiang.db", app_settings_in, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    if w.database is not None:
        w.database.close()


def _result_texts(wizard) -> list[str]:
    results = wizard.home_page.results
    return [results.item(i).text() for i in range(results.count())]


def _pick(qtbot, wizard, query: str, code: str) -> None:
    page = wizard.home_page
    page.search_edit.clear()
    if query.isascii():
        qtbot.keyClicks(page.search_edit, query)
    else:
        page.search_edit.insert(query)      # QTest types ASCII only; Chinese arrives through an IME
    # the search's results, not the list shown before typing (default_units), which holds the code too
    qtbot.waitUntil(lambda: any(code in t for t in _result_texts(wizard))
                    and len(_result_texts(wizard)) != len(default_units()))
    row = next(i for i, t in enumerate(_result_texts(wizard)) if code in t)
    page.results.setCurrentRow(row)


def test_typing_initials_finds_zhangzheng_with_its_full_path(qtbot, wizard):
    _pick(qtbot, wizard, "zzz", ZHANGZHENG)
    text = wizard.home_page.results.currentItem().text()
    assert FULL_PATH in text and ZHANGZHENG in text
    # Yinchuan's units come before same-initial townships elsewhere in China
    assert ZHANGZHENG in _result_texts(wizard)[0]


@pytest.mark.parametrize("query", ["掌政", "640104100", "zhangzheng"])
def test_chinese_code_and_pinyin_find_it_too(query):
    assert find_units(query)[0].code == ZHANGZHENG


def test_only_cities_counties_and_townships_can_be_home(qapp):
    assert {d.level for d in find_units("宁夏")} <= {"city", "county", "township"}


def test_wizard_creates_the_database(qtbot, wizard, data_dir, app_settings_in):
    _pick(qtbot, wizard, "zzz", ZHANGZHENG)
    assert wizard.currentPage().isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.clerk_page
    assert FULL_PATH in wizard.clerk_page.unit_label.text()
    assert not wizard.clerk_page.isComplete()           # a clerk's name is needed
    wizard.clerk_page.clerk_edit.insert("王芳")
    assert wizard.clerk_page.isComplete()
    with qtbot.waitSignal(wizard.finished, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.database is not None and wizard.database.home_unit == ZHANGZHENG
    assert wizard.database.get_meta("clerk") == "王芳"
    assert (data_dir / "sanxiang.db").exists()
    assert app_settings_in.get("clerk_name") == "王芳"


def test_a_failed_creation_keeps_the_wizard_open_with_what_was_typed(qtbot, wizard, data_dir):
    (data_dir / "sanxiang.db").mkdir()            # a folder where the file should go
    _pick(qtbot, wizard, "掌政", ZHANGZHENG)
    wizard.next()
    wizard.clerk_page.clerk_edit.insert("王芳")
    seen = []

    def read_and_close(box):
        seen.append(box.text())
        box.done(QMessageBox.StandardButton.Ok)
    answer_modal(read_and_close)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "文件夹" in seen[0] or "folder" in seen[0]
    assert wizard.isVisible() and wizard.database is None
    assert wizard.clerk_page.clerk_edit.text() == "王芳"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_an_enrolment_file_from_the_county_sets_up_the_township(qtbot, wizard, tmp_path, data_dir, monkeypatch):
    module = enrolment_module()
    if module is None:
        pytest.skip("the sync layer is not part of this build")
    county = open_database(make_empty(tmp_path, "640104", "county.db"))
    written = module.export_enrolment(county, ZHANGZHENG, tmp_path / "out")
    county.close()
    path = written.paths[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(path), ""))
    qtbot.mouseClick(wizard.home_page.enrolment_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.clerk_page, timeout=10000)
    assert wizard.enrolment.unit == ZHANGZHENG and wizard.home_page.chosen_code() == ZHANGZHENG
    assert wizard.enrolment.parent_fingerprint in wizard.clerk_page.unit_label.text()
    wizard.clerk_page.clerk_edit.insert("王芳")
    with qtbot.waitSignal(wizard.finished, timeout=10000):
        wizard.accept()
    db = wizard.database
    assert db.home_unit == ZHANGZHENG
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_received WHERE kind = 'enrolment'").scalar() == 1


def test_a_file_that_is_no_enrolment_file_is_refused_in_plain_words(qtbot, wizard, tmp_path, monkeypatch):
    if enrolment_module() is None:
        pytest.skip("the sync layer is not part of this build")
    bad = tmp_path / "not-an-enrolment.sxpkg"
    bad.write_bytes(b"PK not really a package")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(bad), ""))
    seen = []

    def read_and_close(box):
        seen.append(box.text())
        box.done(QMessageBox.StandardButton.Ok)
    answer_modal(read_and_close)
    qtbot.mouseClick(wizard.home_page.enrolment_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert wizard.enrolment is None and wizard.currentPage() is wizard.home_page
    assert seen[0] and "Traceback" not in seen[0]


def test_first_start_goes_from_the_wizard_to_the_main_window(qtbot, data_dir, app_settings_in, runner):
    launcher = Launcher(app_settings_in, runner)
    launcher.start()
    wizard = launcher.wizard
    assert wizard is not None
    _pick(qtbot, wizard, "zzz", ZHANGZHENG)
    wizard.next()
    wizard.clerk_page.clerk_edit.insert("王芳")
    with qtbot.waitSignal(launcher.window_shown, timeout=15000) as shown:
        wizard.accept()
    window = shown.args[0]
    assert window.home.code == ZHANGZHENG and window.ws.actor == "王芳"
    close_window(qtbot, window, runner)
    db = open_database(data_dir / "sanxiang.db")
    assert db.home_unit == ZHANGZHENG
    db.close()


def test_before_anything_is_typed_the_list_shows_yinchuans_units(qtbot, wizard):
    """Issue 11 item 16: the unit list is not empty at first; Down from the list picks without typing."""
    qtbot.waitUntil(lambda: wizard.home_page.results.count() > 0, timeout=10000)
    texts = _result_texts(wizard)
    assert "640100" in texts[0]                              # the city, then counties with their townships
    assert any(ZHANGZHENG in t for t in texts) and any("640104    " not in t and "640104" in t for t in texts)
    assert len(texts) == 1 + 6 + 62 and all("银川市" in t for t in texts)
    assert wizard.home_page.chosen_code() is None            # nothing preselected: no home by accident
    assert not wizard.home_page.isComplete()
    wizard.home_page.search_edit.setFocus()
    qtbot.keyClick(wizard.home_page.search_edit, Qt.Key.Key_Down)    # from the search box into the list
    assert wizard.home_page.results.hasFocus() and wizard.home_page.chosen_code() == "640100"
    row = next(i for i, t in enumerate(texts) if ZHANGZHENG in t)
    wizard.home_page.results.setCurrentRow(row - 1)
    qtbot.keyClick(wizard.home_page.results, Qt.Key.Key_Down)
    assert wizard.home_page.chosen_code() == ZHANGZHENG and wizard.home_page.isComplete()
    wizard.home_page.search_edit.setFocus()
    qtbot.keyClicks(wizard.home_page.search_edit, "zzz")
    qtbot.waitUntil(lambda: len(_result_texts(wizard)) != 69 and ZHANGZHENG in _result_texts(wizard)[0])
    wizard.home_page.search_edit.clear()                     # cleared again: the whole list is back
    qtbot.waitUntil(lambda: len(_result_texts(wizard)) == 69)


def test_both_pages_show_their_title_the_same_way(qtbot, wizard, chinese):
    """The two pages are one program: each title sits in the wizard's header, in the same font, with a
    subtitle under it."""
    from PySide6.QtWidgets import QLabel
    wizard.home_page.select_code(ZHANGZHENG)
    shown = []
    for page in (wizard.home_page, wizard.clerk_page):
        if wizard.currentPage() is not page:
            wizard.next()
        qtbot.waitUntil(lambda p=page: wizard.currentPage() is p)
        assert page.title() and page.subTitle()
        labels = [w for w in wizard.findChildren(QLabel) if w.isVisible() and w.text() == page.title()]
        assert len(labels) == 1, [w.text() for w in labels]
        font = labels[0].font()
        shown.append((labels[0].mapTo(wizard, labels[0].rect().topLeft()).y(), font.pointSizeF(), font.bold()))
    assert shown[0] == shown[1], shown
