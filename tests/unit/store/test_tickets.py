"""The ticket mirror: tickets, articles and mail read positions in SQLite."""

from __future__ import annotations

from datetime import timedelta

from app.core.mailthreads import FolderPosition
from app.core.tickets import Article, RemoteAttachment, Sender, StateType, Ticket
from app.store.db import Database
from app.store.tickets import TicketRepo
from tests.unit.conftest import T0

TICKET = Ticket(
    id="2026112510000017",
    number="2026112510000017",
    title="Printer jammed",
    state="",
    state_type=StateType.UNKNOWN,
    created_at=T0,
    changed_at=T0 + timedelta(minutes=1),
)


def article(n: int, sender: Sender = Sender.AGENT, **kw: object) -> Article:
    return Article(
        id=f"<{n}@x>",
        ticket_id=TICKET.id,
        sender=sender,
        subject=f"Re: [Ticket#{TICKET.id}] Printer jammed",
        body=f"text {n}",
        created_at=T0 + timedelta(minutes=n),
        from_="Alice <alice@desk>",
        to="jane@example.com",
        message_id=f"<{n}@x>",
        **kw,  # type: ignore[arg-type]
    )


def test_a_thread_round_trips(db: Database) -> None:
    repo = TicketRepo(db)
    png = RemoteAttachment("2", "schermata è.png", "image/png", 300)
    first = article(0, Sender.CUSTOMER, attachments=(png,))
    new = repo.save("Helpdesk", [TICKET], [article(1), first])
    assert new == {(TICKET.id, "<0@x>"), (TICKET.id, "<1@x>")}
    assert repo.get("Helpdesk", TICKET.id) == TICKET
    assert repo.articles("Helpdesk", TICKET.id) == [first, article(1)]
    assert repo.list_tickets() == [("Helpdesk", TICKET)]
    assert repo.list_tickets("Other") == []


def test_saving_again_updates_and_reports_only_new_articles(db: Database) -> None:
    repo = TicketRepo(db)
    repo.save("Helpdesk", [TICKET], [article(1)])
    closed = Ticket(**{**TICKET.__dict__, "state": "resolved", "state_type": StateType.CLOSED})
    assert repo.save("Helpdesk", [closed], [article(1), article(2)]) == {(TICKET.id, "<2@x>")}
    stored = repo.get("Helpdesk", TICKET.id)
    assert stored is not None and stored.state_type is StateType.CLOSED
    assert len(repo.articles("Helpdesk", TICKET.id)) == 2


def test_articles_are_found_by_message_id(db: Database) -> None:
    repo = TicketRepo(db)
    repo.save("Helpdesk", [TICKET], [article(1), article(2)])
    assert repo.by_message_ids("Helpdesk", ["<2@x>", "<9@x>", ""]) == {
        "<2@x>": (TICKET.id, T0 + timedelta(minutes=2))
    }
    assert repo.by_message_ids("Other", ["<2@x>"]) == {}


def test_positions_are_kept_per_folder(db: Database) -> None:
    repo = TicketRepo(db)
    assert repo.mail_positions("Helpdesk") == {}
    repo.save("Helpdesk", [], [], positions=[FolderPosition("INBOX", 7, 3)])
    repo.save(
        "Helpdesk", [], [], positions=[FolderPosition("INBOX", 7, 9), FolderPosition("Sent", 1, 2)]
    )
    assert repo.mail_positions("Helpdesk") == {
        "INBOX": FolderPosition("INBOX", 7, 9),
        "Sent": FolderPosition("Sent", 1, 2),
    }


def test_forget_drops_a_profiles_mirror(db: Database) -> None:
    repo = TicketRepo(db)
    repo.save("Helpdesk", [TICKET], [article(1)], positions=[FolderPosition("INBOX", 7, 3)])
    repo.save("Other", [TICKET], [article(1)])
    repo.forget("Helpdesk")
    assert repo.list_tickets() == [("Other", TICKET)]
    assert repo.mail_positions("Helpdesk") == {}


def test_find_by_number_and_only_the_users_own(db: Database) -> None:
    repo = TicketRepo(db)
    own = Ticket(**{**TICKET.__dict__, "id": "7", "number": "2026112510000035"})
    colleague = Ticket(**{**TICKET.__dict__, "id": "8", "number": "2026112510000044"})
    repo.save("Desk", [own], [])
    repo.save("Desk", [colleague], [], mine=False)
    assert repo.find_by_number("Desk", "2026112510000035") == own
    assert repo.find_by_number("Desk", "7") is None  # the id is not the number
    assert repo.find_by_number("Other", "2026112510000035") is None
    assert [t.id for _p, t in repo.list_tickets("Desk")] == ["7", "8"]
    assert [t.id for _p, t in repo.list_tickets("Desk", mine_only=True)] == ["7"]
    repo.save("Desk", [colleague], [], mine=True)  # a later list says it is the user's after all
    assert [t.id for _p, t in repo.list_tickets("Desk", mine_only=True)] == ["7", "8"]
