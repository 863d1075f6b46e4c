"""The capture overlay on a real X server with two monitors, at mixed scale factors.

TigerVNC's Xvnc (1920x700) is split by ``xrandr --setmonitor`` into L (960x700 at 0,0) and the
primary R (960x600 at 960,100): L is left of the primary and its top above R's. The overlay runs
as its own process (``overlay_app.py``, xcb) with Qt's per-screen scale factors, over a frozen
pattern desktop; xdotool drives the real pointer and keyboard. Checked: one overlay window per
monitor, exactly on it; a drag from L into R selects the device pixels under the pointer; and
a capture of the screen (the app's own, another process) shows the frozen pixels one to one
inside the selection on both monitors, darker outside.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import running_xvnc, wait_for
from tests.e2e.overlay_app import pattern_color
from tests.e2e.test_capture import decode_png, run_cli, x_env

pytestmark = pytest.mark.xvfb

APP = Path(__file__).with_name("overlay_app.py")
SIZE = (1920, 700)
MONITORS = [("L", 0, 0, 960, 700), ("*R", 960, 100, 960, 600)]
TITLE = "Select a region to capture"


@pytest.fixture(scope="module")
def two_monitors() -> Iterator[str]:
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is needed (apt-get install xdotool; .ci/run does)")
    with running_xvnc(*SIZE, MONITORS) as display:
        yield display


class Overlay:
    """overlay_app.py on a display: its JSON lines arrive on a queue."""

    def __init__(self, display: str, scales: str, *args: str) -> None:
        env = x_env(display, QT_SCREEN_SCALE_FACTORS=scales)
        self.display = display
        self.process = subprocess.Popen(
            [sys.executable, str(APP), *args],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[dict | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next_event(self, timeout: float = 20) -> dict:
        try:
            event = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"overlay_app said nothing for {timeout} s") from None
        if event is None:
            assert self.process.stderr is not None
            raise AssertionError(f"overlay_app exited: {self.process.stderr.read()}")
        return event

    def selection(self) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write("selection\n")
        self.process.stdin.flush()
        return self.next_event()

    def xdotool(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=x_env(self.display),
            capture_output=True,
            text=True,
            timeout=20,
            check=check,
        )
        return result.stdout

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


def window_geometries(overlay: Overlay) -> set[tuple[int, int, int, int]]:
    found = set()
    # (search exits 1 when it finds none)
    for window in overlay.xdotool("search", "--onlyvisible", "--name", TITLE, check=False).split():
        shell = dict(
            line.split("=", 1)
            for line in overlay.xdotool("getwindowgeometry", "--shell", window).splitlines()
        )
        found.add(tuple(int(shell[k]) for k in ("X", "Y", "WIDTH", "HEIGHT")))
    return found


@pytest.mark.parametrize("scales", ["L=1;R=1", "L=1;R=2", "L=1.5;R=1"])
def test_a_drag_across_monitors_selects_their_device_pixels(
    two_monitors: str, tmp_path: Path, scales: str
) -> None:
    overlay = Overlay(two_monitors, scales)
    try:
        ready = overlay.next_event()
        assert ready["event"] == "ready"
        ratios = dict(part.split("=") for part in scales.split(";"))
        widgets = {w["screen"]: w for w in ready["widgets"]}
        assert widgets["L"]["monitor"] == [0, 0, 960, 700]
        assert widgets["R"]["monitor"] == [960, 100, 960, 600]
        assert widgets["L"]["ratio"] == float(ratios["L"])
        assert widgets["R"]["ratio"] == float(ratios["R"])
        # one X window per monitor, covering exactly its device pixels; at a fractional scale
        # Qt rounds the window's size and it may be one pixel larger
        slack = 1 if any("." in ratio for ratio in ratios.values()) else 0

        def windows_on_monitors() -> bool:
            found = sorted(window_geometries(overlay))
            want = [(0, 0, 960, 700), (960, 100, 960, 600)]
            return len(found) == 2 and all(
                f[:2] == w[:2] and 0 <= f[2] - w[2] <= slack and 0 <= f[3] - w[3] <= slack
                for f, w in zip(found, want, strict=True)
            )

        wait_for(windows_on_monitors, 20, "one overlay window on each monitor")

        overlay.xdotool("mousemove", "800", "420", "mousedown", "1")
        overlay.xdotool("mousemove", "900", "500", "mousemove", "1200", "600", "mouseup", "1")
        want = {"event": "selection", "rect": [800, 420, 401, 181], "mode": "region"}
        wait_for(lambda: overlay.selection() == want, 20, f"the selection {want['rect']}")

        # What the screen shows now, captured by the app's own CLI in another process
        out = tmp_path / "shown.png"
        env = x_env(two_monitors, TICKETWISE_HOME=str(tmp_path / "home"))
        result = run_cli(env, "--region", "780,400,441,221", "--out", str(out))
        assert result.returncode == 0, result.stderr
        width, _, rgb, _ = decode_png(out.read_bytes())

        def shown(x: int, y: int) -> tuple[int, int, int]:
            i = ((y - 400) * width + (x - 780)) * 3
            return rgb[i], rgb[i + 1], rgb[i + 2]

        wrong = [
            (x, y, shown(x, y), pattern_color(x, y))
            for y in range(420, 601)
            for x in range(800, 1201)
            if shown(x, y) != pattern_color(x, y)
        ]
        assert not wrong, f"{len(wrong)} pixels differ, e.g. {wrong[:3]}"
        for x, y in [(785, 450), (785, 590), (900, 612), (1100, 612), (1215, 450)]:
            assert sum(shown(x, y)) < 0.7 * sum(pattern_color(x, y)) + 3, (x, y)

        overlay.xdotool("key", "Return")
        assert overlay.next_event() == {
            "event": "selected",
            "rect": [800, 420, 401, 181],
            "mode": "region",
        }
        assert overlay.process.wait(20) == 0
        assert window_geometries(overlay) == set()
        print(f"{scales}: construction to first paint {ready['ms']} ms")
    finally:
        overlay.close()


def test_escape_cancels_and_m_picks_the_scaled_monitor(two_monitors: str) -> None:
    overlay = Overlay(two_monitors, "L=1;R=2")
    try:
        assert overlay.next_event()["event"] == "ready"
        overlay.xdotool("mousemove", "1500", "400", "key", "m")
        want = {"event": "selection", "rect": [960, 100, 960, 600], "mode": "screen"}
        wait_for(lambda: overlay.selection() == want, 20, "the monitor R selected")
        overlay.xdotool("key", "Escape")
        assert overlay.next_event() == {"event": "cancelled"}
        assert overlay.process.wait(20) == 0
    finally:
        overlay.close()


@pytest.mark.parametrize("scales", ["L=1;R=2", "L=1.5;R=1.25"])
def test_partial_repaints_match_a_full_repaint(two_monitors: str, scales: str) -> None:
    """Each change repaints only the areas it touched, computed in logical pixels; at scale
    factors where those round, what is on screen must still be what a full repaint draws."""
    steps = [
        "move 1301 301",  # hovering the window, on R
        "compare",
        "move 801 201; press 801 201; move 1100 300; move 1301 401; release 1301 401",
        "compare",
        "move 1700 560; key Right; key Down; key Left",
        "compare",
        "press 1000 300; move 1040 333; move 1077 350; release 1077 350",  # moved across
        "compare",
        "key Escape",
    ]
    windows = json.dumps([["Editor", 500, 50, 900, 400]])
    overlay = Overlay(
        two_monitors,
        scales,
        "--steps",
        "; ".join(steps),
        "--windows",
        windows,
        "--last",
        "9,9,99,99",
    )
    try:
        assert overlay.next_event()["event"] == "ready"
        for _ in range(4):
            assert overlay.next_event() == {"event": "compare", "same": [True, True]}
        assert overlay.next_event() == {"event": "cancelled"}
        assert overlay.process.wait(20) == 0
    finally:
        overlay.close()
