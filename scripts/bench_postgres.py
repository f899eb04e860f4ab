"""PostgreSQL hub figures (issue 13): package import into a server next to bare COPY into the
same server, linearity (records/s at n and 2n counties), and the dashboard on both backends.

    .venv/bin/python scripts/bench_postgres.py [--counties 640104,640105,640106,640121]

A throwaway server is started for the run (tests/pgserver.py, as the test suite does).
Figures, printed as `name value`:
- postgres.import.records_per_s   import-package's work (verify, decrypt, check, merge, origins,
                                  change log) into the hub database on the server
- postgres.copy.records_per_s     the same rows by COPY into a fresh database of the same schema
- postgres.import.ratio           import time / COPY time (same rows, same server, same run)
- postgres.import.linearity       records/s with all counties / records/s with the first half (≈1 = linear)
- sqlite.dashboard.national_ms / postgres.dashboard.national_ms   the top unit's indicators
                                  (services.indicators.unit_indicators) over everything imported
"""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import gc
import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sanxiang_desktop import services  # noqa: E402,F401
from sanxiang_desktop.services.demo import build_demo  # noqa: E402
from sanxiang_desktop.services.indicators import unit_indicators  # noqa: E402
from sanxiang_desktop.services.units import init_home  # noqa: E402
from sanxiang_desktop.store import models as m  # noqa: E402
from sanxiang_desktop.store.database import open_database  # noqa: E402
from sanxiang_desktop.sync.container import open_package, open_payload  # noqa: E402
from sanxiang_desktop.sync.export import export_package  # noqa: E402
from sanxiang_desktop.sync.importer import import_files  # noqa: E402
from sanxiang_desktop.sync.trust import ensure_own_key, own_key, trust_peer  # noqa: E402
from tests.pgserver import PgServer  # noqa: E402

HUB = "640100"
YEAR = 2026


def county_packages(folder: Path, counties: list[str]) -> tuple[list[tuple[str, bytes]], dict[str, list[Path]]]:
    """Demo counties (SQLite, as their PCs hold them) and their upward packages to the hub."""
    keys, packages = [], {}
    hub_key_db = open_database(folder / "hubkey.db", create=True)
    init_home(hub_key_db, HUB)
    hub_public = ensure_own_key(hub_key_db).public_bytes
    for n, code in enumerate(counties):
        db = open_database(folder / f"county-{code}.db", create=True)
        build_demo(db, code, scale="county", seed=3 + n, year=YEAR)
        trust_peer(db, HUB, hub_public)
        keys.append((code, ensure_own_key(db).public_bytes))
        packages[code] = export_package(db, folder / "up" / code).paths
        db.close()
        print(f"  county {code}: {sum(p.stat().st_size for p in packages[code]) // 1024} KB package", file=sys.stderr)
    hub_key_db.close()
    return keys, packages


def make_hub(target, keys, folder: Path):
    """A hub database with the same key pair as hubkey.db (the packages are encrypted to it)."""
    from sanxiang_desktop.store.sync_models import OwnKey
    db = open_database(target, create=True)
    init_home(db, HUB)
    from sanxiang_desktop.store.keystore import META_KEY
    src = open_database(folder / "hubkey.db")
    with src.session() as s:
        key = s.query(OwnKey).one()
        row = {c.name: getattr(key, c.name) for c in OwnKey.__table__.columns}
        inst = src.get_meta(META_KEY)            # the private key is in the key store, under this id
    src.close()
    with db.session() as s, s.begin():
        s.add(OwnKey(**row))
        db.set_meta(META_KEY, inst, session=s)
    for code, public in keys:
        trust_peer(db, code, public)
    return db


def timed_import(db, paths) -> tuple[float, int]:
    gc.collect()
    t0 = time.perf_counter()
    results = import_files(db, paths)
    seconds = time.perf_counter() - t0
    assert all(r.status == "applied" for r in results), [r.to_json() for r in results]
    records = sum(r.counts["inserted"] + r.counts["updated"] + r.counts["unchanged"] for r in results)
    return seconds, records


