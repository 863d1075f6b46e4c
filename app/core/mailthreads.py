"""Ticket threads from e-mail: which mail belongs to which ticket, who wrote it, what it says
about the ticket's state. Pure functions over parsed mails; the IMAP side lives in
``app.connectors.imap`` and the mirror in ``app.services.mailsync``.

The rules, and where each comes from:

* **Ticket**: the number in the subject's tag (:meth:`HookStyle.find`); for RT also the
  ``X-RT-Ticket: rtname #N`` header every RT mail carries. A mail without either is not a help-desk
  mail, except the customer's own first mail of a ticket (it has no number yet): it joins the
  ticket whose mails answer it (``In-Reply-To``/``References``).
* **Sender**: the user's own mails (From is the profile's address, or the mail is in the Sent
  folder) are ``CUSTOMER``. Automatic mails are ``SYSTEM``: ``Auto-Submitted`` other than ``no``
  (RFC 3834; OTOBO's auto responses say ``auto-generated``, RT's autoreply ``auto-replied``) or a
  vacation responder's ``X-Autoreply``/``X-Autorespond``. For the OTRS family also ``X-Loop`` and
  ``Precedence: bulk|junk``, which OTRS/Znuny/OTOBO put only on their auto responses. RT puts
  ``Precedence: bulk`` and ``X-RT-Loop-Prevention`` on *every* mail it sends, agent replies
  included, so for RT those do not mean "automatic". Everything else is ``AGENT``.
* **State**: mail carries no reliable state. A ticket is ``unknown`` until a help-desk mail whose
  subject is ``<tag> Resolved: ...`` (RT's stock "Resolved" template; an OTRS-family help desk
  sends such a notice only if its administrator set one up with that wording) makes it
  ``closed``; a later mail of the customer makes it ``open`` again, as both help desks reopen a
  ticket on an e-mail follow-up (OTOBO's PostMaster, fixture 44; RT's "On Correspond Open
  Inactive Tickets").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from app.core.hooks import HookStyle, clean_subject, strip_reply_prefixes
from app.core.tickets import Article, RemoteAttachment, Sender, StateType, Thread, Ticket

RELEVANT_HEADERS = (
    "auto-submitted",
    "precedence",
    "x-loop",
    "x-autoreply",
    "x-autorespond",
    "x-rt-ticket",
    "x-rt-loop-prevention",
    "x-ticketwise-submission",
)
"""The headers (lower case) a :class:`MailItem` keeps besides the usual ones."""

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_RT_TICKET_HEADER = re.compile(r"\s*(.+?)\s+#(\d+)\s*$")
_TEMPLATE_WORDS = re.compile(r"^\s*((auto-?reply|resolved)\s*:\s*)+", re.IGNORECASE)
_ELLIPSIS = "[...]"


def message_ids(value: str) -> tuple[str, ...]:
    """The ``<...>`` message ids in a header value, in order, without repeats."""
    return tuple(dict.fromkeys(_MESSAGE_ID.findall(value or "")))


@dataclass(frozen=True)
class MailItem:
    """One mail as read from the user's mailbox (untrusted content, already decoded)."""

    folder: str
    uidvalidity: int
    uid: int
    message_id: str = ""
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    subject: str = ""
    from_name: str = ""
    from_email: str = ""
    to: str = ""
    date: datetime | None = None
    headers: Mapping[str, str] = field(default_factory=dict)  # RELEVANT_HEADERS, lower-case keys
    body: str = ""
    attachments: tuple[RemoteAttachment, ...] = ()
    in_sent: bool = False  # found in the user's Sent folder: the user wrote it

    @property
    def from_display(self) -> str:
        """``Name <address>`` (or whichever of the two there is)."""
        if self.from_name and self.from_email:
            return f"{self.from_name} <{self.from_email}>"
        return self.from_name or self.from_email

    @property
    def referenced(self) -> tuple[str, ...]:
        """Every message id this mail answers (In-Reply-To first, then References)."""
        return tuple(dict.fromkeys(self.in_reply_to + self.references))


@dataclass(frozen=True)
class FolderPosition:
    """How far a folder has been read: IMAP UIDs are only comparable within one UIDVALIDITY."""

    folder: str
    uidvalidity: int
    last_uid: int = 0


@dataclass(frozen=True)
class MailBatch:
    """What one incremental read found."""

    items: tuple[MailItem, ...]
    positions: Mapping[str, FolderPosition]  # by folder: where the next read starts
    skipped: int = 0  # mails that could not be parsed (logged, never retried)


