"""Every recorded OTOBO 11 answer (tests/data/otobo/) through the OTRS connector's parsers, and
property tests: whatever a server sends, the parsers answer with data or a typed error."""

from __future__ import annotations

import json
import socket
import ssl
from datetime import UTC, datetime

import pytest
import requests
import urllib3.exceptions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.connectors.otrs import (
    SessionExpired,
    decode_response,
    error_from_object,
    find_marker,
    format_time,
    identity_from_session,
    map_sender,
    map_state_type,
    map_transport_error,
    parse_attachment_content,
    parse_create_result,
    parse_search,
    parse_session_data,
    parse_session_id,
    parse_thread,
    parse_tickets,
    parse_time,
    portal_ticket_url,
    webservice_url,
    with_marker,
)
from app.core.errors import (
    AuthError,
    CertificateError,
    ConfigError,
    NotReachable,
    OutcomeUnknown,
    ProtocolError,
    Rejected,
    TimeoutFailure,
    UserFacingError,
)
from app.core.tickets import Sender, StateType
from tests.conftest import DATA

OTOBO = DATA / "otobo"
PNG = (OTOBO / "test-attachment.png").read_bytes()
RESPONSES = sorted(p.name.removesuffix(".response.json") for p in OTOBO.glob("*.response.json"))
PORTAL = "https://help.example.com/otobo/customer.pl"


def recorded(name: str) -> tuple[int, str, bytes]:
    """(status, Content-Type, body) of a recorded response."""
    head = (OTOBO / f"{name}.response.headers.txt").read_text("utf-8").splitlines()
    status = int(head[0].split()[1])
    content_type = next(
        line.split(":", 1)[1].strip() for line in head if line.lower().startswith("content-type:")
    )
    return status, content_type, (OTOBO / f"{name}.response.json").read_bytes()


def answer(name: str) -> dict:
    status, content_type, body = recorded(name)
    return decode_response(status, content_type, body)


def name_of(number: str) -> str:
    return next(n for n in RESPONSES if n.startswith(f"{number}-"))


# -- every recorded answer, with asserted results ------------------------------------------------


def test_all_recordings_are_covered_here() -> None:
    covered = {n.split("-", 1)[0] for n in RESPONSES}
    assert covered == {f"{n:02d}" for n in EXPECTED}, sorted(covered ^ set(map(str, EXPECTED)))


def _session(data: dict) -> None:
    assert parse_session_id(data) in (
        "Lg7BmReCtROu2YgIK4wYOjXw2WEiKsLp",
        "FlnsJPjBMkpVIIZdxj4zi12rzYTUgNf0",
    )


def _created(ticket_id: str, number: str, article_id: str):
    def check(data: dict) -> None:
        result = parse_create_result(data, PORTAL)
        assert (result.ticket_id, result.ticket_number, result.article_id) == (
            ticket_id,
            number,
            article_id,
        )
        assert result.url == f"{PORTAL}?Action=CustomerTicketZoom;TicketNumber={number}"

    return check


def _found(*ids: str):
    def check(data: dict) -> None:
        assert parse_search(data) == list(ids)

    return check


def _raises(error: type[UserFacingError], text: str):
    return error, text


def _thread_04(data: dict) -> None:
    thread = parse_thread(data, PORTAL)
    ticket = thread.ticket
    assert (ticket.id, ticket.number, ticket.title) == (
        "2",
        "2026112510000017",
        "Printer on 2nd floor is jammed",
    )
    assert (ticket.state, ticket.state_type, ticket.queue, ticket.priority) == (
        "new",
        StateType.NEW,
        "Raw",
        "3 normal",
    )
    assert (ticket.customer_user, ticket.customer_id) == ("jane.customer", "ACME")
    assert ticket.created_at == datetime(2026, 11, 25, 17, 1, 44, tzinfo=UTC)
    assert ticket.url.endswith("TicketNumber=2026112510000017")
    [article] = thread.articles
    assert (article.id, article.ticket_id, article.sender) == ("2", "2", Sender.CUSTOMER)
    assert article.body.endswith("Gr\u00fc\u00dfe, Jane")
    assert article.from_ == '"Jane Customer" <jane.customer@example.com>'
    [attachment] = article.attachments
    assert (attachment.id, attachment.filename, attachment.content_type, attachment.size) == (
        "1",
        "screenshot.png",
        "image/png",
        83,
    )
    assert parse_attachment_content(data, "2", "1") == PNG


