"""The steps editor in a process of its own on a real X display (a script, not a test).

    TICKETWISE_HOME=DIR python steps_editor_app.py

Shows :class:`StepsEditor` on the five-step recording of ``tests/ui/test_steps_editor.py`` and
prints one JSON object per line on stdout:

* ``{"event": "ready", "rows": [[x, y, w, h], ...]}`` (each row's rectangle in screen pixels)
  once every thumbnail is loaded;
* ``{"event": "edited", "numbers": [...]}`` (the step numbers in the order shown) after each
  edit. It exits when stdin closes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    from PySide6.QtCore import QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from app.config.paths import resolve_paths
    from app.services.context import AppContext
    from app.services.drafts import DraftService
    from app.services.tasks import TaskRunner
    from app.ui.steps_editor import StepsEditor
    from tests.ui.test_steps_editor import recording

    app = QApplication(sys.argv[:1])
    ctx = AppContext.create(resolve_paths())
    drafts = DraftService(ctx)
    runner = TaskRunner()
    editor = StepsEditor(recording(drafts), drafts, runner)
    editor.move(40, 40)
    editor.show()

    def say(**message: object) -> None:
        print(json.dumps(message), flush=True)

    def rows() -> list[list[int]]:
        out = []
        for row in range(editor.list.count()):
            rect = editor.list.visualItemRect(editor.list.item(row))
            top_left = editor.list.viewport().mapToGlobal(rect.topLeft())
            out.append([top_left.x(), top_left.y(), rect.width(), rect.height()])
        return out

    def when_ready() -> None:
        loaded = all(
            editor.thumbnail_loaded(row)
            for row, step in enumerate(editor.steps())
            if step.image_sha256
        )
        if loaded and editor.isVisible() and editor.windowHandle().isExposed():
            say(event="ready", rows=rows())
        else:
            QTimer.singleShot(50, when_ready)  # the thumbnails come from the runner

    editor.steps_edited.connect(
        lambda: say(event="edited", numbers=[s.number for s in editor.steps()])
    )
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    # exit(), not quit(): quit() closes the windows first, and closing the editor asks before
    # the recording is discarded.
    stdin.activated.connect(lambda: sys.stdin.readline() or app.exit(0))
    QTimer.singleShot(0, when_ready)
    code = app.exec()
    runner.wait_all(10_000)
    ctx.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
