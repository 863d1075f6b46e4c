"""The GUI's outbox driver: sends due items in the background and schedules the next retry."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.model import OutboxItem, utc_now
from app.services.outbox import AttemptResult, CancelFlag, OutboxService
from app.services.tasks import TaskRunner

log = logging.getLogger(__name__)

MAX_TIMER_MS = 60 * 60 * 1000


class OutboxWorker(QObject):
    """Runs one flush at a time off the GUI thread and re-arms a timer for the next due item."""

    flush_started = Signal()
    """A flush began."""
    item_started = Signal(object)
    """An item (OutboxItem) is being sent."""
    progressed = Signal(int, int)
    """Bytes sent / total of the current item."""
    item_finished = Signal(object)
    """One attempt ended (AttemptResult)."""
    flush_finished = Signal()
    """The flush ended; the outbox view should refresh."""
    flush_failed = Signal(object)
    """The flush itself failed (a storage problem or a bug)."""

    def __init__(self, service: OutboxService, runner: TaskRunner) -> None:
        super().__init__()
        self._service = service
        self._runner = runner
        self._busy = False
        self._again = False
        self._ignore_backoff = False
        self._cancel: CancelFlag | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def busy(self) -> bool:
        """True while a flush runs."""
        return self._busy

    def start(self) -> None:
        """Recover interrupted attempts, then send what is due."""

        def recover() -> list[int]:
            return self._service.recover()

        self._runner.run(
            recover,
            on_success=lambda _ids: self.flush(),
            on_error=self.flush_failed.emit,
            serial=True,
        )

    def flush(self, *, ignore_backoff: bool = False) -> None:
        """Send due items now (all queued ones with ``ignore_backoff``)."""
        self._ignore_backoff = self._ignore_backoff or ignore_backoff
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        ignore = self._ignore_backoff
        self._ignore_backoff = False
        cancel = self._cancel = CancelFlag()
        self.flush_started.emit()

        def work(report: object) -> list[AttemptResult]:
            def on_item(item: OutboxItem) -> None:
                self.item_started.emit(item)

            def on_progress(done: int, total: int) -> None:
                report(done, total)  # type: ignore[operator]

            results = []
            for item in self._service.repo.due(utc_now(), ignore_backoff=ignore):
                if cancel.is_set():
                    break
                on_item(item)
                result = self._service.send_one(item.id, cancel=cancel, on_progress=on_progress)
                self.item_finished.emit(result)
                results.append(result)
            return results

        self._runner.run(
            work,
            on_success=self._on_flush_done,
            on_error=self._on_flush_error,
            on_progress=self.progressed.emit,
        )

    def cancel(self) -> None:
        """Stop the current send (the item is kept, marked cancelled)."""
        if self._cancel is not None:
            self._cancel.set()

    def _on_flush_done(self, _results: object) -> None:
        self._busy = False
        self.flush_finished.emit()
        if self._again:
            self.flush()
        else:
            self.schedule()

    def _on_flush_error(self, exc: BaseException) -> None:
        self._busy = False
        self.flush_failed.emit(exc)
        self.flush_finished.emit()
        self.schedule()

    def schedule(self) -> None:
        """Arm the timer for the next queued item's due time."""

        def next_due() -> datetime | None:
            return self._service.repo.next_due_time()

        self._runner.run(next_due, on_success=self._arm, on_error=lambda exc: None)

    def _arm(self, when: object) -> None:
        if not isinstance(when, datetime):
            self._timer.stop()
            return
        delay_ms = int(max(0.0, (when - utc_now()).total_seconds()) * 1000) + 50
        self._timer.start(min(delay_ms, MAX_TIMER_MS))

    def _on_timer_timeout(self) -> None:
        self.flush()
