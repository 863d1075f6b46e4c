"""The mail sync end to end: the outbox sends, a help desk answers by mail into a real dovecot, the
sync mirrors the threads and learns the numbers. And the real mails OTOBO 11 and RT 5 sent
(tests/data/mail), put into a mailbox and read back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.config.profiles import Profile
from app.connectors.mail import SmtpConnector
from app.core.hooks import HookStyle
from app.core.model import Submission, new_submission_key
from app.core.tickets import Sender, StateType
from app.services.context import AppContext
from app.services.mailsync import MailSyncService
from app.services.outbox import OutboxService, Outcome
from tests.conftest import DATA
from tests.servers.helpdesk import FakeHelpDesk, customer_subject, date_checksum
from tests.servers.imap import DovecotServer

MAIL = DATA / "mail"


@pytest.fixture
def desk(imap_server: DovecotServer) -> Iterator[FakeHelpDesk]:
    login, password = imap_server.add_user()
    helpdesk = FakeHelpDesk(imap_server, users={login: password}).start()
    helpdesk.customer = (login, password)  # type: ignore[attr-defined]
    yield helpdesk
    helpdesk.stop()
    assert not helpdesk.errors


@pytest.fixture
def profile(ctx: AppContext, desk: FakeHelpDesk, imap_server: DovecotServer) -> Profile:
    login, password = desk.customer  # type: ignore[attr-defined]
    profile = Profile(
        name="Helpdesk",
        to_address=desk.address,
        from_address=login,
        from_name="Jane Customer",
        host="127.0.0.1",
        port=desk.port,
        security="starttls",
        login=login,
        ca_file=str(imap_server.ca_file),
        imap_host="127.0.0.1",
        imap_port=imap_server.imaps_port,
        imap_security="ssl",
    )
    ctx.profiles.save(profile)
    ctx.secrets.set(profile.keyring_user, password)
    return profile


def send(ctx: AppContext, subject: str, body: str, **kw: object) -> int:
    outbox = OutboxService(ctx)
    item = outbox.submit(
        Submission(new_submission_key(), "Helpdesk", subject, body, **kw)  # type: ignore[arg-type]
    )
    assert outbox.send_one(item.id).outcome is Outcome.SENT
    return item.id


def test_the_desk_numbers_tickets_as_otobo_does() -> None:
    from datetime import datetime

    day = datetime(2026, 11, 25)
    assert [date_checksum(day, n) for n in range(1, 6)] == [
        "2026112510000017",
        "2026112510000026",
        "2026112510000035",
        "2026112510000044",
        "2026112510000053",
    ]
    assert customer_subject("Re: Printer on 2nd floor is jammed") == (
        "Printer on 2nd floor is  [...]"
    )


def test_a_sent_ticket_learns_its_number_and_its_thread_is_mirrored(
    ctx: AppContext, profile: Profile, desk: FakeHelpDesk
) -> None:
    item_id = send(ctx, "Printer on 2nd floor is jammed", "It shows E42.")
    desk.wait_idle()
    [number] = desk.tickets
    sync = MailSyncService(ctx)
    report = sync.sync("Helpdesk")
    assert [(n.item_id, n.ticket_number) for n in report.numbers_learnt] == [(item_id, number)]
    assert ctx.outbox_repo.get(item_id).ticket_number == number
    assert [t.title for t in report.new_tickets] == ["Printer on 2nd floor is jammed"]
    articles = sync.repo.articles("Helpdesk", number)
    assert [a.sender for a in articles] == [Sender.CUSTOMER, Sender.SYSTEM]
    assert "It shows E42." in articles[0].body

    desk.agent_reply(number, "Please restart the printer.")
    desk.close(number)
    report = sync.sync("Helpdesk")
    assert [a.body.splitlines()[0] for a in report.replies] == ["Please restart the printer."]
    assert report.state_changes[0][0].state_type is StateType.CLOSED

    send(ctx, "Printer on 2nd floor is jammed", "Still jammed.", ticket_number=number)
    desk.wait_idle()
    assert desk.tickets[number].state == "open"
    report = sync.sync("Helpdesk")
    assert [t.state_type for t, _old in report.state_changes] == [StateType.OPEN]
    senders = [a.sender for a in sync.repo.articles("Helpdesk", number)]
    assert senders == [
        Sender.CUSTOMER,
        Sender.SYSTEM,
        Sender.AGENT,
        Sender.SYSTEM,  # Resolved
        Sender.CUSTOMER,
        Sender.SYSTEM,  # auto follow-up
    ]
    # what the stateless connector shows is what the mirror has
    connector = OutboxService(ctx).connector_for("Helpdesk")
    thread = connector.get_thread(number)
    assert [a.id for a in thread.articles] == [a.id for a in sync.repo.articles("Helpdesk", number)]
    assert sync.sync("Helpdesk").new_articles == []


def test_a_follow_up_answers_the_help_desks_latest_mail(
    ctx: AppContext, profile: Profile, desk: FakeHelpDesk
) -> None:
    send(ctx, "VPN drops", "Every hour.")
    desk.wait_idle()
    [number] = desk.tickets
    desk.agent_reply(number, "Which client version?")
    send(ctx, "VPN drops", "Version 5.1.", ticket_number=number)
    desk.wait_idle()
    last = desk.smtp.messages[-1].message
    assert last["Subject"] == f"Re: [Ticket#{number}] VPN drops"
    agent_reply_id = desk.tickets[number].message_ids[2]
    assert last["In-Reply-To"] == agent_reply_id
    assert agent_reply_id in last["References"].split()


# -- the real mails -----------------------------------------------------------------------------


def put(server: DovecotServer, login: str, folder: str, path: str, minute: int) -> None:
    when = time.time() - 3600 + 60 * minute  # the order the help desk recorded
    server.append(login, folder, (MAIL / path).read_bytes(), when=when)


def recorded_profile(imap_server: DovecotServer, login: str, **changes: object) -> Profile:
    profile = Profile(
        name="Recorded",
        to_address="otobo@localhost",
        from_address="jane.customer@example.com",
        host="127.0.0.1",
        login=login,
        ca_file=str(imap_server.ca_file),
        imap_host="127.0.0.1",
        imap_port=imap_server.imaps_port,
        imap_security="ssl",
    )
    return replace(profile, **changes)  # type: ignore[arg-type]


def test_the_recorded_otobo_mails_mirror_as_otobo_threaded_them(
    ctx: AppContext, imap_server: DovecotServer
) -> None:
    login, password = imap_server.add_user()
    # in the order of OTOBO's articles 9-18 (db-snapshot-tickets-articles-history.txt)
    for minute, (folder, path) in enumerate(
        [
            ("Sent", "otobo/41-new-ticket.eml"),
            ("INBOX", "otobo/41-auto-reply.sent.eml"),
            ("Sent", "otobo/42-followup-by-subject.eml"),
            ("INBOX", "otobo/42-auto-followup.sent.eml"),
            ("Sent", "otobo/43-followup-with-references-ticket-still-new.eml"),
            ("INBOX", "otobo/43-auto-followup.sent.eml"),
            (
                "INBOX",
                "otobo/33-gi-agent-email-article-triggered-auto-followup-to-system-address.sent.eml",
            ),
            ("Sent", "otobo/44-followup-on-closed-ticket.eml"),
            ("INBOX", "otobo/44-auto-followup-after-reopen.sent.eml"),
            ("Sent", "otobo/40-new-ticket.eml"),  # no auto reply was recorded: not a ticket here
        ]
    ):
        put(imap_server, login, folder, path, minute)
    profile = recorded_profile(imap_server, login)
    ctx.profiles.save(profile)
    ctx.secrets.set(profile.keyring_user, password)
    # the customer's first mail, as if Ticketwise had sent it
    item = ctx.outbox_repo.enqueue(
        Submission(new_submission_key(), "Recorded", "Laptop battery swells", "...")
    )
    ctx.outbox_repo.claim(item.id)
    ctx.outbox_repo.mark_sent(item.id, message_id="<battery-0001@example.com>")

    sync = MailSyncService(ctx)
    report = sync.sync("Recorded")
    assert report.skipped == 0
    assert [t.id for t in report.new_tickets] == ["2026112510000035"]
    assert [(n.item_id, n.ticket_number) for n in report.numbers_learnt] == [
        (item.id, "2026112510000035")
    ]
    articles = sync.repo.articles("Recorded", "2026112510000035")
    assert [(a.message_id, a.sender) for a in articles] == [
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
    assert articles[1].body.startswith("This is a demo text which is send to every inquiry.")
    ticket = sync.repo.get("Recorded", "2026112510000035")
    assert ticket is not None and ticket.title == "Laptop battery swells"
    assert ticket.state_type is StateType.UNKNOWN  # no mail said "closed"


def test_the_recorded_rt_mails_mirror_as_rt_threaded_them(
    ctx: AppContext, imap_server: DovecotServer
) -> None:
    login, password = imap_server.add_user()
    for minute, path in enumerate(
        [
            "rt/01-new-ticket.eml",
            "rt/03-followup.eml",
            "rt/04-followup-variant.eml",
            "rt/05-wrong-rtname.eml",
            "rt/06-no-space-before-hash.eml",
        ]
    ):
        put(imap_server, login, "Sent", path, minute * 2)
    # RT's autoreply as it arrived (LMTP, like the recorded run)
    imap_server.deliver(login, (MAIL / "rt/10-rt-autoreply-received-via-imap.eml").read_bytes())
    profile = recorded_profile(
        imap_server,
        login,
        from_address="bob@example.test",
        hook_style="rt",
        ticket_hook="rt.example.test",
    )
    ctx.profiles.save(profile)
    ctx.secrets.set(profile.keyring_user, password)

    sync = MailSyncService(ctx)
    report = sync.sync("Recorded")
    assert [t.id for t in report.new_tickets] == ["3"]
    articles = sync.repo.articles("Recorded", "3")
    subjects = sorted(a.subject for a in articles)
    assert subjects == [
        "Re: [rt.example.test #3] AutoReply: VPN broken (via email)",
        "VPN broken (via email)",
        "[RT.EXAMPLE.TEST  #3 ]no space, upper case, extra blanks",
        "[rt.example.test #3] AutoReply: VPN broken (via email)",
    ]
    senders = {a.subject: a.sender for a in articles}
    assert senders["[rt.example.test #3] AutoReply: VPN broken (via email)"] is Sender.SYSTEM
    assert senders["VPN broken (via email)"] is Sender.CUSTOMER
    first = next(a for a in articles if a.subject == "VPN broken (via email)")
    assert [a.filename for a in first.attachments] == ["vpn.png"]
    followup = next(a for a in articles if a.subject.startswith("Re: [rt.example.test #3]"))
    assert [a.filename for a in followup.attachments] == ["vpn.log"]
    connector = SmtpConnector(profile, password, timeout=10)
    assert connector.get_attachment("3", followup.id, followup.attachments[0].id) == b"err 42\n"
    assert sync.repo.get("Recorded", "3").title == "VPN broken (via email)"  # type: ignore[union-attr]


def test_other_hook_styles_do_not_claim_the_recorded_mails(
    ctx: AppContext, imap_server: DovecotServer
) -> None:
    """An OTRS-style profile ignores RT's mails and the other way round."""
    login, password = imap_server.add_user()
    imap_server.deliver(login, (MAIL / "rt/10-rt-autoreply-received-via-imap.eml").read_bytes())
    imap_server.deliver(login, (MAIL / "otobo/41-auto-reply.sent.eml").read_bytes())
    otrs = recorded_profile(imap_server, login)
    rt = replace(otrs, name="RT", hook_style="rt", ticket_hook="other.example")
    for p in (otrs, rt):
        ctx.profiles.save(p)
        ctx.secrets.set(p.keyring_user, password)
    sync = MailSyncService(ctx)
    assert [t.id for t in sync.sync("Recorded").new_tickets] == ["2026112510000035"]
    assert sync.sync("RT").new_tickets == []
    assert HookStyle("rt", "other.example").find("[rt.example.test #3]") is None
