"""The RT connector without a network: every recorded RT 5.0.3 answer parsed, the requests it
sends checked against the recorded ones, errors mapped, and malformed answers (hypothesis) always
a typed error, never a crash."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from urllib3.exceptions import NewConnectionError, ProtocolError

from app.config.profiles import Profile
from app.connectors.rt import (
    RtConnector,
    api_base,
    body_part_ids,
    build_thread,
    decode_attachment,
    is_token,
    location_id,
    parse_created_id,
    parse_date,
    parse_identity,
    parse_items,
    parse_ticket,
    state_type,
    ticketsql_string,
)
from app.core.errors import (
    AuthError,
    Cancelled,
    CertificateError,
    ConfigError,
    NotReachable,
    OutcomeUnknown,
    Rejected,
    TimeoutFailure,
    UserFacingError,
)
from app.core.errors import ProtocolError as RtProtocolError
from app.core.model import AttachmentRef, Submission
from app.core.tickets import Scope, Sender, StateType
from tests.conftest import DATA

FIXTURES = DATA / "rt"
TOKEN = "1-27-90de1d6912e8a6cc1b0b7fcd8a2a6b41"
PASSWORD = "Carol-perch\u00e9-7Kx2q"
ROOT = "http://rt.example.test/rt"
API = ROOT + "/REST/2.0"
KEY = "6f1b7e0e-3c1a-4d5e-9f10-2b3c4d5e6f70"


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def headers_of(name: str) -> dict[str, str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def status_of(name: str) -> int:
    return int((FIXTURES / name).read_text(encoding="utf-8").split()[1])


PNG = base64.b64decode(
    fixture("01-create-ticket.request.json")["body"]["Attachments"][0]["FileContent"]
)


# -- a fake RT behind requests' transport adapter ------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class FakeRT(requests.adapters.BaseAdapter):
    """Answers (method, path) from a table; records every request with its whole body."""

    routes: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def add(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> FakeRT:
        content = raw if raw is not None else json.dumps(body).encode()
        self.routes.setdefault((method, "/rt/REST/2.0" + path), []).append(
            (status, headers or {"Content-Type": "application/json; charset=utf-8"}, content)
        )
        return self

    def fail(self, method: str, path: str, exc: BaseException) -> FakeRT:
        self.routes.setdefault((method, "/rt/REST/2.0" + path), []).append(exc)
        return self

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        body = request.body
        if hasattr(body, "read"):
            data = b"".join(iter(lambda: body.read(8192), b""))  # type: ignore[union-attr]
        else:
            data = body.encode() if isinstance(body, str) else (body or b"")
        parts = urlsplit(request.url or "")
        self.seen.append(
            Seen(
                request.method or "", parts.path, parse_qs(parts.query), dict(request.headers), data
            )
        )
        answers = self.routes.get((request.method or "", parts.path))
        if not answers:
            answer: Any = (404, {"Content-Type": "application/json"}, b'{"message":"Not Found"}')
        else:
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, BaseException):
            raise answer
        status, headers, content = answer
        response = requests.Response()
        response.status_code = status
        response.headers.update(headers)
        response._content = content
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass


def profile(**changes: Any) -> Profile:
    values: dict[str, Any] = {
        "name": "RT",
        "kind": "rt",
        "url": ROOT + "/",
        "login": "carol",
        "queue": "General",
        "hook_style": "rt",
        "ticket_hook": "rt.example.test",
    }
    values.update(changes)
    return Profile(**values)


def connect(fake: FakeRT, secret: str | None = TOKEN, **changes: Any) -> RtConnector:
    connector = RtConnector(profile(**changes), secret, timeout=5)
    connector._session.mount("http://", fake)
    connector._session.mount("https://", fake)
    return connector


CAROL = {
    "id": 27,
    "Name": "carol",
    "RealName": "Carol Customer",
    "EmailAddress": "carol@example.test",
    "Privileged": 0,
}


class Blobs(dict[str, bytes]):
    def add(self, name: str, data: bytes, mime: str) -> AttachmentRef:
        sha = hashlib.sha256(data).hexdigest()
        self[sha] = data
        return AttachmentRef(name=name, sha256=sha, size=len(data), mime=mime)


# -- the recorded answers ------------------------------------------------------------------------


def test_every_recorded_response_is_json() -> None:
    names = sorted(p.name for p in FIXTURES.glob("*.response.json"))
    assert len(names) >= 20
    for name in names:
        fixture(name)


@pytest.mark.parametrize(
    ("name", "ident"),
    [("01-create-ticket.response.json", "1"), ("17-customer-create.response.json", "2")],
)
def test_created_ticket_ids(name: str, ident: str) -> None:
    assert parse_created_id(fixture(name)) == ident


@pytest.mark.parametrize(
    ("name", "ident"),
    [
        ("01-create-ticket.response.headers.txt", "1"),
        ("03-correspond.response.headers.txt", "36"),
        ("04-comment.response.headers.txt", "39"),
        ("15-customer-correspond.response.headers.txt", "40"),
        ("20-correspond-multipart.response.headers.txt", "46"),
    ],
)
def test_location_headers(name: str, ident: str) -> None:
    assert status_of(name) == 201
    assert location_id(headers_of(name)["Location"]) == ident


def test_ticket_record() -> None:
    ticket = parse_ticket(fixture("02-get-ticket.response.json"), ROOT)
    assert (ticket.id, ticket.number, ticket.title) == ("1", "1", "Printer on fire (REST2)")
    assert (ticket.state, ticket.state_type) == ("new", StateType.NEW)
    assert ticket.customer_user == "carol"
    assert ticket.created_at == datetime(2026, 11, 25, 17, 6, 46, tzinfo=UTC)
    assert ticket.url == ROOT + "/SelfService/Display.html?id=1"
    customer = parse_ticket(fixture("14-customer-get-ticket.response.json"))
    assert customer.state_type is StateType.OPEN and customer.url == ""


@pytest.mark.parametrize(
    "name",
    [
        "11-search-requestor.response.json",
        "12-search-customer-own.response.json",
        "13-search-active-updated.response.json",
    ],
)
def test_ticket_searches(name: str) -> None:
    tickets = [parse_ticket(item) for item in parse_items(fixture(name), "search")]
    assert [(t.id, t.state_type) for t in tickets] == [("1", StateType.OPEN)]


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("05-history.response.json", 6),
        ("06-history-fields.response.json", 6),
        ("07-ticket-attachments.response.json", 13),
        ("09-transaction-attachments.response.json", 3),
        ("16-customer-history.response.json", 4),
        ("21-transactions-since.response.json", 3),
        ("22-transactions-query.response.json", 6),
    ],
)
def test_collections_with_null_totals(name: str, count: int) -> None:
    data = fixture(name)
    assert data["total"] is None
    assert len(parse_items(data, name)) == count == data["count"]


def test_png_attachment_is_base64() -> None:
    data = fixture("10-attachment-png.response.json")
    assert decode_attachment(data, "34") == PNG
    with pytest.raises(Rejected):
        decode_attachment(data, "36")  # not the message it belongs to


def test_transaction_record_and_user_create() -> None:
    txn = fixture("08-transaction.response.json")
    assert txn["Type"] == "Create" and txn["Object"]["id"] == "1"
    with pytest.raises(RtProtocolError):  # a user's id is its name, not a ticket number
        parse_created_id(fixture("19-create-user.response.json"))


def test_thread_from_the_agents_view() -> None:
    """Agent's token: comments and RT's e-mail records are in the history, never articles."""
    history = parse_items(fixture("06-history-fields.response.json"), "history")
    parts = parse_items(fixture("07-ticket-attachments.response.json"), "attachments")
    ids = body_part_ids(parts)
    assert "3" not in ids and "9" not in ids  # shot.png, log.txt: files
    bodies = {"2": "The printer is on fire.\nScreenshot attached.", "8": "We sent a technician."}
    thread = build_thread(fixture("02-get-ticket.response.json"), history, parts, bodies)
    assert [(a.id, a.sender) for a in thread.articles] == [
        ("34", Sender.AGENT),  # the agent opened it for carol
        ("36", Sender.AGENT),
    ]
    first, reply = thread.articles
    assert first.body.startswith("The printer is on fire.")
    assert [(f.id, f.filename, f.content_type, f.size) for f in first.attachments] == [
        ("3", "shot.png", "image/png", 75)
    ]
    assert [f.filename for f in reply.attachments] == ["log.txt"]
    assert first.subject == "Printer on fire (REST2)"


def test_thread_from_the_customers_view() -> None:
    history = parse_items(fixture("16-customer-history.response.json"), "history")
    thread = build_thread(fixture("14-customer-get-ticket.response.json"), history, [], {})
    assert [(a.id, a.sender) for a in thread.articles] == [
        ("34", Sender.AGENT),
        ("36", Sender.AGENT),
        ("40", Sender.CUSTOMER),
    ]


def test_html_body_becomes_text() -> None:
    parts = [
        {"id": "5", "TransactionId": "34", "ContentType": "text/html", "Filename": ""},
    ]
    history = [{"id": "34", "Type": "Create", "Creator": {"id": "carol"}}]
    thread = build_thread(
        fixture("14-customer-get-ticket.response.json"),
        history,
        parts,
        {"5": "<p>Hello <b>there</b></p><p>Line&nbsp;2</p>"},
    )
    assert thread.articles[0].body == "Hello there\nLine\u00a02"
    assert thread.articles[0].sender is Sender.CUSTOMER


def test_small_parsers() -> None:
    assert is_token(TOKEN) and is_token(f" {TOKEN} ")
    assert not is_token("1-27-xyz") and not is_token(PASSWORD) and not is_token(None)
    assert api_base("https://h/rt") == "https://h/rt/REST/2.0"
    assert api_base("https://h/rt/REST/2.0/") == "https://h/rt/REST/2.0"
    assert api_base("https://h/rt/SelfService/") == "https://h/rt/REST/2.0"
    assert api_base("https://h/") == "https://h/REST/2.0"
    assert parse_date("1970-01-01T00:00:00Z") is None and parse_date("garbage") is None
    assert [state_type(s) for s in ("stalled", "resolved", "rejected", "deleted", "x")] == [
        StateType.PENDING,
        StateType.CLOSED,
        StateType.CLOSED,
        StateType.REMOVED,
        StateType.UNKNOWN,
    ]
    assert ticketsql_string("o'hara\\x") == "'o\\'hara\\\\x'"
    assert parse_identity(CAROL).display == "Carol Customer (carol@example.test)"


# -- what the connector sends -------------------------------------------------------------------


def test_create_sends_what_rt_needs() -> None:
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add(
        "POST",
        "/ticket",
        fixture("01-create-ticket.response.json"),
        status=201,
        headers=headers_of("01-create-ticket.response.headers.txt"),
    )
    recorded = fixture("01-create-ticket.request.json")
    blobs = Blobs()
    png = blobs.add("shot.png", PNG, "image/png")
    submission = Submission(
        submission_key=KEY,
        profile="RT",
        subject=recorded["body"]["Subject"],
        body=recorded["body"]["Content"],
        attachments=(png,),
    )
    stages: list[str] = []
    progress: list[tuple[int, int]] = []
    result = connect(fake).create_ticket(
        submission,
        blobs.__getitem__,
        on_stage=stages.append,
        on_progress=lambda done, total: progress.append((done, total)),
    )
    assert (result.ticket_id, result.ticket_number) == ("1", "1")
    assert result.url == ROOT + "/SelfService/Display.html?id=1"
    assert stages == ["connecting", "committing"]
    assert progress and progress[-1][0] == progress[-1][1]
    sent = fake.seen[-1]
    assert sent.headers["Authorization"] == f"token {TOKEN}"
    assert sent.headers["Content-Type"].startswith("application/json")
    assert sent.json == {**recorded["body"], "RefersTo": f"urn:uuid:{KEY}"}


def test_follow_up_matches_the_recorded_correspond() -> None:
    recorded = fixture("15-customer-correspond.request.json")
    fake = FakeRT().add(
        "POST",
        "/ticket/1/correspond",
        fixture("15-customer-correspond.response.json"),
        status=201,
        headers=headers_of("15-customer-correspond.response.headers.txt"),
    )
    submission = Submission(
        submission_key=KEY,
        profile="RT",
        subject="Re: Printer",
        body=recorded["body"]["Content"],
        ticket_id="1",
        ticket_number="1",
    )
    result = connect(fake).add_article(submission, {}.__getitem__)
    assert (result.ticket_number, result.article_id) == ("1", "40")
    assert fake.seen[-1].json == recorded["body"]


def test_follow_up_with_reopen_asks_for_open_only_when_still_closed() -> None:
    closed = {**fixture("14-customer-get-ticket.response.json"), "Status": "resolved"}
    fake = FakeRT().add("POST", "/ticket/1/correspond", ["Correspondence added"], status=201)
    fake.add("GET", "/ticket/1", closed).add(
        "PUT", "/ticket/1", fixture("23-update-status.response.json")
    )
    submission = Submission(KEY, "RT", "s", "again", ticket_id="1", reopen=True)
    connect(fake).add_article(submission, {}.__getitem__, reopen=True)
    assert [(s.method, s.path.rsplit("/", 1)[1]) for s in fake.seen] == [
        ("POST", "correspond"),
        ("GET", "1"),
        ("PUT", "1"),
    ]
    assert fake.seen[-1].json == {"Status": "open"}


def test_basic_auth_is_latin1_first_then_utf8() -> None:
    fake = FakeRT().add("GET", "/rt", {"message": "Unauthorized"}, status=401)
    fake.add("GET", "/rt", {"Version": "5.0.3"}).add("GET", "/user/carol", CAROL)
    identity = connect(fake, PASSWORD).identify()
    assert identity.display == "Carol Customer (carol@example.test)"
    assert identity.detail == "Request Tracker 5.0.3"
    sent = [base64.b64decode(s.headers["Authorization"].split()[1]) for s in fake.seen]
    assert sent[0] == f"carol:{PASSWORD}".encode("latin-1")
    assert sent[1] == sent[2] == f"carol:{PASSWORD}".encode()


def test_password_beyond_latin1_says_use_a_token() -> None:
    fake = FakeRT().add("GET", "/rt", {"message": "Unauthorized"}, status=401)
    with pytest.raises(AuthError) as caught:
        connect(fake, "pw-\u20ac-x").identify()
    assert caught.value.params["reason"] == "password_charset"


@pytest.mark.parametrize(
    ("secret", "reason"), [(TOKEN, "token"), ("plain-wrong-9f3K", None), ("", "no_password")]
)
def test_401_is_an_auth_error(secret: str, reason: str | None) -> None:
    fake = FakeRT().add(
        "GET",
        "/rt",
        fixture("18-bad-token.response.json"),
        status=status_of("18-bad-token.response.headers.txt"),
    )
    with pytest.raises(AuthError) as caught:
        connect(fake, secret).identify()
    assert caught.value.params.get("reason") == reason


def test_wrong_url_is_a_config_error() -> None:
    page = b"<!DOCTYPE html><html><head><title>Welcome to nginx</title></head></html>"
    fake = FakeRT().add("GET", "/rt", raw=page, headers={"Content-Type": "text/html"})
    with pytest.raises(ConfigError) as caught:
        connect(fake).identify()
    assert caught.value.params["reason"] == "wrong_url"
    assert "Welcome to nginx" in caught.value.params["detail"]
    with pytest.raises(ConfigError) as caught:
        connect(FakeRT()).identify()  # 404 everywhere
    assert caught.value.params["reason"] == "wrong_url"


def test_forbidden_ticket_is_rejected_with_rts_words() -> None:
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add("GET", "/ticket/2", {"message": "Forbidden"}, status=403)
    with pytest.raises(Rejected) as caught:
        connect(fake).get_thread("2")
    assert "Forbidden" in str(caught.value)


def test_server_errors() -> None:
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add("POST", "/ticket", raw=b"Internal Server Error", status=500, headers={})
    submission = Submission(KEY, "RT", "s", "b")
    with pytest.raises(OutcomeUnknown):
        connect(fake).create_ticket(submission, {}.__getitem__)
    fake = FakeRT().add("GET", "/rt", raw=b"Bad gateway", status=502, headers={})
    with pytest.raises(NotReachable) as caught:
        connect(fake).identify()
    assert caught.value.params["reason"] == "server_error"


def test_transport_failures() -> None:
    refused = requests.exceptions.ConnectionError(
        NewConnectionError(
            None, "Failed to establish a new connection: [Errno 111] Connection refused"
        )  # type: ignore[arg-type]
    )
    with pytest.raises(NotReachable) as caught:
        connect(FakeRT().fail("GET", "/rt", refused)).identify()
    assert caught.value.params["reason"] == "refused"
    with pytest.raises(TimeoutFailure):
        connect(FakeRT().fail("GET", "/rt", requests.exceptions.ReadTimeout("slow"))).identify()
    cert = requests.exceptions.SSLError(
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate"
    )
    with pytest.raises(CertificateError):
        connect(FakeRT().fail("GET", "/rt", cert)).identify()
    broken = requests.exceptions.ConnectionError(ProtocolError("Connection aborted."))
    fake = FakeRT().add("GET", "/user/27", CAROL).fail("POST", "/ticket", broken)
    with pytest.raises(OutcomeUnknown):
        connect(fake).create_ticket(Submission(KEY, "RT", "s", "b"), {}.__getitem__)
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.fail("POST", "/ticket", requests.exceptions.ReadTimeout("slow"))
    with pytest.raises(OutcomeUnknown):
        connect(fake).create_ticket(Submission(KEY, "RT", "s", "b"), {}.__getitem__)


def test_cancel_during_upload_sends_no_complete_request() -> None:
    cancel = threading.Event()
    blobs = Blobs()
    big = blobs.add("big.bin", b"\0" * 300_000, "application/octet-stream")
    fake = FakeRT().add("GET", "/user/27", CAROL).add("POST", "/ticket", {"id": "9"}, status=201)

    def on_progress(done: int, total: int) -> None:
        cancel.set()

    with pytest.raises(Cancelled):
        connect(fake).create_ticket(
            Submission(KEY, "RT", "s", "b", attachments=(big,)),
            blobs.__getitem__,
            on_progress=on_progress,
            cancel=cancel,
        )


def test_list_mine_asks_a_wide_window_and_cuts_exactly() -> None:
    since = datetime(2026, 11, 25, 17, 6, 48, 500000, tzinfo=UTC)
    items = parse_items(fixture("11-search-requestor.response.json"), "search")
    older = {**items[0], "id": "2", "LastUpdated": "2026-11-25T17:06:47Z"}
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add("GET", "/tickets", {"items": [items[0], older], "count": 2, "total": None})
    tickets = connect(fake).list_tickets(Scope.MINE, changed_since=since)
    assert [t.id for t in tickets] == ["1"]  # 17:06:48 is the second of the last sync
    query = fake.seen[-1].query["query"][0]
    assert query.startswith("Requestor.EmailAddress = 'carol@example.test' AND LastUpdated > '")
    asked = datetime.strptime(query.rsplit("'", 2)[1], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    assert since - timedelta(hours=28) < asked <= since - timedelta(hours=26)


def test_pages_are_read_until_a_short_one() -> None:
    item = parse_items(fixture("12-search-customer-own.response.json"), "s")[0]
    full = {"items": [{**item, "id": str(i)} for i in range(100, 0, -1)], "total": None}
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add("GET", "/tickets", full).add("GET", "/tickets", {"items": [item], "total": None})
    assert len(connect(fake).list_tickets(Scope.MINE)) == 101
    assert [s.query["page"] for s in fake.seen[1:]] == [["1"], ["2"]]


def test_find_by_submission_key_searches_the_link() -> None:
    fake = FakeRT().add("GET", "/tickets", fixture("12-search-customer-own.response.json"))
    fake.add("GET", "/user/27", CAROL)
    found = connect(fake).find_by_submission_key(KEY)
    assert found is not None and found.ticket_id == found.ticket_number == "1"
    assert fake.seen[0].query["query"] == [f"RefersTo = 'urn:uuid:{KEY}'"]
    assert connect(FakeRT()).find_by_submission_key("'; DROP") is None


def test_get_thread_reads_bodies_in_one_search() -> None:
    fake = FakeRT().add("GET", "/user/27", CAROL)
    fake.add("GET", "/ticket/1", fixture("14-customer-get-ticket.response.json"))
    fake.add("GET", "/ticket/1/history", fixture("16-customer-history.response.json"))
    fake.add(
        "GET",
        "/ticket/1/attachments",
        {
            "items": [
                p
                for p in parse_items(fixture("07-ticket-attachments.response.json"), "a")
                if p["TransactionId"] in ("34", "36")
            ],
            "total": None,
        },
    )
    fake.add(
        "POST",
        "/attachments",
        {
            "items": [
                {"id": "2", "Content": "The printer is on fire."},
                {"id": "8", "Content": "Hi"},
            ]
        },
    )
    thread = connect(fake).get_thread("1")
    assert [a.body for a in thread.articles] == ["The printer is on fire.", "Hi", ""]
    search = fake.seen[-1]
    assert search.json == [{"field": "id", "operator": "IN", "value": [2, 8]}]
    assert search.query["fields"] == ["Content"]


# -- malformed answers --------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "items",
                    "Status",
                    "Subject",
                    "Type",
                    "Creator",
                    "TransactionId",
                    "Filename",
                    "ContentType",
                    "Content",
                    "Requestor",
                    "Name",
                    "Created",
                    "LastUpdated",
                    "Queue",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@given(json_values)
def test_parsers_raise_only_protocol_errors(value: Any) -> None:
    for parse in (
        lambda v: parse_ticket(v, ROOT),
        lambda v: parse_items(v, "x"),
        parse_created_id,
        parse_identity,
        decode_attachment,
        lambda v: build_thread(v, parse_items(v, "h"), parse_items(v, "a"), {}),
    ):
        try:
            parse(value)
        except RtProtocolError:
            pass


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_answer_is_a_result_or_a_typed_error(raw: bytes) -> None:
    paths = [
        "/rt",
        "/user/carol",
        "/user/27",
        "/ticket/1",
        "/ticket/1/history",
        "/ticket/1/attachments",
        "/tickets",
        "/attachment/3",
    ]
    fake = FakeRT()
    for path in paths:
        fake.add("GET", path, raw=raw)
    fake.add("POST", "/attachments", raw=raw).add("POST", "/ticket", raw=raw, status=201)
    for secret in (TOKEN, PASSWORD):
        connector = connect(fake, secret)
        calls: list[Any] = [
            (connector.identify, ()),
            (connector.get_thread, ("1",)),
            (connector.list_tickets, (Scope.MINE,)),
            (connector.get_attachment, ("1", "34", "3")),
            (connector.find_by_submission_key, (KEY,)),
            (connector.create_ticket, (Submission(KEY, "RT", "s", "b"), {}.__getitem__)),
        ]
        for call, args in calls:
            try:
                call(*args)
            except UserFacingError:
                pass
