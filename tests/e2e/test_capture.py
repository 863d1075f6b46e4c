"""Screen capture on real X servers: a known pattern is painted, captures must return its pixels.

Xvfb (the e2e session display): libX11 directly, the fast path, through the API and
``main.py capture``; mss and the Qt backend forced with ``TICKETWISE_CAPTURE_BACKEND``.
TigerVNC's Xvnc, split with ``xrandr --setmonitor`` into three monitors side by side with the
primary in the middle (one monitor left of it): the direct path reads RandR's monitors there;
mss 10.2 raises, and the Qt fallback (forced) must composite each screen right.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.capture import grab
from tests.conftest import ROOT
from tests.e2e.capture_pattern import expected_rgb
from tests.e2e.conftest import Display, running_xvnc

pytestmark = pytest.mark.xvfb

PATTERN = Path(__file__).with_name("capture_pattern.py")
XVFB_SIZE = (1280, 800)  # tests/e2e/conftest.py's Xvfb
VNC_SIZE = (1920, 600)
VNC_MONITORS = [  # (name, x, y, width, height); *P is the primary
    ("L", 0, 0, 640, 600),
    ("*P", 640, 0, 640, 600),
    ("B", 1280, 0, 640, 600),
]

NO_QT_PROBE = """
import runpy, sys
sys.argv = ["main.py", *sys.argv[1:]]
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit as exit:
    code = exit.code
print("QT-MODULES:", ",".join(sorted(m for m in sys.modules if m.startswith("PySide6"))),
      file=sys.stderr)
raise SystemExit(code)
"""


def decode_png(data: bytes) -> tuple[int, int, bytes, list[bytes]]:
    """Width, height, RGB bytes and chunk types of an 8-bit RGB PNG with filter 0 rows (what
    the app writes; anything else fails the test)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, kinds, idat = 8, [], b""
    width = height = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        kinds.append(kind)
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, colour, interlace) == (8, 2, 0)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert len(raw) == stride * height
    assert all(raw[row * stride] == 0 for row in range(height))
    rgb = b"".join(raw[row * stride + 1 : (row + 1) * stride] for row in range(height))
    return width, height, rgb, kinds


def first_difference(got: bytes, want: bytes, width: int) -> str:
    """Where two RGB buffers first differ, for a readable failure."""
    if len(got) != len(want):
        return f"{len(got)} bytes, expected {len(want)}"
    for i in range(0, len(got), 3):
        if got[i : i + 3] != want[i : i + 3]:
            pixel = i // 3
            return (
                f"pixel ({pixel % width}, {pixel // width}) is {tuple(got[i : i + 3])}, "
                f"expected {tuple(want[i : i + 3])}"
            )
    return "equal"


def assert_pixels(got: bytes, x: int, y: int, width: int, height: int) -> None:
    want = expected_rgb(x, y, width, height)
    assert got == want, first_difference(got, want, width)


