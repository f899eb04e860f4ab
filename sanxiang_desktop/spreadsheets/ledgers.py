"""Ledgers (台账) out to Excel: people, posts, activities, visits, venues and the summary.

One sheet per ledger in openpyxl's write-only mode (rows stream to disk; 100,000 activities
need no more memory than 1,000): a title line, an "exported from … on …" line, a styled header
that is frozen and filtered, widths that fit Chinese text, real dates, IDs and phones as text,
formula-like text kept text. Headers are the field labels of services.spec, so the same file
can be imported again (spreadsheets.importing): the last column, 记录编号, makes that a no-op.
ID numbers and phones are masked unless `full_pii` (the caller records the audit entry).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..core.files import atomic_write
from ..core import clock
from ..core.catalogues import CATALOGUES
from ..core.validation import mask_id_number, mask_phone
from ..documents.model import text_width
from ..store import models as m
from ..services.tree import below_select
from ..store.database import Database
from .cells import DATE_FORMAT, NOTE_FONT, TEXT_FORMAT, TITLE_FONT, header_cell, neutralise

LEDGER_TITLES = {"people": "人员台账", "posts": "任职台账", "activities": "活动台账", "visits": "调研走访台账",
                 "venues": "阵地台账", "summary": "统计汇总表"}
ID_COLUMN = "记录编号"
HEADER_ROW = 3                    # title, "exported from" line, then the header
WIDTH_SAMPLE = 300                # rows looked at for column widths
Progress = Callable[[int], bool]  # rows written so far -> False to cancel


class Cancelled(Exception):
    """The progress callback asked to stop; nothing was written under the target name."""


@dataclass(frozen=True)
class Col:
    header: str
    kind: str = "text"        # text | date | int | float | id_number | phone | catalogue:<name>


def _lab(cat: str):
    c = CATALOGUES[cat]
    return lambda code: c.label(code) if code else None


def scope_of(db: Database, unit: str | None) -> tuple[str, object]:
    """(unit name, SELECT of the unit's code and every code below it: services.tree.below_select)."""
    code = unit or db.home_unit
    with db.session() as s:
        name = s.scalar(select(m.Unit.name).where(m.Unit.code == code))
    if name is None:
        raise KeyError(code)
    return name, below_select(code)


def _people(s, scope, year: int | None, pii: Callable):
    P, U = m.Person, m.Unit
    cols = [Col("所属单位"), Col("单位代码", "id_number"), Col("姓名"), Col("性别"), Col("民族"), Col("出生日期", "date"), Col("身份证号", "id_number"),
            Col("联系电话", "phone"), Col("政治面貌"), Col("学历"), Col("职称"), Col("职称级别"), Col("工作单位"),
            Col("职务"), Col("所属领域"), Col("人员类别"), Col("备注"), Col(ID_COLUMN)]
    g, e, ps, ed, tl, sc, ca = (_lab(c) for c in ("gender", "ethnicity", "political_status", "education",
                                                  "title_level", "sector", "key_category"))
    q = (select(U.name, U.code, P.name, P.gender, P.ethnicity, P.birth_date, P.id_number, P.phone, P.political_status,
                P.education, P.title, P.title_level, P.employer, P.job, P.sector, P.category, P.notes, P.id)
         .join(U, U.code == P.unit_code).where(P.deleted.is_(False), P.unit_code.in_(scope))
         .order_by(P.unit_code, P.name))
    rows = ((r[0], r[1], r[2], g(r[3]), e(r[4]), r[5], pii("id", r[6]), pii("phone", r[7]), ps(r[8]), ed(r[9]),
             r[10], tl(r[11]), r[12], r[13], sc(r[14]), ca(r[15]), r[16], r[17]) for r in s.execute(q).yield_per(2000))
    return cols, rows


def _posts(s, scope, year: int | None, pii: Callable):
    P, U, T = m.Person, m.Unit, m.Post
    cols = [Col("所属单位"), Col("单位代码", "id_number"), Col("姓名"), Col("身份证号", "id_number"), Col("职务"), Col("任职日期", "date"),
            Col("离任日期", "date"), Col("产生方式"), Col("备注"), Col(ID_COLUMN)]
    role, how = _lab("role"), _lab("post_method")
    q = (select(U.name, U.code, P.name, P.id_number, T.role, T.start_on, T.end_on, T.method, T.notes, T.id)
         .join(U, U.code == T.unit_code).join(P, P.id == T.person_id)
         .where(T.deleted.is_(False), T.unit_code.in_(scope)).order_by(T.unit_code, T.start_on, P.name))
    if year:
        q = q.where((T.start_on.is_(None)) | (T.start_on <= dt.date(year, 12, 31)),
                    (T.end_on.is_(None)) | (T.end_on >= dt.date(year, 1, 1)))
    rows = ((r[0], r[1], r[2], pii("id", r[3]), role(r[4]), r[5], r[6], how(r[7]), r[8], r[9])
            for r in s.execute(q).yield_per(2000))
    return cols, rows


def _activities(s, scope, year: int | None, pii: Callable):
    A, U = m.Activity, m.Unit
    L = aliased(m.Person)
    cols = [Col("所属单位"), Col("单位代码", "id_number"), Col("活动名称"), Col("活动日期", "date"), Col("活动地点"), Col("服务领域"), Col("活动类型"),
            Col("主题日"), Col("牵头人"), Col("组织单位"), Col("参与人数", "int"), Col("志愿者人数", "int"),
            Col("活动内容"), Col(ID_COLUMN)]
    dom, typ, day = _lab("domain"), _lab("activity_type"), _lab("theme_day")
    q = (select(U.name, U.code, A.title, A.held_on, A.place, A.domain, A.type, A.theme_day, L.name, A.organisers,
                A.participants, A.volunteers, A.description, A.id)
         .join(U, U.code == A.unit_code).outerjoin(L, L.id == A.leader_id)
         .where(A.deleted.is_(False), A.unit_code.in_(scope)).order_by(A.held_on, A.id))
    if year:
        q = q.where(A.held_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    rows = ((r[0], r[1], r[2], r[3], r[4], dom(r[5]), typ(r[6]), day(r[7]), r[8], r[9], r[10], r[11], r[12], r[13])
            for r in s.execute(q).yield_per(5000))
    return cols, rows


def _visits(s, scope, year: int | None, pii: Callable):
    V, U = m.Visit, m.Unit
    W = aliased(m.Unit)
    cols = [Col("所属单位"), Col("走访单位"), Col("走访日期", "date"), Col("走访人员"), Col("科协组织情况"),
            Col("科技工作者情况"), Col("乡镇党委意见建议"), Col("后续跟进"), Col(ID_COLUMN)]
    q = (select(U.name, W.name, V.visited_on, V.visitors, V.association_status, V.workers_status,
                V.party_suggestions, V.follow_ups, V.id)
         .join(U, U.code == V.unit_code).join(W, W.code == V.visited_unit_code)
         .where(V.deleted.is_(False), V.unit_code.in_(scope) | V.visited_unit_code.in_(scope))
         .order_by(V.visited_on))
    if year:
        q = q.where(V.visited_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return cols, (tuple(r) for r in s.execute(q))


def _venues(s, scope, year: int | None, pii: Callable):
    N, U = m.Venue, m.Unit
    cols = [Col("所属单位"), Col("阵地类型"), Col("名称"), Col("地址"), Col("面积（㎡）", "float"), Col("建成日期", "date"),
            Col("备注"), Col(ID_COLUMN)]
    typ = _lab("venue_type")
    q = (select(U.name, N.type, N.name, N.address, N.area_m2, N.opened_on, N.notes, N.id)
         .join(U, U.code == N.unit_code).where(N.deleted.is_(False), N.unit_code.in_(scope))
         .order_by(N.unit_code, N.type, N.name))
    return cols, ((r[0], typ(r[1]), *r[2:]) for r in s.execute(q))


QUERIES = {"people": _people, "posts": _posts, "activities": _activities, "visits": _visits, "venues": _venues}


def _summary(db: Database, unit: str, year: int | None, today: dt.date):
    from ..documents.forms import FormOptions
    from ..documents.forms.stats import summary
    from ..documents.model import cell_positions
    table = summary(db, FormOptions(unit=unit, year=year, today=today)).tables()[0]
    cols = [Col(f"{c.group}·{c.title}" if c.group else c.title, "int" if c.align == "right" else "text")
            for c in table.columns]
    rows = []
    for row in [*table.body_rows(), table.totals()]:
        values = [None] * len(cols)
        for col, cell in cell_positions(row):
            values[col] = cell.value
        rows.append(values)
    return cols, iter(rows)


def _widths(cols: list[Col], sample: list[tuple]) -> list[float]:
    widths = [text_width(c.header) + 2 for c in cols]
    for row in sample:
        for i, v in enumerate(row):
            if v is not None:
                w = 11 if isinstance(v, dt.date) else text_width(str(v))
                widths[i] = max(widths[i], w + 2)
    return [min(max(w, 6), 50) for w in widths]


def write_sheet(path: str | os.PathLike[str], title: str, note: str, cols: list[Col], rows: Iterable[tuple],
                progress: Progress | None = None) -> int:
    """Stream `rows` into a new .xlsx at `path` (atomically); returns the number of data rows.
    Raises Cancelled when `progress` returns False, OSError when the file cannot be written."""
    return _drive(write_sheet_steps(path, title, note, cols, rows), progress)


def _drive(steps, progress: Progress | None) -> int:
    while True:
        try:
            done = next(steps)
        except StopIteration as stop:
            return stop.value
        if progress is not None and progress(done) is False:
            steps.close()
            raise Cancelled()


def write_sheet_steps(path, title: str, note: str, cols: list[Col], rows: Iterable[tuple]):
    """write_sheet as a generator: yields the rows written so far every 1,000 rows (closing it
    cancels, leaving no file under `path`); returns the row count."""
    rows = iter(rows)
    sample: list[tuple] = []
    for row in rows:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE:
            break
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    for i, w in enumerate(_widths(cols, sample)):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    first = WriteOnlyCell(ws, value=title)
    first.font = TITLE_FONT
    ws.append([first])
    line = WriteOnlyCell(ws, value=note)
    line.font = NOTE_FONT
    ws.append([line])
    ws.append([header_cell(ws, c.header) for c in cols])
    kinds = [c.kind for c in cols]
    text_cols = [i for i, k in enumerate(kinds) if k in ("id_number", "phone")]
    n = 0

    def styled(row):
        out = [neutralise(ws, v) for v in row]
        for i in text_cols:      # ID numbers and phones: text format, so Excel keeps every digit
            if isinstance(out[i], str):
                cell = WriteOnlyCell(ws, value=out[i])
                cell.number_format = TEXT_FORMAT
                out[i] = cell
        return out

    def all_rows() -> Iterator[tuple]:
        yield from sample
        yield from rows

    try:
        for row in all_rows():
            ws.append(styled(row))
            n += 1
            if n % 1000 == 0:
                yield n
    except GeneratorExit:          # cancelled: finish and remove openpyxl's own temporary file
        ws.close()
        ws._writer.cleanup()
        raise
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(cols))}{HEADER_ROW + max(n, 1)}"
    atomic_write(path, lambda tmp: wb.save(tmp))
    return n


def export_ledger(db: Database, what: str, out: str | os.PathLike[str], *, unit: str | None = None,
                  year: int | None = None, full_pii: bool = False, progress: Progress | None = None,
                  today: dt.date | None = None) -> int:
    """See export_ledger_steps; `progress(rows written)` returning False cancels (Cancelled)."""
    return _drive(export_ledger_steps(db, what, out, unit=unit, year=year, full_pii=full_pii, today=today), progress)


def export_ledger_steps(db: Database, what: str, out: str | os.PathLike[str], *, unit: str | None = None,
                        year: int | None = None, full_pii: bool = False, today: dt.date | None = None):
    """Write ledger `what` (a key of LEDGER_TITLES) of `unit` (default: the home unit) and the
    units below it to the .xlsx file `out`; activities and visits limited to `year` when given.
    A generator: yields the rows written so far every 1,000 rows, returns the row count.
    Raises KeyError for an unknown unit or ledger, OSError. ID numbers and phones are masked
    unless `full_pii` (the caller records the audit entry first)."""
    if what not in LEDGER_TITLES:
        raise KeyError(what)
    today = today or clock.today()
    unit_name, scope = scope_of(db, unit)

    def pii(kind: str, value):
        if not value or full_pii:
            return value
        return mask_id_number(value) if kind == "id" else mask_phone(value)

    title = f"{unit_name}{LEDGER_TITLES[what]}" + (f"（{year}年度）" if year else "")
    note = f"导出自：{unit_name}（三乡科协桌面程序）　导出时间：{clock.format_local(clock.utc_now())}" + (
        "" if full_pii else "　身份证号、电话已部分隐藏")
    if what == "summary":
        cols, rows = _summary(db, unit or db.home_unit, year, today)
        return (yield from write_sheet_steps(out, title, note, cols, rows))
    with db.session() as s:
        cols, rows = QUERIES[what](s, scope, year, pii)
        return (yield from write_sheet_steps(out, title, note, cols, rows))
