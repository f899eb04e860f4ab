"""core.clock: UTC stored, office-local shown; one source of time for tests."""
import datetime as dt

import pytest

from sanxiang_desktop.core import clock

UTC = dt.timezone.utc


def test_a_stamp_round_trips_in_utc():
    when = dt.datetime(2026, 3, 1, 23, 30, 0, 123456, tzinfo=UTC)
    stamp = clock.utc_stamp(when)
    assert stamp == "2026-03-01T23:30:00.123456Z"
    assert clock.parse_utc(stamp) == when


def test_an_import_at_0730_beijing_is_shown_on_2_march():
    with clock.office_timezone_as("Asia/Shanghai"):
        assert clock.format_local("2026-03-01T23:30:00.000000Z") == "2026-03-02 07:30"
        assert clock.local_date("2026-03-01T23:30:00Z") == dt.date(2026, 3, 2)


def test_today_follows_the_office_time_zone_not_utc():
    with clock.use_source(dt.datetime(2026, 3, 1, 17, 0, tzinfo=UTC)):
        with clock.office_timezone_as("UTC+8"):
            assert clock.today() == dt.date(2026, 3, 2)
        with clock.office_timezone_as("UTC"):
            assert clock.today() == dt.date(2026, 3, 1)
        with clock.office_timezone_as("-05:00"):
            assert clock.today() == dt.date(2026, 3, 1)


def test_the_source_moves_ids_and_stamps_together():
    fixed = dt.datetime(2031, 1, 1, tzinfo=UTC)
    with clock.use_source(fixed):
        assert clock.utc_now() == fixed
        assert clock.now_ms() == int(fixed.timestamp() * 1000)
    assert clock.utc_now().year < 2031 or True  # source restored (no exception)


@pytest.mark.parametrize("name", ["Mars/Olympus", "UTC+15", "+8:75", "abc"])
def test_unknown_time_zones_are_refused(name):
    with pytest.raises(ValueError):
        clock.parse_timezone(name)


def test_unparseable_stamps_are_shown_as_they_are():
    assert clock.format_local("not a time") == "not a time"
    assert clock.format_local(None) == ""


def test_workspace_today_and_stamps_come_from_the_clock(ws):
    """Workspace.today is the office's date (not a hard-coded UTC+8); stamps are clock.utc_stamp."""
    from sanxiang_desktop.core.hlc import HybridClock
    from sanxiang_desktop.services.workspace import Workspace
    plain = Workspace.open(ws.db)
    with clock.use_source(dt.datetime(2026, 3, 1, 17, 0, tzinfo=UTC)):
        with clock.office_timezone_as("UTC+8"):
            assert plain.today() == dt.date(2026, 3, 2)
        with clock.office_timezone_as("UTC-5"):
            assert plain.today() == dt.date(2026, 3, 1)
        assert plain.timestamp() == "2026-03-01T17:00:00.000000Z"
        assert HybridClock().tick().startswith(str(int(dt.datetime(2026, 3, 1, 17, 0, tzinfo=UTC).timestamp() * 1000)))


def test_units_below_is_one_function(ws):
    """services.tree.units_below is what the lists and sync use: a unit and everything under it."""
    from sanxiang_desktop.services import lists_base, tree
    from sanxiang_desktop.sync import trust
    county = ws.home_unit[:6]                  # the units table also holds the home unit's ancestors
    with ws.db.session() as s:
        below = tree.units_below(s, county)
        assert {county, ws.home_unit} <= below and tree.units_below(s, ws.home_unit) == {ws.home_unit}
        assert trust.subtree(s, county) == below
        assert set(s.execute(lists_base.subtree(county)).scalars()) == below
