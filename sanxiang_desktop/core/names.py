"""One person is one person: the canonical matching key of a name.

Clerks type the same name in many ways: ``买买提·艾力``, ``买买提.艾力``, ``买买提•艾力``,
``买买提艾力``; ``张三`` and ``张　三`` (a full-width space); ``陈秀宝`` and, from a Hong Kong or
Taiwan card or an old ledger, ``陳秀寶``. The name is *stored as typed*; the key below is what
duplicate checks compare and what name search also matches, so each of these is the same person.

The key: Unicode NFKC (width and compatibility forms, CJK compatibility ideographs to their
unified characters), every kind of space and invisible character removed, every middle-dot
variant (and dashes, which some clerks use instead) removed, letters case-folded, and traditional
and variant characters mapped to simplified by OpenCC (the ``opencc`` package: its ``t2s``
tables, then ``hk2s`` for variants ``t2s`` leaves, e.g. 衞 -> 卫).
"""
from __future__ import annotations

import functools
import re
import threading
import unicodedata

__all__ = ["MIDDLE_DOTS", "cache_clear", "name_key", "person_keys", "to_simplified"]

#: Characters used between the parts of a transcribed (Uyghur, Kazakh, foreign) name. After
#: NFKC, U+FF65 is U+30FB and U+FF0E is ".", so the list holds the NFKC forms and the rest.
MIDDLE_DOTS = ("\u00b7\u0387\u2022\u2024\u2027\u2219\u22c5\u30fb\u2e31\u2e33\u318d\u16eb"
               "\ua78f\u1427\u25cf\u00b8.\u3002")
_DROP = re.compile(f"[\\s{re.escape(MIDDLE_DOTS)}\\-\u2010-\u2015\u2212\ufe58\ufe63_]+")

_lock = threading.Lock()
_converters: list = []


def _opencc():
    """The OpenCC converters, made once (their dictionaries load in a few milliseconds)."""
    with _lock:
        if not _converters:
            import opencc  # imported late: only name keys and searches need it

            _converters.extend([opencc.OpenCC("t2s"), opencc.OpenCC("hk2s")])
        return _converters


def to_simplified(text: str) -> str:
    """Traditional and variant characters mapped to simplified (``陳秀寶`` -> ``陈秀宝``).

    Character by character and without phrase context, so a name's characters are never
    rewritten differently depending on their neighbours. Other characters pass unchanged."""
    if not text or text.isascii():
        return text or ""
    return "".join([_simplified_char(ch) if ord(ch) >= 0x3400 else ch for ch in text])   # only CJK can change


@functools.lru_cache(maxsize=65536)   # a few thousand characters make up nearly every name
def _simplified_char(ch: str) -> str:
    """One character through both converters (no phrase rules: see to_simplified)."""
    for converter in _opencc():
        ch = converter.convert(ch)
    return ch


@functools.lru_cache(maxsize=65536)   # names repeat: an import meets each common name many times
def name_key(name: str | None) -> str:
    """The canonical matching key of a person's name ("" for none); see the module docstring.

    ``name_key("買買提 · 艾力") == name_key("买买提艾力") == "买买提艾力"``."""
    text = unicodedata.normalize("NFKC", name or "")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp"))
    text = _DROP.sub("", text).casefold()
    return to_simplified(text)


def cache_clear() -> None:
    """Empty the caches of keys and characters (benchmarks: a real import meets names not seen before)."""
    name_key.cache_clear()
    _simplified_char.cache_clear()


def person_keys(name: str | None, phone: str | None) -> dict[str, str]:
    """Every derived matching column of a person: ``search_key`` (pinyin readings and the name,
    plus its canonical key, so ``陳秀寶`` also holds ``陈秀宝``), ``name_key`` and ``phone_key``
    (core.phones.phone_search_key). Used on save (services.search_keys) and by migration 0004."""
    from .phones import phone_search_key
    from .pinyin import person_search_key

    key = person_search_key(name or "")
    canonical = name_key(name)
    if canonical and canonical not in key.split():
        key = f"{key} {canonical}".strip()
    return {"search_key": key, "name_key": canonical, "phone_key": phone_search_key(phone)}
