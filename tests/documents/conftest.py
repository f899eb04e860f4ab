"""Sample documents for the renderer tests; real files in tmp_path, read back with poppler."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from sanxiang_desktop.documents.forms.transmittal import TransmittalData
from sanxiang_desktop.documents.model import (
    Column, Document, Field, Heading, KeyValueGrid, Paragraph, SignatureLine, Table)

LONG_UNIT = "银川市兴庆区掌政镇人民政府科学技术协会"


def ledger(rows: int = 120) -> Document:
    """An activity ledger long enough to span pages, with a wrapping column."""
    body = [[i + 1, f"科普讲座第{i + 1}期", LONG_UNIT if i % 3 == 0 else "掌政镇科协",
             dt.date(2026, 1, 1) + dt.timedelta(days=i), 20 + i % 7 * 5, i * 1.5]
            for i in range(rows)]
    return Document(
        title="2026年度科普活动台账", subtitle="（兴庆区掌政镇）", footer_text="掌政镇科协 编制",
        blocks=[
            KeyValueGrid([("单位名称", "掌政镇科协"), ("单位代码", "640104100"),
                          Field("填报日期", dt.date(2026, 11, 28), span=2)]),
            Heading("一、活动明细"),
            Paragraph("本台账记录本年度全部科普活动，日期以活动当日为准。"),
            Table(columns=[Column("序号", 4, "right"), Column("活动名称", 16),
                           Column("主办单位", 18), Column("日期", 10, "center"),
                           Column("参加人数", 8, "right"), Column("经费（元）", 10, "right")],
                  rows=body, totals_row=["合计", None, None, None, sum(r[4] for r in body),
                                         sum(r[5] for r in body)],
                  caption="表1 活动明细"),
            SignatureLine(),
        ])


@pytest.fixture
def transmittal_data() -> TransmittalData:
    return TransmittalData(
        sender_name="掌政镇科协", sender_code="640104100", recipient_name="兴庆区科协",
        recipient_code="640104", package_file="640104100-640104-000017.sxpkg", sequence=17,
        created_at=dt.datetime(2026, 11, 28, 14, 5), check_code="7KQ2-M9XD",
        record_counts={"activities": 48, "people": 35, "posts": 12, "newer_kind": 2})


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text(path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


requires_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
