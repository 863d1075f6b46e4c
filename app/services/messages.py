"""The message bridge: non-UI code posts messages here; the UI (or the CLI) shows them.

Non-UI code never opens a dialog. It calls :func:`MessageBus.post`; the GUI subscribes and shows a
notification, the CLI prints to stderr, and tests read :attr:`MessageBus.history`.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.StrEnum):
    """How loud a message is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    """A message for the user: ``kind`` selects the translated text, ``params`` fill it in."""

    severity: Severity
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""  # English fallback (logs, CLI)


Listener = Callable[[Message], None]


class MessageBus:
    """Fan-out of messages to listeners; thread-safe, listeners are called on the poster's thread
    (the Qt adapter re-posts them to the GUI thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self.history: list[Message] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` for every future message."""
        with self._lock:
            self._listeners.append(listener)

    def post(self, message: Message) -> None:
        """Deliver ``message``."""
        with self._lock:
            self.history.append(message)
            del self.history[:-200]
            listeners = list(self._listeners)
        for listener in listeners:
            listener(message)
