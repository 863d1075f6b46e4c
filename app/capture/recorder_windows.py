"""The steps recorder's input listener on Windows: low-level mouse and keyboard hooks that
observe every click and key press without taking any of them.

Why low-level hooks (``WH_MOUSE_LL``/``WH_KEYBOARD_LL``) and not Raw Input
(``RegisterRawInputDevices`` with ``RIDEV_INPUTSINK``): raw input needs a window of ours and
reports relative mouse motion, not where a click landed; a low-level mouse hook gets the click
with its screen position, in the order the system handles input, and needs no DLL (the hook
runs in our process, on the thread that installed it, inside its message loop).

Two threads:

* the *hook thread* installs both hooks (``SetWindowsHookExW`` with ``hMod`` =
  ``GetModuleHandleW(NULL)``, thread id 0) and runs ``GetMessageW``; Windows calls the hook
  procedures from inside that call. Windows waits for each call (``LowLevelHooksTimeout``, at
  most 1 s since Windows 7) and *silently removes* a hook that takes longer, so the procedures
  do nothing but put ``("click", x, y, button)`` or ``("key",)`` on a queue, and always return
  ``CallNextHookEx(...)``: the input goes on to the application unchanged, whatever happens
  here. (They run Python code, so they need the GIL: another thread holding it for long, a C
  extension that does not release it, would delay them. Nothing of ours does.)
* the *dispatcher thread* takes the queue, finds the window (``WindowFromPoint`` +
  ``GetAncestor(GA_ROOT)`` for a click, ``GetForegroundWindow`` for a key), drops windows of
  our own process and excluded ones, and calls the callbacks (which grab the screenshot at
  once: the dispatcher is where the collector's grab runs).

Coordinates: ``MSLLHOOKSTRUCT.pt`` is in physical (per-monitor aware) virtual-screen pixels.
Both threads ask for per-monitor DPI awareness (``SetThreadDpiAwarenessContext``, Windows 10
1607+), so ``WindowFromPoint``, the window rectangles and the screen grab on the dispatcher use
the same physical pixels. On older Windows the process's own awareness applies (Qt makes the
GUI process per-monitor aware; mss does the same when it first grabs).

Keystroke contents: ``KBDLLHOOKSTRUCT.vkCode`` is read into one local of the hook procedure,
compared with the modifier keys (Shift, Ctrl, Alt, Windows, Caps/Num/Scroll Lock alone are not
characters) and deleted; it never reaches the queue, an attribute, a log line or a callback.
Callers learn "a key was pressed in window W" and nothing else. A held key counts each of the
repeats Windows sends (telling repeats apart would mean remembering which key is down).

What the hooks cannot see: input to windows of processes running elevated (as administrator)
while we are not (User Interface Privilege Isolation), and the secure desktop (UAC prompts, the
lock screen). Untested on real Windows so far: the unit tests run this module against fakes of
user32/kernel32 that follow the documented behaviour.
"""

from __future__ import annotations

import ctypes
import logging
import os
import queue
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from ctypes import wintypes
from typing import Any

from app.capture.recorder import ClickCallback, KeyCallback, RecorderUnavailable
from app.capture.windows import WindowInfo, _Win32Reader

log = logging.getLogger(__name__)

BACKEND = "windows-ll-hooks"
START_TIMEOUT = 10.0  # seconds for the hook thread to install its hooks
MAX_QUEUED = 10_000  # input waiting for the dispatcher; past it the hooks drop (and count)

WH_KEYBOARD_LL = 13
WH_MOUSE_LL = 14
HC_ACTION = 0
WM_QUIT = 0x0012
WM_USER = 0x0400
WM_APP = 0x8000  # "move the queued pause/resume/settle marks onto the event queue"
PM_NOREMOVE = 0x0000
WM_KEYDOWN = 0x0100
WM_SYSKEYDOWN = 0x0104  # Alt held, or F10
WM_LBUTTONDOWN = 0x0201
WM_RBUTTONDOWN = 0x0204
WM_MBUTTONDOWN = 0x0207
GA_ROOT = 2
# (HANDLE)-4: per-monitor v2; a pseudo-handle, not a pointer to anything
DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2 = -4

