"""The OTRS connector against the fake OTOBO on 127.0.0.1, for what the contract does not cover:
sessions, wrong URLs and web services, TLS, the server's request checks and its fidelity to the
recordings, reopening, and the command line."""

from __future__ import annotations

import json
import re
import secrets
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from app.config.profiles import Profile
from app.connectors.otrs import OtrsConnector, forget_sessions
from app.core.errors import (
    AuthError,
    CertificateError,
    ConfigError,
    NotReachable,
    TimeoutFailure,
)
from app.core.model import AttachmentRef, Submission, new_submission_key
from app.core.tickets import Scope, Sender, StateType
from tests.conftest import DATA
from tests.servers.otrs import FakeOtobo, default_users, shape, ticket_number

PASSWORD = f"J\u00e4ne {secrets.token_urlsafe(10)}"
PNG = (DATA / "otobo" / "test-attachment.png").read_bytes()


@pytest.fixture
def server() -> Iterator[FakeOtobo]:
    fake = FakeOtobo(users=default_users(password=PASSWORD)).start()
    yield fake
    fake.stop()
    assert not fake.violations, fake.violations


def profile_for(server: FakeOtobo, **changes: object) -> Profile:
    values: dict[str, object] = {
        "name": "OTOBO",
        "kind": "otrs",
        "url": server.url,
        "login": "jane.customer",
        "queue": "Raw",
        "portal_url": f"{server.root}/otobo/customer.pl",
    }
    values.update(changes)
    return Profile(**values)  # type: ignore[arg-type]


def connector(server: FakeOtobo, password: str = PASSWORD, **changes: object) -> OtrsConnector:
    return OtrsConnector(profile_for(server, **changes), password, timeout=10)


def submission(subject: str, body: str = "It is broken.", **kw: object) -> Submission:
    return Submission(
        submission_key=new_submission_key(),
        profile="OTOBO",
        subject=subject,
        body=body,
        **kw,  # type: ignore[arg-type]
    )


def sessions_created(server: FakeOtobo) -> int:
    return server.operations().count("SessionCreate")


# -- sessions --------------------------------------------------------------------------------------


def test_the_session_is_reused_and_renewed_once_when_it_expires(server: FakeOtobo) -> None:
    first = connector(server)
    assert first.identify().display == "Jane Customer (ACME)"
    connector(server).list_tickets(Scope.MINE)  # a new connector (the next send) reuses it
    assert sessions_created(server) == 1

    server.expire_sessions()  # TicketSearch now answers TicketSearch.AuthFail (recording 22)
    assert connector(server).list_tickets(Scope.MINE) == []
    assert sessions_created(server) == 2
    ops = server.operations()
    assert ops[-3:] == ["TicketSearch", "SessionCreate", "TicketSearch"]


def test_a_changed_password_logs_in_again(server: FakeOtobo) -> None:
    connector(server).identify()
    with pytest.raises(AuthError):
        connector(server, "not-the-password-3x!").identify()
    assert sessions_created(server) == 2


def test_the_password_only_travels_in_the_login_body(server: FakeOtobo) -> None:
    c = connector(server)
    result = c.create_ticket(submission("Password check"), lambda sha: b"")
    c.list_tickets(Scope.COMPANY)
    c.get_thread(result.ticket_id)
    for _method, path, query, body in server.requests:
        assert PASSWORD not in json.dumps(query) + path
        if path != "/Session":
            assert PASSWORD not in json.dumps(body)


# -- wrong settings say what is wrong ------------------------------------------------------------


def test_wrong_url_and_wrong_web_service_are_told_apart(server: FakeOtobo) -> None:
    with pytest.raises(ConfigError) as wrong_url:
        connector(server, url=f"{server.root}/helpdesk/").identify()
    assert wrong_url.value.params["reason"] == "wrong_url"
    assert wrong_url.value.params["status"] == 404

    with pytest.raises(ConfigError) as no_service:
        connector(
            server, url=f"{server.root}/otobo/nph-genericinterface.pl", webservice="Tix"
        ).identify()
    assert no_service.value.params["reason"] == "webservice_not_found"
    assert no_service.value.params["webservice"] == "Tix"
    assert "Tix" in str(no_service.value)


