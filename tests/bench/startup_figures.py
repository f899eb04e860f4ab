"""Start-up figures, each in a fresh child process timed from its spawn by the parent's clock
(time.perf_counter is CLOCK_MONOTONIC, shared by parent and child on Linux).

- startup: the program's own launcher opens the city database offscreen; the child prints the time of
  the launcher's `ready` (main window shown, dashboard filled). Bare: a PySide6 QMainWindow shown.
- cli_startup: `sanxiang-desktop --help` against `python -c "import sqlite3"`, whole process.
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

OURS = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from sanxiang_desktop.ui.shell.application import create_application
from sanxiang_desktop.ui.shell.launcher import Launcher
from sanxiang_desktop.ui.shell.settings import Settings
from sanxiang_desktop.ui.shell.tasks import default_runner
settings = Settings(sys.argv[3])
app = create_application([sys.argv[0]], settings)
app.setQuitOnLastWindowClosed(False)
launcher = Launcher(settings)
def ready(window, _seconds):
    print("READY", time.perf_counter() - t0, window.isVisible(), flush=True)
    window.close()
    app.exit(0)
launcher.ready.connect(ready)
launcher.finished.connect(app.exit)
QTimer.singleShot(0, lambda: launcher.start(db=sys.argv[2]))
QTimer.singleShot(60000, lambda: app.exit(3))
code = app.exec()
default_runner().shutdown()
sys.exit(code)
"""

BARE = r"""
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1024, 700)
def shown():
    print("READY", time.perf_counter() - t0, window.isVisible(), flush=True)
    window.close()
    app.exit(0)
window.show()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""


# The same start timed on a scale's database (the growth table): the child reports its own CPU at that
# moment and ends there, without the exit backup (of 3.7 GB nationally) a clean close would write.
AT_SCALE = OURS.replace('print("READY", time.perf_counter() - t0, window.isVisible(), flush=True)',
                        'print("READY", time.perf_counter() - t0, window.isVisible(), time.process_time(), flush=True)'
                        '; import os; os._exit(0)')


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _child_ready(script: str, *args: str, data_dir: str) -> tuple[float, float]:
    """(seconds from spawn to ready, CPU seconds of the whole child); `data_dir`: its data folder."""
    # the child's data folder (its daily and exit backups) is the run's throwaway folder, never the user's
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANXIANG_DATA_DIR=data_dir)
    c0 = _children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, repr(t0), *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=120)
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("READY")]
    if done.returncode != 0 or not line or line[-1].split()[2] != "True":
        raise RuntimeError(f"start-up child failed ({done.returncode}): {done.stdout[-500:]} {done.stderr[-2000:]}")
    return float(line[-1].split()[1]), _children_cpu() - c0


def startup_figures(city_db: Path, folder: Path, repeat: int = 5) -> dict:
    """Median seconds to a shown main window with a filled dashboard, next to a bare QMainWindow."""
    ours, bare = [], []
    for i in range(repeat):
        db = folder / f"startup-{i}.db"
        shutil.copyfile(city_db, db)
        ours.append(_child_ready(OURS, str(db), str(folder / f"startup-{i}.ini"), data_dir=str(folder)))
        bare.append(_child_ready(BARE, data_dir=str(folder)))
    s, b = statistics.median(o[0] for o in ours), statistics.median(x[0] for x in bare)
    sc, bc = statistics.median(o[1] for o in ours), statistics.median(x[1] for x in bare)
    return {"s": round(s, 3), "bare_s": round(b, 3), "ratio": round(s / b, 2),
            "cpu_s": round(sc, 3), "bare_cpu_s": round(bc, 3), "cpu_ratio": round(sc / bc, 2)}


def _wall(cmd: list[str]) -> tuple[float, float]:
    c0 = _children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, cwd=REPO, timeout=60)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {done.stderr[-1000:]!r}")
    return seconds, _children_cpu() - c0


def cli_startup_figures(repeat: int = 7) -> dict:
    """Median seconds of `sanxiang-desktop --help` next to `python -c "import sqlite3"`."""
    # what the `sanxiang-desktop` launcher script runs, from this checkout (cwd) whatever is installed
    cmd = [sys.executable, "-m", "sanxiang_desktop"]
    ours = [_wall([*cmd, "--help"]) for _ in range(repeat)]
    bare = [_wall([sys.executable, "-c", "import sqlite3"]) for _ in range(repeat)]
    s, b = statistics.median(o[0] for o in ours), statistics.median(x[0] for x in bare)
    sc, bc = statistics.median(o[1] for o in ours), statistics.median(x[1] for x in bare)
    return {"s": round(s, 3), "bare_s": round(b, 3), "ratio": round(s / b, 2),
            "cpu_s": round(sc, 3), "bare_cpu_s": round(bc, 3)}


def startup_at(db_path: Path, folder: Path, repeat: int = 2) -> dict:
    """Median seconds to the shown main window with its dashboard filled, and the child's CPU seconds
    by then, on one copy of `db_path` (a national file is 3.7 GB: one copy serves every run)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "startup.db"
    shutil.copyfile(db_path, db)
    runs = []
    for i in range(repeat):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SANXIANG_DATA_DIR=str(folder))
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", AT_SCALE, repr(t0), str(db), str(folder / f"s-{i}.ini")],
                              capture_output=True, text=True, cwd=REPO, env=env, timeout=600)
        line = [ln for ln in done.stdout.splitlines() if ln.startswith("READY")]
        if done.returncode != 0 or not line or line[-1].split()[2] != "True":
            raise RuntimeError(f"start-up child failed ({done.returncode}): {done.stderr[-2000:]}")
        runs.append((float(line[-1].split()[1]), float(line[-1].split()[3])))
    shutil.rmtree(folder, ignore_errors=True)        # the copy and the (partial) daily backup
    return {"s": round(statistics.median(r[0] for r in runs), 3),
            "cpu_s": round(statistics.median(r[1] for r in runs), 3)}
