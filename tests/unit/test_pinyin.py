"""Pinyin search keys: what a clerk types must find the person or unit, in Python and in SQL."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanxiang_desktop.core.pinyin import (
    MAX_VARIANTS,
    like_pattern,
    matches,
    normalize_query,
    person_search_key,
    pinyin_and_initials,
    search_key,
)


@pytest.mark.parametrize("query", ["zzz", "掌政", "zhangzheng", "掌政镇", "ZhangZheng", "zhang zheng", "zzz"])
def test_unit_name_found_by_chinese_initials_and_full_pinyin(query):
    assert matches(search_key("掌政镇"), query)


def test_unit_name_not_found_by_unrelated_query():
    key = search_key("掌政镇")
    assert not matches(key, "yinchuan")
    assert not matches(key, "zzzz")
    assert not matches(key, "zhengzhang")


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("单田芳", ["shan", "dan", "shantianfang", "dantianfang", "stf", "dtf", "单田"]),
        ("曾国藩", ["zeng", "zengguofan", "zgf", "ceng"]),
        ("解缙", ["xie", "xiejin", "xj", "jie"]),
        ("仇英", ["qiu", "qiuying", "qy"]),
        ("区庄", ["ouzhuang", "quzhuang"]),
        ("查良镛", ["zhaliangyong", "zly"]),
        ("朴槿惠", ["piaojinhui", "pjh"]),
        ("万俟卨", ["moqi", "moqixie", "mqx"]),
        ("乐嘉", ["yuejia", "lejia"]),
    ],
)
def test_surname_readings_and_common_readings(name, queries):
    key = person_search_key(name)
    for q in queries:
        assert matches(key, q), (name, q, key)


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("欧阳修", ["ouyangxiu", "oyx", "ouyang"]),
        ("司马光", ["simaguang", "smg"]),
        ("诸葛亮", ["zhugeliang", "zgl"]),
        ("长孙无忌", ["zhangsunwuji", "zswj"]),
        ("尉迟恭", ["yuchigong", "ycg"]),
        ("单于洋", ["chanyuyang", "cyy", "shanyuyang", "danyuyang"]),
    ],
)
def test_compound_surnames(name, queries):
    key = person_search_key(name)
    for q in queries:
        assert matches(key, q), (name, q, key)


def test_compound_surname_alone_is_not_split_from_a_two_character_name():
    # "欧阳" as a whole two-character name: read as a given name would be, still findable.
    assert matches(person_search_key("欧阳"), "ouyang")


def test_person_key_keeps_everyday_reading_of_given_name():
    key = person_search_key("张长乐")
    assert matches(key, "zhangchangle")
    assert matches(key, "zcl")


def test_mixed_latin_and_digits():
    key = person_search_key("Tom张")
    for q in ("tom", "tomzhang", "tomz", "tom张", "TOM"):
        assert matches(key, q), q
    key = person_search_key("李Lily")
    for q in ("lilily", "llily", "li", "lily"):
        assert matches(key, q), q
    key = search_key("第2小学")
    for q in ("di2xiaoxue", "d2xx", "第2小学", "第２小学"):
        assert matches(key, q), q


def test_punctuation_in_names_is_ignored_for_matching():
    key = person_search_key("买买提·艾力")
    assert matches(key, "买买提艾力")
    assert matches(key, "maimaitiaili")
    assert matches(key, "买买提·艾力")


def test_u_umlaut_spelled_v_or_u():
    key = person_search_key("吕布")
    for q in ("lvbu", "lubu", "lüBu", "lb"):
        assert matches(key, q), q


def test_full_width_and_spaces_in_names():
    assert person_search_key("  张 三 ") == person_search_key("张三")
    assert matches(person_search_key("ＡＢ１２"), "ab12")


@pytest.mark.parametrize("empty", ["", "   ", "\u3000"])
def test_empty_text_gives_empty_key(empty):
    assert search_key(empty) == ""
    assert person_search_key(empty) == ""


def test_empty_query_matches_everything():
    assert matches("", "")
    assert matches(search_key("掌政镇"), "  ")


def test_normalize_query():
    assert normalize_query("  ZHANG San ") == "zhangsan"
    assert normalize_query("Ｘｉ'an") == "xian"
    assert normalize_query("xi’an") == "xian"
    assert normalize_query("ｚｚｚ") == "zzz"
    assert normalize_query("lü") == "lv"
    assert normalize_query("掌 政") == "掌政"
    assert normalize_query("") == ""


def test_variants_are_bounded_for_long_names():
    name = "单" + "长乐和重行的" * 6
    key = person_search_key(name)
    # each variant gives at most a full and an initials part, plus two spellings of the text
    assert len(key.split(" ")) <= 2 * MAX_VARIANTS + 2
    assert matches(key, "shan") and matches(key, "dan")


def test_key_parts_are_lower_case():
    key = person_search_key("ZHANG Wei 张伟")
    assert key == key.lower()
    ascii_parts = [p for p in key.split(" ") if p.isascii()]
    assert ascii_parts and all(p.isalnum() for p in ascii_parts)


def test_pinyin_and_initials():
    assert pinyin_and_initials("掌政镇") == ("zhangzhengzhen", "zzz")
    assert pinyin_and_initials("重庆市") == ("chongqingshi", "cqs")
    assert pinyin_and_initials("天津经济技术开发区（其他片区）")[1] == "tjjjjskfqqtpq"
    assert pinyin_and_initials("") == ("", "")


NAMES = ["单田芳", "曾国藩", "欧阳修", "掌政镇", "Tom张", "张三", "李四", "吕布", "100%_科协", "王五"]


@pytest.mark.parametrize("query", ["shan", "dan", "zeng", "oy", "zzz", "tom", "zs", "lu", "%", "_", "%_", "科协", "z"])
def test_sql_like_agrees_with_matches(query):
    con = sqlite3.connect(":memory:")
    con.execute("create table t (name text, key text)")
    rows = [(n, person_search_key(n)) for n in NAMES]
    con.executemany("insert into t values (?, ?)", rows)
    found = {n for (n,) in con.execute(
        "select name from t where key like ? escape '\\'", (like_pattern(query),))}
    assert found == {n for n, k in rows if matches(k, query)}
    con.close()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("单曾解欧阳张王长乐重和abcZ 1·'（）"), max_size=12))
def test_every_key_part_finds_its_own_text(text):
    for key in (search_key(text), person_search_key(text)):
        assert key == "" or text.strip()
        for part in key.split(" "):
            if part:
                assert matches(key, part)
        assert len(key) < 4000
