"""PNG export with no metadata, and a size-conscious variant that downscales to fit a limit.

The encoder is ours (:func:`app.capture.grab.png_file`, zlib split across the cores) rather
than Qt's or Pillow's so that the file holds exactly IHDR, IDAT and IEND: no text chunks (Qt
writes ``QImage.text()`` as tEXt), no EXIF, no physical size, nothing that names the user or
the machine. Rows use PNG filter 0 and zlib level 1 by default, the fast path the capture
figures call for (mss does the same); ``level`` trades time for size, and the size-limited
export turns it up to 9 before it gives up any resolution.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app.capture.grab import deflate, png_file

SIGNATURE = b"\x89PNG\r\n\x1a\n"
DEFAULT_LEVEL = 1
STEP = 0.8
"""Each downscaling step keeps at most this fraction of the width and height."""


def _opaque(image: QImage) -> bool:
    """Whether every pixel of ``image`` has full alpha."""
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    data, stride, width = bytes(alpha.constBits()), alpha.bytesPerLine(), alpha.width()
    if stride != width:  # rows are padded to 32 bits in memory: skip the padding
        data = b"".join(data[y * stride : y * stride + width] for y in range(alpha.height()))
    return data.count(255) == len(data)


def encode_png(image: QImage, level: int = DEFAULT_LEVEL) -> bytes:
    """PNG bytes of ``image``, without metadata: RGBA when some pixel is not opaque, else RGB."""
    if image.isNull():
        raise ValueError("cannot encode an empty image")
    if not 0 <= level <= 9:
        raise ValueError(f"zlib level must be 0-9, not {level}")
    # Captures often come as ARGB32 with every pixel opaque: those are written as RGB.
    if image.hasAlphaChannel() and not _opaque(image):
        pixels = image.convertToFormat(QImage.Format.Format_RGBA8888)
        channels, color_type = 4, 6
    else:
        pixels = image.convertToFormat(QImage.Format.Format_RGB888)
        channels, color_type = 3, 2
    width, height = pixels.width(), pixels.height()
    stride = pixels.bytesPerLine()
    row_bytes = width * channels
    data = memoryview(pixels.constBits())
    raw = b"".join(b"\x00" + data[y * stride : y * stride + row_bytes] for y in range(height))
    return png_file(width, height, deflate(raw, level), color_type)


def png_chunks(data: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order (for checks; raises ValueError on garbage)."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    kinds: list[bytes] = []
    offset = len(SIGNATURE)
    while offset < len(data):
        if offset + 8 > len(data):
            raise ValueError("truncated PNG chunk header")
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kinds.append(data[offset + 4 : offset + 8])
        offset += 12 + length
    if offset != len(data):
        raise ValueError("truncated PNG chunk")
    return kinds


@dataclass(frozen=True)
class Export:
    """An encoded image, the scale it was encoded at (1.0 = full size) and its zlib level."""

    data: bytes
    scale: float
    width: int
    height: int
    level: int


def export_png_within(image: QImage, max_bytes: int | None, level: int = DEFAULT_LEVEL) -> Export:
    """PNG of ``image`` that fits in ``max_bytes`` (None: no limit), as large as it can be.

    Too big at ``level``, it is first tried at zlib level 9 at full size (resolution matters
    more than 50 ms); still too big, it is downscaled in steps of at most ``STEP`` (level 9)
    until it fits. Raises ValueError when not even a 1x1 image fits.
    """
    width, height = image.width(), image.height()
    data = encode_png(image, level)
    if max_bytes is None or len(data) <= max_bytes:
        return Export(data=data, scale=1.0, width=width, height=height, level=level)
    level = 9
    data = encode_png(image, level)
    scale = 1.0
    while len(data) > max_bytes:
        if width == 1 and height == 1:
            raise ValueError(f"no PNG of this image fits in {max_bytes} bytes")
        # PNG size grows roughly with the pixel count: aim for the limit, but always shrink.
        scale *= min(STEP, (max_bytes / len(data)) ** 0.5 * 0.95)
        width = max(1, round(image.width() * scale))
        height = max(1, round(image.height() * scale))
        smaller = image.scaled(
            width,
            height,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        data = encode_png(smaller, level)
    return Export(data=data, scale=scale, width=width, height=height, level=level)
