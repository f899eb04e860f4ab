"""SIGKILL at numbered steps (every SQL statement, COMMIT, fsync, rename): an import leaves the
database exactly before or exactly after; an export or a receipt leaves no package file the
database does not know and uses no number twice (scripts/kill_test.py and kill_exports.py run
more points). Steps, not delays: the same points on a fast or a loaded machine."""
from __future__ import annotations

import importlib.util
import signal
import sys
from collections import Counter
from pathlib import Path

import pytest

from sanxiang_desktop.store.database import open_database

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
IMPORT_POINTS = 40
EXPORT_POINTS = 26          # per command: export-package and export-receipt, 52 in all

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def load_harness():
    return _load("kill_test")


def test_sigkill_during_import_leaves_before_or_after(tmp_path):
    harness = load_harness()
    setup = harness.prepare_steps(tmp_path / "kill")
    assert setup.main_begin < setup.main_commit                # there is a transaction to interrupt
    outcomes = Counter()
    broken = []
    points = harness.step_points(setup, IMPORT_POINTS)
    for n, at in enumerate(points):
        result = harness.kill_import_at(setup, at, n)
        outcomes[result.split()[0]] += 1
        outcomes["killed inside the transaction"] += result.endswith("inside")
        if result.startswith("BROKEN"):
            broken.append(at)
        elif n % 10 == 0 and Path(f"{setup.folder}/step{n}.db").exists():
            open_database(f"{setup.folder}/step{n}.db").close()
    print(f"import kill outcomes over {len(setup.steps)} steps: {dict(outcomes)}")
    assert broken == [], f"states in between at steps {broken}"
    assert outcomes["before"] + outcomes["after"] == len(points) >= IMPORT_POINTS
    assert outcomes["before"] and outcomes["after"], outcomes
    assert outcomes["killed inside the transaction"] >= 5, outcomes
    # after a kill inside the transaction the same import completes
    db = setup.folder / "again.db"
    import shutil
    shutil.copyfile(setup.city, db)
    harness.run_killed(harness.import_args(db, setup.package), setup.main_commit - 1, setup.folder / "hook-again")
    done = harness.run_cli(*harness.import_args(db, setup.package))
    assert "applied" in done.stdout
    assert harness.state_digest(db) == setup.after


def test_sigkill_during_exports_and_receipts_leaves_no_orphan_and_no_reused_number(tmp_path):
    sweep = _load("kill_exports")
    outcomes = sweep.sweep(tmp_path / "exports", EXPORT_POINTS, report=print)
    print(f"export/receipt kill outcomes: {dict(outcomes)}")
    assert outcomes["points"] >= 50
    assert outcomes["export-package points"] and outcomes["export-receipt points"]
    assert outcomes["ORPHAN"] == outcomes["REUSED"] == outcomes["LEFTOVER"] == 0, outcomes