def _thread_13(data: dict) -> None:
    thread = parse_thread(data)
    assert thread.ticket.state == "closed successful"
    assert thread.ticket.state_type is StateType.CLOSED and thread.ticket.state_type.is_closed
    assert [(a.id, a.sender) for a in thread.articles] == [
        ("2", Sender.CUSTOMER),
        ("3", Sender.CUSTOMER),
        ("4", Sender.AGENT),
    ]
    assert thread.articles[1].from_ == ""  # a customer's TicketUpdate leaves From empty
    assert thread.articles[2].body == "Hi Jane, a technician is on the way. -- Alice (support)"


def _thread_14(data: dict) -> None:
    # The agent's answer has the internal note too; a customer's thread never shows it.
    assert len(data["Ticket"][0]["Article"]) == 4
    thread = parse_thread(data)
    assert [a.id for a in thread.articles] == ["2", "3", "4"]
    assert all("Internal note" not in a.subject for a in thread.articles)


def _not_tickets(data: dict) -> None:
    # TicketHistoryGet's answer is no ticket list: a typed error, not a crash.
    assert data["TicketHistory"][0]["History"][0]["HistoryType"] == "NewTicket"
    with pytest.raises(ProtocolError):
        parse_tickets(data)


def _identity(data: dict) -> None:
    values = parse_session_data(data)
    assert "UserPassword" not in values  # never kept, even as a hash
    assert "CompanyConfig" not in values  # serialized structures are left out
    identity = identity_from_session(values, "jane.customer")
    assert identity.display == "Jane Customer (ACME)"
    assert (identity.login, identity.customer_id) == ("jane.customer", "ACME")
    assert identity.detail == "jane.customer@example.com \u00b7 ACME Corporation"


def _ticket_list(data: dict) -> None:
    welcome, printer = parse_tickets(data)
    assert (welcome.id, welcome.number, welcome.customer_user, welcome.customer_id) == (
        "1",
        "2015071510123456",
        "",
        "",
    )
    assert (printer.id, printer.state_type, printer.changed_at) == (
        "2",
        StateType.CLOSED,
        datetime(2026, 11, 25, 17, 2, 10, tzinfo=UTC),
    )


def _thread_30(data: dict) -> None:
    thread = parse_thread(data)
    # A follow-up through the web service does not reopen a closed ticket.
    assert thread.ticket.state_type is StateType.CLOSED
    assert [a.id for a in thread.articles] == ["2", "3", "4", "6"]
    assert "jammed AGAIN" in thread.articles[-1].body
    assert all(a.attachments == () for a in thread.articles)  # no Attachments=1: no index


def _thread_35(data: dict) -> None:
    thread = parse_thread(data)
    assert [(a.id, a.sender) for a in thread.articles] == [
        ("19", Sender.CUSTOMER),
        ("20", Sender.SYSTEM),
        ("23", Sender.CUSTOMER),
        ("24", Sender.SYSTEM),
    ]
    assert [[(x.id, x.filename) for x in a.attachments] for a in thread.articles] == [
        [("1", "flicker.png")],
        [],
        [("1", "flicker-2.png")],  # FileID counts per article
        [],
    ]
    assert parse_attachment_content(data, "23", "1") == PNG
    with pytest.raises(Rejected):
        parse_attachment_content(data, "20", "1")


def _thread_36(data: dict) -> None:
    thread = parse_thread(data)
    assert len(thread.articles) == 4
    assert all(a.attachments == () for a in thread.articles)
    with pytest.raises(Rejected):  # the bytes need Attachments=1
        parse_attachment_content(data, "19", "1")


def _thread_45(data: dict) -> None:
    thread = parse_thread(data)
    assert thread.ticket.number == "2026112510000035"
    senders = [a.sender for a in thread.articles]
    assert senders.count(Sender.SYSTEM) == 5 and senders.count(Sender.CUSTOMER) == 4
    assert senders.count(Sender.AGENT) == 1
    ids = [int(a.id) for a in thread.articles]
    assert ids == sorted(ids)
    assert thread.articles[2].message_id == "<battery-0002@example.com>"