class Pattern:
    """The pattern window (a subprocess) on a display; closed by closing its stdin."""

    def __init__(self, env: dict[str, str], x: int, y: int, width: int, height: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PATTERN), str(x), str(y), str(width), str(height)],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # blocks until painted, or EOF if it died
        if line.strip() != "painted":
            assert self.process.stderr is not None
            error = self.process.stderr.read()
            self.close()
            raise AssertionError(f"the pattern window did not paint: {error}")

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        for pipe in (self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


def x_env(display: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra}
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("TICKETWISE_CAPTURE_BACKEND", None)
    return {**env, **extra}


@pytest.fixture(scope="module")
def xvfb_pattern(xvfb: Display) -> Iterator[Display]:
    pattern = Pattern(x_env(xvfb.name), 0, 0, *XVFB_SIZE)
    yield xvfb
    pattern.close()


@pytest.fixture(scope="module")
def vnc() -> Iterator[str]:
    """Xvnc (1920x600) as three monitors L | *P | B, with the pattern over all of them."""
    with running_xvnc(*VNC_SIZE, VNC_MONITORS) as display:
        pattern = Pattern(x_env(display), 0, 0, *VNC_SIZE)
        yield display
        pattern.close()


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NO_QT_PROBE, "capture", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def qt_modules(result: subprocess.CompletedProcess[str]) -> str:
    line = [x for x in result.stderr.splitlines() if x.startswith("QT-MODULES:")][-1]
    return line.split(":", 1)[1].strip()


# -- Xvfb: libX11 directly, and mss ------------------------------------------------------------


@pytest.mark.parametrize("backend", ["auto", "x11", "mss"])
def test_api_all_monitor_and_region_return_the_pattern(
    xvfb_pattern: Display, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    monkeypatch.setenv("DISPLAY", xvfb_pattern.name)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monitors = grab.list_monitors(backend)
    assert [m.geometry for m in monitors] == [grab.Rect(0, 0, *XVFB_SIZE)]

    shot = grab.grab_all(backend)
    assert shot.backend == ("x11" if backend == "auto" else backend)
    assert (shot.width, shot.height, shot.origin) == (*XVFB_SIZE, (0, 0))
    assert_pixels(shot.rgb, 0, 0, *XVFB_SIZE)

    shot = grab.grab_monitor(1, backend)
    assert_pixels(shot.rgb, 0, 0, *XVFB_SIZE)

    shot = grab.grab_region(333, 217, 151, 91, backend)  # not aligned to the pattern's cells
    assert (shot.width, shot.height, shot.origin) == (151, 91, (333, 217))
    assert_pixels(shot.rgb, 333, 217, 151, 91)
    assert shot.pixel(333, 217) == tuple(expected_rgb(333, 217, 1, 1))

    width, height, rgb, kinds = decode_png(shot.to_png())
    assert (width, height) == (151, 91)
    assert rgb == shot.rgb
    assert kinds == [b"IHDR", b"IDAT", b"IEND"]  # no text, time or other metadata


def test_cli_writes_the_pattern_and_imports_no_qt(xvfb_pattern: Display, tmp_path: Path) -> None:
    env = x_env(xvfb_pattern.name, TICKETWISE_HOME=str(tmp_path / "home"))
    cases = {
        ("--all",): (0, 0, *XVFB_SIZE),
        ("--monitor", "1"): (0, 0, *XVFB_SIZE),
        ("--region", "1000,700,280,100"): (1000, 700, 280, 100),
    }
    for args, (x, y, width, height) in cases.items():
        out = tmp_path / "shot.png"
        result = run_cli(env, *args, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert "(x11)" in result.stdout
        assert qt_modules(result) == "", args
        got_w, got_h, rgb, _ = decode_png(out.read_bytes())
        assert (got_w, got_h) == (width, height)
        assert_pixels(rgb, x, y, width, height)
        assert not list(tmp_path.glob(".*.part"))


def test_cli_usage_errors_exit_2(xvfb_pattern: Display, tmp_path: Path) -> None:
    env = x_env(xvfb_pattern.name, TICKETWISE_HOME=str(tmp_path / "home"))
    out = str(tmp_path / "x.png")
    cases = {
        ("--monitor", "2"): "there is no monitor 2",
        ("--monitor", "0"): "there is no monitor 0",
        ("--region", "1200,0,100,10"): "is not inside the desktop (1280x800 at 0,0)",
        ("--region=-5,0,10,10",): "is not inside the desktop",
        ("--region", "0,0,0,10"): "is empty",
        ("--region", "1,2,3"): "is not X,Y,W,H",
    }
    for args, message in cases.items():
        result = run_cli(env, *args, "--out", out)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
    assert not Path(out).exists()
    result = run_cli(env, "--all")
    assert result.returncode == 2
    assert "needs --out" in result.stderr
    result = run_cli(env, "--all", "--monitor", "1", "--out", out)
    assert result.returncode == 2  # argparse: one of --all, --monitor, --region


def test_fast_path_and_full_cli_agree(xvfb_pattern: Display, tmp_path: Path) -> None:
    """``main.py capture`` skips the full CLI (bootstrap fast path); ``main.py -v capture``
    goes through it: same files, same errors."""
    env = x_env(xvfb_pattern.name, TICKETWISE_HOME=str(tmp_path / "home"))
    fast, full = tmp_path / "fast.png", tmp_path / "full.png"
    assert run_cli(env, "--region", "7,9,300,200", "--out", str(fast)).returncode == 0
    result = subprocess.run(
        [sys.executable, "main.py", "-v", "capture", "--region", "7,9,300,200", "--out", str(full)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert fast.read_bytes() == full.read_bytes()
    for args in (["--monitor", "9", "--out", str(fast)], ["--all"]):
        a = run_cli(env, *args)
        b = subprocess.run(
            [sys.executable, "main.py", "-v", "capture", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert a.returncode == b.returncode == 2
        assert a.stderr.splitlines()[0] in b.stderr
    log = (tmp_path / "home" / "logs").glob("*.log")
    assert list(log), "the fast path logs where the app logs"


def test_the_fast_path_logs_failures_only(xvfb_pattern: Display, tmp_path: Path) -> None:
    """A capture that works writes no log (no paths, no file handler: start-up time); one that
    fails leaves its reason where the app logs."""
    home = tmp_path / "home"
    env = x_env(xvfb_pattern.name, TICKETWISE_HOME=str(home))
    assert run_cli(env, "--all", "--out", str(tmp_path / "ok.png")).returncode == 0
    assert not list(home.glob("logs/*.log"))
    assert run_cli(env, "--monitor", "7", "--out", str(tmp_path / "no.png")).returncode == 2
    (log,) = home.glob("logs/*.log")
    assert "there is no monitor 7" in log.read_text()


def test_qt_backend_forced_on_xvfb_gives_the_same_pixels(
    xvfb_pattern: Display, tmp_path: Path
) -> None:
    env = x_env(
        xvfb_pattern.name,
        TICKETWISE_HOME=str(tmp_path / "home"),
        TICKETWISE_CAPTURE_BACKEND="qt",
    )
    out = tmp_path / "qt.png"
    result = run_cli(env, "--region", "40,30,500,400", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "(qt)" in result.stdout
    assert "PySide6.QtGui" in qt_modules(result)
    assert "PySide6.QtWidgets" not in qt_modules(result)
    _, _, rgb, _ = decode_png(out.read_bytes())
    assert_pixels(rgb, 40, 30, 500, 400)


def test_no_display_is_reported_not_crashed(tmp_path: Path) -> None:
    env = x_env("", TICKETWISE_HOME=str(tmp_path / "home"))
    for name in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    result = run_cli(env, "--all", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 1, result.stderr
    assert "there is no display to capture" in result.stderr
    assert not (tmp_path / "x.png").exists()


# -- Xvnc: three monitors, mss fails, the Qt fallback composites -------------------------------


def test_mss_fails_on_xvnc(vnc: str, tmp_path: Path) -> None:
    """The evidence that the tests below exercise the fallback, not mss."""
    env = x_env(vnc, TICKETWISE_HOME=str(tmp_path / "home"), TICKETWISE_CAPTURE_BACKEND="mss")
    result = run_cli(env, "--all", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 1, result.stdout
    assert "mss cannot capture the screen" in result.stderr


@pytest.mark.parametrize("backend", ["auto", "qt"])
def test_xvnc_monitors_are_listed_left_to_right(vnc: str, tmp_path: Path, backend: str) -> None:
    env = x_env(vnc, TICKETWISE_HOME=str(tmp_path / "home"), TICKETWISE_CAPTURE_BACKEND=backend)
    result = run_cli(env, "--list-monitors")
    assert result.returncode == 0, result.stderr
    scale = " scale 1" if backend == "qt" else ""  # Qt knows the device pixel ratio
    assert result.stdout.splitlines() == [
        f"1: L 640x600 at 0,0{scale}",
        f"2: P 640x600 at 640,0 primary{scale}",
        f"3: B 640x600 at 1280,0{scale}",
    ]


@pytest.mark.parametrize("backend", ["auto", "qt"])
def test_xvnc_returns_each_monitors_pixels(vnc: str, tmp_path: Path, backend: str) -> None:
    env = x_env(vnc, TICKETWISE_HOME=str(tmp_path / "home"), TICKETWISE_CAPTURE_BACKEND=backend)
    cases = {
        ("--all",): (0, 0, *VNC_SIZE),
        ("--monitor", "1"): (0, 0, 640, 600),
        ("--monitor", "2"): (640, 0, 640, 600),  # the primary, not at (0, 0)
        ("--monitor", "3"): (1280, 0, 640, 600),
        ("--region", "600,100,800,77"): (600, 100, 800, 77),  # across all three
    }
    for args, (x, y, width, height) in cases.items():
        out = tmp_path / "vnc.png"
        result = run_cli(env, *args, "--out", str(out))
        assert result.returncode == 0, (args, result.stderr)
        assert f"({'x11' if backend == 'auto' else 'qt'})" in result.stdout, args
        assert "PySide6.QtWidgets" not in qt_modules(result)
        got_w, got_h, rgb, _ = decode_png(out.read_bytes())
        assert (got_w, got_h) == (width, height), args
        assert_pixels(rgb, x, y, width, height)


def test_an_x_error_is_an_exception_not_an_exit(
    xvfb_pattern: Display, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Xlib's default error handler exits the process; the direct path traps errors instead."""
    from app.capture import x11grab

    monkeypatch.setenv("DISPLAY", xvfb_pattern.name)
    with x11grab.Display() as display:
        with pytest.raises(x11grab.Unsupported, match="X error"):
            display.grab_bgrx(XVFB_SIZE[0] - 10, 0, 50, 50)  # partly off the screen
        rgb = grab.bgra_to_rgb(display.grab_bgrx(5, 6, 7, 8))  # the connection still works
    assert_pixels(rgb, 5, 6, 7, 8)


def test_cli_captures_a_window_by_title_and_the_active_one(
    xvfb_pattern: Display, tmp_path: Path
) -> None:
    from tests.e2e.test_windows_x11 import TitledWindow

    env = x_env(xvfb_pattern.name, TICKETWISE_HOME=str(tmp_path / "home"))
    window = TitledWindow(xvfb_pattern.name, "Invoice export failed", grab.Rect(210, 130, 300, 120))
    try:
        listed = run_cli(env, "--list-windows")
        assert listed.returncode == 0, listed.stderr
        assert "300x120 at 210,130  Invoice export failed" in listed.stdout
        out = tmp_path / "window.png"
        result = run_cli(env, "--window", "invoice EXPORT", "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert qt_modules(result) == ""
        width, height, rgb, _ = decode_png(out.read_bytes())
        assert (width, height) == (300, 120)
        assert set(zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)) == {(30, 120, 200)}
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", str(window.id)],
            env=env,
            check=True,
            timeout=20,
        )
        active = run_cli(env, "--window", "active", "--out", str(out))
        assert active.returncode == 0, active.stderr
        assert decode_png(out.read_bytes())[:2] == (300, 120)
        missing = run_cli(env, "--window", "no such title", "--out", str(out))
        assert missing.returncode == 2
        assert "no window has 'no such title' in its title" in missing.stderr
    finally:
        window.close()
