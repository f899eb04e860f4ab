"""Creating the QApplication: names, style, a font that has Chinese, translations, the error hook."""
from __future__ import annotations

import logging
from typing import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from sanxiang_desktop import __version__
from sanxiang_desktop.ui.shell import resume_collection
from sanxiang_desktop.ui.shell.errors import install_excepthook, setup_logging
from sanxiang_desktop.ui.shell.i18n import DEFAULT_LANGUAGE, install_translators
from sanxiang_desktop.ui.shell.settings import (APPLICATION, ORGANIZATION, Settings, apply_office_timezone,
                                                default_data_dir, use_settings)

log = logging.getLogger(__name__)

# First one installed wins: Windows, then Linux (Noto, WenQuanYi), then macOS.
CJK_FONT_FAMILIES = ("Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC")
MIN_POINT_SIZE = 10


def pick_cjk_family(available: Sequence[str] | None = None) -> str | None:
    """The first of CJK_FONT_FAMILIES that is installed, or None (Qt's font fallback then finds glyphs)."""
    if available is None and QGuiApplication.instance() is None:
        return None   # QFontDatabase aborts the process without one
    families = set(QFontDatabase.families() if available is None else available)
    return next((f for f in CJK_FONT_FAMILIES if f in families), None)


from sanxiang_desktop.ui.forms.popup_guard import install_popup_guard  # noqa: E402


def create_application(argv: Sequence[str], settings: Settings | None = None) -> QApplication:
    """The program's QApplication, with the clerk's language installed and the error hook in place."""
    resume_collection()           # the imports are done (ui/shell/__init__.py)
    app = QApplication.instance() or QApplication(list(argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")

    family = pick_cjk_family()
    font = QFont(app.font())
    if family is not None:
        font.setFamily(family)
    if 0 < font.pointSize() < MIN_POINT_SIZE:
        font.setPointSize(MIN_POINT_SIZE)
    app.setFont(font)

    setup_logging(default_data_dir())
    install_excepthook()
    settings = settings or Settings()
    use_settings(settings)
    if not apply_office_timezone(settings):
        log.warning("office_timezone setting is not a time zone; using the computer's own")
    language = settings.get("language") or DEFAULT_LANGUAGE
    install_translators(app, language)
    install_popup_guard(app)      # no key goes to a popup left open by a field the focus has left
    log.info("started %s %s, language %s, font %s", APPLICATION, __version__, language, font.family())
    return app
