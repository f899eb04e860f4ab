"""The domain model of DOMAIN.md as typed SQLAlchemy models.

Catalogue values (roles, categories, activity types, ...) are stored as the stable
codes of core.catalogues; labels are looked up when shown. Units are referred to by
their division code, which every installation shares, so a record means the same
unit wherever it travels.
"""
# No `from __future__ import annotations` here: SQLAlchemy would then get each Mapped[...] as a string
# and evaluate it (≈ 7 ms of the first window for the 32 classes; issue 12, startup). Written as
# objects they cost nothing extra; a class named before it is defined would need quotes.

import datetime as dt

from sqlalchemy import (Boolean, Date, Float, ForeignKey, Index, Integer,
                        LargeBinary, PrimaryKeyConstraint, String, Text, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Record

Str = String(200)
UnitRef = String(12)
PersonRef = String(36)


def unit_fk(**kw) -> Mapped[str]:
    return mapped_column(UnitRef, ForeignKey("units.code"), index=True, **kw)


def person_fk(nullable: bool = True) -> Mapped[str | None]:
    return mapped_column(PersonRef, ForeignKey("people.id"), nullable=nullable, index=True)


class Unit(Record, Base):
    """A node of the administrative tree: province, city, county, township, village."""
    __tablename__ = "units"
    code: Mapped[str] = mapped_column(UnitRef, unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(12))
    parent_code: Mapped[str | None] = mapped_column(UnitRef, ForeignKey("units.code"), index=True)
    kind: Mapped[str | None] = mapped_column(String(12))  # village level: "village" | "community"
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    search_key: Mapped[str] = mapped_column(Text, default="")
    # the indicators read a level's live units with their parents (townships, villages per township)
    # from this index alone, never the unit rows (migration 0009)
    __table_args__ = (Index("ix_units_tree", "level", "deleted", "parent_code", "code", "name"),)


class Association(Record, Base):
    """The science association (科协) of one unit: status, term, the four shortages."""
    __tablename__ = "associations"
    unit_code: Mapped[str] = mapped_column(UnitRef, ForeignKey("units.code"), unique=True)
    established: Mapped[bool] = mapped_column(Boolean, default=False)
    established_on: Mapped[dt.date | None] = mapped_column(Date)
    term_no: Mapped[int | None] = mapped_column(Integer)
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    staff_quota: Mapped[int | None] = mapped_column(Integer)      # 编制
    staff_count: Mapped[int | None] = mapped_column(Integer)      # 人员
    funding_yuan: Mapped[int | None] = mapped_column(Integer)     # 经费, yuan per year
    premises_m2: Mapped[float | None] = mapped_column(Float)      # 场地
    contact_person_id: Mapped[str | None] = person_fk()            # 指定专人 (village level)
    service_venue_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("venues.id"))
    notes: Mapped[str] = mapped_column(Text, default="")


class AssociationMeeting(Record, Base):
    """Plenary sessions (全委会), elections (换届) and by-elections (届中补选)."""
    __tablename__ = "association_meetings"
    unit_code: Mapped[str] = unit_fk()
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[dt.date] = mapped_column(Date)
    term_no: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class Person(Record, Base):
    __tablename__ = "people"
    # the people list's filter scans this instead of the table (migration 0005)
    __table_args__ = (Index("ix_people_filter", "search_key", "deleted", "unit_code", "name", "id", "phone_key",
                            "id_number"),
                      # the indicators find the key persons here without reading rows (migration 0007)
                      Index("ix_people_category_live", "category", "deleted", "id"),
                      # the import's duplicate check: same name key AND birth date (migration 0010)
                      Index("ix_people_name_birth", "name_key", "birth_date"))
    unit_code: Mapped[str] = unit_fk()          # the unit whose roster entered the person
    name: Mapped[str] = mapped_column(String(50), index=True)
    search_key: Mapped[str] = mapped_column(Text, default="")
    # Derived like search_key (services.search_keys), but never travel: the canonical matching key of
    # the name (core.names.name_key) that duplicate checks compare, and the words a phone is
    # found by (core.phones.phone_search_key).
    name_key: Mapped[str] = mapped_column(String(100), default="")
    phone_key: Mapped[str] = mapped_column(Text, default="")
    gender: Mapped[str | None] = mapped_column(String(8))
    ethnicity: Mapped[str | None] = mapped_column(String(4))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    phone: Mapped[str | None] = mapped_column(String(24), index=True)
    political_status: Mapped[str | None] = mapped_column(String(24))
    education: Mapped[str | None] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(Str, default="")          # 职称
    title_level: Mapped[str | None] = mapped_column(String(16))
    employer: Mapped[str] = mapped_column(Str, default="")
    job: Mapped[str] = mapped_column(Str, default="")
    sector: Mapped[str | None] = mapped_column(String(24))
    category: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")


