"""Capture without a display: geometry rules, numbering, pixel conversion, the PNG encoder, and
the fallback from mss to Qt, with stand-ins for the backends."""

from __future__ import annotations

import struct
import zlib
from types import SimpleNamespace
from typing import Any

import pytest

from app.capture import grab
from app.capture.grab import CaptureFailed, CaptureUsageError, Monitor, Rect, Target
from app.services.capture import parse_region

# Windows-style layout: a monitor left of the primary has a negative origin, one sits above.
LEFT = {"left": -1920, "top": 0, "width": 1920, "height": 1080, "is_primary": False}
PRIMARY = {"left": 0, "top": 0, "width": 2560, "height": 1440, "is_primary": True}
ABOVE = {"left": 0, "top": -1080, "width": 1920, "height": 1080, "is_primary": False}


class FakeShot:
    def __init__(self, box: dict[str, int]) -> None:
        self.width, self.height = box["width"], box["height"]
        # every pixel BGRA = (x % 256, y % 256, 7, 255) in desktop coordinates
        raw = bytearray()
        for y in range(box["top"], box["top"] + self.height):
            for x in range(box["left"], box["left"] + self.width):
                raw += bytes((x % 256, y % 256, 7, 255))
        self.raw = bytes(raw)


class FakeMss:
    def __init__(self, monitors: list[dict[str, Any]], fail: bool = False) -> None:
        self.monitors = [{}, *monitors]
        self.fail = fail
        self.grabbed: list[dict[str, int]] = []

    def __enter__(self) -> FakeMss:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def grab(self, box: dict[str, int]) -> FakeShot:
        if self.fail:
            raise RuntimeError("drawable's visual not found in screen's supported visuals")
        self.grabbed.append(box)
        return FakeShot(box)


@pytest.fixture
def fake_mss(monkeypatch: pytest.MonkeyPatch) -> FakeMss:
    fake = FakeMss([PRIMARY, LEFT, ABOVE])
    monkeypatch.setattr(grab, "_mss", lambda: fake)
    return fake


def test_monitors_are_numbered_left_to_right_then_top_to_bottom(fake_mss: FakeMss) -> None:
    monitors = grab.list_monitors("mss")
    assert [(m.number, m.geometry) for m in monitors] == [
        (1, Rect(-1920, 0, 1920, 1080)),
        (2, Rect(0, -1080, 1920, 1080)),
        (3, Rect(0, 0, 2560, 1440)),
    ]
    assert [m.primary for m in monitors] == [False, False, True]


def test_negative_origins_are_grabbed_where_they_are(fake_mss: FakeMss) -> None:
    shot = grab.grab_region(-10, -5, 20, 10, backend="mss")
    assert fake_mss.grabbed[-1] == {"left": -10, "top": -5, "width": 20, "height": 10}
    assert shot.origin == (-10, -5)
    assert shot.pixel(-10, -5) == (7, (-5) % 256, -10 % 256)  # BGRA -> RGB
    assert shot.pixel(9, 4) == (7, 4, 9)
    assert {m.number for m in shot.monitors} == {1, 2, 3}

    whole = grab.grab_all("mss")
    assert whole.rect == Rect(-1920, -1080, 1920 + 2560, 1080 + 1440)
    assert grab.grab_monitor(1, "mss").rect == Rect(-1920, 0, 1920, 1080)


def test_usage_errors(fake_mss: FakeMss) -> None:
    with pytest.raises(CaptureUsageError, match=r"no monitor 4: the monitors are 1: .*-1920,0"):
        grab.grab_monitor(4, "mss")
    with pytest.raises(CaptureUsageError, match="not inside the desktop"):
        grab.grab_region(2000, 1400, 600, 100, "mss")
    with pytest.raises(CaptureUsageError, match="empty"):
        Target(region=Rect(0, 0, 0, 5)).resolve(grab.list_monitors("mss"))
    with pytest.raises(CaptureUsageError, match="unknown capture backend"):
        grab.grab_all("gdi")
    assert CaptureUsageError("x").exit_code == 2
    assert not fake_mss.grabbed  # nothing is grabbed for a question with no answer


def test_mss_failure_falls_back_to_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grab, "_mss", lambda: FakeMss([PRIMARY], fail=True))
    ran: list[Target] = []

    def qt(target: Target) -> grab.Screenshot:
        ran.append(target)
        return grab.Screenshot(1, 1, b"\x01\x02\x03", (0, 0), (), "qt")

    monkeypatch.setattr(grab, "_qt_grab", qt)
    assert grab.grab_monitor(1).backend == "qt"
    assert ran == [Target(monitor=1)]
    with pytest.raises(CaptureFailed, match="mss cannot capture the screen: drawable's visual"):
        grab.grab_all("mss")


def test_usage_errors_are_not_retried_with_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grab, "_mss", lambda: FakeMss([PRIMARY]))
    monkeypatch.setattr(grab, "_qt_grab", lambda target: pytest.fail("Qt must not run"))
    with pytest.raises(CaptureUsageError):
        grab.grab_monitor(2)


def test_bgra_to_rgb() -> None:
    assert grab.bgra_to_rgb(bytes([1, 2, 3, 255, 4, 5, 6, 0])) == bytes([3, 2, 1, 6, 5, 4])


