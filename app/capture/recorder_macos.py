"""The steps recorder's input listener on macOS: a listen-only Quartz event tap.

Written to Apple's documented Quartz Event Services and CoreFoundation run-loop API through
ctypes; it cannot run on the Linux machines that build Ticketwise, so every OS call goes through
the ``cg``/``cf`` library objects (CoreGraphics, CoreFoundation), which the unit tests replace
with fakes that keep the C callback and call it as the run loop would. Untested on real macOS.

How it works:

* **Permission first.** Observing input of other applications needs *Input Monitoring*
  (macOS 10.15+). ``CGPreflightListenEventAccess()`` tells whether it is granted without asking;
  when it is not, ``CGRequestListenEventAccess()`` shows the system prompt (once per program)
  and :class:`~app.capture.recorder.RecorderUnavailable` (``reason="permission"``) tells the
  user where to allow it. The grant takes effect for the next start of the recording.
* **A listener thread with its own run loop**: ``CGEventTapCreate`` (session tap, head
  insertion, *listen-only*: the events reach the applications unchanged and cannot be held up
  by us) for left/right/other mouse down and key down; its mach port's run-loop source in the
  common modes of that thread's run loop; ``CFRunLoopRun()`` until :meth:`MacInputRecorder.stop`
  calls ``CFRunLoopStop`` + ``CFRunLoopWakeUp`` on it. A stop that comes before the loop runs
  would be lost (``CFRunLoopStop`` only ends a *running* loop), so :meth:`~MacInputRecorder.stop`
  repeats it until the thread has ended. The thread then invalidates and releases the tap and
  its source.
* **The tap callback only queues** ``(x, y, button)`` or ``("key",)`` and returns the event it
  was given, so it takes microseconds whatever the callbacks downstream do. macOS disables a tap
  whose callback is slow (``kCGEventTapDisabledByTimeout``) or when secure input asks it to
  (``kCGEventTapDisabledByUserInput``): that notice re-enables the tap and counts nothing.
* **A dispatcher thread** resolves the window from ``CGWindowListCopyWindowInfo`` (through
  :class:`app.capture.windows._QuartzReader`) and calls ``on_click`` / ``on_key``.

Keystroke contents: a key-down's keycode is read into one local of the tap callback, compared
with the modifier keycodes and deleted; it is never queued, logged or kept in an attribute. Key
repeats (``kCGKeyboardEventAutorepeat``) are not counted: holding a key is one press, as on X11
where the raw events of a repeat are not sent. (macOS reports a modifier pressed alone as
``kCGEventFlagsChanged``, which the tap does not ask for; the modifier check is a second guard.)

Coordinates: ``CGEventGetLocation`` gives global display coordinates in **points**, origin at
the top left of the main display, y down: the space of ``kCGWindowBounds`` (our
:attr:`WindowInfo.rect` on macOS) and of ``CGDisplayBounds`` (mss's monitors there). Clicks are
reported in that space, floored to whole points, with no conversion, so the click, the window
rectangle and the monitor rectangles always agree. On a Retina display a screenshot of such a
rectangle has ``backingScaleFactor`` (2) pixels per point: the pixel source scales the marker
position, the recorder does not.

Which window: for a click, the frontmost on-screen window of *any* layer containing the point
decides whether it is ours or excluded (a floating panel or a menu is above layer 0: our own
recording control floats); otherwise the frontmost layer-0 window containing it is reported
(``None`` over the menu bar or the desktop). For a key press, the frontmost layer-0 window
(it belongs to the active application). Windows of our process (``kCGWindowOwnerPID``) and
excluded window ids are never reported.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import Any

from app.capture.recorder import ClickCallback, KeyCallback, RecorderUnavailable
from app.capture.windows import WindowInfo, _QuartzReader

log = logging.getLogger(__name__)

BACKEND = "macos-event-tap"
START_TIMEOUT = 10.0  # seconds for the tap thread to create the tap, or to end
STOP_RETRY = 0.05  # seconds between two CFRunLoopStop calls while the thread has not ended

CORE_GRAPHICS = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"
CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"

# CGEventTapLocation, CGEventTapPlacement, CGEventTapOptions (CGEventTypes.h)
K_CG_SESSION_EVENT_TAP = 1
K_CG_HEAD_INSERT_EVENT_TAP = 0
K_CG_EVENT_TAP_OPTION_LISTEN_ONLY = 1

# CGEventType
K_CG_EVENT_LEFT_MOUSE_DOWN = 1
K_CG_EVENT_RIGHT_MOUSE_DOWN = 3
K_CG_EVENT_KEY_DOWN = 10
K_CG_EVENT_OTHER_MOUSE_DOWN = 25
K_CG_EVENT_TAP_DISABLED_BY_TIMEOUT = 0xFFFFFFFE
K_CG_EVENT_TAP_DISABLED_BY_USER_INPUT = 0xFFFFFFFF

# CGEventField
K_CG_MOUSE_EVENT_BUTTON_NUMBER = 3
K_CG_KEYBOARD_EVENT_AUTOREPEAT = 8
K_CG_KEYBOARD_EVENT_KEYCODE = 9


def event_mask_bit(event_type: int) -> int:
    """``CGEventMaskBit``: the CGEventMask (uint64) bit of one event type."""
    return 1 << event_type


EVENT_MASK = (
    event_mask_bit(K_CG_EVENT_LEFT_MOUSE_DOWN)
    | event_mask_bit(K_CG_EVENT_RIGHT_MOUSE_DOWN)
    | event_mask_bit(K_CG_EVENT_OTHER_MOUSE_DOWN)
    | event_mask_bit(K_CG_EVENT_KEY_DOWN)
)

# kCGMouseEventButtonNumber of an "other" button: 2 is the middle one; 3 and up are the
# back/forward side buttons, which are navigation, not clicks on a place (X11 skips them too).
OTHER_BUTTON_NAMES = {2: "middle"}

# kVK_* of the modifier keys (HIToolbox/Events.h): pressed alone they type nothing.
MODIFIER_KEYCODES: frozenset[int] = frozenset(
    {
        0x36,  # kVK_RightCommand
        0x37,  # kVK_Command
        0x38,  # kVK_Shift
        0x39,  # kVK_CapsLock
        0x3A,  # kVK_Option
        0x3B,  # kVK_Control
        0x3C,  # kVK_RightShift
        0x3D,  # kVK_RightOption
        0x3E,  # kVK_RightControl
        0x3F,  # kVK_Function
    }
)


class CGPoint(ctypes.Structure):
    _fields_ = (("x", ctypes.c_double), ("y", ctypes.c_double))


# CGEventRef (*CGEventTapCallBack)(CGEventTapProxy, CGEventType, CGEventRef, void *userInfo)
CGEventTapCallBack = ctypes.CFUNCTYPE(
    ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_void_p
)


def _load_frameworks() -> tuple[Any, Any, int]:
    """(CoreGraphics, CoreFoundation, ``kCFRunLoopCommonModes``) with their C signatures."""
    cg = ctypes.CDLL(CORE_GRAPHICS)
    cf = ctypes.CDLL(CORE_FOUNDATION)
    p, u32 = ctypes.c_void_p, ctypes.c_uint32
    for lib, name, restype, argtypes in (
        (cg, "CGPreflightListenEventAccess", ctypes.c_bool, []),
        (cg, "CGRequestListenEventAccess", ctypes.c_bool, []),
        (cg, "CGEventTapCreate", p, [u32, u32, u32, ctypes.c_uint64, CGEventTapCallBack, p]),
        (cg, "CGEventTapEnable", None, [p, ctypes.c_bool]),
        (cg, "CGEventGetLocation", CGPoint, [p]),
        (cg, "CGEventGetIntegerValueField", ctypes.c_int64, [p, u32]),
        (cf, "CFMachPortCreateRunLoopSource", p, [p, p, ctypes.c_long]),
        (cf, "CFMachPortInvalidate", None, [p]),
        (cf, "CFRunLoopGetCurrent", p, []),
        (cf, "CFRunLoopAddSource", None, [p, p, p]),
        (cf, "CFRunLoopRemoveSource", None, [p, p, p]),
        (cf, "CFRunLoopRun", None, []),
        (cf, "CFRunLoopStop", None, [p]),
        (cf, "CFRunLoopWakeUp", None, [p]),
        (cf, "CFRelease", None, [p]),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    common_modes = ctypes.c_void_p.in_dll(cf, "kCFRunLoopCommonModes").value
    if not common_modes:
        raise OSError("kCFRunLoopCommonModes is not set")
    return cg, cf, common_modes


def check_listen_permission(cg: Any) -> None:
    """Raise :class:`RecorderUnavailable` (``reason="permission"``) when Input Monitoring is
    not granted, after asking macOS to show its prompt. Before 10.15 there is no such
    permission (the functions are missing) and nothing is checked."""
    preflight = getattr(cg, "CGPreflightListenEventAccess", None)
    if preflight is None:
        return
    if preflight():
        return
    cg.CGRequestListenEventAccess()
    raise RecorderUnavailable(
        "macOS has not allowed Ticketwise to monitor input (Input Monitoring)",
        backend=BACKEND,
        reason="permission",
    )


_STOP = object()  # the dispatcher's end-of-queue marker
Command = tuple[Callable[[], None], Future[None]]


class MacInputRecorder:
    """Reports clicks (``on_click(x, y, button, window)``) and key presses (``on_key(window)``)
    anywhere on the macOS session, from a dispatcher thread.

    The same contract as :class:`app.capture.recorder.X11InputRecorder`. ``cg``, ``cf`` and
    ``common_modes`` are CoreGraphics, CoreFoundation and ``kCFRunLoopCommonModes`` (loaded at
    :meth:`start` when not given); ``reader`` lists the windows (a
    :class:`~app.capture.windows._QuartzReader` by default); ``own_pid`` is the process whose
    windows are never reported (ours).
    """

    name = BACKEND

    def __init__(
        self,
        on_click: ClickCallback,
        on_key: KeyCallback,
        *,
        exclude: Iterable[int] = (),
        own_pid: int | None = None,
        cg: Any = None,
        cf: Any = None,
        common_modes: int | None = None,
        reader: Any = None,
    ) -> None:
        self._on_click = on_click
        self._on_key = on_key
        self._exclude = frozenset(exclude)
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._cg, self._cf, self._common_modes = cg, cf, common_modes
        self._reader = reader
        self._callback = CGEventTapCallBack(self._on_tap_event)  # alive as long as we are
        self._lock = threading.Lock()  # guards the threads, the run loop and the queue's end
        self._events: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._accepting = False  # the dispatcher takes commands (under _lock)
        self._tap_thread: threading.Thread | None = None
        self._dispatcher: threading.Thread | None = None
        self._tap = 0  # CFMachPortRef, read by the callback to re-enable the tap
        self._run_loop = 0  # CFRunLoopRef of the tap thread while it runs (under _lock)
        self._stopping = threading.Event()
        self._paused = threading.Event()
        self.lost = False
        """True once the tap's run loop ended without being stopped (the listener has ended)."""

    # -- public API (any thread) -------------------------------------------------------------------

    def exclude(self, window_ids: Iterable[int]) -> None:
        """Never report these windows (CGWindowIDs)."""
        self._exclude = self._exclude | frozenset(window_ids)

    def start(self) -> None:
        """Start listening; returns once the tap runs. Raises :class:`RecorderUnavailable`:
        ``permission`` (Input Monitoring not granted: macOS has been asked to prompt),
        ``tap_failed`` (macOS refused the tap), ``no_quartz`` (the frameworks cannot load)."""
        if self._tap_thread is not None:
            return
        if self._cg is None or self._cf is None or self._common_modes is None:
            try:
                self._cg, self._cf, self._common_modes = _load_frameworks()
            except (OSError, AttributeError, ValueError) as error:
                raise RecorderUnavailable(
                    f"Quartz cannot be loaded ({error})", backend=BACKEND, reason="no_quartz"
                ) from None
        check_listen_permission(self._cg)
        if self._reader is None:
            try:
                self._reader = _QuartzReader.load()
            except (OSError, AttributeError, ValueError) as error:
                raise RecorderUnavailable(
                    f"Quartz cannot be loaded ({error})", backend=BACKEND, reason="no_quartz"
                ) from None
        self._stopping.clear()
        self.lost = False
        self._events = queue.SimpleQueue()
        ready: Future[None] = Future()
        tap_thread = threading.Thread(
            target=self._run_tap, args=(ready,), name="macos-steps-tap", daemon=True
        )
        dispatcher = threading.Thread(
            target=self._run_dispatcher, name="macos-steps-dispatcher", daemon=True
        )
        with self._lock:
            self._tap_thread, self._dispatcher = tap_thread, dispatcher
            self._accepting = True
        dispatcher.start()
        tap_thread.start()
        try:
            ready.result(START_TIMEOUT)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop listening and wait for both threads to end (idempotent; from a callback, the
        dispatcher ends when the callback returns). Input not yet dispatched is dropped."""
        with self._lock:
            tap_thread, dispatcher = self._tap_thread, self._dispatcher
            if tap_thread is None:
                return
            self._tap_thread = self._dispatcher = None
        self._stopping.set()
        current = threading.current_thread()
        if tap_thread is not current:
            deadline = time.monotonic() + START_TIMEOUT
            while tap_thread.is_alive() and time.monotonic() < deadline:
                self._stop_run_loop()  # again: a stop before CFRunLoopRun began is lost
                tap_thread.join(STOP_RETRY)
            if tap_thread.is_alive():
                log.warning("the macOS event tap thread did not end")
        else:
            self._stop_run_loop()
        self._events.put(_STOP)
        if dispatcher is not None and dispatcher is not current:
            dispatcher.join(START_TIMEOUT)

    def pause(self) -> None:
        """Drop input until :meth:`resume`. Input the tap received before this call is still
        reported, input after it is not (the switch waits its turn in the dispatcher's queue)."""
        self._set_paused(True)

    def resume(self) -> None:
        """Report input again, from this moment on (ordered as :meth:`pause`)."""
        self._set_paused(False)

    def settle(self) -> None:
        """Return once every input the tap callback received before this call has been
        reported (or dropped). An event macOS has not handed to the tap yet cannot be waited
        for; our own windows are recognised by their owner's pid anyway."""
        self._set_paused(self._paused.is_set())

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def running(self) -> bool:
        tap_thread, dispatcher = self._tap_thread, self._dispatcher
        return (
            tap_thread is not None
            and tap_thread.is_alive()
            and dispatcher is not None
            and dispatcher.is_alive()
        )

    def _set_paused(self, paused: bool) -> None:
        switch = self._paused.set if paused else self._paused.clear
        future: Future[None] = Future()
        with self._lock:
            queued = self._accepting and self._dispatcher is not threading.current_thread()
            if queued:
                self._events.put((switch, future))
        if not queued:
            switch()
            return
        try:
            future.result(START_TIMEOUT)
        except Exception:  # the dispatcher ended meanwhile: nothing more is reported anyway
            switch()

    # -- the tap thread ----------------------------------------------------------------------------

    def _run_tap(self, ready: Future[None]) -> None:
        cg, cf = self._cg, self._cf
        try:
            tap = cg.CGEventTapCreate(
                K_CG_SESSION_EVENT_TAP,
                K_CG_HEAD_INSERT_EVENT_TAP,
                K_CG_EVENT_TAP_OPTION_LISTEN_ONLY,
                EVENT_MASK,
                self._callback,
                None,
            )
            if not tap:
                raise RecorderUnavailable(
                    "macOS refused the event tap (CGEventTapCreate returned NULL)",
                    backend=BACKEND,
                    reason="tap_failed",
                )
            source = cf.CFMachPortCreateRunLoopSource(None, tap, 0)
            if not source:
                cf.CFMachPortInvalidate(tap)
                cf.CFRelease(tap)
                raise RecorderUnavailable(
                    "the event tap has no run-loop source", backend=BACKEND, reason="tap_failed"
                )
        except BaseException as error:
            ready.set_exception(error)
            return
        loop = cf.CFRunLoopGetCurrent()
        try:
            cf.CFRunLoopAddSource(loop, source, self._common_modes)
            self._tap = int(tap)
            cg.CGEventTapEnable(tap, True)
            with self._lock:
                self._run_loop = int(loop)
            ready.set_result(None)
            if not self._stopping.is_set():
                cf.CFRunLoopRun()  # returns after CFRunLoopStop (or when the source is gone)
            if not self._stopping.is_set():
                log.warning("the macOS event tap's run loop ended: the steps recorder stopped")
                self.lost = True
        except Exception:
            log.exception("the macOS event tap failed")
            if not ready.done():
                ready.set_exception(
                    RecorderUnavailable(
                        "the event tap could not be started", backend=BACKEND, reason="tap_failed"
                    )
                )
        finally:
            with self._lock:
                self._run_loop = 0  # from now on nobody may stop this (ending) run loop
            self._tap = 0
            cg.CGEventTapEnable(tap, False)
            cf.CFRunLoopRemoveSource(loop, source, self._common_modes)
            cf.CFMachPortInvalidate(tap)
            cf.CFRelease(source)
            cf.CFRelease(tap)
            if self.lost:
                self._events.put(_STOP)  # the dispatcher ends too: ``running`` turns false

    def _stop_run_loop(self) -> None:
        with self._lock:  # the run loop is valid while the tap thread has not cleared it
            if self._run_loop:
                self._cf.CFRunLoopStop(self._run_loop)
                self._cf.CFRunLoopWakeUp(self._run_loop)

    def _on_tap_event(
        self, proxy: int | None, event_type: int, event: int | None, user_info: int | None
    ) -> int | None:
        """The CGEventTapCallBack, on the tap thread. Listen-only: the event goes back as it
        came, and nothing here waits for anything."""
        try:
            if event_type in (
                K_CG_EVENT_TAP_DISABLED_BY_TIMEOUT,
                K_CG_EVENT_TAP_DISABLED_BY_USER_INPUT,
            ):
                if self._tap and not self._stopping.is_set():
                    self._cg.CGEventTapEnable(self._tap, True)
            elif self._stopping.is_set() or not event:
                pass
            elif event_type == K_CG_EVENT_KEY_DOWN:
                if self._is_counted_key(event):
                    self._events.put(("key",))
            else:
                button = self._button(event_type, event)
                if button:
                    point = self._cg.CGEventGetLocation(event)
                    self._events.put((math.floor(point.x), math.floor(point.y), button))
        except Exception:
            log.exception("the macOS event tap callback failed")
        return event

    def _is_counted_key(self, event: int) -> bool:
        """Whether a key-down counts: not a repeat, not a modifier. The keycode is the only
        trace of *which* key it was: it lives in this local for one set lookup and is deleted."""
        if self._cg.CGEventGetIntegerValueField(event, K_CG_KEYBOARD_EVENT_AUTOREPEAT):
            return False
        keycode = self._cg.CGEventGetIntegerValueField(event, K_CG_KEYBOARD_EVENT_KEYCODE)
        modifier = keycode in MODIFIER_KEYCODES
        del keycode
        return not modifier

    def _button(self, event_type: int, event: int) -> str:
        if event_type == K_CG_EVENT_LEFT_MOUSE_DOWN:
            return "left"
        if event_type == K_CG_EVENT_RIGHT_MOUSE_DOWN:
            return "right"
        if event_type == K_CG_EVENT_OTHER_MOUSE_DOWN:
            number = self._cg.CGEventGetIntegerValueField(event, K_CG_MOUSE_EVENT_BUTTON_NUMBER)
            return OTHER_BUTTON_NAMES.get(number, "")
        return ""

    # -- the dispatcher thread ---------------------------------------------------------------------

    def _run_dispatcher(self) -> None:
        try:
            while True:
                item = self._events.get()
                if item is _STOP:
                    break
                if len(item) == 2 and callable(item[0]):
                    self._run_command(item)
                elif not self._stopping.is_set() and not self._paused.is_set():
                    try:
                        self._deliver(item)
                    except Exception:
                        log.exception("a steps recorder callback failed")
        finally:
            with self._lock:
                self._accepting = False
            while True:  # whoever still waits for a pause, resume or settle gets an answer
                try:
                    item = self._events.get_nowait()
                except queue.Empty:
                    break
                if item is not _STOP and len(item) == 2 and callable(item[0]):
                    self._run_command(item)

    @staticmethod
    def _run_command(command: Command) -> None:
        function, future = command
        if not future.set_running_or_notify_cancel():
            return
        try:
            function()
            future.set_result(None)
        except BaseException as error:
            future.set_exception(error)

    def _deliver(self, item: tuple[Any, ...]) -> None:
        entries: list[tuple[WindowInfo, int, int | None]] = self._reader.entries()
        if item == ("key",):
            front = next(((w, pid) for w, layer, pid in entries if layer == 0), None)
            window = None
            if front is not None:
                if self._is_ours(*front):
                    return
                window = front[0]
            self._on_key(window)
            return
        x, y, button = item
        under = [(w, layer, pid) for w, layer, pid in entries if _contains(w, x, y)]
        if under and self._is_ours(under[0][0], under[0][2]):
            return  # a click on our own floating control, or on an excluded window
        below = next(((w, pid) for w, layer, pid in under if layer == 0), None)
        window = None
        if below is not None:
            if self._is_ours(*below):
                return
            window = below[0]
        self._on_click(x, y, button, window)

    def _is_ours(self, window: WindowInfo, pid: int | None) -> bool:
        if window.id in self._exclude:
            return True
        return pid is not None and pid == self._own_pid


def _contains(window: WindowInfo, x: int, y: int) -> bool:
    r = window.rect
    return r.x <= x < r.right and r.y <= y < r.bottom
