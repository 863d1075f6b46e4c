"""The steps recorder's input listener on X11: global mouse clicks and key presses, observed
without taking them from anybody.

Why XInput2 raw events (and not the alternatives):

* ``XGrabButton``/``XGrabKey`` (what the hotkey backend does) would *take* the input: the click
  or key would reach us instead of the application. Out of the question.
* The RECORD extension (libXtst ``XRecordCreateContext``) sees everything too, but needs a
  second connection blocked inside ``XRecordEnableContext`` (its own data connection), hands
  over raw protocol bytes to parse, and is disabled on some hardened servers. It would work;
  it is more code and one more thread.
* XInput2 raw events (``XI_RawButtonPress``, ``XI_RawKeyPress`` selected on the root window
  for all master devices) are a copy the server sends to every client that asks, since XI 2.1
  even while another client holds a grab, and they change nothing for the application (the
  e2e test checks that the window still gets every click and key). One ordinary connection,
  one ``select`` loop, the same shape as :mod:`app.capture.hotkeys.x11`. Every X.Org server
  since 1.12 (2012) and Xwayland offer XI 2.2. (Xwayland only reports input that goes to X
  clients: under Wayland the recorder sees the X11 applications only.)

Raw events carry no position and no window, so a button press is followed by
``XQueryPointer`` (the pointer has not moved in the microseconds between) and the top-level
window under it; a key press goes to the active window.

Keystroke contents: a raw key event's ``detail`` is the keycode. It is read into one local
int, compared with the modifier keycodes (Shift, Ctrl, Alt... alone are not characters) and
dropped at once; it never reaches a callback, an attribute, a log line or a queue (Xlib's own
event buffer is freed by ``XFreeEventData`` right after). Callers get "a key was pressed in
window W" and nothing else, so nothing downstream can record text. No keysym is ever looked up.

Windows of our own process (``_NET_WM_PID`` is ours) and windows the caller excludes by id
are not reported: clicking the recorder's own Stop button is not a step.
"""

from __future__ import annotations

import ctypes
import logging
import os
import queue
import select
import socket
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from app.capture import _xlib
from app.capture.windows import WindowInfo, _X11Reader
from app.core.errors import UserFacingError

if TYPE_CHECKING:
    from app.capture.recorder_macos import MacInputRecorder
    from app.capture.recorder_windows import WindowsInputRecorder

log = logging.getLogger(__name__)

BACKEND = "x11-xinput2"
START_TIMEOUT = 10.0  # seconds for the listener to open its connection and select the events

GENERIC_EVENT = 35
XI_ALL_MASTER_DEVICES = 1
XI_RAW_KEY_PRESS = 13
XI_RAW_BUTTON_PRESS = 15
BUTTON_NAMES = {1: "left", 2: "middle", 3: "right"}  # 4-7 are the wheel: not clicks

ClickCallback = Callable[[int, int, str, WindowInfo | None], None]
KeyCallback = Callable[[WindowInfo | None], None]


class RecorderUnavailable(UserFacingError):
    """Input cannot be observed in this session (``params['reason']``: no_display, no_xinput2,
    no_libx11, lost; on Windows no_user32, hook_failed; on macOS permission, tap_failed,
    no_quartz)."""

    kind = "recorder_unavailable"


