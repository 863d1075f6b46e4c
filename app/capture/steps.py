"""Turns the recorder's clicks and key presses into numbered :class:`~app.core.steps.Step`\\ s.

* A click is a step at once; its screenshot (the window clicked, or the monitor when the window
  is unknown or larger than the monitor) is grabbed on the caller's thread, right away, so it
  shows the screen as the user saw it. The red ring and the PNG encoding happen on one worker
  thread; the PNG goes straight to ``store`` (the blob store) and the step gets its sha256.
* Key presses in one window make one typing step whose count grows; a click, a note, a
  screenshot or a key press in another window closes it. Only the count exists here.
* ``max_steps`` (default 100) is the one limit: past it nothing is added and
  :attr:`StepCollector.limit_reached` turns true.

Memory stays bounded: at most ``max_pending`` grabbed frames wait for the encoder (a click that
would exceed it waits up to ``pending_timeout`` seconds, then keeps its step without an image),
and encoded images live in the blob store, not here.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from functools import lru_cache
from typing import Any

from app.capture.grab import Rect, bounding, encode_bgrx_png
from app.capture.windows import WindowInfo
from app.core.model import utc_now
from app.core.steps import Step, new_step

log = logging.getLogger(__name__)

DEFAULT_MAX_STEPS = 100
MARKER_RADIUS = 14
RED_BGRX = b"\x00\x00\xff\xff"
WHITE_BGRX = b"\xff\xff\xff\xff"
MIN_WINDOW_SIDE = 8  # a window smaller than this shows nothing useful: grab the monitor

Store = Callable[[bytes], str]
Grab = Callable[[Rect], bytes]
Namer = Callable[[int, int, str], str]  # (x, y, window title) -> control name, or ""


@lru_cache(maxsize=4)
def ring_offsets(radius: int) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(red, white) pixel offsets of the click marker: a 3 px red ring of ``radius`` with a
    1 px white edge on both sides, so it shows on red and on dark backgrounds alike."""
    red: list[tuple[int, int]] = []
    white: list[tuple[int, int]] = []
    reach = radius + 3
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            distance = math.hypot(dx, dy)
            if abs(distance - radius) <= 1.5:
                red.append((dx, dy))
            elif abs(distance - radius) <= 2.5:
                white.append((dx, dy))
    return tuple(red), tuple(white)


def draw_marker(
    bgrx: bytearray, width: int, height: int, cx: int, cy: int, *, radius: int = MARKER_RADIUS
) -> None:
    """Draw the click ring centred on (``cx``, ``cy``) into B, G, R, X rows (clipped; a few
    hundred pixel writes whatever the image size)."""
    red, white = ring_offsets(radius)
    for offsets, colour in ((white, WHITE_BGRX), (red, RED_BGRX)):
        for dx, dy in offsets:
            px, py = cx + dx, cy + dy
            if 0 <= px < width and 0 <= py < height:
                at = (py * width + px) * 4
                bgrx[at : at + 4] = colour


def capture_rect(x: int, y: int, window: WindowInfo | None, monitors: list[Rect]) -> Rect | None:
    """What a click's screenshot shows: the window (clipped to the desktop) when it is known,
    holds the click and fits the monitor; otherwise the monitor under the click."""
    if not monitors:
        return None
    monitor = next((m for m in monitors if m.x <= x < m.right and m.y <= y < m.bottom), monitors[0])
    if window is not None:
        rect = window.rect.intersected(bounding(monitors))
        if (
            rect is not None
            and rect.x <= x < rect.right
            and rect.y <= y < rect.bottom
            and min(rect.width, rect.height) >= MIN_WINDOW_SIDE
            and rect.width * rect.height <= monitor.width * monitor.height
        ):
            return rect
    return monitor


