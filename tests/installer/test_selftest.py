"""`sanxiang-desktop selftest` on the real stack (in a child process: it starts its own Qt, offscreen)."""
from __future__ import annotations

import os
import subprocess
import sys

from sanxiang_desktop.cli.selftest import STEPS, run_selftest


def test_selftest_passes_and_prints_one_line_per_step(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"TMPDIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "sanxiang_desktop", "selftest"], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:len(STEPS)]] == [f"ok   {name}" for name, _ in STEPS]
    assert "selftest passed" in lines[-1]
    assert list(tmp_path.iterdir()) == []   # the temporary folder is gone


def test_a_failing_step_fails_the_selftest_and_skips_what_depends_on_it(tmp_path):
    (tmp_path / "township.db").write_bytes(b"not a database, just bytes " * 100)
    out = tmp_path / "out.txt"
    with out.open("w") as fh:
        assert run_selftest(tmp_path, out=fh) is False
    lines = out.read_text().splitlines()
    assert lines[0].startswith("ok   resources") and lines[1].startswith("FAIL demo database")
    assert all(line.startswith("SKIP") for line in lines[2:]) and len(lines) == len(STEPS)


def test_the_oldest_schema_is_shipped_with_the_program():
    import gzip
    import importlib.resources
    from pathlib import Path
    shipped = importlib.resources.files("sanxiang_desktop.resources") / "selftest" / "schema_0001.db.gz"
    fixture = Path(__file__).resolve().parents[1] / "data" / "schema_0001.db"
    assert gzip.decompress(shipped.read_bytes()) == fixture.read_bytes()
