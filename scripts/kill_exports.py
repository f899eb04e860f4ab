"""SIGKILL `export-package` and `export-receipt` at every step: no package file may exist that the
database does not know (0 orphan files), and no number may be used twice (0 reused numbers).

    .venv/bin/python scripts/kill_exports.py [--points 0 (= every step)] [--keep DIR]

Steps, not delays: every SQL statement, COMMIT, fsync and rename of the run is numbered by a
start-up hook (kill_test.STEP_HOOK) and the process is killed AT step N, so each point is the
same on a fast or a loaded machine. A township that has already sent package #1 exports #2; a
county that holds #1 writes its receipt #1 for the township. After each kill the program starts
again (recover + the same export), and the folder is checked:
- every file with a real package name is recorded in sync_sent with that content (else ORPHAN);
- a file that existed right after the kill still has the same content after the retry (else
  REUSED: a number written twice with different content);
- no temporary file is left after the restart (else LEFTOVER).
tests/sync/test_kill.py runs the same harness with fewer points.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kill_test import REPO, count_steps, fill_points, run_killed  # noqa: E402


@dataclass
class Case:
    name: str
    db: Path              # the database before the run (never touched)
    outbox: Path          # the folder before the run (never touched)
    args: list[str]       # the command, naming db and outbox


def build(folder: Path) -> list[Case]:
    """A township with demo data that has sent #1 to its county, and the county that imported it."""
    sys.path.insert(0, str(REPO))
    from sanxiang_desktop import services  # noqa: F401
    from sanxiang_desktop.services.demo import build_demo
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.store.database import open_database
    from sanxiang_desktop.sync.export import export_package
    from sanxiang_desktop.sync.importer import import_files
    from sanxiang_desktop.sync.trust import ensure_own_key, trust_peer
    folder.mkdir(parents=True, exist_ok=True)
    town = open_database(folder / "township.db", create=True)
    build_demo(town, "640104100", scale="township", seed=4, year=2026)
    county = open_database(folder / "county.db", create=True)
    init_home(county, "640104")
    trust_peer(county, "640104100", ensure_own_key(town).public_bytes, "enrolment")
    trust_peer(town, "640104", ensure_own_key(county).public_bytes, "enrolment")
    first = export_package(town, folder / "up")
    assert import_files(county, first.paths)[0].status == "applied"
    (folder / "down").mkdir()
    town.close()
    county.close()
    return [Case("export-package", folder / "township.db", folder / "up",
                 ["export-package", "--db", str(folder / "township.db"), "--out", str(folder / "up")]),
            Case("export-receipt", folder / "county.db", folder / "down",
                 ["export-receipt", "--db", str(folder / "county.db"), "--to", "640104100", "--out",
                  str(folder / "down")])]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _recorded(db: Path) -> dict[str, str]:
    """{file name: sha256} of every package this database recorded as sent (single-file packages)."""
    con = sqlite3.connect(db)
    try:
        out = {}
        for files, sha in con.execute("SELECT files, sha256 FROM sync_sent"):
            for name in json.loads(files):
                out[name] = sha
        return out
    finally:
        con.close()


def _package_files(folder: Path) -> dict[str, str]:
    return {p.name: _sha(p) for p in folder.iterdir() if p.suffix == ".sxpkg"}


def kill_at(case: Case, at: int, work: Path) -> list[str]:
    """One point; returns the problems found ([] when clean)."""
    work.mkdir(parents=True, exist_ok=True)
    db, outbox = work / case.db.name, work / case.outbox.name
    shutil.copyfile(case.db, db)
    shutil.copytree(case.outbox, outbox)
    args = [str(db) if a == str(case.db) else str(outbox) if a == str(case.outbox) else a for a in case.args]
    run_killed(args, at, work)
    problems = []
    after_kill = _package_files(outbox)
    recorded = _recorded(db)
    problems += [f"ORPHAN {n}" for n, sha in after_kill.items() if recorded.get(n) != sha]
    # the next start: the same command again (it recovers first), in this process
    from sanxiang_desktop.store.database import open_database
    from sanxiang_desktop.sync.export import export_package
    from sanxiang_desktop.sync.receipts import export_receipt
    handle = open_database(db)
    try:
        if case.name == "export-package":
            export_package(handle, outbox)
        else:
            export_receipt(handle, "640104100", outbox)
    finally:
        handle.close()
    final = _package_files(outbox)
    problems += [f"REUSED {n}" for n, sha in after_kill.items() if final.get(n) != sha]
    recorded = _recorded(db)
    problems += [f"ORPHAN {n} (after restart)" for n, sha in final.items() if recorded.get(n) != sha]
    problems += [f"LEFTOVER {p.name}" for p in outbox.iterdir() if p.suffix == ".tmp"]
    if not problems:
        shutil.rmtree(work, ignore_errors=True)
    return problems


def points_for(steps: list[str], wanted: int) -> list[int]:
    """Every step (wanted=0), else at least `wanted` steps spread evenly, always including every
    COMMIT, fsync and rename and the step after each (the moments that matter most)."""
    total = len(steps)
    if not wanted or wanted >= total:
        return list(range(1, total + 1))
    key = {i for i, k in enumerate(steps, 1) if k in ("commit", "committed", "fsync", "replace")}
    key |= {i + 1 for i in key if i < total}
    if len(key) >= wanted:
        return sorted(key)
    return fill_points(key, total, wanted)


def sweep(folder: Path, points: int = 0, report=print) -> Counter:
    cases = build(folder / "setup")
    outcomes: Counter = Counter()
    for case in cases:
        steps = count_steps(case.args, case.db)
        chosen = points_for(steps, points)
        report(f"{case.name}: {len(steps)} steps, killing at {len(chosen)}")
        for at in chosen:
            problems = kill_at(case, at, folder / f"{case.name}-{at}")
            outcomes["points"] += 1
            outcomes[f"{case.name} points"] += 1
            for p in problems:
                outcomes[p.split()[0]] += 1
                report(f"  {case.name} step {at} ({steps[at - 1]}): {p}")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--points", type=int, default=0, help="points per command (0: every step)")
    p.add_argument("--keep", help="work folder to keep (default: a temporary one, removed)")
    args = p.parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sx-kill-exports-"))
    try:
        outcomes = sweep(folder, args.points)
        print(dict(outcomes))
        return 1 if any(outcomes[k] for k in ("ORPHAN", "REUSED", "LEFTOVER")) else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
