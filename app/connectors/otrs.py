"""OTRS family (OTRS 6, Znuny 6.5/7, OTOBO 10/11): the GenericInterface REST web service.

The stock ``GenericTicketConnectorREST`` web service, as recorded from a real OTOBO 11 server in
``tests/data/otobo/`` (its README lists every quirk handled here):

* routes: ``POST /Session`` (SessionCreate), ``GET /Session/:SessionID`` (SessionGet),
  ``POST /Ticket`` (TicketCreate), ``GET /Ticket/:TicketID`` (TicketGet), ``GET /TicketList``
  (TicketGet of several tickets), ``GET /Ticket`` (TicketSearch), ``PATCH /Ticket/:TicketID``
  (TicketUpdate);
* GET requests ignore a JSON body, so their parameters go in the query string: the SessionID may,
  the password never does (every GET runs on a session; only ``POST /Session`` carries it);
* operation errors are HTTP 200 with an ``Error`` object; transport errors (unknown route, bad
  JSON) are HTTP 500 with a text/plain body; IDs come as strings or integers; ``{}`` means "no
  match"; ``Attachment`` may be a list or one object; customers never see internal articles.

Attachments are fetched lazily: :meth:`OtrsConnector.get_thread` asks TicketGet for the
attachment index with ``GetAttachmentContents=0`` (documented in TicketGet.pm of OTRS 6, Znuny and
OTOBO: the metadata without the base64 content), and :meth:`OtrsConnector.get_attachment` fetches
the bytes with the contents on. TicketGet has no per-article filter, so that second call brings
every attachment of the ticket; a server that ignores ``GetAttachmentContents`` sends the
contents in the first call too, which costs bandwidth but changes nothing else.

The submission key is the last line of the first article's body ("Ticketwise submission: <uuid>")
and :meth:`OtrsConnector.find_by_submission_key` reads it back from the bodies of the user's most
recent tickets. TicketSearch could search the body (``MIMEBase_Body``), but that goes through the
article search index, which the daemon builds a minute or so later, which drops words longer than
30 characters (a UUID has 36) and which indexes only the first 1000 words: exactly when an
interrupted send is reconciled, it would not find the ticket. Reading the bodies is immediate.

Times: OTRS 6 and its forks store and compare times in their internal time zone
(``OTRSTimeZone``/``OTOBOTimeZone``), UTC unless changed at set-up (the vendors warn against
changing it later), as ``YYYY-MM-DD HH:MM:SS``. We read and write them as UTC, corrected by the
clock difference the server's ``Date`` header shows.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import requests

from app.config.profiles import Profile
from app.connectors.http import make_session, map_transport_error
from app.core.connector import (
    Cancel,
    Capabilities,
    CreateResult,
    Identity,
    ProgressCallback,
    StageCallback,
)
from app.core.errors import (
    AuthError,
    Cancelled,
    ConfigError,
    NotReachable,
    ProtocolError,
    Rejected,
    Unsupported,
    UserFacingError,
)
from app.core.hooks import strip_reply_prefixes
from app.core.model import Submission
from app.core.tickets import (
    Article,
    RemoteAttachment,
    Scope,
    Sender,
    StateType,
    Thread,
    Ticket,
)

log = logging.getLogger(__name__)

DEFAULT_WEBSERVICE = "GenericTicketConnectorREST"
DEFAULT_PRIORITY = "3 normal"
SCRIPT = "nph-genericinterface.pl"
MARKER_PREFIX = "Ticketwise submission: "
_MARKER_RE = re.compile(r"^Ticketwise submission: ([0-9A-Fa-f-]{36})[ \t]*$", re.MULTILINE)
TITLE_MAX = 250  # ticket.title is varchar(255) in every OTRS-family schema
RECONCILE_TICKETS = 50  # how many of the user's newest tickets find_by_submission_key reads
LIST_BATCH = 50  # tickets per TicketGet in list_tickets
CHANGED_SINCE_OVERLAP = timedelta(minutes=2)  # second-granularity and clock-reading slack
_TRANSPORT_ROUTE_RE = re.compile(r"Error while determine Operation for request URI '([^']*)'")
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_TEXT_LIMIT = 300  # server text quoted in an error message

# The session cache: a connector is made for each send, the session outlives it.
# (base URL, login, sha256 of the password) -> SessionID
_SESSIONS: dict[tuple[str, str, str], str] = {}
_SESSIONS_LOCK = threading.Lock()


# -- URLs -------------------------------------------------------------------------------------


def webservice_url(url: str, webservice: str = DEFAULT_WEBSERVICE) -> str:
    """The web service's base URL from what the user typed.

    Accepted: the whole web-service URL (``.../nph-genericinterface.pl/Webservice/<Name>`` or
    ``.../WebserviceID/<N>``), the URL up to ``nph-genericinterface.pl`` (the profile's web
    service name is appended), or the help desk's address (``https://host/otrs/``, even a
    ``.../customer.pl`` page), to which ``nph-genericinterface.pl/Webservice/<Name>`` is added.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ConfigError(f"not a valid URL: {text!r}", reason="wrong_url", url=text) from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() for c in text)
    ):
        raise ConfigError(
            f"the URL must start with https:// or http://: {text!r}", reason="wrong_url", url=text
        )
    path = parts.path.rstrip("/")
    name = webservice.strip() or DEFAULT_WEBSERVICE
    marker = "/" + SCRIPT
    if marker in path + "/":
        head, _, tail = path.partition(marker)
        tail_parts = [p for p in tail.split("/") if p]
        if len(tail_parts) >= 2 and tail_parts[0] in ("Webservice", "WebserviceID"):
            path = f"{head}{marker}/{tail_parts[0]}/{tail_parts[1]}"
        else:
            path = f"{head}{marker}/Webservice/{quote(name, safe='')}"
    else:
        if path.endswith(".pl"):  # index.pl, customer.pl: the help desk's own pages
            path = path.rpartition("/")[0]
        path = f"{path}{marker}/Webservice/{quote(name, safe='')}"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def portal_ticket_url(portal_url: str, number: str) -> str:
    """The customer-portal page of ticket ``number`` ("" without a portal URL)."""
    portal = portal_url.strip()
    if not portal or not number:
        return ""
    separator = ";" if "?" in portal else "?"
    return f"{portal}{separator}Action=CustomerTicketZoom;TicketNumber={quote(number)}"