class MailReader(Protocol):
    """Incremental reading of the user's mailbox (the e-mail connector provides one)."""

    def read_new(self, positions: Mapping[str, FolderPosition]) -> MailBatch:
        """Help-desk mails that arrived after ``positions`` (by folder), and the new positions."""
        ...

    def fetch_by_message_ids(self, ids: Collection[str]) -> list[MailItem]:
        """The mails with these Message-IDs (the user's own first mails of tickets)."""
        ...


# -- one mail ---------------------------------------------------------------------------------


def is_automatic(headers: Mapping[str, str], style: HookStyle) -> bool:
    """True for a machine-written mail (see the module's rules)."""
    auto = headers.get("auto-submitted", "").split(";")[0].strip().lower()
    if auto and auto != "no":
        return True
    if headers.get("x-autoreply", "").strip() or headers.get("x-autorespond", "").strip():
        return True
    if style.kind != "rt":
        if headers.get("x-loop", "").strip():
            return True
        if headers.get("precedence", "").strip().lower() in ("bulk", "junk", "auto_reply"):
            return True
    return False


def classify(item: MailItem, style: HookStyle, own_addresses: Collection[str]) -> Sender:
    """Who wrote ``item``: the user, the help desk's machinery, or an agent."""
    own = {a.strip().lower() for a in own_addresses if a.strip()}
    if item.in_sent or item.from_email.strip().lower() in own:
        return Sender.CUSTOMER
    if is_automatic(item.headers, style):
        return Sender.SYSTEM
    return Sender.AGENT


def number_of(item: MailItem, style: HookStyle) -> str | None:
    """The ticket number ``item`` is about, from its subject (or RT's X-RT-Ticket header)."""
    found = style.find(item.subject)
    if found:
        return found
    if style.kind == "rt":
        match = _RT_TICKET_HEADER.match(item.headers.get("x-rt-ticket", ""))
        if match and match.group(1).casefold() == style.hook.casefold():
            return match.group(2)
    return None


def article_id(item: MailItem) -> str:
    """An article's id: its Message-ID, else where it lives (``uid:UIDVALIDITY:UID:FOLDER``)."""
    return item.message_id or f"uid:{item.uidvalidity}:{item.uid}:{item.folder}"


def parse_uid_article_id(value: str) -> tuple[int, int, str] | None:
    """(uidvalidity, uid, folder) of an id made by :func:`article_id` without a Message-ID."""
    if not value.startswith("uid:"):
        return None
    parts = value.split(":", 3)
    if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return int(parts[1]), int(parts[2]), parts[3]


def to_article(item: MailItem, ticket_id: str, sender: Sender) -> Article:
    """``item`` as an article of ticket ``ticket_id``."""
    return Article(
        id=article_id(item),
        ticket_id=ticket_id,
        sender=sender,
        subject=item.subject,
        body=item.body,
        created_at=item.date,
        from_=item.from_display,
        to=item.to,
        message_id=item.message_id,
        attachments=item.attachments,
    )


# -- threads ------------------------------------------------------------------------------------


def assign_numbers(
    items: Iterable[MailItem], style: HookStyle, extra: Iterable[MailItem] = ()
) -> list[tuple[str, MailItem]]:
    """(ticket number, mail) pairs. ``items`` without a number are dropped; ``extra`` mails (the
    user's own first mails, found by Message-ID) take the number of a mail that answers them."""
    pairs: list[tuple[str, MailItem]] = []
    answered_by: dict[str, str] = {}
    for item in items:
        number = number_of(item, style)
        if number is None:
            continue
        pairs.append((number, item))
        for ref in item.referenced:
            answered_by.setdefault(ref, number)
    for item in extra:
        number = number_of(item, style) or answered_by.get(item.message_id)
        if number:
            pairs.append((number, item))
    return pairs


def settle_reply_order(
    items: Iterable[MailItem], known: Mapping[str, datetime] | None = None
) -> list[MailItem]:
    """``items`` with each mail dated after the mails it answers (by a millisecond where they
    tie). IMAP dates have one-second steps, and an auto-reply or a quick answer often arrives in
    the same second as the mail it answers; ``known``: dates of mails already in the mirror."""
    dated: dict[str, datetime] = dict(known or {})
    result = list(items)
    for item in result:
        if item.message_id and item.date is not None:
            dated.setdefault(item.message_id, item.date)
    step = timedelta(milliseconds=1)
    for _ in range(len(result) + 1):  # a chain of n replies settles in n rounds
        changed = False
        for index, item in enumerate(result):
            if item.date is None:
                continue
            latest = max((dated[r] for r in item.referenced if r in dated), default=None)
            if (
                latest is not None
                and latest >= item.date
                and item.message_id not in item.referenced
            ):
                later = replace(item, date=latest + step)
                result[index] = later
                if later.message_id:
                    dated[later.message_id] = latest + step
                changed = True
        if not changed:
            break
    return result


