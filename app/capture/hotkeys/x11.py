"""X11 global hotkey: ``XGrabKey`` on the root window, on a connection of our own.

A passive grab makes the X server send the key to us and to nobody else (the focused window
does not see it). The grab is exclusive per key and modifier combination: when another client
holds it the server answers ``BadAccess``, which becomes :class:`HotkeyTaken`.

Every Xlib call on our connection runs on one listener thread: it waits with ``select`` on the
X socket and a wake-up pipe, runs the commands other threads queue (register, unregister,
close: each returns through a future) and dispatches key presses to the callback.

Lock keys: X reports CapsLock, NumLock and ScrollLock as modifiers, so a grab of Ctrl+Shift+F12
does not match Ctrl+Shift+NumLock+F12. We grab every combination of the lock modifiers (NumLock
and ScrollLock are looked up in the modifier map: their bits differ between keymaps).

Keymap changes (``setxkbmap``, ``xmodmap``) can move the key to another keycode or NumLock to
another modifier bit: on ``MappingNotify`` the grab is made again for the new keymap.

Autorepeat: holding the key sends repeated presses. With XKB's detectable autorepeat a repeat
is a press while the key is already down; without it, a release and a press with the same
timestamp. Both are ignored: one press, one callback.
"""

from __future__ import annotations

import ctypes
import logging
import os
import queue
import select
import socket
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from app.capture import _xlib
from app.capture.hotkeys import (
    Callback,
    HotkeyTaken,
    HotkeyUnavailable,
    KeySequence,
    run_commands,
)

log = logging.getLogger(__name__)

BACKEND = "x11"
COMMAND_TIMEOUT = 10.0  # seconds; the listener only blocks in select, so this is generous

# Portable key names (hotkeys.KEYS) that differ from their X keysym names. Letters are
# lower-case keysyms; F1-F24 and the digits are their own names.
X_KEYSYMS: dict[str, str] = {
    "Print": "Print",
    "Escape": "Escape",
    "Space": "space",
    "Return": "Return",
    "Tab": "Tab",
    "Backspace": "BackSpace",
    "Delete": "Delete",
    "Insert": "Insert",
    "Home": "Home",
    "End": "End",
    "PageUp": "Prior",
    "PageDown": "Next",
    "Left": "Left",
    "Right": "Right",
    "Up": "Up",
    "Down": "Down",
    "Pause": "Pause",
}

X_MODIFIERS: dict[str, int] = {
    "ctrl": _xlib.CONTROL_MASK,
    "shift": _xlib.SHIFT_MASK,
    "alt": _xlib.MOD1_MASK,
    "meta": _xlib.MOD4_MASK,  # Super: where every desktop maps it
}


def keysym_name(key: str) -> str:
    """The X keysym name of a portable key name."""
    if key in X_KEYSYMS:
        return X_KEYSYMS[key]
    if len(key) == 1 and key.isalpha():
        return key.lower()
    return key


def modifier_mask(sequence: KeySequence) -> int:
    mask = 0
    for name in sequence.modifiers:
        mask |= X_MODIFIERS[name]
    return mask


def lock_combinations(lock_masks: list[int]) -> list[int]:
    """Every subset of ``lock_masks`` OR-ed together (the empty one first)."""
    combos = [0]
    for mask in lock_masks:
        combos += [combo | mask for combo in combos]
    return sorted(set(combos))


