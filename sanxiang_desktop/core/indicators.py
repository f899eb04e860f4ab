"""The "3+1" indicators as pure rules over plain facts (no database here).

services.indicators gathers the facts with a handful of grouped queries; these
functions decide what is green, yellow or red, so they can be tested by hand."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

ACTIVITY_TARGET = 5          # "每年至少举办各类活动5-6场次" per key person's team
ACTIVITY_GOOD = 6
TERM_DUE_SOON_DAYS = 90
SLOTS = ("hospital", "school", "agri")
DOMAINS = ("health", "education", "agriculture")
GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"


@dataclass
class TownshipFacts:
    code: str
    name: str
    parent_code: str | None
    established: bool | None = None          # None: no association record yet
    term_end: dt.date | None = None
    slots_filled: dict[str, bool] = field(default_factory=lambda: {s: False for s in SLOTS})
    visits: int = 0
    last_visit: dt.date | None = None
    activities: dict[str, int] = field(default_factory=dict)   # domain -> count this year
    villages: int = 0
    villages_with_contact: int = 0
    staff_quota: int | None = None
    staff_count: int | None = None
    funding_yuan: int | None = None
    premises_m2: float | None = None
    last_package: str | None = None          # ISO date of the last package received (sync)


def whole(value: float | int | None) -> float | int | None:
    """A figure as a reader expects it: 80.0 m² is 80, 12.5 stays 12.5, None stays None."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def term_status(term_end: dt.date | None, as_of: dt.date) -> str:
    if term_end is None:
        return GREY
    if term_end < as_of:
        return RED
    if (term_end - as_of).days <= TERM_DUE_SOON_DAYS:
        return YELLOW
    return GREEN


def count_light(count: int, target: int = ACTIVITY_TARGET) -> str:
    return GREEN if count >= target else (YELLOW if count > 0 else RED)


def township_indicators(f: TownshipFacts, as_of: dt.date) -> dict:
    """Everything the upper levels look at for one township, with traffic lights."""
    filled = sum(1 for s in SLOTS if f.slots_filled.get(s))
    entered = {"staff_quota": f.staff_quota, "staff": f.staff_count, "funding": f.funding_yuan,
               "premises": f.premises_m2}
    # "Not entered" is not "lacking": only a figure the clerk entered as 0 is a shortage (缺);
    # an empty one is 未填写 until somebody fills it in (a new database lacks nothing yet).
    not_entered = {k: v is None for k, v in entered.items()}
    shortages = {k: v is not None and not v for k, v in entered.items()}
    per_domain = {d: f.activities.get(d, 0) for d in DOMAINS}
    return {
        "code": f.code,
        "name": f.name,
        "established": bool(f.established),
        "established_light": GREEN if f.established else RED,
        "slots": {s: bool(f.slots_filled.get(s)) for s in SLOTS},
        "slots_filled": filled,
        "slots_light": GREEN if filled == 3 else (YELLOW if filled else RED),
        "visited": f.visits > 0,
        "visits": f.visits,
        "last_visit": f.last_visit.isoformat() if f.last_visit else None,
        "visit_light": GREEN if f.visits else RED,
        "term_end": f.term_end.isoformat() if f.term_end else None,
        "term_overdue": bool(f.term_end and f.term_end < as_of),
        "term_light": term_status(f.term_end, as_of),
        "activities": per_domain,
        "activities_other": f.activities.get("other", 0),
        "activities_total": sum(f.activities.values()),
        "activity_lights": {d: count_light(n) for d, n in per_domain.items()},
        "activities_target": ACTIVITY_TARGET,
        "villages": f.villages,
        "villages_with_contact": f.villages_with_contact,
        "villages_light": (GREY if not f.villages else GREEN if f.villages_with_contact == f.villages
                           else YELLOW if f.villages_with_contact else RED),
        "shortages": shortages,
        "shortage_count": sum(shortages.values()),
        "not_entered": not_entered,
        "not_entered_count": sum(not_entered.values()),
        "four": {"staff_quota": f.staff_quota, "staff": f.staff_count,
                 "funding_yuan": f.funding_yuan, "premises_m2": whole(f.premises_m2)},
        "last_package": f.last_package,
    }


@dataclass
class CountyFacts:
    code: str
    name: str
    leading_group: bool = False
    work_plan_filed: bool = False
    milestones: list[tuple[str, dt.date, dt.date | None]] = field(default_factory=list)  # (code, due, done)


def milestone_status(due: dt.date, done: dt.date | None, as_of: dt.date) -> str:
    if done is not None:
        return "on_time" if done <= due else "late"
    return "overdue" if due < as_of else "pending"


def rollup(townships: list[dict]) -> dict:
    """Totals over township indicator rows (for a county, or the city)."""
    n = len(townships)
    return {
        "townships": n,
        "established": sum(t["established"] for t in townships),
        "slots_full": sum(t["slots_filled"] == 3 for t in townships),
        "slots": {s: sum(t["slots"][s] for t in townships) for s in SLOTS},
        "visited": sum(t["visited"] for t in townships),
        "term_overdue": sum(t["term_overdue"] for t in townships),
        "activities": {d: sum(t["activities"][d] for t in townships) for d in DOMAINS},
        "activities_total": sum(t["activities_total"] for t in townships),
        "activity_target_met": {d: sum(t["activities"][d] >= ACTIVITY_TARGET for t in townships) for d in DOMAINS},
        "villages": sum(t["villages"] for t in townships),
        "villages_with_contact": sum(t["villages_with_contact"] for t in townships),
        "with_shortages": sum(t["shortage_count"] > 0 for t in townships),
        "four_not_entered": sum(t.get("not_entered_count", 0) == 4 for t in townships),
    }


def county_indicators(c: CountyFacts, townships: list[dict], as_of: dt.date) -> dict:
    statuses = {code: milestone_status(due, done, as_of) for code, due, done in c.milestones}
    return {
        "code": c.code,
        "name": c.name,
        "leading_group": c.leading_group,
        "work_plan_filed": c.work_plan_filed,
        "milestones": statuses,
        "milestones_on_time": sum(s == "on_time" for s in statuses.values()),
        "milestones_overdue": sum(s in ("overdue", "late") for s in statuses.values()),
        "milestones_total": len(statuses),
        "milestones_due": sum(s != "pending" for s in statuses.values()),
        # the county cards of the city dashboard: one light per thing the city checks
        "leading_group_light": GREEN if c.leading_group else RED,
        "work_plan_light": GREEN if c.work_plan_filed else RED,
        "milestones_light": (GREY if not statuses else RED if "overdue" in statuses.values()
                             else YELLOW if "late" in statuses.values() else GREEN),
        "rollup": rollup(townships),
    }


def as_dict(obj) -> dict:
    return asdict(obj)
