"""Grab the screen: the whole virtual desktop, one monitor, or a region, as RGB pixels.

Three backends, tried in this order. On an X11 session, libX11 directly
(:mod:`app.capture.x11grab`: no import cost, shared memory when the server offers it). ``mss``
everywhere else (Windows, macOS) and when that raises. When mss raises too (it fails on some X
servers, e.g. Xvnc) the Qt one runs: every ``QScreen`` is grabbed on its own
and the images are composited at the screens' origins. ``QScreen.grabWindow(0, virtualGeometry)``
is never used: it returns a shifted, half-black image when the primary screen is not at (0, 0).

Coordinates are the virtual desktop's, in device pixels, as the platform reports them: on Windows
and macOS a monitor left of or above the primary one has a negative origin; on X11 the root
window starts at (0, 0) and the primary monitor may be anywhere in it.

The Qt backend must run on the thread that owns the ``QGuiApplication`` (it creates one when the
process has none: the CLI when mss fails). It imports QtGui only, never QtWidgets.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Sequence

from app.core.errors import UserFacingError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

BACKENDS: tuple[str, ...] = ("auto", "x11", "mss", "qt")
PNG_LEVEL = 1  # zlib level 1: ~3x faster than the default 6 for a few percent more bytes


class CaptureUsageError(UserFacingError):
    """What was asked cannot be captured: an unknown monitor, a region off the desktop."""

    kind = "capture_usage"
    exit_code = 2


class CaptureFailed(UserFacingError):
    """The screen cannot be read here (no display, or every backend failed)."""

    kind = "capture_failed"
    exit_code = 1


class CapturePermission(UserFacingError):
    """macOS has not granted this program the Screen Recording permission (without it, macOS
    returns only the desktop wallpaper and menu bar, not an error)."""

    kind = "capture_permission"
    exit_code = 3


def _log_info(message: str, *args: object) -> None:
    # logging is imported when there is something to say: the CLI's start-up is measured.
    import logging

    logging.getLogger(__name__).info(message, *args)


def check_macos_permission(quartz: Any = None) -> None:
    """On macOS 10.15+, raise :class:`CapturePermission` when Screen Recording is not granted,
    after asking macOS to show its permission prompt (once per program; the answer takes effect
    after a restart). ``quartz`` is the CoreGraphics library (a test seam)."""
    if quartz is None:
        import ctypes
        import ctypes.util

        path = ctypes.util.find_library("CoreGraphics")
        if path is None:
            return
        quartz = ctypes.CDLL(path)
    preflight = getattr(quartz, "CGPreflightScreenCaptureAccess", None)
    if preflight is None:  # before 10.15 there is no such permission
        return
    preflight.restype = quartz.CGRequestScreenCaptureAccess.restype = _c_bool()
    if preflight():
        return
    quartz.CGRequestScreenCaptureAccess()
    raise CapturePermission("macOS has not allowed Ticketwise to record the screen")


def _c_bool() -> Any:
    import ctypes

    return ctypes.c_bool


class _Value:
    """An immutable value: equal, hashed and shown by its fields (the names in ``__slots__``).

    Written out rather than ``@dataclass(frozen=True)``: ``dataclasses`` imports ``inspect``,
    about 7 ms of the CLI's start-up, which the issue measures against scrot.
    """

    __slots__: tuple[str, ...] = ()

    def _init(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._fields()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")


class Rect(_Value):
    """A rectangle in virtual-desktop device pixels."""

    __slots__ = ("x", "y", "width", "height")  # noqa: RUF023 - the fields' order, shown by repr
    x: int
    y: int
    width: int
    height: int

    def __init__(self, x: int, y: int, width: int, height: int) -> None:
        self._init(x=x, y=y, width=width, height=height)

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )

    def intersected(self, other: Rect) -> Rect | None:
        x, y = max(self.x, other.x), max(self.y, other.y)
        right, bottom = min(self.right, other.right), min(self.bottom, other.bottom)
        if right <= x or bottom <= y:
            return None
        return Rect(x, y, right - x, bottom - y)

    def __str__(self) -> str:
        return f"{self.width}x{self.height} at {self.x},{self.y}"


def bounding(rects: Sequence[Rect]) -> Rect:
    """The smallest rectangle holding all of ``rects`` (which must not be empty)."""
    x, y = min(r.x for r in rects), min(r.y for r in rects)
    right, bottom = max(r.right for r in rects), max(r.bottom for r in rects)
    return Rect(x, y, right - x, bottom - y)


class Monitor(_Value):
    """One monitor: its number (1-based, left to right then top to bottom), its geometry in
    device pixels, whether it is the primary one, and its device pixel ratio where known."""

    __slots__ = ("number", "geometry", "primary", "name", "device_pixel_ratio")  # noqa: RUF023
    number: int
    geometry: Rect
    primary: bool
    name: str
    device_pixel_ratio: float | None

    def __init__(
        self,
        number: int,
        geometry: Rect,
        primary: bool = False,
        name: str = "",
        device_pixel_ratio: float | None = None,
    ) -> None:
        self._init(
            number=number,
            geometry=geometry,
            primary=primary,
            name=name,
            device_pixel_ratio=device_pixel_ratio,
        )

    def renumbered(self, number: int) -> Monitor:
        """This monitor with another number."""
        return Monitor(number, self.geometry, self.primary, self.name, self.device_pixel_ratio)

    def __str__(self) -> str:
        extra = " primary" if self.primary else ""
        if self.device_pixel_ratio is not None:
            extra += f" scale {self.device_pixel_ratio:g}"
        name = f" {self.name}" if self.name else ""
        return f"{self.number}:{name} {self.geometry}{extra}"


class Screenshot:
    """Captured pixels: ``pixels`` holds ``height`` rows of ``width`` pixels (no padding), laid
    out as ``layout`` says: ``"bgrx"`` (4 bytes B, G, R, unused: what X11 and mss deliver, and
    what ``QImage.Format_RGB32`` reads without a copy) or ``"rgb"`` (3 bytes R, G, B).
    ``origin`` is the top-left pixel's virtual-desktop position; ``monitors`` are those the
    capture overlaps, in virtual-desktop coordinates; ``backend`` says which one ran."""

    def __init__(  # noqa: PLR0917 - positional, like the dataclass it was
        self,
        width: int,
        height: int,
        pixels: bytes,
        origin: tuple[int, int],
        monitors: tuple[Monitor, ...],
        backend: str,
        layout: str = "rgb",
    ) -> None:
        self.width, self.height, self.pixels = width, height, pixels
        self.origin, self.monitors, self.backend, self.layout = origin, monitors, backend, layout
        self._rgb: bytes | None = None
        size = {"rgb": 3, "bgrx": 4}.get(self.layout)
        if size is None:
            raise ValueError(f"unknown pixel layout {self.layout!r}")
        if len(self.pixels) != self.width * self.height * size:
            shape = f"{self.width}x{self.height} {self.layout}"
            raise ValueError(f"{len(self.pixels)} bytes is not {shape}")

    @property
    def rect(self) -> Rect:
        return Rect(self.origin[0], self.origin[1], self.width, self.height)

    @property
    def rgb(self) -> bytes:
        """The pixels as R, G, B bytes (converted once, when first asked for)."""
        if self._rgb is None:
            self._rgb = self.pixels if self.layout == "rgb" else bgra_to_rgb(self.pixels)
        return self._rgb

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The RGB value at virtual-desktop position (x, y)."""
        col, row = x - self.origin[0], y - self.origin[1]
        if not (0 <= col < self.width and 0 <= row < self.height):
            raise IndexError(f"({x}, {y}) is outside the capture {self.rect}")
        i = (row * self.width + col) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]

    def to_png(self, level: int = PNG_LEVEL) -> bytes:
        """This capture as PNG bytes (see :func:`encode_rgb_png`)."""
        if self.layout == "bgrx" and self._rgb is None:
            return encode_bgrx_png(self.pixels, self.width, self.height, level=level)
        return encode_rgb_png(self.rgb, self.width, self.height, level=level)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_file(width: int, height: int, idat: bytes, color_type: int = 2) -> bytes:
    """An 8-bit PNG (colour type 2 RGB, or 6 RGBA) with only the IHDR, IDAT and IEND chunks:
    no text, time or other metadata that could name the user or the machine. ``idat`` is the
    zlib stream of the filtered rows. The one PNG writer of the app (:mod:`app.capture.png`
    uses it for annotated images)."""
    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def _check_level(level: int) -> None:
    if not 0 <= level <= 9:
        raise ValueError(f"zlib level must be 0-9, not {level}")


