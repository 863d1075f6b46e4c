"""Request Tracker 5 over its REST 2.0 API (``<RT>/REST/2.0``), as a customer sees it.

Verified against RT 5.0.3 from Debian 12 (``tests/servers/rt.py`` runs one for the tests).

Logging in: the profile's stored secret is either the user's password (HTTP Basic, with the
profile's login) or an RT auth token (``Authorization: token ...``), which RT shows once when the
user makes one under *Settings > Auth Tokens*. A token is recognised by RT's own format,
``<version>-<user id>-<32 hex digits>``, so the user pastes either into the password field.
RT 5.0.3 reads a Basic password as Latin-1 (it decodes the header's bytes and encodes them to UTF-8
again), so Basic credentials go out as Latin-1 where they can, with UTF-8 as the second try;
a password with characters beyond Latin-1 cannot log in that way at all: the error says to use
a token.

What RT does, and what follows here:

* A ticket made over REST has no requestor unless one is given, and then its customer may not
  see it (403): ``Requestor`` is always sent, the user's own address.
* The submission key travels as a link, ``RefersTo: urn:uuid:<key>``: RT keeps links to any URI,
  a customer may set them on the tickets they create, and TicketSQL finds them
  (``RefersTo = 'urn:uuid:...'``) without custom fields (admin set-up) and without full-text
  search (off in a stock RT, so text in the description could not be searched for).
* TicketSQL reads dates in the user's (or the server's) time zone, whatever suffix they carry:
  ``changed_since`` asks for a generous window and the exact cut is made here, on the UTC times
  the API returns.
* Collections answer ``"total": null``: pages are read until one comes back short.
* Comments, and the e-mail records of RT's own notifications, are not for the customer: only
  ``Create`` and ``Correspond`` transactions become articles.
* A reply to a resolved ticket reopens it (RT's stock scrip "On Correspond Open Inactive
  Tickets"); with ``reopen`` we check, and ask for ``Status: open`` when a site removed the scrip.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

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
    OutcomeUnknown,
    ProtocolError,
    Rejected,
    Unsupported,
    UserFacingError,
)
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

TOKEN_RE = re.compile(r"^\d+-\d+-[0-9a-fA-F]{32}$")
API_PATH = "/REST/2.0"
PER_PAGE = 100
MAX_PAGES = 100  # 10,000 items: far more than a customer's tickets or one ticket's history
CHUNK = 64 * 1024
DEFAULT_QUEUE = "General"
SUBMISSION_URN = "urn:uuid:"
SYSTEM_USERS = frozenset({"RT_System", "Nobody"})
ARTICLE_TYPES = frozenset({"Create", "Correspond"})
# Enough to cover any time zone RT may read a TicketSQL date in (UTC-12 to UTC+14), and DST.
TIMEZONE_SLACK = timedelta(hours=27)
UNSET_DATE = "1970-01-01T00:00:00Z"  # RT's "never"

# RT's stock lifecycle; a site's own statuses are UNKNOWN (shown by name, never guessed at).
STATE_TYPES = {
    "new": StateType.NEW,
    "open": StateType.OPEN,
    "stalled": StateType.PENDING,
    "resolved": StateType.CLOSED,
    "rejected": StateType.CLOSED,
    "deleted": StateType.REMOVED,
}


# -- parsing: every response is untrusted ------------------------------------------------------


def is_token(secret: str | None) -> bool:
    """True when ``secret`` has the shape of an RT auth token (``1-27-<32 hex>``)."""
    return bool(secret) and bool(TOKEN_RE.match((secret or "").strip()))


def api_base(url: str) -> str:
    """The REST 2.0 base from what the user typed: RT's root, its self-service page or the API
    base itself, with or without a trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    marker = path.find(API_PATH)
    if marker >= 0:
        path = path[:marker]
    for suffix in ("/SelfService", "/index.html", "/NoAuth/Login.html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path + API_PATH, "", ""))


def web_root(base: str) -> str:
    """RT's web root for a REST 2.0 base."""
    return base[: -len(API_PATH)] if base.endswith(API_PATH) else base


def state_type(status: str) -> StateType:
    """The kind of an RT status."""
    return STATE_TYPES.get(status.strip().lower(), StateType.UNKNOWN)


def parse_body(response: requests.Response) -> Any:
    """The JSON of a response; ProtocolError for anything else."""
    try:
        return json.loads(response.content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        content_type = response.headers.get("Content-Type", "")
        raise ProtocolError(
            f"the server answered {response.status_code} with {content_type or 'no type'}, "
            "not JSON",
            status=response.status_code,
            detail=_snippet(response.text),
        ) from None


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError(f"{what}: expected an object, got {type(value).__name__}")
    return value


def _text(value: Any) -> str:
    """A scalar as text; "" for null or anything structured."""
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return str(int(value))
    return str(value)


def _ref_id(value: Any) -> str:
    """The id of a reference ``{"id": ..., "type": ..., "_url": ...}``, or of a bare id."""
    if isinstance(value, dict):
        return _text(value.get("id"))
    return _text(value)


def _int(value: Any) -> int:
    text = _text(value).strip()
    try:
        return max(int(text), 0)
    except ValueError:
        return 0


def parse_date(value: Any) -> datetime | None:
    """An RT date (``2026-11-25T17:06:46Z``, always UTC) or None (unset, malformed)."""
    text = _text(value).strip()
    if not text or text == UNSET_DATE:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_items(data: Any, what: str) -> list[dict[str, Any]]:
    """The items of a collection (``{"items": [...], "count": n, "total": null, ...}``)."""
    items = _obj(data, what).get("items")
    if not isinstance(items, list):
        raise ProtocolError(f"{what}: no list of items")
    return [_obj(item, what) for item in items]


def parse_created_id(data: Any, what: str = "created ticket") -> str:
    """The id of a record the server just made (``{"id": "1", "type": "ticket", ...}``)."""
    ident = _text(_obj(data, what).get("id")).strip()
    if not ident.isdigit():
        raise ProtocolError(f"{what}: no id in the answer")
    return ident


def location_id(location: str) -> str:
    """The id at the end of a ``Location`` header (``/rt/REST/2.0/transaction/36`` -> 36)."""
    tail = location.rstrip("/").rpartition("/")[2]
    return tail if tail.isdigit() else ""


def parse_identity(data: Any) -> Identity:
    """ "Carol Customer (carol@example.test)" from a user record."""
    user = _obj(data, "user")
    name = _text(user.get("Name")).strip()
    real = _text(user.get("RealName")).strip()
    email = _text(user.get("EmailAddress")).strip()
    if not name:
        raise ProtocolError("user: no Name in the answer")
    label = real or name
    display = f"{label} ({email})" if email else label
    return Identity(display=display, login=name, detail=email)


def parse_ticket(data: Any, root: str = "", *, privileged: bool = False) -> Ticket:
    """A ticket record (or a search result with ``fields=``) as a :class:`Ticket`."""
    record = _obj(data, "ticket")
    ident = _text(record.get("id")).strip()
    if not ident.isdigit():
        raise ProtocolError("ticket: no numeric id")
    status = _text(record.get("Status"))
    queue = record.get("Queue")
    queue_name = _text(queue.get("Name")) if isinstance(queue, dict) else ""
    requestors = record.get("Requestor")
    customer = ""
    if isinstance(requestors, list) and requestors:
        customer = _ref_id(requestors[0])
    return Ticket(
        id=ident,
        number=ident,
        title=_text(record.get("Subject")),
        state=status,
        state_type=state_type(status),
        queue=queue_name or _ref_id(queue),
        priority=_text(record.get("Priority")),
        customer_user=customer,
        created_at=parse_date(record.get("Created")),
        changed_at=parse_date(record.get("LastUpdated")),
        url=ticket_url(root, ident, privileged=privileged) if root else "",
    )


def ticket_url(root: str, ticket_id: str, *, privileged: bool) -> str:
    """The ticket's page: the self-service one for customers, the full one for staff."""
    page = "Ticket/Display.html" if privileged else "SelfService/Display.html"
    return f"{root}/{page}?id={ticket_id}"


def requestor_names(ticket_data: Any) -> set[str]:
    """The user names of a ticket's requestors."""
    requestors = _obj(ticket_data, "ticket").get("Requestor")
    if not isinstance(requestors, list):
        return set()
    return {_ref_id(r) for r in requestors if _ref_id(r)}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")


def html_to_text(html: str) -> str:
    """Readable text of an HTML body (RT's web UI writes HTML when rich text is on)."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()


def build_thread(
    ticket_data: Any,
    history: Iterable[dict[str, Any]],
    attachments: Iterable[dict[str, Any]],
    bodies: dict[str, str],
    *,
    root: str = "",
    privileged: bool = False,
) -> Thread:
    """The thread from a ticket record, its history (``fields=Type,Creator,Created``), its
    attachments (``fields=Filename,ContentType,ContentLength,TransactionId,Subject``) and the
    text of body parts by attachment id. Only ``Create`` and ``Correspond`` become articles."""
    ticket = parse_ticket(ticket_data, root, privileged=privileged)
    customers = requestor_names(ticket_data)
    parts: dict[str, list[dict[str, Any]]] = {}
    for part in attachments:
        parts.setdefault(_ref_id(part.get("TransactionId")), []).append(part)
    articles: list[Article] = []
    for txn in history:
        if _text(txn.get("Type")) not in ARTICLE_TYPES:
            continue
        txn_id = _text(txn.get("id")).strip()
        if not txn_id.isdigit():
            raise ProtocolError("history: a transaction without a numeric id")
        creator = _ref_id(txn.get("Creator"))
        if creator in SYSTEM_USERS:
            sender = Sender.SYSTEM
        elif creator in customers:
            sender = Sender.CUSTOMER
        else:
            sender = Sender.AGENT
        own = sorted(parts.get(txn_id, []), key=lambda p: _int(p.get("id")))
        body = _body_of(own, bodies)
        subject = next((_text(p.get("Subject")) for p in own if _text(p.get("Subject"))), "")
        files = tuple(
            RemoteAttachment(
                id=_text(p.get("id")),
                filename=_text(p.get("Filename")),
                content_type=_text(p.get("ContentType")) or "application/octet-stream",
                size=_int(p.get("ContentLength")),
            )
            for p in own
            if _text(p.get("Filename")) and _text(p.get("id")).isdigit()
        )
        articles.append(
            Article(
                id=txn_id,
                ticket_id=ticket.id,
                sender=sender,
                subject=subject or ticket.title,
                body=body,
                created_at=parse_date(txn.get("Created")),
                from_=creator,
                attachments=files,
            )
        )
    articles.sort(key=lambda a: int(a.id))
    return Thread(ticket=ticket, articles=tuple(articles))


def body_part_ids(attachments: Iterable[dict[str, Any]]) -> list[str]:
    """The attachments that carry a transaction's text: unnamed text/plain or text/html parts."""
    return [
        _text(p.get("id"))
        for p in attachments
        if not _text(p.get("Filename"))
        and _text(p.get("ContentType")).lower() in ("text/plain", "text/html")
        and _text(p.get("id")).isdigit()
    ]


def _body_of(parts: list[dict[str, Any]], bodies: dict[str, str]) -> str:
    for wanted in ("text/plain", "text/html"):
        for part in parts:
            ident = _text(part.get("id"))
            if (
                not _text(part.get("Filename"))
                and _text(part.get("ContentType")).lower() == wanted
                and ident in bodies
            ):
                text = bodies[ident]
                return html_to_text(text) if wanted == "text/html" else text
    return ""


def decode_attachment(data: Any, article_id: str = "") -> bytes:
    """The bytes of ``GET /attachment/:id`` (``Content`` is base64, wrapped at 76 columns)."""
    record = _obj(data, "attachment")
    if article_id and _ref_id(record.get("TransactionId")) != article_id:
        raise Rejected(f"that attachment does not belong to message {article_id}", code=404)
    content = record.get("Content")
    if content is None:
        return b""
    if not isinstance(content, str):
        raise ProtocolError("attachment: Content is not text")
    try:
        return base64.b64decode(content.encode("ascii"), validate=False)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ProtocolError("attachment: Content is not base64") from None


def server_message(response: requests.Response) -> str:
    """RT's own words from an error answer (``{"message": "..."}``), else a short snippet."""
    try:
        data = json.loads(response.content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _snippet(response.text)
    if isinstance(data, dict):
        return _text(data.get("message")) or _snippet(response.text)
    if isinstance(data, list):
        return "; ".join(_text(x) for x in data if _text(x))
    return _text(data)


def _snippet(text: str) -> str:
    if "<html" in text[:500].lower() or "<!doctype" in text[:500].lower():
        title = re.search(r"<title>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        return " ".join(title.group(1).split())[:200] if title else "an HTML page"
    return " ".join(text.split())[:200]


def ticketsql_string(value: str) -> str:
    """``value`` as a quoted TicketSQL string."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def ticketsql_date(moment: datetime) -> str:
    """A TicketSQL date literal (RT reads it in the user's time zone; see TIMEZONE_SLACK)."""
    return ticketsql_string(moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))


# -- the request body, streamed with progress and cancel ---------------------------------------


class _Upload:
    """A request body that reports progress and stops at a cancel between chunks."""

    def __init__(
        self, data: bytes, on_progress: ProgressCallback | None, cancel: Cancel | None
    ) -> None:
        self._data = data
        self._pos = 0
        self._on_progress = on_progress
        self._cancel = cancel

    def __len__(self) -> int:
        return len(self._data)

    def read(self, size: int = -1) -> bytes:
        if self._cancel is not None and self._cancel.is_set():
            # The body is cut short: RT never sees a complete request, so nothing is created.
            raise Cancelled()
        size = CHUNK if size is None or size < 0 else min(size, CHUNK)
        chunk = self._data[self._pos : self._pos + size]
        self._pos += len(chunk)
        if chunk and self._on_progress is not None:
            self._on_progress(self._pos, len(self._data))
        return chunk


# -- the connector -----------------------------------------------------------------------------


class RtConnector:
    """A customer's view of Request Tracker 5 through REST 2.0."""

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
        self.timeout = timeout
        self.default_max_bytes = default_max_bytes
        self.base = api_base(profile.url)
        self.root = web_root(self.base)
        self._secret = (password or "").strip() if is_token(password) else (password or "")
        self._token = is_token(password)
        self._basic_encodings = _basic_encodings(profile.login, self._secret)
        self._me: dict[str, Any] | None = None
        # The profile's CA file adds trust (it does not replace the system's CAs); no proxy or
        # .netrc credentials from the environment.
        self._session = make_session(profile.ca_file, trust_env=False)

    def __repr__(self) -> str:  # never the secret, even in a traceback
        return f"RtConnector(profile={self.profile.name!r}, url={self.base!r})"

    # -- HTTP ----------------------------------------------------------------------------------

    def _auth_headers(self) -> dict[str, str]:
        if not self._secret:
            raise AuthError("no password or token is stored for this profile", reason="no_password")
        if self._token:
            return {"Authorization": f"token {self._secret}"}
        if not self.profile.login:
            raise ConfigError("the profile has no login name", field="login", reason="no_login")
        encoding = self._basic_encodings[0]
        pair = f"{self.profile.login}:{self._secret}".encode(encoding)
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: Any = None,
        committing: bool = False,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
        what: str = "",
        expect: tuple[int, ...] = (200,),
    ) -> requests.Response:
        """One call; every failure as a typed error. ``committing``: the call changes things on
        the server, so a failure after the request went out has an unknown outcome."""
        url = self.base + path
        headers = self._auth_headers()
        data: _Upload | None = None
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
            payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
            data = _Upload(payload, on_progress, cancel)
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                timeout=(min(self.timeout, 15.0), self.timeout),
                allow_redirects=False,
            )
        except Cancelled:
            raise
        except requests.exceptions.RequestException as exc:
            raise map_transport_error(exc, committed=committing) from None
        if response.status_code == 401 and len(self._basic_encodings) > 1 and not self._token:
            # RT 5.0.3 reads Basic credentials as Latin-1; a fixed RT would read UTF-8.
            self._basic_encodings = self._basic_encodings[1:]
            return self._request(
                method,
                path,
                params=params,
                body=body,
                committing=committing,
                on_progress=on_progress,
                cancel=cancel,
                what=what,
                expect=expect,
            )
        if response.status_code not in expect:
            raise self._status_error(response, what=what or path, committing=committing)
        return response

    def _status_error(
        self, response: requests.Response, *, what: str, committing: bool
    ) -> UserFacingError:
        code = response.status_code
        message = server_message(response)
        if code == 401:
            if self._token:
                return AuthError(
                    "RT refused the auth token (wrong, revoked, or its user is disabled)",
                    reason="token",
                    server=message,
                )
            if self._secret and not _latin1(self._secret):
                return AuthError(
                    "RT refused the password; RT cannot check passwords with characters beyond "
                    "Latin-1 over its API: use an auth token instead",
                    reason="password_charset",
                    server=message,
                )
            return AuthError("RT refused the login name or password", server=message)
        if code == 403:
            return Rejected(f"RT refused access to {what}: {message}", code=code, server=message)
        if code == 404:
            return Rejected(f"RT has no {what} ({message})", code=code, server=message)
        if 300 <= code < 400:
            return ConfigError(
                f"{self.base} redirects to {response.headers.get('Location', '?')}: "
                "is this the right address (http or https)?",
                reason="wrong_url",
                url=self.base,
                detail=response.headers.get("Location", ""),
            )
        if code >= 500:
            if committing:
                return OutcomeUnknown(
                    f"RT failed with {code} while taking the ticket ({message}); it may or may "
                    "not have it",
                    code=code,
                    server=message,
                )
            return NotReachable(
                f"RT answered with a server error {code}: {message}",
                reason="server_error",
                code=code,
                server=message,
            )
        return Rejected(f"RT refused the request ({code}): {message}", code=code, server=message)

    def _get(self, path: str, what: str, **params: str) -> Any:
        return parse_body(self._request("GET", path, params=params or None, what=what))

    def _collection(
        self, method: str, path: str, what: str, body: Any = None, **params: str
    ) -> Iterator[dict[str, Any]]:
        """Every item of a collection, page by page (``total`` is null: read until short)."""
        for page in range(1, MAX_PAGES + 1):
            query = {**params, "per_page": str(PER_PAGE), "page": str(page)}
            response = self._request(method, path, params=query, body=body, what=what)
            items = parse_items(parse_body(response), what)
            yield from items
            if len(items) < PER_PAGE:
                return
        log.warning("rt: %s has more than %d pages; the rest is left out", what, MAX_PAGES)

    # -- who we are ------------------------------------------------------------------------------

    def _user_path(self) -> str:
        if self._token:
            # The token names its user (1-<user id>-<hex>): whoever the login says.
            return "/user/" + self._secret.split("-")[1]
        return "/user/" + quote(self.profile.login, safe="")

    def _whoami(self) -> dict[str, Any]:
        if self._me is None:
            try:
                response = self._request("GET", self._user_path(), what="user")
            except Rejected as exc:
                if exc.params.get("code") == 404:
                    self._check_api()  # a wrong URL says so, rather than "no user"
                raise
            data = parse_body(response)
            parse_identity(data)  # validates
            self._me = _obj(data, "user")
        return self._me

    def _check_api(self) -> str:
        """RT's version from ``/rt``; ConfigError(wrong_url) when this is not RT's REST 2.0."""
        try:
            response = self._request("GET", "/rt", what="REST 2.0 API")
        except Rejected as exc:
            if exc.params.get("code") == 404:
                raise ConfigError(
                    f"no Request Tracker REST 2.0 API at {self.base}",
                    reason="wrong_url",
                    url=self.base,
                    detail=str(exc.params.get("server", "")),
                ) from None
            raise
        try:
            data = parse_body(response)
        except ProtocolError as exc:
            raise ConfigError(
                f"no Request Tracker REST 2.0 API at {self.base} (it answers with a web page)",
                reason="wrong_url",
                url=self.base,
                detail=str(exc.params.get("detail", "")),
            ) from None
        version = _text(data.get("Version")) if isinstance(data, dict) else ""
        if not version:
            raise ConfigError(
                f"no Request Tracker REST 2.0 API at {self.base}",
                reason="wrong_url",
                url=self.base,
            )
        return version

    @property
    def _privileged(self) -> bool:
        return bool(self._me) and _int((self._me or {}).get("Privileged")) == 1

    def _requestor(self) -> str:
        me = self._whoami()
        return _text(me.get("EmailAddress")).strip() or _text(me.get("Name"))

    # -- Connector -------------------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        """What RT's REST 2.0 gives a customer (no server call needed)."""
        return Capabilities(
            creates_tickets=True,
            follow_ups=True,
            lists_tickets=True,
            company_scope=False,  # a stock RT has no customer organisations
            reports_ticket_number=True,
            finds_by_submission_key=True,
            reopens_on_follow_up=True,
        )

    def identify(self) -> Identity:
        """ "Carol Customer (carol@example.test)", after checking this is RT's REST 2.0."""
        version = self._check_api()
        identity = parse_identity(self._whoami())
        return Identity(
            display=identity.display,
            detail=f"Request Tracker {version}",
            login=identity.login,
        )

    def create_ticket(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """``POST /ticket``: the queue, the user as requestor, the description and attachments,
        and the submission key as a ``RefersTo`` link."""
        if on_stage:
            on_stage("connecting")
        requestor = self._requestor()
        body: dict[str, Any] = {
            "Queue": self.profile.queue or DEFAULT_QUEUE,
            "Subject": " ".join(submission.subject.split()),
            "Requestor": requestor,
            "Content": submission.body,
            "ContentType": "text/plain",
            "RefersTo": SUBMISSION_URN + submission.submission_key,
        }
        if self.profile.priority.strip().isdigit():
            body["Priority"] = int(self.profile.priority.strip())
        attachments = _attachments(submission, read_blob, cancel)
        if attachments:
            body["Attachments"] = attachments
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if on_stage:
            on_stage("committing")
        response = self._request(
            "POST",
            "/ticket",
            body=body,
            committing=True,
            on_progress=on_progress,
            cancel=cancel,
            what="the queue",
            expect=(201,),
        )
        ticket_id = parse_created_id(parse_body(response))
        return CreateResult(
            ticket_number=ticket_id,
            ticket_id=ticket_id,
            url=ticket_url(self.root, ticket_id, privileged=self._privileged),
        )

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
        """``POST /ticket/:id/correspond``; RT reopens a resolved ticket on a reply by itself."""
        ticket_id = _ticket_id(submission.ticket_id or submission.ticket_number)
        if on_stage:
            on_stage("connecting")
        body: dict[str, Any] = {"Content": submission.body, "ContentType": "text/plain"}
        attachments = _attachments(submission, read_blob, cancel)
        if attachments:
            body["Attachments"] = attachments
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if on_stage:
            on_stage("committing")
        response = self._request(
            "POST",
            f"/ticket/{ticket_id}/correspond",
            body=body,
            committing=True,
            on_progress=on_progress,
            cancel=cancel,
            what=f"ticket {ticket_id}",
            expect=(201,),
        )
        article_id = location_id(response.headers.get("Location", ""))
        if reopen:
            self._reopen_if_closed(ticket_id)
        return CreateResult(
            ticket_number=ticket_id,
            ticket_id=ticket_id,
            article_id=article_id,
            url=ticket_url(self.root, ticket_id, privileged=self._privileged),
        )

    def _reopen_if_closed(self, ticket_id: str) -> None:
        """For a site without the stock reopen scrip; the reply is in, so this never fails."""
        try:
            status = _text(_obj(self._get(f"/ticket/{ticket_id}", "ticket"), "ticket")["Status"])
            if state_type(status).is_closed:
                self._request(
                    "PUT",
                    f"/ticket/{ticket_id}",
                    body={"Status": "open"},
                    what=f"ticket {ticket_id}",
                )
        except (UserFacingError, KeyError) as exc:
            log.info("rt: ticket %s not reopened: %s", ticket_id, exc)

    def list_tickets(self, scope: Scope, changed_since: datetime | None = None) -> list[Ticket]:
        """The user's tickets by TicketSQL on the requestor, newest first."""
        if scope is not Scope.MINE:
            raise Unsupported(
                "Request Tracker has no company-wide ticket list for customers", reason="no_company"
            )
        me = self._whoami()
        email = _text(me.get("EmailAddress")).strip()
        query = (
            f"Requestor.EmailAddress = {ticketsql_string(email)}"
            if email
            else f"Requestor.Name = {ticketsql_string(_text(me.get('Name')))}"
        )
        cut: datetime | None = None
        if changed_since is not None:
            # RT's LastUpdated has whole seconds: keep the second the last sync happened in.
            cut = changed_since.astimezone(UTC).replace(microsecond=0)
            query += f" AND LastUpdated > {ticketsql_date(cut - TIMEZONE_SLACK)}"
        tickets = [
            parse_ticket(item, self.root, privileged=self._privileged)
            for item in self._collection(
                "GET",
                "/tickets",
                "ticket search",
                query=query,
                fields="Subject,Status,Queue,Priority,Created,LastUpdated,Requestor",
                **{"fields[Queue]": "Name"},
                orderby="id",
                order="DESC",
            )
        ]
        if cut is not None:
            tickets = [t for t in tickets if t.changed_at is None or t.changed_at >= cut]
        return tickets

    def find_ticket(self, number: str) -> Ticket | None:
        """``GET /ticket/:id`` (the number users quote is RT's id); None when RT has no such
        ticket or does not show it to the user."""
        ident = number.strip().lstrip("#")
        if not ident.isdigit():
            return None
        self._whoami()  # the ticket's page differs for staff
        try:
            data = self._get(f"/ticket/{ident}", f"ticket {ident}")
        except Rejected as exc:
            if exc.params.get("code") in (403, 404):
                return None
            raise
        return parse_ticket(data, self.root, privileged=self._privileged)

    def get_thread(self, ticket_id: str) -> Thread:
        """The ticket, its customer-visible history and each article's text; no file bytes."""
        ticket_id = _ticket_id(ticket_id)
        me = self._whoami()
        ticket = self._get(f"/ticket/{ticket_id}", f"ticket {ticket_id}")
        history = list(
            self._collection(
                "GET",
                f"/ticket/{ticket_id}/history",
                "ticket history",
                fields="Type,Creator,Created",
            )
        )
        wanted = {_text(t.get("id")) for t in history if _text(t.get("Type")) in ARTICLE_TYPES}
        parts = [
            p
            for p in self._collection(
                "GET",
                f"/ticket/{ticket_id}/attachments",
                "ticket attachments",
                fields="Filename,ContentType,ContentLength,TransactionId,Subject",
            )
            if _ref_id(p.get("TransactionId")) in wanted
        ]
        bodies = self._bodies(body_part_ids(parts))
        return build_thread(
            ticket,
            history,
            parts,
            bodies,
            root=self.root,
            privileged=_int(me.get("Privileged")) == 1,
        )

    def _bodies(self, ids: list[str]) -> dict[str, str]:
        """The text of body parts, in one search (a collection's ``Content`` is decoded text)."""
        if not ids:
            return {}
        found: dict[str, str] = {}
        for start in range(0, len(ids), PER_PAGE):
            batch = [int(i) for i in ids[start : start + PER_PAGE]]
            for item in self._collection(
                "POST",
                "/attachments",
                "message texts",
                body=[{"field": "id", "operator": "IN", "value": batch}],
                fields="Content",
            ):
                content = item.get("Content")
                if isinstance(content, str):
                    found[_text(item.get("id"))] = content
        return found

    def get_attachment(self, ticket_id: str, article_id: str, attachment_id: str) -> bytes:
        """``GET /attachment/:id`` (base64 in ``Content``), checked against its message."""
        attachment_id = _ticket_id(attachment_id, "attachment")
        data = self._get(f"/attachment/{attachment_id}", f"attachment {attachment_id}")
        return decode_attachment(data, article_id)

    def find_by_submission_key(self, submission_key: str) -> CreateResult | None:
        """The ticket whose ``RefersTo`` link is ``urn:uuid:<key>``, if the user can see one."""
        try:
            key = str(uuid.UUID(submission_key))
        except ValueError:
            return None
        query = f"RefersTo = {ticketsql_string(SUBMISSION_URN + key)}"
        items = list(
            self._collection("GET", "/tickets", "ticket search", query=query, orderby="id")
        )
        if not items:
            return None
        ticket_id = _text(items[0].get("id"))
        if not ticket_id.isdigit():
            raise ProtocolError("ticket search: a ticket without a numeric id")
        self._whoami()
        return CreateResult(
            ticket_number=ticket_id,
            ticket_id=ticket_id,
            url=ticket_url(self.root, ticket_id, privileged=self._privileged),
        )


def _ticket_id(value: str, what: str = "ticket") -> str:
    ident = str(value).strip().lstrip("#")
    if not ident.isdigit():
        raise Rejected(f"{value!r} is not a Request Tracker {what} number")
    return ident


def _attachments(
    submission: Submission, read_blob: Callable[[str], bytes], cancel: Cancel | None
) -> list[dict[str, str]]:
    items = []
    for attachment in submission.attachments:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        items.append(
            {
                "FileName": attachment.name,
                "FileType": attachment.mime or "application/octet-stream",
                "FileContent": base64.b64encode(read_blob(attachment.sha256)).decode("ascii"),
            }
        )
    return items


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _basic_encodings(login: str, secret: str) -> list[str]:
    """How to encode Basic credentials, best first (see the module docstring)."""
    pair = f"{login}:{secret}"
    if pair.isascii():
        return ["ascii"]
    return ["latin-1", "utf-8"] if _latin1(pair) else ["utf-8"]
