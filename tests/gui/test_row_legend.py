"""One meaning per colour, and a legend wherever colour carries meaning (issue 11, item 12).

The services give each row a state (services.list_source.RowState); ui/lists/row_states.py alone
turns it into a colour, and the legend under every list names the states its rows show."""
from __future__ import annotations

from PySide6.QtCore import Qt

from sanxiang_desktop.services.list_source import RowState
from sanxiang_desktop.ui.dashboard import delegates
from sanxiang_desktop.ui.lists.row_states import LEGEND_ORDER, STATE_COLOURS, state_text
from sanxiang_desktop.ui.pages import records as record_pages
from tests.gui.memory_source import MemorySource
from tests.gui.record_support import county, county_db  # noqa: F401  (fixtures)
from tests.gui.test_list_view import make_view
from tests.gui.test_pages import open_page


def test_each_state_has_its_own_colour_and_words(chinese):
    flagged = set(RowState) - {RowState.OWN}
    assert set(STATE_COLOURS) == flagged == set(LEGEND_ORDER)
    colours = [c.lower() for c in STATE_COLOURS.values()]
    assert len(set(colours)) == len(colours)                     # colour -> state is one-to-one
    texts = [state_text(s) for s in flagged]
    assert all(texts) and len(set(texts)) == len(texts)
    assert state_text(RowState.FOREIGN) == "其他单位的记录（只读）"  # translated, not the English source
    # the dashboard's lights never borrow a row colour for another meaning
    assert not {c.name() for c in delegates.LIGHT_COLOURS.values()} & set(colours)


def test_the_legend_shows_only_while_flagged_rows_are_listed(qtbot, settings, chinese):
    source = MemorySource(records={"a": ("甲某", 30, "13900000001", None), "b": ("乙某", 80, "13900000002", None)})
    view = make_view(qtbot, source, settings)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.legend.isVisible() and view.legend.states == (RowState.FOREIGN,)
    assert "其他单位的记录（只读）" in view.legend.text() and STATE_COLOURS[RowState.FOREIGN] in view.legend.text()
    foreign = view.model.data(view.model.index(1, 0), Qt.ItemDataRole.ForegroundRole)
    assert foreign.color().name() == STATE_COLOURS[RowState.FOREIGN]
    with qtbot.waitSignal(view.model.query_finished, timeout=5000):
        view.filter_edit.setText("甲")
        view.apply_filter()
    assert view.model.rowCount() == 1 and not view.legend.isVisible()


def test_a_county_list_names_the_states_of_its_rows(qtbot, county, chinese):
    page = open_page(qtbot, county, record_pages.MilestonesPage, "640104", "county")
    view = page.panel.view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    shown = view.model.states() - {RowState.OWN}
    assert shown, "the demo county has overdue or late milestones"
    assert view.legend.isVisible() and set(view.legend.states) == shown
    for state in shown:
        assert state_text(state) in view.legend.text()
    for r in range(view.model.rowCount()):
        brush = view.model.data(view.model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
        state = view.model.row(r).state
        assert (brush is None) if state is RowState.OWN else brush.color().name() == STATE_COLOURS[state]

