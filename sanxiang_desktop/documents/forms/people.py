"""领导班子成员名单 and “三长”兼职副主席登记表 (FORMS.md)."""
from __future__ import annotations

from sqlalchemy import select

from ...core.catalogues import CATALOGUES
from ...store import models as m
from ...store.database import Database
from ..model import Column, Document, Field, KeyValueGrid, PageBreak, Paragraph, Table
from . import gather
from .common import BLANK_ROWS, FormOptions, FormError, association_name, label, load_unit, official, sign_off

SLOT_CATEGORY = {"hospital": "医院院长", "school": "中小学校长", "agri": "农技站站长"}


def _born(p: m.Person) -> str:
    return f"{p.birth_date:%Y.%m}" if p.birth_date else ""


def _job(p: m.Person) -> str:
    return "".join(x for x in (p.employer, p.job) if x)


def leadership(db: Database, opt: FormOptions) -> Document:
    """The roster of the association's current leadership (主席 … 委员) of `opt.unit`."""
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        assoc = s.scalar(select(m.Association).where(m.Association.unit_code == unit.code,
                                                     m.Association.deleted.is_(False)))
        holders = [] if opt.blank else gather.current_holders(s, unit.code, opt.today)
    columns = [Column("序号", 4, "center"), Column("姓名", 8), Column("性别", 4, "center"),
               Column("民族", 6, "center"), Column("出生年月", 8, "center"), Column("政治面貌", 8),
               Column("学历", 6), Column("职称", 10), Column("工作单位及职务", 22), Column("科协职务", 10),
               Column("任职方式", 8), Column("任职时间", 8, "center"), Column("是否“三长”", 6, "center")]
    rows = [[i + 1, h.person.name, label("gender", h.person.gender), label("ethnicity", h.person.ethnicity),
             _born(h.person), label("political_status", h.person.political_status),
             label("education", h.person.education), h.person.title, _job(h.person),
             label("role", h.post.role), label("post_method", h.post.method),
             f"{h.post.start_on:%Y.%m}" if h.post.start_on else "", "是" if h.slot else "否"]
            for i, h in enumerate(holders)]
    if opt.blank:
        rows = [[i + 1] for i in range(BLANK_ROWS)]
    term = ""
    if assoc and assoc.term_no and not opt.blank:
        term = f"第{assoc.term_no}届"
        if assoc.term_start:
            term += f"（{assoc.term_start:%Y年%m月}—{assoc.term_end:%Y年%m月}）" if assoc.term_end else \
                f"（{assoc.term_start:%Y年%m月}起）"
    doc = Document(title="领导班子成员名单",
                   subtitle=f"{association_name(unit)}　{term}".strip() if not opt.blank else None,
                   blocks=[Table(columns, rows),
                           sign_off("填表人：", "审核人：", date_label="日期：")])
    return official(doc, landscape=True)


def _person_sheet(p: m.Person | None, post: m.Post | None, slot: str | None, led: dict[str, int],
                  teams: list[str], opt: FormOptions) -> list:
    def v(x):
        return None if p is None else x
    domains = "；".join(f"{CATALOGUES['domain'].label(d)} {n} 场" for d, n in sorted(led.items()))
    total = sum(led.values())
    return [
        KeyValueGrid([
            ("姓名", v(p and p.name)), ("性别", v(p and label("gender", p.gender))),
            ("民族", v(p and label("ethnicity", p.ethnicity))), ("出生年月", v(p and _born(p))),
            ("政治面貌", v(p and label("political_status", p.political_status))),
            ("学历", v(p and label("education", p.education))),
            ("职称", v(p and p.title)), ("身份证号", opt.id_number(p.id_number) if p else None),
            ("手机", opt.phone(p.phone) if p else None),
            ("“三长”类别", v(p and (label("key_category", p.category) or SLOT_CATEGORY.get(slot or "", "")))),
            Field("工作单位及职务", v(p and _job(p)), span=2),
            ("科协职务", v(post and label("role", post.role))),
            ("任职方式及时间", v(post and "".join(x for x in (
                label("post_method", post.method), f"（{post.start_on:%Y.%m}）" if post.start_on else "") if x))),
            Field(f"{opt.the_year}年牵头活动", v(f"共 {total} 场" + (f"：{domains}" if domains else "")), span=2,
                  min_lines=2),
            Field("所带队伍", v("、".join(teams) or "无"), span=2, min_lines=2),
            Field("本人签字", None, span=2, min_lines=2),
            Field("所在单位意见\n（盖章）", None, span=2, min_lines=3),
            Field("乡镇科协意见（盖章）", None, span=2, min_lines=3),
        ], min_lines=2 if opt.blank else 1),
        sign_off(date_label="日期：", filled_on=None if p is None else opt.today),
    ]


def vice_chairs(db: Database, opt: FormOptions, person_id: str | None = None) -> Document:
    """One registration sheet per key-person vice-chair of `opt.unit` (or for `person_id`)."""
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        holders = [] if opt.blank else [
            h for h in gather.current_holders(s, unit.code, opt.today)
            if (h.person.id == person_id if person_id else h.slot and h.post.role in gather.VICE_CHAIR_ROLES)]
        if person_id and not holders:
            raise FormError("this person holds no post in the unit's association",
                            "此人在该单位科协中没有现任职务")
        start, end = opt.period()
        ids = [h.person.id for h in holders]
        led = gather.activities_led(s, ids, start, end)
        teams = gather.teams_led(s, ids)
    blocks: list = [Paragraph(f"单位：{'' if opt.blank else association_name(unit)}", style="note")]
    if not holders:
        if not opt.blank:
            blocks.append(Paragraph("本单位目前没有“三长”兼职副主席。", style="note"))
        blocks += _person_sheet(None, None, None, {}, [], opt)
    for i, h in enumerate(holders):
        if i:
            blocks += [PageBreak(), Paragraph(f"单位：{association_name(unit)}", style="note")]
        blocks += _person_sheet(h.person, h.post, h.slot, led.get(h.person.id, {}),
                                teams.get(h.person.id, []), opt)
    return official(Document(title="“三长”兼职副主席登记表", blocks=blocks))


def person_vice_chair_form(db: Database, person_id: str, opt: FormOptions) -> Document:
    """The vice-chair sheet of one person, for the unit where they hold a current post
    (`opt.unit` when they hold none). Raises FormError when they hold no post there."""
    with db.session() as s:
        unit = s.scalar(select(m.Post.unit_code).where(m.Post.person_id == person_id, m.Post.deleted.is_(False),
                                                       m.Post.end_on.is_(None)).order_by(m.Post.start_on.desc()).limit(1))
    from dataclasses import replace
    return vice_chairs(db, replace(opt, unit=unit or opt.unit), person_id=person_id)
