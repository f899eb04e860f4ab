"""Search and matching keys: derived columns, recomputed on every create and update (and by
migration 0004 for stored rows), never typed (store.serialize.DERIVED keeps them out of dumps).

On arrival from a package (sync.apply) ``name_key`` and ``phone_key`` are always recomputed (cheap:
about 2 µs each; name_key is what duplicate checks compare, phone_key holds phone digits). The
``search_key``, whose pypinyin readings are what costs (0.1–0.3 ms for a name not seen before),
is taken as the sender carried it when the package declares this program's core.pinyin.KEYS_VERSION
and the key passes :func:`usable_key`; otherwise it is recomputed (CONTRIBUTING.md, "Package
format": why a peer's key may be trusted).

people: ``search_key`` (pinyin readings, the name as typed and its canonical key, so a search
by any variant finds the person), ``name_key`` (core.names.name_key: what duplicate checks
compare) and ``phone_key`` (core.phones.phone_search_key). activities and units: ``search_key``.
"""
from __future__ import annotations

from ..core.names import name_key, person_keys
from ..core.phones import phone_search_key
from ..core.pinyin import key_holds_text, person_search_key, search_key
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


# A carried key may hold, per character of its text, up to MAX_VARIANTS readings of up to 6
# letters, in full and as initials, plus the text twice: 64 characters a character is above that.
KEY_CHARS_PER_CHAR = 64


def usable_key(table: str, values: dict, key: object) -> bool:
    """Returns True when `key`, a search key carried in a package for a record with column values `values`
    (a dict), may be stored as it is: a string of bounded length (KEY_CHARS_PER_CHAR per character
    of its text, plus 32) that holds the record's own text as a query sees it
    (core.pinyin.key_holds_text) and, for a unit, ends with the unit's code. Anything else (a key
    made from other text, empty, too long, not text) is recomputed by the caller. Cost: one NFKC
    normalisation and a substring search, no pypinyin."""
    if table not in SOURCES or not isinstance(key, str):
        return False
    text = values.get(SOURCES[table][0]) or ""
    if len(key) > KEY_CHARS_PER_CHAR * (len(text) + 1) + 32 or not key_holds_text(key, text):
        return False
    if table == "units":
        code = (values.get("code") or "").lower()
        return key.endswith(f" {code}")
    return True


def derived_values(table: str, values, carried: str | None = None) -> dict[str, str]:
    """Returns every derived column of one record (dict or ORM object): {} for tables without any.

    carried: the search key a package brought for this record (sync.apply), used when
    usable_key accepts it, else computed like the rest."""
    if carried is not None and isinstance(values, dict) and usable_key(table, values, carried):
        if table == "people":
            return {"search_key": carried, "name_key": name_key(values.get("name")),
                    "phone_key": phone_search_key(values.get("phone"))}
        return {"search_key": carried}
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


KEY_SAMPLE = 500     # rows per table the `check` command recomputes


def stale_key_problems(s, sample: int = KEY_SAMPLE) -> list[str]:
    """Returns one English line per table whose stored derived keys differ from what this program
    computes, for up to `sample` rows per table (the most recently changed, by clock stamp): the
    `check` command's test that keys carried in packages (or left by an older release) agree with
    the rules (CONTRIBUTING.md, "Package format"). A wrong search key only hides a record from search
    or misplaces it in a list sorted by name (a wrong name_key, which never travels, would hide it
    from the duplicate check); the lines name tables, counts and record ids, never values.
    `s` is a SQLAlchemy Session; database errors propagate."""
    from sqlalchemy import select

    from ..store.models import MODEL_BY_TABLE

    problems: list[str] = []
    for table in SOURCES:
        t = MODEL_BY_TABLE[table].__table__
        derived = [c for c in ("search_key", "name_key", "phone_key") if c in t.c]
        wanted = {c.key for c in t.columns}
        query = select(t).order_by(t.c.hlc.desc()).limit(sample)
        if table == "units":
            query = query.where(t.c.builtin.is_(False))   # built-in units' keys come with the division list
        rows = [dict(r) for r in s.execute(query).mappings()]
        wrong = [r["id"] for r in rows if derived_values(table, {k: r[k] for k in wanted})
                 != {c: r[c] for c in derived}]
        if wrong:
            problems.append(f"search keys: {len(wrong)} of {len(rows)} {table} records checked differ from what "
                            f"this program computes (pinyin search may miss them), e.g. {', '.join(wrong[:3])}")
    return problems
