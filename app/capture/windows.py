"""Window facts: the top-level windows on screen and the active one, for "capture a window" and
the steps recorder.

One small native reader per platform, through ctypes (no new dependency):

=========  ===============================================================================
X11        libX11: ``_NET_CLIENT_LIST_STACKING``, ``_NET_WM_NAME``/``WM_NAME``, ``WM_CLASS``,
           ``_NET_FRAME_EXTENTS``, ``_NET_ACTIVE_WINDOW``; without a window manager (or one
           without EWMH) the mapped children of the root window and the input focus.
Windows    ``EnumWindows`` (Z order), DWM's extended frame bounds, ``GetForegroundWindow``;
           cloaked (other virtual desktop, suspended UWP), minimised and tool windows skipped.
macOS      ``CGWindowListCopyWindowInfo`` (on screen, no desktop elements), layer 0 only.
Wayland    nothing: the protocol gives no client other windows' positions (an empty list).
=========  ===============================================================================

Rectangles are in virtual-desktop device pixels as :mod:`app.capture.grab` uses them, and
include the window manager's frame where there is one (what a capture of the window shows).
On macOS they are Quartz global coordinates, in points, like mss's monitors there.

Nothing here raises: a failing reader logs and returns ``[]`` or ``None``; the caller offers
the region capture instead.
"""

from __future__ import annotations

import ctypes
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.capture.grab import Rect

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WindowInfo:
    """A top-level window: its native id (X window, HWND, CGWindowID), title, rectangle
    (frame included) and the application it belongs to (WM_CLASS or process name; may be "")."""

    id: int
    title: str
    rect: Rect
    app: str = ""

    def __str__(self) -> str:
        app = f" [{self.app}]" if self.app else ""
        return f"{self.title!r}{app} {self.rect}"


