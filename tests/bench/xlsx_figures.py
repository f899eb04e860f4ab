"""Excel export of 100,000 activities (spreadsheets.ledgers.export_ledger: query, labels, masking,
neutralised text, widths, styled header) next to bare openpyxl write-only appending the same rows
as plain lists, in the same run. The rows for the baseline are fetched outside its timing; ours
includes its query. The same measurement as scripts/bench_documents.py, part 1."""
from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from sqlalchemy import insert

from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.core.ids import new_id
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

TOWNSHIP = "640104100"
STAMP = "2026-01-01T00:00:00.000000Z"


def seed_activities(db, n: int, rng: random.Random) -> None:
    types = [(e.code, e.group or "other") for e in CATALOGUES["activity_type"]]
    start = dt.date(2026, 1, 1)
    rows = []
    with db.engine.begin() as conn:
        for i in range(n):
            code, domain = rng.choice(types)
            rows.append({"id": new_id(), "owner": TOWNSHIP, "rev": 1, "hlc": "0", "created_at": STAMP,
                         "updated_at": STAMP, "created_by": "", "updated_by": "", "deleted": False, "extra": None,
                         "unit_code": TOWNSHIP, "title": f"掌政镇科普活动第{i + 1}期：健康讲座", "search_key": "",
                         "held_on": start + dt.timedelta(days=i % 365), "place": "掌政镇党群服务中心",
                         "domain": domain if domain in ("health", "education", "agriculture") else "other",
                         "type": code, "theme_day": None, "leader_id": None, "organisers": "掌政镇科协",
                         "participants": rng.randint(10, 300), "volunteers": rng.randint(0, 20), "description": ""})
            if len(rows) == 5000:
                conn.execute(insert(m.Activity.__table__), rows)
                rows = []
        if rows:
            conn.execute(insert(m.Activity.__table__), rows)


def xlsx_figures(folder: Path, n: int = 100_000) -> dict:
    from openpyxl import Workbook
    from sanxiang_desktop.services.tree import below_select
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.spreadsheets.ledgers import QUERIES, export_ledger
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "xlsx.db", create=True)
    init_home(db, TOWNSHIP)
    seed_activities(db, n, random.Random(7))
    t0, c0 = time.perf_counter(), time.process_time()
    rows_out = export_ledger(db, "activities", folder / "ours.xlsx")
    ours, ours_cpu = time.perf_counter() - t0, time.process_time() - c0
    with db.session() as s:
        _cols, rows = QUERIES["activities"](s, below_select(TOWNSHIP), None, lambda k, v: v)
        rows = [list(r) for r in rows]
    db.close()
    t0, c0 = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("bare")
    for r in rows:
        ws.append(r)
    wb.save(folder / "bare.xlsx")
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"rows": rows_out, "rows_per_s": round(rows_out / ours), "bare_rows_per_s": round(len(rows) / bare),
            "ratio": round(bare / ours * rows_out / len(rows), 3), "seconds": round(ours, 2),
            "cpu_ratio": round(bare_cpu / ours_cpu * rows_out / len(rows), 3)}
