"""Issue 11, item 18: at 125 % and 150 % display scaling (QT_SCALE_FACTOR) on a 1366×768 screen the main
window, a record form (also with its messages shown), 设置 and the first-start wizard fit on the screen and nothing in them is
cut: no label, button or tab narrower than its text, no editor squeezed, the window not smaller than
its contents need. The factor must be set before the QApplication exists, so each runs in a subprocess
(tests/gui/scaled_probe.py) on Qt's offscreen platform configured as one 1366×768 screen."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.window_support import make_demo

REPO = Path(__file__).resolve().parents[2]
SCREEN = {"screens": [{"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768,
                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.fixture(scope="module")
def demos(tmp_path_factory) -> dict[str, Path]:
    """A county (its own pages: 领导小组, 时间节点) and the city (both sets of cards above the table)."""
    folder = tmp_path_factory.mktemp("scaled")
    return {"county": make_demo(folder, "640104", "county"), "city": make_demo(folder, "640100", "city")}


def probe(db: Path, scale: str, folder: Path) -> dict:
    config = folder / "screens.json"
    config.write_text(json.dumps(SCREEN))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "SANXIANG_DATA_DIR": str(folder)}
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    done = subprocess.run([sys.executable, "-m", "tests.gui.scaled_probe", str(db)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("level, scale, screen", [("city", "1.25", [1093, 614]), ("city", "1.5", [911, 512]),
                                                  ("county", "1.5", [911, 512])])
def test_nothing_is_cut_at_display_scaling(demos, tmp_path, level, scale, screen):
    db = tmp_path / "sanxiang.db"
    db.write_bytes(demos[level].read_bytes())
    report = probe(db, scale, tmp_path)
    assert report["screen"] == screen                 # the scale factor took effect
    assert report["problems"] == {"main window": [], "record form": [], "settings": [], "wizard": []}, report
    assert report["window"][1] <= screen[1] and report["form"][1] <= screen[1]
    assert "数据交换" in report["tabs"]                 # in Chinese, all pages there
    assert report["eliding_tab_bars"] == []
