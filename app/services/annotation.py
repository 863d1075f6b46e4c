"""The annotation model and PNG export, for the UI (which reaches capture only through services).

A separate module from :mod:`app.services.capture` because this one imports QtGui, and the
CLI's capture path must not.
"""

from __future__ import annotations

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
from app.capture.png import Export, encode_png, export_png_within
from app.capture.redact import RedactMode

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
    "RectangleOp",
    "RedactMode",
    "RedactOp",
    "TextOp",
    "encode_png",
    "export_png_within",
    "render",
]
