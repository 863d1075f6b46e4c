"""The annotator dialog, driven with the mouse and keyboard (pytest-qt, offscreen).

Geometry is checked in pixels of the original image at the fit zoom and at 100 %; the result
image is checked to be the very render on screen (a pixelating redaction is fresh noise on every
render, so a second render would show up as different pixels).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QTranslator
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolButton

import app.ui.annotator as annotator_module
from app.services.annotation import (
    ArrowOp,
    CropOp,
    Document,
    HighlighterOp,
    ImageRect,
    MarkerOp,
    Point,
    RectangleOp,
    RedactMode,
    RedactOp,
    TextOp,
)
from app.services.tasks import TaskRunner
from app.ui.annotator import AnnotatorDialog, Tool
from tests.conftest import ROOT

LEFT = Qt.MouseButton.LeftButton


def noise_image(width: int, height: int) -> QImage:
    """An image whose every pixel differs from its neighbours (so nothing passes by chance)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    data = os.urandom(width * height * 3)
    for y in range(height):
        for x in range(0, width, 7):  # sparse writes keep this fast; the rest is a gradient
            i = (y * width + x) * 3
            image.setPixelColor(x, y, QColor(data[i], data[i + 1], data[i + 2]))
        for x in range(width):
            if x % 7:
                image.setPixelColor(x, y, QColor((x * 5) % 256, (y * 3) % 256, (x + y) % 256))
    return image


@pytest.fixture
def opened(qtbot):
    """Open an annotator on an image and wait for its first render; at the end, wait for the
    renders still running (each test's own, not the next test's)."""
    dialogs: list[AnnotatorDialog] = []

    def open_(image: QImage, annotations: str | None = None) -> AnnotatorDialog:
        dialog = AnnotatorDialog(image, annotations)
        dialogs.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: not dialog.render_pending() and not dialog.result_image().isNull())
        return dialog

    yield open_
    for dialog in dialogs:
        qtbot.waitUntil(lambda d=dialog: not d._rendering)


def wait_rendered(qtbot, dialog: AnnotatorDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.render_pending())


def drag(qtbot, dialog: AnnotatorDialog, *points: QPoint) -> None:
    """Press at the first point, move through the others, release at the last."""
    canvas = dialog.canvas
    qtbot.mousePress(canvas, LEFT, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, LEFT, pos=points[-1])


def actual_size(dialog: AnnotatorDialog) -> None:
    dialog.actual_size_action.trigger()
    assert dialog.zoom() == 1.0
    assert dialog.canvas.width() == dialog.canvas.image().width()  # offscreen: 1 device px/px


def ops(dialog: AnnotatorDialog) -> tuple:
    return dialog.result_document().operations


# -- tools ---------------------------------------------------------------------------------------


def test_rectangle_at_100_percent_is_in_image_pixels(qtbot, opened):
    dialog = opened(noise_image(800, 600))
    assert dialog.tool() is Tool.RECTANGLE  # the default tool
    actual_size(dialog)
    drag(qtbot, dialog, QPoint(10, 20), QPoint(60, 40), QPoint(110, 70))
    assert ops(dialog) == (RectangleOp(ImageRect(10, 20, 100, 50), "#e53935", 3.0),)


