"""Other clerks' saves on an office server reach this window (issue 13).

A store.notify.ChangeListener holds one LISTEN connection; a QSocketNotifier on its socket
wakes the GUI thread only when PostgreSQL has sent something, and the tables named are
routed like the window's own changes (lists and the dashboard re-query). No polling."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from sanxiang_desktop.services.result import Changes
from sanxiang_desktop.store.notify import ChangeListener

log = logging.getLogger(__name__)


class RemoteChanges(QObject):
    changed = Signal(object)          # Changes: the tables others changed

    def __init__(self, db, parent: QObject | None = None):
        super().__init__(parent)
        self.listener: ChangeListener | None = None
        self.notifier: QSocketNotifier | None = None
        try:
            self.listener = ChangeListener(db)
        except Exception:   # noqa: BLE001 - the window still works, it just does not hear others
            log.exception("cannot listen for other clerks' changes")
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)

    def _readable(self, *_args) -> None:
        try:
            tables = self.listener.take() if self.listener else set()
        except Exception:   # noqa: BLE001 - a dropped connection: stop listening, say so in the log
            log.exception("listening for other clerks' changes stopped")
            self.close()
            return
        if tables:
            self.changed.emit(Changes(frozenset(tables)))

    def close(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None
