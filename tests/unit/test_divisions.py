"""The built-in division tree: shape of the national data, Yinchuan, codes and search."""
from __future__ import annotations

import gzip
import pathlib
import subprocess
import sys

import pytest

from sanxiang_desktop.core.divisions import (
    YINCHUAN,
    Division,
    DivisionTree,
    level_of_code,
    normalize_code,
)

REPO = pathlib.Path(__file__).resolve().parents[2]
SOURCE = REPO.parent / "shared" / "reference" / "divisions"
RESOURCE = REPO / "resources" / "divisions" / "divisions.csv.gz"
YINCHUAN_COUNTIES = {
    "640104": "兴庆区", "640105": "西夏区", "640106": "金凤区",
    "640121": "永宁县", "640122": "贺兰县", "640181": "灵武市",
}


@pytest.fixture(scope="module")
def tree() -> DivisionTree:
    return DivisionTree.builtin()


def codes(units):
    return [d.code for d in units]


# -- codes ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("640104001000", "640104001"),
        ("640100000000", "640100"),
        ("640000000000", "640000"),
        ("640104000000", "640104"),
        ("640104001", "640104001"),
        ("640104000", "640104"),
        ("640104", "640104"),
        ("6401", "640100"),
        ("64", "640000"),
        ("640104001001", "640104001001"),
        (" 6401 04 ", "640104"),
        ("６４０１０４", "640104"),
        ("\u3000640104\t", "640104"),
    ],
)
def test_normalize_code(raw, canonical):
    assert normalize_code(raw) == canonical


@pytest.mark.parametrize("bad", ["", "  ", "6", "640", "64010", "6401041", "64a104", "00", "001234",
                                 "6401040010001", "-64010", "640104.0", None, 640104])
def test_normalize_code_rejects_malformed(bad):
    assert normalize_code(bad) is None


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("640104001001", "village"), ("640104001000", "township"), ("640104001", "township"),
        ("640000", "province"), ("64", "province"), ("640100", "city"), ("6401", "city"),
        ("640104", "county"), ("xx", None), ("", None),
    ],
)
def test_level_of_code(code, level):
    assert level_of_code(code) == level


# -- the national tree ---------------------------------------------------------------------
def test_builtin_is_loaded_once(tree):
    assert DivisionTree.builtin() is tree
    assert len(tree) == 44696


def test_level_counts(tree):
    counts: dict[str, int] = {}
    for d in tree:
        counts[d.level] = counts.get(d.level, 0) + 1
    assert counts == {"province": 31, "city": 335, "county": 2978, "township": 41352}


def test_every_unit_has_a_parent_of_the_right_level(tree):
    allowed = {"city": {"province"}, "county": {"city", "province"}, "township": {"county"}}
    for d in tree:
        if d.level == "province":
            assert d.parent_code is None
            continue
        parent = tree.get(d.parent_code)
        assert parent is not None, d
        assert parent.level in allowed[d.level], (d, parent)
        assert d.initials and d.pinyin.isascii() and d.pinyin.islower(), d


def test_yinchuan(tree):
    city = tree.get(YINCHUAN)
    assert (city.name, city.level, city.parent_code) == ("银川市", "city", "640000")
    assert {d.code: d.name for d in tree.children(YINCHUAN)} == YINCHUAN_COUNTIES
    townships = [d for d in tree.descendants(YINCHUAN) if d.level == "township"]
    assert len(townships) == 62
    assert all(d.code.startswith("6401") for d in townships)


def test_municipalities_and_odd_cities(tree):
    assert tree.get("110100").name == "北京市"
    assert tree.get("310100").name == "上海市"
    assert tree.get("500100").name == "重庆市"
    assert tree.get("500200").name == "重庆市（县）"
    assert tree.get("110101").parent_code == "110100"
    # 省直辖县级行政区划: counties hang under the province, the pseudo city is gone
    jiyuan = tree.get("419001")
    assert (jiyuan.name, jiyuan.level, jiyuan.parent_code) == ("济源市", "county", "410000")
    assert tree.get("419000") is None
    assert tree.get("659001").parent_code == "650000"
    # 东莞市: one county-level node under the province holding its townships
    dongguan = tree.get("441900")
    assert (dongguan.name, dongguan.level, dongguan.parent_code) == ("东莞市", "county", "440000")
    assert tree.children("441900") and all(d.level == "township" for d in tree.children("441900"))


def test_get_accepts_other_spellings(tree):
    assert tree.get("640104001000").code == "640104001"
    assert tree.get("６４０１").code == YINCHUAN
    assert tree.get(" 64 ").name == "宁夏回族自治区"
    assert tree.get("640104001001") is None  # a village: not in the tree
    assert tree.get("999999") is None
    assert tree.get("rubbish") is None
    assert "640104" in tree and "999999" not in tree


