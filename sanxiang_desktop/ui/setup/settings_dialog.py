"""设置…: interface language, data folder, how many automatic backups to keep, the clerk's name, and the
office's time zone (core.clock) for a PC not set to the office's own time.

Fields are loaded from and saved to the settings registry (ui/shell/settings.py); save() says what changed
so the main window can act on it (switch the language live, rename the clerk, move the data)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from sanxiang_desktop.core import clock
from sanxiang_desktop.store.location import TargetError, classify_db_target, server_url
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.shell.errors import show_error
from sanxiang_desktop.ui.shell.settings import REGISTRY

# Each language is named in itself, so a clerk who switched by mistake can find the way back.
LANGUAGE_NAMES = (("zh_CN", "中文（简体）"), ("en", "English"))
# Offered in the time-zone box; the empty first entry means "this computer's zone".
TIMEZONE_CHOICES = ("Asia/Shanghai", "Asia/Urumqi", "UTC+8")


class SettingsDialog(QDialog):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.settings = settings
        self.setMinimumWidth(460)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language_combo")
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)     # every combo box as wide as its longest entry
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("data_folder_edit")
        self.folder_edit.textChanged.connect(self._fit_folder)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.retention_spin = QSpinBox(self)
        self.retention_spin.setObjectName("retention_spin")
        self.retention_spin.setRange(REGISTRY["backup_retention"].minimum or 1, 365)
        self.clerk_edit = QLineEdit(self)
        self.clerk_edit.setObjectName("clerk_edit")
        self.clerk_edit.setMaxLength(30)
        self.timezone_combo = QComboBox(self)            # editable: any IANA name or offset may be typed
        self.timezone_combo.setObjectName("timezone_combo")
        self.timezone_combo.setEditable(True)
        self.timezone_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.timezone_combo.addItem("", "")
        for name in TIMEZONE_CHOICES:
            self.timezone_combo.addItem(name, name)

        self.form = QFormLayout()
        self.language_label, self.folder_label = QLabel(self), QLabel(self)
        self.retention_label, self.clerk_label = QLabel(self), QLabel(self)
        self.timezone_label = QLabel(self)
        self.timezone_label.setBuddy(self.timezone_combo)
        self.language_label.setBuddy(self.language_combo)
        self.folder_label.setBuddy(self.folder_edit)
        self.retention_label.setBuddy(self.retention_spin)
        self.clerk_label.setBuddy(self.clerk_edit)
        self.form.addRow(self.language_label, self.language_combo)
        self.form.addRow(self.folder_label, folder_row)
        self.form.addRow(self.retention_label, self.retention_spin)
        self.form.addRow(self.clerk_label, self.clerk_edit)
        self.form.addRow(self.timezone_label, self.timezone_combo)
        # issue 13: "this computer" (empty) or the office's PostgreSQL server
        self.server_edit = QLineEdit(self)
        self.server_edit.setObjectName("office_server_edit")
        self.server_edit.setPlaceholderText("postgresql://clerk@server/sanxiang")
        self.server_label = QLabel(self)
        self.server_label.setBuddy(self.server_edit)
        self.form.addRow(self.server_label, self.server_edit)
        self.folder_note = QLabel(self)
        self.folder_note.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.folder_note)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.folder_label.setText(self.tr("&Data folder:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.retention_label.setText(self.tr("&Backups to keep:"))
        self.retention_spin.setSuffix(self.tr(" copies"))
        self.clerk_label.setText(self.tr("&Clerk's name:"))
        self.timezone_label.setText(self.tr("Office &time zone:"))
        self.timezone_combo.setItemText(0, self.tr("This computer's"))
        self.timezone_combo.setToolTip(self.tr("Only for a computer not set to the office's time: dates such as "
                                               "\"today\" and printed times follow this zone."))
        self.folder_note.setText(self.tr("The database and its backups live in the data folder. A new folder "
                                         "takes effect at the next start."))
        self.server_label.setText(self.tr("Office &server:"))
        self.server_edit.setToolTip(self.tr("Empty: the database on this computer. Otherwise the office server's "
                                            "address, without a password (the PostgreSQL password file holds it); "
                                            "takes effect at the next start."))

    def _fit_folder(self, text: str) -> None:
        """The whole data folder path shows: the field is as wide as the path (up to most of the screen,
        the tooltip has it in full beyond that)."""
        screen = self.screen().availableGeometry().width() if self.screen() else 1366
        needed = self.folder_edit.fontMetrics().horizontalAdvance(text) + 24
        self.folder_edit.setMinimumWidth(min(needed, int(screen * 0.8)))
        self.folder_edit.setToolTip(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        s = self.settings
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(s.get("language")), 0))
        self.folder_edit.setText(str(s.get("data_folder")))
        self.folder_edit.setCursorPosition(0)       # a long path shows from its start, not its end
        self.retention_spin.setValue(s.get("backup_retention"))
        self.clerk_edit.setText(s.get("clerk_name"))
        self.server_edit.setText(s.get("office_server"))
        zone = s.get("office_timezone")
        index = self.timezone_combo.findData(zone)
        if index < 0:
            self.timezone_combo.addItem(zone, zone)
            index = self.timezone_combo.count() - 1
        self.timezone_combo.setCurrentIndex(index)

    def values(self) -> dict:
        return {"language": self.language_combo.currentData(),
                "data_folder": str(Path(self.folder_edit.text().strip() or str(self.settings.get("data_folder")))),
                "backup_retention": self.retention_spin.value(),
                "clerk_name": self.clerk_edit.text().strip(),
                "office_timezone": self.timezone_value(),
                "office_server": self.server_edit.text().strip()}

    def timezone_value(self) -> str:
        """The zone chosen or typed ("" for the computer's own: the first entry or an empty box)."""
        text = self.timezone_combo.currentText().strip()
        index = self.timezone_combo.currentIndex()
        if not text or (index == 0 and text == self.timezone_combo.itemText(0)):
            return ""
        return text

    def accept(self) -> None:
        zone = self.timezone_value()
        try:
            clock.parse_timezone(zone) if zone else None
        except ValueError:
            show_error(self, self.tr("Settings"), self.tr(
                "\"{zone}\" is not a time zone. Enter a name such as Asia/Shanghai or an offset such as UTC+8, "
                "or leave the box empty.").format(zone=zone))
            self.timezone_combo.setFocus()
            return
        server = self.server_edit.text().strip()
        if server:
            try:
                kind, _text = classify_db_target(server)
                if kind != "url":
                    raise TargetError("not a server address", "不是服务器地址")
                server_url(server)
            except TargetError as err:
                show_error(self, self.tr("Settings"), self.tr(
                    "The office server address is not usable: {why}").format(
                    why=err.message_en if i18n.current_language() == "en" else err.message_zh))
                self.server_edit.setFocus()
                return
        super().accept()

    def save(self) -> set[str]:
        """Write the fields to the settings; the keys whose value changed."""
        changed = set()
        for key, value in self.values().items():
            if value != self.settings.get(key):
                self.settings.set(key, value)
                changed.add(key)
        self.settings.sync()
        return changed

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the Data Folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)
