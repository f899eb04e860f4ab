"""No keystroke lands in a field that does not show the focus.

A completer's list, a combo box's list and the date field's calendar are popups: while one is
open it receives the keys and hands them to the field it belongs to. When a shortcut (Alt+A,
a buddy label's mnemonic) moves the focus elsewhere, Qt leaves such a popup open, and the next
digits went into the old field ("司马静佳7"). The guard closes every popup of a field the moment
the focus leaves it, for all fields of the application (installed once)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMenu, QWidget


class PopupGuard(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _inside(widget: QWidget | None, ancestor: QWidget) -> bool:
        while widget is not None:
            if widget is ancestor:
                return True
            widget = widget.parentWidget()
        return False

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is None:
            return
        close_popups_of(old, keep=new)
        # the focus was inside a popup (the calendar of a date field) and went elsewhere: close it
        window = old.window()
        if (window is not old and window.windowType() == Qt.WindowType.Popup and window.isVisible()
                and not self._inside(new, window)):
            window.close()


# Editors whose popup is not theirs in Qt's sense (a completer set with setWidget, the date field's
# calendar menu) name it in this attribute: a callable returning the popup widgets.
POPUPS_ATTRIBUTE = "sanxiang_popups"


def close_popups_of(field: QWidget, keep: QWidget | None = None) -> None:
    """Close the completer list, combo list and calendar menu of `field` (unless the focus went
    into that very popup)."""
    def into(popup: QWidget) -> bool:
        return keep is not None and PopupGuard._inside(keep, popup)

    popups: list[QWidget] = []
    if isinstance(field, (QLineEdit, QComboBox)) and field.completer() is not None:
        popups.append(field.completer().popup())
    extra = getattr(field, POPUPS_ATTRIBUTE, None)
    if callable(extra):
        popups += [p for p in extra() if p is not None]
    for popup in popups:
        if popup.isVisible() and not into(popup):
            popup.close() if isinstance(popup, QMenu) else popup.hide()
    if isinstance(field, QComboBox) and field.view().isVisible() and not into(field.view()):
        field.hidePopup()


def install_popup_guard(app: QApplication | None = None) -> PopupGuard | None:
    """Install the guard on the application once; later calls return the same guard."""
    app = app or QApplication.instance()
    if app is None:
        return None
    guard = app.findChild(PopupGuard)
    return guard if guard is not None else PopupGuard(app)
