"""The Windows steps recorder (low-level hooks) against fakes of user32/kernel32/dwmapi that
follow the documented behaviour: the hook procedures are called through their C thunks, on the
thread that installed them and only while it waits in GetMessageW, with real MSLLHOOKSTRUCT /
KBDLLHOOKSTRUCT pointers, and a hook that does not answer within LowLevelHooksTimeout fails
the test (Windows would remove it). It cannot run on real Windows here."""

from __future__ import annotations

import ctypes
import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any

import pytest

from app.capture import recorder_windows as rw
from app.capture.grab import Rect
from app.capture.recorder import RecorderUnavailable, create_recorder
from app.capture.recorder_windows import (
    KBDLLHOOKSTRUCT,
    MSLLHOOKSTRUCT,
    POINT,
    WindowsInputRecorder,
)
from app.capture.windows import WindowInfo
from tests.unit.capture.test_windows import FakeWin32, Win

OWN_PID = 4100
OTHER_PID = 5200
EDITOR = 0x10010  # a top-level window of another process, with a child control
EDITOR_BUTTON = 0x10020
OURS = 0x20010  # a window of our own process
EXCLUDED = 0x30010  # another process's window, excluded by id
LOW_LEVEL_HOOKS_TIMEOUT = 1.0  # seconds; Windows 7+ caps the registry value at 1000 ms
TIMEOUT = 10.0
WM_KEYUP = 0x0101
WM_LBUTTONUP = 0x0202


