"""The ticket service without a network: an API help desk in memory behind the Connector
protocol, the real mirror in SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest

from app.config.profiles import Profile
from app.core.connector import Capabilities
from app.core.errors import NotReachable, Rejected, Unsupported
from app.core.tickets import Article, Scope, Sender, StateType, Thread, Ticket
from app.services.context import AppContext
from app.services.tickets import (
    ReplyTarget,
    Source,
    StateFilter,
    TicketService,
    newest_first,
    reply_subject,
    select,
)
from tests.unit.conftest import T0

OTRS = Profile(
    name="Desk", kind="otrs", url="https://help.example/otrs/", login="jane", queue="Raw"
)


def ticket(
    ident: str, title: str, state: StateType, minutes: int | None, customer: str = "jane"
) -> Ticket:
    return Ticket(
        id=ident,
        number=f"20240301100000{ident}",
        title=title,
        state=state.value,
        state_type=state,
        customer_user=customer,
        changed_at=None if minutes is None else T0 + timedelta(minutes=minutes),
    )


PRINTER = ticket("1", "Printer jammed", StateType.OPEN, 5)
VPN = ticket("2", "VPN drops hourly", StateType.CLOSED, 9)
BADGE = ticket("3", "Badge reader", StateType.PENDING, None)
SHARED = ticket("4", "Shared drive full", StateType.NEW, 7, customer="bob")


def test_select_by_state_kind_and_search() -> None:
    tickets = [PRINTER, VPN, BADGE]
    assert select(tickets, StateFilter.ALL) == tickets
    assert select(tickets, StateFilter.OPEN) == [PRINTER, BADGE]  # pending is not closed
    assert select(tickets, StateFilter.CLOSED) == [VPN]
    assert select(tickets, StateFilter.ALL, "  vpn ") == [VPN]  # title, any case
    assert select(tickets, StateFilter.ALL, "1000003") == [BADGE]  # or the number
    assert select(tickets, StateFilter.CLOSED, "printer") == []


def test_newest_first_puts_undated_tickets_last() -> None:
    assert newest_first(iter([BADGE, PRINTER, VPN])) == [VPN, PRINTER, BADGE]


def test_reply_subject() -> None:
    mail = Profile(name="Mail", to_address="s@desk.example", from_address="j@example.com")
    known = ReplyTarget("2024", "7", "Re: Printer jammed", "", True)
    assert reply_subject(OTRS, known) == "Re: Printer jammed"
    assert reply_subject(mail, known) == "Re: Printer jammed"  # the connector adds the tag
    unknown = replace(known, title="")
    assert reply_subject(OTRS, unknown) == "Re: ticket 2024"
    assert reply_subject(mail, unknown) == "Re: [Ticket#2024]"


@dataclass
class FakeDesk:
    """An OTRS-like help desk: ids differ from numbers; it can go offline."""

    tickets: list[Ticket] = field(default_factory=lambda: [PRINTER, VPN, SHARED])
    down: bool = False
    calls: list[str] = field(default_factory=list)

    def __call__(self, profile: Profile, password: str | None, **_kw: object) -> FakeDesk:
        return self

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if self.down:
            raise NotReachable("the server refused the connection", reason="refused")

    def capabilities(self) -> Capabilities:
        return Capabilities(lists_tickets=True, company_scope=True)

    def list_tickets(self, scope: Scope, changed_since: object = None) -> list[Ticket]:
        self._call(f"list {scope}")
        mine = [t for t in self.tickets if t.customer_user == "jane"]
        return self.tickets if scope is Scope.COMPANY else mine

    def find_ticket(self, number: str) -> Ticket | None:
        self._call(f"find {number}")
        return next((t for t in self.tickets if t.number == number), None)

    def get_thread(self, ticket_id: str) -> Thread:
        self._call(f"thread {ticket_id}")
        found = next(t for t in self.tickets if t.id == ticket_id)
        answer = Article(
            id="10",
            ticket_id=ticket_id,
            sender=Sender.AGENT,
            subject="Re",
            body="Try again",
            created_at=T0,
            message_id="<10@desk>",
        )
        return Thread(found, (answer,))


@pytest.fixture
def service(ctx: AppContext) -> tuple[TicketService, FakeDesk]:
    ctx.profiles.save(OTRS)
    desk = FakeDesk()
    return TicketService(ctx, desk), desk


def test_lists_are_mirrored_and_shown_when_the_help_desk_is_down(service) -> None:
    tickets, desk = service
    fresh = tickets.list_tickets("Desk", scope=Scope.COMPANY)
    assert (fresh.source, fresh.tickets) == (Source.SERVER, [VPN, SHARED, PRINTER])
    assert fresh.error is None
    desk.down = True
    offline = tickets.list_tickets("Desk", state=StateFilter.OPEN)
    assert (offline.source, offline.tickets) == (Source.MIRROR, [PRINTER])  # Bob's: not mine
    assert isinstance(offline.error, NotReachable)
    company = tickets.list_tickets("Desk", scope=Scope.COMPANY)
    assert company.tickets == [VPN, SHARED, PRINTER]


def test_nothing_mirrored_yet_is_the_error_itself(service) -> None:
    tickets, desk = service
    desk.down = True
    with pytest.raises(NotReachable):
        tickets.list_tickets("Desk")


def test_a_thread_by_number_and_the_follow_up_it_leads_to(service) -> None:
    tickets, desk = service
    view = tickets.thread(PRINTER.number, "Desk")
    assert desk.calls == [f"find {PRINTER.number}", "thread 1"]
    assert (view.source, view.thread.ticket) == (Source.SERVER, PRINTER)
    desk.calls.clear()
    again = tickets.thread(PRINTER.number, "Desk")  # the mirror knows the id now
    assert desk.calls == ["thread 1"] and again.thread == view.thread

    submission = tickets.follow_up(PRINTER.number, "Still jammed", profile_name="Desk")
    assert (submission.ticket_number, submission.ticket_id) == (PRINTER.number, "1")
    assert (submission.subject, submission.in_reply_to) == ("Re: Printer jammed", "<10@desk>")
    assert submission.reopen is OTRS.reopen_on_follow_up
    assert tickets.follow_up(PRINTER.number, "x", profile_name="Desk", reopen=False).reopen is False

    desk.down = True
    offline = tickets.thread(PRINTER.number, "Desk")
    assert offline.source is Source.MIRROR and offline.thread == view.thread


def test_unknown_numbers(service) -> None:
    tickets, desk = service
    with pytest.raises(Rejected) as caught:
        tickets.thread("2024030199", "Desk")
    assert caught.value.params["code"] == "ticket_not_found"
    with pytest.raises(Rejected):
        tickets.follow_up("2024030199", "x", profile_name="Desk")
    # Not reachable, or not asked: the number is taken as it is (the send will tell).
    desk.down = True
    offline = tickets.follow_up("2024030199", "x", profile_name="Desk")
    assert (offline.ticket_number, offline.ticket_id, offline.subject) == (
        "2024030199",
        "",
        "Re: ticket 2024030199",
    )
    desk.calls.clear()
    tickets.follow_up("2024030198", "x", profile_name="Desk", check=False)
    assert desk.calls == []


def test_company_scope_where_the_help_desk_has_none(ctx: AppContext) -> None:
    ctx.profiles.save(OTRS)

    class MineOnly(FakeDesk):
        def capabilities(self) -> Capabilities:
            return Capabilities(lists_tickets=True)

    with pytest.raises(Unsupported) as caught:
        TicketService(ctx, MineOnly()).list_tickets("Desk", scope=Scope.COMPANY)
    assert caught.value.exit_code == 3
