"""The macOS input listener (a listen-only Quartz event tap) against fakes of CoreGraphics and
CoreFoundation that behave like the real ones where it matters: the tap keeps the real ctypes
callback and calls it through its C pointer on the thread running the run loop, only while that
loop runs with the tap's source added in the common modes and the tap enabled; CFRunLoopRun
blocks until CFRunLoopStop, and a stop sent to a loop that is not running is lost. The window
list is the real :class:`~app.capture.windows._QuartzReader` over the FakeQuartz of
test_windows, with owner pids."""

from __future__ import annotations

import ctypes
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest

from app.capture import recorder_macos as rm
from app.capture.grab import Rect
from app.capture.recorder import RecorderUnavailable, create_recorder
from app.capture.windows import WindowInfo
from tests.unit.capture.test_windows import FakeQuartz

TIMEOUT = 5.0
OWN_PID = 4242
OTHER_PID = 777
COMMON_MODES = 0xC0FFEE
TAP, SOURCE = 0x7A90, 0x50C0
NOTICES = (rm.K_CG_EVENT_TAP_DISABLED_BY_TIMEOUT, rm.K_CG_EVENT_TAP_DISABLED_BY_USER_INPUT)
KEY_A, KEY_E = 0x00, 0x0E  # kVK_ANSI_A, kVK_ANSI_E
KEY_SHIFT, KEY_COMMAND = 0x38, 0x37


