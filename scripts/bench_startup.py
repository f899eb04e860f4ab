"""Start-up time to a shown main window: the frozen bundle next to the unbundled program, same run.

Run under an X server (make bench-startup uses xvfb-run). Each round starts the program on the same
township demo database and polls the X server (xwininfo) until the main window ("<unit> — 基层科协
“3+1”工作") is mapped, then ends it. The two are interleaved round by round, so machine load hits
both alike; the figure that matters is the ratio.

    xvfb-run -a .venv/bin/python scripts/bench_startup.py [--bundle dist/sanxiang-desktop/sanxiang-desktop] [--rounds 5]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TITLE = re.compile(r'^\s*(0x[0-9a-f]+) ".+ — 基层科协“3\+1”工作"', re.M)


def shown(pid_started: float, timeout: float = 120.0) -> float:
    """Seconds from pid_started until a main window is viewable."""
    while time.perf_counter() - pid_started < timeout:
        tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
        for wid in TITLE.findall(tree):
            info = subprocess.run(["xwininfo", "-id", wid], capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return time.perf_counter() - pid_started
        time.sleep(0.02)   # polling the X server, not waiting for the program
    raise TimeoutError("no main window")


def one(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return shown(started)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle", default=str(REPO / "dist" / "sanxiang-desktop" / "sanxiang-desktop"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if not os.environ.get("DISPLAY"):
        print("needs an X server: run it under xvfb-run", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "township.db"
        subprocess.run([sys.executable, "-m", "sanxiang_desktop", "demo", "--db", str(db), "--unit", "640104100",
                        "--scale", "township", "--seed", "1"], check=True, capture_output=True)
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"SANXIANG_DATA_DIR": tmp}
        programs = {"bundle": [args.bundle, "--db", str(db)],
                    "unbundled": [sys.executable, "-m", "sanxiang_desktop", "--db", str(db)]}
        times: dict[str, list[float]] = {k: [] for k in programs}
        one(programs["unbundled"], env)   # warm the disk cache for both, untimed
        one(programs["bundle"], env)
        for _ in range(args.rounds):
            for name, cmd in programs.items():
                times[name].append(one(cmd, env))
    med = {k: statistics.median(v) for k, v in times.items()}
    for name, values in times.items():
        print(f"{name:10s} median {med[name]:.2f} s to a shown main window  (runs: "
              f"{', '.join(f'{v:.2f}' for v in values)})")
    print(f"bundle / unbundled: {med['bundle'] / med['unbundled']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
