#!/usr/bin/env python3
"""Paper and Excel speed, each next to a same-run baseline (ratios, not thresholds).

    .venv/bin/python scripts/bench_documents.py [--activities 100000] [--people 10000]

1. export 100,000 activities with spreadsheets.ledgers.export_ledger (query, labels, masking,
   neutralised text, widths, styled header) next to bare openpyxl write-only appending the
   same rows as plain lists, in the same run;
2. import 10,000 people from an .xlsx through the import-xlsx command (read, map, plan, one
   transaction, planned inside it) into a township database;
3. print the activity ledger (the first `--ledger-rows` activities) to PDF: pages per second.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from openpyxl import Workbook  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from sanxiang_desktop.core.catalogues import CATALOGUES  # noqa: E402
from sanxiang_desktop.core.ids import new_id  # noqa: E402
from sanxiang_desktop.services.demo_names import person_name  # noqa: E402
from sanxiang_desktop.services.tree import below_select  # noqa: E402
from sanxiang_desktop.services.units import init_home  # noqa: E402
from sanxiang_desktop.store import models as m  # noqa: E402
from sanxiang_desktop.store.database import open_database  # noqa: E402

TOWNSHIP = "640104100"
STAMP = "2026-01-01T00:00:00.000000Z"


def record(**kw) -> dict:
    return {"id": new_id(), "owner": TOWNSHIP, "rev": 1, "hlc": "0", "created_at": STAMP, "updated_at": STAMP,
            "created_by": "", "updated_by": "", "deleted": False, **kw}


def seed_activities(db, n: int, rng: random.Random) -> None:
    types = [(e.code, e.group or "other") for e in CATALOGUES["activity_type"]]
    start = dt.date(2026, 1, 1)
    with db.session() as s, s.begin():
        rows = []
        for i in range(n):
            code, domain = rng.choice(types)
            rows.append(record(unit_code=TOWNSHIP, title=f"掌政镇科普活动第{i + 1}期：{'=SUM(A1)' if i % 997 == 0 else '健康讲座'}",
                               search_key="", held_on=start + dt.timedelta(days=i % 365), place="掌政镇党群服务中心",
                               domain=domain if domain in ("health", "education", "agriculture") else "other",
                               type=code, organisers="掌政镇科协", participants=rng.randint(10, 300),
                               volunteers=rng.randint(0, 20), description=""))
            if len(rows) == 5000:
                s.execute(insert(m.Activity), rows)
                rows = []
        if rows:
            s.execute(insert(m.Activity), rows)


def people_file(path: Path, n: int, rng: random.Random) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("人员")
    ws.append(["所属单位", "姓名", "性别", "出生日期", "身份证号", "联系电话", "工作单位", "职务", "人员类别"])
    for i in range(n):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 15000))
        body = f"640104{born:%Y%m%d}{i % 1000:03d}"
        ws.append(["掌政镇", person_name(rng, "male" if i % 2 else "female", i % 5 == 0), "男" if i % 1000 % 2 else "女", born, body + ric.calc_check_digit(body + "0"),
                   f"13{rng.randint(100000000, 999999999)}", "掌政镇卫生院", "医生", "医生"])
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--activities", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--ledger-rows", type=int, default=2_000)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = open_database(tmp / "bench.db", create=True)
        init_home(db, TOWNSHIP)
        seed_activities(db, args.activities, rng)

        from sanxiang_desktop.spreadsheets.ledgers import export_ledger, QUERIES
        t = time.perf_counter()
        n = export_ledger(db, "activities", tmp / "ours.xlsx")
        ours = time.perf_counter() - t
        with db.session() as s:      # the same rows, fetched the same way, outside the timing
            _cols, rows = QUERIES["activities"](s, below_select(TOWNSHIP), None, lambda k, v: v)
            rows = [list(r) for r in rows]
        t = time.perf_counter()
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("bare")
        for r in rows:
            ws.append(r)
        wb.save(tmp / "bare.xlsx")
        bare = time.perf_counter() - t
        print(f"export {n} activities: {n / ours:,.0f} rows/s ({ours:.1f} s, incl. query) ; bare openpyxl "
              f"write-only {len(rows) / bare:,.0f} rows/s ({bare:.1f} s) ; ratio {ours / bare:.2f}")

        db2 = open_database(tmp / "people.db", create=True)
        init_home(db2, TOWNSHIP)
        people_file(tmp / "people.xlsx", args.people, rng)
        from sanxiang_desktop.cli.main import main as cli
        t = time.perf_counter()
        code = cli(["import-xlsx", "--db", str(db2.path), "--what", "people", str(tmp / "people.xlsx")])
        took = time.perf_counter() - t
        with db2.session() as s:
            count = len(s.scalars(select(m.Person.id)).all())
        print(f"import {args.people} people from .xlsx: exit {code}, {count} stored, {args.people / took:,.0f} rows/s "
              f"({took:.1f} s: read, map, plan and write in one transaction)")

        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication.instance() or QGuiApplication([])
        from sanxiang_desktop.documents.forms import FormOptions
        from sanxiang_desktop.documents.forms.ledgers import activity_ledger
        from sanxiang_desktop.ui.printing.render import render_pdf
        with db.session() as s:
            last = s.scalars(select(m.Activity.held_on).order_by(m.Activity.held_on).offset(
                min(args.ledger_rows, args.activities) - 1).limit(1)).first()
        opt = FormOptions(unit=TOWNSHIP, date_from=dt.date(2026, 1, 1), date_to=last)
        t = time.perf_counter()
        doc = activity_ledger(db, opt)
        pages = render_pdf(doc, tmp / "ledger.pdf")
        took = time.perf_counter() - t
        rows_in = len(doc.tables()[0].rows)
        print(f"activity ledger to PDF: {rows_in} rows, {pages} pages in {took:.1f} s = {pages / took:.1f} pages/s")
        del app
        db.close()
        db2.close()


if __name__ == "__main__":
    main()