class FakeEventTap:
    """CoreGraphics and CoreFoundation as the tap uses them. Events are CGEventRefs (ints) into
    ``events``; :meth:`post` hands one to the tap callback on the run-loop thread and returns a
    Future of what the callback returned."""

    def __init__(self, *, granted: bool = True, tap_ok: bool = True) -> None:
        self.granted = granted
        self.tap_ok = tap_ok
        self.calls: list[str] = []
        self.released: list[int] = []
        self.invalidated: list[int] = []
        self.enables: list[bool] = []
        self.callback: Any = None
        self.tap_thread: threading.Thread | None = None
        self.enabled = False
        self.sources: dict[int, list[tuple[int, int]]] = {}  # loop -> [(source, mode)]
        self.events: dict[int, dict[str, Any]] = {}
        self.lost_stops = 0
        self.finished = False  # CFRunLoopRun returns by itself (kCFRunLoopRunFinished)
        self._loops: dict[threading.Thread, int] = {}
        self._cond = threading.Condition()
        self._running: set[int] = set()
        self._stop: set[int] = set()
        self._pending: deque[tuple[int, int, Future[int | None]]] = deque()

    # -- CoreGraphics ---------------------------------------------------------------------------

    def CGPreflightListenEventAccess(self) -> bool:
        self.calls.append("CGPreflightListenEventAccess")
        return self.granted

    def CGRequestListenEventAccess(self) -> bool:
        self.calls.append("CGRequestListenEventAccess")
        return False  # the prompt is shown; the answer counts from the next start

    def CGEventTapCreate(
        self, location: int, place: int, options: int, mask: int, callback: Any, info: Any
    ) -> int | None:
        self.calls.append("CGEventTapCreate")
        assert (location, place, options) == (1, 0, 1)  # session, head insert, listen-only
        bits = (1 << 1) | (1 << 3) | (1 << 25) | (1 << 10)
        assert mask == bits
        assert isinstance(callback, rm.CGEventTapCallBack)
        assert info is None
        if not self.tap_ok:
            return None  # what macOS returns without the permission, or when it refuses
        self.callback, self.tap_thread = callback, threading.current_thread()
        return TAP

    def CGEventTapEnable(self, tap: int, enable: bool) -> None:
        assert tap == TAP
        self.enables.append(enable)
        with self._cond:
            self.enabled = enable
            self._cond.notify_all()

    def CGEventGetLocation(self, event: int) -> rm.CGPoint:
        self._check_on_tap_thread()
        x, y = self.events[event]["location"]
        return rm.CGPoint(x, y)

    def CGEventGetIntegerValueField(self, event: int, field: int) -> int:
        self._check_on_tap_thread()  # the event is only valid inside the callback
        return int(self.events[event].get(field, 0))

    # -- CoreFoundation -------------------------------------------------------------------------

    def CFMachPortCreateRunLoopSource(self, allocator: Any, port: int, order: int) -> int:
        assert (allocator, port, order) == (None, TAP, 0)
        return SOURCE

    def CFMachPortInvalidate(self, port: int) -> None:
        self.invalidated.append(port)

    def CFRunLoopGetCurrent(self) -> int:
        thread = threading.current_thread()
        return self._loops.setdefault(thread, 0x1000 + len(self._loops))

    def CFRunLoopAddSource(self, loop: int, source: int, mode: int) -> None:
        self.sources.setdefault(loop, []).append((source, mode))

    def CFRunLoopRemoveSource(self, loop: int, source: int, mode: int) -> None:
        self.sources[loop].remove((source, mode))

    def CFRunLoopRun(self) -> None:
        loop = self.CFRunLoopGetCurrent()
        assert (SOURCE, COMMON_MODES) in self.sources.get(loop, [])
        with self._cond:
            self._running.add(loop)
            self._cond.notify_all()
            try:
                while loop not in self._stop and not self.finished:
                    if self._pending and (self.enabled or self._pending[0][0] in NOTICES):
                        kind, event, future = self._pending.popleft()
                        self._cond.release()
                        try:
                            future.set_result(self.callback(None, kind, event, None))
                        finally:
                            self._cond.acquire()
                        continue
                    self._cond.wait()
            finally:
                self._stop.discard(loop)
                self._running.discard(loop)

    def CFRunLoopStop(self, loop: int) -> None:
        with self._cond:
            if loop in self._running:
                self._stop.add(loop)
                self._cond.notify_all()
            else:
                self.lost_stops += 1  # as in CF: only a running loop can be stopped

    def CFRunLoopWakeUp(self, loop: int) -> None:
        with self._cond:
            self._cond.notify_all()

    def CFRelease(self, ref: int) -> None:
        self.released.append(ref)

    # -- the system's side ----------------------------------------------------------------------

    def _check_on_tap_thread(self) -> None:
        assert threading.current_thread() is self.tap_thread

    def post(
        self,
        kind: int,
        location: tuple[float, float] = (0, 0),
        fields: dict[int, int] | None = None,
    ) -> Future[int | None]:
        ref = 0x9000 + len(self.events)
        self.events[ref] = {"location": location, **(fields or {})}
        future: Future[int | None] = Future()
        with self._cond:
            self._pending.append((kind, ref, future))
            self._cond.notify_all()
        future.ref = ref  # type: ignore[attr-defined]
        return future

    def click(
        self, x: float, y: float, kind: int = rm.K_CG_EVENT_LEFT_MOUSE_DOWN, number: int = 0
    ) -> int:
        fields = {rm.K_CG_MOUSE_EVENT_BUTTON_NUMBER: number}
        return self.deliver(self.post(kind, (x, y), fields))

    def key(self, keycode: int, *, repeat: bool = False) -> int:
        fields = {rm.K_CG_KEYBOARD_EVENT_KEYCODE: keycode}
        fields[rm.K_CG_KEYBOARD_EVENT_AUTOREPEAT] = int(repeat)
        return self.deliver(self.post(rm.K_CG_EVENT_KEY_DOWN, (0, 0), fields))

    @staticmethod
    def deliver(future: Future[int | None]) -> int:
        returned = future.result(TIMEOUT)
        assert returned == future.ref, "a listen-only tap returns the event it was given"  # type: ignore[attr-defined]
        return int(returned)

    def disable(self, kind: int) -> None:
        """What macOS does to a slow tap: disable it, then tell the callback (the notice
        reaches a disabled tap; nothing else does until it is enabled again)."""
        future: Future[int | None] = Future()
        with self._cond:
            self.enabled = False
            self._pending.appendleft((kind, 0, future))
            self._cond.notify_all()
        assert future.result(TIMEOUT) is None  # the notice's event, NULL here, goes back

    def running(self) -> bool:
        with self._cond:
            return bool(self._running)


def entry(number: int, layer: int, bounds: tuple[int, ...], pid: int, title: str = "") -> Any:
    return {
        "kCGWindowNumber": number,
        "kCGWindowLayer": layer,
        "kCGWindowBounds": bounds,
        "kCGWindowName": title,
        "kCGWindowOwnerName": f"app{pid}",
        "kCGWindowOwnerPID": pid,
    }


# Front to back, as CGWindowListCopyWindowInfo lists them.
SCREEN = [
    entry(1, 25, (0, 0, 1440, 25), 0, "Menubar"),  # the menu bar: above layer 0, not ours
    entry(50, 3, (600, 30, 300, 40), OWN_PID, "Recording"),  # our floating control
    entry(10, 0, (100, 100, 800, 600), OTHER_PID, "Mail"),
    entry(11, 0, (50, 50, 1200, 800), OTHER_PID, "Finder"),
    entry(12, 0, (1300, 600, 100, 100), OWN_PID, "Ticketwise"),
    entry(13, 0, (0, 860, 200, 40), OTHER_PID, "Excluded"),
]
MAIL = WindowInfo(10, "Mail", Rect(100, 100, 800, 600), f"app{OTHER_PID}")
FINDER = WindowInfo(11, "Finder", Rect(50, 50, 1200, 800), f"app{OTHER_PID}")


