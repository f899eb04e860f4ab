"""The exchange world (tests/sync/world.py): built once, copied for every test."""
from __future__ import annotations

import pytest

from .world import build_templates, copy_world


@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    return build_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def world(templates, tmp_path):
    nodes = copy_world(templates, tmp_path / "world")
    yield nodes
    for node in nodes.values():
        node.close()
