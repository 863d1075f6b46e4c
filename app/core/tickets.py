"""Tickets and articles as every help desk has them, whatever its wire format."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Scope(enum.StrEnum):
    """Whose tickets to list."""

    MINE = "mine"  # tickets the user is the customer (requestor) of
    COMPANY = "company"  # every ticket of the user's organisation (where the help desk allows)


class StateType(enum.StrEnum):
    """The kind of a ticket state, on which every help desk agrees."""

    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    CLOSED = "closed"
    MERGED = "merged"
    REMOVED = "removed"
    UNKNOWN = "unknown"

    @property
    def is_closed(self) -> bool:
        """Closed, merged or removed: a follow-up may need to reopen it."""
        return self in (StateType.CLOSED, StateType.MERGED, StateType.REMOVED)


class Sender(enum.StrEnum):
    """Who wrote an article."""

    CUSTOMER = "customer"
    AGENT = "agent"
    SYSTEM = "system"  # auto-replies and notifications


@dataclass(frozen=True)
class RemoteAttachment:
    """An attachment as the help desk lists it; its bytes are fetched on demand."""

    id: str
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Article:
    """One message of a ticket's thread."""

    id: str
    ticket_id: str
    sender: Sender
    subject: str
    body: str
    created_at: datetime | None
    from_: str = ""
    to: str = ""
    message_id: str = ""
    attachments: tuple[RemoteAttachment, ...] = ()


@dataclass(frozen=True)
class Ticket:
    """A ticket's header: enough for a list row and for change detection."""

    id: str  # the help desk's internal id (OTRS TicketID, RT id)
    number: str  # what users quote (OTRS TicketNumber; RT id)
    title: str
    state: str  # the help desk's own state name ("closed successful", "resolved")
    state_type: StateType
    queue: str = ""
    priority: str = ""
    customer_user: str = ""
    customer_id: str = ""
    created_at: datetime | None = None
    changed_at: datetime | None = None
    url: str = ""  # the customer-portal page of the ticket, where there is one


@dataclass(frozen=True)
class Thread:
    """A ticket and the articles the user may see, oldest first."""

    ticket: Ticket
    articles: tuple[Article, ...] = field(default_factory=tuple)
