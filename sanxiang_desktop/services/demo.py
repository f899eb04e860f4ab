"""Realistic demo data: real unit names, Chinese names with a Hui share, valid ID
numbers, activities spread over the year, slots left empty here and there so
the indicators show a mix. The same seed and year give the same content, ids included."""
from __future__ import annotations

import datetime as dt
import itertools
import random
import uuid
from typing import Callable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import ric

from ..core import clock
from ..core.catalogues import CATALOGUES
from ..store import models as m
from ..store.database import Database
from . import records
from .demo_content import CountyDemo, TownshipDemo
from ..core.validation import ID_EXCEL_CONFIRM
from .hooks import CREATE_HOOKS
from .units import init_home, resolve_home_code
from .workspace import Workspace

SCALES = ("township", "county", "city")


class DemoError(ValueError):
    def __init__(self, message_en: str, message_zh: str):
        super().__init__(f"{message_en} / {message_zh}")
        self.message_en, self.message_zh = message_en, message_zh


class DemoWriter:
    """Adds records through the same validation as the services, with ids and
    clock stamps drawn from the seed, one transaction per unit."""

    def __init__(self, db: Database, rng: random.Random, year: int):
        self.db, self.rng, self.year = db, rng, year
        base = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc)
        ticks = itertools.count()
        self.now: Callable[[], dt.datetime] = lambda: base + dt.timedelta(milliseconds=next(ticks))
        self.workspaces: dict[str, Workspace] = {}
        self.session: Session | None = None
        self.counts: dict[str, int] = {}

    def workspace(self, unit: str) -> Workspace:
        if unit not in self.workspaces:
            ws = Workspace(db=self.db, home_unit=unit, actor="演示数据", now=self.now)
            if self.workspaces:
                ws.clock = next(iter(self.workspaces.values())).clock
            self.workspaces[unit] = ws
        return self.workspaces[unit]

    def new_id(self) -> str:
        ms = int((dt.datetime(self.year, 1, 1) - dt.datetime(1970, 1, 1)).total_seconds() * 1000)
        ms += self.rng.randrange(0, 300 * 86_400_000)
        value = (ms << 80) | (0x7 << 76) | (self.rng.getrandbits(12) << 64) | (0b10 << 62) | self.rng.getrandbits(62)
        return str(uuid.UUID(int=value))

    def add(self, owner: str, table: str, **values):
        ws = self.workspace(owner)
        spec = records.SPECS[table]
        # Demo IDs are generated valid; one ending in 000 is a real possibility, "confirmed" here.
        clean, problems = records.validate(self.session, ws, spec, values, confirm=frozenset({ID_EXCEL_CONFIRM}))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise AssertionError(f"demo data failed validation for {table}: {errors[0].message_en} {values}")
        for hook in CREATE_HOOKS.get(table, []):
            hook(self.session, ws, clean)
        self.counts[table] = self.counts.get(table, 0) + 1
        return records.insert(self.session, ws, spec, clean, record_id=self.new_id())

    def blob(self, data: bytes) -> tuple[str, int]:
        import hashlib
        sha = hashlib.sha256(data).hexdigest()
        if self.session.get(m.Blob, sha) is None:
            self.session.add(m.Blob(sha256=sha, size=len(data), data=data))
            self.session.flush()
        return sha, len(data)

    # -- people -------------------------------------------------------------------------------
    def id_number(self, region: str, birth: dt.date, gender: str) -> str:
        seq = self.rng.randrange(0, 100) * 10 + self.rng.randrange(0, 5) * 2 + (1 if gender == "male" else 0)
        body = f"{region}{birth:%Y%m%d}{seq:03d}"
        return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character

    def phone(self) -> str:
        prefix = self.rng.choice(("139", "138", "137", "135", "136", "150", "151", "158", "187", "181",
                                  "189", "133", "153", "177", "180", "191", "199", "152"))
        return prefix + f"{self.rng.randrange(0, 10**8):08d}"


def _pick_units(db: Database, home: str, scale: str) -> tuple[list[str], list[str], str | None]:
    """(townships, counties, city) to fill for a home unit and scale."""
    with db.session() as s:
        level = s.scalar(select(m.Unit.level).where(m.Unit.code == home))
        children = lambda code, lvl: list(s.scalars(select(m.Unit.code).where(  # noqa: E731
            m.Unit.parent_code == code, m.Unit.level == lvl).order_by(m.Unit.code)))
        order = {"township": 0, "county": 1, "city": 2}
        if order[scale] > order[level]:
            raise DemoError(f"scale '{scale}' is larger than the home unit ({level})",
                            f"演示规模“{scale}”大于本单位层级（{level}）")
        if level == "township":
            return [home], [], None
        if level == "county":
            towns = children(home, "township")
            return (towns if scale == "county" else towns[:1]), [home], None
        counties = children(home, "county")
        if scale == "city":
            return [t for c in counties for t in children(c, "township")], counties, home
        first = counties[0]
        return (children(first, "township") if scale == "county" else children(first, "township")[:1]), [first], home


def build_demo(db: Database, unit: str, *, scale: str | None = None, seed: int = 1, year: int | None = None,
               progress: Callable[[int, int, str], None] | None = None) -> dict:
    """Fill an empty database with demo data for `unit`. Returns counts per table.
    Raises DemoError for an unknown scale or a database that already holds people."""
    home = resolve_home_code(unit)
    with db.session() as s:
        if s.scalar(select(m.Person.id).limit(1)):
            raise DemoError("the database already holds people; demo data goes into a new file",
                            "该数据库已有数据，演示数据只能写入新的数据库文件")
    init_home(db, home, clerk="演示录入员")
    with db.session() as s:
        level = s.scalar(select(m.Unit.level).where(m.Unit.code == home))
    scale = scale or level
    if scale not in SCALES:
        raise DemoError(f"unknown scale '{scale}' (township, county or city)", f"未知的演示规模“{scale}”")
    year = year or clock.today().year
    rng = random.Random(f"sanxiang-demo:{seed}:{year}")
    writer = DemoWriter(db, rng, year)
    townships, counties, city = _pick_units(db, home, scale)
    steps = len(townships) + len(counties) + (1 if city else 0)
    done = 0
    for code in townships:
        with db.session() as s, s.begin():
            writer.session = s
            TownshipDemo(writer, s.scalar(select(m.Unit).where(m.Unit.code == code))).build()
        done += 1
        if progress:
            progress(done, steps, code)
    for code in counties + ([city] if city else []):
        with db.session() as s, s.begin():
            writer.session = s
            CountyDemo(writer, s.scalar(select(m.Unit).where(m.Unit.code == code))).build()
            db.set_meta("hlc_last", writer.workspace(code).clock.last, session=s)
        done += 1
        if progress:
            progress(done, steps, code)
    with db.session() as s, s.begin():
        db.set_meta("hlc_last", writer.workspace(home).clock.last, session=s)
        db.set_meta("demo", f"seed={seed} year={year} scale={scale}", session=s)
    writer.workspaces.clear()
    return {"home_unit": home, "scale": scale, "seed": seed, "year": year, "counts": dict(sorted(writer.counts.items()))}


def catalogue_codes(name: str, group: str | None = None) -> list[str]:
    """Returns the codes of catalogue `name` (only those of `group` when given), in catalogue order."""
    cat = CATALOGUES[name]
    return [e.code for e in (cat.in_group(group) if group else cat)]


def days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """Yields every date from `start` to `end`, both included."""
    for n in range((end - start).days + 1):
        yield start + dt.timedelta(days=n)
