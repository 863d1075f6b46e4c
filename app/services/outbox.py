"""The outbox worker: turns drafts into submissions and delivers each exactly once.

Runs anywhere: the GUI calls it from a worker thread, the CLI calls it directly. It never touches
a widget; progress and results go to callbacks and the message bus.
"""

from __future__ import annotations

import enum
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.connectors import make_connector
from app.core.composer import BodyLabels, blockers, check_draft, render_body
from app.core.connector import Connector, CreateResult
from app.core.errors import (
    Cancelled,
    ConfigError,
    NotReady,
    OutcomeUnknown,
    StorageError,
    TooLarge,
    UserFacingError,
)
from app.core.model import (
    Draft,
    OutboxItem,
    OutboxState,
    SendStage,
    Submission,
    new_submission_key,
    utc_now,
)
from app.services.context import AppContext
from app.services.messages import Message, Severity

if TYPE_CHECKING:  # imported with the store, on first use (see AppContext)
    from app.store.outbox import OutboxRepo

log = logging.getLogger(__name__)

BASE64_GROWTH = 1.37  # base64 with line breaks, plus MIME headers per part


class Outcome(enum.StrEnum):
    """What one attempt did."""

    SENT = "sent"
    RETRY = "retry"  # not reachable now: stays queued with backoff
    FAILED = "failed"  # needs the user
    UNKNOWN = "unknown"  # may or may not have arrived: the user decides
    SKIPPED = "skipped"  # someone else is sending it, or it is no longer queued


@dataclass(frozen=True)
class AttemptResult:
    """The result of one delivery attempt."""

    item_id: int
    outcome: Outcome
    ticket_number: str = ""
    error: UserFacingError | None = None
    next_attempt_at: datetime | None = None


class CancelFlag:
    """A thread-safe cancellation flag."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        """Request cancellation."""
        self._event.set()

    def is_set(self) -> bool:
        """True once requested."""
        return self._event.is_set()


ConnectorFactory = Callable[..., Connector]


def backoff_delay(
    attempts: int, initial_s: int, max_s: int, rng: random.Random | None = None
) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: doubling, capped, +-20 % jitter."""
    base = min(float(max_s), initial_s * 2.0 ** max(attempts - 1, 0))
    jitter = (rng or random).uniform(0.8, 1.2)
    return min(float(max_s), base * jitter)


