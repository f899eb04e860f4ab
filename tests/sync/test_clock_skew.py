"""Issue 8, kind 3: clock stamps are bounded and always ordered; a fast clock never stops a level.

Time moves through core.clock.use_source only (no real waiting, no patched datetime)."""
from __future__ import annotations

import datetime as dt
import json

from sanxiang_desktop.cli.main import main
from sanxiang_desktop.core import clock
from sanxiang_desktop.core.hlc import MAX_SKEW_MS, HybridClock, format_stamp, later, parse_stamp, stamp_key
from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.sync.apply import beats
from sanxiang_desktop.sync.export import last_receipt
from sanxiang_desktop.sync.records import HLC_RE

from .world import COUNTY, TOWN1, forge, record_lines

UTC = dt.timezone.utc
NOW = clock.utc_now().replace(microsecond=0) + dt.timedelta(hours=1)   # after the world was built
FIVE_YEARS = dt.timedelta(days=5 * 365)


def test_the_counter_carries_into_the_milliseconds_and_the_format_stays():
    ms = int(NOW.timestamp() * 1000)
    c = HybridClock(lambda: ms, format_stamp(ms + 10, 99_990))
    stamps = [c.tick() for _ in range(100_001)]
    assert all(HLC_RE.match(x) for x in (stamps[0], stamps[9], stamps[10], stamps[-1]))
    assert stamps[8] == format_stamp(ms + 10, 99_999) and stamps[9] == format_stamp(ms + 11, 0)   # carried
    assert all(stamp_key(a) < stamp_key(b) for a, b in zip(stamps, stamps[1:]))
    assert stamps == sorted(stamps)                                      # the text order agrees too


def test_stamps_compare_as_numbers():
    assert later("0000000000001.100000", "0000000000001.99999")          # an old release's overflowed stamp
    a = {"hlc": "0000000000001.100000", "deleted": False, "owner": "640104100", "rev": 2}
    b = {"hlc": "0000000000001.99999", "deleted": False, "owner": "640104100", "rev": 2}
    assert beats(a, b) and not beats(b, a)
    assert parse_stamp("") == (0, 0)


def test_what_the_clock_adopts_is_limited():
    with clock.use_source(NOW):
        c = HybridClock(last=None)
        c.observe(format_stamp(int((NOW + FIVE_YEARS).timestamp() * 1000), 7))
        assert parse_stamp(c.last)[0] <= int(NOW.timestamp() * 1000) + MAX_SKEW_MS
        c = HybridClock(last=None)
        c.observe(format_stamp(int((NOW + dt.timedelta(hours=2)).timestamp() * 1000), 7))   # small skew: adopted
        assert parse_stamp(c.last) == (int((NOW + dt.timedelta(hours=2)).timestamp() * 1000), 7)


def _future_package(t1, c, tmp_path, when: dt.datetime):
    stamp = format_stamp(int(when.timestamp() * 1000), 0)
    lines = []
    for raw in record_lines(t1, "activities", limit=3):
        line = json.loads(raw)
        line["record"].update(hlc=stamp, rev=line["record"]["rev"] + 1)
        line["origin"]["rev"] = line["record"]["rev"]
        lines.append(json.dumps(line, ensure_ascii=False).encode())
    path = tmp_path / "fast.sxpkg"
    path.write_bytes(forge(t1, lines, recipient=c.code, seq=2, acked=0))
    return path, stamp


def test_a_township_five_years_ahead_then_100000_county_saves(world, tmp_path):
    t1, c, y = world["t1"], world["c"], world["y"]
    with clock.use_source(NOW):
        assert c.take(t1.export())[0].status == "applied"
        path, stamp = _future_package(t1, c, tmp_path, NOW + FIVE_YEARS)
        res = c.take(path)[0]
        assert res.status == "applied", res.error
        assert res.clock_ahead == {TOWN1: (FIVE_YEARS.days * 86400_000 - 0) // 86400_000}
        assert any("掌政镇" in n and "ahead" in n for n in res.notes), res.notes
        ws = Workspace.open(c.db)
        # the received stamp is kept as it is (every level picks the same winner) ...
        assert any(f'"hlc":"{stamp}"' in x for x in c.dump())
        # ... but this PC's clock did not follow it five years into the future
        assert ahead_days(ws.clock.last) <= 1
        for _ in range(100_000):                     # 100,000 saves, through the clock's own source
            ws.clock.tick()
        person = json.loads(record_lines(c, "people")[0])["record"]["id"]
        assert records.update(ws, "people", person, {"name": "王建设"}).ok
        up = c.export()
    with clock.use_source(NOW + dt.timedelta(days=1)):
        res = y.take(up)[0]
    assert res.status == "applied", res.error             # not "bad revision or clock stamp"
    assert res.counts["inserted"] > 0 and TOWN1 in res.clock_ahead


def ahead_days(stamp: str) -> float:
    return (parse_stamp(stamp)[0] - clock.now_ms()) / 86400_000


def test_receipts_are_ordered_by_sequence_not_by_the_time_written_on_them(world):
    t1, c = world["t1"], world["c"]
    c.take(t1.export())
    with clock.use_source(NOW + FIVE_YEARS):          # the county's clock was years ahead once
        first = c.receipt_for(t1)
    c.take(t1.export())
    with clock.use_source(NOW):
        second = c.receipt_for(t1)
    assert second.seq == first.seq + 1
    t1.take(first, second)
    with t1.db.session() as s:
        assert last_receipt(s, COUNTY).seq == second.seq


def test_receipt_numbers_continue_after_the_upper_level_is_restored(world, tmp_path):
    import shutil
    t1, c = world["t1"], world["c"]
    backup = tmp_path / "county-backup.db"
    c.take(t1.export())
    c.db.close()
    shutil.copyfile(c.path, backup)
    from sanxiang_desktop.store.database import open_database
    c.db = open_database(c.path)
    t1.take(c.receipt_for(t1), c.receipt_for(t1))        # receipts 1 and 2 reach the township
    c.db.close()
    shutil.copyfile(backup, c.path)                      # the county restores its older backup
    c.db = open_database(c.path)
    c.take(t1.export())                                  # the township says it holds receipt 2
    assert c.receipt_for(t1).seq == 3


def test_a_pc_whose_clock_is_behind_is_told_at_start_up(world, capsys):
    c = world["c"]
    with clock.use_source(NOW + dt.timedelta(days=3)):
        ws = Workspace.open(c.db)
        person = json.loads(record_lines(c, "people")[0])["record"]["id"]
        assert records.update(ws, "people", person, {"name": "王建设"}).ok
    c.db.close()
    with clock.use_source(NOW):
        assert main(["stats", "--db", str(c.path), "--json"]) == 0
    err = capsys.readouterr().err
    assert "clock is about 3 day(s) behind" in err and "本机时钟" in err
    with clock.use_source(NOW + dt.timedelta(days=3)):
        assert main(["stats", "--db", str(c.path), "--json"]) == 0
    assert "behind" not in capsys.readouterr().err
