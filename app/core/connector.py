"""The connector interface every help desk implements (OTRS family, RT, Zammad, e-mail).

Connectors live in ``app.connectors``; this module only states the contract so that services and
tests can depend on it without importing any network library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.core.model import Submission
from app.core.tickets import Scope, Thread, Ticket

ProgressCallback = Callable[[int, int], None]
"""Called with (done, total) units (bytes where known) as work progresses."""

StageCallback = Callable[[str], None]
"""Called with a stage name (``connecting``, ``committing``) before each step that matters for
reconciliation: a worker persists it, so an interrupted attempt can be classified after a crash."""


@dataclass(frozen=True)
class Capabilities:
    """What a help desk supports through this connector."""

    creates_tickets: bool = True
    follow_ups: bool = True  # add an article to an existing ticket
    lists_tickets: bool = False  # list_tickets / get_thread work
    company_scope: bool = False  # Scope.COMPANY lists colleagues' tickets too
    reports_ticket_number: bool = False  # the number comes back with the create call
    finds_by_submission_key: bool = False  # reconciliation after an unknown outcome
    reopens_on_follow_up: bool = False  # add_article(reopen=True) reopens a closed ticket
    max_message_bytes: int | None = None  # learnt from the server (e.g. ESMTP SIZE), if any


@dataclass(frozen=True)
class Identity:
    """Who the connector is logged in as, for "Connected as ..." messages."""

    display: str  # "Jane Customer (ACME)"
    detail: str = ""
    login: str = ""
    customer_id: str = ""  # the organisation, where the help desk has one


@dataclass(frozen=True)
class CreateResult:
    """What the help desk said after accepting a new ticket."""

    ticket_number: str = ""
    ticket_id: str = ""
    message_id: str = ""
    article_id: str = ""
    url: str = ""  # the ticket's customer-portal page, where there is one


class Cancel(Protocol):
    """A cancellation flag the worker sets and the connector polls between chunks."""

    def is_set(self) -> bool:
        """True once cancellation was requested."""
        ...


class Connector(Protocol):
    """One help desk. Every method may raise the typed errors in :mod:`app.core.errors`."""

    def capabilities(self) -> Capabilities:
        """What this help desk supports (may contact the server)."""
        ...

    def identify(self) -> Identity:
        """Log in and report who we are; the "Test connection" button calls this."""
        ...

    def create_ticket(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """Create a ticket from ``submission``; attachments are read through ``read_blob(sha)``."""
        ...

    def add_article(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        reopen: bool = False,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """Add a follow-up to the ticket ``submission.ticket_id`` / ``submission.ticket_number``;
        with ``reopen``, ask the help desk to reopen it if it is closed."""
        ...

    def list_tickets(self, scope: Scope, changed_since: datetime | None = None) -> list[Ticket]:
        """The user's tickets (``Scope.MINE``) or their organisation's; only those changed after
        ``changed_since`` when given (incremental sync)."""
        ...

    def find_ticket(self, number: str) -> Ticket | None:
        """The ticket users quote as ``number`` (OTRS family: the TicketNumber, whose TicketID
        differs; RT: the id; e-mail: the number in the subject's tag), if the user may see it;
        None otherwise."""
        ...

    def get_thread(self, ticket_id: str) -> Thread:
        """One ticket with the articles the user may see, oldest first (no attachment bytes)."""
        ...

    def get_attachment(self, ticket_id: str, article_id: str, attachment_id: str) -> bytes:
        """The bytes of one attachment."""
        ...

    def find_by_submission_key(self, submission_key: str) -> CreateResult | None:
        """The ticket created for ``submission_key``, if the help desk can tell; None otherwise."""
        ...
