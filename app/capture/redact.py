"""Destructive redaction of an image area: solid fill, or a mosaic that carries no signal.

Both modes overwrite the pixels of the area in the image they are given; nothing of the
original survives in the result. Blur is deliberately absent: a blur is reversible enough
(deconvolution, or just guessing short text) that it must never be offered to hide data.

``solid``: every pixel of the area becomes the given opaque colour, drawn without
antialiasing, so the exported pixels are identical whatever the original was.

``pixelate``: the area is split into square blocks and each block's mean luminance is
quantised to ``LEVELS`` grey levels; then a one-time pad is added modulo ``LEVELS``: a
fresh ``os.urandom`` byte per block per render. Since the pad is uniform over the levels
(256 is a multiple of ``LEVELS``), each block's level is uniformly distributed and
independent of the original: it looks like a pixelated area, but two different originals
give the same distribution of outputs, and two renders of the same original differ.
"""

from __future__ import annotations

import enum
import math
import os

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

LEVELS = 8
"""Grey levels of the mosaic; a divisor of 256 so that ``urandom byte % LEVELS`` is uniform."""
DARKEST = 72
"""The darkest grey of the mosaic (0-255); levels are spread from here to ``LIGHTEST``."""
LIGHTEST = 200


class RedactMode(enum.StrEnum):
    """How a redaction hides an area. There is no blur here, on purpose (module docstring)."""

    SOLID = "solid"
    PIXELATE = "pixelate"


def fill_solid(image: QImage, area: QRect, color: QColor) -> None:
    """Overwrite ``area`` of ``image`` with the opaque ``color`` (in place)."""
    area = area.intersected(image.rect())
    if area.isEmpty():
        return
    opaque = QColor(color)
    opaque.setAlpha(255)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.fillRect(area, opaque)
    painter.end()


def _block_levels(image: QImage, area: QRect, cols: int, rows: int) -> list[int]:
    """Each block's mean luminance quantised to ``LEVELS`` levels, row by row."""
    grey = image.copy(area).convertToFormat(QImage.Format.Format_Grayscale8)
    # Smooth downscaling averages the pixels of each block (area averaging).
    means = grey.scaled(
        cols,
        rows,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    data = bytes(means.constBits())
    stride = means.bytesPerLine()
    return [data[row * stride + col] * LEVELS // 256 for row in range(rows) for col in range(cols)]


def pixelate_with_noise(image: QImage, area: QRect, block: int = 12) -> None:
    """Overwrite ``area`` of ``image`` with a mosaic whose levels are one-time padded (in place).

    The output is uniformly random whatever the original; see the module docstring.
    """
    area = area.intersected(image.rect())
    if area.isEmpty():
        return
    block = max(2, block)
    cols = math.ceil(area.width() / block)
    rows = math.ceil(area.height() / block)
    levels = _block_levels(image, area, cols, rows)
    pad = os.urandom(len(levels))
    step = (LIGHTEST - DARKEST) / (LEVELS - 1)
    stride = (cols + 3) // 4 * 4  # QImage rows are 32-bit aligned
    mosaic_bytes = bytearray(stride * rows)
    for index, level in enumerate(levels):
        noisy = (level + pad[index]) % LEVELS
        row, col = divmod(index, cols)
        mosaic_bytes[row * stride + col] = round(DARKEST + noisy * step)
    mosaic = QImage(bytes(mosaic_bytes), cols, rows, stride, QImage.Format.Format_Grayscale8)
    # Nearest-neighbour upscaling keeps the blocks sharp; copy() detaches from the buffer.
    big = mosaic.scaled(
        cols * block,
        rows * block,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,
    ).copy()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.setClipRect(area)
    painter.drawImage(area.topLeft(), big)
    painter.end()


def redact(image: QImage, area: QRect, mode: RedactMode, color: QColor, block: int = 12) -> None:
    """Apply one redaction to ``image`` in place."""
    if mode is RedactMode.SOLID:
        fill_solid(image, area, color)
    elif mode is RedactMode.PIXELATE:
        pixelate_with_noise(image, area, block)
    else:  # pragma: no cover - the enum is closed
        raise ValueError(f"unknown redaction mode {mode!r}")
