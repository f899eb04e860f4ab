"""Bulk data for benchmarks, from one township to all of China.

    generate(db, scale, seed=1) -> counts per table

Scales: ``township`` (兴庆区's first township), ``county`` (兴庆区 640104), ``city`` (银川 640100, 62
townships), ``province`` (宁夏 640000, 259 townships), ``national`` (every township of the built-in 2023
division list, 41,352; the same list as ``../shared/reference/divisions/streets.csv``).

Per township, as DOMAIN.md describes a working one: its association (and an election meeting), about
50 people (the three key persons, a chair, a full-time vice-chair, members, village contacts), about
20 posts, 30 activities in the year, 3 venues, 5–12 villages or communities (most with a contact and a
service venue) and a visit or two from its county. Per county: leading group with members, work plan
with tasks, milestones.

Rows go in bulk through the bare driver (tests/bench/bulk.py: executemany of tuples on SQLite, COPY on
PostgreSQL, per table per batch of townships; indexes and change-log triggers set aside during the load
and restored in one pass), so the same code fills both backends in minutes at national scale. Content is drawn from a
random generator seeded by (seed, township code): the same seed gives the same rows, ids included,
whatever the scale. Search keys are computed by the program's own functions, cached by text (names
and titles repeat), so the generated database is what the program would have written.
"""
from __future__ import annotations

import datetime as dt
import functools
import random
import time
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from sanxiang_desktop.core.catalogues import CATALOGUES
from sanxiang_desktop.core.divisions import DivisionTree
from sanxiang_desktop.core.hlc import format_stamp
from sanxiang_desktop.core.ids import stable_id
from sanxiang_desktop.core.names import person_keys
from sanxiang_desktop.core.phones import phone_search_key
from sanxiang_desktop.core.pinyin import person_search_key, search_key
from sanxiang_desktop.services.demo_content import TOPICS
from sanxiang_desktop.services.demo_names import COMMUNITY_WORDS, VILLAGE_WORDS, person_name
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import Database, open_database

from .bulk import Loader

SCALES = ("township", "county", "city", "province", "national")
# scale -> (root of the generated subtree, home unit of the installation)
ROOTS = {"township": ("640104100", "640104100"), "county": ("640104", "640104"), "city": ("640100", "640100"),
         "province": ("640000", "640100"), "national": (None, "640100")}
STAMP = "2023-12-31T00:00:00.000000Z"
BATCH_TOWNSHIPS = 200
_EPOCH = dt.datetime(1970, 1, 1)

MEMBER_CATEGORIES = ("teacher", "doctor", "agri_extension_worker", "demo_household", "large_grower", "local_expert",
                     "field_talent", "science_volunteer", "retired_elder", "enterprise_head", "community_worker")
CONTACT_CATEGORIES = ("community_worker", "village_official_graduate", "retired_elder", "village_clinic_head",
                      "coop_chair")
VENUE_TYPES = ("activity_room", "science_club", "e_station", "community_academy", "rural_school_museum",
               "youth_studio", "science_university")


@functools.lru_cache(maxsize=None)
def _person_key(name: str) -> str:
    return person_search_key(name)


@functools.lru_cache(maxsize=None)
def _person_keys(name: str) -> tuple[str, str]:
    """(search_key, name_key) as the program stores them (core.names.person_keys), cached by name."""
    keys = person_keys(name, None)
    return keys["search_key"], keys["name_key"]


@functools.lru_cache(maxsize=None)
def _text_key(text: str) -> str:
    return search_key(text)