# -- the submission key -------------------------------------------------------------------------


def with_marker(body: str, submission_key: str) -> str:
    """The body with the submission key as its last line."""
    return f"{body.rstrip()}\n\n{MARKER_PREFIX}{submission_key}"


def find_marker(body: str) -> str | None:
    """The submission key in an article body, or None."""
    found = _MARKER_RE.findall(body)
    return found[-1].lower() if found else None


# -- parsing (every response is untrusted input) --------------------------------------------------


def _text(value: Any) -> str:
    """A text field: strings as they are, numbers as text, null and anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _id(value: Any, what: str) -> str:
    """An ID that the server sends as an integer or as a string of digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return str(int(value))
    raise ProtocolError(f"the server sent an invalid {what}: {value!r:.60}", reason="bad_field")


def _int(value: Any, default: int = 0) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return default


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"the server sent no {what}", reason="bad_shape")
    return value


def _list_of(value: Any) -> list[Any]:
    """A field that the server sends as a list, or as one object where there is only one."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def parse_time(value: Any) -> datetime | None:
    """``2026-11-25 17:01:44`` (server time, UTC) -> an aware datetime; None if absent or bad."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value.strip(), _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def format_time(value: datetime) -> str:
    """An aware datetime as the server compares it (UTC, ``YYYY-MM-DD HH:MM:SS``)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


_STATE_TYPES = {
    "new": StateType.NEW,
    "open": StateType.OPEN,
    "closed": StateType.CLOSED,
    "merged": StateType.MERGED,
    "removed": StateType.REMOVED,
}


def map_state_type(value: Any) -> StateType:
    """OTRS state types (``new``, ``open``, ``pending reminder``, ``pending auto``, ``closed``,
    ``merged``, ``removed``) onto ours."""
    name = _text(value).strip().lower()
    if name.startswith("pending"):
        return StateType.PENDING
    return _STATE_TYPES.get(name, StateType.UNKNOWN)


_SENDERS = {"customer": Sender.CUSTOMER, "agent": Sender.AGENT, "system": Sender.SYSTEM}
_SENDER_IDS = {"1": Sender.AGENT, "2": Sender.SYSTEM, "3": Sender.CUSTOMER}


def map_sender(sender_type: Any, sender_type_id: Any = None) -> Sender:
    """SenderType (``agent``/``system``/``customer``), else the stock SenderTypeID."""
    by_name = _SENDERS.get(_text(sender_type).strip().lower())
    if by_name is not None:
        return by_name
    return _SENDER_IDS.get(_text(sender_type_id).strip(), Sender.SYSTEM)


class SessionExpired(AuthError):
    """The server no longer knows our SessionID: log in again (once)."""


def error_from_object(error: Any) -> UserFacingError:
    """The typed error for a GenericInterface ``Error`` object (sent with HTTP 200)."""
    if not isinstance(error, dict):
        return ProtocolError("the server sent a malformed error", reason="bad_shape")
    code = _text(error.get("ErrorCode")).strip()
    message = _text(error.get("ErrorMessage")).strip()[:_TEXT_LIMIT] or code or "unknown error"
    operation, _, what = code.partition(".")
    if code == "SessionCreate.AuthFail":
        return AuthError(message, server=message, code=code)
    if what == "AuthFail" or code == "SessionGet.SessionInvalid":
        return SessionExpired(message, server=message, code=code, reason="session_expired")
    if operation == "Webservice":
        return ConfigError(
            f"the web service is not set up correctly: {message}",
            reason="webservice_config",
            server=message,
            code=code,
        )
    if what == "AccessDenied":
        return Rejected(message, code=code, access_denied=True)
    return Rejected(message, code=code)


def decode_response(
    status: int, content_type: str, body: bytes, *, webservice: str = DEFAULT_WEBSERVICE
) -> dict[str, Any]:
    """The JSON object of a response; a typed error for anything else.

    HTTP 200 + JSON object: the answer (or its ``Error`` object, raised). HTTP 500 text/plain:
    the GenericInterface's transport errors. Anything else means the URL does not lead to a
    web service, or the server failed.
    """
    text = body[:4096].decode("utf-8", "replace").strip()
    mime = content_type.split(";", 1)[0].strip().lower()
    first_line = _server_text(text)
    if status == 200:
        if mime != "application/json" and not text.startswith("{"):
            raise ConfigError(
                "the URL answers with a web page, not the web service",
                reason="wrong_url",
                server=first_line,
                status=status,
            )
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ProtocolError(
                "the server sent malformed JSON", reason="bad_json", server=first_line
            ) from None
        if not isinstance(data, dict):
            raise ProtocolError("the server sent JSON that is not an object", reason="bad_shape")
        if "Error" in data:
            raise error_from_object(data["Error"])
        return data
    if 300 <= status < 400:
        raise ConfigError(
            f"the server redirects elsewhere (HTTP {status}); check the URL (https?)",
            reason="wrong_url",
            status=status,
        )
    if status in (401, 407):
        raise AuthError(
            f"HTTP {status}: the server (or a proxy) wants a login before the web service",
            reason="http_auth",
            server=first_line,
            status=status,
        )
    if status in (404, 410, 405):
        raise ConfigError(
            f"HTTP {status}: there is no web service at this URL",
            reason="wrong_url",
            server=first_line,
            status=status,
        )
    if status in (502, 503, 504):
        raise NotReachable(
            f"the help desk is temporarily unavailable (HTTP {status})",
            reason="temporary",
            server=first_line,
            status=status,
        )
    if status == 500 and mime == "text/plain" and text:
        route = _TRANSPORT_ROUTE_RE.search(text)
        if route:
            raise ConfigError(
                f"the web service {webservice!r} has no route for {route.group(1)!r}: is it "
                "a GenericTicketConnectorREST?",
                reason="webservice_not_found",
                webservice=webservice,
                route=route.group(1),
                server=first_line,
                status=status,
            )
        raise ProtocolError(
            f"the help desk reported an error: {first_line}",
            reason="server_error",
            server=first_line,
            status=status,
        )
    if status == 500:
        # The GenericInterface answers a web service name (or ID) it does not know with a bare
        # "500 Internal Server Error" page: the Provider bails out before any transport exists.
        raise ConfigError(
            f"the help desk has no web service {webservice!r} (or failed: HTTP 500)",
            reason="webservice_not_found",
            webservice=webservice,
            server=first_line,
            status=status,
        )
    raise ProtocolError(
        f"the help desk answered HTTP {status}: {first_line}",
        reason="server_error",
        server=first_line,
        status=status,
    )


_TITLE_RE = re.compile(r"<title>([^<]*)</title>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")


def _server_text(text: str) -> str:
    """What a server's error body says, in one line: an HTML page's title (or its text)."""
    if text.startswith("<"):
        title = _TITLE_RE.search(text)
        text = title.group(1) if title else _TAG_RE.sub(" ", text)
    return " ".join(text.split())[:_TEXT_LIMIT]


def parse_session_id(data: Mapping[str, Any]) -> str:
    """SessionCreate: ``{"SessionID": "..."}``."""
    session = data.get("SessionID")
    if not isinstance(session, str) or not session.strip() or len(session) > 512:
        raise ProtocolError("the server sent no session after the login", reason="bad_shape")
    return session.strip()


def parse_session_data(data: Mapping[str, Any]) -> dict[str, str]:
    """SessionGet: ``{"SessionData": [{"Key": .., "Value": ..}, ...]}`` -> a dict of the plain
    values (serialized structures and the password hash are left out)."""
    items = data.get("SessionData")
    if not isinstance(items, list):
        raise ProtocolError("the server sent no session data", reason="bad_shape")
    values: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or item.get("Serialized"):
            continue
        key = item.get("Key")
        if isinstance(key, str) and key != "UserPassword":
            values[key] = _text(item.get("Value"))
    return values


def identity_from_session(values: Mapping[str, str], login: str) -> Identity:
    """ "Jane Customer (ACME)" from SessionGet's values."""
    name = (
        values.get("UserFullname", "").strip()
        or " ".join(
            part
            for part in (values.get("UserFirstname", ""), values.get("UserLastname", ""))
            if part
        ).strip()
    )
    customer_id = values.get("UserCustomerID", "").strip() or values.get("CustomerID", "").strip()
    who = name or values.get("UserLogin", "").strip() or login
    display = f"{who} ({customer_id})" if customer_id else who
    detail = " \u00b7 ".join(
        part
        for part in (values.get("UserEmail", "").strip(), values.get("CustomerCompanyName", ""))
        if part
    )
    return Identity(
        display=display,
        detail=detail,
        login=values.get("UserLogin", "").strip() or login,
        customer_id=customer_id,
    )


