"""The operation type: a write from the GUI, the counterpart of Anki's CollectionOp.

run_operation(context, work, undo=..., done=...) runs `work` (one service call returning a
Result: one transaction, one audit entry) on the database worker (ui/shell/tasks.py), so the GUI
thread never waits on SQL. When it returns, on the GUI thread: a successful Result that changed
something gets its undo step pushed (`undo(result)` builds the QUndoCommand) and its Changes routed
to the pages (context.notify); then `done(result)` sees the Result, failed ones included (a refusal
is a Result with problems, never an exception). An exception is a bug: it is reported, nothing pushed.

The callbacks belong to the undo stack (the main window's): a dialog that closes while its save is
on the worker does not lose the undo step.

run_long_operation is the same operation for the long writes a clerk watches and may cancel (a package
import or export): a generator yielding Progress runs on the same worker behind a progress dialog;
when it returns, the Changes it reports (`changes_of(value)`, built by the service from what it
wrote) are routed to the pages, then `done(value)` sees the value. These writes have no undo step:
a package applied, or written to a USB stick, is undone by another package, not by Ctrl+Z."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from sanxiang_desktop.services.result import Result
from sanxiang_desktop.ui.shell.errors import report_exception
from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.ui.shell.tasks import ProgressTask, Task, TaskRunner, default_runner, run_with_progress


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


def run_long_operation(context, title: str, work: Callable[[], Any], *, parent: QWidget | None = None,
                       changes_of: Callable[[Any], Changes | None] | None = None,
                       done: Callable[[Any], Any] | None = None,
                       failed: Callable[[BaseException], Any] | None = None,
                       cancelled: Callable[[], Any] | None = None) -> ProgressTask:
    """Run a long write (`work()`: a generator yielding Progress, returning its outcome) on the
    worker behind a progress dialog titled `title`; when it returns, route `changes_of(outcome)` to
    the pages, then call `done(outcome)`. `failed` gets an exception (default: reported as a bug),
    `cancelled` runs when the clerk cancelled."""
    def finished(value: Any) -> None:
        changes = changes_of(value) if changes_of is not None else None
        if changes is not None and changes.tables:
            context.notify(changes)
        if done is not None:
            done(value)

    return run_with_progress(parent, title, work, finished, failed or (lambda exc: report_exception(parent, exc)),
                             on_cancelled=cancelled, runner=runner_of(context))
