"""The steps editor, driven with the keyboard and mouse on a real store (pytest-qt, offscreen).

A recording of five steps: three with screenshots (in the real blob store, as the recorder
leaves them), one typing step (a count only) and one note.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from app.core.steps import Step, new_step
from app.services.drafts import DraftService
from app.services.tasks import TaskRunner
from app.ui.annotator import AnnotatorDialog
from app.ui.attachments import encode_png
from app.ui.steps_editor import StepsEditor
from tests.ui.test_annotator import actual_size, drag, wait_rendered

T0 = datetime(2026, 11, 25, 14, 2, 11, tzinfo=UTC)
ALT = Qt.KeyboardModifier.AltModifier
SHOTS = Path(os.environ.get("TICKETWISE_SHOTS", "")) if os.environ.get("TICKETWISE_SHOTS") else None
"""Where to write screenshots of the editor (unset: none are written)."""


def fake_window(width: int, height: int, title: str, click: tuple[int, int]) -> QImage:
    """A screenshot-like image: a window with a title bar, a form and the recorder's red ring."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#eef1f5"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, width, 34, QColor("#2b3a55"))
    font = QFont(painter.font())
    font.setPixelSize(15)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRect(12, 0, width - 24, 34), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setPen(QColor("#3c4043"))
    for row in range(5):
        y = 70 + row * 48
        painter.drawText(30, y + 20, f"Field {row + 1}")
        painter.fillRect(140, y, width - 200, 30, QColor("#ffffff"))
        painter.setPen(QColor("#c0c4ca"))
        painter.drawRect(140, y, width - 200, 30)
        painter.setPen(QColor("#3c4043"))
    painter.fillRect(width - 160, height - 70, 120, 36, QColor("#1a73e8"))
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRect(width - 160, height - 70, 120, 36), Qt.AlignmentFlag.AlignCenter, "Save")
    painter.setPen(QPen(QColor("#e00000"), 3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPoint(*click), 14, 14)
    painter.end()
    return image


def recording(drafts: DraftService) -> list[Step]:
    """Five steps; 1, 3 and 5 have screenshots stored as the recorder stores them."""

    def stored(title: str, click: tuple[int, int]) -> str:
        return drafts.store_bytes("x.png", encode_png(fake_window(800, 500, title, click))).sha256

    return [
        new_step(1, T0, "click", window_title="Invoice 42 – Billing", app="billing", x=700,
                 y=450, button="left", control="Save").with_changes(
            image_sha256=stored("Invoice 42 – Billing", (700, 450))
        ),
        new_step(2, T0 + timedelta(seconds=4), "typing", window_title="Invoice 42 – Billing",
                 app="billing", chars=12),
        new_step(3, T0 + timedelta(seconds=9), "click", window_title="Confirm", app="billing",
                 x=420, y=260, button="left").with_changes(
            image_sha256=stored("Confirm", (420, 260))
        ),
        new_step(4, T0 + timedelta(seconds=15), "note", caption="Here the window froze"),
        new_step(5, T0 + timedelta(seconds=30), "screenshot", window_title="Billing – Error",
                 app="billing").with_changes(
            image_sha256=stored("Billing – Error", (400, 250))
        ),
    ]  # fmt: skip


@pytest.fixture
def drafts(ctx) -> DraftService:
    return DraftService(ctx)


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_all(10_000)


@pytest.fixture
def make_editor(qtbot, drafts, runner):
    def make(steps: list[Step] | None = None) -> StepsEditor:
        editor = StepsEditor(recording(drafts) if steps is None else steps, drafts, runner)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
        return editor

    return make


def texts(editor: StepsEditor) -> list[str]:
    return [editor.list.item(row).text() for row in range(editor.list.count())]


def numbers(editor: StepsEditor) -> list[int]:
    return [step.number for step in editor.steps()]


def all_thumbnails(editor: StepsEditor) -> bool:
    return all(
        editor.thumbnail_loaded(row)
        for row in range(editor.list.count())
        if editor.steps()[row].image_sha256
    )


def test_lists_the_steps_and_loads_thumbnails_through_the_runner(qtbot, drafts, runner):
    editor = StepsEditor(recording(drafts), drafts, runner)
    qtbot.addWidget(editor)
    # Nothing decoded yet: the thumbnails (and the first preview) are tasks on the runner.
    assert runner.pending() >= 4
    assert not any(editor.thumbnail_loaded(row) for row in range(5))
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    assert texts(editor)[:2] == [
        "1. Clicked (left) on 'Save' in 'Invoice 42 – Billing'",
        "2. Typed 12 characters in 'Invoice 42 – Billing'",
    ]
    assert editor.count_label.text().startswith("5 ")
    assert editor.list.currentRow() == 0 and editor.list.hasFocus()
    qtbot.waitUntil(lambda: all_thumbnails(editor), timeout=5000)
    assert not editor.thumbnail_loaded(1)  # typing: no screenshot, never one
    qtbot.waitUntil(lambda: not editor.preview.image().isNull(), timeout=5000)
    assert editor.preview.image().size().width() == 800
    editor.list.setCurrentRow(1)
    assert editor.preview.image().isNull()
    assert "never the keys" in editor.preview.message()
    assert not editor.annotate_button.isEnabled()
    assert editor.include_report()
    labels = editor.report_labels()
    assert (labels.step, labels.language) == ("Step", "en")  # untranslated here: English


def test_move_up_and_down_by_button_and_by_keyboard(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(2)
    with qtbot.waitSignal(editor.steps_edited, timeout=1000):
        editor.up_button.click()
    assert numbers(editor) == [1, 3, 2, 4, 5]
    assert editor.list.currentRow() == 1
    assert texts(editor)[1].startswith("2. Clicked (left) in 'Confirm'")  # renumbered
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, ALT)
    assert numbers(editor) == [1, 2, 4, 3, 5]
    assert editor.list.currentRow() == 3
    editor.down_button.click()
    assert numbers(editor) == [1, 2, 4, 5, 3]
    assert not editor.down_button.isEnabled()  # the last row goes nowhere
    qtbot.keyClick(editor.list, Qt.Key.Key_Down, ALT)
    assert numbers(editor) == [1, 2, 4, 5, 3]
    editor.list.setCurrentRow(0)
    assert not editor.up_button.isEnabled()
    assert [t.split(".")[0] for t in texts(editor)] == ["1", "2", "3", "4", "5"]


def test_delete_by_key_and_button_down_to_the_empty_state(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(1)
    editor.list.setFocus()
    with qtbot.waitSignal(editor.steps_edited, timeout=1000):
        qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert numbers(editor) == [1, 3, 4, 5]
    assert editor.list.currentRow() == 1  # the next step is selected
    assert editor.count_label.text().startswith("4 ")
    for _ in range(4):
        editor.delete_button.click()
    assert editor.steps() == []
    assert editor.pages.currentWidget() is editor.empty_label
    assert editor.empty_label.text() == "No steps were recorded."
    assert not editor.add_button.isEnabled()
    editor.reject()  # nothing to lose: no question
    assert editor.result() == QDialog.DialogCode.Rejected


def test_an_empty_recording_says_so(make_editor):
    editor = make_editor([])
    assert editor.pages.currentWidget() is editor.empty_label
    assert not editor.add_button.isEnabled() and not editor.report_check.isEnabled()


def test_caption_edited_in_place_with_f2(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(1)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_F2)
    line = editor.list.findChild(QLineEdit)
    assert line is not None and line.isVisible()
    assert line.text() == "Typed 12 characters in 'Invoice 42 – Billing'"  # no number in it
    line.selectAll()
    qtbot.keyClicks(line, "Typed the invoice number")
    with qtbot.waitSignal(editor.steps_edited, timeout=1000):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    step = editor.steps()[1]
    assert step.caption == "Typed the invoice number" and step.caption_edited
    assert step.kind == "typing" and step.chars == 12  # the count stays, still no keys
    assert texts(editor)[1] == "2. Typed the invoice number"
    # An emptied caption is the generated one again, not an empty line.
    editor.set_caption(1, "   ")
    assert editor.steps()[1].caption == "Typed 12 characters in 'Invoice 42 – Billing'"


def test_edit_caption_button_opens_the_editor(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(3)
    editor.edit_button.click()
    line = editor.list.findChild(QLineEdit)
    assert line is not None and line.text() == "Here the window froze"


def test_report_checkbox(qtbot, make_editor):
    editor = make_editor()
    assert editor.include_report()
    with qtbot.waitSignal(editor.steps_edited, timeout=1000):
        qtbot.keyClick(editor, Qt.Key.Key_H, ALT)  # its mnemonic
    assert not editor.include_report()


def test_annotate_replaces_the_image_and_reopens_the_marks(qtbot, make_editor, drafts):
    editor = make_editor()
    editor.list.setCurrentRow(2)
    before = editor.steps()[2].image_sha256
    editor.annotate_button.click()
    qtbot.waitUntil(lambda: editor.annotator() is not None, timeout=5000)
    dialog = editor.annotator()
    assert isinstance(dialog, AnnotatorDialog)
    wait_rendered(qtbot, dialog)
    actual_size(dialog)
    drag(qtbot, dialog, QPoint(20, 30), QPoint(120, 90))
    wait_rendered(qtbot, dialog)
    with qtbot.waitSignal(editor.steps_edited, timeout=5000):
        dialog.attach_button.click()
    after = editor.steps()[2].image_sha256
    assert after and after != before
    assert not editor.busy() and editor.add_button.isEnabled()
    sent = QImage.fromData(drafts.read_blob(after))
    original = QImage.fromData(drafts.read_blob(before))
    assert sent.size() == original.size() and sent != original
    assert sent.pixelColor(70, 30) != original.pixelColor(70, 30)  # on the rectangle's edge
    ref = editor.annotated()[after]
    assert "rectangle" in ref.annotations
    # The annotator keeps the screenshot it opened, losslessly, to reopen it with its marks.
    kept = QImage.fromData(drafts.read_blob(ref.original_sha256))
    assert kept.convertToFormat(QImage.Format.Format_RGB32) == original.convertToFormat(
        QImage.Format.Format_RGB32
    )
    assert [s.number for s in editor.steps()] == [1, 2, 3, 4, 5]  # nothing else moved
    qtbot.waitUntil(lambda: editor.thumbnail_loaded(2), timeout=5000)

    # Again: the annotator opens on the original with the rectangle still editable.
    editor.annotate_button.click()
    qtbot.waitUntil(lambda: editor.annotator() is not None, timeout=5000)
    again = editor.annotator()
    assert isinstance(again, AnnotatorDialog)
    assert len(again.result_document().operations) == 1
    wait_rendered(qtbot, again)
    again.reject()  # no change: closes without a question
    qtbot.waitUntil(lambda: editor.annotator() is None and not editor.busy(), timeout=3000)
    assert editor.steps()[2].image_sha256 == after


def test_discard_asks_first_and_add_accepts(qtbot, make_editor):
    editor = make_editor()
    editor.discard_button.click()
    box = editor.discard_question()
    assert box is not None and editor.isVisible()
    box.escapeButton().click()  # "Keep editing"
    qtbot.waitUntil(lambda: editor.discard_question() is None, timeout=1000)
    assert editor.isVisible() and len(editor.steps()) == 5
    editor.discard_button.click()
    box = editor.discard_question()
    assert box is not None
    editor.discard_confirm_button.click()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=1000)
    assert editor.result() == QDialog.DialogCode.Rejected


def test_add_to_ticket_accepts_with_the_edited_steps(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(3)
    editor.delete_button.click()
    editor.add_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert [s.number for s in editor.steps()] == [1, 2, 3, 5]


def test_screenshot_of_the_editor(qtbot, make_editor, tmp_path):
    """A picture to look at (TICKETWISE_SHOTS=folder keeps it); it must not be blank."""
    editor = make_editor()
    editor.resize(1000, 700)
    qtbot.waitUntil(lambda: all_thumbnails(editor), timeout=5000)
    qtbot.waitUntil(lambda: not editor.preview.image().isNull(), timeout=5000)
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name, height in (("steps-editor-1000x700.png", 700), ("steps-editor-1000x560.png", 560)):
        editor.resize(1000, height)
        qtbot.waitUntil(lambda h=height: editor.height() == h, timeout=1000)
        picture = editor.grab()
        assert picture.save(str(folder / name))
    assert editor.minimumSizeHint().height() <= 560  # fits a 768 px screen with room to spare
    editor.resize(1000, 700)
    editor.list.setCurrentRow(1)
    editor.edit_button.click()
    line = editor.list.findChild(QLineEdit)
    assert line is not None
    assert editor.grab().save(str(folder / "steps-editor-editing.png"))
    line.clearFocus()
    for _ in range(5):
        editor.delete_button.click()
    assert editor.grab().save(str(folder / "steps-editor-empty.png"))


def test_closing_while_thumbnails_load_is_quiet(qtbot, drafts, runner):
    editor = StepsEditor(recording(drafts), drafts, runner)
    assert runner.pending() >= 4
    shiboken6.delete(editor)  # the caller drops the dialog at once (e.g. Discard)
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5000)  # callbacks ran: no error


def test_a_lost_screenshot_is_said_plainly(qtbot, make_editor, drafts):
    steps = recording(drafts)
    drafts.blob_path(steps[2].image_sha256).unlink()  # gone since the recording
    editor = make_editor(steps)
    editor.list.setCurrentRow(2)
    qtbot.waitUntil(lambda: "could not be read" in editor.preview.message(), timeout=5000)
    editor.annotate_button.click()
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox) is not None, timeout=5000)
    box = editor.findChild(QMessageBox)
    assert "stored copy could not be read" in box.text()
    assert "internal error" not in box.text()
    assert not editor.busy() and editor.annotator() is None
    box.close()
    assert len(editor.steps()) == 5  # the step stays, with its caption