class FakeSystem(FakeWin32):
    """user32, kernel32 and dwmapi in one. Input goes in with :meth:`mouse` and :meth:`key`:
    like Windows' raw input thread, they hand the event to the hook thread (as a sent message,
    handled inside its GetMessageW) and wait for the hook's answer."""

    THREAD_ID = 0x1F40
    MODULE = 0x7FF6_0000_0000  # the .exe's HMODULE (a 64-bit pointer)
    NEXT = 0x5EED  # what CallNextHookEx answers: the hook must return exactly this

    def __init__(self) -> None:
        super().__init__(
            {
                EDITOR: Win("Invoice – Editor", frame=(-1800, 100, -1000, 700), pid=OTHER_PID),
                OURS: Win("Recording · 3 steps", frame=(500, 0, 800, 40), pid=OWN_PID),
                EXCLUDED: Win("Excluded", frame=(0, 500, 300, 700), pid=OTHER_PID),
            },
            processes={OTHER_PID: r"C:\Program Files\Editor\editor.exe"},
        )
        self.parents = {EDITOR_BUTTON: EDITOR}
        # What WindowFromPoint finds: (area, the deepest window there), topmost first.
        self.layout = [
            (Rect(-1700, 200, 100, 30), EDITOR_BUTTON),
            (Rect(-1800, 100, 800, 600), EDITOR),
            (Rect(500, 0, 300, 40), OURS),
            (Rect(0, 500, 300, 200), EXCLUDED),
        ]
        self.inbox: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self.hooks: dict[int, tuple[int, Any]] = {}
        self.refuse: set[int] = set()  # hook kinds SetWindowsHookExW fails for
        self.error = 0
        self.hook_thread: threading.Thread | None = None
        self.has_queue = False
        self.thread_calls: list[tuple[str, str]] = []  # (function, thread name)
        self.posts: list[tuple[int, int]] = []
        self.next_calls: list[tuple[Any, ...]] = []
        self.dpi: list[tuple[int, str]] = []
        self._next_hook = 0xA000

    def _on_thread(self, name: str) -> None:
        self.thread_calls.append((name, threading.current_thread().name))

    # kernel32
    def GetCurrentThreadId(self) -> int:
        self.hook_thread = threading.current_thread()
        return self.THREAD_ID

    def GetModuleHandleW(self, name: Any) -> int:
        assert name is None
        return self.MODULE

    # user32: hooks and messages
    def SetWindowsHookExW(self, kind: int, proc: Any, module: int, thread: int) -> int | None:
        self._on_thread("SetWindowsHookExW")
        assert isinstance(proc, rw.HOOKPROC), "a C function pointer, as Windows needs"
        assert (module, thread) == (self.MODULE, 0), "global LL hook: hMod of the .exe, thread 0"
        if kind in self.refuse:
            self.error = 1428  # ERROR_HOOK_NEEDS_HMOD
            return None  # NULL, as restype HHOOK (a pointer) gives it
        self._next_hook += 1
        self.hooks[self._next_hook] = (kind, proc)
        return self._next_hook

    def UnhookWindowsHookEx(self, hook: int) -> int:
        self._on_thread("UnhookWindowsHookEx")
        return 1 if self.hooks.pop(hook, None) else 0

    def CallNextHookEx(self, hook: Any, code: int, wparam: int, lparam: int) -> int:
        self.next_calls.append((code, wparam, lparam, threading.current_thread().name))
        return self.NEXT

    def PeekMessageW(self, msg: Any, hwnd: Any, low: int, high: int, remove: int) -> int:
        assert threading.current_thread() is self.hook_thread
        self.has_queue = True
        return 0

    def GetMessageW(self, msg: Any, hwnd: Any, low: int, high: int) -> int:
        assert threading.current_thread() is self.hook_thread, "only the hooking thread pumps"
        self.has_queue = True
        while True:
            item = self.inbox.get(timeout=30)
            if item[0] == "fail":
                return -1
            if item[0] == "post":
                msg._obj.message, msg._obj.wParam = item[1], item[2]
                return 0 if item[1] == rw.WM_QUIT else 1
            # A hook call: Windows runs it inside GetMessageW, then goes on waiting.
            _, kind, code, wparam, struct, answer = item
            procs = [proc for k, proc in self.hooks.values() if k == kind]
            if not procs:
                answer.set_result(None)  # unhooked meanwhile: the input goes on without us
                continue
            started = time.perf_counter()
            result = procs[-1](code, wparam, ctypes.addressof(struct))
            answer.set_result((result, time.perf_counter() - started))

    def PostThreadMessageW(self, thread: int, message: int, wparam: int, lparam: int) -> int:
        if thread != self.THREAD_ID or not self.has_queue:
            self.error = 1444  # ERROR_INVALID_THREAD_ID
            return 0
        self.posts.append((thread, message))
        self.inbox.put(("post", message, wparam))
        return 1

    def SetThreadDpiAwarenessContext(self, context: int) -> int:
        self.dpi.append((context, threading.current_thread().name))
        return 0x12  # the previous context: not NULL, so it worked

    # user32: windows
    def WindowFromPoint(self, point: Any) -> int | None:
        assert isinstance(point, POINT), "POINT by value"
        for rect, hwnd in self.layout:
            if rect.x <= point.x < rect.right and rect.y <= point.y < rect.bottom:
                return hwnd
        return None

    def GetAncestor(self, hwnd: int, flags: int) -> int:
        assert flags == rw.GA_ROOT
        return self.parents.get(hwnd, hwnd)

    # the input, as the raw input thread delivers it
    def _send(
        self, kind: int, code: int, wparam: int, struct: ctypes.Structure
    ) -> tuple[int, float]:
        answer: Future[tuple[int, float] | None] = Future()
        self.inbox.put(("hook", kind, code, wparam, struct, answer))
        outcome = answer.result(LOW_LEVEL_HOOKS_TIMEOUT)  # or Windows removes the hook
        assert outcome is not None, "no hook installed"
        return outcome

    def mouse(self, message: int, x: int, y: int, code: int = rw.HC_ACTION) -> int:
        struct = MSLLHOOKSTRUCT(POINT(x, y), 0, 0, 123456, 0)
        result, _ = self._send(rw.WH_MOUSE_LL, code, message, struct)
        return result

    def key(self, vk: int, message: int = rw.WM_KEYDOWN, code: int = rw.HC_ACTION) -> int:
        struct = KBDLLHOOKSTRUCT(vk, 0x1E, 0, 123456, 0)
        result, _ = self._send(rw.WH_KEYBOARD_LL, code, message, struct)
        return result

    def timed_key(self, vk: int) -> tuple[int, float]:
        return self._send(rw.WH_KEYBOARD_LL, 0, rw.WM_KEYDOWN, KBDLLHOOKSTRUCT(vk, 0, 0, 0, 0))

    def fail_loop(self) -> None:
        self.inbox.put(("fail",))


