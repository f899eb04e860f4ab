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
    slots_filled: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(SLOTS, False))
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


@dataclass(frozen=True)
class FourFigures:
    """The four figures behind 四缺, as entered (None: not entered yet)."""
    staff_quota: int | None          # 编制, posts
    staff: int | None                # 人员, people
    funding_yuan: int | None         # 经费, yuan a year
    premises_m2: float | int | None  # 场地, m² (whole numbers shown without ".0")


@dataclass(frozen=True)
class TownshipIndicators:
    """Everything the upper levels look at for one township, with traffic lights (GREEN/YELLOW/RED/GREY).
    Dicts here are keyed by catalogue codes (SLOTS, DOMAINS, FOUR), never by field names."""
    code: str
    name: str
    established: bool
    established_light: str
    slots: dict[str, bool]               # slot -> a current vice-chair of that category
    slot_lights: dict[str, str]
    slots_filled: int
    slots_light: str
    visited: bool
    visits: int
    last_visit: str | None               # ISO date
    visit_light: str
    term_end: str | None                 # ISO date
    term_overdue: bool
    term_light: str
    activities: dict[str, int]           # domain -> activities this year
    activities_other: int
    activities_total: int
    activity_lights: dict[str, str]
    activities_target: int
    villages: int
    villages_with_contact: int
    villages_light: str
    shortages: dict[str, bool]           # FOUR key -> entered as 0 (缺)
    shortage_count: int
    not_entered: dict[str, bool]         # FOUR key -> not entered yet (未填写)
    not_entered_count: int
    shortages_light: str                 # the 四缺 light: grey = nothing entered, then green/yellow/red
    four: FourFigures
    last_package: str | None             # ISO date of the last package received with its data


FOUR = ("staff_quota", "staff", "funding", "premises")
# rollup spells these keys out (one pass over a national hub's 41,352 rows); a new slot or domain goes there too
assert SLOTS == ("hospital", "school", "agri") and DOMAINS == ("health", "education", "agriculture")
SHORTAGES_RED_FROM = 3       # three or four of the four lacking is red; one or two is yellow


def shortages_light(shortage_count: int, not_entered_count: int) -> str:
    """The 四缺 light: GREY while nothing is lacking but some figure is not entered (未填写 is not 缺),
    GREEN with no shortage, YELLOW with one or two, RED from SHORTAGES_RED_FROM."""
    if shortage_count == 0:
        return GREY if not_entered_count else GREEN
    return RED if shortage_count >= SHORTAGES_RED_FROM else YELLOW


def share_light(part: int, whole: int) -> str:
    """A light for "part of whole done": GREY when there is nothing to count, GREEN for all, YELLOW for
    some, RED for none."""
    if whole == 0:
        return GREY
    return GREEN if part == whole else (YELLOW if part else RED)


def township_indicators(f: TownshipFacts, as_of: dt.date) -> TownshipIndicators:
    """Returns everything the upper levels look at for one township, with traffic lights (the rules:
    count_light, term_status, share_light, shortages_light, whole). A national hub computes it for
    41,352 townships per dashboard; services.indicators pauses the cyclic collector meanwhile."""
    filled = sum(1 for s in SLOTS if f.slots_filled.get(s))
    entered = {"staff_quota": f.staff_quota, "staff": f.staff_count, "funding": f.funding_yuan,
               "premises": f.premises_m2}
    # "Not entered" is not "lacking": only a figure the clerk entered as 0 is a shortage (缺);
    # an empty one is 未填写 until somebody fills it in (a new database lacks nothing yet).
    not_entered = {k: v is None for k, v in entered.items()}
    shortages = {k: v is not None and not v for k, v in entered.items()}
    per_domain = {d: f.activities.get(d, 0) for d in DOMAINS}
    slots = {s: bool(f.slots_filled.get(s)) for s in SLOTS}
    return TownshipIndicators(
        code=f.code,
        name=f.name,
        established=bool(f.established),
        established_light=GREEN if f.established else RED,
        slots=slots,
        slot_lights={s: GREEN if filled_ else RED for s, filled_ in slots.items()},
        slots_filled=filled,
        slots_light=GREEN if filled == 3 else (YELLOW if filled else RED),
        visited=f.visits > 0,
        visits=f.visits,
        last_visit=f.last_visit.isoformat() if f.last_visit else None,
        visit_light=GREEN if f.visits else RED,
        term_end=f.term_end.isoformat() if f.term_end else None,
        term_overdue=bool(f.term_end and f.term_end < as_of),
        term_light=term_status(f.term_end, as_of),
        activities=per_domain,
        activities_other=f.activities.get("other", 0),
        activities_total=sum(f.activities.values()),
        activity_lights={d: count_light(n) for d, n in per_domain.items()},
        activities_target=ACTIVITY_TARGET,
        villages=f.villages,
        villages_with_contact=f.villages_with_contact,
        villages_light=share_light(f.villages_with_contact, f.villages),
        shortages=shortages,
        shortage_count=sum(shortages.values()),
        not_entered=not_entered,
        not_entered_count=sum(not_entered.values()),
        shortages_light=shortages_light(sum(shortages.values()), sum(not_entered.values())),
        four=FourFigures(f.staff_quota, f.staff_count, f.funding_yuan, whole(f.premises_m2)),
        last_package=f.last_package,
    )


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


