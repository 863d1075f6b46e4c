"""The outbox service without a network: backoff, what may be queued, failures before connecting."""

from __future__ import annotations

import random
from email import policy

import pytest

from app.config.profiles import Profile
from app.connectors.mail import build_message
from app.core.composer import render_body
from app.core.errors import ConfigError, NotReady, TooLarge
from app.core.model import OutboxState, SendStage
from app.services.context import AppContext
from app.services.drafts import DraftService
from app.services.messages import Severity
from app.services.outbox import OutboxService, Outcome, backoff_delay

PROFILE = Profile(
    name="Helpdesk",
    to_address="assistenza@example.it",
    from_address="mario.rossi@example.it",
    host="127.0.0.1",
    port=9,  # discard: never contacted by these tests, every one fails before connecting
    security="none",
)


@pytest.fixture
def service(ctx: AppContext) -> OutboxService:
    ctx.profiles.save(PROFILE)
    return OutboxService(ctx)


# -- backoff ----------------------------------------------------------------------------------


@pytest.mark.parametrize("attempts", [0, 1, 2, 3, 5, 8, 12, 40])
def test_backoff_doubles_within_jitter_and_is_capped(attempts: int):
    initial, cap = 30, 3600
    base = min(cap, initial * 2 ** max(attempts - 1, 0))
    delays = [backoff_delay(attempts, initial, cap, random.Random(seed)) for seed in range(300)]
    assert all(0.8 * base <= d <= min(cap, 1.2 * base) for d in delays)
    assert max(delays) <= cap
    # the jitter spreads retries of many clients over the whole band
    assert max(delays) - min(delays) > 0.3 * (min(cap, 1.2 * base) - 0.8 * base)


def test_backoff_grows():
    rng = random.Random(7)
    medians = []
    for attempts in range(1, 8):
        delays = sorted(backoff_delay(attempts, 10, 100_000, rng) for _ in range(101))
        medians.append(delays[50])
    assert medians == sorted(medians)
    assert medians[-1] > 40 * medians[0]


# -- what may be queued -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "blocking"),
    [
        ({"subject": "  "}, ["subject"]),
        ({"what_happened": "", "steps": "", "expected": "", "actual": ""}, ["description"]),
        (
            {"subject": "", "what_happened": "", "steps": "", "expected": "", "actual": ""},
            ["subject", "description"],
        ),
    ],
)
def test_submit_draft_refuses_blockers(ctx: AppContext, service, make_draft, changes, blocking):
    draft = DraftService(ctx).save(make_draft(**changes))
    with pytest.raises(NotReady) as info:
        service.submit_draft(draft)
    assert info.value.params["checks"] == blocking
    assert info.value.exit_code == 2
    assert service.repo.list_items() == []
    assert DraftService(ctx).get(draft.id) == draft  # still there to fix


def test_submit_draft_refuses_a_ticket_that_is_too_large(ctx: AppContext, service, make_draft):
    ctx.settings.set("max_message_mb", 1)
    drafts = DraftService(ctx)
    video = drafts.store_bytes("screen recording.webm", bytes(900 * 1024))
    draft = drafts.save(make_draft(attachments=(video,)))
    with pytest.raises(TooLarge) as info:
        service.submit_draft(draft)
    assert info.value.params["limit"] == 1024 * 1024
    assert info.value.params["size"] > 900 * 1024 * 4 // 3  # base64 makes it grow
    assert service.repo.list_items() == []
    assert drafts.get(draft.id) == draft


def test_estimated_size_is_an_upper_bound_of_the_real_message(ctx: AppContext, service, make_draft):
    drafts = DraftService(ctx)
    refs = tuple(drafts.store_bytes(f"f{i}.bin", bytes(range(256)) * 400 * i) for i in (1, 2, 3))
    item = service.submit_draft(drafts.save(make_draft(attachments=refs)))
    real = len(build_message(item.submission, PROFILE, ctx.blobs.read).as_bytes(policy=policy.SMTP))
    assert real <= service.estimated_size(item.submission) <= real * 1.2


def test_submit_draft_without_any_profile(ctx: AppContext, make_draft):
    draft = DraftService(ctx).save(make_draft())
    with pytest.raises(ConfigError) as info:
        OutboxService(ctx).submit_draft(draft)
    assert info.value.params["reason"] == "no_profile"
    assert info.value.exit_code == 3
    assert DraftService(ctx).get(draft.id) == draft


