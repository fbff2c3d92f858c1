"""One running window per database: a second start brings the first forward.

`InstanceGuard(db_path)` takes a `QLockFile` in the data folder whose name is
a hash of the database path (so two different databases may be open side by
side, the same one never twice), and listens on a `QLocalServer` of the same
name. A second start finds the lock taken, sends "show" to that server and
ends; the first window then comes to the front. A lock left by a process that
died is taken over (QLockFile checks the PID it holds).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from kinerja_desktop import paths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

SHOW = b"show\n"
CONNECT_TIMEOUT_MS = 1500
LOCK_FOLDER = "kunci"


def instance_key(db_path: Path) -> str:
    """A short name for this user's instance on this database file."""
    try:
        where = os.path.normcase(str(Path(db_path).expanduser().resolve()))
    except OSError:
        where = os.path.normcase(str(Path(db_path).expanduser().absolute()))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        user = str(os.getuid()) if hasattr(os, "getuid") else "?"
    digest = hashlib.sha256(f"{user}\n{where}".encode()).hexdigest()[:20]
    return f"kinerja-desktop-{digest}"


class InstanceGuard(QObject):
    """The lock and the "show" server of one database; `show_requested` fires
    when another start asked this window to come forward."""

    show_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.key = instance_key(self.db_path)
        folder = paths.data_dir() / LOCK_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        self.lock_path = folder / f"{self.key}.lock"
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes it stale
        self._server: QLocalServer | None = None

    def acquire(self, listen: bool = True) -> bool:
        """Take the lock (and start listening unless `listen` is False: the
        start-up listens after the first paint); False when another process
        holds it."""
        if not self._lock.tryLock(100):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer "show" from later starts (QtNetwork is loaded only now)."""
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415

        if self._server is not None or not self._lock.isLocked():
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            QLocalServer.removeServer(self.key)  # a socket left by a dead process
            server.listen(self.key)
        server.newConnection.connect(self._connection)
        self._server = server
        log.info("siap menerima permintaan tampil (%s)", self.db_path)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def signal_other(self) -> bool:
        """Ask the process holding the lock to show its window; True when it heard."""
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            log.warning("jendela lain untuk %s tidak menjawab", self.db_path)
            return False
        socket.write(SHOW)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def _connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).strip() == SHOW.strip():
            log.info("diminta tampil oleh proses lain (%s)", self.db_path)
            self.show_requested.emit()
