"""RecorderService with its OS seams faked (the input listener and the pixel source; the e2e
test runs the real ones): signals on the GUI thread, coalesced; the step limit; the journal;
pause, stop, a lost X server, and the stop key taken back."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThread

from app.capture.grab import Rect
from app.capture.recorder import RecorderUnavailable
from app.capture.windows import WindowInfo
from app.services.recorder import RecorderService
from app.services.tasks import TaskRunner
from app.store.recording import RecordingJournal, recording_active

WINDOW = WindowInfo(7, "Invoice", Rect(10, 10, 120, 60), "office")
MONITOR = Rect(0, 0, 200, 100)


class FakeRecorder:
    """Stands in for X11InputRecorder: the test calls the collector's callbacks itself."""

    def __init__(self, on_click: Callable[..., None], on_key: Callable[..., None]) -> None:
        self.on_click = on_click
        self.on_key = on_key
        self.running = False
        self.calls: list[str] = []
        self.excluded: set[int] = set()

    def start(self) -> None:
        self.running = True
        self.calls.append("start")

    def stop(self) -> None:
        self.running = False
        self.calls.append("stop")

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")

    def exclude(self, window_ids: Iterable[int]) -> None:
        self.excluded |= set(window_ids)

    def settle(self) -> None:
        self.calls.append("settle")


@pytest.fixture
def made(ctx) -> Iterator[tuple[RecorderService, list[FakeRecorder]]]:
    recorders: list[FakeRecorder] = []

    def factory(on_click, on_key, exclude) -> FakeRecorder:
        recorder = FakeRecorder(on_click, on_key)
        recorder.exclude(exclude)
        recorders.append(recorder)
        return recorder

    runner = TaskRunner()
    service = RecorderService(
        ctx,
        runner,
        recorder_factory=factory,
        namer_factory=None,
        collector_options={
            "grab": lambda rect: b"\x40\x80\xc0\x00" * (rect.width * rect.height),
            "monitors": lambda: [MONITOR],
        },
        journal_interval=0.05,
    )
    yield service, recorders
    if service.recording:
        service.stop()
    runner.wait_all(10_000)


def stop_and_wait(qtbot, service: RecorderService, **options: bool) -> list:
    with qtbot.waitSignal(service.stopped, timeout=10_000) as blocker:
        service.stop(**options)
    return blocker.args[0]


def test_a_burst_on_the_gui_thread_is_one_update(qtbot, made) -> None:
    service, recorders = made
    counts: list[int] = []
    service.steps_changed.connect(counts.append)
    service.start(100)
    for i in range(20):
        recorders[0].on_click(20 + i, 20, "left", WINDOW)
    qtbot.waitUntil(lambda: counts == [20], timeout=5000)
    steps = stop_and_wait(qtbot, service)
    assert [s.number for s in steps] == list(range(1, 21))
    assert all(s.image_sha256 for s in steps)  # every screenshot stored before `stopped`
    assert counts == [20]


def test_changes_from_other_threads_arrive_on_the_gui_thread(qtbot, made) -> None:
    service, recorders = made
    gui = QCoreApplication.instance().thread()
    seen: list[tuple[int, bool]] = []
    service.steps_changed.connect(lambda n: seen.append((n, QThread.currentThread() is gui)))
    service.start(100)

    def burst() -> None:
        for i in range(20):
            recorders[0].on_click(20 + i, 20, "left", WINDOW)
            recorders[0].on_key(WINDOW)

    thread = threading.Thread(target=burst)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == 40, timeout=5000)
    assert all(on_gui for _, on_gui in seen)
    assert [n for n, _ in seen] == sorted(n for n, _ in seen)
    assert len(seen) <= 40


def test_the_limit_is_signalled_once_and_holds(qtbot, made) -> None:
    service, recorders = made
    service.start(3)
    assert service.max_steps == 3
    with qtbot.waitSignal(service.limit_reached, timeout=5000):
        for i in range(5):
            recorders[0].on_click(20 + i, 20, "left", WINDOW)
    limits: list[bool] = []
    service.limit_reached.connect(lambda: limits.append(True))
    recorders[0].on_click(50, 20, "left", WINDOW)
    assert service.add_note("one more") is None
    steps = stop_and_wait(qtbot, service)
    assert len(steps) == 3
    assert limits == []


