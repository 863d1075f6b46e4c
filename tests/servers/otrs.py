"""A fake OTOBO 11 GenericTicketConnectorREST on 127.0.0.1, for tests and for trying the app.

It answers as the recorded exchanges in ``tests/data/otobo/`` do (see that folder's README): the
same response shapes (each ticket, article, attachment and session object is built from a
recorded one, so the keys and the JSON types, strings or integers, are the recorded ones), ``{}``
for a search without matches, operation errors as HTTP 200 ``Error`` objects, transport errors as
HTTP 500 text/plain, GET parameters only from the query string, customers seeing neither internal
articles nor other companies' tickets, a follow-up that does not reopen a closed ticket unless it
sends ``State: open``, auto responses as ``system`` articles, and ticket numbers from the
DateChecksum generator (``YYYYMMDD`` + SystemID ``10`` + counter + check digit).

Every request is also checked against the recorded requests of the same operation (method,
route, query keys, JSON keys and types), plus the few parameters the operations document and the
recordings do not use (:data:`DOCUMENTED`). A request the real server would not take as meant (an
unknown key, a string where the recording has an integer, a body on a GET, a password in a URL)
is recorded in :attr:`FakeOtobo.violations` and answered with HTTP 500, so the test fails.

Run by itself it serves until interrupted::

    python -m tests.servers.otrs --port 8090 [--tls]
"""

from __future__ import annotations

import argparse
import base64
import binascii
import copy
import json
import re
import secrets
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

DATA = Path(__file__).resolve().parent.parent / "data" / "otobo"
WEBSERVICE = "GenericTicketConnectorREST"
PREFIXES = ("/otobo/nph-genericinterface.pl/", "/otrs/nph-genericinterface.pl/")
TIME = "%Y-%m-%d %H:%M:%S"

# (method, route, operation), in the order the REST transport tries them.
ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    ("POST", re.compile(r"^/Session$"), "SessionCreate"),
    ("GET", re.compile(r"^/Session/(?P<SessionID>[^/]+)$"), "SessionGet"),
    ("POST", re.compile(r"^/Ticket$"), "TicketCreate"),
    ("GET", re.compile(r"^/Ticket$"), "TicketSearch"),
    ("GET", re.compile(r"^/TicketList$"), "TicketGetList"),
    ("GET", re.compile(r"^/Ticket/(?P<TicketID>[^/]+)$"), "TicketGet"),
    ("PATCH", re.compile(r"^/Ticket/(?P<TicketID>[^/]+)$"), "TicketUpdate"),
    ("GET", re.compile(r"^/TicketHistory/(?P<TicketID>[^/]+)$"), "TicketHistoryGet"),
]

# Parameters the operations document (the POD of TicketGet.pm, TicketSearch.pm and
# TicketCreate.pm in OTRS 6, Znuny 7 and OTOBO 11) that the recordings happen not to use.
_TICKETGET_QUERY = {
    "SessionID",
    "TicketID",
    "AllArticles",
    "Attachments",
    "DynamicFields",
    "Extended",
    "ArticleSenderType",
    "ArticleOrder",
    "ArticleLimit",
    "GetAttachmentContents",
    "HTMLBodyAsAttachment",
}
DOCUMENTED: dict[str, dict[str, Any]] = {
    "TicketGet": {"query": _TICKETGET_QUERY - {"TicketID"}},
    "TicketGetList": {"query": _TICKETGET_QUERY},  # the TicketList route runs TicketGet
    "TicketSearch": {
        "query": {
            "TicketChangeTimeNewerDate",
            "TicketChangeTimeOlderDate",
            "TicketLastChangeTimeNewerDate",
            "TicketCreateTimeNewerDate",
        }
    },
    "TicketCreate": {"body": {"Ticket": {"Type": "Incident"}}},
}

# The recorded box's stock data.
QUEUES = {"Postmaster": 1, "Raw": 2, "Junk": 3, "Misc": 4}
STATES = {  # name -> (StateID, StateType)
    "new": (1, "new"),
    "closed successful": (2, "closed"),
    "closed unsuccessful": (3, "closed"),
    "open": (4, "open"),
    "removed": (5, "removed"),
    "pending reminder": (6, "pending reminder"),
    "pending auto close+": (7, "pending auto"),
    "pending auto close-": (8, "pending auto"),
    "merged": (9, "merged"),
}
PRIORITIES = {"1 very low": 1, "2 low": 2, "3 normal": 3, "4 high": 4, "5 very high": 5}
TYPES = {"Unclassified": 1, "Incident": 2, "Problem": 3}
CHANNELS = {"Email": 1, "Phone": 2, "Internal": 3, "Chat": 4}
SENDER_TYPES = {"agent": "1", "system": "2", "customer": "3"}
SYSTEM_FROM = "OTOBO System <otobo@localhost>"
AUTO_REPLY_BODY = (
    "This is a demo text which is send to every inquiry.\nIt could contain something like:\n\n"
    "Thanks for your email. A new ticket has been created.\n\nYou wrote:\n{quote}\n\n\n"
    "Your email will be answered by a human ASAP\n\nHave fun with OTOBO! :-)\n\n"
    "Your OTOBO Team\n"
)
UNKNOWN_WEBSERVICE_PAGE = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
    "<title>500 Internal Server Error</title>\n</head><body>\n<h1>Internal Server Error</h1>\n"
    "<p>The server encountered an internal error or\nmisconfiguration and was unable to "
    "complete\nyour request.</p>\n</body></html>\n"
)
NOT_FOUND_PAGE = (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n'
    "<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n"
    "<p>The requested URL was not found on this server.</p>\n</body></html>\n"
)


