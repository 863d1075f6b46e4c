"""One running Ticketwise per user data folder: its address, and the client that talks to it.

The running GUI listens on a local socket (``QLocalServer``: a Unix domain socket, or a named
pipe on Windows; :mod:`app.ui.instance`). A second start, the tray-less ``main.py capture`` and
scripts send it one request and read one reply, each a single line of JSON. The client here is
plain Python (``socket`` / the pipe as a file), so the CLI path imports no Qt.

Requests: ``{"command": "activate"}`` shows the main window; ``{"command": "capture",
"mode": "region" | "all" | "screen" | "window"}`` starts a capture that lands in the current
draft. Replies: ``{"ok": true}`` or ``{"ok": false, "error": "..."}``.

The address depends on the data folder, so portable installs (``TICKETWISE_HOME``) and every
test get their own instance.
"""

from __future__ import annotations

import hashlib
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the GUI's start-up)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

PROTOCOL = 1
MAX_REPLY = 64 * 1024


def address(data_dir: Path) -> str:
    """The server name for ``QLocalServer.listen`` and for :func:`request`.

    On Unix a full socket path, kept short (a socket path has a limit of about 104 bytes): the
    runtime folder (``XDG_RUNTIME_DIR``, private to the user) or the temporary folder, and a
    hash of the data folder. On Windows a pipe name (Qt prefixes ``\\\\.\\pipe\\``).
    """
    digest = hashlib.sha256(os.path.realpath(data_dir).encode()).hexdigest()[:16]
    if sys.platform.startswith("win"):
        user = os.environ.get("USERNAME", "user")
        return f"ticketwise-{user}-{digest}"
    base = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("TMPDIR") or "/tmp"  # noqa: S108
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return os.path.join(base, f"ticketwise-{uid}-{digest}.sock")


def encode(message: dict[str, Any]) -> bytes:
    """One message on the wire: compact JSON and a newline."""
    import json  # not at the top: the GUI's start-up asks first whether an instance runs

    return json.dumps({"protocol": PROTOCOL, **message}, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    """Parse one line; ValueError when it is not a JSON object."""
    import json

    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def request(name: str, message: dict[str, Any], timeout: float = 3.0) -> dict[str, Any] | None:
    """Send ``message`` to the running instance and return its reply; None when none runs.

    A stale socket file (left by a killed app) counts as none running.
    """
    if sys.platform.startswith("win"):
        return _request_pipe(name, message)
    if not os.path.exists(name):  # nobody listens: no need to load the socket module
        return None
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(name)  # refused or gone: a socket file left by a killed app
            sock.sendall(encode(message))
            return _reply(sock.recv)
        except OSError:
            return None  # a dying instance: treat as gone, the caller starts its own


def _request_pipe(name: str, message: dict[str, Any]) -> dict[str, Any] | None:
    try:
        with open(rf"\\.\pipe\{name}", "r+b", buffering=0) as pipe:
            pipe.write(encode(message))
            return _reply(pipe.read)
    except OSError:
        return None


def _reply(read: Callable[[int], bytes]) -> dict[str, Any] | None:
    """Read one reply line; None when the other side closes early or sends garbage."""
    reply = b""
    while not reply.endswith(b"\n") and len(reply) < MAX_REPLY:
        chunk = read(4096)
        if not chunk:
            break
        reply += chunk
    try:
        return decode(reply)
    except ValueError:
        return None
