"""Every user setting, declared once (key, type, default, description) over QSettings in INI format.

The INI file lives in the data folder so a clerk's whole installation is one folder to back up
or copy; QSettings' native registry backend on Windows would scatter it.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = "sanxiang"
APPLICATION = "sanxiang-desktop"
INI_NAME = "sanxiang.ini"
DATA_DIR_ENV = "SANXIANG_DATA_DIR"
LANGUAGES = ("zh_CN", "en")

_LIST_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class UnknownSettingError(KeyError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return f"unknown setting {self.key!r} / 未知的设置项“{self.key}”"


def default_data_dir() -> Path:
    """$SANXIANG_DATA_DIR when set and non-empty, else the per-user application data folder."""
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    if env:
        return Path(env)
    # QStandardPaths builds the path from the application's names; the folder must be the same
    # whatever the running QApplication (or none, in the CLI) is called
    saved = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    try:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    finally:
        if saved != (ORGANIZATION, APPLICATION):
            QCoreApplication.setOrganizationName(saved[0])
            QCoreApplication.setApplicationName(saved[1])
    return Path(location)


@dataclass(frozen=True)
class Setting:
    key: str                    # for a family of keys ("table_state/<list_name>"), the prefix ending in "/"
    type: type                  # str, int, bool, bytes, datetime or dict (dict is stored as JSON)
    default: Any                # a value, or a zero-argument callable for defaults known only at run time
    description_zh: str
    description_en: str
    choices: tuple = ()
    minimum: int | None = None

    @property
    def is_family(self) -> bool:
        return self.key.endswith("/")

    def default_value(self) -> Any:
        value = self.default() if callable(self.default) else self.default
        # dict defaults must not be shared between callers who mutate what get() returns
        return dict(value) if isinstance(value, dict) else value

    def description(self, language: str = "zh_CN") -> str:
        return self.description_zh if language == "zh_CN" else self.description_en


def _default_data_folder() -> str:
    return str(default_data_dir())


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", str, "zh_CN", "界面语言", "Interface language", choices=LANGUAGES),
        Setting("data_folder", str, _default_data_folder,
                "数据文件夹（数据库和备份所在位置）", "Data folder (where the database and backups are kept)"),
        Setting("backup_retention", int, 10, "保留的自动备份份数", "Number of automatic backups to keep",
                minimum=1),
        Setting("clerk_name", str, "", "录入员姓名（记入操作日志）", "Clerk's name (written to the audit log)"),
        # issue 13: postgresql://ROLE@HOST/DB of the office's server; never a password (libpq's password file)
        Setting("office_server", str, "", "办公室服务器地址（留空为使用本机数据库）",
                "Office server address (empty: the database on this computer)"),
        # core.clock: "" keeps the machine's own zone; for a PC not set to China time (IANA name or UTC+8)
        Setting("office_timezone", str, "", "办公地时区（留空为本机时区，如 Asia/Shanghai 或 UTC+8）",
                "Office time zone (empty: this computer's; e.g. Asia/Shanghai or UTC+8)"),
        Setting("exchange_folder", str, "", "数据交换文件夹（上次导出、导入数据包的位置，如U盘）",
                "Data exchange folder (where packages were last exported or imported, e.g. a USB stick)"),
        Setting("last_backup_at", datetime, None, "上次备份时间", "Time of the last backup"),
        Setting("window/geometry", bytes, b"", "主窗口位置和大小", "Main window position and size"),
        Setting("window/state", bytes, b"", "主窗口工具栏和停靠窗口布局", "Main window toolbar and dock layout"),
        Setting("table_state/", dict, {}, "列表的排序和列宽", "A list's sort order and column widths"),
    )
}


def lookup(key: str) -> Setting:
    """The declaration that governs `key`; UnknownSettingError when there is none."""
    setting = REGISTRY.get(key)
    if setting is not None and not setting.is_family:
        return setting
    prefix, sep, name = key.partition("/")
    family = REGISTRY.get(prefix + "/") if sep else None
    if family is None or not _LIST_NAME.match(name):
        raise UnknownSettingError(key)
    return family


def _check(setting: Setting, key: str, value: Any) -> Any:
    if value is None:
        if setting.default_value() is None:
            return None
        raise TypeError(f"setting {key!r} cannot be empty / 设置项“{key}”不能为空")
    expected = setting.type
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if expected is bytes and isinstance(value, (bytearray, QByteArray)):
        value, ok = bytes(value), True
    if not ok:
        raise TypeError(f"setting {key!r} takes {expected.__name__}, not {type(value).__name__}"
                        f" / 设置项“{key}”的类型应为 {expected.__name__}")
    if setting.choices and value not in setting.choices:
        raise ValueError(f"setting {key!r} must be one of {setting.choices} / 设置项“{key}”的取值无效")
    if setting.minimum is not None and value < setting.minimum:
        raise ValueError(f"setting {key!r} must be at least {setting.minimum}"
                         f" / 设置项“{key}”不能小于 {setting.minimum}")
    return value


def _encode(setting: Setting, value: Any) -> Any:
    if setting.type is dict:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if setting.type is datetime:
        return value.isoformat()
    if setting.type is bytes:
        return QByteArray(value)
    return value


def _decode(setting: Setting, raw: Any) -> Any:
    """Raw INI value to the declared type; None when the stored text does not parse."""
    try:
        if setting.type is dict:
            value = json.loads(raw) if isinstance(raw, str) else raw
            return value if isinstance(value, dict) else None
        if setting.type is datetime:
            return datetime.fromisoformat(str(raw))
        if setting.type is bytes:
            return bytes(raw) if isinstance(raw, (QByteArray, bytes, bytearray)) else None
        if setting.type is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
        if setting.type is int:
            return int(raw)
        if setting.type is str:
            # QSettings hands back a list for a value written with commas in it by hand
            return ", ".join(raw) if isinstance(raw, list) else str(raw)
    except (TypeError, ValueError):
        return None
    return None


class Settings:
    """Typed access to the INI file. get() never fails on a damaged file: it falls back to the default."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_data_dir() / INI_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        setting = lookup(key)
        raw = self._qsettings.value(key)
        if raw is None:
            return setting.default_value()
        value = _decode(setting, raw)
        try:
            return _check(setting, key, value)
        except (TypeError, ValueError):
            # a value edited by hand into something invalid must not stop the program from starting
            return setting.default_value()

    def set(self, key: str, value: Any) -> None:
        setting = lookup(key)
        value = _check(setting, key, value)
        if value is None:
            self._qsettings.remove(key)
        else:
            self._qsettings.setValue(key, _encode(setting, value))

    def reset(self, key: str) -> None:
        lookup(key)
        self._qsettings.remove(key)

    def is_set(self, key: str) -> bool:
        lookup(key)
        return self._qsettings.contains(key)

    def sync(self) -> None:
        """Write to disk now (QSettings also writes on its own, lazily and at exit)."""
        self._qsettings.sync()

    def table_state(self, list_name: str) -> dict:
        return self.get(f"table_state/{list_name}")

    def set_table_state(self, list_name: str, state: dict) -> None:
        self.set(f"table_state/{list_name}", state)


def apply_office_timezone(settings: Settings) -> bool:
    """Give core.clock the office's time zone from the settings; False (and the machine's zone kept)
    when the stored name is not a time zone (edited by hand), so a bad INI line cannot stop the start."""
    from sanxiang_desktop.core import clock
    try:
        clock.set_office_timezone(settings.get("office_timezone") or None)
        return True
    except ValueError:
        clock.set_office_timezone(None)
        return False


_current: Settings | None = None


def app_settings() -> Settings:
    """The settings of the running program, opened on first use from the default data folder."""
    global _current
    if _current is None:
        _current = Settings()
    return _current


def use_settings(settings: Settings | None) -> None:
    """Make `settings` the program's settings (create_application does this; tests may pass their own)."""
    global _current
    _current = settings

