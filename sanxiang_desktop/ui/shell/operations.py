"""The operation type: a write from the GUI, the counterpart of Anki's CollectionOp.

run_operation(context, work, undo=..., done=...) runs `work` (one service call returning a
Result: one transaction, one audit entry) on the database worker (ui/shell/tasks.py), so the GUI
thread never waits on SQL. When it returns, on the GUI thread: a successful Result that changed
something gets its undo step pushed (`undo(result)` builds the QUndoCommand) and its Changes routed
to the pages (context.notify); then `done(result)` sees the Result, failed ones included (a refusal
is a Result with problems, never an exception). An exception is a bug: it is reported, nothing pushed.

The callbacks belong to the undo stack (the main window's): a dialog that closes while its save is
on the worker does not lose the undo step."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from sanxiang_desktop.services.result import Result
from sanxiang_desktop.ui.shell.errors import report_exception
from sanxiang_desktop.ui.shell.tasks import Task, TaskRunner, default_runner


def runner_of(context) -> TaskRunner:
    """The database worker a page context uses (the program's one worker unless a test gives its own)."""
    return context.tasks or default_runner()


def run_operation(context, work: Callable[[], Result], *, parent: QWidget | None = None,
                  undo: Callable[[Result], QUndoCommand | None] | None = None,
                  done: Callable[[Result], Any] | None = None,
                  failed: Callable[[BaseException], Any] | None = None) -> Task:
    """Run one service call on the worker; push its undo step and route its Changes when it returns.
    `work` returns a Result, or any value with `ok` and `changes` (the exchange actions' outcomes,
    sync/rows.py). `failed` gets an exception instead of the bug report: the exchange services raise
    ExchangeError for a refusal (the command line's contract), which the 数据交换 page shows."""
    def finished(result: Result) -> None:
        if result.ok and result.changes.tables:
            command = undo(result) if undo is not None else None
            if command is not None:
                context.undo_stack.push(command)
            context.notify(result.changes)
        if done is not None:
            done(result)

    return runner_of(context).run(work, finished, failed or (lambda exc: report_exception(parent, exc)),
                                  owner=context.undo_stack)