def test_the_journal_follows_the_steps_and_goes_when_handled(qtbot, made, ctx) -> None:
    service, recorders = made
    journal = RecordingJournal(ctx.paths.recording_journal)
    service.start(100)
    assert recording_active()
    recorders[0].on_click(30, 30, "left", WINDOW)
    recorders[0].on_key(WINDOW)
    recorders[0].on_key(WINDOW)
    assert service.add_note("  the error shows here  ") is not None
    qtbot.waitUntil(
        lambda: (
            [s.kind for s in journal.read() or []] == ["click", "typing", "note"]
            and bool((journal.read() or [])[0].image_sha256)
        ),
        timeout=5000,
    )
    assert service.recover() is None  # the journal is the running recording's
    steps = stop_and_wait(qtbot, service)
    assert not recording_active()
    assert [s.caption for s in steps][2] == "the error shows here"
    assert journal.read() == steps  # kept after stopping, until the caller has the steps
    assert service.recover() == steps
    service.discard_journal()
    assert service.recover() is None
    assert not journal.exists()


def test_a_new_recording_keeps_an_unhandled_one_aside(qtbot, made, ctx) -> None:
    service, recorders = made
    service.start(100)
    recorders[0].on_click(30, 30, "left", WINDOW)
    first = stop_and_wait(qtbot, service)
    service.start(100)
    recorders[1].on_click(40, 30, "left", WINDOW)
    stop_and_wait(qtbot, service)
    journal = RecordingJournal(ctx.paths.recording_journal)
    assert first[0].image_sha256 in journal.referenced_blobs()
    assert len(list(ctx.paths.data_dir.glob("recording*.json"))) == 2


def test_pause_and_resume_reach_the_listener_in_order(qtbot, made) -> None:
    service, recorders = made
    service.start(100)
    with qtbot.waitSignal(service.paused_changed, timeout=5000) as paused:
        service.pause()
    assert paused.args == [True]
    assert service.paused
    service.pause()  # already paused: nothing more
    with qtbot.waitSignal(service.paused_changed, timeout=5000) as resumed:
        service.resume()
    assert resumed.args == [False]
    stop_and_wait(qtbot, service)
    assert recorders[0].calls == ["start", "pause", "resume", "pause", "stop"]


def test_a_lost_listener_fails_and_stops_with_the_steps_so_far(qtbot, made) -> None:
    service, recorders = made
    service.start(100)
    recorders[0].on_click(30, 30, "left", WINDOW)
    errors: list[object] = []
    service.failed.connect(errors.append)
    recorders[0].running = False  # what X11InputRecorder does when the server goes away
    with qtbot.waitSignal(service.stopped, timeout=5000) as stopped:
        pass
    assert len(stopped.args[0]) == 1
    assert isinstance(errors[0], RecorderUnavailable)
    assert errors[0].params["reason"] == "lost"
    assert not service.recording


def test_a_session_that_cannot_record_raises_and_leaves_nothing_running(ctx) -> None:
    def refuse(*_args: object) -> FakeRecorder:
        raise RecorderUnavailable("no", backend="wayland", reason="wayland")

    service = RecorderService(ctx, TaskRunner(), recorder_factory=refuse, namer_factory=None)
    with pytest.raises(RecorderUnavailable):
        service.start(100)
    assert not service.recording
    assert not recording_active()


@pytest.mark.parametrize(("keys", "left"), [(1, None), (4, 3)])
def test_the_stop_key_is_taken_back(qtbot, made, keys: int, left: int | None) -> None:
    service, recorders = made
    service.start(100)
    recorders[0].on_click(30, 30, "left", WINDOW)
    for _ in range(keys):
        recorders[0].on_key(WINDOW)  # the last one is the global key that stops
    steps = stop_and_wait(qtbot, service, stop_key=True)
    if left is None:
        assert [s.kind for s in steps] == ["click"]
    else:
        assert steps[-1].chars == left


def test_the_stop_key_takes_nothing_back_while_paused(qtbot, made) -> None:
    service, recorders = made
    service.start(100)
    recorders[0].on_key(WINDOW)
    with qtbot.waitSignal(service.paused_changed, timeout=5000):
        service.pause()
    steps = stop_and_wait(qtbot, service, stop_key=True)
    assert [(s.kind, s.chars) for s in steps] == [("typing", 1)]


def test_excluded_windows_reach_the_listener(qtbot, made) -> None:
    service, recorders = made
    service.exclude_window(99)
    service.start(100)
    service.exclude_window(100)
    assert recorders[0].excluded == {99, 100}
    stop_and_wait(qtbot, service)