def test_fit_zoom_maps_the_whole_view_onto_the_whole_image(qtbot, opened):
    dialog = opened(noise_image(2400, 1600))
    assert 0.1 < dialog.zoom() < 1  # fit by default: the image is larger than the window
    canvas = dialog.canvas
    assert canvas.width() <= dialog.scroll_area.viewport().width()
    assert canvas.height() <= dialog.scroll_area.viewport().height()
    # (-1, -1): QTest takes (0, 0) for "the centre"; outside the canvas clamps to the edge.
    drag(qtbot, dialog, QPoint(-1, -1), QPoint(canvas.width(), canvas.height()))
    assert ops(dialog)[-1] == RectangleOp(ImageRect(0, 0, 2400, 1600))
    wait_rendered(qtbot, dialog)
    drag(
        qtbot,
        dialog,
        QPoint(canvas.width() // 2, canvas.height() // 2),
        QPoint(canvas.width(), canvas.height()),
    )
    rect = ops(dialog)[-1].rect
    scale = 1 / dialog.zoom()  # image pixels per screen pixel
    assert abs(rect.x - 1200) <= scale and abs(rect.y - 800) <= scale
    assert (rect.x + rect.width, rect.y + rect.height) == (2400, 1600)


def test_arrow_and_highlighter(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    assert dialog.tool() is Tool.ARROW
    drag(qtbot, dialog, QPoint(10, 20), QPoint(110, 70))
    assert ops(dialog)[-1] == ArrowOp(Point(10, 20), Point(110, 70), "#e53935", 3.0)
    qtbot.keyClick(dialog, Qt.Key.Key_H)
    assert dialog.tool() is Tool.HIGHLIGHTER
    drag(qtbot, dialog, QPoint(5, 100), QPoint(50, 102), QPoint(200, 104))
    stroke = ops(dialog)[-1]
    assert isinstance(stroke, HighlighterOp)
    assert stroke.points == (Point(5, 100), Point(50, 102), Point(200, 104))
    assert stroke.color == "#ffe600" and stroke.width == 16.0  # the model's defaults at size 3


def test_a_click_without_a_drag_draws_nothing(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    drag(qtbot, dialog, QPoint(50, 50), QPoint(51, 50))
    assert ops(dialog) == ()
    assert not dialog.undo_action.isEnabled()


def test_text_tool_enter_commits_escape_cancels(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_T)
    assert dialog.tool() is Tool.TEXT
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(40, 30))
    editor = dialog._editor
    assert editor is not None and editor.hasFocus()
    qtbot.keyClicks(editor, "Export fails")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ops(dialog) == (TextOp(Point(40, 30), "Export fails", "#e53935", 20),)
    assert dialog.isVisible()  # Enter finished the text; it did not attach
    assert dialog._editor is None

    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(100, 100))
    editor = dialog._editor
    assert editor is not None
    qtbot.keyClicks(editor, "never mind")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert len(ops(dialog)) == 1
    assert dialog.isVisible()


def test_a_text_can_be_changed_later(qtbot, opened):
    image = noise_image(400, 300)
    document = Document(image)
    document.add(TextOp(Point(40, 30), "Exprot fails", "#1e88e5", 24))
    dialog = opened(image, document.to_json())
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    qtbot.mouseDClick(dialog.canvas, LEFT, pos=QPoint(60, 42))  # on the text
    editor = dialog._editor
    assert editor is not None and editor.text() == "Exprot fails"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Export fails")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ops(dialog) == (TextOp(Point(40, 30), "Export fails", "#1e88e5", 24),)
    dialog.undo_action.trigger()
    assert ops(dialog)[0].text == "Exprot fails"

    qtbot.keyClick(dialog, Qt.Key.Key_T)  # the text tool edits a text it is clicked on, too
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(60, 42))
    editor = dialog._editor
    assert editor is not None and editor.text() == "Exprot fails"
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ops(dialog) == ()  # emptied: the text is gone


def test_markers_count_up_and_undo_gives_the_number_back(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    for x in (20, 60, 100):
        qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(x, 40))
    markers = [op for op in ops(dialog) if isinstance(op, MarkerOp)]
    assert [m.number for m in markers] == [1, 2, 3]
    assert [m.center for m in markers] == [Point(20, 40), Point(60, 40), Point(100, 40)]
    dialog.undo_action.trigger()
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(140, 40))
    assert [op.number for op in ops(dialog)] == [1, 2, 3]


