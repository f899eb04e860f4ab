"""The unit tree of an installation: set up from the built-in divisions at init;
villages and communities added by their township."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import __version__
from ..core import clock
from ..core.divisions import DivisionTree, normalize_code
from ..core.ids import new_id, stable_id
from ..core.validation import Problem
from ..store import models as m
from ..store.database import Database
from . import records
from .hooks import rule
from .result import Result

HOME_LEVELS = ("city", "county", "township")

# The plan's own milestones (2019), repeated each year until a county changes them.
DEFAULT_MILESTONES = (
    ("kickoff", "召开“3+1”工作推进会", 5, 10),
    ("organisation", "按程序完成组织建设", 7, 15),
    ("summary", "完成工作总结，形成典型材料", 10, 31),
)
CUSTOM_MILESTONE_PREFIX = "custom-"


def custom_milestone_code() -> str:
    """Returns the code of a milestone a clerk adds beside the plan's own (DEFAULT_MILESTONES):
    "custom-" and the last 12 hex digits of a fresh UUIDv7, unique across units and years."""
    return f"{CUSTOM_MILESTONE_PREFIX}{new_id()[-12:]}"


@rule("milestones")
def _milestone_code(s: Session, ws, values: dict, record) -> list[Problem]:
    # the form does not show the code: a new milestone without one gets a custom code here
    if record is None and not values.get("code"):
        values["code"] = custom_milestone_code()
    return []


class InitError(ValueError):
    def __init__(self, message_en: str, message_zh: str):
        super().__init__(f"{message_en} / {message_zh}")
        self.message_en, self.message_zh = message_en, message_zh


def resolve_home_code(code: str) -> str:
    """Returns the canonical code of the unit a database may be set up for: a city, a county or a township of the
    built-in tree. Raises InitError for an unknown code or a unit of another level."""
    tree = DivisionTree.builtin()
    canonical = normalize_code(code or "")
    division = tree.get(canonical) if canonical else None
    if division is None:
        raise InitError(f"Unknown unit code '{code}': give the 6-, 9- or 12-digit code of a city, county or "
                        "township in the built-in division list.",
                        f"单位代码“{code}”不存在：请输入内置区划中的市、县（区）或乡镇（街道）的 6 位、9 位或 12 位代码。")
    if division.level not in HOME_LEVELS:
        raise InitError(f"{division.name} ({division.code}) is a {division.level}; an installation serves a city, "
                        "a county or a township.",
                        f"{division.name}（{division.code}）是省级单位；本程序安装在市、县（区）或乡镇（街道）。")
    return division.code


# Built-in units are identical in every installation, stamps included (the division list's date).
BUILTIN_STAMP = "2023-12-31T00:00:00.000000Z"


def _builtin_unit(d, now: str = BUILTIN_STAMP) -> m.Unit:
    return m.Unit(id=stable_id("unit", d.code), code=d.code, name=d.name, level=d.level, parent_code=d.parent_code,
                  builtin=True, owner="", rev=1, hlc="0000000000000.00000", created_at=BUILTIN_STAMP,
                  updated_at=BUILTIN_STAMP,
                  created_by="", updated_by="", deleted=False, search_key=f"{d.initials} {d.pinyin} {d.name}".lower())


def builtin_units(home: str) -> list:
    """Returns ancestors, the unit itself and everything below it in the built-in tree."""
    tree = DivisionTree.builtin()
    return [*tree.ancestors(home), tree.get(home), *tree.descendants(home)]


def ensure_units(s: Session, divisions, now: str) -> int:
    """Adds to session `s` every division of `divisions` not yet held as a unit (stamped `now`). Returns how many
    were added."""
    have = set(s.scalars(select(m.Unit.code)))
    added = 0
    for d in divisions:
        if d.code not in have:
            s.add(_builtin_unit(d, now))
            have.add(d.code)
            added += 1
    s.flush()
    return added


def init_home(db: Database, code: str, clerk: str = "", *, year: int | None = None) -> str:
    """Make db the installation of the unit `code`. Refuses a database already set up for another unit.
    Returns the home unit's code. Raises InitError for an unknown code or a database that belongs to another
    unit."""
    home = resolve_home_code(code)
    current = db.home_unit
    if current and current != home:
        raise InitError(f"This database already belongs to unit {current}.", f"该数据库已属于单位 {current}，不能改为 {home}。")
    now = clock.utc_stamp()
    with db.session() as s, s.begin():
        ensure_units(s, builtin_units(home), now)
        db.set_meta("home_unit", home, session=s)
        if clerk:
            db.set_meta("clerk", clerk, session=s)
        if not db.get_meta("created_with"):
            db.set_meta("created_with", __version__, session=s)
            db.set_meta("created_at", now, session=s)
    return home


def ensure_milestones(ws, year: int) -> Result | None:
    """A county (or city) gets the plan's default milestones for a year it has none for.
    Returns the Result of the last milestone created, or None when nothing was needed."""
    with ws.session() as s:
        level = s.scalar(select(m.Unit.level).where(m.Unit.code == ws.home_unit))
        count = s.scalar(select(func.count()).select_from(m.Milestone).where(
            m.Milestone.unit_code == ws.home_unit, m.Milestone.year == year))
    if level not in ("county", "city") or count:
        return None
    last = None
    for code, title, month, day in DEFAULT_MILESTONES:
        last = records.create(ws, "milestones", {"unit_code": ws.home_unit, "year": year, "code": code,
                                                 "title": title, "due_on": dt.date(year, month, day)})
    return last


@rule("units")
def _village_rules(s: Session, ws, values: dict, record) -> list[Problem]:
    if record is not None:
        if record.builtin and ({values.get("code"), values.get("level"), values.get("parent_code")}
                               != {record.code, record.level, record.parent_code}):
            return [Problem("code", "内置行政区划的代码和层级不能修改", "built-in divisions cannot be changed")]
        return []
    problems = []
    if values.get("level") != "village":
        problems.append(Problem("level", "只能新增村（社区）", "only villages and communities can be added"))
    parent = s.scalar(select(m.Unit).where(m.Unit.code == values.get("parent_code")))
    if parent is not None and parent.level != "township":
        problems.append(Problem("parent_code", "村（社区）应隶属于乡镇（街道）", "a village belongs to a township"))
    code = values.get("code") or ""
    if not (len(code) == 12 and code.isdigit() and code.startswith(values.get("parent_code") or "-")):
        problems.append(Problem("code", "村（社区）代码应为 12 位，以所属乡镇代码开头",
                                "a village code has 12 digits starting with its township's code"))
    elif s.scalar(select(m.Unit.id).where(m.Unit.code == code)):
        problems.append(Problem("code", f"代码 {code} 已被使用", f"code {code} is taken"))
    return problems




def next_village_code(ws, township: str) -> str:
    """Returns the next free 12-digit code under a township (statistical codes use 001-399 for
    communities and 200-599 for villages; clerk-made codes start at 901 to avoid them)."""
    with ws.session() as s:
        taken = set(s.scalars(select(m.Unit.code).where(m.Unit.parent_code == township)))
    for n in range(901, 1000):
        code = f"{township}{n:03d}"
        if code not in taken:
            return code
    for n in range(1, 901):
        code = f"{township}{n:03d}"
        if code not in taken:
            return code
    return f"{township}999"


def add_village(ws, township: str, name: str, kind: str = "village", code: str | None = None) -> Result:
    """新增村（社区）under a township of this installation.
    Returns the Result; bad input comes back as a failed Result (nothing changed), never as an exception."""
    code = code or next_village_code(ws, township)
    return records.create(ws, "units", {"code": code, "name": name, "level": "village",
                                        "parent_code": township, "kind": kind})
