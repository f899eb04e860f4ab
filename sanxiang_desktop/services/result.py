"""What a service call returns: what changed, or why nothing did."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.validation import Problem


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.tables | other.tables, self.ids | other.ids)

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))


@dataclass(frozen=True)
class Duplicate:
    """An existing person who may be the one being entered."""
    person_id: str
    name: str
    unit_code: str
    reason: str        # "id_number" | "name_birth" | "name_phone"
    reason_zh: str


@dataclass
class Result:
    ok: bool
    action: str = ""                     # e.g. "create:people"
    label: str = ""                      # Chinese, e.g. "新增人员：张三" — also the undo label
    record_id: str | None = None
    changes: Changes = field(default_factory=Changes)
    problems: tuple[Problem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    # A stale save (someone else saved the record since the form was opened): the record as it is
    # now, with "rev", so the form can show the newer values (issue 13).
    current: dict[str, Any] | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")

    def message_zh(self) -> str:
        return "；".join(p.message_zh for p in self.errors)

    def message_en(self) -> str:
        return "; ".join(p.message_en for p in self.errors)


class Invalid(Exception):
    """Raised inside a service to abort its transaction with user-facing problems."""

    def __init__(self, *problems: Problem, duplicates: tuple[Duplicate, ...] = (),
                 current: dict[str, Any] | None = None):
        super().__init__("; ".join(p.message_en for p in problems))
        self.problems = problems
        self.duplicates = duplicates
        self.current = current
