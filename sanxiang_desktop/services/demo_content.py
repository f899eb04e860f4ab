"""What a demo township and a demo county (or city) hold."""
from __future__ import annotations

import datetime as dt
import struct
import zlib

from ..core.catalogues import CATALOGUES
from .demo_names import COMMUNITY_WORDS, DEPARTMENTS, VILLAGE_WORDS, person_name

TOPICS = {
    "health": ("高血压防治", "糖尿病科学管理", "合理膳食", "老年人防跌倒", "儿童近视防控", "传染病预防", "急救知识"),
    "education": ("人工智能启蒙", "航天科普", "趣味物理实验", "编程入门", "生态环境保护", "防灾减灾"),
    "agriculture": ("枸杞标准化种植", "设施温棚蔬菜管理", "滩羊科学养殖", "水稻病虫害绿色防控", "奶牛健康养殖",
                    "葡萄酒庄葡萄栽培", "农产品电商"),
    "other": ("反诈骗知识", "垃圾分类", "科学健身", "应急科普"),
}
QUALIFICATION = {"health": ("主任医师", "副主任医师", "主治医师"), "education": ("高级教师", "一级教师"),
                 "agriculture": ("推广研究员", "高级农艺师", "农艺师"), "other": ("", "助理工程师", "经济师")}


# Ordinary members by category: where such a person works and what their job is called, so a
# 医生 is never listed as 教师 and a 中小学教师 never as 户主 (an officer reading the roster notices).
def _pick(*options):
    return lambda rng: rng.choice(options)


MEMBERS = (
    ("teacher", "education", _pick("中心小学", "中学", "第二小学"), _pick("语文教师", "数学教师", "科学教师", "物理教师")),
    ("teacher", "education", _pick("中心小学", "中学"), _pick("科学教师", "信息技术教师", "生物教师")),
    ("doctor", "health", _pick("卫生院", "卫生院", "中心卫生院"), _pick("全科医生", "内科医生", "中医科医生")),
    ("doctor", "health", _pick("卫生院"), _pick("公共卫生医生", "儿科医生", "全科医生")),
    ("agri_extension_worker", "agriculture", _pick("农技站", "农业服务中心"), "农技推广员"),
    ("demo_household", "agriculture", _pick("枸杞种植示范户", "设施蔬菜示范户", "滩羊养殖示范户"), "户主"),
    ("large_grower", "agriculture", _pick("种植专业合作社", "养殖专业合作社", "家庭农场"), _pick("负责人", "场长")),
    ("local_expert", "agriculture", _pick("果蔬种植专业合作社", "农机服务队"), "技术员"),
    ("field_talent", "agriculture", _pick("家庭农场", "农民专业合作社"), _pick("技术骨干", "负责人")),
    ("science_volunteer", "other", _pick("新时代文明实践所", "团委", "妇联"), "科普志愿者"),
)


FOLLOW_UPS = (
    "督促落实，下季度回访。",
    "已与乡镇党委沟通，年内完成科协换届。",
    "协调县卫健局推荐卫生院院长进入科协班子。",
    "帮助对接县财政，争取科协工作经费列入预算。",
    "指导依托党群服务中心设立科普活动室，下月实地查看。",
    "要求10月底前报送工作总结和典型材料。",
    "推荐参加市科协基层科协业务培训。",
    "问题已整改到位，无需跟进。",
    "建议结合全国科普日开展一次联合活动，县科协派员指导。",
    "",
)


