"""When screenshots go through the desktop portal (Wayland) instead of mss/Qt."""

from __future__ import annotations

import pytest

from app.capture.grab import CaptureUsageError
from app.services import capture


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, True),  # XWayland beside it
        ({"XDG_SESSION_TYPE": "wayland"}, True),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, False),
        ({"TICKETWISE_CAPTURE_BACKEND": "portal", "DISPLAY": ":0"}, True),
        ({"TICKETWISE_CAPTURE_BACKEND": "Portal"}, True),
        ({"TICKETWISE_CAPTURE_BACKEND": "mss", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"TICKETWISE_CAPTURE_BACKEND": "qt", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"TICKETWISE_CAPTURE_BACKEND": "auto", "WAYLAND_DISPLAY": "wayland-0"}, True),
    ],
)
def test_use_portal(environ: dict[str, str], expected: bool):
    assert capture.use_portal(environ) is expected


def test_unknown_backend_is_a_usage_error():
    with pytest.raises(CaptureUsageError, match="portal"):
        capture.use_portal({"TICKETWISE_CAPTURE_BACKEND": "gstreamer"})


def test_portal_backend_cannot_grab_a_monitor_or_region(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(capture.BACKEND_ENV, "portal")
    with pytest.raises(CaptureUsageError, match="portal"):
        capture.capture(capture.Target(monitor=1))
    with pytest.raises(CaptureUsageError, match="portal"):
        capture.monitors()
