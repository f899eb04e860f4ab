"""The person picker: type a name, pinyin initials, an ID number or a phone tail, and pick from
people of every unit (one person can hold posts in several units); Insert adds a new person."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit

from sanxiang_desktop.services import lists
from sanxiang_desktop.services.spec import FieldSpec
from sanxiang_desktop.ui.forms.field_widgets import FieldWidget
from sanxiang_desktop.ui.forms.popup_guard import POPUPS_ATTRIBUTE

SEARCH_DELAY_MS = 150
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole
PERSON_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonPicker(FieldWidget):
    """Type a name, its pinyin initials, an ID number or a phone tail; pick from people of every unit
    (one person can hold posts in several units). Insert opens the new-person form."""

    def __init__(self, spec: FieldSpec, ws, new_person: Callable[[str], str | None] | None = None, parent=None):
        self.line = QLineEdit()
        super().__init__(spec, self.line, parent)
        self.ws = ws
        self._new_person = new_person
        self._person_id: str | None = None
        self.details = QLabel(self)
        self.details.setObjectName(f"details_{spec.name}")
        self.details.setStyleSheet("color: gray;")
        self.row.addWidget(self.details, 1)
        self.row.setStretch(0, 0)
        self.line.setMinimumWidth(160)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(PERSON_NAME_ROLE)
        self.completer.setMaxVisibleItems(12)
        # setWidget, not QLineEdit.setCompleter: the line edit would copy each highlighted suggestion into
        # its text (and a list rebuilt while the clerk types could overwrite what was typed); here only
        # a suggestion the clerk picks (Enter, click) changes the field.
        self.completer.setWidget(self.line)
        setattr(self.line, POPUPS_ATTRIBUTE, lambda: [self.completer.popup()])
        self.completer.activated[QModelIndex].connect(self._picked)
        self._search = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search.timeout.connect(self.search_now)
        self.line.textEdited.connect(self._typed)
        self.line.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.line and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Insert
                and self._new_person is not None and not self.line.isReadOnly()):
            new_id = self._new_person(self.line.text())
            if new_id:
                self.set_value(new_id)
            return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        self._person_id = None
        self.details.clear()
        self._search.start()
        self.changed.emit()

    def search_now(self) -> None:
        self._search.stop()
        found = lists.search_people(self.ws, self.line.text(), limit=15)
        self.model.clear()
        for person in found:
            item = QStandardItem(person.display())
            item.setData(person.id, PERSON_ID_ROLE)
            item.setData(person.name, PERSON_NAME_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if found and self.line.hasFocus():
            self.completer.complete(self.popup_rect())

    def popup_rect(self) -> QRect:
        """Where the suggestions open: under the field, as wide as the widest suggestion (name, unit,
        employer, job) needs, within the screen; never cut to the width of the name field."""
        popup = self.completer.popup()
        metrics = popup.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.model.item(r).text()) for r in range(self.model.rowCount())),
                     default=0)
        width = (widest + popup.verticalScrollBar().sizeHint().width() + 2 * popup.frameWidth()
                 + 4 * popup.style().pixelMetric(popup.style().PixelMetric.PM_FocusFrameHMargin) + 16)
        screen = self.line.screen().availableGeometry() if self.line.screen() else None
        room = screen.right() - self.line.mapToGlobal(self.line.rect().topLeft()).x() if screen else width
        return QRect(0, 0, max(self.line.width(), min(width, room)), self.line.height())

    def _picked(self, index: QModelIndex) -> None:
        self.set_value(index.data(PERSON_ID_ROLE))

    def resolve(self) -> bool:
        """True when a person is chosen, or the typed text names exactly one person (then chosen)."""
        if self._person_id or not self.line.text().strip():
            return True
        found = lists.search_people(self.ws, self.line.text(), limit=2)
        if len(found) == 1:
            self.set_value(found[0].id)
            return True
        return False

    def value(self) -> str | None:
        return self._person_id

    def set_value(self, value: Any) -> None:
        choice = lists.person_choice(self.ws, value) if value else None
        self._person_id = choice.id if choice else None
        self.line.setText(choice.name if choice else "")
        details = "，".join(x for x in (choice.employer, choice.job, choice.unit_name) if x) if choice else ""
        self.details.setText(details)
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