def test_a_caption_still_being_typed_is_kept_by_add_to_ticket(qtbot, make_editor):
    editor = make_editor()
    editor.list.setCurrentRow(0)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_F2)
    line = editor.list.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Saved the invoice")
    # Pressed without taking the focus from the caption (an accessibility tool's "press"):
    # the focus-out that commits an edit never comes.
    editor.add_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.steps()[0].caption == "Saved the invoice"


def test_it_says_what_the_steps_will_weigh_and_warns_over_the_limit(qtbot, drafts, runner) -> None:
    steps = recording(drafts)
    stored = sum(drafts.blob_path(s.image_sha256).stat().st_size for s in steps if s.image_sha256)
    editor = StepsEditor(steps, drafts, runner, size_limit=10 * 1024 * 1024)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.estimated_bytes()[0] == stored, timeout=5000)
    images, report = editor.estimated_bytes()
    assert report > images  # the report embeds them all, base64-encoded
    assert editor.size_label.text().startswith("Screenshots ")
    assert "the report adds about" in editor.size_label.text()
    assert "over the" not in editor.size_label.text()
    editor.report_check.setChecked(False)
    assert editor.estimated_bytes() == (stored, 0)
    assert "report" not in editor.size_label.text()
    editor.list.setCurrentRow(0)
    editor.delete_button.click()  # a step with a screenshot gone: it weighs less
    assert editor.estimated_bytes()[0] < stored

    small = StepsEditor(recording(drafts), drafts, runner, size_limit=stored, already=1)
    qtbot.addWidget(small)
    qtbot.waitUntil(lambda: "over the" in small.size_label.text(), timeout=5000)
    assert "leave out the report or some screenshots" in small.size_label.text()