class OutboxService:
    """Queue and deliver tickets."""

    def __init__(
        self, ctx: AppContext, connector_factory: ConnectorFactory = make_connector
    ) -> None:
        self._ctx = ctx
        self._factory = connector_factory

    @property
    def repo(self) -> OutboxRepo:
        """The outbox rows."""
        return self._ctx.outbox_repo

    # -- queueing -----------------------------------------------------------------------------

    def estimated_size(self, submission: Submission) -> int:
        """A close upper estimate of the wire size (base64 attachments plus headers)."""
        return int(
            len(submission.body.encode()) * 1.1
            + submission.total_attachment_bytes * BASE64_GROWTH
            + 2048
            + 512 * len(submission.attachments)
        )

    def _check_size(self, submission: Submission) -> None:
        limit = self._ctx.settings.get_int("max_message_mb") * 1024 * 1024
        size = self.estimated_size(submission)
        if size > limit:
            raise TooLarge(
                f"the ticket would be about {size} bytes; the limit is {limit}",
                size=size,
                limit=limit,
            )

    def submit_draft(self, draft: Draft, labels: BodyLabels | None = None) -> OutboxItem:
        """Snapshot ``draft`` into the outbox (the draft leaves the drafts list atomically)."""
        problems = blockers(check_draft(draft))
        if problems:
            raise NotReady(
                "the subject and the description must not be empty",
                checks=[c.id.value for c in problems],
            )
        profile = self._ctx.resolve_profile(draft.profile)
        submission = Submission(
            submission_key=new_submission_key(),
            profile=profile.name,
            subject=draft.subject.strip(),
            body=render_body(draft, labels),
            attachments=draft.attachments,
            ticket_number=draft.ticket_number,
            ticket_id=draft.ticket_id,
            in_reply_to=draft.in_reply_to,
            reopen=draft.is_follow_up and profile.reopen_on_follow_up,
        )
        self._check_size(submission)
        item = self.repo.enqueue(submission, draft)
        log.info(
            "outbox: queued item %d (%s) for %s", item.id, submission.submission_key, profile.name
        )
        return item

    def submit(self, submission: Submission) -> OutboxItem:
        """Queue a ready-made submission (the CLI)."""
        self._ctx.profiles.get(submission.profile)
        self._check_size(submission)
        return self.repo.enqueue(submission)

    # -- delivering ---------------------------------------------------------------------------

    def recover(self) -> list[int]:
        """After a crash: requeue interrupted attempts, flag those whose outcome is unknown."""
        unknown = self.repo.recover_interrupted()
        for item_id in unknown:
            self._ctx.messages.post(
                Message(
                    Severity.WARNING,
                    "outbox_unknown",
                    {"item": item_id},
                    "a ticket may or may not have been sent",
                )
            )
        return unknown

    def connector_for(self, profile_name: str) -> Connector:
        """A connector for the profile, with its password from the keyring."""
        profile = self._ctx.profiles.get(profile_name)
        password = self._ctx.secrets.get(profile.keyring_user) if profile.needs_password else None
        imap_password = None
        if profile.reads_mail:  # a separate IMAP password, if one was stored; else the SMTP one
            imap_password = self._ctx.secrets.get(profile.imap_keyring_user)
        return self._factory(
            profile,
            password,
            timeout=float(self._ctx.settings.get_int("network_timeout_s")),
            default_max_bytes=self._ctx.settings.get_int("max_message_mb") * 1024 * 1024,
            imap_password=imap_password,
        )

    def send_one(
        self,
        item_id: int,
        *,
        cancel: CancelFlag | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> AttemptResult:
        """Claim the item and make one delivery attempt."""
        repo = self.repo
        if not repo.claim(item_id):
            return AttemptResult(item_id, Outcome.SKIPPED)
        item = repo.get(item_id)
        assert item is not None
        try:
            connector = self.connector_for(item.submission.profile)
            stages = {"connecting": SendStage.CONNECTING, "committing": SendStage.COMMITTING}
            reconciled = self._reconcile(connector, item)
            if reconciled is not None:
                result = reconciled
            elif item.submission.is_follow_up:
                result = connector.add_article(
                    item.submission,
                    self._ctx.blobs.read,
                    reopen=item.submission.reopen,
                    on_stage=lambda stage: repo.set_stage(item_id, stages[stage]),
                    on_progress=on_progress,
                    cancel=cancel,
                )
            else:
                result = connector.create_ticket(
                    item.submission,
                    self._ctx.blobs.read,
                    on_stage=lambda stage: repo.set_stage(item_id, stages[stage]),
                    on_progress=on_progress,
                    cancel=cancel,
                )
        except Cancelled:
            repo.mark_failed(item_id, "cancelled", "cancelled by the user")
            return AttemptResult(item_id, Outcome.FAILED, error=None)
        except OutcomeUnknown as exc:
            repo.mark_unknown(item_id, exc.kind, str(exc), _reason(exc))
            self._post_error(item, exc)
            return AttemptResult(item_id, Outcome.UNKNOWN, error=exc)
        except UserFacingError as exc:
            if exc.retryable:
                delay = backoff_delay(
                    item.attempts,
                    self._ctx.settings.get_int("retry_initial_s"),
                    self._ctx.settings.get_int("retry_max_s"),
                )
                next_at = utc_now() + timedelta(seconds=delay)
                repo.mark_retry(item_id, next_at, exc.kind, str(exc), _reason(exc))
                log.info("outbox: item %d not sent (%s); retry at %s", item_id, exc, next_at)
                return AttemptResult(item_id, Outcome.RETRY, error=exc, next_attempt_at=next_at)
            repo.mark_failed(item_id, exc.kind, str(exc), _reason(exc))
            self._post_error(item, exc)
            return AttemptResult(item_id, Outcome.FAILED, error=exc)
        except OSError as exc:  # an attachment blob could not be read
            error = StorageError(f"an attachment could not be read: {exc}", reason="blob")
            repo.mark_failed(item_id, error.kind, str(error), "blob")
            self._post_error(item, error)
            return AttemptResult(item_id, Outcome.FAILED, error=error)
        except BaseException as exc:
            # A bug: never leave the item "sending"; keep it for the user and let the crash
            # handler report the bug.
            repo.mark_failed(item_id, "bug", f"{type(exc).__name__}: {exc}")
            raise
        repo.mark_sent(
            item_id,
            result.ticket_number or item.submission.ticket_number,
            ticket_id=result.ticket_id or item.submission.ticket_id,
            url=result.url,
            message_id=result.message_id,
        )
        log.info(
            "outbox: item %d sent (ticket %s, %s)",
            item_id,
            result.ticket_number or "-",
            result.message_id or "-",
        )
        self._ctx.messages.post(
            Message(
                Severity.INFO,
                "outbox_sent",
                {
                    "item": item_id,
                    "subject": item.submission.subject,
                    "ticket": result.ticket_number,
                },
                f"sent: {item.submission.subject}",
            )
        )
        return AttemptResult(item_id, Outcome.SENT, ticket_number=result.ticket_number)

    def _reconcile(self, connector: Connector, item: OutboxItem) -> CreateResult | None:
        """Before retrying an attempt whose outcome was unknown, ask the help desk whether the
        ticket arrived after all (by its submission key), so it is never created twice."""
        if item.error_kind != "outcome_unknown" or item.submission.is_follow_up:
            return None
        if not connector.capabilities().finds_by_submission_key:
            return None
        found = connector.find_by_submission_key(item.submission.submission_key)
        if found is not None:
            log.info(
                "outbox: item %d was created after all (ticket %s)", item.id, found.ticket_number
            )
        return found

    def flush(
        self,
        *,
        ignore_backoff: bool = False,
        cancel: CancelFlag | None = None,
        on_item: Callable[[OutboxItem], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> list[AttemptResult]:
        """Attempt every due item once, oldest first."""
        results = []
        for item in self.repo.due(utc_now(), ignore_backoff=ignore_backoff):
            if cancel is not None and cancel.is_set():
                break
            if on_item:
                on_item(item)
            results.append(self.send_one(item.id, cancel=cancel, on_progress=on_progress))
        return results

    def retry(self, item_id: int) -> bool:
        """Queue a failed or unknown item again, due now."""
        return bool(self.repo.requeue(item_id))

    def _post_error(self, item: OutboxItem, exc: UserFacingError) -> None:
        self._ctx.messages.post(
            Message(
                Severity.ERROR,
                exc.kind,
                {"item": item.id, "subject": item.submission.subject, **exc.params},
                str(exc),
            )
        )


def _reason(exc: UserFacingError) -> str:
    return str(exc.params.get("reason", ""))


def is_config_problem(exc: BaseException) -> bool:
    """True for errors fixed in the profile dialog (used by the UI to offer it)."""
    return isinstance(exc, ConfigError) or getattr(exc, "kind", "") in {"auth", "certificate"}


__all__ = [
    "AttemptResult",
    "CancelFlag",
    "OutboxService",
    "OutboxState",
    "Outcome",
    "backoff_delay",
]
