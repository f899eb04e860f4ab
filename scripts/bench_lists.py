#!/usr/bin/env python3
"""How quick the people list stays at 100,000 people: count + first page per filter keystroke.

    .venv/bin/python scripts/bench_lists.py [--people 100000] [--repeat 5]

Builds a temporary county database (兴庆区 and its townships), bulk-inserts the people
(realistic names with their pinyin keys, ID numbers, phones, categories, spread over the
county's units), then types a few filters one key at a time through the real PeopleList
and prints, per keystroke, the milliseconds for count() + fetch(0, 200) and the ratio to a
baseline `SELECT ... FROM people LIMIT 200` without any filter.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select, text  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from sanxiang_desktop.core.catalogues import CATALOGUES  # noqa: E402
from sanxiang_desktop.core.ids import new_id  # noqa: E402
from sanxiang_desktop.core.pinyin import person_search_key  # noqa: E402
from sanxiang_desktop.services.demo_names import person_name  # noqa: E402
from sanxiang_desktop.services.list_source import ListQuery  # noqa: E402
from sanxiang_desktop.services.lists import PeopleList  # noqa: E402
from sanxiang_desktop.services.units import init_home  # noqa: E402
from sanxiang_desktop.services.workspace import Workspace  # noqa: E402
from sanxiang_desktop.store import models as m  # noqa: E402
from sanxiang_desktop.store.database import open_database  # noqa: E402

COUNTY = "640104"
TYPED = {
    "initials whh": "whh",
    "pinyin zhangwei": "zhangwei",
    "Chinese 王红": "王红",
    "ID prefix 6401041985": "6401041985",
    "phone tail 5678": "5678",
    "unit code 640104100": "640104100",
}


def fill(db, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with db.engine.connect() as conn:
        units = [c for (c,) in conn.execute(select(m.Unit.code).where(m.Unit.level.in_(("township", "village"))))]
    categories = CATALOGUES["key_category"].codes()
    keys: dict[str, str] = {}
    stamp = "2026-01-01T00:00:00.000000Z"
    rows = []
    for i in range(n):
        gender = "male" if rng.random() < 0.5 else "female"
        name = person_name(rng, gender, rng.random() < 0.34)
        if name not in keys:
            keys[name] = person_search_key(name)
        birth = dt.date(rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 29))
        body = f"{COUNTY}{birth:%Y%m%d}{rng.randrange(0, 500) * 2 + (gender == 'male'):03d}"
        unit = rng.choice(units)
        rows.append(dict(
            id=new_id(), owner=unit[:9], rev=1, hlc=f"{i:013d}.00000", created_at=stamp, updated_at=stamp,
            created_by="", updated_by="", deleted=rng.random() < 0.01, unit_code=unit, name=name,
            search_key=keys[name], gender=gender, birth_date=birth,
            id_number=body + ric.calc_check_digit(body + "0") if rng.random() < 0.9 else None,
            phone=f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}" if rng.random() < 0.95 else None,
            title="", employer=f"{unit[-3:]}号单位", job="", category=rng.choice(categories), notes=""))
    with db.engine.begin() as conn:
        conn.execute(insert(m.Person), rows)
        conn.execute(text("ANALYZE"))


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db", create=True)
        init_home(db, COUNTY)
        started = time.perf_counter()
        fill(db, args.people)
        print(f"inserted {args.people:,} people in {time.perf_counter() - started:.1f} s")
        ws = Workspace.open(db)
        source = PeopleList(ws)
        cols = "id, name, gender, category, employer, job, phone, unit_code"

        def baseline():
            with db.engine.connect() as conn:
                conn.execute(text(f"SELECT {cols} FROM people LIMIT 200")).all()
        base = timed(baseline, args.repeat)
        print(f"baseline SELECT ... LIMIT 200: {base:.2f} ms")

        def keystroke(typed: str, extra: dict):
            query = ListQuery(filter_text=typed, extra=extra)
            return lambda: (source.count(query), source.fetch(query, 0, 200))

        worst = 0.0
        for scope, extra in (("whole county", {"unit": COUNTY}), ("one township", {"unit": "640104100"})):
            ms = timed(keystroke("", extra), args.repeat)
            rows = source.count(ListQuery(extra=extra))
            print(f"\n[{scope}] no filter: {ms:.2f} ms ({ms / base:.1f}x), {rows:,} rows")
            for what, typed in TYPED.items():
                per_key = [timed(keystroke(typed[:i], extra), args.repeat) for i in range(1, len(typed) + 1)]
                found = source.count(ListQuery(filter_text=typed, extra=extra))
                worst = max(worst, *per_key)
                print(f"  {what:<24} ms per keystroke: {' '.join(f'{t:.1f}' for t in per_key)}"
                      f"  max {max(per_key):.1f} ({max(per_key) / base:.1f}x baseline), {found:,} found")
        print(f"\nworst keystroke: {worst:.1f} ms = {worst / base:.1f}x the baseline")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
