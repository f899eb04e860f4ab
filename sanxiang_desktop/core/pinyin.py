"""Pinyin search keys for people's and units' names.

A key is one lower-case string holding every plausible full-pinyin and initials reading of a
name plus the name itself, so the store can find rows with a plain ``LIKE '%q%'`` (see
:func:`like_pattern`) and Python code with :func:`matches` — the same rule in both places.

Readings are toneless, with "v" for "ü" (how pinyin IMEs spell it: 吕 -> "lv"); the "u"
spelling is kept as an extra variant because clerks type both.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import Sequence

__all__ = [
    "COMPOUND_SURNAMES",
    "KEYS_VERSION",
    "SURNAME_SOURCE",
    "SURNAME_SOURCES",
    "MAX_VARIANTS",
    "SURNAMES",
    "like_pattern",
    "matches",
    "normalize_query",
    "person_search_key",
    "pinyin_and_initials",
    "search_key",
    "key_holds_text",
]

#: The version of the rules that make search keys (this module's readings and key layout, the
#: surname tables, core.names.name_key, core.phones.phone_search_key, the unit key of
#: services.search_keys) and of the pypinyin / pypinyin-dict / OpenCC data behind them. Packages
#: declare it in their manifest ("keys_version") and carry their records' search keys; a receiver
#: uses a carried key only when the package's version equals its own (sync.records.decode_record).
#: BUMP IT whenever a rule above changes or those dependencies are upgraded in a way that changes a
#: key, together with a migration that recomputes the stored keys (as 0004 did): a sender's keys
#: made by other rules are then recomputed on arrival instead of trusted (CONTRIBUTING.md).
KEYS_VERSION = 1

#: Upper bound on whole-name readings per key, so a long name of heteronyms cannot explode.
MAX_VARIANTS = 8

#: Where each surname reading below comes from (pypinyin has no surname mode, so the table is
#: kept here; the readings are those these references give for the character used as a surname).
SURNAME_SOURCES: dict[str, str] = {
    "XH": "《现代汉语词典》第7版（商务印书馆，2016），该字注“姓”的义项",
    "XHZ": "《新华字典》第12版（商务印书馆，2020），该字注“姓”的义项",
    "BJX": "《百家姓》及《中华姓氏大辞典》（袁义达、杜若甫，2013）所注读音",
}

# (surname, readings in preference order, source key). Readings after the first are other
# readings in real use for the same surname (乐: Yuè and Lè families both exist).
_SURNAME_TABLE: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("单", ("shan",), "XH"), ("曾", ("zeng",), "XH"), ("解", ("xie",), "XH"), ("仇", ("qiu",), "XH"),
    ("区", ("ou",), "XH"), ("查", ("zha",), "XH"), ("朴", ("piao",), "XH"), ("乐", ("yue", "le"), "XH"),
    ("盖", ("ge", "gai"), "XH"), ("尉", ("wei",), "XH"), ("缪", ("miao",), "XH"), ("秘", ("bi",), "XH"),
    ("繁", ("po",), "XH"), ("覃", ("qin", "tan"), "XH"), ("召", ("shao",), "XH"),
    ("种", ("chong",), "XH"), ("员", ("yun",), "XH"), ("贠", ("yun",), "XH"), ("句", ("gou",), "XH"),
    ("阚", ("kan",), "XH"), ("柏", ("bai",), "XH"), ("薄", ("bo",), "XH"), ("翟", ("zhai",), "XH"),
    ("隗", ("wei",), "XH"), ("冼", ("xian",), "XH"), ("洗", ("xian",), "XHZ"), ("祭", ("zhai",), "XH"),
    ("折", ("she",), "XH"), ("那", ("na",), "XH"), ("牟", ("mou", "mu"), "XH"), ("费", ("fei",), "XH"),
    ("便", ("pian",), "XH"), ("能", ("nai",), "XHZ"), ("藏", ("zang",), "BJX"), ("莘", ("shen", "xin"), "XH"),
    ("褚", ("chu",), "XH"), ("佴", ("nai",), "XH"), ("谌", ("chen", "shen"), "XH"), ("车", ("che",), "XH"),
    ("番", ("pan",), "XH"), ("蕃", ("pi",), "BJX"), ("殷", ("yin",), "XH"), ("燕", ("yan",), "XH"),
    ("华", ("hua",), "XH"), ("任", ("ren",), "XH"), ("纪", ("ji",), "XH"), ("宁", ("ning",), "XH"),
    ("相", ("xiang",), "XH"), ("郇", ("huan", "xun"), "XH"), ("眭", ("sui",), "XH"), ("过", ("guo",), "XH"),
    ("逄", ("pang",), "XH"), ("乜", ("nie",), "XH"), ("粘", ("nian",), "XH"), ("朝", ("chao",), "XH"),
    ("长", ("chang",), "XHZ"), ("重", ("chong",), "XHZ"), ("隽", ("juan",), "XH"), ("角", ("jue",), "XH"),
    ("啜", ("chuai",), "XH"), ("都", ("du",), "XH"), ("台", ("tai",), "XH"), ("蔚", ("yu", "wei"), "XH"),
    ("仉", ("zhang",), "XH"), ("禚", ("zhuo",), "XH"), ("厍", ("she",), "XH"), ("亓", ("qi",), "XH"),
    ("缑", ("gou",), "XH"), ("恽", ("yun",), "XH"), ("訾", ("zi",), "XH"),
)

#: Single-character surnames whose surname reading differs from (or is not first among) the
#: everyday ones. Value: readings in preference order. Sources: ``SURNAME_SOURCE``.
SURNAMES: dict[str, tuple[str, ...]] = {ch: readings for ch, readings, _ in _SURNAME_TABLE}
SURNAME_SOURCE: dict[str, str] = {ch: SURNAME_SOURCES[src] for ch, _, src in _SURNAME_TABLE}

#: Two-character surnames and their readings (several are read unlike their characters).
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"),
    "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"), "乐正": ("yue", "zheng"),
    "子车": ("zi", "ju"), "闾丘": ("lv", "qiu"), "令狐": ("ling", "hu"),
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "诸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"),
    "公孙": ("gong", "sun"), "宇文": ("yu", "wen"), "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"), "夏侯": ("xia", "hou"), "轩辕": ("xuan", "yuan"),
    "呼延": ("hu", "yan"), "闻人": ("wen", "ren"), "端木": ("duan", "mu"),
    "濮阳": ("pu", "yang"), "淳于": ("chun", "yu"), "太史": ("tai", "shi"),
    "申屠": ("shen", "tu"), "公羊": ("gong", "yang"), "赫连": ("he", "lian"),
    "钟离": ("zhong", "li"), "仲孙": ("zhong", "sun"), "鲜于": ("xian", "yu"),
    "司空": ("si", "kong"), "亓官": ("qi", "guan"), "司寇": ("si", "kou"),
    "颛孙": ("zhuan", "sun"), "拓跋": ("tuo", "ba"), "南宫": ("nan", "gong"),
    "第五": ("di", "wu"), "公冶": ("gong", "ye"), "梁丘": ("liang", "qiu"),
    "左丘": ("zuo", "qiu"), "东郭": ("dong", "guo"), "西门": ("xi", "men"),
    "百里": ("bai", "li"), "谷梁": ("gu", "liang"), "羊舌": ("yang", "she"),
    "微生": ("wei", "sheng"), "公良": ("gong", "liang"), "漆雕": ("qi", "diao"),
    "巫马": ("wu", "ma"), "壤驷": ("rang", "si"), "公西": ("gong", "xi"),
}

_HAN_RUN = re.compile(
    "([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+)"
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Apostrophes separate syllables in typed pinyin ("xi'an"); spaces are never significant.
_QUERY_DROP = re.compile(r"[\s'\u2018\u2019\u00b7\u2022\u30fb]+")

# One segment's reading: (full, initials) per syllable; a Latin word or number is one
# "syllable" whose initials are the whole word — nobody types "t" for "Tom", but "tomz" for "Tom张".
Reading = tuple[tuple[str, str], ...]


def normalize_query(query: str) -> str:
    """Lower-case, full-width -> half-width, without spaces/apostrophes; "ü" typed as "v"."""
    text = unicodedata.normalize("NFKC", query or "").lower().replace("ü", "v")
    return _QUERY_DROP.sub("", text)


def matches(key: str, query: str) -> bool:
    """The SQL rule in Python: the cleaned query is a substring of the key (empty matches)."""
    return normalize_query(query) in (key or "")


def like_pattern(query: str, escape: str = "\\") -> str:
    """``LIKE`` pattern equivalent to :func:`matches`; use with ``ESCAPE '\\'``."""
    q = normalize_query(query)
    for ch in (escape, "%", "_"):
        q = q.replace(ch, escape + ch)
    return f"%{q}%"


def _spellings(syllables: list[str]) -> list[str]:
    """Toneless ASCII spellings of one character's readings, most common first, deduplicated."""
    out: list[str] = []
    for s in syllables:
        s = _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", s).lower().replace("ü", "v"))
        for spelling in (s, s.replace("v", "u")) if "v" in s else (s,):
            if spelling and spelling not in out:
                out.append(spelling)
    return out


