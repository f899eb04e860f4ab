"""Stopping a long check from another thread (the full integrity check of a large file at quit)."""
from __future__ import annotations

import threading

import pytest

from sanxiang_desktop.store.database import Interrupted, Interrupter, open_database, quick_check, run_interruptible
from sanxiang_desktop.sync.startup import background_check

# Never ends by itself: only an interrupt stops it.
FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"


def _run_in_thread(fn):
    out: dict = {}

    def body():
        try:
            out["value"] = fn()
        except BaseException as exc:   # noqa: BLE001 - handed to the test
            out["error"] = exc
    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    return thread, out


def test_a_running_statement_stops_when_interrupted(tmp_path):
    db = open_database(tmp_path / "i.db", create=True)
    interrupter = Interrupter()
    thread, out = _run_in_thread(lambda: run_interruptible(db.engine, FOREVER, interrupter))
    assert interrupter.started.wait(10)          # the statement is running inside SQLite now
    interrupter.interrupt()
    thread.join(10)
    assert not thread.is_alive()
    assert isinstance(out.get("error"), Interrupted)
    # the connection is fine afterwards
    assert quick_check(db.engine, full=True) == []
    db.close()


def test_an_interrupt_before_the_start_means_no_run(tmp_path):
    db = open_database(tmp_path / "i.db", create=True)
    interrupter = Interrupter()
    interrupter.interrupt()
    with pytest.raises(Interrupted):
        quick_check(db.engine, full=True, interrupter=interrupter)
    assert not interrupter.started.is_set()
    assert background_check(db, interrupter) is None          # "stopped", not "clean"
    assert background_check(db, Interrupter()) == []         # a check left to run finds the file clean
    db.close()


def test_other_errors_are_not_taken_for_an_interrupt(tmp_path):
    db = open_database(tmp_path / "i.db", create=True)
    from sqlalchemy.exc import OperationalError
    with pytest.raises(OperationalError):
        run_interruptible(db.engine, "SELECT * FROM no_such_table", Interrupter())
    db.close()
