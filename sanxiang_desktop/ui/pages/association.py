"""概况 (the unit's association and its meetings; for a village its designated contact person and
the Party-masses venue it shares), 村（社区） of a township, and a county's 领导小组."""
from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.core.indicators import whole
from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.services import lists, records, units
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.services.spec import SPECS
from sanxiang_desktop.ui.forms.field_widgets import ERROR_STYLE, lang
from sanxiang_desktop.ui.pages.panel import RecordPanel, Retranslating
from sanxiang_desktop.ui.pages.base import PageContext, UnitPage
from sanxiang_desktop.ui.dashboard.delegates import light_colour
from sanxiang_desktop.ui.forms.record_form import RecordDialog, problem_text
from sanxiang_desktop.ui.shell.operations import run_operation
from sanxiang_desktop.ui.shell.undo import CreateCommand
from sanxiang_desktop.ui.lists.document_actions import install_print_export

TWO_COLUMNS_FROM = 6       # more fields than this: label: value pairs in two columns
VILLAGE_FIELDS = ("established", "contact_person_id", "service_venue_id", "notes")
UNIT_FIELDS = tuple(f.name for f in SPECS["associations"].fields
                    if f.name not in ("unit_code", "contact_person_id", "service_venue_id"))


def shown_value(ws, spec_field, value: Any) -> str:
    if value is None or value == "":
        return "—"
    kind = spec_field.kind
    if kind == "bool":
        return QCoreApplication.translate("association", "Yes") if value else QCoreApplication.translate(
            "association", "No")
    if kind == "catalogue":
        return CATALOGUES[spec_field.catalogue].label(value, lang())
    if kind == "person":
        choice = lists.person_choice(ws, value)
        return choice.display() if choice else "—"
    if kind == "ref":
        return dict(lists.ref_choices(ws, spec_field.ref_table, None)).get(value, "—")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(whole(value))            # 80.0 m² reads 80