def test_undo_redo_buttons_and_shortcuts(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    assert not dialog.undo_action.isEnabled() and not dialog.redo_action.isEnabled()
    drag(qtbot, dialog, QPoint(10, 10), QPoint(80, 80))
    assert dialog.undo_action.isEnabled() and not dialog.redo_action.isEnabled()
    undo_button = dialog.options_bar.widgetForAction(dialog.undo_action)
    redo_button = dialog.options_bar.widgetForAction(dialog.redo_action)
    qtbot.mouseClick(undo_button, LEFT)
    assert ops(dialog) == ()
    assert not dialog.undo_action.isEnabled() and dialog.redo_action.isEnabled()
    qtbot.mouseClick(redo_button, LEFT)
    assert len(ops(dialog)) == 1
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ops(dialog) == ()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(ops(dialog)) == 1
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ops(dialog) == ()
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Z, shift_ctrl)
    assert len(ops(dialog)) == 1
    wait_rendered(qtbot, dialog)


def test_select_move_nudge_delete(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    drag(qtbot, dialog, QPoint(50, 50), QPoint(150, 120))
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    drag(qtbot, dialog, QPoint(300, 250), QPoint(350, 280))
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    assert dialog.tool() is Tool.SELECT
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(100, 100))  # inside, off the outline
    assert dialog.selected_index() is None
    drag(qtbot, dialog, QPoint(50, 80), QPoint(70, 90), QPoint(80, 120))  # the left edge
    assert dialog.selected_index() == 0
    assert ops(dialog)[0].rect == ImageRect(80, 90, 100, 70)
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Down)
    assert ops(dialog)[0].rect == ImageRect(70, 91, 100, 70)
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    assert ops(dialog)[0].rect == ImageRect(50, 50, 100, 70)  # each move was one undo step
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(325, 265))  # on the arrow's shaft
    assert dialog.selected_index() == 1
    assert dialog.delete_action.isEnabled()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Delete)
    assert [type(op) for op in ops(dialog)] == [RectangleOp]
    assert dialog.selected_index() is None and not dialog.delete_action.isEnabled()
    dialog.undo_action.trigger()
    assert [type(op) for op in ops(dialog)] == [RectangleOp, ArrowOp]


def test_a_swatch_recolours_the_selection(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    drag(qtbot, dialog, QPoint(50, 50), QPoint(150, 120))
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(50, 80))
    qtbot.mouseClick(dialog.swatch_buttons["#1e88e5"], LEFT)
    assert ops(dialog)[0].color == "#1e88e5"
    assert ops(dialog)[0].rect == ImageRect(50, 50, 100, 70)


def test_crop_shows_the_part_maps_to_the_original_and_undoes(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_C)
    drag(qtbot, dialog, QPoint(100, 50), QPoint(300, 200))
    assert ops(dialog) == (CropOp(ImageRect(100, 50, 200, 150)),)
    wait_rendered(qtbot, dialog)
    assert dialog.result_image().size().toTuple() == (200, 150)
    assert dialog.canvas.size().toTuple() == (200, 150)
    qtbot.keyClick(dialog, Qt.Key.Key_R)
    drag(qtbot, dialog, QPoint(1, 1), QPoint(21, 11))  # the crop's corner is (100, 50)
    assert ops(dialog)[-1].rect == ImageRect(101, 51, 20, 10)
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    wait_rendered(qtbot, dialog)
    assert dialog.result_image().size().toTuple() == (400, 300)


def test_redact_is_solid_by_default_whatever_the_original(qtbot, opened):
    original = noise_image(300, 200)
    dialog = opened(original)
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_X)
    assert dialog.tool() is Tool.REDACT
    assert dialog.redact_mode.currentData() == RedactMode.SOLID.value
    assert [dialog.redact_mode.itemText(i) for i in range(dialog.redact_mode.count())] == [
        "Solid fill",
        "Pixelate (with noise)",
    ]  # and no blur
    drag(qtbot, dialog, QPoint(20, 30), QPoint(120, 90))
    assert ops(dialog) == (RedactOp(ImageRect(20, 30, 100, 60), RedactMode.SOLID, "#000000"),)
    wait_rendered(qtbot, dialog)
    result = dialog.result_image()
    inside = {result.pixel(x, y) for x in range(20, 120) for y in range(30, 90)}
    assert inside == {QColor("#000000").rgb()}
    assert result.pixel(19, 30) == original.pixel(19, 30)
    assert result.pixel(120, 89) == original.pixel(120, 89)


