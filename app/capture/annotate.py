"""The annotation model: an original image, an ordered list of operations, undo/redo, render.

Each operation is a small frozen dataclass (Flameshot's "one class per tool") with geometry in
pixels of the original image and its own style. A :class:`Document` keeps the original
untouched (losslessly) and the operations, so an attachment can be reopened with every
operation still editable; :func:`render` turns a document into the image that is exported.

Render order, which is what makes redaction safe:

1. every :class:`Redact` is applied first, to a copy of the original, wherever it sits in the
   list: no later operation can copy, move or reveal pixels that a redaction hides, and
   annotations (an arrow pointing at a hidden name) stay visible on top of it;
2. the drawing operations (rectangle, arrow, text, marker, highlighter) in list order;
3. :class:`Crop` last, as a view: the most recent crop in the list picks the visible part.
   Geometry always stays in original-image pixels, so cropping never moves other operations,
   and a redaction partly outside the crop still covers the part that remains.

Operations are JSON-serialisable (``to_json``/``from_json``) for the draft.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from app.capture.redact import RedactMode, redact

FORMAT = "ticketwise-annotations"
VERSION = 1
_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def _check_color(color: str) -> None:
    if not isinstance(color, str) or not _COLOR.match(color):
        raise ValueError(f"colour must be '#rrggbb' or '#aarrggbb', not {color!r}")


LIMIT = 1_000_000
"""Coordinates stay within +-LIMIT pixels (Qt geometry is 32-bit; a draft is still input)."""
MAX_STYLE = 1000
"""Pen widths, text sizes, marker radii and redaction blocks stay at most this many pixels."""


def _check_positive(name: str, value: float) -> None:
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not 0 < value <= MAX_STYLE  # NaN fails this too
    ):
        raise ValueError(f"{name} must be a number in (0, {MAX_STYLE}], not {value!r}")


def _check_coordinate(name: str, value: float) -> None:
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or not -LIMIT <= value <= LIMIT
    ):
        raise ValueError(f"{name} must be a number within +-{LIMIT}, not {value!r}")


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    return value


def _json_dict(items: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: _json_value(value) for key, value in items}


@dataclass(frozen=True)
class Point:
    """A point in original-image pixels."""

    x: float
    y: float

    def __post_init__(self) -> None:
        _check_coordinate("x", self.x)
        _check_coordinate("y", self.y)

    def q(self) -> QPointF:
        """The Qt point."""
        return QPointF(self.x, self.y)


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in original-image pixels (integers: pixels are whole)."""

    x: int
    y: int
    width: int
    height: int

    def __post_init__(self) -> None:
        for name in ("x", "y", "width", "height"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"rectangle {name} must be an integer, not {value!r}")
            _check_coordinate(f"rectangle {name}", value)
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"rectangle must have a positive size, not {self.width}x{self.height}")

    @classmethod
    def from_corners(cls, a: Point, b: Point) -> Rect:
        """The rectangle between two dragged corners (in any order), snapped outward to pixels."""
        left, right = sorted((a.x, b.x))
        top, bottom = sorted((a.y, b.y))
        x, y = math.floor(left), math.floor(top)
        return cls(x, y, max(1, math.ceil(right) - x), max(1, math.ceil(bottom) - y))

    def q(self) -> QRect:
        """The Qt rectangle."""
        return QRect(self.x, self.y, self.width, self.height)


@dataclass(frozen=True)
class Operation:
    """Base of every annotation operation; ``kind`` names it in JSON."""

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the operation's ``kind`` (lists, not tuples, as JSON gives)."""
        return {"kind": self.kind, **asdict(self, dict_factory=_json_dict)}

    def paint(self, painter: QPainter) -> None:
        """Draw this operation (drawing operations only)."""
        raise NotImplementedError