def rows_of(db, paths) -> dict[str, list[dict]]:
    """Decrypted payload rows per table, as the import would write them (outside the timing)."""
    with db.session() as s:
        me = own_key(s)
    rows: dict[str, list[dict]] = {}
    for path in paths:
        data = path.read_bytes()
        peek = json.loads(zipfile.ZipFile(path).read("manifest.json"))
        pkg = open_package(data, trusted_key_for=lambda u: base64.b64decode(peek["sender_public"]))
        for line in open_payload(pkg, me).split(b"\n")[1:]:
            if line:
                obj = json.loads(line)
                if "record" in obj:
                    state = obj["record"]
                    table = state.pop("table")
                    cols = {c.key for c in m.MODEL_BY_TABLE[table].__table__.columns}
                    rows.setdefault(table, []).append({k: v for k, v in state.items() if k in cols})
    return rows


def bare_copy(server: PgServer, schema_db: str, rows: dict[str, list[dict]]) -> tuple[float, int]:
    """COPY of the same rows into a fresh database of the same schema (triggers on, as the hub has them)."""
    import psycopg
    name = server.new_database("copy", schema_db)
    count = 0
    with psycopg.connect(server.conninfo(name)) as conn:
        t0 = time.perf_counter()
        with conn.transaction():
            conn.execute("SET session_replication_role = replica")   # FK order not ours to sort out here
            for model in m.RECORD_MODELS:
                table = model.__tablename__
                data = rows.get(table) or []
                if not data:
                    continue
                cols = [c.name for c in model.__table__.columns]
                with conn.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for r in data:
                        copy.write_row([r.get(c, "" if not model.__table__.c[c].nullable else None)
                                        if c != "search_key" else "" for c in cols])
                count += len(data)
        seconds = time.perf_counter() - t0
    return seconds, count


def dashboard_ms(db) -> float:
    unit_indicators(db, HUB, YEAR, dt.date(YEAR, 11, 28))       # warm
    t0 = time.perf_counter()
    unit_indicators(db, HUB, YEAR, dt.date(YEAR, 11, 28))
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--counties", default="640104,640105,640106,640121")
    args = ap.parse_args()
    counties = args.counties.split(",")
    server = PgServer().start()
    try:
        with tempfile.TemporaryDirectory(prefix="sx-bench-pg-") as tmp:
            folder = Path(tmp)
            os.environ["SANXIANG_KEY_DIR"] = str(folder / "keys")     # the run's keys stay in its folder
            keys, packages = county_packages(folder, counties)
            schema_db = server.new_database("schema")
            open_database(server.url(schema_db), create=True).close()
            every = [p for c in counties for p in packages[c]]
            half = [p for c in counties[: max(1, len(counties) // 2)] for p in packages[c]]

            warm = make_hub(server.url(server.new_database("warm", schema_db)), keys, folder)
            timed_import(warm, every)                  # warm-up: pinyin tables, caches, the server's
            warm.close()
            hub = make_hub(server.url(server.new_database("half", schema_db)), keys, folder)
            s_half, n_half = timed_import(hub, half)
            hub.close()
            hub = make_hub(server.url(server.new_database("hub", schema_db)), keys, folder)
            s_all, n_all = timed_import(hub, every)
            rows = rows_of(hub, every)
            s_copy, n_copy = bare_copy(server, schema_db, rows)
            pg_ms = dashboard_ms(hub)
            hub.close()

            lite = make_hub(folder / "hub.db", keys, folder)
            s_lite, n_lite = timed_import(lite, every)
            lite_ms = dashboard_ms(lite)
            lite.close()

            print(f"counties {len(counties)}: {n_all} records imported")
            print(f"postgres.import.records_per_s {n_all / s_all:.0f}")
            print(f"postgres.copy.records_per_s {n_copy / s_copy:.0f}")
            print(f"postgres.import.ratio {s_all / s_copy:.1f}")
            print(f"postgres.import.linearity {(n_all / s_all) / (n_half / s_half):.2f}")
            print(f"sqlite.import.records_per_s {n_lite / s_lite:.0f}")
            print(f"sqlite.dashboard.national_ms {lite_ms:.0f}")
            print(f"postgres.dashboard.national_ms {pg_ms:.0f}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
