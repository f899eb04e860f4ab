"""An import killed with SIGKILL at 50+ moments leaves the database exactly before or
exactly after, never in between (scripts/kill_test.py runs more points)."""
from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sanxiang_desktop.store.database import open_database

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "kill_test.py"
POINTS = 52

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def load_harness():
    spec = importlib.util.spec_from_file_location("kill_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_test"] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_sigkill_during_import_leaves_before_or_after(tmp_path):
    harness = load_harness()
    setup = harness.prepare(tmp_path / "kill")
    assert setup.duration > setup.startup            # there is an import to interrupt
    outcomes = Counter()
    broken = []
    for n, delay in enumerate(harness.delays(setup, POINTS, seed=7)):
        result = harness.kill_once(setup, delay, n)
        outcomes[result.split()[0]] += 1
        outcomes["killed inside the transaction"] += result.startswith("before") and "began" in result
        if result.startswith("BROKEN"):
            broken.append((n, delay))
        elif n % 10 == 0 and Path(f"{setup.folder}/kill{n}.db").exists():
            open_database(f"{setup.folder}/kill{n}.db").close()
    assert broken == [], f"states in between at {broken}"
    assert outcomes["before"] + outcomes["after"] == POINTS
    assert outcomes["before"] and outcomes["after"], outcomes
    assert outcomes["killed inside the transaction"] >= 5, outcomes
    print(f"kill outcomes: {dict(outcomes)}")
    # after a kill the program opens the file again and the same import completes
    db = setup.folder / "again.db"
    shutil.copyfile(setup.city, db)
    proc = subprocess.Popen([sys.executable, "-m", "sanxiang_desktop", "import-package", "--db", str(db),
                             str(setup.package), "--trust-new-sender"],
                            env=dict(os.environ, PYTHONPATH=str(harness.REPO)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(setup.duration * 0.8)
    proc.kill()
    proc.wait()
    done = harness.run_cli("import-package", "--db", str(db), str(setup.package), "--trust-new-sender")
    assert "applied" in done.stdout or "already imported" in done.stdout
    assert harness.state_digest(db) == setup.after
