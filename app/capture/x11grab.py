"""X11 screen grab straight through libX11 and libXrandr (ctypes): the CLI's fast path.

Why not mss here: importing mss 10 (its generated XCB bindings) and opening it cost 20-40 ms of
a process that scrot finishes in about 80 ms, and the issue measures ``main.py capture`` against
scrot. What this module does is small: ``XGetImage`` of the root window, with the MIT shared
memory extension when the server offers it (one copy less over the socket), and the monitor
list from RandR 1.5's ``XRRGetMonitors``. mss stays the backend on Windows and macOS, and the
fallback here when this raises.

Pixels come back as the server's 32-bit ZPixmap: on the little-endian, 24/32-bit TrueColor
visuals every current X server uses, bytes B, G, R, X. Anything else raises
:class:`Unsupported` and the caller falls back.
"""

from __future__ import annotations

import ctypes
import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

Z_PIXMAP = 2
ALL_PLANES = ctypes.c_ulong(~0 & 0xFFFFFFFFFFFFFFFF)
IPC_PRIVATE = 0
IPC_CREAT = 0o1000
IPC_RMID = 0


class Unsupported(RuntimeError):
    """This display cannot be read here (no libX11, no display, an unusual pixel format)."""


class _XImage(ctypes.Structure):
    _fields_ = (
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.c_void_p),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
        ("red_mask", ctypes.c_ulong),
        ("green_mask", ctypes.c_ulong),
        ("blue_mask", ctypes.c_ulong),
        ("obdata", ctypes.c_void_p),
        # struct funcs { create_image, destroy_image, get_pixel, put_pixel, sub_image, add_pixel }
        ("create_image", ctypes.c_void_p),
        ("destroy_image", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)),
        ("get_pixel", ctypes.c_void_p),
        ("put_pixel", ctypes.c_void_p),
        ("sub_image", ctypes.c_void_p),
        ("add_pixel", ctypes.c_void_p),
    )


class _ShmSegmentInfo(ctypes.Structure):
    _fields_ = (
        ("shmseg", ctypes.c_ulong),
        ("shmid", ctypes.c_int),
        ("shmaddr", ctypes.c_void_p),
        ("readOnly", ctypes.c_int),
    )


class _MonitorInfo(ctypes.Structure):
    _fields_ = (
        ("name", ctypes.c_ulong),
        ("primary", ctypes.c_int),
        ("automatic", ctypes.c_int),
        ("noutput", ctypes.c_int),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("mwidth", ctypes.c_int),
        ("mheight", ctypes.c_int),
        ("outputs", ctypes.c_void_p),
    )


class XMonitor:
    """A RandR monitor: its name, geometry in root-window pixels, and whether it is primary."""

    def __init__(self, name: str, x: int, y: int, width: int, height: int, primary: bool) -> None:  # noqa: PLR0917
        self.name, self.x, self.y = name, x, y
        self.width, self.height, self.primary = width, height, primary

    def __repr__(self) -> str:
        geometry = f"{self.x}, {self.y}, {self.width}, {self.height}"
        return f"XMonitor({self.name!r}, {geometry}, {self.primary})"


class _XErrorEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("resourceid", ctypes.c_ulong),
        ("serial", ctypes.c_ulong),
        ("error_code", ctypes.c_ubyte),
        ("request_code", ctypes.c_ubyte),
        ("minor_code", ctypes.c_ubyte),
    )


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_XErrorEvent))
_errors: list[int] = []


@_ERROR_HANDLER
def _record_error(_display: int | None, event: Any) -> int:
    # Xlib's default handler prints and exits the process: a failed request (a region off
    # the screen, a refused shared memory segment) must become an exception instead.
    _errors.append(int(event.contents.error_code))
    return 0


def _load(name: str) -> Any:
    try:
        return ctypes.CDLL(name)
    except OSError as exc:
        raise Unsupported(f"{name} cannot be loaded: {exc}") from exc


