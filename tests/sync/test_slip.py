"""The transmittal slip (报送单): its content, and the PDF through the real command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sanxiang_desktop.sync.slip import slip_data, slip_document

REPO = Path(__file__).resolve().parents[2]


def test_slip_content_and_the_check_code_seen_on_import(world):
    t1, c = world["t1"], world["c"]
    written = t1.export()
    data = slip_data(t1.db, written)
    assert data["sender_name"] == "掌政镇" and data["recipient_name"] == "兴庆区" and data["seq"] == 1
    assert dict(data["counts"])["人员"] == written.counts["people"]
    assert len(written.check_code) == 9 and written.check_code[4] == "-"
    doc = slip_document(t1.db, written)
    assert doc.title == "数据报送单"
    assert c.take(written)[0].check_code == written.check_code


def test_export_package_prints_the_slip_pdf(world, tmp_path):
    t1 = world["t1"]
    t1.close()
    pdf = tmp_path / "slip.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run([sys.executable, "-m", "sanxiang_desktop", "export-package", "--db", str(t1.path),
                           "--out", str(tmp_path / "out"), "--slip", str(pdf), "--json"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["slip"] == str(pdf) and pdf.read_bytes()[:5] == b"%PDF-"
