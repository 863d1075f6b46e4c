"""The user's tickets: the list, one ticket's thread, and the follow-up to send to one.

API help desks (OTRS family, Request Tracker) are asked directly, and what they answer goes into
the mirror (:mod:`app.store.tickets`), so it can be shown again when the help desk cannot be
reached. E-mail profiles have no ticket API: their mirror is what the mail sync
(:mod:`app.services.mailsync`) made of the help desk's mails, so the mailbox is read first and the
mirror shown. When the help desk (or the mailbox) is not reachable and the mirror has the
profile's tickets, those are shown with the error (the caller says they may be out of date).

A ticket is named by the number users quote: the OTRS family's TicketNumber (its TicketID, which
the API wants, comes from the mirror or from a TicketSearch), RT's id, the number in an e-mail
help desk's subject tag.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.config.profiles import Profile
from app.connectors import make_connector
from app.core.connector import Connector
from app.core.errors import NotReachable, Rejected, Unsupported, UserFacingError
from app.core.hooks import strip_reply_prefixes
from app.core.model import AttachmentRef, Submission, new_submission_key
from app.core.tickets import Scope, Sender, Thread, Ticket
from app.services.context import AppContext
from app.services.mailsync import MailSyncService
from app.services.outbox import OutboxService
from app.store.tickets import TicketRepo

log = logging.getLogger(__name__)


class StateFilter(enum.StrEnum):
    """Which tickets a list keeps, by the kind of their state."""

    OPEN = "open"  # anything not closed: new, open, pending, and states we cannot classify
    CLOSED = "closed"  # closed, merged, removed
    ALL = "all"


class Source(enum.StrEnum):
    """Where what is shown comes from."""

    SERVER = "server"  # the help desk's API, just now
    MAILBOX = "mailbox"  # e-mail: the mirror, right after reading the mailbox
    MIRROR = "mirror"  # the local copy: the help desk could not be reached


@dataclass(frozen=True)
class TicketList:
    """A profile's tickets, newest change first."""

    profile: str
    scope: Scope
    source: Source
    tickets: list[Ticket]
    error: UserFacingError | None = None  # why the mirror is shown (source MIRROR)


@dataclass(frozen=True)
class ThreadView:
    """One ticket with its articles, oldest first."""

    profile: str
    source: Source
    thread: Thread
    error: UserFacingError | None = None  # why the mirror is shown (source MIRROR)


@dataclass(frozen=True)
class ReplyTarget:
    """What a follow-up needs to know about its ticket."""

    number: str
    ticket_id: str  # "" when unknown (the OTRS connector then looks it up when sending)
    title: str  # "" when unknown
    in_reply_to: str  # the Message-ID of the help desk's newest mail about it, if known
    checked: bool  # the help desk (or the mailbox) confirmed the ticket just now


def select(tickets: Iterable[Ticket], state: StateFilter, search: str = "") -> list[Ticket]:
    """The tickets in state ``state`` whose title or number contains ``search`` (any case)."""
    needle = search.strip().casefold()
    return [
        t
        for t in tickets
        if (state is StateFilter.ALL or (state is StateFilter.CLOSED) == t.state_type.is_closed)
        and (not needle or needle in t.title.casefold() or needle in t.number.casefold())
    ]


def newest_first(tickets: Iterable[Ticket]) -> list[Ticket]:
    """Most recently changed first; tickets without a change time last."""
    items = list(tickets)
    dated = sorted(
        (t for t in items if t.changed_at is not None),
        key=lambda t: (t.changed_at, t.id),
        reverse=True,
    )
    return dated + [t for t in items if t.changed_at is None]


def _is_mail(profile: Profile) -> bool:
    return profile.kind == "smtp"


def _is_own(profile: Profile, ticket: Ticket) -> bool:
    """The user's own ticket, not a colleague's: the OTRS family names the customer user of
    each; the others list only the user's own tickets."""
    if profile.kind != "otrs":
        return True
    return ticket.customer_user.casefold() == profile.login.casefold()