def parse_create_result(data: Mapping[str, Any], portal_url: str = "") -> CreateResult:
    """TicketCreate / TicketUpdate: ``{"ArticleID": "2"|4, "TicketNumber": "...", "TicketID":
    "2"}`` (ArticleID is a string for customers, an integer for agents)."""
    ticket_id = _id(data.get("TicketID"), "ticket ID")
    number = _text(data.get("TicketNumber")).strip()
    if not number.isdigit():
        raise ProtocolError("the server sent no ticket number", reason="bad_field")
    article = data.get("ArticleID")
    article_id = _id(article, "article ID") if article not in (None, "") else ""
    return CreateResult(
        ticket_number=number,
        ticket_id=ticket_id,
        article_id=article_id,
        url=portal_ticket_url(portal_url, number),
    )


def parse_search(data: Mapping[str, Any]) -> list[str]:
    """TicketSearch: ``{"TicketID": ["5", "4"]}``, or ``{}`` when nothing matches."""
    if "TicketID" not in data:
        return []
    return [_id(value, "ticket ID") for value in _list_of(data["TicketID"])]


def parse_ticket(entry: Any, portal_url: str = "") -> Ticket:
    """One entry of TicketGet's ``Ticket`` list."""
    item = _obj(entry, "ticket")
    number = _text(item.get("TicketNumber")).strip()
    return Ticket(
        id=_id(item.get("TicketID"), "ticket ID"),
        number=number,
        title=_text(item.get("Title")),
        state=_text(item.get("State")),
        state_type=map_state_type(item.get("StateType")),
        queue=_text(item.get("Queue")),
        priority=_text(item.get("Priority")),
        customer_user=_text(item.get("CustomerUserID")),
        customer_id=_text(item.get("CustomerID")),
        created_at=parse_time(item.get("Created")),
        changed_at=parse_time(item.get("Changed")),
        url=portal_ticket_url(portal_url, number),
    )