@dataclass(frozen=True)
class RectangleOp(Operation):
    """An outlined rectangle."""

    kind: ClassVar[str] = "rectangle"
    rect: Rect
    color: str = "#e53935"
    width: float = 3.0

    def __post_init__(self) -> None:
        _check_color(self.color)
        _check_positive("width", self.width)

    def paint(self, painter: QPainter) -> None:
        """Outline the rectangle with the pen inside its bounds."""
        pen = QPen(QColor(self.color), self.width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = self.width / 2
        r = self.rect
        painter.drawRect(
            QRectF(r.x + half, r.y + half, r.width - self.width, r.height - self.width)
        )


@dataclass(frozen=True)
class ArrowOp(Operation):
    """A straight arrow from ``start`` to the head at ``end``."""

    kind: ClassVar[str] = "arrow"
    start: Point
    end: Point
    color: str = "#e53935"
    width: float = 3.0

    def __post_init__(self) -> None:
        _check_color(self.color)
        _check_positive("width", self.width)

    def head_length(self) -> float:
        """Length of the arrow head along the shaft."""
        return max(10.0, self.width * 4)

    def paint(self, painter: QPainter) -> None:
        """The shaft stops at the head's base, so the tip stays sharp."""
        line = QLineF(self.start.q(), self.end.q())
        length = line.length()
        if length == 0:
            return
        head = min(self.head_length(), length)
        unit = QPointF(line.dx() / length, line.dy() / length)
        normal = QPointF(-unit.y(), unit.x())
        base = self.end.q() - unit * head
        pen = QPen(QColor(self.color), self.width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(self.start.q(), base))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(self.color)))
        half = head * 0.5
        painter.drawPolygon(QPolygonF([self.end.q(), base + normal * half, base - normal * half]))


@dataclass(frozen=True)
class TextOp(Operation):
    """Text whose box starts at ``position`` (top-left), ``size`` pixels high."""

    kind: ClassVar[str] = "text"
    position: Point
    text: str
    color: str = "#e53935"
    size: int = 20

    def __post_init__(self) -> None:
        _check_color(self.color)
        _check_positive("size", self.size)
        if not isinstance(self.text, str) or len(self.text) > 10_000:
            raise ValueError("text must be a string of at most 10000 characters")

    def font(self) -> QFont:
        """The font the text is drawn in."""
        font = QFont()
        font.setPixelSize(max(1, round(self.size)))  # Qt warns on 0 (a size of 0.4)
        font.setBold(True)
        return font

    def paint(self, painter: QPainter) -> None:
        """Draw the text, one line per line of ``text``."""
        painter.setFont(self.font())
        painter.setPen(QColor(self.color))
        box = QRectF(self.position.x, self.position.y, 1_000_000, 1_000_000)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), self.text
        )