class X11Hotkeys:
    """One global key on X11, grabbed on our own connection to ``display`` (``$DISPLAY``)."""

    name = BACKEND

    def __init__(self, display: str | None = None) -> None:
        try:
            self._x = _xlib.xlib()
        except _xlib.XlibMissing as error:
            raise HotkeyUnavailable(str(error), backend=BACKEND, reason="no_libx11") from None
        name = display.encode() if display is not None else None
        self._display: int = self._x.XOpenDisplay(name) or 0
        if not self._display:
            shown = display if display is not None else os.environ.get("DISPLAY", "")
            raise HotkeyUnavailable(
                f"cannot open the X display {shown!r}", backend=BACKEND, reason="no_display"
            )
        self._root = int(self._x.XDefaultRootWindow(self._display))
        # A duplicate of the X socket, to notice that the server went away before Xlib does
        # (Xlib's I/O error handler would exit the process).
        self._socket = socket.socket(fileno=os.dup(self._x.XConnectionNumber(self._display)))
        supported = ctypes.c_int(0)
        self._x.XkbSetDetectableAutoRepeat(self._display, 1, ctypes.byref(supported))
        self._lock_masks = self._find_lock_masks()

        self._commands: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]] = (
            queue.SimpleQueue()
        )
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self._grabs: list[tuple[int, int]] = []  # (keycode, modifiers) actually grabbed
        self._keycode = 0
        self._callback: Callback | None = None
        self._sequence: KeySequence | None = None
        self._key_down = False
        self._last_release_time = -1
        self._lost = False
        self._closed = False
        self._stopping = False
        self._close_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="x11-hotkeys", daemon=True)
        self._thread.start()

    # -- public API (any thread) ---------------------------------------------------------------

    def register(self, sequence: KeySequence, callback: Callback) -> None:
        self._call(lambda: self._grab(sequence, callback))

    def unregister(self) -> None:
        if self._closed:
            return
        self._call(self._ungrab_all)

    def close(self) -> None:
        with self._close_lock:
            if self._closed:
                return
            self._closed = True
            self._stopping = True
        if threading.current_thread() is self._thread:
            return  # called from the callback: the loop ends when it returns
        self._wake()
        self._thread.join(COMMAND_TIMEOUT)

    # -- plumbing -------------------------------------------------------------------------------

    def _call(self, command: Callable[[], Any]) -> Any:
        if self._lost:
            raise HotkeyUnavailable(
                "the connection to the X server was lost", backend=BACKEND, reason="lost"
            )
        if self._closed:
            raise HotkeyUnavailable(
                "the hotkey backend is closed", backend=BACKEND, reason="closed"
            )
        if threading.current_thread() is self._thread:
            return command()  # from the callback: queuing would wait on ourselves
        future: Future[Any] = Future()
        self._commands.put((command, future))
        self._wake()
        return future.result(COMMAND_TIMEOUT)

    def _wake(self) -> None:
        with self._close_lock:
            if self._wake_write < 0:
                return  # the listener has ended; nobody is left to wake
            try:
                os.write(self._wake_write, b"\0")
            except OSError:
                pass  # the pipe is full: a wake-up is pending anyway

    def _release_fds(self) -> None:
        with self._close_lock:
            for fd in (self._wake_read, self._wake_write):
                os.close(fd)
            self._wake_read = self._wake_write = -1
        self._socket.close()

    def _run(self) -> None:
        x_fd = self._socket.fileno()
        try:
            while True:
                self._run_commands()
                if self._stopping or self._lost:
                    break
                self._dispatch_events()
                if self._stopping:
                    break
                readable, _, _ = select.select([x_fd, self._wake_read], [], [])
                if self._wake_read in readable:
                    try:
                        while os.read(self._wake_read, 512):
                            pass
                    except BlockingIOError:
                        pass
                if x_fd in readable and self._connection_lost():
                    break
        except Exception:
            log.exception("the X11 hotkey listener failed")
        finally:
            self._shutdown()
            self._release_fds()

    def _connection_lost(self) -> bool:
        if not _xlib.server_closed(self._socket):
            return False
        log.warning("the X server closed the connection: the global hotkey is gone")
        self._lost = True
        return True

    def _run_commands(self) -> None:
        refusal = (
            HotkeyUnavailable("the X server connection was lost", backend=BACKEND, reason="lost")
            if self._lost
            else None
        )
        run_commands(self._commands, refusal)

    def _shutdown(self) -> None:
        if not self._lost:
            try:
                self._ungrab_all()
            finally:
                self._x.XCloseDisplay(self._display)
        # A dead connection is left as it is: every Xlib call on it would end in the I/O
        # error handler, which exits the process.
        self._display = 0
        self._closed = True
        while True:  # whoever still waits gets an answer
            try:
                _, future = self._commands.get_nowait()
            except queue.Empty:
                break
            if future.set_running_or_notify_cancel():
                future.set_exception(
                    HotkeyUnavailable(
                        "the hotkey backend is closed", backend=BACKEND, reason="closed"
                    )
                )

    # -- Xlib, on the listener thread only --------------------------------------------------------

    def _find_lock_masks(self) -> list[int]:
        """CapsLock's mask plus the bits NumLock and ScrollLock have in this keymap."""
        masks = [_xlib.LOCK_MASK]
        wanted = {}
        for name in (b"Num_Lock", b"Scroll_Lock"):
            code = self._x.XKeysymToKeycode(self._display, self._x.XStringToKeysym(name))
            if code:
                wanted[code] = name
        found: dict[bytes, int] = {}
        modmap = self._x.XGetModifierMapping(self._display)
        if modmap:
            try:
                per = modmap.contents.max_keypermod
                for index in range(8 * per):
                    code = modmap.contents.modifiermap[index]
                    if code in wanted:
                        found.setdefault(wanted[code], 1 << (index // per))
            finally:
                self._x.XFreeModifiermap(modmap)
        masks.append(found.get(b"Num_Lock", _xlib.MOD2_MASK))
        if b"Scroll_Lock" in found:
            masks.append(found[b"Scroll_Lock"])
        # A lock bit that is also one of ours (a strange keymap) must not be ignored.
        return sorted({m for m in masks if not m & (_xlib.CONTROL_MASK | _xlib.SHIFT_MASK)})

    def _grabs_for(self, sequence: KeySequence) -> tuple[int, list[tuple[int, int]]]:
        """The keycode of ``sequence``'s key in the current keymap and the (keycode, modifiers)
        grabs that take it whatever the lock keys' state."""
        keysym = self._x.XStringToKeysym(keysym_name(sequence.key).encode())
        keycode = self._x.XKeysymToKeycode(self._display, keysym) if keysym else 0
        if not keycode:
            raise HotkeyUnavailable(
                f"the keyboard layout has no {sequence.key} key",
                sequence=str(sequence),
                backend=BACKEND,
                reason="no_such_key",
            )
        mask = modifier_mask(sequence)
        locks = [m for m in self._lock_masks if not m & mask]
        return keycode, [(keycode, mask | combo) for combo in lock_combinations(locks)]

    def _grab(self, sequence: KeySequence, callback: Callback) -> None:
        self._ungrab_all()
        keycode, grabs = self._grabs_for(sequence)
        with _xlib.error_trap(self._x, self._display) as errors:
            for code, modifiers in grabs:
                self._x.XGrabKey(
                    self._display,
                    code,
                    modifiers,
                    self._root,
                    0,  # owner_events False: every key event of the grab comes to the root
                    _xlib.GRAB_MODE_ASYNC,
                    _xlib.GRAB_MODE_ASYNC,
                )
        if errors:
            # Some combinations may be ours now: release them all, so nothing stays grabbed.
            self._grabs = grabs
            self._ungrab_all()
            if any(e.error_code == _xlib.BAD_ACCESS for e in errors):
                raise HotkeyTaken(
                    f"{sequence} is already taken by another application",
                    sequence=str(sequence),
                    backend=BACKEND,
                )
            raise HotkeyUnavailable(
                f"X refused to grab {sequence} (error {errors[0].error_code})",
                sequence=str(sequence),
                backend=BACKEND,
                reason="x_error",
            )
        self._grabs = grabs
        self._keycode = keycode
        self._callback, self._sequence = callback, sequence
        self._key_down = False
        log.info("global hotkey %s grabbed on X11 (keycode %d)", sequence, keycode)

    def _ungrab_all(self) -> None:
        if self._grabs and self._display:
            with _xlib.error_trap(self._x, self._display):
                for code, modifiers in self._grabs:
                    self._x.XUngrabKey(self._display, code, modifiers, self._root)
        self._grabs = []
        self._callback, self._sequence = None, None
        self._keycode = 0

    def _on_mapping_changed(self, event: _xlib.XEvent) -> None:
        if event.xmapping.request not in (_xlib.MAPPING_MODIFIER, _xlib.MAPPING_KEYBOARD):
            return  # the pointer's buttons
        self._x.XRefreshKeyboardMapping(ctypes.byref(event))
        self._lock_masks = self._find_lock_masks()
        sequence, callback = self._sequence, self._callback
        if sequence is None or callback is None:
            return
        try:
            if self._grabs_for(sequence)[1] == self._grabs:
                # Our key did not move (another key was remapped, as xdotool does to type):
                # releasing and taking it again would let a press slip by in between.
                return
            self._grab(sequence, callback)
        except (HotkeyTaken, HotkeyUnavailable) as error:
            # Nobody to tell from here: the key is simply gone until it is registered again.
            log.warning("global hotkey %s lost after a keymap change: %s", sequence, error)

    def _dispatch_events(self) -> None:
        event = _xlib.XEvent()
        while self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == _xlib.MAPPING_NOTIFY:
                self._on_mapping_changed(event)
                continue
            if event.type not in (_xlib.KEY_PRESS, _xlib.KEY_RELEASE):
                continue
            key = event.xkey
            if key.keycode != self._keycode:
                continue
            if event.type == _xlib.KEY_RELEASE:
                self._key_down = False
                self._last_release_time = key.time
                continue
            repeat = self._key_down or key.time == self._last_release_time
            self._key_down = True
            callback = self._callback
            if repeat or callback is None:
                continue
            try:
                callback()
            except Exception:
                log.exception("the global hotkey callback failed")
            if self._stopping:
                return
