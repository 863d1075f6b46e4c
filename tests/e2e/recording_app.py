"""The real MainWindow with its steps recorder, driven from stdin, reporting on stdout (a script
for tests/e2e/test_recording_app.py and the recorder figures).

    python recording_app.py

Runs on $DISPLAY with $TICKETWISE_HOME. Prints one JSON object a line:
``{"event": "ready", "main": WINID}``, ``{"event": "started", "control": WINID, "buttons":
{name: [x, y, w, h]}}`` (relative to the control), ``{"event": "count", "n": N}``,
``{"event": "paused", "on": bool}``, ``{"event": "limit"}``, ``{"event": "failed", ...}``,
``{"event": "finished", "steps": [...], "minimized": bool}`` and answers to commands.

Commands (one a line): ``start``, ``stop``, ``beat`` (start a 1 ms heartbeat timer on the
GUI thread), ``beat?`` (the longest gap between beats since ``beat``, in ms), ``rss?`` (the
resident memory in KiB), ``count?``, ``steps?``,
``grab PATH`` (the screen as a PNG), ``settings`` (opens Settings on the General tab).
Exits when stdin closes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def say(**event: object) -> None:
    print(json.dumps(event), flush=True)


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    from PySide6.QtCore import QPoint, QSocketNotifier, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QTabWidget

    from app.config.paths import resolve_paths
    from app.services.context import AppContext
    from app.services.tasks import TaskRunner
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    ctx = AppContext.create(resolve_paths())
    runner = TaskRunner()
    window = MainWindow(ctx, runner, QIcon())
    window.show()
    window.start()
    recorder = window.ensure_recorder()
    control = window.recorder_control
    assert control is not None

    def started() -> None:
        def report_when_exposed() -> None:
            handle = control.windowHandle()
            if handle is None or not handle.isExposed():
                QTimer.singleShot(20, report_when_exposed)
                return
            buttons = {}
            for name, button in (
                ("pause", control.pause_button),
                ("note", control.note_button),
                ("screenshot", control.screenshot_button),
                ("stop", control.stop_button),
            ):
                origin = button.mapTo(control, QPoint(0, 0))
                buttons[name] = [origin.x(), origin.y(), button.width(), button.height()]
            say(
                event="started",
                control=int(control.winId()),
                buttons=buttons,
                minimized=window.isMinimized(),
            )

        QTimer.singleShot(0, report_when_exposed)

    recorder.started.connect(started)
    recorder.steps_changed.connect(lambda n: say(event="count", n=n))
    recorder.paused_changed.connect(lambda on: say(event="paused", on=on))
    recorder.limit_reached.connect(lambda: say(event="limit"))
    recorder.failed.connect(
        lambda exc: say(
            event="failed", kind=getattr(exc, "kind", ""), params=getattr(exc, "params", {})
        )
    )
    recorder.screenshot_done.connect(lambda added: say(event="screenshot", added=added))
    window.recording_finished.connect(
        lambda steps: say(
            event="finished",
            steps=[s.to_dict() for s in steps],
            minimized=window.isMinimized(),
        )
    )

    beats = {"last": 0.0, "longest": 0.0}

    def beat() -> None:
        now = time.perf_counter()
        if beats["last"]:
            beats["longest"] = max(beats["longest"], now - beats["last"])
        beats["last"] = now

    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(beat)

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        command = line.strip()
        if command == "start":
            say(event="start", ok=window.start_recording())
        elif command == "stop":
            window.stop_recording()
        elif command == "beat":
            beats["last"] = beats["longest"] = 0.0
            heartbeat.start()
        elif command == "beat?":
            say(event="beat", longest_ms=round(beats["longest"] * 1000, 2))
        elif command == "rss?":
            say(event="rss", kib=rss_kib())
        elif command == "count?":
            say(event="count?", n=recorder.count)
        elif command.startswith("grab "):
            # The whole screen as the X server shows it (for looking at the control).
            screen = app.primaryScreen()
            screen.grabWindow(0).save(command[5:], "PNG")
            geometry = control.frameGeometry()
            say(
                event="grabbed",
                control=[geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            )
        elif command == "settings":
            dialog = window.make_settings_dialog()
            tabs = dialog.findChild(QTabWidget)
            if tabs is not None:
                tabs.setCurrentIndex(1)
            dialog.show()
            QTimer.singleShot(300, lambda: say(event="settings", window=int(dialog.winId())))
        elif command == "steps?":
            say(event="steps?", steps=[s.to_dict() for s in recorder.steps()])
        elif command == "accept":
            # "Add to ticket" in the steps editor; reports once the composer holds the steps
            # and the journal is gone (the draft with the steps is on disk by then).
            editor = window.steps_editor
            if editor is None:
                say(event="accept", ok=False)
                return
            editor.add_button.click()
            journal = ctx.paths.recording_journal

            def inserted() -> None:
                refs = window.composer.draft.attachments
                if not window.composer.steps.toPlainText() or journal.exists():
                    QTimer.singleShot(20, inserted)
                    return
                say(
                    event="inserted",
                    text=window.composer.steps.toPlainText(),
                    attachments=[ref.name for ref in refs],
                )

            inserted()
        elif command == "send":
            composer = window.composer
            composer.subject.setText("Invoice export fails after Save")
            composer.what_happened.setPlainText("The export shows an error page after Save.")
            composer.send_button.click()
            say(event="send")

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)

    def ready_when_exposed() -> None:
        # Only once the window manager shows the main window: a recording started before
        # that could not minimize it, and it would cover (and take) the clicks meant for
        # the application being recorded.
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(20, ready_when_exposed)
            return
        say(event="ready", main=int(window.winId()))

    QTimer.singleShot(0, ready_when_exposed)
    code = app.exec()
    window.prepare_quit()
    runner.wait_all(10_000)
    ctx.close()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
