"""The running app's end of the single-instance channel (:mod:`app.services.instance`).

A ``QLocalServer`` on the GUI thread: each connection sends one JSON line, gets one JSON line
back and is closed. Requests are handled by a callback that returns the reply; a malformed or
oversized request gets an error reply and never reaches it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from app.services.instance import MAX_REPLY, decode, encode, request

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class InstanceServer(QObject):
    """Listens on ``name`` and answers each request with ``handler(request)``."""

    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. A socket left behind by a killed instance is removed first (the
        caller has already found that nobody answers on it)."""
        # Qt's listen() takes the name over even from a live server on some platforms: ask
        # first. Someone answers when two instances started at the same moment; this one then
        # runs without the channel rather than cut the other one off.
        if request(self._name, {"command": "ping"}, timeout=1.0) is not None:
            log.warning("single instance: another Ticketwise answers on %s", self._name)
            return False
        if self._server.listen(self._name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self._name)
            if self._server.listen(self._name):
                return True
        log.warning(
            "single instance: cannot listen on %s: %s", self._name, self._server.errorString()
        )
        return False

    def close(self) -> None:
        """Stop listening (the socket file is removed)."""
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            if sock is None:
                break
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._on_socket_ready_read(s))
            sock.disconnected.connect(lambda s=sock: self._forget(s))

    def _forget(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _on_socket_ready_read(self, sock: QLocalSocket) -> None:
        if sock not in self._buffers:
            return
        data = self._buffers[sock] + bytes(sock.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REPLY:
                self._reply(sock, {"ok": False, "error": "request too large"})
            else:
                self._buffers[sock] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = decode(line)
        except (ValueError, UnicodeDecodeError):
            self._reply(sock, {"ok": False, "error": "not a JSON object"})
            return
        try:
            reply = self._handler(message)
        except Exception:  # a bug in a handler must not kill the channel
            log.exception("single instance: request %r failed", message.get("command"))
            reply = {"ok": False, "error": "internal error"}
        self._reply(sock, reply)

    def _reply(self, sock: QLocalSocket, reply: dict[str, Any]) -> None:
        self._buffers.pop(sock, None)
        sock.write(encode(reply))
        sock.flush()
        sock.disconnectFromServer()
