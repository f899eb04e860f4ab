"""The people list (人员库) and the person search behind the pickers.

Kept quick at 100,000 people: the typed text picks index-friendly predicates by its shape
(digits: ID-number / unit-code prefixes and phone head or tail; anything else: the pinyin
search key), the default order is the name index, and the unit scope of the home unit adds
no IN (...). scripts/bench_lists.py measures it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from ..core.catalogues import KEY_SLOTS
from ..core.names import name_key
from ..core.phones import phone_query
from ..core.pinyin import normalize_query
from ..core.validation import mask_phone
from ..store import models as m
from .list_source import ColumnSpec, ListQuery, Row
from .lists_base import SqlList, owned_state, in_unit, key_like, label, live, prefix

P, U = m.Person, m.Unit
_ID_TEXT = re.compile(r"^\d{6,17}[0-9x]$")


def _phone_word(digits: str):
    """The phone key has a word that begins or ends with the digits (core.phones.phone_query).

    The plain `phone_key LIKE '%digits%'` first is implied by either word match and rejects most rows
    before the padded text is built for them: 38 → 13 ms a scan at 100,000 people."""
    spaced = " " + P.phone_key + " "
    return and_(P.phone_key.like(f"%{digits}%"), or_(spaced.like(f"% {digits}%"), spaced.like(f"%{digits} %")))


def people_filter(text: str):
    """WHERE clause for what the clerk typed into a people filter or picker.

    Digits or a phone however written (``0951-6889695``, ``(0951)6889695``, ``+86 139 …``,
    ``6889695`` without area code or extension): ID-number and unit-code prefixes and the
    phone key. Otherwise the search key, by the text and by its canonical name key, so a
    traditional, spaced or differently dotted spelling finds the person.
    Returns that clause (a SQLAlchemy expression)."""
    q = normalize_query(text)
    if not q:
        return None
    phone = phone_query(text)
    if q.isdigit() or phone:
        digits = q if q.isdigit() else phone
        clauses = [prefix(P.id_number, digits), _phone_word(digits)]
        if phone and phone != digits:
            clauses.append(_phone_word(phone))
        if len(digits) <= 12:
            clauses.append(prefix(P.unit_code, digits))
        return or_(*clauses)
    if _ID_TEXT.match(q):
        return or_(prefix(P.id_number, q.upper()), key_like(P.search_key, q))
    canonical = name_key(text)
    if canonical and canonical != q:
        return or_(key_like(P.search_key, q), key_like(P.search_key, canonical))
    return key_like(P.search_key, q)


def _masked(phone: str | None) -> str:
    return mask_phone(phone) if phone else ""


class PeopleList(SqlList):
    """extra: unit (the people entered by that unit and the units below it), category, sector, slot."""
    model = P
    columns = [
        ColumnSpec("name", "Name", 5),
        ColumnSpec("gender", "Gender", 2, align="center"),
        ColumnSpec("category", "Category", 8),
        ColumnSpec("employer", "Employer", 12),
        ColumnSpec("job", "Job", 8),
        ColumnSpec("phone", "Phone", 8, align="center"),
        ColumnSpec("unit", "Unit", 8),
    ]
    prefetch_bound = 1000
    # Names sort by their pinyin (the stored search key begins with the everyday full reading, surname
    # first: 丁 ding, 何 he, 侯 hou, 于 yu), not by code point (丁, 于, 何, 侯), then by the characters.
    sorts = {"name": (P.search_key, P.name), "gender": P.gender, "category": P.category, "employer": P.employer,
             "job": P.job, "phone": P.phone, "unit": U.search_key}

    def base(self):
        return (select(P.id, P.name, P.gender, P.category, P.employer, P.job, P.phone, P.owner, U.name.label("unit"))
                .select_from(P).outerjoin(U, U.code == P.unit_code))

    def where(self, query: ListQuery):
        extra = query.extra
        clauses = [live(P), in_unit(P.unit_code, self.ws, extra.get("unit"))]
        if extra.get("category"):
            clauses.append(P.category == extra["category"])
        if extra.get("sector"):
            clauses.append(P.sector == extra["sector"])
        if extra.get("slot") in KEY_SLOTS:
            clauses.append(P.category.in_(sorted(KEY_SLOTS[extra["slot"]])))
        return clauses

    def filter_clause(self, text: str):
        return people_filter(text)

    def default_order(self):
        return [P.search_key, P.name]

    def order(self, query: ListQuery, few: bool = False):
        exprs = super().order(query)
        typed = normalize_query(query.filter_text)
        if typed and query.sort_key in (None, "name") and (few or not typed.isdigit()):
            # Walking the name index to find matches reads rows in name order, a random read each: 160 ms at
            # 100,000 people when few match or the matches cluster (a surname: 王 comes late in the index).
            # Scanning the table into a sorter that keeps the first 200 takes 25 ms however many match.
            # Digits (ID-number, phone or unit-code prefixes) match all over the name order: there, and
            # only when many match (few are sorted after the bounded first look), the walk finds a page at once.
            exprs[0] = (P.search_key + "").desc() if query.descending else (P.search_key + "")
        return exprs

    def count(self, query: ListQuery) -> int:
        """Typed letters or characters under the name order: one scan answers count and first page.

        The generic way scans the search key three times per keystroke (the bounded look, then, when
        more than prefetch_bound match, count(*), then the page's sorter): 75 ms for "w" at 100,000
        people. Here one SELECT of the ids in page order with count(*) OVER () reads the covering
        index once, and the first page's rows are read by id (same ids, same order as page()).
        Digits keep the generic way: their matches are most of the table, which count(*) OVER ()
        would materialise, and the name index finds their page at once. Returns the total."""
        typed = normalize_query(query.filter_text)
        if not typed or typed.isdigit() or query.sort_key not in (None, "name"):
            return super().count(query)
        self._prefetched = None
        order = self.order(query)
        stmt = (select(P.id, func.count().over().label("total_rows")).where(*self.conditions(query))
                .order_by(*order).limit(self.PREFETCH_PAGE))
        with self.ws.db.engine.connect() as conn:
            found = conn.execute(stmt).all()
            total = int(found[0].total_rows) if found else 0
            ids = [r.id for r in found]
            by_id = {r.id: r for r in conn.execute(self.base().where(P.id.in_(ids)))} if ids else {}
        self._prefetched = (query, [self.row(by_id[i]) for i in ids if i in by_id], total)
        return total

    def page(self, query: ListQuery, offset: int, limit: int):
        """The page's ids first, from ix_people_filter alone when the filter and order allow (no table
        row read for the thousands of matches of a short filter), then those rows: 52 → 31 ms for "w"
        at 100,000 people."""
        if query.sort_key == "unit":                 # sorted by a joined column: the plain way
            return super().page(query, offset, limit)
        order = self.order(query)
        ids = (select(P.id).where(*self.conditions(query)).order_by(*order).limit(limit).offset(offset)
               .scalar_subquery())
        return self.base().where(P.id.in_(ids)).order_by(*order)

    def row(self, r) -> Row:
        return Row(r.id, (r.name, label("gender", r.gender), label("key_category", r.category), r.employer or "",
                          r.job or "", _masked(r.phone), r.unit or ""),
                   state=owned_state(self.ws, r.owner))


@dataclass(frozen=True)
class PersonChoice:
    id: str
    name: str
    employer: str
    job: str
    unit_code: str
    unit_name: str
    category: str          # label

    def display(self) -> str:
        """How a picker shows the person: name, then where they work, so namesakes differ."""
        details = "，".join(x for x in (self.employer, self.job) if x)
        where = f"（{self.unit_name}）" if self.unit_name else ""
        return f"{self.name}　{details}{where}" if details else f"{self.name}{where}"


def _choice(r) -> PersonChoice:
    return PersonChoice(r.id, r.name, r.employer or "", r.job or "", r.unit_code, r.unit or "",
                        label("key_category", r.category))


def _choice_select():
    return (select(P.id, P.name, P.employer, P.job, P.unit_code, P.category, U.name.label("unit"))
            .select_from(P).outerjoin(U, U.code == P.unit_code))


def search_people(ws, text: str, limit: int = 20) -> list[PersonChoice]:
    """Returns people of every unit matching the typed text (one person can hold posts in several units)."""
    clause = people_filter(text)
    if clause is None:
        return []
    stmt = _choice_select().where(live(P), clause).order_by(P.search_key, P.name, P.id).limit(limit)
    with ws.db.engine.connect() as conn:
        return [_choice(r) for r in conn.execute(stmt)]


def person_choice(ws, person_id: str | None) -> PersonChoice | None:
    """Returns the PersonChoice of person `person_id`, or None when it is empty or unknown."""
    if not person_id:
        return None
    with ws.db.engine.connect() as conn:
        r = conn.execute(_choice_select().where(P.id == person_id)).first()
    return _choice(r) if r is not None else None
