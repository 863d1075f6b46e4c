"""The composer as a user drives it: typing, checklist, autosave, restart, attachments, send."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.core.composer import CheckId, Level
from app.core.model import OutboxState
from app.ui.main_window import PAGE_OUTBOX
from app.ui.profiles import ProfileSetupDialog
from tests.ui.conftest import add_profile


def levels(window) -> dict[CheckId, Level]:
    return {c.id: c.level for c in window.composer.checks()}


def fill(qtbot, window, *, subject: str = "Invoice PDF export fails with error 500") -> None:
    composer = window.composer
    qtbot.keyClicks(composer.subject, subject)
    qtbot.keyClicks(
        composer.what_happened,
        "Since this morning the export button shows an error page instead of the PDF.",
    )
    qtbot.keyClicks(composer.steps, "Open Invoices")
    qtbot.keyClick(composer.steps, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.steps, "Select invoice 2026-118 and press Export PDF")


def test_window_title_and_empty_checklist(make_window) -> None:
    window = make_window()
    assert "Ticketwise" in window.windowTitle()
    got = levels(window)
    assert got[CheckId.SUBJECT] is Level.BLOCKER
    assert got[CheckId.DESCRIPTION] is Level.BLOCKER
    assert got[CheckId.IMAGES] is Level.ADVICE


def test_checklist_reacts_to_each_edit(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    qtbot.keyClicks(composer.subject, "help")
    assert levels(window)[CheckId.SUBJECT] is Level.ADVICE
    assert composer.checklist.checks[0].reason == "generic"
    composer.subject.clear()
    qtbot.keyClicks(composer.subject, "Invoice PDF export fails with error 500")
    assert levels(window)[CheckId.SUBJECT] is Level.OK
    fill(qtbot, window, subject="")
    assert levels(window)[CheckId.DESCRIPTION] is Level.OK
    assert levels(window)[CheckId.STEPS] is Level.OK
    assert levels(window)[CheckId.EXPECTED_ACTUAL] is Level.ADVICE
    qtbot.keyClicks(composer.expected, "A PDF download")
    qtbot.keyClicks(composer.actual, "Error 500 page")
    assert levels(window)[CheckId.EXPECTED_ACTUAL] is Level.OK
    composer.browser.setCurrentIndex(0)  # "Not a browser problem"
    assert levels(window)[CheckId.BROWSER] is Level.OK
    assert composer.draft.browser == "-"
    assert "5 of 6" in composer.checklist._summary.text()


def test_autosave_within_a_second_and_restore_after_restart(qtbot, make_window) -> None:
    window = make_window()
    fill(qtbot, window)
    last_edit = time.monotonic()
    repo = window._ctx.drafts_repo

    def saved() -> None:
        latest = repo.latest()
        assert latest is not None and "2026-118" in latest.steps

    qtbot.waitUntil(saved, timeout=3000)
    assert time.monotonic() - last_edit < 1.0
    draft_id = window.composer.draft_id
    window.close()

    again = make_window()
    qtbot.waitUntil(lambda: again.composer.draft_id == draft_id, timeout=3000)
    assert again.composer.subject.text() == "Invoice PDF export fails with error 500"
    assert "2026-118" in again.composer.steps.toPlainText()
    assert len(repo.list_all()) == 1  # updated in place, never duplicated


def test_drafts_list_resume_and_delete(qtbot, make_window) -> None:
    window = make_window()
    fill(qtbot, window, subject="First ticket about invoices export")
    qtbot.waitUntil(lambda: window.composer.draft_id is not None, timeout=3000)
    first = window.composer.draft_id
    window.new_ticket()
    qtbot.keyClicks(window.composer.subject, "Second ticket about the login page")
    qtbot.keyClicks(window.composer.what_happened, "The login page loops.")
    qtbot.waitUntil(lambda: window.composer.draft_id not in (None, first), timeout=3000)
    window.show_page(1)
    qtbot.waitUntil(lambda: window.drafts_view.tree.topLevelItemCount() == 2, timeout=3000)
    window.drafts_view.open_requested.emit(first)
    qtbot.waitUntil(lambda: window.composer.draft_id == first, timeout=3000)
    assert window.composer.subject.text() == "First ticket about invoices export"


def test_attach_file_and_pasted_image(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    log = tmp_path / "app.log"
    log.write_bytes(b"line 1\nline 2\n")
    window.composer.attach_files([str(log)])
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 1, timeout=3000)
    assert levels(window)[CheckId.IMAGES] is Level.ADVICE
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    QApplication.clipboard().setImage(image)
    window.composer.paste_button.click()
    dialog = annotator_of(qtbot, window)  # a pasted image goes through the annotator
    dialog.attach_button.click()
    qtbot.waitUntil(lambda: window.composer.attachments.count() == 2, timeout=3000)
    assert levels(window)[CheckId.IMAGES] is Level.OK
    refs = window.composer.draft.attachments
    assert refs[0].name == "app.log" and refs[0].size == 14
    png = window._drafts.blob_path(refs[1].sha256).read_bytes()
    assert png.startswith(b"\x89PNG")
    decoded = QImage.fromData(png)
    assert decoded.width() == 64 and decoded.pixelColor(10, 10) == QColor("red")


def annotator_of(qtbot, window):  # type: ignore[no-untyped-def]
    """The annotator the capture flow opened for ``window``."""
    from app.ui.annotator import AnnotatorDialog

    qtbot.waitUntil(lambda: window.findChild(AnnotatorDialog) is not None, timeout=3000)
    dialog = window.findChild(AnnotatorDialog)
    qtbot.waitUntil(lambda: not dialog.render_pending(), timeout=3000)
    return dialog


def test_send_is_blocked_without_subject(qtbot, make_window) -> None:
    window = make_window()
    qtbot.keyClicks(window.composer.what_happened, "Something broke")
    window.composer.send_button.click()
    assert window.composer.subject.hasFocus() or QApplication.focusWidget() is None
    assert "subject" in window.status_label.text().lower()
    assert window._ctx.outbox_repo.list_items() == []


def test_send_moves_the_draft_to_the_outbox_and_delivers(qtbot, make_window, smtp_server) -> None:
    window = make_window()
    add_profile(window, smtp_server.port)
    fill(qtbot, window)
    qtbot.waitUntil(lambda: window.composer.draft_id is not None, timeout=3000)
    window.composer.send_button.click()
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=10_000)
    repo = window._ctx.outbox_repo
    qtbot.waitUntil(lambda: repo.list_items()[0].state is OutboxState.SENT, timeout=5000)
    assert window._ctx.drafts_repo.list_all() == []  # the draft became the outbox item
    assert window.composer.subject.text() == ""  # and the composer is fresh
    message = smtp_server.messages[0].message
    assert message["Subject"] == "Invoice PDF export fails with error 500"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "What happened:\nSince this morning" in body
    assert "1. Open Invoices\n2. Select invoice 2026-118" in body
    window.show_page(PAGE_OUTBOX)

    def shown_sent() -> None:
        tree = window.outbox_view.tree
        assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(2).startswith("Sent")

    qtbot.waitUntil(shown_sent, timeout=3000)


def test_unreachable_server_keeps_the_ticket_queued(qtbot, make_window) -> None:
    window = make_window()
    add_profile(window, port=1)  # nothing listens on port 1
    fill(qtbot, window)
    window.composer.send_button.click()
    repo = window._ctx.outbox_repo

    def retried() -> None:
        items = repo.list_items()
        assert items and items[0].state is OutboxState.QUEUED and items[0].attempts == 1

    qtbot.waitUntil(retried, timeout=10_000)
    item = repo.list_items()[0]
    assert item.error_kind == "not_reachable" and item.error_reason == "refused"
    window.show_page(PAGE_OUTBOX)

    def shown_waiting() -> None:  # an earlier refresh may still show it "Queued": wait for this one
        tree = window.outbox_view.tree
        assert tree.topLevelItemCount() == 1 and "next try" in tree.topLevelItem(0).text(2)

    qtbot.waitUntil(shown_waiting, timeout=3000)
    assert "refused the connection" in window.outbox_view.detail.text()


def test_first_send_without_profile_leads_through_setup(qtbot, make_window, smtp_server) -> None:
    window = make_window()
    fill(qtbot, window)
    seen: list[ProfileSetupDialog] = []

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProfileSetupDialog):
            QTimer.singleShot(50, fill_dialog)
            return
        seen.append(dialog)
        form = dialog.form
        form.to_address.setText("support@acme.example")
        qtbot.keyClicks(form.from_address, "jane@customer.example")
        assert form.host.text() == "smtp.customer.example"  # guessed from the address
        assert form.login.text() == "jane@customer.example"
        form.host.setText("127.0.0.1")
        form.security.setCurrentIndex(form.security.findData("none"))
        form.port.setValue(smtp_server.port)
        form.login.clear()
        dialog.save_button.click()

    QTimer.singleShot(0, fill_dialog)
    window.composer.send_button.click()
    assert seen, "the setup dialog did not open"
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=10_000)
    assert window._ctx.profiles.names() == ["Help desk"]
    assert window._ctx.settings.get_str("default_profile") == "Help desk"


def test_a_late_draft_lookup_does_not_move_the_focus_from_where_the_user_types(
    qtbot, make_window
) -> None:
    """On a busy machine the "last draft" lookup can answer after the user started typing: the
    keys must keep going where the user put them (a kill -9 e2e run caught the text of the
    description landing in the subject)."""
    window = make_window()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)  # focus needs the active window
    composer = window.composer
    qtbot.keyClicks(composer.subject, "Scanner not found")
    composer.what_happened.setFocus()
    qtbot.waitUntil(composer.what_happened.hasFocus, timeout=10_000)
    window._on_latest_loaded(None)  # the answer arriving late: no draft to restore
    assert composer.what_happened.hasFocus()
    qtbot.keyClicks(composer.what_happened, "Since the update")
    assert composer.subject.text() == "Scanner not found"