@dataclass(frozen=True)
class Rollup:
    """Totals over township indicators (for a county, or the city), with the lights of its cards."""
    townships: int
    established: int
    slots_full: int
    slots: dict[str, int]                # slot -> townships with it filled
    visited: int
    term_overdue: int
    activities: dict[str, int]
    activities_total: int
    activity_target_met: dict[str, int]  # domain -> townships at or above the target
    villages: int
    villages_with_contact: int
    with_shortages: int
    four_not_entered: int                # townships that entered none of the four figures
    established_light: str
    slots_light: str
    visited_light: str
    term_light: str
    villages_light: str
    shortages_light: str


def rollup(townships: list[TownshipIndicators]) -> Rollup:
    """Returns the totals over township indicator rows (for a county, or the city).

    One pass over the rows with plain counters (a national hub rolls up 41,352 of them)."""
    n = len(townships)
    established = slots_full = visited = term_overdue = villages = with_contact = with_shortages = 0
    none_entered = total = 0
    hospital = school = agri = 0
    health = education = agriculture = 0
    met_health = met_education = met_agriculture = 0
    four = len(FOUR)
    for t in townships:
        established += t.established
        slots_full += t.slots_filled == 3
        slots = t.slots
        hospital += slots["hospital"]
        school += slots["school"]
        agri += slots["agri"]
        visited += t.visited
        term_overdue += t.term_overdue
        acts = t.activities
        h, e, a = acts["health"], acts["education"], acts["agriculture"]
        health += h
        education += e
        agriculture += a
        met_health += h >= ACTIVITY_TARGET
        met_education += e >= ACTIVITY_TARGET
        met_agriculture += a >= ACTIVITY_TARGET
        total += t.activities_total
        villages += t.villages
        with_contact += t.villages_with_contact
        with_shortages += t.shortage_count > 0
        none_entered += t.not_entered_count == four
    return Rollup(
        townships=n,
        established=established,
        slots_full=slots_full,
        slots={"hospital": hospital, "school": school, "agri": agri},
        visited=visited,
        term_overdue=term_overdue,
        activities={"health": health, "education": education, "agriculture": agriculture},
        activities_total=total,
        activity_target_met={"health": met_health, "education": met_education, "agriculture": met_agriculture},
        villages=villages,
        villages_with_contact=with_contact,
        with_shortages=with_shortages,
        four_not_entered=none_entered,
        established_light=share_light(established, n),
        slots_light=share_light(slots_full, n),
        visited_light=share_light(visited, n),
        term_light=GREEN if not term_overdue else RED,
        villages_light=share_light(with_contact, villages),
        # a township short of something is a thing to follow up, not yet a failure of the county
        shortages_light=GREEN if not with_shortages else YELLOW,
    )


@dataclass(frozen=True)
class CountyIndicators:
    """What the city checks of one county: leading group, work plan, milestones, its townships' totals."""
    code: str
    name: str
    leading_group: bool
    work_plan_filed: bool
    milestones: dict[str, str]           # milestone code -> on_time | late | overdue | pending
    milestones_on_time: int
    milestones_overdue: int              # late or overdue
    milestones_total: int
    milestones_due: int                  # all but pending
    leading_group_light: str
    work_plan_light: str
    milestones_light: str
    rollup: Rollup


def county_indicators(c: CountyFacts, townships: list[TownshipIndicators], as_of: dt.date) -> CountyIndicators:
    """Returns the county card's figures and lights, with the rollup of its `townships`."""
    statuses = {code: milestone_status(due, done, as_of) for code, due, done in c.milestones}
    return CountyIndicators(
        code=c.code,
        name=c.name,
        leading_group=c.leading_group,
        work_plan_filed=c.work_plan_filed,
        milestones=statuses,
        milestones_on_time=sum(s == "on_time" for s in statuses.values()),
        milestones_overdue=sum(s in ("overdue", "late") for s in statuses.values()),
        milestones_total=len(statuses),
        milestones_due=sum(s != "pending" for s in statuses.values()),
        # the county cards of the city dashboard: one light per thing the city checks
        leading_group_light=GREEN if c.leading_group else RED,
        work_plan_light=GREEN if c.work_plan_filed else RED,
        milestones_light=(GREY if not statuses else RED if "overdue" in statuses.values()
                          else YELLOW if "late" in statuses.values() else GREEN),
        rollup=rollup(townships),
    )


@dataclass(frozen=True)
class UnitIndicators:
    """The indicators of one unit for a year: a township's own (`township`), or a county's or the
    city's townships, counties and totals. `county` is the county's own card (county level only)."""
    unit: str
    name: str
    level: str                           # city | county | township | village
    year: int
    as_of: str                           # ISO date the figures are counted up to
    township: TownshipIndicators | None = None
    townships: list[TownshipIndicators] = field(default_factory=list)
    counties: list[CountyIndicators] = field(default_factory=list)
    rollup: Rollup | None = None
    county: CountyIndicators | None = None

    def to_json(self) -> dict:
        """Returns the indicators as plain JSON values (the `stats --json` shape): a township or a
        village has `township`, a county or the city `townships`, `counties`, `rollup` (and a
        county its own `county`)."""
        out = {"unit": self.unit, "name": self.name, "level": self.level, "year": self.year, "as_of": self.as_of}
        if self.level in ("township", "village"):
            out["township"] = asdict(self.township) if self.township is not None else None
            return out
        out["townships"] = [asdict(t) for t in self.townships]
        out["counties"] = [asdict(c) for c in self.counties]
        out["rollup"] = asdict(self.rollup) if self.rollup is not None else None
        if self.county is not None:
            out["county"] = asdict(self.county)
        return out
