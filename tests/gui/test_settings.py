"""The settings registry: typed round trip through a real INI file, unknown keys and bad values refused."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sanxiang_desktop.ui.shell import settings as settings_module
from sanxiang_desktop.ui.shell.settings import REGISTRY, Settings, UnknownSettingError, default_data_dir


def test_defaults(settings, data_dir):
    assert settings.get("language") == "zh_CN"
    assert settings.get("backup_retention") == 10
    assert settings.get("clerk_name") == ""
    assert settings.get("last_backup_at") is None
    assert settings.get("window/geometry") == b""
    assert settings.get("table_state/people") == {}
    assert settings.get("data_folder") == str(data_dir)
    assert not settings.is_set("language")


def test_round_trip_through_the_ini_file(tmp_path):
    path = tmp_path / "sanxiang.ini"
    first = Settings(path)
    when = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
    first.set("language", "en")
    first.set("backup_retention", 3)
    first.set("clerk_name", "马晓兰")
    first.set("data_folder", str(tmp_path / "数据"))
    first.set("last_backup_at", when)
    first.set("window/geometry", b"\x00\x01\xffgeometry")
    first.set_table_state("people", {"sort_key": "name", "descending": True, "widths": {"name": 120}})
    first.sync()

    text = path.read_text(encoding="utf-8")
    assert "马晓兰" in text and "[table_state]" in text   # readable, UTF-8, grouped by prefix

    second = Settings(path)
    assert second.get("language") == "en"
    assert second.get("backup_retention") == 3
    assert second.get("clerk_name") == "马晓兰"
    assert second.get("data_folder") == str(tmp_path / "数据")
    assert second.get("last_backup_at") == when
    assert second.get("window/geometry") == b"\x00\x01\xffgeometry"
    assert second.table_state("people") == {"sort_key": "name", "descending": True, "widths": {"name": 120}}
    assert second.table_state("venues") == {}

    second.reset("language")
    assert second.get("language") == "zh_CN"
    second.set("last_backup_at", None)
    assert second.get("last_backup_at") is None


@pytest.mark.parametrize("key", ["nonsense", "table_state/", "table_state/Bad Name", "window/other", "table_state"])
def test_unknown_keys_are_refused(settings, key):
    with pytest.raises(UnknownSettingError) as info:
        settings.get(key)
    assert "未知的设置项" in str(info.value)
    with pytest.raises(UnknownSettingError):
        settings.set(key, "x")


@pytest.mark.parametrize("key, value, error", [
    ("backup_retention", "10", TypeError),
    ("backup_retention", True, TypeError),
    ("backup_retention", 0, ValueError),
    ("language", "fr", ValueError),
    ("clerk_name", 5, TypeError),
    ("clerk_name", None, TypeError),
    ("last_backup_at", "2025-01-01", TypeError),
    ("table_state/people", [1, 2], TypeError),
])
def test_wrong_values_are_refused(settings, key, value, error):
    with pytest.raises(error):
        settings.set(key, value)


def test_hand_damaged_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "sanxiang.ini"
    path.write_text("[General]\nbackup_retention=lots\nlanguage=fr\nlast_backup_at=yesterday\n"
                    "[table_state]\npeople={not json\n", encoding="utf-8")
    damaged = Settings(path)
    assert damaged.get("backup_retention") == 10
    assert damaged.get("language") == "zh_CN"
    assert damaged.get("last_backup_at") is None
    assert damaged.table_state("people") == {}


def test_every_setting_is_described_in_both_languages():
    for setting in REGISTRY.values():
        assert setting.description("zh_CN") and setting.description("en")
        assert setting.description("zh_CN") != setting.description("en")


def test_data_folder_from_environment_or_standard_location(monkeypatch, tmp_path, qapp):
    monkeypatch.setenv("SANXIANG_DATA_DIR", str(tmp_path / "d"))
    assert default_data_dir() == tmp_path / "d"
    monkeypatch.setenv("SANXIANG_DATA_DIR", "  ")
    standard = default_data_dir()
    assert standard.parts[-2:] == ("sanxiang", "sanxiang-desktop")


def test_default_settings_file_lives_in_the_data_folder(data_dir, monkeypatch):
    monkeypatch.setattr(settings_module, "_current", None)
    current = settings_module.app_settings()
    assert current.path == data_dir / "sanxiang.ini"
    assert settings_module.app_settings() is current