def _thread_51(data: dict) -> None:
    thread = parse_thread(data)
    customer, auto = thread.articles  # same second: the lower ArticleID first
    assert (customer.id, customer.sender) == ("19", Sender.CUSTOMER)
    assert (auto.sender, auto.subject) == (
        Sender.SYSTEM,
        "[Ticket#2026112510000044] RE: Monitor flickers",
    )
    assert auto.from_ == "OTOBO System <otobo@localhost>"


def _thread_53(data: dict) -> None:
    thread = parse_thread(data)
    assert (thread.ticket.state_type, thread.ticket.customer_user, thread.ticket.priority) == (
        StateType.OPEN,
        "bob.customer",
        "2 low",
    )
    assert [a.sender for a in thread.articles] == [Sender.CUSTOMER, Sender.SYSTEM]


EXPECTED: dict[int, object] = {
    1: _session,
    2: _session,
    3: _created("2", "2026112510000017", "2"),
    4: _thread_04,
    5: _found("2"),
    6: _found("2"),
    7: _found("2"),
    8: _found("2"),
    9: _found(),  # {} when nothing matches
    10: _created("2", "2026112510000017", "3"),  # ArticleID "3": a string for customers
    11: _created("2", "2026112510000017", "4"),  # 4: an integer for agents
    12: _created("2", "2026112510000017", "5"),
    13: _thread_13,
    14: _thread_14,
    15: _not_tickets,
    20: _raises(AuthError, "SessionCreate: Authorization failing!"),
    21: _raises(Rejected, "TicketGet: User does not have access to the ticket!"),
    22: _raises(SessionExpired, "TicketGet: Authorization failing!"),
    23: _raises(Rejected, "TicketCreate: Ticket->QueueID or Ticket->Queue parameter is required!"),
    24: _identity,
    25: _ticket_list,
    26: _found("2"),
    27: _found(),  # StateType=Open is a literal state type, not "every open state"
    28: _found("2"),
    29: _created("2", "2026112510000017", "6"),
    30: _thread_30,
    31: _created("2", "2026112510000017", "7"),
    32: _raises(Rejected, "TicketUpdate: Article->From parameter is invalid!"),
    33: _created("4", "2026112510000035", "15"),
    34: _created("5", "2026112510000044", "23"),
    35: _thread_35,
    36: _thread_36,
    45: _thread_45,
    50: _created("5", "2026112510000044", "19"),
    51: _thread_51,
    52: _created("6", "2026112510000053", "21"),
    53: _thread_53,
    54: _found("5", "4", "3", "2"),
    55: _found("6", "5", "4", "3", "2"),
    56: _found("2", "3", "4", "5", "6"),
    57: _found("6", "5", "4", "3", "2"),
    58: _found(),
    59: _found("4"),
    60: _found("4"),
    61: _raises(ConfigError, "HTTP::REST Error while determine Operation for request URI"),
    62: _raises(ProtocolError, "Error while decoding request content."),
    63: _raises(ConfigError, "request URI '/Ticket/2'"),
    64: _created("6", "2026112510000053", "25"),
}


@pytest.mark.parametrize("name", RESPONSES)
def test_recorded_answer(name: str) -> None:
    expected = EXPECTED[int(name.split("-", 1)[0])]
    if isinstance(expected, tuple):
        error, text = expected
        with pytest.raises(error) as caught:
            answer(name)
        assert type(caught.value) is error
        assert text in str(caught.value.params.get("server", "")) or text in str(caught.value)
        return
    assert callable(expected)
    expected(answer(name))


def test_operation_errors_carry_the_server_text_and_code() -> None:
    with pytest.raises(Rejected) as caught:
        answer(name_of("21"))
    assert caught.value.params["code"] == "TicketGet.AccessDenied"
    assert caught.value.params["access_denied"] is True
    with pytest.raises(AuthError) as auth:
        answer(name_of("20"))
    assert not isinstance(auth.value, SessionExpired)  # a wrong password: no second login
    assert auth.value.params["server"] == "SessionCreate: Authorization failing!"