class Calls:
    """The recorder's callbacks; ``gate`` (when set) holds them until it opens."""

    def __init__(self) -> None:
        self.clicks: list[tuple[int, int, str, WindowInfo | None]] = []
        self.keys: list[WindowInfo | None] = []
        self.threads: set[str] = set()
        self.gate: threading.Event | None = None
        self.entered = threading.Event()
        self.then: Callable[[], None] | None = None

    def _hold(self) -> None:
        self.threads.add(threading.current_thread().name)
        self.entered.set()
        if self.gate is not None:
            assert self.gate.wait(TIMEOUT)
        if self.then is not None:
            self.then()

    def on_click(self, x: int, y: int, button: str, window: WindowInfo | None) -> None:
        self.clicks.append((x, y, button, window))
        self._hold()

    def on_key(self, window: WindowInfo | None) -> None:
        self.keys.append(window)
        self._hold()


@pytest.fixture
def tap() -> FakeEventTap:
    return FakeEventTap()


@pytest.fixture
def calls() -> Calls:
    return Calls()


def make(tap: FakeEventTap, calls: Calls, screen: list[Any] | None = None) -> rm.MacInputRecorder:
    quartz = FakeQuartz(SCREEN if screen is None else screen)
    return rm.MacInputRecorder(
        calls.on_click,
        calls.on_key,
        exclude=[13],
        own_pid=OWN_PID,
        cg=tap,
        cf=tap,
        common_modes=COMMON_MODES,
        reader=quartz.reader(),
    )


@pytest.fixture
def recorder(tap: FakeEventTap, calls: Calls) -> Iterator[rm.MacInputRecorder]:
    recorder = make(tap, calls)
    recorder.start()
    yield recorder
    recorder.stop()


def test_start_runs_the_tap_on_its_own_run_loop_and_stop_releases_it(
    tap: FakeEventTap, calls: Calls
) -> None:
    recorder = make(tap, calls)
    recorder.start()
    assert recorder.running and not recorder.lost
    assert tap.calls == ["CGPreflightListenEventAccess", "CGEventTapCreate"]
    assert tap.tap_thread is not threading.current_thread()
    loop = tap._loops[tap.tap_thread]
    assert tap.sources[loop] == [(SOURCE, COMMON_MODES)]
    assert tap.enables == [True]

    recorder.stop()
    assert not recorder.running and not recorder.lost
    assert not tap.tap_thread.is_alive() and not tap.running()
    assert tap.enables == [True, False]
    assert tap.sources[loop] == []
    assert tap.invalidated == [TAP]
    assert sorted(tap.released) == sorted([SOURCE, TAP])
    recorder.stop()  # idempotent
    assert sorted(tap.released) == sorted([SOURCE, TAP])