class SingleRecordBox(Retranslating, QGroupBox):
    """A unit's one record of a kind (its association, its leading group) shown as label: value,
    with a button that opens the form (新增 when there is none yet)."""

    def __init__(self, context: PageContext, table: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.table = context, table
        self.spec = SPECS[table]
        self.unit_code: str | None = None
        self.record_id: str | None = None
        self.field_names: Sequence[str] = [f.name for f in self.spec.fields if f.name != "unit_code"]
        # label: value pairs, two pairs a row once there are many (an association has 15 fields): the page
        # must fit a 1366×768 screen at 150 % scaling, where it has some 400 pixels of height
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(12)
        self.values: dict[str, QLabel] = {}
        self.empty_label = QLabel(self)
        self.empty_label.setStyleSheet(ERROR_STYLE)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit)
        self.dialog: RecordDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.form)
        layout.addWidget(self.edit_button)

    def retranslate(self) -> None:
        if self.values:     # labels in the new language
            self.set_fields(self.field_names, force=True)
            if self.unit_code:
                self.reload()

    def set_fields(self, names: Sequence[str], force: bool = False) -> None:
        if list(names) == list(self.field_names) and self.values and not force:
            return
        self.field_names = list(names)
        while self.form.count():
            widget = self.form.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.values = {}
        pairs = 2 if len(self.field_names) > TWO_COLUMNS_FROM else 1
        rows = -(-len(self.field_names) // pairs)
        for i, name in enumerate(self.field_names):
            value = QLabel(self)
            value.setObjectName(f"value_{name}")
            value.setWordWrap(True)
            f = self.spec.field(name)
            row, column = i % rows, 2 * (i // rows)        # down the first column, then the second
            self.form.addWidget(QLabel(f.en if lang() == "en" else f.zh, self), row, column,
                                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.form.addWidget(value, row, column + 1, Qt.AlignmentFlag.AlignTop)
            self.values[name] = value
        for column in range(4):
            self.form.setColumnStretch(column, 1 if column % 2 and column // 2 < pairs else 0)

    def set_unit(self, code: str) -> None:
        self.unit_code = code
        self.reload()

    def reload(self) -> None:
        if not self.values:
            self.set_fields(self.field_names)
        self.record_id = lists.single_record_id(self.context.ws, self.table, self.unit_code) if self.unit_code else None
        record = records.get(self.context.ws, self.table, self.record_id) if self.record_id else {}
        for name, label in self.values.items():
            label.setText(shown_value(self.context.ws, self.spec.field(name), record.get(name)))
            label.setStyleSheet("")
            label.setProperty("light", None)
        if "term_end" in self.values and record.get("term_end"):
            self._mark_term(self.values["term_end"], record["term_end"])
        self.empty_label.setText(self.tr("Not recorded yet.") if not record else "")
        self.empty_label.setVisible(not record)

    def _mark_term(self, label: QLabel, term_end: dt.date | str) -> None:
        """本届届满 past or near is marked with the dashboard's mark, words and colour (✗ red: re-election
        overdue; ! amber: due within core.indicators.TERM_DUE_SOON_DAYS)."""
        end = dt.date.fromisoformat(term_end[:10]) if isinstance(term_end, str) else term_end
        end = end.date() if isinstance(end, dt.datetime) else end
        light = ind.term_status(end, self.context.ws.today())
        date = end.isoformat()
        if light == ind.RED:
            text = "✗  " + self.tr("Term ended on {date}: re-election is overdue").format(date=date)
        elif light == ind.YELLOW:
            text = "!  " + self.tr("Term ends on {date}: re-election is due soon").format(date=date)
        else:
            return
        label.setText(text)
        label.setStyleSheet(f"color: {light_colour(light).name()}; font-weight: bold;")
        label.setProperty("light", light)

    def edit(self) -> RecordDialog:
        dialog = RecordDialog(self.context, self.table, record_id=self.record_id, fields=self.field_names,
                              defaults={"unit_code": self.unit_code}, hidden=("unit_code",), parent=self)
        dialog.new_button.hide()
        self.dialog = dialog
        dialog.open()
        return dialog


class AssociationPage(Retranslating, UnitPage):
    key = "association"
    tables = frozenset({"associations"})
    levels = frozenset({"city", "county", "township", "village"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.box = SingleRecordBox(context, "associations", self)
        self.meetings = RecordPanel(context, "association_meetings", dialog_options=self.meeting_options,
                                    add_text=lambda: self.tr("&Add Meeting"), parent=self)
        install_print_export(self, self.meetings, self.tr("Overview"))   # the registration form; page.document_actions
        self.meetings_box = QGroupBox(self)
        QVBoxLayout(self.meetings_box).addWidget(self.meetings)
        # in a scroll area: on a small screen (150 % scaling) the page scrolls instead of squeezing
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.meetings_box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Science Association"))
        self.box.edit_button.setText(self.tr("&Edit Association Details"))
        self.meetings_box.setTitle(self.tr("Plenary Sessions and Elections"))

    def title(self) -> str:
        return self.tr("Overview")

    def meeting_options(self) -> dict:
        return {"defaults": {"unit_code": self.unit_code, "held_on": self.context.ws.today()}, "hidden": ("unit_code",)}

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        village = level == "village"
        self.box.set_fields(VILLAGE_FIELDS if village else UNIT_FIELDS)
        self.box.set_unit(code)
        self.meetings_box.setVisible(not village)
        self.meetings.set_base({"unit": code})

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("associations", "people", "venues") and self.unit_code:
            self.box.reload()
        self.meetings.on_changes(changes)


class VillageDialog(QDialog):
    """新增村（社区）: a name and whether it is a village or a community; the code is generated."""

    def __init__(self, context: PageContext, township: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.township = context, township
        self.record_id: str | None = None
        self.setWindowTitle(self.tr("New Village or Community"))
        self.name_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_combo.addItem(self.tr("Village"), "village")
        self.kind_combo.addItem(self.tr("Community"), "community")
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        name_label, kind_label = QLabel(self.tr("&Name"), self), QLabel(self.tr("&Kind"), self)
        name_label.setBuddy(self.name_edit)
        kind_label.setBuddy(self.kind_combo)
        form.addRow(name_label, self.name_edit)
        form.addRow(kind_label, self.kind_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.saving = False
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """units.add_village as one operation on the worker; the dialog closes when it has saved.
        False when a save is already on its way."""
        if self.saving:
            return False
        self.saving = True
        self.save_button.setEnabled(False)
        context, ws, township = self.context, self.context.ws, self.township
        name, kind = self.name_edit.text(), self.kind_combo.currentData()
        run_operation(context, lambda: units.add_village(ws, township, name, kind), parent=self,
                      undo=lambda result: CreateCommand(context, "units", result), done=self._saved)
        return True

    def _saved(self, result) -> None:
        if not shiboken6.isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if not result.ok:
            self.error.setText("\n".join(problem_text(p) for p in result.errors))
            self.error.show()
            return
        self.record_id = result.record_id
        self.accept()


class VillagePanel(RecordPanel):
    """Villages: new ones through VillageDialog (code generated); editing renames."""

    def __init__(self, page: "VillagesPage"):
        super().__init__(page.context, "villages", dialog_options=lambda: {"fields": ("name",)},
                         watch=("associations", "people"), parent=page)
        self.page = page

    def open_dialog(self, record_id: str | None):
        if record_id is not None:
            return super().open_dialog(record_id)
        dialog = VillageDialog(self.context, self.page.unit_code, self)
        dialog.accepted.connect(lambda: self._saved(dialog.record_id))
        self.dialog = dialog
        dialog.open()
        return dialog


class VillagesPage(Retranslating, UnitPage):
    key = "villages"
    tables = frozenset({"units"})
    levels = frozenset({"township"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.panel = VillagePanel(self)
        self.contact_button = QPushButton(self)
        self.contact_button.clicked.connect(self.edit_contact)
        self.panel.view.toolbar_layout.addWidget(self.contact_button)
        self.dialog: RecordDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.panel)
        self.retranslate()

    def retranslate(self) -> None:
        self.contact_button.setText(self.tr("Designated &Contact…"))
        self.contact_button.setToolTip(self.tr("The village's designated contact person and shared service venue"))

    def title(self) -> str:
        return self.tr("Villages")

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self.panel.set_base({"unit": code})

    def on_changes(self, changes: Changes) -> None:
        self.panel.on_changes(changes)

    def edit_contact(self) -> RecordDialog | None:
        village_id = self.panel.view.current_id()
        village = records.get(self.context.ws, "units", village_id) if village_id else None
        if village is None:
            return None
        assoc = lists.single_record_id(self.context.ws, "associations", village["code"])
        dialog = RecordDialog(self.context, "associations", record_id=assoc, defaults={"unit_code": village["code"]},
                              hidden=("unit_code",), fields=VILLAGE_FIELDS, parent=self,
                              title=self.tr("{village}: Designated Contact").format(village=village["name"]))
        dialog.new_button.hide()
        self.dialog = dialog
        dialog.open()
        return dialog


class LeadingGroupPage(Retranslating, UnitPage):
    key = "leading_group"
    tables = frozenset({"leading_groups"})
    levels = frozenset({"county"})

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.box = SingleRecordBox(context, "leading_groups", self)
        self.members = RecordPanel(context, "group_members", dialog_options=self.member_options, watch=("people",),
                                   add_text=lambda: self.tr("&Add Member"), parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.members, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Leading Group"))
        self.box.edit_button.setText(self.tr("&Edit Leading Group Details"))
        if self.unit_code:
            self._update()

    def title(self) -> str:
        return self.tr("Leading Group")

    def member_options(self) -> dict:
        return {"defaults": {"group_id": self.box.record_id, "role": "member"}, "hidden": ("group_id",)}

    def set_unit(self, code: str, level: str) -> None:
        super().set_unit(code, level)
        self.box.set_unit(code)
        self.members.set_base({"unit": code})
        self._update()

    def _update(self) -> None:
        # members hang on the group record: it is entered first
        self.members.set_enabled_actions(bool(self.box.record_id))
        self.members.add_button.setToolTip("" if self.box.record_id else
                                           self.tr("Enter the leading group's details first"))

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("leading_groups") and self.unit_code:
            self.box.reload()
            self._update()
        self.members.on_changes(changes)
