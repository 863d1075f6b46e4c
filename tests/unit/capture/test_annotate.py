"""The annotation model, rendering, redaction and PNG export, checked on pixels."""

from __future__ import annotations

import math
import random
import threading
import zlib
from dataclasses import MISSING, fields

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QPainter

from app.capture.annotate import (
    OPERATIONS,
    ArrowOp,
    CropOp,
    Document,
    HighlighterOp,
    MarkerOp,
    Point,
    Rect,
    RectangleOp,
    RedactOp,
    TextOp,
    operation_from_dict,
    render,
)
from app.capture.png import encode_png, export_png_within, png_chunks
from app.capture.redact import DARKEST, LEVELS, LIGHTEST, RedactMode

RED = (0xE5, 0x39, 0x35)
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)


@pytest.fixture(autouse=True)
def _gui(qapp):
    """QPainter text needs a QGuiApplication (offscreen)."""
    return qapp


def blank(width: int = 200, height: int = 100, color: int = 0xFFFFFF) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(color)
    return image


def noise(width: int, height: int, seed: int) -> QImage:
    data = random.Random(seed).randbytes(width * height * 4)
    return QImage(data, width, height, width * 4, QImage.Format.Format_RGB32).copy()


def rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    color = QColor(image.pixel(x, y))
    return (color.red(), color.green(), color.blue())


def near(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 8) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def text_image(dark_on_light: bool) -> QImage:
    """Lines of 'text' (glyph-like bars): black on white, or white on black."""
    background, ink = (0xFFFFFF, 0x000000) if dark_on_light else (0x000000, 0xFFFFFF)
    image = blank(160, 96, background)
    painter = QPainter(image)
    rng = random.Random(7)
    for line in range(6):
        x = 4
        while x < 150:
            w = rng.randint(2, 9)
            painter.fillRect(x, 6 + line * 15, w, 9, QColor(ink))
            x += w + rng.randint(1, 4)
    painter.end()
    return image


def render_ops(image: QImage, *ops) -> QImage:
    return render(Document(image, tuple(ops)))


# --- drawing operations land where they should ---------------------------------------------


def test_rectangle_outlines_inside_its_bounds():
    out = render_ops(blank(), RectangleOp(Rect(10, 10, 80, 60), width=4))
    for x, y in [(10, 10), (12, 40), (89, 40), (50, 69), (50, 10)]:
        assert near(rgb(out, x, y), RED), (x, y)
    for x, y in [(9, 9), (50, 40), (90, 40), (50, 70), (150, 50)]:
        assert rgb(out, x, y) == WHITE, (x, y)


def test_arrow_has_a_shaft_and_a_head_at_the_end():
    out = render_ops(blank(), ArrowOp(Point(20, 50), Point(180, 50), width=4))
    assert near(rgb(out, 60, 50), RED)
    assert near(rgb(out, 176, 50), RED)  # near the tip
    head = ArrowOp(Point(0, 0), Point(1, 0), width=4).head_length()
    assert near(rgb(out, int(180 - head + 2), 50 - 5), RED)  # the head is wider than the shaft
    assert rgb(out, 60, 55) == WHITE  # the shaft is not
    assert rgb(out, 10, 50) == WHITE and rgb(out, 185, 50) == WHITE


def test_text_is_drawn_from_its_position_only():
    out = render_ops(blank(), TextOp(Point(20, 20), "Hello", size=20))
    inked = [(x, y) for x in range(0, 200) for y in range(0, 100) if rgb(out, x, y) != WHITE]
    assert len(inked) > 50
    assert min(x for x, _ in inked) >= 19 and min(y for _, y in inked) >= 19
    assert max(y for _, y in inked) < 20 + 30
    assert any(near(rgb(out, x, y), RED, 30) for x, y in inked)


def test_numbered_markers_count_up_and_follow_undo():
    doc = Document(blank(300, 100))
    numbers = [doc.add_marker(Point(30 + 60 * i, 50)).number for i in range(3)]
    assert numbers == [1, 2, 3]
    doc.undo()
    assert doc.next_marker_number() == 3
    assert doc.add_marker(Point(200, 50)).number == 3
    doc.add(RectangleOp(Rect(0, 0, 5, 5)))
    assert doc.next_marker_number() == 4
    out = render(doc)
    marker = doc.operations[0]
    assert isinstance(marker, MarkerOp)
    # The disc is filled with the colour, and the number is drawn in white inside it.
    assert near(rgb(out, 30 + 11, 50), RED)
    disc = [rgb(out, x, y) for x in range(18, 43) for y in range(38, 63)]
    assert any(near(p, WHITE, 40) for p in disc) and any(near(p, RED) for p in disc)
    assert rgb(out, 30, 30) == WHITE  # outside the radius