def _sort_key(article: Article) -> tuple[datetime, str]:
    return (article.created_at or datetime.max.replace(tzinfo=UTC), article.id)


def sort_articles(articles: Iterable[Article]) -> list[Article]:
    """Oldest first (by ``created_at``: when the mail reached the mailbox; undated ones last),
    one article per id."""
    unique: dict[str, Article] = {}
    for article in articles:
        previous = unique.get(article.id)
        # The same mail in two folders (Sent and INBOX): the user's copy wins.
        if previous is None or (
            article.sender is Sender.CUSTOMER and previous.sender is not Sender.CUSTOMER
        ):
            unique[article.id] = article
    return sorted(unique.values(), key=_sort_key)


def says_resolved(article: Article, style: HookStyle) -> bool:
    """A help-desk mail ``<tag> Resolved: ...`` (RT's stock "Resolved" template)."""
    if article.sender is Sender.CUSTOMER:
        return False
    match = style.tag_pattern().match(article.subject.strip())
    if match is None:
        return False
    rest = article.subject.strip()[match.end() :]
    return bool(re.match(r"\s*resolved\s*:", rest, re.IGNORECASE))


def thread_state(articles: Iterable[Article], style: HookStyle) -> tuple[str, StateType]:
    """(state name, state type) after ``articles`` (oldest first): see the module's rules."""
    state: tuple[str, StateType] = ("", StateType.UNKNOWN)
    for article in articles:
        if says_resolved(article, style):
            state = ("resolved", StateType.CLOSED)
        elif article.sender is Sender.CUSTOMER and state[1] is StateType.CLOSED:
            state = ("open", StateType.OPEN)
    return state


def title_from_subject(subject: str, style: HookStyle) -> str:
    """A help-desk mail's subject as a title: no tag, no ``Re:``, no ``AutoReply:``."""
    text = clean_subject(subject, style)
    return strip_reply_prefixes(_TEMPLATE_WORDS.sub("", text))


def ticket_title(articles: Iterable[Article], style: HookStyle, hint: str = "") -> str:
    """The subject of the user's first mail; else ``hint`` (e.g. the sent item's subject); else
    the first help-desk subject without its tag and template words."""
    ordered = list(articles)
    for article in ordered:
        if article.sender is Sender.CUSTOMER:
            title = clean_subject(article.subject, style)
            if title:
                return title
    if hint.strip():
        return " ".join(hint.split())
    for article in ordered:
        title = title_from_subject(article.subject, style)
        if title:
            return title
    return ""


def ticket_from_articles(
    number: str, articles: Iterable[Article], style: HookStyle, *, title_hint: str = ""
) -> Ticket:
    """A ticket header made from its mails (oldest first)."""
    ordered = list(articles)
    state, state_type = thread_state(ordered, style)
    dates = [a.created_at for a in ordered if a.created_at is not None]
    return Ticket(
        id=number,
        number=number,
        title=ticket_title(ordered, style, title_hint),
        state=state,
        state_type=state_type,
        created_at=min(dates) if dates else None,
        changed_at=max(dates) if dates else None,
    )


def build_threads(
    items: Iterable[MailItem],
    style: HookStyle,
    own_addresses: Collection[str],
    *,
    extra: Iterable[MailItem] = (),
) -> dict[str, Thread]:
    """Every ticket's thread from mails read straight from the mailbox, by ticket number."""
    by_number: dict[str, list[Article]] = {}
    pairs = assign_numbers(items, style, extra)
    settled = settle_reply_order(item for _number, item in pairs)
    for (number, _item), item in zip(pairs, settled, strict=True):
        sender = classify(item, style, own_addresses)
        by_number.setdefault(number, []).append(to_article(item, number, sender))
    threads = {}
    for number, articles in by_number.items():
        ordered = sort_articles(articles)
        threads[number] = Thread(ticket_from_articles(number, ordered, style), tuple(ordered))
    return threads


# -- an auto-reply to a new ticket --------------------------------------------------------------


def same_ticket_subject(help_desk_subject: str, sent_subject: str, style: HookStyle) -> bool:
    """Whether an auto-reply's subject quotes the subject the user sent.

    OTRS-family templates quote at most N characters (``<OTRS_CUSTOMER_SUBJECT[24]>``) and then
    add `` [...]``; a quoted prefix must then be at least 8 characters long to count.
    """
    quoted = title_from_subject(help_desk_subject, style).casefold()
    sent = " ".join(clean_subject(sent_subject, style).split()).casefold()
    if not quoted or not sent:
        return False
    if quoted.endswith(_ELLIPSIS):
        prefix = quoted[: -len(_ELLIPSIS)].rstrip()
        return len(prefix) >= 8 and sent.startswith(prefix)
    return quoted == sent
