"""Global hotkeys: one interface, a native backend per platform.

``QShortcut`` only fires while one of our windows has focus, so a capture hotkey that works
while Ticketwise sits in the tray needs the platform's own API:

=========  =====================================================  ==========================
platform   API                                                    module
=========  =====================================================  ==========================
X11        ``XGrabKey`` on the root window (own Xlib connection)  :mod:`.x11`
Windows    ``RegisterHotKey`` on a thread with a message loop     :mod:`.windows`
macOS      Carbon ``RegisterEventHotKey``                         :mod:`.macos`
Wayland    ``org.freedesktop.portal.GlobalShortcuts`` (D-Bus)     :mod:`.portal`
=========  =====================================================  ==========================

Every backend consumes the key (the focused application does not also receive it) and calls
the callback on a thread of its own choosing: the caller re-posts it to its own thread (the
services layer does, with a queued Qt signal). No backend imports Qt.

Failures are :class:`HotkeyTaken` (another application, or the desktop, owns the key: the
user picks another one) and :class:`HotkeyUnavailable` (this session has no way to register a
global key at all: the tray and the app's own buttons still work). The portal backend may also
raise :class:`~app.core.errors.Cancelled`: the desktop asked the user, who closed its dialog
(nothing to report).
"""

from __future__ import annotations

import os
import queue
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from app.core.errors import UserFacingError

DEFAULT_SEQUENCE = "Ctrl+Shift+F12"

MODIFIERS: tuple[str, ...] = ("ctrl", "shift", "alt", "meta")
"""Portable modifier names, in display order. ``meta`` is the Windows/Super key on Windows and
X11 and Command on macOS (Qt's naming is the other way round on macOS; we keep one meaning)."""

_MODIFIER_ALIASES = {
    "ctrl": "ctrl",
    "control": "ctrl",
    "shift": "shift",
    "alt": "alt",
    "option": "alt",
    "meta": "meta",
    "super": "meta",
    "win": "meta",
    "cmd": "meta",
    "command": "meta",
}

_KEY_ALIASES = {
    "prtsc": "Print",
    "prtscr": "Print",
    "printscreen": "Print",
    "print": "Print",
    "sysrq": "Print",
    "esc": "Escape",
    "escape": "Escape",
    "space": "Space",
    "return": "Return",
    "enter": "Return",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Delete",
    "del": "Delete",
    "insert": "Insert",
    "ins": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "PageUp",
    "pgup": "PageUp",
    "pagedown": "PageDown",
    "pgdown": "PageDown",
    "left": "Left",
    "right": "Right",
    "up": "Up",
    "down": "Down",
    "pause": "Pause",
}

KEYS: frozenset[str] = frozenset(
    {f"F{n}" for n in range(1, 25)}
    | {chr(c) for c in range(ord("A"), ord("Z") + 1)}
    | {str(d) for d in range(10)}
    | set(_KEY_ALIASES.values())
)
"""The portable key names every backend maps: F1-F24, A-Z, 0-9 and the named keys above."""


class HotkeyError(UserFacingError):
    """A global hotkey cannot be used; ``params`` carry ``sequence`` and ``backend``."""

    kind = "hotkey"
    exit_code = 3


class HotkeyTaken(HotkeyError):
    """Another application or the desktop already owns this key combination."""

    kind = "hotkey_taken"


class HotkeyUnavailable(HotkeyError):
    """This session offers no way to register a global key (``params['reason']`` says why)."""

    kind = "hotkey_unavailable"


class HotkeySyntaxError(HotkeyError):
    """The text is not a key combination we understand (e.g. "Ctrl+Shift+F12")."""

    kind = "hotkey_syntax"
    exit_code = 2


