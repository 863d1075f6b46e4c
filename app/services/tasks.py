"""The one way to run background work: a task runner over QThreadPool.

``run(fn, ...)`` executes ``fn`` in a worker thread and delivers its result, its error or its
progress to callbacks **on the GUI thread**. Worker code never touches a widget. ``serial=True``
tasks run one at a time in submission order (database writes such as autosaves, whose order
matters).
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
OnSuccess = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def _gone(callback: Callable[..., Any] | None) -> bool:
    """Whether ``callback`` is a method of a Qt object already deleted (a window closed while
    its task ran): calling it would raise instead of doing nothing."""
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker reach it through queued calls."""

    succeeded = Signal(object)
    """The task returned a value."""
    failed = Signal(object)
    """The task raised an exception."""
    progressed = Signal(int, int)
    """The task reported (done, total)."""

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[..., Any],
        on_success: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Progress | None,
    ) -> None:
        super().__init__()
        self._runner = runner
        # The callable and the callbacks often capture widgets: they are held here, by an object
        # of the GUI thread, and dropped there, so no widget is ever freed on a worker thread.
        self.fn: Callable[..., Any] | None = fn
        self._on_success = on_success
        self._on_error = on_error
        self._on_progress = on_progress
        self.succeeded.connect(self._on_task_succeeded)
        self.failed.connect(self._on_task_failed)
        self.progressed.connect(self._on_task_progressed)

    def _finish(self) -> tuple[OnSuccess | None, OnError | None]:
        callbacks = self._on_success, self._on_error
        self.fn = self._on_success = self._on_error = self._on_progress = None
        self._runner._release(self)
        self.deleteLater()  # freed by the GUI thread's event loop, whoever drops the last ref
        return callbacks

    @Slot(object)
    def _on_task_succeeded(self, value: object) -> None:
        on_success, _ = self._finish()
        if on_success is not None and not _gone(on_success):
            on_success(value)

    @Slot(object)
    def _on_task_failed(self, exc: object) -> None:
        _, on_error = self._finish()
        assert isinstance(exc, BaseException)
        if _gone(on_error):
            log.info("task failed after its window went away: %s", exc)
        elif on_error is not None:
            on_error(exc)
        else:
            self._runner.unhandled(exc)

    @Slot(int, int)
    def _on_task_progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and not _gone(self._on_progress):
            self._on_progress(done, total)


class _Task(QRunnable):
    def __init__(self, relay: _Relay, with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._with_progress = with_progress

    def run(self) -> None:
        relay = self._relay
        try:
            assert relay.fn is not None
            args = (relay.progressed.emit,) if self._with_progress else ()
            value = relay.fn(*args)  # no local keeps the callable once it returns
        except BaseException as exc:
            log.debug("task failed: %s", "".join(traceback.format_exception(exc)))
            relay.failed.emit(exc)
            return
        relay.succeeded.emit(value)


class TaskRunner(QObject):
    """Runs callables off the GUI thread."""

    def __init__(self, parallel: int = 4) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(parallel)
        self._serial = QThreadPool()
        self._serial.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()
        self.unhandled: Callable[[BaseException], None] = self._log_unhandled

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
        serial: bool = False,
    ) -> None:
        """Run ``fn()`` (or ``fn(report_progress)`` when ``on_progress`` is given) in a worker."""
        relay = _Relay(self, fn, on_success, on_error, on_progress)
        self._relays.add(relay)  # keep the relay alive until the task reports back
        task = _Task(relay, with_progress=on_progress is not None)
        (self._serial if serial else self._pool).start(task)

    def _release(self, relay: _Relay) -> None:
        self._relays.discard(relay)

    def pending(self) -> int:
        """Tasks started whose result has not been delivered yet."""
        return len(self._relays)

    def wait_serial(self, msecs: int = 10_000) -> bool:
        """Block until the serial queue is empty (used when quitting, to finish saving)."""
        return bool(self._serial.waitForDone(msecs))

    def wait_all(self, msecs: int = 10_000) -> bool:
        """Block until every worker is idle."""
        return bool(self._serial.waitForDone(msecs) and self._pool.waitForDone(msecs))

    @staticmethod
    def _log_unhandled(exc: BaseException) -> None:
        log.error("background task failed", exc_info=exc)


class GuiThreadCollector(QObject):
    """Python's cyclic garbage collection, done on the GUI thread only.

    Left automatic, a collection runs in whichever thread happens to allocate when a threshold
    is crossed: a worker, often. If the garbage then holds a Qt object (a closed dialog in a
    reference cycle), its C++ destructor runs in that worker and Qt complains ("Timers cannot
    be stopped from another thread") or worse. So automatic collection is turned off and this
    timer does the same generational work on the GUI thread (the thresholds are Python's own;
    a generation-0 pass takes well under a millisecond).
    """

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @Slot()
    def collect(self) -> int:
        """Collect the generations whose thresholds are crossed (0 when none is)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Give collection back to Python (after a final pass on this thread)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
