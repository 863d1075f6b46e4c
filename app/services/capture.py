"""Screenshots for the CLI (and later the composer): capture, encode, write.

Imports no Qt: the capture backends import QtGui only when mss fails.
"""

from __future__ import annotations

import os

from app.capture.grab import (
    BACKENDS,
    CaptureFailed,
    CaptureUsageError,
    Monitor,
    Rect,
    Screenshot,
    Target,
    grab,
    list_monitors,
)
from app.capture.windows import WindowInfo, list_windows
from app.capture.windows import active_window as _active_window

BACKEND_ENV = "TICKETWISE_CAPTURE_BACKEND"  # auto (default), x11, mss or qt: test/support hook

__all__ = [
    "CaptureFailed",
    "Monitor",
    "Rect",
    "Screenshot",
    "Target",
    "WindowInfo",
    "active_window",
    "capture",
    "monitors",
    "parse_region",
    "windows",
]


def _backend() -> str:
    backend = os.environ.get(BACKEND_ENV, "auto").strip().lower() or "auto"
    if backend not in BACKENDS:
        raise CaptureUsageError(f"{BACKEND_ENV}={backend!r} is not one of {', '.join(BACKENDS)}")
    return backend


def parse_region(text: str) -> Rect:
    """``X,Y,W,H`` (virtual-desktop pixels; X and Y may be negative) as a Rect."""
    parts = [p.strip() for p in text.split(",")]
    try:
        x, y, width, height = (int(p) for p in parts)
    except ValueError:
        raise CaptureUsageError(
            f"the region {text!r} is not X,Y,W,H (four whole numbers, e.g. 0,0,800,600)"
        ) from None
    if width <= 0 or height <= 0:
        raise CaptureUsageError(f"the region {text!r} is empty: W and H must be positive")
    return Rect(x, y, width, height)


def capture(target: Target, out: str | None = None) -> tuple[Screenshot, bytes]:
    """Capture ``target`` and encode it as PNG (no metadata); write it to ``out`` when given,
    through a temporary name so a failure leaves no half file."""
    shot = grab(target, _backend())
    png = shot.to_png()
    if out is not None:
        folder, name = os.path.split(out)
        tmp = os.path.join(folder, f".{name}.part")
        try:
            with open(tmp, "wb") as file:
                file.write(png)
            os.replace(tmp, out)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return shot, png


def grab_desktop(*, allow_qt: bool) -> Screenshot:
    """The whole desktop for the capture overlay. ``allow_qt=False`` in a worker thread: the Qt
    fallback must run on the GUI thread, so the caller retries there when this raises."""
    backend = _backend()
    if not allow_qt and backend == "qt":
        raise CaptureFailed("the Qt backend runs on the GUI thread only")
    return grab(Target(), backend, qt_fallback=allow_qt)


def monitors() -> list[Monitor]:
    """The monitors, numbered as ``--monitor N`` takes them."""
    return list_monitors(_backend())


def windows() -> list[WindowInfo]:
    """The visible top-level windows, topmost first (``[]`` where they cannot be read)."""
    return list_windows()


def active_window() -> WindowInfo | None:
    """The active window, or ``None`` (none, or it cannot be read)."""
    return _active_window()
