"""One running program per user and data folder; a package double-clicked in the file manager
(`sanxiang-desktop FILE.sxpkg`, what the .deb's desktop entry and the Windows association run)
goes to the program already running instead of starting a second one on the same database.

A QLocalServer (a Unix socket / a Windows named pipe, reachable by this user only) is named after
the user and the data folder. The second start connects, sends one JSON line {"open": [paths]},
waits for "ok", and ends; the first start brings its window forward and opens the import preview
on the 数据交换 page. A crashed program leaves a stale socket file on Unix: when nobody answers,
the new program removes it and listens itself."""
from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

PACKAGE_SUFFIX = ".sxpkg"
CONNECT_MS, ACK_MS = 1000, 10000


def server_name(data_folder: Path, user: str | None = None) -> str:
    """The local server's name for this user and data folder (short: Unix socket paths are limited)."""
    try:
        who = user if user is not None else getpass.getuser()
    except (KeyError, OSError):   # no user name (a container without /etc/passwd entry)
        who = ""
    key = f"{who}\0{Path(data_folder).expanduser().resolve()}".encode()
    return f"sanxiang-desktop-{hashlib.sha256(key).hexdigest()[:16]}"


def package_arguments(args: list[str]) -> tuple[list[str], list[str]]:
    """Split command-line leftovers into package files (absolute paths) and the rest (Qt's)."""
    files, rest = [], []
    for a in args:
        if not a.startswith("-") and a.lower().endswith(PACKAGE_SUFFIX):
            files.append(str(Path(a).expanduser().resolve()))
        else:
            rest.append(a)
    return files, rest


def hand_over(name: str, files: list[str]) -> bool:
    """Give files to the program listening on name. True when one is running (it has them now)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write((json.dumps({"open": files}, ensure_ascii=False) + "\n").encode())
    socket.waitForBytesWritten(CONNECT_MS)
    # A busy program answers late; it is running, so a second one must not start either way.
    if not (socket.waitForReadyRead(ACK_MS) and bytes(socket.readLine().data()).strip() == b"ok"):
        log.warning("the running program did not confirm the hand-over")
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; files_received(list of paths) for each hand-over."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening, unless another program answers on the name (it keeps it): False then.

        Asked first because Qt on Unix would take over the name of a live server. A stale socket
        left by a crash does not answer and is replaced."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_MS):
            probe.abort()
            return False
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        log.warning("single-instance server not started: %s", self.server.errorString())
        return False

    def close(self) -> None:
        """Stop listening and drop every connection now, so nothing of ours runs after (a socket
        still delivering readyRead into a server being destroyed crashed the interpreter)."""
        for socket in self.server.findChildren(QLocalSocket):
            for signal in (socket.readyRead, socket.disconnected):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):   # nothing was connected
                    pass
            socket.abort()
            socket.deleteLater()
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
            files = [str(f) for f in message.get("open", [])]
        except (ValueError, AttributeError, TypeError):
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.files_received.emit(files)


def open_packages(window, files: list[str]) -> bool:
    """Bring the main window forward and open the import preview of files on the 数据交换 page.

    False when this unit's window has no exchange page (then nothing is opened)."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    page = window.page("exchange")
    if page is None or not files:
        return False
    if window.tabs.indexOf(page) >= 0:
        window.tabs.setCurrentWidget(page)
    page.import_paths(files)
    return True
