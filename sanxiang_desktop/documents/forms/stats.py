"""“3+1”工作进展情况通报 and 统计汇总表: figures computed from the indicators
(services.indicators.unit_indicators), never typed in (FORMS.md)."""
from __future__ import annotations

from sqlalchemy import func, select

from ...core.indicators import (ACTIVITY_TARGET, DOMAINS, CountyIndicators, TownshipIndicators,
                                UnitIndicators)
from ...store import models as m
from ...store.database import Database
from ...services.indicators import unit_indicators
from ..model import Cell, Column, Document, Heading, Paragraph, Rule, Table
from .common import BLANK_ROWS, FormError, FormOptions, association_name, load_unit, official, sign_off

DOMAIN_ZH = {"health": "健康中国", "education": "创新驱动", "agriculture": "乡村振兴"}
SHORTAGE_ZH = {"staff_quota": "编制", "staff": "人员", "funding": "经费", "premises": "场地"}


def _indicators(db: Database, opt: FormOptions) -> tuple[m.Unit, UnitIndicators]:
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        s.expunge(unit)
    if unit.level not in ("county", "city"):
        raise FormError("bulletins and summaries are made for a county or the city",
                        "通报和统计汇总表只能按县（市）区或市生成")
    return unit, unit_indicators(db, unit.code, opt.the_year, opt.today)


def _participants(db: Database, codes: list[str], opt: FormOptions) -> dict[str, int]:
    """Participants per township (its villages' activities counted with it) in the period."""
    start, end = opt.period()
    with db.session() as s:
        owner = {c: c for c in codes} | dict(s.execute(select(m.Unit.code, m.Unit.parent_code).where(
            m.Unit.parent_code.in_(codes), m.Unit.level == "village")).all())
        out: dict[str, int] = {}
        for code, n in s.execute(select(m.Activity.unit_code, func.sum(m.Activity.participants)).where(
                m.Activity.unit_code.in_(list(owner)), m.Activity.deleted.is_(False),
                m.Activity.held_on.between(start, end)).group_by(m.Activity.unit_code)):
            out[owner[code]] = out.get(owner[code], 0) + int(n or 0)
    return out


def _tick(flag: bool) -> str:
    return "✓" if flag else "空缺"


def _summary_row(t: TownshipIndicators, people: int) -> list:
    acts = [t.activities[d] for d in DOMAINS]
    missing = "、".join(SHORTAGE_ZH[k] for k, lacking in t.shortages.items() if lacking)
    return [t.name, "是" if t.established else "否", *(_tick(t.slots[s]) for s in ("hospital", "school", "agri")),
            t.visits, "已届满" if t.term_overdue else "", *acts, t.activities_total, people,
            f"{t.villages_with_contact}/{t.villages}", missing or "无"]


def _total_row(name: str, rows: list[TownshipIndicators], people: int) -> list:
    n = len(rows)
    return [Cell(name), sum(t.established for t in rows),
            *(sum(t.slots[s] for t in rows) for s in ("hospital", "school", "agri")),
            sum(t.visits for t in rows), sum(t.term_overdue for t in rows),
            *(sum(t.activities[d] for t in rows) for d in DOMAINS), sum(t.activities_total for t in rows),
            people, f"{sum(t.villages_with_contact for t in rows)}/{sum(t.villages for t in rows)}",
            f"{sum(t.shortage_count > 0 for t in rows)}/{n}"]


SUMMARY_COLUMNS = [
    Column("乡镇（街道）", 14), Column("成立科协", 6, "center"),
    Column("医院", 5, "center", "“三长”到位"), Column("学校", 5, "center", "“三长”到位"),
    Column("农技站", 6, "center", "“三长”到位"), Column("上级走访次数", 6, "right"), Column("任期届满", 6, "center"),
    *(Column(DOMAIN_ZH[d], 6, "right", "活动数（场）") for d in DOMAINS), Column("合计", 5, "right", "活动数（场）"),
    Column("参与人次", 7, "right"), Column("村（社区）专人", 8, "center"), Column("四缺", 18)]


def summary(db: Database, opt: FormOptions) -> Document:
    """One row per township, a subtotal per county, the total (city: counties in code order)."""
    unit, ind = _indicators(db, opt)
    rows: list = []
    if opt.blank:
        rows = [[None] for _ in range(BLANK_ROWS)]
        totals = None
    else:
        by_code = {t.code: t for t in ind.townships}
        people = _participants(db, list(by_code), opt)
        with db.session() as s:
            parent = dict(s.execute(select(m.Unit.code, m.Unit.parent_code).where(m.Unit.code.in_(list(by_code)))).all())
        for county in ind.counties:
            mine = [t for t in ind.townships if parent.get(t.code) == county.code]
            rows += [_summary_row(t, people.get(t.code, 0)) for t in mine]
            if unit.level == "city":
                rows.append(_total_row(f"{county.name}小计", mine, sum(people.get(t.code, 0) for t in mine)))
        totals = _total_row("合计", ind.townships, sum(people.values()))
    doc = Document(title="统计汇总表", subtitle=f"填报单位：{'' if opt.blank else association_name(unit)}"
                                                f"　　统计时段：{opt.period_text()}",
                   blocks=[Table(SUMMARY_COLUMNS, rows, totals_row=totals, compact=not opt.blank),
                           Paragraph("注：“四缺”列出缺少的编制、人员、经费、场地（合计行为有短缺的乡镇数）；"
                                     "村（社区）专人为已指定数/村（社区）数。", style="note"),
                           sign_off("填表人：", "审核人：", "单位负责人：", date_label="日期：",
                                    filled_on=None if opt.blank else opt.today)])
    return official(doc, landscape=True)


