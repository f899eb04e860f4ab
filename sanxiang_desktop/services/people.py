"""People: consistency of ID number with birth date and gender, search keys,
and finding the person who may already be in the roster."""
from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..core.names import name_key
from ..core.phones import phone_digits
from ..core.validation import Problem, check_id_number
from ..store import models as m
from .hooks import DELETE_GUARDS, DUPLICATE_CHECKS, rule
from .result import Duplicate, Invalid

REASONS = {"id_number": "身份证号相同", "name_birth": "姓名和出生日期相同", "name_phone": "姓名和电话相同"}


@rule("people")
def _person_consistency(s: Session, ws, values: dict, record) -> list[Problem]:
    problems: list[Problem] = []
    if not values.get("id_number"):
        return problems
    info = check_id_number(values["id_number"])
    if info.normalized is None:
        return problems
    if values.get("birth_date") is None:
        values["birth_date"] = info.birth_date
    elif values["birth_date"] != info.birth_date:
        problems.append(Problem("birth_date", "出生日期与身份证号不一致", "birth date does not match the ID number"))
    if values.get("gender") is None:
        values["gender"] = info.gender
    elif values["gender"] != info.gender:
        problems.append(Problem("gender", "性别与身份证号不一致", "gender does not match the ID number"))
    return problems


@rule("people")
def _person_sector(s: Session, ws, values: dict, record) -> list[Problem]:
    from ..core.catalogues import CATALOGUES
    category = values.get("category")
    if category and not values.get("sector"):
        entry = CATALOGUES["key_category"].get(category)
        if entry is not None and entry.group:
            values["sector"] = entry.group
    return []




def find_duplicates(s: Session, values: dict, exclude_id: str | None = None, limit: int = 10) -> list[Duplicate]:
    """Existing people who may be this one: same ID number; or the same name with the
    same birth date or the same phone. Reported before a second copy is created.

    Names are compared on their canonical key (core.names.name_key: ``买买提.艾力``,
    ``买买提艾力``, ``張　三`` / ``张三``, ``陳秀寶`` / ``陈秀宝`` are each one name); phones on the
    digits of the normalised number (the first word of ``phone_key``). ``values`` holds
    coerced field values (name, id_number, birth_date, phone); returns up to ``limit``."""
    name, idn = values.get("name"), values.get("id_number")
    birth, phone = values.get("birth_date"), values.get("phone")
    key = name_key(name)
    digits = phone_digits(phone)
    clauses = []
    if idn:
        clauses.append(m.Person.id_number == idn)
    if key and birth:
        clauses.append(and_(m.Person.name_key == key, m.Person.birth_date == birth))
    if key and digits:
        clauses.append(and_(m.Person.name_key == key,
                            or_(m.Person.phone == phone, m.Person.phone_key == digits,
                                m.Person.phone_key.like(f"{digits} %"))))
    if not clauses:
        return []
    query = select(m.Person).where(or_(*clauses), m.Person.deleted.is_(False)).limit(limit)
    if exclude_id:
        query = query.where(m.Person.id != exclude_id)
    found = []
    for p in s.scalars(query):
        if idn and p.id_number == idn:
            reason = "id_number"
        elif birth and p.birth_date == birth:
            reason = "name_birth"
        else:
            reason = "name_phone"
        found.append(Duplicate(p.id, p.name, p.unit_code, reason, REASONS[reason]))
    return found


def duplicates_for(ws, values: dict, exclude_id: str | None = None) -> list[Duplicate]:
    """The same check, outside any action (the GUI asks while the clerk types).
    Returns the records that may be the same person ([] when none)."""
    with ws.session() as s:
        return find_duplicates(s, values, exclude_id)


def _guard_person_in_use(s: Session, person) -> None:
    active = s.scalar(select(m.Post.id).where(m.Post.person_id == person.id, m.Post.deleted.is_(False),
                                              m.Post.end_on.is_(None)).limit(1))
    if active:
        raise Invalid(Problem("id", f"{person.name} 仍有在任职务，请先办理离任", f"{person.name} still holds a post; end it first"))


DELETE_GUARDS.setdefault("people", []).append(_guard_person_in_use)
DUPLICATE_CHECKS["people"] = find_duplicates
