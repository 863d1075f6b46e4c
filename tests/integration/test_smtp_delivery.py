"""Sending tickets through the outbox service to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from app.connectors.mail import SmtpConnector
from app.core.composer import render_body
from app.core.errors import (
    AuthError,
    CertificateError,
    OutcomeUnknown,
    RecipientRefused,
    Rejected,
    TooLarge,
)
from app.core.model import Draft, OutboxState, Submission, new_submission_key, utc_now
from app.services.context import AppContext
from app.services.drafts import DraftService
from app.services.outbox import CancelFlag, OutboxService, Outcome
from tests.integration.conftest import (
    FROM,
    FROM_NAME,
    PASSWORD,
    TO,
    USER,
    free_port,
    text_of,
)

SUBJECT = "Fattura di marzo: l'esportazione PDF non parte pi\u00f9 \U0001f62d \u2014 perch\u00e9?"


def _draft(ctx: AppContext, tmp_path: Path, *, attachment_bytes: int = 50_000) -> Draft:
    """A complete draft with a screenshot and a text file, saved as the composer would."""
    shot = tmp_path / "schermata \u00e8 \U0001f600.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(attachment_bytes))
    notes = tmp_path / "note perch\u00e9.txt"
    notes.write_text("Citt\u00e0: Pescara\n.riga che inizia con un punto\n", encoding="utf-8")
    drafts = DraftService(ctx)
    return drafts.save(
        Draft(
            subject=SUBJECT,
            what_happened="Il pulsante \u00abEsporta PDF\u00bb non fa nulla.\n"
            ".htaccess e From: righe che un server potrebbe alterare\n"
            "From the logs nothing",
            steps="1. Apri Fatture\n2. Seleziona marzo\n3. Clicca Esporta PDF",
            expected="Scarica il PDF.",
            actual="Nessun file, nessun errore.",
            browser="Firefox 128",
            attachments=(drafts.store_file(shot), drafts.store_file(notes)),
        )
    )


def _assert_delivered_as_composed(server, ctx: AppContext, draft: Draft) -> None:
    (received,) = server.messages
    assert received.mail_from == FROM
    assert received.rcpt_tos == [TO]
    message = received.message
    assert message["Subject"] == SUBJECT
    assert message["From"].addresses[0].display_name == FROM_NAME
    parts = list(message.iter_parts())
    assert text_of(parts[0]) == render_body(draft)
    assert [p.get_filename() for p in parts[1:]] == [a.name for a in draft.attachments]
    for part, ref in zip(parts[1:], draft.attachments, strict=True):
        assert part.get_payload(decode=True) == ctx.blobs.read(ref.sha256)
        assert part.get_content_type() == ref.mime


@pytest.mark.parametrize("security", ["starttls", "ssl", "none"])
def test_a_ticket_arrives_exactly_as_composed(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path, security: str
):
    with_login = security != "none"
    server = smtp_server(security=security, users={USER: PASSWORD} if with_login else None)
    add_profile(server.port, security=security, login=USER if with_login else "")
    draft = _draft(ctx, tmp_path)
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(draft)
    progress: list[tuple[int, int]] = []

    result = outbox.send_one(
        item.id, on_progress=lambda done, total: progress.append((done, total))
    )

    assert result.outcome is Outcome.SENT, result.error
    _assert_delivered_as_composed(server, ctx, draft)
    sent = outbox.repo.get(item.id)
    assert sent.state is OutboxState.SENT
    assert sent.attempts == 1
    assert sent.error_kind == ""
    assert sent.sent_at is not None
    assert progress and progress[-1][0] == progress[-1][1]  # 50 kB in base64 is chunked
    assert server.messages[0].message["X-Ticketwise-Submission"] == item.submission.submission_key
    assert ctx.messages.history[-1].kind == "outbox_sent"
    assert outbox.flush(ignore_backoff=True) == []  # sent once, never again
    assert len(server.messages) == 1


def test_wrong_password_is_an_auth_error_and_the_item_is_kept(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    server = smtp_server(security="starttls", users={USER: "Th3-real-0ne"})
    add_profile(server.port, security="starttls")
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path))

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, AuthError)
    failed = outbox.repo.get(item.id)
    assert (failed.state, failed.error_kind) == (OutboxState.FAILED, "auth")
    assert failed.submission == item.submission  # kept whole, to send after the fix
    assert server.messages == []
    assert ctx.messages.history[-1].kind == "auth"
    assert outbox.flush(ignore_backoff=True) == []  # not retried by itself

    ctx.secrets.set("profile:Helpdesk", "Th3-real-0ne")  # the user fixes the password
    assert outbox.retry(item.id)
    assert outbox.send_one(item.id).outcome is Outcome.SENT
    assert len(server.messages) == 1


def test_a_refused_recipient_fails_the_item(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    server = smtp_server(security="starttls", users={USER: PASSWORD}, refuse={TO})
    add_profile(server.port, security="starttls")
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path))

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, RecipientRefused)
    assert TO in result.error.reason
    assert "User unknown" in result.error.reason
    failed = outbox.repo.get(item.id)
    assert (failed.state, failed.error_kind) == (OutboxState.FAILED, "recipient_refused")
    assert server.messages == []


def test_a_server_size_limit_stops_the_send_before_data(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    server = smtp_server(security="starttls", users={USER: PASSWORD}, size_limit=20_000)
    profile = add_profile(server.port, security="starttls")
    draft = _draft(ctx, tmp_path, attachment_bytes=30_000)
    submission = Submission(new_submission_key(), "Helpdesk", "s", "b", draft.attachments)
    stages: list[str] = []

    with pytest.raises(TooLarge) as info:
        SmtpConnector(profile, PASSWORD).create_ticket(
            submission, ctx.blobs.read, on_stage=stages.append
        )
    assert info.value.params["limit"] == 20_000
    assert info.value.params["size"] > 40_000
    assert stages == ["connecting"]  # never reached "committing": no DATA, not even MAIL FROM
    assert server.sink.aborted == 0

    outbox = OutboxService(ctx)
    item = outbox.submit_draft(draft)
    result = outbox.send_one(item.id)
    assert result.outcome is Outcome.FAILED
    assert outbox.repo.get(item.id).error_kind == "too_large"
    assert server.messages == []


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_an_untrusted_certificate_is_refused(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path, security: str
):
    server = smtp_server(security=security, users={USER: PASSWORD})
    add_profile(server.port, security=security, trust_ca=False)
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path))

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, CertificateError)
    assert "certificate" in str(result.error).lower()
    assert outbox.repo.get(item.id).error_kind == "certificate"
    assert server.messages == []


def test_a_server_that_is_down_keeps_the_item_queued_then_delivers_it_once(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    port = free_port()
    add_profile(port, security="starttls")
    outbox = OutboxService(ctx)
    draft = _draft(ctx, tmp_path)
    item = outbox.submit_draft(draft)

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.RETRY
    waiting = outbox.repo.get(item.id)
    assert waiting.state is OutboxState.QUEUED
    assert waiting.error_kind == "not_reachable"
    assert waiting.attempts == 1
    assert waiting.next_attempt_at is not None
    assert waiting.next_attempt_at > utc_now() + timedelta(seconds=20)  # 30 s +-20 %
    assert outbox.flush() == []  # not due yet

    server = smtp_server(security="starttls", users={USER: PASSWORD}, port=port)
    (delivered,) = outbox.flush(ignore_backoff=True)
    assert delivered.outcome is Outcome.SENT
    _assert_delivered_as_composed(server, ctx, draft)
    assert outbox.repo.get(item.id).attempts == 2
    assert outbox.flush(ignore_backoff=True) == []
    assert len(server.messages) == 1


def test_a_server_that_hangs_after_data_leaves_the_outcome_unknown(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    ctx.settings.set("network_timeout_s", 3)  # the shortest allowed
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    server.sink.hang_after_data = threading.Event()
    add_profile(server.port, security="starttls")
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path))

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.UNKNOWN
    assert isinstance(result.error, OutcomeUnknown)
    unknown = outbox.repo.get(item.id)
    assert (unknown.state, unknown.error_kind) == (OutboxState.UNKNOWN, "outcome_unknown")
    assert ctx.messages.history[-1].kind == "outcome_unknown"
    # Never silently resent: not by a flush, not by crash recovery.
    assert outbox.flush(ignore_backoff=True) == []
    assert outbox.recover() == []
    assert outbox.repo.get(item.id).state is OutboxState.UNKNOWN
    assert server.sink.wait_aborted(1), "the server never saw the client give up"
    server.sink.hang_after_data.set()
    assert server.messages == []


def test_a_rejection_after_the_data_is_a_failure_not_an_unknown(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    server.sink.reject_after_data = "554 5.7.1 Message rejected as spam"
    add_profile(server.port, security="starttls")
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path))

    result = outbox.send_one(item.id)

    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, Rejected)
    assert "rejected as spam" in str(result.error)
    failed = outbox.repo.get(item.id)
    assert (failed.state, failed.error_kind) == (OutboxState.FAILED, "rejected")


def test_cancel_during_a_large_upload_delivers_nothing(
    ctx: AppContext, smtp_server, add_profile, tmp_path: Path
):
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    add_profile(server.port, security="starttls")
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(_draft(ctx, tmp_path, attachment_bytes=3 * 1024 * 1024))
    cancel = CancelFlag()
    progress: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> None:
        progress.append((done, total))
        if len(progress) == 3:
            cancel.set()  # the user pressed Cancel while the upload was under way

    result = outbox.send_one(item.id, cancel=cancel, on_progress=on_progress)

    assert result.outcome is Outcome.FAILED
    assert result.error is None  # a cancellation is not an error to show
    cancelled = outbox.repo.get(item.id)
    assert (cancelled.state, cancelled.error_kind) == (OutboxState.FAILED, "cancelled")
    assert len(progress) == 3
    assert progress[-1][0] < progress[-1][1]  # stopped part-way
    assert server.sink.wait_aborted(1), "the server never saw the transaction end"
    assert server.messages == []