def test_children_sorted_and_roots(tree):
    provinces = tree.children(None)
    assert len(provinces) == 31 and provinces == tree.roots()
    assert codes(provinces) == sorted(codes(provinces))
    kids = tree.children("640104")
    assert codes(kids) == sorted(codes(kids)) and len(kids) > 5
    assert tree.children("640104100") == []
    assert tree.children("999999") == []


def test_ancestors(tree):
    assert [d.name for d in tree.ancestors("640104100")] == ["宁夏回族自治区", "银川市", "兴庆区"]
    assert codes(tree.ancestors("640104100000")) == ["640000", "640100", "640104"]
    assert tree.ancestors("640000") == []
    assert tree.ancestors("999999") == []
    assert tree.path_name("640104100") == "宁夏回族自治区银川市兴庆区掌政镇"
    assert tree.path_name("110101001") == "北京市东城区东华门街道"


def test_descendants_depth_first(tree):
    units = list(tree.descendants(YINCHUAN))
    assert len(units) == 6 + 62
    assert YINCHUAN not in codes(units)
    expected = []
    for county in tree.children(YINCHUAN):
        expected.append(county.code)
        expected.extend(codes(tree.children(county.code)))
    assert codes(units) == expected
    assert list(tree.descendants("640104100")) == []
    assert list(tree.descendants("999999")) == []
    assert tree.is_within("640104100", YINCHUAN) and not tree.is_within("110101", YINCHUAN)


# -- search --------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["zzz", "掌政", "zhangzheng", "ZhangZheng", "掌政镇", "640104100"])
def test_search_finds_zhangzheng(tree, query):
    assert tree.search(query, within=YINCHUAN)[0].code == "640104100"
    assert "640104100" in codes(tree.search(query, limit=1000))


def test_search_by_code_prefix(tree):
    found = tree.search("640104", limit=100)
    assert found[0].code == "640104"  # exact first
    assert all(d.code.startswith("640104") for d in found)
    assert len(found) == 1 + len(tree.children("640104"))
    assert tree.search("6401")[0].code == YINCHUAN  # "6401" is Yinchuan's code too
    assert tree.search("640104001000")[0].code == "640104001"


def test_search_ranking_exact_prefix_substring_then_level(tree):
    found = tree.search("北京市", limit=10)
    assert codes(found[:2]) == ["110100", "110000"]  # exact; city before province
    assert found[2].name.startswith("北京市")  # then prefix matches
    found = tree.search("xingqing", limit=100)
    assert found[0].code == "640104"
    names = [d.name for d in tree.search("银川", limit=20)]
    assert names.index("银川乡") < names.index("银川市")  # both prefix: township first
    assert all(n.startswith("银川") for n in names[: names.index("银川市") + 1])
    tiers = tree.search("zhen", limit=100)
    assert tiers[0].pinyin.startswith("zhen") and tiers[0].level == "township"


def test_search_filters(tree):
    assert codes(tree.search("兴庆", levels={"county"})) == ["640104"]
    assert tree.search("兴庆", levels={"city"}) == []
    within = tree.search("z", within="640104", limit=1000)
    assert within and all(tree.is_within(d.code, "640104") for d in within)
    assert tree.search("z", within="999999") == []
    assert len(tree.search("z", limit=7)) == 7
    assert tree.search("") == [] and tree.search("  ") == []
    assert tree.search("zzz", limit=0) == []


def test_search_is_stable_and_unique(tree):
    first = tree.search("jd", limit=200)
    assert first == tree.search("jd", limit=200)
    assert len(set(codes(first))) == len(first)


# -- the file and its builder --------------------------------------------------------------
def test_resource_is_compact():
    assert RESOURCE.stat().st_size < 1_500_000


def test_tree_rejects_broken_input(tmp_path):
    with pytest.raises(ValueError):
        DivisionTree([Division("640100", "银川市", "city", "640000", "ycs", "yinchuanshi")])
    unit = Division("640000", "宁夏", "province", None, "nx", "ningxia")
    with pytest.raises(ValueError):
        DivisionTree([unit, unit])
    bad = tmp_path / "bad.csv.gz"
    bad.write_bytes(gzip.compress(b"a,b\n1,2\n"))
    with pytest.raises(ValueError):
        DivisionTree.load(bad)
    small = tmp_path / "small.csv.gz"
    small.write_bytes(gzip.compress(
        "code,name,level,parent,initials,pinyin\n640000,宁夏,province,,nx,ningxia\n"
        "640100,银川市,city,640000,ycs,yinchuanshi\n".encode()))
    loaded = DivisionTree.load(small)
    assert len(loaded) == 2 and loaded.search("ycs")[0].code == "640100"


@pytest.mark.skipif(not (SOURCE / "streets.csv").is_file(), reason="reference data not present")
def test_build_script_reproduces_the_committed_file(tmp_path):
    out = tmp_path / "divisions.csv.gz"
    # A subprocess: the script loads place-name readings into pypinyin's global dictionary.
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_divisions.py"), "--source", str(SOURCE),
         "--output", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "township   41352" in result.stdout
    assert out.read_bytes() == RESOURCE.read_bytes()