# -- shapes -------------------------------------------------------------------------------------

Shape = dict[str, Any]
"""JSON type name ("str", "int", "float", "bool", "null", "dict", "list") -> sub-shape: a dict's
shape maps keys to shapes, a list's is its items' merged shape, a scalar's is None."""


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    return {int: "int", float: "float", str: "str", dict: "dict", list: "list"}[type(value)]


def shape(value: Any) -> Shape:
    """The shape of a JSON value."""
    name = _type_name(value)
    if name == "dict":
        return {"dict": {key: shape(item) for key, item in value.items()}}
    if name == "list":
        merged: Shape = {}
        for item in value:
            merged = merge(merged, shape(item))
        return {"list": merged}
    return {name: None}


def merge(a: Shape, b: Shape) -> Shape:
    """Two shapes as one: every type and key either allows."""
    out: Shape = dict(a)
    for name, sub in b.items():
        if name not in out:
            out[name] = sub
        elif name == "dict":
            keys = dict(out[name])
            for key, key_shape in sub.items():
                keys[key] = merge(keys.get(key, {}), key_shape)
            out[name] = keys
        elif name == "list":
            out[name] = merge(out[name], sub)
    return out


def check(value: Any, allowed: Shape, where: str = "") -> list[str]:
    """What in ``value`` its allowed shape does not have ([] when it fits)."""
    name = _type_name(value)
    if name not in allowed:
        return [f"{where or 'body'}: {name} where the recordings have {'/'.join(allowed)}"]
    if name == "dict":
        problems: list[str] = []
        keys = allowed["dict"]
        for key, item in value.items():
            if key not in keys:
                problems.append(f"{where}.{key}: not a key the server knows here")
            else:
                problems.extend(check(item, keys[key], f"{where}.{key}"))
        return problems
    if name == "list":
        return [p for i, item in enumerate(value) for p in check(item, allowed["list"], where)]
    return []


@dataclass
class RequestSchema:
    """What the recordings (and the operation's documentation) allow for one operation."""

    query: set[str] = field(default_factory=set)
    body: Shape = field(default_factory=dict)
    recorded: int = 0