def test_highlighter_tints_light_pixels_and_keeps_dark_ones():
    image = blank()
    painter = QPainter(image)
    painter.fillRect(0, 44, 200, 3, QColor("black"))  # a line of "text" under the stroke
    painter.end()
    out = render_ops(image, HighlighterOp((Point(0, 50), Point(200, 50)), width=20))
    assert near(rgb(out, 100, 52), (0xFF, 0xE6, 0x00), 2)
    assert rgb(out, 100, 45) == BLACK
    assert rgb(out, 100, 70) == WHITE


def test_crop_is_a_view_and_the_last_one_wins():
    image = noise(120, 80, seed=1)
    doc = Document(image, (CropOp(Rect(0, 0, 10, 10)), CropOp(Rect(10, 20, 30, 40))))
    out = render(doc)
    assert (out.width(), out.height()) == (30, 40)
    assert rgb(out, 0, 0) == rgb(image, 10, 20)
    assert rgb(out, 29, 39) == rgb(image, 39, 59)
    # Out of bounds is clamped to the image.
    clamped = render_ops(image, CropOp(Rect(100, 60, 500, 500)))
    assert (clamped.width(), clamped.height()) == (20, 20)


def test_a_dragged_rectangle_snaps_outward_to_whole_pixels():
    assert Rect.from_corners(Point(10.6, 20.2), Point(3.4, 5)) == Rect(3, 5, 8, 16)
    assert Rect.from_corners(Point(4, 4), Point(4, 4)) == Rect(4, 4, 1, 1)


def test_render_leaves_the_original_untouched():
    image = noise(64, 64, seed=2)
    before = image.copy()
    doc = Document(image, (RedactOp(Rect(0, 0, 64, 64)), RectangleOp(Rect(1, 1, 20, 20))))
    render(doc)
    assert doc.original == before and image == before


# --- undo / redo ---------------------------------------------------------------------------


def test_undo_redo_restore_operation_lists():
    doc = Document(blank())
    a, b, c = (RectangleOp(Rect(i, i, 10, 10)) for i in range(3))
    doc.add(a)
    doc.add(b)
    doc.add(c)
    assert doc.undo() and doc.undo()
    assert doc.operations == (a,)
    assert doc.redo()
    assert doc.operations == (a, b)
    d = ArrowOp(Point(0, 0), Point(50, 50))
    doc.add(d)  # a new change forgets what could be redone
    assert not doc.can_redo() and not doc.redo()
    doc.replace(0, c)
    doc.remove(1)
    assert doc.operations == (c, d)
    doc.undo()
    doc.undo()
    assert doc.operations == (a, b, d)
    doc.clear()
    assert doc.operations == ()
    doc.undo()
    assert doc.operations == (a, b, d)
    while doc.undo():
        pass
    assert doc.operations == () and not doc.can_undo()
    assert render(doc) == render(Document(blank()))


# --- JSON -----------------------------------------------------------------------------------


def every_kind() -> tuple:
    return (
        RectangleOp(Rect(1, 2, 30, 40), color="#8000ff00", width=2.5),
        ArrowOp(Point(1.5, 2), Point(80, 60)),
        TextOp(Point(5, 5), "Passo 1: apri «Impostazioni»\nriga due", size=14),
        MarkerOp(Point(40, 40), 1),
        HighlighterOp((Point(0, 10), Point(50, 12), Point(90, 30))),
        RedactOp(Rect(10, 10, 20, 20)),
        RedactOp(Rect(50, 50, 30, 30), RedactMode.PIXELATE, block=6),
        CropOp(Rect(0, 0, 100, 90)),
    )


