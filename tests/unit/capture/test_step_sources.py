"""Which pixel source the step collector uses, and mss's Retina answer brought back to points
(the real mss is compared with libX11 on Xvfb in tests/e2e/test_step_sources.py)."""

from __future__ import annotations

from typing import Any

import pytest

from app.capture.grab import Rect
from app.capture.steps import _default_source, _MssSource, _X11Source


@pytest.mark.parametrize(
    ("environ", "platform", "source"),
    [
        ({"DISPLAY": ":0"}, "linux", _X11Source),
        ({}, "win32", _MssSource),
        ({}, "darwin", _MssSource),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", _X11Source),  # as before
    ],
)
def test_the_default_source_follows_the_session(
    environ: dict[str, str], platform: str, source: type
) -> None:
    assert type(_default_source(environ, platform)) is source


class FakeShot:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        # Pixel (x, y) is B=x, G=y, R=1, A=255: every pixel says where it came from.
        self.raw = bytearray(
            b"".join(bytes((x, y, 1, 255)) for y in range(height) for x in range(width))
        )


class FakeMss:
    """mss on a display of ``scale`` device pixels per point (2 on a Retina Mac)."""

    def __init__(self, scale: int) -> None:
        self.scale = scale
        self.monitors = [
            {"left": -100, "top": 0, "width": 300, "height": 100},  # all of them
            {"left": 0, "top": 0, "width": 200, "height": 100},
            {"left": -100, "top": 20, "width": 100, "height": 60},
        ]
        self.closed = 0

    def grab(self, area: dict[str, int]) -> FakeShot:
        return FakeShot(area["width"] * self.scale, area["height"] * self.scale)

    def close(self) -> None:
        self.closed += 1


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_mss_rows_come_back_one_pixel_per_point(
    monkeypatch: pytest.MonkeyPatch, scale: int
) -> None:
    fake = FakeMss(scale)
    monkeypatch.setattr("app.capture.grab._mss", lambda: fake)
    source = _MssSource()
    assert source.monitors() == [Rect(0, 0, 200, 100), Rect(-100, 20, 100, 60)]
    data = source.grab(Rect(-50, 30, 7, 5))
    assert len(data) == 7 * 5 * 4
    pixels = [tuple(data[i : i + 4]) for i in range(0, len(data), 4)]
    assert pixels == [(x * scale, y * scale, 1, 255) for y in range(5) for x in range(7)]
    source.close()
    source.close()
    assert fake.closed == 1


def test_an_mss_answer_of_another_size_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Odd(FakeMss):
        def grab(self, area: dict[str, int]) -> Any:
            return FakeShot(area["width"] + 1, area["height"])

    monkeypatch.setattr("app.capture.grab._mss", lambda: Odd(1))
    with pytest.raises(RuntimeError, match="mss returned 8x5"):
        _MssSource().grab(Rect(0, 0, 7, 5))