def test_pixelate_is_selectable_and_hides_the_original(qtbot, opened):
    original = noise_image(300, 200)
    dialog = opened(original)
    actual_size(dialog)
    dialog.redact_mode.setCurrentIndex(1)
    dialog.redact_mode.activated.emit(1)  # as a user's pick does: it also selects the tool
    assert dialog.tool() is Tool.REDACT
    drag(qtbot, dialog, QPoint(24, 36), QPoint(120, 96))
    assert ops(dialog)[-1].mode is RedactMode.PIXELATE
    wait_rendered(qtbot, dialog)
    result = dialog.result_image()
    inside = [QColor(result.pixel(x, y)) for x in range(24, 120) for y in range(36, 96)]
    assert all(c.red() == c.green() == c.blue() for c in inside)  # a grey mosaic
    assert (
        sum(
            result.pixel(x, y) == original.pixel(x, y)
            for x in range(24, 120)
            for y in range(36, 96)
        )
        < 10
    )


def test_reopening_restores_every_operation_editable(qtbot, opened):
    image = noise_image(500, 400)
    document = Document(image)
    document.add(RectangleOp(ImageRect(10, 10, 100, 80), "#1e88e5", 5.0))
    document.add(ArrowOp(Point(300, 300), Point(200, 200)))
    document.add(TextOp(Point(20, 200), "Here"))
    document.add_marker(Point(400, 50))
    document.add(HighlighterOp((Point(10, 350), Point(300, 350))))
    document.add(RedactOp(ImageRect(350, 300, 100, 50), RedactMode.PIXELATE))
    document.add(CropOp(ImageRect(0, 0, 480, 390)))
    dialog = opened(image, document.to_json())
    assert ops(dialog) == document.operations
    assert not dialog.has_changes() and not dialog.undo_action.isEnabled()
    assert dialog.result_image().size().toTuple() == (480, 390)
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S)
    drag(qtbot, dialog, QPoint(400, 50), QPoint(410, 60))  # the marker
    assert ops(dialog)[3] == MarkerOp(Point(410, 60), 1)
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    qtbot.mouseClick(dialog.canvas, LEFT, pos=QPoint(450, 100))
    assert ops(dialog)[-1].number == 2
    wait_rendered(qtbot, dialog)
    dialog._on_attach_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = Document.from_json(image, dialog.annotations_json())
    assert again.operations == ops(dialog)


# -- one render per edit, off the GUI thread ------------------------------------------------------


@pytest.fixture
def render_spy(monkeypatch):
    """Count calls of the real render and note the thread each runs on."""
    threads: list[threading.Thread] = []
    real = annotator_module.render

    def counting(document: Document) -> QImage:
        threads.append(threading.current_thread())
        return real(document)

    monkeypatch.setattr(annotator_module, "render", counting)
    return threads


