"""Annotator figures: how long a render takes, and how long the GUI thread is busy per edit.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python, offscreen); a
script that prints figures, not a pytest test. On a 1920x1080 UI-like image with five
operations (rectangle, arrow, text, numbered marker, pixelating redaction of 800x200):

* ``render(document)`` in this thread, median and max of ``--runs``: the work the annotator
  hands to the task runner (it never runs on the GUI thread);
* in a real :class:`AnnotatorDialog` (offscreen, fit zoom), the GUI thread's share of one edit:
  the mouse release that commits an operation (document.add, preview, render request), the
  arrival of the render (swap the image, refit, repaint request), and one full repaint of the
  canvas; each median and max of ``--runs``.

Fails (exit 1) when a GUI-thread median is above ``--limit-ms`` (16 ms: one frame at 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--limit-ms", type=float, default=16.0)
    args = parser.parse_args()

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.services.annotation import (
        ArrowOp,
        Document,
        ImageRect,
        Point,
        RectangleOp,
        RedactMode,
        RedactOp,
        TextOp,
        render,
    )
    from app.ui.annotator import AnnotatorDialog, Tool

    app = QApplication([])
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor("#f3f3f3"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 1920, 40, QColor("#2b579a"))
    painter.setFont(QFont("DejaVu Sans", 11))
    painter.setPen(QColor("#202020"))
    for row in range(48):
        painter.drawText(30, 70 + row * 21, f"Row {row}: jane.doe{row}@example.com  " * 4)
    painter.end()

    document = Document(image)
    document.add(RectangleOp(ImageRect(100, 100, 400, 300)))
    document.add(ArrowOp(Point(900, 600), Point(520, 260)))
    document.add(TextOp(Point(920, 600), "Export fails here", size=32))
    document.add_marker(Point(80, 80))
    document.add(RedactOp(ImageRect(200, 700, 800, 200), RedactMode.PIXELATE))

    def timed(fn: object, runs: int) -> list[float]:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            samples.append((time.perf_counter() - start) * 1000)
        return samples

    render(document)  # warm-up: fonts, glyph caches
    figures = {
        "render, 1920x1080, 5 ops incl. pixelate (worker)": timed(
            lambda: render(document), args.runs
        )
    }

    dialog = AnnotatorDialog(image, document.to_json())
    dialog.resize(1100, 760)
    dialog.show()

    def wait_rendered() -> None:
        while dialog.render_pending():
            app.processEvents()

    wait_rendered()
    dialog._set_tool(Tool.RECTANGLE)
    canvas = dialog.canvas
    release: list[float] = []
    arrival: list[float] = []
    real_done = dialog._on_render_done

    def measured_done(generation: int, result: object) -> None:
        start = time.perf_counter()
        real_done(generation, result)  # type: ignore[arg-type]
        arrival.append((time.perf_counter() - start) * 1000)

    dialog._on_render_done = measured_done  # type: ignore[method-assign]
    for run in range(args.runs):
        x = 20 + (run * 13) % 300
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, 40))
        QTest.mouseMove(canvas, QPoint(x + 60, 90))
        start = time.perf_counter()
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x + 60, 90))
        release.append((time.perf_counter() - start) * 1000)
        wait_rendered()
        app.processEvents()
    figures["GUI thread: mouse release that commits an edit"] = release
    figures["GUI thread: render arrives (swap image, refit)"] = arrival
    figures["GUI thread: full repaint of the canvas at fit zoom"] = timed(canvas.repaint, args.runs)
    dialog.actual_size_action.trigger()
    figures["GUI thread: full repaint of the canvas at 100 %"] = timed(canvas.repaint, args.runs)

    failed = False
    for name, samples in figures.items():
        median = statistics.median(samples)
        print(f"{name:<58} median {median:6.1f} ms   max {max(samples):6.1f} ms")
        if name.startswith("GUI thread") and median > args.limit_ms:
            failed = True
            print(f"  FAIL: above {args.limit_ms} ms")
    dialog.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
