"""From a finished (or recovered) recording to the draft: the steps editor opens with the
captions in the user's language, "Add to ticket" puts the numbered steps, their screenshots
and the report into the draft being written, and only then is the journal let go."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from app.core.composer import render_body
from app.core.steps import Step, new_step
from app.store.recording import RecordingJournal


def png(color: str) -> bytes:
    image = QImage(64, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def journal_with_steps(ctx) -> list[Step]:
    t = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    first, _ = ctx.blobs.put_bytes(png("red"))
    third, _ = ctx.blobs.put_bytes(png("blue"))
    steps = [
        new_step(1, t, "click", window_title="Invoice 42", x=10, y=20, button="left"),
        new_step(2, t, "typing", window_title="Invoice 42", chars=7),
        new_step(3, t, "click", window_title="Confirm", x=30, y=40, button="left"),
    ]
    steps[0] = steps[0].with_changes(image_sha256=first)
    steps[2] = steps[2].with_changes(image_sha256=third)
    RecordingJournal(ctx.paths.recording_journal).write(steps)
    return steps


def review(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window._recovery_box is not None, timeout=5000)
    box = window._recovery_box
    next(b for b in box.buttons() if b.text().replace("&", "") == "Review").click()
    qtbot.waitUntil(lambda: window.steps_editor is not None, timeout=3000)


def test_add_to_ticket_puts_steps_screenshots_and_report_into_the_draft(
    qtbot, make_window, ctx
) -> None:
    journal_with_steps(ctx)
    window = make_window()
    qtbot.keyClicks(window.composer.steps, "Opened the invoice list")
    review(qtbot, window)
    editor = window.steps_editor
    assert [s.caption for s in editor.steps()] == [
        "Clicked in 'Invoice 42'",
        "Typed 7 characters in 'Invoice 42'",
        "Clicked in 'Confirm'",
    ]
    editor.add_button.click()
    composer = window.composer
    journal = RecordingJournal(ctx.paths.recording_journal)
    qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
    lines = composer.steps.toPlainText().splitlines()
    assert lines[0] == "Opened the invoice list"  # what the user typed stays first
    assert lines[1] == ""
    # Numbered on from the user's line, as the sent body numbers them; each names its picture.
    assert lines[2].startswith("2. Clicked in 'Invoice 42'") and lines[2].endswith("[step-02.png]")
    assert lines[3].startswith("3. Typed 7 characters in 'Invoice 42'")
    assert lines[4].startswith("4. Clicked in 'Confirm'") and lines[4].endswith("[step-04.png]")
    names = [ref.name for ref in composer.draft.attachments]
    assert names == ["step-02.png", "step-04.png", "steps-report.html"]
    body = render_body(composer.draft)
    assert "\n2. Clicked in 'Invoice 42'" in body and "[step-04.png]" in body
    # The journal went after the draft with the steps was on disk.
    saved = window._ctx.drafts_repo.list_all()
    assert len(saved) == 1 and "[step-04.png]" in saved[0].steps
    assert [ref.name for ref in saved[0].attachments] == names
    assert window.steps_editor is None


def test_a_second_recording_in_the_same_ticket_goes_on_numbering_and_naming(
    qtbot, make_window, ctx
) -> None:
    journal_with_steps(ctx)
    window = make_window()
    review(qtbot, window)
    window.steps_editor.add_button.click()
    journal = RecordingJournal(ctx.paths.recording_journal)
    qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
    window.recording_finished.emit(journal_with_steps(ctx))  # recorded again, stopped
    qtbot.waitUntil(lambda: window.steps_editor is not None, timeout=3000)
    window.steps_editor.add_button.click()
    qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
    composer = window.composer
    names = [ref.name for ref in composer.draft.attachments]
    assert names == [
        "step-01.png",
        "step-03.png",
        "steps-report.html",
        "step-04.png",
        "step-06.png",
        "steps-report-2.html",
    ]
    numbers = [line.split(".")[0] for line in composer.steps.toPlainText().splitlines() if line]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    assert len(set(names)) == len(names)


def test_discarding_after_the_question_lets_the_journal_go(qtbot, make_window, ctx) -> None:
    journal_with_steps(ctx)
    window = make_window()
    review(qtbot, window)
    editor = window.steps_editor
    editor.reject()
    qtbot.waitUntil(lambda: editor.discard_question() is not None, timeout=2000)
    editor.discard_confirm_button.click()
    journal = RecordingJournal(ctx.paths.recording_journal)
    qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
    assert window.composer.steps.toPlainText() == ""
    assert window.composer.draft.attachments == ()


def test_quitting_with_the_editor_open_keeps_the_recording(qtbot, make_window, ctx) -> None:
    steps = journal_with_steps(ctx)
    window = make_window()
    review(qtbot, window)
    window.prepare_quit()
    assert window.steps_editor is None  # closed without asking
    window._runner.wait_all(5000)
    assert RecordingJournal(ctx.paths.recording_journal).read() == steps  # offered next time


def test_no_new_recording_while_the_last_one_is_reviewed(qtbot, make_window, ctx) -> None:
    journal_with_steps(ctx)
    window = make_window()
    review(qtbot, window)
    assert window.start_recording() is False  # refused before any listener is asked
    assert window.recorder is not None and not window.recorder.recording
    assert window.status_label._full == "Finish reviewing the recorded steps first."
    assert window.steps_editor is not None  # still there, raised