def test_png_has_the_pixels_and_no_metadata() -> None:
    width, height = 3, 2
    rgb = bytes(range(width * height * 3))
    png = grab.encode_rgb_png(rgb, width, height)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, pos = [], 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        chunks.append((png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    assert chunks[0][1] == struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = zlib.decompress(chunks[1][1])
    assert raw == b"\x00" + rgb[:9] + b"\x00" + rgb[9:]
    with pytest.raises(ValueError, match="is not 3x3 RGB"):
        grab.encode_rgb_png(rgb, 3, 3)


def test_monitor_text() -> None:
    monitor = Monitor(2, Rect(-1920, 0, 1920, 1080), primary=True, name="DP-1")
    assert str(monitor) == "2: DP-1 1920x1080 at -1920,0 primary"
    scaled = Monitor(1, Rect(0, 0, 3840, 2160), device_pixel_ratio=2.0)
    assert str(scaled) == "1: 3840x2160 at 0,0 scale 2"


def test_parse_region() -> None:
    assert parse_region("-1920, -5,800,600") == Rect(-1920, -5, 800, 600)
    for text in ("1,2,3", "a,b,c,d", "0,0,-1,5", ""):
        with pytest.raises(CaptureUsageError):
            parse_region(text)


def test_qt_monitor_geometry_keeps_the_native_origin_and_scales_the_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt reports a screen's top-left in native pixels and its size in logical ones."""

    class Geo:
        def __init__(self, x: int, y: int, w: int, h: int) -> None:
            self.values = (x, y, w, h)

        def x(self) -> int:
            return self.values[0]

        def y(self) -> int:
            return self.values[1]

        def width(self) -> int:
            return self.values[2]

        def height(self) -> int:
            return self.values[3]

    def screen(name: str, geo: Geo, ratio: float) -> Any:
        return SimpleNamespace(
            geometry=lambda: geo, devicePixelRatio=lambda: ratio, name=lambda: name
        )

    hidpi = screen("eDP-1", Geo(1920, 0, 1280, 720), 2.0)
    plain = screen("HDMI-1", Geo(0, 0, 1920, 1080), 1.0)
    pytest.importorskip("PySide6.QtGui")
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: hidpi))
    monitors = grab._numbered(grab._qt_monitors([hidpi, plain]))
    assert [(m.number, m.name, m.geometry, m.primary, m.device_pixel_ratio) for m in monitors] == [
        (1, "HDMI-1", Rect(0, 0, 1920, 1080), False, 1.0),
        (2, "eDP-1", Rect(1920, 0, 2560, 1440), True, 2.0),
    ]


@pytest.mark.parametrize("level", [0, 1, 5, 6, 9])
def test_parallel_deflate_is_one_valid_zlib_stream(
    level: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    data = bytes(range(256)) * 12_000 + bytes(1_000_003)  # ~4 MiB: four parts, uneven
    packed = grab.deflate(data, level)
    assert zlib.decompress(packed) == data  # checks the header's FCHECK and the Adler-32
    assert zlib.decompressobj().decompress(packed[:2]) == b""  # a header zlib accepts alone
    assert grab.deflate(b"tiny", level) == zlib.compress(b"tiny", level)


class FakeQuartz:
    """CoreGraphics' two permission calls, as ctypes exposes them."""

    def __init__(self, granted: bool) -> None:
        self.granted = granted
        self.requests = 0
        quartz = self

        class Preflight:
            restype = None

            def __call__(self) -> bool:
                return quartz.granted

        class Request:
            restype = None

            def __call__(self) -> bool:
                quartz.requests += 1
                return False

        self.CGPreflightScreenCaptureAccess = Preflight()
        self.CGRequestScreenCaptureAccess = Request()


def test_macos_without_screen_recording_permission_asks_and_explains() -> None:
    quartz = FakeQuartz(granted=False)
    with pytest.raises(grab.CapturePermission) as info:
        grab.check_macos_permission(quartz)
    assert info.value.kind == "capture_permission"
    assert quartz.requests == 1


def test_macos_with_permission_captures_without_a_prompt() -> None:
    quartz = FakeQuartz(granted=True)
    grab.check_macos_permission(quartz)
    assert quartz.requests == 0


def test_macos_before_catalina_has_no_permission_to_check() -> None:
    grab.check_macos_permission(object())


@pytest.mark.parametrize(("width", "height"), [(1, 1), (3, 2), (700, 900), (1920, 1080)])
@pytest.mark.parametrize("level", [1, 6])
def test_bgrx_pipeline_png_has_the_same_pixels_as_the_rgb_one(
    width: int, height: int, level: int
) -> None:
    import random

    rng = random.Random(width * height + level)
    bgrx = rng.randbytes(width * height * 4)
    shot = grab.Screenshot(width, height, bgrx, (0, 0), (), "test", layout="bgrx")
    piped = shot.to_png(level)
    assert shot.rgb == grab.bgra_to_rgb(bgrx)
    reference = grab.encode_rgb_png(shot.rgb, width, height, level=level)

    def raw(png: bytes) -> bytes:
        kinds, idat, pos = [], b"", 8
        while pos < len(png):
            (length,) = struct.unpack(">I", png[pos : pos + 4])
            kind = png[pos + 4 : pos + 8]
            kinds.append(kind)
            if kind == b"IDAT":
                idat += png[pos + 8 : pos + 8 + length]
            pos += 12 + length
        assert kinds == [b"IHDR", b"IDAT", b"IEND"]
        return zlib.decompress(idat)  # one valid stream: header, parts, Adler-32

    assert raw(piped) == raw(reference)
    assert piped[:33] == reference[:33]  # the same signature and IHDR


def test_a_screenshot_refuses_pixels_of_the_wrong_size() -> None:
    with pytest.raises(ValueError, match="is not 2x2 bgrx"):
        grab.Screenshot(2, 2, b"\0" * 12, (0, 0), (), "test", layout="bgrx")
    with pytest.raises(ValueError, match="unknown pixel layout"):
        grab.Screenshot(1, 1, b"\0" * 3, (0, 0), (), "test", layout="argb")