class TicketService:
    """List, show and answer the user's tickets."""

    def __init__(
        self, ctx: AppContext, connector_factory: Callable[..., Connector] = make_connector
    ) -> None:
        self._ctx = ctx
        self._factory = connector_factory
        self.repo = TicketRepo(ctx.db)

    def _connector(self, profile: Profile) -> Connector:
        return OutboxService(self._ctx, self._factory).connector_for(profile.name)

    def _sync_mail(self, profile: Profile) -> None:
        MailSyncService(self._ctx, self._factory).sync(profile.name)

    @staticmethod
    def unknown(profile: Profile, number: str) -> Rejected:
        """The error for a ticket number the help desk (or the mailbox) does not know."""
        if _is_mail(profile):
            return Rejected(
                f"no mail about ticket {number} in the mailbox of profile {profile.name!r}",
                code="unknown_ticket",
                ticket=number,
                profile=profile.name,
            )
        return Rejected(
            f"the help desk of profile {profile.name!r} has no ticket {number} "
            "(or does not show it to you)",
            code="ticket_not_found",
            ticket=number,
            profile=profile.name,
        )

    # -- the list -----------------------------------------------------------------------------

    def list_tickets(
        self,
        profile_name: str = "",
        *,
        scope: Scope = Scope.MINE,
        state: StateFilter = StateFilter.ALL,
        search: str = "",
    ) -> TicketList:
        """The profile's tickets (the default profile's without a name), filtered."""
        profile = self._ctx.resolve_profile(profile_name)
        connector = self._connector(profile)
        capabilities = connector.capabilities()
        if not capabilities.lists_tickets:
            raise Unsupported(
                f"profile {profile.name!r} only sends mail: add its IMAP mailbox "
                "(profile add ... --imap-host) to see its tickets",
                reason="no_imap",
                profile=profile.name,
            )
        if scope is Scope.COMPANY and not capabilities.company_scope:
            raise Unsupported(
                f"the help desk of profile {profile.name!r} shows only your own tickets: "
                "it has no company-wide list",
                reason="no_company_scope",
                profile=profile.name,
            )
        try:
            if _is_mail(profile):
                self._sync_mail(profile)
                tickets, source = self._mirrored(profile, scope), Source.MAILBOX
            else:
                tickets, source = self._fetch(profile, connector, scope), Source.SERVER
        except NotReachable as exc:
            if not self.repo.list_tickets(profile.name):
                raise
            log.info("tickets: %s not reachable (%s); showing the mirror", profile.name, exc)
            mirrored = self._mirrored(profile, scope)
            return TicketList(
                profile.name, scope, Source.MIRROR, select(mirrored, state, search), exc
            )
        return TicketList(profile.name, scope, source, select(tickets, state, search))

    def _mirrored(self, profile: Profile, scope: Scope) -> list[Ticket]:
        return [t for _p, t in self.repo.list_tickets(profile.name, mine_only=scope is Scope.MINE)]

    def _fetch(self, profile: Profile, connector: Connector, scope: Scope) -> list[Ticket]:
        """Every ticket of ``scope`` from the help desk, written to the mirror."""
        tickets = newest_first(connector.list_tickets(scope))
        if scope is Scope.MINE:
            self.repo.save(profile.name, tickets, [], mine=True)
        else:
            self._mirror(profile, tickets)
        return tickets

    def _mirror(self, profile: Profile, tickets: Sequence[Ticket]) -> None:
        """Write an API help desk's ticket headers to the mirror, each marked as the user's own
        or a colleague's (from a company-wide list)."""
        for mine in (True, False):
            group = [t for t in tickets if _is_own(profile, t) is mine]
            if group:
                self.repo.save(profile.name, group, [], mine=mine)

    # -- one ticket ---------------------------------------------------------------------------

    def thread(self, number: str, profile_name: str = "") -> ThreadView:
        """Ticket ``number`` with its articles (attachments listed, not downloaded)."""
        profile = self._ctx.resolve_profile(profile_name)
        number = number.strip()
        if _is_mail(profile):
            return self._mail_thread(profile, number)
        known = self.repo.find_by_number(profile.name, number)
        try:
            connector = self._connector(profile)
            ticket_id = known.id if known is not None else ""
            if not ticket_id:
                found = connector.find_ticket(number)
                if found is None:
                    raise self.unknown(profile, number)
                ticket_id = found.id
            thread = connector.get_thread(ticket_id)
        except NotReachable as exc:
            if known is None:
                raise
            log.info("show: %s not reachable (%s); showing the mirror", profile.name, exc)
            articles = tuple(self.repo.articles(profile.name, known.id))
            return ThreadView(profile.name, Source.MIRROR, Thread(known, articles), exc)
        ticket = thread.ticket
        self.repo.save(profile.name, [ticket], thread.articles, mine=_is_own(profile, ticket))
        return ThreadView(profile.name, Source.SERVER, thread)

    def _mail_thread(self, profile: Profile, number: str) -> ThreadView:
        error: NotReachable | None = None
        try:
            self._sync_mail(profile)
        except NotReachable as exc:
            error = exc
        ticket = self.repo.get(profile.name, number)  # e-mail: the id is the number
        if ticket is None:
            if error is not None:
                raise error
            raise self.unknown(profile, number)
        articles = tuple(self.repo.articles(profile.name, ticket.id))
        source = Source.MIRROR if error is not None else Source.MAILBOX
        return ThreadView(profile.name, source, Thread(ticket, articles), error)

    # -- follow-ups -----------------------------------------------------------------------------

    def reply_target(self, number: str, profile: Profile, *, check: bool = True) -> ReplyTarget:
        """What the mirror (and, with ``check``, the help desk) knows about ticket ``number``.

        A number the help desk or the mailbox says it does not know is an error (Rejected). When
        it cannot be asked (not reachable, or ``check`` off), the number is taken as it is: the
        help desk threads the follow-up by it, or refuses it when it is sent.
        """
        number = number.strip()
        checked = False
        if _is_mail(profile):
            if check and profile.reads_mail:
                try:
                    self._sync_mail(profile)
                    checked = True
                except NotReachable as exc:
                    log.info("reply: the mailbox of %s is not reachable (%s)", profile.name, exc)
            ticket = self.repo.get(profile.name, number)
        else:
            ticket = self.repo.find_by_number(profile.name, number)
            if ticket is None and check:
                try:
                    ticket = self._connector(profile).find_ticket(number)
                    checked = True
                except NotReachable as exc:
                    log.info("reply: %s not reachable (%s)", profile.name, exc)
                if ticket is not None:
                    self._mirror(profile, [ticket])
        if ticket is None:
            if checked:
                raise self.unknown(profile, number)
            return ReplyTarget(number, number if profile.kind == "rt" else "", "", "", False)
        return ReplyTarget(
            number=number,
            ticket_id=ticket.id,
            title=ticket.title,
            in_reply_to=self._newest_answer(profile.name, ticket.id),
            checked=checked,
        )

    def _newest_answer(self, profile: str, ticket_id: str) -> str:
        """The Message-ID of the help desk's newest article with one (e-mail threading)."""
        for article in reversed(self.repo.articles(profile, ticket_id)):
            if article.sender is not Sender.CUSTOMER and article.message_id:
                return article.message_id
        return ""

    def follow_up(
        self,
        number: str,
        body: str,
        attachments: Sequence[AttachmentRef] = (),
        *,
        profile_name: str = "",
        reopen: bool | None = None,
        check: bool = True,
    ) -> Submission:
        """The submission of a follow-up to ticket ``number``, for the outbox. ``reopen`` None
        means as the profile says."""
        profile = self._ctx.resolve_profile(profile_name)
        target = self.reply_target(number, profile, check=check)
        return Submission(
            submission_key=new_submission_key(),
            profile=profile.name,
            subject=reply_subject(profile, target),
            body=body,
            attachments=tuple(attachments),
            ticket_number=target.number,
            ticket_id=target.ticket_id,
            reopen=profile.reopen_on_follow_up if reopen is None else reopen,
            in_reply_to=target.in_reply_to,
        )


def reply_subject(profile: Profile, target: ReplyTarget) -> str:
    """``Re: <ticket title>``. E-mail connectors add the ticket's tag to it; without a known
    title, the tag (e-mail) or the number is all it says."""
    title = strip_reply_prefixes(target.title)
    if title:
        return f"Re: {title}"
    if _is_mail(profile):
        return f"Re: {profile.hook.tag(target.number)}"
    return f"Re: ticket {target.number}"
