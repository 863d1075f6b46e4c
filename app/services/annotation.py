"""The annotation model and PNG export, for the UI (which reaches capture only through services).

A separate module from :mod:`app.services.capture` because this one imports QtGui, and the
CLI's capture path must not.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from app.capture.annotate import (
    ArrowOp,
    CropOp,
    Document,
    HighlighterOp,
    MarkerOp,
    Operation,
    Point,
    RectangleOp,
    RedactOp,
    TextOp,
    render,
)
from app.capture.annotate import Rect as ImageRect
from app.capture.grab import Rect, Screenshot
from app.capture.png import Export, encode_png, export_png_within
from app.capture.redact import RedactMode


def screenshot_image(shot: Screenshot) -> QImage:
    """The captured pixels as a QImage (RGB32, detached from the capture's buffer). X11 and
    mss deliver B, G, R, X bytes: RGB32's own layout, so that is one copy, no conversion."""
    if shot.layout == "bgrx":
        view = QImage(
            shot.pixels, shot.width, shot.height, shot.width * 4, QImage.Format.Format_RGB32
        )
        return view.copy()
    image = QImage(shot.rgb, shot.width, shot.height, shot.width * 3, QImage.Format.Format_RGB888)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def crop(image: QImage, origin: tuple[int, int], rect: Rect) -> QImage:
    """The part ``rect`` (virtual-desktop pixels) of ``image`` whose top-left is at ``origin``."""
    return image.copy(QRect(rect.x - origin[0], rect.y - origin[1], rect.width, rect.height))


def load_image(data: bytes) -> QImage:
    """Decode image bytes (PNG, JPEG, ...); ValueError when they are not an image Qt reads."""
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("not an image this program can read")
    return image


def export_annotated(
    document: Document, rendered: QImage, max_bytes: int | None
) -> tuple[bytes, bytes, str]:
    """(PNG to send, lossless PNG of the original, annotations JSON) for an attachment.

    ``rendered`` is the image the user saw (pixelation noise differs per render, so it is
    never rendered again here); the PNG to send is made to fit ``max_bytes``.
    """
    sent = export_png_within(rendered, max_bytes).data
    return sent, encode_png(document.original), document.to_json()


__all__ = [
    "ArrowOp",
    "CropOp",
    "Document",
    "Export",
    "HighlighterOp",
    "ImageRect",
    "MarkerOp",
    "Operation",
    "Point",
    "Rect",
    "RectangleOp",
    "RedactMode",
    "RedactOp",
    "Screenshot",
    "TextOp",
    "crop",
    "encode_png",
    "export_annotated",
    "export_png_within",
    "load_image",
    "render",
    "screenshot_image",
]
