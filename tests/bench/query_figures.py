"""Per-keystroke filtering in the real list model's read, and the dashboard's indicators.

Filtering: what the people list's model does on each keystroke (count + first page, through
``ui.lists.table_model._read_from`` on the people ``ListSource``), typed one key at a time, next to a
bare ``SELECT … LIMIT 200`` on the same table. Dashboard: ``services.indicators.unit_indicators``
for the whole city; for the whole country, the same facts and indicators for every township.
"""
from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import insert, select, text

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import Database, open_database

from .generate import _check_digit, _person_key, generate

# What clerks type: initials, full pinyin, Chinese, an ID-number prefix, a phone tail.
TYPED = ("whh", "zhangwei", "王红", "6401041985", "5678", "mahai")
AS_OF = dt.date(2026, 11, 30)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def add_people(db: Database, county: str, total: int, seed: int = 7) -> int:
    """Bring the people of `county` up to `total` with realistic rows (bulk insert); returns the count."""
    from sanxiang_desktop.services.demo_names import person_name
    with db.engine.connect() as conn:
        units = list(conn.execute(select(m.Unit.code).where(
            m.Unit.code.like(f"{county}%"), m.Unit.level.in_(("township", "village")))).scalars())
        have = conn.execute(select(text("count(*)")).select_from(m.Person.__table__).where(
            m.Person.unit_code.like(f"{county}%"))).scalar()
    rng = random.Random(seed)
    stamp = "2026-01-01T00:00:00.000000Z"
    rows = []
    for i in range(max(0, total - have)):
        gender = "male" if rng.random() < 0.5 else "female"
        name = person_name(rng, gender, rng.random() < 0.34)
        birth = dt.date(rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 29))
        body = f"{county}{birth:%Y%m%d}{rng.randrange(0, 500) * 2 + (gender == 'male'):03d}"
        unit = rng.choice(units)
        rows.append(dict(
            id=f"00000000-0000-7000-8000-{i:012d}", owner=unit[:9], rev=1, hlc=f"{i:013d}.00000",
            created_at=stamp, updated_at=stamp, created_by="", updated_by="", deleted=rng.random() < 0.01,
            extra=None, unit_code=unit, name=name, search_key=_person_key(name), gender=gender,
            ethnicity=None, birth_date=birth, id_number=body + _check_digit(body) if rng.random() < 0.9 else None,
            phone=f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}" if rng.random() < 0.95 else None,
            political_status=None, education=None, title="", title_level=None, employer=f"{unit[-3:]}号单位",
            job="", sector=None, category=rng.choice(("teacher", "doctor", "other")), notes=""))
    if rows:
        with db.engine.begin() as conn:
            for i in range(0, len(rows), 20000):
                conn.execute(insert(m.Person.__table__), rows[i:i + 20000])
            conn.exec_driver_sql("ANALYZE")
    return have + len(rows)


def filter_figures(db_path: Path, county: str, repeat: int = 3) -> dict:
    """p50/p95 ms per keystroke filtering the people of `county` (typed one key at a time)."""
    from sanxiang_desktop.services.list_source import ListQuery
    from sanxiang_desktop.services.lists import PeopleList
    from sanxiang_desktop.services.workspace import Workspace
    from sanxiang_desktop.ui.lists.table_model import _read_from
    db = open_database(db_path)
    ws = Workspace.open(db)
    source = PeopleList(ws)
    extra = {"unit": county}
    people = source.count(ListQuery(extra=extra))
    _read_from(source, ListQuery(filter_text="wang", extra=extra), 200)     # warm the page cache
    times, cpu = [], []
    for typed in TYPED:
        for i in range(1, len(typed) + 1):
            query = ListQuery(filter_text=typed[:i], extra=extra)
            for _ in range(repeat):
                t0, c0 = time.perf_counter(), time.thread_time()
                _read_from(source, query, 200)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
    base = []
    with db.engine.connect() as conn:
        for _ in range(repeat * 5):
            t0 = time.perf_counter()
            conn.execute(text("SELECT id, name, gender, category, employer, job, phone, unit_code FROM people "
                              "LIMIT 200")).all()
            base.append((time.perf_counter() - t0) * 1000)
    db.close()
    return {"people": people, "keystrokes": len(times), "p50_ms": round(percentile(times, 50), 2),
            "p95_ms": round(percentile(times, 95), 2), "max_ms": round(max(times), 2),
            "cpu_p50_ms": round(percentile(cpu, 50), 2), "cpu_p95_ms": round(percentile(cpu, 95), 2),
            "bare_select_ms": round(statistics.median(base), 2)}


def dashboard_ms(db_path: Path | str, unit: str | None, repeat: int = 3) -> float:
    """Median ms to compute the indicators of `unit` (None: every township in the database, as a
    national hub would); `db_path` is a file or a server URL."""
    return dashboard_times(db_path, unit, repeat)[0]


def dashboard_times(db_path: Path | str, unit: str | None, repeat: int = 3) -> tuple[float, float]:
    """(median wall ms, median CPU ms of this process) of `dashboard_ms`. On a shared machine the CPU
    time is the steadier figure; on a server most of the work is the server's, not counted here."""
    from sanxiang_desktop.services.indicators import every_township_indicators, unit_indicators
    db = open_database(db_path)
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        if unit is not None:
            unit_indicators(db, unit, 2026, today=AS_OF)
        else:
            every_township_indicators(db, 2026, today=AS_OF)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    db.close()
    return round(statistics.median(times), 1), round(statistics.median(cpu), 1)


def scale_db(folder: Path, scale: str, seed: int = 1, cache: Path | None = None) -> tuple[Path, dict | None]:
    """A generated database of a scale (reused from `cache` when there) and what `generate` returned
    when this process made it (None for a cached file)."""
    where = cache or folder
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"bench-{scale}-{seed}.db"
    if path.exists():
        return path, _MADE.get(path)        # generated earlier in this run, or cached (None)
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    info = generate(part, scale, seed)
    part.rename(path)
    _MADE[path] = info
    return path, info


_MADE: dict[Path, dict] = {}