def tiny_png(seed: int) -> bytes:
    """Returns a small real PNG (a coloured 32×24 picture) to stand in for an activity photo."""
    w, h = 32, 24
    r, g, b = (seed * 53) % 256, (seed * 97) % 256, (seed * 29) % 256
    raw = b"".join(b"\x00" + bytes((r, g, (b + y * 8) % 256)) * w for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class _UnitDemo:
    def __init__(self, writer, unit):
        self.w, self.unit, self.rng, self.year = writer, unit, writer.rng, writer.year
        self.code, self.name = unit.code, unit.name
        self.cutoff = dt.date(self.year, 10, 31)

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange(0, max(1, (end - start).days + 1)))

    def person(self, category: str, employer: str, job: str, *, unit: str | None = None, domain: str = "other",
               senior: bool = False) -> str:
        rng = self.rng
        gender = "male" if rng.random() < (0.65 if senior else 0.5) else "female"
        hui = rng.random() < 0.34
        ethnicity = "03" if hui else ("01" if rng.random() < 0.97 else rng.choice(("02", "08", "21")))
        birth = dt.date(rng.randrange(1962 if senior else 1968, 1992 if senior else 2000), rng.randrange(1, 13),
                        rng.randrange(1, 29))
        region = rng.choice((self.code[:6], self.code[:6], "640100", "640200", "640300", "640400", "620102"))
        full_id = rng.random() < 0.9
        entry = CATALOGUES["key_category"].get(category)
        return self.w.add(
            self.code, "people", unit_code=unit or self.code, name=person_name(rng, gender, hui), gender=gender,
            ethnicity=ethnicity, birth_date=birth,
            id_number=self.w.id_number(region, birth, gender) if full_id else None,
            phone=self.w.phone() if rng.random() < 0.95 else None,
            political_status=rng.choice(("cpc_member",) * 3 + ("masses", "cyl_member", "non_party", "jiusan_member")),
            education=rng.choice(("bachelor", "bachelor", "master", "college", "secondary_vocational")),
            title=rng.choice(QUALIFICATION[domain]), title_level=rng.choice(("associate", "intermediate", "senior")),
            employer=employer, job=job, category=category,
            sector=entry.group if entry is not None and entry.group else "other").id

    def post(self, person: str, role: str, start: dt.date, method: str = "election", unit: str | None = None) -> None:
        self.w.add(self.code, "posts", person_id=person, unit_code=unit or self.code, role=role,
                   start_on=start, method=method)

    def association(self, established_p: float = 0.9, unit: str | None = None, **extra) -> tuple[bool, dt.date | None]:
        rng = self.rng
        established = rng.random() < established_p
        start = None
        values = dict(unit_code=unit or self.code, established=established)
        if established:
            start = dt.date(rng.choice((2020, 2021, 2022, 2022, 2023, 2023, 2024, 2025)), rng.randrange(3, 12), rng.randrange(1, 28))
            values.update(established_on=dt.date(min(start.year, 2019), start.month, 1) if rng.random() < 0.5 else start,
                          term_no=rng.choice((1, 1, 2, 3)), term_start=start,
                          term_end=start.replace(year=start.year + 5),
                          staff_quota=rng.choice((0, 0, 1, 1, 2)), staff_count=rng.choice((0, 1, 1, 2, 3)),
                          funding_yuan=rng.choice((0, 0, 5000, 10000, 20000, 30000)),
                          premises_m2=rng.choice((0, 0, 20, 30, 45, 60, 80)))
        values.update(extra)
        self.w.add(self.code, "associations", **values)
        if established:
            self.w.add(self.code, "association_meetings", unit_code=unit or self.code, kind="election", held_on=start,
                       term_no=values["term_no"])
            for _ in range(rng.randrange(0, 3)):
                self.w.add(self.code, "association_meetings", unit_code=unit or self.code, kind="plenary",
                           held_on=self.date_between(dt.date(self.year, 1, 10), self.cutoff), term_no=values["term_no"])
        return established, start


