"""Shared fixtures. Qt runs headless; every test gets its own real SQLite file."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SANXIANG_DATA_DIR", "")  # filled per test by the data_dir fixture

import pathlib

import pytest

from sanxiang_desktop.ui.workarounds import pin_bools

pin_bools()  # see its docstring: pytest-qt's many disconnects would crash PySide6 6.12 at exit

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("SANXIANG_DATA_DIR", str(d))
    return d
