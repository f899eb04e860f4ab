"""Every list the GUI shows, by name, and the small look-ups its forms need (unit tree,
reference choices, the three key-person slots). Qt-free: ListModel reads these through the
ListSource protocol; the SQL lives in lists_people / lists_unit / lists_county."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from ..core.catalogues import CATALOGUES, KEY_SLOTS, LEADERSHIP_ROLES
from ..store import models as m
from .list_source import ListSource
from .lists_base import SqlList, live, subtree
from .lists_county import BulletinsList, GroupMembersList, MilestonesList, PlanTasksList, WorkPlansList
from .lists_people import PeopleList, PersonChoice, person_choice, search_people  # noqa: F401
from .lists_unit import (ActivitiesList, MeetingsList, PostsList, TeamMembersList, TeamsList, VenuesList,
                         VillagesList, VisitsList)
from .spec import SPECS
from .workspace import Workspace

LISTS: dict[str, type[SqlList]] = {
    "people": PeopleList,
    "activities": ActivitiesList,
    "posts": PostsList,
    "visits": VisitsList,
    "venues": VenuesList,
    "volunteer_teams": TeamsList,
    "team_members": TeamMembersList,
    "association_meetings": MeetingsList,
    "villages": VillagesList,
    "group_members": GroupMembersList,
    "work_plans": WorkPlansList,
    "plan_tasks": PlanTasksList,
    "milestones": MilestonesList,
    "bulletins": BulletinsList,
}

# The record table each list shows (what a page's changes filter watches, what its rows' ids are).
LIST_TABLE: dict[str, str] = {name: name for name in LISTS} | {"villages": "units"}


def list_source(ws: Workspace, name: str) -> ListSource:
    """Returns the ListSource named `name` (LISTS) over workspace `ws`; raises KeyError for an unknown name."""
    return LISTS[name](ws)


# --- activities' pinyin search key -----------------------------------------------------------
# people and units get theirs from their own services; activities had none, and the list filter
# finds "jkjt" in 健康讲堂 through it.


# --- look-ups for the forms ---------------------------------------------------------------------
@dataclass(frozen=True)
class UnitChoice:
    code: str
    name: str
    level: str
    depth: int          # 0 for the root of the choice, 1 for its children, ...


def unit_choices(ws: Workspace, root: str | None = None) -> list[UnitChoice]:
    """Returns the unit `root` (the home unit by default) and every unit below it, in tree order."""
    root = root or ws.home_unit
    U = m.Unit
    with ws.db.engine.connect() as conn:
        rows = conn.execute(select(U.code, U.name, U.level, U.parent_code)
                            .where(U.code.in_(subtree(root)), live(U)).order_by(U.code)).all()
    children: dict[str | None, list] = {}
    for r in rows:
        children.setdefault(r.parent_code, []).append(r)
    out: list[UnitChoice] = []

    def walk(code: str, depth: int) -> None:
        for r in children.get(code, []):
            out.append(UnitChoice(r.code, r.name, r.level, depth))
            walk(r.code, depth + 1)
    top = next((r for r in rows if r.code == root), None)
    if top is not None:
        out.append(UnitChoice(top.code, top.name, top.level, 0))
        walk(root, 1)
    return out


def unit_info(ws: Workspace, code: str) -> UnitChoice | None:
    """Returns the UnitChoice of unit `code` (depth 0), or None when there is no such unit."""
    U = m.Unit
    with ws.db.engine.connect() as conn:
        r = conn.execute(select(U.code, U.name, U.level).where(U.code == code)).first()
    return UnitChoice(r.code, r.name, r.level, 0) if r else None


def ref_choices(ws: Workspace, table: str, unit_code: str | None) -> list[tuple[str, str]]:
    """Returns (id, title) of the records a ref field may point to. Venues: the unit's and its parent's,
    so a village can name the Party-masses service centre it shares with its township."""
    spec = SPECS[table]
    model = spec.model
    title = getattr(model, spec.title_field or "id")
    stmt = select(model.id, title.label("title")).where(live(model))
    if table == "venues":
        U = m.Unit
        parent = select(U.parent_code).where(U.code == unit_code).scalar_subquery()
        stmt = stmt.add_columns(model.type).where(or_(model.unit_code == unit_code, model.unit_code == parent))
    elif spec.unit_field and unit_code:
        stmt = stmt.where(getattr(model, spec.unit_field) == unit_code)
    with ws.db.engine.connect() as conn:
        rows = conn.execute(stmt.order_by(title)).all()
    if table == "venues":
        return [(r.id, f"{r.title}（{CATALOGUES['venue_type'].label(r.type)}）") for r in rows]
    return [(r.id, str(r.title)) for r in rows]


def single_record_id(ws: Workspace, table: str, unit_code: str) -> str | None:
    """Returns the id of a unit's one record of a kind (its association, its leading group), if any."""
    model = SPECS[table].model
    with ws.db.engine.connect() as conn:
        return conn.execute(select(model.id).where(model.unit_code == unit_code, live(model))
                            .order_by(model.created_at).limit(1)).scalar()


@dataclass(frozen=True)
class KeySlot:
    code: str                    # "hospital" | "school" | "agri"
    label: str                   # 医院（卫生院）院长 ...
    people: tuple[str, ...]      # names of those filling it; empty means 空缺


def key_slots(ws: Workspace, unit_code: str, as_of: dt.date | None = None) -> list[KeySlot]:
    """Returns the three key-person slots of a unit: filled by a current leadership post of a person of
    the slot's categories (the same rule as the indicators)."""
    as_of = as_of or ws.today()
    Po, P = m.Post, m.Person
    current = (live(Po), Po.unit_code == unit_code, Po.role.in_(sorted(LEADERSHIP_ROLES)), live(P),
               or_(Po.start_on.is_(None), Po.start_on <= as_of), or_(Po.end_on.is_(None), Po.end_on > as_of))
    with ws.db.engine.connect() as conn:
        rows = conn.execute(select(P.name, P.category).select_from(Po).join(P, P.id == Po.person_id)
                            .where(*current).order_by(Po.start_on, P.search_key)).all()
    slots = []
    for entry in CATALOGUES["key_slot"]:
        names = tuple(dict.fromkeys(r.name for r in rows if r.category in KEY_SLOTS[entry.code]))
        slots.append(KeySlot(entry.code, entry.zh, names))
    return slots