BUTTONS = {WM_LBUTTONDOWN: "left", WM_RBUTTONDOWN: "right", WM_MBUTTONDOWN: "middle"}
KEY_DOWNS = frozenset({WM_KEYDOWN, WM_SYSKEYDOWN})
MODIFIER_KEYS = frozenset(
    {
        0x10,  # VK_SHIFT
        0x11,  # VK_CONTROL
        0x12,  # VK_MENU (Alt)
        0x14,  # VK_CAPITAL (Caps Lock)
        0x5B,  # VK_LWIN
        0x5C,  # VK_RWIN
        0x90,  # VK_NUMLOCK
        0x91,  # VK_SCROLL
        0xA0,  # VK_LSHIFT
        0xA1,  # VK_RSHIFT
        0xA2,  # VK_LCONTROL (also the first half of AltGr)
        0xA3,  # VK_RCONTROL
        0xA4,  # VK_LMENU
        0xA5,  # VK_RMENU (AltGr)
    }
)

_KEY = ("key",)

LRESULT = wintypes.LPARAM  # LONG_PTR, as LPARAM: pointer-sized and signed


class POINT(ctypes.Structure):
    # Win32 LONG is 32 bits (wintypes.POINT uses c_long: 64 bits on the Linux that runs the
    # unit tests).
    _fields_ = (("x", ctypes.c_int32), ("y", ctypes.c_int32))


class MSLLHOOKSTRUCT(ctypes.Structure):
    _fields_ = (
        ("pt", POINT),
        ("mouseData", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),  # ULONG_PTR
    )


class KBDLLHOOKSTRUCT(ctypes.Structure):
    _fields_ = (
        ("vkCode", ctypes.c_uint32),
        ("scanCode", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("time", ctypes.c_uint32),
        ("dwExtraInfo", ctypes.c_size_t),  # ULONG_PTR
    )


# WINFUNCTYPE (stdcall) exists on Windows only; the unit tests' fakes call the CFUNCTYPE one
# (on x64 both are the one Windows calling convention).
HOOKPROC = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)(
    LRESULT, ctypes.c_int, wintypes.WPARAM, wintypes.LPARAM
)


