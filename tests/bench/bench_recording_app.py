"""Steps recorder figures in the real MainWindow: the GUI thread during a burst of clicks, and
memory over a long recording.

On an Xvfb of its own (1280x800) managed by openbox, ``tests/e2e/recording_app.py`` (the real
MainWindow and RecorderService) records clicks that xdotool makes on the test window of
``tests/e2e/buttons_window.py``:

* a burst of ``--burst`` clicks (default 20, 10 ms apart) while the GUI thread runs a 1 ms
  heartbeat timer: the longest gap between beats is how long the GUI thread was blocked, from
  the first click until every screenshot is stored (target: never over 16 ms);
* resident memory (VmRSS) of the app before and after ``--clicks`` clicks (default 100, the
  default step limit; each at another spot, so each screenshot is a blob of its own), each
  screenshot stored; the growth per click shows whether frames are
  kept in memory (they must not be: encoded and written to the blob store as they come).

Fails (exit 1) when the GUI thread was blocked over ``--limit-ms``. Skips (exit 0) without
Xvfb, openbox or xdotool.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=20, help="clicks in the burst")
    parser.add_argument("--clicks", type=int, default=100, help="clicks for the memory figure")
    parser.add_argument("--limit-ms", type=float, default=16.0, help="GUI-thread block target")
    args = parser.parse_args()
    if not all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool", "xprop")):
        print("bench_recording_app: skipped (Xvfb, openbox, xdotool and xprop are needed)")
        return 0
    from tests.xserver import openbox_display

    with openbox_display() as display, tempfile.TemporaryDirectory() as folder:
        os.environ["DISPLAY"] = display
        os.environ.pop("WAYLAND_DISPLAY", None)
        home = Path(folder) / "home"
        home.mkdir()
        return measure(display, home, args.burst, args.clicks, args.limit_ms)


def measure(display: str, home: Path, burst: int, clicks: int, limit_ms: float) -> int:
    from tests.e2e.test_recorder_x11 import ButtonsWindow, run
    from tests.e2e.test_recording_app import RecordingApp

    (home / "config").mkdir()
    limit = max(clicks, burst)
    (home / "config" / "settings.json").write_text(f'{{"recorder_max_steps": {limit}}}')
    window = ButtonsWindow(display)
    app = RecordingApp(display, home)
    x, y = window.centre("Alpha")

    def clicked(n: int, *, delay_ms: int) -> None:
        run(display, "xdotool", "mousemove", "--sync", str(x), str(y))
        run(display, "xdotool", "click", "--repeat", str(n), "--delay", str(delay_ms), "1")

    def all_stored(n: int) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            app.send("steps?")
            steps = app.expect("steps?")["steps"]
            if len(steps) >= n and all(s["image_sha256"] for s in steps):
                return
            time.sleep(0.05)  # asking another process: polling is the only way
        missing = sum(1 for s in steps if not s["image_sha256"])
        raise SystemExit(
            f"bench_recording_app: {len(steps)} of {n} steps, {missing} without a screenshot"
        )

    try:
        # The burst: the heartbeat covers the clicks, the grabs, encodes, stores and journal.
        app.send("start")
        app.expect("started")
        app.send("beat")  # a second of recording with no input: the baseline
        time.sleep(1.0)  # the figure is over a fixed span of time, not a wait for a state
        app.send("beat?")
        idle = app.expect("beat")["longest_ms"]
        app.send("beat")
        start = time.perf_counter()
        clicked(burst, delay_ms=10)
        all_stored(burst)
        burst_s = time.perf_counter() - start
        app.send("beat?")
        longest = app.expect("beat")["longest_ms"]
        app.send("stop")
        app.expect("finished")
        app.send("accept")  # the review: Add to ticket (a new recording waits for it)
        app.expect("inserted")

        # Memory over a long recording.
        app.send("start")
        app.expect("started")
        app.send("rss?")
        before = app.expect("rss")["kib"]
        left, top, width, height = window.rects["Alpha"]
        for i in range(clicks):  # every click elsewhere: every screenshot a different blob
            cx = left + 4 + (i * 7) % (width - 8)
            cy = top + 4 + (i * 3) % (height - 8)
            run(display, "xdotool", "mousemove", "--sync", str(cx), str(cy), "click", "1")
        all_stored(clicks)
        app.send("rss?")
        after = app.expect("rss")["kib"]
        app.send("stop")
        steps = app.expect("finished")["steps"]
        blob_bytes = sum(
            p.stat().st_size for p in (home / "data" / "blobs").rglob("*") if p.is_file()
        )
    finally:
        app.close()
        window.close()

    print(f"burst of {burst} clicks, all stored after   {burst_s * 1000:8.0f} ms")
    print(f"GUI thread longest gap, 1 s idle         {idle:8.2f} ms")
    print(f"GUI thread longest block (1 ms beat)     {longest:8.2f} ms  (target {limit_ms} ms)")
    print(f"RSS before {clicks} clicks                   {before / 1024:8.1f} MiB")
    print(f"RSS after  {clicks} clicks                   {after / 1024:8.1f} MiB")
    print(f"RSS growth per click                     {(after - before) / clicks:8.1f} KiB")
    print(f"steps recorded                           {len(steps):8d}")
    print(f"blob store after both recordings         {blob_bytes / 1024:8.0f} KiB")
    return 1 if longest > limit_ms else 0


if __name__ == "__main__":
    raise SystemExit(main())
