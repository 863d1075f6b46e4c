"""The task runner delivers results on the GUI thread, and never to a widget already gone."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from app.services.tasks import TaskRunner


def test_a_result_for_a_deleted_widget_is_dropped_not_raised(qtbot) -> None:
    runner = TaskRunner()
    label = QLabel()
    release = threading.Event()

    def work() -> str:
        release.wait(5)
        return "late"

    def fail() -> None:
        release.wait(5)
        raise OSError("the database went away with the window")

    runner.run(work, on_success=label.setText)
    runner.run(fail, on_error=label.setText)  # type: ignore[arg-type]
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=3000)
    release.set()
    runner.wait_all(5000)
    qtbot.wait(50)  # the queued deliveries run: Qt would report an exception raised in them


def _alive(widget: QLabel) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_results_reach_live_widgets_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    label = QLabel()
    qtbot.addWidget(label)
    seen: list[bool] = []

    def done(text: str) -> None:
        seen.append(threading.current_thread() is threading.main_thread())
        label.setText(text)

    runner.run(lambda: "ready", on_success=done)
    qtbot.waitUntil(lambda: label.text() == "ready", timeout=3000)
    assert seen == [True]
