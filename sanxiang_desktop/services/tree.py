"""The unit tree below the home unit, as the GUI's tree view asks for it: children on demand,
the path down to a unit, and a search by name, pinyin or code.

Everything here is a few small queries; the view calls these functions on the database worker
and keeps what they return, so expanding a township or typing in the filter box never blocks."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import Select, func, literal, or_, select
from sqlalchemy.orm import Session

from ..core.pinyin import like_pattern, normalize_query
from ..store import models as m
from ..store.database import Database

SEARCH_LIMIT = 200


def below_select(code: str) -> Select:
    """Returns a SELECT of `code` and the code of every unit below it, at any depth (deleted units included:
    their records still belong to the subtree). Recursive on units.parent_code, index-backed.

    The one "units below X" of the program: lists filter with it, sync decides what a package
    carries and what a sender may send with units_below."""
    units = m.Unit.__table__
    tree = select(literal(code).label("code")).cte("subtree", recursive=True)
    tree = tree.union_all(select(units.c.code).where(units.c.parent_code == tree.c.code))
    return select(tree.c.code)


def units_below(s: Session, code: str) -> set[str]:
    """Returns `code` and the codes of every unit below it (see below_select)."""
    return set(s.execute(below_select(code)).scalars())


@dataclass(frozen=True)
class UnitNode:
    code: str
    name: str
    level: str                 # city | county | township | village
    parent_code: str | None
    kind: str | None           # villages: "village" | "community"
    child_count: int


@dataclass
class TreeSearch:
    """Units matching a query, and the children of every unit on the way down to them."""
    query: str
    matches: list[str] = field(default_factory=list)
    children: dict[str, list[UnitNode]] = field(default_factory=dict)
    truncated: bool = False


def _live():
    return m.Unit.deleted.is_(False)


def _child_counts(s, codes: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(0, len(codes), 500):
        chunk = codes[i:i + 500]
        counts.update(s.execute(select(m.Unit.parent_code, func.count()).where(
            m.Unit.parent_code.in_(chunk), _live()).group_by(m.Unit.parent_code)).all())
    return counts


def _nodes(s, rows) -> list[UnitNode]:
    rows = list(rows)
    counts = _child_counts(s, [r.code for r in rows])
    return [UnitNode(r.code, r.name, r.level, r.parent_code, r.kind, counts.get(r.code, 0)) for r in rows]


def unit_node(db: Database, code: str) -> UnitNode | None:
    """Returns the UnitNode of live unit `code`, or None when there is none."""
    with db.session() as s:
        row = s.execute(select(m.Unit.code, m.Unit.name, m.Unit.level, m.Unit.parent_code, m.Unit.kind)
                        .where(m.Unit.code == code, _live())).first()
        return _nodes(s, [row])[0] if row else None


def children(db: Database, parents: Iterable[str]) -> dict[str, list[UnitNode]]:
    """Returns the live children of each parent, in code order (a parent without children maps to [])."""
    parents = list(dict.fromkeys(parents))
    out: dict[str, list[UnitNode]] = {p: [] for p in parents}
    with db.session() as s:
        for i in range(0, len(parents), 500):
            rows = s.execute(select(m.Unit.code, m.Unit.name, m.Unit.level, m.Unit.parent_code, m.Unit.kind)
                             .where(m.Unit.parent_code.in_(parents[i:i + 500]), _live())
                             .order_by(m.Unit.code)).all()
            for node in _nodes(s, rows):
                out[node.parent_code].append(node)
    return out


def _parent_map(s) -> dict[str, str | None]:
    # The units table holds one installation's subtree and its ancestors: hundreds of rows, not millions.
    return dict(s.execute(select(m.Unit.code, m.Unit.parent_code).where(_live())).all())


def _path(parents: dict[str, str | None], root: str, code: str) -> list[str] | None:
    path = [code]
    seen = {code}
    while path[-1] != root:
        parent = parents.get(path[-1])
        if parent is None or parent in seen:
            return None
        path.append(parent)
        seen.add(parent)
    return path[::-1]


def path_within(db: Database, root: str, code: str) -> list[str] | None:
    """Returns [root, ..., code] when code is root or lies below it, else None."""
    with db.session() as s:
        if code not in (parents := _parent_map(s)):
            return None
        return _path(parents, root, code)


def load_paths(db: Database, root: str, codes: Iterable[str]) -> dict[str, list[UnitNode]]:
    """Returns children of every unit above each code (up to root), so a view can show the codes' nodes."""
    with db.session() as s:
        parents = _parent_map(s)
    needed: list[str] = []
    for code in codes:
        path = _path(parents, root, code) if code in parents else None
        if path:
            needed.extend(path[:-1])
    return children(db, needed)


def search(db: Database, root: str, text: str, limit: int = SEARCH_LIMIT) -> TreeSearch:
    """Returns units below root (root included) whose name, pinyin, initials or code match text."""
    q = normalize_query(text)
    result = TreeSearch(query=text)
    if not q:
        return result
    with db.session() as s:
        parents = _parent_map(s)
        hits = s.scalars(select(m.Unit.code).where(_live(), or_(
            m.Unit.search_key.like(like_pattern(q), escape="\\"),
            m.Unit.name.like(like_pattern(q), escape="\\"),
            m.Unit.code.like(q.replace("%", "").replace("_", "") + "%"))).order_by(m.Unit.code)).all()
    paths = {}
    for code in hits:
        path = _path(parents, root, code)
        if path is not None:
            paths[code] = path
            if len(paths) > limit:
                break
    result.truncated = len(paths) > limit
    result.matches = list(paths)[:limit]
    above = [c for code in result.matches for c in paths[code][:-1]]
    result.children = children(db, above)
    return result
