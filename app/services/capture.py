"""Screenshots for the CLI (and later the composer): capture, encode, write.

Imports no Qt: the capture backends import QtGui only when mss fails.

On Wayland no client can read the screen: :func:`use_portal` says so, and
:func:`capture_via_portal` asks the desktop (xdg-desktop-portal) for a PNG instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

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

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (the CLI's start-up)
if TYPE_CHECKING:
    from app.capture.windows import WindowInfo

BACKEND_ENV = "TICKETWISE_CAPTURE_BACKEND"  # auto (default), x11, mss, qt or portal: a test
# and support hook; "portal" makes use_portal() true outside Wayland too
PORTAL = "portal"
CAPTURE_BACKENDS: tuple[str, ...] = (*BACKENDS, PORTAL)

__all__ = [
    "CaptureFailed",
    "Monitor",
    "Rect",
    "Screenshot",
    "Target",
    "active_window",
    "capture",
    "capture_via_portal",
    "monitors",
    "parse_region",
    "use_portal",
    "windows",
]


def _backend_setting(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    backend = env.get(BACKEND_ENV, "auto").strip().lower() or "auto"
    if backend not in CAPTURE_BACKENDS:
        raise CaptureUsageError(
            f"{BACKEND_ENV}={backend!r} is not one of {', '.join(CAPTURE_BACKENDS)}"
        )
    return backend


def _backend() -> str:
    backend = _backend_setting()
    if backend == PORTAL:
        raise CaptureUsageError(
            f"{BACKEND_ENV}=portal: the desktop portal takes the screenshot itself (the whole "
            "desktop, or what the user picks in its dialog), not by monitor or region"
        )
    return backend


def use_portal(environ: Mapping[str, str] | None = None) -> bool:
    """Whether screenshots must go through the desktop portal: in a Wayland session
    (``WAYLAND_DISPLAY`` set or ``XDG_SESSION_TYPE=wayland``: mss and Qt see only XWayland's
    windows there, or nothing), or when ``TICKETWISE_CAPTURE_BACKEND=portal``. Forcing
    ``mss`` or ``qt`` turns it off."""
    from app.capture.hotkeys import session_kind  # not at the top: the CLI's start-up

    env = os.environ if environ is None else environ
    backend = _backend_setting(env)
    if backend != "auto":
        return backend == PORTAL
    return session_kind(env) == "wayland"


def capture_via_portal(parent_window: str = "", interactive: bool = False) -> bytes:
    """A screenshot from xdg-desktop-portal, as the PNG file bytes it wrote (load them with
    ``QImage.fromData``). ``parent_window`` is the portal's window identifier of our focused
    window: ``"x11:<hex XID>"`` on X11, ``""`` on Wayland (Qt cannot export the xdg-foreign
    handle the portal would want) and without a window. Raises Cancelled when the user
    cancels the portal's dialog, PortalUnavailable / PortalTimeout / PortalError otherwise
    (see :mod:`app.capture.portal`)."""
    from app.capture.portal import portal_screenshot

    return portal_screenshot(parent_window, interactive=interactive)


def window_region(spec: str) -> Rect:
    """The part of the desktop a window covers (frame included): ``"active"``, or the
    topmost window whose title contains ``spec`` (case-insensitive)."""
    if spec.strip().lower() == "active":
        found = active_window()
        if found is None:
            raise CaptureUsageError("there is no active window (or it cannot be read here)")
    else:
        needle = spec.strip().lower()
        found = next((w for w in windows() if needle and needle in w.title.lower()), None)
        if found is None:
            raise CaptureUsageError(
                f"no window has {spec!r} in its title (--list-windows shows them)"
            )
    desktop = list_monitors(_backend())
    left = min(m.geometry.x for m in desktop)
    top = min(m.geometry.y for m in desktop)
    right = max(m.geometry.right for m in desktop)
    bottom = max(m.geometry.bottom for m in desktop)
    area = found.rect.intersected(Rect(left, top, right - left, bottom - top))
    if area is None:
        raise CaptureUsageError(f"the window {found.title!r} is off the screen")
    return area


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
    from app.capture.windows import list_windows  # ctypes, logging: not on the CLI path

    return list_windows()


def active_window() -> WindowInfo | None:
    """The active window, or ``None`` (none, or it cannot be read)."""
    from app.capture.windows import active_window as facts

    return facts()