def route(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """(operation, route parameters) for a request after the web service's URL."""
    for route_method, pattern, operation in ROUTES:
        match = pattern.match(path)
        if match and route_method == method:
            return operation, {k: unquote(v) for k, v in match.groupdict().items()}
    return None


def learn_schemas(folder: Path = DATA) -> dict[str, RequestSchema]:
    """Request schemas from every recorded successful request in ``folder``."""
    schemas: dict[str, RequestSchema] = {}
    for http_file in sorted(folder.glob("*.request.http.txt")):
        name = http_file.name.removesuffix(".request.http.txt")
        if "-error-" in name:
            continue  # what the server refused is no model of what it takes
        method, url = http_file.read_text(encoding="utf-8").splitlines()[0].split(" ", 1)
        parts = urlsplit(url)
        path = parts.path.split(f"/Webservice/{WEBSERVICE}", 1)[1]
        found = route(method, path)
        assert found is not None, f"{http_file.name}: no route for {method} {path}"
        schema = schemas.setdefault(found[0], RequestSchema())
        schema.recorded += 1
        schema.query |= {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
        body_file = folder / f"{name}.request.json"
        if body_file.exists():
            schema.body = merge(schema.body, shape(json.loads(body_file.read_text("utf-8"))))
    for operation, extra in DOCUMENTED.items():
        schema = schemas.setdefault(operation, RequestSchema())
        schema.query |= extra.get("query", set())
        if "body" in extra:
            schema.body = merge(schema.body, shape(extra["body"]))
    return schemas


def _template(file_name: str) -> Any:
    return json.loads((DATA / file_name).read_text("utf-8"))


def _fill(template: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A copy of a recorded object with new values of the recorded types (None where the
    recording has one of the nullable customer fields)."""
    out = copy.deepcopy(template)
    for key, value in values.items():
        assert key in template, f"{key} is not in the recorded object"
        recorded = template[key]
        assert value is None or type(value) is type(recorded), (key, value, recorded)
        out[key] = value
    return out


# -- the DateChecksum ticket number ---------------------------------------------------------------


def ticket_number(day: datetime, counter: int, system_id: str = "10") -> str:
    """``Kernel::System::Ticket::Number::DateChecksum`` with MinCounterSize 5."""
    base = f"{day:%Y%m%d}{system_id}{counter:05d}"
    total, mult = 0, 1
    for digit in base:
        total += mult * int(digit)
        mult = 1 if mult == 2 else mult + 1
    check_digit = 10 - total % 10
    return base + str(1 if check_digit == 10 else check_digit)


# -- state -------------------------------------------------------------------------------------


@dataclass
class User:
    """A customer user or an agent."""

    login: str
    password: str
    first: str
    last: str
    email: str
    customer_id: str = ""  # customers only
    agent: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def mail_string(self) -> str:
        return f'"{self.full_name}" <{self.email}>'


@dataclass
class StoredAttachment:
    file_id: int
    filename: str
    content_type: str
    content: bytes


@dataclass
class StoredArticle:
    article_id: int
    ticket_id: int
    number: int
    sender_type: str
    channel: str
    visible: bool
    subject: str
    body: str
    content_type: str
    from_: str
    to: str
    created: datetime
    created_by: int
    message_id: str = ""
    attachments: list[StoredAttachment] = field(default_factory=list)


@dataclass
class StoredTicket:
    ticket_id: int
    number: str
    title: str
    queue: str
    state: str
    priority: str
    type_: str
    customer_user: str | None
    customer_id: str | None
    created: datetime
    changed: datetime
    created_by: int
    changed_by: int
    articles: list[StoredArticle] = field(default_factory=list)
    history: list[tuple[datetime, str, str]] = field(default_factory=list)


class OperationError(Exception):
    """An operation's error: HTTP 200 with ``{"Error": {...}}``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class TransportError(Exception):
    """A transport error: HTTP 500 with a text/plain body."""


class FakeOtobo:
    """The server. ``start()`` it, point a profile at :attr:`url`, act as the agent with
    :meth:`agent_reply` and :meth:`agent_close`."""

    def __init__(
        self,
        *,
        users: list[User] | None = None,
        tls: ssl.SSLContext | None = None,
        webservice: str = WEBSERVICE,
        auto_response_queues: tuple[str, ...] = ("Postmaster", "Raw", "Misc"),
        invalid_from: str = r"@(example)\.(..|...)$",
        valid_from: str = r"@example\.(com|org|net)$|^(otobo|root|admin)@localhost$",
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.users = {u.login: u for u in (users or default_users())}
        self.tls = tls
        self.webservice = webservice
        self.auto_response_queues = set(auto_response_queues)
        self.invalid_from = re.compile(invalid_from, re.IGNORECASE) if invalid_from else None
        self.valid_from = re.compile(valid_from, re.IGNORECASE) if valid_from else None
        self.clock = clock or (lambda: datetime.now(UTC).replace(microsecond=0))
        self.schemas = learn_schemas()
        self.violations: list[str] = []
        # (status, Content-Type, body) to answer every request with, as a failing server does
        self.fail_with: tuple[int, str, bytes] | None = None
        self.requests: list[tuple[str, str, dict[str, str], Any]] = []  # method, path, query, body
        self.sessions: dict[str, str] = {}  # SessionID -> login
        self.tickets: dict[int, StoredTicket] = {}
        self._lock = threading.RLock()
        self._next_article = 2
        self._counter = 0
        self._ticket_template = {k: v for k, v in _ticket_shapes()[0].items() if k != "Article"}
        self._article_template = {
            k: v for k, v in _ticket_shapes()[0]["Article"][0].items() if k != "Attachment"
        }
        self._attachment_template = _ticket_shapes()[0]["Article"][0]["Attachment"][0]
        self._session_template = _template("24-session-get.response.json")["SessionData"]
        self._welcome_ticket()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life -------------------------------------------------------------------------------------

    def start(self) -> FakeOtobo:
        """Serve on 127.0.0.1 (a free port) in a background thread."""
        return self.start_on("127.0.0.1", 0)

    def start_on(self, host: str, port: int) -> FakeOtobo:
        """Serve on ``host:port``."""
        server = _HTTPServer((host, port), _Handler)
        server.fake = self
        if self.tls is not None:
            server.socket = self.tls.wrap_socket(server.socket, server_side=True)
        self._httpd = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-otobo"
        )
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> FakeOtobo:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return int(self._httpd.server_address[1])

    @property
    def root(self) -> str:
        """``http(s)://127.0.0.1:PORT``."""
        scheme = "https" if self.tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The web service's URL, as a user copies it from the admin screen."""
        return f"{self.root}/otobo/nph-genericinterface.pl/Webservice/{self.webservice}"

    # -- the agent's side ------------------------------------------------------------------------

    def agent_reply(self, ticket_id: int | str, text: str, *, state: str | None = "open") -> int:
        """Agent Alice answers the customer (Phone channel, visible), like recording 11."""
        with self._lock:
            ticket = self.tickets[int(ticket_id)]
            article = self._add_article(
                ticket,
                sender_type="agent",
                channel="Phone",
                visible=True,
                subject=f"Re: {ticket.title}",
                body=text,
                from_="Alice Agent",
                to="",
                created_by=3,
            )
            if state:
                self._set_state(ticket, state, 3)
            return article.article_id

    def agent_note(self, ticket_id: int | str, text: str) -> int:
        """An internal note (never shown to customers), like recording 12."""
        with self._lock:
            ticket = self.tickets[int(ticket_id)]
            return self._add_article(
                ticket,
                sender_type="agent",
                channel="Internal",
                visible=False,
                subject="Internal note",
                body=text,
                from_="Alice Agent",
                to="",
                created_by=3,
            ).article_id

    def agent_close(self, ticket_id: int | str, state: str = "closed successful") -> None:
        """The agent closes the ticket."""
        with self._lock:
            self._set_state(self.tickets[int(ticket_id)], state, 3)

    def expire_sessions(self) -> None:
        """Forget every session (as SessionMaxTime or a server restart does)."""
        with self._lock:
            self.sessions.clear()

    def operations(self) -> list[str]:
        """The operations called so far, in order (e.g. ``["SessionCreate", "TicketCreate"]``)."""
        with self._lock:
            return [op for op in (_op_of(m, p) for m, p, _q, _b in self.requests) if op]

    # -- state changes -----------------------------------------------------------------------------

    def _welcome_ticket(self) -> None:
        now = self.clock()
        ticket = StoredTicket(
            ticket_id=1,
            number="2015071510123456",
            title="Welcome to OTOBO!",
            queue="Raw",
            state="new",
            priority="3 normal",
            type_="Unclassified",
            customer_user=None,
            customer_id=None,
            created=now,
            changed=now,
            created_by=1,
            changed_by=1,
        )
        ticket.articles.append(
            StoredArticle(
                article_id=1,
                ticket_id=1,
                number=1,
                sender_type="customer",
                channel="Email",
                visible=True,
                subject="Welcome to OTOBO!",
                body="Welcome to OTOBO!",
                content_type="text/plain; charset=utf-8",
                from_="OTOBO Feedback <feedback@otobo.org>",
                to="Your OTOBO System <otobo@localhost>",
                created=now,
                created_by=1,
            )
        )
        self.tickets[1] = ticket

    def _touch(self, ticket: StoredTicket, kind: str, detail: str, user_id: int) -> None:
        now = self.clock()
        ticket.changed = now
        ticket.changed_by = user_id
        ticket.history.append((now, kind, detail))

    def _set_state(self, ticket: StoredTicket, state: str, user_id: int) -> None:
        if state != ticket.state:
            self._touch(ticket, "StateUpdate", f"%%{ticket.state}%%{state}%%", user_id)
            ticket.state = state

    def _add_article(
        self,
        ticket: StoredTicket,
        *,
        sender_type: str,
        channel: str,
        visible: bool,
        subject: str,
        body: str,
        from_: str,
        to: str,
        created_by: int,
        content_type: str = "text/plain; charset=utf8",
        attachments: list[tuple[str, str, bytes]] = (),  # type: ignore[assignment]
        message_id: str = "",
    ) -> StoredArticle:
        article = StoredArticle(
            article_id=self._next_article,
            ticket_id=ticket.ticket_id,
            number=len(ticket.articles) + 1,
            sender_type=sender_type,
            channel=channel,
            visible=visible,
            subject=subject,
            body=body.replace("\r\n", "\n"),
            content_type=content_type,
            from_=from_,
            to=to,
            created=self.clock(),
            created_by=created_by,
            message_id=message_id,
            attachments=[
                StoredAttachment(i, name, mime, data)
                for i, (name, mime, data) in enumerate(attachments, 1)
            ],
        )
        self._next_article += 1
        ticket.articles.append(article)
        self._touch(ticket, "AddNote", "%%GenericInterface Note", created_by)
        return article

    def _auto_response(self, ticket: StoredTicket, article: StoredArticle, user: User) -> None:
        """The queue's auto reply / auto follow up: a visible ``system`` e-mail article that
        takes the triggering article's ArticleNumber (as recordings 51 and 35 show)."""
        if ticket.queue not in self.auto_response_queues:
            return
        quote = "\n".join(f"> {line}" for line in article.body.splitlines())
        auto = self._add_article(
            ticket,
            sender_type="system",
            channel="Email",
            visible=True,
            subject=f"[Ticket#{ticket.number}] RE: {ticket.title[:24]}",
            body=AUTO_REPLY_BODY.format(quote=quote),
            from_=SYSTEM_FROM,
            to=user.mail_string,
            created_by=article.created_by,
            content_type="text/plain; charset=utf-8",
            message_id=f"<{int(self.clock().timestamp())}.{secrets.randbelow(10**6)}@localhost>",
        )
        auto.number, article.number = article.number, auto.number

    # -- responses --------------------------------------------------------------------------------

    def _ticket_json(self, ticket: StoredTicket, params: dict[str, Any], user: User) -> dict:
        state_id, state_type = STATES[ticket.state]
        now = self.clock()
        data = _fill(
            self._ticket_template,
            TicketID=ticket.ticket_id,
            TicketNumber=ticket.number,
            Title=ticket.title,
            Queue=ticket.queue,
            QueueID=QUEUES[ticket.queue],
            State=ticket.state,
            StateID=state_id,
            StateType=state_type,
            Priority=ticket.priority,
            PriorityID=PRIORITIES[ticket.priority],
            Type=ticket.type_,
            TypeID=TYPES[ticket.type_],
            CustomerUserID=ticket.customer_user,
            CustomerID=ticket.customer_id,
            Created=ticket.created.strftime(TIME),
            Changed=ticket.changed.strftime(TIME),
            Age=int((now - ticket.created).total_seconds()),
            CreateBy=ticket.created_by,
            ChangeBy=ticket.changed_by,
            UnlockTimeout=int(ticket.changed.timestamp()) if ticket.state != "new" else 0,
        )
        if _flag(params.get("DynamicFields")):
            data["DynamicField"] = [
                {"Name": "ProcessManagementActivityID", "Value": None},
                {"Name": "ProcessManagementProcessID", "Value": None},
            ]
        if not _flag(params.get("AllArticles")):
            return data
        articles = [a for a in ticket.articles if a.visible or user.agent]
        wanted = params.get("ArticleSenderType")
        if wanted:
            kinds = wanted if isinstance(wanted, list) else [wanted]
            articles = [a for kind in kinds for a in articles if a.sender_type == kind]
        if str(params.get("ArticleOrder", "ASC")).upper() == "DESC":
            articles.reverse()
        limit = int(params["ArticleLimit"]) if str(params.get("ArticleLimit", "")).isdigit() else 0
        if limit:
            articles = articles[:limit]
        with_attachments = _flag(params.get("Attachments"))
        contents = params.get("GetAttachmentContents", "1") not in ("0", 0)
        if articles:
            data["Article"] = [self._article_json(a, with_attachments, contents) for a in articles]
        return data

    def _article_json(self, article: StoredArticle, attachments: bool, contents: bool) -> dict:
        mime, _, rest = article.content_type.partition(";")
        charset = rest.split("=", 1)[1].strip() if "=" in rest else ""
        created = article.created.strftime(TIME)
        data = _fill(
            self._article_template,
            ArticleID=article.article_id,
            TicketID=article.ticket_id,
            ArticleNumber=article.number,
            SenderType=article.sender_type,
            SenderTypeID=SENDER_TYPES[article.sender_type],
            CommunicationChannelID=CHANNELS[article.channel],
            IsVisibleForCustomer=1 if article.visible else 0,
            Subject=article.subject,
            Body=article.body,
            From=article.from_,
            To=article.to,
            MessageID=article.message_id,
            ContentType=article.content_type,
            MimeType=mime.strip(),
            Charset=charset,
            ContentCharset=charset,
            CreateTime=created,
            ChangeTime=created,
            IncomingTime=int(article.created.timestamp()),
            CreateBy=article.created_by,
            ChangeBy=article.created_by,
        )
        if attachments and article.attachments:
            items = []
            for stored in article.attachments:
                item = _fill(
                    self._attachment_template,
                    FileID=str(stored.file_id),
                    Filename=stored.filename,
                    ContentType=stored.content_type,
                    FilesizeRaw=str(len(stored.content)),
                    Content=base64.b64encode(stored.content).decode("ascii") if contents else "",
                )
                items.append(item)
            # Insert where the recording has it (between CreateBy and Charset).
            ordered: dict[str, Any] = {}
            for key, value in data.items():
                ordered[key] = value
                if key == "CreateBy":
                    ordered["Attachment"] = items
            data = ordered
        return data

    # -- operations --------------------------------------------------------------------------------

    def handle(
        self, method: str, raw_path: str, query: str, body: bytes, content_type: str
    ) -> tuple[int, str, bytes]:
        """One HTTP request -> (status, content type, body)."""
        if self.fail_with is not None:
            return self.fail_with
        path = unquote(urlsplit(raw_path).path)
        for prefix in PREFIXES:
            if path.startswith(prefix):
                rest = path[len(prefix) :]
                break
        else:
            return 404, "text/html; charset=iso-8859-1", NOT_FOUND_PAGE.encode()
        match = re.match(
            r"^(?:Webservice/(?P<name>[^/]+)|WebserviceID/(?P<id>\d+))(?P<rest>/.*)?$", rest
        )
        if not match or (
            (match["name"] is not None and match["name"] != self.webservice)
            or (match["id"] is not None and match["id"] != "1")
        ):
            return 500, "text/html; charset=iso-8859-1", UNKNOWN_WEBSERVICE_PAGE.encode()
        sub_path = match["rest"] or "/"
        query_pairs = parse_qsl(query, keep_blank_values=True)
        query_params = dict(query_pairs)
        parsed: Any = None
        if body:
            try:
                parsed = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                parsed = _BAD_JSON
        with self._lock:
            self.requests.append((method, sub_path, query_params, parsed))
        found = route(method, sub_path)
        if found is None:
            return self._text(
                f"HTTP::REST Error while determine Operation for request URI '{sub_path}'."
            )
        operation, route_params = found
        if parsed is _BAD_JSON:
            return self._text("Error while decoding request content.")
        problems = self._validate(operation, method, query_pairs, parsed, content_type, body)
        if problems:
            with self._lock:
                self.violations.extend(f"{operation}: {p}" for p in problems)
            return self._text(
                "fake OTOBO: the real server would not take this request as "
                "meant: " + "; ".join(problems)
            )
        # GET: only the query string counts. POST/PATCH: the query is merged into the body.
        data: dict[str, Any] = dict(query_params)
        if method != "GET" and isinstance(parsed, dict):
            data.update(parsed)
        data.update(route_params)
        try:
            with self._lock:
                result = getattr(self, f"_op_{operation}")(data)
        except OperationError as exc:
            result = {"Error": {"ErrorCode": exc.code, "ErrorMessage": exc.message}}
        payload = json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return 200, "application/json; charset=UTF-8", payload

    @staticmethod
    def _text(message: str) -> tuple[int, str, bytes]:
        return 500, "text/plain; charset=UTF-8", message.encode("utf-8")

    def _validate(
        self,
        operation: str,
        method: str,
        query: list[tuple[str, str]],
        parsed: Any,
        content_type: str,
        body: bytes,
    ) -> list[str]:
        schema = self.schemas.get(operation, RequestSchema())
        problems = []
        keys = [key for key, _ in query]
        for key in keys:
            if key not in schema.query:
                problems.append(f"query parameter {key!r} is not one the server reads here")
        if len(set(keys)) != len(keys):
            problems.append("a query parameter is given twice")
        if "Password" in keys:
            problems.append("the password is in the URL (Ticketwise's rule: never)")
        if method == "GET":
            if body:
                problems.append("a GET with a body: the server ignores it (OTRS bug 14203)")
            return problems
        if not content_type.lower().startswith("application/json"):
            problems.append(f"Content-Type {content_type!r} where the recordings send JSON")
        if not isinstance(parsed, dict):
            problems.append("the body is not a JSON object")
            return problems
        problems.extend(check(parsed, schema.body))
        for item in _attachment_items(parsed.get("Attachment")):
            if isinstance(item, dict) and isinstance(item.get("Content"), str):
                try:
                    base64.b64decode(item["Content"], validate=True)
                except (binascii.Error, ValueError):
                    problems.append("Attachment.Content is not base64")
        return problems

    def _auth(self, data: dict[str, Any], operation: str) -> User:
        """The user of a request: its SessionID, or a login and password given inline."""
        session = data.get("SessionID")
        if isinstance(session, str) and session:
            login = self.sessions.get(session)
            if login is None:
                if operation == "SessionGet":
                    raise OperationError(
                        "SessionGet.SessionInvalid", "SessionGet: SessionID is Invalid!"
                    )
                raise OperationError(
                    f"{operation}.AuthFail", f"{operation}: Authorization failing!"
                )
            return self.users[login]
        login = data.get("UserLogin") or data.get("CustomerUserLogin")
        user = self.users.get(login) if isinstance(login, str) else None
        if user is None or data.get("Password") != user.password:
            raise OperationError(f"{operation}.AuthFail", f"{operation}: Authorization failing!")
        if user.agent != ("UserLogin" in data):
            raise OperationError(f"{operation}.AuthFail", f"{operation}: Authorization failing!")
        return user

    def _may_see(self, user: User, ticket: StoredTicket) -> bool:
        if user.agent:
            return True
        return ticket.customer_user == user.login or (
            bool(user.customer_id) and ticket.customer_id == user.customer_id
        )

    def _op_SessionCreate(self, data: dict[str, Any]) -> dict[str, Any]:
        login = data.get("CustomerUserLogin") or data.get("UserLogin")
        user = self.users.get(login) if isinstance(login, str) else None
        if (
            user is None
            or data.get("Password") != user.password
            or user.agent != ("UserLogin" in data)
        ):
            raise OperationError("SessionCreate.AuthFail", "SessionCreate: Authorization failing!")
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        session = "".join(secrets.choice(alphabet) for _ in range(32))
        self.sessions[session] = user.login
        return {"SessionID": session}

    def _op_SessionGet(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "SessionGet")
        values = {
            "UserLogin": user.login,
            "UserID": user.login,
            "UserFirstname": user.first,
            "UserLastname": user.last,
            "UserFullname": user.full_name,
            "UserEmail": user.email,
            "UserMailString": user.mail_string,
            "UserCustomerID": user.customer_id,
            "CustomerID": user.customer_id,
            "CustomerCompanyName": f"{user.customer_id} Corporation",
        }
        items = []
        for entry in self._session_template:
            item = dict(entry)
            if item["Key"] in values:
                item["Value"] = values[item["Key"]]
            items.append(item)
        return {"SessionData": items}

    def _op_TicketCreate(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "TicketCreate")
        ticket_in = data.get("Ticket")
        article_in = data.get("Article")
        if not isinstance(ticket_in, dict):
            raise OperationError(
                "TicketCreate.MissingParameter",
                "TicketCreate: Ticket parameter is missing or not valid!",
            )
        if not isinstance(article_in, dict):
            raise OperationError(
                "TicketCreate.MissingParameter",
                "TicketCreate: Article parameter is missing or not valid!",
            )
        title = ticket_in.get("Title")
        if not title:
            raise OperationError(
                "TicketCreate.MissingParameter",
                "TicketCreate: Ticket->Title parameter is required!",
            )
        queue = ticket_in.get("Queue")
        if not queue:
            raise OperationError(
                "TicketCreate.MissingParameter",
                "TicketCreate: Ticket->QueueID or Ticket->Queue parameter is required!",
            )
        if queue not in QUEUES:
            raise OperationError(
                "TicketCreate.InvalidParameter", "TicketCreate: Ticket->Queue is invalid!"
            )
        state = ticket_in.get("State") or "new"
        if state not in STATES:
            raise OperationError(
                "TicketCreate.InvalidParameter", "TicketCreate: Ticket->State is invalid!"
            )
        priority = ticket_in.get("Priority") or "3 normal"
        if priority not in PRIORITIES:
            raise OperationError(
                "TicketCreate.InvalidParameter", "TicketCreate: Ticket->Priority is invalid!"
            )
        type_ = ticket_in.get("Type") or "Unclassified"
        if type_ not in TYPES:
            raise OperationError(
                "TicketCreate.InvalidParameter", "TicketCreate: Ticket->Type is invalid!"
            )
        customer_login = ticket_in.get("CustomerUser")
        if not customer_login:
            raise OperationError(
                "TicketCreate.MissingParameter",
                "TicketCreate: Ticket->CustomerUserID or Ticket->CustomerUser parameter is "
                "required!",
            )
        customer = self.users.get(customer_login) or next(
            (u for u in self.users.values() if u.email == customer_login and not u.agent), None
        )
        self._check_article(article_in, "TicketCreate")
        attachments = self._attachments(data.get("Attachment"), "TicketCreate")
        now = self.clock()
        self._counter += 1
        ticket = StoredTicket(
            ticket_id=max(self.tickets) + 1,
            number=ticket_number(now, self._counter),
            title=title,
            queue=queue,
            state=state,
            priority=priority,
            type_=type_,
            customer_user=customer.login if customer else customer_login,
            customer_id=customer.customer_id if customer else customer_login,
            created=now,
            changed=now,
            created_by=3 if user.agent else 1,
            changed_by=3 if user.agent else 1,
        )
        self.tickets[ticket.ticket_id] = ticket
        self._touch(
            ticket,
            "NewTicket",
            f"%%{ticket.number}%%{queue}%%{priority}%%{state}",
            ticket.created_by,
        )
        sender = customer or user
        article = self._add_article(
            ticket,
            sender_type=article_in.get("SenderType") or "customer",
            channel=article_in.get("CommunicationChannel") or "Internal",
            visible=bool(article_in.get("IsVisibleForCustomer", 1)),
            subject=article_in["Subject"],
            body=article_in["Body"],
            from_=article_in.get("From") or sender.mail_string,
            to=queue,
            created_by=ticket.created_by,
            content_type=article_in.get("ContentType") or "text/plain; charset=utf8",
            attachments=attachments,
        )
        self._auto_response(ticket, article, sender)
        return {
            "ArticleID": str(article.article_id),
            "TicketNumber": ticket.number,
            "TicketID": str(ticket.ticket_id),
        }

    def _check_article(self, article: dict[str, Any], operation: str) -> None:
        for needed in ("Subject", "Body"):
            if not article.get(needed):
                raise OperationError(
                    f"{operation}.MissingParameter",
                    f"{operation}: Article->{needed} parameter is required!",
                )
        if not (article.get("ContentType") or (article.get("MimeType") and article.get("Charset"))):
            raise OperationError(
                f"{operation}.MissingParameter",
                f"{operation}: Article->ContentType parameter is required!",
            )
        channel = article.get("CommunicationChannel")
        if channel is not None and channel not in CHANNELS:
            raise OperationError(
                f"{operation}.InvalidParameter",
                f"{operation}: Article->CommunicationChannel is invalid!",
            )
        if article.get("SenderType") not in (None, *SENDER_TYPES):
            raise OperationError(
                f"{operation}.InvalidParameter", f"{operation}: Article->SenderType is invalid!"
            )
        sender = article.get("From")
        if sender and self.invalid_from is not None:
            address = sender.rpartition("<")[2].rstrip(">").strip()
            allowed = self.valid_from is not None and self.valid_from.search(address)
            if self.invalid_from.search(address) and not allowed:
                raise OperationError(
                    f"{operation}.InvalidParameter",
                    f"{operation}: Article->From parameter is invalid!",
                )

    def _attachments(self, value: Any, operation: str) -> list[tuple[str, str, bytes]]:
        out = []
        for item in _attachment_items(value):
            if not isinstance(item, dict) or not item.get("Content") or not item.get("Filename"):
                raise OperationError(
                    f"{operation}.MissingParameter",
                    f"{operation}: Attachment->Content parameter is required!",
                )
            out.append(
                (
                    item["Filename"],
                    item.get("ContentType") or "application/octet-stream",
                    base64.b64decode(item["Content"]),
                )
            )
        return out

    def _tickets_for(self, data: dict[str, Any], user: User, operation: str) -> list[StoredTicket]:
        raw = data.get("TicketID")
        ids = [part.strip() for part in str(raw or "").split(",")]
        if not raw or not all(i.isdigit() and int(i) > 0 for i in ids):
            raise OperationError(
                "TicketGet.WrongStructure", "TicketGet: Structure for TicketID is not correct!"
            )
        tickets = []
        for ticket_id in ids:
            ticket = self.tickets.get(int(ticket_id))
            if ticket is None or not self._may_see(user, ticket):
                raise OperationError(
                    f"{operation}.AccessDenied",
                    f"{operation}: User does not have access to the ticket!",
                )
            tickets.append(ticket)
        return tickets

    def _op_TicketGet(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "TicketGet")
        tickets = self._tickets_for(data, user, "TicketGet")
        return {"Ticket": [self._ticket_json(t, data, user) for t in tickets]}

    def _op_TicketGetList(self, data: dict[str, Any]) -> dict[str, Any]:
        return self._op_TicketGet(data)  # the route runs the TicketGet operation

    def _op_TicketSearch(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "TicketSearch")
        found = [t for t in self.tickets.values() if self._may_see(user, t)]
        if data.get("SessionID") and data.get("CustomerUserLogin"):
            found = [t for t in found if t.customer_user == data["CustomerUserLogin"]]
        if data.get("CustomerID"):
            found = [t for t in found if t.customer_id == data["CustomerID"]]
        if data.get("TicketNumber"):
            pattern = _like(data["TicketNumber"])
            found = [t for t in found if pattern.match(t.number)]
        if data.get("Title"):
            pattern = _like(data["Title"])
            found = [t for t in found if pattern.match(t.title)]
        if data.get("StateType"):
            # Literal state-type names: "Open" is not "every open state" (recording 27).
            wanted = str(data["StateType"]).lower()
            found = [t for t in found if STATES[t.state][1] == wanted]
        if data.get("States"):
            found = [t for t in found if t.state == data["States"]]
        if data.get("TicketChangeTimeNewerDate"):
            since = _parse_time(data["TicketChangeTimeNewerDate"], "TicketSearch")
            found = [t for t in found if any(when >= since for when, _k, _d in t.history)]
        if data.get("TicketCreateTimeNewerDate"):
            since = _parse_time(data["TicketCreateTimeNewerDate"], "TicketSearch")
            found = [t for t in found if t.created >= since]
        sort_by = data.get("SortBy") or "Age"
        order_down = (data.get("OrderBy") or "Down") == "Down"
        if sort_by == "TicketNumber":
            found.sort(key=lambda t: t.number, reverse=order_down)
        else:
            found.sort(key=lambda t: (t.created, t.ticket_id), reverse=order_down)
        limit = int(data["Limit"]) if str(data.get("Limit", "")).isdigit() else 500
        found = found[:limit]
        if not found:
            return {}
        return {"TicketID": [str(t.ticket_id) for t in found]}

    def _op_TicketUpdate(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "TicketUpdate")
        ticket_id = str(data.get("TicketID", ""))
        ticket = self.tickets.get(int(ticket_id)) if ticket_id.isdigit() else None
        if ticket is None or not self._may_see(user, ticket):
            raise OperationError(
                "TicketUpdate.AccessDenied",
                "TicketUpdate: User does not have access to the ticket!",
            )
        ticket_in = data.get("Ticket") or {}
        article_in = data.get("Article")
        state = ticket_in.get("State") if isinstance(ticket_in, dict) else None
        if state is not None and state not in STATES:
            raise OperationError(
                "TicketUpdate.InvalidParameter", "TicketUpdate: Ticket->State is invalid!"
            )
        if isinstance(article_in, dict):
            self._check_article(article_in, "TicketUpdate")
        attachments = self._attachments(data.get("Attachment"), "TicketUpdate")
        user_id = 3 if user.agent else 1
        article = None
        if state is not None:
            self._set_state(ticket, state, user_id)
        if isinstance(article_in, dict):
            article = self._add_article(
                ticket,
                sender_type=article_in.get("SenderType") or ("agent" if user.agent else "customer"),
                channel=article_in.get("CommunicationChannel") or "Internal",
                visible=bool(article_in.get("IsVisibleForCustomer", 1)),
                subject=article_in["Subject"],
                body=article_in["Body"],
                # A customer's TicketUpdate leaves From empty unless given (recording 13).
                from_=article_in.get("From") or ("Alice Agent" if user.agent else ""),
                to=article_in.get("To", ""),
                created_by=user_id,
                content_type=article_in.get("ContentType") or "text/plain; charset=utf8",
                attachments=attachments,
            )
            if not user.agent:
                self._auto_response(ticket, article, user)
        result: dict[str, Any] = {"TicketNumber": ticket.number, "TicketID": str(ticket.ticket_id)}
        if article is not None:
            # A string for customers, an integer for agents (recordings 10 and 11).
            result = {
                "ArticleID": article.article_id if user.agent else str(article.article_id),
                **result,
            }
        return result

    def _op_TicketHistoryGet(self, data: dict[str, Any]) -> dict[str, Any]:
        user = self._auth(data, "TicketHistoryGet")
        if not user.agent:
            raise OperationError(
                "TicketHistoryGet.AccessDenied",
                "TicketHistoryGet: User does not have access to the ticket!",
            )
        tickets = self._tickets_for(data, user, "TicketHistoryGet")
        return {
            "TicketHistory": [
                {
                    "History": [
                        {
                            "CreateTime": when.strftime(TIME),
                            "TicketID": str(t.ticket_id),
                            "HistoryType": kind,
                            "Name": detail,
                        }
                        for when, kind, detail in t.history
                    ]
                }
                for t in tickets
            ]
        }


_BAD_JSON = object()


def _flag(value: Any) -> bool:
    return str(value or "0") not in ("0", "")


def _attachment_items(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _like(expression: str) -> re.Pattern[str]:
    """A TicketSearch SQL-like expression (``*`` and ``%`` wildcards), case-insensitive."""
    parts = [re.escape(p) for p in re.split(r"[*%]", expression)]
    return re.compile("^" + ".*".join(parts) + "$", re.IGNORECASE | re.DOTALL)


def _parse_time(value: Any, operation: str) -> datetime:
    try:
        return datetime.strptime(str(value), TIME).replace(tzinfo=UTC)
    except ValueError:
        raise OperationError(
            f"{operation}.InvalidParameter", f"{operation}: invalid date {value!r}"
        ) from None


def _op_of(method: str, path: str) -> str | None:
    found = route(method, path)
    return found[0] if found else None


_SHAPES: list[dict[str, Any]] = []


def _ticket_shapes() -> list[dict[str, Any]]:
    """Recording 13's ticket (with a visible customer article carrying an attachment)."""
    if not _SHAPES:
        _SHAPES.extend(_template("13-ticket-get-customer-after-close.response.json")["Ticket"])
    return _SHAPES


def default_users(password: str = "Customer1-Pass!", agent_password: str = "Agent1-Pass!") -> list:
    """Jane (ACME), her colleague Bob (ACME), Zed of another company, and agent1."""
    return [
        User("jane.customer", password, "Jane", "Customer", "jane.customer@example.com", "ACME"),
        User("bob.customer", password, "Bob", "Colleague", "bob.customer@example.com", "ACME"),
        User("zed.other", password, "Zed", "Other", "zed@other.example.net", "OTHERCO"),
        User("agent1", agent_password, "Alice", "Agent", "agent1@example.com", agent=True),
    ]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOtobo


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "Apache/2.4.71"
    sys_version = "(Debian)"

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        status, content_type, payload = self.server.fake.handle(
            self.command, parts.path, parts.query, body, self.headers.get("Content-Type", "")
        )
        self.send_response(status)
        self.send_header("Connection", "close")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Content-Type", content_type)
        self.end_headers()
        self.wfile.write(payload)
        self.close_connection = True

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _serve  # noqa: N815

    def date_time_string(self, timestamp: float | None = None) -> str:
        return formatdate(timestamp, usegmt=True)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def iter_fixture_requests() -> Iterator[tuple[str, str, str, Any]]:
    """(name, method, path after the web service with the query, parsed body) of every
    recorded request: the fidelity tests replay them."""
    for http_file in sorted(DATA.glob("*.request.http.txt")):
        name = http_file.name.removesuffix(".request.http.txt")
        method, url = http_file.read_text(encoding="utf-8").splitlines()[0].split(" ", 1)
        body_file = DATA / f"{name}.request.json"
        body = body_file.read_bytes() if body_file.exists() else None
        yield name, method, url, body


def _main() -> None:
    parser = argparse.ArgumentParser(description="A fake OTOBO web service for trying Ticketwise")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--tls", action="store_true", help="HTTPS with a throw-away CA")
    args = parser.parse_args()
    context = None
    if args.tls:
        import tempfile

        import trustme

        ca = trustme.CA()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        ca_file = Path(tempfile.mkdtemp(prefix="fake-otobo-")) / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_file))
        print(f"CA file (for the profile's Extra CA file): {ca_file}", flush=True)
    server = FakeOtobo(tls=context).start_on(args.host, args.port)
    print(f"Fake OTOBO web service: {server.url}", flush=True)
    print(
        "Customers: jane.customer / bob.customer, password Customer1-Pass!; queue Raw", flush=True
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    _main()
