"""The capture overlay: pick a region, a window, a monitor or the whole desktop on a frozen image.

The caller grabs the desktop first (``app.services.capture``) and hands the image over; the
overlay only shows it and lets the user choose. Design points, and why:

* **One top-level widget per screen**, each exactly covering its ``QScreen``. A single widget
  spanning the virtual desktop (Flameshot's way on Linux) has one device pixel ratio, so with
  mixed scale factors one monitor shows a resampled, shifted image. Per screen, each widget
  paints its own monitor's slice at that screen's ratio: one desktop pixel on one physical pixel.
* **State lives in virtual-desktop device pixels** in the controller (:class:`CaptureOverlay`),
  so a selection can span monitors; each widget maps it to its own coordinates. Qt keeps a
  screen's top-left in native pixels and scales only its size, so a widget-local position ``p``
  is the device pixel ``screen_origin + p * ratio``; that holds for positions outside the
  widget too (the implicit mouse grab during a drag), which is what makes drags across monitors
  of different scale land on the right pixels.
* **Painting is cheap per event**: each screen's slice becomes a pixmap once, at construction,
  and a dimmed copy right after the first paint; a paint is two clipped blits and a few small
  decorations, and a change repaints only the parts it touched (moving a selection repaints
  its edges, not its inside). The window system's implicit grab carries a drag across
  monitors; the overlay under the pointer at ``show()`` grabs the keyboard.

Keys: Enter accepts (the whole desktop when nothing is selected), Esc cancels, arrows move the
selection by a pixel (Shift: 10; no selection: the pointer), Ctrl+arrows resize it, M takes the
monitor under the pointer, W the window under it, L the last region; a double-click accepts
(the monitor when nothing is selected), a right-click clears, then cancels.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QScreen,
)
from PySide6.QtWidgets import QWidget

from app.services.capture import Monitor, Rect, Screenshot

MODES = ("region", "window", "screen", "all")

ACCENT = QColor("#3d8bfd")
DIM = QColor(0, 0, 0, 120)
"""Black at 47 %: the frozen desktop stays readable outside the selection, yet clearly off."""
PANEL = QColor(24, 24, 24, 238)
PANEL_TEXT = QColor(240, 240, 240)
CROSSHAIR = QColor(255, 255, 255, 120)

DRAG_THRESHOLD = 3  # logical pixels the pointer moves before a press becomes a drag
HANDLE = 9  # logical size of a resize handle
GRAB_MARGIN = 6  # logical distance from an edge that still grabs it
ZOOM = 8  # each desktop pixel is ZOOM x ZOOM logical pixels in the magnifier
ZOOM_SPAN = 15  # desktop pixels across the magnifier (odd: there is a centre pixel)
MAGNIFIER_GAP = 22  # logical distance from the cursor to the magnifier
MAGNIFIER_PAD = 3  # logical width of the magnifier's panel around the zoomed pixels
FINE_STEP, COARSE_STEP = 1, 10  # arrow keys: device pixels per press (Shift: coarse)


@dataclass(frozen=True)
class Selection:
    """What the user picked: a rectangle in virtual-desktop device pixels and how it was picked:
    ``"region"`` (dragged, or adjusted), ``"window"``, ``"screen"`` (one monitor) or ``"all"``."""

    rect: Rect
    mode: str


def _rect_between(a: tuple[int, int], b: tuple[int, int]) -> Rect:
    """The rectangle of pixels from ``a`` to ``b``, both included (the pixels the magnifier
    highlights at press and at release are both in the selection)."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1)


def _contains(rect: Rect, point: tuple[int, int]) -> bool:
    return rect.x <= point[0] < rect.right and rect.y <= point[1] < rect.bottom


def _moved_within(rect: Rect, dx: int, dy: int, bounds: Rect) -> Rect:
    """``rect`` moved by (dx, dy) but kept inside ``bounds``."""
    x = max(bounds.x, min(rect.x + dx, bounds.right - rect.width))
    y = max(bounds.y, min(rect.y + dy, bounds.bottom - rect.height))
    return Rect(x, y, rect.width, rect.height)


def _resized(start: Rect, edges: str, dx: int, dy: int) -> Rect:
    """``start`` with the ``edges`` ("l", "t", "r", "b", or corners like "tl") moved by (dx, dy);
    an edge dragged past its opposite one flips the rectangle instead of emptying it."""
    left, top, right, bottom = start.x, start.y, start.right, start.bottom
    if "l" in edges:
        left += dx
    if "r" in edges:
        right += dx
    if "t" in edges:
        top += dy
    if "b" in edges:
        bottom += dy
    left, right = min(left, right), max(left, right)
    top, bottom = min(top, bottom), max(top, bottom)
    return Rect(left, top, max(1, right - left), max(1, bottom - top))


def _screen_device_rect(screen: QScreen) -> Rect:
    """A screen's geometry in device pixels: Qt keeps the top-left native, scales the size."""
    ratio = float(screen.devicePixelRatio())
    geo = screen.geometry()
    return Rect(geo.x(), geo.y(), round(geo.width() * ratio), round(geo.height() * ratio))


