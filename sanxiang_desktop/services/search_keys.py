"""Search and matching keys: derived columns, recomputed on every create and update (and on
arrival from a package, and by migration 0004 for stored rows), never typed or trusted from
elsewhere (store.serialize.DERIVED keeps them out of packages and dumps).

people: ``search_key`` (pinyin readings, the name as typed and its canonical key, so a search
by any variant finds the person), ``name_key`` (core.names.name_key: what duplicate checks
compare) and ``phone_key`` (core.phones.phone_search_key). activities and units: ``search_key``.
"""
from __future__ import annotations

from ..core.names import person_keys
from ..core.pinyin import person_search_key, search_key
from .hooks import CREATE_HOOKS, UPDATE_HOOKS

# table -> (field the key is made from, function)
SOURCES = {
    "people": ("name", person_search_key),
    "activities": ("title", search_key),
    "units": ("name", None),
}


def key_for(table: str, values) -> str | None:
    """Returns the search key for a record given as a dict or an ORM object; None for other tables."""
    if table not in SOURCES:
        return None
    get = values.get if isinstance(values, dict) else (lambda k: getattr(values, k, None))
    field, fn = SOURCES[table]
    text = get(field) or ""
    if table == "units":
        return f"{search_key(text)} {get('code') or ''}".lower()
    if table == "people":
        return person_keys(text, None)["search_key"]
    return fn(text)


def derived_values(table: str, values) -> dict[str, str]:
    """Returns every derived column of one record (dict or ORM object): {} for tables without any."""
    if table == "people":
        get = values.get if isinstance(values, dict) else (lambda k: getattr(values, k, None))
        return person_keys(get("name"), get("phone"))
    key = key_for(table, values)
    return {} if key is None else {"search_key": key}


def derive(table: str, target) -> None:
    """Set the derived columns on a dict of values or an ORM object, in place."""
    for column, value in derived_values(table, target).items():
        if isinstance(target, dict):
            target[column] = value
        else:
            setattr(target, column, value)


def _hook(table: str):
    def hook(s, ws, target) -> None:
        derive(table, target)
    hook.__name__ = f"search_key_{table}"
    return hook


for _table in SOURCES:
    CREATE_HOOKS.setdefault(_table, []).append(_hook(_table))
    UPDATE_HOOKS.setdefault(_table, []).append(_hook(_table))
