"""Grab the screen: the whole virtual desktop, one monitor, or a region, as RGB pixels.

Two backends. ``mss`` is the fast path (a few milliseconds, no Qt imported). When mss raises
(it fails on some X servers, e.g. Xvnc) the Qt one runs: every ``QScreen`` is grabbed on its own
and the images are composited at the screens' origins. ``QScreen.grabWindow(0, virtualGeometry)``
is never used: it returns a shifted, half-black image when the primary screen is not at (0, 0).

Coordinates are the virtual desktop's, in device pixels, as the platform reports them: on Windows
and macOS a monitor left of or above the primary one has a negative origin; on X11 the root
window starts at (0, 0) and the primary monitor may be anywhere in it.

The Qt backend must run on the thread that owns the ``QGuiApplication`` (it creates one when the
process has none: the CLI when mss fails). It imports QtGui only, never QtWidgets.
"""

from __future__ import annotations

import dataclasses
import logging
import struct
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.core.errors import UserFacingError

log = logging.getLogger(__name__)

Backend = Literal["auto", "mss", "qt"]
BACKENDS: tuple[str, ...] = ("auto", "mss", "qt")
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


@dataclass(frozen=True)
class Rect:
    """A rectangle in virtual-desktop device pixels."""

    x: int
    y: int
    width: int
    height: int

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


@dataclass(frozen=True)
class Monitor:
    """One monitor: its number (1-based, left to right then top to bottom), its geometry in
    device pixels, whether it is the primary one, and its device pixel ratio where known."""

    number: int
    geometry: Rect
    primary: bool = False
    name: str = ""
    device_pixel_ratio: float | None = None

    def __str__(self) -> str:
        extra = " primary" if self.primary else ""
        if self.device_pixel_ratio is not None:
            extra += f" scale {self.device_pixel_ratio:g}"
        name = f" {self.name}" if self.name else ""
        return f"{self.number}:{name} {self.geometry}{extra}"


@dataclass(frozen=True)
class Screenshot:
    """Captured pixels: ``rgb`` holds ``height`` rows of ``width`` RGB triples (no padding).
    ``origin`` is the top-left pixel's virtual-desktop position; ``monitors`` are those the
    capture overlaps, in virtual-desktop coordinates; ``backend`` says which one ran."""

    width: int
    height: int
    rgb: bytes
    origin: tuple[int, int]
    monitors: tuple[Monitor, ...]
    backend: str

    @property
    def rect(self) -> Rect:
        return Rect(self.origin[0], self.origin[1], self.width, self.height)

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The RGB value at virtual-desktop position (x, y)."""
        col, row = x - self.origin[0], y - self.origin[1]
        if not (0 <= col < self.width and 0 <= row < self.height):
            raise IndexError(f"({x}, {y}) is outside the capture {self.rect}")
        i = (row * self.width + col) * 3
        return self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]

    def to_png(self, level: int = PNG_LEVEL) -> bytes:
        """This capture as PNG bytes (see :func:`encode_rgb_png`)."""
        return encode_rgb_png(self.rgb, self.width, self.height, level=level)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_rgb_png(rgb: bytes, width: int, height: int, *, level: int = PNG_LEVEL) -> bytes:
    """An 8-bit RGB PNG of ``rgb`` with only the IHDR, IDAT and IEND chunks: no text, time or
    other metadata that could name the user or the machine. Rows use filter 0 (none): at level 1
    that is the fastest encoding with a size close to the adaptive filters' for UI screens."""
    stride = width * 3
    if len(rgb) != stride * height:
        raise ValueError(f"{len(rgb)} bytes is not {width}x{height} RGB")
    if not 0 <= level <= 9:
        raise ValueError(f"zlib level must be 0-9, not {level}")
    view = memoryview(rgb)
    raw = b"".join(b"\x00" + view[row : row + stride] for row in range(0, stride * height, stride))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", deflate(raw, level))
        + _chunk(b"IEND", b"")
    )


PARALLEL_MIN_BYTES = 1 << 20  # below this, a thread costs more than it saves


def deflate(data: bytes, level: int = PNG_LEVEL) -> bytes:
    """``zlib.compress(data, level)``, split across the CPUs for large data (as pigz does: each
    part is a raw deflate stream ended by a sync flush, so the parts concatenate into one valid
    stream; zlib releases the GIL while it compresses). About 2x faster on two cores, a few
    hundred bytes larger."""
    import os

    parts = min(os.cpu_count() or 1, 4, max(1, len(data) // PARALLEL_MIN_BYTES))
    if parts < 2:
        return zlib.compress(data, level)
    import threading

    size = -(-len(data) // parts)
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    out: list[bytes] = [b""] * len(chunks)

    def work(index: int) -> None:
        engine = zlib.compressobj(level, zlib.DEFLATED, -15)  # raw deflate, no header
        last = index == len(chunks) - 1
        out[index] = engine.compress(chunks[index]) + engine.flush(
            zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
        )

    threads = [threading.Thread(target=work, args=(i,)) for i in range(1, len(chunks))]
    for thread in threads:
        thread.start()
    work(0)
    for thread in threads:
        thread.join()
    if not all(out):
        raise RuntimeError("a deflate worker failed")
    # zlib header (deflate, 32 KiB window; FCHECK makes it a multiple of 31) + Adler-32 trailer
    flevel = 0 if level < 2 else 1 if level < 6 else 2 if level == 6 else 3
    cmf_flg = 0x7800 | (flevel << 6)
    cmf_flg += 31 - cmf_flg % 31
    return struct.pack(">H", cmf_flg) + b"".join(out) + struct.pack(">I", zlib.adler32(data))


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
    return [dataclasses.replace(m, number=n) for n, m in enumerate(ordered, 1)]


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
            rgb=bgra_to_rgb(shot.raw),
            origin=(rect.x, rect.y),
            monitors=_overlapping(monitors, rect),
            backend="mss",
        )


# -- Qt (QtGui only) ---------------------------------------------------------------------------

_qt_app: Any = None  # the QGuiApplication this module made, kept alive for later grabs


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
        rgb=bytes(out),
        origin=(rect.x, rect.y),
        monitors=_overlapping(numbered, rect),
        backend="qt",
    )


# -- what to grab ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What to capture: everything (no fields), one monitor (1-based), or a region."""

    monitor: int | None = None
    region: Rect | None = None

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


def grab(target: Target | None = None, backend: str = "auto") -> Screenshot:
    """Capture ``target`` (the whole desktop by default) with mss, or with Qt when mss raises
    (``backend="auto"``); ``"mss"`` or ``"qt"`` forces one. Usage errors are never retried."""
    target = target or Target()
    if sys.platform == "darwin":
        check_macos_permission()
    if backend not in BACKENDS:
        raise CaptureUsageError(f"unknown capture backend {backend!r}: one of {BACKENDS}")
    if backend in ("auto", "mss"):
        try:
            return _mss_grab(target)
        except UserFacingError:
            raise
        except Exception as exc:
            if backend == "mss":
                raise CaptureFailed(f"mss cannot capture the screen: {exc}") from exc
            log.info("mss failed (%s: %s); capturing with Qt", type(exc).__name__, exc)
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
    if backend in ("auto", "mss"):
        try:
            with _mss() as sct:
                return _mss_monitors(sct)
        except Exception as exc:
            if backend == "mss":
                raise CaptureFailed(f"mss cannot list the monitors: {exc}") from exc
            log.info("mss failed (%s); listing monitors with Qt", exc)
    try:
        return _numbered(_qt_monitors(_qt_screens()))
    except Exception as exc:
        raise CaptureFailed(f"the monitors cannot be listed: {exc}") from exc
