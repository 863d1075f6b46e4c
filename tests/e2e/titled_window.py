"""A titled window on a real X display, for the window-facts tests (run as a script).

    python titled_window.py TITLE X Y WIDTH HEIGHT

shows a QRasterWindow (QtGui only) with that title and client-area geometry, prints
``shown WINID`` once it is exposed, and exits when stdin closes.
"""

from __future__ import annotations

import sys


def main() -> int:
    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtGui import QColor, QExposeEvent, QGuiApplication, QPainter, QRasterWindow

    title = sys.argv[1]
    x, y, width, height = (int(v) for v in sys.argv[2:6])

    class Window(QRasterWindow):
        def __init__(self) -> None:
            super().__init__()
            self.shown = False

        def paintEvent(self, event: object) -> None:
            painter = QPainter(self)
            painter.fillRect(0, 0, width, height, QColor(30, 120, 200))
            painter.end()

        def exposeEvent(self, event: QExposeEvent) -> None:
            super().exposeEvent(event)
            if self.isExposed() and not self.shown:
                self.shown = True
                print("shown", int(self.winId()), flush=True)

    app = QGuiApplication(sys.argv[:1])
    window = Window()
    window.setTitle(title)
    window.setGeometry(x, y, width, height)
    window.show()
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)  # stdin readable: EOF, the test is done
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
