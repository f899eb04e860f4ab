"""Packages on a PostgreSQL server (issue 13): the same package imported twice at the same
moment applies once; an import runs while a clerk keeps saving; a package export waits for
saves in flight so no change is skipped."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from sanxiang_desktop.services import records
from sanxiang_desktop.services.workspace import Workspace
from sanxiang_desktop.store import models as m
from sanxiang_desktop.store.database import open_database
from sanxiang_desktop.store.sync_models import ReceivedPackage
from sanxiang_desktop.sync.importer import import_files

from .world import copy_world


@pytest.fixture
def server_world(server_templates, tmp_path):
    nodes = copy_world(server_templates, tmp_path / "world")
    yield nodes
    for node in nodes.values():
        node.close()


def _threads(*targets):
    start = threading.Barrier(len(targets))
    out: list = [None] * len(targets)

    def run(i, fn):
        start.wait()
        out[i] = fn()
    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(targets)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def test_the_same_package_imported_twice_at_once_applies_once(server_world):
    t1, c = server_world["t1"], server_world["c"]
    package = t1.export()
    other = open_database(c.path)                      # a second clerk's program on the same server
    try:
        a, b = _threads(lambda: import_files(c.db, package.paths), lambda: import_files(other, package.paths))
    finally:
        other.close()
    statuses = sorted(r.status for r in a + b)
    assert statuses == ["applied", "duplicate"], [r.to_json() for r in a + b]
    with c.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ReceivedPackage)) == 1
        people = s.scalar(select(func.count()).select_from(m.Person).where(m.Person.owner == t1.code))
    assert people > 0 and [line for line in c.dump() if f'"owner":"{t1.code}"' in line] == \
        [line for line in t1.dump() if f'"owner":"{t1.code}"' in line]


def test_an_import_runs_while_a_clerk_keeps_saving(server_world):
    t1, t2, c = server_world["t1"], server_world["t2"], server_world["c"]
    packages = [t1.export(), t2.export()]
    clerk = Workspace.open(open_database(c.path))
    saved: list[bool] = []

    def save_many():
        for n in range(15):
            r = records.create(clerk, "people", {"unit_code": c.code, "name": f"录入员{n}"})
            saved.append(r.ok)
        return saved

    try:
        imported, _ = _threads(lambda: import_files(c.db, [p for pkg in packages for p in pkg.paths]), save_many)
    finally:
        clerk.db.close()
    assert [r.status for r in imported] == ["applied", "applied"] and all(saved) and len(saved) == 15
    # everything travels on: the county's next package carries the clerk's 15 people and both townships
    y = server_world["y"]
    assert [r.status for r in y.take(c.export())] == ["applied"]
    assert y.dump() == c.dump()