class _Rows:
    """Rows per table for one batch, with the Record columns filled in."""

    def __init__(self, year: int):
        self.tables: dict[str, list[dict]] = {}
        self.base_ms = int(dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)
        self.max_ms = self.base_ms

    def add(self, rng: random.Random, table: str, owner: str, **values) -> str:
        ms = self.base_ms + rng.randrange(0, 300 * 86_400_000)
        self.max_ms = max(self.max_ms, ms)
        rid = values.pop("id", None)
        if not rid:     # str(uuid.UUID(int=…)) spelt out: the same text, a third of the time
            h = f"{(ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62):032x}"
            rid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        # the "%Y-%m-%dT%H:%M:%S.%fZ" text of the UTC moment, without strftime's cost
        at = (_EPOCH + dt.timedelta(milliseconds=ms)).isoformat(timespec="microseconds") + "Z"
        row = {"id": rid, "owner": owner, "rev": 1, "hlc": format_stamp(ms, 0), "created_at": at,
               "created_by": "", "updated_at": at, "updated_by": "", "deleted": False, "extra": None}
        row.update(values)
        self.tables.setdefault(table, []).append(row)
        return rid

    def flush(self, loader: "_Loader") -> dict[str, int]:
        counts = {}
        for model in m.RECORD_MODELS:
            rows = self.tables.get(model.__tablename__)
            if rows:
                loader.load(model.__table__, rows)
                counts[model.__tablename__] = len(rows)
        self.tables.clear()
        return counts


def _person(rows: _Rows, rng: random.Random, owner: str, unit: str, category: str, employer: str, job: str,
            sector: str = "other") -> str:
    gender = "male" if rng.random() < 0.55 else "female"
    hui = rng.random() < 0.34
    name = person_name(rng, gender, hui)
    birth = dt.date(rng.randrange(1960, 2000), rng.randrange(1, 13), rng.randrange(1, 29))
    body = f"{unit[:6]}{birth:%Y%m%d}{rng.randrange(0, 500) * 2 + (gender == 'male'):03d}"
    search, canonical = _person_keys(name)
    id_number = body + _check_digit(body) if rng.random() < 0.9 else None
    phone = f"1{rng.choice('3589')}{rng.randrange(0, 10**9):09d}" if rng.random() < 0.95 else None
    return rows.add(
        rng, "people", owner, unit_code=unit, name=name, search_key=search, name_key=canonical,
        phone_key=phone_search_key(phone), gender=gender, ethnicity="03" if hui else "01", birth_date=birth,
        id_number=id_number, phone=phone,
        political_status=rng.choice(("cpc_member", "cpc_member", "masses", "non_party")),
        education=rng.choice(("bachelor", "master", "college")), title="", employer=employer, job=job,
        sector=sector, category=category, notes="")