class Reports:
    """The recorder's callbacks: what they got, on which thread."""

    def __init__(self) -> None:
        self.items: list[tuple[Any, ...]] = []
        self.threads: set[str] = set()
        self.changed = threading.Condition()

    def on_click(self, x: int, y: int, button: str, window: WindowInfo | None) -> None:
        self._add(("click", x, y, button, window))

    def on_key(self, window: WindowInfo | None) -> None:
        self._add(("key", window))

    def _add(self, item: tuple[Any, ...]) -> None:
        with self.changed:
            self.items.append(item)
            self.threads.add(threading.current_thread().name)
            self.changed.notify_all()

    def wait(self, count: int) -> list[tuple[Any, ...]]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.items) >= count, TIMEOUT), self.items
            return list(self.items)


@pytest.fixture
def system() -> FakeSystem:
    return FakeSystem()


@pytest.fixture
def reports() -> Reports:
    return Reports()


@pytest.fixture
def recorder(system: FakeSystem, reports: Reports) -> Iterator[WindowsInputRecorder]:
    made = make(system, reports)
    made.start()
    yield made
    made.stop()


def make(system: FakeSystem, reports: Reports, **options: Any) -> WindowsInputRecorder:
    return WindowsInputRecorder(
        reports.on_click,
        reports.on_key,
        own_pid=OWN_PID,
        user32=system,
        kernel32=system,
        dwmapi=system,
        last_error=lambda: system.error,
        **options,
    )


EDITOR_INFO = WindowInfo(EDITOR, "Invoice – Editor", Rect(-1800, 100, 800, 600), "editor.exe")


# -- the structures, as 64-bit Windows lays them out ----------------------------------------------


def test_structures_and_hook_prototype_have_the_win64_layout() -> None:
    assert ctypes.sizeof(POINT) == 8
    assert ctypes.sizeof(MSLLHOOKSTRUCT) == 32
    assert [getattr(MSLLHOOKSTRUCT, f).offset for f in ("pt", "mouseData", "flags", "time")] == [
        0,
        8,
        12,
        16,
    ]
    assert MSLLHOOKSTRUCT.dwExtraInfo.offset == 24 and MSLLHOOKSTRUCT.dwExtraInfo.size == 8
    assert ctypes.sizeof(KBDLLHOOKSTRUCT) == 24
    assert [getattr(KBDLLHOOKSTRUCT, f).offset for f in ("vkCode", "scanCode", "flags")] == [
        0,
        4,
        8,
    ]
    assert KBDLLHOOKSTRUCT.dwExtraInfo.offset == 16
    # LRESULT, WPARAM and LPARAM are pointer-sized (LONG_PTR/UINT_PTR); nCode is an int.
    pointer = ctypes.sizeof(ctypes.c_void_p)
    assert ctypes.sizeof(rw.LRESULT) == pointer
    assert [ctypes.sizeof(t) for t in rw.HOOKPROC._argtypes_] == [4, pointer, pointer]
    assert rw.HOOKPROC._restype_ is rw.LRESULT


# -- clicks ---------------------------------------------------------------------------------------