def test_every_accepted_form_of_the_url_reaches_the_web_service(server: FakeOtobo) -> None:
    for url in (
        server.url,
        server.url + "/",
        f"{server.root}/otobo/nph-genericinterface.pl",
        f"{server.root}/otobo/",
        f"{server.root}/otobo/customer.pl",
        f"{server.root}/otrs/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST",
        f"{server.root}/otrs/nph-genericinterface.pl/WebserviceID/1",
    ):
        forget_sessions()
        assert connector(server, url=url).identify().login == "jane.customer", url


def test_unreachable_and_silent_servers() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NotReachable) as refused:
        OtrsConnector(
            Profile(name="x", kind="otrs", url=f"http://127.0.0.1:{port}/otrs/", login="j"),
            "pw-4f9a-unused",
            timeout=5,
        ).identify()
    assert refused.value.params["reason"] == "refused"

    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/otrs/"
        with pytest.raises(TimeoutFailure):
            OtrsConnector(
                Profile(name="x", kind="otrs", url=url, login="j"), "pw-4f9a-unused", timeout=0.3
            ).identify()


# -- TLS -------------------------------------------------------------------------------------------


@pytest.fixture
def tls_server(tls) -> Iterator[FakeOtobo]:
    fake = FakeOtobo(users=default_users(password=PASSWORD), tls=tls.server_context).start()
    yield fake
    fake.stop()


def test_tls_with_the_profiles_ca_file(tls_server: FakeOtobo, tls) -> None:
    assert tls_server.url.startswith("https://")
    identity = connector(tls_server, ca_file=str(tls.ca_file)).identify()
    assert identity.display == "Jane Customer (ACME)"


def test_tls_without_the_ca_file_is_not_trusted(tls_server: FakeOtobo) -> None:
    with pytest.raises(CertificateError) as caught:
        connector(tls_server).identify()
    assert "certificate" in str(caught.value)
    assert tls_server.operations() == []  # not even the login went out


def test_an_unusable_ca_file_is_a_configuration_error(
    tls_server: FakeOtobo, tmp_path: Path
) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate")
    with pytest.raises(ConfigError) as caught:
        connector(tls_server, ca_file=str(bad)).identify()
    assert caught.value.params["reason"] == "ca_file"


# -- follow-ups and reopening --------------------------------------------------------------------


def test_follow_up_reopens_only_a_closed_ticket_and_only_when_allowed(server: FakeOtobo) -> None:
    c = connector(server)
    created = c.create_ticket(submission("Docking station"), lambda sha: b"")
    c.add_article(
        submission("Docking station", ticket_id=created.ticket_id), lambda s: b"", reopen=True
    )
    patch = [b for m, p, _q, b in server.requests if m == "PATCH"][-1]
    assert "Ticket" not in patch  # not closed: no state change asked for

    server.agent_close(created.ticket_id)
    no_reopen = connector(server, reopen_on_follow_up=False)
    assert not no_reopen.capabilities().reopens_on_follow_up
    no_reopen.add_article(
        submission("Docking station", ticket_id=created.ticket_id), lambda s: b"", reopen=True
    )
    # A follow-up alone leaves the ticket closed (recordings 29/30).
    assert c.get_thread(created.ticket_id).ticket.state_type is StateType.CLOSED

    c.add_article(
        submission(
            "Docking station",
            body="Still broken.",
            ticket_number=created.ticket_number,
            ticket_id=created.ticket_id,
        ),
        lambda s: b"",
        reopen=True,
    )
    patch = [b for m, p, _q, b in server.requests if m == "PATCH"][-1]
    assert patch["Ticket"] == {"State": "open"}
    thread = c.get_thread(created.ticket_id)
    assert thread.ticket.state_type is StateType.OPEN
    mine = [a for a in thread.articles if a.sender is Sender.CUSTOMER]
    assert mine[-1].subject == "Re: Docking station"


