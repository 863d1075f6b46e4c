"""The mail sync: the help desk's replies in the user's mailbox, mirrored into the local store.

For each e-mail profile with an IMAP mailbox: read what arrived since the last sync (positions
by folder, kept in the ``mail_sync`` table together with the mirrored mails, in one
transaction), thread the mails onto tickets (:mod:`app.core.mailthreads`), learn the ticket
number of tickets we sent, and tell the user what changed (the message bus).

How a sent ticket learns its number: the help desk's auto-reply answers our mail. Its
``In-Reply-To``/``References`` carry our Message-ID (derived from the submission key), which the
outbox item recorded when it was sent. When an auto-reply names none of our mails, its subject
may still quote ours (``[Ticket#N] RE: <subject>``): the number is taken only if exactly one sent
ticket without a number matches, was sent in the week before, and no other mail claims it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from app.connectors import make_connector
from app.core.connector import Connector
from app.core.errors import Unsupported
from app.core.hooks import HookStyle
from app.core.mailthreads import (
    MailItem,
    MailReader,
    assign_numbers,
    classify,
    same_ticket_subject,
    settle_reply_order,
    sort_articles,
    ticket_from_articles,
    to_article,
)
from app.core.model import OutboxItem, OutboxState
from app.core.tickets import Article, Sender, Ticket
from app.services.context import AppContext
from app.services.messages import Message, Severity
from app.services.outbox import OutboxService
from app.store.tickets import TicketRepo

log = logging.getLogger(__name__)

SUBJECT_MATCH_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class NumberLearnt:
    """A sent ticket whose number arrived with the help desk's answer."""

    item_id: int
    ticket_number: str
    subject: str
    how: str  # "in-reply-to" or "subject"


@dataclass
class SyncReport:
    """What one profile's sync changed."""

    profile: str
    new_tickets: list[Ticket] = field(default_factory=list)
    new_articles: list[Article] = field(default_factory=list)
    state_changes: list[tuple[Ticket, str]] = field(default_factory=list)  # (ticket, old state)
    numbers_learnt: list[NumberLearnt] = field(default_factory=list)
    skipped: int = 0  # unreadable mails (logged)

    @property
    def replies(self) -> list[Article]:
        """New articles from the help desk's people."""
        return [a for a in self.new_articles if a.sender is Sender.AGENT]


