"""The built-in administrative division tree (2023 statistical list, all of China).

Codes are canonical: province "640000", city "640100", county "640104", township
"640104001". :func:`normalize_code` turns the other spellings people paste (12-digit
statistical codes, "6401", full-width digits) into these.

The tree is read from ``resources/divisions/divisions.csv.gz`` (built by
``scripts/build_divisions.py``; every field is free of commas and quotes, so lines are split
directly — several times faster than the csv module).
"""
from __future__ import annotations

import bisect
import functools
import gzip
import importlib.resources
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from sanxiang_desktop.core.pinyin import normalize_query

__all__ = [
    "LEVELS",
    "YINCHUAN",
    "Division",
    "DivisionTree",
    "level_of_code",
    "normalize_code",
]

YINCHUAN = "640100"
#: Levels from the top down.
LEVELS = ("province", "city", "county", "township")
_LEVEL_RANK = {"township": 0, "county": 1, "city": 2, "province": 3}  # search order
_DIGITS = re.compile(r"[0-9]+")
_MANY_HITS = 1000


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: str
    parent_code: str | None
    initials: str
    pinyin: str


def normalize_code(code: str) -> str | None:
    """Canonical code, or None when malformed.

    "640104001000" -> "640104001", "640100000000" -> "640100", "6401" -> "640100",
    "64" -> "640000"; a 12-digit village code stays 12 digits. Spaces and full-width digits
    are accepted.
    """
    if not isinstance(code, str):
        return None
    text = "".join(unicodedata.normalize("NFKC", code).split())
    if not _DIGITS.fullmatch(text) or text.startswith("00"):
        return None
    if len(text) == 12:
        if not text.endswith("000"):
            return text
        text = text[:9]
    if len(text) == 9:
        if not text.endswith("000"):
            return text
        text = text[:6]
    if len(text) in (2, 4):
        text = text.ljust(6, "0")
    return text if len(text) == 6 else None


def level_of_code(code: str) -> str | None:
    """The level a code's shape implies ("village" for 12 digits); None when malformed.

    Shape only: the tree itself knows better for the few exceptions (东莞市 441900 is a
    county-level node there).
    """
    canonical = normalize_code(code)
    if canonical is None:
        return None
    if len(canonical) == 12:
        return "village"
    if len(canonical) == 9:
        return "township"
    if canonical.endswith("0000"):
        return "province"
    if canonical.endswith("00"):
        return "city"
    return "county"


