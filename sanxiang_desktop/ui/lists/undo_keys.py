"""Which keys a filter box leaves to the window's undo and redo. A module of its own so that the unit
tree, shown with the first window, does not import the list view with it (issue 12, startup)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence


def is_undo_override(event: QEvent) -> bool:
    """A filter box's own undo (of typed filter text) would hide the records' undo behind Ctrl+Z /
    Ctrl+Y although 撤销 shows as available: such a box lets those keys go to the window's actions.
    (A QLineEdit accepts their ShortcutOverride; filtering it out leaves it ignored.)"""
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    combo = event.keyCombination()
    ctrl = combo.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or (ctrl == Qt.KeyboardModifier.ControlModifier and combo.key() == Qt.Key.Key_Y))
