"""Shared fixtures. Qt runs headless; every test gets its own real SQLite file."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SANXIANG_DATA_DIR", "")  # filled per test by the data_dir fixture
# Private keys (store/keystore.py) of every database the tests make go to one temporary folder for
# the session (subprocesses inherit it): the tests never touch the real profile's key store.
import tempfile  # noqa: E402
os.environ["SANXIANG_KEY_DIR"] = tempfile.mkdtemp(prefix="sx-test-keys-")
# The offices are in China: "today" and printed times are Beijing time whatever the test machine's zone.
os.environ.setdefault("SANXIANG_TZ", "Asia/Shanghai")

import pathlib

import pytest


REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("SANXIANG_DATA_DIR", str(d))
    return d
