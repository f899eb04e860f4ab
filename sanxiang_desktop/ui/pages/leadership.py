"""班子成员: the posts in the unit's association, with the three key-person slots on top."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sanxiang_desktop.services import lists, posts
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.forms.field_widgets import ERROR_STYLE
from sanxiang_desktop.ui.pages.panel import RecordPanel, Retranslating
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage
from sanxiang_desktop.ui.forms.record_form import RecordDialog
from sanxiang_desktop.ui.lists.document_actions import install_print_export


class KeySlotBar(QWidget):
    """医院（卫生院）院长 / 中小学校长 / 农技站站长: the person's name, or 空缺 in red."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for code in ("hospital", "school", "agri"):
            label = QLabel(self)
            label.setObjectName(f"slot_{code}")
            layout.addWidget(label)
            self.labels[code] = label
        layout.addStretch(1)

    def show_slots(self, slots: list[lists.KeySlot]) -> None:
        for slot in slots:
            label = self.labels[slot.code]
            if slot.people:
                label.setText(f"{slot.label}：{'、'.join(slot.people)}")
                label.setStyleSheet("")
            else:
                vacant = self.tr("vacant")
                label.setText(f"{slot.label}：{vacant}")
                label.setStyleSheet(ERROR_STYLE)

    def texts(self) -> dict[str, str]:
        return {code: label.text() for code, label in self.labels.items()}


class LeadershipPage(Retranslating, UnitPage):
    key = "leadership"
    tables = frozenset({"posts"})
    levels = frozenset({"city", "county", "township"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.slots = KeySlotBar(self)
        self.panel = RecordPanel(context, "posts", dialog_options=self.dialog_options, watch=("people",),
                                 add_text=lambda: self.tr("&Appoint"), parent=self)
        self.end_button = QPushButton(self)
        self.panel.view.toolbar_layout.addWidget(self.end_button)
        self.ended_box = QCheckBox(self)
        self.panel.view.toolbar_layout.addWidget(self.ended_box)
        install_print_export(self, self.panel, self.tr("Leadership"))     # 打印/导出; also page.document_actions
        self.end_button.clicked.connect(self.end_post)
        self.ended_box.toggled.connect(lambda _on: self.panel.set_base(self.base_extra()))
        self.panel.view.selection_changed.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.slots)
        layout.addWidget(self.panel, 1)
        self._update()
        self.retranslate()

    def retranslate(self) -> None:
        self.end_button.setText(self.tr("End &Post"))
        self.end_button.setToolTip(self.tr("The selected person leaves the post (离任) on a date you enter"))
        self.ended_box.setText(self.tr("S&how Former Posts"))
        if self.unit_code:
            self.refresh_slots()

    def title(self) -> str:
        return self.tr("Leadership")

    def base_extra(self) -> dict:
        return {"unit": self.unit_code or self.context.ws.home_unit, "all": self.ended_box.isChecked()}

    def dialog_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        return {"defaults": {"unit_code": unit, "start_on": self.context.ws.today()}, "hidden": ("unit_code",),
                "create_with": posts.appoint_fields}

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self.panel.set_base(self.base_extra())
        self.refresh_slots()

    def refresh_slots(self) -> None:
        self.slots.show_slots(lists.key_slots(self.context.ws, self.unit_code or self.context.ws.home_unit))

    def on_changes(self, changes: Changes) -> None:
        self.panel.on_changes(changes)
        if changes.touches("posts", "people"):
            self.refresh_slots()

    def apply_filter(self, extra: dict) -> None:
        self.panel.set_filter_extra(extra)

    def appoint(self) -> RecordDialog:
        """任职: the post form (person picker over every unit, role, date, how)."""
        return self.panel.open_dialog(None)

    def end_post(self) -> RecordDialog | None:
        """离任: the end date (today unless changed), saved as an update, so Ctrl+Z takes it back."""
        post_id = self.panel.view.current_id() or next(iter(self.panel.view.selected_ids()), None)
        if not post_id:
            return None
        dialog = RecordDialog(self.context, "posts", record_id=post_id, fields=("end_on",), parent=self,
                              title=self.tr("End Post"),
                              update_with=lambda ws, record_id, fields, expected_rev=None: posts.end_post(
                                  ws, record_id, fields.get("end_on"), expected_rev=expected_rev))
        if not dialog.read_only and not dialog.widgets["end_on"].value():
            dialog.widgets["end_on"].set_value(self.context.ws.today())
        dialog.saved.connect(lambda _id: self.panel.view.refresh())
        self.panel.dialog = dialog
        dialog.open()
        return dialog

    def _update(self) -> None:
        self.end_button.setEnabled(bool(self.panel.view.selected_ids()))