def test_clicks_reach_on_click_with_window_button_and_position(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    tap.click(150.7, 120.2)
    tap.click(60, 70, rm.K_CG_EVENT_RIGHT_MOUSE_DOWN)  # in Finder, not in Mail
    tap.click(500, 400, rm.K_CG_EVENT_OTHER_MOUSE_DOWN, number=2)
    tap.click(500, 400, rm.K_CG_EVENT_OTHER_MOUSE_DOWN, number=3)
    tap.click(10, 10)  # the menu bar: nobody's layer-0 window
    recorder.settle()
    assert calls.clicks == [
        (150, 120, "left", MAIL),  # points, floored: the space of the window rectangles
        (60, 70, "right", FINDER),
        (500, 400, "middle", MAIL),
        # the back/forward side button (3) is not a click on a place
        (10, 10, "left", None),
    ]
    assert calls.threads == {"macos-steps-dispatcher"}


def test_keys_are_counted_in_the_front_window_without_repeats_or_modifiers(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    tap.key(KEY_A)
    tap.key(KEY_A, repeat=True)  # held down: one press
    tap.key(KEY_A, repeat=True)
    tap.key(KEY_SHIFT)
    tap.key(KEY_COMMAND)
    tap.key(KEY_E)
    recorder.settle()
    assert calls.keys == [MAIL, MAIL]


def test_own_and_excluded_windows_are_not_reported(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    tap.click(700, 50)  # our floating control, above Finder's window
    tap.click(1350, 650)  # our own layer-0 window (the composer)
    tap.click(20, 870)  # excluded by id
    recorder.exclude([11])
    tap.click(60, 70)  # Finder, excluded since
    tap.click(150, 150)  # Mail
    recorder.settle()
    assert calls.clicks == [(150, 150, "left", MAIL)]


def test_a_key_in_our_own_front_window_is_not_counted(tap: FakeEventTap, calls: Calls) -> None:
    recorder = make(tap, calls, [SCREEN[4], *SCREEN[2:4]])  # Ticketwise's window in front
    recorder.start()
    try:
        tap.key(KEY_A)
        recorder.settle()
        assert calls.keys == []
    finally:
        recorder.stop()


def test_no_window_at_all_is_reported_as_none(tap: FakeEventTap, calls: Calls) -> None:
    recorder = make(tap, calls, [])
    recorder.start()
    try:
        tap.click(5, 5)
        tap.key(KEY_A)
        recorder.settle()
        assert calls.clicks == [(5, 5, "left", None)]
        assert calls.keys == [None]
    finally:
        recorder.stop()


def test_paused_drops_events_in_order(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    calls.gate = threading.Event()
    tap.click(150, 150)  # the dispatcher is held inside on_click with this one
    assert calls.entered.wait(TIMEOUT)
    tap.click(160, 160)  # received before the pause: still reported
    pausing = threading.Thread(target=recorder.pause)
    pausing.start()
    calls.gate.set()
    pausing.join(TIMEOUT)
    assert recorder.paused
    tap.click(170, 170)
    tap.key(KEY_A)
    recorder.settle()
    assert [c[:2] for c in calls.clicks] == [(150, 150), (160, 160)]
    assert calls.keys == []
    recorder.resume()
    assert not recorder.paused
    tap.click(180, 180)
    recorder.settle()
    assert [c[:2] for c in calls.clicks] == [(150, 150), (160, 160), (180, 180)]


def test_the_callback_returns_at_once_while_the_dispatcher_is_slow(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    calls.gate = threading.Event()
    tap.click(150, 150)
    assert calls.entered.wait(TIMEOUT)
    # The dispatcher is stuck in on_click: the tap still hands every event straight back.
    for i in range(20):
        tap.click(200 + i, 200)
        tap.key(KEY_E)
    calls.gate.set()
    recorder.settle()
    assert len(calls.clicks) == 21 and len(calls.keys) == 20


def test_the_tap_is_enabled_again_after_a_timeout(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    tap.disable(rm.K_CG_EVENT_TAP_DISABLED_BY_TIMEOUT)
    assert tap.enables == [True, True] and tap.enabled
    tap.disable(rm.K_CG_EVENT_TAP_DISABLED_BY_USER_INPUT)
    assert tap.enables == [True, True, True] and tap.enabled
    tap.click(150, 150)  # would wait forever on a tap left disabled
    recorder.settle()
    assert calls.clicks == [(150, 150, "left", MAIL)] and calls.keys == []


def test_stop_from_a_callback(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    dispatcher = recorder._dispatcher
    assert dispatcher is not None
    calls.then = recorder.stop
    tap.click(150, 150)
    assert calls.entered.wait(TIMEOUT)
    assert tap.tap_thread is not None
    tap.tap_thread.join(TIMEOUT)
    assert not tap.tap_thread.is_alive()
    assert sorted(tap.released) == sorted([SOURCE, TAP])
    dispatcher.join(TIMEOUT)
    assert not dispatcher.is_alive() and not recorder.running and not recorder.lost
    recorder.stop()


def test_a_run_loop_that_ends_by_itself_is_lost(
    recorder: rm.MacInputRecorder, tap: FakeEventTap
) -> None:
    dispatcher = recorder._dispatcher
    assert dispatcher is not None and tap.tap_thread is not None
    with tap._cond:
        tap.finished = True  # e.g. the tap's port was invalidated under us
        tap._cond.notify_all()
    tap.tap_thread.join(TIMEOUT)
    dispatcher.join(TIMEOUT)
    assert recorder.lost and not recorder.running
    assert sorted(tap.released) == sorted([SOURCE, TAP])


def test_a_stop_right_after_start_is_not_lost(tap: FakeEventTap, calls: Calls) -> None:
    # CFRunLoopStop before the loop runs does nothing: stop() repeats it until the thread ends.
    for _ in range(20):
        recorder = make(tap, calls)
        recorder.start()
        recorder.stop()
        assert not recorder.running
    assert not any(t.name == "macos-steps-tap" for t in threading.enumerate())


def test_no_attribute_ever_holds_a_keycode(
    recorder: rm.MacInputRecorder, tap: FakeEventTap, calls: Calls
) -> None:
    codes = {0x2F, 0x2C, 0x5D}  # kVK_ANSI_Period, kVK_ANSI_Slash, kVK_JIS_Yen: unusual ints

    def values(value: Any, depth: int = 0) -> Iterator[Any]:
        yield value
        if depth < 4 and isinstance(value, (tuple, list, set, frozenset)):
            for item in value:
                yield from values(item, depth + 1)
        if depth < 4 and isinstance(value, dict):
            for pair in value.items():
                yield from values(pair, depth + 1)

    def plain(recorder: rm.MacInputRecorder) -> list[Any]:
        skip = (tap, recorder._reader)  # the OS side holds its own events, as macOS does
        return [v for v in vars(recorder).values() if not any(v is s for s in skip)]

    calls.gate = threading.Event()
    tap.click(150, 150)
    assert calls.entered.wait(TIMEOUT)
    for code in codes:
        tap.key(code)
    # While the dispatcher is held, the keys wait in the queue: look at what waits there.
    queued = []
    while True:
        try:
            queued.append(recorder._events.get_nowait())
        except Exception:
            break
    assert queued == [("key",)] * len(codes)
    for item in queued:
        recorder._events.put(item)
    for value in values(plain(recorder)):
        assert not (isinstance(value, int) and not isinstance(value, bool) and value in codes)
    calls.gate.set()
    recorder.settle()
    assert len(calls.keys) == len(codes)
    for value in values(plain(recorder)):
        assert not (isinstance(value, int) and not isinstance(value, bool) and value in codes)


def test_missing_permission_asks_for_it_and_raises(calls: Calls) -> None:
    tap = FakeEventTap(granted=False)
    recorder = make(tap, calls)
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params == {"backend": "macos-event-tap", "reason": "permission"}
    assert error.value.kind == "recorder_unavailable"
    assert tap.calls == ["CGPreflightListenEventAccess", "CGRequestListenEventAccess"]
    assert not recorder.running


def test_before_catalina_there_is_no_permission_to_ask(calls: Calls) -> None:
    class OldMac(FakeEventTap):
        def __getattribute__(self, name: str) -> Any:
            if name in ("CGPreflightListenEventAccess", "CGRequestListenEventAccess"):
                raise AttributeError(name)  # as ctypes.CDLL says for a missing symbol
            return super().__getattribute__(name)

    tap = OldMac()
    recorder = make(tap, calls)
    recorder.start()
    try:
        assert tap.calls == ["CGEventTapCreate"]
    finally:
        recorder.stop()


def test_a_null_tap_is_unavailable_and_nothing_runs(calls: Calls) -> None:
    tap = FakeEventTap(tap_ok=False)
    recorder = make(tap, calls)
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params == {"backend": "macos-event-tap", "reason": "tap_failed"}
    assert not recorder.running
    assert tap.released == [] and tap.sources == {}
    assert not any(t.name.startswith("macos-steps") for t in threading.enumerate())


def test_create_recorder_picks_the_event_tap_on_macos(
    monkeypatch: pytest.MonkeyPatch, tap: FakeEventTap, calls: Calls
) -> None:
    monkeypatch.setattr(rm, "_load_frameworks", lambda: (tap, tap, COMMON_MODES))
    monkeypatch.setattr(rm._QuartzReader, "load", lambda: FakeQuartz(SCREEN).reader())
    recorder = create_recorder(calls.on_click, calls.on_key, exclude=[11], platform="darwin")
    assert isinstance(recorder, rm.MacInputRecorder)
    recorder.start()
    try:
        tap.click(60, 70)  # Finder: excluded through create_recorder
        tap.click(150, 150)
        recorder.settle()
        assert calls.clicks == [(150, 150, "left", MAIL)]
    finally:
        recorder.stop()


def test_without_the_frameworks_start_says_so(calls: Calls) -> None:
    # This machine has no CoreGraphics: the real loader fails cleanly.
    recorder = create_recorder(calls.on_click, calls.on_key, platform="darwin")
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params["reason"] == "no_quartz"


def test_the_c_signatures() -> None:
    assert ctypes.sizeof(rm.CGPoint) == 16
    assert rm.CGEventTapCallBack._restype_ is ctypes.c_void_p
    assert rm.CGEventTapCallBack._argtypes_ == (
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_void_p,
        ctypes.c_void_p,
    )
    assert rm.EVENT_MASK == 0x200040A
