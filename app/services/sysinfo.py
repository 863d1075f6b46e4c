"""System information for a ticket, as the CLI and the composer collect it.

The facts themselves come from :mod:`app.sysinfo.facts`; this layer knows what that package
may not: the profile's help desk, the app's data folder, the screens (from the capture layer
when the caller has no QScreens of its own) and the Qt version.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from app.config.profiles import Profile
from app.core.errors import UserFacingError
from app.core.sysinfo import SystemInfo
from app.services.context import AppContext
from app.sysinfo.facts import DEFAULT_TIMEOUT, Screen, collect

__all__ = ["SystemInfo", "collect_for", "help_desk_address", "screens_from_capture"]


def help_desk_address(profile: Profile) -> str:
    """Where the profile's tickets go: the web API's address, or the mail server's host:port."""
    if profile.kind == "smtp":
        return f"{profile.host.strip()}:{profile.port}" if profile.host.strip() else ""
    return profile.url.strip()


def screens_from_capture() -> list[Screen]:
    """The monitors as the capture layer lists them (the CLI's way; the GUI passes its
    QScreens instead: the capture layer's Qt fallback must not run in a worker thread)."""
    from app.services.capture import monitors

    return [(m.geometry.width, m.geometry.height, m.device_pixel_ratio) for m in monitors()]


def _no_display() -> bool:
    """Linux without an X or Wayland display: asking the capture layer would load Qt just to
    be told so."""
    return sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _qt_version() -> str:
    try:
        from PySide6 import __version__ as version
    except Exception:
        return ""
    return str(version)


def collect_for(
    ctx: AppContext,
    profile_name: str | None = None,
    screens: Sequence[Screen] | None = None,
    *,
    list_screens: bool = True,
    timeout: float = DEFAULT_TIMEOUT,
) -> SystemInfo:
    """The system facts for a ticket to ``profile_name`` (the default profile when None or
    empty). Never raises: what cannot be known is in the result's ``errors``.

    ``screens`` as the caller knows them; when None and ``list_screens``, the capture layer is
    asked (only from the GUI thread, or where no Qt application runs: the CLI). The connection
    test takes up to ``timeout`` seconds: the GUI calls this in its task runner, with its
    QScreens as ``screens``."""
    address: str | None = None
    profile_error = ""
    try:
        address = help_desk_address(ctx.resolve_profile(profile_name or "")) or None
    except UserFacingError as exc:
        profile_error = str(exc)
    screens_error = ""
    if screens is None and list_screens and _no_display():
        screens_error = "there is no display here (DISPLAY is not set)"
    elif screens is None and list_screens:
        try:
            screens = screens_from_capture()
        except Exception as exc:  # no display, or none that can be read: a missing line only
            screens_error = str(exc) or type(exc).__name__
    info = collect(
        profile_url=address,
        screens=screens,
        data_dir=ctx.paths.data_dir,
        qt_version=_qt_version(),
        timeout=timeout,
    )
    # Say why, where this layer knows better than "not known here".
    replaced = {"reachability": profile_error, "screens": screens_error}
    info.errors = [(key, replaced.get(key) or message) for key, message in info.errors]
    return info
