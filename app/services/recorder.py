"""The steps recorder for the GUI: one recording at a time, its steps journalled to disk as they
come, its signals delivered on the GUI thread.

Where the work runs: the X11 listener (clicks, key presses, the screenshot grab) on its own
thread; marking, encoding and storing the screenshots on the collector's encoder; the journal on
a writer thread of its own; pausing, resuming, stopping and manual screenshots on the task
runner. The GUI thread only reads counts and emits signals, so it stays free during a burst.

Crash safety: every change marks the journal (:mod:`app.store.recording`), written at most a
few times a second; a screenshot is in the blob store before a step names it, and the blob
clean-up keeps whatever a journal names. After a crash or kill -9, :meth:`recover` gives the
steps back. After a normal stop the journal stays until the caller has put the steps into a
draft and calls :meth:`discard_journal`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from app.capture.recorder import ClickCallback, KeyCallback, RecorderUnavailable, create_recorder
from app.capture.steps import DEFAULT_MAX_STEPS, StepCollector
from app.core.steps import Step
from app.services.context import AppContext
from app.services.tasks import TaskRunner
from app.store.recording import (
    JournalWriter,
    RecordingJournal,
    recording_ended,
    recording_started,
)

log = logging.getLogger(__name__)

WATCH_MS = 500  # how often the listener is checked for a lost X server
STOP_TIMEOUT = 30.0  # seconds to wait for the last screenshots to be stored


class InputRecorder(Protocol):
    """What the service needs of :class:`app.capture.recorder.X11InputRecorder`."""

    @property
    def running(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def exclude(self, window_ids: Iterable[int]) -> None: ...

    def settle(self) -> None: ...


RecorderFactory = Callable[[ClickCallback, KeyCallback, Iterable[int]], InputRecorder]


def _default_recorder(
    on_click: ClickCallback, on_key: KeyCallback, exclude: Iterable[int]
) -> InputRecorder:
    return create_recorder(on_click, on_key, exclude=exclude)


def _default_namer() -> Any:
    if sys.platform == "darwin":
        from app.capture.ax_macos import AXNamer

        return AXNamer()
    if sys.platform == "win32":
        from app.capture.uia import UiaNamer

        return UiaNamer()
    from app.capture.atspi import AtspiNamer

    return AtspiNamer()


class RecorderService(QObject):
    """Records steps: :meth:`start`, :meth:`pause`/:meth:`resume`, :meth:`add_note`,
    :meth:`add_screenshot`, :meth:`stop`. Call the methods on the GUI thread."""

    started = Signal()
    """A recording began."""
    steps_changed = Signal(int)
    """The number of steps changed (on the GUI thread; bursts arrive as one)."""
    paused_changed = Signal(bool)
    """The recording was paused (True) or resumed (False); input is ignored from then on."""
    limit_reached = Signal()
    """A step was refused: the recording holds its maximum number of steps."""
    failed = Signal(object)
    """Something went wrong (a UserFacingError); ``stopped`` follows if the recording ended."""
    stopped = Signal(list)
    """The recording ended; the final list[Step], every screenshot stored."""
    screenshot_done = Signal(bool)
    """A manual screenshot finished (True: it is a step; False: ``failed`` said why)."""

    _poked = Signal()
    """Internal: the collector changed (emitted on any thread, handled queued)."""
    _journal_failed = Signal(object)
    """Internal: the journal could not be written (from the writer thread)."""

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        recorder_factory: RecorderFactory = _default_recorder,
        namer_factory: Callable[[], Any] | None = _default_namer,
        collector_options: dict[str, Any] | None = None,
        journal_interval: float = 0.25,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._recorder_factory = recorder_factory
        self._namer_factory = namer_factory
        self._collector_options = dict(collector_options or {})
        self._journal_interval = journal_interval
        self.journal = RecordingJournal(ctx.paths.recording_journal)
        self._collector: StepCollector | None = None
        self._recorder: InputRecorder | None = None
        self._writer: JournalWriter | None = None
        self._recording = False
        self._stopping = False
        self._paused = False
        self._count = 0
        self._max_steps = DEFAULT_MAX_STEPS
        self._limit_signalled = False
        self._excluded: set[int] = set()
        self._poke_lock = threading.Lock()
        self._poke_pending = False
        # Queued even when emitted on the GUI thread: a change made there (a note) is
        # reported like the others, after the current slot returns.
        self._poked.connect(self._on_self_poked, Qt.ConnectionType.QueuedConnection)
        self._journal_failed.connect(self.failed, Qt.ConnectionType.QueuedConnection)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._on_watch_timeout)

    # -- state ------------------------------------------------------------------------------------

    @property
    def recording(self) -> bool:
        """True from :meth:`start` until :meth:`stop` is called."""
        return self._recording

    @property
    def stopping(self) -> bool:
        """True between :meth:`stop` and ``stopped``."""
        return self._stopping

    @property
    def paused(self) -> bool:
        """True while input is ignored (as asked; ``paused_changed`` confirms it)."""
        return self._paused

    @property
    def count(self) -> int:
        """Steps recorded so far."""
        collector = self._collector
        return len(collector.steps()) if collector is not None else self._count

    @property
    def max_steps(self) -> int:
        """The limit of the current (or last) recording."""
        return self._max_steps

    def steps(self) -> list[Step]:
        """The steps so far (a snapshot)."""
        collector = self._collector
        return collector.steps() if collector is not None else []

    # -- the recording ----------------------------------------------------------------------------

    def exclude_window(self, window_id: int) -> None:
        """Never record input in this window (the control's own, say)."""
        self._excluded.add(window_id)
        if self._recorder is not None:
            self._recorder.exclude([window_id])

    def start(self, max_steps: int = DEFAULT_MAX_STEPS) -> None:
        """Start recording; raises RecorderUnavailable (or StorageError) when it cannot."""
        if self._recording or self._stopping:
            return
        blobs = self._ctx.blobs  # opened here, not first on the encoder thread
        self.journal.set_aside()  # a previous recording nobody handled: keep it, aside
        namer = self._namer_factory() if self._namer_factory is not None else None
        collector = StepCollector(
            lambda png: blobs.put_bytes(png)[0],
            max_steps=max_steps,
            changed=self._on_collector_changed,
            namer=namer,
            **self._collector_options,
        )
        try:
            recorder = self._recorder_factory(
                collector.on_click, collector.on_key, set(self._excluded)
            )
            recorder.start()
        except BaseException:
            collector.close()
            raise
        self._collector = collector
        self._recorder = recorder
        self._max_steps = max_steps
        self._count = 0
        self._limit_signalled = False
        self._paused = False
        self._recording = True
        recording_started()
        self._writer = JournalWriter(
            self.journal,
            collector.steps,
            max_steps=max_steps,
            min_interval=self._journal_interval,
            on_error=self._journal_failed.emit,
        )
        self._watch.start()
        log.info("steps recording started (at most %d steps)", max_steps)
        self.started.emit()

    def pause(self) -> None:
        """Ignore input until :meth:`resume` (exact: see X11InputRecorder.pause)."""
        self._switch(True)

    def resume(self) -> None:
        """Record input again."""
        self._switch(False)

    def _switch(self, paused: bool) -> None:
        recorder = self._recorder
        if not self._recording or recorder is None or self._paused == paused:
            return
        self._paused = paused

        def done(_result: object) -> None:
            if self._recording and self._paused == paused:
                self.paused_changed.emit(paused)

        # A round trip to the X server and the listener: off the GUI thread, in order.
        self._runner.run(
            recorder.pause if paused else recorder.resume,
            serial=True,
            on_success=done,
            on_error=lambda exc: log.warning("pause/resume failed: %s", exc),
        )

    def settle(self, then: Callable[[], None]) -> None:
        """Call ``then`` on the GUI thread once the listener has handled every input so far
        (a click on the control is known to be ours only while the control is mapped: hide
        it after this)."""
        recorder = self._recorder
        if not self._recording or recorder is None:
            then()
            return
        self._runner.run(
            recorder.settle,
            serial=True,
            on_success=lambda _result: then(),
            on_error=lambda _exc: then(),
        )

    def add_note(self, text: str) -> Step | None:
        """A note typed by the user becomes a step (None past the limit or when stopped)."""
        collector = self._collector
        if not self._recording or collector is None or not text.strip():
            return None
        return collector.add_note(text.strip())

    def add_screenshot(self, pointer: tuple[int, int] | None = None) -> None:
        """Grab the active window (else the monitor under ``pointer``) on a worker, store it
        and add it as a step; ``failed`` says why when it cannot."""
        collector = self._collector
        if not self._recording or collector is None:
            return
        excluded = set(self._excluded)
        blobs = self._ctx.blobs

        def work() -> Step | None:
            from app.services import capture

            window = capture.active_window()
            target = None
            if window is not None and window.id not in excluded:
                try:
                    target = capture.Target(region=capture.window_region("active"))
                except Exception as exc:
                    log.info("no window screenshot (%s): the monitor instead", exc)
                    window = None
            else:
                window = None
            if target is None:
                monitors = capture.monitors()
                x, y = pointer if pointer is not None else (0, 0)
                under = next(
                    (
                        m
                        for m in monitors
                        if m.geometry.x <= x < m.geometry.right
                        and m.geometry.y <= y < m.geometry.bottom
                    ),
                    None,
                )
                under = under or next((m for m in monitors if m.primary), None)
                target = capture.Target(monitor=under.number if under is not None else None)
            _, png = capture.capture(target)
            sha, _ = blobs.put_bytes(png)
            return collector.add_screenshot(sha, window)

        def failed(exc: BaseException) -> None:
            self.failed.emit(exc)
            self.screenshot_done.emit(False)

        def done(step: object) -> None:
            self.screenshot_done.emit(step is not None)

        self._runner.run(work, on_success=done, on_error=failed)

    def stop(self, *, stop_key: bool = False) -> None:
        """End the recording; ``stopped`` follows once every screenshot is stored.
        ``stop_key``: a global key asked for it, and the listener saw that key press in the
        active window too: it is taken back, not left as "Typed 1 character"."""
        if not self._recording:
            return
        self._recording = False
        self._stopping = True
        self._watch.stop()
        collector, recorder, writer = self._collector, self._recorder, self._writer
        assert collector is not None and recorder is not None and writer is not None
        take_back_key = stop_key and not self._paused

        def work() -> list[Step]:
            try:
                # Pausing is exact (a round trip, then every event so far is handled): the
                # stop key's own press is in the steps by then, when it is going to be at all.
                recorder.pause()
                recorder.stop()
                if take_back_key:
                    collector.uncount_last_key()
                if not collector.wait_idle(STOP_TIMEOUT):
                    log.warning("steps recording: screenshots still pending after stopping")
                collector.close()
                writer.mark()
            finally:
                writer.close()
                recording_ended()
            return collector.steps()

        self._runner.run(work, on_success=self._on_stop_done, on_error=self._on_stop_failed)

    def _on_stop_done(self, steps: object) -> None:
        assert isinstance(steps, list)
        self._finish(steps)

    def _on_stop_failed(self, exc: BaseException) -> None:
        log.error("stopping the steps recording failed", exc_info=exc)
        self.failed.emit(exc)
        collector = self._collector
        self._finish(collector.steps() if collector is not None else [])

    def _finish(self, steps: list[Step]) -> None:
        self._count = len(steps)
        self._collector = self._recorder = None
        self._writer = None
        self._stopping = False
        self._paused = False
        log.info("steps recording stopped: %d steps", len(steps))
        self.stopped.emit(steps)

    # -- the journal ------------------------------------------------------------------------------

    def recover(self) -> list[Step] | None:
        """The steps of a recording a crash interrupted (or one not yet handled); None when
        there is none or its file is damaged (logged). Reads a file: call from a worker."""
        if self._recording or self._stopping:
            return None  # the journal on disk is this recording's
        return self.journal.read()

    def discard_journal(self) -> None:
        """Remove the journal: its steps are in a draft now, or the user let them go."""
        if self._recording or self._stopping:
            return
        self.journal.remove()

    finish = discard_journal

    # -- inside -----------------------------------------------------------------------------------

    def _on_collector_changed(self) -> None:
        """Any thread: mark the journal, and post one GUI update for a burst of changes."""
        writer = self._writer
        if writer is not None:
            writer.mark()
        with self._poke_lock:
            if self._poke_pending:
                return
            self._poke_pending = True
        self._poked.emit()

    @Slot()
    def _on_self_poked(self) -> None:
        with self._poke_lock:
            self._poke_pending = False
        collector = self._collector
        if collector is None:
            return
        count = len(collector.steps())
        if count != self._count:
            self._count = count
            self.steps_changed.emit(count)
        if collector.limit_reached and not self._limit_signalled:
            self._limit_signalled = True
            self.limit_reached.emit()

    @Slot()
    def _on_watch_timeout(self) -> None:
        recorder = self._recorder
        if not self._recording or recorder is None or recorder.running:
            return
        log.warning("the steps recorder's listener ended: the recording stops")
        backend = str(getattr(recorder, "name", "") or type(recorder).__name__)
        self.failed.emit(
            RecorderUnavailable(
                "the input listener ended (on X11: the X server went away)",
                backend=backend,
                reason="lost",
            )
        )
        self.stop()