class Post(Record, Base):
    """A person's post in a unit's association (任职)."""
    __tablename__ = "posts"
    # a person's posts, and for the indicators whether each is a current leadership post where,
    # without reading the rows (migration 0007)
    __table_args__ = (Index("ix_posts_person_role", "person_id", "role", "deleted", "start_on", "end_on",
                            "unit_code"),)
    person_id: Mapped[str] = mapped_column(PersonRef, ForeignKey("people.id"))
    unit_code: Mapped[str] = unit_fk()
    role: Mapped[str] = mapped_column(String(32))
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    method: Mapped[str | None] = mapped_column(String(24))
    notes: Mapped[str] = mapped_column(Text, default="")


class Venue(Record, Base):
    """阵地: 科学社, 社区书院, 科普活动室, 党群服务中心 ..."""
    __tablename__ = "venues"
    unit_code: Mapped[str] = unit_fk()
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Str)
    address: Mapped[str] = mapped_column(Str, default="")
    area_m2: Mapped[float | None] = mapped_column(Float)
    opened_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Activity(Record, Base):
    __tablename__ = "activities"
    # ix_activities_domain: the indicators count a unit's activities per domain from the index alone
    __table_args__ = (Index("ix_activities_unit_held", "unit_code", "held_on"),
                      Index("ix_activities_domain", "unit_code", "domain", "held_on", "deleted"))
    unit_code: Mapped[str] = mapped_column(UnitRef, ForeignKey("units.code"))
    title: Mapped[str] = mapped_column(Str)
    search_key: Mapped[str] = mapped_column(Text, default="")
    held_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Str, default="")
    domain: Mapped[str] = mapped_column(String(16))
    type: Mapped[str | None] = mapped_column(String(40))
    theme_day: Mapped[str | None] = mapped_column(String(40))
    leader_id: Mapped[str | None] = person_fk()
    organisers: Mapped[str] = mapped_column(Str, default="")
    participants: Mapped[int | None] = mapped_column(Integer)
    volunteers: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")


class ActivityCount(Base):
    """Derived, never a record: live activities per calendar year, own unit and domain, kept by
    triggers on activities in the same transaction as every write (store.activity_counts, migration
    0011). Keyed by year first: the dashboard reads one year's counts as one range."""
    __tablename__ = "activity_counts"
    __table_args__ = (PrimaryKeyConstraint("year", "unit_code", "domain"), {"sqlite_with_rowid": False})
    year: Mapped[int] = mapped_column(Integer)
    unit_code: Mapped[str] = mapped_column(UnitRef)
    domain: Mapped[str] = mapped_column(String(16))
    n: Mapped[int] = mapped_column(Integer)


