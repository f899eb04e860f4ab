"""How a row's state looks: one colour per state, the same in every list, and the legend that says so.

The services say what a row is (services.list_source.RowState: another unit's, ended, overdue, ...);
this module alone decides its colour, so a colour never means two things in two lists. Every list
view shows a legend line under its table naming the states of the rows it has loaded.
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QWidget

from sanxiang_desktop.services.list_source import RowState

# Dark enough to read on white and in a grey-scale screenshot; no two states share a colour.
STATE_COLOURS: dict[RowState, str] = {
    RowState.FOREIGN: "#757575",     # grey: another unit's record, read-only here
    RowState.ENDED: "#6a1b9a",       # purple: a post that has ended
    RowState.OVERDUE: "#b00020",     # red: overdue and not done
    RowState.DONE_LATE: "#a15c00",   # amber: done, but after the due date
    RowState.MISSING: "#1565c0",     # blue: something the upper level watches is not entered
}
# The order the legend names them in: what asks the clerk to act first.
LEGEND_ORDER = (RowState.OVERDUE, RowState.MISSING, RowState.DONE_LATE, RowState.ENDED, RowState.FOREIGN)

_BRUSHES: dict[RowState, QBrush] = {}


def state_brush(state: RowState) -> QBrush | None:
    """The foreground brush of a row in `state`; None for the default look (OWN)."""
    colour = STATE_COLOURS.get(state)
    if colour is None:
        return None
    brush = _BRUSHES.get(state)
    if brush is None:
        brush = _BRUSHES[state] = QBrush(QColor(colour))
    return brush


def state_text(state: RowState) -> str:
    """What a state means, in the current language (the legend's words)."""
    texts = {
        RowState.FOREIGN: QCoreApplication.translate("RowLegend", "another unit's record (read-only)"),
        RowState.ENDED: QCoreApplication.translate("RowLegend", "post ended"),
        RowState.OVERDUE: QCoreApplication.translate("RowLegend", "overdue"),
        RowState.DONE_LATE: QCoreApplication.translate("RowLegend", "done late"),
        RowState.MISSING: QCoreApplication.translate("RowLegend", "not entered yet (e.g. no contact person)"),
    }
    return texts.get(state, "")


class RowLegend(QLabel):
    """A small line under a list: a coloured square and the meaning of each state its rows show.
    Hidden while every row has the default look."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("row_legend")
        self.setWordWrap(True)
        self.states: tuple[RowState, ...] = ()
        self.hide()

    def set_states(self, states: Iterable[RowState]) -> None:
        """Show the legend for `states` (OWN and unknown states are ignored), or hide it when none is left."""
        present = set(states)
        shown = tuple(s for s in LEGEND_ORDER if s in present)
        if shown == self.states:           # called for every changed row: nothing to redo when they are the same
            return
        self.states = shown
        self.retranslate()
        self.setVisible(bool(self.states))

    def retranslate(self) -> None:
        items = [f'<span style="color:{STATE_COLOURS[s]}">■ {state_text(s)}</span>' for s in self.states]
        caption = QCoreApplication.translate("RowLegend", "Colours:")
        self.setText(f"{caption} " + "&nbsp;&nbsp;&nbsp;".join(items) if items else "")
        self.setToolTip("\n".join(state_text(s) for s in self.states))
