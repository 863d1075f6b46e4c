"""StepCollector: clicks with marked screenshots, typing counted per window, the step limit,
and the bounded encoder queue. Pixels come from a fake grab (the real one is in the e2e test)."""

from __future__ import annotations

import hashlib
import struct
import threading
import zlib
from datetime import UTC, datetime

import pytest

from app.capture.grab import Rect
from app.capture.steps import (
    MARKER_RADIUS,
    StepCollector,
    capture_rect,
    draw_marker,
    ring_offsets,
)
from app.capture.windows import WindowInfo

GREY = bytes((90, 90, 90, 0))
MONITORS = [Rect(0, 0, 800, 600), Rect(800, 0, 1024, 768)]
NOTES = WindowInfo(11, "Notes", Rect(100, 100, 300, 200), "gedit")
MAIL = WindowInfo(12, "Mail", Rect(50, 50, 400, 300), "thunderbird")


def decode_png(png: bytes) -> tuple[int, int, bytes]:
    """(width, height, RGB) of the encoder's own PNGs (8-bit RGB, filter 0 on every row)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width, height = 8, b"", 0, 0
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3
    rows = [raw[r * (stride + 1) : (r + 1) * (stride + 1)] for r in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, height, b"".join(row[1:] for row in rows)


def pixel(rgb: bytes, width: int, x: int, y: int) -> tuple[int, int, int]:
    at = (y * width + x) * 3
    return rgb[at], rgb[at + 1], rgb[at + 2]


class Blobs:
    """An in-memory blob store; ``gate`` (when set) holds every store call until it opens."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.gate: threading.Event | None = None

    def store(self, png: bytes) -> str:
        if self.gate is not None:
            assert self.gate.wait(10)
        sha = hashlib.sha256(png).hexdigest()
        self.data[sha] = png
        return sha


class Grabs:
    def __init__(self) -> None:
        self.rects: list[Rect] = []
        self.fail = False

    def grab(self, rect: Rect) -> bytes:
        if self.fail:
            raise OSError("the display went away")
        self.rects.append(rect)
        return GREY * (rect.width * rect.height)


@pytest.fixture
def blobs() -> Blobs:
    return Blobs()


@pytest.fixture
def grabs() -> Grabs:
    return Grabs()


def collector(blobs: Blobs, grabs: Grabs, **options: object) -> StepCollector:
    made = StepCollector(
        blobs.store,
        grab=grabs.grab,
        monitors=lambda: MONITORS,
        clock=lambda: datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
        **options,  # type: ignore[arg-type]
    )
    return made


def test_a_click_is_a_step_with_the_window_marked(blobs: Blobs, grabs: Grabs) -> None:
    steps = collector(blobs, grabs)
    steps.on_click(150, 180, "left", NOTES)
    assert steps.wait_idle(10)
    steps.close()
    (step,) = steps.steps()
    assert (step.number, step.kind, step.x, step.y, step.button) == (1, "click", 150, 180, "left")
    assert (step.window_title, step.app) == ("Notes", "gedit")
    assert grabs.rects == [NOTES.rect]
    width, height, rgb = decode_png(blobs.data[step.image_sha256])
    assert (width, height) == (300, 200)
    cx, cy = 150 - 100, 180 - 100
    assert pixel(rgb, width, cx, cy) == (90, 90, 90)  # the spot clicked stays visible
    for dx, dy in ((MARKER_RADIUS, 0), (0, -MARKER_RADIUS), (-MARKER_RADIUS, 0)):
        assert pixel(rgb, width, cx + dx, cy + dy) == (255, 0, 0)
    assert pixel(rgb, width, cx + MARKER_RADIUS + 2, cy) == (255, 255, 255)  # the white edge
    assert pixel(rgb, width, cx + MARKER_RADIUS + 5, cy) == (90, 90, 90)
    assert pixel(rgb, width, 0, 0) == (90, 90, 90)


def test_the_marker_is_clipped_at_the_edges() -> None:
    image = bytearray(GREY * (20 * 10))
    draw_marker(image, 20, 10, 0, 0)
    draw_marker(image, 20, 10, 19, 9)
    assert len(image) == 20 * 10 * 4
    red, white = ring_offsets(MARKER_RADIUS)
    assert 150 < len(red) + len(white) < 600  # a bounded cost, whatever the image's size


def test_what_a_click_screenshot_shows() -> None:
    assert capture_rect(150, 180, NOTES, MONITORS) == NOTES.rect
    # No window, or a window the click is not in: the monitor under the click.
    assert capture_rect(900, 10, None, MONITORS) == MONITORS[1]
    assert capture_rect(10, 10, NOTES, MONITORS) == MONITORS[0]
    # A window across both monitors is bigger than the one clicked: the monitor.
    wide = WindowInfo(1, "Wide", Rect(0, 0, 1500, 500))
    assert capture_rect(100, 100, wide, MONITORS) == MONITORS[0]
    # Partly off the desktop: clipped to it.
    hanging = WindowInfo(2, "Off", Rect(-50, -20, 200, 100))
    assert capture_rect(10, 10, hanging, MONITORS) == Rect(0, 0, 150, 80)
    assert capture_rect(10, 10, None, []) is None