def pair_monitors(screens: Sequence[QScreen], monitors: Sequence[Monitor]) -> list[Monitor]:
    """The monitor each screen shows: by name (unique), else by device geometry, else by
    top-left, else the remaining ones in left-to-right order when as many remain as screens
    (platforms that name no screen). A screen left over gets a monitor computed from it: the
    desktop image may not cover it, and those parts stay black."""
    paired: dict[int, Monitor] = {}
    free = list(monitors)

    def take(index: int, monitor: Monitor) -> None:
        paired[index] = monitor
        free.remove(monitor)

    rules: list[Callable[[QScreen, Monitor], bool]] = [
        lambda s, m: (
            bool(s.name()) and m.name == s.name() and sum(x.name == s.name() for x in monitors) == 1
        ),
        lambda s, m: m.geometry == _screen_device_rect(s),
        lambda s, m: (m.geometry.x, m.geometry.y) == (s.geometry().x(), s.geometry().y()),
    ]
    for rule in rules:
        for index, screen in enumerate(screens):
            if index not in paired:
                match = next((m for m in free if rule(screen, m)), None)
                if match is not None:
                    take(index, match)
    left = [i for i in range(len(screens)) if i not in paired]
    if left and len(left) == len(free):
        by_position = sorted(
            left, key=lambda i: (screens[i].geometry().x(), screens[i].geometry().y())
        )
        for index, monitor in zip(
            by_position, sorted(free, key=lambda m: (m.geometry.x, m.geometry.y)), strict=True
        ):
            take(index, monitor)
    return [
        paired.get(
            index,
            Monitor(
                0,
                _screen_device_rect(screen),
                name=str(screen.name()),
                device_pixel_ratio=float(screen.devicePixelRatio()),
            ),
        )
        for index, screen in enumerate(screens)
    ]


_EDGE_CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "l": Qt.CursorShape.SizeHorCursor,
    "r": Qt.CursorShape.SizeHorCursor,
    "t": Qt.CursorShape.SizeVerCursor,
    "b": Qt.CursorShape.SizeVerCursor,
    "move": Qt.CursorShape.SizeAllCursor,
}


