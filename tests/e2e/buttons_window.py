"""A Qt window with named buttons and a line edit, for the steps recorder's test (a script).

    python buttons_window.py TITLE

Prints ``shown WINID {"Alpha": [x, y, w, h], ...}`` (widget rectangles relative to the window's
client area) once exposed, then ``clicked NAME`` for every button click and ``text TEXT`` when
stdin gets a line (the test asks what the line edit holds). Exits when stdin closes.
The buttons take no focus, so typing always goes to the line edit.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    from PySide6.QtCore import QPoint, QSocketNotifier, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle(sys.argv[1])
    layout = QVBoxLayout(window)
    widgets: dict[str, QWidget] = {}
    for name in ("Alpha", "Edit", "Beta"):
        if name == "Edit":
            edit = QLineEdit()
            widgets[name] = edit
        else:
            button = QPushButton(name)
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=name: print("clicked", n, flush=True))
            widgets[name] = button
        widgets[name].setMinimumHeight(40)
        layout.addWidget(widgets[name])
    window.setGeometry(200, 150, 360, 220)
    window.show()
    edit.setFocus()

    def report_when_exposed() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(20, report_when_exposed)
            return
        rects = {}
        for name, widget in widgets.items():
            origin = widget.mapTo(window, QPoint(0, 0))
            rects[name] = [origin.x(), origin.y(), widget.width(), widget.height()]
        print("shown", int(window.winId()), json.dumps(rects), flush=True)

    QTimer.singleShot(0, report_when_exposed)

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        print("text", edit.text(), flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
