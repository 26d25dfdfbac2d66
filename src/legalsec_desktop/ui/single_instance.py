"""A second launch on the same database asks the running window to come to the front."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from legalsec_desktop import temp_folder

RAISE = b"raise\n"


def server_name(db_key: str) -> str:
    """The name running copies of the program meet under, one per database.

    On Unix a bare name is a socket in Qt's temporary folder, which is each copy's private one (temp_folder): two
    copies would never meet. So the name is a path in the system's temporary folder, as every copy sees it.
    (Windows names a pipe, no folder.)
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    name = f"legalsec-{user}-{db_key}"
    return name if sys.platform == "win32" else str(temp_folder.system_folder() / name)


def notify_running(name: str, timeout_ms: int = 1500) -> bool:
    """Ask the running copy to show its window; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE)
    socket.flush()
    # The running copy answers "ok" once its window is raised.
    answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches; emits `raise_requested` when one asks."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        QLocalServer.removeServer(name)  # we hold the instance lock, so any old socket is stale
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.listening = self.server.listen(name)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))

    def _on_ready(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()
            socket.write(b"ok\n")
            socket.flush()
        socket.disconnectFromServer()