def test_the_result_is_the_image_on_screen_rendered_once_per_edit(qtbot, opened, render_spy):
    dialog = opened(noise_image(400, 300))
    assert len(render_spy) == 1
    actual_size(dialog)
    dialog.redact_mode.setCurrentIndex(1)
    dialog.redact_mode.activated.emit(1)
    drag(qtbot, dialog, QPoint(10, 10), QPoint(200, 150))
    wait_rendered(qtbot, dialog)
    assert len(render_spy) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_R)
    drag(qtbot, dialog, QPoint(250, 20), QPoint(380, 280))
    wait_rendered(qtbot, dialog)
    assert len(render_spy) == 3
    for _ in range(3):  # repaints and zooming use the kept image
        dialog.canvas.repaint()
        dialog.fit_action.trigger()
        dialog.actual_size_action.trigger()
    assert len(render_spy) == 3

    shown = dialog.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    result = dialog.result_image()
    assert result is dialog.canvas.image()
    mosaic = QRect(10, 10, 190, 140)
    assert shown.copy(mosaic) == result.convertToFormat(QImage.Format.Format_RGB32).copy(mosaic)

    qtbot.mouseClick(dialog.attach_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_image() is result
    assert len(render_spy) == 3


def test_renders_run_off_the_gui_thread_and_stale_ones_are_dropped(qtbot, opened, render_spy):
    dialog = opened(noise_image(1920, 1080))
    actual_size(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_X)
    dialog.redact_mode.setCurrentIndex(1)
    drag(qtbot, dialog, QPoint(1, 1), QPoint(1500, 900))
    # The release returned before the render: the old image and a preview are on screen.
    assert dialog.render_pending()
    assert len(dialog.canvas._overlay) == 1
    before = dialog.result_image()
    for x in (100, 200, 300):  # three more edits while that render runs
        drag(qtbot, dialog, QPoint(x, 950), QPoint(x + 50, 1000))
    assert dialog.result_image() is before
    with qtbot.waitSignal(dialog.image_rendered, timeout=10_000):
        pass
    wait_rendered(qtbot, dialog)
    assert all(t is not threading.main_thread() for t in render_spy)
    assert len(render_spy) <= 3  # initial, the redaction's, then one for the three edits
    assert dialog.canvas._overlay == []
    assert len(ops(dialog)) == 4


def test_attach_during_a_render_waits_for_it(qtbot, opened):
    dialog = opened(noise_image(1920, 1080))
    qtbot.keyClick(dialog, Qt.Key.Key_X)
    drag(qtbot, dialog, QPoint(1, 1), QPoint(300, 200))
    assert dialog.render_pending()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and not dialog.attach_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = dialog.result_image()
    rect = ops(dialog)[0].rect
    assert result.pixel(rect.x + 1, rect.y + 1) == QColor("#000000").rgb()


def test_a_render_returning_after_the_dialog_is_gone_is_dropped(qtbot):
    runner = TaskRunner()  # the caller's runner, as the composer passes its own
    dialog = AnnotatorDialog(noise_image(1920, 1080), runner=runner)
    dialog.show()
    assert dialog.render_pending() and runner.pending() == 1
    shiboken6.delete(dialog)  # e.g. deleted with its parent while the render runs
    qtbot.waitUntil(lambda: runner.pending() == 0)  # an error in the callback fails the test
    assert runner.wait_all(10_000)


# -- cancel, zoom ------------------------------------------------------------------------------


def test_cancel_without_changes_just_closes(qtbot, opened):
    dialog = opened(noise_image(200, 100))
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_cancel_with_changes_asks_first(qtbot, opened):
    dialog = opened(noise_image(400, 300))
    drag(qtbot, dialog, QPoint(10, 10), QPoint(80, 80))
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Escape)
    box = dialog.discard_question()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert dialog.isVisible()
    keep = next(b for b in box.buttons() if b is not dialog.discard_button)
    qtbot.mouseClick(keep, LEFT)
    assert dialog.discard_question() is None and dialog.isVisible()

    dialog.close()  # the window's close button
    box = dialog.discard_question()
    assert box is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.discard_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_zoom_buttons_shortcuts_and_ctrl_wheel(qtbot, opened):
    dialog = opened(noise_image(2000, 1500))
    fit = dialog.zoom()
    assert fit < 1
    assert dialog.status.full_text() == "2000 \u00d7 1500 pixels"
    assert dialog.zoom_label.text() == f"{round(fit * 100)} %"
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom() == 1.0 and dialog.zoom_label.text() == "100 %"
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom() == pytest.approx(0.8)
    qtbot.mouseClick(dialog.zoom_bar.widgetForAction(dialog.fit_action), LEFT)
    assert dialog.zoom() == pytest.approx(fit)

    viewport = dialog.scroll_area.viewport()
    # From the fit (canvas centred, nothing scrolled), then from a scrolled view, zooming in and
    # out: the image point under the mouse stays under it.
    for fraction, notches in ((1 / 3, 1), (3 / 4, 2), (1 / 2, -1)):
        zoom = dialog.zoom()
        anchor = QPointF(viewport.width() * fraction, viewport.height() * fraction) - QPointF(
            dialog.canvas.pos()
        )
        fixed = dialog.canvas.to_image(anchor)
        before = dialog.canvas.mapTo(viewport, anchor.toPoint())
        event = QWheelEvent(
            anchor,
            dialog.canvas.mapToGlobal(anchor),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(dialog.canvas, event)
        assert dialog.zoom() == pytest.approx(zoom * 1.25**notches)
        after = dialog.canvas.mapTo(viewport, dialog.canvas.to_widget(fixed).toPoint())
        assert abs(after.x() - before.x()) <= 2 and abs(after.y() - before.y()) <= 2
        assert dialog.scroll_area.horizontalScrollBar().value() > 0


def test_hidpi_100_percent_is_one_image_pixel_per_device_pixel(tmp_path):
    """With a device pixel ratio of 2, 100 % shows the image at half its size in logical pixels,
    and a drag still lands on the right image pixels (run in its own process: the ratio is
    fixed when the application starts)."""
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtGui import QImage
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        from app.ui.annotator import AnnotatorDialog
        app = QApplication([])
        image = QImage(800, 600, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        dialog = AnnotatorDialog(image)
        dialog.show()
        while dialog.render_pending():
            app.processEvents()
        dialog.actual_size_action.trigger()
        canvas = dialog.canvas
        print(canvas.devicePixelRatioF(), canvas.width(), canvas.height())
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(10, 20))
        QTest.mouseMove(canvas, QPoint(60, 45))
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(60, 45))
        print(dialog.result_document().operations[-1].rect)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "2.0 400 300"
    assert lines[1] == "Rect(x=20, y=40, width=100, height=50)"


