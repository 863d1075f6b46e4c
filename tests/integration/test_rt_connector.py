"""What is particular to Request Tracker, against a real RT 5 (Debian's) on 127.0.0.1: token and
Basic logins, other customers' tickets, wrong addresses, time zones, comments, RT's own mail."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
import requests

from app.connectors.rt import RtConnector
from app.core.errors import AuthError, ConfigError, Rejected
from app.core.model import utc_now
from app.core.tickets import Scope, Sender
from tests.contract.harness_rt import RtHarness
from tests.servers.rt import RtServer, session_server

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC"
)


@pytest.fixture
def rt(request: pytest.FixtureRequest) -> RtServer:
    return session_server(request.config)


@pytest.fixture
def carol(rt: RtServer) -> RtHarness:
    return RtHarness(rt, "carol")


def new_ticket(harness: RtHarness, connector: RtConnector, subject: str) -> str:
    png = harness.store("shot.png", PNG, "image/png")
    submission = harness.submission(subject, "Steps:\n1. open\n2. crash", (png,))
    return connector.create_ticket(submission, harness.read_blob).ticket_id


def agent(rt: RtServer, method: str, path: str, body: object) -> requests.Response:
    response = requests.request(
        method,
        rt.api_url + path,
        json=body,
        headers={"Authorization": f"token {rt.users['agent'].token}"},
        timeout=20,
    )
    assert response.status_code in (200, 201), response.text
    return response


def test_token_login_does_everything(rt: RtServer, carol: RtHarness) -> None:
    # The token names its user: even a profile with another login acts as carol.
    connector = carol.connector(password=rt.users["carol"].token, login="somebody-else")
    identity = connector.identify()
    assert identity.display == "Carol Customer (carol@example.test)"
    assert identity.detail.startswith("Request Tracker 5.0.")
    ticket_id = new_ticket(carol, connector, "Token login: invoice export")
    thread = connector.get_thread(ticket_id)
    assert thread.ticket.customer_user == "carol"
    assert [a.sender for a in thread.articles] == [Sender.CUSTOMER]
    assert ticket_id in {t.id for t in connector.list_tickets(Scope.MINE)}


def test_password_beyond_latin1_needs_a_token(rt: RtServer) -> None:
    erin = RtHarness(rt, "erin")
    with pytest.raises(AuthError) as caught:
        erin.connector().identify()
    assert caught.value.params["reason"] == "password_charset"
    assert "Erin Euro" in erin.connector(password=rt.users["erin"].token).identify().display


def test_revoked_or_wrong_token_is_an_auth_error(rt: RtServer, carol: RtHarness) -> None:
    token = rt.users["carol"].token
    wrong = token[:-4] + ("0000" if not token.endswith("0000") else "1111")
    with pytest.raises(AuthError) as caught:
        carol.connector(password=wrong).identify()
    assert caught.value.params["reason"] == "token"


def test_another_customers_ticket_is_refused(rt: RtServer, carol: RtHarness) -> None:
    ticket_id = new_ticket(carol, carol.connector(), "Only for Carol")
    dave = RtHarness(rt, "dave")
    with pytest.raises(Rejected) as caught:
        dave.connector().get_thread(ticket_id)
    assert "Forbidden" in str(caught.value)
    follow = dave.submission("x", "let me in", (), ticket_id=ticket_id)
    with pytest.raises(Rejected):
        dave.connector().add_article(follow, dave.read_blob)
    assert ticket_id not in {t.id for t in dave.connector().list_tickets(Scope.MINE)}
    key = carol.submission("x", "y").submission_key
    assert dave.connector().find_by_submission_key(key) is None


@pytest.mark.parametrize("path", ["", "/nothing-here", "/rt/REST/1.0"])
def test_wrong_url_says_so(rt: RtServer, carol: RtHarness, path: str) -> None:
    url = f"http://127.0.0.1:{rt.port}{path}"
    with pytest.raises(ConfigError) as caught:
        carol.connector(url=url).identify()
    assert caught.value.params["reason"] == "wrong_url"
    assert "REST 2.0" in str(caught.value)


def test_the_url_may_be_the_api_or_the_self_service_page(rt: RtServer, carol: RtHarness) -> None:
    for url in (rt.api_url, rt.api_url + "/", rt.root_url + "/SelfService/"):
        assert carol.connector(url=url).identify().login == "carol"


def test_changed_since_is_exact_whatever_the_servers_time_zone(
    rt: RtServer, carol: RtHarness
) -> None:
    assert rt.timezone == "Pacific/Auckland"  # 13 hours from UTC in November
    before = utc_now() - timedelta(seconds=2)
    connector = carol.connector()
    ticket_id = new_ticket(carol, connector, "Time zones")
    assert ticket_id in {t.id for t in connector.list_tickets(Scope.MINE, changed_since=before)}
    after = utc_now() + timedelta(minutes=2)
    assert ticket_id not in {t.id for t in connector.list_tickets(Scope.MINE, changed_since=after)}


def test_comments_never_reach_the_thread(rt: RtServer, carol: RtHarness) -> None:
    ticket_id = new_ticket(carol, carol.connector(), "Comments stay internal")
    agent(
        rt,
        "POST",
        f"/ticket/{ticket_id}/comment",
        {"Content": "internal: customer is VIP", "ContentType": "text/plain"},
    )
    agent(
        rt,
        "POST",
        f"/ticket/{ticket_id}/correspond",
        {"Content": "We are on it.", "ContentType": "text/plain"},
    )
    for connector in (
        carol.connector(),
        RtHarness(rt, "agent").connector(password=rt.users["agent"].token),
    ):
        bodies = [a.body for a in connector.get_thread(ticket_id).articles]
        assert any("We are on it." in b for b in bodies)
        assert not any("VIP" in b for b in bodies)


def test_attachment_of_another_message_is_refused(carol: RtHarness) -> None:
    connector = carol.connector()
    ticket_id = new_ticket(carol, connector, "Attachment ids")
    first = connector.get_thread(ticket_id).articles[0]
    png = first.attachments[0]
    assert connector.get_attachment(ticket_id, first.id, png.id) == PNG
    with pytest.raises(Rejected):
        connector.get_attachment(ticket_id, str(int(first.id) + 1), png.id)


def test_rts_auto_reply_carries_the_ticket_hook(rt: RtServer, carol: RtHarness) -> None:
    ticket_id = new_ticket(carol, carol.connector(), "Hook in RT's own mail")
    replies = [
        message_from_bytes(raw, policy=policy.default)
        for raw in rt.mails()
        if f"#{ticket_id}]".encode() in raw
    ]
    assert replies, "RT sent no auto-reply for the ticket"
    reply = replies[0]
    assert reply["To"] == "carol@example.test" or "carol@example.test" in str(reply["To"])
    assert carol.profile().hook.find(str(reply["Subject"])) == ticket_id
    assert reply["X-RT-Ticket"] == f"{rt.rtname} #{ticket_id}"


def test_basic_and_token_see_the_same_user(rt: RtServer, carol: RtHarness) -> None:
    by_password = carol.connector().identify()
    by_token = carol.connector(password=rt.users["carol"].token).identify()
    assert by_password == by_token


def test_cli_profile_test_and_submit(rt: RtServer, cli, tmp_path) -> None:
    """What a user types: the kind implies RT's hook style; the secret comes from stdin."""
    added = cli(
        "profile",
        "add",
        "Office RT",
        "--kind",
        "rt",
        "--url",
        rt.root_url,
        "--user",
        "carol",
        "--password-stdin",
        "--queue",
        "General",
        "--ticket-hook",
        rt.rtname,
        stdin=rt.users["carol"].password + "\n",
    )
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("profile", "show", "Office RT", "--json").stdout)
    assert (shown["kind"], shown["hook_style"], shown["ticket_hook"]) == ("rt", "rt", rt.rtname)
    tested = cli("profile", "test", "Office RT")
    assert tested.returncode == 0, tested.stderr
    assert "Connected as Carol Customer (carol@example.test)" in tested.stdout
    shot = tmp_path / "shot.png"
    shot.write_bytes(PNG)
    sent = cli(
        "submit",
        "--subject",
        "CLI: the badge printer",
        "--body",
        "It prints blank badges.",
        "--attach",
        str(shot),
        "--browser",
        "none",
        "--json",
    )
    assert sent.returncode == 0, sent.stderr
    result = json.loads(sent.stdout)
    assert result["status"] == "sent", result
    assert result["ticket_number"] == result["ticket_id"] != ""
    assert result["url"] == f"{rt.root_url}/SelfService/Display.html?id={result['ticket_id']}"
    wrong = cli(
        "profile",
        "add",
        "Bad RT",
        "--kind",
        "rt",
        "--url",
        rt.root_url,
        "--user",
        "carol",
        "--password-stdin",
        stdin="not-the-password-4Tq\n",
    )
    assert wrong.returncode == 0, wrong.stderr
    assert cli("profile", "test", "Bad RT").returncode == 4