def _ticket_entries(data: Mapping[str, Any]) -> list[Any]:
    tickets = data.get("Ticket")
    if not isinstance(tickets, list):
        raise ProtocolError("the server sent no ticket data", reason="bad_shape")
    return tickets


def parse_tickets(data: Mapping[str, Any], portal_url: str = "") -> list[Ticket]:
    """TicketGet (one or several tickets): ``{"Ticket": [{...}, ...]}``."""
    return [parse_ticket(entry, portal_url) for entry in _ticket_entries(data)]


def parse_attachment_meta(entry: Any) -> RemoteAttachment | None:
    """An attachment of an article (content ignored); None when it is unusable."""
    if not isinstance(entry, dict):
        return None
    file_id = _text(entry.get("FileID")).strip()
    if not file_id:
        return None
    size = _int(entry.get("FilesizeRaw"), -1)
    if size < 0:
        content = entry.get("Content")
        size = len(content) * 3 // 4 if isinstance(content, str) else 0
    return RemoteAttachment(
        id=file_id,
        filename=_text(entry.get("Filename")) or f"attachment-{file_id}",
        content_type=_text(entry.get("ContentType")).strip() or "application/octet-stream",
        size=size,
    )


def parse_article(entry: Any, ticket_id: str) -> Article | None:
    """One article; None for one the customer may not see (or that OTOBO marks deleted)."""
    item = _obj(entry, "article")
    if _int(item.get("IsVisibleForCustomer"), 1) == 0 or _int(item.get("IsDeleted"), 0):
        return None
    created = parse_time(item.get("CreateTime"))
    if created is None and _int(item.get("IncomingTime"), 0) > 0:
        try:
            created = datetime.fromtimestamp(_int(item.get("IncomingTime")), UTC)
        except (OverflowError, OSError, ValueError):
            created = None
    attachments = tuple(
        meta
        for meta in (parse_attachment_meta(a) for a in _list_of(item.get("Attachment")))
        if meta is not None
    )
    return Article(
        id=_id(item.get("ArticleID"), "article ID"),
        ticket_id=ticket_id,
        sender=map_sender(item.get("SenderType"), item.get("SenderTypeID")),
        subject=_text(item.get("Subject")),
        body=_text(item.get("Body")),
        created_at=created,
        from_=_text(item.get("From")),
        to=_text(item.get("To")),
        message_id=_text(item.get("MessageID")),
        attachments=attachments,
    )


