"""Every connector must pass these, with the same names: the report is a help-desk matrix."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from app.core.errors import AuthError, NotReachable
from app.core.model import utc_now
from app.core.tickets import Scope, Sender, StateType

# The 16x16 PNG of the recorded OTOBO exchange (fixture 03).
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAGklEQVR4nGP4z8BAEiJN9agGYjUMSkeNPA0Aker/"
    "AYCSZqUAAAAASUVORK5CYII="
)
BODY = (
    "Hello support,\nthe printer on the 2nd floor shows a paper jam (see screenshot).\n"
    "Gr\u00fc\u00dfe, Jane"
)


def create(harness, subject: str = "Printer on 2nd floor is jammed", with_png: bool = True):
    attachments = (harness.store("screenshot.png", PNG, "image/png"),) if with_png else ()
    submission = harness.submission(subject, BODY, attachments)
    result = harness.connector().create_ticket(submission, harness.read_blob)
    ticket_id, number = harness.ticket_of(result, submission)
    return submission, result, ticket_id, number


def customer_articles(thread):
    return [a for a in thread.articles if a.sender is Sender.CUSTOMER]


def test_identify_names_the_customer(harness) -> None:
    identity = harness.connector().identify()
    assert harness.login in identity.display or (
        harness.display_name and harness.display_name in identity.display
    ), identity


def test_wrong_password_is_an_auth_error(harness) -> None:
    with pytest.raises(AuthError):
        harness.connector(password="definitely-not-it-9f3K").identify()


def test_unreachable_server_is_not_reachable(harness) -> None:
    with pytest.raises(NotReachable):
        harness.unreachable_connector().identify()


def test_create_ticket_with_attachment_round_trip(harness) -> None:
    _submission, _result, ticket_id, number = create(harness)
    assert number
    thread = harness.thread(ticket_id)
    assert thread.ticket.number == number
    assert "Printer on 2nd floor is jammed" in thread.ticket.title
    assert thread.ticket.state_type is not StateType.CLOSED
    mine = customer_articles(thread)
    assert mine, thread.articles
    assert "the printer on the 2nd floor shows a paper jam" in mine[0].body
    pngs = [a for a in mine[0].attachments if a.filename == "screenshot.png"]
    assert len(pngs) == 1, mine[0].attachments
    connector = harness.connector()
    assert connector.get_attachment(ticket_id, mine[0].id, pngs[0].id) == PNG


def test_follow_up_lands_on_the_same_ticket(harness) -> None:
    _submission, _result, ticket_id, number = create(harness, "Scanner drops pages", False)
    follow = harness.submission(
        "Scanner drops pages",
        "It also happens with the feeder.",
        (),
        ticket_id=ticket_id,
        ticket_number=number,
    )
    result = harness.connector().add_article(follow, harness.read_blob)
    assert result.ticket_number in ("", number)
    thread = harness.thread(ticket_id)
    bodies = [a.body for a in customer_articles(thread)]
    assert any("It also happens with the feeder." in b for b in bodies), bodies
    mine = harness.connector().list_tickets(Scope.MINE)
    assert sum(1 for t in mine if "Scanner drops pages" in t.title) == 1


def test_agent_reply_is_visible_to_the_customer(harness) -> None:
    _submission, _result, ticket_id, _number = create(harness, "VPN disconnects hourly", False)
    harness.agent_reply(ticket_id, "Please send us the VPN client log.")
    thread = harness.thread(ticket_id)
    replies = [a for a in thread.articles if a.sender is Sender.AGENT]
    assert any("Please send us the VPN client log." in a.body for a in replies), thread.articles


def test_follow_up_reopens_a_closed_ticket(harness) -> None:
    _submission, _result, ticket_id, number = create(harness, "Badge reader rejects card", False)
    harness.agent_close(ticket_id)
    assert harness.thread(ticket_id).ticket.state_type.is_closed
    follow = harness.submission(
        "Badge reader rejects card",
        "It is broken again today.",
        (),
        ticket_id=ticket_id,
        ticket_number=number,
        reopen=True,
    )
    harness.connector().add_article(follow, harness.read_blob, reopen=True)
    assert not harness.thread(ticket_id).ticket.state_type.is_closed


def test_list_my_tickets_and_only_changes_since(harness) -> None:
    _submission, _result, ticket_id, _number = create(harness, "Timesheet totals wrong", False)
    connector = harness.connector()
    assert ticket_id in {t.id for t in connector.list_tickets(Scope.MINE)}
    later = connector.list_tickets(Scope.MINE, changed_since=utc_now() + timedelta(hours=1))
    assert ticket_id not in {t.id for t in later}


def test_company_tickets(harness) -> None:
    connector = harness.connector()
    if not connector.capabilities().company_scope:
        pytest.skip(f"{harness.name}: no company-wide ticket list (capabilities say so)")
    _submission, _result, ticket_id, _number = create(harness, "Shared drive full", False)
    assert ticket_id in {t.id for t in connector.list_tickets(Scope.COMPANY)}


def test_find_by_submission_key(harness) -> None:
    connector = harness.connector()
    if not connector.capabilities().finds_by_submission_key:
        pytest.skip(f"{harness.name}: cannot look a ticket up by submission key")
    submission, _result, ticket_id, number = create(harness, "Monitor flickers", False)
    found = connector.find_by_submission_key(submission.submission_key)
    assert found is not None and found.ticket_number == number and found.ticket_id == ticket_id
    assert connector.find_by_submission_key("00000000-0000-4000-8000-000000000000") is None


def test_find_ticket_by_the_number_users_quote(harness) -> None:
    _submission, _result, ticket_id, number = create(harness, "Keyboard misses keys", False)
    connector = harness.connector()
    found = connector.find_ticket(number)
    assert found is not None and (found.id, found.number) == (ticket_id, number)
    assert "Keyboard misses keys" in found.title
    assert connector.find_ticket("999999999") is None
    assert connector.find_ticket("1*") is None  # not a number: never a search pattern


def test_capabilities_are_honest(harness) -> None:
    caps = harness.connector().capabilities()
    assert caps.creates_tickets and caps.follow_ups and caps.lists_tickets
