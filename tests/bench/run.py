#!/usr/bin/env python3
"""The benchmarks of issue 12: every figure next to a bare-machine baseline measured in the same run.

    .venv/bin/python tests/bench/run.py --quick [--json out.json]     # under two minutes
    .venv/bin/python tests/bench/run.py [--json out.json] [--cache DIR]  # full: every scale, national too
    .venv/bin/python tests/bench/run.py --only postgres [--pg-scale national]   # import and dashboard on a PostgreSQL hub

Benchmarks are not tests: nothing here fails on a slow figure; the table says which target is met.
--cache DIR keeps the generated databases of each scale between runs (national takes a while).
The full run also generates a scale (--pg-scale, province by default: national takes about a quarter
of an hour on a loaded 2-core machine) on a throwaway PostgreSQL server and times the dashboard there, next to SQLite.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))
    __package__ = "tests.bench"

from . import pg_import_figures as pgf  # noqa: E402
from . import postgres_figures as pgd  # noqa: E402
from . import query_figures as qf  # noqa: E402
from . import startup_figures as sf  # noqa: E402
from . import sync_figures as syf  # noqa: E402
from . import xlsx_figures as xf  # noqa: E402

# flat key -> (how it is compared, target)
TARGETS = {
    "import.ratio": (">=", 0.30), "xlsx_export.ratio": (">=", 0.70), "startup.ratio": ("<=", 3.0),
    "cli_startup.s": ("<=", 0.35), "filter.p95_ms": ("<=", 50.0), "dashboard.ms": ("<=", 200.0),
    "dashboard.national_ms": ("<=", 2000.0), "photo_package.import_peak_mb": ("<=", 300.0),
    "photo_package.export_peak_mb": ("<=", 300.0), "postgres.dashboard.national_ms": ("<=", 2000.0),
}
SCALE_UNITS = {"township": "640104100", "county": "640104", "city": "640100", "province": None, "national": None}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = 0
    try:
        mem = int(next(ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal"))) // 1024
    except (OSError, StopIteration):
        pass
    import sqlite3
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": mem, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "system": platform.platform()}


def step(label: str, fn, *args, **kw):
    t0 = time.perf_counter()
    print(f"… {label}", file=sys.stderr, flush=True)
    out = fn(*args, **kw)
    print(f"  {label}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    return out


def run(quick: bool, folder: Path, cache: Path | None, only: set[str] | None,
        scale_names: tuple[str, ...] = tuple(SCALE_UNITS), pg_scale: str = "province") -> dict:
    want = (lambda name: only is None or name in only)
    out: dict = {"mode": "quick" if quick else "full", "machine": machine(),
                 "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    city_db, _ = step("city database", qf.scale_db, folder, "city", cache=cache)
    imp: dict = {}
    if want("import") or want("package"):
        imp = step("import (city-scale package)", syf.import_figures, folder / "import")
        out["import"] = {k: v for k, v in imp.items() if not k.startswith("_")}
        if want("package"):
            mem = step("city package memory", syf.city_package_memory, folder / "import", imp)
            out["package"] = {"bytes_per_record": imp["bytes_per_record"], **mem}
            out["photo_package"] = step("photo package", syf.photo_package_figures, folder / "photos")
    if want("postgres"):
        # the same six county packages into a PostgreSQL city next to bare COPY (issue 13 item 5); then,
        # in a full run or --only postgres, into a hub already holding the province (and all of China
        # with --pg-scale national)
        hubs = () if quick and not (only and "postgres" in only) else (
            ("province", "national") if pg_scale == "national" else ("province",))
        out["postgres"] = {"import": step("postgres import (city-scale package)", pgf.postgres_import_figures,
                                          folder / "pg-import", hubs=hubs)}
    if want("xlsx"):
        # the quick run exports 20,000 (the ratio hardly depends on the count), the full run 100,000
        out["xlsx_export"] = step("xlsx export", xf.xlsx_figures, folder / "xlsx", 20_000 if quick else 100_000)
    if want("startup"):
        out["startup"] = step("startup", sf.startup_figures, city_db, folder, repeat=3 if quick else 5)
        out["cli_startup"] = step("cli startup", sf.cli_startup_figures, repeat=5 if quick else 9)
    if want("filter"):
        filt = folder / "filter.db"
        filt.write_bytes((folder / "import" / "county-640104.db").read_bytes()) if (
            folder / "import" / "county-640104.db").exists() else qf.generate(filt, "county")
        db = qf.open_database(filt)
        qf.add_people(db, "640104", 100_000)
        db.close()
        out["filter"] = step("filter 100,000 people", qf.filter_figures, filt, "640104")
    if want("dashboard"):
        out["dashboard"] = {"ms": step("dashboard city", qf.dashboard_ms, city_db, "640100")}
    if not quick and (want("dashboard") or want("filter") or want("startup") or want("import")):
        out["scales"] = scales(folder, cache, want, scale_names, out.get("import"), imp if want("import") else None)
        national = out["scales"].get("national", {})
        out.setdefault("dashboard", {})["national_ms"] = national.get("dashboard_ms")
        out["dashboard"]["national_cpu_ms"] = national.get("dashboard_cpu_ms")
        if "filter" in out and national.get("filter_p95_ms") is not None:
            out["filter"]["national_p95_ms"] = national["filter_p95_ms"]
            out["filter"]["national_p50_ms"] = national["filter_p50_ms"]
    if want("postgres") and (not quick or (only and "postgres" in only)):
        pg = step(f"postgres dashboard ({pg_scale})", pgd.postgres_dashboard, folder, pg_scale,
                  cache=cache)
        out.setdefault("postgres", {})["dashboard"] = {**pg, f"{pg_scale}_ms": pg["dashboard_ms"]}
    out["targets"] = targets(out)
    return out


def scales(folder: Path, cache: Path | None, want, names: tuple[str, ...], city_import: dict | None = None,
           packages: dict | None = None) -> dict:
    """Each figure at township, county, city, province and national scale (the growth table). Import:
    one county's package into the empty city (county), the six into it (city), the same six into a hub
    holding the province or all of China (sync_figures.hub_import_figures); start-up on each scale's file."""
    out = {}
    for scale in names:
        path, info = step(f"{scale} database", qf.scale_db, folder, scale, cache=cache)
        row: dict = {"generate_s": info["seconds"] if info else None,
                     "generate_cpu_s": info["cpu_seconds"] if info else None}
        with qf.open_database(path).engine.connect() as conn:
            row["people"] = conn.exec_driver_sql("SELECT count(*) FROM people").scalar()
            row["activities"] = conn.exec_driver_sql("SELECT count(*) FROM activities").scalar()
            row["townships"] = conn.exec_driver_sql("SELECT count(*) FROM units WHERE level='township'").scalar()
        row["db_mb"] = round(path.stat().st_size / 2**20, 1)
        if want("dashboard"):
            row["dashboard_ms"], row["dashboard_cpu_ms"] = step(
                f"dashboard {scale}", qf.dashboard_times, path, SCALE_UNITS[scale], repeat=3)
        if want("filter"):
            f = step(f"filter {scale}", qf.filter_figures, path, "640104", repeat=1)
            row.update(filter_people=f["people"], filter_p50_ms=f["p50_ms"], filter_p95_ms=f["p95_ms"])
        if want("startup"):
            st = step(f"startup {scale}", sf.startup_at, path, folder / f"startup-{scale}")
            row.update(startup_s=st["s"], startup_cpu_s=st["cpu_s"])
        if city_import and scale == "county":
            row.update(import_records=city_import["county_records"],
                       import_records_per_s=city_import["county_records_per_s"],
                       import_cpu_records_per_s=city_import["county_cpu_records_per_s"])
        elif city_import and scale == "city":
            row.update(import_records=city_import["records"], import_records_per_s=city_import["records_per_s"],
                       import_cpu_records_per_s=city_import["cpu_records_per_s"])
        elif packages and scale in ("province", "national"):
            hub = step(f"import into a {scale} hub", syf.hub_import_figures, folder / f"hub-{scale}", path, packages)
            row.update(import_records=hub["records"], import_records_per_s=hub["records_per_s"],
                       import_cpu_records_per_s=hub["cpu_records_per_s"], hub_records=hub["hub_records"])
        out[scale] = row
    return out


