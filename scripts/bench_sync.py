"""Exchange figures: package size per 1,000 activities (with and without photos), import
speed of a county's package at the city, its peak memory, and a plain baseline.

    .venv/bin/python scripts/bench_sync.py [--photo-kb 150] [--counties 640104,640105]

The baseline is what the bare work costs: json.loads of the same payload lines and one
executemany INSERT per table into an empty database of the same schema. The ratio says
what verification, checking, merging, origins and bookkeeping add on top of it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import insert  # noqa: E402

from sanxiang_desktop import services  # noqa: E402,F401
from sanxiang_desktop.services.demo import build_demo  # noqa: E402
from sanxiang_desktop.services.units import init_home  # noqa: E402
from sanxiang_desktop.services.workspace import Workspace  # noqa: E402
from sanxiang_desktop.services import records  # noqa: E402
from sanxiang_desktop.store import models as m  # noqa: E402
from sanxiang_desktop.store.database import open_database  # noqa: E402
from sanxiang_desktop.sync.container import open_package, open_payload  # noqa: E402
from sanxiang_desktop.sync.export import export_package  # noqa: E402
from sanxiang_desktop.sync.importer import import_files  # noqa: E402
from sanxiang_desktop.sync.records import decode_record, parse_lines  # noqa: E402
from sanxiang_desktop.sync.trust import ensure_own_key, own_key, trust_peer  # noqa: E402

MB = 1024 * 1024


def township_with_activities(path: Path, n: int, photo_bytes: int) -> Path:
    """A township that held n activities (varied text, as clerks write it), each with one photo of
    photo_bytes (0: none)."""
    import random
    from sanxiang_desktop.core.catalogues import CATALOGUES
    from sanxiang_desktop.services.demo_content import TOPICS
    rng = random.Random(5)
    db = open_database(path, create=True)
    init_home(db, "640104100", "测试")
    ws = Workspace.open(db)
    with db.session() as s, s.begin():
        for i in range(n):
            domain = rng.choice(("health", "education", "agriculture"))
            atype = rng.choice(CATALOGUES["activity_type"].in_group(domain))
            topic = rng.choice(TOPICS[domain])
            values = {"unit_code": "640104100", "title": f"掌政镇{atype.zh}：{topic}", "domain": domain,
                      "type": atype.code, "held_on": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300)),
                      "place": rng.choice(("掌政镇科普活动室", "掌政镇文化广场", f"{rng.choice('东西南北')}村党群服务中心")),
                      "organisers": "掌政镇科协", "participants": rng.randrange(20, 320),
                      "volunteers": rng.randrange(0, 25),
                      "description": f"围绕“{topic}”开展{atype.zh}，{rng.choice(('发放宣传资料', '现场答疑', '播放科普视频'))}"
                                     f"{rng.randrange(50, 500)}份（次），群众反响良好。"}
            act = records.insert(s, ws, records.SPECS["activities"], values)
            if photo_bytes:
                data = hashlib.shake_256(f"photo{i}".encode()).digest(photo_bytes)   # JPEG-like: incompressible
                sha = hashlib.sha256(data).hexdigest()
                s.add(m.Blob(sha256=sha, size=len(data), data=data))
                s.flush()
                records.insert(s, ws, records.SPECS["attachments"],
                               {"activity_id": act.id, "kind": "photo", "file_name": f"IMG_{i:04d}.jpg",
                                "mime": "image/jpeg", "sha256": sha, "size": len(data)})
    ensure_own_key(db)
    db.close()
    return path


PEAK = ("import sys; from sanxiang_desktop.cli.main import main; rc = main(sys.argv[1:]); "
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
        "print(int(hwm[0].split()[1]) if hwm else __import__('resource').getrusage(0).ru_maxrss)")


def cli_peak(*args: str) -> tuple[float, int]:
    """(seconds, peak resident KB) of one command in a fresh process (VmHWM: not inherited)."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return seconds, int(done.stdout.split()[-1])


def package_sizes(folder: Path, photo_kb: int) -> None:
    n = 1000
    for photo in (0, photo_kb * 1024):
        db_path = township_with_activities(folder / f"acts-{photo}.db", n, photo)
        county = open_database(folder / f"county-{photo}.db", create=True)
        init_home(county, "640104")
        town = open_database(db_path)
        trust_peer(town, "640104", ensure_own_key(county).public_bytes)   # encrypted, as in real use
        trust_peer(county, "640104100", ensure_own_key(town).public_bytes)
        town.close()
        county.close()
        seconds, rss = cli_peak("export-package", "--db", str(db_path), "--out", str(folder / f"out-{photo}"))
        paths = sorted((folder / f"out-{photo}").iterdir())
        total = sum(p.stat().st_size for p in paths)
        label = f"with one {photo_kb} KB photo each" if photo else "without photos"
        raw = n * photo
        print(f"1,000 activities {label}: package {total / MB:.2f} MB in {len(paths)} file(s)"
              + (f" (photos {raw / MB:.1f} MB + {(total - raw) / MB:.2f} MB, {(total / raw - 1) * 100:.1f} % more)"
                 if photo else f" ({total / n:.0f} bytes per activity)"))
        print(f"    export-package {seconds:.1f} s, peak {rss / 1024:.0f} MB resident", end="; ")
        seconds, rss = cli_peak("import-package", "--db", str(folder / f"county-{photo}.db"), *map(str, paths))
        print(f"import-package {seconds:.1f} s, peak {rss / 1024:.0f} MB resident")


