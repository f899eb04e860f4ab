"""create_application: names, style, CJK font choice, the clerk's language, error hook, log file."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from sanxiang_desktop.ui.shell import errors, i18n
from sanxiang_desktop.ui.shell import settings as settings_module
from sanxiang_desktop.ui.shell.application import CJK_FONT_FAMILIES, create_application, pick_cjk_family


@pytest.fixture
def restore_app(qapp, monkeypatch):
    names = qapp.organizationName(), qapp.applicationName()
    font, style = qapp.font(), qapp.style().name()
    monkeypatch.setattr(settings_module, "_current", None)
    yield
    errors.uninstall_excepthook()
    i18n.install_translators(qapp, "en")
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    qapp.setFont(font)
    qapp.setStyle(style)


def test_pick_cjk_family_in_order_of_preference(qapp):
    assert pick_cjk_family(["Arial", "WenQuanYi Micro Hei", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert pick_cjk_family(["微软雅黑", "PingFang SC"]) == "微软雅黑"
    assert pick_cjk_family(["DejaVu Sans"]) is None
    installed = pick_cjk_family()
    assert installed is None or installed in CJK_FONT_FAMILIES


def test_create_application(restore_app, data_dir, tmp_path):
    chosen = settings_module.Settings(data_dir / "sanxiang.ini")
    chosen.set("language", "zh_CN")
    app = create_application(["sanxiang-desktop"], chosen)
    assert app is QApplication.instance()
    assert (app.organizationName(), app.applicationName()) == ("sanxiang", "sanxiang-desktop")
    assert app.style().name().lower() == "fusion"
    assert app.font().pointSize() >= 10
    family = pick_cjk_family()
    if family is not None:
        assert app.font().family() == family
    assert settings_module.app_settings() is chosen
    assert i18n.current_language() == "zh_CN" and QLocale().name() == "zh_CN"
    assert QCoreApplication.translate("errors", "Unexpected Error") == "意外错误"
    assert isinstance(sys.excepthook, errors._ExceptHook)
    assert errors.log_path() == data_dir / "sanxiang.log"


def test_english_from_settings(restore_app, data_dir):
    chosen = settings_module.Settings(data_dir / "sanxiang.ini")
    chosen.set("language", "en")
    create_application([], chosen)
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("errors", "Unexpected Error") == "Unexpected Error"


def test_no_display_is_a_clear_message_not_a_core_dump(tmp_path):
    import os
    import subprocess
    import sys
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SANXIANG_DATA_DIR"] = str(tmp_path)
    res = subprocess.run([sys.executable, "-m", "sanxiang_desktop"], env=env, capture_output=True, text=True,
                         timeout=60)
    if not sys.platform.startswith("linux"):
        return
    assert res.returncode == 2 and "图形界面" in res.stderr and "Traceback" not in res.stderr
