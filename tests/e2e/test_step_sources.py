"""The steps recorder's pixel sources on a real X server: mss (the source on Windows and macOS)
returns the same pixels and monitors as the libX11 one (the X11 default) for the same rects."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.capture.grab import Rect
from app.capture.steps import StepCollector, _MssSource, _X11Source
from app.capture.windows import WindowInfo
from tests.e2e.capture_pattern import expected_rgb
from tests.e2e.conftest import Display
from tests.e2e.test_capture import XVFB_SIZE, Pattern, decode_png, x_env

pytestmark = pytest.mark.xvfb

RECTS = [
    Rect(0, 0, *XVFB_SIZE),  # the whole screen
    Rect(333, 217, 151, 91),  # not aligned to the pattern's cells, odd sizes
    Rect(1279, 799, 1, 1),  # the last pixel
    Rect(40, 0, 1, 800),  # one column
]


def rgb(bgrx: bytes) -> bytes:
    """B, G, R, X rows as R, G, B (X, mss's alpha, is not compared: no encoder reads it)."""
    out = bytearray(len(bgrx) // 4 * 3)
    out[0::3], out[1::3], out[2::3] = bgrx[2::4], bgrx[1::4], bgrx[0::4]
    return bytes(out)


@pytest.fixture(scope="module")
def pattern_display(xvfb: Display) -> Iterator[str]:
    pattern = Pattern(x_env(xvfb.name), 0, 0, *XVFB_SIZE)
    yield xvfb.name
    pattern.close()


@pytest.fixture
def sources(pattern_display: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple]:
    monkeypatch.setenv("DISPLAY", pattern_display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    mss_source, x11_source = _MssSource(), _X11Source()
    yield mss_source, x11_source
    mss_source.close()
    x11_source.close()


def test_mss_and_x11_sources_agree_on_monitors_and_pixels(sources: tuple) -> None:
    mss_source, x11_source = sources
    assert mss_source.monitors() == x11_source.monitors() == [Rect(0, 0, *XVFB_SIZE)]
    for rect in RECTS:
        got = mss_source.grab(rect)
        assert len(got) == rect.width * rect.height * 4, rect
        assert rgb(got) == rgb(x11_source.grab(rect)), rect
        assert rgb(got) == expected_rgb(rect.x, rect.y, rect.width, rect.height), rect
    mss_source.close()
    mss_source.close()  # idempotent; the next grab opens mss again
    assert rgb(mss_source.grab(RECTS[1])) == expected_rgb(333, 217, 151, 91)


def test_a_collector_on_mss_stores_the_clicked_window(
    pattern_display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole path on Windows minus the hooks: a click grabs through mss, is marked,
    encoded and stored."""
    monkeypatch.setenv("DISPLAY", pattern_display)
    source = _MssSource()
    stored: list[bytes] = []
    collector = StepCollector(
        lambda png: stored.append(png) or f"{len(stored):064x}",
        grab=source.grab,
        monitors=source.monitors,
        marker_radius=6,
    )
    window = WindowInfo(0x10, "Pattern", Rect(400, 300, 200, 120), "pattern.exe")
    try:
        collector.on_click(500, 360, "left", window)
        assert collector.wait_idle(10)
    finally:
        collector.close()
        source.close()
    (step,) = collector.steps()
    assert (step.window_title, step.app, step.x, step.y) == ("Pattern", "pattern.exe", 500, 360)
    width, height, pixels, _ = decode_png(stored[0])
    assert (width, height) == (200, 120)
    want = expected_rgb(400, 300, 200, 120)
    assert pixels[:30] == want[:30]  # far from the marker: the screen as it was
    at = (60 * 200 + 100 + 6) * 3  # on the ring, right of the click
    assert pixels[at : at + 3] == b"\xff\x00\x00"
