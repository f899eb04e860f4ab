"""Pages of a list and the records under its selected row: volunteer teams and their members,
work plans and their tasks."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from sanxiang_desktop.services import records
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.pages.panel import RecordPanel, Retranslating
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage


class MasterDetailPage(Retranslating, UnitPage):
    master_list = ""
    detail_list = ""
    parent_field = ""          # the detail records' field naming the master record
    year_filter = False

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.master = RecordPanel(context, self.master_list, dialog_options=self.master_options,
                                  watch=(self.detail_list, "people"), base_extra=self.base_extra(), parent=self)
        self.detail = RecordPanel(context, self.detail_list, dialog_options=self.detail_options, watch=("people",),
                                  add_text=self.detail_add_text, base_extra={self.parent_field: ""}, parent=self)
        self.detail_box = QGroupBox(self)
        inner = QVBoxLayout(self.detail_box)
        inner.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.master)
        splitter.addWidget(self.detail_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.master.view.selection_changed.connect(self._master_selected)
        self.master.view.model.modelReset.connect(self._master_selected)
        self._master_selected()
        self.retranslate()

    def retranslate(self) -> None:
        self.detail_box.setTitle(self.detail_title())

    def detail_add_text(self) -> str:
        raise NotImplementedError

    def detail_title(self) -> str:
        raise NotImplementedError

    def base_extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"unit": self.unit_code or self.context.ws.home_unit}
        if self.year_filter:
            extra["year"] = self.context.year
        return extra

    def master_options(self) -> dict:
        return {"defaults": {"unit_code": self.unit_code or self.context.ws.home_unit}}

    def detail_options(self) -> dict:
        return {"defaults": {self.parent_field: self.current_master()}, "hidden": (self.parent_field,)}

    def current_master(self) -> str | None:
        ids = self.master.view.selected_ids()
        current = self.master.view.current_id()
        return current if current in ids else (ids[0] if len(ids) == 1 else None)

    def _master_selected(self) -> None:
        master = self.current_master()
        owner = records.get(self.context.ws, self.master.table, master)["owner"] if master else None
        self.detail.set_base({self.parent_field: master or ""})
        # members and tasks belong to the unit that owns the team or plan
        self.detail.set_enabled_actions(bool(master) and owner == self.context.ws.home_unit)

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self.master.set_base(self.base_extra())
        self._master_selected()

    def set_year(self, year: int) -> None:
        if self.year_filter:
            self.master.set_base(self.base_extra())

    def on_changes(self, changes: Changes) -> None:
        self.master.on_changes(changes)
        self.detail.on_changes(changes)

    def apply_filter(self, extra: dict) -> None:
        self.master.set_filter_extra(extra)


class TeamsPage(MasterDetailPage):
    """志愿者队伍 and their members."""
    key = "teams"
    tables = frozenset({"volunteer_teams"})
    levels = frozenset({"city", "county", "township", "village"})
    master_list, detail_list, parent_field = "volunteer_teams", "team_members", "team_id"

    def title(self) -> str:
        return self.tr("Volunteer Teams")

    def detail_add_text(self) -> str:
        return self.tr("Add &Member")

    def detail_title(self) -> str:
        return self.tr("Members of the Selected Team")

    def detail_options(self) -> dict:
        options = super().detail_options()
        options["defaults"]["role"] = "member"
        options["defaults"]["joined_on"] = self.context.ws.today()
        return options


class PlansPage(MasterDetailPage):
    """工作方案与任务: the year's work plans and the task list of the one selected."""
    key = "plans"
    tables = frozenset({"work_plans"})
    levels = frozenset({"city", "county"})
    master_list, detail_list, parent_field = "work_plans", "plan_tasks", "plan_id"
    year_filter = True

    def title(self) -> str:
        return self.tr("Work Plans and Tasks")

    def detail_add_text(self) -> str:
        return self.tr("Add &Task")

    def detail_title(self) -> str:
        return self.tr("Tasks of the Selected Plan")

    def master_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        return {"defaults": {"unit_code": unit, "year": self.context.year}, "hidden": ("unit_code",)}

    def detail_options(self) -> dict:
        options = super().detail_options()
        options["defaults"]["status"] = "todo"
        return options
