"""Issue 11, items 16 and 18: an entry form grows with its messages instead of scrolling and squeezing
活动内容; Qt's own file dialog speaks Chinese; the first-start wizard is not empty before typing."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLabel

from sanxiang_desktop.ui.forms.record_form import RecordDialog
from sanxiang_desktop.ui.shell import screen_fit
from tests.gui.record_support import TOWNSHIP, show
from tests.gui.record_support import township, township_db, zh  # noqa: F401  (fixtures)


def test_messages_make_the_form_grow_instead_of_scrolling(qtbot, township, zh):
    dialog = RecordDialog(township, "activities", defaults={"unit_code": TOWNSHIP})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog.scroll.verticalScrollBar()
    description = dialog.widgets["description"].editor()
    assert not scroll.isVisible()
    tall_before, height_before = description.height(), dialog.height()
    dialog.save()                                   # 活动名称, 服务领域 required: two messages
    qtbot.waitUntil(lambda: bool(dialog.widgets["title"].problem_text()))   # the save runs on the worker
    assert dialog.widgets["domain"].problem_text()
    qtbot.waitUntil(lambda: dialog.height() > height_before)
    qtbot.waitUntil(lambda: not scroll.isVisible())
    assert description.height() >= tall_before      # 活动内容 not squeezed
    assert description.visibleRegion().boundingRect().height() == description.height()   # not cut
    area = screen_fit.available(dialog)
    assert area.contains(dialog.frameGeometry()) or dialog.height() <= screen_fit.largest(dialog).height()


def test_a_form_never_opens_taller_than_the_screen(qtbot, township, zh):
    dialog = RecordDialog(township, "people", defaults={"unit_code": TOWNSHIP})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= screen_fit.largest(dialog).height()
    assert screen_fit.available(dialog).contains(dialog.geometry())


def test_qts_own_file_dialog_speaks_chinese(qtbot, zh, tmp_path):
    """qtbase_zh_CN from PySide6's translations folder is loaded with ours: 查找范围 for "Look in:"; and
    the strings qtbase_zh_CN lacks (a folder's type "Folder") come from i18n.QT_GAPS."""
    (tmp_path / "备份").mkdir()
    dialog = QFileDialog(None, "导出", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    assert "查找范围：" in texts and "文件类型：" in texts, texts
    assert not any("Look in" in t or "Files of type" in t for t in texts)
    assert QApplication.translate("QFileDialog", "&Open") != "&Open"
    model = dialog.findChild(QFileSystemModel)
    folder = model.index(str(tmp_path / "备份"))
    qtbot.waitUntil(lambda: folder.siblingAtColumn(2).data() not in (None, ""))
    assert folder.siblingAtColumn(2).data() == "文件夹"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "修改日期"