def create_recorder(
    on_click: ClickCallback,
    on_key: KeyCallback,
    *,
    exclude: Iterable[int] = (),
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> X11InputRecorder | WindowsInputRecorder | MacInputRecorder:
    """The input listener for this session (not started): X11 (XInput2 raw events, below),
    Windows (:mod:`app.capture.recorder_windows`, low-level hooks) or macOS
    (:mod:`app.capture.recorder_macos`, a listen-only event tap); elsewhere
    :class:`RecorderUnavailable` says why (``reason``: the session kind). Wayland lets no
    client observe global input."""
    from app.capture.hotkeys import session_kind

    env = os.environ if environ is None else environ
    kind = session_kind(env, platform)
    if kind == "windows":
        from app.capture.recorder_windows import WindowsInputRecorder

        return WindowsInputRecorder(on_click, on_key, exclude=exclude)
    if kind == "macos":
        from app.capture.recorder_macos import MacInputRecorder

        return MacInputRecorder(on_click, on_key, exclude=exclude)
    if kind != "x11":
        raise RecorderUnavailable(
            f"steps cannot be recorded in a {kind} session yet", backend=kind, reason=kind
        )
    return X11InputRecorder(on_click, on_key, display=env.get("DISPLAY"), exclude=exclude)


class _XIEventMask(ctypes.Structure):
    _fields_ = (
        ("deviceid", ctypes.c_int),
        ("mask_len", ctypes.c_int),
        ("mask", ctypes.POINTER(ctypes.c_ubyte)),
    )


class _XGenericEventCookie(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("extension", ctypes.c_int),
        ("evtype", ctypes.c_int),
        ("cookie", ctypes.c_uint),
        ("data", ctypes.c_void_p),
    )


class _XIRawEventHead(ctypes.Structure):
    """The start of ``XIRawEvent`` (the valuators that follow are never read)."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("extension", ctypes.c_int),
        ("evtype", ctypes.c_int),
        ("time", ctypes.c_ulong),
        ("deviceid", ctypes.c_int),
        ("sourceid", ctypes.c_int),
        ("detail", ctypes.c_int),
        ("flags", ctypes.c_int),
    )


def _load_xi() -> ctypes.CDLL:
    try:
        xi = ctypes.CDLL("libXi.so.6")
    except OSError as error:
        raise RecorderUnavailable(
            f"libXi cannot be loaded ({error})", backend=BACKEND, reason="no_xinput2"
        ) from None
    xi.XIQueryVersion.restype = ctypes.c_int
    xi.XIQueryVersion.argtypes = (
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    )
    xi.XISelectEvents.restype = ctypes.c_int
    xi.XISelectEvents.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_XIEventMask),
        ctypes.c_int,
    )
    return xi


class X11InputRecorder:
    """Reports clicks (``on_click(x, y, button, window)``) and key presses (``on_key(window)``)
    anywhere on the X display, from a listener thread with its own connection.

    ``window`` is the top-level window clicked (or holding the focus), or ``None`` when it
    cannot be told. Callbacks run on the listener thread: they should return quickly (the
    events wait meanwhile; the applications do not). ``exclude`` holds window ids never
    reported; ``own_pid`` is the process whose windows are never reported (ours).
    """

    name = BACKEND

    def __init__(
        self,
        on_click: ClickCallback,
        on_key: KeyCallback,
        *,
        display: str | None = None,
        exclude: Iterable[int] = (),
        own_pid: int | None = None,
    ) -> None:
        self._on_click = on_click
        self._on_key = on_key
        self._display_name = display
        self._exclude = set(exclude)
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._paused = threading.Event()
        self._commands: queue.SimpleQueue[tuple[Callable[[], None], Future[None]]] = (
            queue.SimpleQueue()
        )
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake_read = self._wake_write = -1
        self._fd_lock = threading.Lock()  # the wake-up pipe is closed by the listener, at its end
        self._x: Any = None
        self._display = 0
        self._socket: socket.socket | None = None
        self._modifier_keycodes: frozenset[int] = frozenset()
        self._pids: dict[int, int | None] = {}
        self._active: WindowInfo | None = None
        self.lost = False
        """True once the X server went away (the listener has ended)."""

    # -- public API (any thread) ---------------------------------------------------------------

    def exclude(self, window_ids: Iterable[int]) -> None:
        """Never report these windows (e.g. the app's own, where no ``_NET_WM_PID`` is set)."""
        self._exclude = self._exclude | set(window_ids)

    def start(self) -> None:
        """Start listening; returns once the events are selected. Raises
        :class:`RecorderUnavailable` when this display cannot report input."""
        if self._thread is not None:
            return
        ready: Future[None] = Future()
        self._stopping.clear()
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="x11-steps-recorder", daemon=True
        )
        self._thread.start()
        try:
            ready.result(START_TIMEOUT)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop listening and wait for the listener to end (idempotent)."""
        thread = self._thread
        if thread is None:
            return
        self._stopping.set()
        self._wake()
        if thread is not threading.current_thread():  # from a callback: ends when it returns
            thread.join(START_TIMEOUT)
        self._thread = None

    def _wake(self) -> None:
        with self._fd_lock:
            if self._wake_write < 0:
                return  # the listener has ended; nobody is left to wake
            try:
                os.write(self._wake_write, b"\0")
            except OSError:
                pass  # the pipe is full: a wake-up is pending anyway

    def _close_wake_pipe(self) -> None:
        with self._fd_lock:
            for fd in (self._wake_read, self._wake_write):
                if fd >= 0:
                    os.close(fd)
            self._wake_read = self._wake_write = -1

    def pause(self) -> None:
        """Drop input until :meth:`resume` (the events still arrive; they are not looked at).

        Exact: input the server handled before this call is still reported, input after it
        is not (the listener makes a round trip to the server and drains its queue first)."""
        self._set_paused(True)

    def resume(self) -> None:
        """Report input again, from this moment on (exact, as :meth:`pause`)."""
        self._set_paused(False)

    def settle(self) -> None:
        """Return once every input the server handled before this call has been reported
        (or dropped): e.g. the click on a button of ours, before that button's window hides
        and the click could no longer be told to be ours."""
        paused = self._paused.is_set()
        self._set_paused(paused)

    def _set_paused(self, paused: bool) -> None:
        def switch() -> None:
            self._x.XSync(self._display, 0)  # every event generated so far is in our queue
            self._dispatch()  # ... and is handled in the old state
            (self._paused.set if paused else self._paused.clear)()

        thread = self._thread
        if thread is None or not thread.is_alive() or thread is threading.current_thread():
            if thread is threading.current_thread():
                switch()
            else:
                (self._paused.set if paused else self._paused.clear)()
            return
        future: Future[None] = Future()
        self._commands.put((switch, future))
        self._wake()
        try:
            future.result(START_TIMEOUT)
        except Exception:  # the listener ended meanwhile: nothing more will be reported anyway
            (self._paused.set if paused else self._paused.clear)()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the listener thread ---------------------------------------------------------------------

    def _run(self, ready: Future[None]) -> None:
        try:
            self._open()
        except BaseException as error:
            self._close_wake_pipe()
            ready.set_exception(error)
            return
        ready.set_result(None)
        try:
            self._loop()
        except Exception:
            log.exception("the X11 steps recorder failed")
        finally:
            while True:  # whoever still waits for a pause or resume gets an answer
                try:
                    _, future = self._commands.get_nowait()
                except queue.Empty:
                    break
                if future.set_running_or_notify_cancel():
                    future.set_exception(
                        RecorderUnavailable("stopped", backend=BACKEND, reason="stopped")
                    )
            if not self.lost:
                self._x.XCloseDisplay(self._display)
            # A dead connection is left alone: any Xlib call on it ends in the I/O error
            # handler, which exits the process.
            self._display = 0
            if self._socket is not None:
                self._socket.close()
            self._close_wake_pipe()

    def _open(self) -> None:
        try:
            self._x = _xlib.xlib()
        except _xlib.XlibMissing as error:
            raise RecorderUnavailable(str(error), backend=BACKEND, reason="no_libx11") from None
        name = self._display_name.encode() if self._display_name is not None else None
        self._display = self._x.XOpenDisplay(name) or 0
        if not self._display:
            shown = self._display_name or os.environ.get("DISPLAY", "")
            raise RecorderUnavailable(
                f"cannot open the X display {shown!r}", backend=BACKEND, reason="no_display"
            )
        try:
            self._select()
        except BaseException:
            self._x.XCloseDisplay(self._display)
            self._display = 0
            raise
        self._socket = socket.socket(fileno=os.dup(self._x.XConnectionNumber(self._display)))
        self._modifier_keycodes = self._read_modifier_keycodes()

    def _select(self) -> None:
        opcode, first_event, first_error = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        if not self._x.XQueryExtension(
            self._display,
            b"XInputExtension",
            ctypes.byref(opcode),
            ctypes.byref(first_event),
            ctypes.byref(first_error),
        ):
            raise RecorderUnavailable(
                "the X server has no XInput extension", backend=BACKEND, reason="no_xinput2"
            )
        self._xi_opcode = opcode.value
        xi = _load_xi()
        # 2.2 asked for: raw events reach every client regardless of grabs since 2.1.
        major, minor = ctypes.c_int(2), ctypes.c_int(2)
        if xi.XIQueryVersion(self._display, ctypes.byref(major), ctypes.byref(minor)) != 0 or (
            major.value,
            minor.value,
        ) < (2, 1):
            raise RecorderUnavailable(
                f"the X server offers XInput {major.value}.{minor.value}, 2.1 is needed",
                backend=BACKEND,
                reason="no_xinput2",
            )
        mask_bytes = (ctypes.c_ubyte * 4)()
        for event in (XI_RAW_KEY_PRESS, XI_RAW_BUTTON_PRESS):
            mask_bytes[event >> 3] |= 1 << (event & 7)
        mask = _XIEventMask(XI_ALL_MASTER_DEVICES, len(mask_bytes), mask_bytes)
        root = self._x.XDefaultRootWindow(self._display)
        with _xlib.error_trap(self._x, self._display) as errors:
            xi.XISelectEvents(self._display, root, ctypes.byref(mask), 1)
        if errors:
            raise RecorderUnavailable(
                f"XISelectEvents failed (X error {errors[0].error_code})",
                backend=BACKEND,
                reason="no_xinput2",
            )
        self._root = int(root)

    def _loop(self) -> None:
        assert self._socket is not None
        x_fd = self._socket.fileno()
        while not self._stopping.is_set():
            self._run_commands()
            self._dispatch()
            if self._stopping.is_set():
                break
            readable, _, _ = select.select([x_fd, self._wake_read], [], [])
            if self._wake_read in readable:
                try:
                    while os.read(self._wake_read, 512):
                        pass
                except (BlockingIOError, OSError):
                    pass
            if x_fd in readable and self._connection_lost():
                break

    def _run_commands(self) -> None:
        while True:
            try:
                command, future = self._commands.get_nowait()
            except queue.Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                command()
                future.set_result(None)
            except BaseException as error:
                future.set_exception(error)

    def _connection_lost(self) -> bool:
        assert self._socket is not None
        if not _xlib.server_closed(self._socket):
            return False
        log.warning("the X server closed the connection: the steps recorder stopped")
        self.lost = True
        return True

    def _dispatch(self) -> None:
        event = _xlib.XEvent()
        cookie = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XGenericEventCookie)).contents
        while not self._stopping.is_set() and self._x.XPending(self._display):
            self._x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == _xlib.MAPPING_NOTIFY:
                self._x.XRefreshKeyboardMapping(ctypes.byref(event))
                self._modifier_keycodes = self._read_modifier_keycodes()
                continue
            if event.type != GENERIC_EVENT or cookie.extension != self._xi_opcode:
                continue
            if not self._x.XGetEventData(self._display, ctypes.byref(cookie)):
                continue
            try:
                kind = cookie.evtype
                counts = False
                button = ""
                if kind == XI_RAW_KEY_PRESS:
                    counts = self._is_character_key(cookie.data)
                elif kind == XI_RAW_BUTTON_PRESS:
                    raw = ctypes.cast(cookie.data, ctypes.POINTER(_XIRawEventHead)).contents
                    button = BUTTON_NAMES.get(raw.detail, "")
            finally:
                self._x.XFreeEventData(self._display, ctypes.byref(cookie))
            if self._paused.is_set():
                continue
            try:
                if counts:
                    self._key_pressed()
                elif button:
                    self._button_pressed(button)
            except Exception:
                log.exception("a steps recorder callback failed")

    def _is_character_key(self, data: int) -> bool:
        """Whether the raw key event in ``data`` is anything but a modifier key.

        The keycode is the only trace of *which* key it was: it lives in this frame's local
        variable for one set lookup and is deleted before returning. Nothing else reads it."""
        keycode = ctypes.cast(data, ctypes.POINTER(_XIRawEventHead)).contents.detail
        modifier = keycode in self._modifier_keycodes
        del keycode
        return not modifier

    def _read_modifier_keycodes(self) -> frozenset[int]:
        codes: set[int] = set()
        modmap = self._x.XGetModifierMapping(self._display)
        if modmap:
            try:
                per = modmap.contents.max_keypermod
                codes.update(modmap.contents.modifiermap[i] for i in range(8 * per))
            finally:
                self._x.XFreeModifiermap(modmap)
        codes.discard(0)
        return frozenset(codes)

    # -- what the events mean ----------------------------------------------------------------------

    def _reader(self) -> _X11Reader:
        """Property reads on our own connection (never closed by the reader)."""
        return _X11Reader(self._x, self._display)

    def _button_pressed(self, button: str) -> None:
        root, child = ctypes.c_ulong(), ctypes.c_ulong()
        root_x, root_y, win_x, win_y = (ctypes.c_int() for _ in range(4))
        state = ctypes.c_uint()
        with _xlib.error_trap(self._x, self._display):
            self._x.XQueryPointer(
                self._display,
                self._root,
                ctypes.byref(root),
                ctypes.byref(child),
                ctypes.byref(root_x),
                ctypes.byref(root_y),
                ctypes.byref(win_x),
                ctypes.byref(win_y),
                ctypes.byref(state),
            )
        x, y, top = root_x.value, root_y.value, child.value
        window = self._window_at(x, y, top)
        if window is not None and self._is_excluded(window):
            return
        self._active = None  # a click may move the focus: read it again at the next key
        self._on_click(x, y, button, window)

    def _window_at(self, x: int, y: int, top: int) -> WindowInfo | None:
        pairs = _X11Reader.open().windows()
        for info, frame in pairs:
            if top and frame == top:
                return info
        # A popup (menu, combo list: override-redirect, not in the list) or a window that
        # appeared since: the topmost listed window containing the point.
        for info, _ in pairs:
            r = info.rect
            if r.x <= x < r.right and r.y <= y < r.bottom:
                return info
        return None

    def _key_pressed(self) -> None:
        window = self._focused()
        if window is not None and self._is_excluded(window):
            return
        self._on_key(window)

    def _focused(self) -> WindowInfo | None:
        with _xlib.error_trap(self._x, self._display):
            active = self._reader()._cardinals(self._root, "_NET_ACTIVE_WINDOW")
        if active is not None and self._active is not None and active[:1] == [self._active.id]:
            return self._active  # typing on in the same window: one property read per key
        self._active = _X11Reader.open().active()
        return self._active

    def _is_excluded(self, window: WindowInfo) -> bool:
        if window.id in self._exclude:
            return True
        if window.id not in self._pids:
            with _xlib.error_trap(self._x, self._display):
                pid = self._reader()._cardinals(window.id, "_NET_WM_PID")
            self._pids[window.id] = pid[0] if pid else None
        return self._pids[window.id] == self._own_pid
