"""The exchange world (tests/sync/world.py): built once, copied for every test."""
from __future__ import annotations

import pytest

from .world import build_templates, copy_world


def pytest_generate_tests(metafunc):
    """Modules marked `both_backends` run their world tests on SQLite and on PostgreSQL (issue 13)."""
    if "world_backend" in metafunc.fixturenames:
        both = metafunc.definition.get_closest_marker("both_backends") is not None
        metafunc.parametrize("world_backend", ["sqlite", "postgres"] if both else ["sqlite"], indirect=True)


@pytest.fixture
def world_backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def server_templates(tmp_path_factory, pg_server, pg_schema):
    return build_templates(tmp_path_factory.mktemp("server-templates"), pg_server, pg_schema)


@pytest.fixture
def templates(world_backend, request):
    return request.getfixturevalue("server_templates" if world_backend == "postgres" else "sqlite_templates")


@pytest.fixture
def world(templates, tmp_path):
    nodes = copy_world(templates, tmp_path / "world")
    yield nodes
    for node in nodes.values():
        node.close()
