"""活动台账 and 调研走访记录表 (FORMS.md)."""
from __future__ import annotations

from sqlalchemy import func, select

from ...core.catalogues import CATALOGUES
from ...services.tree import below_select
from ...store import models as m
from ...store.database import Database
from ..model import Cell, Column, Document, Field, KeyValueGrid, PageBreak, Paragraph, SignatureLine, Table
from .common import BLANK_ROWS, FormOptions, association_name, label, load_unit, official, sign_off, unit_names

LEDGER_COLUMNS = [
    Column("序号", 4, "center"), Column("日期", 14, "center"), Column("活动名称", 24), Column("地点", 14),
    Column("服务领域", 10, "center"), Column("活动类型", 16), Column("主题日", 8), Column("牵头人", 8),
    Column("组织单位", 14), Column("参与人数", 6, "right"), Column("志愿者人数", 6, "right"),
    Column("附件", 4, "right")]


def activity_rows(db: Database, opt: FormOptions):
    """(unit, activities of the unit and every unit below it in the period with leader names and
    attachment counts, ordered by date)."""
    start, end = opt.period()
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        acts = list(s.scalars(select(m.Activity).where(
            m.Activity.unit_code.in_(below_select(unit.code)), m.Activity.deleted.is_(False),
            m.Activity.held_on.between(start, end)).order_by(m.Activity.held_on, m.Activity.title)))
        leaders = dict(s.execute(select(m.Person.id, m.Person.name).where(
            m.Person.id.in_({a.leader_id for a in acts if a.leader_id}))).all()) if acts else {}
        files = dict(s.execute(select(m.Attachment.activity_id, func.count()).where(
            m.Attachment.deleted.is_(False), m.Attachment.activity_id.in_([a.id for a in acts]))
            .group_by(m.Attachment.activity_id)).all()) if acts else {}
        s.expunge_all()
    return unit, acts, leaders, files


def activity_ledger(db: Database, opt: FormOptions) -> Document:
    unit, acts, leaders, files = activity_rows(db, opt)
    rows = [[i + 1, a.held_on, a.title, a.place, label("domain", a.domain), label("activity_type", a.type),
             label("theme_day", a.theme_day), leaders.get(a.leader_id, ""), a.organisers, a.participants,
             a.volunteers, files.get(a.id, 0)] for i, a in enumerate(acts)]
    blocks: list = []
    if opt.blank:
        rows = [[i + 1] for i in range(BLANK_ROWS)]
        totals = None
    else:
        totals = [Cell(f"合计 {len(acts)} 场", colspan=9), sum(a.participants or 0 for a in acts),
                  sum(a.volunteers or 0 for a in acts), sum(files.values())]
    blocks.append(Table(LEDGER_COLUMNS, rows, totals_row=totals, compact=not opt.blank))   # blank: room to write
    if not opt.blank:
        per = {}
        for a in acts:
            per[a.domain] = per.get(a.domain, 0) + 1
        text = "；".join(f"{CATALOGUES['domain'].label(d)} {per[d]} 场" for d in CATALOGUES["domain"].codes()
                        if d in per)
        blocks.append(Paragraph(f"按服务领域：{text or '无'}。", style="note"))
    blocks.append(sign_off("填表人：", "审核人：", date_label="日期："))
    doc = Document(title="活动台账",
                   subtitle=f"{'' if opt.blank else association_name(unit)}　{opt.period_text()}".strip(),
                   blocks=blocks)
    return official(doc, landscape=True)


def _visit_sheet(v: m.Visit | None, visited: str, opt: FormOptions) -> list:
    def val(x):
        return None if v is None else x
    big = 6 if opt.blank else 4          # a blank sheet is filled in by hand during the visit
    return [
        KeyValueGrid([
            ("走访单位", val(visited)), ("走访时间", val(v and v.visited_on)),
            Field("走访人员", val(v and v.visitors), span=2),
            Field("科协组织情况", val(v and v.association_status), span=2, min_lines=big),
            Field("科技工作者情况", val(v and v.workers_status), span=2, min_lines=big),
            Field("乡镇（街道）党委意见建议", val(v and v.party_suggestions), span=2, min_lines=big),
            Field("发现的问题", None, span=2, min_lines=big - 1),
            Field("跟进事项（责任人、时限）", val(v and v.follow_ups), span=2, min_lines=big),
        ], min_lines=2 if opt.blank else 1),
        SignatureLine(["记录人：", "日期："]),
        SignatureLine(["被走访单位负责人（签字）："]),
    ]


def visit_record(db: Database, opt: FormOptions) -> Document:
    """One record sheet per visit made by `opt.unit` (or to it) in the period."""
    start, end = opt.period()
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        visits = [] if opt.blank else list(s.scalars(select(m.Visit).where(
            (m.Visit.unit_code == unit.code) | (m.Visit.visited_unit_code == unit.code),
            m.Visit.deleted.is_(False), m.Visit.visited_on.between(start, end)).order_by(m.Visit.visited_on)))
        names = unit_names(s, [v.visited_unit_code for v in visits])
        s.expunge_all()
    blocks: list = []
    if not visits:
        if not opt.blank:
            blocks.append(Paragraph(f"{opt.period_text()}没有调研走访记录。", style="note"))
        blocks += _visit_sheet(None, "", opt)
    for i, v in enumerate(visits):
        if i:
            blocks.append(PageBreak())
        blocks += _visit_sheet(v, names.get(v.visited_unit_code, v.visited_unit_code), opt)
    return official(Document(title="调研走访记录表", blocks=blocks))