def test_transport_errors_name_the_cause() -> None:
    with pytest.raises(ConfigError) as route:
        answer(name_of("61"))
    assert route.value.params["reason"] == "webservice_not_found"
    assert route.value.params["status"] == 500
    with pytest.raises(ProtocolError) as bad_json:
        answer(name_of("62"))
    assert bad_json.value.params["reason"] == "server_error"
    assert bad_json.value.params["server"] == "Error while decoding request content."


# -- the rest of what a server may say ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "content_type", "body", "error", "reason"),
    [
        (200, "text/html; charset=utf-8", b"<html>Login</html>", ConfigError, "wrong_url"),
        (301, "text/html", b"", ConfigError, "wrong_url"),
        (404, "text/html", b"<h1>Not Found</h1>", ConfigError, "wrong_url"),
        (
            500,
            "text/html",
            b"<title>500 Internal Server Error</title>",
            ConfigError,
            "webservice_not_found",
        ),
        (500, "text/plain", b"", ConfigError, "webservice_not_found"),
        (401, "text/html", b"Authorization Required", AuthError, "http_auth"),
        (503, "text/html", b"Service Unavailable", NotReachable, "temporary"),
        (418, "text/plain", b"I'm a teapot", ProtocolError, "server_error"),
        (200, "application/json", b"{not json", ProtocolError, "bad_json"),
        (200, "application/json", b"[1, 2]", ProtocolError, "bad_shape"),
        (200, "application/json", b"\xff\xfe", ProtocolError, "bad_json"),
        (200, "application/json", b'{"Error": "x"}', ProtocolError, "bad_shape"),
        (
            200,
            "application/json",
            b'{"Error": {"ErrorCode": "Webservice.InvalidConfiguration",'
            b' "ErrorMessage": "broken"}}',
            ConfigError,
            "webservice_config",
        ),
    ],
)
def test_what_else_a_server_may_answer(status, content_type, body, error, reason) -> None:
    with pytest.raises(error) as caught:
        decode_response(status, content_type, body)
    assert caught.value.params.get("reason") == reason


def test_expired_sessions_of_every_operation() -> None:
    for code in ("TicketSearch.AuthFail", "TicketUpdate.AuthFail", "SessionGet.SessionInvalid"):
        assert isinstance(
            error_from_object({"ErrorCode": code, "ErrorMessage": "x"}), SessionExpired
        )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "https://help.example.com/otobo/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST",
            "https://help.example.com/otobo/nph-genericinterface.pl/Webservice/GenericTicketConnectorREST",
        ),
        (
            "https://help.example.com/otrs/nph-genericinterface.pl/Webservice/Tickets/",
            "https://help.example.com/otrs/nph-genericinterface.pl/Webservice/Tickets",
        ),
        (
            "https://help.example.com/otrs/nph-genericinterface.pl/Webservice/Tickets/Ticket/2",
            "https://help.example.com/otrs/nph-genericinterface.pl/Webservice/Tickets",
        ),
        (
            "https://help.example.com/otrs/nph-genericinterface.pl/WebserviceID/3",
            "https://help.example.com/otrs/nph-genericinterface.pl/WebserviceID/3",
        ),
        (
            "https://help.example.com/otobo/nph-genericinterface.pl",
            "https://help.example.com/otobo/nph-genericinterface.pl/Webservice/My%20Service",
        ),
        (
            "https://help.example.com/otrs/",
            "https://help.example.com/otrs/nph-genericinterface.pl/Webservice/My%20Service",
        ),
        (
            "https://help.example.com/otobo/customer.pl",
            "https://help.example.com/otobo/nph-genericinterface.pl/Webservice/My%20Service",
        ),
        (
            "  http://127.0.0.1:8090/otobo/nph-genericinterface.pl/ ",
            "http://127.0.0.1:8090/otobo/nph-genericinterface.pl/Webservice/My%20Service",
        ),
    ],
)
def test_web_service_url(typed: str, expected: str) -> None:
    assert webservice_url(typed, "My Service") == expected


