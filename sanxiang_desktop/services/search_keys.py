"""Pinyin search keys: derived columns, recomputed on every create and update (and on
arrival from a package), never typed or trusted from elsewhere."""
from __future__ import annotations

from ..core.pinyin import person_search_key, search_key
from .hooks import CREATE_HOOKS, UPDATE_HOOKS

# table -> (field the key is made from, function)
SOURCES = {
    "people": ("name", person_search_key),
    "activities": ("title", search_key),
    "units": ("name", None),
}


def key_for(table: str, values) -> str | None:
    """The search key for a record given as a dict or an ORM object; None for other tables."""
    if table not in SOURCES:
        return None
    get = values.get if isinstance(values, dict) else (lambda k: getattr(values, k, None))
    field, fn = SOURCES[table]
    text = get(field) or ""
    if table == "units":
        return f"{search_key(text)} {get('code') or ''}".lower()
    return fn(text)


def derive(table: str, target) -> None:
    key = key_for(table, target)
    if key is None:
        return
    if isinstance(target, dict):
        target["search_key"] = key
    else:
        target.search_key = key


def _hook(table: str):
    def hook(s, ws, target) -> None:
        derive(table, target)
    hook.__name__ = f"search_key_{table}"
    return hook


for _table in SOURCES:
    CREATE_HOOKS.setdefault(_table, []).append(_hook(_table))
    UPDATE_HOOKS.setdefault(_table, []).append(_hook(_table))