class Blob(Base):
    """Attachment content, stored once per SHA-256 whatever refers to it."""
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Record, Base):
    __tablename__ = "attachments"
    activity_id: Mapped[str] = mapped_column(String(36), ForeignKey("activities.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(Str)
    mime: Mapped[str] = mapped_column(String(64), default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Str, default="")


class VolunteerTeam(Record, Base):
    __tablename__ = "volunteer_teams"
    unit_code: Mapped[str] = unit_fk()
    name: Mapped[str] = mapped_column(Str)
    domain: Mapped[str | None] = mapped_column(String(16))
    leader_id: Mapped[str | None] = person_fk()
    founded_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class TeamMember(Record, Base):
    __tablename__ = "team_members"
    team_id: Mapped[str] = mapped_column(String(36), ForeignKey("volunteer_teams.id"), index=True)
    person_id: Mapped[str] = mapped_column(PersonRef, ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="member")
    joined_on: Mapped[dt.date | None] = mapped_column(Date)


class LeadingGroup(Record, Base):
    """The county's "3+1" leading group (领导小组)."""
    __tablename__ = "leading_groups"
    unit_code: Mapped[str] = mapped_column(UnitRef, ForeignKey("units.code"), unique=True)
    set_up_on: Mapped[dt.date | None] = mapped_column(Date)
    doc_no: Mapped[str] = mapped_column(Str, default="")
    office: Mapped[str] = mapped_column(Str, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class GroupMember(Record, Base):
    __tablename__ = "group_members"
    group_id: Mapped[str] = mapped_column(String(36), ForeignKey("leading_groups.id"), index=True)
    person_id: Mapped[str] = mapped_column(PersonRef, ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(Str, default="")


class Visit(Record, Base):
    """调研走访: an upper-level visit to a unit."""
    __tablename__ = "visits"
    unit_code: Mapped[str] = unit_fk()                 # the visiting unit
    visited_unit_code: Mapped[str] = unit_fk()
    visited_on: Mapped[dt.date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(Str, default="")
    association_status: Mapped[str] = mapped_column(Text, default="")
    workers_status: Mapped[str] = mapped_column(Text, default="")
    party_suggestions: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="")


class WorkPlan(Record, Base):
    __tablename__ = "work_plans"
    unit_code: Mapped[str] = unit_fk()
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Str)
    doc_no: Mapped[str] = mapped_column(Str, default="")
    filed_on: Mapped[dt.date | None] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")


class PlanTask(Record, Base):
    __tablename__ = "plan_tasks"
    plan_id: Mapped[str] = mapped_column(String(36), ForeignKey("work_plans.id"), index=True)
    title: Mapped[str] = mapped_column(Str)
    responsible: Mapped[str] = mapped_column(Str, default="")
    person_id: Mapped[str | None] = person_fk()
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="todo")
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Milestone(Record, Base):
    """时间节点 of one year (configurable; the plan's own are the defaults)."""
    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("unit_code", "year", "code"),)
    unit_code: Mapped[str] = unit_fk()
    year: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Str)
    due_on: Mapped[dt.date] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class Bulletin(Record, Base):
    """信息通报: a periodic progress bulletin sent up the chain."""
    __tablename__ = "bulletins"
    unit_code: Mapped[str] = unit_fk()
    issue_no: Mapped[int | None] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Str)
    body: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Str, default="")


class AuditEntry(Base):
    """One line per user action; the label is also the undo label."""
    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    tables: Mapped[str] = mapped_column(String(200))
    record_ids: Mapped[str] = mapped_column(Text)   # JSON list; never personal data


class Meta(Base):
    """Installation facts: home unit, clerk, clock high-water mark, ..."""
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Every travelling record type, parents before children (import order).
RECORD_MODELS: tuple[type[Record], ...] = (
    Unit, Person, Venue, Association, AssociationMeeting, Post, Activity, Attachment,
    VolunteerTeam, TeamMember, LeadingGroup, GroupMember, Visit, WorkPlan, PlanTask,
    Milestone, Bulletin,
)
MODEL_BY_TABLE: dict[str, type[Record]] = {m.__tablename__: m for m in RECORD_MODELS}

# The exchange layer's own tables (keys, packages, conflicts, change log) share the metadata.
from . import sync_models  # noqa: E402,F401


def configure_mappers() -> None:
    """Finish mapping every class now rather than at the first ORM query (SQLAlchemy's
    `configure_mappers`, ≈ 0.02 s for these 32 classes; idempotent and thread-safe: SQLAlchemy holds a
    lock while it configures). The launcher calls it on the GUI thread while the worker opens the file,
    whose integrity check runs inside SQLite without the interpreter lock, so the two overlap instead of
    the worker's first query doing it after the check (issue 12, startup)."""
    from sqlalchemy.orm import configure_mappers as configure
    configure()
