"""Windows global hotkey: ``RegisterHotKey`` on a thread of our own with a message loop.

``RegisterHotKey(NULL, id, ...)`` ties the key to the calling thread: Windows posts
``WM_HOTKEY`` to that thread's message queue, and only that thread may unregister it. So one
dedicated thread registers, unregisters and runs ``GetMessageW``; other threads hand it
commands through a queue and wake it with ``PostThreadMessageW(WM_APP)``; ``close`` posts
``WM_APP + 1``, which ends the loop. A key Windows already gives to another program fails with
``ERROR_HOTKEY_ALREADY_REGISTERED`` (1409): :class:`HotkeyTaken`.

``MOD_NOREPEAT`` (Windows 7+) keeps a held key from firing again and again.

Microsoft documents F12 as reserved for the debugger ("should not be registered as a hot
key"); with modifiers it registers and works, and the default Ctrl+Shift+F12 is kept.

``ctypes.windll`` is touched only when no libraries are injected, so this module imports on
every platform; the unit tests inject fakes of ``user32``/``kernel32``.
"""

from __future__ import annotations

import ctypes
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from ctypes import wintypes
from typing import Any

from app.capture.hotkeys import (
    Callback,
    HotkeyTaken,
    HotkeyUnavailable,
    KeySequence,
    run_commands,
)

log = logging.getLogger(__name__)

BACKEND = "windows"
COMMAND_TIMEOUT = 10.0

WM_QUIT = 0x0012
WM_HOTKEY = 0x0312
WM_USER = 0x0400
WM_APP = 0x8000  # "run the queued commands"
WM_APP_STOP = WM_APP + 1  # "unregister and end the loop" (WM_QUIT is PostQuitMessage's)
PM_NOREMOVE = 0x0000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
HOTKEY_ID = 0x7457  # any id in 0x0000-0xBFFF for an application

MOD_ALT = 0x0001
MOD_CONTROL = 0x0002
MOD_SHIFT = 0x0004
MOD_WIN = 0x0008
MOD_NOREPEAT = 0x4000

WIN_MODIFIERS: dict[str, int] = {
    "ctrl": MOD_CONTROL,
    "shift": MOD_SHIFT,
    "alt": MOD_ALT,
    "meta": MOD_WIN,
}

VIRTUAL_KEYS: dict[str, int] = {
    **{f"F{n}": 0x70 + n - 1 for n in range(1, 25)},  # VK_F1 .. VK_F24
    **{chr(c): c for c in range(ord("A"), ord("Z") + 1)},  # 'A'..'Z' are their own codes
    **{str(d): ord(str(d)) for d in range(10)},  # '0'..'9' too
    "Print": 0x2C,  # VK_SNAPSHOT
    "Escape": 0x1B,
    "Space": 0x20,
    "Return": 0x0D,
    "Tab": 0x09,
    "Backspace": 0x08,
    "Delete": 0x2E,
    "Insert": 0x2D,
    "Home": 0x24,
    "End": 0x23,
    "PageUp": 0x21,  # VK_PRIOR
    "PageDown": 0x22,  # VK_NEXT
    "Left": 0x25,
    "Up": 0x26,
    "Right": 0x27,
    "Down": 0x28,
    "Pause": 0x13,
}


def win_modifiers(sequence: KeySequence) -> int:
    mask = MOD_NOREPEAT
    for name in sequence.modifiers:
        mask |= WIN_MODIFIERS[name]
    return mask


def _load() -> tuple[Any, Any, Callable[[], int]]:
    """user32 and kernel32 with prototypes, and the reader of the saved last error."""
    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    msg_p = ctypes.POINTER(wintypes.MSG)
    for name, restype, argtypes in (
        (
            "RegisterHotKey",
            wintypes.BOOL,
            [wintypes.HWND, ctypes.c_int, wintypes.UINT, wintypes.UINT],
        ),
        ("UnregisterHotKey", wintypes.BOOL, [wintypes.HWND, ctypes.c_int]),
        ("GetMessageW", wintypes.BOOL, [msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT]),
        (
            "PeekMessageW",
            wintypes.BOOL,
            [msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT, wintypes.UINT],
        ),
        (
            "PostThreadMessageW",
            wintypes.BOOL,
            [wintypes.DWORD, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM],
        ),
    ):
        function = getattr(user32, name)
        function.restype, function.argtypes = restype, argtypes
    kernel32.GetCurrentThreadId.restype = wintypes.DWORD
    kernel32.GetCurrentThreadId.argtypes = []
    return user32, kernel32, ctypes.get_last_error  # type: ignore[attr-defined,unused-ignore]


