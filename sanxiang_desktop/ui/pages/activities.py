"""活动台账: the activities of the unit and its villages, and the attachments of the one selected."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from sanxiang_desktop.services import records
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.forms.attachments import AttachmentsPanel
from sanxiang_desktop.ui.pages.panel import ListPage
from sanxiang_desktop.ui.pages.base import PageContext


class ActivitiesPage(ListPage):
    key = "activities"
    tables = frozenset({"activities"})
    levels = frozenset({"city", "county", "township", "village"})
    list_name = "activities"
    watch = ("people", "units")
    year_filter = True

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.attachments = AttachmentsPanel(context, self)
        box = self.attachments_box = QGroupBox(self)
        inner = QVBoxLayout(box)
        inner.addWidget(self.attachments)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.layout().removeWidget(self.panel)
        splitter.addWidget(self.panel)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.layout().addWidget(splitter)
        self.panel.view.selection_changed.connect(self._selected)
        self.panel.view.model.modelReset.connect(self._selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.attachments_box.setTitle(self.tr("Attachments of the Selected Activity"))

    def title(self) -> str:
        return self.tr("Activities")

    def dialog_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        return {"defaults": {"unit_code": unit, "held_on": self.context.ws.today()}}

    def on_changes(self, changes: Changes) -> None:
        super().on_changes(changes)
        self.attachments.on_changes(changes)

    def _selected(self) -> None:
        ids = self.panel.view.selected_ids()
        current = self.panel.view.current_id()
        activity = current if current in ids else (ids[0] if len(ids) == 1 else None)
        if activity == self.attachments.activity_id:
            return
        record = records.get(self.context.ws, "activities", activity) if activity else None
        self.attachments.set_activity(activity, read_only=bool(record) and record["owner"] != self.context.ws.home_unit)
