"""Steps recorder figures: what one click costs, split where the work runs.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python). On an Xvfb of
its own (1920x1080) showing the UI-like screen of bench_capture.py, median of ``--runs``:

* on the recorder's listener thread (the time the next event waits): the top-level window
  under the pointer (``_X11Reader.windows()``, as ``X11InputRecorder`` does per click) and
  the grab of an 800x600 window and of the whole 1920x1080 monitor;
* on the encoder thread: the red ring, the PNG encoding (zlib level 1) and the blob store's
  write (a temporary folder), for both sizes;
* the whole of ``StepCollector.on_click`` + ``wait_idle`` for a window click.

It fails (exit 1) when the listener-thread part of a window click exceeds ``--limit-ms``.
Skips (exit 0) without Xvfb.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from bench_capture import UI_SCREEN, start_xvfb  # noqa: E402  (a script beside this one)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure")
    parser.add_argument("--limit-ms", type=float, default=50.0, help="listener-thread target")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        print("bench_recorder: skipped (no Xvfb)")
        return 0
    server, display = start_xvfb()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    painter = subprocess.Popen(
        [sys.executable, "-c", UI_SCREEN, "1920", "1080"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert painter.stdout is not None
        if painter.stdout.readline().strip() != "painted":
            raise SystemExit("bench_recorder: the screen was not painted")
        os.environ["DISPLAY"] = display
        os.environ.pop("WAYLAND_DISPLAY", None)
        return measure(args.runs, args.limit_ms)
    finally:
        assert painter.stdin is not None
        painter.stdin.close()
        painter.wait(10)
        server.terminate()
        server.wait(10)


def measure(runs: int, limit_ms: float) -> int:
    from app.capture import x11grab
    from app.capture.grab import Rect, encode_bgrx_png
    from app.capture.steps import StepCollector, draw_marker
    from app.capture.windows import WindowInfo, _X11Reader
    from app.store.blobs import BlobStore

    window = Rect(300, 200, 800, 600)
    monitor = Rect(0, 0, 1920, 1080)
    with tempfile.TemporaryDirectory() as home:
        blobs = BlobStore(Path(home) / "blobs")
        store = lambda png: blobs.put_bytes(png)[0]  # noqa: E731
        figures: dict[str, list[float]] = {}
        sizes: dict[str, int] = {}
        with x11grab.Display() as xdisplay:
            for _ in range(runs + 1):  # the first is a warm-up
                start = time.perf_counter()
                _X11Reader.open().windows()
                figures.setdefault("window lookup", []).append(time.perf_counter() - start)
                for name, rect in (("800x600", window), ("1920x1080", monitor)):
                    start = time.perf_counter()
                    pixels = xdisplay.grab_bgrx(rect.x, rect.y, rect.width, rect.height)
                    grabbed = time.perf_counter()
                    image = bytearray(pixels)
                    draw_marker(image, rect.width, rect.height, rect.width // 2, rect.height // 2)
                    marked = time.perf_counter()
                    png = encode_bgrx_png(bytes(image), rect.width, rect.height)
                    encoded = time.perf_counter()
                    store(png)
                    stored = time.perf_counter()
                    figures.setdefault(f"grab {name}", []).append(grabbed - start)
                    figures.setdefault(f"marker {name}", []).append(marked - grabbed)
                    figures.setdefault(f"encode {name}", []).append(encoded - marked)
                    figures.setdefault(f"store {name}", []).append(stored - encoded)
                    sizes[name] = len(png)
        collector = StepCollector(store)
        info = WindowInfo(1, "Bench", window, "bench")
        for _ in range(runs + 1):
            start = time.perf_counter()
            collector.on_click(700, 500, "left", info)
            returned = time.perf_counter()
            collector.wait_idle(10)
            done = time.perf_counter()
            figures.setdefault("on_click returns", []).append(returned - start)
            figures.setdefault("on_click to stored", []).append(done - start)
        collector.close()
    for name, values in figures.items():
        print(f"{name:22s} {median_ms(values[1:]):8.2f} ms  (median of {runs})")
    for name, size in sizes.items():
        print(f"PNG {name:18s} {size / 1024:8.0f} KiB")
    listener = median_ms(figures["window lookup"][1:]) + median_ms(figures["grab 800x600"][1:])
    print(f"{'listener per click':22s} {listener:8.2f} ms  (window lookup + 800x600 grab)")
    if listener > limit_ms:
        print(f"bench_recorder: the listener thread is held {listener:.1f} ms > {limit_ms} ms")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