class TownshipDemo(_UnitDemo):
    def build(self) -> None:
        rng, name = self.rng, self.name
        street = name.endswith("街道")
        established, start = self.association()
        start = start or dt.date(self.year, 3, 1)
        heads = {
            "health": self.person("community_health_center_head" if street else "health_center_head",
                                  f"{name}{'社区卫生服务中心' if street else '卫生院'}", "院长" if not street else "主任",
                                  domain="health", senior=True),
            "education": self.person("school_principal", f"{name}{rng.choice(('中心小学', '中学', '第一小学'))}", "校长",
                                     domain="education", senior=True),
            "agriculture": self.person("agri_service_center_head" if street or rng.random() < 0.4 else "agri_station_head",
                                       f"{name}{'农业服务中心' if street else '农技站'}", "站长", domain="agriculture",
                                       senior=True),
        }
        chair = self.person("other", f"{name}党委", "党委副书记", senior=True)
        vice = self.person("other", f"{name}人民政府", "科协专职副主席")
        in_post = {}
        if established:
            self.post(chair, "chair", start)
            self.post(vice, "full_time_vice_chair", start)
            for domain, person in heads.items():
                in_post[domain] = rng.random() < 0.72
                if in_post[domain]:
                    way = rng.choice(("election", "by_election", "plenary_addition"))
                    self.post(person, rng.choice(("part_time_vice_chair",) * 3 + ("seconded_vice_chair",)),
                              start if way == "election" else self.date_between(start, self.cutoff), way)
        for category, domain, workplace, job in rng.sample(MEMBERS, rng.randrange(4, len(MEMBERS))):
            pid = self.person(category, f"{name}{workplace(rng)}", job(rng) if callable(job) else job, domain=domain)
            if established and rng.random() < 0.7:
                self.post(pid, rng.choice(("committee_member", "committee_member", "standing_member")), start)
        venues = self.venues()
        self.villages(street, venues)
        self.activities(heads, in_post)
        if in_post.get("health") and rng.random() < 0.75:
            team = self.w.add(self.code, "volunteer_teams", unit_code=self.code, name=f"{name}医疗科普志愿者队",
                              domain="health", leader_id=heads["health"], founded_on=self.date_between(start, self.cutoff))
            for _ in range(rng.randrange(3, 8)):
                self.w.add(self.code, "team_members", team_id=team.id, role="member",
                           person_id=self.person("doctor", f"{name}卫生院", "医生", domain="health"))

    def venues(self) -> list[str]:
        out = []
        for vtype in self.rng.sample(("activity_room", "science_club", "e_station", "community_academy",
                                      "rural_school_museum", "youth_studio", "science_university"), self.rng.randrange(2, 5)):
            label = CATALOGUES["venue_type"].label(vtype)
            out.append(self.w.add(self.code, "venues", unit_code=self.code, type=vtype, name=f"{self.name}{label}",
                                  address=f"{self.name}{self.rng.randrange(1, 200)}号",
                                  area_m2=float(self.rng.choice((40, 60, 80, 120, 200))),
                                  opened_on=dt.date(self.rng.randrange(2015, self.year), self.rng.randrange(1, 13), 1)).id)
        return out

    def villages(self, street: bool, venues: list[str]) -> None:
        rng = self.rng
        words = rng.sample(COMMUNITY_WORDS if street else VILLAGE_WORDS, rng.randrange(4, 10 if street else 14))
        for n, word in enumerate(words, start=1):
            code = f"{self.code}{(n if street else 199 + n):03d}"
            kind = "community" if street else "village"
            self.w.add(self.code, "units", code=code, name=f"{word}{'社区' if street else '村'}", level="village",
                       parent_code=self.code, kind=kind)
            if rng.random() < 0.75:
                place = f"{word}{'社区' if street else '村'}"
                category, employer, job = rng.choice((
                    ("community_worker", f"{place}{'居委会' if street else '村委会'}", "委员（科协联络员）"),
                    ("village_official_graduate", f"{place}村委会", "大学生村官（科协联络员）"),
                    ("retired_elder", f"{place}老年协会", "会长（科协联络员）"),
                    ("village_clinic_head", f"{place}卫生室", "主任（科协联络员）"),
                    ("coop_chair", f"{place}农民专业合作社", "理事长（科协联络员）")))
                if street and category in ("village_official_graduate", "coop_chair"):
                    category, employer, job = "community_worker", f"{place}居委会", "委员（科协联络员）"
                contact = self.person(category, employer, job, unit=code)
                venue = self.w.add(self.code, "venues", unit_code=code, type="party_service_center",
                                   name=f"{word}{'社区' if street else '村'}党群服务中心").id
                self.w.add(self.code, "associations", unit_code=code, established=False, contact_person_id=contact,
                           service_venue_id=venue)

    def activities(self, heads: dict, in_post: dict) -> None:
        rng = self.rng
        n = 0
        for domain, leader in heads.items():
            count = rng.choice((3, 4, 5, 6, 6, 7, 9)) if in_post.get(domain) else rng.choice((0, 1, 2, 3))
            types = [e.code for e in CATALOGUES["activity_type"].in_group(domain)]
            for _ in range(count):
                n += 1
                self.activity(domain, rng.choice(types), leader, n)
        for _ in range(rng.randrange(0, 3)):
            n += 1
            self.activity("other", "science_publicity", None, n)

    def activity(self, domain: str, atype: str, leader: str | None, n: int) -> None:
        rng = self.rng
        held = self.date_between(dt.date(self.year, 1, 8), self.cutoff)
        theme = None
        if dt.date(self.year, 9, 15) <= held <= dt.date(self.year, 9, 30) and rng.random() < 0.8:
            theme = "national_science_day"
        elif dt.date(self.year, 5, 18) <= held <= dt.date(self.year, 5, 31):
            theme = rng.choice(("sci_tech_week", "sci_tech_workers_day"))
        label = CATALOGUES["activity_type"].label(atype)
        act = self.w.add(self.code, "activities", unit_code=self.code,
                         title=f"{self.name}{label}：{rng.choice(TOPICS[domain])}", held_on=held,
                         place=rng.choice((f"{self.name}科普活动室", f"{self.name}文化广场", f"{self.name}党群服务中心")),
                         domain=domain, type=atype, theme_day=theme, leader_id=leader,
                         organisers=f"{self.name}科协", participants=rng.randrange(20, 320),
                         volunteers=rng.randrange(0, 25), description=f"围绕“{rng.choice(TOPICS[domain])}”开展{label}。")
        if rng.random() < 0.15:
            sha, size = self.w.blob(tiny_png(n + int(self.code[-3:])))
            self.w.add(self.code, "attachments", activity_id=act.id, kind="photo", file_name=f"photo-{n:03d}.png",
                       mime="image/png", sha256=sha, size=size, caption="活动现场")


