"""Keeping windows on the screen the clerk has: 1366×768 with a task bar, often at 125 % or 150 %
display scaling, where Qt's device-independent screen is only 1093×614 or 911×512 (issue 11, item 18).

Sizes the code asks for (a form's natural height, the main window's minimum) are bounded by the
available screen less the window frame, and a window that grew is moved back inside the screen."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The title bar and borders a window manager adds, when the window is not shown yet to measure them
# (Windows 10 at 100 %: 31 px title, 8 px borders; the same in device-independent pixels at any scale).
FRAME_ALLOWANCE = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The screen area (device-independent pixels) the widget's window may use, without the task bar."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(widget: QWidget) -> QSize:
    """What the window frame adds to the widget's size: measured once shown, else FRAME_ALLOWANCE."""
    if widget.isVisible():
        frame, inner = widget.frameGeometry(), widget.geometry()
        if frame.size() != inner.size():
            return frame.size() - inner.size()
    return FRAME_ALLOWANCE


def largest(widget: QWidget) -> QSize:
    """The biggest client size of a window that still fits on its screen with its frame."""
    return available(widget).size() - frame_extra(widget)


def bounded(widget: QWidget, size: QSize) -> QSize:
    return size.boundedTo(largest(widget))


def keep_on_screen(widget: QWidget) -> None:
    """Move a shown window that reaches past the screen's edge back inside it (top-left wins)."""
    if not widget.isVisible():
        return
    area, frame = available(widget), widget.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        widget.move(x, y)


def bounded_minimum(widget: QWidget, width: int, height: int) -> None:
    """setMinimumSize(width, height), but never more than the screen has room for."""
    widget.setMinimumSize(bounded(widget, QSize(width, height)))
