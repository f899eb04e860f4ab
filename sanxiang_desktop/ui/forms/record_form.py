"""RecordDialog: the one entry form of every record type, built from its RecordSpec.

Keyboard first: fields in reading order with mnemonics (姓名(&N)), Tab follows them, Enter saves
(in a multiline field Enter is a new line), Ctrl+Enter saves and starts the next record (the
unit and dates stay), Esc cancels and asks first when something was typed. Saving is one
operation (ui/shell/operations.run_operation): the service (services.records, or a named act such
as posts.end_post) runs on the database worker while the form waits with its buttons off; when it
returns, the undo step is pushed, the pages are told, and the form closes (or clears for the next
record), or shows the problems in red under their fields. `save_done(ok)` says each save has come
back. A record of another unit opens read-only."""
from __future__ import annotations

import string
from typing import Any, Callable, Iterable, Sequence

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from sanxiang_desktop.core.validation import ID_EXCEL_CONFIRM
from sanxiang_desktop.services import lists, records
from sanxiang_desktop.services.result import Duplicate, Result
from sanxiang_desktop.services.spec import SPECS, FieldSpec
from sanxiang_desktop.ui.forms.field_factory import make_field
from sanxiang_desktop.ui.forms.field_widgets import ERROR_STYLE, FieldWidget, is_ctrl_enter, lang
from sanxiang_desktop.ui.forms.person_picker import PersonPicker
from sanxiang_desktop.ui.forms.popup_guard import install_popup_guard
from sanxiang_desktop.ui.shell import screen_fit
from sanxiang_desktop.ui.shell.operations import run_operation
from sanxiang_desktop.ui.shell.undo import CreateCommand, UpdateCommand

# Letters the dialog's buttons use: Save (&S), save and ne(&W)
RESERVED_MNEMONICS = frozenset("sw")
KEEP_KINDS = ("unit", "date", "year")
# The focused field is always visibly marked, whatever the platform style draws (Fusion marks a
# focused combo box hardly at all): a 2-pixel blue frame, the same in every style.
FOCUS_STYLE = ("QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 2px solid #1a73e8; "
               "border-radius: 2px; }")
# Fields a form does not open on: the unit it belongs to is preset, and a letter typed there by
# mistake must not matter.
NOT_FIRST_KINDS = ("unit", "bool")


def mnemonic_labels(fields: Sequence[FieldSpec], language: str = "zh",
                    reserved: Iterable[str] = RESERVED_MNEMONICS) -> dict[str, str]:
    """A label with a distinct ASCII mnemonic per field: 姓名(&N); "&Name" in English.
    Letters come from the English label's word initials, then its other letters, then any."""
    used = set(reserved)
    out = {}
    for f in fields:
        words = [w for w in f.en.replace("(", " ").replace("/", " ").split() if w[:1].isalpha()]
        candidates = [w[0].lower() for w in words] + [c.lower() for c in f.en if c.isalpha()]
        letter = next((c for c in candidates + list(string.ascii_lowercase) if c.isascii() and c not in used), None)
        if letter is None:
            out[f.name] = f.en if language == "en" else f.zh
            continue
        used.add(letter)
        if language == "en":
            at = f.en.lower().find(letter)
            out[f.name] = f.en[:at] + "&" + f.en[at:] if at >= 0 else f"{f.en} (&{letter.upper()})"
        else:
            out[f.name] = f"{f.zh}(&{letter.upper()})"
    return out


def problem_text(problem) -> str:
    return problem.message_en if lang() == "en" else problem.message_zh