class MailSyncService:
    """Mirror the help desk's mails of e-mail profiles."""

    def __init__(
        self, ctx: AppContext, connector_factory: Callable[..., Connector] = make_connector
    ) -> None:
        self._ctx = ctx
        self._factory = connector_factory
        self.repo = TicketRepo(ctx.db)

    def profiles(self) -> list[str]:
        """The profiles that read a mailbox."""
        return [p.name for p in self._ctx.profiles if p.reads_mail]

    def reader_for(self, name: str) -> MailReader:
        """The profile's mailbox (Unsupported when it has none)."""
        profile = self._ctx.profiles.get(name)
        if not profile.reads_mail:
            raise Unsupported(
                f"profile {name!r} reads no mailbox: add its IMAP server to follow tickets",
                reason="no_imap",
                profile=name,
            )
        connector = OutboxService(self._ctx, self._factory).connector_for(name)
        make_reader = getattr(connector, "mail_reader", None)
        if make_reader is None:
            raise Unsupported(f"profile {name!r} cannot read mail", reason="no_imap", profile=name)
        reader: MailReader = make_reader()
        return reader

    def sync(self, name: str) -> SyncReport:
        """Read, thread and mirror what arrived for profile ``name``; what changed."""
        profile = self._ctx.profiles.get(name)
        reader = self.reader_for(name)
        style, own = profile.hook, (profile.from_address,)
        report = SyncReport(name)
        batch = reader.read_new(self.repo.mail_positions(name))
        report.skipped = batch.skipped
        items = list(batch.items)
        have = {i.message_id for i in items if i.message_id}
        referenced = {r for i in items for r in i.referenced} - have
        known = self.repo.by_message_ids(name, referenced | have)
        missing = [r for r in referenced if r not in known]
        extra = reader.fetch_by_message_ids(missing) if missing else []
        pairs = assign_numbers(items, style, extra)
        dates = {mid: when for mid, (_t, when) in known.items() if when is not None}
        settled = settle_reply_order([item for _n, item in pairs], dates)
        numbered = [(number, item) for (number, _old), item in zip(pairs, settled, strict=True)]

        report.numbers_learnt = self._learn_numbers(name, numbered, style, own)
        hints = self._title_hints(name)
        articles = [
            to_article(item, number, classify(item, style, own)) for number, item in numbered
        ]

        tickets: list[Ticket] = []
        before: dict[str, Ticket | None] = {}
        for number in dict.fromkeys(a.ticket_id for a in articles):
            before[number] = self.repo.get(name, number)
            mine = [a for a in articles if a.ticket_id == number]
            merged = sort_articles([*self.repo.articles(name, number), *mine])
            ticket = ticket_from_articles(number, merged, style, title_hint=hints.get(number, ""))
            tickets.append(replace_customer(ticket, profile.from_address))
        new = self.repo.save(name, tickets, articles, positions=batch.positions.values())

        report.new_articles = sort_articles(a for a in articles if (a.ticket_id, a.id) in new)
        for ticket in tickets:
            old = before[ticket.id]
            if old is None:
                report.new_tickets.append(ticket)
            elif old.state_type is not ticket.state_type:
                report.state_changes.append((ticket, old.state or old.state_type.value))
        self._announce(report)
        log.info(
            "mailsync %s: %d mails, %d new articles, %d new tickets, %d numbers, %d skipped",
            name,
            len(items),
            len(report.new_articles),
            len(report.new_tickets),
            len(report.numbers_learnt),
            report.skipped,
        )
        return report

    def sync_all(self) -> list[SyncReport]:
        """Every profile that reads a mailbox (errors are the caller's, profile by profile)."""
        return [self.sync(name) for name in self.profiles()]

    # -- the numbers of sent tickets --------------------------------------------------------------

    def _learn_numbers(
        self,
        profile: str,
        numbered: list[tuple[str, MailItem]],
        style: HookStyle,
        own: tuple[str, ...],
    ) -> list[NumberLearnt]:
        outbox = self._ctx.outbox_repo
        learnt: list[NumberLearnt] = []
        unmatched: list[tuple[str, MailItem]] = []
        for number, item in numbered:
            sender = classify(item, style, own)
            if sender is Sender.CUSTOMER:
                continue
            matched = False
            for message_id in item.referenced:
                sent = outbox.find_by_message_id(profile, message_id)
                if sent is None:
                    continue
                matched = True
                if not sent.submission.is_follow_up and outbox.set_ticket_number(
                    sent.id, number, number
                ):
                    learnt.append(
                        NumberLearnt(sent.id, number, sent.submission.subject, "in-reply-to")
                    )
                break
            if not matched and sender is Sender.SYSTEM:
                unmatched.append((number, item))
        claimed = {n.ticket_number for n in learnt}
        for number, item in unmatched:
            if number in claimed or self.repo.get(profile, number) is not None:
                continue  # not a new ticket, or its sent item is known already
            candidates = [
                i
                for i in self._numberless(profile)
                if same_ticket_subject(item.subject, i.submission.subject, style)
                and i.sent_at is not None
                and item.date is not None
                and timedelta(0) <= item.date - i.sent_at + timedelta(minutes=5)
                and item.date - i.sent_at <= SUBJECT_MATCH_WINDOW
            ]
            if len(candidates) != 1:
                if candidates:
                    log.info(
                        "mailsync: %s matches %d sent tickets; not guessing",
                        number,
                        len(candidates),
                    )
                continue
            sent = candidates[0]
            if outbox.set_ticket_number(sent.id, number, number):
                claimed.add(number)
                learnt.append(NumberLearnt(sent.id, number, sent.submission.subject, "subject"))
        return learnt

    def _numberless(self, profile: str) -> list[OutboxItem]:
        return [
            i
            for i in self._ctx.outbox_repo.list_items()
            if i.submission.profile == profile
            and i.state is OutboxState.SENT
            and not i.submission.is_follow_up
            and not i.ticket_number
        ]

    def _title_hints(self, profile: str) -> dict[str, str]:
        """The subjects of our sent tickets, by their number."""
        return {
            i.ticket_number: i.submission.subject
            for i in self._ctx.outbox_repo.list_items()
            if i.submission.profile == profile and i.ticket_number and not i.submission.is_follow_up
        }

    def _announce(self, report: SyncReport) -> None:
        post = self._ctx.messages.post
        for n in report.numbers_learnt:
            post(
                Message(
                    Severity.INFO,
                    "ticket_created",
                    {"profile": report.profile, "ticket": n.ticket_number, "subject": n.subject},
                    f"Ticket#{n.ticket_number} created: {n.subject}",
                )
            )
        for article in report.replies:
            post(
                Message(
                    Severity.INFO,
                    "ticket_reply",
                    {
                        "profile": report.profile,
                        "ticket": article.ticket_id,
                        "subject": article.subject,
                        "from": article.from_,
                    },
                    f"reply on {article.ticket_id} from {article.from_}",
                )
            )
        for ticket, old in report.state_changes:
            post(
                Message(
                    Severity.INFO,
                    "ticket_state",
                    {
                        "profile": report.profile,
                        "ticket": ticket.id,
                        "title": ticket.title,
                        "old": old,
                        "new": ticket.state or ticket.state_type.value,
                    },
                    f"{ticket.id} is now {ticket.state or ticket.state_type.value}",
                )
            )


def replace_customer(ticket: Ticket, customer: str) -> Ticket:
    """The ticket with the user as its customer (every mailed ticket is the user's own)."""
    return replace(ticket, customer_user=customer)
