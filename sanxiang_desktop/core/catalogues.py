"""Catalogues (code lists) with Chinese and English labels.

Databases and exchange packages store the ASCII codes; the GUI, printed forms and Excel
ledgers show the labels. `by_label` reads a label back, tolerant of the ways people retype
it (half-/full-width brackets, quotes, spaces, older names), so Excel imports can map cells.
The contents live in catalogue_data.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from . import catalogue_data as data
from .validation import clean_text

__all__ = ["Entry", "Catalogue", "CATALOGUES", "KEY_SLOTS", "LEADERSHIP_ROLES", "slot_of_category"]


@dataclass(frozen=True)
class Entry:
    code: str
    zh: str
    en: str
    group: str | None = None
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


_MATCH_TABLE = str.maketrans({
    "(": "（", ")": "）", "[": "【", "]": "】", ",": "，",
    "・": "·", "•": "·", "‧": "·", "∙": "·",
    **{quote: None for quote in "\"'“”‘’„‟「」『』"},
    " ": None,
})


def _match_key(text: object) -> str:
    """Spellings of one label that a clerk would consider the same map to one key."""
    return clean_text(None if text is None else str(text)).translate(_MATCH_TABLE).casefold()


class Catalogue:
    """An ordered, immutable code list. Iteration yields entries in display order."""

    def __init__(self, name: str, entries: tuple[Entry, ...]):
        self.name = name
        self.entries = tuple(entries)
        self._by_code: dict[str, Entry] = {}
        # labels read back (by_label) are indexed on first use: every catalogue's ≈ 820 spellings cost
        # ≈ 3 ms of each start otherwise (issue 12); tests/unit/test_catalogues.py builds them all
        self._by_key: dict[str, Entry] | None = None
        for entry in self.entries:
            if entry.code in self._by_code:
                raise ValueError(f"catalogue {name}: duplicate code {entry.code!r}")
            self._by_code[entry.code] = entry

    def label_index(self) -> dict[str, Entry]:
        """{match key: entry} of every code, label and alias. Raises ValueError when one spelling
        names two entries (a mistake in catalogue_data.py)."""
        if self._by_key is None:
            index: dict[str, Entry] = {}
            for entry in self.entries:
                for text in (entry.code, entry.zh, entry.en, *entry.aliases):
                    other = index.setdefault(_match_key(text), entry)
                    if other is not entry:
                        raise ValueError(f"catalogue {self.name}: {text!r} names both "
                                         f"{other.code!r} and {entry.code!r}")
            self._by_key = index
        return self._by_key

    @classmethod
    def from_rows(cls, name: str, rows: list[tuple]) -> Catalogue:
        return cls(name, tuple(Entry(*row) for row in rows))

    def get(self, code: str | None) -> Entry | None:
        return self._by_code.get(code) if code is not None else None

    def label(self, code: str | None, lang: str = "zh") -> str:
        """The label to show; an unknown code (e.g. from a newer version) shows as itself."""
        if code is None:
            return ""
        entry = self._by_code.get(code)
        return entry.label(lang) if entry else code

    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def by_label(self, text: str | None) -> Entry | None:
        """The entry whose code, label (zh/en) or known alias matches `text`, or None."""
        if text is None:
            return None
        key = _match_key(text)
        return self.label_index().get(key) if key else None

    def in_group(self, group: str) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.group == group)

    def choices(self, lang: str = "zh") -> tuple[tuple[str, str], ...]:
        """(code, label) pairs in display order, for combo boxes."""
        return tuple((entry.code, entry.label(lang)) for entry in self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r}, {len(self.entries)} entries)"


CATALOGUES: dict[str, Catalogue] = {
    name: Catalogue.from_rows(name, rows) for name, rows in data.ALL.items()
}

KEY_SLOTS: dict[str, frozenset[str]] = {
    slot: frozenset(categories) for slot, categories in data.KEY_SLOT_CATEGORIES.items()
}

LEADERSHIP_ROLES: frozenset[str] = frozenset(
    code for code in CATALOGUES["role"].codes() if code not in data.NON_LEADERSHIP_ROLES
)


def slot_of_category(category: str | None) -> str | None:
    """Which of the three key-person slots a key-person category fills, if any."""
    for slot, categories in KEY_SLOTS.items():
        if category in categories:
            return slot
    return None
