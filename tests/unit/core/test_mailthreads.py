"""Threads from mail: the real mails OTOBO and RT sent (tests/data/mail), classified and threaded
without a server; the state heuristic; the auto-reply subject match."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.connectors.imapwire import mail_item, parse_headers
from app.core.hooks import HookStyle
from app.core.mailthreads import (
    MailItem,
    article_id,
    build_threads,
    classify,
    is_automatic,
    number_of,
    parse_uid_article_id,
    same_ticket_subject,
    thread_state,
)
from app.core.tickets import Article, Sender, StateType
from tests.conftest import DATA

OTRS = HookStyle("otrs")
RT = HookStyle("rt", "rt.example.test")
JANE = "jane.customer@example.com"
TN = "2026112510000035"


T0 = datetime(2026, 11, 25, 17, tzinfo=UTC)


def load(path: str, *, uid: int = 1, in_sent: bool = False, at: int | None = None) -> MailItem:
    """A recorded mail's headers as the reader makes them (``at``: minutes after T0 it reached
    the mailbox; None: only its Date header says when)."""
    raw = (DATA / "mail" / path).read_bytes()
    header = raw.split(b"\n\n", 1)[0] + b"\n\n"
    return mail_item(
        folder="Sent" if in_sent else "INBOX",
        uidvalidity=1,
        uid=uid,
        headers=parse_headers(header),
        received=None if at is None else T0 + timedelta(minutes=at),
        body="",
        attachments=(),
        in_sent=in_sent,
    )


OTOBO_SENT = [
    "otobo/41-auto-reply.sent.eml",
    "otobo/42-auto-followup.sent.eml",
    "otobo/43-auto-followup.sent.eml",
    "otobo/33-gi-agent-email-article-triggered-auto-followup-to-system-address.sent.eml",
    "otobo/44-auto-followup-after-reopen.sent.eml",
]
OTOBO_CUSTOMER = [
    "otobo/41-new-ticket.eml",
    "otobo/42-followup-by-subject.eml",
    "otobo/43-followup-with-references-ticket-still-new.eml",
    "otobo/44-followup-on-closed-ticket.eml",
]


@pytest.mark.parametrize("path", OTOBO_SENT)
def test_otobos_mails_are_automatic_and_about_the_ticket(path: str) -> None:
    item = load(path)
    assert number_of(item, OTRS) == TN
    assert is_automatic(item.headers, OTRS)
    assert classify(item, OTRS, [JANE]) is Sender.SYSTEM


def test_rts_autoreply_is_automatic_but_its_loop_header_alone_is_not() -> None:
    item = load("rt/10-rt-autoreply-received-via-imap.eml")
    assert number_of(item, RT) == "3"
    assert classify(item, RT, ["bob@example.test"]) is Sender.SYSTEM
    # Every mail RT sends (agent replies too) has these two: they must not make it SYSTEM.
    agent = {"precedence": "bulk", "x-rt-loop-prevention": "rt.example.test"}
    assert not is_automatic(agent, RT)
    assert is_automatic({"precedence": "bulk"}, OTRS)


def test_the_rt_header_gives_the_number_when_the_subject_lost_its_tag() -> None:
    item = MailItem("INBOX", 1, 1, subject="Re: VPN", headers={"x-rt-ticket": "rt.example.test #3"})
    assert number_of(item, RT) == "3"
    other = MailItem("INBOX", 1, 1, subject="Re: VPN", headers={"x-rt-ticket": "other #3"})
    assert number_of(other, RT) is None


def test_the_recorded_otobo_ticket_threads_as_otobo_has_it() -> None:
    """The DB snapshot of ticket 4 (articles 9-18): the customer's mails and OTOBO's answers, in
    the order they happened (their Date headers disagree: the customer's were written by hand)."""
    order = [
        OTOBO_CUSTOMER[0],
        OTOBO_SENT[0],
        OTOBO_CUSTOMER[1],
        OTOBO_SENT[1],
        OTOBO_CUSTOMER[2],
        OTOBO_SENT[2],
        OTOBO_SENT[3],
        OTOBO_CUSTOMER[3],
        OTOBO_SENT[4],
    ]
    inbox = [load(p, uid=n, at=order.index(p)) for n, p in enumerate(OTOBO_SENT, 1)]
    sent = [
        load(p, uid=n, in_sent=True, at=order.index(p)) for n, p in enumerate(OTOBO_CUSTOMER, 1)
    ]
    threads = build_threads(inbox + sent, OTRS, [JANE], extra=[sent[0]])
    assert list(threads) == [TN]
    thread = threads[TN]
    assert thread.ticket.title == "Laptop battery swells"
    senders = [(a.message_id, a.sender) for a in thread.articles]
    assert senders == [
        ("<battery-0001@example.com>", Sender.CUSTOMER),
        ("<1795626225.793001.604841367@localhost>", Sender.SYSTEM),
        ("<battery-0002@example.com>", Sender.CUSTOMER),
        ("<1795626234.560849.451123758@localhost>", Sender.SYSTEM),
        ("<battery-0003@example.com>", Sender.CUSTOMER),
        ("<1795626244.56664.3662789619@localhost>", Sender.SYSTEM),
        ("<1795626259.237871.372519155@localhost>", Sender.SYSTEM),
        ("<battery-0004@example.com>", Sender.CUSTOMER),
        ("<1795626272.774920.056138403@localhost>", Sender.SYSTEM),
    ]
    # OTOBO closed and reopened it, but no mail said so: the state stays unknown.
    assert thread.ticket.state_type is StateType.UNKNOWN


def test_the_first_mail_joins_only_through_the_auto_reply() -> None:
    new = load("otobo/41-new-ticket.eml", in_sent=True, at=0)
    assert number_of(new, OTRS) is None
    alone = build_threads([], OTRS, [JANE], extra=[new])
    assert alone == {}
    reply = load("otobo/41-auto-reply.sent.eml", at=1)
    joined = build_threads([reply], OTRS, [JANE], extra=[new])
    assert [a.sender for a in joined[TN].articles] == [Sender.CUSTOMER, Sender.SYSTEM]


def test_the_recorded_rt_mails_thread_as_rt_threaded_them() -> None:
    bob = ["bob@example.test"]
    sent = [
        load(p, uid=n, in_sent=True)
        for n, p in enumerate(
            [
                "rt/01-new-ticket.eml",
                "rt/03-followup.eml",
                "rt/04-followup-variant.eml",
                "rt/05-wrong-rtname.eml",
                "rt/06-no-space-before-hash.eml",
            ],
            1,
        )
    ]
    autoreply = load("rt/10-rt-autoreply-received-via-imap.eml", uid=9)
    threads = build_threads([autoreply, *sent], RT, bob, extra=[sent[0]])
    assert list(threads) == ["3"]
    ids = [a.id for a in threads["3"].articles]
    # 03 and 04 have no Message-ID: their ids say where they live.
    assert set(ids) == {
        "<mailgate-1@example.test>",
        "<rt-5.0.3+dfsg-3~deb12u6-3011-1795626439-1680.3-7-0@example.test>",
        "uid:1:2:Sent",
        "uid:1:3:Sent",
    }
    assert threads["3"].ticket.title == "VPN broken (via email)"


def test_uid_article_ids_round_trip() -> None:
    item = MailItem("Posta/Inviata: 2", 77, 12)
    assert article_id(item) == "uid:77:12:Posta/Inviata: 2"
    assert parse_uid_article_id(article_id(item)) == (77, 12, "Posta/Inviata: 2")
    assert parse_uid_article_id("<x@y>") is None
    assert parse_uid_article_id("uid:x:1:INBOX") is None


def article(subject: str, sender: Sender, minutes: int) -> Article:
    when = datetime(2026, 11, 25, 9, tzinfo=UTC) + timedelta(minutes=minutes)
    return Article(f"<{minutes}@x>", TN, sender, subject, "", when)


def test_state_follows_resolved_notices_and_the_customers_answers() -> None:
    opened = article(f"[Ticket#{TN}] RE: Printer", Sender.SYSTEM, 0)
    reply = article(f"Re: [Ticket#{TN}] Printer", Sender.AGENT, 1)
    resolved = article(f"[Ticket#{TN}] Resolved: Printer", Sender.SYSTEM, 2)
    again = article(f"Re: [Ticket#{TN}] Printer", Sender.CUSTOMER, 3)
    assert thread_state([opened, reply], OTRS) == ("", StateType.UNKNOWN)
    assert thread_state([opened, reply, resolved], OTRS) == ("resolved", StateType.CLOSED)
    assert thread_state([opened, resolved, again], OTRS) == ("open", StateType.OPEN)
    # The customer quoting the word does not close anything, nor does "Re: ... Resolved:".
    customer = article(f"[Ticket#{TN}] Resolved: Printer", Sender.CUSTOMER, 4)
    quoted = article(f"Re: [Ticket#{TN}] Resolved: Printer", Sender.AGENT, 5)
    assert thread_state([opened, customer, quoted], OTRS)[1] is StateType.UNKNOWN
    rt_resolved = Article(
        "<r@x>", "3", Sender.AGENT, "[rt.example.test #3] Resolved: VPN", "", None
    )
    assert thread_state([rt_resolved], RT)[1] is StateType.CLOSED


@pytest.mark.parametrize(
    ("auto", "sent", "same"),
    [
        ("[Ticket#1] RE: Laptop battery swells", "Laptop battery swells", True),
        ("[Ticket#1] RE: laptop  battery swells", "Laptop battery swells", True),
        # OTRS quotes 24 characters and " [...]" (<OTRS_CUSTOMER_SUBJECT[24]>)
        ("[Ticket#1] RE: Printer on 2nd floor is  [...]", "Printer on 2nd floor is jammed", True),
        ("[Ticket#1] RE: Printer on 2nd floor is  [...]", "Printer on 3rd floor is jammed", False),
        ("[Ticket#1] RE: Print [...]", "Printer on 2nd floor is jammed", False),  # too short
        ("[Ticket#1] RE: Laptop battery", "Laptop battery swells", False),
        ("[Ticket#1] RE: ", "", False),
    ],
)
def test_an_auto_reply_quoting_the_subject(auto: str, sent: str, same: bool) -> None:
    assert same_ticket_subject(auto, sent, OTRS) is same


def test_replies_come_after_what_they_answer_within_the_same_second() -> None:
    """IMAP dates have one-second steps: a Resolved notice and the customer's answer to it can
    share one, and so can a mail and its auto-reply."""
    second = datetime(2026, 11, 25, 9, tzinfo=UTC)
    resolved = MailItem(
        "INBOX",
        1,
        5,
        message_id="<z-resolved@desk>",
        subject=f"[Ticket#{TN}] Resolved: x",
        date=second,
        headers={"auto-submitted": "auto-generated"},
        in_reply_to=("<a-mine@x>",),
    )
    answer = MailItem(
        "Sent",
        1,
        2,
        message_id="<a-answer@x>",
        subject=f"Re: [Ticket#{TN}] x",
        date=second,
        in_reply_to=("<z-resolved@desk>",),
        in_sent=True,
    )
    thread = build_threads([answer, resolved], OTRS, [JANE])[TN]
    assert [a.id for a in thread.articles] == ["<z-resolved@desk>", "<a-answer@x>"]
    assert thread.ticket.state_type is StateType.OPEN
    # a loop of references (a hostile mailbox) still ends
    loop = [
        MailItem(
            "INBOX",
            1,
            1,
            message_id="<1@x>",
            subject=f"[Ticket#{TN}]",
            date=second,
            in_reply_to=("<2@x>",),
        ),
        MailItem(
            "INBOX",
            1,
            2,
            message_id="<2@x>",
            subject=f"[Ticket#{TN}]",
            date=second,
            in_reply_to=("<1@x>",),
        ),
    ]
    assert len(build_threads(loop, OTRS, [JANE])[TN].articles) == 2
