"""Fixtures for the Qt-free layers: real SQLite files in a temp folder, and (for the tests
that take `make_ws`/`ws`) the same tests again on a PostgreSQL server database."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from sanxiang_desktop import services  # noqa: F401
from sanxiang_desktop.services.units import init_home
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store.database import open_database

TOWNSHIP = "640104100"   # 掌政镇, 兴庆区
COUNTY = "640104"


def fixed_clock(start=dt.datetime(2026, 6, 1, 2, 0, tzinfo=dt.timezone.utc)):
    ticks = itertools.count()
    return lambda: start + dt.timedelta(seconds=next(ticks))


@pytest.fixture
def make_ws(backend):
    opened = []

    def make(unit: str = TOWNSHIP, name: str = "t.db") -> Workspace:
        db = open_database(backend.target(name), create=True)
        init_home(db, unit, "测试员")
        opened.append(db)
        return Workspace.open(db, now=fixed_clock())
    yield make
    for db in opened:
        db.close()


@pytest.fixture
def ws(make_ws) -> Workspace:
    return make_ws()
