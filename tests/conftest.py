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

# Importing the GUI package pauses the garbage collector until the application is created
# (sanxiang_desktop/ui/shell/__init__.py); the tests build windows without create_application, so the
# collector is switched back on here, before any test module imports the GUI.
from sanxiang_desktop.ui.shell import resume_collection  # noqa: E402

resume_collection()


REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("SANXIANG_DATA_DIR", str(d))
    return d


# -- two backends (issue 13): SQLite files and a throwaway PostgreSQL server ---------------------------------
from .pgserver import PgServer  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL cluster. Under CI=true a server that cannot start fails the
    tests that need it (never a silent skip); on a developer's machine they are skipped."""
    try:
        server = PgServer().start()
    except Exception as exc:  # noqa: BLE001 - the reason is the message
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the PostgreSQL test server cannot start: {exc}")
        pytest.skip(f"no PostgreSQL test server: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_schema(pg_server) -> str:
    """A server database at the head schema and nothing else: tests clone it."""
    from sanxiang_desktop.store.database import open_database
    name = pg_server.new_database("schema")
    open_database(pg_server.url(name), create=True).close()
    return name


class Backend:
    """Where a test's databases live: `target(name)` is a file path (sqlite) or a URL of a fresh
    server database cloned from the schema template (postgres)."""

    def __init__(self, name: str, folder: pathlib.Path, server: PgServer | None = None, schema: str | None = None):
        self.name, self.folder, self.server, self.schema = name, folder, server, schema
        self.made: list[str] = []

    def target(self, name: str = "t.db", *, empty: bool = False):
        if self.server is None:
            return self.folder / name
        db = self.server.new_database("t", None if empty else self.schema)
        self.made.append(db)
        return self.server.url(db)

    def cleanup(self) -> None:
        for db in self.made:
            self.server.drop_database(db)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        yield Backend("sqlite", tmp_path)
        return
    b = Backend("postgres", tmp_path, request.getfixturevalue("pg_server"), request.getfixturevalue("pg_schema"))
    yield b
    b.cleanup()