def encode_rgb_png(rgb: bytes, width: int, height: int, *, level: int = PNG_LEVEL) -> bytes:
    """A PNG of ``rgb`` (see :func:`png_file`). Rows use filter 0 (none): at level 1 that is the
    fastest encoding with a size close to the adaptive filters' for UI screens."""
    stride = width * 3
    if len(rgb) != stride * height:
        raise ValueError(f"{len(rgb)} bytes is not {width}x{height} RGB")
    _check_level(level)
    view = memoryview(rgb)
    raw = b"".join(b"\x00" + view[row : row + stride] for row in range(0, stride * height, stride))
    return png_file(width, height, deflate(raw, level))


PART_BYTES = 1 << 20
"""Rows are converted and compressed in parts of about this many input bytes."""


def encode_bgrx_png(bgrx: bytes, width: int, height: int, *, level: int = PNG_LEVEL) -> bytes:
    """The PNG :func:`encode_rgb_png` makes of the same pixels, straight from B, G, R, X bytes
    and in a pipeline: while this thread turns one part of the rows into RGB (slice copies,
    which hold the GIL), the parts before it are compressed on other threads (zlib releases the
    GIL). On two cores the conversion costs almost nothing on top of the compression."""
    stride_in, stride_out = width * 4, width * 3
    if len(bgrx) != stride_in * height:
        raise ValueError(f"{len(bgrx)} bytes is not {width}x{height} BGRX")
    _check_level(level)
    import threading

    rows = max(1, PART_BYTES // max(1, stride_in))
    starts = list(range(0, height, rows))
    out: list[bytes] = [b""] * len(starts)
    threads: list[threading.Thread] = []
    adler = 1
    for index, first in enumerate(starts):
        last_row = min(height, first + rows)
        begin, end = first * stride_in, last_row * stride_in
        rgb = bytearray((last_row - first) * stride_out)
        rgb[0::3] = bgrx[begin + 2 : end : 4]
        rgb[1::3] = bgrx[begin + 1 : end : 4]
        rgb[2::3] = bgrx[begin:end:4]
        view = memoryview(rgb)
        raw = b"".join(b"\x00" + view[i : i + stride_out] for i in range(0, len(rgb), stride_out))
        adler = zlib.adler32(raw, adler)
        thread = threading.Thread(
            target=_compress_part, args=(out, index, raw, level, index == len(starts) - 1)
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    if not all(out):
        raise RuntimeError("a deflate worker failed")
    return png_file(width, height, _zlib_stream(out, adler, level))


def _compress_part(out: list[bytes], index: int, data: bytes, level: int, last: bool) -> None:
    """One part of a zlib stream: raw deflate ended by a sync flush (or the final block), so
    parts compressed on their own concatenate into one valid stream, as pigz does."""
    engine = zlib.compressobj(level, zlib.DEFLATED, -15)
    out[index] = engine.compress(data) + engine.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _zlib_stream(parts: list[bytes], adler: int, level: int) -> bytes:
    """Raw deflate parts as a zlib stream: the header (deflate, 32 KiB window, the level's
    FLEVEL; FCHECK makes it a multiple of 31) and the Adler-32 trailer."""
    flevel = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    cmf_flg = 0x7800 | (flevel << 6)
    cmf_flg += (31 - cmf_flg % 31) % 31
    return struct.pack(">H", cmf_flg) + b"".join(parts) + struct.pack(">I", adler)


PARALLEL_MIN_BYTES = 1 << 20  # below this, a thread costs more than it saves


def deflate(data: bytes, level: int = PNG_LEVEL) -> bytes:
    """``zlib.compress(data, level)``, split across the CPUs for large data (each part
    compressed on its own thread by :func:`_compress_part`). About 2x faster on two cores, a
    few hundred bytes larger."""
    import os

    parts = min(os.cpu_count() or 1, 4, max(1, len(data) // PARALLEL_MIN_BYTES))
    if parts < 2:
        return zlib.compress(data, level)
    import threading

    size = -(-len(data) // parts)
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    out: list[bytes] = [b""] * len(chunks)
    threads = [
        threading.Thread(
            target=_compress_part, args=(out, i, chunks[i], level, i == len(chunks) - 1)
        )
        for i in range(1, len(chunks))
    ]
    for thread in threads:
        thread.start()
    _compress_part(out, 0, chunks[0], level, len(chunks) == 1)
    for thread in threads:
        thread.join()
    if not all(out):
        raise RuntimeError("a deflate worker failed")
    return _zlib_stream(out, zlib.adler32(data), level)


def bgra_to_rgb(bgra: bytes) -> bytes:
    """BGRA (or BGRX) pixels as RGB: strided slice copies, no per-pixel Python loop."""
    rgb = bytearray(len(bgra) // 4 * 3)
    rgb[0::3] = bgra[2::4]
    rgb[1::3] = bgra[1::4]
    rgb[2::3] = bgra[0::4]
    return bytes(rgb)


# -- mss ---------------------------------------------------------------------------------------


def _mss() -> Any:
    import mss

    # mss 10 deprecates the mss.mss() factory for the MSS class; 9.x has only the factory.
    factory = getattr(mss, "MSS", None) or mss.mss
    return factory()


def _numbered(monitors: list[Monitor]) -> list[Monitor]:
    """Monitors numbered from 1, left to right then top to bottom: the same numbers whichever
    backend listed them (mss and Qt list them in different orders)."""
    ordered = sorted(monitors, key=lambda m: (m.geometry.x, m.geometry.y))
    return [m.renumbered(n) for n, m in enumerate(ordered, 1)]


def _mss_monitors(sct: Any) -> list[Monitor]:
    return _numbered(
        [
            Monitor(
                number=0,
                geometry=Rect(m["left"], m["top"], m["width"], m["height"]),
                primary=bool(m.get("is_primary", False)),
                name=str(m.get("name") or m.get("output") or ""),
            )
            for m in sct.monitors[1:]
        ]
    )


def _mss_grab(target: Target) -> Screenshot:
    with _mss() as sct:
        monitors = _mss_monitors(sct)
        rect = target.resolve(monitors)
        shot = sct.grab({"left": rect.x, "top": rect.y, "width": rect.width, "height": rect.height})
        if (shot.width, shot.height) != (rect.width, rect.height):
            raise RuntimeError(f"mss returned {shot.width}x{shot.height} for {rect}")
        return Screenshot(
            width=rect.width,
            height=rect.height,
            pixels=bytes(shot.raw),
            layout="bgrx",
            origin=(rect.x, rect.y),
            monitors=_overlapping(monitors, rect),
            backend="mss",
        )


# -- Qt (QtGui only) ---------------------------------------------------------------------------

_qt_app: Any = None  # the QGuiApplication this module made, kept alive for later grabs


# -- X11 directly (app.capture.x11grab) ---------------------------------------------------------


def _x11_session() -> bool:
    """An X11 session whose root window holds every window (not XWayland, where it holds only
    the X clients: the portal is the way there)."""
    import os

    return (
        sys.platform.startswith("linux")
        and bool(os.environ.get("DISPLAY"))
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _x11_monitors(display: Any) -> list[Monitor]:
    monitors = [
        Monitor(0, Rect(m.x, m.y, m.width, m.height), m.primary, m.name) for m in display.monitors()
    ]
    if not monitors:  # no RandR: the root window is the one monitor
        width, height = display.size()
        monitors = [Monitor(0, Rect(0, 0, width, height), True, "screen")]
    return _numbered(monitors)


def _x11_grab(target: Target) -> Screenshot:
    from app.capture import x11grab

    with x11grab.Display() as display:
        monitors = _x11_monitors(display)
        rect = target.resolve(monitors)
        bgrx = display.grab_bgrx(rect.x, rect.y, rect.width, rect.height)
    return Screenshot(
        width=rect.width,
        height=rect.height,
        pixels=bgrx,
        layout="bgrx",
        origin=(rect.x, rect.y),
        monitors=_overlapping(monitors, rect),
        backend="x11",
    )


def _no_display() -> bool:
    """True on X11/Wayland systems with no display to connect to: Qt would abort the process
    there (a fatal "could not connect to display"), so the CLI reports it instead."""
    import os

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _qt_screens() -> list[Any]:
    global _qt_app  # noqa: PLW0603 - one application per process, made on first need
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if _no_display():
            raise CaptureFailed("there is no display to capture (DISPLAY is not set)")
        _qt_app = app = QGuiApplication(["ticketwise-capture"])
    return list(QGuiApplication.screens())


def _qt_monitors(screens: list[Any]) -> list[Monitor]:
    from PySide6.QtGui import QGuiApplication

    primary = QGuiApplication.primaryScreen()
    monitors = []
    for screen in screens:
        # Qt keeps a screen's top-left in native pixels and scales only its size.
        geo = screen.geometry()
        ratio = float(screen.devicePixelRatio())
        monitors.append(
            Monitor(
                number=0,
                geometry=Rect(
                    geo.x(), geo.y(), round(geo.width() * ratio), round(geo.height() * ratio)
                ),
                primary=screen is primary or screen == primary,
                name=str(screen.name()),
                device_pixel_ratio=ratio,
            )
        )
    return monitors  # in the order of ``screens``: numbered by the callers


def _qt_grab(target: Target) -> Screenshot:
    from PySide6.QtGui import QImage

    screens = _qt_screens()
    if not screens:
        raise CaptureFailed("no screen to capture (Qt lists none)")
    monitors = _qt_monitors(screens)
    numbered = _numbered(monitors)
    rect = target.resolve(numbered)
    out = bytearray(rect.width * rect.height * 3)  # black where no monitor covers the rect
    for screen, monitor in zip(screens, monitors, strict=True):
        part = monitor.geometry.intersected(rect)
        if part is None:
            continue
        image = screen.grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB888)
        if image.isNull():
            raise CaptureFailed(f"Qt returned no image for screen {monitor}")
        geo = monitor.geometry
        width = min(part.width, image.width() - (part.x - geo.x))
        stride = image.bytesPerLine()
        data = bytes(image.constBits())
        for row in range(part.height):
            src_y = part.y - geo.y + row
            if src_y >= image.height():
                break
            src = src_y * stride + (part.x - geo.x) * 3
            dst = ((part.y - rect.y + row) * rect.width + (part.x - rect.x)) * 3
            out[dst : dst + width * 3] = data[src : src + width * 3]
    return Screenshot(
        width=rect.width,
        height=rect.height,
        pixels=bytes(out),
        origin=(rect.x, rect.y),
        monitors=_overlapping(numbered, rect),
        backend="qt",
    )


# -- what to grab ------------------------------------------------------------------------------


class Target(_Value):
    """What to capture: everything (no fields), one monitor (1-based), or a region."""

    __slots__ = ("monitor", "region")
    monitor: int | None
    region: Rect | None

    def __init__(self, monitor: int | None = None, region: Rect | None = None) -> None:
        self._init(monitor=monitor, region=region)

    def resolve(self, monitors: list[Monitor]) -> Rect:
        """The rectangle to grab on this desktop; CaptureUsageError when there is none."""
        if not monitors:
            raise CaptureFailed("no monitor to capture")
        desktop = bounding([m.geometry for m in monitors])
        if self.monitor is not None:
            if not 1 <= self.monitor <= len(monitors):
                listing = "; ".join(str(m) for m in monitors)
                raise CaptureUsageError(
                    f"there is no monitor {self.monitor}: the monitors are {listing}",
                    monitor=self.monitor,
                )
            return monitors[self.monitor - 1].geometry
        if self.region is not None:
            region = self.region
            if region.width <= 0 or region.height <= 0:
                raise CaptureUsageError(
                    f"the region {region} is empty: width and height must be positive"
                )
            if not desktop.contains(region):
                raise CaptureUsageError(
                    f"the region {region} is not inside the desktop ({desktop})",
                    region=str(region),
                )
            return region
        return desktop


def _overlapping(monitors: list[Monitor], rect: Rect) -> tuple[Monitor, ...]:
    return tuple(m for m in monitors if m.geometry.intersected(rect) is not None)


def grab(
    target: Target | None = None, backend: str = "auto", *, qt_fallback: bool = True
) -> Screenshot:
    """Capture ``target`` (the whole desktop by default): ``"auto"`` tries libX11 directly on
    X11, then mss, then Qt (unless ``qt_fallback`` is False: a worker thread, where Qt must not
    run); ``"x11"``, ``"mss"`` or ``"qt"`` forces one. Usage errors are never retried."""
    target = target or Target()
    if sys.platform == "darwin":
        check_macos_permission()
    if backend not in BACKENDS:
        raise CaptureUsageError(f"unknown capture backend {backend!r}: one of {BACKENDS}")
    if backend == "x11" or (backend == "auto" and _x11_session()):
        try:
            return _x11_grab(target)
        except UserFacingError:
            raise
        except Exception as exc:
            if backend == "x11":
                raise CaptureFailed(f"the X server cannot be read directly: {exc}") from exc
            _log_info("direct X11 grab failed (%s: %s); trying mss", type(exc).__name__, exc)
    if backend in ("auto", "mss"):
        try:
            return _mss_grab(target)
        except UserFacingError:
            raise
        except Exception as exc:
            if backend == "mss" or not qt_fallback:
                raise CaptureFailed(f"mss cannot capture the screen: {exc}") from exc
            _log_info("mss failed (%s: %s); capturing with Qt", type(exc).__name__, exc)
    try:
        return _qt_grab(target)
    except UserFacingError:
        raise
    except Exception as exc:
        raise CaptureFailed(f"the screen cannot be captured: {exc}") from exc


def grab_all(backend: str = "auto") -> Screenshot:
    """The whole virtual desktop (the bounding box of every monitor; black where none is)."""
    return grab(Target(), backend)


def grab_monitor(number: int, backend: str = "auto") -> Screenshot:
    """Monitor ``number`` (1-based, as :func:`list_monitors` numbers them)."""
    return grab(Target(monitor=number), backend)


def grab_region(x: int, y: int, width: int, height: int, backend: str = "auto") -> Screenshot:
    """A rectangle of the virtual desktop; it must lie inside the desktop's bounding box."""
    return grab(Target(region=Rect(x, y, width, height)), backend)


def list_monitors(backend: str = "auto") -> list[Monitor]:
    """The monitors with their geometry, numbered from 1 as ``--monitor N`` takes them."""
    if backend == "x11" or (backend == "auto" and _x11_session()):
        from app.capture import x11grab

        try:
            with x11grab.Display() as display:
                return _x11_monitors(display)
        except Exception as exc:
            if backend == "x11":
                raise CaptureFailed(f"the X server cannot be read directly: {exc}") from exc
            _log_info("direct X11 failed (%s); listing monitors with mss", exc)
    if backend in ("auto", "mss"):
        try:
            with _mss() as sct:
                return _mss_monitors(sct)
        except Exception as exc:
            if backend == "mss":
                raise CaptureFailed(f"mss cannot list the monitors: {exc}") from exc
            _log_info("mss failed (%s); listing monitors with Qt", exc)
    try:
        return _numbered(_qt_monitors(_qt_screens()))
    except Exception as exc:
        raise CaptureFailed(f"the monitors cannot be listed: {exc}") from exc
