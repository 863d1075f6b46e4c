"""A bare X client for the e2e tests: one window that selects key presses and takes the focus.

Plain Xlib through ctypes (the app's own bindings), so a test sees exactly which key events the
X server delivers to a focused application: nothing in between decides for it.
"""

from __future__ import annotations

import ctypes
import select
import time

from app.capture import _xlib

KEY_PRESS_MASK = 1 << 0
STRUCTURE_NOTIFY_MASK = 1 << 17
MAP_NOTIFY = 19
REVERT_TO_PARENT = 2


def _prototypes(lib: ctypes.CDLL) -> None:
    ulong, p, i = ctypes.c_ulong, ctypes.c_void_p, ctypes.c_int
    table = {
        "XCreateSimpleWindow": (
            ulong,
            [p, ulong, i, i, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint, ulong, ulong],
        ),
        "XSelectInput": (i, [p, ulong, ctypes.c_long]),
        "XMapRaised": (i, [p, ulong]),
        "XSetInputFocus": (i, [p, ulong, i, ulong]),
        "XDestroyWindow": (i, [p, ulong]),
        "XStoreName": (i, [p, ulong, ctypes.c_char_p]),
    }
    for name, (restype, argtypes) in table.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes


class FocusedClient:
    """A mapped, focused window on ``display`` that records the keycodes pressed in it."""

    def __init__(self, display: str, title: str = "key client") -> None:
        self.x = _xlib.xlib()
        _prototypes(self.x)
        self.display = self.x.XOpenDisplay(display.encode())
        assert self.display, f"cannot open {display}"
        root = self.x.XDefaultRootWindow(self.display)
        self.window = self.x.XCreateSimpleWindow(self.display, root, 10, 10, 200, 100, 0, 0, 0)
        self.x.XStoreName(self.display, self.window, title.encode())
        self.x.XSelectInput(self.display, self.window, KEY_PRESS_MASK | STRUCTURE_NOTIFY_MASK)
        self.x.XMapRaised(self.display, self.window)
        self.pressed: list[int] = []
        self._wait(lambda event: event.type == MAP_NOTIFY, 10, "the window to be mapped")
        self.x.XSetInputFocus(self.display, self.window, REVERT_TO_PARENT, 0)
        self.x.XSync(self.display, 0)

    def keycode(self, keysym: str) -> int:
        return int(self.x.XKeysymToKeycode(self.display, self.x.XStringToKeysym(keysym.encode())))

    def _wait(self, match, timeout: float, what: str) -> None:
        event = _xlib.XEvent()
        fd = self.x.XConnectionNumber(self.display)
        deadline = time.monotonic() + timeout
        while True:
            while self.x.XPending(self.display):
                self.x.XNextEvent(self.display, ctypes.byref(event))
                if event.type == _xlib.KEY_PRESS:
                    self.pressed.append(event.xkey.keycode)
                if match(event):
                    return
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {what}")
            select.select([fd], [], [], left)

    def wait_key_press(self, keycode: int, timeout: float = 10) -> None:
        """Read events until ``keycode`` is pressed in the window."""
        self._wait(
            lambda event: event.type == _xlib.KEY_PRESS and event.xkey.keycode == keycode,
            timeout,
            f"a key press of keycode {keycode}",
        )

    def close(self) -> None:
        self.x.XDestroyWindow(self.display, self.window)
        self.x.XCloseDisplay(self.display)


def keycode_on(display: str, keysym: str) -> int:
    """The keycode of ``keysym`` in the keymap of ``display`` (0: no key has it)."""
    x = _xlib.xlib()
    connection = x.XOpenDisplay(display.encode())
    assert connection, f"cannot open {display}"
    try:
        return int(x.XKeysymToKeycode(connection, x.XStringToKeysym(keysym.encode())))
    finally:
        x.XCloseDisplay(connection)