def _check_digit(body: str) -> str:
    """GB 11643 check character (ISO 7064 MOD 11-2), as python-stdnum computes it."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    return "10X98765432"[total % 11]


def _township(rows: _Rows, seed: int, year: int, code: str, name: str, county: str, activities: int = 30) -> None:
    rng = random.Random(f"bench:{seed}:{code}")
    start = dt.date(year - rng.randrange(0, 4), rng.randrange(1, 13), rng.randrange(1, 28))
    established = rng.random() < 0.9
    rows.add(rng, "associations", code, unit_code=code, established=established,
             established_on=start if established else None, term_no=rng.choice((1, 2)) if established else None,
             term_start=start if established else None,
             term_end=start.replace(year=start.year + 5) if established else None,
             staff_quota=rng.choice((0, 1, 2)), staff_count=rng.choice((0, 1, 2, 3)),
             funding_yuan=rng.choice((0, 5000, 10000, 30000)), premises_m2=float(rng.choice((0, 30, 60))), notes="")
    if established:
        rows.add(rng, "association_meetings", code, unit_code=code, kind="election", held_on=start, term_no=1,
                 notes="")
    heads = {"health": _person(rows, rng, code, code, "health_center_head", f"{name}卫生院", "院长", "health"),
             "education": _person(rows, rng, code, code, "school_principal", f"{name}中心小学", "校长", "education"),
             "agriculture": _person(rows, rng, code, code, "agri_station_head", f"{name}农技站", "站长",
                                    "agriculture")}
    posts = [(_person(rows, rng, code, code, "other", f"{name}党委", "党委副书记"), "chair"),
             (_person(rows, rng, code, code, "other", f"{name}人民政府", "专职副主席"), "full_time_vice_chair")]
    posts += [(pid, "part_time_vice_chair") for pid in heads.values() if rng.random() < 0.75]
    members = [_person(rows, rng, code, code, rng.choice(MEMBER_CATEGORIES), f"{name}{rng.choice('一二三')}号单位",
                       "成员") for _ in range(rng.randrange(30, 40))]
    posts += [(pid, rng.choice(("committee_member", "standing_member"))) for pid in members[:20 - len(posts)]]
    if established:
        for pid, role in posts:
            rows.add(rng, "posts", code, person_id=pid, unit_code=code, role=role, start_on=start,
                     method="election", notes="")
    for vtype in rng.sample(VENUE_TYPES, 3):
        rows.add(rng, "venues", code, unit_code=code, type=vtype, name=f"{name}{CATALOGUES['venue_type'].label(vtype)}",
                 address=f"{name}{rng.randrange(1, 200)}号", area_m2=float(rng.choice((40, 80, 120))),
                 opened_on=dt.date(rng.randrange(2015, year), rng.randrange(1, 13), 1), notes="")
    street = name.endswith("街道")
    for n, word in enumerate(rng.sample(COMMUNITY_WORDS if street else VILLAGE_WORDS, rng.randrange(5, 12)), 1):
        village = f"{code}{(n if street else 199 + n):03d}"
        vname = f"{word}{'社区' if street else '村'}"
        rows.add(rng, "units", code, code=village, name=vname, level="village", parent_code=code,
                 kind="community" if street else "village", builtin=False,
                 search_key=f"{_text_key(vname)} {village}".lower())
        if rng.random() < 0.7:
            contact = _person(rows, rng, code, village, rng.choice(CONTACT_CATEGORIES), f"{vname}委员会", "联络员")
            venue = rows.add(rng, "venues", code, unit_code=village, type="party_service_center",
                             name=f"{vname}党群服务中心", address="", notes="")
            rows.add(rng, "associations", code, unit_code=village, established=False, contact_person_id=contact,
                     service_venue_id=venue, notes="")
    for _ in range(activities):
        domain = rng.choice(("health", "education", "agriculture", "health", "education", "agriculture", "other"))
        types = CATALOGUES["activity_type"].in_group(domain) or CATALOGUES["activity_type"].in_group("other")
        atype = rng.choice(types)
        title = f"{atype.zh}：{rng.choice(TOPICS[domain])}"
        rows.add(rng, "activities", code, unit_code=code, title=title, search_key=_text_key(title),
                 held_on=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330)),
                 place=f"{name}{rng.choice(('科普活动室', '文化广场', '党群服务中心'))}", domain=domain, type=atype.code,
                 theme_day=None, leader_id=heads.get(domain), organisers=f"{name}科协",
                 participants=rng.randrange(20, 320), volunteers=rng.randrange(0, 25),
                 description=f"围绕“{rng.choice(TOPICS[domain])}”开展{atype.zh}，群众反响良好。")
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        rows.add(rng, "visits", county, unit_code=county, visited_unit_code=code,
                 visited_on=dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(0, 240)),
                 visitors="县科协主席", association_status="科协组织健全。", workers_status="科技工作者约百人。",
                 party_suggestions="建议增加科协工作经费。", follow_ups="下季度回访。")


def _county(rows: _Rows, seed: int, year: int, code: str, name: str) -> None:
    rng = random.Random(f"bench:{seed}:{code}")
    group = rows.add(rng, "leading_groups", code, unit_code=code, set_up_on=dt.date(year, 4, 1),
                     doc_no=f"{name[:2]}党办发〔{year}〕1号", office=f"{name}科协", notes="")
    for role in ("leader", "deputy", "deputy", "member", "member", "office_director"):
        pid = _person(rows, rng, code, code, "other", f"{name}人民政府", "成员")
        rows.add(rng, "group_members", code, group_id=group, person_id=pid, role=role, department=f"{name}人民政府")
    plan = rows.add(rng, "work_plans", code, unit_code=code, year=year, title=f"{name}“3+1”工作方案",
                    doc_no=f"{name[:2]}科协发〔{year}〕3号", filed_on=dt.date(year, 4, 10), summary="")
    for title in ("召开推进会", "“三长”进入科协领导班子", "开展调研走访"):
        rows.add(rng, "plan_tasks", code, plan_id=plan, title=title, responsible="县科协",
                 due_on=dt.date(year, 6, 30), status="todo", notes="")
    for mcode, title, month, day in (("kickoff", "召开“3+1”工作推进会", 5, 10),
                                     ("organisation", "按程序完成组织建设", 7, 15),
                                     ("summary", "完成工作总结，形成典型材料", 10, 31)):
        rows.add(rng, "milestones", code, unit_code=code, year=year, code=mcode, title=title,
                 due_on=dt.date(year, month, day), notes="")


def _builtin_row(d) -> dict:
    return {"id": stable_id("unit", d.code), "code": d.code, "name": d.name, "level": d.level,
            "parent_code": d.parent_code, "kind": None, "builtin": True, "owner": "", "rev": 1,
            "hlc": "0000000000000.00000", "created_at": STAMP, "updated_at": STAMP, "created_by": "",
            "updated_by": "", "deleted": False, "extra": None,
            "search_key": f"{d.initials} {d.pinyin} {d.name}".lower()}


def generate(target: Database | str | Path, scale: str, seed: int = 1, year: int = 2026, *, root: str | None = None,
             progress: Callable[[int, int], None] | None = None, activities: int = 30) -> dict:
    """Fill a new database (a ``Database``, a file path, or whatever ``open_database`` accepts) at a scale.

    ``root`` picks another unit of the scale's level (e.g. county "640105"); it is then the home unit.
    ``activities`` per township and year (30; 150 for issue 12's "five times" case).

    Returns ``{"scale", "seed", "home_unit", "townships", "seconds", "cpu_seconds" (this process's; a
    server's own work is not in it), "counts": {table: rows}}``.
    Raises ValueError for an unknown scale or a database that already holds people.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; one of {', '.join(SCALES)}")
    from sanxiang_desktop.services.units import init_home
    started, cpu = time.perf_counter(), time.process_time()
    db = target if isinstance(target, Database) else open_database(target, create=True)
    root, home = (root, root) if root else ROOTS[scale]
    tree = DivisionTree.builtin()
    with db.engine.connect() as conn:
        if conn.execute(select(m.Person.id).limit(1)).first():
            raise ValueError("the database already holds people; generate into a new one")
    init_home(db, home, clerk="基准数据")
    divisions = list(tree) if root is None else [*tree.ancestors(root), tree.get(root), *tree.descendants(root)]
    townships = [d for d in divisions if d.level == "township"]
    counties = [d for d in divisions if d.level == "county"]
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        have = set(conn.execute(select(m.Unit.code)).scalars())
    loader = Loader(db, [model.__table__ for model in m.RECORD_MODELS])
    loader.load(m.Unit.__table__, [_builtin_row(d) for d in divisions if d.code not in have])
    rows = _Rows(year)
    for d in counties if scale != "township" else []:
        _county(rows, seed, year, d.code, d.name)
    for n, d in enumerate(townships, 1):
        _township(rows, seed, year, d.code, d.name, d.parent_code, activities)
        if n % BATCH_TOWNSHIPS == 0 or n == len(townships):
            for table, k in rows.flush(loader).items():
                counts[table] = counts.get(table, 0) + k
            loader.commit()
            if progress:
                progress(n, len(townships))
    loader.finish()     # change log, indexes, triggers; ANALYZE (VACUUM ANALYZE on a server)
    with db.session() as s, s.begin():
        db.set_meta("hlc_last", format_stamp(rows.max_ms, 1), session=s)
        db.set_meta("bench", f"scale={scale} seed={seed} year={year}", session=s)
    if not isinstance(target, Database):
        db.close()
    return {"scale": scale, "seed": seed, "home_unit": home, "townships": len(townships),
            "seconds": round(time.perf_counter() - started, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
            "counts": dict(sorted(counts.items()))}


if __name__ == "__main__":
    import argparse
    import json
    parser = argparse.ArgumentParser(description="Generate a benchmark database")
    parser.add_argument("db")
    parser.add_argument("--scale", choices=SCALES, default="city")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--activities", type=int, default=30, help="activities per township and year")
    args = parser.parse_args()
    print(json.dumps(generate(args.db, args.scale, args.seed, activities=args.activities,
                              progress=lambda n, t: print(f"{n}/{t} townships", flush=True)), ensure_ascii=False))