class Display:
    """One connection to the X server named by ``DISPLAY``; use from one thread, then close."""

    def __init__(self) -> None:
        if not os.environ.get("DISPLAY"):
            raise Unsupported("DISPLAY is not set")
        x11 = _load("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x11.XGetImage.restype = ctypes.POINTER(_XImage)
        x11.XGetImage.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        )
        x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        x11.XGetAtomName.restype = ctypes.c_void_p
        x11.XGetAtomName.argtypes = (ctypes.c_void_p, ctypes.c_ulong)
        x11.XFree.argtypes = (ctypes.c_void_p,)
        x11.XDisplayWidth.argtypes = x11.XDisplayHeight.argtypes = (ctypes.c_void_p, ctypes.c_int)
        x11.XSync.argtypes = (ctypes.c_void_p, ctypes.c_int)
        x11.XSetErrorHandler.restype = ctypes.c_void_p
        x11.XSetErrorHandler.argtypes = (ctypes.c_void_p,)
        x11.XDefaultScreen.argtypes = (ctypes.c_void_p,)
        self._x11 = x11
        self._dpy = x11.XOpenDisplay(None)
        if not self._dpy:
            raise Unsupported(f"cannot open display {os.environ.get('DISPLAY')!r}")
        self._root = x11.XDefaultRootWindow(self._dpy)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._dpy:
            self._x11.XCloseDisplay(self._dpy)
            self._dpy = None

    def __enter__(self) -> Display:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def size(self) -> tuple[int, int]:
        """The root window's size: the virtual desktop on X11 starts at (0, 0)."""
        screen = self._x11.XDefaultScreen(self._dpy)
        return (
            int(self._x11.XDisplayWidth(self._dpy, screen)),
            int(self._x11.XDisplayHeight(self._dpy, screen)),
        )

    def monitors(self) -> list[XMonitor]:
        """RandR 1.5 monitors (``xrandr --setmonitor`` ones included); [] without RandR."""
        try:
            xrandr = _load("libXrandr.so.2")
        except Unsupported:
            return []
        get = getattr(xrandr, "XRRGetMonitors", None)
        if get is None:
            return []
        get.restype = ctypes.POINTER(_MonitorInfo)
        get.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.POINTER(ctypes.c_int))
        xrandr.XRRFreeMonitors.argtypes = (ctypes.c_void_p,)
        count = ctypes.c_int(0)
        infos = get(self._dpy, self._root, 1, ctypes.byref(count))
        if not infos:
            return []
        out = []
        try:
            for i in range(count.value):
                info = infos[i]
                name = ""
                if info.name:
                    raw = self._x11.XGetAtomName(self._dpy, info.name)
                    if raw:
                        name = ctypes.string_at(raw).decode("utf-8", "replace")
                        self._x11.XFree(raw)
                out.append(
                    XMonitor(name, info.x, info.y, info.width, info.height, bool(info.primary))
                )
        finally:
            xrandr.XRRFreeMonitors(infos)
        return out

    def grab_bgrx(self, x: int, y: int, width: int, height: int) -> bytes:
        """The root window's pixels in the rectangle, as rows of B, G, R, X bytes (4 * width
        per row, no padding). X errors become :class:`Unsupported`."""
        previous = self._x11.XSetErrorHandler(ctypes.cast(_record_error, ctypes.c_void_p))
        del _errors[:]
        try:
            return self._grab(x, y, width, height)
        finally:
            self._x11.XSync(self._dpy, 0)
            self._x11.XSetErrorHandler(previous)

    def _grab(self, x: int, y: int, width: int, height: int) -> bytes:
        data = self._grab_shm(x, y, width, height)
        if data is not None:
            return data
        image = self._x11.XGetImage(
            self._dpy, self._root, x, y, width, height, ALL_PLANES, Z_PIXMAP
        )
        if not image:
            raise Unsupported(f"XGetImage failed (X error {_errors[:1]})")
        try:
            return self._read(image.contents, width, height)
        finally:
            image.contents.destroy_image(image)

    @staticmethod
    def _read(image: _XImage, width: int, height: int) -> bytes:
        if image.bits_per_pixel != 32 or image.byte_order != 0 or image.depth not in (24, 32):
            raise Unsupported(
                f"pixel format {image.depth} bit depth / {image.bits_per_pixel} bpp, byte order "
                f"{image.byte_order} is not 32-bit little-endian TrueColor"
            )
        if (image.red_mask, image.green_mask, image.blue_mask) != (0xFF0000, 0xFF00, 0xFF):
            raise Unsupported("the visual is not RGB888")
        stride = image.bytes_per_line
        raw = ctypes.string_at(image.data, stride * height)
        if stride == width * 4:
            return raw
        return b"".join(raw[r * stride : r * stride + width * 4] for r in range(height))

    def _grab_shm(self, x: int, y: int, width: int, height: int) -> bytes | None:
        """The same through a shared memory segment (no copy through the socket); None when
        the server or this system offers no MIT-SHM (a remote display, a container)."""
        try:
            xext = ctypes.CDLL("libXext.so.6")
            libc = ctypes.CDLL(None, use_errno=True)
        except OSError:
            return None
        if not hasattr(xext, "XShmQueryExtension"):
            return None
        xext.XShmQueryExtension.argtypes = (ctypes.c_void_p,)
        if not xext.XShmQueryExtension(self._dpy):
            return None
        x11 = self._x11
        x11.XDefaultVisual.restype = ctypes.c_void_p
        x11.XDefaultVisual.argtypes = (ctypes.c_void_p, ctypes.c_int)
        x11.XDefaultDepth.argtypes = (ctypes.c_void_p, ctypes.c_int)
        xext.XShmCreateImage.restype = ctypes.POINTER(_XImage)
        xext.XShmCreateImage.argtypes = (
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.POINTER(_ShmSegmentInfo),
            ctypes.c_uint,
            ctypes.c_uint,
        )
        xext.XShmAttach.argtypes = xext.XShmDetach.argtypes = (
            ctypes.c_void_p,
            ctypes.POINTER(_ShmSegmentInfo),
        )
        xext.XShmGetImage.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XImage),
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        )
        libc.shmget.restype = ctypes.c_int
        libc.shmget.argtypes = (ctypes.c_int, ctypes.c_size_t, ctypes.c_int)
        libc.shmat.restype = ctypes.c_void_p
        libc.shmat.argtypes = (ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
        libc.shmdt.argtypes = (ctypes.c_void_p,)
        libc.shmctl.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_void_p)

        screen = x11.XDefaultScreen(self._dpy)
        info = _ShmSegmentInfo()
        image = xext.XShmCreateImage(
            self._dpy,
            x11.XDefaultVisual(self._dpy, screen),
            x11.XDefaultDepth(self._dpy, screen),
            Z_PIXMAP,
            None,
            ctypes.byref(info),
            width,
            height,
        )
        if not image:
            return None
        attached = False
        try:
            size = image.contents.bytes_per_line * height
            info.shmid = libc.shmget(IPC_PRIVATE, size, IPC_CREAT | 0o600)
            if info.shmid < 0:
                return None
            address = libc.shmat(info.shmid, None, 0)
            if address in (None, ctypes.c_void_p(-1).value):
                return None
            info.shmaddr = image.contents.data = address
            info.readOnly = 0
            # Marked for removal at once: the segment goes when both sides detach, even if
            # this process is killed.
            if not xext.XShmAttach(self._dpy, ctypes.byref(info)):
                return None
            x11.XSync(self._dpy, 0)
            if _errors:  # the server cannot reach our memory (another host, a container)
                del _errors[:]
                return None
            attached = True
            libc.shmctl(info.shmid, IPC_RMID, None)
            if not xext.XShmGetImage(self._dpy, self._root, image, x, y, ALL_PLANES):
                return None
            x11.XSync(self._dpy, 0)
            if _errors:
                raise Unsupported(f"XShmGetImage failed (X error {_errors[0]})")
            return self._read(image.contents, width, height)
        finally:
            if attached:
                xext.XShmDetach(self._dpy, ctypes.byref(info))
                x11.XSync(self._dpy, 0)
            if info.shmaddr:
                libc.shmdt(ctypes.c_void_p(info.shmaddr))
                image.contents.data = None
            if info.shmid > 0 and not attached:
                libc.shmctl(info.shmid, IPC_RMID, None)
            image.contents.destroy_image(image)
