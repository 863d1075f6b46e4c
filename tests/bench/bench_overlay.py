"""Capture overlay figures: from building the overlay to its first paint, and a pointer move.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python); a script that
prints figures, not a pytest test. For a 1920x1080 frozen desktop (a UI-like image), in a
process whose QApplication is already running (as the tray app's is when the hotkey fires):

* ``build+paint``: ``CaptureOverlay(...)`` + ``show()`` until ``first_painted``;
* ``move``: one pointer move (magnifier, crosshair, hint bar repainted), event to painted.

Median and worst of ``--runs`` overlays after one warm-up, on the offscreen platform (one
1920x1080 screen) and on an Xvfb of its own (1920x1080, 24 bit; skipped without Xvfb). Fails
(exit 1) when a median build+paint is above ``--limit-ms`` (default 100: the hotkey-to-overlay
budget is 150 ms, and the grab runs before the overlay).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script: tests.xserver is found from the checkout
from tests import xserver  # noqa: E402

SIZE = (1920, 1080)

CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
runs = int(sys.argv[2])
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QGuiApplication
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from app.services.capture import Monitor, Rect
from app.ui.overlay import CaptureOverlay

app = QApplication(sys.argv[:1])
screen = QGuiApplication.primaryScreen()
geo = screen.geometry()
W, H = geo.width(), geo.height()
desktop = QImage(W, H, QImage.Format.Format_RGB888)
p = QPainter(desktop)
gradient = QLinearGradient(0, 0, W, H)
gradient.setColorAt(0, QColor("#274060"))
gradient.setColorAt(1, QColor("#5b8fb9"))
p.fillRect(desktop.rect(), gradient)
for i in range(6):
    r = QRect(80 + i * 230, 60 + i * 110, 900, 560)
    p.fillRect(r, QColor("#f4f4f4"))
    p.fillRect(QRect(r.x(), r.y(), r.width(), 30), QColor("#dadada"))
    for line in range(16):
        bar = QRect(r.x() + 20, r.y() + 50 + line * 30, 200 + (line * 97) % 600, 10)
        p.fillRect(bar, QColor("#9aa"))
p.end()
monitor = Monitor(1, Rect(geo.x(), geo.y(), W, H), primary=True, name=screen.name())
monitors = [monitor]

builds, moves = [], []
for run in range(runs + 1):
    painted = []
    start = time.perf_counter()
    overlay = CaptureOverlay(desktop, (geo.x(), geo.y()), monitors)
    overlay.first_painted.connect(painted.append)
    overlay.show()
    while not painted:
        app.processEvents()
    widget = overlay.widgets()[0]
    times = []
    for step in range(40):
        t = time.perf_counter()
        QTest.mouseMove(widget, QPoint(300 + step * 31, 200 + step * 17))
        widget.repaint()  # what the pending update() paints, now, so it is timed
        times.append(time.perf_counter() - t)
    overlay.close()
    app.processEvents()
    if run:  # the first run warms fonts and caches
        builds.append((painted[0] - start) * 1000)
        moves.append(statistics.median(times) * 1000)
print(json.dumps({"platform": QGuiApplication.platformName(), "builds": builds, "moves": moves}))
"""


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb of the benchmark's size (tests/xserver.py)."""
    try:
        return xserver.start_xvfb(*SIZE)
    except xserver.XServerError as error:
        raise SystemExit(f"bench_overlay: {error}") from None


def measure(env: dict[str, str], runs: int) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT), str(runs)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench_overlay: the overlay process failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--limit-ms", type=float, default=100.0)
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screen.json"
        config.write_text(
            json.dumps(
                {
                    "screens": [
                        {"name": "S", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1]}
                        | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                    ]
                }
            )
        )
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        env.pop("DISPLAY", None)
        results.append(measure(env, args.runs))
    if shutil.which("Xvfb"):
        server, display = start_xvfb()
        try:
            env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
            results.append(measure(env, args.runs))
        finally:
            server.terminate()
            server.wait(10)
    else:
        print("bench_overlay: no Xvfb, only the offscreen figures")

    failed = False
    for result in results:
        builds = sorted(result["builds"])  # type: ignore[arg-type]
        moves = sorted(result["moves"])  # type: ignore[arg-type]
        median_build = builds[len(builds) // 2]
        print(
            f"overlay 1920x1080 on {result['platform']:>9}: build+first paint median "
            f"{median_build:.1f} ms (worst {builds[-1]:.1f}), pointer move median "
            f"{moves[len(moves) // 2]:.2f} ms (worst {moves[-1]:.2f})"
        )
        failed |= median_build > args.limit_ms
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
