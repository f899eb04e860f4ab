"""One entry widget per field kind of services.spec, each with the same small interface
(value / set_value / editor / show_problem), so RecordDialog is built from a RecordSpec alone.

Values go to the services as the clerk typed them (text for numbers and dates): the services
coerce and judge them, and their problems come back to show_problem under the field."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (QCalendarWidget, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QMenu, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget, QWidgetAction)

from sanxiang_desktop.core import clock
from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.core.pinyin import normalize_query, search_key
from sanxiang_desktop.core.validation import id_number_partial_problem, parse_date
from sanxiang_desktop.services import lists
from sanxiang_desktop.services.spec import FieldSpec
from sanxiang_desktop.ui.shell import i18n

ERROR_STYLE = "color: #b00020;"
TYPE_AHEAD_MS = 1000


def lang() -> str:
    return "en" if i18n.current_language() == "en" else "zh"


def is_ctrl_enter(event: QKeyEvent) -> bool:
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


@lru_cache(maxsize=4096)
def _choice_key(text: str) -> tuple[str, ...]:
    """The pinyin readings of a choice's label, as separate words to match typed letters against."""
    return tuple(search_key(text).split())


class FieldWidget(QWidget):
    """The editor of one field with its error line below it."""
    changed = Signal()

    def __init__(self, spec: FieldSpec, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self._editor = editor
        self.error_label = QLabel(self)
        self.error_label.setObjectName(f"error_{spec.name}")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(editor, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.row)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)
        # A message judges the value it was given for: once the value changes, it no longer applies
        # (a person just created with Insert is no longer "not chosen from the list").
        self._judged: Any = None          # the value the shown message was given for
        self.changed.connect(self._value_changed)

    def _value_changed(self) -> None:
        if self.error_label.isVisible() and self.value() != self._judged:
            self.show_problem(None)

    def editor(self) -> QWidget:
        return self._editor

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        self.set_value(None)

    def set_read_only(self, read_only: bool) -> None:
        self._editor.setEnabled(not read_only)

    def show_problem(self, message: str | None) -> None:
        self._judged = self.value() if message else None
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def problem_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""


class TextField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent=None):
        self.line = QLineEdit()
        super().__init__(spec, self.line, parent)
        self.line.textChanged.connect(self.changed)
        if spec.kind in ("int", "year"):
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), self.line))
            self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.cap_width(160)
        elif spec.kind == "float":
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}(\.\d{0,3})?"), self.line))
            self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.cap_width(160)
        elif spec.kind in ("phone", "id_number"):
            self.cap_width(260)

    def cap_width(self, pixels: int) -> None:
        """A short field keeps to the left edge like the others (a capped widget would float to the middle)."""
        self.line.setMaximumWidth(pixels)
        self.row.addStretch(1)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        self.line.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)


class IdNumberField(TextField):
    """Checks as the clerk types: a wrong check digit shows when the 18th character is typed."""

    def __init__(self, spec: FieldSpec, parent=None):
        super().__init__(spec, parent)
        self.line.setMaxLength(22)
        self.line.textEdited.connect(self._check)

    def _check(self, text: str) -> None:
        problem = id_number_partial_problem(text, field=self.spec.name)
        self.show_problem((problem.message_en if lang() == "en" else problem.message_zh) if problem else None)


