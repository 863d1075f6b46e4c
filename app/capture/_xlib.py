"""The few Xlib calls the hotkey backend and the window facts need, through ctypes.

No new dependency: libX11 is on every X11 desktop (Qt's xcb plugin loads it too). Each user opens
its own ``Display`` and uses it from one thread only.

X errors: Xlib reports them to one process-wide handler whose default prints and *exits*. The
code here never leaves a request that can fail outside :func:`error_trap`, which installs a
recording handler, flushes with ``XSync`` so every reply is in, and puts the previous handler
back (what GDK calls an error trap). One lock serialises traps, because the handler is global.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

Window = ctypes.c_ulong
Atom = ctypes.c_ulong
KeySym = ctypes.c_ulong
DisplayP = ctypes.c_void_p

# X protocol constants (X.h)
KEY_PRESS = 2
KEY_RELEASE = 3
MAPPING_NOTIFY = 34
MAPPING_MODIFIER = 0
MAPPING_KEYBOARD = 1
SHIFT_MASK = 1 << 0
LOCK_MASK = 1 << 1
CONTROL_MASK = 1 << 2
MOD1_MASK = 1 << 3
MOD2_MASK = 1 << 4
MOD4_MASK = 1 << 6
GRAB_MODE_ASYNC = 1
BAD_ACCESS = 10
IS_VIEWABLE = 2
INPUT_ONLY = 2
ANY_PROPERTY_TYPE = 0
SUCCESS = 0


class XKeyEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", DisplayP),
        ("window", Window),
        ("root", Window),
        ("subwindow", Window),
        ("time", ctypes.c_ulong),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("x_root", ctypes.c_int),
        ("y_root", ctypes.c_int),
        ("state", ctypes.c_uint),
        ("keycode", ctypes.c_uint),
        ("same_screen", ctypes.c_int),
    )


class XMappingEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", DisplayP),
        ("window", Window),
        ("request", ctypes.c_int),
        ("first_keycode", ctypes.c_int),
        ("count", ctypes.c_int),
    )


class XEvent(ctypes.Union):
    _fields_ = (
        ("type", ctypes.c_int),
        ("xkey", XKeyEvent),
        ("xmapping", XMappingEvent),
        ("pad", ctypes.c_long * 24),
    )


class XErrorEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("display", DisplayP),
        ("resourceid", ctypes.c_ulong),
        ("serial", ctypes.c_ulong),
        ("error_code", ctypes.c_ubyte),
        ("request_code", ctypes.c_ubyte),
        ("minor_code", ctypes.c_ubyte),
    )


class XModifierKeymap(ctypes.Structure):
    _fields_ = (("max_keypermod", ctypes.c_int), ("modifiermap", ctypes.POINTER(ctypes.c_ubyte)))


class XWindowAttributes(ctypes.Structure):
    _fields_ = (
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", Window),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    )


ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, DisplayP, ctypes.POINTER(XErrorEvent))

_P = ctypes.c_void_p
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "XInitThreads": (ctypes.c_int, []),
    "XOpenDisplay": (_P, [ctypes.c_char_p]),
    "XCloseDisplay": (ctypes.c_int, [_P]),
    "XConnectionNumber": (ctypes.c_int, [_P]),
    "XDefaultRootWindow": (Window, [_P]),
    "XStringToKeysym": (KeySym, [ctypes.c_char_p]),
    "XKeysymToKeycode": (ctypes.c_ubyte, [_P, KeySym]),
    "XGrabKey": (
        ctypes.c_int,
        [_P, ctypes.c_int, ctypes.c_uint, Window, ctypes.c_int] + [ctypes.c_int] * 2,
    ),
    "XUngrabKey": (ctypes.c_int, [_P, ctypes.c_int, ctypes.c_uint, Window]),
    "XSync": (ctypes.c_int, [_P, ctypes.c_int]),
    "XFlush": (ctypes.c_int, [_P]),
    "XPending": (ctypes.c_int, [_P]),
    "XNextEvent": (ctypes.c_int, [_P, ctypes.POINTER(XEvent)]),
    "XRefreshKeyboardMapping": (ctypes.c_int, [ctypes.POINTER(XEvent)]),
    "XSetErrorHandler": (_P, [_P]),
    "XGetModifierMapping": (ctypes.POINTER(XModifierKeymap), [_P]),
    "XFreeModifiermap": (ctypes.c_int, [ctypes.POINTER(XModifierKeymap)]),
    "XkbSetDetectableAutoRepeat": (ctypes.c_int, [_P, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]),
    "XInternAtom": (Atom, [_P, ctypes.c_char_p, ctypes.c_int]),
    "XGetWindowProperty": (
        ctypes.c_int,
        [
            _P,
            Window,
            Atom,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            Atom,
            ctypes.POINTER(Atom),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        ],
    ),
    "XFree": (ctypes.c_int, [_P]),
    "XGetWindowAttributes": (ctypes.c_int, [_P, Window, ctypes.POINTER(XWindowAttributes)]),
    "XTranslateCoordinates": (
        ctypes.c_int,
        [
            _P,
            Window,
            Window,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(Window),
        ],
    ),
    "XQueryTree": (
        ctypes.c_int,
        [
            _P,
            Window,
            ctypes.POINTER(Window),
            ctypes.POINTER(Window),
            ctypes.POINTER(ctypes.POINTER(Window)),
            ctypes.POINTER(ctypes.c_uint),
        ],
    ),
    "XGetInputFocus": (ctypes.c_int, [_P, ctypes.POINTER(Window), ctypes.POINTER(ctypes.c_int)]),
    # the steps recorder (app.capture.recorder)
    "XQueryPointer": (
        ctypes.c_int,
        [
            _P,
            Window,
            ctypes.POINTER(Window),
            ctypes.POINTER(Window),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_uint),
        ],
    ),
    "XQueryExtension": (
        ctypes.c_int,
        [_P, ctypes.c_char_p] + [ctypes.POINTER(ctypes.c_int)] * 3,
    ),
    "XGetEventData": (ctypes.c_int, [_P, _P]),
    "XFreeEventData": (None, [_P, _P]),
}


class XlibMissing(OSError):
    """libX11 cannot be loaded."""


_lib: list[ctypes.CDLL] = []  # loaded once
_lib_lock = threading.Lock()


def xlib() -> ctypes.CDLL:
    """libX11 with the prototypes above (loaded once). Raises :class:`XlibMissing`."""
    with _lib_lock:
        if not _lib:
            path = ctypes.util.find_library("X11") or "libX11.so.6"
            try:
                lib = ctypes.CDLL(path)
            except OSError as error:
                raise XlibMissing(f"libX11 cannot be loaded ({error})") from None
            for name, (restype, argtypes) in _PROTOTYPES.items():
                function = getattr(lib, name)
                function.restype = restype
                function.argtypes = argtypes
            # A no-op since libX11 1.8 (which calls it when loaded); before that it must come
            # before any other Xlib call, and Qt's xcb plugin calls it too.
            lib.XInitThreads()
            _lib.append(lib)
        return _lib[0]


@dataclass(frozen=True)
class XError:
    error_code: int
    request_code: int
    resource: int


_trap_lock = threading.Lock()
_trapped: dict[int, list[XError]] = {}


@ErrorHandler
def _record_error(display: int | None, event: Any) -> int:
    error = event.contents
    _trapped.setdefault(display or 0, []).append(
        XError(error.error_code, error.request_code, error.resourceid)
    )
    return 0


@contextmanager
def error_trap(lib: ctypes.CDLL, display: int) -> Iterator[list[XError]]:
    """Record the X errors of the requests made on ``display`` inside the block.

    The yielded list is filled when the block ends (after ``XSync``). Errors of other displays
    that arrive meanwhile are recorded and dropped: the previous handler is C code we cannot
    chain to safely, and Qt's own handler ignores them anyway.
    """
    errors: list[XError] = []
    with _trap_lock:
        _trapped.clear()
        previous = lib.XSetErrorHandler(ctypes.cast(_record_error, ctypes.c_void_p))
        try:
            yield errors
        finally:
            lib.XSync(display, 0)
            lib.XSetErrorHandler(previous)
            errors.extend(_trapped.pop(display, []))
            _trapped.clear()


def server_closed(connection: socket.socket) -> bool:
    """True when the X server has closed ``connection`` (a peek finds end-of-file), for a
    listener whose ``select`` said the socket is readable and Xlib found no event in it."""
    try:
        data = connection.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        return False
    except OSError:
        return True
    return not data