def test_follow_up_by_ticket_number_only(server: FakeOtobo) -> None:
    c = connector(server)
    created = c.create_ticket(submission("Webcam"), lambda sha: b"")
    result = c.add_article(
        submission("Webcam", body="Any news?", ticket_number=created.ticket_number), lambda s: b""
    )
    assert (result.ticket_id, result.ticket_number) == (created.ticket_id, created.ticket_number)


def test_follow_up_from_an_address_the_desk_refuses_goes_without_from() -> None:
    strict = FakeOtobo(users=default_users(password=PASSWORD), valid_from="").start()
    try:
        c = connector(strict)
        created = c.create_ticket(submission("Keyboard"), lambda sha: b"")
        c.add_article(submission("Keyboard", ticket_id=created.ticket_id), lambda s: b"")
        patches = [b for m, p, _q, b in strict.requests if m == "PATCH"]
        assert "From" in patches[0]["Article"] and "From" not in patches[1]["Article"]
        mine = [a for a in c.get_thread(created.ticket_id).articles if a.sender is Sender.CUSTOMER]
        assert mine[-1].body.startswith("It is broken.") and len(mine) == 2
    finally:
        strict.stop()


def test_incremental_list_and_company_scope(server: FakeOtobo) -> None:
    jane = connector(server)
    bob = OtrsConnector(profile_for(server, login="bob.customer"), PASSWORD, timeout=10)
    mine = jane.create_ticket(submission("Printer"), lambda sha: b"")
    colleague = bob.create_ticket(submission("Scanner"), lambda sha: b"")
    assert {t.id for t in jane.list_tickets(Scope.MINE)} == {mine.ticket_id}
    assert {t.id for t in jane.list_tickets(Scope.COMPANY)} == {mine.ticket_id, colleague.ticket_id}
    search = [q for m, p, q, _b in server.requests if p == "/Ticket" and m == "GET"][-1]
    assert search["CustomerID"] == "ACME"
    since = datetime.now(UTC)
    assert jane.list_tickets(Scope.MINE, changed_since=since.replace(year=since.year + 1)) == []
    query = [q for m, p, q, _b in server.requests if p == "/Ticket" and m == "GET"][-1]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", query["TicketChangeTimeNewerDate"])


def test_attachments_are_listed_without_content_and_fetched_on_demand(server: FakeOtobo) -> None:
    c = connector(server)
    import hashlib

    ref = AttachmentRef("screenshot.png", hashlib.sha256(PNG).hexdigest(), len(PNG), "image/png")
    created = c.create_ticket(submission("Screen", attachments=(ref,)), lambda sha: PNG)
    thread = c.get_thread(created.ticket_id)
    get = [q for m, p, q, _b in server.requests if p == f"/Ticket/{created.ticket_id}"][-1]
    assert get["GetAttachmentContents"] == "0"
    [meta] = thread.articles[0].attachments
    assert (meta.filename, meta.size) == ("screenshot.png", 83)
    assert c.get_attachment(created.ticket_id, thread.articles[0].id, meta.id) == PNG


# -- the fake server: request checks and fidelity to the recordings ------------------------------


def _raw(server: FakeOtobo, method: str, path: str, **kwargs: object) -> requests.Response:
    return requests.request(method, server.url + path, timeout=10, **kwargs)  # type: ignore[arg-type]


def _session(server: FakeOtobo, agent: bool = False) -> str:
    body = (
        {"UserLogin": "agent1", "Password": "Agent1-Pass!"}
        if agent
        else {"CustomerUserLogin": "jane.customer", "Password": PASSWORD}
    )
    return _raw(server, "POST", "/Session", json=body).json()["SessionID"]