def _pinyin(run: str) -> list[list[str]]:
    # Imported here: pypinyin costs ~0.15 s to import, and loading the division tree (which
    # only needs normalize_query) should not pay it at start-up.
    from pypinyin import Style, pinyin

    items = pinyin(run, style=Style.NORMAL, heteronym=True)
    if len(items) == len(run):
        for i, (ch, item) in enumerate(zip(run, items)):
            if item == [ch]:  # pypinyin has no reading (CJK Extension B and later, rare forms)
                items[i] = extra_readings(ch) or item
    return items


# pypinyin-dict modules (maintained pinyin-data tables) consulted, in order, for characters
# pypinyin's own data does not read: zdic (汉典) covers most of Extension B; kHanyuPinyin and the
# merged pinyin-data table add a few more. Only their data dicts are read; nothing is loaded
# into pypinyin, so the readings of common characters stay pypinyin's own.
_EXTRA_TABLES = ("zdic", "pinyin", "khanyupinyin")
_extra: list[dict[int, str]] = []


def extra_readings(ch: str) -> list[str]:
    """Toneless readings of a character from pypinyin-dict's tables; [] when none has one."""
    if not _extra:
        import importlib

        for name in _EXTRA_TABLES:
            try:
                _extra.append(importlib.import_module(f"pypinyin_dict.pinyin_data.{name}").pinyin_dict)
            except ImportError:  # a build without pypinyin-dict: the rest of the name still matches
                pass
    for table in _extra:
        found = table.get(ord(ch))
        if found:
            out: list[str] = []
            for reading in found.split(","):
                plain = unicodedata.normalize("NFD", reading.strip()).replace("u\u0308", "v")
                plain = "".join(c for c in plain if not unicodedata.combining(c))
                if plain and plain not in out:
                    out.append(plain)
            return out
    return []


