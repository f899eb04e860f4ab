"""SIGKILL an import at random moments: the database must end exactly before or exactly
after the import, never in between.

    .venv/bin/python scripts/kill_test.py --points 300 [--seed 1] [--keep DIR] [--by-time]

Kills land at numbered steps of the run (every SQL statement, COMMIT, fsync, rename: STEP_HOOK),
so the sweep covers the import the same way on a fast or a loaded machine; --by-time is the older
sweep after random delays. scripts/kill_exports.py sweeps exports and receipts the same way.

A county-scale demo (兴庆区, ~1,250 records) is exported to the city; each kill point
copies the city's untouched database, starts `python -m sanxiang_desktop
import-package` on it, kills the process after a random delay spread over the
measured duration of an import, then compares the database's state with the two
allowed ones. tests/sync/test_kill.py runs the same harness with fewer points.
(POSIX only: Windows has no SIGKILL; TerminateProcess would do the same there.)
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RECORD_TABLES = ("units", "people", "venues", "associations", "association_meetings", "posts", "activities",
                 "attachments", "volunteer_teams", "team_members", "leading_groups", "group_members", "visits",
                 "work_plans", "plan_tasks", "milestones", "bulletins", "blobs")


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", *args], capture_output=True, text=True,
                          env=env, timeout=600)
    if check and done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr}")
    return done


def state_digest(path: Path) -> str:
    """What an import changes, without the wall-clock times it writes: every record row, the
    packages received, the origins, the trusted peers and the clock."""
    con = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for table in RECORD_TABLES:
            key = "sha256" if table == "blobs" else "id"
            for row in con.execute(f"SELECT * FROM {table} ORDER BY {key}"):
                h.update(repr(row).encode())
        queries = ("SELECT package_id, kind, sender, seq FROM sync_received ORDER BY package_id",
                   "SELECT table_name, record_id, origin_unit, origin_package, origin_rev FROM sync_origins "
                   "ORDER BY table_name, record_id",
                   "SELECT unit_code, key_id FROM sync_peers ORDER BY unit_code",
                   "SELECT table_name, record_id FROM sync_changes ORDER BY table_name, record_id",
                   "SELECT key, value FROM meta WHERE key = 'hlc_last'")
        for q in queries:
            for row in con.execute(q):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


@dataclass
class Setup:
    folder: Path
    city: Path          # the city's database before the import (never touched)
    package: Path
    before: str
    after: str
    duration: float     # one whole import-package run, process start to exit
    startup: float      # the part of it spent starting Python and importing the program


def build(folder: Path, seed: int = 3) -> tuple[Path, Path]:
    """The county-scale demo and its package for the city, made in this process (quicker)."""
    sys.path.insert(0, str(REPO))
    from sanxiang_desktop import services  # noqa: F401
    from sanxiang_desktop.services.demo import build_demo
    from sanxiang_desktop.services.units import init_home
    from sanxiang_desktop.store.database import open_database
    from sanxiang_desktop.sync.export import export_package
    from sanxiang_desktop.sync.trust import ensure_own_key
    folder.mkdir(parents=True, exist_ok=True)
    county = open_database(folder / "county.db", create=True)
    build_demo(county, "640104", scale="county", seed=seed, year=2026)
    city = open_database(folder / "city.db", create=True)
    init_home(city, "640100")
    ensure_own_key(city)
    package = export_package(county, folder / "up").paths[0]
    county.close()
    city.close()
    return folder / "city.db", package


def prepare(folder: Path, seed: int = 3, trials: int = 2) -> Setup:
    city, package = build(folder, seed)
    before = state_digest(city)
    durations = []
    for n in range(trials):
        trial = folder / f"trial{n}.db"
        shutil.copyfile(city, trial)
        t0 = time.perf_counter()
        run_cli("import-package", "--db", str(trial), str(package), "--trust-new-sender")
        durations.append(time.perf_counter() - t0)
    after = state_digest(folder / "trial0.db")
    assert after != before and all(state_digest(folder / f"trial{n}.db") == after for n in range(trials))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sanxiang_desktop.cli.main"], env=dict(os.environ,
                   PYTHONPATH=str(REPO)), check=True)
    startup = time.perf_counter() - t0
    return Setup(folder, city, package, before, after, max(durations), startup)


# Loaded by Python at start-up (sitecustomize) in the killed processes only: it marks the moment
# the import's one transaction starts, so a report can say how many kills landed inside it. The
# program itself is unchanged and still started as `python -m sanxiang_desktop import-package`.
MARKER_HOOK = """
import os
if os.environ.get("SX_KILL_MARK"):
    from sanxiang_desktop.sync import importer
    _apply = importer._apply
    def _marked(*args, **kwargs):
        open(os.environ["SX_KILL_MARK"], "w").close()
        return _apply(*args, **kwargs)
    importer._apply = _marked
