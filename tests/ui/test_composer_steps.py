"""ComposerWidget.insert_steps: a recording joins the draft without eating what the user typed."""

from __future__ import annotations

from app.services.steps import REPORT_NAME, StepsInsertion, prepare_insertion
from tests.ui.test_steps_editor import recording


def insertion(window) -> StepsInsertion:  # type: ignore[no-untyped-def]
    drafts = window._drafts
    return prepare_insertion(drafts, recording(drafts), report=True)


def test_into_an_empty_field_with_attachments_and_autosave(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    composer = window.composer
    # The start-up puts the cursor in the subject once the last draft is looked up: after that.
    qtbot.waitUntil(lambda: window._runner.pending() == 0, timeout=5000)
    added = insertion(window)
    with qtbot.waitSignal(composer.draft_saved, timeout=5000) as saved:
        composer.insert_steps(added)
    assert composer.steps.toPlainText() == added.text
    assert added.text.startswith("1. Clicked (left) on 'Save' in 'Invoice 42 – Billing' (")
    assert [a.name for a in composer.draft.attachments] == [
        "step-01.png",
        "step-03.png",
        "step-05.png",
        REPORT_NAME,
    ]
    assert composer.attachments.count() == 4
    qtbot.waitUntil(composer.steps.hasFocus, timeout=1000)
    stored = window._drafts.get(saved.args[0].id)
    assert stored.steps == added.text and stored.attachments == added.attachments


def test_after_what_the_user_typed_and_one_undo_takes_it_back(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    composer.steps.setFocus()
    qtbot.keyClicks(composer.steps, "Opened the invoice")
    added = insertion(window)
    composer.insert_steps(added)
    assert composer.steps.toPlainText() == "Opened the invoice\n\n" + added.text
    assert composer.draft.steps == composer.steps.toPlainText()
    composer.steps.undo()
    assert composer.steps.toPlainText() == "Opened the invoice"
    assert composer.draft.steps == "Opened the invoice"  # the draft follows the undo


def test_a_trailing_newline_gets_one_blank_line_only(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    composer.steps.setPlainText("1. Opened it\n")
    added = insertion(window)
    composer.insert_steps(added)
    assert composer.steps.toPlainText() == "1. Opened it\n\n" + added.text


def test_whitespace_only_is_replaced_and_undo_restores_it(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    composer.steps.setPlainText("  \n\t\n")
    added = insertion(window)
    composer.insert_steps(added)
    assert composer.steps.toPlainText() == added.text
    composer.steps.undo()
    assert composer.steps.toPlainText() == "  \n\t\n"


def test_lost_screenshots_are_reported(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    with qtbot.waitSignal(composer.status_message, timeout=1000) as message:
        composer.insert_steps(StepsInsertion("1. Clicked", (), missing_images=(1, 3)))
    assert "1, 3" in message.args[0]
    assert composer.steps.toPlainText() == "1. Clicked"