def test_the_server_fails_requests_the_real_one_would_not_take_as_meant(server: FakeOtobo) -> None:
    sid = _session(server)
    bad = [
        ("GET", "/Ticket", {"params": {"SessionID": sid, "CustomerUserlogin": "jane.customer"}}),
        (
            "GET",
            "/Ticket",
            {"params": {"CustomerUserLogin": "jane.customer", "Password": PASSWORD}},
        ),
        ("GET", "/Ticket/2", {"params": {"SessionID": sid}, "json": {"AllArticles": 1}}),
        (
            "POST",
            "/Ticket",
            {
                "json": {
                    "SessionID": sid,
                    "Ticket": {"Title": "x", "Queue": "Raw"},
                    "Article": {"Subject": "x", "Body": "y", "IsVisibleForCustomer": "1"},
                }
            },
        ),
        (
            "POST",
            "/Ticket",
            {
                "json": {
                    "SessionID": sid,
                    "Ticket": {"Title": "x"},
                    "Attachment": [
                        {"Content": "not base64!", "Filename": "a", "ContentType": "text/plain"}
                    ],
                }
            },
        ),
    ]
    for method, path, kwargs in bad:
        response = _raw(server, method, path, **kwargs)
        assert response.status_code == 500, (method, path, kwargs)
        assert response.text.startswith("fake OTOBO:")
    assert len(server.violations) == len(bad), server.violations
    assert any("password is in the URL" in v for v in server.violations)
    server.violations.clear()


def _recorded(number: str) -> object:
    path = next((DATA / "otobo").glob(f"{number}-*.response.json"))
    return json.loads(path.read_bytes())


def test_the_server_answers_in_the_recorded_shapes(server: FakeOtobo) -> None:
    sid = _session(server)
    agent = _session(server, agent=True)
    assert shape(
        _raw(
            server,
            "POST",
            "/Session",
            json={"CustomerUserLogin": "jane.customer", "Password": PASSWORD},
        ).json()
    ) == shape(_recorded("01"))
    assert shape(_raw(server, "GET", f"/Session/{sid}").json()) == shape(_recorded("24"))
    created = _raw(
        server,
        "POST",
        "/Ticket",
        json=json.loads(
            (DATA / "otobo" / "03-ticket-create-customer-with-png.request.json")
            .read_text("utf-8")
            .replace("Lg7BmReCtROu2YgIK4wYOjXw2WEiKsLp", sid)
        ),
    ).json()
    assert shape(created) == shape(_recorded("03"))  # every value a string
    tid = created["TicketID"]
    got = _raw(
        server,
        "GET",
        f"/Ticket/{tid}",
        params={"SessionID": sid, "AllArticles": 1, "Attachments": 1, "DynamicFields": 1},
    )
    assert got.headers["Content-Type"] == "application/json; charset=UTF-8"
    recorded_ticket = _recorded("04")["Ticket"][0]  # type: ignore[index]
    fake_ticket = got.json()["Ticket"][0]
    assert shape({k: v for k, v in fake_ticket.items() if k != "Article"}) == shape(
        {k: v for k, v in recorded_ticket.items() if k != "Article"}
    )
    assert shape(fake_ticket["Article"][0]) == shape(recorded_ticket["Article"][0])
    follow = _raw(
        server,
        "PATCH",
        f"/Ticket/{tid}",
        json={
            "SessionID": sid,
            "Article": {
                "CommunicationChannel": "Internal",
                "SenderType": "customer",
                "IsVisibleForCustomer": 1,
                "Subject": "Re: x",
                "Body": "more",
                "ContentType": "text/plain; charset=utf8",
            },
        },
    ).json()
    assert shape(follow) == shape(_recorded("10"))  # ArticleID a string for customers
    reply = _raw(
        server,
        "PATCH",
        f"/Ticket/{tid}",
        json={
            "SessionID": agent,
            "Ticket": {"State": "open"},
            "Article": {
                "CommunicationChannel": "Phone",
                "SenderType": "agent",
                "IsVisibleForCustomer": 1,
                "Subject": "Re: x",
                "Body": "ok",
                "ContentType": "text/plain; charset=utf8",
            },
        },
    ).json()
    assert shape(reply) == shape(_recorded("11"))  # ... and an integer for agents
    assert (
        _raw(server, "GET", "/Ticket", params={"SessionID": sid, "CustomerID": "NOPE"}).json() == {}
    )
    assert _raw(server, "GET", "/Ticket/1", params={"SessionID": sid}).json() == _recorded("21")
    assert _raw(server, "GET", "/Ticket/2", params={"SessionID": "invalidsessionid"}).json() == (
        _recorded("22")
    )
    for number, method, path, kwargs in (
        ("61", "GET", "/NoSuchRoute", {}),
        (
            "62",
            "POST",
            "/Session",
            {"data": b'{"CustomerUserLogin": "jane.customer", "Password": '},
        ),
        ("63", "DELETE", "/Ticket/2", {"params": {"SessionID": "x"}}),
    ):
        response = _raw(server, method, path, **kwargs)
        expected = next((DATA / "otobo").glob(f"{number}-*.response.json")).read_bytes()
        assert (response.status_code, response.headers["Content-Type"], response.content) == (
            500,
            "text/plain; charset=UTF-8",
            expected,
        )
    server.violations.clear()  # 61-63 are transport errors on purpose