def _article_order(article: Article) -> tuple[datetime, int]:
    return (article.created_at or datetime.min.replace(tzinfo=UTC), int(article.id))


def parse_thread(data: Mapping[str, Any], portal_url: str = "") -> Thread:
    """TicketGet with ``AllArticles=1``: the ticket and its visible articles, oldest first."""
    entries = _ticket_entries(data)
    if not entries:
        raise ProtocolError("the server sent no ticket data", reason="bad_shape")
    ticket = parse_ticket(entries[0], portal_url)
    raw_articles = _obj(entries[0], "ticket").get("Article")
    articles = [
        article
        for article in (parse_article(a, ticket.id) for a in _list_of(raw_articles))
        if article is not None
    ]
    return Thread(ticket=ticket, articles=tuple(sorted(articles, key=_article_order)))


def parse_attachment_content(data: Mapping[str, Any], article_id: str, file_id: str) -> bytes:
    """The bytes of attachment ``file_id`` of ``article_id`` in a TicketGet answer made with
    ``Attachments=1`` (base64 without line breaks)."""
    for entry in _ticket_entries(data):
        for article in _list_of(_obj(entry, "ticket").get("Article")):
            if not isinstance(article, dict) or _text(article.get("ArticleID")) != article_id:
                continue
            for attachment in _list_of(article.get("Attachment")):
                if isinstance(attachment, dict) and _text(attachment.get("FileID")) == file_id:
                    content = attachment.get("Content")
                    if not isinstance(content, str):
                        break
                    try:
                        return base64.b64decode(content.encode("ascii"), validate=True)
                    except (binascii.Error, UnicodeEncodeError, ValueError):
                        raise ProtocolError(
                            "the server sent an attachment that is not valid base64",
                            reason="bad_field",
                        ) from None
    raise Rejected(
        "the attachment is no longer on the ticket (or you may not see it)",
        reason_code="attachment_gone",
    )


# -- transport ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Response:
    data: dict[str, Any]
    server_date: datetime | None


