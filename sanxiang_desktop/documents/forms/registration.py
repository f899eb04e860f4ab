"""科协组织建设情况登记表: a two-column record sheet of one unit's association (FORMS.md)."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from ...core.catalogues import CATALOGUES
from ...store import models as m
from ...store.database import Database
from ..model import Document, Field, KeyValueGrid, Paragraph, SignatureLine
from . import gather
from .common import FormOptions, association_name, label, load_unit, official, yes_no

FORM_MARGINS_MM = (25.0, 22.0, 25.0, 24.0)
SLOT_TITLES = {"hospital": "医院（卫生院）", "school": "中小学校", "agri": "农技站（农业服务中心）"}


def _names(holders) -> str:
    return "、".join(f"{h.person.name}（{h.person.job or label('role', h.post.role)}）" for h in holders)


def registration(db: Database, opt: FormOptions) -> Document:
    """The registration form of `opt.unit` (a township, county or city association)."""
    with db.session() as s:
        unit = load_unit(s, opt.unit)
        assoc = s.scalar(select(m.Association).where(m.Association.unit_code == unit.code,
                                                     m.Association.deleted.is_(False)))
        holders = [] if opt.blank else gather.current_holders(s, unit.code, opt.today)
        plenary = gather.latest_meeting(s, unit.code, "plenary")
        by_election = gather.latest_meeting(s, unit.code, "by_election")
        villages, with_contact = gather.village_counts(s, unit.code)
        venues = gather.venue_counts(s, gather.unit_and_villages(s, unit.code))
    blank = opt.blank
    a = None if blank else assoc
    by_role = lambda *roles: [h for h in holders if h.post.role in roles]  # noqa: E731
    slots = {}
    for slot in SLOT_TITLES:
        found = [h for h in holders if h.slot == slot]
        slots[slot] = None if blank else (
            "、".join(f"{h.person.name}，{label('role', h.post.role)}" for h in found) or "空缺")
    secretary = by_role("secretary_general")
    contact = secretary[0].person if secretary else None
    term = None
    if a and a.term_start:
        term = f"{a.term_start:%Y.%m}—{a.term_end:%Y.%m}" if a.term_end else f"{a.term_start:%Y.%m}起"
    venue_text = "；".join(f"{CATALOGUES['venue_type'].label(t)} {n} 个" for t, n in sorted(
        venues.items(), key=lambda kv: -kv[1])) if venues and not blank else None
    counts = Counter(h.post.role for h in holders)
    value = (lambda v: None) if blank else (lambda v: v)  # noqa: E731
    grid = KeyValueGrid([
        ("单位名称", association_name(unit)), ("行政区划代码", unit.code),
        ("是否成立科协", yes_no(a.established) if a else None),
        ("成立时间", a.established_on if a else None),
        ("届次", f"第{a.term_no}届" if a and a.term_no else None), ("本届起止", term),
        ("换届/届中补选", value(f"{by_election.held_on:%Y年%m月}届中补选" if by_election else "无")),
        ("最近全委会", plenary.held_on if plenary and not blank else None),
        Field("主席", value(_names(by_role("chair"))), span=2),
        Field("专职副主席", value(_names(by_role("full_time_vice_chair"))), span=2),
        Field("兼职副主席", value(_names(by_role("part_time_vice_chair", "vice_chair"))), span=2),
        Field("挂职副主席", value(_names(by_role("seconded_vice_chair"))), span=2),
        Field("秘书长", value(_names(secretary)), span=2),
        ("常委人数", value(counts["standing_member"])), ("委员人数", value(counts["committee_member"])),
        *[Field(f"“三长”·{title}", slots[slot], span=2) for slot, title in SLOT_TITLES.items()],
        ("编制（名）", a.staff_quota if a else None), ("专职人员（名）", a.staff_count if a else None),
        ("年度经费（元）", a.funding_yuan if a else None), ("场地（平方米）", a.premises_m2 if a else None),
        ("村（社区）数", value(villages)), ("已指定专人数", value(with_contact)),
        Field("科普阵地", venue_text, span=2, min_lines=2),
        ("联系人", contact.name if contact and not blank else None),
        ("联系电话", opt.phone(contact.phone) if contact else None),
    ])
    doc = Document(title="科协组织建设情况登记表", blocks=[
        Paragraph(f"填报单位（盖章）：{'' if blank else association_name(unit)}"
                  f"　　　　填报日期：{'　' * 4}年{'　' * 2}月{'　' * 2}日", style="note"),
        grid,
        Paragraph("填表说明：“三长”指医院（卫生院）院长、中小学校长、农技站站长，未到位的填“空缺”；"
                  "“四缺”按实际填写编制、专职人员、年度经费和场地面积。", style="note"),
        SignatureLine(["填表人：", "审核人：", "单位负责人（签字）："]),
        SignatureLine(["单位盖章：", "日期："]),
    ])
    doc = official(doc)
    doc.margins_mm = FORM_MARGINS_MM   # a record sheet (not prose) must fit one page with its sign-off
    return doc
