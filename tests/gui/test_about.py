"""帮助 → 关于: the version from the package metadata, the schema version and the data folder."""
from __future__ import annotations

from sanxiang_desktop import __version__
from sanxiang_desktop.store.migrate import head_revision
from tests.gui.window_support import answer_modal, app_settings_in, close_window, make_empty, open_window  # noqa: F401


def test_about_shows_version_schema_and_data_folder(qtbot, chinese, tmp_path, app_settings_in, runner):  # noqa: F811
    window = open_window(qtbot, make_empty(tmp_path, "640104100"), app_settings_in, runner)
    seen = []

    def read(box) -> None:
        seen.append(box.text())
        box.accept()

    answer_modal(read, timeout_ms=20000)
    window.actions.about_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    text = seen[0]
    assert f"版本 {__version__}" in text
    assert f"数据结构版本：{head_revision()}" in text
    assert f"数据文件夹：{app_settings_in.get('data_folder')}" in text
    close_window(qtbot, window, runner)
