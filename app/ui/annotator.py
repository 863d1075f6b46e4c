"""The screenshot annotator: rectangle, arrow, text, numbered markers, highlighter, crop, redact.

The model is :class:`app.services.annotation.Document`; this dialog only turns mouse and
keyboard input into operations and shows the rendered result. Three rules shape the code:

* **One render per edit, and that render is the result.** A pixelating redaction draws fresh
  random noise on every render, so the image on screen is rendered once after each change,
  kept, painted from then on, and handed out by :meth:`AnnotatorDialog.result_image`. Nothing
  re-renders to paint.
* **The GUI thread never renders.** A full-HD render with a pixelated area takes 5-50 ms, more
  than a frame, so every render runs on the task runner. Until it arrives the previous image
  stays on screen with the new operation drawn over it; a generation counter drops results
  that an edit made while they were rendering has already outdated.
* **Exact pixel mapping.** Zoom is image pixels per *device* pixel: at 100 % one pixel of the
  screenshot is one pixel of the screen, on HiDPI displays too. Operations are built in
  image pixels of the original (the model's coordinates), whatever the zoom or crop.

While the mouse moves, the shape being drawn is painted as a light overlay on top of the
cached image (with the operation's own ``paint``, so it looks as it will), never by rendering
the document.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.annotation import (
    ArrowOp,
    CropOp,
    Document,
    HighlighterOp,
    ImageRect,
    MarkerOp,
    Operation,
    Point,
    RectangleOp,
    RedactMode,
    RedactOp,
    TextOp,
    render,
)
from app.services.tasks import TaskRunner
from app.ui import look
from app.ui.notice import ask_to_discard

ICONS = (
    Path(getattr(sys, "_MEIPASS", "")) / "resources" / "icons"
    if hasattr(sys, "_MEIPASS")
    else Path(__file__).resolve().parent.parent.parent / "resources" / "icons"
)

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25
CLICK_SLOP = 3
"""A press and release closer than this many screen pixels is a click, not a drag."""
PICK_SLOP = 5
"""Screen pixels around a thin line (arrow, outline, stroke) that still pick it."""

PEN_COLOR = "#e53935"
HIGHLIGHT_COLOR = "#ffe600"
REDACT_COLOR = "#000000"


def _icon(name: str) -> QIcon:
    return QIcon(str(ICONS / f"annotate-{name}.svg"))


class Tool(enum.Enum):
    """What a press on the canvas does."""

    SELECT = "select"
    RECTANGLE = "rectangle"
    ARROW = "arrow"
    TEXT = "text"
    MARKER = "marker"
    HIGHLIGHTER = "highlighter"
    CROP = "crop"
    REDACT = "redact"


# -- operation geometry (pure functions over the model's frozen operations) ----------------------


def moved(op: Operation, dx: int, dy: int) -> Operation:
    """``op`` shifted by whole image pixels (whole, so rectangles stay on the pixel grid)."""

    def shift(point: Point) -> Point:
        return Point(point.x + dx, point.y + dy)

    if isinstance(op, RectangleOp | RedactOp | CropOp):
        r = op.rect
        return dataclasses.replace(op, rect=ImageRect(r.x + dx, r.y + dy, r.width, r.height))
    if isinstance(op, ArrowOp):
        return dataclasses.replace(op, start=shift(op.start), end=shift(op.end))
    if isinstance(op, TextOp):
        return dataclasses.replace(op, position=shift(op.position))
    if isinstance(op, MarkerOp):
        return dataclasses.replace(op, center=shift(op.center))
    if isinstance(op, HighlighterOp):
        return dataclasses.replace(op, points=tuple(shift(p) for p in op.points))
    raise TypeError(f"cannot move {op!r}")


def _text_box(op: TextOp) -> QRectF:
    metrics = QFontMetricsF(op.font())
    box = QRectF(op.position.x, op.position.y, 1_000_000, 1_000_000)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return metrics.boundingRect(box, flags, op.text or " ")


def _stroke(points: Sequence[Point], width: float) -> QPainterPath:
    path = QPainterPath(points[0].q())
    for point in points[1:]:
        path.lineTo(point.q())
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return stroker.createStroke(path)


def bounds(op: Operation) -> QRectF:
    """The area ``op`` covers, in image pixels."""
    if isinstance(op, RectangleOp | RedactOp | CropOp):
        return QRectF(op.rect.q())
    if isinstance(op, ArrowOp):
        pad = op.head_length() / 2 + op.width
        return QRectF(op.start.q(), op.end.q()).normalized().adjusted(-pad, -pad, pad, pad)
    if isinstance(op, TextOp):
        return _text_box(op)
    if isinstance(op, MarkerOp):
        r = op.radius
        return QRectF(op.center.x - r, op.center.y - r, 2 * r, 2 * r)
    if isinstance(op, HighlighterOp):
        return _stroke(op.points, op.width).boundingRect()
    return QRectF()


def hits(op: Operation, point: Point, slop: float) -> bool:
    """Whether a click at ``point`` (image pixels) picks ``op``; ``slop`` in image pixels."""
    q = point.q()
    if isinstance(op, RedactOp):
        return QRectF(op.rect.q()).contains(q)
    if isinstance(op, RectangleOp):
        outer = QRectF(op.rect.q()).adjusted(-slop, -slop, slop, slop)
        inner_pad = op.width + slop
        inner = QRectF(op.rect.q()).adjusted(inner_pad, inner_pad, -inner_pad, -inner_pad)
        return outer.contains(q) and not (inner.isValid() and inner.contains(q))
    if isinstance(op, ArrowOp):
        return _stroke((op.start, op.end), op.width + 2 * slop).contains(q)
    if isinstance(op, HighlighterOp):
        return _stroke(op.points, op.width + 2 * slop).contains(q)
    if isinstance(op, MarkerOp):
        return math.hypot(point.x - op.center.x, point.y - op.center.y) <= op.radius + slop
    if isinstance(op, TextOp):
        return _text_box(op).adjusted(-slop, -slop, slop, slop).contains(q)
    return False  # a crop is a view, undone rather than picked


def _render_snapshot(original: QImage, operations: tuple[Operation, ...]) -> tuple[QImage, QRect]:
    """Worker side: the export of ``operations`` over ``original`` and the part it shows."""
    document = Document(original, operations)
    return render(document), document.crop_rect()


# -- the canvas -----------------------------------------------------------------------------------


class AnnotationCanvas(QWidget):
    """Paints the last rendered image at a zoom, with an overlay; maps the mouse to image pixels.

    The canvas knows nothing of tools: it reports presses, moves and releases in image pixels of
    the original and draws what it is told to.
    """

    mouse_pressed = Signal(object)
    """The left button went down at this Point (image pixels)."""
    mouse_moved = Signal(object)
    """The mouse moved with the left button down, to this Point."""
    mouse_released = Signal(object)
    """The left button came up at this Point."""
    zoom_requested = Signal(float, QPointF)
    """Ctrl+wheel asked for this zoom factor change, around this widget position."""
    nudged = Signal(int, int)
    """An arrow key asked to move the selection by (dx, dy) image pixels."""
    drag_cancelled = Signal()
    """Escape was pressed while the mouse button was down."""
    double_clicked = Signal(object)
    """The left button was double-clicked at this Point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._origin = QPoint(0, 0)  # where the shown image sits in the original (a crop)
        self._zoom = 1.0
        self._overlay: list[Operation] = []
        self._selection = QRectF()
        self._pressed = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # mapping: zoom is device pixels per image pixel
    def scale(self) -> float:
        """Logical (widget) pixels per image pixel."""
        return self._zoom / self.devicePixelRatioF()

    def zoom(self) -> float:
        """Device pixels per image pixel (1.0 = 100 %)."""
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        """Show the image at ``zoom``."""
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._resize_to_image()

    def image(self) -> QImage:
        """The image being shown (the last render)."""
        return self._image

    def origin(self) -> QPoint:
        """Where the shown image's top-left sits in the original (non-zero after a crop)."""
        return QPoint(self._origin)

    def set_image(self, image: QImage, origin: QPoint) -> None:
        """Show ``image``, which is the part of the original starting at ``origin``."""
        self._image = image
        self._origin = QPoint(origin)
        self._resize_to_image()
        self.update()

    def visible_rect(self) -> QRect:
        """The part of the original that is shown, in image pixels."""
        return QRect(self._origin, self._image.size())

    def _resize_to_image(self) -> None:
        s = self.scale()
        self.setFixedSize(
            max(1, math.ceil(self._image.width() * s)), max(1, math.ceil(self._image.height() * s))
        )

    def to_image(self, pos: QPointF) -> Point:
        """The image point under widget position ``pos``, inside the shown part."""
        s = self.scale()
        area = self.visible_rect()
        x = min(max(pos.x() / s + area.x(), area.left()), area.x() + area.width())
        y = min(max(pos.y() / s + area.y(), area.top()), area.y() + area.height())
        return Point(x, y)

    def to_widget(self, point: Point) -> QPointF:
        """The widget position of image point ``point``."""
        s = self.scale()
        return QPointF((point.x - self._origin.x()) * s, (point.y - self._origin.y()) * s)

    def set_overlay(self, operations: Sequence[Operation]) -> None:
        """Draw these (not yet rendered) operations over the image."""
        self._overlay = list(operations)
        self.update()

    def set_selection(self, area: QRectF) -> None:
        """Frame this area (image pixels) as selected; an empty one frames nothing."""
        self._selection = QRectF(area)
        self.update()

    # painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Dark))
        if self._image.isNull():
            painter.end()
            return
        s = self.scale()
        painter.save()
        painter.scale(s, s)
        # Bilinear when shrinking keeps text readable; sharp pixels when enlarging.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._zoom < 1)
        painter.drawImage(0, 0, self._image)
        if self._overlay:
            painter.translate(-self._origin.x(), -self._origin.y())
            painter.setClipRect(self.visible_rect())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for op in self._overlay:
                self._paint_preview(painter, op)
        painter.restore()
        if not self._selection.isEmpty():
            top_left = self.to_widget(Point(self._selection.x(), self._selection.y()))
            frame = QRectF(top_left, self._selection.size() * s).adjusted(-3, -3, 3, 3)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 1))
            painter.drawRect(frame)
            painter.setPen(QPen(QColor("#2f6fd1"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(frame)
        painter.end()

    def _paint_preview(self, painter: QPainter, op: Operation) -> None:
        if isinstance(op, RedactOp):
            # Never the original's pixels: the fill, or a neutral hatch standing in for the noise.
            if op.mode is RedactMode.SOLID:
                painter.fillRect(op.rect.q(), QColor(op.color))
            else:
                painter.fillRect(op.rect.q(), QColor("#808080"))
                painter.fillRect(
                    op.rect.q(), QBrush(QColor("#505050"), Qt.BrushStyle.Dense5Pattern)
                )
        elif isinstance(op, CropOp):
            outside = QPainterPath()
            outside.addRect(QRectF(self.visible_rect()))
            inside = QPainterPath()
            inside.addRect(QRectF(op.rect.q()))
            painter.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 140))
            pen = QPen(QColor("#ffffff"), 0, Qt.PenStyle.DashLine)  # cosmetic: one screen pixel
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(op.rect.q()))
        else:
            painter.save()
            op.paint(painter)
            painter.restore()

    # input
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._pressed = True
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.mouse_pressed.emit(self.to_image(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._pressed:
            self.mouse_moved.emit(self.to_image(event.position()))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(self.to_image(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or not self._pressed:
            super().mouseReleaseEvent(event)
            return
        self._pressed = False
        self.mouse_released.emit(self.to_image(event.position()))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_requested.emit(ZOOM_STEP**steps, event.position())
            event.accept()
            return
        event.ignore()  # the scroll area scrolls

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self._pressed:
            self._pressed = False
            self.drag_cancelled.emit()
            return
        step = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        arrows = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        delta = arrows.get(Qt.Key(event.key()))
        if delta is not None:
            self.nudged.emit(*delta)
            return
        super().keyPressEvent(event)


class TextEditor(QLineEdit):
    """The inline editor of the text tool: Enter commits, Escape cancels, leaving commits."""

    committed = Signal(str)
    """The user finished typing this text."""
    cancelled = Signal()
    """The user pressed Escape."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._done = False
        self.setFrame(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Consumed here: QLineEdit passes Enter on, and the dialog would attach at once.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        # Switching to another window keeps the edit open; a click elsewhere in the dialog ends it.
        if event.reason() not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
        ):
            self.finish(commit=True)

    def finish(self, *, commit: bool) -> None:
        """End the edit once, committing or cancelling."""
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.text())
        else:
            self.cancelled.emit()


class _ToolButton(QToolButton):
    """A tool in the tool column: full width, icon and label aligned left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(20, 20))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width() + 8, max(hint.height(), 30))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        # From the button, not the option: PySide's option.icon is a view into the option.
        text, icon = self.text(), self.icon()
        option.text = ""
        option.icon = QIcon()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        size = self.iconSize()
        mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
        state = QIcon.State.On if self.isChecked() else QIcon.State.Off
        pixmap = icon.pixmap(size, self.devicePixelRatioF(), mode, state)
        margin = 8
        painter.drawPixmap(margin, (self.height() - size.height()) // 2, pixmap)
        text_area = self.rect().adjusted(margin + size.width() + 6, 0, -margin, 0)
        flags = int(
            Qt.AlignmentFlag.AlignLeft
            | Qt.AlignmentFlag.AlignVCenter
            | Qt.TextFlag.TextShowMnemonic
        )
        painter.drawItemText(
            text_area, flags, self.palette(), self.isEnabled(), text, QPalette.ColorRole.ButtonText
        )


class _ElidedLabel(QLabel):
    """One line that ends in "\u2026" when the row is too narrow; the tooltip has all of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self._elide()

    def full_text(self) -> str:
        """The whole text, elided or not."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class _CanvasScroll(QScrollArea):
    """The scroll area that holds the canvas; tells the dialog when its room changes (to fit)."""

    resized = Signal()
    """The scroll area changed size."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.resized.emit()


# -- the dialog -----------------------------------------------------------------------------------


class AnnotatorDialog(QDialog):
    """Annotate a screenshot; after ``exec() == Accepted`` read :meth:`result_image` and
    :meth:`annotations_json` (or :meth:`result_document`)."""

    image_rendered = Signal()
    """A new render of the document is on screen (and is the result now)."""

    def __init__(
        self,
        original: QImage,
        annotations_json: str | None = None,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        if annotations_json:
            self._document = Document.from_json(original, annotations_json)
        else:
            self._document = Document(original)
        self._initial = self._document.operations
        # A runner of our own when the caller gives none: renders must never run on this thread.
        self._runner = runner if runner is not None else TaskRunner(parallel=1)
        self._generation = 0  # bumped by every change of the operations
        self._shown_generation = -1
        self._rendering = False
        self._attach_when_rendered = False
        self._closed = False
        self._result = QImage()
        self._pending: list[Operation] = []  # committed, drawn over the image until rendered
        self._tool = Tool.RECTANGLE
        self._pen_color = PEN_COLOR
        self._highlight_color = HIGHLIGHT_COLOR
        self._selected: int | None = None
        self._drag_start: Point | None = None
        self._drag_points: list[Point] = []
        self._dragging = False
        self._editor: TextEditor | None = None
        self._fit = True
        self._discard_box: QMessageBox | None = None
        self._discard_confirmed = False

        self.setWindowTitle(self.tr("Annotate screenshot"))
        self.setMinimumSize(720, 480)
        self.resize(1100, 760)
        self._build()
        self._set_tool(Tool.RECTANGLE)
        self._refresh_actions()
        self._request_render()

    # -- public API ---------------------------------------------------------------------------

    def result_document(self) -> Document:
        """The document: the original and every operation, editable when reopened."""
        return self._document

    def result_image(self) -> QImage:
        """The image on screen when the user attached it: the one render of the final edit."""
        return self._result

    def annotations_json(self) -> str:
        """The operations as JSON, for :class:`AnnotatorDialog` to reopen them later."""
        return self._document.to_json()

    def render_pending(self) -> bool:
        """Whether the image on screen is older than the last edit."""
        return self._shown_generation != self._generation

    def zoom(self) -> float:
        """Device pixels per image pixel (1.0 = 100 %)."""
        return self.canvas.zoom()

    def tool(self) -> Tool:
        """The active tool."""
        return self._tool

    def selected_index(self) -> int | None:
        """Index of the selected operation, if any."""
        return self._selected

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 8)
        outer.setSpacing(0)

        self.options_bar = QToolBar(self.tr("Options"))
        self.options_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.options_bar.setIconSize(QSize(20, 20))
        outer.addWidget(self.options_bar)

        middle = QHBoxLayout()
        middle.setSpacing(0)
        outer.addLayout(middle, 1)
        # A column of equal-width buttons rather than a vertical QToolBar, which centres each
        # button at its own width: a ragged stack once labels differ in length.
        self.tools_column = QWidget()
        self.tools_column.setAccessibleName(self.tr("Tools"))
        self._tools_layout = QVBoxLayout(self.tools_column)
        self._tools_layout.setContentsMargins(6, 6, 6, 6)
        self._tools_layout.setSpacing(2)
        middle.addWidget(self.tools_column)

        self.canvas = AnnotationCanvas()
        self.scroll_area = _CanvasScroll()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.scroll_area.resized.connect(self._on_scroll_resized)
        middle.addWidget(self.scroll_area, 1)

        self._build_tools()
        self._build_options()

        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 6, 12, 0)
        bottom.addWidget(self.zoom_bar)
        self.status = _ElidedLabel()
        look.muted(self.status)
        bottom.addWidget(self.status, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.attach_button = QPushButton(self.tr("&Attach"))
        self.attach_button.setToolTip(self.tr("Attach the annotated screenshot (Ctrl+Enter)"))
        self.attach_button.setDefault(True)
        look.primary(self.attach_button)
        self.attach_button.clicked.connect(self._on_attach_clicked)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.attach_button)
        outer.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self._on_attach_clicked)

        self.canvas.mouse_pressed.connect(self._on_canvas_mouse_pressed)
        self.canvas.mouse_moved.connect(self._on_canvas_mouse_moved)
        self.canvas.mouse_released.connect(self._on_canvas_mouse_released)
        self.canvas.zoom_requested.connect(self._on_canvas_zoom_requested)
        self.canvas.nudged.connect(self._on_canvas_nudged)
        self.canvas.drag_cancelled.connect(self._on_canvas_drag_cancelled)
        self.canvas.double_clicked.connect(self._on_canvas_double_clicked)

    def _action(self, icon: str, text: str, tip: str, keys: Sequence[str] = ()) -> QAction:
        action = QAction(_icon(icon), text, self)
        shortcuts = [QKeySequence(k) for k in keys]
        action.setShortcuts(shortcuts)
        if shortcuts:
            shown = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
            tip = f"{tip} ({shown})"
        action.setToolTip(tip)
        action.setStatusTip(tip)
        return action

    def _build_tools(self) -> None:
        specs = [
            (Tool.SELECT, self.tr("Select"), self.tr("Select, move or delete an annotation"), "S"),
            (Tool.RECTANGLE, self.tr("Rectangle"), self.tr("Frame an area"), "R"),
            (Tool.ARROW, self.tr("Arrow"), self.tr("Point at something"), "A"),
            (
                Tool.TEXT,
                self.tr("Text"),
                self.tr("Click, type, press Enter; click a text to change it"),
                "T",
            ),
            (Tool.MARKER, self.tr("Number"), self.tr("Numbered step marker: 1, 2, 3\u2026"), "N"),
            (
                Tool.HIGHLIGHTER,
                self.tr("Highlight"),
                self.tr("Drag a highlighter band over text"),
                "H",
            ),
            (
                Tool.CROP,
                self.tr("Crop"),
                self.tr("Keep only the dragged area (Undo brings it back)"),
                "C",
            ),
            (
                Tool.REDACT,
                self.tr("Redact"),
                self.tr("Hide private data for good: the pixels are destroyed, not blurred"),
                "X",
            ),
        ]
        self._tool_group = QActionGroup(self)
        self._tool_group.setExclusive(True)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool, text, tip, key in specs:
            action = self._action(tool.value, text, tip, [key])
            action.setCheckable(True)
            action.triggered.connect(partial(self._set_tool, tool))
            self._tool_group.addAction(action)
            self.tool_actions[tool] = action
            button = _ToolButton()
            button.setDefaultAction(action)
            self._tools_layout.addWidget(button)
        self.redact_mode = QComboBox()
        # Item data holds the plain string: Qt gives a StrEnum back as str.
        self.redact_mode.addItem(self.tr("Solid fill"), RedactMode.SOLID.value)
        self.redact_mode.addItem(self.tr("Pixelate (with noise)"), RedactMode.PIXELATE.value)
        self.redact_mode.setToolTip(
            self.tr(
                "How Redact hides an area. Both destroy the original pixels; the mosaic is "
                "random noise, so nothing can be recovered from it."
            )
        )
        self.redact_mode.setAccessibleName(self.tr("Redaction mode"))
        self.redact_mode.activated.connect(self._on_redact_mode_activated)
        self._tools_layout.addWidget(self.redact_mode)
        self._tools_layout.addStretch(1)

    def _build_options(self) -> None:
        bar = self.options_bar
        self.undo_action = self._action("undo", self.tr("Undo"), self.tr("Undo"), ["Ctrl+Z"])
        self.undo_action.triggered.connect(self._on_undo_triggered)
        self.redo_action = self._action(
            "redo", self.tr("Redo"), self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"]
        )
        self.redo_action.triggered.connect(self._on_redo_triggered)
        self.delete_action = self._action(
            "delete", self.tr("Delete"), self.tr("Delete the selected annotation"), ["Del"]
        )
        self.delete_action.setShortcuts(
            _unique([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        )
        self.delete_action.triggered.connect(self._on_delete_triggered)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addAction(self.delete_action)
        bar.addSeparator()

        bar.addWidget(_padded(QLabel(self.tr("Colour:"))))
        self._swatches = QButtonGroup(self)
        self._swatches.setExclusive(True)
        presets = [
            (PEN_COLOR, self.tr("Red")),
            (HIGHLIGHT_COLOR, self.tr("Yellow")),
            ("#43a047", self.tr("Green")),
            ("#1e88e5", self.tr("Blue")),
            ("#000000", self.tr("Black")),
            ("#ffffff", self.tr("White")),
        ]
        self.swatch_buttons: dict[str, QToolButton] = {}
        for color, name in presets:
            button = QToolButton()
            button.setCheckable(True)
            button.setIcon(_swatch_icon(color))
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # toolbars leave them out of Tab
            button.clicked.connect(partial(self._on_swatch_clicked, color))
            self._swatches.addButton(button)
            bar.addWidget(button)
            self.swatch_buttons[color] = button
        self.custom_color_button = QToolButton()
        self.custom_color_button.setText(self.tr("Other\u2026"))
        self.custom_color_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.custom_color_button.setCheckable(True)
        self.custom_color_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.custom_color_button.setToolTip(self.tr("Pick any colour"))
        self.custom_color_button.clicked.connect(self._on_custom_color_button_clicked)
        self._swatches.addButton(self.custom_color_button)
        bar.addWidget(self.custom_color_button)
        bar.addSeparator()

        size_label = QLabel(self.tr("Si&ze:"))
        bar.addWidget(_padded(size_label))
        self.size_box = QSpinBox()
        self.size_box.setRange(1, 20)
        self.size_box.setValue(3)
        self.size_box.setToolTip(
            self.tr("Line width; text, numbers and the highlighter grow with it")
        )
        size_label.setBuddy(self.size_box)
        bar.addWidget(self.size_box)

        self.zoom_bar = bar = QToolBar(self.tr("Zoom"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.setIconSize(QSize(18, 18))
        self.zoom_out_action = self._action(
            "zoom-out", self.tr("Zoom out"), self.tr("Zoom out"), ["Ctrl+-"]
        )
        self.zoom_out_action.triggered.connect(partial(self._zoom_by, 1 / ZOOM_STEP))
        self.zoom_in_action = self._action(
            "zoom-in", self.tr("Zoom in"), self.tr("Zoom in"), ["Ctrl++", "Ctrl+="]
        )
        self.zoom_in_action.triggered.connect(partial(self._zoom_by, ZOOM_STEP))
        self.actual_size_action = self._action(
            "zoom-actual",
            self.tr("100 %"),
            self.tr("Actual size: one screenshot pixel per screen pixel"),
            ["Ctrl+0"],
        )
        self.actual_size_action.triggered.connect(self._on_actual_size_triggered)
        self.fit_action = self._action(
            "zoom-fit", self.tr("Fit"), self.tr("Fit the window"), ["Ctrl+9"]
        )
        self.fit_action.triggered.connect(self._on_fit_triggered)
        self.zoom_label = QLabel()
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wide enough for "800 %" so the buttons do not shift while zooming.
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("8888 %"))
        self.zoom_label.setAccessibleName(self.tr("Zoom"))
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addSeparator()
        bar.addAction(self.actual_size_action)
        bar.addAction(self.fit_action)
        for action in (self.actual_size_action, self.fit_action):
            widget = bar.widgetForAction(action)
            if isinstance(widget, QToolButton):
                widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    # -- tools and style ----------------------------------------------------------------------

    def _set_tool(self, tool: Tool) -> None:
        self._finish_text(commit=True)
        self._cancel_drag()
        self._tool = tool
        self.canvas.set_overlay(self._pending)  # a shape half drawn with the old tool goes
        self.tool_actions[tool].setChecked(True)
        if tool is not Tool.SELECT:
            self._select(None)
        self.canvas.setCursor(
            Qt.CursorShape.ArrowCursor if tool is Tool.SELECT else Qt.CursorShape.CrossCursor
        )
        self._show_color()

    def _current_color(self) -> str:
        return self._highlight_color if self._tool is Tool.HIGHLIGHTER else self._pen_color

    def _show_color(self) -> None:
        color = self._current_color()
        if self._tool is Tool.SELECT and self._selected is not None:
            color = getattr(self._document.operations[self._selected], "color", color)
        button = self.swatch_buttons.get(color)
        if button is not None:
            button.setChecked(True)
            self.custom_color_button.setIcon(QIcon())
        else:
            self.custom_color_button.setChecked(True)
            self.custom_color_button.setIcon(_swatch_icon(color))

    def _set_color(self, color: str) -> None:
        if self._tool is Tool.HIGHLIGHTER:
            self._highlight_color = color
        else:
            self._pen_color = color
        if self._editor is not None:  # the text being typed takes the new colour too
            palette = self._editor.palette()
            palette.setColor(QPalette.ColorRole.Text, QColor(color))
            self._editor.setPalette(palette)
        if self._tool is Tool.SELECT and self._selected is not None:
            op = self._document.operations[self._selected]
            recolored = _recolored(op, color)
            if recolored != op:
                self._document.replace(self._selected, recolored)
                self._changed(preview=[recolored])
        self._show_color()

    def _on_swatch_clicked(self, color: str) -> None:
        self._set_color(color)

    def _on_custom_color_button_clicked(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._current_color()), self, self.tr("Annotation colour")
        )
        if chosen.isValid():
            self._set_color(chosen.name(QColor.NameFormat.HexRgb))
        else:
            self._show_color()

    def _on_redact_mode_activated(self, _index: int) -> None:
        self._set_tool(Tool.REDACT)

    def _redact_mode(self) -> RedactMode:
        return RedactMode(self.redact_mode.currentData())

    def _size(self) -> int:
        return int(self.size_box.value())

    # -- building operations ------------------------------------------------------------------

    def _slop(self, pixels: float) -> float:
        """``pixels`` screen pixels in image pixels."""
        return pixels / self.canvas.scale()

    def _preview(self, end: Point) -> Operation | None:
        """The operation the current drag would make if released at ``end``."""
        start = self._drag_start
        if start is None:
            return None
        size = self._size()
        tool = self._tool
        if tool is Tool.HIGHLIGHTER:
            points = list(self._drag_points)
            if points[-1] != end:
                points.append(end)
            if len(points) < 2:
                return None
            return HighlighterOp(tuple(points), self._highlight_color, 4.0 + 4 * size)
        if tool is Tool.ARROW:
            if start == end:
                return None
            return ArrowOp(start, end, self._pen_color, float(size))
        rect = ImageRect.from_corners(start, end)
        if tool is Tool.RECTANGLE:
            return RectangleOp(rect, self._pen_color, float(size))
        if tool is Tool.CROP:
            return CropOp(rect)
        if tool is Tool.REDACT:
            return RedactOp(rect, self._redact_mode(), REDACT_COLOR)
        return None

    def _far_enough(self, end: Point) -> bool:
        start = self._drag_start
        if start is None:
            return False
        return math.hypot(end.x - start.x, end.y - start.y) >= self._slop(CLICK_SLOP)

    def _on_canvas_mouse_pressed(self, point: Point) -> None:
        self._finish_text(commit=True)
        tool = self._tool
        if tool is Tool.TEXT:
            picked = self._pick(point)
            on_text = picked is not None and isinstance(self._document.operations[picked], TextOp)
            self._open_text_editor(point, picked if on_text else None)
            return
        if tool is Tool.MARKER:
            size = self._size()
            marker = self._document.add_marker(point, self._pen_color, 5.0 + 3 * size)
            self._changed(preview=[marker])
            return
        if tool is Tool.SELECT:
            self._select(self._pick(point))
            if self._selected is None:
                return
        self._drag_start = point
        self._drag_points = [point]
        self._dragging = True

    def _on_canvas_mouse_moved(self, point: Point) -> None:
        if not self._dragging or self._drag_start is None:
            return
        if self._tool is Tool.SELECT:
            self._preview_move(point)
            return
        if self._tool is Tool.HIGHLIGHTER and self._drag_points[-1] != point:
            self._drag_points.append(point)
        op = self._preview(point) if self._far_enough(point) else None
        self.canvas.set_overlay([*self._pending, *([op] if op else [])])

    def _on_canvas_mouse_released(self, point: Point) -> None:
        if not self._dragging or self._drag_start is None:
            return
        if self._tool is Tool.SELECT:
            self._commit_move(point)
            return
        if self._tool is Tool.HIGHLIGHTER and self._drag_points[-1] != point:
            self._drag_points.append(point)
        op = self._preview(point) if self._far_enough(point) else None
        self._cancel_drag()
        if op is None:  # a click: nothing to draw
            self.canvas.set_overlay(self._pending)
            return
        self._document.add(op)
        self._changed(preview=[op])

    def _on_canvas_double_clicked(self, point: Point) -> None:
        if self._tool is not Tool.SELECT:
            return
        index = self._pick(point)
        if index is not None and isinstance(self._document.operations[index], TextOp):
            self._cancel_drag()
            self._select(index)
            self._open_text_editor(point, index)

    def _on_canvas_drag_cancelled(self) -> None:
        self._cancel_drag()
        self.canvas.set_overlay(self._pending)
        self._show_selection()

    def _cancel_drag(self) -> None:
        self._dragging = False
        self._drag_start = None
        self._drag_points = []

    # select, move, delete

    def _pick(self, point: Point) -> int | None:
        slop = self._slop(PICK_SLOP)
        for index in range(len(self._document.operations) - 1, -1, -1):
            if hits(self._document.operations[index], point, slop):
                return index
        return None

    def _select(self, index: int | None) -> None:
        self._selected = index
        self._show_selection()
        self._refresh_actions()
        if index is not None:
            self._show_color()

    def _show_selection(self) -> None:
        if self._selected is None or self._selected >= len(self._document.operations):
            self.canvas.set_selection(QRectF())
        else:
            self.canvas.set_selection(bounds(self._document.operations[self._selected]))

    def _delta(self, point: Point) -> tuple[int, int]:
        start = self._drag_start
        assert start is not None
        return round(point.x - start.x), round(point.y - start.y)

    def _preview_move(self, point: Point) -> None:
        if self._selected is None:
            return
        dx, dy = self._delta(point)
        op = moved(self._document.operations[self._selected], dx, dy)
        self.canvas.set_overlay([*self._pending, op])
        self.canvas.set_selection(bounds(op))

    def _commit_move(self, point: Point) -> None:
        dx, dy = self._delta(point)
        self._cancel_drag()
        self._move_selected(dx, dy)

    def _move_selected(self, dx: int, dy: int) -> None:
        index = self._selected
        if index is None:
            return
        if dx == 0 and dy == 0:
            self.canvas.set_overlay(self._pending)
            self._show_selection()
            return
        op = moved(self._document.operations[index], dx, dy)
        self._document.replace(index, op)
        self._changed(preview=[op])
        self._show_selection()

    def _on_canvas_nudged(self, dx: int, dy: int) -> None:
        if self._tool is Tool.SELECT and not self._dragging:
            self._move_selected(dx, dy)

    def _on_delete_triggered(self) -> None:
        if self._selected is None:
            return
        self._document.remove(self._selected)
        self._selected = None
        self._changed()

    # text

    def _open_text_editor(self, point: Point, index: int | None = None) -> None:
        """Type a new text at ``point``, or edit the text operation at ``index``."""
        editor = TextEditor(self.canvas)
        existing = self._document.operations[index] if index is not None else None
        if isinstance(existing, TextOp):
            op = existing
            point = op.position
            editor.setText(op.text)
        else:
            op = TextOp(point, "x", self._pen_color, 8 + 4 * self._size())
        font = op.font()
        font.setPixelSize(max(6, round(font.pixelSize() * self.canvas.scale())))
        editor.setFont(font)
        palette = editor.palette()
        palette.setColor(QPalette.ColorRole.Text, QColor(op.color))
        # See-through, so the user still sees what a new text goes next to; nearly opaque over
        # a text being edited, whose old version is still in the image below.
        veil = 150 if existing is None else 235
        palette.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255, veil))
        editor.setPalette(palette)
        editor.setPlaceholderText(self.tr("Type, then Enter"))
        editor.setAccessibleName(self.tr("Annotation text"))
        editor.setTextMargins(0, 0, 0, 0)
        pos = self.canvas.to_widget(point).toPoint()
        metrics = editor.fontMetrics()
        width = max(
            metrics.horizontalAdvance(editor.placeholderText()) + 12,
            metrics.horizontalAdvance("M") * 12,
            metrics.horizontalAdvance(editor.text()) + metrics.horizontalAdvance("M") * 4,
        )
        # QLineEdit keeps 2 px before the text and centres it vertically: put the first glyph
        # where the TextOp will draw it.
        editor.setGeometry(pos.x() - 2, pos.y() - 1, width, metrics.height() + 2)
        editor.committed.connect(partial(self._on_editor_committed, point, index))
        editor.cancelled.connect(self._on_editor_cancelled)
        self._editor = editor
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _finish_text(self, *, commit: bool) -> None:
        if self._editor is not None:
            self._editor.finish(commit=commit)

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.hide()
            editor.deleteLater()
            self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_editor_committed(self, point: Point, index: int | None, text: str) -> None:
        self._close_editor()
        if self._closed:
            return
        if index is not None:
            self._commit_text_edit(index, text)
            return
        if not text.strip():
            return
        op = TextOp(point, text, self._pen_color, 8 + 4 * self._size())
        self._document.add(op)
        self._changed(preview=[op])

    def _commit_text_edit(self, index: int, text: str) -> None:
        # The operation as it is now (a swatch may have recoloured it while typing).
        op = self._document.operations[index]
        if not isinstance(op, TextOp) or op.text == text:
            return
        if not text.strip():
            self._document.remove(index)
            self._selected = None
            self._changed()
            return
        edited = dataclasses.replace(op, text=text)
        self._document.replace(index, edited)
        self._changed(preview=[edited])

    def _on_editor_cancelled(self) -> None:
        self._close_editor()

    # -- undo, redo, changes, rendering -------------------------------------------------------

    def _on_undo_triggered(self) -> None:
        self._finish_text(commit=False)
        if self._document.undo():
            self._selected = None
            self._changed()

    def _on_redo_triggered(self) -> None:
        self._finish_text(commit=False)
        if self._document.redo():
            self._selected = None
            self._changed()

    def _changed(self, preview: Sequence[Operation] = ()) -> None:
        """The operations changed: draw ``preview`` over the old image and render anew.

        Without a preview (undo, redo, delete) older previews go too: they may show an
        operation that no longer exists.
        """
        self._pending = [*self._pending, *preview] if preview and self._rendering else list(preview)
        self.canvas.set_overlay(self._pending)
        self._show_selection()
        self._refresh_actions()
        self._request_render()

    def _refresh_actions(self) -> None:
        self.undo_action.setEnabled(self._document.can_undo())
        self.redo_action.setEnabled(self._document.can_redo())
        self.delete_action.setEnabled(self._selected is not None)

    def _request_render(self) -> None:
        self._generation += 1
        self._update_status()
        if not self._rendering:
            self._start_render()

    def _start_render(self) -> None:
        # One render at a time; edits made meanwhile are rendered together when it returns.
        self._rendering = True
        generation = self._generation
        job = partial(_render_snapshot, self._document.original, self._document.operations)
        self._runner.run(
            job,
            on_success=partial(self._on_render_done, generation),
            on_error=self._on_render_failed,
        )

    def _on_render_done(self, generation: int, result: tuple[QImage, QRect]) -> None:
        self._rendering = False
        # Closed, or deleted with its parent while the render ran: nothing to show it in.
        if self._closed or not shiboken6.isValid(self):
            return
        if generation != self._generation:
            self._start_render()  # outdated while rendering: the newest state is wanted
            return
        image, area = result
        self._result = image
        self._shown_generation = generation
        self._pending = []
        self.canvas.set_overlay(())
        self.canvas.set_image(image, area.topLeft())
        if self._fit:
            self._apply_fit()
        self._show_selection()
        self._update_status()
        self.image_rendered.emit()
        if self._attach_when_rendered:
            self._attach_when_rendered = False
            self._finish_accept()

    def _on_render_failed(self, error: BaseException) -> None:
        # A bug (render takes only validated operations): let the crash hook report it.
        self._rendering = False
        self._attach_when_rendered = False
        self._set_buttons_enabled(True)
        raise error

    # -- zoom -------------------------------------------------------------------------------

    def _fit_zoom(self) -> float:
        image = self.canvas.image()
        if image.isNull():
            return 1.0
        room = self.scroll_area.maximumViewportSize()
        dpr = self.canvas.devicePixelRatioF()
        fit = min(room.width() * dpr / image.width(), room.height() * dpr / image.height())
        return max(MIN_ZOOM, min(1.0, fit))  # never enlarge a small screenshot to fit

    def _apply_fit(self) -> None:
        self.canvas.set_zoom(self._fit_zoom())
        self._update_status()

    def _on_scroll_resized(self) -> None:
        if self._fit:
            self._apply_fit()

    def _on_fit_triggered(self) -> None:
        self._fit = True
        self._apply_fit()

    def _on_actual_size_triggered(self) -> None:
        self._set_zoom(1.0, None)

    def _zoom_by(self, factor: float) -> None:
        self._set_zoom(self.canvas.zoom() * factor, None)

    def _on_canvas_zoom_requested(self, factor: float, anchor: QPointF) -> None:
        self._set_zoom(self.canvas.zoom() * factor, anchor)

    def _set_zoom(self, zoom: float, anchor: QPointF | None) -> None:
        """Zoom keeping the image point under ``anchor`` (widget position; None: the centre of
        the view) where it is on screen."""
        self._finish_text(commit=True)
        self._fit = False
        viewport = self.scroll_area.viewport()
        if anchor is None:
            center = QPointF(viewport.width() / 2, viewport.height() / 2)
            anchor = QPointF(self.canvas.mapFrom(viewport, center.toPoint()))
        fixed = self.canvas.to_image(anchor)
        on_screen = QPointF(self.canvas.mapTo(viewport, anchor.toPoint()))
        self.canvas.set_zoom(zoom)
        after = self.canvas.to_widget(fixed)
        # The scroll area has placed the resized canvas (centred while it is the smaller one):
        # scroll by however far the fixed point now is from where it was on screen.
        now = QPointF(self.canvas.pos()) + after
        hbar, vbar = self.scroll_area.horizontalScrollBar(), self.scroll_area.verticalScrollBar()
        hbar.setValue(hbar.value() + round(now.x() - on_screen.x()))
        vbar.setValue(vbar.value() + round(now.y() - on_screen.y()))
        self._update_status()

    def _update_status(self) -> None:
        image = self.canvas.image()
        self.zoom_label.setText(
            self.tr("%1 %", "zoom").replace("%1", str(round(self.canvas.zoom() * 100)))
        )
        if image.isNull():
            self.status.setText(self.tr("Rendering\u2026"))
            return
        text = (
            self.tr("%1 \u00d7 %2 pixels")
            .replace("%1", str(image.width()))
            .replace("%2", str(image.height()))
        )
        self.status.setText(text)

    # -- attach and cancel ------------------------------------------------------------------

    def _set_buttons_enabled(self, enabled: bool) -> None:
        self.attach_button.setEnabled(enabled)
        self.cancel_button.setEnabled(enabled)

    def _on_attach_clicked(self) -> None:
        self._finish_text(commit=True)
        if self.render_pending():
            # The result is the render of the final edit: wait for it (tens of milliseconds).
            self._attach_when_rendered = True
            self._set_buttons_enabled(False)
            return
        self._finish_accept()

    def _finish_accept(self) -> None:
        self._set_buttons_enabled(True)
        self.accept()

    def has_changes(self) -> bool:
        """Whether the operations differ from those the dialog opened with."""
        return self._document.operations != self._initial

    def reject(self) -> None:
        """Cancel; with changes, only after the user agrees to discard them."""
        self._finish_text(commit=False)
        if self._attach_when_rendered:
            return
        if not self.has_changes() or self._discard_confirmed:
            super().reject()
            return
        if self._discard_box is not None:
            return
        self._discard_box, self.discard_button = ask_to_discard(
            self,
            self.tr("Discard annotations?"),
            self.tr("Close without attaching? Your annotations on this screenshot will be lost."),
            self._on_discard_answered,
        )

    def _on_discard_answered(self, discard: bool) -> None:
        self._discard_box = None
        if discard:
            self._discard_confirmed = True
            self.reject()

    def discard_question(self) -> QMessageBox | None:
        """The open "discard annotations?" question, if any."""
        return self._discard_box

    def done(self, result: int) -> None:
        """Close; a render still running is dropped when it returns."""
        self._closed = True
        self._finish_text(commit=False)  # Attach has committed it already; Cancel drops it
        super().done(result)


def _recolored(op: Operation, color: str) -> Operation:
    """``op`` in ``color``; a redaction keeps its opaque fill, a crop has no colour."""
    if isinstance(op, RectangleOp | ArrowOp | TextOp | MarkerOp | HighlighterOp):
        return dataclasses.replace(op, color=color)
    return op


def _unique(sequences: Sequence[QKeySequence]) -> list[QKeySequence]:
    seen: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in seen:
            seen.append(sequence)
    return seen


def _padded(label: QLabel) -> QLabel:
    label.setContentsMargins(8, 0, 4, 0)
    return label


def _swatch_icon(color: str) -> QIcon:
    pixmap = QPixmap(20, 20)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor("#5f6368"), 1))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(2.5, 2.5, 15, 15), 3, 3)
    painter.end()
    return QIcon(pixmap)
