"""A known pattern on a real X display, for the capture tests (run as a script, not collected).

    python capture_pattern.py X Y WIDTH HEIGHT

shows a frameless QRasterWindow (QtGui only) at (X, Y) of size WIDTH x HEIGHT filled with
:func:`expected_rgb`'s cells, prints ``painted`` once the window has been painted and mapped,
and exits when stdin closes. With no window manager on the display, X honours the position.
"""

from __future__ import annotations

import sys

CELL = 40  # pixels per cell; each cell's colour is a function of its desktop position


def cell_color(x: int, y: int) -> tuple[int, int, int]:
    """The colour the pattern has at desktop pixel (x, y)."""
    cx, cy = x // CELL, y // CELL
    return (cx * 37 + 11) % 256, (cy * 53 + 7) % 256, (cx * 13 + cy * 29 + 101) % 256


def expected_rgb(x: int, y: int, width: int, height: int) -> bytes:
    """The RGB bytes a capture of that rectangle of the pattern must return."""
    out = bytearray()
    for row in range(y, y + height):
        if row > y and row % CELL:  # same cell row as the line above
            out += out[-width * 3 :]
            continue
        line = bytearray()
        for col in range(x, x + width):
            line += bytes(cell_color(col, row))
        out += line
    return bytes(out)


def main() -> int:
    from PySide6.QtCore import QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QRasterWindow

    x, y, width, height = (int(v) for v in sys.argv[1:5])

    class Pattern(QRasterWindow):
        def __init__(self) -> None:
            super().__init__()
            self.painted = False

        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            first_col, first_row = x // CELL, y // CELL
            for cy in range(first_row, (y + height) // CELL + 1):
                for cx in range(first_col, (x + width) // CELL + 1):
                    rect = QRect(cx * CELL - x, cy * CELL - y, CELL, CELL)
                    painter.fillRect(rect, QColor(*cell_color(cx * CELL, cy * CELL)))
            painter.end()
            if not self.painted:
                self.painted = True
                # one more event-loop turn so the frame is flushed to the X server
                QTimer.singleShot(200, lambda: print("painted", flush=True))

    app = QGuiApplication(sys.argv[:1])
    window = Pattern()
    window.setFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
    window.setGeometry(x, y, width, height)
    window.show()

    from PySide6.QtCore import QSocketNotifier

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)  # stdin readable: EOF, the test is done
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