@pytest.mark.parametrize(
    "typed",
    ["", "help.example.com/otrs", "ftp://x/otrs", "https://", "https://a b/", "http://x:99999/"],
)
def test_web_service_url_refuses_what_is_no_url(typed: str) -> None:
    with pytest.raises(ConfigError) as caught:
        webservice_url(typed)
    assert caught.value.params["reason"] == "wrong_url"


def test_submission_key_marker_round_trip() -> None:
    key = "0b6f3c1e-8c1a-4a53-9d8e-2f4b5a6c7d8e"
    body = with_marker("Hello\nthe printer jams.\n\n", key)
    assert body == f"Hello\nthe printer jams.\n\nTicketwise submission: {key}"
    assert find_marker(body) == key
    assert (
        find_marker(body.upper().replace("TICKETWISE SUBMISSION", "Ticketwise submission")) == key
    )
    assert find_marker("quoting: Ticketwise submission: nope") is None
    assert find_marker("Hello") is None


def test_times_are_server_utc() -> None:
    assert parse_time("2026-11-25 17:01:44") == datetime(2026, 11, 25, 17, 1, 44, tzinfo=UTC)
    assert parse_time("yesterday") is None and parse_time(17) is None
    assert format_time(datetime(2026, 11, 25, 18, 1, 44, tzinfo=UTC)) == "2026-11-25 18:01:44"


def test_state_types_and_senders() -> None:
    assert map_state_type("pending reminder") is StateType.PENDING
    assert map_state_type("pending auto") is StateType.PENDING
    assert map_state_type("merged") is StateType.MERGED
    assert map_state_type("removed") is StateType.REMOVED
    assert map_state_type("Closed") is StateType.CLOSED
    assert map_state_type(None) is StateType.UNKNOWN
    assert map_sender("", "1") is Sender.AGENT
    assert map_sender("robot", 7) is Sender.SYSTEM


def test_portal_links() -> None:
    assert portal_ticket_url("", "1") == ""
    assert portal_ticket_url("https://x/otrs/customer.pl?Lang=de", "20261125") == (
        "https://x/otrs/customer.pl?Lang=de;Action=CustomerTicketZoom;TicketNumber=20261125"
    )


# -- transport failures ----------------------------------------------------------------------


def _connection_error(cause: BaseException) -> requests.exceptions.ConnectionError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise requests.exceptions.ConnectionError(
                urllib3.exceptions.MaxRetryError(None, "/Session", inner)  # type: ignore[arg-type]
            ) from inner
    except requests.exceptions.ConnectionError as outer:
        return outer


def test_transport_failures_are_typed() -> None:
    refused = urllib3.exceptions.NewConnectionError(None, "refused")  # type: ignore[arg-type]
    refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
    error = map_transport_error(_connection_error(refused))
    assert isinstance(error, NotReachable) and error.params["reason"] == "refused"
    dns = urllib3.exceptions.NameResolutionError("nowhere.invalid", None, socket.gaierror(-2))  # type: ignore[arg-type]
    assert map_transport_error(_connection_error(dns)).params["reason"] == "dns"
    verify = ssl.SSLCertVerificationError(1, "certificate verify failed")
    verify.verify_message = "unable to get local issuer certificate"
    cert = map_transport_error(requests.exceptions.SSLError(_connection_error(verify)))
    assert isinstance(cert, CertificateError)
    assert cert.params["detail"] == "unable to get local issuer certificate"
    assert isinstance(map_transport_error(requests.exceptions.ConnectTimeout()), TimeoutFailure)
    assert isinstance(map_transport_error(requests.exceptions.ReadTimeout()), TimeoutFailure)
    # After the ticket went out, a broken answer has an unknown outcome.
    assert isinstance(
        map_transport_error(requests.exceptions.ReadTimeout(), committed=True), OutcomeUnknown
    )
    reset = _connection_error(ConnectionResetError(104, "Connection reset by peer"))
    assert isinstance(map_transport_error(reset, committed=True), OutcomeUnknown)
    assert isinstance(map_transport_error(_connection_error(refused), committed=True), NotReachable)


# -- property tests: malformed answers are typed errors, never crashes ------------------------

