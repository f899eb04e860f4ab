"""Reading what the forms show: current posts with their people, activities led, teams.

Plain queries over live (not deleted) records; "current" means a post that has begun and
not ended on the date the form is made for.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...core.catalogues import CATALOGUES, LEADERSHIP_ROLES, slot_of_category
from ...store import models as m

ROLE_ORDER = {code: i for i, code in enumerate(CATALOGUES["role"].codes())}
VICE_CHAIR_ROLES = ("full_time_vice_chair", "part_time_vice_chair", "seconded_vice_chair", "vice_chair")


@dataclass(frozen=True)
class Holder:
    post: m.Post
    person: m.Person

    @property
    def slot(self) -> str | None:
        """hospital / school / agri when the person is a key person (三长), else None."""
        return slot_of_category(self.person.category)


def current_holders(s: Session, unit_code: str, as_of: dt.date, leadership_only: bool = True) -> list[Holder]:
    """Posts held at `unit_code` on `as_of`, in role order (主席, 副主席 …, 委员), then name."""
    q = (select(m.Post, m.Person).join(m.Person, m.Person.id == m.Post.person_id)
         .where(m.Post.unit_code == unit_code, m.Post.deleted.is_(False), m.Person.deleted.is_(False),
                or_(m.Post.start_on.is_(None), m.Post.start_on <= as_of),
                or_(m.Post.end_on.is_(None), m.Post.end_on > as_of)))
    if leadership_only:
        q = q.where(m.Post.role.in_(LEADERSHIP_ROLES))
    rows = [Holder(p, person) for p, person in s.execute(q)]
    rows.sort(key=lambda h: (ROLE_ORDER.get(h.post.role, 99), h.post.start_on or dt.date.min, h.person.name))
    return rows


def activities_led(s: Session, person_ids: list[str], start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    """{person id: {domain: count}} of activities each person led in the period."""
    out: dict[str, dict[str, int]] = {}
    if not person_ids:
        return out
    for pid, domain, n in s.execute(
            select(m.Activity.leader_id, m.Activity.domain, func.count())
            .where(m.Activity.leader_id.in_(person_ids), m.Activity.deleted.is_(False),
                   m.Activity.held_on.between(start, end))
            .group_by(m.Activity.leader_id, m.Activity.domain)):
        out.setdefault(pid, {})[domain] = n
    return out


def teams_led(s: Session, person_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not person_ids:
        return out
    for pid, name in s.execute(select(m.VolunteerTeam.leader_id, m.VolunteerTeam.name).where(
            m.VolunteerTeam.leader_id.in_(person_ids), m.VolunteerTeam.deleted.is_(False))):
        out.setdefault(pid, []).append(name)
    return out


def latest_meeting(s: Session, unit_code: str, kind: str) -> m.AssociationMeeting | None:
    return s.scalar(select(m.AssociationMeeting).where(
        m.AssociationMeeting.unit_code == unit_code, m.AssociationMeeting.kind == kind,
        m.AssociationMeeting.deleted.is_(False)).order_by(m.AssociationMeeting.held_on.desc()).limit(1))


def village_counts(s: Session, township: str) -> tuple[int, int]:
    """(villages and communities, how many have a designated contact person)."""
    codes = s.scalars(select(m.Unit.code).where(m.Unit.parent_code == township, m.Unit.level == "village",
                                                m.Unit.deleted.is_(False))).all()
    if not codes:
        return 0, 0
    with_contact = s.scalar(select(func.count()).select_from(m.Association).where(
        m.Association.unit_code.in_(codes), m.Association.deleted.is_(False),
        m.Association.contact_person_id.is_not(None)))
    return len(codes), int(with_contact or 0)


def venue_counts(s: Session, unit_codes: list[str]) -> dict[str, int]:
    return dict(s.execute(select(m.Venue.type, func.count()).where(
        m.Venue.unit_code.in_(unit_codes), m.Venue.deleted.is_(False)).group_by(m.Venue.type)).all())


def unit_and_villages(s: Session, code: str) -> list[str]:
    return [code, *s.scalars(select(m.Unit.code).where(m.Unit.parent_code == code, m.Unit.level == "village",
                                                       m.Unit.deleted.is_(False)))]