LONG_LABELS = {
    "Select": "Seleziona e sposta",
    "Number": "Numero del passo",
    "Highlight": "Evidenziatore",
    "Redact": "Oscura definitivamente",
    "Pixelate (with noise)": "Pixel casuali (con rumore, irreversibile)",
    "Other\u2026": "Altro colore\u2026",
    "Si&ze:": "Dimen&sione:",
    "Fit": "Adatta alla finestra",
    "Cancel": "Annulla",
    "&Attach": "&Allega al ticket",
}


class LongLabels(QTranslator):
    """Italian-length labels for the annotator (the real .ts is filled in at merge time)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return LONG_LABELS.get(source) if context == "AnnotatorDialog" else None


def test_long_labels_fit_at_the_minimum_size(qtbot, opened):
    translator = LongLabels()
    QApplication.installTranslator(translator)
    try:
        dialog = opened(noise_image(1920, 1080))
    finally:
        QApplication.removeTranslator(translator)
    dialog.resize(dialog.minimumSize())
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize())
    assert dialog.zoom_bar.widgetForAction(dialog.fit_action).text() == "Adatta alla finestra"
    for bar in (dialog.options_bar, dialog.zoom_bar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and not action.isSeparator():
                assert widget.isVisible(), f"{action.text()!r} went into the overflow menu"
    buttons = [
        *dialog.tools_column.findChildren(QToolButton),
        dialog.redact_mode,
        dialog.cancel_button,
        dialog.attach_button,
    ]
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text() or button.currentText()
    assert dialog.scroll_area.viewport().width() >= 400  # the image keeps most of the room
