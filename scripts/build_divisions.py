"""Build resources/divisions/divisions.csv.gz from the 2023 statistical division lists.

    .venv/bin/python scripts/build_divisions.py [--source DIR] [--output FILE]

The source directory holds provinces.csv, cities.csv, areas.csv and streets.csv (as in
../shared/reference/divisions/). The output is one gzip'd CSV, sorted by code, with columns
code,name,level,parent,initials,pinyin — codes canonical (640000, 640100, 640104, 640104001)
and pinyin precomputed so the program needs no pinyin work at start-up.

Oddities of the source that are straightened out here:
- municipalities' city rows are named 市辖区 (1101, 1201, 3101, 5001): shown as the
  province name ("北京市"); Chongqing's 5002 "县" becomes "重庆市（县）";
- 省直辖县级行政区划 / 自治区直辖县级行政区划 (4190, 4290, 4690, 6590) are no real city:
  their counties (济源市, 仙桃市, 石河子市, ...) hang directly under the province;
- 东莞市, 中山市, 儋州市 are cities without counties whose single "area" has the city's own
  canonical code (441900): one node, level county, directly under the province, so that every
  township's parent is a county.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import pathlib
import sys
from collections import Counter

REPO = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pypinyin import load_phrases_dict, load_single_dict  # noqa: E402

from sanxiang_desktop.core.pinyin import pinyin_and_initials  # noqa: E402

# Place names pypinyin reads wrongly (its default for 都 is "dou"; in place names it is "du").
# Loaded into this build process only; the program reads the precomputed result.
PLACE_SINGLE = {ord("都"): "dū"}
PLACE_PHRASES = {
    "朝阳": [["cháo"], ["yáng"]], "南乐": [["nán"], ["lè"]], "洪洞": [["hóng"], ["tóng"]],
    "漯河": [["luò"], ["hé"]], "浚县": [["xùn"], ["xiàn"]], "单县": [["shàn"], ["xiàn"]],
    "繁峙": [["fán"], ["shì"]],
}

DEFAULT_SOURCE = REPO.parent / "shared" / "reference" / "divisions"
DEFAULT_OUTPUT = REPO / "resources" / "divisions" / "divisions.csv.gz"
COLUMNS = ("code", "name", "level", "parent", "initials", "pinyin")
PSEUDO_CITY_NAMES = {"省直辖县级行政区划", "自治区直辖县级行政区划"}
ALLOWED_PARENT = {"city": {"province"}, "county": {"city", "province"}, "township": {"county"}}


def _read(path: pathlib.Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def build_rows(source: pathlib.Path) -> tuple[list[tuple[str, str, str, str]], Counter]:
    """(code, name, level, parent) for every unit, plus counts of what was straightened out."""
    notes: Counter = Counter()
    provinces = {r["code"]: r["name"] for r in _read(source / "provinces.csv")}
    rows: dict[str, tuple[str, str, str, str]] = {}

    def add(code: str, name: str, level: str, parent: str) -> None:
        if code in rows:
            raise SystemExit(f"duplicate code {code} ({name} / {rows[code][1]})")
        rows[code] = (code, name, level, parent)

    for code, name in provinces.items():
        add(code + "0000", name, "province", "")

    city_rows = _read(source / "cities.csv")
    areas = _read(source / "areas.csv")
    area_codes = {a["code"] for a in areas}
    city_parent: dict[str, str] = {}  # 4-digit city code -> canonical parent of its counties
    for c in city_rows:
        province = c["provinceCode"] + "0000"
        canonical = c["code"] + "00"
        if c["name"] in PSEUDO_CITY_NAMES or c["code"][2:4] == "90":
            city_parent[c["code"]] = province
            notes["pseudo cities dropped (counties under province)"] += 1
            continue
        if canonical in area_codes:  # 东莞市 441900: the county row stands for the city
            city_parent[c["code"]] = province
            notes["cities merged with their only county (441900 etc.)"] += 1
            continue
        name = c["name"]
        if name == "市辖区":
            name = provinces[c["provinceCode"]]
            notes["市辖区 renamed to province name"] += 1
        elif name == "县":
            name = provinces[c["provinceCode"]] + "（县）"
            notes["县 renamed"] += 1
        add(canonical, name, "city", province)
        city_parent[c["code"]] = canonical

    for a in areas:
        parent = city_parent.get(a["cityCode"])
        if parent is None:  # a city code missing from cities.csv: fall back to the province
            parent = a["provinceCode"] + "0000"
            notes["counties with unknown city (put under province)"] += 1
        add(a["code"], a["name"], "county", parent)

    for s in _read(source / "streets.csv"):
        add(s["code"], s["name"], "township", s["areaCode"])
    return [rows[k] for k in sorted(rows)], notes


def check(rows: list[tuple[str, str, str, str]]) -> Counter:
    """Every unit but provinces has an existing parent of an allowed level; returns level counts."""
    level = {code: lvl for code, _, lvl, _ in rows}
    problems = []
    for code, name, lvl, parent in rows:
        for field in (code, name, parent):
            if any(ch in field for ch in ',"\n\r'):
                problems.append(f"{code}: field needs quoting: {field!r}")
        if lvl == "province":
            if parent:
                problems.append(f"{code} {name}: province with parent {parent}")
        elif level.get(parent) not in ALLOWED_PARENT[lvl]:
            problems.append(f"{code} {name}: {lvl} with parent {parent!r} ({level.get(parent)})")
        elif not code.startswith(parent[: {"province": 2, "city": 4, "county": 6}[level[parent]]]):
            problems.append(f"{code} {name}: code outside parent {parent}")
    if problems:
        raise SystemExit("\n".join(["invalid tree:"] + problems[:50]))
    yinchuan = [r for r in rows if r[0].startswith("6401")]
    counties = [r[0] for r in yinchuan if r[2] == "county"]
    townships = [r for r in yinchuan if r[2] == "township"]
    if counties != ["640104", "640105", "640106", "640121", "640122", "640181"] or len(townships) != 62:
        raise SystemExit(f"Yinchuan looks wrong: {counties}, {len(townships)} townships")
    return Counter(lvl for _, _, lvl, _ in rows)


def write(rows: list[tuple[str, str, str, str]], output: pathlib.Path) -> None:
    load_single_dict(PLACE_SINGLE)
    load_phrases_dict(PLACE_PHRASES)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for code, name, lvl, parent in rows:
        full, initials = pinyin_and_initials(name)
        writer.writerow((code, name, lvl, parent, initials, full))
    output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name inside: rebuilding from the same data gives identical bytes.
    with output.open("wb") as raw, gzip.GzipFile(
        filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0
    ) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=pathlib.Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=pathlib.Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not (args.source / "streets.csv").is_file():
        parser.error(f"no streets.csv in {args.source} / 源目录中没有 streets.csv")
    rows, notes = build_rows(args.source)
    counts = check(rows)
    write(rows, args.output)
    for level in ("province", "city", "county", "township"):
        print(f"{level:9} {counts[level]:6}")
    print(f"{'total':9} {len(rows):6}  (every non-province row has a parent of the right level)")
    for note, n in sorted(notes.items()):
        print(f"  {note}: {n}")
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