def county_package(folder: Path, counties: list[str]) -> tuple[Path, list[Path]]:
    city = open_database(folder / "city.db", create=True)
    init_home(city, "640100")
    city_key = ensure_own_key(city).public_bytes
    packages = []
    for n, code in enumerate(counties):
        db = open_database(folder / f"county-{code}.db", create=True)
        build_demo(db, code, scale="county", seed=3 + n, year=2026)
        trust_peer(db, "640100", city_key)
        trust_peer(city, code, ensure_own_key(db).public_bytes)
        packages += export_package(db, folder / "up").paths
        db.close()
    city.close()
    return folder / "city.db", packages


def fresh_copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def baseline(city: Path, packages: list[Path], folder: Path) -> tuple[float, int]:
    """json.loads of the decrypted payload lines + one executemany per table, nothing else."""
    db = open_database(fresh_copy(city, folder / "baseline.db"))
    with db.session() as s:
        me = own_key(s)
    plains = []
    for path in packages:
        data = path.read_bytes()
        import base64
        import json
        peek = json.loads(__import__("zipfile").ZipFile(path).read("manifest.json"))
        pkg = open_package(data, trusted_key_for=lambda u: base64.b64decode(peek["sender_public"]))
        plains.append(open_payload(pkg, me))
    import json
    t0 = time.perf_counter()
    rows: dict[str, list[dict]] = {}
    blobs: dict[str, dict] = {}
    count = 0
    for plain in plains:
        for line in plain.split(b"\n")[1:]:
            if not line:
                continue
            obj = json.loads(line)
            if "record" in obj:
                state = obj["record"]
                table = state.pop("table")
                if table in ("people", "units", "activities"):
                    state["search_key"] = ""
                for key in ("created_on",):
                    state.pop(key, None)
                for col in m.MODEL_BY_TABLE[table].__table__.columns:
                    if isinstance(col.type, __import__("sqlalchemy").Date) and state.get(col.key):
                        state[col.key] = dt.date.fromisoformat(state[col.key])
                rows.setdefault(table, []).append(state)
                count += 1
            elif "blob" in obj:
                raw = base64.b64decode(obj["data"])
                blobs[obj["blob"]] = {"sha256": obj["blob"], "size": len(raw), "data": raw}
    rows["blobs"] = list(blobs.values())
    with db.session() as s, s.begin():
        for table in ["blobs"] + [mdl.__tablename__ for mdl in m.RECORD_MODELS]:
            if rows.get(table):
                s.execute(insert(m.Base.metadata.tables[table]), rows[table])
    seconds = time.perf_counter() - t0
    db.close()
    return seconds, count


def import_speed(folder: Path, counties: list[str]) -> None:
    city, packages = county_package(folder, counties)
    size = sum(p.stat().st_size for p in packages)
    db = open_database(fresh_copy(city, folder / "warm.db"))
    import_files(db, packages)                     # warm-up: imports, pinyin tables, caches
    db.close()
    db = open_database(fresh_copy(city, folder / "timed.db"))
    gc.collect()
    t0 = time.perf_counter()
    results = import_files(db, packages)
    seconds = time.perf_counter() - t0
    db.close()
    assert all(r.status == "applied" for r in results), [r.error for r in results]
    n = sum(r.counts["inserted"] for r in results)
    print(f"import at the city of {len(packages)} county package(s) ({', '.join(counties)}; {size / MB:.2f} MB): "
          f"{n} records in {seconds:.2f} s = {n / seconds:,.0f} records/s")
    db = open_database(fresh_copy(city, folder / "traced.db"))
    tracemalloc.start()
    import_files(db, packages)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    db.close()
    seconds_cli, rss = cli_peak("import-package", "--db", str(fresh_copy(city, folder / "rss.db")),
                                *map(str, packages))
    print(f"peak memory of that import: {peak / MB:.1f} MB of Python objects (tracemalloc); as a command "
          f"{rss / 1024:.0f} MB resident at most, {seconds_cli:.2f} s including start-up")
    base_seconds, base_n = baseline(city, packages, folder)
    print(f"baseline (json.loads + executemany INSERT of the same {base_n} rows): {base_seconds:.3f} s = "
          f"{base_n / base_seconds:,.0f} rows/s; the real import takes {seconds / base_seconds:.1f}x as long")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--photo-kb", type=int, default=150)
    p.add_argument("--counties", default="640104")
    p.add_argument("--skip-sizes", action="store_true")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sx-bench-") as tmp:
        folder = Path(tmp)
        if not args.skip_sizes:
            package_sizes(folder, args.photo_kb)
        import_speed(folder, args.counties.split(","))
    print(f"(this process peaked at {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