def _county_table(county: CountyIndicators, townships: list[TownshipIndicators]) -> Table:
    cols = [Column("乡镇（街道）", 16), Column("“三长”到位", 8, "center"), Column("走访次数", 6, "right"),
            *(Column(DOMAIN_ZH[d], 7, "right", f"活动数（目标每项 {ACTIVITY_TARGET} 场）") for d in DOMAINS),
            Column("任期", 8, "center")]
    rows = [[t.name, f"{t.slots_filled}/3", t.visits, *(t.activities[d] for d in DOMAINS),
             "已届满" if t.term_overdue else "正常"] for t in townships]
    return Table(cols, rows, caption=f"{county.name}")


def _next_steps(db: Database, codes: list[str], opt: FormOptions) -> list[str]:
    with db.session() as s:
        rows = s.execute(select(m.Milestone.title, m.Milestone.due_on).where(
            m.Milestone.unit_code.in_(codes), m.Milestone.year == opt.the_year, m.Milestone.deleted.is_(False),
            m.Milestone.done_on.is_(None)).order_by(m.Milestone.due_on)).all()
    seen, out = set(), []
    for title, due in rows:
        if title not in seen:
            seen.add(title)
            out.append(f"{title}（{due.month}月{due.day}日前）")
    return out


def bulletin(db: Database, opt: FormOptions, issue_no: int | None = None) -> Document:
    """The progress bulletin of a county or the city over `opt`'s period."""
    unit, ind = _indicators(db, opt)
    r = ind.rollup
    n = r.townships
    with db.session() as s:
        last = s.scalar(select(func.max(m.Bulletin.issue_no)).where(m.Bulletin.unit_code == unit.code))
    issue = issue_no or (last or 0) + 1
    sender = association_name(unit)
    blocks: list = [Paragraph(f"第 {issue} 期", style="center"),
                    Paragraph(f"{sender}　　　　　　{opt.today.year}年{opt.today.month}月{opt.today.day}日", style="center"),
                    Rule(), Heading("一、总体进展")]
    if opt.blank:
        blocks += [Paragraph("　" * 20) for _ in range(3)]
    else:
        acts = "，".join(f"{DOMAIN_ZH[d]}{r.activities[d]}场" for d in DOMAINS)
        blocks.append(Paragraph(
            f"{opt.period_text()}，全{'县（区）' if unit.level == 'county' else '市'}共有乡镇（街道）{n}个，"
            f"已成立科协{r.established}/{n}个，“三长”全部到位{r.slots_full}/{n}个，"
            f"本年度已走访{r.visited}/{n}个；共开展活动{r.activities_total}场，其中{acts}。"))
    blocks.append(Heading("二、各县（市）区进展"))
    for county in ind.counties:
        mine = [t for t in ind.townships if t.code[:6] == county.code[:6]]
        if not opt.blank:
            blocks.append(_county_table(county, mine))
    blocks.append(Heading("三、存在问题"))
    if not opt.blank:
        t = ind.townships
        problems = [
            ("尚未成立科协", [x.name for x in t if not x.established]),
            ("“三长”未全部到位", [x.name for x in t if x.slots_filled < 3]),
            ("本年度尚未走访", [x.name for x in t if not x.visited]),
            ("任期已届满未换届", [x.name for x in t if x.term_overdue]),
            ("存在“四缺”问题", [x.name for x in t if x.shortage_count]),
        ]
        for i, (what, names) in enumerate((p for p in problems if p[1]), 1):
            blocks.append(Paragraph(f"（{'一二三四五'[i - 1]}）{what}的有{len(names)}个：{'、'.join(names)}。"))
        if not any(p[1] for p in problems):
            blocks.append(Paragraph("未发现突出问题。"))
    blocks.append(Heading("四、下步工作"))
    if not opt.blank:
        steps = _next_steps(db, [unit.code, *(c.code for c in ind.counties)], opt)
        for i, step in enumerate(steps or ["持续推进“3+1”工作，按期报送活动台账和工作进展。"], 1):
            blocks.append(Paragraph(f"{i}．{step}"))
    blocks += [Paragraph(""), Paragraph("报送：上级科协", style="note"), Paragraph("抄送：各乡镇（街道）科协", style="note"),
               Paragraph(sender, style="right"),
               Paragraph("" if opt.blank else f"{opt.today.year}年{opt.today.month}月{opt.today.day}日", style="right")]
    return official(Document(title="“3+1”工作进展情况通报", blocks=blocks))


__all__ = ["bulletin", "summary", "BLANK_ROWS"]
