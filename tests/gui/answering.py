"""Keeps the helpers that answer modal dialogs (they poll on a QTimer) inside the test that started them.

A poller still waiting when its test ends would otherwise click a button of the next test's dialog, or
hand that dialog to the wrong handler: order-dependent failures and hangs. The autouse fixture in
tests/gui/conftest.py calls end_test() at every teardown; pollers check still_running() before acting.
"""
from __future__ import annotations

ANSWER_TIMEOUT_MS = 10000      # how long a helper waits for its dialog to come up (a loaded machine is slow)

_generation = [0]


def current() -> int:
    return _generation[0]


def still_running(generation: int) -> bool:
    return _generation[0] == generation


def end_test() -> None:
    _generation[0] += 1


# The running test's qtbot, for helpers called without one (list_values, drain_list_queries);
# set by the autouse fixture in tests/gui/conftest.py.
_qtbot: list = []


def qtbot():
    assert _qtbot, "no GUI test is running"
    return _qtbot[0]
