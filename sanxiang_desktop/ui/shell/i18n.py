"""Loading the interface translations, and switching them while the program runs.

Source strings are English in the code; resources/i18n/sanxiang_<language>.qm (built by
scripts/build_translations.py and committed) carries ours, Qt's own qtbase_<language>.qm
the standard buttons (OK/Cancel read 确定/取消).
"""
from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
_LOCALE_NAMES = {"zh_CN": "zh_CN", "en": "en_US"}

# Installed translators per application; kept referenced, or Python would free them while Qt uses them.
_installed: list[QTranslator] = []
_current_language: str | None = None


def translations_dir() -> Path:
    """Folder of our .qm files inside the installed package (resources/ is sanxiang_desktop.resources)."""
    return Path(str(importlib.resources.files("sanxiang_desktop.resources") / "i18n"))


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("translation file not loaded: %s", path)
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace the installed translators by those of `language` ("zh_CN" or "en").

    Qt sends QEvent.LanguageChange to every widget when translators change, so a widget that
    retranslates itself in changeEvent() follows a switch made while the program runs.
    """
    global _current_language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} / 未知的界面语言“{language}”")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    candidates = [translations_dir() / f"sanxiang_{language}.qm"]
    if language != "en":
        # Qt's strings are English already; only other languages need qtbase
        candidates.append(qt_translations_dir() / f"qtbase_{language}.qm")
    for path in candidates:
        translator = _load(path)
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    QLocale.setDefault(QLocale(_LOCALE_NAMES[language]))
    _current_language = language
    return list(_installed)


def current_language() -> str | None:
    return _current_language
