"""The capture overlay in a process of its own, for the multi-screen tests (a script, not a test).

    python overlay_app.py [--steps STEPS] [--grab-dir DIR] [--windows JSON] [--last X,Y,W,H]

Lists the monitors through ``app.services.capture`` (as the app does), freezes a desktop of
:func:`pattern_desktop` pixels over their bounding box, shows :class:`CaptureOverlay` and prints
one JSON object per line on stdout:

* ``{"event": "ready", "ms": ..., "monitors": [...], "widgets": [...]}`` once an overlay has
  painted (``ms``: from before the overlay was built to its first paint);
* ``{"event": "selection", "rect": [x, y, w, h] | null, "mode": ...}`` for each ``selection``
  line read on stdin;
* ``{"event": "selected", "rect": [...], "mode": ...}`` or ``{"event": "cancelled"}``, then it
  exits. It also exits when stdin closes.

``--steps`` drives the overlay from inside (for the offscreen platform, where nothing else can):
``;``-separated ``move X Y``, ``press X Y``, ``release X Y`` (virtual-desktop device pixels,
sent to the widget that holds the press, as the window system's implicit grab does), ``key NAME``
(a ``Qt.Key`` name without ``Key_``), ``grab`` (each widget's rendering saved in ``--grab-dir``
as ``<index>.png``, at the screen's device pixels), ``compare`` (prints whether what partial
repaints left on each screen equals a full repaint) and ``report`` (as the stdin ``selection``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QImage


def pattern_color(x: int, y: int) -> tuple[int, int, int]:
    """A colour unique to each pixel in -2048 <= x, y < 2048."""
    return x % 256, y % 256, ((x // 256) * 16 + y // 256) % 256


def pattern_desktop(width: int, height: int, origin: tuple[int, int] = (0, 0)) -> QImage:
    """A frozen desktop whose pixel at virtual-desktop (x, y) is ``pattern_color(x, y)``."""
    ox, oy = origin
    reds = bytes((ox + col) % 256 for col in range(width))
    blues_by_block = {
        yb: bytes((((ox + col) // 256) * 16 + yb) % 256 for col in range(width))
        for yb in {(oy + row) // 256 for row in range(height)}
    }
    data = bytearray(width * height * 3)
    for row in range(height):
        y = oy + row
        line = bytearray(width * 3)
        line[0::3] = reds
        line[1::3] = bytes([y % 256]) * width
        line[2::3] = blues_by_block[y // 256]
        data[row * width * 3 : (row + 1) * width * 3] = line
    image = QImage(bytes(data), width, height, width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", default="")
    parser.add_argument("--grab-dir", type=Path)
    parser.add_argument("--windows", default="[]", help='[["title", x, y, w, h], ...]')
    parser.add_argument("--last")
    args = parser.parse_args()

    from PySide6.QtCore import QPointF, QSocketNotifier, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QWidget

    from app.services.capture import Rect, monitors
    from app.ui.overlay import CaptureOverlay, Selection

    app = QApplication(sys.argv[:1])
    listed = monitors()
    left = min(m.geometry.x for m in listed)
    top = min(m.geometry.y for m in listed)
    right = max(m.geometry.right for m in listed)
    bottom = max(m.geometry.bottom for m in listed)
    desktop = pattern_desktop(right - left, bottom - top, (left, top))
    windows = [(str(w[0]), Rect(*(int(v) for v in w[1:5]))) for w in json.loads(args.windows)]
    last = Rect(*(int(v) for v in args.last.split(","))) if args.last else None

    def say(**fields: object) -> None:
        print(json.dumps(fields), flush=True)

    def rect_list(rect: Rect | None) -> list[int] | None:
        return None if rect is None else [rect.x, rect.y, rect.width, rect.height]

    started = time.perf_counter()
    overlay = CaptureOverlay(desktop, (left, top), listed, windows=windows, last_region=last)
    widgets = overlay.widgets()

    def on_painted(when: float) -> None:
        def info(widget: QWidget) -> dict[str, object]:
            geo = widget.geometry()
            return {
                "screen": widget.screen().name(),
                "ratio": widget.devicePixelRatioF(),
                "logical": [geo.x(), geo.y(), geo.width(), geo.height()],
                "monitor": rect_list(widget.monitor.geometry),  # type: ignore[attr-defined]
            }

        say(
            event="ready",
            ms=round((when - started) * 1000, 1),
            monitors=[{"name": m.name, "rect": rect_list(m.geometry)} for m in listed],
            widgets=[info(w) for w in widgets],
        )
        if args.steps:
            QTimer.singleShot(0, run_steps)

    def on_selected(selection: Selection) -> None:
        say(event="selected", rect=rect_list(selection.rect), mode=selection.mode)
        app.quit()

    def on_cancelled() -> None:
        say(event="cancelled")
        app.quit()

    overlay.first_painted.connect(on_painted)
    overlay.region_selected.connect(on_selected)
    overlay.cancelled.connect(on_cancelled)

    def report() -> None:
        say(event="selection", rect=rect_list(overlay.selection()), mode=overlay.mode())

    pressed: list[QWidget] = []

    def target(x: int, y: int) -> QWidget:
        if pressed:
            return pressed[0]
        for widget in widgets:
            geo = widget.monitor.geometry  # type: ignore[attr-defined]
            if geo.x <= x < geo.right and geo.y <= y < geo.bottom:
                return widget
        raise SystemExit(f"no screen at {x},{y}")

    def send(kind: QMouseEvent.Type, x: int, y: int, button: Qt.MouseButton) -> None:
        widget = target(x, y)
        geo = widget.monitor.geometry  # type: ignore[attr-defined]
        ratio = widget.devicePixelRatioF()
        local = QPointF((x - geo.x + 0.5) / ratio, (y - geo.y + 0.5) / ratio)
        held = pressed or kind == QMouseEvent.Type.MouseButtonPress
        buttons = Qt.MouseButton.LeftButton if held else Qt.MouseButton.NoButton
        event = QMouseEvent(
            kind,
            local,
            widget.mapToGlobal(local),
            button,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)

    def run_steps() -> None:
        from PySide6.QtTest import QTest

        left_button, no_button = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        for step in (s.split() for s in args.steps.split(";") if s.strip()):
            if step[0] in ("move", "press", "release"):
                x, y = int(step[1]), int(step[2])
            if step[0] == "move":
                send(QMouseEvent.Type.MouseMove, x, y, no_button)
            elif step[0] == "press":
                send(QMouseEvent.Type.MouseButtonPress, x, y, left_button)
                pressed.append(target(x, y))
            elif step[0] == "release":
                send(QMouseEvent.Type.MouseButtonRelease, x, y, left_button)
                pressed.clear()
            elif step[0] == "key":
                focus = QApplication.focusWidget() or widgets[0]
                QTest.keyClick(focus, getattr(Qt.Key, f"Key_{step[1]}"))
            elif step[0] == "grab":
                assert args.grab_dir is not None
                for index, widget in enumerate(widgets):
                    widget.grab().toImage().save(str(args.grab_dir / f"{index}.png"))
            elif step[0] == "compare":
                # What partial repaints left on screen against a full repaint, per widget. The
                # offscreen platform grabs scaled windows at their logical size: xcb only.
                app.processEvents()
                same = []
                for widget in widgets:
                    shown = widget.screen().grabWindow(widget.winId()).toImage()
                    full = widget.grab().toImage()
                    rgb32 = QImage.Format.Format_RGB32
                    same.append(shown.convertToFormat(rgb32) == full.convertToFormat(rgb32))
                    if not same[-1] and os.environ.get("OVERLAY_DEBUG_DIR"):
                        shown.save(f"{os.environ['OVERLAY_DEBUG_DIR']}/shown{len(same)}.png")
                        full.save(f"{os.environ['OVERLAY_DEBUG_DIR']}/full{len(same)}.png")
                say(event="compare", same=same)
            elif step[0] == "report":
                report()
            else:
                raise SystemExit(f"unknown step {step}")
            app.processEvents()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line:
            notifier.setEnabled(False)
            app.quit()
        elif line.strip() == "selection":
            report()

    if not args.steps:  # driven from inside: stdin may be closed already
        notifier.activated.connect(on_stdin)
    overlay.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