def get(out: dict, key: str):
    node = out
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def targets(out: dict) -> dict:
    res = {}
    for key, (op, target) in TARGETS.items():
        value = get(out, key)
        met = None if value is None else (value >= target if op == ">=" else value <= target)
        res[key] = {"value": value, "target": f"{op} {target:g}", "met": met}
    return res


def table(out: dict) -> str:
    def fmt(v, unit=""):
        return "—" if v is None else (f"{v:,.3g}{unit}" if isinstance(v, float) else f"{v:,}{unit}")
    rows = [("figure", "ours", "bare machine", "ratio", "target", "met")]
    imp, st, cli = out.get("import", {}), out.get("startup", {}), out.get("cli_startup", {})
    t = out["targets"]

    def met(key):
        return {True: "yes", False: "NO", None: "—"}[t[key]["met"]] if key in t else ""
    if imp:
        rows.append(("import (records/s, city package)", fmt(imp["records_per_s"]), fmt(imp["bare_records_per_s"]),
                     fmt(imp["ratio"]), t["import.ratio"]["target"], met("import.ratio")))
        rows.append(("  same, CPU time", fmt(imp["cpu_records_per_s"]), fmt(imp["bare_cpu_records_per_s"]),
                     fmt(imp["cpu_ratio"]), "", ""))
        if imp.get("county_records_per_s"):
            rows.append((f"  one county's package alone ({imp['county_records']:,} records), records/s wall / CPU",
                         f"{fmt(imp['county_records_per_s'])} / {fmt(imp['county_cpu_records_per_s'])}", "", "", "", ""))
    if "import" in out.get("postgres", {}):
        pg = out["postgres"]["import"]
        for size, r in pg["by_size"].items():
            into = f", into a hub of {r['hub_records']:,} records" if "hub_records" in r else ""
            rows.append((f"postgres.import (records/s, {r['packages']} package{'s' if r['packages'] > 1 else ''}"
                         f"{into}, vs COPY)", fmt(r["records_per_s"]), fmt(r["bare_records_per_s"]),
                         fmt(r["ratio"]), "", ""))
        rows.append(("  same, client CPU time", fmt(pg["cpu_records_per_s"]), fmt(pg["bare_cpu_records_per_s"]),
                     fmt(pg["cpu_ratio"]), "", ""))
        if pg.get("copy_real_tables_records_per_s"):
            rows.append(("  COPY of the same rows into the real tables (indexes, keys, triggers)",
                         fmt(pg["copy_real_tables_records_per_s"]), "", "", "", ""))
    if "xlsx_export" in out:
        x = out["xlsx_export"]
        rows.append((f"xlsx_export (rows/s, {x['rows']:,} activities)", fmt(x["rows_per_s"]), fmt(x["bare_rows_per_s"]),
                     fmt(x["ratio"]), t["xlsx_export.ratio"]["target"], met("xlsx_export.ratio")))
    if st:
        rows.append(("startup (s, city, dashboard filled)", fmt(st["s"]), fmt(st["bare_s"]), fmt(st["ratio"]),
                     t["startup.ratio"]["target"], met("startup.ratio")))
        rows.append(("  same, CPU s of the whole process", fmt(st["cpu_s"]), fmt(st["bare_cpu_s"]),
                     fmt(st["cpu_ratio"]), "", ""))
        rows.append(("cli_startup (s, --help)", fmt(cli["s"]), fmt(cli["bare_s"]), fmt(cli["ratio"]),
                     t["cli_startup.s"]["target"], met("cli_startup.s")))
    if "filter" in out:
        f = out["filter"]
        rows.append((f"filter p50/p95 ms ({f['people']:,} people)", f"{f['p50_ms']:.1f} / {f['p95_ms']:.1f}",
                     f"{f['bare_select_ms']:.2f}", "", t["filter.p95_ms"]["target"], met("filter.p95_ms")))
        rows.append(("  same, CPU ms", f"{f['cpu_p50_ms']:.1f} / {f['cpu_p95_ms']:.1f}", "", "", "", ""))
        if f.get("national_p95_ms") is not None:
            rows.append(("filter p50/p95 ms (national, one county)",
                         f"{f['national_p50_ms']:.1f} / {f['national_p95_ms']:.1f}", "", "", "", ""))
    d = out.get("dashboard", {})
    if d.get("ms") is not None:
        rows.append(("dashboard ms (city)", fmt(d["ms"]), "", "", t["dashboard.ms"]["target"], met("dashboard.ms")))
    if d.get("national_ms") is not None:
        rows.append(("dashboard ms (national)", fmt(d["national_ms"]), "", "", t["dashboard.national_ms"]["target"],
                     met("dashboard.national_ms")))
        if d.get("national_cpu_ms") is not None:
            rows.append(("  same, CPU ms", fmt(d["national_cpu_ms"]), "", "", "", ""))
    pg = out.get("postgres", {}).get("dashboard")
    if pg:
        rows.append((f"dashboard ms on PostgreSQL ({pg['scale']}, {pg['townships']:,} townships)",
                     fmt(pg["dashboard_ms"]), f"SQLite {fmt(pg['sqlite_dashboard_ms'])}", "",
                     t["postgres.dashboard.national_ms"]["target"] if pg["scale"] == "national" else "",
                     met("postgres.dashboard.national_ms") if pg["scale"] == "national" else ""))
    if "package" in out:
        p, ph = out["package"], out["photo_package"]
        rows.append(("package bytes/record (city)", fmt(p["bytes_per_record"]), "", "", "", ""))
        rows.append(("city package peak MB export/import", f"{p['export_peak_mb']} / {p['import_peak_mb']}",
                     "", "", "", ""))
        rows.append((f"photo package ({ph['photos']:,}×{ph['photo_kb']} KB = {ph['package_mb']} MB, "
                     f"format {ph.get('format_version', 1)}) export peak MB",
                     fmt(ph["export_peak_mb"]), "", "", t["photo_package.export_peak_mb"]["target"],
                     met("photo_package.export_peak_mb")))
        rows.append(("photo package import peak MB", fmt(ph["import_peak_mb"]), "", "",
                     t["photo_package.import_peak_mb"]["target"], met("photo_package.import_peak_mb")))
    widths = [max(len(str(r[i])) for r in rows) for i in range(6)]
    lines = [" | ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    if "scales" in out:
        lines += ["", "growth per scale:", "scale | townships | people | activities | db MB | generate s (CPU) | "
                  "dashboard ms (CPU) | filter p95 ms (one county) | startup s (CPU) | import records/s (CPU)"]
        for scale, r in out["scales"].items():
            lines.append(f"{scale} | {r['townships']:,} | {r['people']:,} | {r['activities']:,} | {r['db_mb']} | "
                         f"{fmt(r['generate_s'])} ({fmt(r.get('generate_cpu_s'))}) | {fmt(r.get('dashboard_ms'))} "
                         f"({fmt(r.get('dashboard_cpu_ms'))}) | {fmt(r.get('filter_p95_ms'))} | "
                         f"{fmt(r.get('startup_s'))} ({fmt(r.get('startup_cpu_s'))}) | "
                         f"{fmt(r.get('import_records_per_s'))} ({fmt(r.get('import_cpu_records_per_s'))})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="city scale only, under two minutes")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--cache", help="keep generated databases of each scale in this folder")
    parser.add_argument("--only", help="comma-separated: import,package,postgres,xlsx,startup,filter,dashboard")
    parser.add_argument("--pg-scale", default="province",
                        help="largest hub generated on the throwaway PostgreSQL server for its import and dashboard (full run)")
    parser.add_argument("--scales", default=",".join(SCALE_UNITS), help="full run: which scales (default: all five)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # An installed program has its bytecode compiled (pip and the installers do it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start-up and measure that.
    import compileall
    compileall.compile_dir(str(REPO / "sanxiang_desktop"), quiet=1)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sx-bench-") as tmp:
        # every backup and setting the program writes during the run stays in the run's folder
        os.environ["SANXIANG_DATA_DIR"] = str(Path(tmp) / "data")
        out = run(args.quick, Path(tmp), Path(args.cache) if args.cache else None,
                  set(args.only.split(",")) if args.only else None, tuple(args.scales.split(",")), args.pg_scale)
    out["seconds"] = round(time.perf_counter() - started, 1)
    print(table(out))
    print(f"\n({out['mode']} run, {out['seconds']} s; {out['machine']['cpu']}, {out['machine']['cores']} cores)")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
