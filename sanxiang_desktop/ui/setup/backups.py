"""Backups from the clerk's side: automatic ones (daily, and on exit), 备份 in the File menu, and
从备份恢复…, which first backs up the current state, then replaces the database and reopens it.

The file work is store.backup's (Qt-free); here it runs on the database worker, and the dialogs ask."""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QVBoxLayout, QWidget)

from sanxiang_desktop.store import backup as store_backup
from sanxiang_desktop.store.backup import BACKUP_FOLDER, BackupInfo
from sanxiang_desktop.store.database import Database
from sanxiang_desktop.store.errors import StoreError

log = logging.getLogger(__name__)

BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1


def backup_folder(settings) -> Path:
    return Path(settings.get("data_folder")) / BACKUP_FOLDER


def _size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size // 1024, 1)} KB"


class BackupManager(QObject):
    """The open database's backups; every file operation goes through the worker (tasks.run)."""

    backed_up = Signal(object)               # BackupInfo

    def __init__(self, db: Database, settings, tasks, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.tasks = tasks

    @property
    def folder(self) -> Path:
        return backup_folder(self.settings)

    def backups(self) -> list[BackupInfo]:
        if self.db.is_server:      # an office server is backed up by its administrator (pg_dump), not per PC
            return []
        return store_backup.list_backups(self.folder, self.db.path)

    def last_backup_time(self) -> datetime | None:
        found = self.backups()
        return found[0].taken_at if found else None

    def _job(self, reason: str) -> Callable[[], BackupInfo]:
        db, folder, keep = self.db, self.folder, self.settings.get("backup_retention")

        def job() -> BackupInfo:
            info = store_backup.make_backup(db.engine, db.path, folder, reason)
            if reason == "auto":
                store_backup.prune_auto_backups(folder, db.path, keep)
            log.info("backup (%s) written to %s", reason, info.path)
            return info
        return job

    def _done(self, info: BackupInfo) -> None:
        self.settings.set("last_backup_at", info.taken_at)
        self.backed_up.emit(info)

    def backup_now(self, reason: str = "manual", on_done: Callable[[BackupInfo], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None) -> None:
        def done(info: BackupInfo) -> None:
            self._done(info)
            if on_done is not None:
                on_done(info)
        self.tasks.run(self._job(reason), done, on_error, owner=self)

    def ensure_daily(self) -> bool:
        """Start an automatic backup when the newest is a day old or older; True when one was started."""
        if self.db.is_server or not store_backup.backup_due(self.last_backup_time()):
            return False
        self.backup_now("auto")
        return True

    def backup_and_close(self) -> None:
        """On exit: an automatic backup, then the database is closed, both on the worker (which the
        application lets finish before it quits), so closing the window never waits on the disk."""
        job = self._job("auto")
        db = self.db

        def backup_then_close() -> None:
            # no settings.set here: QSettings belongs to the GUI thread, and the file names carry the time
            try:
                if not db.is_server:
                    job()
            except Exception:           # noqa: BLE001 - a failed exit backup must not keep the file open
                log.exception("backup on exit failed")
            finally:
                db.close()
        self.tasks.run(backup_then_close)

    def restore_job(self, chosen: BackupInfo) -> Callable[[], Path]:
        """The worker's part of a restore: check the backup, save the current state, replace the file."""
        db, folder = self.db, self.folder

        def job() -> Path:
            unit = store_backup.backup_home_unit(chosen.path)
            if unit != db.home_unit:
                raise StoreError("other_unit", f"The backup belongs to unit {unit}, not {db.home_unit}",
                                 f"该备份属于单位 {unit}，不是本单位（{db.home_unit}）的数据，不能用来恢复。")
            store_backup.make_backup(db.engine, db.path, folder, "prerestore")
            db.close()
            store_backup.restore_file(chosen.path, db.path)
            log.info("database %s restored from %s", db.path, chosen.path)
            return db.path
        return job


def restore_damaged_job(db_path: Path, folder: Path, chosen: BackupInfo) -> Callable[[], Path]:
    """Restoring when the database cannot even be opened: the damaged file is set aside, not lost."""
    def job() -> Path:
        store_backup.backup_home_unit(chosen.path)
        if Path(db_path).exists():
            store_backup.set_aside(db_path, folder)
        store_backup.restore_file(chosen.path, db_path)
        return Path(db_path)
    return job


class RestoreDialog(QDialog):
    """Pick one of the backups; a confirmation follows. chosen holds the answer after accept."""

    REASONS = ("auto", "manual", "prerestore", "damaged")

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None, *, damaged: bool = False):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.setMinimumWidth(480)
        self.chosen: BackupInfo | None = None
        self.damaged = damaged
        reason_names = {"auto": self.tr("automatic"), "manual": self.tr("made by hand"),
                        "prerestore": self.tr("before a restore"), "damaged": self.tr("damaged file set aside")}
        intro = QLabel(self.tr("The database could not be opened. Choose a backup to continue from; the damaged "
                               "file is kept in the backups folder.") if damaged else
                       self.tr("Choose the backup to go back to. The current data is backed up first, so this "
                               "step can be undone by restoring that backup."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("backup_list")
        for info in backups:
            if info.reason == "damaged":
                continue
            text = f"{info.taken_at:%Y-%m-%d %H:%M:%S}    {reason_names[info.reason]}    {_size_text(info.size)}"
            item = QListWidgetItem(text, self.list)
            item.setData(BACKUP_ROLE, info)
            item.setToolTip(str(info.path))
        if self.list.count():
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(self.list.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        if not backups:
            layout.addWidget(QLabel(self.tr("There are no backups yet."), self))
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        info: BackupInfo = item.data(BACKUP_ROLE)
        question = self.tr("Replace the database with the backup of {when}?").format(
            when=f"{info.taken_at:%Y-%m-%d %H:%M:%S}")
        if not self.damaged:
            question += "\n\n" + self.tr("The current data will be backed up first.")
        answer = QMessageBox.question(self, self.tr("Restore from Backup"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = info
        super().accept()