class DuplicatePrompt(QDialog):
    """The person being entered may already be in the roster: use that one, add anyway, or go back."""
    USE, ADD, CANCEL = "use", "add", "cancel"

    def __init__(self, ws, duplicates: Sequence[Duplicate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible Duplicate"))
        self.choice, self.person_id = self.CANCEL, None
        self.list = QListWidget(self)
        for d in duplicates:
            unit = lists.unit_info(ws, d.unit_code)
            item = QListWidgetItem(f"{d.name}　{unit.name if unit else d.unit_code}　（{d.reason_zh}）")
            item.setData(Qt.ItemDataRole.UserRole, d.person_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton(self.tr("&Use Existing Person"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button = buttons.addButton(self.tr("&Add Anyway"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(lambda: self._done(self.USE))
        self.add_button.clicked.connect(lambda: self._done(self.ADD))
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._done(self.USE))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This person may already be in the roster:"), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def _done(self, choice: str) -> None:
        self.choice = choice
        item = self.list.currentItem()
        self.person_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.accept()


class RecordDialog(QDialog):
    saved = Signal(str)     # the id of each record saved (several with save-and-new), or the existing person chosen
    save_done = Signal(bool)  # a save came back from the worker: True saved, False not (problems shown, or cancelled)

    def __init__(self, context, table: str, *, record_id: str | None = None, defaults: dict | None = None,
                 fields: Iterable[str] | None = None, hidden: Iterable[str] = (), keep: Iterable[str] = (),
                 unit_root: str | None = None, title: str | None = None, parent: QWidget | None = None,
                 create_with: Callable[..., Result] | None = None, update_with: Callable[..., Result] | None = None):
        super().__init__(parent)
        install_popup_guard()
        self.setStyleSheet(FOCUS_STYLE)
        self.context, self.ws, self.table = context, context.ws, table
        # The service a save calls: records.create/update, or a named act (posts.appoint_fields, posts.end_post)
        self.create_with = create_with or (lambda ws, fields, allow_duplicate=False, confirm=():
                                           records.create(ws, table, fields, allow_duplicate=allow_duplicate,
                                                          confirm=confirm))
        self.update_with = update_with or (lambda ws, record_id, fields, expected_rev=None, confirm=():
                                           records.update(ws, table, record_id, fields, expected_rev=expected_rev,
                                                          confirm=confirm))
        self.spec = SPECS[table]
        self.record_id = record_id
        self.used_existing = False
        self.confirm: tuple[str, ...] = ()   # problem codes the clerk confirmed (an ID ending in 000)
        self.saved_ids: list[str] = []
        self.saving = False                  # a save is on the worker: the form takes no second one
        defaults = dict(defaults or {})
        hidden = set(hidden)
        wanted = set(fields) if fields is not None else None
        self.fields = [f for f in self.spec.fields if f.editable and f.name not in hidden
                       and (wanted is None or f.name in wanted)]
        self.hidden_values = {k: v for k, v in defaults.items() if k in hidden}
        self.keep = set(keep) | {f.name for f in self.fields if f.kind in KEEP_KINDS}
        self.loaded: dict[str, Any] = records.get(self.ws, table, record_id) if record_id else {}
        self.rev = self.loaded.get("rev")
        self.read_only = bool(self.loaded) and self.loaded.get("owner") != self.ws.home_unit
        scope = self.scope = defaults.get("unit_code") or self.loaded.get("unit_code")

        self.widgets: dict[str, FieldWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        labels = mnemonic_labels(self.fields, lang())
        for f in self.fields:
            widget = make_field(f, self.ws, unit_code=scope, unit_root=unit_root, new_person=self.new_person)
            widget.setObjectName(f"field_{f.name}")
            label = QLabel(labels[f.name] + ("*" if f.required else ""), self)
            label.setBuddy(widget.editor())
            form.addRow(label, widget)
            self.widgets[f.name] = widget
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = QPushButton(self.tr("Save and Ne&w"), self)
        self.new_button.setToolTip(self.tr("Ctrl+Enter: save, then enter the next one"))
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close if self.read_only
                               else QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(lambda: self.save())
        self.new_button.clicked.connect(lambda: self.save(and_new=True))
        self.buttons.rejected.connect(self.reject)
        self.new_button.setVisible(record_id is None)
        self.save_button.setVisible(not self.read_only)

        self.body = body = QWidget(self)
        body.setLayout(form)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        editors = [w.editor() for w in self.widgets.values()]
        for first, second in zip(editors, editors[1:]):
            QWidget.setTabOrder(first, second)

        for name, widget in self.widgets.items():
            value = self.loaded.get(name) if self.loaded else defaults.get(name)
            if value is not None:
                widget.set_value(value)
            widget.set_read_only(self.read_only)
        self.snapshot = self.values()
        self.setWindowTitle(title or self._title())
        self.fit_to_content()
        first = self.first_typing_field()
        if first is not None:
            first.editor().setFocus()

    def fit_to_content(self) -> None:
        """As tall as the fields and their messages need, so nothing scrolls or is squeezed (活动内容),
        within the screen: only a form taller than the screen scrolls (screen_fit)."""
        self.layout().activate()
        width = max(520, self.width() if self.isVisible() else self.sizeHint().width())
        viewport = self.scroll.viewport().height() if self.isVisible() else self.scroll.sizeHint().height()
        body = self.body
        needed = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        needed = max(needed, body.sizeHint().height())
        others = (self.height() if self.isVisible() else self.sizeHint().height()) - viewport
        wanted = QSize(width, others + needed + 4)
        if self.isVisible() and wanted.height() <= self.height():
            return                          # never shrinks under the clerk's hands
        self.resize(screen_fit.bounded(self, wanted))
        screen_fit.keep_on_screen(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_to_content()       # sizes are exact only once the style (focus frame) is applied
        screen_fit.keep_on_screen(self)

    def first_typing_field(self) -> FieldWidget | None:
        """The field a clerk types into first: the first empty one that is not the preset unit
        (for a new record), else the first that is not the unit."""
        candidates = [self.widgets[f.name] for f in self.fields if f.kind not in NOT_FIRST_KINDS]
        empty = [w for w in candidates if w.value() in (None, "")]
        pick = (empty or candidates or list(self.widgets.values()) or [None])[0]
        return pick

    def _title(self) -> str:
        what = self.spec.en if lang() == "en" else self.spec.zh
        if not self.record_id:
            return self.tr("New {what}").format(what=what)
        name = records.display(self.spec, self.loaded)
        if self.read_only:
            return self.tr("{what}: {name} (read-only, entered by another unit)").format(what=what, name=name)
        return self.tr("Edit {what}: {name}").format(what=what, name=name)

    # --- values and problems ----------------------------------------------------------------------
    def hidden(self) -> dict[str, Any]:
        """Values of the fields not shown; a callable gives a fresh one per record (a generated code)."""
        return {k: v() if callable(v) else v for k, v in self.hidden_values.items()}

    def values(self) -> dict[str, Any]:
        return {name: w.value() for name, w in self.widgets.items()}

    def is_dirty(self) -> bool:
        return not self.read_only and self.values() != self.snapshot

    def clear_problems(self) -> None:
        for widget in self.widgets.values():
            widget.show_problem(None)
        self.general_error.hide()

    def show_problems(self, problems) -> None:
        self.clear_problems()
        general = []
        for p in problems:
            widget = self.widgets.get(p.field)
            if widget is not None and not widget.problem_text():
                widget.show_problem(problem_text(p))
            elif widget is None:
                general.append(problem_text(p))
        if general:
            self.general_error.setText("\n".join(dict.fromkeys(general)))
            self.general_error.show()
        QTimer.singleShot(0, self.fit_to_content)     # once the messages are laid out
        first = next((w for w in self.widgets.values() if w.problem_text()), None)
        if first is not None:
            first.editor().setFocus()

    def _unresolved_people(self) -> bool:
        missing = [w for w in self.widgets.values() if isinstance(w, PersonPicker) and not w.resolve()]
        for w in missing:
            w.show_problem(self.tr("Choose the person from the list that opens as you type "
                                   "(name, pinyin initials or ID number); Insert adds a new person."))
        if missing:
            missing[0].editor().setFocus()
            QTimer.singleShot(0, self.fit_to_content)
        return bool(missing)

    # --- saving ---------------------------------------------------------------------------------------
    def save(self, and_new: bool = False) -> bool:
        """Send the save to the worker; True when one was sent (the outcome comes as save_done)."""
        if self.read_only or self.saving:
            return False
        self.clear_problems()
        if self._unresolved_people():
            return False
        self._submit(and_new)
        return True

    def _submit(self, and_new: bool, allow_duplicate: bool = False) -> None:
        """One service call on the worker; its Result comes back to _saved on the GUI thread."""
        ws, table, context = self.ws, self.table, self.context
        extra = self._confirmed()
        if self.record_id is None:
            kind, create = "create", self.create_with
            values = {**self.values(), **self.hidden()}
            if allow_duplicate:
                extra["allow_duplicate"] = True
            work = lambda: create(ws, values, **extra)                               # noqa: E731
        else:
            kind, update, record_id, rev = "update", self.update_with, self.record_id, self.rev
            values = self.values()
            work = lambda: update(ws, record_id, values, expected_rev=rev, **extra)  # noqa: E731
        command = CreateCommand if kind == "create" else UpdateCommand
        self._busy(True)
        run_operation(context, work, parent=self, undo=lambda result: command(context, table, result),
                      done=lambda result: self._saved(result, kind, and_new))

    def _busy(self, busy: bool) -> None:
        self.saving = busy
        self.save_button.setEnabled(not busy)
        self.new_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Saving…"))
        elif self.status.text() == self.tr("Saving…"):
            self.status.clear()

    def _saved(self, result: Result, kind: str, and_new: bool) -> None:
        if not shiboken6.isValid(self):
            return                # the form is gone; the undo step and the Changes went out regardless
        self._busy(False)
        if self._confirmed_excel_id(result):
            self.confirm = (ID_EXCEL_CONFIRM,)
            self._submit(and_new)
            return
        if kind == "create" and not result.ok and result.duplicates:
            self._duplicates(result, and_new)
            return
        self._finish(result, kind, and_new)

    def _confirmed(self) -> dict:
        """The confirm= argument, only once the clerk has confirmed something (custom create_with
        functions of other record types need not know it)."""
        return {"confirm": self.confirm} if self.confirm else {}

    def _confirmed_excel_id(self, result: Result) -> bool:
        """An ID number ending in 000 (what Excel leaves of a damaged one) is saved only once the
        clerk says it was compared with the card; the service names it by its problem code."""
        if result.ok or not result.errors or any(p.code != ID_EXCEL_CONFIRM for p in result.errors):
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check the ID Number"),
                          problem_text(result.errors[0]) + "\n\n" +
                          self.tr("Has it been compared with the ID card, digit by digit?"), parent=self)
        yes = box.addButton(self.tr("Compared with the card: save"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Go back and correct it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is yes

    def _duplicates(self, result: Result, and_new: bool) -> None:
        prompt = DuplicatePrompt(self.ws, result.duplicates, self)
        prompt.exec()
        if prompt.choice == DuplicatePrompt.USE and prompt.person_id:
            self.record_id, self.used_existing = prompt.person_id, True
            self.saved.emit(prompt.person_id)
            self.snapshot = self.values()
            self.accept()
            self.save_done.emit(True)
            return
        if prompt.choice == DuplicatePrompt.ADD:
            self._submit(and_new, allow_duplicate=True)
            return
        self.save_done.emit(False)

    def _finish(self, result: Result, kind: str, and_new: bool) -> None:
        if not result.ok:
            if result.current is not None:
                self._show_newer(result.current)
            self.show_problems(result.problems)
            self.save_done.emit(False)
            return
        self.saved_ids.append(result.record_id)
        self.saved.emit(result.record_id)
        if and_new and kind == "create":
            self._start_next(result)
        else:
            self.record_id = result.record_id
            self.snapshot = self.values()
            self.accept()
        self.save_done.emit(True)

    def _show_newer(self, current: dict) -> None:
        """Another clerk saved this record since the form opened: nothing was saved; the form now
        shows what is on record (the clerk re-applies the change and saves again)."""
        for name, widget in self.widgets.items():
            if name in current:
                widget.set_value(current[name])
        self.loaded = {**self.loaded, **current}
        self.rev = current.get("rev")
        self.snapshot = self.values()

    def _start_next(self, result: Result) -> None:
        for name, widget in self.widgets.items():
            if name not in self.keep:
                widget.clear()
        self.snapshot = self.values()
        self.status.setText(self.tr("Saved: {label}. Enter the next one.").format(label=result.label))
        first = self.first_typing_field()
        if first is not None:
            first.editor().setFocus()

    def new_person(self, typed: str) -> str | None:
        """The person picker's Insert: a nested person form; its saved id (or the existing one chosen)."""
        unit = self.scope if self.scope and self.table != "units" else self.ws.home_unit
        dialog = RecordDialog(self.context, "people", defaults={"unit_code": unit, "name": typed}, parent=self)
        dialog.new_button.hide()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.record_id
        return None

    # --- keys and closing -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_ctrl_enter(event):
            self.save(and_new=self.record_id is None)
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.saving:
            return                # Esc while the save is on the worker: its outcome decides
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard Entry"),
                          self.tr("Discard what you have typed?"), QMessageBox.StandardButton.NoButton, self)
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