"""


# Step hook (sitecustomize, killed processes only): every BEGIN, SQL statement, COMMIT (before and
# after), fsync and rename is a numbered step; SX_KILL_AT=N sends SIGKILL to the process at step N, so
# each point of the sweep is reproducible whatever the load on the machine. SX_KILL_LOG=FILE
# writes the kinds of all steps of an undisturbed run (to choose the points).
STEP_HOOK = """
import os
if os.environ.get("SX_KILL_AT") or os.environ.get("SX_KILL_LOG"):
    import atexit, signal
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    _at, _log, _steps = int(os.environ.get("SX_KILL_AT") or 0), os.environ.get("SX_KILL_LOG"), []
    def _step(kind):
        _steps.append(kind)
        if _at and len(_steps) == _at:
            os.kill(os.getpid(), signal.SIGKILL)
    from sqlalchemy.orm import Session
    event.listen(Engine, "begin", lambda conn: _step("begin"))
    event.listen(Engine, "before_cursor_execute", lambda *a, **k: _step("sql"))
    event.listen(Engine, "commit", lambda conn: _step("commit"))
    event.listen(Session, "after_commit", lambda session: _step("committed"))
    _replace, _fsync = os.replace, os.fsync
    def _replace_step(a, b, *x, **k):
        _step("replace")
        return _replace(a, b, *x, **k)
    def _fsync_step(fd):
        _step("fsync")
        return _fsync(fd)
    os.replace, os.fsync = _replace_step, _fsync_step
    if _log:
        atexit.register(lambda: open(_log, "w").write("\\n".join(_steps)))