@dataclass(frozen=True)
class MarkerOp(Operation):
    """A numbered disc (1, 2, 3 ... for steps) centred on ``center``."""

    kind: ClassVar[str] = "marker"
    center: Point
    number: int
    color: str = "#e53935"
    radius: float = 14.0

    def __post_init__(self) -> None:
        _check_color(self.color)
        _check_positive("radius", self.radius)
        if not isinstance(self.number, int) or isinstance(self.number, bool) or self.number < 1:
            raise ValueError(f"marker number must be a positive integer, not {self.number!r}")

    def paint(self, painter: QPainter) -> None:
        """A filled disc with the number in white."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(self.color)))
        painter.drawEllipse(self.center.q(), self.radius, self.radius)
        font = QFont()
        font.setPixelSize(max(6, int(self.radius * 1.1)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        box = QRectF(
            self.center.x - self.radius,
            self.center.y - self.radius,
            self.radius * 2,
            self.radius * 2,
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(self.number))


@dataclass(frozen=True)
class HighlighterOp(Operation):
    """A broad translucent stroke through ``points``, multiplied so text under it stays legible."""

    kind: ClassVar[str] = "highlighter"
    points: tuple[Point, ...]
    color: str = "#ffe600"
    width: float = 16.0

    def __post_init__(self) -> None:
        _check_color(self.color)
        _check_positive("width", self.width)
        if not 2 <= len(self.points) <= 100_000:
            raise ValueError("a highlighter stroke needs 2 to 100000 points")

    def paint(self, painter: QPainter) -> None:
        """Multiply mode: white becomes the colour, black stays black."""
        path = QPainterPath(self.points[0].q())
        for point in self.points[1:]:
            path.lineTo(point.q())
        pen = QPen(QColor(self.color), self.width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.save()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.restore()


@dataclass(frozen=True)
class CropOp(Operation):
    """Keep only ``rect`` in the export (a view: the original stays whole)."""

    kind: ClassVar[str] = "crop"
    rect: Rect


@dataclass(frozen=True)
class RedactOp(Operation):
    """Destroy the pixels of ``rect`` in the export; see :mod:`app.capture.redact`."""

    kind: ClassVar[str] = "redact"
    rect: Rect
    mode: RedactMode = RedactMode.SOLID
    color: str = "#000000"
    block: int = 12

    def __post_init__(self) -> None:
        _check_color(self.color)
        if not isinstance(self.mode, RedactMode):
            # JSON gives a string; anything but the two modes (e.g. "blur") is refused.
            object.__setattr__(self, "mode", RedactMode(self.mode))
        if QColor(self.color).alpha() != 255:
            raise ValueError("a redaction colour must be opaque")
        if (
            not isinstance(self.block, int)
            or isinstance(self.block, bool)
            or not 2 <= self.block <= MAX_STYLE
        ):
            raise ValueError(f"block must be an integer in [2, {MAX_STYLE}], not {self.block!r}")

    def to_dict(self) -> dict[str, Any]:
        """The mode as its string value."""
        return {**super().to_dict(), "mode": self.mode.value}


OPERATIONS: dict[str, type[Operation]] = {
    cls.kind: cls
    for cls in (RectangleOp, ArrowOp, TextOp, MarkerOp, HighlighterOp, CropOp, RedactOp)
}


def _point(value: Any) -> Point:
    if not isinstance(value, dict) or set(value) != {"x", "y"}:
        raise ValueError(f"a point is {{'x': .., 'y': ..}}, not {value!r}")
    return Point(value["x"], value["y"])


def _rect(value: Any) -> Rect:
    if not isinstance(value, dict) or set(value) != {"x", "y", "width", "height"}:
        raise ValueError(f"a rectangle is {{x, y, width, height}}, not {value!r}")
    return Rect(value["x"], value["y"], value["width"], value["height"])


def operation_from_dict(data: Any) -> Operation:
    """The operation ``data`` describes; ValueError for anything malformed or unknown."""
    if not isinstance(data, dict):
        raise ValueError(f"an operation is a JSON object, not {data!r}")
    kind = data.get("kind")
    cls = OPERATIONS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise ValueError(f"unknown operation kind {kind!r}")
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k != "kind"}
    if not set(values) <= names:
        raise ValueError(f"unknown fields for {kind}: {sorted(set(values) - names)}")
    for name in ("start", "end", "center", "position"):
        if name in values:
            values[name] = _point(values[name])
    if "rect" in values:
        values["rect"] = _rect(values["rect"])
    if "points" in values:
        if not isinstance(values["points"], list):
            raise ValueError("points must be a list")
        values["points"] = tuple(_point(p) for p in values["points"])
    try:
        return cls(**values)
    except TypeError as error:  # a missing required field
        raise ValueError(f"incomplete {kind} operation: {error}") from error


@dataclass
class Document:
    """An original image and its operations, with undo and redo of every change.

    The original is never modified. Undo and redo restore whole operation lists (they are
    tuples of frozen objects, so a snapshot costs one reference per operation).
    """

    original: QImage
    operations: tuple[Operation, ...] = ()
    _undo: list[tuple[Operation, ...]] = field(default_factory=list, repr=False)
    _redo: list[tuple[Operation, ...]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if self.original.isNull():
            raise ValueError("cannot annotate an empty image")
        self.original = self.original.copy()  # detached: the caller's image may change
        self.operations = tuple(self.operations)

    def _change(self, operations: Iterable[Operation]) -> None:
        self._undo.append(self.operations)
        self._redo.clear()
        self.operations = tuple(operations)

    def add(self, operation: Operation) -> None:
        """Append ``operation``."""
        self._change((*self.operations, operation))

    def replace(self, index: int, operation: Operation) -> None:
        """Put ``operation`` in place of the one at ``index`` (editing a reopened one)."""
        operations = list(self.operations)
        operations[index] = operation
        self._change(operations)

    def remove(self, index: int) -> None:
        """Delete the operation at ``index``."""
        operations = list(self.operations)
        del operations[index]
        self._change(operations)

    def clear(self) -> None:
        """Remove every operation (undoable)."""
        self._change(())

    def can_undo(self) -> bool:
        """Whether :meth:`undo` would change anything."""
        return bool(self._undo)

    def can_redo(self) -> bool:
        """Whether :meth:`redo` would change anything."""
        return bool(self._redo)

    def undo(self) -> bool:
        """Go back one change; False when there is none."""
        if not self._undo:
            return False
        self._redo.append(self.operations)
        self.operations = self._undo.pop()
        return True

    def redo(self) -> bool:
        """Redo the last undone change; False when there is none."""
        if not self._redo:
            return False
        self._undo.append(self.operations)
        self.operations = self._redo.pop()
        return True

    def next_marker_number(self) -> int:
        """The number the next step marker gets: one more than the highest so far."""
        numbers = [op.number for op in self.operations if isinstance(op, MarkerOp)]
        return max(numbers, default=0) + 1

    def add_marker(self, center: Point, color: str = "#e53935", radius: float = 14.0) -> MarkerOp:
        """Add the next numbered marker at ``center`` and return it."""
        marker = MarkerOp(center, self.next_marker_number(), color, radius)
        self.add(marker)
        return marker

    def crop_rect(self) -> QRect:
        """The part of the original that is exported (the last crop, within the image)."""
        area = self.original.rect()
        for op in self.operations:
            if isinstance(op, CropOp):
                area = op.rect.q().intersected(self.original.rect())
        return area if not area.isEmpty() else self.original.rect()

    def to_json(self) -> str:
        """The operations as JSON (the image itself is stored as its own blob)."""
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "image": {"width": self.original.width(), "height": self.original.height()},
                "operations": [op.to_dict() for op in self.operations],
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, original: QImage, text: str) -> Document:
        """Reopen ``original`` with the operations saved by :meth:`to_json`, all editable."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"annotations are not JSON: {error}") from error
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Ticketwise annotation document")
        if data.get("version") != VERSION:
            raise ValueError(f"unsupported annotation version {data.get('version')!r}")
        size = data.get("image")
        expected = {"width": original.width(), "height": original.height()}
        if size != expected:
            raise ValueError(f"annotations are for an image of {size}, not {expected}")
        operations = data.get("operations")
        if not isinstance(operations, list):
            raise ValueError("operations must be a list")
        return cls(original, tuple(operation_from_dict(op) for op in operations))


def render(document: Document) -> QImage:
    """The exported image: redactions first, drawings in order, then the crop (module docstring).

    The result has an alpha channel only when the original has one.
    """
    image = document.original.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    for op in document.operations:
        if isinstance(op, RedactOp):
            redact(image, op.rect.q(), op.mode, QColor(op.color), op.block)
    drawings = [op for op in document.operations if not isinstance(op, RedactOp | CropOp)]
    if drawings:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for op in drawings:
            op.paint(painter)
        painter.end()
    image = image.copy(document.crop_rect())
    target = (
        QImage.Format.Format_ARGB32
        if document.original.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    return image.convertToFormat(target)