class WindowsHotkeys:
    """One global key on Windows. ``user32``, ``kernel32`` and ``last_error`` are for tests."""

    name = BACKEND

    def __init__(
        self,
        user32: Any = None,
        kernel32: Any = None,
        last_error: Callable[[], int] | None = None,
    ) -> None:
        if user32 is None or kernel32 is None or last_error is None:
            try:
                user32, kernel32, last_error = _load()
            except (AttributeError, OSError) as error:
                raise HotkeyUnavailable(
                    f"user32 cannot be loaded ({error})", backend=BACKEND, reason="no_user32"
                ) from None
        self._user32, self._kernel32, self._last_error = user32, kernel32, last_error
        self._commands: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]] = (
            queue.SimpleQueue()
        )
        self._registered = False
        self._callback: Callback | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._thread_id = 0
        self._looping = False  # the thread made its message queue and entered the loop
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="windows-hotkeys", daemon=True
        )
        self._thread.start()
        if not ready.wait(COMMAND_TIMEOUT) or not self._looping:
            raise HotkeyUnavailable(
                "the hotkey thread did not start", backend=BACKEND, reason="no_thread"
            )

    # -- public API (any thread) ---------------------------------------------------------------

    def register(self, sequence: KeySequence, callback: Callback) -> None:
        self._call(lambda: self._register(sequence, callback))

    def unregister(self) -> None:
        if not self._closed:
            self._call(self._unregister)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        # The loop unregisters on its own thread: only the registering thread may.
        self._user32.PostThreadMessageW(self._thread_id, WM_APP_STOP, 0, 0)
        if threading.current_thread() is not self._thread:
            self._thread.join(COMMAND_TIMEOUT)

    # -- plumbing -------------------------------------------------------------------------------

    def _call(self, command: Callable[[], Any]) -> Any:
        if self._closed:
            raise HotkeyUnavailable(
                "the hotkey backend is closed", backend=BACKEND, reason="closed"
            )
        if threading.current_thread() is self._thread:
            return command()
        future: Future[Any] = Future()
        self._commands.put((command, future))
        if not self._user32.PostThreadMessageW(self._thread_id, WM_APP, 0, 0):
            raise HotkeyUnavailable(
                f"the hotkey thread cannot be reached (error {self._last_error()})",
                backend=BACKEND,
                reason="no_thread",
            )
        return future.result(COMMAND_TIMEOUT)

    def _run(self, ready: threading.Event) -> None:
        msg = wintypes.MSG()
        try:
            self._thread_id = int(self._kernel32.GetCurrentThreadId())
            # A thread has a message queue only once it calls a message function: make it
            # now, so PostThreadMessageW from other threads cannot fail.
            self._user32.PeekMessageW(ctypes.byref(msg), None, WM_USER, WM_USER, PM_NOREMOVE)
            self._looping = True
            ready.set()
            while True:
                result = self._user32.GetMessageW(ctypes.byref(msg), None, 0, 0)
                if result == 0:  # WM_QUIT
                    break
                if result == -1:
                    log.error("GetMessageW failed (error %d)", self._last_error())
                    break
                if msg.message == WM_APP_STOP:
                    break
                if msg.message == WM_APP:
                    self._run_commands()
                elif msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                    callback = self._callback
                    if callback is not None:
                        try:
                            callback()
                        except Exception:
                            log.exception("the global hotkey callback failed")
        except Exception:
            log.exception("the Windows hotkey thread failed")
        finally:
            self._looping = False
            self._closed = True
            self._unregister()
            self._run_commands()  # answers whoever still waits
            ready.set()

    def _run_commands(self) -> None:
        refusal = (
            HotkeyUnavailable("the hotkey backend is closed", backend=BACKEND, reason="closed")
            if self._closed
            else None
        )
        run_commands(self._commands, refusal)

    # -- on the hotkey thread only ----------------------------------------------------------------

    def _register(self, sequence: KeySequence, callback: Callback) -> None:
        self._unregister()
        if not self._user32.RegisterHotKey(
            None, HOTKEY_ID, win_modifiers(sequence), VIRTUAL_KEYS[sequence.key]
        ):
            error = self._last_error()
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyTaken(
                    f"{sequence} is already taken by another application",
                    sequence=str(sequence),
                    backend=BACKEND,
                )
            raise HotkeyUnavailable(
                f"RegisterHotKey failed for {sequence} (error {error})",
                sequence=str(sequence),
                backend=BACKEND,
                reason=f"error_{error}",
            )
        self._registered = True
        self._callback = callback
        log.info("global hotkey %s registered on Windows", sequence)

    def _unregister(self) -> None:
        self._callback = None
        if self._registered:
            self._registered = False
            if not self._user32.UnregisterHotKey(None, HOTKEY_ID):
                log.warning("UnregisterHotKey failed (error %d)", self._last_error())
