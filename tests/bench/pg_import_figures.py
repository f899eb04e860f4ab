"""Import into a PostgreSQL hub next to bare COPY on the same server (issue 13 item 5), and how the
import's cost grows with the size of what arrives (one county's package, then the city's six).

The server is a throwaway cluster (tests/pgserver.py: fsync off, for the baseline as for us). The
city database is created on the server by the program itself, the six Yinchuan counties are
generated (tests/bench/generate.py) and export their packages to it, as in sync_figures."""
from __future__ import annotations

import gc
import time
from pathlib import Path

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

from .sync_figures import YINCHUAN_COUNTIES, _link


def _packages(folder: Path, server, seed: int) -> tuple[str, list[Path]]:
    """(name of the empty city database on the server, the six county packages addressed to it)."""
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.sync.export import export_package

    from .generate import generate
    name = server.new_database("city")
    city = open_database(server.url(name), create=True)
    init_home(city, "640100")
    packages = []
    for code in YINCHUAN_COUNTIES:
        db = open_database(folder / f"pg-county-{code}.db", create=True)
        generate(db, "county", seed, root=code)
        _link(db, city, code, "640100")
        packages += export_package(db, folder / "pg-up").paths
        db.close()
    city.close()
    return name, [Path(p) for p in packages]


def _timed_import(server, template: str, packages: list[Path]) -> tuple[float, float, str]:
    from sanxiang_desktop.sync.importer import import_files
    from sanxiang_desktop.core import names, pinyin
    name = server.new_database("timed", template)
    db = open_database(server.url(name))
    for fn in (pinyin.cache_clear, names.cache_clear):
        fn()          # the warm-up's keys do not count: a real import meets new names
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    results = import_files(db, packages)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    db.close()
    bad = [r.error for r in results if r.status != "applied"]
    if bad:
        raise RuntimeError(f"import failed: {bad}")
    return seconds, cpu, name


def _rows(server, dbname: str, before: set[str] | None = None) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every record row of a database whose id is not in `before` (what the import added)."""
    import psycopg
    out = {}
    with psycopg.connect(server.conninfo(dbname)) as conn:
        for model in m.RECORD_MODELS:
            table = model.__tablename__
            cols = [c.key for c in model.__table__.columns]
            at = cols.index("id")     # not always the first column (units: code first)
            rows = [r for r in conn.execute(f"SELECT {', '.join(cols)} FROM {table}") if r[at] not in (before or ())]
            if rows:
                out[table] = (cols, rows)
    return out


def bare_copy(server, source: str, rows: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of psycopg's COPY of the rows into plain tables of the same columns and
    types (CREATE TABLE … (LIKE …): no index, key, trigger), one transaction, committed."""
    import psycopg
    name = server.new_database("bare", source)
    with psycopg.connect(server.conninfo(name)) as conn:
        for table in rows:
            conn.execute(f"CREATE TABLE bare_{table} (LIKE {table})")
        conn.commit()
        t0, c0 = time.perf_counter(), time.process_time()
        with conn.cursor() as cur:
            for table, (cols, values) in rows.items():
                with cur.copy(f"COPY bare_{table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
        conn.commit()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    server.drop_database(name)
    return seconds, cpu


def postgres_import_figures(folder: Path, seed: int = 1) -> dict:
    """Records/s of the city importing its counties' packages on a PostgreSQL server, next to bare
    COPY of the same rows on the same server; and the same for one county's package alone."""
    from tests.pgserver import PgServer
    folder.mkdir(parents=True, exist_ok=True)
    server = PgServer().start()
    try:
        template, packages = _packages(folder, server, seed)
        _timed_import(server, template, packages)                    # warm-up: imports, caches, the server
        before = {r[cols.index("id")] for cols, rows in _rows(server, template).values() for r in rows}
        out: dict = {}
        for label, subset in (("county", packages[:1]), ("city", packages)):
            seconds, cpu, name = _timed_import(server, template, subset)
            rows = _rows(server, name, before)
            n = sum(len(v) for _, v in rows.values())
            bares = [bare_copy(server, template, rows) for _ in range(3)]
            bare, bare_cpu = min(b[0] for b in bares), min(b[1] for b in bares)
            server.drop_database(name)
            out[label] = {"records": n, "packages": len(subset), "seconds": round(seconds, 3),
                          "records_per_s": round(n / seconds), "cpu_records_per_s": round(n / cpu),
                          "bare_records_per_s": round(n / bare), "bare_cpu_records_per_s": round(n / bare_cpu),
                          "ratio": round(bare / seconds, 4), "cpu_ratio": round(bare_cpu / cpu, 4)}
        city = out["city"]
        return {**city, "by_size": out,
                # linear when records/s stays put as the input grows six-fold
                "growth_rate_city_over_county": round(city["records_per_s"] / out["county"]["records_per_s"], 2)}
    finally:
        server.stop()
