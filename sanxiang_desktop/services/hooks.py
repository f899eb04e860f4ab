"""The registries services fill and records.create/update/delete read: field rules, hooks run
before a create or an update, guards run before a delete, and duplicate checks before a create.

They live apart from records.py so a module that adds a rule (people, posts, units, search_keys)
imports this module and records.py imports it too, and neither imports the other. Each registry
is filled when services/__init__.py imports the modules that register into it."""
from __future__ import annotations

from typing import Any, Callable

from sqlalchemy.orm import Session

from ..core.validation import Problem
from .result import Duplicate

# Per-table rules run after field coercion: (session, workspace, values, record or None) -> problems.
Rule = Callable[[Session, Any, dict, Any], list[Problem]]
RULES: dict[str, list[Rule]] = {}

# (session, workspace, values) -> None, may fill derived values or raise Invalid.
CREATE_HOOKS: dict[str, list[Callable]] = {}
UPDATE_HOOKS: dict[str, list[Callable]] = {}
# (session, workspace, record) -> None; raise Invalid to refuse the delete.
DELETE_GUARDS: dict[str, list[Callable]] = {}
# (session, values) -> records that may be the same one; records.create refuses a new one
# while any are found, unless the clerk confirmed (allow_duplicate).
DUPLICATE_CHECKS: dict[str, Callable[[Session, dict], list[Duplicate]]] = {}


def rule(*tables: str) -> Callable[[Rule], Rule]:
    """Decorator: register a field rule for each of `tables` (run in records.validate, in order).
    Returns the decorator; it returns the rule unchanged."""
    def register(fn: Rule) -> Rule:
        for t in tables:
            RULES.setdefault(t, []).append(fn)
        return fn
    return register
