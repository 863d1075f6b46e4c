"""The capture hotkey for the GUI: a platform backend from :mod:`app.capture.hotkeys`, with its
presses re-posted to the GUI thread as a Qt signal.

Backends call back on threads of their own; emitting a signal of a QObject that lives on the GUI
thread from there is queued to the GUI thread by Qt, so slots never run elsewhere.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.capture.hotkeys import (
    DEFAULT_SEQUENCE,
    HotkeyBackend,
    HotkeyError,
    HotkeySyntaxError,
    HotkeyTaken,
    HotkeyUnavailable,
    KeySequence,
    create_backend,
)

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SEQUENCE",
    "HotkeyError",
    "HotkeyService",
    "HotkeySyntaxError",
    "HotkeyTaken",
    "HotkeyUnavailable",
    "KeySequence",
]


class HotkeyService(QObject):
    """Holds at most one global key; :attr:`pressed` fires on the GUI thread."""

    pressed = Signal()
    """The global key was pressed (on the GUI thread)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend: HotkeyBackend | None = None
        self._sequence: KeySequence | None = None

    @property
    def sequence(self) -> KeySequence | None:
        """The key currently held, or None."""
        return self._sequence

    @property
    def backend_name(self) -> str:
        """Which backend holds the key ('' when none was made)."""
        return self._backend.name if self._backend is not None else ""

    def apply(self, text: str) -> KeySequence | None:
        """Hold the key ``text`` (e.g. "Ctrl+Shift+F12"), or none for ''.

        Raises :class:`HotkeyError` subclasses; after a failure no key is held.
        """
        if not text.strip():
            self.release()
            return None
        sequence = KeySequence.parse(text)
        if sequence == self._sequence:
            return sequence
        self.release()
        if self._backend is None:
            self._backend = create_backend()
        self._backend.register(sequence, self.pressed.emit)
        self._sequence = sequence
        log.info("hotkey: %s held through %s", sequence, self._backend.name)
        return sequence

    def release(self) -> None:
        """Let the key go (idempotent)."""
        if self._backend is not None and self._sequence is not None:
            self._backend.unregister()
        self._sequence = None

    def close(self) -> None:
        """Release the key and the backend's connection and thread."""
        self.release()
        if self._backend is not None:
            self._backend.close()
            self._backend = None
