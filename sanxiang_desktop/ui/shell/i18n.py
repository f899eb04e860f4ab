"""Loading the interface translations, and switching them while the program runs.

Source strings are English in the code; resources/i18n/sanxiang_<language>.qm (built by
scripts/build_translations.py and committed) carries ours, Qt's own qtbase_<language>.qm the standard
buttons (OK/Cancel read 确定/取消) and Qt's dialogs (QFileDialog's 查找范围/文件类型, the print preview):
qtbase holds every Qt module the program uses (QtCore, QtGui, QtWidgets, QtNetwork, QtPrintSupport).
A few strings Qt 6 moved to new contexts are missing from qtbase_zh_CN (the file dialog's "Folder"):
QT_GAPS fills them.
"""
from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# Qt's own strings that qtbase_zh_CN.qm (PySide6 6.9) lacks: (context, source) -> Chinese.
QT_GAPS = {
    "zh_CN": {
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "Drive"): "驱动器",
        ("QAbstractFileIconProvider", "File"): "文件",
        ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
        ("QAbstractFileIconProvider", "Alias"): "快捷方式",
        ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
        ("QFileDialog", "Computer"): "计算机",
        ("QFileDialog", "Date Modified"): "修改日期",
    },
}

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
    """Qt's translations folder: where QLibraryInfo says, else PySide6's own (a bundle that moved it)."""
    import PySide6
    here = Path(PySide6.__file__).parent
    for folder in (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                   here / "Qt" / "translations", here / "translations"):
        if (folder / "qtbase_zh_CN.qm").is_file():
            return folder
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class GapTranslator(QTranslator):
    """QT_GAPS as a translator; installed first, so Qt asks it only after the .qm files found nothing."""

    def __init__(self, table: dict[tuple[str, str], str]):
        super().__init__()
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt override)
        return self.table.get((context, source_text), "")

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return not self.table


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
    gaps = GapTranslator(QT_GAPS.get(language, {}))
    if gaps.table and app.installTranslator(gaps):
        _installed.append(gaps)
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