def test_ticket_numbers_are_date_checksum_numbers() -> None:
    day = datetime(2026, 11, 25, tzinfo=UTC)
    assert [ticket_number(day, n) for n in range(1, 6)] == [
        "2026112510000017",
        "2026112510000026",
        "2026112510000035",
        "2026112510000044",
        "2026112510000053",
    ]


def test_a_customer_sees_neither_internal_notes_nor_other_companies(server: FakeOtobo) -> None:
    c = connector(server)
    created = c.create_ticket(submission("Laptop"), lambda sha: b"")
    server.agent_note(created.ticket_id, "internal: replace the battery")
    server.agent_reply(created.ticket_id, "We replace the battery.")
    bodies = [a.body for a in c.get_thread(created.ticket_id).articles]
    assert "We replace the battery." in bodies
    assert not any("internal" in b for b in bodies)
    other = OtrsConnector(profile_for(server, login="zed.other"), PASSWORD, timeout=10)
    assert other.list_tickets(Scope.COMPANY) == []
    with pytest.raises(Exception) as caught:
        other.get_thread(created.ticket_id)
    assert type(caught.value).__name__ == "Rejected"


# -- the command line ------------------------------------------------------------------------------


def test_cli_profile_test_and_submit(server: FakeOtobo, cli, tmp_path: Path) -> None:
    added = cli(
        "profile",
        "add",
        "ACME",
        "--kind",
        "otrs",
        "--url",
        f"{server.root}/otobo/",
        "--user",
        "jane.customer",
        "--password-stdin",
        "--queue",
        "Raw",
        "--portal-url",
        f"{server.root}/otobo/customer.pl",
        stdin=PASSWORD + "\n",
    )
    assert added.returncode == 0, added.stderr
    tested = cli("profile", "test", "ACME")
    assert tested.returncode == 0, tested.stderr
    assert tested.stdout.strip() == "Connected as Jane Customer (ACME)"

    shot = tmp_path / "screenshot.png"
    shot.write_bytes(PNG)
    sent = cli(
        "submit", "--subject", "Printer jammed", "--body", "Paper jam.", "--attach", str(shot)
    )
    assert sent.returncode == 0, sent.stderr
    number = re.fullmatch(r"Ticket (\d{16}) created", sent.stdout.strip())
    assert number, sent.stdout
    as_json = cli("submit", "--subject", "Second", "--body", "Again.", "--json")
    data = json.loads(as_json.stdout)
    assert data["status"] == "sent" and re.fullmatch(r"\d{16}", data["ticket_number"])
    assert data["ticket_id"].isdigit()
    assert data["url"] == (
        f"{server.root}/otobo/customer.pl?Action=CustomerTicketZoom;"
        f"TicketNumber={data['ticket_number']}"
    )


def test_cli_refuses_an_otrs_profile_without_a_queue(server: FakeOtobo, cli) -> None:
    added = cli(
        "profile",
        "add",
        "ACME",
        "--kind",
        "otrs",
        "--url",
        server.url,
        "--user",
        "j",
        "--password-stdin",
        stdin="x\n",
    )
    assert added.returncode == 3
    assert "queue: required" in added.stderr


def test_two_connectors_on_threads_share_one_login(server: FakeOtobo) -> None:
    connector(server).identify()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            connector(server).list_tickets(Scope.MINE)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert not errors and sessions_created(server) == 1
