"""The dashboard on a PostgreSQL hub (issue 13 item 5): the indicators of every township in a
database generated on a throwaway server (tests/pgserver.py), next to the same scale on SQLite.

Generating all of China on the server takes about a quarter of an hour on a loaded 2-core machine
(COPY, indexes built after the load, VACUUM ANALYZE at the end), so the run measures the scale it is
given, province by default, and says which: ``postgres.dashboard.national_ms`` is filled only at
national scale.
"""
from __future__ import annotations

import time
from pathlib import Path

from . import query_figures as qf
from .generate import generate


def postgres_dashboard(folder: Path, scale: str = "province", cache: Path | None = None) -> dict:
    """{scale, townships, generate_s, dashboard_ms, sqlite_dashboard_ms} for `scale` on a server."""
    from tests.pgserver import PgServer
    server = PgServer().start()
    try:
        name = server.new_database("bench")
        t0 = time.perf_counter()
        info = generate(server.url(name), scale)
        generated = round(time.perf_counter() - t0, 1)
        out = {"scale": scale, "townships": info["townships"], "generate_s": generated,
               "dashboard_ms": qf.dashboard_ms(server.url(name), None, repeat=3)}
    finally:
        server.stop()
    sqlite_db, _ = qf.scale_db(folder, scale, cache=cache)
    out["sqlite_dashboard_ms"] = qf.dashboard_ms(sqlite_db, None, repeat=3)
    return out