def test_submit_draft_with_several_profiles_and_no_default(ctx: AppContext, make_draft):
    ctx.profiles.save(PROFILE)
    ctx.profiles.save(Profile(**{**PROFILE.to_dict(), "name": "Other"}))
    with pytest.raises(ConfigError) as info:
        OutboxService(ctx).submit_draft(DraftService(ctx).save(make_draft()))
    assert info.value.params["reason"] == "no_default_profile"


def test_submit_draft_queues_a_snapshot_and_removes_the_draft(ctx: AppContext, service, make_draft):
    drafts = DraftService(ctx)
    shot = drafts.store_bytes("errore.png", b"\x89PNG fake")
    draft = drafts.save(make_draft(subject="  Export PDF fails with 500  ", attachments=(shot,)))
    item = service.submit_draft(draft)
    assert item.state is OutboxState.QUEUED
    assert item.submission.profile == "Helpdesk"
    assert item.submission.subject == "Export PDF fails with 500"
    assert item.submission.body == render_body(draft)
    assert item.submission.attachments == (shot,)
    assert drafts.get(draft.id) is None
    other = service.submit_draft(drafts.save(make_draft()))
    assert other.submission.submission_key != item.submission.submission_key


# -- failures before any connection -----------------------------------------------------------


def test_a_missing_attachment_blob_fails_the_item(ctx: AppContext, service, make_draft):
    drafts = DraftService(ctx)
    shot = drafts.store_bytes("errore.png", b"\x89PNG soon gone")
    item = service.submit_draft(drafts.save(make_draft(attachments=(shot,))))
    ctx.blobs.path(shot.sha256).unlink()

    result = service.send_one(item.id)
    assert result.outcome is Outcome.FAILED
    assert result.error is not None and result.error.kind == "storage"
    failed = service.repo.get(item.id)
    assert (failed.state, failed.error_kind, failed.stage) == (
        OutboxState.FAILED,
        "storage",
        SendStage.NONE,
    )
    assert ctx.messages.history[-1].severity is Severity.ERROR


def test_a_profile_removed_after_queueing_fails_the_item(ctx: AppContext, service, make_draft):
    item = service.submit_draft(DraftService(ctx).save(make_draft()))
    ctx.profiles.remove("Helpdesk")
    result = service.send_one(item.id)
    assert result.outcome is Outcome.FAILED
    assert service.repo.get(item.id).error_kind == "config"


def test_a_keyring_that_fails_fails_the_item(ctx: AppContext, make_draft, request):
    ctx.profiles.save(Profile(**{**PROFILE.to_dict(), "login": "mario"}))
    service = OutboxService(ctx)
    item = service.submit_draft(DraftService(ctx).save(make_draft()))
    request.getfixturevalue("failing_keyring")  # the keyring breaks after the ticket was queued
    result = service.send_one(item.id)
    assert result.outcome is Outcome.FAILED
    assert service.repo.get(item.id).error_kind == "keyring"


def test_an_item_that_is_not_queued_is_skipped(ctx: AppContext, service, make_draft):
    item = service.submit_draft(DraftService(ctx).save(make_draft()))
    assert service.repo.claim(item.id)  # someone else is sending it
    assert service.send_one(item.id).outcome is Outcome.SKIPPED
    assert service.repo.get(item.id).attempts == 1


def test_recover_flags_unknown_outcomes_on_the_message_bus(ctx: AppContext, service, make_draft):
    item = service.submit_draft(DraftService(ctx).save(make_draft()))
    service.repo.claim(item.id)
    service.repo.set_stage(item.id, SendStage.COMMITTING)
    with ctx.db.write() as conn:  # its sender is gone
        conn.execute("UPDATE outbox SET owner='' WHERE id=?", (item.id,))
    assert service.recover() == [item.id]
    message = ctx.messages.history[-1]
    assert (message.severity, message.kind, message.params) == (
        Severity.WARNING,
        "outbox_unknown",
        {"item": item.id},
    )
    assert service.retry(item.id) is True
    assert service.repo.get(item.id).state is OutboxState.QUEUED
