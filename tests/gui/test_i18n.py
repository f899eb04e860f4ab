"""Translations: our .qm and Qt's qtbase make the interface Chinese, every string is translated,
the committed .ts/.qm files match the code, and switching language retranslates live widgets."""
from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.gui.memory_source import MemorySource
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.lists.list_view import ListView
from sanxiang_desktop.ui.shell.tasks import ProgressDialog
from tests.conftest import REPO


def _load_script():
    spec = importlib.util.spec_from_file_location("build_translations", REPO / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_translations = _load_script()


def test_qm_files_are_shipped_in_the_package():
    for language in i18n.LANGUAGES:
        path = i18n.translations_dir() / f"sanxiang_{language}.qm"
        assert QTranslator().load(str(path)), path
    assert (i18n.qt_translations_dir() / "qtbase_zh_CN.qm").is_file()


def test_chinese_interface(chinese):
    assert i18n.current_language() == "zh_CN"
    assert QCoreApplication.translate("errors", "Unexpected Error") == "意外错误"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert QLocale().name() == "zh_CN"


def test_switching_language_retranslates_open_widgets(qtbot, chinese, settings):
    view = ListView("people", MemorySource(3), settings=settings)
    dialog = ProgressDialog(None, "导入")
    qtbot.addWidget(view)
    qtbot.addWidget(dialog)
    assert view.count_label.text() == "共 3 条"
    assert view.filter_edit.placeholderText() == "筛选…"
    assert dialog.cancel_button.text() == "取消"

    i18n.install_translators(QApplication.instance(), "en")
    qtbot.waitUntil(lambda: view.count_label.text() == "3 rows")   # LanguageChange arrives as an event
    assert dialog.cancel_button.text() == "Cancel"
    assert QCoreApplication.translate("errors", "Unexpected Error") == "Unexpected Error"

    i18n.install_translators(QApplication.instance(), "zh_CN")
    qtbot.waitUntil(lambda: view.count_label.text() == "共 3 条")


def test_unknown_language_refused(qapp):
    with pytest.raises(ValueError, match="未知的界面语言"):
        i18n.install_translators(qapp, "fr")


def test_every_interface_string_has_a_chinese_translation():
    missing, found = build_translations.check()
    assert found, "pyside6-lupdate found no strings"
    assert missing == [], (
        "strings without Chinese translation: add them to scripts/i18n_zh_CN.tsv, "
        "then run scripts/build_translations.py")


def test_committed_translations_match_the_code():
    """The .ts and .qm in resources/i18n are what the build script makes from today's code and table."""
    _, found = build_translations.check()
    table = build_translations.load_table()
    ts = ET.parse(REPO / "resources" / "i18n" / "sanxiang_zh_CN.ts").getroot()
    committed = {(c, s): m.findtext("translation") for c, s, m in build_translations.messages(ts)}
    assert set(committed) == found, "run scripts/build_translations.py"
    translator = QTranslator()
    assert translator.load(str(i18n.translations_dir() / "sanxiang_zh_CN.qm"))
    for context, source in found:
        assert committed[(context, source)] == table[source], "run scripts/build_translations.py"
        assert translator.translate(context, source) == table[source], "run scripts/build_translations.py"


def test_column_titles_are_collected_from_column_specs(tmp_path):
    (tmp_path / "people.py").write_text(
        "from x import ColumnSpec as C\n"
        "COLUMNS = [ColumnSpec('name', 'Name', 6), listing.ColumnSpec(key='id', title='ID Number'),\n"
        "           ColumnSpec('x', some_variable), ColumnSpec('name', 'Name')]\n", encoding="utf-8")
    assert build_translations.column_titles(tmp_path) == ["Name", "ID Number"]


def test_table_escapes(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("# comment\n\nA\\nB\t甲\\n乙\nC\\\\D\t丙\n", encoding="utf-8")
    assert build_translations.load_table(table) == {"A\nB": "甲\n乙", "C\\D": "丙"}