def _load() -> tuple[Any, Any, Any, Callable[[], int]]:
    """user32, kernel32 and dwmapi with prototypes, and the reader of the saved last error."""
    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    dwmapi = ctypes.WinDLL("dwmapi")  # type: ignore[attr-defined,unused-ignore]
    _Win32Reader.declare(user32, dwmapi, kernel32)
    msg_p = ctypes.POINTER(wintypes.MSG)
    hhook = wintypes.HANDLE
    for lib, name, restype, argtypes in (
        (
            user32,
            "SetWindowsHookExW",
            hhook,
            [ctypes.c_int, HOOKPROC, wintypes.HINSTANCE, wintypes.DWORD],
        ),
        (user32, "UnhookWindowsHookEx", wintypes.BOOL, [hhook]),
        (
            user32,
            "CallNextHookEx",
            LRESULT,
            [hhook, ctypes.c_int, wintypes.WPARAM, wintypes.LPARAM],
        ),
        (
            user32,
            "GetMessageW",
            wintypes.BOOL,
            [msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT],
        ),
        (
            user32,
            "PeekMessageW",
            wintypes.BOOL,
            [msg_p, wintypes.HWND, wintypes.UINT, wintypes.UINT, wintypes.UINT],
        ),
        (
            user32,
            "PostThreadMessageW",
            wintypes.BOOL,
            [wintypes.DWORD, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM],
        ),
        (user32, "WindowFromPoint", wintypes.HWND, [POINT]),
        (user32, "GetAncestor", wintypes.HWND, [wintypes.HWND, wintypes.UINT]),
        (kernel32, "GetModuleHandleW", wintypes.HMODULE, [wintypes.LPCWSTR]),
        (kernel32, "GetCurrentThreadId", wintypes.DWORD, []),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    try:  # Windows 10 1607+
        aware = user32.SetThreadDpiAwarenessContext
        aware.restype, aware.argtypes = wintypes.HANDLE, [wintypes.HANDLE]
    except AttributeError:
        pass
    return user32, kernel32, dwmapi, ctypes.get_last_error  # type: ignore[attr-defined,unused-ignore]


class WindowsInputRecorder:
    """Reports clicks (``on_click(x, y, button, window)``) and key presses (``on_key(window)``)
    anywhere on the Windows desktop, as :class:`app.capture.recorder.X11InputRecorder` does on
    X11 (the same methods and promises).

    ``window`` is the top-level window clicked (or the foreground one for a key), ``None`` when
    it cannot be told. Callbacks run on the dispatcher thread; a slow one delays the next
    report, never the input. ``user32``, ``kernel32``, ``dwmapi`` and ``last_error`` are the
    system (loaded at :meth:`start` when not given: tests pass fakes).
    """

    name = BACKEND

    def __init__(
        self,
        on_click: ClickCallback,
        on_key: KeyCallback,
        *,
        exclude: Iterable[int] = (),
        own_pid: int | None = None,
        user32: Any = None,
        kernel32: Any = None,
        dwmapi: Any = None,
        last_error: Callable[[], int] | None = None,
    ) -> None:
        self._on_click = on_click
        self._on_key = on_key
        self._exclude = frozenset(exclude)
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._libs: tuple[Any, Any, Any, Callable[[], int]] | None = None
        if user32 is not None and kernel32 is not None:
            self._libs = (user32, kernel32, dwmapi, last_error or (lambda: 0))
        self._user32: Any = None
        self._reader: _Win32Reader | None = None
        self._apps: dict[int, str] = {}  # process names by pid, for this recorder's life
        self._paused = threading.Event()
        self._stopping = threading.Event()
        self._events: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._marks: queue.SimpleQueue[tuple[bool, Future[None]]] = queue.SimpleQueue()
        self._hook_thread: threading.Thread | None = None
        self._dispatcher: threading.Thread | None = None
        self._thread_id = 0
        self._hooks: list[Any] = []
        # The C thunks Windows calls: kept here, or they would be freed while hooked.
        self._mouse_proc = HOOKPROC(self._mouse_hook)
        self._keyboard_proc = HOOKPROC(self._keyboard_hook)
        self.dropped = 0
        """Input the hooks could not queue (the dispatcher was more than MAX_QUEUED behind)."""
        self.lost = False
        """True once the message loop failed (the listener has ended)."""

    # -- public API (any thread) ---------------------------------------------------------------

    def exclude(self, window_ids: Iterable[int]) -> None:
        """Never report these windows."""
        self._exclude = self._exclude | frozenset(window_ids)

    def start(self) -> None:
        """Install the hooks; returns once they are in. Raises :class:`RecorderUnavailable`
        (``reason`` ``no_user32`` or ``hook_failed``) when input cannot be observed."""
        if self._hook_thread is not None:
            return
        if self._libs is None:
            try:
                self._libs = _load()
            except (AttributeError, OSError) as error:
                raise RecorderUnavailable(
                    f"user32 cannot be loaded ({error})", backend=BACKEND, reason="no_user32"
                ) from None
        user32, kernel32, dwmapi, _ = self._libs
        self._user32 = user32
        self._reader = _Win32Reader(user32, dwmapi, kernel32)
        self._stopping.clear()
        self._events = queue.SimpleQueue()
        self._marks = queue.SimpleQueue()
        self.lost = False
        ready: Future[None] = Future()
        self._hook_thread = threading.Thread(
            target=self._run_hooks, args=(ready,), name="windows-steps-hooks", daemon=True
        )
        self._dispatcher = threading.Thread(
            target=self._run_dispatcher, name="windows-steps-dispatcher", daemon=True
        )
        self._dispatcher.start()
        self._hook_thread.start()
        try:
            ready.result(START_TIMEOUT)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Unhook and wait for both threads to end (idempotent; from a callback too)."""
        hook_thread, dispatcher = self._hook_thread, self._dispatcher
        if hook_thread is None:
            return
        self._stopping.set()
        if self._thread_id and hook_thread.is_alive():
            # The hooks must be removed by the thread that runs their message loop.
            self._user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
        self._events.put(None)  # the dispatcher ends at once, whatever is still queued
        current = threading.current_thread()
        for thread in (hook_thread, dispatcher):
            if thread is not None and thread is not current:
                thread.join(START_TIMEOUT)
        self._hook_thread = self._dispatcher = None

    def pause(self) -> None:
        """Drop input until :meth:`resume` (the hooks stay; their input is not looked at).

        Exact as far as Windows lets it be: input whose hook call was already pending when this
        was called is still reported, input after it is not (the mark goes through the hook
        thread's message queue, which runs pending hook calls first, then the event queue)."""
        self._set_paused(True)

    def resume(self) -> None:
        """Report input again, from this moment on (exact, as :meth:`pause`)."""
        self._set_paused(False)

    def settle(self) -> None:
        """Return once every input seen before this call has been reported (or dropped)."""
        self._set_paused(self._paused.is_set())

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def running(self) -> bool:
        hook_thread, dispatcher = self._hook_thread, self._dispatcher
        return (
            hook_thread is not None
            and hook_thread.is_alive()
            and dispatcher is not None
            and dispatcher.is_alive()
        )

    def _set_paused(self, paused: bool) -> None:
        switch = self._paused.set if paused else self._paused.clear
        current = threading.current_thread()
        if not self.running or current is self._dispatcher:
            switch()  # nothing to wait for (or it would wait for itself)
            return
        future: Future[None] = Future()
        self._marks.put((paused, future))
        if not self._user32.PostThreadMessageW(self._thread_id, WM_APP, 0, 0):
            switch()
            return
        try:
            future.result(START_TIMEOUT)
        except Exception:  # the listener ended, or a callback is stuck: switch anyway
            switch()

    # -- the hook thread ---------------------------------------------------------------------------

    def _run_hooks(self, ready: Future[None]) -> None:
        assert self._libs is not None
        user32, kernel32, _, last_error = self._libs
        msg = wintypes.MSG()
        try:
            self._thread_id = int(kernel32.GetCurrentThreadId())
            _per_monitor_aware(user32)
            # A thread has a message queue once it calls a message function: make it now, so
            # PostThreadMessageW from stop() cannot fail.
            user32.PeekMessageW(ctypes.byref(msg), None, WM_USER, WM_USER, PM_NOREMOVE)
            module = kernel32.GetModuleHandleW(None)
            for kind, proc in (
                (WH_MOUSE_LL, self._mouse_proc),
                (WH_KEYBOARD_LL, self._keyboard_proc),
            ):
                hook = user32.SetWindowsHookExW(kind, proc, module, 0)
                if not hook:
                    raise RecorderUnavailable(
                        f"SetWindowsHookExW({kind}) failed (error {last_error()})",
                        backend=BACKEND,
                        reason="hook_failed",
                    )
                self._hooks.append(hook)
        except BaseException as error:
            self._unhook()
            self._end()
            ready.set_exception(error)
            return
        ready.set_result(None)
        try:
            self._loop(msg)
        except Exception:
            log.exception("the Windows steps recorder failed")
            self.lost = True
        finally:
            self._unhook()
            self._end()

    def _loop(self, msg: Any) -> None:
        assert self._libs is not None
        user32, _, _, last_error = self._libs
        while not self._stopping.is_set():
            # The hook procedures run inside this call (Windows sends them to this thread).
            result = user32.GetMessageW(ctypes.byref(msg), None, 0, 0)
            if result == 0:  # WM_QUIT: stop()
                return
            if result == -1:
                log.error("GetMessageW failed (error %d): the steps recorder stopped", last_error())
                self.lost = True
                return
            if msg.message == WM_APP:
                while True:
                    try:
                        paused, future = self._marks.get_nowait()
                    except queue.Empty:
                        break
                    self._events.put(("mark", paused, future))

    def _unhook(self) -> None:
        while self._hooks:
            hook = self._hooks.pop()
            if not self._user32.UnhookWindowsHookEx(hook):
                log.warning("UnhookWindowsHookEx failed")

    def _end(self) -> None:
        """The hook thread is ending: the dispatcher ends after what is queued, and whoever
        waits for a pause or resume gets an answer."""
        self._thread_id = 0
        while True:
            try:
                _, future = self._marks.get_nowait()
            except queue.Empty:
                break
            if future.set_running_or_notify_cancel():
                future.set_exception(
                    RecorderUnavailable("stopped", backend=BACKEND, reason="stopped")
                )
        self._events.put(None)

    # The two hook procedures: Windows waits for them. Nothing here but a queue put, and the
    # input always goes on (CallNextHookEx), even when something here fails.

    def _mouse_hook(self, code: int, wparam: int, lparam: int) -> int:
        try:
            if code == HC_ACTION and wparam in BUTTONS:
                if self._events.qsize() < MAX_QUEUED:
                    pt = MSLLHOOKSTRUCT.from_address(lparam).pt
                    self._events.put(("click", pt.x, pt.y, BUTTONS[wparam]))
                else:
                    self.dropped += 1
        except Exception:  # noqa: S110 - nothing may delay or swallow the input
            pass
        return int(self._user32.CallNextHookEx(None, code, wparam, lparam))

    def _keyboard_hook(self, code: int, wparam: int, lparam: int) -> int:
        try:
            if code == HC_ACTION and wparam in KEY_DOWNS:
                # The key's code lives in this local for one set lookup, and nowhere else.
                vk = KBDLLHOOKSTRUCT.from_address(lparam).vkCode
                modifier = vk in MODIFIER_KEYS
                del vk
                if not modifier:
                    if self._events.qsize() < MAX_QUEUED:
                        self._events.put(_KEY)
                    else:
                        self.dropped += 1
        except Exception:  # noqa: S110 - nothing may delay or swallow the input
            pass
        return int(self._user32.CallNextHookEx(None, code, wparam, lparam))

    # -- the dispatcher thread ---------------------------------------------------------------------

    def _run_dispatcher(self) -> None:
        _per_monitor_aware(self._user32)
        dropped = 0
        while True:
            item = self._events.get()
            if item is None:
                return
            if item[0] == "mark":
                _, paused, future = item
                (self._paused.set if paused else self._paused.clear)()
                if future.set_running_or_notify_cancel():
                    future.set_result(None)
                continue
            if self.dropped != dropped:
                log.warning("the steps recorder fell behind: %d inputs dropped", self.dropped)
                dropped = self.dropped
            if self._stopping.is_set() or self._paused.is_set():
                continue
            try:
                if item[0] == "click":
                    _, x, y, button = item
                    self._clicked(x, y, button)
                else:
                    self._key_pressed()
            except Exception:
                log.exception("a steps recorder callback failed")

    def _clicked(self, x: int, y: int, button: str) -> None:
        user32 = self._user32
        hwnd = user32.WindowFromPoint(POINT(x, y)) or 0
        top = (user32.GetAncestor(hwnd, GA_ROOT) or 0) if hwnd else 0
        if top and self._is_excluded(top):
            return
        window = self._describe(top)
        if self._stopping.is_set():
            return
        self._on_click(x, y, button, window)

    def _key_pressed(self) -> None:
        foreground = self._user32.GetForegroundWindow() or 0
        if foreground and self._is_excluded(foreground):
            return
        window = self._describe(foreground)
        if self._stopping.is_set():
            return
        self._on_key(window)

    def _describe(self, hwnd: int) -> WindowInfo | None:
        if not hwnd or self._reader is None:
            return None
        return self._reader.describe(hwnd, self._apps)

    def _is_excluded(self, hwnd: int) -> bool:
        if hwnd in self._exclude:
            return True
        assert self._reader is not None
        return self._reader.pid(hwnd) == self._own_pid


def _per_monitor_aware(user32: Any) -> None:
    """Make this thread per-monitor DPI aware (physical pixels in and out), where Windows can."""
    try:
        aware = user32.SetThreadDpiAwarenessContext
    except AttributeError:
        return  # before Windows 10 1607: the process's awareness applies
    if not aware(DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2):
        log.info("this thread cannot be made per-monitor DPI aware")