@dataclass(frozen=True)
class KeySequence:
    """A key combination: a set of portable modifiers plus one portable key name."""

    modifiers: frozenset[str]
    key: str

    @classmethod
    def parse(cls, text: str) -> KeySequence:
        """Parse ``"Ctrl+Shift+F12"`` (case-insensitive, ``+`` separated, aliases allowed).

        At least one modifier is required unless the key is a function key or Print: a global
        grab of a plain letter would steal it from every application.
        """
        parts = [p.strip() for p in text.replace(" ", "").split("+")]
        if not text.strip() or any(not p for p in parts):
            raise HotkeySyntaxError(f"{text!r} is not a key combination", sequence=text)
        *mods, key_text = parts
        modifiers: set[str] = set()
        for mod in mods:
            name = _MODIFIER_ALIASES.get(mod.lower())
            if name is None:
                raise HotkeySyntaxError(f"{mod!r} is not a modifier key", sequence=text)
            modifiers.add(name)
        lowered = key_text.lower()
        if lowered in _KEY_ALIASES:
            key = _KEY_ALIASES[lowered]
        elif len(key_text) == 1 and key_text.isalnum() and key_text.isascii():
            key = key_text.upper()
        elif lowered.startswith("f") and lowered[1:].isdigit() and 1 <= int(lowered[1:]) <= 24:
            key = f"F{int(lowered[1:])}"
        else:
            raise HotkeySyntaxError(f"{key_text!r} is not a key we can grab", sequence=text)
        if not modifiers and not (key.startswith("F") and key[1:].isdigit()) and key != "Print":
            raise HotkeySyntaxError(
                f"{text!r} needs a modifier (Ctrl, Shift, Alt or Meta)", sequence=text
            )
        return cls(frozenset(modifiers), key)

    def __str__(self) -> str:
        names = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta"}
        return "+".join([*(names[m] for m in MODIFIERS if m in self.modifiers), self.key])


Callback = Callable[[], None]


class HotkeyBackend(Protocol):
    """One registered global key at a time (the capture hotkey)."""

    name: str
    """``x11``, ``windows``, ``macos`` or ``portal``: for logs and messages."""

    def register(self, sequence: KeySequence, callback: Callback) -> None:
        """Grab ``sequence`` globally; ``callback`` runs on every press, on any thread.

        Replaces an earlier registration (which is released first). Raises
        :class:`HotkeyTaken` or :class:`HotkeyUnavailable`; after a failure nothing is grabbed.
        """
        ...

    def unregister(self) -> None:
        """Release the grabbed key, if any. Idempotent."""
        ...

    def close(self) -> None:
        """Release everything (key, connection, thread). Idempotent; the object is done."""
        ...


def session_kind(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """``windows``, ``macos``, ``wayland``, ``x11`` or ``none`` for this session."""
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if plat.startswith("win"):
        return "windows"
    if plat == "darwin":
        return "macos"
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return "wayland"
    if env.get("DISPLAY"):
        return "x11"
    return "none"


def create_backend(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> HotkeyBackend:
    """The native backend for this session (see :func:`session_kind`).

    Each backend module is imported here, when chosen, so a module that cannot load on this
    platform (or is not there yet) only fails where it is needed. Raises
    :class:`HotkeyUnavailable` when the session has no way to register a global key.
    """
    env = os.environ if environ is None else environ
    kind = session_kind(env, platform)
    if kind == "x11":
        from app.capture.hotkeys.x11 import X11Hotkeys

        return X11Hotkeys(env.get("DISPLAY"))
    if kind == "windows":
        from app.capture.hotkeys.windows import WindowsHotkeys

        return WindowsHotkeys()
    if kind == "macos":
        from app.capture.hotkeys.macos import MacHotkeys

        return MacHotkeys()
    if kind == "wayland":
        try:
            from app.capture.hotkeys.portal import PortalHotkeys
        except ImportError as error:
            raise HotkeyUnavailable(
                f"the Wayland hotkey backend cannot be loaded ({error})",
                backend="portal",
                reason="no_backend",
            ) from None
        return PortalHotkeys(env.get("DBUS_SESSION_BUS_ADDRESS"))
    raise HotkeyUnavailable(
        "there is no graphical session (no DISPLAY or WAYLAND_DISPLAY)",
        backend="none",
        reason="no_session",
    )


def run_commands(
    commands: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]],
    refusal: HotkeyError | None,
) -> None:
    """Run the commands queued for a backend's own thread (the one that owns its connection or
    message loop), answering each through its future; with ``refusal`` set (the backend is
    closed or lost), answer every one with that error instead."""
    while True:
        try:
            command, future = commands.get_nowait()
        except queue.Empty:
            return
        if not future.set_running_or_notify_cancel():
            continue
        if refusal is not None:
            future.set_exception(refusal)
            continue
        try:
            future.set_result(command())
        except BaseException as error:
            future.set_exception(error)
