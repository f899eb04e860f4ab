"""退回更正 on the 数据交换 page: the 待更正 tab (this unit's records returned from above, with
打开记录 and 忽略) and the dialog an upper level returns a received record with.

The list of records to choose from and the return itself run on the database worker
(sync.service is Qt-free); the return travels down in the next receipt to that unit."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from sanxiang_desktop.sync import service
from sanxiang_desktop.ui.exchange.dialogs import wrapped
from sanxiang_desktop.ui.exchange.model import local_time, record_type
from sanxiang_desktop.ui.exchange.panels import Panel
from sanxiang_desktop.ui.shell import screen_fit

if TYPE_CHECKING:
    from sanxiang_desktop.sync.rows import Returned

# What an upper level may return for correction (the page each opens on is the one declaring its table:
# context.page_for_table, over the pages the entry point loaded; this module registers nothing by import).
RETURNABLE_TABLES = ("activities", "people", "visits", "venues", "associations", "leading_groups", "volunteer_teams",
                     "work_plans", "milestones", "bulletins")
FILTER_DELAY_MS = 250


class CorrectionsPanel(Panel):
    """待更正记录: returned by the upper level until the record is edited or the clerk dismisses it."""

    def __init__(self, page, parent: QWidget | None = None):
        super().__init__(page, "corrections_view", parent)
        self.open_button = self.button(self.open_record)
        self.dismiss_button = self.button(self.dismiss)
        self.button_row.addStretch(1)
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Records the upper level returned for correction. Editing the record takes it "
                                   "off this list; the corrected record goes up with the next package."))
        self.open_button.setText(self.tr("Op&en Record"))
        self.dismiss_button.setText(self.tr("Dis&miss"))
        self.view.rows_model.set_columns([
            ("type", self.tr("Record type")), ("title", self.tr("Record title")), ("reason", self.tr("Reason")),
            ("from", self.tr("Returned by")), ("at", self.tr("Date"))])
        super().retranslate()

    def fill(self) -> None:
        rows = [{"id": r.id, "type": record_type(r.table), "title": r.title or r.record_id,
                 "reason": r.reason, "from": r.from_name, "at": local_time(r.returned_at, with_time=False),
                 "owner": r.owner, "page": self.page.context.page_for_table(r.open_table), "open_id": r.open_id,
                 "_tip": r.reason} for r in self.data]
        self.view.set_rows(rows, keep_key="id")

    def update_buttons(self) -> None:
        row = self.selected()
        self.dismiss_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and bool(row["page"])
                                    and self.page.context.open_records is not None)

    def open_record(self) -> None:
        row = self.selected()
        if row is None or not row["page"] or self.page.context.open_records is None:
            return
        self.page.context.open_records(row["owner"], row["page"], {"id": row["open_id"]})

    def dismiss(self) -> None:
        row = self.selected()
        if row is None:
            return
        ws, return_id = self.page.context.ws, row["id"]
        self.dismiss_button.setEnabled(False)
        self.page.operation(lambda: service.dismiss_correction(ws.db, return_id, ws.actor),
                            lambda _dismissed: self.page.after_action(""))


class ReturnDialog(QDialog):
    """Choose a record received from one unit below and say what is wrong with it."""

    def __init__(self, page, unit: str, unit_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("return_dialog")
        self.page, self.unit, self.unit_name = page, unit, unit_name
        self.rows: list[dict[str, Any]] = []
        self.loads = 0                      # lists received (tests wait on it)
        self.setWindowTitle(self.tr("Return a Record for Correction"))
        self.resize(screen_fit.bounded(self, QSize(620, 520)))     # 150 % scaling: 911×512
        self.intro = wrapped(self.tr("Records received from {name}. The record goes back to the unit that entered "
                                     "it with the next receipt; it stays as it is here until the corrected "
                                     "version arrives.").format(name=unit_name), self)
        self.table_combo = QComboBox(self)
        self.table_combo.setObjectName("table_combo")
        self.table_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for table in RETURNABLE_TABLES:
            self.table_combo.addItem(record_type(table), table)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Title or name contains…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.records_list = QListWidget(self)
        self.records_list.setObjectName("records_list")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        from sanxiang_desktop.sync.returns import REASON_MAX     # sync code loads with the dialog, not the page
        self.reason_edit.setMaxLength(REASON_MAX)
        self.reason_edit.setPlaceholderText(self.tr("e.g. the date is wrong, a photo is missing"))
        self.privacy_hint = wrapped(self.tr("Say what is wrong, not whose: no names, ID numbers or phone numbers "
                                            "in the reason (it travels in the receipt)."), self, "privacy_hint")
        self.privacy_hint.setStyleSheet("color: #5f6b73;")
        form = QFormLayout()
        type_label = QLabel(self.tr("Record &type:"), self)
        type_label.setBuddy(self.table_combo)
        filter_label = QLabel(self.tr("&Filter:"), self)
        filter_label.setBuddy(self.filter_edit)
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_edit)
        form.addRow(type_label, self.table_combo)
        form.addRow(filter_label, self.filter_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.return_button = self.buttons.addButton(self.tr("Return for Correction"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.return_button.setObjectName("return_button")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.records_list, 1)
        reason_form = QFormLayout()
        reason_form.addRow(reason_label, self.reason_edit)
        layout.addLayout(reason_form)
        layout.addWidget(self.privacy_hint)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FILTER_DELAY_MS)
        self.timer.timeout.connect(self.load)
        self.table_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.filter_edit.textChanged.connect(lambda _t: self.timer.start())
        self.records_list.currentRowChanged.connect(lambda _r: self.update_buttons())
        self.reason_edit.textChanged.connect(lambda _t: self.update_buttons())
        self.update_buttons()
        self.load()

    def table(self) -> str:
        return self.table_combo.currentData()

    def load(self) -> None:
        db, unit, table, text = self.page.context.ws.db, self.unit, self.table(), self.filter_edit.text()
        self.page.context.tasks.run(lambda: (table, text, service.received_records(db, unit, table, text)),
                                    self._listed, self.page.action_failed, owner=self)

    def _listed(self, result) -> None:
        table, text, rows = result
        if table != self.table() or text != self.filter_edit.text():
            return                          # an older answer: a newer one is on its way
        self.rows = rows
        self.records_list.clear()
        for r in rows:
            item = QListWidgetItem(f"{r['title']}　（{r['owner_name']}，{local_time(r['updated_at'], False)}）")
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            self.records_list.addItem(item)
        if not rows:
            self.records_list.addItem(QListWidgetItem(self.tr("(no records)")))
            self.records_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.loads += 1
        self.update_buttons()

    def chosen(self) -> str | None:
        item = self.records_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def update_buttons(self) -> None:
        self.return_button.setEnabled(bool(self.chosen()) and bool(self.reason_edit.text().strip()))

    def submit(self) -> None:
        record_id = self.chosen()
        if not record_id or not self.reason_edit.text().strip():
            return
        ws, table, reason = self.page.context.ws, self.table(), self.reason_edit.text()
        self.return_button.setEnabled(False)
        self.page.operation(lambda: service.return_for_correction(ws.db, table, record_id, reason, ws.actor),
                            self._returned)

    def _returned(self, out: Returned) -> None:
        if shiboken6.isValid(self):
            self.accept()
        self.page.after_action(self.tr("{type} “{title}” of {owner} returned for correction: it goes to {to} with "
                                       "the next receipt.").format(type=record_type(out.row.table), title=out.row.title,
                                                                   owner=out.row.owner_name, to=out.to_name))
