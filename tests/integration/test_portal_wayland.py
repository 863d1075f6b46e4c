"""The portal clients against the real xdg-desktop-portal on a headless sway (Wayland).

Two monitors with known solid colours side by side; the Screenshot portal (wlr backend, which
runs grim) must return a PNG with exactly those pixels. GlobalShortcuts is absent on this
desktop (no wlroots backend implements it), which the hotkey backend must report as
HotkeyUnavailable. See tests/servers/wayland.py for how the stack is put together.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.capture.hotkeys import HotkeyUnavailable, KeySequence
from app.capture.hotkeys.portal import PortalHotkeys
from app.capture.portal import portal_available, portal_screenshot
from tests.servers.wayland import (
    Output,
    WaylandDesktop,
    grim_png,
    missing_parts,
    wait_for,
    wayland_desktop,
)

MISSING = missing_parts()
pytestmark = [
    pytest.mark.wayland,
    pytest.mark.skipif(
        bool(MISSING),
        reason=(
            f"needs a headless Wayland desktop; missing: {', '.join(MISSING)} (apt-get install "
            "sway grim pipewire xdg-desktop-portal xdg-desktop-portal-wlr xdg-desktop-portal-gtk"
            " dbus; .ci/run does)"
        ),
    ),
]

OUTPUTS = [
    Output("HEADLESS-1", 0, 0, 320, 200, "#123456"),
    Output("HEADLESS-2", 320, 0, 160, 200, "#c0ffee"),
]


def rgb(colour: str) -> tuple[int, int, int]:
    value = int(colour.lstrip("#"), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def pixels(png: bytes) -> tuple[int, int, dict[tuple[int, int, int], int], list]:
    """Width, height, a histogram of colours and a column-colour list (row 100) of a PNG."""
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG")
    assert not image.isNull(), "not a PNG Qt can read"
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())[: stride * height]
    histogram: dict[tuple[int, int, int], int] = {}
    for y in range(height):
        row = data[y * stride : y * stride + width * 3]
        for x in range(0, width * 3, 3):
            key = (row[x], row[x + 1], row[x + 2])
            histogram[key] = histogram.get(key, 0) + 1
    row = data[100 * stride : 100 * stride + width * 3]
    columns = [tuple(row[x : x + 3]) for x in range(0, width * 3, 3)]
    return width, height, histogram, columns


def backgrounds_drawn(desktop: WaylandDesktop) -> bool:
    """Both swaybg backgrounds are on screen (swaybg draws a moment after sway starts)."""
    _, _, histogram, _ = pixels(grim_png(desktop))
    return set(histogram) == {rgb(o.colour) for o in OUTPUTS}


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WaylandDesktop]:
    with wayland_desktop(OUTPUTS, tmp_path_factory.mktemp("wayland-logs")) as running:
        wait_for(lambda: backgrounds_drawn(running), 20, "swaybg's backgrounds")
        yield running


def test_portal_screenshot_returns_the_real_screen(desktop: WaylandDesktop):
    assert portal_available(desktop.bus_address), desktop.logs()
    png = portal_screenshot(timeout=60, bus_address=desktop.bus_address)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, histogram, columns = pixels(png)
    assert (width, height) == (480, 200)
    # Every pixel is one of the two backgrounds, each exactly where its monitor is.
    assert histogram == {rgb("#123456"): 320 * 200, rgb("#c0ffee"): 160 * 200}
    assert columns[:320] == [rgb("#123456")] * 320
    assert columns[320:] == [rgb("#c0ffee")] * 160


def test_portal_screenshot_with_an_x11_parent_window(desktop: WaylandDesktop):
    # A parent the portal cannot find is only a hint: the non-interactive shot still comes.
    png = portal_screenshot("x11:1e00007", timeout=60, bus_address=desktop.bus_address)
    assert pixels(png)[:2] == (480, 200)


def test_global_shortcuts_are_unavailable_on_sway(desktop: WaylandDesktop):
    backend = PortalHotkeys(desktop.bus_address, timeout=30)
    try:
        with pytest.raises(HotkeyUnavailable) as caught:
            backend.register(KeySequence.parse("Ctrl+Shift+F12"), lambda: None)
    finally:
        backend.close()
    assert caught.value.params["backend"] == "portal"
    assert caught.value.params["reason"] == "no_interface", desktop.logs()