def test_typing_in_one_window_is_one_step_with_a_count(blobs: Blobs, grabs: Grabs) -> None:
    steps = collector(blobs, grabs)
    for _ in range(3):
        steps.on_key(NOTES)
    steps.on_key(MAIL)  # another window: another step
    steps.on_key(MAIL)
    steps.on_click(60, 60, "right", MAIL)  # a click ends the typing
    steps.on_key(MAIL)
    steps.on_key(None)  # unknown window: its own step
    assert steps.wait_idle(10)
    steps.close()
    got = [(s.kind, s.window_title, s.chars) for s in steps.steps()]
    assert got == [
        ("typing", "Notes", 3),
        ("typing", "Mail", 2),
        ("click", "Mail", 0),
        ("typing", "Mail", 1),
        ("typing", "", 1),
    ]
    assert steps.steps()[0].caption == "Typed 3 characters in 'Notes'"
    assert [s.image_sha256 != "" for s in steps.steps()] == [False, False, True, False, False]


def test_notes_and_screenshots_close_the_typing_step(blobs: Blobs, grabs: Grabs) -> None:
    steps = collector(blobs, grabs)
    steps.on_key(NOTES)
    note = steps.add_note("Waited for the spinner")
    steps.on_key(NOTES)
    shot = steps.add_screenshot("ab" * 32, NOTES)
    steps.on_key(NOTES)
    steps.close()
    assert note is not None and note.caption == "Waited for the spinner"
    assert shot is not None and shot.image_sha256 == "ab" * 32
    assert shot.caption == "Screenshot of 'Notes'"
    assert [s.kind for s in steps.steps()] == ["typing", "note", "typing", "screenshot", "typing"]
    assert grabs.rects == []  # a manual screenshot comes already stored


def test_captions_can_be_edited_and_steps_removed(blobs: Blobs, grabs: Grabs) -> None:
    changes: list[int] = []
    steps = collector(blobs, grabs, changed=lambda: changes.append(1))
    steps.on_key(NOTES)
    steps.on_key(NOTES)
    edited = steps.set_caption(1, "Entered the order number")
    steps.on_key(NOTES)  # counting goes on; the user's caption stays
    assert edited is not None
    assert steps.steps()[0].caption == "Entered the order number"
    assert steps.steps()[0].chars == 3
    assert steps.set_caption(99, "x") is None
    assert steps.remove(1)
    assert not steps.remove(1)
    assert steps.steps() == []
    assert len(changes) == 5  # three keys, one caption, one removal (nothing for the misses)
    steps.close()


def test_the_limit_stops_new_steps_and_says_so(blobs: Blobs, grabs: Grabs) -> None:
    steps = collector(blobs, grabs, max_steps=3)
    steps.on_click(150, 150, "left", NOTES)
    steps.on_click(150, 150, "left", NOTES)
    steps.on_key(NOTES)
    assert not steps.limit_reached
    steps.on_key(NOTES)  # the open typing step still counts: it is not a new step
    steps.on_click(150, 150, "left", NOTES)
    assert steps.add_note("too late") is None
    steps.on_key(NOTES)
    assert steps.wait_idle(10)
    steps.close()
    assert steps.limit_reached
    assert [(s.kind, s.chars) for s in steps.steps()] == [("click", 0), ("click", 0), ("typing", 2)]
    assert len(grabs.rects) == 2  # nothing grabbed for a refused click
    with pytest.raises(ValueError):
        StepCollector(blobs.store, max_steps=0, grab=grabs.grab, monitors=lambda: MONITORS)


def test_at_most_max_pending_frames_wait_for_the_encoder(blobs: Blobs, grabs: Grabs) -> None:
    blobs.gate = threading.Event()
    steps = collector(blobs, grabs, max_pending=2, pending_timeout=0.05)
    for _ in range(4):
        steps.on_click(150, 150, "left", NOTES)
    assert steps.pending == 2
    blobs.gate.set()
    assert steps.wait_idle(10)
    steps.close()
    assert steps.peak_pending == 2
    assert [bool(s.image_sha256) for s in steps.steps()] == [True, True, False, False]
    assert len(blobs.data) == 1  # the same pixels twice: one blob


def test_a_failing_grab_keeps_the_step_without_an_image(blobs: Blobs, grabs: Grabs) -> None:
    grabs.fail = True
    steps = collector(blobs, grabs)
    steps.on_click(150, 150, "middle", NOTES)
    assert steps.wait_idle(1)
    steps.close()
    assert [(s.kind, s.button, s.image_sha256) for s in steps.steps()] == [("click", "middle", "")]


def test_keys_from_many_threads_are_all_counted(blobs: Blobs, grabs: Grabs) -> None:
    steps = collector(blobs, grabs)
    threads = [
        threading.Thread(target=lambda: [steps.on_key(NOTES) for _ in range(200)]) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    steps.close()
    assert [(s.kind, s.chars) for s in steps.steps()] == [("typing", 800)]


def test_a_namer_names_the_control_off_the_callers_thread(blobs: Blobs, grabs: Grabs) -> None:
    threads: list[str] = []

    def namer(x: int, y: int, title: str) -> str:
        threads.append(threading.current_thread().name)
        if title == "Mail":
            raise RuntimeError("the accessibility bus went away")
        return "Save" if (x, y) == (150, 150) else ""

    steps = collector(blobs, grabs, namer=namer)
    steps.on_click(150, 150, "left", NOTES)
    steps.on_click(160, 150, "left", NOTES)
    steps.on_click(60, 60, "left", MAIL)
    steps.on_click(60, 60, "left", None)  # no window, no title: nothing to ask
    assert steps.wait_idle(10)
    steps.close()
    got = [(s.control, s.caption) for s in steps.steps()]
    assert got == [
        ("Save", "Clicked (left) on 'Save' in 'Notes'"),
        ("", "Clicked (left) in 'Notes'"),
        ("", "Clicked (left) in 'Mail'"),
        ("", "Clicked (left) in an untitled window"),
    ]
    assert len(threads) == 3
    assert all(name.startswith("steps-namer") for name in threads)