def test_json_round_trip_keeps_every_operation_editable():
    image = noise(120, 100, seed=3)
    doc = Document(image, every_kind())
    assert {op.kind for op in doc.operations} == set(OPERATIONS)
    reopened = Document.from_json(image, doc.to_json())
    assert reopened.operations == doc.operations
    assert reopened.to_json() == doc.to_json()
    # Deterministic operations render the same after the round trip.
    without_noise = tuple(
        op
        for op in doc.operations
        if not (isinstance(op, RedactOp) and op.mode is RedactMode.PIXELATE)
    )
    assert render(Document(image, without_noise)) == render(
        Document.from_json(image, Document(image, without_noise).to_json())
    )


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "blur", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}},
        {"kind": "redact", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}, "mode": "blur"},
        {"kind": "redact", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}, "color": "#80000000"},
        {"kind": "rectangle", "rect": {"x": 0, "y": 0, "width": 0, "height": 5}},
        {"kind": "rectangle", "rect": {"x": 0.5, "y": 0, "width": 5, "height": 5}},
        {"kind": "rectangle", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}, "color": "red"},
        {"kind": "rectangle", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}, "evil": 1},
        {"kind": "arrow", "start": {"x": 0, "y": 0}},
        {"kind": "marker", "center": {"x": 0, "y": 0}, "number": 0},
        {"kind": "highlighter", "points": [{"x": 0, "y": 0}]},
        {"kind": "text", "position": {"x": "a", "y": 0}, "text": "x"},
        {"kind": "rectangle", "rect": {"x": 2**40, "y": 0, "width": 5, "height": 5}},
        {"kind": "arrow", "start": {"x": 0, "y": 0}, "end": {"x": 1, "y": 1}, "width": 1e9},
        {"kind": "arrow", "start": {"x": 0, "y": 0}, "end": {"x": 1, "y": 1}, "width": "NaN"},
        {"kind": "text", "position": {"x": 0, "y": 0}, "text": "x", "size": 10**6},
        {"kind": "redact", "rect": {"x": 0, "y": 0, "width": 5, "height": 5}, "block": 1},
        ["not", "an", "object"],
    ],
)
def test_malformed_operations_are_refused(bad):
    with pytest.raises(ValueError):
        operation_from_dict(bad)


NUMBER = st.integers(-(2**33), 2**33) | st.floats()
SMALL = st.integers(1, 60)
POINT = st.fixed_dictionaries({"x": SMALL, "y": SMALL})
RECT = st.fixed_dictionaries({k: SMALL for k in ("x", "y", "width", "height")})
JSON = st.recursive(
    st.none() | st.booleans() | NUMBER | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
GOOD = {
    "rect": RECT,
    "start": POINT,
    "end": POINT,
    "center": POINT,
    "position": POINT,
    "points": st.lists(POINT, min_size=2, max_size=4),
    "text": st.text(max_size=12),
    "color": st.sampled_from(["#ff0000", "#80ff0000", "#000000"]),
    "mode": st.sampled_from(["solid", "pixelate"]),
}
BAD = {
    "rect": st.fixed_dictionaries({k: NUMBER for k in ("x", "y", "width", "height")}),
    "points": st.lists(st.fixed_dictionaries({"x": NUMBER, "y": NUMBER}), max_size=3),
    "color": st.sampled_from(["#12345", "red", "#ff00000"]),
    "mode": st.just("blur"),
}


@st.composite
def operation_dicts(draw: st.DrawFn) -> dict:
    """Mostly well-formed operations, each field sometimes replaced by anything at all."""
    kind = draw(st.sampled_from([*OPERATIONS, "blur"]))
    data: dict = {"kind": kind}
    for f in fields(OPERATIONS.get(kind, CropOp)):
        if f.default is not MISSING and draw(st.booleans()):
            continue
        good = GOOD.get(f.name, SMALL)
        if draw(st.integers(0, 9)) == 0:
            data[f.name] = draw(BAD.get(f.name, NUMBER) | JSON)
        else:
            data[f.name] = draw(good)
    if draw(st.integers(0, 19)) == 0:
        data["evil"] = draw(JSON)
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=operation_dicts())
def test_any_json_is_an_operation_or_a_value_error(data):
    """Drafts are input too: whatever they hold, loading fails only with ValueError."""
    try:
        op = operation_from_dict(data)
    except ValueError:
        event("refused")
        return
    event(f"accepted {op.kind}")
    assert operation_from_dict(op.to_dict()) == op
    render(Document(blank(40, 30), (op,)))