def _syllable_reading(*syllables: str) -> Reading:
    return tuple((s, s[0]) for s in syllables if s)


# A name's key reads its surname and its given name apart (person_search_key): both repeat far more
# than whole names (a city's 2,858 people: 102 surnames, 1,381 given names), so the readings of a
# text are cached by text too. A pure function of the text, returned as tuples nobody can change.
@functools.lru_cache(maxsize=65536)
def _segments(text: str) -> tuple[tuple[Reading, ...], ...]:
    """Per Han character its readings (phrase-aware default first); other runs kept as words."""
    return tuple(tuple(options) for options in _read_segments(text))


def _read_segments(text: str) -> list[list[Reading]]:
    segments: list[list[Reading]] = []
    for i, run in enumerate(_HAN_RUN.split(unicodedata.normalize("NFKC", text))):
        if not run:
            continue
        if i % 2 == 0:  # not Han: letters and digits pass through, punctuation goes
            for word in _NOT_ALNUM.split(run.lower()):
                if word:
                    segments.append([((word, word),)])
            continue
        items = _pinyin(run)
        if len(items) != len(run):  # alignment guard; pypinyin yields one item per character
            items = [_pinyin(ch)[0] for ch in run]
        for item in items:
            options = [_syllable_reading(s) for s in _spellings(item)]
            if options:  # a character pypinyin cannot read is left to the text part of the key
                segments.append(options)
    return segments