def test_clicks_reach_on_click_with_the_window_button_and_position(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    # Hooks on the hook thread, global (thread 0) with the .exe's module, both threads DPI aware.
    assert sorted(kind for kind, _ in system.hooks.values()) == [rw.WH_KEYBOARD_LL, rw.WH_MOUSE_LL]
    assert {t for name, t in system.thread_calls if name == "SetWindowsHookExW"} == {
        "windows-steps-hooks"
    }
    assert {t for c, t in system.dpi if c == rw.DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2} == {
        "windows-steps-hooks",
        "windows-steps-dispatcher",
    }
    assert recorder.running and not recorder.paused

    # On the child control of a window on a monitor left of the primary one (negative x).
    assert system.mouse(rw.WM_LBUTTONDOWN, -1650, 210) == FakeSystem.NEXT
    assert system.mouse(WM_LBUTTONUP, -1650, 210) == FakeSystem.NEXT  # not a click
    assert system.mouse(0x0200, -1600, 300) == FakeSystem.NEXT  # WM_MOUSEMOVE
    assert system.mouse(0x020A, -1600, 300) == FakeSystem.NEXT  # WM_MOUSEWHEEL
    assert system.mouse(0x020B, -1600, 300) == FakeSystem.NEXT  # WM_XBUTTONDOWN: no step
    assert system.mouse(rw.WM_RBUTTONDOWN, -1001, 699) == FakeSystem.NEXT
    assert system.mouse(rw.WM_MBUTTONDOWN, -1800, 100) == FakeSystem.NEXT
    assert system.mouse(rw.WM_LBUTTONDOWN, 3000, 3000) == FakeSystem.NEXT  # nothing there
    assert system.mouse(rw.WM_LBUTTONDOWN, 10, 10, code=-1) == FakeSystem.NEXT  # nCode < 0
    assert reports.wait(4) == [
        ("click", -1650, 210, "left", EDITOR_INFO),
        ("click", -1001, 699, "right", EDITOR_INFO),
        ("click", -1800, 100, "middle", EDITOR_INFO),
        ("click", 3000, 3000, "left", None),
    ]
    recorder.settle()
    assert len(reports.items) == 4
    assert reports.threads == {"windows-steps-dispatcher"}
    # Every hook call went on to the next hook, unchanged, from the hook thread.
    assert len(system.next_calls) == 9
    assert {c[3] for c in system.next_calls} == {"windows-steps-hooks"}
    assert [c[:2] for c in system.next_calls][-1] == (-1, rw.WM_LBUTTONDOWN)


# -- keys -----------------------------------------------------------------------------------------


def test_keys_are_counted_in_the_foreground_window_and_modifiers_alone_are_not(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    system.foreground = EDITOR
    for vk in sorted(rw.MODIFIER_KEYS):
        assert system.key(vk) == FakeSystem.NEXT
        assert system.key(vk, rw.WM_SYSKEYDOWN) == FakeSystem.NEXT
    assert system.key(0x41) == FakeSystem.NEXT  # 'A'
    assert system.key(0x41, WM_KEYUP) == FakeSystem.NEXT  # a release is not a press
    assert system.key(0x73, rw.WM_SYSKEYDOWN) == FakeSystem.NEXT  # Alt+F4's F4
    assert system.key(0x42, code=-1) == FakeSystem.NEXT  # nCode < 0: pass it on, look at nothing
    system.foreground = 0  # e.g. the lock screen: a key with no window
    assert system.key(0x0D) == FakeSystem.NEXT
    assert reports.wait(3) == [("key", EDITOR_INFO), ("key", EDITOR_INFO), ("key", None)]
    recorder.settle()
    assert len(reports.items) == 3
    assert len(system.next_calls) == 2 * len(rw.MODIFIER_KEYS) + 5


def test_no_attribute_of_the_recorder_ever_holds_a_key_code(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    system.foreground = EDITOR
    typed = range(0x30, 0x5B)  # digits and letters: the keys that would spell a secret
    for vk in typed:
        system.key(vk)
    reports.wait(len(typed))
    recorder.settle()

    def values(value: Any, depth: int = 0) -> Iterator[Any]:
        yield value
        if depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                yield from values(key, depth + 1)
                yield from values(item, depth + 1)
        elif depth < 3 and isinstance(value, list | tuple | set | frozenset):
            for item in value:
                yield from values(item, depth + 1)

    held = [
        (name, value)
        for name, attribute in vars(recorder).items()
        for value in values(attribute)
        if isinstance(value, int) and not isinstance(value, bool) and value in typed
    ]
    assert held == []
    # What the callbacks got: a window, never a key.
    assert {item for item in reports.items} == {("key", EDITOR_INFO)}


# -- what is not reported -------------------------------------------------------------------------


def test_own_process_and_excluded_windows_are_not_reported(
    system: FakeSystem, reports: Reports
) -> None:
    recorder = make(system, reports, exclude=[EXCLUDED])
    recorder.start()
    try:
        system.mouse(rw.WM_LBUTTONDOWN, 600, 20)  # our own window (by its process id)
        system.mouse(rw.WM_LBUTTONDOWN, 100, 600)  # excluded by id
        system.foreground = OURS
        system.key(0x41)
        system.foreground = EXCLUDED
        system.key(0x41)
        recorder.exclude([EDITOR])  # later, from another thread
        system.foreground = EDITOR
        system.key(0x41)
        system.mouse(rw.WM_LBUTTONDOWN, -1650, 210)  # the editor's child: its root is excluded
        recorder.settle()
        assert reports.items == []
        system.foreground = 0
        system.key(0x41)
        assert reports.wait(1) == [("key", None)]
    finally:
        recorder.stop()
    # Nobody asked our own windows for their title or process: the pid was enough.
    assert ("OpenProcess", OWN_PID) not in system.calls


def test_paused_drops_events_and_the_hooks_stay(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    system.foreground = EDITOR
    system.key(0x41)  # before pausing: reported
    recorder.pause()
    assert recorder.paused
    assert reports.items == [("key", EDITOR_INFO)]  # exact: handled before pause() returned
    assert len(system.hooks) == 2
    assert system.key(0x42) == FakeSystem.NEXT
    assert system.mouse(rw.WM_LBUTTONDOWN, -1650, 210) == FakeSystem.NEXT
    recorder.settle()
    assert reports.items == [("key", EDITOR_INFO)]
    recorder.resume()
    assert not recorder.paused
    system.mouse(rw.WM_LBUTTONDOWN, -1650, 210)
    assert reports.wait(2)[-1] == ("click", -1650, 210, "left", EDITOR_INFO)
    assert rw.WM_APP in [message for _, message in system.posts]  # marks go via the hook thread


def test_settle_waits_for_everything_received_so_far(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    release = threading.Event()
    original = reports.on_click

    def held_click(*args: Any) -> None:
        assert release.wait(TIMEOUT)  # the dispatcher is behind (a screenshot being grabbed)
        original(*args)

    recorder._on_click = held_click
    for x in range(20):
        system.mouse(rw.WM_LBUTTONDOWN, -1790 + x, 150)
    threading.Thread(target=release.set).start()
    recorder.settle()
    assert [item[1] for item in reports.items] == [-1790 + x for x in range(20)]


def test_every_hook_call_returns_at_once_while_a_callback_blocks(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    release = threading.Event()
    entered = threading.Event()

    def blocking_key(window: WindowInfo | None) -> None:
        entered.set()
        assert release.wait(TIMEOUT)
        reports.on_key(window)

    recorder._on_key = blocking_key
    system.foreground = EDITOR
    try:
        system.key(0x41)
        assert entered.wait(TIMEOUT)  # the dispatcher is stuck in the callback from now on
        timings = [system.timed_key(0x41 + n % 26) for n in range(200)]
        clicks = [system.mouse(rw.WM_LBUTTONDOWN, -1650, 210) for _ in range(20)]
    finally:
        release.set()
    assert [result for result, _ in timings] == [FakeSystem.NEXT] * 200
    assert clicks == [FakeSystem.NEXT] * 20
    # Far below LowLevelHooksTimeout: a queue put, not the callback's time.
    assert max(seconds for _, seconds in timings) < 0.2
    reports.wait(221)
    assert recorder.dropped == 0


# -- starting and stopping ------------------------------------------------------------------------


def test_stop_unhooks_on_the_hook_thread_and_ends_both_threads(
    system: FakeSystem, reports: Reports
) -> None:
    recorder = make(system, reports)
    recorder.start()
    recorder.start()  # already running: nothing more is hooked
    assert len(system.hooks) == 2
    hook_thread, dispatcher = recorder._hook_thread, recorder._dispatcher
    recorder.stop()
    recorder.stop()  # idempotent
    assert system.hooks == {}
    assert not recorder.running
    assert hook_thread is not None and not hook_thread.is_alive()
    assert dispatcher is not None and not dispatcher.is_alive()
    assert (FakeSystem.THREAD_ID, rw.WM_QUIT) in system.posts
    unhooks = [t for name, t in system.thread_calls if name == "UnhookWindowsHookEx"]
    assert unhooks == ["windows-steps-hooks"] * 2
    recorder.pause()  # stopped: only the flag changes, nothing waits
    recorder.resume()
    recorder.settle()
    # Started again: hooks anew, input reported again.
    recorder.start()
    try:
        system.foreground = EDITOR
        system.key(0x41)
        assert reports.wait(1) == [("key", EDITOR_INFO)]
    finally:
        recorder.stop()
    assert system.hooks == {}


def test_stop_from_a_callback_reports_nothing_after_it(
    recorder: WindowsInputRecorder, system: FakeSystem, reports: Reports
) -> None:
    def stop_on_click(*args: Any) -> None:
        reports.on_click(*args)
        recorder.stop()

    recorder._on_click = stop_on_click
    threads = (recorder._hook_thread, recorder._dispatcher)
    system.mouse(rw.WM_LBUTTONDOWN, -1650, 210)
    reports.wait(1)
    for thread in threads:
        assert thread is not None
        thread.join(TIMEOUT)
        assert not thread.is_alive()
    assert not recorder.running
    assert system.hooks == {}
    assert reports.items == [("click", -1650, 210, "left", EDITOR_INFO)]
    recorder.stop()  # idempotent after stopping itself


def test_a_refused_hook_is_unavailable_and_nothing_stays_hooked(
    system: FakeSystem, reports: Reports
) -> None:
    system.refuse.add(rw.WH_KEYBOARD_LL)
    recorder = make(system, reports)
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params == {"backend": rw.BACKEND, "reason": "hook_failed"}
    assert "error 1428" in str(error.value)
    assert system.hooks == {}  # the mouse hook, installed first, was removed again
    assert not recorder.running
    assert recorder._hook_thread is None and recorder._dispatcher is None


def test_without_user32_start_is_unavailable() -> None:
    recorder = WindowsInputRecorder(lambda *_: None, lambda _: None)
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()  # this is Linux: ctypes has no WinDLL
    assert error.value.params == {"backend": rw.BACKEND, "reason": "no_user32"}
    assert not recorder.running


def test_a_failing_message_loop_is_lost(recorder: WindowsInputRecorder, system: FakeSystem) -> None:
    hook_thread = recorder._hook_thread
    system.fail_loop()
    assert hook_thread is not None
    hook_thread.join(TIMEOUT)
    assert recorder.lost
    assert system.hooks == {}
    dispatcher = recorder._dispatcher
    assert dispatcher is not None
    dispatcher.join(TIMEOUT)
    assert not recorder.running  # what the service's watch notices


def test_create_recorder_picks_it_on_windows(
    monkeypatch: pytest.MonkeyPatch, system: FakeSystem, reports: Reports
) -> None:
    monkeypatch.setattr(rw, "_load", lambda: (system, system, system, lambda: system.error))
    recorder = create_recorder(
        reports.on_click, reports.on_key, exclude=[EXCLUDED], environ={}, platform="win32"
    )
    assert isinstance(recorder, WindowsInputRecorder)
    assert not recorder.running and system.hooks == {}  # created, not started
    recorder.start()
    try:
        system.mouse(rw.WM_LBUTTONDOWN, 100, 600)  # excluded through create_recorder
        system.mouse(rw.WM_LBUTTONDOWN, -1650, 210)
        assert reports.wait(1) == [("click", -1650, 210, "left", EDITOR_INFO)]
    finally:
        recorder.stop()
    assert system.hooks == {}
