"""Import into a PostgreSQL hub next to bare COPY on the same server (issue 13 item 5), and how the
import's cost grows with the size of what arrives (one county's package, then the city's six).

The server is a throwaway cluster (tests/pgserver.py: fsync off, for the baseline as for us). The
city database is created on the server by the program itself, the six Yinchuan counties are
generated (tests/bench/generate.py) and export their packages to it, as in sync_figures.

Then the hub grows: the same six packages go into a hub that already holds a province (or all of
China): the generator's database of that scale (its home unit is Yinchuan, as a hub's installation
is, ROOTS in generate.py), made with another seed, less Yinchuan's own records (the packages bring
those: the units' unique fields would clash otherwise). Linear means the records/s stay put whether
the input grows (county → city) or what the hub holds grows (city → province → national)."""
from __future__ import annotations

import gc
import time
from pathlib import Path

from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database

from .sync_figures import YINCHUAN_COUNTIES, _link


def _packages(folder: Path, server, seed: int) -> tuple[str, list[Path], dict[str, bytes]]:
    """(name of the empty city database on the server, the six county packages addressed to it,
    {county: its public key})."""
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.sync.export import export_package

    from .generate import generate
    name = server.new_database("city")
    city = open_database(server.url(name), create=True)
    init_home(city, "640100")
    from sanxiang_desktop.sync.trust import ensure_own_key
    packages, keys = [], {}
    for code in YINCHUAN_COUNTIES:
        db = open_database(folder / f"pg-county-{code}.db", create=True)
        generate(db, "county", seed, root=code)
        _link(db, city, code, "640100")
        keys[code] = ensure_own_key(db).public_bytes
        packages += export_package(db, folder / "pg-up").paths
        db.close()
    city.close()
    return name, [Path(p) for p in packages], keys


def _hub(server, template: str, scale: str, keys: dict[str, bytes], seed: int) -> tuple[str, dict]:
    """(name of a hub database holding `scale` less Yinchuan's records, generator info): the six
    counties' keys trusted, and the city template's own key (the packages are encrypted for it: the
    installation id and key rows are copied, the private key is in this process's key store)."""
    import psycopg

    from sanxiang_desktop.store.keystore import META_KEY
    from sqlalchemy import delete

    from sanxiang_desktop.sync.trust import trust_peer

    from .generate import generate
    name = server.new_database(f"hub_{scale}")
    info = generate(server.url(name), scale, seed)
    db = open_database(server.url(name))
    with db.engine.begin() as conn:
        for model in reversed(m.RECORD_MODELS):          # children first: the foreign keys hold throughout
            t = model.__table__
            mine = t.c.owner.like("6401%")
            conn.execute(delete(t).where(mine & ~t.c.builtin if model is m.Unit else mine))
        conn.exec_driver_sql("ANALYZE")
        info["records"] = sum(conn.exec_driver_sql(f"SELECT count(*) FROM {mdl.__tablename__}").scalar()
                              for mdl in m.RECORD_MODELS)
    for code, public in keys.items():
        trust_peer(db, code, public)
    db.close()
    with psycopg.connect(server.conninfo(template)) as src, psycopg.connect(server.conninfo(name)) as dst:
        inst = src.execute("SELECT value FROM meta WHERE key = %s", (META_KEY,)).fetchone()[0]
        own = src.execute("SELECT key_id, public_key, private_key, created_at, active FROM sync_own_keys").fetchall()
        dst.execute("DELETE FROM sync_own_keys")
        dst.execute("INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = "
                    "excluded.value", (META_KEY, inst))
        dst.cursor().executemany("INSERT INTO sync_own_keys VALUES (%s, %s, %s, %s, %s)", own)
    return name, info


def _timed_import(server, template: str, packages: list[Path]) -> tuple[float, float, str, int]:
    """(wall s, CPU s, name of the database imported into, records written) of importing
    `packages` into a copy of `template`."""
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
    return seconds, cpu, name, sum(r.counts["inserted"] + r.counts["updated"] for r in results)


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


