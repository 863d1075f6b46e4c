"""Screenshot figures: ``main.py capture --all`` vs ``scrot``, and in-process capture + encode.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python); it is a script
that prints figures, not a pytest test. It starts an Xvfb of its own (1920x1080, 24 bit) and
paints a UI-like screen on it (text lines, panels, a toolbar: PNG size and encoding time depend
on the content), then

* times ``main.py capture --all --out x.png`` and ``scrot x.png`` (and ``python -c pass`` for
  scale) as whole processes, round-robin, median of ``--runs`` after warm-ups, with the ratio
  capture / scrot measured in the same run (the issue's target: at most 1.0x);
* times, in this process, ``grab_monitor(1)`` and ``Screenshot.to_png()`` (zlib level 1) of
  that 1920x1080 screen, median of ``--runs`` (target: under 60 ms together).

It fails (exit 1) when a command fails, when ``main.py capture`` imports PySide6 (the CLI must
not), or when the in-process median is above ``--limit-ms``. The ratio to scrot is a figure, not
a check. Needs Xvfb and scrot (``apt-get install xvfb scrot``); skips (exit 0) without them.
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
sys.path.insert(0, str(ROOT))  # run as a script: tests.xserver is found from the checkout
from tests import xserver  # noqa: E402

MAIN = ROOT / "main.py"
SIZE = (1920, 1080)

UI_SCREEN = r"""
import sys
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QRasterWindow

W, H = int(sys.argv[1]), int(sys.argv[2])

