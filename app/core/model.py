"""The domain model: drafts, attachments and the outbox's immutable submissions."""

from __future__ import annotations

import enum
import json
import mimetypes
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any


def utc_now() -> datetime:
    """Now, as an aware UTC datetime (the only kind stored)."""
    return datetime.now(UTC)


def new_submission_key() -> str:
    """A fresh client submission key (a UUID4 string)."""
    import uuid  # not at the top: on Linux it imports platform, which costs the GUI's start-up

    return str(uuid.uuid4())


def guess_mime(filename: str) -> str:
    """The MIME type of ``filename`` by its extension, ``application/octet-stream`` if unknown."""
    mime, _ = mimetypes.guess_type(filename, strict=False)
    return mime or "application/octet-stream"


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment of a draft or submission: a name plus the sha256 of its stored blob.

    A screenshot that went through the annotator also keeps, for this machine only, the blob of
    its untouched original (lossless) and the annotations as JSON, so it can be reopened with
    every mark still editable. Only ``sha256`` (the rendered, redacted image) is ever sent.
    """

    name: str
    sha256: str
    size: int
    mime: str
    original_sha256: str = ""
    annotations: str = ""

    @property
    def is_annotated(self) -> bool:
        """True when the annotator can reopen this attachment on its original."""
        return bool(self.original_sha256)

    @property
    def blobs(self) -> tuple[str, ...]:
        """Every blob this attachment needs kept: the sent image and the local original."""
        return (self.sha256, self.original_sha256) if self.original_sha256 else (self.sha256,)

    @property
    def is_image(self) -> bool:
        """True for image MIME types (screenshots count toward the "images" check)."""
        return self.mime.startswith("image/")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the annotation fields only when there are any)."""
        data = asdict(self)
        if not self.original_sha256:
            del data["original_sha256"], data["annotations"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AttachmentRef:
        """Parse the form written by :meth:`to_dict`."""
        return cls(
            name=str(data["name"]),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            mime=str(data.get("mime") or guess_mime(str(data["name"]))),
            original_sha256=str(data.get("original_sha256") or ""),
            annotations=str(data.get("annotations") or ""),
        )


def attachments_to_json(items: tuple[AttachmentRef, ...]) -> str:
    """Serialize attachments for storage."""
    return json.dumps([a.to_dict() for a in items], ensure_ascii=False)


def attachments_from_json(text: str | None) -> tuple[AttachmentRef, ...]:
    """Parse attachments written by :func:`attachments_to_json`."""
    if not text:
        return ()
    return tuple(AttachmentRef.from_dict(d) for d in json.loads(text))


NOT_A_BROWSER_PROBLEM = "-"
"""The browser field's value when the user says the problem has nothing to do with a browser."""


@dataclass(frozen=True)
class Draft:
    """A ticket being written. Every field is the user's; nothing here is derived."""

    id: int | None = None
    profile: str = ""
    subject: str = ""
    what_happened: str = ""
    steps: str = ""
    expected: str = ""
    actual: str = ""
    browser: str = ""
    attachments: tuple[AttachmentRef, ...] = ()
    created_at: datetime = field(default_factory=utc_now)
    updated_at: datetime = field(default_factory=utc_now)
    # A follow-up to an existing ticket (empty for a new ticket).
    ticket_number: str = ""
    ticket_id: str = ""
    in_reply_to: str = ""
    # The system information the user approved, exactly as it is sent (SystemInfo.render_text;
    # empty: none). Collected, not typed, so it does not make a draft non-empty.
    sysinfo: str = ""

    @property
    def is_follow_up(self) -> bool:
        """True when this draft adds to an existing ticket."""
        return bool(self.ticket_number or self.ticket_id)

    def with_changes(self, **changes: Any) -> Draft:
        """A copy with ``changes`` applied and ``updated_at`` bumped."""
        changes.setdefault("updated_at", utc_now())
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        """True when the user has not entered anything yet."""
        return not (
            self.subject.strip()
            or self.what_happened.strip()
            or self.steps.strip()
            or self.expected.strip()
            or self.actual.strip()
            or self.browser.strip()
            or self.attachments
        )


class OutboxState(enum.StrEnum):
    """Where an outbox item is in its life."""

    QUEUED = "queued"  # waiting to be sent (maybe after a retryable failure, with backoff)
    SENDING = "sending"  # a worker owns it right now
    SENT = "sent"  # the help desk has it
    FAILED = "failed"  # a permanent failure: needs the user (wrong password, refused, too large)
    UNKNOWN = "unknown"  # interrupted after the data went out: the user decides


class SendStage(enum.StrEnum):
    """How far an attempt got; decides whether an interrupted attempt may simply be retried."""

    NONE = "none"
    CONNECTING = "connecting"
    COMMITTING = (
        "committing"  # the payload is going out: an interruption now has an unknown outcome
    )


@dataclass(frozen=True)
class Submission:
    """An immutable snapshot of what goes to the help desk."""

    submission_key: str
    profile: str
    subject: str
    body: str
    attachments: tuple[AttachmentRef, ...] = ()
    created_at: datetime = field(default_factory=utc_now)
    ticket_number: str = ""  # for a follow-up: the ticket it belongs to (what users quote)
    ticket_id: str = ""  # for a follow-up: the help desk's internal id, where it differs
    reopen: bool = False  # for a follow-up: reopen the ticket if it is closed
    in_reply_to: str = ""  # for an e-mail follow-up: the Message-ID of the mail answered

    @property
    def is_follow_up(self) -> bool:
        """True for an article on an existing ticket."""
        return bool(self.ticket_number or self.ticket_id)

    @property
    def total_attachment_bytes(self) -> int:
        """Sum of the attachments' sizes."""
        return sum(a.size for a in self.attachments)


@dataclass(frozen=True)
class OutboxItem:
    """A submission plus its delivery state, as stored."""

    id: int
    submission: Submission
    state: OutboxState
    attempts: int = 0
    next_attempt_at: datetime | None = None
    stage: SendStage = SendStage.NONE
    error_kind: str = ""
    error_text: str = ""
    error_reason: str = ""  # the error's sub-reason code (e.g. "refused", "dns")
    ticket_number: str = ""  # the ticket the help desk created (or the follow-up's ticket)
    ticket_id: str = ""
    ticket_url: str = ""
    message_id: str = ""  # of the mail we sent, for threading the help desk's replies
    sent_at: datetime | None = None
    draft_id: int | None = None


def to_iso(value: datetime | None) -> str | None:
    """Store datetimes as ISO 8601 UTC text."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def from_iso(value: str | None) -> datetime | None:
    """Parse what :func:`to_iso` wrote."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