class DivisionTree:
    """Immutable tree of divisions; cheap lookups, lazily indexed search."""

    def __init__(self, divisions: Iterable[Division]):
        self._by_code: dict[str, Division] = {}
        self._children: dict[str | None, list[Division]] = {}
        for d in sorted(divisions, key=lambda d: d.code):
            if d.code in self._by_code:
                raise ValueError(f"duplicate division code {d.code}")
            self._by_code[d.code] = d
            self._children.setdefault(d.parent_code, []).append(d)
        for d in self._by_code.values():
            if d.parent_code is not None and d.parent_code not in self._by_code:
                raise ValueError(f"division {d.code} has unknown parent {d.parent_code}")
        self._index: _SearchIndex | None = None

    # -- loading ------------------------------------------------------------------------
    @classmethod
    def builtin(cls) -> DivisionTree:
        """The packaged tree, loaded once per process."""
        return _builtin()

    @classmethod
    def load(cls, path: str | pathlib.Path | BinaryIO) -> DivisionTree:
        """A tree from a file (name or binary file object) written by scripts/build_divisions.py."""
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
            lines = f.read().splitlines()
        if not lines or lines[0] != "code,name,level,parent,initials,pinyin":
            raise ValueError(f"{path}: not a divisions file / 不是行政区划文件")
        divisions = []
        for line in lines[1:]:
            code, name, level, parent, initials, full = line.split(",")
            divisions.append(Division(code, name, level, parent or None, initials, full))
        return cls(divisions)

    # -- lookups ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def get(self, code: str) -> Division | None:
        """The unit for any accepted spelling of its code, else None."""
        found = self._by_code.get(code) if isinstance(code, str) else None
        if found is None:
            canonical = normalize_code(code)
            found = self._by_code.get(canonical) if canonical else None
        return found

    def roots(self) -> list[Division]:
        """The provinces, by code."""
        return list(self._children.get(None, ()))

    def children(self, code: str | None) -> list[Division]:
        """Direct children by code; None gives the provinces; an unknown code gives []."""
        if code is None:
            return self.roots()
        unit = self.get(code)
        return list(self._children.get(unit.code, ())) if unit else []

    def parent(self, code: str) -> Division | None:
        unit = self.get(code)
        return self._by_code.get(unit.parent_code) if unit and unit.parent_code else None

    def ancestors(self, code: str) -> list[Division]:
        """From the province down to the parent; [] for a province or an unknown code."""
        chain = []
        unit = self.get(code)
        while unit is not None and unit.parent_code is not None:
            unit = self._by_code[unit.parent_code]
            chain.append(unit)
        return chain[::-1]

    def descendants(self, code: str) -> Iterator[Division]:
        """Depth-first (pre-order, children by code), excluding the unit itself."""
        unit = self.get(code)
        if unit is None:
            return
        stack = list(reversed(self._children.get(unit.code, ())))
        while stack:
            d = stack.pop()
            yield d
            stack.extend(reversed(self._children.get(d.code, ())))

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` itself or lies below it."""
        unit, top = self.get(code), self.get(ancestor)
        while unit is not None and top is not None:
            if unit.code == top.code:
                return True
            unit = self._by_code.get(unit.parent_code) if unit.parent_code else None
        return False

    def path_name(self, code: str, sep: str = "") -> str:
        """"宁夏回族自治区银川市兴庆区掌政镇"; repeated names (北京市北京市) are said once."""
        unit = self.get(code)
        if unit is None:
            return ""
        names: list[str] = []
        for d in [*self.ancestors(code), unit]:
            if not names or names[-1] != d.name:
                names.append(d.name)
        return sep.join(names)

    # -- search -------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        within: str | None = None,
        levels: set[str] | None = None,
    ) -> list[Division]:
        """Units whose name, pinyin, initials or code match ``query``.

        Order: exact matches (name, code, pinyin, initials), then prefix matches, then
        substrings; within each, townships before counties before cities before provinces,
        then by code. ``within`` keeps only that unit and its subtree (unknown -> []).
        """
        q = normalize_query(query)
        if not q or limit <= 0:
            return []
        top = None
        if within is not None:
            top = self.get(within)
            if top is None:
                return []
        if self._index is None:
            self._index = _SearchIndex(list(self._by_code.values()))
        index = self._index
        allowed = None
        if top is not None:
            allowed = {top.code, *(d.code for d in self.descendants(top.code))}
        exact_code = normalize_code(q) if q.isdigit() else None
        ranked = []
        for row in index.candidates(q):
            d = index.divisions[row]
            if levels is not None and d.level not in levels:
                continue
            if allowed is not None and d.code not in allowed:
                continue
            name = index.names[row]
            if d.code == exact_code or q == name or q == d.pinyin or q == d.initials:
                tier = 0
            elif (d.code.startswith(q) or name.startswith(q) or d.pinyin.startswith(q)
                  or d.initials.startswith(q)):
                tier = 1
            else:
                tier = 2
            ranked.append((tier, _LEVEL_RANK.get(d.level, 9), d.code))
        ranked.sort()
        return [self._by_code[code] for _, _, code in ranked[:limit]]


class _SearchIndex:
    """Each searchable field joined into one string, so a query is one C-level scan."""

    def __init__(self, divisions: list[Division]):
        self.divisions = divisions
        # Names spelled as normalize_query spells queries (full-width brackets etc.).
        self.names = [normalize_query(d.name) for d in divisions]
        self.fields = []
        for values in (
            self.names,
            [d.pinyin for d in divisions],
            [d.initials for d in divisions],
        ):
            starts, pos = [], 0
            for v in values:
                starts.append(pos)
                pos += len(v) + 1
            self.fields.append(("\n".join(values), starts, values))
        self.codes = [d.code for d in divisions]  # sorted: the tree is built in code order

    def candidates(self, q: str) -> set[int]:
        """Rows where q occurs in a name, pinyin or initials, or begins the code."""
        rows: set[int] = set()
        for haystack, starts, values in self.fields:
            if haystack.count(q) > _MANY_HITS:  # a row-by-row scan beats hopping hit to hit
                rows.update(i for i, v in enumerate(values) if q in v)
                continue
            pos = haystack.find(q)
            while pos != -1:
                row = bisect.bisect_right(starts, pos) - 1
                rows.add(row)
                # One hit per row is enough: continue at the next row.
                nxt = starts[row + 1] if row + 1 < len(starts) else len(haystack)
                pos = haystack.find(q, nxt)
        if q.isdigit():
            lo = bisect.bisect_left(self.codes, q)
            while lo < len(self.codes) and self.codes[lo].startswith(q):
                rows.add(lo)
                lo += 1
            exact = normalize_code(q)
            if exact is not None:
                i = bisect.bisect_left(self.codes, exact)
                if i < len(self.codes) and self.codes[i] == exact:
                    rows.add(i)
        return rows


@functools.lru_cache(maxsize=1)
def _builtin() -> DivisionTree:
    # Opened through importlib.resources, so it also works from a zip or a frozen bundle.
    resource = importlib.resources.files("sanxiang_desktop.resources") / "divisions" / "divisions.csv.gz"
    with resource.open("rb") as f:
        return DivisionTree.load(f)