class OtrsConnector:
    """A customer of an OTRS-family help desk, through its GenericTicketConnectorREST."""

    def __init__(
        self,
        profile: Profile,
        password: str | None,
        *,
        timeout: float = 30.0,
        default_max_bytes: int = 20 * 1024 * 1024,
        imap_password: str | None = None,
    ) -> None:
        self.profile = profile
        self._password = password
        self.timeout = timeout
        self.default_max_bytes = default_max_bytes
        self.base_url = webservice_url(profile.url, profile.webservice)
        # The name in the URL wins over the profile's field (webservice_url keeps it so).
        self._webservice = unquote(self.base_url.rstrip("/").rpartition("/")[2])
        self._http: requests.Session | None = None
        self._session_values: dict[str, str] | None = None
        self._skew = timedelta(0)

    def __repr__(self) -> str:  # never the password or the session, even in a traceback
        return f"OtrsConnector(profile={self.profile.name!r}, url={self.base_url!r})"

    # -- HTTP -------------------------------------------------------------------------------------

    def _client(self) -> requests.Session:
        if self._http is None:
            self._http = make_session(self.profile.ca_file)
        return self._http

    def close(self) -> None:
        """Close the HTTP connections (the help-desk session stays for the next connector)."""
        if self._http is not None:
            self._http.close()
            self._http = None

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        committing: bool = False,
    ) -> _Response:
        url = self.base_url + path
        data = None
        headers = {}
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            response = self._client().request(
                method,
                url,
                params=dict(params) if params else None,
                data=data,
                headers=headers,
                timeout=self.timeout,
                # A CA file adds trust through the session's adapter (app.connectors.http);
                # verification itself is never off.
                verify=True,
                # A redirect would turn a POST into a GET and lose the ticket: report it instead.
                allow_redirects=False,
            )
            content = response.content
        except UserFacingError:
            raise
        except (requests.exceptions.RequestException, OSError, ValueError) as exc:
            raise map_transport_error(exc, committed=committing) from None
        server_date = _date_header(response.headers.get("Date", ""))
        if server_date is not None:
            self._skew = server_date - datetime.now(UTC)
        parsed = decode_response(
            response.status_code,
            response.headers.get("Content-Type", ""),
            content,
            webservice=self._webservice,
        )
        return _Response(parsed, server_date)

    # -- the session ----------------------------------------------------------------------------

    def _session_key(self) -> tuple[str, str, str]:
        secret = hashlib.sha256((self._password or "").encode("utf-8")).hexdigest()
        return (self.base_url, self.profile.login, secret)

    def _session_id(self) -> str:
        key = self._session_key()
        with _SESSIONS_LOCK:
            cached = _SESSIONS.get(key)
        if cached:
            return cached
        if not self._password:
            raise AuthError("no password is stored for this profile", reason="no_password")
        response = self._send(
            "POST",
            "/Session",
            body={"CustomerUserLogin": self.profile.login, "Password": self._password},
        )
        session = parse_session_id(response.data)
        with _SESSIONS_LOCK:
            _SESSIONS[key] = session
        return session

    def _forget_session(self, session: str) -> None:
        key = self._session_key()
        with _SESSIONS_LOCK:
            if _SESSIONS.get(key) == session:
                del _SESSIONS[key]
        self._session_values = None

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        committing: bool = False,
        path_session: bool = False,
    ) -> dict[str, Any]:
        """One operation on our session; an expired session is renewed once."""
        for attempt in (1, 2):
            session = self._session_id()
            try:
                if path_session:  # SessionGet: the ID is the route's parameter
                    return self._send(method, f"{path}/{quote(session, safe='')}").data
                if method == "GET":
                    query = {"SessionID": session, **(params or {})}
                    return self._send(method, path, params=query).data
                payload = {"SessionID": session, **(body or {})}
                return self._send(method, path, body=payload, committing=committing).data
            except SessionExpired as exc:
                self._forget_session(session)
                if attempt == 2:
                    raise AuthError(
                        "the help desk refused our session right after the login",
                        server=exc.params.get("server", ""),
                        reason="session_rejected",
                    ) from None
                log.info("otrs: session expired; logging in again")
        raise AssertionError("unreachable")

    def _values(self) -> dict[str, str]:
        """SessionGet's values for our session (who we are), cached."""
        if self._session_values is None:
            self._session_id()  # a failing login is the user's error, whatever the route
            try:
                self._session_values = parse_session_data(
                    self._call("GET", "/Session", path_session=True)
                )
            except ConfigError as exc:
                if not str(exc.params.get("route", "")).startswith("/Session/"):
                    raise
                # A web service without the SessionGet route (older set-ups): the login alone
                # proved who we are.
                log.info("otrs: no SessionGet route; identity from the login only")
                self._session_values = {}
        return self._session_values

    # -- Connector ------------------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        """What the GenericTicketConnectorREST gives a customer."""
        return Capabilities(
            creates_tickets=True,
            follow_ups=True,
            lists_tickets=True,
            company_scope=True,
            reports_ticket_number=True,
            finds_by_submission_key=True,
            reopens_on_follow_up=self.profile.reopen_on_follow_up,
        )

    def identify(self) -> Identity:
        """Log in (SessionCreate) and ask who we are (SessionGet)."""
        return identity_from_session(self._values(), self.profile.login)

    def _ticket_fields(self, submission: Submission) -> dict[str, Any]:
        title = " ".join(submission.subject.split()) or "(no subject)"
        if len(title) > TITLE_MAX:
            title = title[: TITLE_MAX - 1].rstrip() + "\u2026"
        ticket: dict[str, Any] = {
            "Title": title,
            "Queue": self.profile.queue,
            "State": "new",
            "Priority": self.profile.priority or DEFAULT_PRIORITY,
            "CustomerUser": self.profile.login,
        }
        if self.profile.ticket_type:
            ticket["Type"] = self.profile.ticket_type
        return ticket

    @staticmethod
    def _article(subject: str, body: str) -> dict[str, Any]:
        return {
            "CommunicationChannel": "Internal",
            "SenderType": "customer",
            "IsVisibleForCustomer": 1,
            "Subject": " ".join(subject.split()),
            "Body": body,
            "ContentType": "text/plain; charset=utf8",
        }

    @staticmethod
    def _attachments(
        submission: Submission,
        read_blob: Callable[[str], bytes],
        on_progress: ProgressCallback | None,
        cancel: Cancel | None,
    ) -> list[dict[str, str]]:
        total = submission.total_attachment_bytes
        done = 0
        items = []
        for attachment in submission.attachments:
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            data = read_blob(attachment.sha256)
            items.append(
                {
                    "Content": base64.b64encode(data).decode("ascii"),
                    "ContentType": attachment.mime or "application/octet-stream",
                    "Filename": attachment.name,
                }
            )
            done += len(data)
            if on_progress:
                on_progress(done, total)
        return items

    def create_ticket(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """TicketCreate: the ticket, its first article (ending with the submission key) and the
        attachments (base64)."""
        if on_stage:
            on_stage("connecting")
        self._session_id()
        body: dict[str, Any] = {
            "Ticket": self._ticket_fields(submission),
            "Article": self._article(
                submission.subject, with_marker(submission.body, submission.submission_key)
            ),
        }
        attachments = self._attachments(submission, read_blob, on_progress, cancel)
        if attachments:
            body["Attachment"] = attachments
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if on_stage:
            on_stage("committing")
        data = self._call("POST", "/Ticket", body=body, committing=True)
        return parse_create_result(data, self.profile.portal_url)

    def _search_number(self, number: str) -> list[str]:
        """The TicketIDs TicketSearch finds for ``number`` (digits: no SQL wildcards)."""
        return parse_search(self._call("GET", "/Ticket", params={"TicketNumber": number}))

    def _resolve_ticket_id(self, submission: Submission) -> str:
        if submission.ticket_id:
            return _id(submission.ticket_id, "ticket ID")
        number = submission.ticket_number.strip()
        if not number.isdigit():
            raise Unsupported("a follow-up needs the ticket's number or ID", reason="no_ticket")
        found = self._search_number(number)
        if not found:
            raise Rejected(f"ticket {number} was not found (or you may not see it)")
        return found[0]

    def find_ticket(self, number: str) -> Ticket | None:
        """TicketSearch by TicketNumber, then TicketGet of the header."""
        number = number.strip()
        if not number.isdigit():
            return None
        ids = self._search_number(number)
        found = [t for t in self._tickets(ids[:LIST_BATCH]) if t.number == number] if ids else []
        return found[0] if found else None

    def _is_closed(self, ticket_id: str) -> bool:
        tickets = parse_tickets(self._call("GET", f"/Ticket/{ticket_id}"))
        return bool(tickets) and tickets[0].state_type is StateType.CLOSED

    def add_article(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        reopen: bool = False,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """TicketUpdate with a customer article. A follow-up through the web service does not
        reopen a closed ticket by itself (unlike an e-mail), so with ``reopen`` (and the profile
        allowing it) a closed ticket gets ``State: open`` in the same call."""
        if on_stage:
            on_stage("connecting")
        ticket_id = self._resolve_ticket_id(submission)
        subject = strip_reply_prefixes(submission.subject)
        article = self._article(f"Re: {subject}" if subject else "Re:", submission.body)
        sender = self._values().get("UserMailString", "").strip()
        if sender:
            # A customer's TicketUpdate leaves From empty unless it is given (TicketCreate fills
            # it from the customer record); agents reply to From.
            article["From"] = sender
        body: dict[str, Any] = {"Article": article}
        if reopen and self.profile.reopen_on_follow_up and self._is_closed(ticket_id):
            body["Ticket"] = {"State": "open"}
        attachments = self._attachments(submission, read_blob, on_progress, cancel)
        if attachments:
            body["Attachment"] = attachments
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if on_stage:
            on_stage("committing")
        try:
            data = self._call("PATCH", f"/Ticket/{ticket_id}", body=body, committing=True)
        except Rejected as exc:
            if "From" not in article or "Article->From" not in str(exc):
                raise
            # The help desk's address check refuses the customer's own address (OTRS rejects
            # @example.* by default): it validates before writing, so send without From.
            del article["From"]
            data = self._call("PATCH", f"/Ticket/{ticket_id}", body=body, committing=True)
        result = parse_create_result(data, self.profile.portal_url)
        return replace(result, ticket_number=result.ticket_number or submission.ticket_number)

    def _customer_id(self) -> str:
        values = self._values()
        return values.get("UserCustomerID", "").strip() or values.get("CustomerID", "").strip()

    def list_tickets(self, scope: Scope, changed_since: datetime | None = None) -> list[Ticket]:
        """TicketSearch (CustomerUserLogin for mine, CustomerID for the company; the change time
        of the ticket's history for incremental reads), then TicketGet for the headers."""
        params: dict[str, str] = {}
        if scope is Scope.COMPANY:
            customer_id = self._customer_id()
            if customer_id:
                params["CustomerID"] = customer_id
            # Without a CustomerID, a customer's unfiltered search is what the help desk lets
            # the customer see, which is the company's tickets.
        else:
            params["CustomerUserLogin"] = self.profile.login
        if changed_since is not None:
            server_time = changed_since + self._skew - CHANGED_SINCE_OVERLAP
            params["TicketChangeTimeNewerDate"] = format_time(server_time)
        ids = parse_search(self._call("GET", "/Ticket", params=params))
        return self._tickets(ids)

    def _tickets(self, ids: list[str], **extra: str) -> list[Ticket]:
        tickets: list[Ticket] = []
        for start in range(0, len(ids), LIST_BATCH):
            batch = ids[start : start + LIST_BATCH]
            data = self._call("GET", "/TicketList", params={"TicketID": ",".join(batch), **extra})
            tickets.extend(parse_tickets(data, self.profile.portal_url))
        return tickets

    def get_thread(self, ticket_id: str) -> Thread:
        """TicketGet with every article the customer may see and the attachments' index (no
        content: ``GetAttachmentContents=0``)."""
        data = self._call(
            "GET",
            f"/Ticket/{_id(ticket_id, 'ticket ID')}",
            params={"AllArticles": "1", "Attachments": "1", "GetAttachmentContents": "0"},
        )
        return parse_thread(data, self.profile.portal_url)

    def get_attachment(self, ticket_id: str, article_id: str, attachment_id: str) -> bytes:
        """TicketGet with the attachments' contents; the one asked for."""
        data = self._call(
            "GET",
            f"/Ticket/{_id(ticket_id, 'ticket ID')}",
            params={"AllArticles": "1", "Attachments": "1"},
        )
        return parse_attachment_content(data, _id(article_id, "article ID"), attachment_id)

    def find_by_submission_key(self, submission_key: str) -> CreateResult | None:
        """The ticket whose first customer article ends with ``submission_key``, among the user's
        newest tickets (see the module's docstring for why not TicketSearch on the body)."""
        key = submission_key.strip().lower()
        ids = parse_search(
            self._call(
                "GET",
                "/Ticket",
                params={
                    "CustomerUserLogin": self.profile.login,
                    "SortBy": "Age",
                    "OrderBy": "Down",
                    "Limit": str(RECONCILE_TICKETS),
                },
            )
        )
        for start in range(0, len(ids), 10):
            data = self._call(
                "GET",
                "/TicketList",
                params={
                    "TicketID": ",".join(ids[start : start + 10]),
                    "AllArticles": "1",
                    "ArticleSenderType": "customer",
                    "ArticleLimit": "1",
                },
            )
            for entry in _ticket_entries(data):
                ticket = parse_ticket(entry, self.profile.portal_url)
                for raw in _list_of(_obj(entry, "ticket").get("Article")):
                    article = parse_article(raw, ticket.id)
                    if article is not None and find_marker(article.body) == key:
                        return CreateResult(
                            ticket_number=ticket.number,
                            ticket_id=ticket.id,
                            article_id=article.id,
                            url=ticket.url,
                        )
        return None


def _date_header(value: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.tzinfo is None:
        return None
    return parsed.astimezone(UTC)


def forget_sessions() -> None:
    """Drop every cached help-desk session (tests; a changed password does this by itself)."""
    with _SESSIONS_LOCK:
        _SESSIONS.clear()