class _X11Source:
    """The default pixels: one libX11 connection of our own, opened at the first click."""

    def __init__(self) -> None:
        self._display: Any = None
        self._monitors: list[Rect] = []

    def _open(self) -> Any:
        if self._display is None:
            from app.capture import x11grab

            self._display = x11grab.Display()
            found = [Rect(m.x, m.y, m.width, m.height) for m in self._display.monitors()]
            self._monitors = found or [Rect(0, 0, *self._display.size())]
        return self._display

    def monitors(self) -> list[Rect]:
        self._open()
        return self._monitors

    def grab(self, rect: Rect) -> bytes:
        data: bytes = self._open().grab_bgrx(rect.x, rect.y, rect.width, rect.height)
        return data

    def close(self) -> None:
        if self._display is not None:
            self._display.close()
            self._display = None


class _MssSource:
    """The pixels on Windows and macOS: one mss instance, made at the first
    click. On Windows mss makes the process per-monitor DPI aware, so its monitors and grabs
    are in the physical pixels the recorder's clicks come in."""

    def __init__(self) -> None:
        self._sct: Any = None
        self._monitors: list[Rect] = []

    def _open(self) -> Any:
        if self._sct is None:
            from app.capture.grab import _mss

            self._sct = _mss()
            self._monitors = [
                Rect(m["left"], m["top"], m["width"], m["height"]) for m in self._sct.monitors[1:]
            ]
        return self._sct

    def monitors(self) -> list[Rect]:
        self._open()
        return self._monitors

    def grab(self, rect: Rect) -> bytes:
        shot = self._open().grab(
            {"left": rect.x, "top": rect.y, "width": rect.width, "height": rect.height}
        )
        # mss's B, G, R, A rows are B, G, R, X as the encoder reads them (A is not looked at).
        data = bytes(shot.raw)
        if (shot.width, shot.height) == (rect.width, rect.height):
            return data
        scale = shot.width // rect.width if rect.width else 0
        if scale > 1 and (shot.width, shot.height) == (rect.width * scale, rect.height * scale):
            # A Retina display: mss gives device pixels for a rectangle in points. Every
            # scale-th pixel of every scale-th row (the click marker is drawn in points).
            pixels = memoryview(data).cast("I")
            row = shot.width
            return b"".join(
                pixels[y * scale * row : (y * scale + 1) * row : scale].tobytes()
                for y in range(rect.height)
            )
        raise RuntimeError(f"mss returned {shot.width}x{shot.height} for {rect}")

    def close(self) -> None:
        if self._sct is not None:
            self._sct.close()
            self._sct = None