def test_annotations_for_another_image_are_refused():
    doc = Document(blank(200, 100), (RectangleOp(Rect(0, 0, 5, 5)),))
    with pytest.raises(ValueError, match="image"):
        Document.from_json(blank(100, 100), doc.to_json())
    with pytest.raises(ValueError):
        Document.from_json(blank(200, 100), "{not json")


# --- redaction ------------------------------------------------------------------------------

AREA = Rect(16, 12, 96, 48)  # 8 x 4 blocks of 12 pixels
BLOCK = 12


def area_bytes(image: QImage, rect: QRect) -> bytes:
    """The area's RGB bytes, without the padding at the end of each row in memory."""
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB888)
    data, stride, row = bytes(part.constBits()), part.bytesPerLine(), part.width() * 3
    return b"".join(data[y * stride : y * stride + row] for y in range(part.height()))


def test_blur_is_not_a_redaction_mode():
    assert {mode.value for mode in RedactMode} == {"solid", "pixelate"}
    assert "blur" not in OPERATIONS
    assert RedactOp(AREA).mode is RedactMode.SOLID  # the default


def test_solid_redaction_is_the_same_whatever_the_original():
    originals = [text_image(True), text_image(False), noise(160, 96, 4), noise(160, 96, 5)]
    renders = [render_ops(image, RedactOp(AREA)) for image in originals]
    exported = {area_bytes(out, AREA.q()) for out in renders}
    assert len(exported) == 1
    assert set(exported.pop()) == {0}  # black, the default colour
    # Exactly the area: the pixels just outside it are the original's.
    for image, out in zip(originals, renders, strict=True):
        for x, y in [(15, 30), (112, 30), (50, 11), (50, 60)]:
            assert rgb(out, x, y) == rgb(image, x, y)


