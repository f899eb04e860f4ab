"""Issue 11 item 12: 本届届满 on 概况 is marked as the dashboard marks it — an overdue term with the
dashboard's ✗, its words (换届逾期) and red; one due within 90 days with ! in amber; a later one plain."""
from __future__ import annotations

import datetime as dt

import pytest

from sanxiang_desktop.core import indicators as ind
from sanxiang_desktop.services import lists, records
from sanxiang_desktop.ui.dashboard.delegates import light_colour
from sanxiang_desktop.ui.pages import records as record_pages
from tests.gui.record_support import TOWNSHIP, show
from tests.gui.record_support import township, township_db, zh  # noqa: F401  (fixtures)


def set_term_end(ws, end: dt.date) -> None:
    assoc = lists.single_record_id(ws, "associations", TOWNSHIP)
    if assoc is None:
        assert records.create(ws, "associations", {"unit_code": TOWNSHIP, "established": True,
                                                   "term_end": end}).ok
    else:
        assert records.update(ws, "associations", assoc, {"term_end": end}).ok


@pytest.mark.parametrize("days, light, mark, words", [
    (-30, ind.RED, "✗", "换届逾期"),
    (30, ind.YELLOW, "!", "即将换届"),
    (400, None, None, None),
])
def test_term_end_on_the_overview_is_marked_like_on_the_dashboard(qtbot, township, zh, days, light, mark, words):
    end = township.ws.today() + dt.timedelta(days=days)
    set_term_end(township.ws, end)
    page = record_pages.AssociationPage(township)
    show(qtbot, page)
    page.set_unit(TOWNSHIP, "township")
    label = page.box.values["term_end"]
    assert end.isoformat() in label.text()
    assert label.property("light") == light
    if light is None:
        assert label.text() == end.isoformat() and not label.styleSheet()
        return
    assert label.text().startswith(mark) and words in label.text()
    assert light_colour(light).name() in label.styleSheet()
    # the words of the dashboard's checklist line (the same English source, one translation)
    words = {ind.RED: "任期已于 {date} 届满，换届逾期", ind.YELLOW: "任期将于 {date} 届满，即将换届"}[light]
    assert label.text() == f"{mark}  " + words.format(date=end.isoformat())