class MultilineEdit(QPlainTextEdit):
    """Enter is a new line here; Ctrl+Enter goes up to the dialog (save), Tab leaves the field."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_ctrl_enter(event):
            event.ignore()
            return
        super().keyPressEvent(event)


class MultilineField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent=None):
        self.text = MultilineEdit()
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        super().__init__(spec, self.text, parent)
        self.text.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.text.toPlainText()

    def set_value(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)


class DateField(FieldWidget):
    """A line edit that takes the dates clerks type (2026-05-10, 20260510, 2026.5.10, 2026年5月10日)
    and a calendar (F4 or Alt+Down, or the button). Empty means no date.

    QDateEdit is not used: typing into its sections drops digits (typing "20260510" into a selected
    QDateEdit leaves the year unchanged) and it cannot be empty."""

    def __init__(self, spec: FieldSpec, parent=None):
        self.line = QLineEdit()
        self.line.setPlaceholderText("2026-05-10")
        self.line.setMaximumWidth(160)
        super().__init__(spec, self.line, parent)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        self.row.addWidget(self.button)
        self.row.addStretch(1)
        self.row.setStretch(0, 0)
        self.line.textChanged.connect(self.changed)
        self.line.editingFinished.connect(self._normalise)
        self.line.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.line and event.type() == event.Type.KeyPress:
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def date(self) -> dt.date | None:
        parsed, _ = parse_date(self.line.text())
        return parsed

    def _normalise(self) -> None:
        parsed = self.date()
        if parsed is not None and self.line.text() != parsed.isoformat():
            self.line.setText(parsed.isoformat())

    def show_calendar(self) -> None:
        if self.line.isReadOnly():
            return
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        current = self.date() or clock.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.line.setText(day.toString("yyyy-MM-dd"))
            menu.close()
        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        calendar.setFocus()

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()[:10]
        self.line.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)


class BoolField(FieldWidget):
    def __init__(self, spec: FieldSpec, parent=None):
        self.box = QCheckBox()
        super().__init__(spec, self.box, parent)
        self.box.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceCombo(QComboBox):
    """A combo box that selects by pinyin as the clerk types letters: "nv" 女, "jkjt" 健康讲堂."""

    def __init__(self, parent=None, type_ahead: bool = True):
        super().__init__(parent)
        # as wide as its longest choice, also when the choices are set after it was first shown
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Off for a combo that decides where a record belongs (所属单位): a letter typed there by
        # mistake must not move the record to another unit without a sign.
        self.type_ahead = type_ahead
        self._typed = ""
        self._reset = QTimer(self, singleShot=True, interval=TYPE_AHEAD_MS)
        self._reset.timeout.connect(self._forget)

    def _forget(self) -> None:
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and text and text.isprintable() and not text.isspace() and not self.type_ahead:
            event.accept()           # swallowed: QComboBox's own keyboard search would change it too
            return
        if plain and text and text.isascii() and text.isalnum():
            self._typed += text.lower()
            self._reset.start()
            row = self.find_typed(self._typed)
            if row is None and len(self._typed) > 1:     # a fresh start: "n" after "xb" no longer matches
                self._typed = text.lower()
                row = self.find_typed(self._typed)
            if row is not None:
                self.setCurrentIndex(row)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and plain and self._typed:
            self._typed = self._typed[:-1]
            event.accept()
            return
        super().keyPressEvent(event)

    def find_typed(self, typed: str) -> int | None:
        q = normalize_query(typed)
        starts = contains = None
        for row in range(self.count()):
            text = self.itemText(row).strip()
            if not text:
                continue
            words = _choice_key(text) + (str(self.itemData(row) or "").lower(),)
            if starts is None and any(w.startswith(q) for w in words):
                starts = row
                break
            if contains is None and any(q in w for w in words):
                contains = row
        return starts if starts is not None else contains


class ComboField(FieldWidget):
    """Catalogue, unit and reference choices: (value, label) items, an empty one when optional."""

    def __init__(self, spec: FieldSpec, choices: list[tuple[Any, str]], parent=None, type_ahead: bool = True):
        self.combo = ChoiceCombo(type_ahead=type_ahead)
        super().__init__(spec, self.combo, parent)
        self.set_choices(choices)
        self.combo.currentIndexChanged.connect(self.changed)

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        current = self.value() if self.combo.count() else None
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self.spec.required:
            self.combo.addItem("", None)
        for value, text in choices:
            self.combo.addItem(text, value)
        self.combo.blockSignals(False)
        self.set_value(current)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        row = self.combo.findData(value) if value is not None else -1
        if row < 0 and value is not None:     # a code this build does not know: keep it, shown as itself
            self.combo.addItem(str(value), value)
            row = self.combo.count() - 1
        self.combo.setCurrentIndex(row if row >= 0 else (0 if not self.spec.required else -1))


def catalogue_choices(name: str) -> list[tuple[str, str]]:
    return list(CATALOGUES[name].choices(lang()))


def unit_choices(ws, root: str | None = None) -> list[tuple[str, str]]:
    # full-width spaces indent the tree; ChoiceCombo's type-ahead strips them
    return [(u.code, "\u3000" * u.depth + u.name) for u in lists.unit_choices(ws, root)]
