"""make_field: the widget for one field of a RecordSpec, by its kind.

Apart from field_widgets.py because the person picker builds on FieldWidget: the factory
imports both, and neither imports the other."""
from __future__ import annotations

from typing import Callable

from sanxiang_desktop.services import lists
from sanxiang_desktop.services.spec import FieldSpec
from sanxiang_desktop.ui.forms.field_widgets import (BoolField, ComboField, DateField, FieldWidget, IdNumberField,
                                                     MultilineField, TextField, catalogue_choices, unit_choices)
from sanxiang_desktop.ui.forms.person_picker import PersonPicker


def make_field(spec: FieldSpec, ws, *, unit_code: str | None = None,
               new_person: Callable[[str], str | None] | None = None, unit_root: str | None = None) -> FieldWidget:
    """The widget for one field. unit_code scopes reference choices (venues, plans...)."""
    kind = spec.kind
    if kind == "multiline":
        return MultilineField(spec)
    if kind == "date":
        return DateField(spec)
    if kind == "bool":
        return BoolField(spec)
    if kind == "id_number":
        return IdNumberField(spec)
    if kind == "catalogue":
        return ComboField(spec, catalogue_choices(spec.catalogue))
    if kind == "unit":
        # the record's own unit (unit_code) decides where it belongs: no type-ahead there
        return ComboField(spec, unit_choices(ws, unit_root), type_ahead=spec.name != "unit_code")
    if kind == "ref":
        return ComboField(spec, lists.ref_choices(ws, spec.ref_table, unit_code))
    if kind == "person":
        return PersonPicker(spec, ws, new_person)
    return TextField(spec)