class Screen(QRasterWindow):
    done = False
    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(0, 0, W, H, QColor("#f3f3f3"))
        p.fillRect(0, 0, W, 36, QColor("#2b579a"))
        p.fillRect(0, 36, 260, H - 36, QColor("#e6e6e6"))
        p.setFont(QFont("DejaVu Sans", 10))
        p.setPen(QColor("white"))
        p.drawText(12, 24, "File   Edit   View   Tickets   Help")
        p.setPen(QColor("#202020"))
        for i in range(60):
            p.drawText(16, 60 + i * 17, f"Queue {i:02d}: support / printers ({i * 7 % 31})")
        for i in range(58):
            y = 60 + i * 17
            if i % 5 == 0:
                p.fillRect(280, y - 13, W - 300, 17, QColor("#dce6f4"))
            p.drawText(290, y, f"2026112510{i:06d}  open  The printer on floor {i % 7} rejects "
                       f"job #{i * 13} with error E{i % 42:02d}; the user restarted it twice "
                       f"and the spooler log says 'paper jam' although the tray is empty.")
        for i in range(8):
            p.fillRect(QRect(1500 + (i % 2) * 200, 700 + (i // 2) * 80, 180, 60),
                       QColor.fromHsv(i * 40, 120, 230))
        p.end()
        if not self.done:
            self.done = True
            QTimer.singleShot(300, lambda: print("painted", flush=True))

app = QGuiApplication(sys.argv[:1])
w = Screen()
w.setFlags(Qt.WindowType.FramelessWindowHint)
w.setGeometry(0, 0, W, H)
w.show()
from PySide6.QtCore import QSocketNotifier
n = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
n.activated.connect(app.quit)
sys.exit(app.exec())
"""


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb of the benchmark's size (tests/xserver.py)."""
    try:
        return xserver.start_xvfb(*SIZE)
    except xserver.XServerError as error:
        raise SystemExit(f"bench_capture: {error}") from None


def run_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"bench_capture: {' '.join(argv)} exited with {proc.returncode}:\n"
            + proc.stderr.decode(errors="replace")
        )
    return elapsed


def qt_imported(argv: list[str], env: dict[str, str]) -> list[str]:
    proc = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    names = [line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if "|" in line]
    return [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]


def in_process(runs: int, display: str, backend: str) -> tuple[list[float], list[float], int]:
    os.environ["DISPLAY"] = display
    os.environ.pop("WAYLAND_DISPLAY", None)
    sys.path.insert(0, str(ROOT))
    from app.capture.grab import grab_monitor

    grab_monitor(1, backend).to_png()  # warm-up: imports, the X connection's first use
    grabs, encodes, size = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        shot = grab_monitor(1, backend)
        grabbed = time.perf_counter()
        png = shot.to_png()
        done = time.perf_counter()
        if shot.backend != backend or (shot.width, shot.height) != SIZE:
            raise SystemExit(f"bench_capture: unexpected capture {shot.rect} ({shot.backend})")
        grabs.append(grabbed - start)
        encodes.append(done - grabbed)
        size = len(png)
    return grabs, encodes, size


def gui_stalls(runs: int, display: str) -> tuple[list[float], list[float]]:
    """Capture + encode as the app does it (a TaskRunner worker) while the GUI thread runs an
    event loop with a 1 ms heartbeat: the longest gap between beats is how long the GUI thread
    was blocked. Returns (longest gaps, wall times), one per run."""
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from app.services import annotation, capture
    from app.services.tasks import TaskRunner

    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    runner = TaskRunner()
    gaps, walls = [], []
    for _ in range(runs + 1):  # the first is a warm-up
        loop = QEventLoop()
        state = {"last": time.perf_counter(), "gap": 0.0}

        def beat(state: dict[str, float] = state) -> None:
            now = time.perf_counter()
            state["gap"] = max(state["gap"], now - state["last"])
            state["last"] = now

        def work() -> bytes:
            shot = capture.grab_desktop(allow_qt=False)
            annotation.screenshot_image(shot)  # what the overlay is given
            return shot.to_png()

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(beat)
        start = time.perf_counter()
        timer.start()
        runner.run(work, on_success=lambda _png, loop=loop: loop.quit(), on_error=print)
        loop.exec()
        timer.stop()
        gaps.append(state["gap"])
        walls.append(time.perf_counter() - start)
    runner.wait_all(10_000)
    del app
    return gaps[1:], walls[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--warmups", type=int, default=2, help="untimed runs first")
    parser.add_argument("--limit-ms", type=float, default=60.0, help="in-process target")
    args = parser.parse_args()

    missing = [tool for tool in ("Xvfb", "scrot") if shutil.which(tool) is None]
    if missing:
        print(f"bench_capture: skipped, {' and '.join(missing)} not installed")
        return 0

    python = sys.executable
    server, display = start_xvfb()
    failures: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="tw-bench-capture-") as tmp:
            env = dict(os.environ)
            env.update(
                DISPLAY=display,
                QT_QPA_PLATFORM="xcb",
                TICKETWISE_HOME=str(Path(tmp) / "home"),
                PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
            )
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env.pop("TICKETWISE_CAPTURE_BACKEND", None)
            screen = subprocess.Popen(
                [python, "-c", UI_SCREEN, str(SIZE[0]), str(SIZE[1])],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert screen.stdout is not None and screen.stdin is not None
            if screen.stdout.readline().strip() != "painted":
                raise SystemExit("bench_capture: the UI-like screen did not paint")
            try:
                out_app, out_scrot = Path(tmp) / "app.png", Path(tmp) / "scrot.png"
                cases = {
                    "python -c pass": [python, "-c", "pass"],
                    "scrot x.png": ["scrot", "--overwrite", str(out_scrot)],
                    "main.py capture --all": [
                        python, str(MAIN), "capture", "--all", "--out", str(out_app)
                    ],
                }  # fmt: skip
                times: dict[str, list[float]] = {label: [] for label in cases}
                for _ in range(args.warmups):
                    for argv in cases.values():
                        run_once(argv, env)
                for _ in range(args.runs):  # round-robin: drift hits every command alike
                    for label, argv in cases.items():
                        times[label].append(run_once(argv, env))
                qt = qt_imported(cases["main.py capture --all"], env)
                sizes = {"scrot x.png": out_scrot.stat().st_size}
                sizes["main.py capture --all"] = out_app.stat().st_size
                grabs, encodes, png_size = in_process(args.runs, display, "x11")
                mss_grabs, mss_encodes, _ = in_process(args.runs, display, "mss")
                stalls, stall_walls = gui_stalls(args.runs, display)
            finally:
                screen.stdin.close()
                screen.wait(10)
                screen.stdout.close()
    finally:
        server.terminate()
        server.wait(10)

    scrot = statistics.median(times["scrot x.png"])
    print(
        f"\nScreenshot of a {SIZE[0]}x{SIZE[1]} Xvfb screen (UI-like content): median of "
        f"{args.runs} runs after {args.warmups} warm-ups; Python {sys.version.split()[0]}\n"
    )
    header = f"{'command':<24} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x scrot':>8}"
    header += f" {'PNG KiB':>8}"
    print(header)
    print("-" * len(header))
    for label, values in times.items():
        median = statistics.median(values)
        size = f"{sizes[label] / 1024:.0f}" if label in sizes else "-"
        print(
            f"{label:<24} {median * 1000:>10.1f} {min(values) * 1000:>8.1f} "
            f"{max(values) * 1000:>8.1f} {median / scrot:>8.2f} {size:>8}"
        )
    grab_ms = statistics.median(grabs) * 1000
    encode_ms = statistics.median(encodes) * 1000
    total_ms = statistics.median(g + e for g, e in zip(grabs, encodes, strict=True)) * 1000
    print(
        f"\nIn process, monitor 1 (libX11 + PNG zlib level 1): grab {grab_ms:.1f} ms, "
        f"encode {encode_ms:.1f} ms, together {total_ms:.1f} ms "
        f"(target < {args.limit_ms:.0f} ms); PNG {png_size / 1024:.0f} KiB"
    )
    mss_total = statistics.median(g + e for g, e in zip(mss_grabs, mss_encodes, strict=True))
    print(
        f"In process, the same with mss: grab {statistics.median(mss_grabs) * 1000:.1f} ms, "
        f"together {mss_total * 1000:.1f} ms"
    )
    wall_ms = statistics.median(stall_walls) * 1000
    print(
        f"GUI thread during capture + encode in a worker (as the app runs it): longest block "
        f"{max(stalls) * 1000:.1f} ms (median of runs {statistics.median(stalls) * 1000:.1f} ms; "
        f"1 ms heartbeat; target: never over 16 ms); wall {wall_ms:.1f} ms"
    )
    if max(stalls) > 0.016:
        failures.append(f"the GUI thread was blocked {max(stalls) * 1000:.1f} ms (limit 16 ms)")
    if qt:
        failures.append(f"main.py capture imports Qt: {', '.join(qt[:5])}")
    else:
        print("Qt check: main.py capture --all imports no PySide6.")
    if total_ms > args.limit_ms:
        failures.append(f"capture + encode took {total_ms:.1f} ms (limit {args.limit_ms} ms)")
    for failure in failures:
        print(f"bench_capture: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