def _default_source(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> _X11Source | _MssSource:
    """mss on Windows and macOS; libX11 on the others, as before (the recorder runs in X11
    sessions only there)."""
    from app.capture.hotkeys import session_kind

    if session_kind(environ, platform) in ("windows", "macos"):
        return _MssSource()
    return _X11Source()


class StepCollector:
    """The steps of one recording. Every method may be called from any thread.

    ``store(png) -> sha256`` keeps an image (it runs on the encoder thread); ``changed()`` is
    called (on whichever thread made the change) after every change, outside the lock.
    ``grab`` and ``monitors`` are the pixel source (by default mss on Windows and macOS,
    libX11 elsewhere). ``namer`` (e.g.
    :class:`app.capture.atspi.AtspiNamer`) names the control clicked; it runs on a worker of
    its own, so a slow accessibility bus delays the name, never the next event.
    """

    def __init__(
        self,
        store: Store,
        *,
        max_steps: int = DEFAULT_MAX_STEPS,
        changed: Callable[[], None] | None = None,
        grab: Grab | None = None,
        monitors: Callable[[], list[Rect]] | None = None,
        clock: Callable[[], datetime] = utc_now,
        max_pending: int = 2,
        pending_timeout: float = 2.0,
        marker_radius: int = MARKER_RADIUS,
        namer: Namer | None = None,
    ) -> None:
        if max_steps < 1:
            raise ValueError("max_steps must be at least 1")
        self._store = store
        self.max_steps = max_steps
        self._changed = changed
        self._source: _X11Source | _MssSource | None = None
        if grab is None or monitors is None:
            self._source = _default_source()
        self._grab: Grab = grab or self._source.grab  # type: ignore[union-attr]
        self._monitors: Callable[[], list[Rect]] = monitors or self._source.monitors  # type: ignore[union-attr]
        self._clock = clock
        self._max_pending = max_pending
        self._pending_timeout = pending_timeout
        self._radius = marker_radius
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._grab_lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_pending)
        self._pending = 0
        self.peak_pending = 0
        """The most frames that ever waited for the encoder at once (a test and bench figure)."""
        self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="steps-encoder")
        self._namer = namer
        self._naming = 0
        self._name_worker = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="steps-namer") if namer else None
        )
        self._steps: list[Step] = []
        self._next_number = 1
        self._typing_window: int | None = None  # the window of the open typing step
        self._limit_reached = False
        self._closed = False

    # -- reading -----------------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        """A snapshot of the steps, in order."""
        with self._lock:
            return list(self._steps)

    @property
    def limit_reached(self) -> bool:
        """True once a step was refused because ``max_steps`` were recorded."""
        with self._lock:
            return self._limit_reached

    @property
    def pending(self) -> int:
        """Screenshots grabbed and not yet stored."""
        with self._lock:
            return self._pending

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every grabbed screenshot is stored; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0 and self._naming == 0, timeout)

    # -- the recorder's callbacks ------------------------------------------------------------------

    def on_click(self, x: int, y: int, button: str, window: WindowInfo | None) -> None:
        """A click at (``x``, ``y``) (virtual desktop) in ``window``."""
        with self._lock:
            self._typing_window = None
            step = self._append(
                "click",
                window,
                x=x,
                y=y,
                button=button if button in ("left", "right", "middle") else "",
            )
        if step is None:
            self._notify()
            return
        self._notify()
        if self._name_worker is not None and window is not None and window.title:
            with self._lock:
                self._naming += 1
            try:
                self._name_worker.submit(self._name, step.number, x, y, window.title)
            except RuntimeError:  # closed meanwhile
                self._named()
        self._shoot(step.number, x, y, window)

    def on_key(self, window: WindowInfo | None) -> None:
        """One key press in ``window`` (which key is not known here, by design)."""
        window_id = window.id if window is not None else 0
        with self._lock:
            last = self._steps[-1] if self._steps else None
            if self._typing_window == window_id and last is not None and last.kind == "typing":
                self._steps[-1] = last.with_changes(chars=last.chars + 1)
            else:
                self._typing_window = None
                if self._append("typing", window, chars=1) is not None:
                    self._typing_window = window_id
        self._notify()

    # -- the user's additions and edits ------------------------------------------------------------

    def add_note(self, text: str) -> Step | None:
        """A note typed by the user into the recording (None past the limit)."""
        with self._lock:
            self._typing_window = None
            step = self._append("note", None, caption=text)
        self._notify()
        return step

    def add_screenshot(
        self, image_sha256: str, window: WindowInfo | None = None, caption: str | None = None
    ) -> Step | None:
        """A screenshot the user took while recording (already in the blob store)."""
        with self._lock:
            self._typing_window = None
            step = self._append("screenshot", window, caption=caption)
            if step is not None:
                step = self._replace(step.number, image_sha256=image_sha256)
        self._notify()
        return step

    def set_caption(self, number: int, caption: str) -> Step | None:
        """Rewrite the caption of step ``number`` (None if there is no such step)."""
        with self._lock:
            step = self._replace(number, caption=caption)
        if step is not None:
            self._notify()
        return step

    def remove(self, number: int) -> bool:
        """Delete step ``number``; its image stays in the blob store until the draft lets go."""
        with self._lock:
            before = len(self._steps)
            self._steps = [s for s in self._steps if s.number != number]
            removed = len(self._steps) != before
            if removed:
                # The next key press starts a new typing step rather than growing an older one.
                self._typing_window = None
        if removed:
            self._notify()
        return removed

    def uncount_last_key(self) -> bool:
        """Take back the last key press (the recorder's own stop key, seen by the listener
        like any other): the open typing step counts one less, or goes when it was the only
        one. False when the last step is not a typing step."""
        with self._lock:
            last = self._steps[-1] if self._steps else None
            if last is None or last.kind != "typing":
                return False
            if last.chars > 1:
                self._steps[-1] = last.with_changes(chars=last.chars - 1)
            else:
                self._steps.pop()
                self._typing_window = None
        self._notify()
        return True

    def close(self) -> None:
        """Finish the pending encodings and release the worker and the X connection."""
        with self._lock:
            self._closed = True
        self._encoder.shutdown(wait=True)
        if self._name_worker is not None:
            self._name_worker.shutdown(wait=True)
            close = getattr(self._namer, "close", None)
            if close is not None:
                close()
        with self._grab_lock:
            if self._source is not None:
                self._source.close()

    # -- inside ------------------------------------------------------------------------------------

    def _append(
        self,
        kind: str,
        window: WindowInfo | None,
        *,
        x: int | None = None,
        y: int | None = None,
        button: str = "",
        chars: int = 0,
        caption: str | None = None,
    ) -> Step | None:
        """Append a step (the lock is held); None when the limit or close() refuses it."""
        if self._closed:
            return None
        if len(self._steps) >= self.max_steps:
            self._limit_reached = True
            return None
        step = new_step(
            self._next_number,
            self._clock(),
            kind,
            window_title=window.title if window is not None else "",
            app=window.app if window is not None else "",
            x=x,
            y=y,
            button=button,
            chars=chars,
            caption=caption,
        )
        self._next_number += 1
        self._steps.append(step)
        return step

    def _replace(self, number: int, **changes: Any) -> Step | None:
        for index, step in enumerate(self._steps):
            if step.number == number:
                changed = self._steps[index] = step.with_changes(**changes)
                return changed
        return None

    def _notify(self) -> None:
        if self._changed is not None:
            try:
                self._changed()
            except Exception:
                log.exception("a steps 'changed' callback failed")

    def _shoot(self, number: int, x: int, y: int, window: WindowInfo | None) -> None:
        """Grab now (on this thread); mark, encode and store on the worker."""
        if not self._slots.acquire(timeout=self._pending_timeout):
            log.warning("the screenshot encoder is behind: step %d keeps no image", number)
            return
        with self._lock:
            self._pending += 1
            self.peak_pending = max(self.peak_pending, self._pending)
        try:
            with self._grab_lock:
                rect = capture_rect(x, y, window, self._monitors())
                pixels = self._grab(rect) if rect is not None else b""
        except Exception as error:
            log.warning("no screenshot for step %d: %s", number, error)
            self._finished()
            return
        if rect is None:
            self._finished()
            return
        try:
            self._encoder.submit(self._encode, number, pixels, rect, x - rect.x, y - rect.y)
        except RuntimeError:  # closed meanwhile
            self._finished()

    def _encode(self, number: int, pixels: bytes, rect: Rect, cx: int, cy: int) -> None:
        try:
            image = bytearray(pixels)
            del pixels  # one copy of the frame at a time
            draw_marker(image, rect.width, rect.height, cx, cy, radius=self._radius)
            png = encode_bgrx_png(bytes(image), rect.width, rect.height)
            del image
            sha256 = self._store(png)
        except Exception:
            log.exception("the screenshot of step %d cannot be stored", number)
            self._finished()
            return
        with self._lock:
            self._replace(number, image_sha256=sha256)
        self._finished()
        self._notify()

    def _name(self, number: int, x: int, y: int, title: str) -> None:
        assert self._namer is not None
        try:
            name = self._namer(x, y, title)
        except Exception:
            log.exception("the control of step %d cannot be named", number)
            name = ""
        if name:
            with self._lock:  # a ControlName knows the kind of control too
                self._replace(number, control=str(name), control_role=getattr(name, "role", ""))
        self._named()
        if name:
            self._notify()

    def _named(self) -> None:
        with self._idle:
            self._naming -= 1
            self._idle.notify_all()

    def _finished(self) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()
        self._slots.release()
