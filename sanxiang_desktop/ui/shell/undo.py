"""Undo and redo of the record actions, as QUndoCommands wrapping the services' Results.

The action has already happened when its command is pushed (the form saved through the
service, which returned the Result), and QUndoStack.push calls redo() at once: so each command
skips its first redo. Undo and redo call the services again, on the database worker
(ui/shell/operations.py); each reports its changes through context.notify, so the lists refresh.
Deleting several records is one service call (records.delete_many): one transaction, one audit
entry, one undo step, all or nothing; so is adding several attachments (CreateManyCommand). The
commands are pushed by run_operation when the service returns. The main window owns the stack
(Ctrl+Z / Ctrl+Y)."""
from __future__ import annotations

from typing import Callable, Iterable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget

from sanxiang_desktop.services import records
from sanxiang_desktop.services.result import Changes, Result
from sanxiang_desktop.ui.shell import i18n
from sanxiang_desktop.ui.shell.errors import report_exception
from sanxiang_desktop.ui.shell.operations import run_operation, runner_of


def message(result: Result) -> str:
    return result.message_en() if i18n.current_language() == "en" else result.message_zh()


class RecordCommand(QUndoCommand):
    """Base: one service action already done; undo/redo run the inverse/forward service calls."""

    def __init__(self, context, text: str):
        super().__init__(text)
        self.context = context
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._submit(self.forward)

    def undo(self) -> None:
        self._submit(self.backward)

    def _submit(self, calls: Callable[[], list[Result]]) -> None:
        """The service calls run on the database worker; their Results come back to _run."""
        runner_of(self.context).run(calls, self._run, lambda exc: report_exception(None, exc),
                                    owner=self.context.undo_stack)

    def forward(self) -> list[Result]:
        raise NotImplementedError

    def backward(self) -> list[Result]:
        raise NotImplementedError

    def _run(self, results: list[Result]) -> None:
        changes = Changes()
        failed = [r for r in results if not r.ok]
        for r in results:
            changes = changes | r.changes
        if changes.tables:
            self.context.notify(changes)
        if failed:
            # e.g. undoing the creation of a person who meanwhile took a post: the stack cannot
            # step over this command any more, so it leaves the stack.
            self.setObsolete(True)
            QMessageBox.warning(None, QCoreApplication.translate("undo", "Cannot Undo"), message(failed[0]))


class CreateCommand(RecordCommand):
    """新增: undo deletes (a tombstone), redo restores the same record."""

    def __init__(self, context, table: str, result: Result):
        super().__init__(context, result.label)
        self.table, self.record_id = table, result.record_id

    def forward(self) -> list[Result]:
        return [records.restore(self.context.ws, self.table, self.record_id)]

    def backward(self) -> list[Result]:
        return [records.delete(self.context.ws, self.table, self.record_id)]


class UpdateCommand(RecordCommand):
    """修改: undo writes the changed fields' old values back, redo the new ones."""

    def __init__(self, context, table: str, result: Result):
        super().__init__(context, result.label)
        self.table, self.record_id = table, result.record_id
        self.before, self.after = dict(result.before or {}), dict(result.after or {})

    def forward(self) -> list[Result]:
        return [records.update(self.context.ws, self.table, self.record_id, self.after)]

    def backward(self) -> list[Result]:
        return [records.update(self.context.ws, self.table, self.record_id, self.before)]


class DeleteCommand(RecordCommand):
    """删除 (one record or several selected at once, one service call): undo restores them all in one
    transaction, redo deletes them again."""

    def __init__(self, context, table: str, result: Result):
        ids = sorted(result.changes.ids)
        text = (result.label if len(ids) == 1 else
                QCoreApplication.translate("undo", "Delete {count} records").format(count=len(ids)))
        super().__init__(context, text)
        self.table = table
        self.ids = ids

    def forward(self) -> list[Result]:
        return [records.delete_many(self.context.ws, self.table, self.ids)]

    def backward(self) -> list[Result]:
        return [records.restore_many(self.context.ws, self.table, self.ids)]


class CreateManyCommand(RecordCommand):
    """Several records added by one service call (attachments chosen together): undo deletes them all
    in one transaction, redo brings them all back."""

    def __init__(self, context, table: str, result: Result):
        super().__init__(context, result.label)
        self.table = table
        self.ids = sorted(result.changes.ids)

    def forward(self) -> list[Result]:
        return [records.restore_many(self.context.ws, self.table, self.ids)]

    def backward(self) -> list[Result]:
        return [records.delete_many(self.context.ws, self.table, self.ids)]


def confirm_delete(parent: QWidget | None, what: str) -> bool:
    """Asks once, with 删除 / 取消 (a deletion can be undone, so no second question)."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("undo", "Delete"),
                      QCoreApplication.translate("undo", "Delete {what}?").format(what=what),
                      QMessageBox.StandardButton.NoButton, parent)
    delete = box.addButton(QCoreApplication.translate("undo", "&Delete"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setInformativeText(QCoreApplication.translate("undo", "You can undo this with Ctrl+Z."))
    box.exec()
    return box.clickedButton() is delete


def delete_records(context, parent: QWidget | None, table: str, ids: Iterable[str], what: str,
                   done: Callable[[Result], None] | None = None) -> list[str]:
    """Ask, then delete them all as one operation on the worker (records.delete_many: all or
    nothing, one undo step). Returns the ids submitted ([] when the clerk cancelled); `done`
    gets the Result when the worker has finished."""
    ids = list(ids)
    if not ids or not confirm_delete(parent, what):
        return []

    def finished(result: Result) -> None:
        if not result.ok:
            owner = parent if parent is not None and shiboken6.isValid(parent) else None
            QMessageBox.warning(owner, QCoreApplication.translate("undo", "Not Deleted"), message(result))
        if done is not None:
            done(result)
    ws = context.ws
    run_operation(context, lambda: records.delete_many(ws, table, ids), parent=parent,
                  undo=lambda result: DeleteCommand(context, table, result), done=finished)
    return ids
