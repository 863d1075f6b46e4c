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


def test_qt_garbage_is_freed_on_the_gui_thread_not_in_a_worker(qtbot) -> None:
    """A dialog left in a reference cycle must not be destroyed by a collection that a worker's
    allocations trigger (its timers would be stopped from the wrong thread)."""
    import gc

    from PySide6.QtCore import QObject, QTimer

    from app.services.tasks import GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=20)  # the fixture's one is already running
    freed_in: list[int] = []

    class Holder(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.timer = QTimer(self)
            self.timer.start(60_000)
            self.cycle = self  # only the cyclic collector can free it

        def __del__(self) -> None:  # runs in the thread that collects it
            freed_in.append(threading.get_ident())

    holder = Holder()
    del holder
    assert not gc.isenabled()

    def allocate() -> None:
        for _ in range(50_000):
            a: list[object] = []
            a.append(a)  # cyclic garbage: what would trigger an automatic collection

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed_in == []  # nothing was collected in the worker
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
    assert freed_in == [threading.get_ident()]  # freed here, on the GUI thread
    collector.stop()
    assert not gc.isenabled()  # the fixture's collector still owns collection