def _combine(segments: Sequence[Sequence[Reading]], cap: int = MAX_VARIANTS) -> list[Reading]:
    """Whole-text readings: every combination when few, else the default plus one-change variants.

    One-change variants, taken in order, keep every alternative of the first segment (the
    surname) reachable even when the full product would be huge.
    """
    if not segments:
        return []
    total = 1
    for options in segments:
        total *= len(options)
    if total <= cap:
        return [sum(combo, ()) for combo in itertools.product(*segments)]
    default = [options[0] for options in segments]
    variants = [sum(default, ())]
    for i, options in enumerate(segments):
        for alt in options[1:]:
            if len(variants) >= cap:
                return variants
            variants.append(sum(default[:i] + [alt] + default[i + 1:], ()))
    return variants


def _key(text: str, readings: list[Reading]) -> str:
    parts: list[str] = []
    for reading in readings:
        for part in ("".join(f for f, _ in reading), "".join(i for _, i in reading)):
            if part and part not in parts:
                parts.append(part)
    cleaned = unicodedata.normalize("NFKC", text).lower().replace("ü", "v")
    # The text itself, as a query would see it (no spaces), and without punctuation so
    # "买买提艾力" finds "买买提·艾力".
    for part in (_QUERY_DROP.sub("", cleaned), re.sub(r"[\W_]+", "", cleaned)):
        if part and part not in parts:
            parts.append(part)
    return " ".join(parts)


# Keys are pure functions of the text and cost 0.2–0.3 ms each (pypinyin); names and titles repeat
# (a package of 7,500 records has a few thousand distinct ones), so they are cached by text.
@functools.lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """Key for a unit's (or any non-person) name; "" for empty text."""
    text = (text or "").strip()
    if not text:
        return ""
    return _key(text, _combine(_segments(text)))


def _surname_segments(name: str) -> tuple[list[Reading], str] | None:
    """Surname reading options (surname readings first, everyday ones kept) and the rest."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        compound = _syllable_reading(*COMPOUND_SURNAMES[name[:2]])
        # The same characters may be a single surname and a given name (单 + 于洋).
        single = _surname_segments(name[0]) or ([], "")
        rest = _segments(name[1])
        second = rest[0][0] if rest else ()
        options = [compound] + [r + second for r in single[0]]
        return _dedupe(options), name[2:]
    first = name[0]
    if not _HAN_RUN.fullmatch(first):
        return None
    special = [_syllable_reading(s) for s in SURNAMES.get(first, ())]
    common = _segments(first)
    return _dedupe(special + list(common[0] if common else ())), name[1:]


def _dedupe(options: list[Reading]) -> list[Reading]:
    out: list[Reading] = []
    for o in options:
        if o and o not in out:
            out.append(o)
    return out


@functools.lru_cache(maxsize=65536)
def person_search_key(name: str) -> str:
    """Key for a person's name: the first character(s) also read as a surname (单 -> shan)."""
    name = unicodedata.normalize("NFKC", name or "").strip()
    if not name:
        return ""
    surname = _surname_segments(name)
    if surname is None or not surname[0]:
        return search_key(name)
    options, given = surname
    return _key(name, _combine([options, *_segments(given)]))


def key_holds_text(key: str, text: str | None) -> bool:
    """Returns True when `key` holds `text` as a query sees it (lower-case, no spaces or apostrophes), as
    every key :func:`search_key` and :func:`person_search_key` make of that text does.

    A cheap sanity test of a search key carried in a package (no pypinyin): a key made from other
    text (stale, empty, someone else's) fails it and is recomputed. It does not prove the readings
    right; a wrong reading only hides a record from a pinyin search (CONTRIBUTING.md)."""
    part = _QUERY_DROP.sub("", unicodedata.normalize("NFKC", (text or "").strip()).lower().replace("ü", "v"))
    return part in key


def cache_clear() -> None:
    """Empty every cache of keys and readings (benchmarks: a real import meets names not seen before)."""
    for fn in (search_key, person_search_key, _segments):
        fn.cache_clear()


def pinyin_and_initials(text: str) -> tuple[str, str]:
    """The single everyday (phrase-aware) reading: ("zhangzhengzhen", "zzz") for 掌政镇."""
    segments = _segments(text or "")
    reading: Reading = sum((options[0] for options in segments), ())
    return "".join(f for f, _ in reading), "".join(i for _, i in reading)