KEYS = [
    "Ticket",
    "Article",
    "Attachment",
    "TicketID",
    "ArticleID",
    "TicketNumber",
    "SessionID",
    "SessionData",
    "Key",
    "Value",
    "Serialized",
    "Error",
    "ErrorCode",
    "ErrorMessage",
    "FileID",
    "Content",
    "FilesizeRaw",
    "StateType",
    "SenderType",
    "SenderTypeID",
    "IsVisibleForCustomer",
    "CreateTime",
    "Created",
    "Changed",
    "Body",
    "Filename",
    "IsDeleted",
    "IncomingTime",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["2", "0", "-1", "", " 7 ", "2026-11-25 17:01:44", "1" * 400, "AAA="])
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=6)
    ),
    max_leaves=30,
)
FIXTURE_DATA = [
    json.loads((OTOBO / f"{n}.response.json").read_bytes())
    for n in RESPONSES
    if recorded(n)[1].startswith("application/json")
]


def _mutate(data: object, path: list[int], replacement: object) -> object:
    """``data`` with the node that ``path`` picks replaced."""
    if not path:
        return replacement
    if isinstance(data, dict) and data:
        key = sorted(data)[path[0] % len(data)]
        return {**data, key: _mutate(data[key], path[1:], replacement)}
    if isinstance(data, list) and data:
        index = path[0] % len(data)
        return [*data[:index], _mutate(data[index], path[1:], replacement), *data[index + 1 :]]
    return replacement


MUTATED = st.builds(
    _mutate,
    st.sampled_from(FIXTURE_DATA),
    st.lists(st.integers(min_value=0, max_value=50), max_size=6),
    JSON,
)
TICKET_DATA = [
    d for d in FIXTURE_DATA if isinstance(d.get("Ticket"), list) and "Article" in d["Ticket"][0]
]


@st.composite
def damaged_field(draw: st.DrawFn) -> dict:
    """A recorded TicketGet answer with one field of its ticket, one of its articles or one of
    their attachments replaced (or removed)."""
    data = json.loads(json.dumps(draw(st.sampled_from(TICKET_DATA))))
    ticket = data["Ticket"][0]
    target = ticket
    level = draw(st.sampled_from(["ticket", "article", "attachment"]))
    if level != "ticket":
        target = draw(st.sampled_from(ticket["Article"]))
        if level == "attachment" and target.get("Attachment"):
            target = draw(st.sampled_from(target["Attachment"]))
    key = draw(st.sampled_from(sorted(target)))
    if draw(st.booleans()):
        del target[key]
    else:
        target[key] = draw(JSON)
    return data


PARSERS = [
    parse_session_id,
    parse_session_data,
    lambda d: identity_from_session(parse_session_data(d), "jane"),
    parse_create_result,
    parse_search,
    parse_tickets,
    parse_thread,
    lambda d: parse_attachment_content(d, "2", "1"),
]


def _only_typed_errors(data: object) -> None:
    for parser in PARSERS:
        try:
            parser(data)  # type: ignore[arg-type]
        except UserFacingError:
            pass
    assert isinstance(error_from_object(data), UserFacingError)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), JSON, max_size=6))
def test_random_objects_are_typed_errors_or_data(data: dict) -> None:
    _only_typed_errors(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_damaged_recordings_are_typed_errors_or_data(data: object) -> None:
    if isinstance(data, dict):
        _only_typed_errors(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_field())
def test_damaged_ticket_fields_are_typed_errors_or_data(data: dict) -> None:
    _only_typed_errors(data)
    for article_id in ("2", "19", "23"):
        try:
            parse_attachment_content(data, article_id, "1")
        except UserFacingError:
            pass


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=100, max_value=599),
    st.sampled_from(
        [
            "application/json; charset=UTF-8",
            "text/plain; charset=UTF-8",
            "text/html",
            "",
            "application/octet-stream",
            "APPLICATION/JSON",
        ]
    ),
    st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()),
)
def test_any_status_and_body_is_data_or_a_typed_error(status, content_type, body) -> None:
    try:
        result = decode_response(status, content_type, body)
    except UserFacingError:
        return
    assert status == 200 and isinstance(result, dict) and "Error" not in result