def block_values(out: QImage, offset: tuple[int, int] = (0, 0)) -> list[int]:
    """The grey value at the centre of each redaction block."""
    dx, dy = offset
    values = []
    for row in range(AREA.height // BLOCK):
        for col in range(AREA.width // BLOCK):
            x = AREA.x + col * BLOCK + BLOCK // 2 - dx
            y = AREA.y + row * BLOCK + BLOCK // 2 - dy
            r, g, b = rgb(out, x, y)
            assert r == g == b
            values.append(r)
    return values


def block_means(image: QImage) -> list[float]:
    """The original's mean grey of each redaction block."""
    means = []
    for row in range(AREA.height // BLOCK):
        for col in range(AREA.width // BLOCK):
            x0, y0 = AREA.x + col * BLOCK, AREA.y + row * BLOCK
            total = sum(
                QColor(image.pixel(x, y)).lightness()
                for x in range(x0, x0 + BLOCK)
                for y in range(y0, y0 + BLOCK)
            )
            means.append(total / BLOCK**2)
    return means


RUNS = 150
CHI2_LIMIT = 40.0
"""Chi-square, 7 degrees of freedom: exceeded by chance with probability about 1e-6."""
CORRELATION_LIMIT = 0.1
"""With 4800 pairs, chance correlation has a standard deviation of 0.014: the limit is 7 of them."""


def pixelate(image: QImage) -> QImage:
    return render_ops(image, RedactOp(AREA, RedactMode.PIXELATE, block=BLOCK))


def chi_square(a: list[int], b: list[int]) -> float:
    """Two-sample chi-square statistic of homogeneity over the observed values."""
    levels = sorted(set(a) | set(b))
    statistic = 0.0
    for level in levels:
        na, nb = a.count(level), b.count(level)
        expected_a = (na + nb) * len(a) / (len(a) + len(b))
        expected_b = (na + nb) * len(b) / (len(a) + len(b))
        statistic += (na - expected_a) ** 2 / expected_a + (nb - expected_b) ** 2 / expected_b
    return statistic


def correlation(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy)


def test_pixelate_output_does_not_depend_on_the_original():
    dark_on_light, light_on_dark = text_image(True), text_image(False)
    a = [v for _ in range(RUNS) for v in block_values(pixelate(dark_on_light))]
    b = [v for _ in range(RUNS) for v in block_values(pixelate(light_on_dark))]
    # Both use exactly the LEVELS greys of the mosaic...
    assert len(set(a)) == len(set(b)) == LEVELS
    assert min(a) == DARKEST and max(a) == LIGHTEST
    # ...with the same distribution: opposite originals cannot be told apart.
    assert chi_square(a, b) < CHI2_LIMIT
    assert abs(sum(a) / len(a) - sum(b) / len(b)) < 6  # means: sd of the difference ~ 0.9
    for level in set(a):
        assert abs(a.count(level) - len(a) / LEVELS) < 0.2 * len(a) / LEVELS


def test_pixelate_output_is_uncorrelated_with_the_original_blocks():
    # A staircase original: each block a different grey, from black to white.
    image = blank(160, 96)
    painter = QPainter(image)
    blocks = (AREA.width // BLOCK) * (AREA.height // BLOCK)
    for index in range(blocks):
        row, col = divmod(index, AREA.width // BLOCK)
        grey = round(255 * index / (blocks - 1))
        painter.fillRect(
            AREA.x + col * BLOCK, AREA.y + row * BLOCK, BLOCK, BLOCK, QColor(grey, grey, grey)
        )
    painter.end()
    means = block_means(image)
    xs: list[float] = []
    ys: list[float] = []
    for _ in range(RUNS):
        xs.extend(means)
        ys.extend(block_values(pixelate(image)))
    assert abs(correlation(xs, ys)) < CORRELATION_LIMIT
    # Averaged over all renders, every block sits at the mosaic's middle grey, whatever its own
    # grey was (0 to 255): the average of one block has a standard deviation of about 3.4.
    middle = (DARKEST + LIGHTEST) / 2
    per_block = [sum(ys[i::blocks]) / RUNS for i in range(blocks)]
    assert max(abs(value - middle) for value in per_block) < 20


def test_pixelate_is_not_reproducible_and_stays_blocky():
    image = text_image(True)
    first, second = pixelate(image), pixelate(image)
    assert area_bytes(first, AREA.q()) != area_bytes(second, AREA.q())
    # Every block is one flat grey, and nothing outside the area changed.
    for row in range(AREA.height // BLOCK):
        for col in range(AREA.width // BLOCK):
            x0, y0 = AREA.x + col * BLOCK, AREA.y + row * BLOCK
            block = QRect(x0, y0, BLOCK, BLOCK)
            assert len(set(area_bytes(first, block))) == 1
    assert rgb(first, AREA.x - 1, 30) == rgb(image, AREA.x - 1, 30)
    assert rgb(first, AREA.x + AREA.width, 30) == rgb(image, AREA.x + AREA.width, 30)


def test_pixelate_over_random_originals_is_indistinguishable():
    a = [v for seed in range(RUNS) for v in block_values(pixelate(noise(160, 96, seed)))]
    b = [v for _ in range(RUNS) for v in block_values(pixelate(noise(160, 96, 99999)))]
    assert chi_square(a, b) < CHI2_LIMIT


def test_redaction_survives_a_crop_that_cuts_it():
    image = noise(200, 160, seed=6)
    redaction = RedactOp(Rect(50, 50, 100, 100))
    # The crop comes after the redaction or before it: the same result.
    for ops in [
        (redaction, CropOp(Rect(100, 100, 100, 60))),
        (CropOp(Rect(100, 100, 100, 60)), redaction),
    ]:
        out = render_ops(image, *ops)
        assert (out.width(), out.height()) == (100, 60)
        assert set(area_bytes(out, QRect(0, 0, 50, 50))) == {0}
        assert rgb(out, 50, 10) == rgb(image, 150, 110)  # right of the redaction: untouched
        assert rgb(out, 10, 50) == rgb(image, 110, 150)  # below it: untouched


def test_redaction_is_applied_before_everything_wherever_it_is_in_the_list():
    image = text_image(True)
    drawings = (
        HighlighterOp((Point(0, 30), Point(160, 30)), width=20),
        TextOp(Point(20, 20), "x"),
        ArrowOp(Point(0, 0), Point(60, 40)),
    )
    redaction = RedactOp(AREA)
    first = render_ops(image, redaction, *drawings)
    last = render_ops(image, *drawings, redaction)
    assert first == last
    # The multiplying highlighter over the black redaction reveals nothing: still black.
    assert rgb(first, 100, 30) == BLACK


# --- export ---------------------------------------------------------------------------------

METADATA_CHUNKS = {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"tIME", b"pHYs"}


def qt_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def test_exported_png_carries_no_metadata():
    image = noise(64, 48, seed=8)
    image.setText("Author", "alice.rossi")
    image.setText("Comment", "workstation-42")
    assert METADATA_CHUNKS & set(png_chunks(qt_png(image)))  # what Qt itself would write
    data = encode_png(render(Document(image, (RectangleOp(Rect(1, 1, 10, 10)),))))
    assert png_chunks(data) == [b"IHDR", b"IDAT", b"IEND"]
    assert b"alice" not in data and b"workstation" not in data
    decoded = QImage.fromData(data)
    assert decoded.textKeys() == []
    assert decoded.size() == image.size()


def test_png_is_lossless_with_and_without_alpha():
    opaque = noise(33, 17, seed=9)  # odd width: rows are padded in memory, not in the file
    decoded = QImage.fromData(encode_png(opaque)).convertToFormat(QImage.Format.Format_RGB32)
    assert decoded == opaque
    translucent = noise(33, 17, seed=10).convertToFormat(QImage.Format.Format_ARGB32)
    translucent.setPixelColor(3, 4, QColor(10, 20, 30, 40))
    decoded = QImage.fromData(encode_png(translucent)).convertToFormat(QImage.Format.Format_ARGB32)
    assert decoded == translucent
    assert render(Document(translucent)).hasAlphaChannel()
    assert encode_png(translucent)[25] == 6  # colour type RGBA
    # An alpha channel with every pixel opaque is written as RGB, still losslessly.
    argb = opaque.convertToFormat(QImage.Format.Format_ARGB32)
    data = encode_png(argb)
    assert data[25] == 2  # colour type RGB
    assert QImage.fromData(data).convertToFormat(QImage.Format.Format_RGB32) == opaque
    assert not render(Document(opaque)).hasAlphaChannel()


def test_zlib_level_is_configurable():
    image = text_image(True)
    stored, best = encode_png(image, level=0), encode_png(image, level=9)
    assert len(best) < len(encode_png(image)) <= len(stored)
    assert QImage.fromData(stored) == QImage.fromData(best)
    with pytest.raises(ValueError):
        encode_png(image, level=10)
    raw = zlib.decompress(stored[stored.index(b"IDAT") + 4 : -16])
    assert len(raw) == image.height() * (1 + image.width() * 3)


def test_export_downscales_in_steps_until_it_fits():
    image = noise(400, 300, seed=11)  # noise does not compress: about 360 KB
    full = export_png_within(image, None)
    assert full.scale == 1.0 and (full.width, full.height) == (400, 300)
    limit = 50_000
    assert len(full.data) > limit
    small = export_png_within(image, limit)
    assert len(small.data) <= limit
    assert 0 < small.scale <= 0.8
    decoded = QImage.fromData(small.data)
    assert (decoded.width(), decoded.height()) == (small.width, small.height)
    assert small.width == round(400 * small.scale)
    assert png_chunks(small.data) == [b"IHDR", b"IDAT", b"IEND"]
    fits = export_png_within(image, len(full.data))
    assert (fits.scale, fits.level) == (1.0, 1)
    with pytest.raises(ValueError):
        export_png_within(image, 10)


def test_export_compresses_harder_before_it_downscales():
    image = text_image(True)
    fast, best = encode_png(image, 1), encode_png(image, 9)
    assert len(best) < len(fast)
    fitted = export_png_within(image, len(best))
    assert (fitted.scale, fitted.level, fitted.data) == (1.0, 9, best)


def test_render_and_export_run_off_the_gui_thread():
    """The composer renders and encodes in a worker: QImage and QPainter allow it."""
    # Without the pixelated redaction, which is random by design.
    ops = tuple(op for op in every_kind() if getattr(op, "mode", None) is not RedactMode.PIXELATE)
    doc = Document(text_image(True), ops)
    assert any(isinstance(op, TextOp) for op in ops)
    results: list[bytes] = []
    worker = threading.Thread(target=lambda: results.append(encode_png(render(doc))))
    worker.start()
    worker.join(timeout=10)
    assert results == [encode_png(render(doc))]


def test_a_text_smaller_than_a_pixel_is_drawn_at_one_pixel():
    # A 0.4 px size once reached Qt as pixel size 0, and Qt's warning failed the test run.
    op = TextOp(Point(1, 1), "x", size=0.4)
    assert op.font().pixelSize() == 1
    render(Document(blank(40, 30), (op,)))
