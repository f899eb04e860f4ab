"""Backups: the Qt-free helpers on real files, the automatic backups (daily, on exit), 立即备份,
and 从备份恢复… which backs up the current state before it replaces the database and reopens it."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from sanxiang_desktop.services.units import add_village
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import backup as b
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.errors import StoreError
from sanxiang_desktop.ui.setup.backups import RestoreDialog
from sanxiang_desktop.ui.shell.launcher import Launcher
from tests.gui.window_support import answer_modal, app_settings_in, close_window, make_empty  # noqa: F401

ZHANGZHENG = "640104100"


def _villages(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM units WHERE level = 'village' AND deleted = 0")]
    finally:
        conn.close()


# -- store.backup, no Qt -------------------------------------------------------------------------------
def test_backups_are_named_listed_and_pruned(tmp_path):
    path = make_empty(tmp_path, ZHANGZHENG)
    db = open_database(path)
    folder = tmp_path / "backups"
    start = datetime(2026, 5, 1, 9, 0, 0)
    made = [b.make_backup(db.engine, path, folder, "auto", start + timedelta(days=n)) for n in range(5)]
    manual = b.make_backup(db.engine, path, folder, "manual", start)
    twin = b.make_backup(db.engine, path, folder, "manual", start)          # same second: a second name
    db.close()
    assert made[0].path.name == "sanxiang-20260501-090000-auto.db"
    assert twin.path.name == "sanxiang-20260501-090000-manual-2.db"
    listed = b.list_backups(folder, path)
    assert listed[0].path == made[-1].path and len(listed) == 7
    (folder / "other-20260501-090000-auto.db").write_bytes(b"x")         # another database's backup
    removed = b.prune_auto_backups(folder, path, keep=2)
    assert sorted(removed) == sorted(m.path for m in made[:3])
    assert manual.path.exists() and twin.path.exists() and (folder / "other-20260501-090000-auto.db").exists()
    assert b.backup_home_unit(manual.path) == ZHANGZHENG


def test_backup_due_once_a_day():
    now = datetime(2026, 5, 2, 8, 0)
    assert b.backup_due(None, now)
    assert b.backup_due(now - timedelta(days=1, minutes=1), now)
    assert not b.backup_due(now - timedelta(hours=5), now)


def test_a_damaged_backup_is_refused_in_chinese(tmp_path):
    bad = tmp_path / "sanxiang-20260501-090000-auto.db"
    bad.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError) as err:
        b.backup_home_unit(bad)
    assert "备份" in err.value.message_zh


def test_restore_file_and_set_aside(tmp_path):
    path = make_empty(tmp_path, ZHANGZHENG)
    db = open_database(path)
    saved = b.make_backup(db.engine, path, tmp_path / "backups", "manual")
    add_village(Workspace.open(db), ZHANGZHENG, "测试新村")
    db.close()
    assert _villages(path) == ["测试新村"]
    aside = b.set_aside(path, tmp_path / "backups")
    assert not path.exists() and aside.exists() and "damaged" in aside.name
    b.restore_file(saved.path, path)
    assert _villages(path) == [] and open_database(path).home_unit == ZHANGZHENG


# -- the main window -------------------------------------------------------------------------------
@pytest.fixture
def launched(qtbot, tmp_path, app_settings_in, runner):
    """A window opened through the launcher (which reopens windows after a restore)."""
    path = make_empty(tmp_path / "db", ZHANGZHENG)
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.ready, timeout=10000):
        launcher.start(db=path)
    yield launcher, path
    if launcher.window is not None:
        close_window(qtbot, launcher.window, runner)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)


def test_daily_backup_at_start_and_backup_on_close(qtbot, launched, data_dir, runner):
    launcher, path = launched
    window = launcher.window
    folder = data_dir / "backups"
    qtbot.waitUntil(lambda: len(b.list_backups(folder, path)) == 1)          # none was there: one at start
    # the label follows when the worker's result is delivered, a moment after the file exists
    qtbot.waitUntil(lambda: "20" in window.backup_label.text())
    assert not window.backups.ensure_daily()                                 # not again the same day
    with qtbot.waitSignal(launcher.finished):
        window.close()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    backups = b.list_backups(folder, path)
    assert len(backups) == 2 and {x.reason for x in backups} == {"auto"}


def test_back_up_now(qtbot, launched, data_dir):
    launcher, path = launched
    window = launcher.window
    window.actions.backup_action.trigger()
    qtbot.waitUntil(lambda: any(x.reason == "manual" for x in b.list_backups(data_dir / "backups", path)))
    assert window.settings.get("last_backup_at") is not None


def test_restore_backs_up_then_replaces_the_database_and_reopens(qtbot, launched, data_dir, monkeypatch):
    launcher, path = launched
    window = launcher.window
    folder = data_dir / "backups"
    # not any backed_up: the daily backup of the start may still be on the worker and report first
    with qtbot.waitSignal(window.backups.backed_up, check_params_cb=lambda info: info.reason == "manual"):
        window.backups.backup_now("manual")
    result = add_village(window.ws, ZHANGZHENG, "恢复后应消失的村")
    window.context.notify(result.changes)
    assert _villages(path) == ["恢复后应消失的村"]

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)

    def choose_manual(dialog):
        assert isinstance(dialog, RestoreDialog)
        row = next(i for i in range(dialog.list.count()) if "手动" in dialog.list.item(i).text()
                   or "by hand" in dialog.list.item(i).text())
        dialog.list.setCurrentRow(row)
        dialog.accept()
    answer_modal(choose_manual)
    with qtbot.waitSignal(launcher.window_shown, timeout=15000) as shown:
        window.actions.restore_action.trigger()
    assert shown.args[0] is not window and launcher.window is shown.args[0]
    assert _villages(path) == []
    before = [x for x in b.list_backups(folder, path) if x.reason == "prerestore"]
    assert len(before) == 1 and _villages(before[0].path) == ["恢复后应消失的村"]


def test_a_backup_of_another_unit_is_refused(qtbot, launched, tmp_path, data_dir, monkeypatch):
    launcher, path = launched
    window = launcher.window
    other = make_empty(tmp_path / "other", "640104")
    foreign = data_dir / "backups" / "sanxiang-20200101-090000-manual.db"
    foreign.parent.mkdir(parents=True, exist_ok=True)
    foreign.write_bytes(other.read_bytes())
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    seen = []

    def choose_foreign(dialog):
        row = next(i for i in range(dialog.list.count()) if "2020-01-01" in dialog.list.item(i).text())
        dialog.list.setCurrentRow(row)
        answer_modal(lambda box: (seen.append(box.text()), box.done(0)))
        dialog.accept()
    answer_modal(choose_foreign)
    window.actions.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "不是本单位" in seen[0] or "belongs to unit" in seen[0]
    assert launcher.window is window and window.isVisible()
    assert open_database(path).home_unit == ZHANGZHENG


def test_a_damaged_database_is_restored_at_start(qtbot, tmp_path, data_dir, app_settings_in, runner, monkeypatch):
    path = make_empty(tmp_path / "db", ZHANGZHENG)
    db = open_database(path)
    b.make_backup(db.engine, path, data_dir / "backups", "auto")
    db.close()
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)             # the disk ate it
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    answer_modal(lambda dialog: dialog.accept())
    launcher = Launcher(app_settings_in, runner)
    with qtbot.waitSignal(launcher.window_shown, timeout=15000) as shown:
        launcher.start(db=path)
    assert shown.args[0].home.code == ZHANGZHENG
    assert any(x.reason == "damaged" for x in b.list_backups(data_dir / "backups", path))
    close_window(qtbot, shown.args[0], runner)
