"""The mail sync without a network: a mailbox in memory behind the MailReader protocol."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest

from app.config.profiles import Profile
from app.connectors.mail import message_id_for
from app.core.errors import Unsupported
from app.core.mailthreads import FolderPosition, MailBatch, MailItem
from app.core.model import Submission, new_submission_key, utc_now
from app.core.tickets import Sender, StateType
from app.services.context import AppContext
from app.services.mailsync import MailSyncService

ME = "jane@example.com"
PROFILE = Profile(
    name="Helpdesk",
    to_address="support@desk.example",
    from_address=ME,
    host="127.0.0.1",
    login=ME,
    imap_host="127.0.0.1",
)
TN = "2026112510000017"
TN2 = "2026112510000026"


@dataclass
class Mailbox:
    """Folders of mails by UID; the reader protocol over them."""

    folders: dict[str, list[MailItem]] = field(default_factory=lambda: {"INBOX": [], "Sent": []})
    uidvalidity: int = 7
    skipped: int = 0
    clock: int = 0

    def add(self, folder: str, **fields: object) -> MailItem:
        box = self.folders[folder]
        self.clock += 1  # one second per mail, in the order they are added
        item = MailItem(
            folder=folder,
            uidvalidity=self.uidvalidity,
            uid=len(box) + 1,
            date=utc_now() + timedelta(seconds=self.clock),
            in_sent=folder == "Sent",
            **fields,  # type: ignore[arg-type]
        )
        box.append(item)
        return item

    def read_new(self, positions: Mapping[str, FolderPosition]) -> MailBatch:
        from app.core.hooks import HookStyle

        items, new = [], {}
        for folder, box in self.folders.items():
            known = positions.get(folder)
            last = known.last_uid if known and known.uidvalidity == self.uidvalidity else 0
            fresh = [i for i in box if i.uid > last]
            items += [i for i in fresh if HookStyle("otrs").find(i.subject)]
            new[folder] = FolderPosition(folder, self.uidvalidity, len(box))
        return MailBatch(tuple(items), new, self.skipped)

    def fetch_by_message_ids(self, ids: Collection[str]) -> list[MailItem]:
        return [i for box in self.folders.values() for i in box if i.message_id in ids]


class FakeConnector:
    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    def mail_reader(self) -> Mailbox:
        return self.mailbox


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture
def sync(ctx: AppContext, mailbox: Mailbox) -> MailSyncService:
    ctx.profiles.save(PROFILE)
    return MailSyncService(ctx, lambda *a, **kw: FakeConnector(mailbox))


def sent_item(ctx: AppContext, subject: str, *, follow_up: str = "", ago: timedelta = timedelta()):
    key = new_submission_key()
    submission = Submission(key, PROFILE.name, subject, "body", ticket_number=follow_up)
    item = ctx.outbox_repo.enqueue(submission)
    ctx.outbox_repo.claim(item.id)
    message_id = message_id_for(key, ME)
    ctx.outbox_repo.mark_sent(item.id, follow_up, message_id=message_id)
    if ago:
        with ctx.db.write() as conn:
            sent = (utc_now() - ago).isoformat(timespec="milliseconds")
            conn.execute("UPDATE outbox SET sent_at=? WHERE id=?", (sent, item.id))
    return item.id, message_id


def auto_reply(mailbox: Mailbox, number: str, subject: str, answered: str = "") -> MailItem:
    return mailbox.add(
        "INBOX",
        message_id=f"<auto-{number}-{len(mailbox.folders['INBOX'])}@desk>",
        subject=f"[Ticket#{number}] RE: {subject}",
        from_email="support@desk.example",
        headers={"auto-submitted": "auto-generated"},
        in_reply_to=(answered,) if answered else (),
        body="Thanks for your email.",
    )


def test_an_auto_reply_gives_the_sent_ticket_its_number(ctx, sync, mailbox) -> None:
    item_id, message_id = sent_item(ctx, "Printer jammed")
    mailbox.add("Sent", message_id=message_id, subject="Printer jammed", from_email=ME, body="hi")
    auto_reply(mailbox, TN, "Printer jammed", message_id)
    report = sync.sync("Helpdesk")
    assert [(n.item_id, n.ticket_number, n.how) for n in report.numbers_learnt] == [
        (item_id, TN, "in-reply-to")
    ]
    assert ctx.outbox_repo.get(item_id).ticket_number == TN
    [ticket] = report.new_tickets
    assert (ticket.id, ticket.title, ticket.customer_user) == (TN, "Printer jammed", ME)
    # our own first mail joined the thread through the auto-reply
    articles = sync.repo.articles("Helpdesk", TN)
    assert [(a.message_id, a.sender) for a in articles] == [
        (message_id, Sender.CUSTOMER),
        (mailbox.folders["INBOX"][0].message_id, Sender.SYSTEM),
    ]
    created = [m for m in ctx.messages.history if m.kind == "ticket_created"]
    assert created and created[0].params["ticket"] == TN


def test_a_second_sync_finds_nothing_new(ctx, sync, mailbox) -> None:
    auto_reply(mailbox, TN, "Printer jammed")
    assert len(sync.sync("Helpdesk").new_articles) == 1
    again = sync.sync("Helpdesk")
    assert again.new_articles == [] and again.new_tickets == []
    assert sync.repo.mail_positions("Helpdesk")["INBOX"].last_uid == 1


def test_replies_and_state_changes_are_reported(ctx, sync, mailbox) -> None:
    first = auto_reply(mailbox, TN, "Printer jammed")
    sync.sync("Helpdesk")
    mailbox.add(
        "INBOX",
        message_id="<reply@desk>",
        subject=f"Re: [Ticket#{TN}] Printer jammed",
        from_name="Alice",
        from_email="support@desk.example",
        in_reply_to=(first.message_id,),
        body="Please restart it.",
    )
    mailbox.add(
        "INBOX",
        message_id="<closed@desk>",
        subject=f"[Ticket#{TN}] Resolved: Printer jammed",
        from_email="support@desk.example",
        headers={"auto-submitted": "auto-generated"},
    )
    report = sync.sync("Helpdesk")
    assert [a.body for a in report.replies] == ["Please restart it."]
    [(ticket, old)] = report.state_changes
    assert ticket.state_type is StateType.CLOSED and old == "unknown"
    kinds = [m.kind for m in ctx.messages.history]
    assert "ticket_reply" in kinds and "ticket_state" in kinds
    # the customer answers: the help desk reopens, and so does the mirror
    mailbox.add(
        "Sent", message_id="<again@me>", subject=f"Re: [Ticket#{TN}] Printer jammed", from_email=ME
    )
    [(reopened, _old)] = sync.sync("Helpdesk").state_changes
    assert reopened.state_type is StateType.OPEN


def test_a_quoted_subject_gives_the_number_when_exactly_one_sent_ticket_matches(
    ctx, sync, mailbox
) -> None:
    item_id, _mid = sent_item(ctx, "Printer on 2nd floor is jammed")
    auto_reply(mailbox, TN, "Printer on 2nd floor is  [...]")  # no In-Reply-To
    report = sync.sync("Helpdesk")
    assert [(n.item_id, n.how) for n in report.numbers_learnt] == [(item_id, "subject")]
    assert sync.repo.get("Helpdesk", TN).title == "Printer on 2nd floor is jammed"


@pytest.mark.parametrize(
    "setup",
    [
        pytest.param(
            lambda ctx: [sent_item(ctx, "Monitor flickers"), sent_item(ctx, "Monitor flickers")],
            id="ambiguous",
        ),
        pytest.param(
            lambda ctx: [sent_item(ctx, "Monitor flickers", ago=timedelta(days=30))], id="too-old"
        ),
        pytest.param(
            lambda ctx: [sent_item(ctx, "Monitor flickers", follow_up=TN2)], id="follow-up"
        ),
        pytest.param(lambda ctx: [sent_item(ctx, "Monitor flickers now")], id="other-subject"),
    ],
)
def test_a_quoted_subject_is_not_a_guess(ctx, sync, mailbox, setup) -> None:
    setup(ctx)
    auto_reply(mailbox, TN, "Monitor flickers")
    assert sync.sync("Helpdesk").numbers_learnt == []
    assert all(i.ticket_number in ("", TN2) for i in ctx.outbox_repo.list_items())


def test_an_agent_reply_to_our_mail_is_not_an_auto_reply_but_still_numbers_it(
    ctx, sync, mailbox
) -> None:
    item_id, message_id = sent_item(ctx, "VPN")
    mailbox.add(
        "INBOX",
        message_id="<agent@desk>",
        subject=f"Re: [Ticket#{TN}] VPN",
        from_email="support@desk.example",
        in_reply_to=(message_id,),
    )
    report = sync.sync("Helpdesk")
    assert [n.item_id for n in report.numbers_learnt] == [item_id]
    assert [a.sender for a in report.new_articles] == [Sender.AGENT]


def test_unreadable_mails_are_counted(ctx, sync, mailbox) -> None:
    mailbox.skipped = 2
    assert sync.sync("Helpdesk").skipped == 2


def test_a_profile_without_a_mailbox_is_unsupported(ctx, sync) -> None:
    ctx.profiles.save(replace(PROFILE, name="SendOnly", imap_host=""))
    assert sync.profiles() == ["Helpdesk"]
    with pytest.raises(Unsupported) as caught:
        sync.sync("SendOnly")
    assert caught.value.params["reason"] == "no_imap"