class CaptureOverlay(QObject):
    """The selection overlay over every screen. Build it with the frozen desktop, ``show()`` it,
    and wait for :attr:`region_selected` or :attr:`cancelled`; it closes itself on either.

    ``desktop`` holds the virtual desktop in device pixels with its top-left pixel at
    ``origin``; ``monitors`` give each monitor's device-pixel geometry (as
    ``app.services.capture.monitors()`` lists them); ``windows`` (title, device rect; topmost
    first) enable window picking; ``last_region`` is offered again with the L key.
    """

    region_selected = Signal(object)
    """The user accepted a :class:`Selection` (the overlay is already closed)."""
    cancelled = Signal()
    """The user cancelled (Esc, or a right-click with nothing selected); the overlay is closed."""
    first_painted = Signal(float)
    """An overlay widget finished its first paint, at this ``time.perf_counter()`` value."""

    def __init__(
        self,
        desktop: QImage,
        origin: tuple[int, int],
        monitors: Sequence[Monitor],
        *,
        windows: Sequence[tuple[str, Rect]] = (),
        last_region: Rect | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._desktop = desktop
        self._origin = (int(origin[0]), int(origin[1]))
        self._bounds = Rect(self._origin[0], self._origin[1], desktop.width(), desktop.height())
        self._monitors = list(monitors)
        self._windows = [
            (title, clipped)
            for title, rect in windows
            if (clipped := rect.intersected(self._bounds)) is not None
        ]
        self._last_region = last_region.intersected(self._bounds) if last_region else None
        self._selection: Rect | None = None
        self._mode = "region"
        self._cursor: tuple[int, int] | None = None
        self._hover: tuple[str, Rect] | None = None  # the window under the cursor
        # a pointer drag: kind ("new", "move" or edges), press point, selection at press
        self._drag: str | None = None
        self._dragging = False  # the press has moved far enough to count as a drag
        self._press: tuple[int, int] = (0, 0)
        self._press_selection: Rect | None = None
        self._threshold = DRAG_THRESHOLD
        self._closed = False
        self._painted = False
        self.keyboard_widget: QWidget | None = None  # the one that grabs the keyboard
        self._pixels: bytes | None = None
        screens = QGuiApplication.screens()
        self._widgets = [
            _ScreenOverlay(self, screen, monitor)
            for screen, monitor in zip(screens, pair_monitors(screens, self._monitors), strict=True)
        ]
        if self._widgets:
            self._cursor = self._widgets[0].cursor_device()

    # -- public API ----------------------------------------------------------------------------

    @classmethod
    def for_screenshot(
        cls,
        shot: Screenshot,
        *,
        windows: Sequence[tuple[str, Rect]] = (),
        last_region: Rect | None = None,
        parent: QObject | None = None,
    ) -> CaptureOverlay:
        """An overlay over a capture of the whole desktop (``app.services.capture``'s
        ``Screenshot``), its pixels shown without a copy."""
        image = QImage(
            shot.rgb, shot.width, shot.height, shot.width * 3, QImage.Format.Format_RGB888
        )
        overlay = cls(
            image,
            shot.origin,
            shot.monitors,
            windows=windows,
            last_region=last_region,
            parent=parent,
        )
        overlay._pixels = shot.rgb  # the image reads these bytes: they live as long as it does
        return overlay

    def show(self) -> None:
        """Show one overlay per screen and give the keyboard to the one under the cursor."""
        if self._closed:
            return
        for widget in self._widgets:
            widget.present()
        focus = self._widget_at(self._cursor) if self._cursor else None
        focus = focus or (self._widgets[0] if self._widgets else None)
        self.keyboard_widget = focus
        if focus is not None:
            focus.activateWindow()
            focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
            self._update_hover()

    def close(self) -> None:
        """Close every overlay widget (again: nothing happens)."""
        if self._closed:
            return
        self._closed = True
        for widget in self._widgets:
            widget.releaseKeyboard()
            widget.releaseMouse()
            widget.close()
            widget.deleteLater()

    def selection(self) -> Rect | None:
        """The current selection in virtual-desktop device pixels, if there is one."""
        return self._selection

    def mode(self) -> str:
        """How the current selection was made (see :class:`Selection`)."""
        return self._mode

    def widgets(self) -> list[QWidget]:
        """The overlay widgets, one per screen (for tests and for the caller's bookkeeping)."""
        return list(self._widgets)

    # -- what the widgets read -----------------------------------------------------------------

    @property
    def desktop(self) -> QImage:
        return self._desktop

    @property
    def origin(self) -> tuple[int, int]:
        return self._origin

    @property
    def cursor(self) -> tuple[int, int] | None:
        return self._cursor

    @property
    def hover(self) -> tuple[str, Rect] | None:
        return self._hover if self._selection is None and not self._dragging else None

    @property
    def last_region(self) -> Rect | None:
        return self._last_region

    @property
    def shown_selection(self) -> Rect | None:
        return self._selection

    @property
    def drawing(self) -> bool:
        """True while a drag is making a new selection (no crosshair, no hover highlight)."""
        return self._dragging

    def primary_monitor(self) -> Monitor | None:
        return next((m for m in self._monitors if m.primary), None)

    def _widget_at(self, point: tuple[int, int] | None) -> _ScreenOverlay | None:
        if point is None:
            return None
        return next((w for w in self._widgets if _contains(w.monitor.geometry, point)), None)

    def owner_of_cursor(self) -> _ScreenOverlay | None:
        """The widget that shows the magnifier and the hint bar: the one under the cursor, else
        the primary monitor's."""
        widget = self._widget_at(self._cursor)
        if widget is not None:
            return widget
        primary = self.primary_monitor()
        for widget in self._widgets:
            if primary is not None and widget.monitor == primary:
                return widget
        return self._widgets[0] if self._widgets else None

    def label_owner(self) -> _ScreenOverlay | None:
        """The widget that shows the size label: the one holding the selection's top-left."""
        rect = self._selection or (self.hover[1] if self.hover else None)
        if rect is None:
            return None
        corner = self._widget_at((rect.x, rect.y))
        if corner is not None:
            return corner
        return next(
            (w for w in self._widgets if w.monitor.geometry.intersected(rect) is not None), None
        )

    def label_text(self) -> str:
        rect = self._selection
        title = ""
        if rect is None and self.hover is not None:
            title, rect = self.hover
        if rect is None:
            return ""
        size = self.tr("%1 × %2").replace("%1", str(rect.width)).replace("%2", str(rect.height))
        return f"{title} — {size}" if title else size

    def hints(self) -> list[tuple[str, str]]:
        """The keys the hint bar lists: (key, what it does), translated."""
        # The letter keys are the keys themselves in every language: not translated.
        items = [(self.tr("Drag"), self.tr("select"))]
        if self._selection is None:
            items.append((self.tr("Enter"), self.tr("full screen")))
        else:
            items.append((self.tr("Enter"), self.tr("capture")))
            items.append((self.tr("Arrows"), self.tr("move (Shift: ×10)")))
            items.append((self.tr("Ctrl+arrows"), self.tr("resize")))
        if self._windows:
            items.append(("W", self.tr("window")))
        items.append(("M", self.tr("monitor")))
        if self._last_region is not None:
            items.append(("L", self.tr("last region")))
        if self._selection is not None:
            items.append((self.tr("Right-click"), self.tr("clear")))
        items.append((self.tr("Esc"), self.tr("cancel")))
        return items

    # -- state changes -------------------------------------------------------------------------

    def _changing(self, change: Callable[[], None]) -> None:
        """Run ``change`` and repaint what it touched: the old and the new decorations."""
        before = [widget.decorations() for widget in self._widgets]
        change()
        for widget, parts in zip(self._widgets, before, strict=True):
            widget.repaint_changes(parts, widget.decorations())

    def _set_selection(self, rect: Rect | None, mode: str = "region") -> None:
        def change() -> None:
            self._selection = rect
            self._mode = mode

        self._changing(change)
        for widget in self._widgets:
            widget.update_cursor_shape()

    def _update_hover(self) -> None:
        point = self._cursor
        hover = None
        if point is not None:
            hover = next(((t, r) for t, r in self._windows if _contains(r, point)), None)
        if hover != self._hover:

            def change() -> None:
                self._hover = hover

            self._changing(change)

    def _finish(self, selection: Selection | None) -> None:
        self.close()
        if selection is None:
            self.cancelled.emit()
        else:
            self.region_selected.emit(selection)

    def accept(self) -> None:
        """Accept the selection, or the whole desktop when there is none."""
        if self._closed:
            return
        if self._selection is None:
            self._finish(Selection(self._bounds, "all"))
        else:
            self._finish(Selection(self._selection, self._mode))

    def cancel(self) -> None:
        if not self._closed:
            self._finish(None)

    def monitor_under_cursor(self) -> Rect | None:
        widget = self.owner_of_cursor()
        if widget is None:
            return None
        return widget.monitor.geometry.intersected(self._bounds)

    def select_monitor(self) -> None:
        rect = self.monitor_under_cursor()
        if rect is not None:
            self._set_selection(rect, "screen")

    def select_window(self) -> bool:
        hover = self._hover
        if hover is None:
            return False
        self._set_selection(hover[1], "window")
        return True

    def select_last_region(self) -> None:
        if self._last_region is not None:
            self._set_selection(self._last_region, "region")

    # -- input from the widgets (device pixels) -------------------------------------------------

    def hit(self, point: tuple[int, int], ratio: float) -> str | None:
        """What a press at ``point`` grabs: edges ("tl", "r"...), "move", or None (outside)."""
        rect = self._selection
        if rect is None:
            return None
        margin = max(2, round(GRAB_MARGIN * ratio))
        x, y = point
        if not (
            rect.x - margin <= x < rect.right + margin
            and rect.y - margin <= y < rect.bottom + margin
        ):
            return None
        # near an edge, within the margin on either side of it; small selections keep a middle
        inner = min(margin, rect.width // 3, rect.height // 3)
        edges = ""
        if y < rect.y + inner:
            edges += "t"
        elif y >= rect.bottom - inner:
            edges += "b"
        if x < rect.x + inner:
            edges += "l"
        elif x >= rect.right - inner:
            edges += "r"
        return edges or "move"

    def pointer_moved(self, point: tuple[int, int], ratio: float) -> None:
        def change() -> None:
            self._cursor = point
            if self._drag is None:
                return
            dx, dy = point[0] - self._press[0], point[1] - self._press[1]
            if not self._dragging:
                if max(abs(dx), abs(dy)) < self._threshold:
                    return
                self._dragging = True
            start = self._press_selection
            if self._drag == "new":
                a = self._clamp_point(self._press)
                b = self._clamp_point(point)
                self._selection, self._mode = _rect_between(a, b), "region"
            elif start is not None and self._drag == "move":
                self._selection = _moved_within(start, dx, dy, self._bounds)
                self._mode = "region"
            elif start is not None:
                rect = _resized(start, self._drag, dx, dy).intersected(self._bounds)
                if rect is not None:
                    self._selection, self._mode = rect, "region"

        self._changing(change)
        if self._drag is None:
            self._update_hover()
        else:
            self._hover = None

    def _clamp_point(self, point: tuple[int, int]) -> tuple[int, int]:
        b = self._bounds
        return max(b.x, min(point[0], b.right - 1)), max(b.y, min(point[1], b.bottom - 1))

    def pointer_pressed(self, point: tuple[int, int], button: Qt.MouseButton, ratio: float) -> None:
        if button == Qt.MouseButton.RightButton:
            if self._selection is None:
                self.cancel()
            else:
                self._set_selection(None)
                self._update_hover()
            return
        if button != Qt.MouseButton.LeftButton:
            return
        if point != self._cursor:  # a press without a move before it: the magnifier follows
            self.pointer_moved(point, ratio)
        self._press = point
        self._press_selection = self._selection
        self._threshold = max(1, round(DRAG_THRESHOLD * ratio))
        self._dragging = False
        self._drag = self.hit(point, ratio) or "new"

    def pointer_released(self, point: tuple[int, int], button: Qt.MouseButton) -> None:
        if button != Qt.MouseButton.LeftButton or self._drag is None:
            return
        kind, dragged = self._drag, self._dragging

        def change() -> None:
            self._drag, self._dragging = None, False

        self._changing(change)  # the crosshair and the hover highlight may come back
        if not dragged and kind == "new":  # a click outside any selection
            self._update_hover()
            if not self.select_window():
                self._set_selection(None)
        self._update_hover()

    def pointer_double_clicked(self, point: tuple[int, int]) -> None:
        self._cursor = point  # no repaint: the overlay closes now
        if self._selection is None:
            self.select_monitor()
        self.accept()

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Handle a key; False when it is not one of the overlay's."""
        key = event.key()
        mods = event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.cancel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        elif key in _ARROWS:
            dx, dy = _ARROWS[key]
            step = COARSE_STEP if mods & Qt.KeyboardModifier.ShiftModifier else FINE_STEP
            self._arrow(dx * step, dy * step, bool(mods & Qt.KeyboardModifier.ControlModifier))
        elif key == Qt.Key.Key_M:
            self.select_monitor()
        elif key == Qt.Key.Key_W:
            self._update_hover()
            self.select_window()
        elif key == Qt.Key.Key_L:
            self.select_last_region()
        else:
            return False
        return True

    def _arrow(self, dx: int, dy: int, resize: bool) -> None:
        rect = self._selection
        if rect is None:
            # no selection: the arrows move the pointer, one device pixel at a time
            if self._cursor is not None:
                self.move_pointer(self._clamp_point((self._cursor[0] + dx, self._cursor[1] + dy)))
            return
        if resize:
            width = max(1, min(rect.width + dx, self._bounds.right - rect.x))
            height = max(1, min(rect.height + dy, self._bounds.bottom - rect.y))
            self._set_selection(Rect(rect.x, rect.y, width, height))
        else:
            self._set_selection(_moved_within(rect, dx, dy, self._bounds))

    def move_pointer(self, point: tuple[int, int]) -> None:
        """Put the pointer on a device pixel (the magnifier follows at once)."""
        widget = self._widget_at(point)
        if widget is not None:
            QCursor.setPos(widget.screen_of(), widget.mapToGlobal(widget.to_local(point)))
        self.pointer_moved(point, widget.ratio if widget else 1.0)

    def painted(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit(time.perf_counter())


_ARROWS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left.value: (-1, 0),
    Qt.Key.Key_Right.value: (1, 0),
    Qt.Key.Key_Up.value: (0, -1),
    Qt.Key.Key_Down.value: (0, 1),
}


class _ScreenOverlay(QWidget):
    """The overlay on one screen: its slice of the frozen desktop, dimmed outside the selection,
    and the decorations that fall on it."""

    def __init__(self, owner: CaptureOverlay, screen: QScreen, monitor: Monitor) -> None:
        super().__init__(None, _window_flags())
        self._owner = owner
        self._screen = screen
        self.monitor = monitor
        self.ratio = float(screen.devicePixelRatio())
        self._grabbed = False
        self.setWindowTitle(
            QCoreApplication.translate("CaptureOverlay", "Select a region to capture")
        )
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self._bright = self._slice()
        self._dimmed: QPixmap | None = None  # made just after the first paint (see there)
        self._font = QFont(self.font())
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._small = QFont(self._font)
        self._small.setPointSizeF(max(6.0, self._font.pointSizeF() * 0.85))

    def _slice(self) -> QPixmap:
        """This monitor's part of the desktop: made once, blitted per paint. Pixmaps keep ratio
        1 and are painted under a 1/ratio transform (see paintEvent)."""
        geo = self.monitor.geometry
        ox, oy = self._owner.origin
        # At a fractional ratio the window's native size is rounded (700 / 1.5 = 466.67 logical
        # -> 467 -> 701 device pixels): it may reach a pixel into the next monitor. The slice
        # covers the whole window, that pixel included, from the desktop image; whichever
        # overlay ends on top, it shows the right pixel.
        width = max(geo.width, math.ceil(self.width() * self.ratio))
        height = max(geo.height, math.ceil(self.height() * self.ratio))
        image = _slice_rgb32(self._owner.desktop, QRect(geo.x - ox, geo.y - oy, width, height))
        return QPixmap.fromImage(image)

    def _make_dimmed(self) -> None:
        """The dimmed copy of the slice, blitted outside the selection from then on."""
        if self._dimmed is None:
            image = self._bright.toImage()
            painter = QPainter(image)
            painter.fillRect(image.rect(), DIM)
            painter.end()
            self._dimmed = QPixmap.fromImage(image)

    def present(self) -> None:
        if QGuiApplication.platformName().startswith("wayland"):
            # Wayland clients cannot place windows: full screen on the right output is the way
            self.showFullScreen()
        else:
            self.show()

    def screen_of(self) -> QScreen:
        return self._screen

    # -- coordinates ---------------------------------------------------------------------------

    def to_device(self, pos: QPointF) -> tuple[int, int]:
        """A widget-local logical position as a virtual-desktop device pixel."""
        geo = self.monitor.geometry
        # Native positions are whole device pixels; at a ratio like 1.5, x / 1.5 * 1.5 may come
        # back as 799.99999: the small bias keeps it on pixel 800.
        return (
            geo.x + math.floor(pos.x() * self.ratio + 1e-3),
            geo.y + math.floor(pos.y() * self.ratio + 1e-3),
        )

    def to_local(self, point: tuple[int, int]) -> QPoint:
        """A device pixel's centre as a widget-local logical position."""
        geo = self.monitor.geometry
        return QPoint(
            math.floor((point[0] - geo.x + 0.5) / self.ratio),
            math.floor((point[1] - geo.y + 0.5) / self.ratio),
        )

    def local_rect(self, rect: Rect) -> QRectF:
        geo = self.monitor.geometry
        r = self.ratio
        return QRectF((rect.x - geo.x) / r, (rect.y - geo.y) / r, rect.width / r, rect.height / r)

    def _area(self, rect: Rect, margin: float = 0.0) -> QRect:
        """The logical widget area a device rect covers, rounded outward, plus a margin."""
        m = margin + 1
        return self.local_rect(rect).adjusted(-m, -m, m, m).toAlignedRect()

    def cursor_device(self) -> tuple[int, int] | None:
        """Where the pointer is now, as a device pixel (None when it is on no screen)."""
        pos = QCursor.pos()
        screen = QGuiApplication.screenAt(pos) or self._screen
        geo = screen.geometry()
        ratio = float(screen.devicePixelRatio())
        return (
            geo.x() + math.floor((pos.x() - geo.x()) * ratio),
            geo.y() + math.floor((pos.y() - geo.y()) * ratio),
        )

    # -- decorations, in logical widget coordinates --------------------------------------------

    def _crosshair_areas(self) -> list[QRect]:
        owner = self._owner
        cursor = owner.cursor
        if cursor is None or owner.shown_selection is not None or owner.drawing:
            return []
        geo = self.monitor.geometry
        areas = []
        if geo.y <= cursor[1] < geo.bottom:
            areas.append(self._area(Rect(geo.x, cursor[1], geo.width, 1)))
        if geo.x <= cursor[0] < geo.right:
            areas.append(self._area(Rect(cursor[0], geo.y, 1, geo.height)))
        return areas

    def magnifier_geometry(self) -> QRect | None:
        """Where the magnifier is drawn (logical), or None when it is on another screen."""
        owner = self._owner
        cursor = owner.cursor
        if cursor is None or not _contains(self.monitor.geometry, cursor):
            return None
        pos = self.to_local(cursor)
        metrics = QFontMetrics(self._small)
        width = ZOOM * ZOOM_SPAN
        height = width + 2 * metrics.height() + 10
        x, y = pos.x() + MAGNIFIER_GAP, pos.y() + MAGNIFIER_GAP
        if x + width > self.width():
            x = pos.x() - MAGNIFIER_GAP - width
        if y + height > self.height():
            y = pos.y() - MAGNIFIER_GAP - height
        return QRect(max(0, x), max(0, y), width, height)

    def magnifier_centre(self) -> QRect | None:
        """The magnified cursor pixel's cell (logical), or None without a magnifier here."""
        box = self.magnifier_geometry()
        if box is None:
            return None
        half = ZOOM_SPAN // 2
        return QRect(box.x() + half * ZOOM, box.y() + half * ZOOM, ZOOM, ZOOM)

    def _label_geometry(self) -> QRect | None:
        owner = self._owner
        if owner.label_owner() is not self:
            return None
        rect = owner.shown_selection or (owner.hover[1] if owner.hover else None)
        text = owner.label_text()
        if rect is None or not text:
            return None
        metrics = QFontMetrics(self._bold)
        width = min(metrics.horizontalAdvance(text) + 20, max(40, self.width() - 8))
        height = metrics.height() + 8
        local = self.local_rect(rect)
        x = round(local.x())
        y = round(local.y()) - height - HANDLE - 2
        if y < 0:  # no room above: just inside the top-left corner
            y = round(local.y()) + 6
            x += 6
        x = max(4, min(x, self.width() - width - 4))
        y = max(4, min(y, self.height() - height - 4))
        return QRect(x, y, width, height)

    def _hint_lines(self) -> list[list[tuple[str, str]]]:
        """The hint items laid out in lines that fit this screen."""
        limit = max(200, self.width() - 48)
        bold, normal = QFontMetrics(self._bold), QFontMetrics(self._font)
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0
        for key, what in self._owner.hints():
            width = bold.horizontalAdvance(key) + 6 + normal.horizontalAdvance(what) + 22
            if lines[-1] and used + width > limit:
                lines.append([])
                used = 0
            lines[-1].append((key, what))
            used += width
        return lines

    def _hint_geometry(self) -> QRect | None:
        owner = self._owner
        if owner.owner_of_cursor() is not self:
            return None
        lines = self._hint_lines()
        bold, normal = QFontMetrics(self._bold), QFontMetrics(self._font)
        widest = max(
            sum(bold.horizontalAdvance(k) + 6 + normal.horizontalAdvance(w) + 22 for k, w in line)
            - 22
            for line in lines
        )
        line_height = max(bold.height(), normal.height()) + 4
        width = min(widest + 28, self.width())
        height = line_height * len(lines) + 14
        box = QRect((self.width() - width) // 2, 12, width, height)
        cursor = owner.cursor
        if cursor is not None and box.adjusted(-8, -8, 8, 8).contains(self.to_local(cursor)):
            box.moveBottom(self.height() - 13)  # out of the pointer's way
        return box

    def decorations(self) -> dict[str, tuple[QRegion, object]]:
        """What is drawn over the frozen image now, part by part: the logical area each part
        covers and the state it is drawn from. A change repaints the parts whose state changed,
        and of a selection's bright inside only where the old and the new one differ: moving a
        large selection by a pixel repaints its edges, not all of it."""
        owner = self._owner
        geo = self.monitor.geometry
        parts: dict[str, tuple[QRegion, object]] = {}
        for key, rect in (
            ("selection", owner.shown_selection),
            ("hover", owner.hover[1] if owner.hover else None),
        ):
            near = rect and Rect(rect.x - 64, rect.y - 64, rect.width + 128, rect.height + 128)
            if rect is None or near is None or geo.intersected(near) is None:
                continue
            outer = QRegion(self._area(rect, HANDLE + 2))
            inside = self.local_rect(rect).adjusted(2, 2, -2, -2)
            inner = QRegion(inside.toAlignedRect()) if inside.isValid() else QRegion()
            parts[key] = (outer.subtracted(inner), rect)
            parts[f"{key}-inside"] = (inner, rect)
        if owner.last_region is not None and owner.shown_selection is None:
            parts["last"] = (QRegion(self._area(owner.last_region, 2)), owner.last_region)
        crosshair = QRegion()
        for line in self._crosshair_areas():
            crosshair = crosshair.united(line)
        if not crosshair.isEmpty():
            parts["crosshair"] = (crosshair, owner.cursor)
        for key, box, state in (
            ("magnifier", self.magnifier_geometry(), owner.cursor),
            ("label", self._label_geometry(), owner.label_text()),
            ("hint", self._hint_geometry(), tuple(owner.hints())),
        ):
            if box is not None:
                # the magnifier's panel reaches MAGNIFIER_PAD beyond its box, antialiased
                margin = MAGNIFIER_PAD + 2 if key == "magnifier" else 2
                parts[key] = (QRegion(box.adjusted(-margin, -margin, margin, margin)), state)
        return parts

    def repaint_changes(
        self, before: dict[str, tuple[QRegion, object]], after: dict[str, tuple[QRegion, object]]
    ) -> None:
        """Schedule a repaint of what differs between two :meth:`decorations` results."""
        region = QRegion()
        for key in before.keys() | after.keys():
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            if old is not None and new is not None and key.endswith("-inside"):
                region = region.united(old[0].xored(new[0]))  # bright in both: unchanged
                continue
            for part in (old, new):
                if part is not None:
                    region = region.united(part[0])
        if not region.isEmpty():
            self.update(region)

    def update_cursor_shape(self) -> None:
        cursor = self._owner.cursor
        kind = None
        if cursor is not None and _contains(self.monitor.geometry, cursor):
            kind = self._owner.hit(cursor, self.ratio)
        self.setCursor(_EDGE_CURSORS.get(kind or "", Qt.CursorShape.CrossCursor))

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        owner = self._owner
        painter = QPainter(self)
        geo = self.monitor.geometry
        # Device space: one unit is one physical pixel, so blits are 1:1 and lines are crisp.
        painter.save()
        painter.scale(1 / self.ratio, 1 / self.ratio)
        if self._dimmed is not None:
            painter.drawPixmap(0, 0, self._dimmed)
        else:
            # The first paint dims as it draws: making the dimmed copy first (a full-screen
            # copy and blend) would delay the moment the overlay appears; a zero timer makes it
            # once the overlay is on screen.
            painter.drawPixmap(0, 0, self._bright)
            painter.fillRect(self._bright.rect(), DIM)
            QTimer.singleShot(0, self, self._make_dimmed)
        line = max(1, round(self.ratio))
        selection = owner.shown_selection
        hover = owner.hover
        if selection is not None:
            local = QRect(
                selection.x - geo.x, selection.y - geo.y, selection.width, selection.height
            )
            self._paint_bright(painter, local)
            self._paint_frame(painter, local, line, handles=True)
        elif hover is not None:
            rect = hover[1]
            local = QRect(rect.x - geo.x, rect.y - geo.y, rect.width, rect.height)
            self._paint_bright(painter, local)
            self._paint_frame(painter, local, line, handles=False)
        if selection is None and owner.last_region is not None:
            last = owner.last_region
            pen = QPen(QColor(255, 255, 255, 150), line, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                QRect(
                    last.x - geo.x - line,
                    last.y - geo.y - line,
                    last.width + line,
                    last.height + line,
                )
            )
        cursor = owner.cursor
        if cursor is not None and selection is None and not owner.drawing:
            cx, cy = cursor[0] - geo.x, cursor[1] - geo.y
            if 0 <= cy < geo.height:
                painter.fillRect(QRect(0, cy, geo.width, line), CROSSHAIR)
            if 0 <= cx < geo.width:
                painter.fillRect(QRect(cx, 0, line, geo.height), CROSSHAIR)
        painter.restore()
        # Logical space: text and panels at the screen's normal size.
        # The magnifier last: it is what the user looks at, nothing may cover it.
        hint = self._hint_geometry()
        if hint is not None:
            self._paint_hints(painter, hint)
        label = self._label_geometry()
        if label is not None:
            self._paint_label(painter, label, owner.label_text())
        magnifier = self.magnifier_geometry()
        if magnifier is not None and cursor is not None:
            self._paint_magnifier(painter, magnifier, cursor)
        painter.end()
        if not self._grabbed and owner.keyboard_widget is self:
            # Esc and Enter must reach us whatever had the focus (override-redirect windows get
            # none from a window manager). Mapped now: X11 refuses to grab for unmapped ones.
            self._grabbed = True
            self.grabKeyboard()
        owner.painted()

    def _paint_bright(self, painter: QPainter, local: QRect) -> None:
        part = local.intersected(self._bright.rect())
        if not part.isEmpty():
            painter.drawPixmap(part.topLeft(), self._bright, part)

    def _paint_frame(self, painter: QPainter, rect: QRect, line: int, *, handles: bool) -> None:
        """A border just outside ``rect`` (the selected pixels stay untouched) and handles."""
        outer = rect.adjusted(-line, -line, line, line)
        for strip in (
            QRect(outer.left(), outer.top(), outer.width(), line),
            QRect(outer.left(), rect.bottom() + 1, outer.width(), line),
            QRect(outer.left(), rect.top(), line, rect.height()),
            QRect(rect.right() + 1, rect.top(), line, rect.height()),
        ):
            painter.fillRect(strip, ACCENT)
        if not handles:
            return
        size = round(HANDLE * self.ratio)
        left, top = outer.left() - size + line, outer.top() - size + line
        right, bottom = rect.right() + 1, rect.bottom() + 1
        mid_x = rect.left() + (rect.width() - size) // 2
        mid_y = rect.top() + (rect.height() - size) // 2
        spots = [(left, top), (right, top), (left, bottom), (right, bottom)]
        if rect.width() > 3 * size:
            spots += [(mid_x, top), (mid_x, bottom)]
        if rect.height() > 3 * size:
            spots += [(left, mid_y), (right, mid_y)]
        for x, y in spots:
            painter.fillRect(QRect(x, y, size, size), ACCENT)
            painter.fillRect(
                QRect(x + line, y + line, size - 2 * line, size - 2 * line), Qt.GlobalColor.white
            )

    def _paint_panel(self, painter: QPainter, box: QRect, color: QColor = PANEL) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(box), 5, 5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_label(self, painter: QPainter, box: QRect, text: str) -> None:
        self._paint_panel(painter, box)
        painter.setFont(self._bold)
        painter.setPen(PANEL_TEXT)
        elided = QFontMetrics(self._bold).elidedText(
            text, Qt.TextElideMode.ElideMiddle, box.width() - 12
        )
        painter.drawText(box.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignCenter, elided)

    def _paint_magnifier(self, painter: QPainter, box: QRect, cursor: tuple[int, int]) -> None:
        owner = self._owner
        half = ZOOM_SPAN // 2
        ox, oy = owner.origin
        sample = owner.desktop.copy(
            QRect(cursor[0] - ox - half, cursor[1] - oy - half, ZOOM_SPAN, ZOOM_SPAN)
        )
        # opaque: text behind the colour value would read as part of it
        pad = MAGNIFIER_PAD
        self._paint_panel(painter, box.adjusted(-pad, -pad, pad, pad), QColor(PANEL.rgb()))
        zoom = QRect(box.x(), box.y(), ZOOM * ZOOM_SPAN, ZOOM * ZOOM_SPAN)
        painter.drawImage(zoom, sample)  # no smooth transform: nearest neighbour, sharp cells
        grid = QPen(QColor(0, 0, 0, 40), 0)
        painter.setPen(grid)
        for i in range(1, ZOOM_SPAN):
            painter.drawLine(zoom.x() + i * ZOOM, zoom.y(), zoom.x() + i * ZOOM, zoom.bottom())
            painter.drawLine(zoom.x(), zoom.y() + i * ZOOM, zoom.right(), zoom.y() + i * ZOOM)
        centre = QRect(zoom.x() + half * ZOOM, zoom.y() + half * ZOOM, ZOOM, ZOOM)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(Qt.GlobalColor.black, 0))
        painter.drawRect(centre.adjusted(-1, -1, 0, 0))
        painter.setPen(QPen(Qt.GlobalColor.white, 0))
        painter.drawRect(centre.adjusted(-2, -2, 1, 1))
        painter.setPen(QPen(ACCENT, 0))
        painter.drawRect(zoom.adjusted(0, 0, -1, -1))
        # what is under the cursor: its position and colour
        x, y = cursor[0] - ox, cursor[1] - oy
        inside = 0 <= x < owner.desktop.width() and 0 <= y < owner.desktop.height()
        color = owner.desktop.pixelColor(x, y) if inside else QColor(Qt.GlobalColor.black)
        metrics = QFontMetrics(self._small)
        painter.setFont(self._small)
        painter.setPen(PANEL_TEXT)
        text_top = zoom.bottom() + 5
        painter.drawText(
            QRect(box.x() + 2, text_top, box.width() - 4, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QCoreApplication.translate("CaptureOverlay", "%1, %2")
            .replace("%1", str(cursor[0]))
            .replace("%2", str(cursor[1])),
        )
        swatch = QRect(
            box.x() + 2, text_top + metrics.height() + 3, metrics.height() - 4, metrics.height() - 4
        )
        painter.fillRect(swatch, color)
        painter.setPen(QPen(QColor(255, 255, 255, 160), 0))
        painter.drawRect(swatch.adjusted(0, 0, -1, -1))
        painter.setPen(PANEL_TEXT)
        painter.drawText(
            QRect(
                swatch.right() + 6, text_top + metrics.height() + 1, box.width(), metrics.height()
            ),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            color.name().upper(),
        )

    def _paint_hints(self, painter: QPainter, box: QRect) -> None:
        self._paint_panel(painter, box)
        bold, normal = QFontMetrics(self._bold), QFontMetrics(self._font)
        line_height = max(bold.height(), normal.height()) + 4
        lines = self._hint_lines()
        y = box.y() + 7
        for line in lines:
            width = (
                sum(
                    bold.horizontalAdvance(k) + 6 + normal.horizontalAdvance(w) + 22
                    for k, w in line
                )
                - 22
            )
            x = box.x() + (box.width() - width) // 2
            for key, what in line:
                painter.setFont(self._bold)
                painter.setPen(ACCENT.lighter(140))
                painter.drawText(
                    QRect(x, y, box.width(), line_height), Qt.AlignmentFlag.AlignVCenter, key
                )
                x += bold.horizontalAdvance(key) + 6
                painter.setFont(self._font)
                painter.setPen(PANEL_TEXT)
                painter.drawText(
                    QRect(x, y, box.width(), line_height), Qt.AlignmentFlag.AlignVCenter, what
                )
                x += normal.horizontalAdvance(what) + 22
            y += line_height

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._owner.pointer_pressed(self.to_device(event.position()), event.button(), self.ratio)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._owner.pointer_moved(self.to_device(event.position()), self.ratio)
        self.update_cursor_shape()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._owner.pointer_released(self.to_device(event.position()), event.button())
        self.update_cursor_shape()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._owner.pointer_double_clicked(self.to_device(event.position()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if not self._owner.key_pressed(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab would move the focus between the overlays; the arrows are ours, not focus moves
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            return True
        return super().event(event)


def _slice_rgb32(desktop: QImage, rect: QRect) -> QImage:
    """``rect`` of ``desktop`` as a new RGB32 image (black where it leaves the desktop).

    Converted straight from a view of the desktop's rows, not through ``copy()``: a copy of a
    1920x1080 RGB888 slice and its conversion cost ~8 ms; one conversion from the view, ~1 ms
    (Qt converts large images on several threads)."""
    depth = desktop.depth() // 8
    if desktop.rect().contains(rect) and desktop.depth() % 8 == 0 and not rect.isEmpty():
        if rect == desktop.rect():
            return desktop.convertToFormat(QImage.Format.Format_RGB32)
        stride = desktop.bytesPerLine()
        start = rect.y() * stride + rect.x() * depth
        end = (rect.bottom()) * stride + (rect.right() + 1) * depth
        bits = desktop.constBits()
        view = QImage(bits[start:end], rect.width(), rect.height(), stride, desktop.format())
        return view.convertToFormat(QImage.Format.Format_RGB32)
    return desktop.copy(rect).convertToFormat(QImage.Format.Format_RGB32)


def _window_flags() -> Qt.WindowType:
    flags = (
        Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool
    )
    if QGuiApplication.platformName() == "xcb" and sys.platform.startswith("linux"):
        # Override-redirect: no window manager placement, decoration or animation; the window
        # is where we put it at once (the hotkey-to-overlay budget is 150 ms).
        flags |= Qt.WindowType.BypassWindowManagerHint
    return flags