def _figures(server, template: str, packages: list[Path], rows: dict | None, before: set[str],
             bare_source: str | None = None) -> dict:
    """One timed import of `packages` into a copy of `template`, next to bare COPY of the rows it
    wrote (`rows`: those rows when already known, the same packages into an empty city) into a copy
    of `bare_source` (default `template`; a hub's plain tables would be as empty as the city's)."""
    seconds, cpu, name, written = _timed_import(server, template, packages)
    rows = rows if rows is not None else _rows(server, name, before)
    n = sum(len(v) for _, v in rows.values())
    if written < n:
        raise RuntimeError(f"the import wrote {written} records, {n} expected")
    bares = [bare_copy(server, bare_source or template, rows) for _ in range(3)]
    bare, bare_cpu = min(b[0] for b in bares), min(b[1] for b in bares)
    server.drop_database(name)
    real = real_copy(server, bare_source or template, rows) if bare_source is None else None
    return {"records": n, "packages": len(packages), "seconds": round(seconds, 3),
            **({"copy_real_tables_records_per_s": round(n / real)} if real else {}),
            "records_per_s": round(n / seconds), "cpu_records_per_s": round(n / cpu),
            "bare_records_per_s": round(n / bare), "bare_cpu_records_per_s": round(n / bare_cpu),
            "ratio": round(bare / seconds, 4), "cpu_ratio": round(bare_cpu / cpu, 4), "_rows": rows}


def real_copy(server, source: str, rows: dict) -> float:
    """Wall seconds of COPY of the rows into the REAL tables of a copy of `source` (their indexes,
    foreign keys and change-log triggers; one transaction): what the server itself needs to hold
    the rows, the floor of any import whatever the client does. Not a baseline (ours is measured
    against bare COPY), a yardstick for what limits the import."""
    import psycopg
    name = server.new_database("real", source)
    with psycopg.connect(server.conninfo(name)) as conn:
        t0 = time.perf_counter()
        with conn.cursor() as cur:
            for table, (cols, values) in rows.items():
                with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
        conn.commit()
        seconds = time.perf_counter() - t0
    server.drop_database(name)
    return seconds


def postgres_import_figures(folder: Path, seed: int = 1, hubs: tuple[str, ...] = ()) -> dict:
    """Records/s of the city importing its counties' packages on a PostgreSQL server, next to bare
    COPY of the same rows on the same server; the same for one county's package alone; and the same
    six packages into a hub already holding each scale of `hubs` ("province", "national")."""
    from tests.pgserver import PgServer
    folder.mkdir(parents=True, exist_ok=True)
    server = PgServer().start()
    try:
        template, packages, keys = _packages(folder, server, seed)
        _timed_import(server, template, packages)                    # warm-up: imports, caches, the server
        before = {r[cols.index("id")] for cols, rows in _rows(server, template).values() for r in rows}
        out: dict = {}
        for label, subset in (("county", packages[:1]), ("city", packages)):
            out[label] = _figures(server, template, subset, None, before)
        for scale in hubs:
            t0 = time.perf_counter()
            hub, info = _hub(server, template, scale, keys, seed + 1)
            out[f"{scale}_hub"] = {**_figures(server, hub, packages, out["city"]["_rows"], before, template),
                                   "hub_records": info["records"], "hub_townships": info["townships"],
                                   "hub_made_s": round(time.perf_counter() - t0, 1)}
            server.drop_database(hub)
        for v in out.values():
            v.pop("_rows")
        city = out["city"]
        growth = {f"{k}_over_county": round(v["records_per_s"] / out["county"]["records_per_s"], 2)
                  for k, v in out.items() if k != "county"}
        return {**city, "by_size": out, "growth": growth,
                # linear when records/s stays put as the input grows six-fold
                "growth_rate_city_over_county": growth["city_over_county"]}
    finally:
        server.stop()
