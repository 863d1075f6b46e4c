"""The capture overlay on the offscreen platform: one screen, a frozen pattern desktop.

Every desktop pixel has its own colour (see :func:`pattern_desktop`), so a pixel comparison
proves both the value and the position. Multi-monitor and mixed scale factors are covered by
``test_overlay_screens.py`` (offscreen, several screens) and ``tests/e2e/test_overlay_xvnc.py``
(a real X server).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.services.capture import Monitor, Rect, Screenshot
from app.ui.overlay import CaptureOverlay, Selection
from tests.e2e.overlay_app import pattern_color, pattern_desktop


def rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


def brightness(color: QColor) -> int:
    return color.red() + color.green() + color.blue()


class Harness:
    """An overlay over the one offscreen screen, its widget, and what it emitted."""

    def __init__(self, overlay: CaptureOverlay, origin: tuple[int, int]) -> None:
        self.overlay = overlay
        self.origin = origin
        self.widget: QWidget = overlay.widgets()[0]
        self.selected: list[Selection] = []
        self.cancelled: list[bool] = []
        overlay.region_selected.connect(self.selected.append)
        overlay.cancelled.connect(lambda: self.cancelled.append(True))

    def local(self, x: int, y: int) -> QPoint:
        """The widget position of virtual-desktop pixel (x, y) (scale 1 offscreen)."""
        return QPoint(x - self.origin[0], y - self.origin[1])

    def hover(self, qtbot, x: int, y: int) -> None:
        """Move the pointer to pixel (x, y). Qt drops a move to where the pointer already is
        (an earlier test may have left it there), so it comes from a pixel away."""
        qtbot.mouseMove(self.widget, self.local(x + 1, y))
        qtbot.mouseMove(self.widget, self.local(x, y))

    def drag(self, qtbot, a: tuple[int, int], b: tuple[int, int]) -> None:
        self.hover(qtbot, *a)
        qtbot.mousePress(self.widget, Qt.MouseButton.LeftButton, pos=self.local(*a))
        middle = ((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
        qtbot.mouseMove(self.widget, self.local(*middle))
        qtbot.mouseMove(self.widget, self.local(*b))
        qtbot.mouseRelease(self.widget, Qt.MouseButton.LeftButton, pos=self.local(*b))

    def click(self, qtbot, x: int, y: int, button=Qt.MouseButton.LeftButton) -> None:
        self.hover(qtbot, x, y)
        qtbot.mousePress(self.widget, button, pos=self.local(x, y))
        qtbot.mouseRelease(self.widget, button, pos=self.local(x, y))

    def key(self, qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(self.widget, key, modifiers)

    def painted(self) -> QImage:
        return self.widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


MakeOverlay = Callable[..., Harness]


@pytest.fixture(params=[(0, 0), (-640, -100)], ids=["at-zero", "negative-origin"])
def origin(request) -> tuple[int, int]:
    """Where the offscreen screen's monitor sits in the virtual desktop. (-640, -100) is a
    monitor left of and above the primary, as on Windows: every rectangle must come out in
    those coordinates."""
    return request.param


@pytest.fixture
def make_overlay(origin: tuple[int, int], qtbot) -> Iterator[MakeOverlay]:
    """Build and show an overlay on the offscreen screen (several may be made)."""
    made: list[CaptureOverlay] = []
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry().size()

    def make(**kwargs) -> Harness:
        monitor = Monitor(
            1,
            Rect(origin[0], origin[1], size.width(), size.height()),
            primary=True,
            name=screen.name(),
            device_pixel_ratio=1.0,
        )
        desktop = pattern_desktop(size.width(), size.height(), origin)
        overlay = CaptureOverlay(desktop, origin, [monitor], **kwargs)
        harness = Harness(overlay, origin)
        painted: list[float] = []
        overlay.first_painted.connect(painted.append)
        before = time.perf_counter()
        overlay.show()
        qtbot.waitUntil(lambda: bool(painted), timeout=5000)
        assert before < painted[0] <= time.perf_counter()
        made.append(overlay)
        return harness

    yield make
    for overlay in made:
        overlay.close()


def test_drag_selects_the_exact_device_rect(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 300, oy + 200), (ox + 100, oy + 80))  # backwards: normalised
    # both the pressed and the released pixel are in the selection
    assert h.overlay.selection() == Rect(ox + 100, oy + 80, 201, 121)
    assert h.selected == []  # a drag selects; Enter (or a double-click) accepts
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(Rect(ox + 100, oy + 80, 201, 121), "region")]
    assert not any(w.isVisible() for w in h.overlay.widgets())


def test_a_click_without_drag_selects_nothing(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.click(qtbot, ox + 50, oy + 50)
    assert h.overlay.selection() is None
    # two pixels of jitter are still a click, not a 3x3 selection
    qtbot.mousePress(h.widget, Qt.MouseButton.LeftButton, pos=h.local(ox + 50, oy + 50))
    qtbot.mouseMove(h.widget, h.local(ox + 52, oy + 51))
    qtbot.mouseRelease(h.widget, Qt.MouseButton.LeftButton, pos=h.local(ox + 52, oy + 51))
    assert h.overlay.selection() is None


def test_arrows_nudge_and_shift_moves_ten(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 100, oy + 100), (ox + 199, oy + 149))
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 100, 50)
    h.key(qtbot, Qt.Key.Key_Right)
    h.key(qtbot, Qt.Key.Key_Down)
    assert h.overlay.selection() == Rect(ox + 101, oy + 101, 100, 50)
    h.key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    h.key(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert h.overlay.selection() == Rect(ox + 91, oy + 91, 100, 50)
    for _ in range(12):  # into the desktop's edge: it stops there, the size is kept
        h.key(qtbot, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert h.overlay.selection() == Rect(ox, oy + 91, 100, 50)
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(Rect(ox, oy + 91, 100, 50), "region")]


def test_ctrl_arrows_resize(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 100, oy + 100), (ox + 199, oy + 149))
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    h.key(qtbot, Qt.Key.Key_Right, ctrl)
    h.key(qtbot, Qt.Key.Key_Down, ctrl | shift)
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 101, 60)
    h.key(qtbot, Qt.Key.Key_Left, ctrl | shift)
    h.key(qtbot, Qt.Key.Key_Up, ctrl)
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 91, 59)
    for _ in range(20):  # never below one pixel
        h.key(qtbot, Qt.Key.Key_Up, ctrl | shift)
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 91, 1)


def test_dragging_handles_and_the_inside(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 100, oy + 100), (ox + 299, oy + 249))
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 200, 150)
    # the bottom-right corner handle (just outside the corner) by +30, +20
    h.drag(qtbot, (ox + 302, oy + 252), (ox + 332, oy + 272))
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 230, 170)
    # the left edge, dragged past the right one: the rectangle flips, it does not vanish
    h.drag(qtbot, (ox + 99, oy + 180), (ox + 379, oy + 180))
    assert h.overlay.selection() == Rect(ox + 330, oy + 100, 50, 170)
    # the inside moves it
    h.drag(qtbot, (ox + 350, oy + 150), (ox + 250, oy + 170))
    assert h.overlay.selection() == Rect(ox + 230, oy + 120, 50, 170)
    assert h.overlay.mode() == "region"


def test_enter_without_selection_takes_the_whole_desktop(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    h.key(qtbot, Qt.Key.Key_Enter)
    size = QGuiApplication.primaryScreen().geometry().size()
    assert h.selected == [Selection(Rect(*h.origin, size.width(), size.height()), "all")]
    assert h.cancelled == []


def test_escape_cancels_and_closes_every_widget(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 10, oy + 10), (ox + 50, oy + 50))
    widgets = h.overlay.widgets()
    assert all(w.isVisible() for w in widgets)
    h.key(qtbot, Qt.Key.Key_Escape)
    assert h.cancelled == [True]
    assert h.selected == []
    assert not any(w.isVisible() for w in widgets)
    h.overlay.close()  # again: nothing happens
    assert h.cancelled == [True]


def test_right_click_clears_then_cancels(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 10, oy + 10), (ox + 50, oy + 50))
    h.click(qtbot, ox + 30, oy + 30, Qt.MouseButton.RightButton)
    assert h.overlay.selection() is None
    assert h.cancelled == []
    h.click(qtbot, ox + 30, oy + 30, Qt.MouseButton.RightButton)
    assert h.cancelled == [True]


def test_window_mode_click_selects_the_topmost_window(
    qtbot, origin: tuple[int, int], make_overlay: MakeOverlay
) -> None:
    ox, oy = origin
    h = make_overlay(
        windows=[  # topmost first, in the desktop's device coordinates
            ("Dialog", Rect(ox + 200, oy + 150, 200, 100)),
            ("Editor", Rect(ox + 100, oy + 100, 400, 300)),
            ("Wide", Rect(ox - 9000, oy + 600, 9100, 50)),  # mostly off the desktop: clipped
            ("Elsewhere", Rect(ox - 5000, oy - 5000, 10, 10)),  # not on the desktop: ignored
        ]
    )
    h.click(qtbot, ox + 250, oy + 200)  # inside both: the topmost
    assert (h.overlay.selection(), h.overlay.mode()) == (
        Rect(ox + 200, oy + 150, 200, 100),
        "window",
    )
    h.click(qtbot, ox + 120, oy + 380, Qt.MouseButton.RightButton)  # clear
    h.click(qtbot, ox + 120, oy + 380)  # only in the editor
    assert h.overlay.selection() == Rect(ox + 100, oy + 100, 400, 300)
    h.click(qtbot, ox + 120, oy + 380, Qt.MouseButton.RightButton)
    h.hover(qtbot, ox + 50, oy + 620)
    h.key(qtbot, Qt.Key.Key_W)  # the key picks the window under the pointer
    assert h.overlay.selection() == Rect(ox, oy + 600, 100, 50)
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(Rect(ox, oy + 600, 100, 50), "window")]


def test_hovering_a_window_shows_it_undimmed(
    qtbot, origin: tuple[int, int], make_overlay: MakeOverlay
) -> None:
    ox, oy = origin
    h = make_overlay(windows=[("Editor", Rect(ox + 100, oy + 300, 300, 200))])
    h.hover(qtbot, ox + 390, oy + 490)
    image = h.painted()
    assert rgb(image.pixelColor(h.local(ox + 110, oy + 310))) == pattern_color(ox + 110, oy + 310)
    assert brightness(image.pixelColor(h.local(ox + 110, oy + 290))) < sum(
        pattern_color(ox + 110, oy + 290)
    )


def test_m_and_double_click_pick_the_monitor(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    size = QGuiApplication.primaryScreen().geometry().size()
    monitor = Rect(ox, oy, size.width(), size.height())
    h.hover(qtbot, ox + 40, oy + 40)
    h.key(qtbot, Qt.Key.Key_M)
    assert (h.overlay.selection(), h.overlay.mode()) == (monitor, "screen")
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(monitor, "screen")]

    h = make_overlay()
    qtbot.mouseDClick(h.widget, Qt.MouseButton.LeftButton, pos=h.local(ox + 40, oy + 40))
    assert h.selected == [Selection(monitor, "screen")]


def test_double_click_accepts_the_selection(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.drag(qtbot, (ox + 10, oy + 10), (ox + 59, oy + 39))
    qtbot.mouseDClick(h.widget, Qt.MouseButton.LeftButton, pos=h.local(ox + 30, oy + 30))
    assert h.selected == [Selection(Rect(ox + 10, oy + 10, 50, 30), "region")]


def test_l_reselects_the_last_region(
    qtbot, origin: tuple[int, int], make_overlay: MakeOverlay
) -> None:
    ox, oy = origin
    last = Rect(ox + 120, oy + 130, 140, 150)
    h = make_overlay(last_region=last)
    h.key(qtbot, Qt.Key.Key_L)
    assert (h.overlay.selection(), h.overlay.mode()) == (last, "region")
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(last, "region")]

    h = make_overlay()  # without one, L does nothing
    h.key(qtbot, Qt.Key.Key_L)
    assert h.overlay.selection() is None


def test_inside_the_selection_is_the_frozen_desktop_outside_is_dimmed(
    qtbot, make_overlay: MakeOverlay
) -> None:
    h = make_overlay()
    ox, oy = h.origin
    sel = Rect(ox + 50, oy + 150, 300, 200)
    h.drag(qtbot, (sel.x, sel.y), (sel.right - 1, sel.bottom - 1))
    assert h.overlay.selection() == sel
    size = h.widget.size()
    qtbot.mouseMove(h.widget, QPoint(size.width() - 10, size.height() - 10))  # magnifier away
    image = h.painted()
    for y in range(sel.y, sel.bottom, 7):
        for x in range(sel.x, sel.right, 5):
            got = rgb(image.pixelColor(h.local(x, y)))
            assert got == pattern_color(x, y), (x, y)
    for x, y in [(sel.right - 1, sel.bottom - 1), (sel.x, sel.bottom - 1), (sel.right - 1, sel.y)]:
        assert rgb(image.pixelColor(h.local(x, y))) == pattern_color(x, y), (x, y)
    for x, y in [(ox + 30, oy + 400), (ox + 500, oy + 300), (ox + 200, oy + 380)]:
        got = image.pixelColor(h.local(x, y))
        assert brightness(got) < 0.7 * sum(pattern_color(x, y)) + 3, (x, y)


def test_magnifier_shows_the_pixel_under_the_cursor(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    size = h.widget.size()
    for x, y in [(ox + 123, oy + 321), (ox + size.width() - 3, oy + size.height() - 2)]:
        h.hover(qtbot, x, y)
        centre = h.widget.magnifier_centre()
        assert centre is not None
        box = h.widget.magnifier_geometry()
        assert QRect(QPoint(0, 0), size).contains(box), "the magnifier flips to stay on screen"
        image = h.painted()
        middle = centre.center()
        assert rgb(image.pixelColor(middle)) == pattern_color(x, y)
        # its neighbour to the right is the next desktop pixel, one cell over
        assert rgb(image.pixelColor(middle + QPoint(centre.width(), 0))) == pattern_color(x + 1, y)
    h.hover(qtbot, ox + 20, oy + 20)
    box = h.widget.magnifier_geometry()
    assert box.topLeft() == h.local(ox + 20, oy + 20) + QPoint(22, 22)


def test_arrows_without_selection_move_the_pointer(qtbot, make_overlay: MakeOverlay) -> None:
    h = make_overlay()
    ox, oy = h.origin
    h.hover(qtbot, ox + 200, oy + 200)
    h.key(qtbot, Qt.Key.Key_Right)
    h.key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert h.overlay.cursor == (ox + 201, oy + 210)
    assert h.overlay.selection() is None


def differences(a: QImage, b: QImage) -> str:
    """Where two same-sized images differ: the bounding box and a sample pixel pair."""
    xs, ys, sample = [], [], None
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            if a.pixel(x, y) != b.pixel(x, y):
                xs.append(x)
                ys.append(y)
                sample = sample or (x, y, hex(a.pixel(x, y)), hex(b.pixel(x, y)))
    if not xs:
        return "none on the even pixels"
    return f"x {min(xs)}..{max(xs)}, y {min(ys)}..{max(ys)}, e.g. {sample}"


def test_partial_repaints_leave_nothing_stale(qtbot, origin, make_overlay: MakeOverlay) -> None:
    """Each change repaints only what it touched; what is on screen after many changes must be
    what a full repaint draws."""
    ox, oy = origin
    h = make_overlay(
        windows=[("Editor", Rect(ox + 100, oy + 300, 300, 200))],
        last_region=Rect(ox + 500, oy + 100, 120, 90),
    )
    app = QApplication.instance()

    def on_screen() -> QImage:
        app.processEvents()  # the pending partial repaints
        shot = h.widget.screen().grabWindow(h.widget.winId())
        return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)

    def assert_fresh(step: str) -> None:
        shown, full = on_screen(), h.painted()
        assert shown.size() == full.size()
        assert shown == full, f"stale pixels after {step}: {differences(shown, full)}"

    h.hover(qtbot, ox + 200, oy + 350)  # over the window
    assert_fresh("hovering a window")
    h.hover(qtbot, ox + 600, oy + 50)  # off it, near the hint bar
    assert_fresh("leaving the window")
    h.drag(qtbot, (ox + 150, oy + 160), (ox + 449, oy + 399))
    assert_fresh("a drag")
    for key, mods in [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    ]:
        h.key(qtbot, key, mods)
        assert_fresh(f"key {key.name}")
    h.drag(qtbot, (ox + 300, oy + 300), (ox + 200, oy + 240))  # move it
    assert_fresh("moving the selection")
    h.click(qtbot, ox + 700, oy + 700, Qt.MouseButton.RightButton)  # clear
    assert_fresh("clearing")
    h.key(qtbot, Qt.Key.Key_L)
    assert_fresh("the last region")


def test_an_overlay_over_a_screenshot(qtbot, origin: tuple[int, int]) -> None:
    """The way the app opens it: over a capture of the whole desktop, as the services return
    it (RGB bytes, origin, monitors); the bytes are shown as they are."""
    screen = QGuiApplication.primaryScreen()
    size = screen.geometry().size()
    image = pattern_desktop(size.width(), size.height(), origin)
    pixels = b"".join(
        bytes(image.constScanLine(row))[: size.width() * 3] for row in range(size.height())
    )
    monitor = Monitor(1, Rect(*origin, size.width(), size.height()), primary=True)
    shot = Screenshot(size.width(), size.height(), pixels, origin, (monitor,), "test")
    overlay = CaptureOverlay.for_screenshot(shot)
    h = Harness(overlay, origin)
    painted: list[float] = []
    overlay.first_painted.connect(painted.append)
    overlay.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    del shot, pixels, image  # the overlay keeps the pixels it shows
    ox, oy = origin
    h.drag(qtbot, (ox + 40, oy + 200), (ox + 239, oy + 299))
    h.hover(qtbot, ox + 700, oy + 700)
    shown = h.painted()
    for x, y in [(ox + 40, oy + 200), (ox + 239, oy + 299), (ox + 100, oy + 250)]:
        assert rgb(shown.pixelColor(h.local(x, y))) == pattern_color(x, y)
    h.key(qtbot, Qt.Key.Key_Return)
    assert h.selected == [Selection(Rect(ox + 40, oy + 200, 200, 100), "region")]