def _kind(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    from app.capture.hotkeys import session_kind

    return session_kind(environ, platform)


def list_windows() -> list[WindowInfo]:
    """Visible top-level windows, topmost first. ``[]`` when they cannot be read."""
    kind = _kind()
    try:
        if kind == "x11":
            return [info for info, _ in _X11Reader.open().windows()]
        if kind == "windows":
            return _Win32Reader.load().windows()
        if kind == "macos":
            return _QuartzReader.load().windows()
    except OSError as error:  # no display, no library: nothing to list, nothing to debug
        log.warning("the windows cannot be listed (%s): %s", kind, error)
        return []
    except Exception:
        log.exception("the windows cannot be listed (%s)", kind)
        return []
    log.info("no window list in a %s session", kind)
    return []


def active_window() -> WindowInfo | None:
    """The window with the keyboard focus (the active one), or ``None``."""
    kind = _kind()
    try:
        if kind == "x11":
            return _X11Reader.open().active()
        if kind == "windows":
            return _Win32Reader.load().active()
        if kind == "macos":
            return _QuartzReader.load().active()
    except OSError as error:
        log.warning("the active window cannot be read (%s): %s", kind, error)
        return None
    except Exception:
        log.exception("the active window cannot be read (%s)", kind)
        return None
    return None


# -- X11 ------------------------------------------------------------------------------------------


class _X11Reader:
    """One short-lived connection; every request inside one error trap (windows come and go
    while we read: a BadWindow is a window to skip, never Xlib's default exit)."""

    def __init__(self, lib: Any, display: int) -> None:
        self._x = lib
        self._display = display
        self._root = int(lib.XDefaultRootWindow(display))
        self._atoms: dict[str, int] = {}

    @classmethod
    def open(cls) -> _X11Reader:
        from app.capture import _xlib

        lib = _xlib.xlib()
        display = lib.XOpenDisplay(None)
        if not display:
            raise OSError(f"cannot open the X display {os.environ.get('DISPLAY', '')!r}")
        return cls(lib, display)

    # Both entry points close the connection: a reader serves one call.

    def windows(self) -> list[tuple[WindowInfo, int]]:
        """(window, its top-level child of the root) pairs, topmost first."""
        from app.capture import _xlib

        try:
            with _xlib.error_trap(self._x, self._display):
                stacking = self._cardinals(self._root, "_NET_CLIENT_LIST_STACKING")
                if stacking is not None:
                    return self._managed(stacking)
                return self._unmanaged()
        finally:
            self._x.XCloseDisplay(self._display)

    def active(self) -> WindowInfo | None:
        from app.capture import _xlib

        try:
            with _xlib.error_trap(self._x, self._display):
                active = self._cardinals(self._root, "_NET_ACTIVE_WINDOW")
                stacking = self._cardinals(self._root, "_NET_CLIENT_LIST_STACKING")
                if active is not None and stacking is not None:
                    wanted = active[0] if active else 0
                    if not wanted:
                        return None
                    return next(
                        (info for info, _ in self._managed(stacking) if info.id == wanted), None
                    )
                # No EWMH window manager: the top-level window holding the input focus.
                focus = ctypes.c_ulong(0)
                revert = ctypes.c_int(0)
                self._x.XGetInputFocus(self._display, ctypes.byref(focus), ctypes.byref(revert))
                top = self._top_level(focus.value)
                if not top:
                    return None
                return next((info for info, t in self._unmanaged() if t == top), None)
        finally:
            self._x.XCloseDisplay(self._display)

    # -- reading, inside the trap ----------------------------------------------------------------

    def _managed(self, stacking: list[int]) -> list[tuple[WindowInfo, int]]:
        hidden = {self._atom("_NET_WM_STATE_HIDDEN")}
        skipped_types = {
            self._atom("_NET_WM_WINDOW_TYPE_DESKTOP"),
            self._atom("_NET_WM_WINDOW_TYPE_DOCK"),
        }
        out = []
        for window in reversed(stacking):  # the property is bottom to top
            attributes = self._attributes(window)
            if attributes is None or attributes.map_state != 2:  # IsViewable
                continue
            if hidden & set(self._cardinals(window, "_NET_WM_STATE") or []):
                continue
            if skipped_types & set(self._cardinals(window, "_NET_WM_WINDOW_TYPE") or []):
                continue
            origin = self._root_origin(window)
            if origin is None:
                continue
            left, right, top, bottom = (self._cardinals(window, "_NET_FRAME_EXTENTS") or [0] * 4)[
                :4
            ]
            rect = Rect(
                origin[0] - left,
                origin[1] - top,
                attributes.width + left + right,
                attributes.height + top + bottom,
            )
            info = WindowInfo(window, self._title(window), rect, self._wm_class(window))
            out.append((info, self._top_level(window)))
        return out

    def _unmanaged(self) -> list[tuple[WindowInfo, int]]:
        out = []
        for top in reversed(self._children(self._root)):  # XQueryTree: bottom to top
            attributes = self._attributes(top)
            if (
                attributes is None
                or attributes.map_state != 2
                or attributes.override_redirect  # menus, tooltips, drag icons
                or attributes.class_ == 2  # InputOnly
            ):
                continue
            client = top
            if not self._is_client(top):
                # A frame of a window manager without EWMH: the client is one level down.
                client = next((c for c in self._children(top) if self._is_client(c)), top)
            border = attributes.border_width
            rect = Rect(
                attributes.x,
                attributes.y,
                attributes.width + 2 * border,
                attributes.height + 2 * border,
            )
            out.append((WindowInfo(client, self._title(client), rect, self._wm_class(client)), top))
        return out

    def _is_client(self, window: int) -> bool:
        return self._property(window, "WM_STATE") is not None or bool(self._title(window))

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = int(self._x.XInternAtom(self._display, name.encode(), 0))
        return self._atoms[name]

    def _property(self, window: int, name: str) -> tuple[int, int, bytes, int] | None:
        """(type, format, data, item count) of a property, or None if it is not set."""
        actual_type = ctypes.c_ulong(0)
        actual_format = ctypes.c_int(0)
        items = ctypes.c_ulong(0)
        after = ctypes.c_ulong(0)
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._display,
            window,
            self._atom(name),
            0,
            1 << 16,  # in 32-bit units: 256 KiB, more than any title or client list
            0,
            0,  # AnyPropertyType
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return None
        try:
            if actual_type.value == 0:
                return None
            # Xlib returns format-32 items as C longs, format 16 as shorts, format 8 as bytes.
            size = {8: 1, 16: ctypes.sizeof(ctypes.c_short), 32: ctypes.sizeof(ctypes.c_long)}
            length = items.value * size.get(actual_format.value, 1)
            raw = ctypes.string_at(data.value, length)
            return actual_type.value, actual_format.value, raw, items.value
        finally:
            self._x.XFree(data)

    def _cardinals(self, window: int, name: str) -> list[int] | None:
        prop = self._property(window, name)
        if prop is None or prop[1] != 32:
            return None
        _, _, raw, count = prop
        return list((ctypes.c_ulong * count).from_buffer_copy(raw))

    def _text(self, window: int, name: str) -> str | None:
        prop = self._property(window, name)
        if prop is None or prop[1] != 8:
            return None
        kind, _, raw, _ = prop
        if kind == self._atom("STRING"):
            return raw.decode("latin-1")
        return raw.decode("utf-8", "replace")  # UTF8_STRING; COMPOUND_TEXT at best effort

    def _title(self, window: int) -> str:
        title = self._text(window, "_NET_WM_NAME")
        if title is None:
            title = self._text(window, "WM_NAME")
        return title or ""

    def _wm_class(self, window: int) -> str:
        prop = self._property(window, "WM_CLASS")
        if prop is None:
            return ""
        parts = prop[2].split(b"\0")  # "instance\0Class\0"
        name = parts[1] if len(parts) > 1 and parts[1] else parts[0]
        return name.decode("latin-1")

    def _attributes(self, window: int) -> Any:
        from app.capture import _xlib

        attributes = _xlib.XWindowAttributes()
        if not self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            return None
        return attributes

    def _root_origin(self, window: int) -> tuple[int, int] | None:
        x, y, child = ctypes.c_int(0), ctypes.c_int(0), ctypes.c_ulong(0)
        if not self._x.XTranslateCoordinates(
            self._display,
            window,
            self._root,
            0,
            0,
            ctypes.byref(x),
            ctypes.byref(y),
            ctypes.byref(child),
        ):
            return None
        return x.value, y.value

    def _tree(self, window: int) -> tuple[int, list[int]]:
        """(parent, children bottom to top) of ``window``; (0, []) if it is gone."""
        root, parent = ctypes.c_ulong(0), ctypes.c_ulong(0)
        children = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint(0)
        if not self._x.XQueryTree(
            self._display,
            window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return 0, []
        try:
            return parent.value, [children[i] for i in range(count.value)]
        finally:
            if children:
                self._x.XFree(children)

    def _children(self, window: int) -> list[int]:
        return self._tree(window)[1]

    def _top_level(self, window: int) -> int:
        """The ancestor of ``window`` that is a child of the root (0 if there is none)."""
        for _ in range(64):  # window trees are shallow; a loop guards against a broken server
            if window in (0, 1, self._root):  # None, PointerRoot
                return 0
            parent, _ = self._tree(window)
            if parent == self._root:
                return window
            window = parent
        return 0


# -- Windows --------------------------------------------------------------------------------------

DWMWA_EXTENDED_FRAME_BOUNDS = 9
DWMWA_CLOAKED = 14
GWL_EXSTYLE = -20
WS_EX_TOOLWINDOW = 0x00000080
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000


class _RECT(ctypes.Structure):
    # Win32 LONG is 32 bits (c_long would be 64 on the Linux that runs the unit tests).
    _fields_ = (
        ("left", ctypes.c_int32),
        ("top", ctypes.c_int32),
        ("right", ctypes.c_int32),
        ("bottom", ctypes.c_int32),
    )


# WINFUNCTYPE (stdcall) exists on Windows only; the unit tests' fakes call the CFUNCTYPE one.
_WNDENUMPROC = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p
)


class _Win32Reader:
    """user32 + dwmapi + kernel32 (injected in the unit tests).

    DWM's extended frame bounds are the visible frame in physical pixels (GetWindowRect adds the
    invisible resize borders of Windows 10+); GetWindowRect is the fallback without DWM.
    """

    def __init__(self, user32: Any, dwmapi: Any, kernel32: Any) -> None:
        self._user32, self._dwmapi, self._kernel32 = user32, dwmapi, kernel32

    @classmethod
    def load(cls) -> _Win32Reader:
        windll: Any = getattr(ctypes, "windll")  # noqa: B009 - Windows only; mypy on Linux
        user32, dwmapi, kernel32 = windll.user32, windll.dwmapi, windll.kernel32
        cls.declare(user32, dwmapi, kernel32)
        return cls(user32, dwmapi, kernel32)

    @staticmethod
    def declare(user32: Any, dwmapi: Any, kernel32: Any) -> None:
        """Set the prototypes of the functions the reader calls on these libraries (e.g. the
        steps recorder's own ``WinDLL`` instances, which keep the last error)."""
        from ctypes import wintypes

        hwnd = wintypes.HWND
        for lib, name, restype, argtypes in (
            (user32, "EnumWindows", wintypes.BOOL, [_WNDENUMPROC, wintypes.LPARAM]),
            (user32, "IsWindowVisible", wintypes.BOOL, [hwnd]),
            (user32, "IsIconic", wintypes.BOOL, [hwnd]),
            (user32, "GetWindowLongW", ctypes.c_long, [hwnd, ctypes.c_int]),
            (user32, "GetWindowTextLengthW", ctypes.c_int, [hwnd]),
            (user32, "GetWindowTextW", ctypes.c_int, [hwnd, wintypes.LPWSTR, ctypes.c_int]),
            (user32, "GetWindowRect", wintypes.BOOL, [hwnd, ctypes.POINTER(_RECT)]),
            (user32, "GetForegroundWindow", hwnd, []),
            (
                user32,
                "GetWindowThreadProcessId",
                wintypes.DWORD,
                [hwnd, ctypes.POINTER(wintypes.DWORD)],
            ),
            (
                dwmapi,
                "DwmGetWindowAttribute",
                ctypes.c_long,
                [hwnd, wintypes.DWORD, ctypes.c_void_p, wintypes.DWORD],
            ),
            (
                kernel32,
                "OpenProcess",
                wintypes.HANDLE,
                [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD],
            ),
            (
                kernel32,
                "QueryFullProcessImageNameW",
                wintypes.BOOL,
                [wintypes.HANDLE, wintypes.DWORD, wintypes.LPWSTR, ctypes.POINTER(wintypes.DWORD)],
            ),
            (kernel32, "CloseHandle", wintypes.BOOL, [wintypes.HANDLE]),
        ):
            function = getattr(lib, name)
            function.restype, function.argtypes = restype, argtypes

    def windows(self) -> list[WindowInfo]:
        handles: list[int] = []

        def collect(hwnd: int | None, _: int | None) -> int:
            handles.append(hwnd or 0)
            return 1  # go on

        self._user32.EnumWindows(_WNDENUMPROC(collect), 0)  # top of the Z order first
        apps: dict[int, str] = {}
        out = []
        for hwnd in handles:
            if not hwnd or not self._user32.IsWindowVisible(hwnd) or self._user32.IsIconic(hwnd):
                continue
            if self._user32.GetWindowLongW(hwnd, GWL_EXSTYLE) & WS_EX_TOOLWINDOW:
                continue
            if self._cloaked(hwnd):
                continue
            rect = self._rect(hwnd)
            if rect is None:
                continue
            out.append(WindowInfo(hwnd, self._title(hwnd), rect, self._app(hwnd, apps)))
        return out

    def active(self) -> WindowInfo | None:
        foreground = self._user32.GetForegroundWindow() or 0
        if not foreground:
            return None
        return next((w for w in self.windows() if w.id == foreground), None)

    def describe(self, hwnd: int, apps: dict[int, str] | None = None) -> WindowInfo | None:
        """The facts of one window (``None`` when it has no area: gone, or never shown);
        ``apps`` caches process names by pid across calls."""
        rect = self._rect(hwnd)
        if rect is None:
            return None
        return WindowInfo(
            hwnd, self._title(hwnd), rect, self._app(hwnd, {} if apps is None else apps)
        )

    def pid(self, hwnd: int) -> int:
        """The id of the process that made ``hwnd`` (0 when the window is gone)."""
        pid = ctypes.c_uint32(0)
        self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return pid.value

    def _cloaked(self, hwnd: int) -> bool:
        value = ctypes.c_uint32(0)
        status = self._dwmapi.DwmGetWindowAttribute(
            hwnd, DWMWA_CLOAKED, ctypes.byref(value), ctypes.sizeof(value)
        )
        return status == 0 and value.value != 0

    def _rect(self, hwnd: int) -> Rect | None:
        r = _RECT()
        status = self._dwmapi.DwmGetWindowAttribute(
            hwnd, DWMWA_EXTENDED_FRAME_BOUNDS, ctypes.byref(r), ctypes.sizeof(r)
        )
        if status != 0 and not self._user32.GetWindowRect(hwnd, ctypes.byref(r)):
            return None
        if r.right <= r.left or r.bottom <= r.top:
            return None
        return Rect(r.left, r.top, r.right - r.left, r.bottom - r.top)

    def _title(self, hwnd: int) -> str:
        length = self._user32.GetWindowTextLengthW(hwnd)
        if length <= 0:
            return ""
        buffer = ctypes.create_unicode_buffer(length + 1)
        copied = self._user32.GetWindowTextW(hwnd, buffer, length + 1)
        return buffer.value[:copied]

    def _app(self, hwnd: int, cache: dict[int, str]) -> str:
        pid = self.pid(hwnd)
        if pid not in cache:
            cache[pid] = self._process_name(pid)
        return cache[pid]

    def _process_name(self, pid: int) -> str:
        if not pid:
            return ""
        handle = self._kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ""  # another user's or a protected process: the title will have to do
        try:
            buffer = ctypes.create_unicode_buffer(1024)
            size = ctypes.c_uint32(len(buffer))
            if not self._kernel32.QueryFullProcessImageNameW(handle, 0, buffer, ctypes.byref(size)):
                return ""
            return buffer.value[: size.value].replace("/", "\\").rsplit("\\", 1)[-1]
        finally:
            self._kernel32.CloseHandle(handle)


# -- macOS ----------------------------------------------------------------------------------------

K_CG_WINDOW_LIST_OPTION_ON_SCREEN_ONLY = 1 << 0
K_CG_WINDOW_LIST_EXCLUDE_DESKTOP_ELEMENTS = 1 << 4
K_CF_NUMBER_SINT64_TYPE = 4
K_CF_STRING_ENCODING_UTF8 = 0x08000100
QUARTZ_KEYS = (
    "kCGWindowNumber",
    "kCGWindowLayer",
    "kCGWindowBounds",
    "kCGWindowName",
    "kCGWindowOwnerName",
    "kCGWindowOwnerPID",
)


class CGRect(ctypes.Structure):
    _fields_ = (
        ("x", ctypes.c_double),
        ("y", ctypes.c_double),
        ("width", ctypes.c_double),
        ("height", ctypes.c_double),
    )


class _QuartzReader:
    """CoreFoundation + CoreGraphics (injected in the unit tests, with the key constants).

    The list comes front to back. Window titles need the Screen Recording permission since
    macOS 10.15; without it ``kCGWindowName`` is missing and the title is "" (the owner's name
    still tells the user which app it is).
    """

    def __init__(self, cf: Any, cg: Any, keys: Mapping[str, Any]) -> None:
        self._cf, self._cg, self._keys = cf, cg, keys

    @classmethod
    def load(cls) -> _QuartzReader:
        cf = ctypes.CDLL("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation")
        cg = ctypes.CDLL("/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics")
        p, index = ctypes.c_void_p, ctypes.c_long
        for lib, name, restype, argtypes in (
            (cg, "CGWindowListCopyWindowInfo", p, [ctypes.c_uint32, ctypes.c_uint32]),
            (
                cg,
                "CGRectMakeWithDictionaryRepresentation",
                ctypes.c_bool,
                [p, ctypes.POINTER(CGRect)],
            ),
            (cf, "CFArrayGetCount", index, [p]),
            (cf, "CFArrayGetValueAtIndex", p, [p, index]),
            (cf, "CFDictionaryGetValue", p, [p, p]),
            (cf, "CFNumberGetValue", ctypes.c_bool, [p, ctypes.c_int, p]),
            (cf, "CFStringGetLength", index, [p]),
            (cf, "CFStringGetMaximumSizeForEncoding", index, [index, ctypes.c_uint32]),
            (cf, "CFStringGetCString", ctypes.c_bool, [p, ctypes.c_char_p, index, ctypes.c_uint32]),
            (cf, "CFRelease", None, [p]),
        ):
            function = getattr(lib, name)
            function.restype, function.argtypes = restype, argtypes
        keys = {name: ctypes.c_void_p.in_dll(cg, name).value for name in QUARTZ_KEYS}
        return cls(cf, cg, keys)

    def windows(self) -> list[WindowInfo]:
        return [info for info, layer, _ in self.entries() if layer == 0]

    def entries(self) -> list[tuple[WindowInfo, int, int | None]]:
        """Every on-screen window of every layer, front to back, as (window, layer, owner's
        pid). The steps recorder needs the upper layers too: a click on a floating panel or a
        menu must not be told to the application window under it."""
        array = self._cg.CGWindowListCopyWindowInfo(
            K_CG_WINDOW_LIST_OPTION_ON_SCREEN_ONLY | K_CG_WINDOW_LIST_EXCLUDE_DESKTOP_ELEMENTS, 0
        )
        if not array:
            return []
        try:
            out = []
            for i in range(self._cf.CFArrayGetCount(array)):
                entry = self._cf.CFArrayGetValueAtIndex(array, i)
                layer = self._number(entry, "kCGWindowLayer")
                if layer is None:
                    continue
                bounds = self._cf.CFDictionaryGetValue(entry, self._keys["kCGWindowBounds"])
                rect = CGRect()
                if not bounds or not self._cg.CGRectMakeWithDictionaryRepresentation(
                    bounds, ctypes.byref(rect)
                ):
                    continue
                if rect.width <= 0 or rect.height <= 0:
                    continue
                info = WindowInfo(
                    self._number(entry, "kCGWindowNumber") or 0,
                    self._string(entry, "kCGWindowName"),
                    Rect(round(rect.x), round(rect.y), round(rect.width), round(rect.height)),
                    self._string(entry, "kCGWindowOwnerName"),
                )
                out.append((info, layer, self._number(entry, "kCGWindowOwnerPID")))
            return out
        finally:
            self._cf.CFRelease(array)

    def active(self) -> WindowInfo | None:
        # Layer 0 holds the application windows (the menu bar, the Dock, overlays are above).
        # The frontmost normal window belongs to the active application: the first of the list.
        windows = self.windows()
        return windows[0] if windows else None

    def _number(self, entry: Any, key: str) -> int | None:
        value = self._cf.CFDictionaryGetValue(entry, self._keys[key])
        out = ctypes.c_int64(0)
        if not value or not self._cf.CFNumberGetValue(
            value, K_CF_NUMBER_SINT64_TYPE, ctypes.byref(out)
        ):
            return None
        return out.value

    def _string(self, entry: Any, key: str) -> str:
        value = self._cf.CFDictionaryGetValue(entry, self._keys[key])
        if not value:
            return ""
        size = (
            self._cf.CFStringGetMaximumSizeForEncoding(
                self._cf.CFStringGetLength(value), K_CF_STRING_ENCODING_UTF8
            )
            + 1
        )
        buffer = ctypes.create_string_buffer(size)
        if not self._cf.CFStringGetCString(value, buffer, size, K_CF_STRING_ENCODING_UTF8):
            return ""
        return buffer.value.decode("utf-8", "replace")