class CountyDemo(_UnitDemo):
    """A county or district (or, with the same shape, the city)."""

    def build(self) -> None:
        rng, name, year = self.rng, self.name, self.year
        city = self.unit.level == "city"
        established, start = self.association(1.0)
        heads = [self.person("hospital_president", f"{name}人民医院", "院长", domain="health", senior=True),
                 self.person("school_principal", f"{name}第一中学", "校长", domain="education", senior=True),
                 self.person("agri_service_center_head", f"{name}农业技术推广服务中心", "主任", domain="agriculture",
                             senior=True),
                 self.person("discipline_leader", f"{name}{rng.choice(('医院', '职业技术学院', '农科所'))}", "学科带头人",
                             senior=True)]
        self.post(self.person("other", f"{name}科协", "主席", senior=True), "chair", start)
        for pid in heads:
            if rng.random() < 0.85:
                self.post(pid, rng.choice(("vice_chair", "standing_member")), start)
        if not city:
            self.leading_group()
            plan = self.w.add(self.code, "work_plans", unit_code=self.code, year=year,
                              title=f"{name}提升基层科协组织力“3+1”工作方案",
                              doc_no=f"{name[:2]}科协发〔{year}〕{rng.randrange(3, 30)}号",
                              filed_on=dt.date(year, 4, rng.randrange(1, 29)) if rng.random() < 0.85 else None)
            for title in ("召开推进会", "乡镇科协换届与增补", "“三长”进入科协领导班子", "建立医疗科普志愿者队伍",
                          "开展调研走访", "报送工作总结和典型材料"):
                due = self.date_between(dt.date(year, 5, 1), dt.date(year, 12, 15))
                done = due - dt.timedelta(days=rng.randrange(0, 20)) if due < self.cutoff and rng.random() < 0.8 else None
                self.w.add(self.code, "plan_tasks", plan_id=plan.id, title=title, responsible="县科协",
                           due_on=due, status="done" if done else rng.choice(("todo", "doing")), done_on=done)
        from .units import DEFAULT_MILESTONES
        for code, title, month, day in DEFAULT_MILESTONES:
            due = dt.date(year, month, day)
            done = None
            if due < self.cutoff and rng.random() < 0.85:
                done = due + dt.timedelta(days=rng.randrange(-20, 12))
            self.w.add(self.code, "milestones", unit_code=self.code, year=year, code=code, title=title,
                       due_on=due, done_on=done)
        self.visits(city)
        for issue in range(1, rng.randrange(2, 6)):
            self.w.add(self.code, "bulletins", unit_code=self.code, issue_no=issue,
                       issued_on=dt.date(year, min(12, 2 + issue * 2), 15),
                       title=f"{name}“3+1”工作进展情况通报（第{issue}期）",
                       body="各乡镇（街道）科协：现将近期“3+1”工作进展情况通报如下……",
                       recipients="市科协" if not city else "各县（市）区科协")

    def leading_group(self) -> None:
        rng = self.rng
        if rng.random() > 0.9:
            return
        group = self.w.add(self.code, "leading_groups", unit_code=self.code,
                           set_up_on=dt.date(self.year, 4, rng.randrange(1, 28)),
                           doc_no=f"{self.name[:2]}党办发〔{self.year}〕{rng.randrange(10, 60)}号", office=f"{self.name}科协")
        level = self.name[-1] if self.name[-1] in "区县市" else "区"      # 副区长 / 副县长 / 副市长
        roles = [("leader", f"{self.name}人民政府", f"副{level}长"), ("deputy", f"{self.name[-1]}委组织部", "副部长"),
                 ("deputy", f"{self.name}科协", "主席")]
        roles += [("member", level + d[1:], "副部长" if d.endswith("部") else "副局长") for d in rng.sample(DEPARTMENTS[1:], 4)]
        roles.append(("office_director", f"{self.name}科协", "秘书长"))
        for role, dept, job in roles:
            pid = self.person("other", dept, job, senior=True)
            self.w.add(self.code, "group_members", group_id=group.id, person_id=pid, role=role, department=dept)

    def visits(self, city: bool) -> None:
        from sqlalchemy import select
        from ..store import models as m
        s = self.w.session
        if city:
            counties = s.scalars(select(m.Unit.code).where(m.Unit.parent_code == self.code)).all()
            targets = s.scalars(select(m.Unit.code).where(m.Unit.parent_code.in_(counties),
                                                          m.Unit.level == "township")).all()
            targets = self.rng.sample(targets, max(1, len(targets) // 5))
        else:
            targets = s.scalars(select(m.Unit.code).where(m.Unit.parent_code == self.code,
                                                          m.Unit.level == "township")).all()
        for code in targets:
            if not city and self.rng.random() > 0.75:
                continue
            for _ in range(self.rng.choice((1, 1, 2))):
                self.w.add(self.code, "visits", unit_code=self.code, visited_unit_code=code,
                           visited_on=self.date_between(dt.date(self.year, 3, 1), self.cutoff),
                           visitors=f"{self.name}科协主席、组宣部部长",
                           association_status=self.rng.choice(("科协组织健全，班子成员到位。", "尚未完成换届，“三长”未全部进入班子。",
                                                               "组织已建立，缺少固定办公场地。")),
                           workers_status=f"辖区内医务、教育、农技科技工作者约{self.rng.randrange(40, 300)}人。",
                           party_suggestions=self.rng.choice(("建议增加科协工作经费。", "建议结合换届吸纳“三长”。",
                                                               "建议依托党群服务中心建设科普阵地。")),
                           follow_ups=self.rng.choice(FOLLOW_UPS))