"""


def _step_env(folder: Path, **extra: str) -> dict:
    hook = folder / "step-hook"
    hook.mkdir(parents=True, exist_ok=True)
    (hook / "sitecustomize.py").write_text(STEP_HOOK)
    return dict(os.environ, PYTHONPATH=f"{hook}{os.pathsep}{REPO}", QT_QPA_PLATFORM="offscreen", **extra)


def count_steps(args: list[str], db: Path) -> list[str]:
    """The kinds of the steps of one undisturbed run of a command, on a throw-away copy of `db`
    (the arguments naming `db` are pointed at the copy; the output folder is a scratch one)."""
    scratch = Path(tempfile.mkdtemp(prefix="sx-steps-"))
    try:
        copy = scratch / db.name
        shutil.copyfile(db, copy)
        args = [str(copy) if a == str(db) else a for a in args]
        if "--out" in args:
            args[args.index("--out") + 1] = str(scratch / "out")
        log = scratch / "steps.log"
        done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", *args], env=_step_env(scratch, SX_KILL_LOG=str(log)),
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {done.stderr}")
        return log.read_text().split("\n")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_killed(args: list[str], at: int, folder: Path | None = None) -> int:
    """Run a command and SIGKILL it at step `at`; returns the exit status (-9 when killed).
    `folder` holds the start-up hook (default: a temporary folder, removed)."""
    if folder is None:
        with tempfile.TemporaryDirectory(prefix="sx-hook-") as tmp:
            return run_killed(args, at, Path(tmp))
    done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", *args], env=_step_env(folder, SX_KILL_AT=str(at)),
                          capture_output=True, timeout=600)
    return done.returncode


def kill_once(setup: Setup, delay: float, n: int) -> str:
    """One kill point: 'before', 'after' (killed too late or finished) or 'BROKEN', noting when the
    kill came after the import's transaction had begun (possibly after its commit)."""
    db = setup.folder / f"kill{n}.db"
    mark = setup.folder / f"kill{n}.mark"
    hook = setup.folder / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(MARKER_HOOK)
    shutil.copyfile(setup.city, db)
    env = dict(os.environ, PYTHONPATH=f"{hook}{os.pathsep}{REPO}", QT_QPA_PLATFORM="offscreen",
               SX_KILL_MARK=str(mark))
    proc = subprocess.Popen([sys.executable, "-m", "sanxiang_desktop", "import-package", "--db", str(db),
                             str(setup.package), "--trust-new-sender"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    state = state_digest(db)
    outcome = "before" if state == setup.before else "after" if state == setup.after else "BROKEN"
    inside = not finished and mark.exists()
    mark.unlink(missing_ok=True)
    if outcome != "BROKEN":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return outcome + (" (finished)" if finished else " (after the transaction began)" if inside else "")


# ------------------------------------------------------------------ kills at numbered steps (load-proof)
@dataclass
class StepSetup:
    folder: Path
    city: Path
    package: Path
    before: str
    after: str
    steps: list[str]        # kinds of the steps of one undisturbed import
    main_commit: int        # the step that commits the import's one transaction
    main_begin: int         # the first step of that transaction


def import_args(db: Path, package: Path) -> list[str]:
    return ["import-package", "--db", str(db), str(package), "--trust-new-sender"]


def prepare_steps(folder: Path, seed: int = 3) -> StepSetup:
    city, package = build(folder, seed)
    before = state_digest(city)
    trial = folder / "trial.db"
    shutil.copyfile(city, trial)
    run_cli(*import_args(trial, package))
    after = state_digest(trial)
    assert after != before
    steps = count_steps(import_args(city, package), city)
    commits = [i for i, k in enumerate(steps, 1) if k == "commit"]
    begins = [i for i, k in enumerate(steps, 1) if k == "begin"]
    # the import's transaction: the one with the most steps between its BEGIN and its COMMIT
    spans = [(c - max([b for b in begins if b < c] or [1]), max([b for b in begins if b < c] or [1]), c)
             for c in commits]
    _, begin, commit = max(spans)
    return StepSetup(folder, city, package, before, after, steps, commit, begin)


def step_points(setup: StepSetup, points: int) -> list[int]:
    """`points` steps spread over the whole run, always with the commit and the steps around it."""
    total = len(setup.steps)
    chosen = {p for p in range(setup.main_commit - 1, setup.main_commit + 3) if 1 <= p <= total}
    return fill_points(chosen, total, points)


def fill_points(chosen: set[int], total: int, points: int) -> list[int]:
    """`chosen` plus evenly spread steps of 1..total until there are `points` (or every step)."""
    chosen = set(chosen)
    step = total / max(1, points)
    offset = 0.0
    while len(chosen) < min(points, total):
        for j in range(points):
            chosen.add(min(total, 1 + int(j * step + offset)))
            if len(chosen) >= min(points, total):
                break
        offset += max(1.0, step / 2)
        if offset > total:
            chosen |= set(range(1, total + 1))
    return sorted(chosen)


def kill_import_at(setup: StepSetup, at: int, n: int) -> str:
    """Kill the import at step `at`: 'before', 'after' or 'BROKEN' (+ 'inside' when the step lies
    in the import's transaction)."""
    db = setup.folder / f"step{n}.db"
    shutil.copyfile(setup.city, db)
    run_killed(import_args(db, setup.package), at, setup.folder / "hook-steps")
    state = state_digest(db)
    outcome = "before" if state == setup.before else "after" if state == setup.after else "BROKEN"
    if outcome != "BROKEN":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return outcome + (" inside" if setup.main_begin <= at <= setup.main_commit else "")


def delays(setup: Setup, points: int, seed: int) -> list[float]:
    """Spread over the import itself (from half-way through start-up to just past the end)."""
    rng = random.Random(seed)
    low, high = setup.startup * 0.5, setup.duration * 1.05
    return [low + (high - low) * (i + rng.random()) / points for i in range(points)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--points", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", help="work folder to keep (default: a temporary one, removed)")
    p.add_argument("--by-time", action="store_true",
                   help="kill after random delays (the old sweep) instead of at numbered steps")
    args = p.parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sx-kill-"))
    try:
        if not args.by_time:
            st = prepare_steps(folder)
            print(f"import: {len(st.steps)} steps, its transaction {st.main_begin}-{st.main_commit}; "
                  f"{args.points} kill points")
            outcomes = Counter()
            for n, at in enumerate(step_points(st, args.points)):
                result = kill_import_at(st, at, n)
                outcomes[result.split()[0]] += 1
                outcomes["killed inside the transaction"] += result.endswith("inside")
                if result.startswith("BROKEN"):
                    print(f"  step {at} left the database in between: {folder}/step{n}.db")
            print(dict(outcomes))
            return 1 if outcomes["BROKEN"] else 0
        setup = prepare(folder)
        print(f"import takes {setup.duration:.2f} s (start-up {setup.startup:.2f} s); {args.points} kill points")
        outcomes = Counter()
        for n, delay in enumerate(delays(setup, args.points, args.seed)):
            result = kill_once(setup, delay, n)
            outcomes[result.split()[0]] += 1
            # killed after the transaction began and the file still reads "before": inside the transaction
            outcomes["before, killed inside the transaction"] += result.startswith("before") and "began" in result
            if result.startswith("BROKEN"):
                print(f"  point {n} at {delay:.3f} s left the database in between: {folder}/kill{n}.db")
        print(dict(outcomes))
        return 1 if outcomes["BROKEN"] else 0
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
