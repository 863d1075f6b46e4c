"""The capture overlay over two screens with different scale factors, on the offscreen platform.

The offscreen plugin takes its screens from a JSON file; Qt's own per-screen scaling
(``QT_SCREEN_SCALE_FACTORS``) then gives each window its screen's device pixel ratio, as on a
real mixed-DPI desktop. Screen A (640x480, scale 1) sits left of and above screen B (800x600
device pixels, the primary), at a negative origin as Windows puts such a monitor. The overlay
runs in a subprocess (``tests/e2e/overlay_app.py``: the screens are fixed when the process's
QApplication starts) and is driven from inside it; the test reads what it printed and the
renderings it saved. A real X server with two monitors is ``tests/e2e/test_overlay_xvnc.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT
from tests.e2e.overlay_app import pattern_color

APP = ROOT / "tests" / "e2e" / "overlay_app.py"
SCREENS = {
    "screens": [
        {"name": "A", "x": -640, "y": -100, "width": 640, "height": 480},
        {"name": "B", "x": 0, "y": 0, "width": 800, "height": 600},
    ]
}
A = (-640, -100, 640, 480)
B = (0, 0, 800, 600)


def run_overlay(tmp_path: Path, scale: str, steps: str, *extra: str) -> list[dict]:
    config = tmp_path / "screens.json"
    for screen in SCREENS["screens"]:
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config.write_text(json.dumps(SCREENS))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCREEN_SCALE_FACTORS": f"A=1;B={scale}",
    }
    env.pop("DISPLAY", None)  # monitors come from Qt's screens, as where mss cannot run
    result = subprocess.run(
        [sys.executable, str(APP), "--grab-dir", str(tmp_path), "--steps", steps, *extra],
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("scale", ["2", "1.5"])
def test_a_selection_across_mixed_scale_screens(tmp_path: Path, scale: str) -> None:
    # from A (scale 1) to B (scaled), in device pixels; the pointer then rests low on B
    steps = "move -101 201; press -101 201; move 100 300; move 301 401; release 301 401;"
    steps += "move 700 560; grab; key Return"
    ready, selected = run_overlay(tmp_path, scale, steps)

    assert ready["event"] == "ready"
    ratio = float(scale)
    widgets = {w["screen"]: w for w in ready["widgets"]}
    assert widgets["A"]["monitor"] == list(A)
    assert widgets["A"]["logical"] == list(A)
    assert widgets["A"]["ratio"] == 1.0
    # Qt keeps the scaled screen's top-left native and shrinks its size
    assert widgets["B"]["monitor"] == list(B)
    assert widgets["B"]["logical"][:2] == [0, 0]
    assert widgets["B"]["logical"][2] == int(800 / ratio)
    assert widgets["B"]["ratio"] == ratio

    selection = (-101, 201, 403, 201)  # both end pixels included
    assert selected == {"event": "selected", "rect": list(selection), "mode": "region"}

    # Each overlay shows its own monitor's device pixels one to one: inside the selection
    # exactly the frozen desktop, on the scaled screen too; outside it darker.
    sx, sy, sw, sh = selection
    for index, (ox, oy, width, height) in enumerate((A, B)):
        image = QImage(str(tmp_path / f"{index}.png"))
        assert (image.width(), image.height()) == (width, height)
        checked = 0
        for y in range(max(sy, oy), min(sy + sh, oy + height), 3):
            for x in range(max(sx, ox), min(sx + sw, ox + width), 3):
                color = image.pixelColor(x - ox, y - oy)
                assert (color.red(), color.green(), color.blue()) == pattern_color(x, y), (x, y)
                checked += 1
        assert checked > 1000
        for x, y in [(ox + 20, oy + height - 20), (ox + width - 30, oy + 60)]:
            color = image.pixelColor(x - ox, y - oy)
            assert color.red() + color.green() + color.blue() < 0.7 * sum(pattern_color(x, y)) + 3


def test_monitor_and_window_picks_on_the_scaled_screen(tmp_path: Path) -> None:
    steps = "move 500 500; key M; report; key Escape"
    selection, cancelled = run_overlay(tmp_path, "2", steps)[1:]
    assert selection == {"event": "selection", "rect": list(B), "mode": "screen"}
    assert cancelled == {"event": "cancelled"}

    # a window spanning both screens, picked with a click on the scaled one
    windows = json.dumps([["Editor", -300, 50, 700, 400]])
    steps = "move 301 301; press 301 301; release 301 301; report; key Return"
    selection, selected = run_overlay(tmp_path, "2", steps, "--windows", windows)[1:]
    assert selection == {"event": "selection", "rect": [-300, 50, 700, 400], "mode": "window"}
    assert selected["rect"] == [-300, 50, 700, 400]
