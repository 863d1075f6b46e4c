"""IMAP's wire format, without a socket: responses as imaplib hands them over (bytes and
``(bytes, literal)`` tuples), BODYSTRUCTURE, modified UTF-7 mailbox names, and the parts of a mail
turned into a :class:`~app.core.mailthreads.MailItem`.

Everything a server sends is untrusted: parsers raise :class:`ProtocolError` (never anything
else) on what they cannot read, and the mail decoders never raise at all.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import quopri
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote_to_bytes

from app.core.errors import ProtocolError
from app.core.mailthreads import RELEVANT_HEADERS, MailItem, message_ids
from app.core.tickets import RemoteAttachment

MAX_BODY_BYTES = 1024 * 1024  # the text shown for one mail; the rest stays on the server


# -- modified UTF-7 (RFC 3501 section 5.1.3) ----------------------------------------------------


def encode_mailbox(name: str) -> str:
    """A mailbox name as IMAP spells it: ``Gelöscht`` -> ``Gel&APY-scht``."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            raw = "".join(pending).encode("utf-16-be")
            out.append(
                "&" + base64.b64encode(raw).decode("ascii").rstrip("=").replace("/", ",") + "-"
            )
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def decode_mailbox(name: str) -> str:
    """Inverse of :func:`encode_mailbox`; a malformed name is returned as it is."""

    def one(match: re.Match[str]) -> str:
        chunk = match.group(1)
        if not chunk:
            return "&"
        data = chunk.replace(",", "/")
        data += "=" * (-len(data) % 4)
        return base64.b64decode(data).decode("utf-16-be")

    try:
        return re.sub(r"&([A-Za-z0-9+,]*)-", one, name)
    except (ValueError, UnicodeDecodeError):
        return name


# -- tokens and values --------------------------------------------------------------------------


class Atom(bytes):
    """An unquoted word (``UID``, ``BODY[1.2]``, ``NIL``, ``\\Seen``)."""


class String(bytes):
    """A quoted string or a literal."""


_OPEN, _CLOSE = object(), object()
Token = Atom | String | object
_SPECIAL = b" ()\r\n"
_LITERAL_AT_END = re.compile(rb"~?\{\d+\+?\}\s*$")


def _lex(text: bytes) -> Iterator[Token]:
    i, end = 0, len(text)
    literal = _LITERAL_AT_END.search(text)
    if literal:  # the literal's bytes follow as the next element: the marker is not a token
        end = literal.start()
    while i < end:
        char = text[i : i + 1]
        if char in (b" ", b"\r", b"\n", b"\t"):
            i += 1
        elif char == b"(":
            yield _OPEN
            i += 1
        elif char == b")":
            yield _CLOSE
            i += 1
        elif char == b'"':
            i += 1
            buf = bytearray()
            while True:
                if i >= end:
                    raise ProtocolError("the server sent an unterminated string")
                c = text[i]
                if c == 0x5C and i + 1 < end:  # backslash escape
                    buf.append(text[i + 1])
                    i += 2
                elif c == 0x22:
                    i += 1
                    break
                else:
                    buf.append(c)
                    i += 1
            yield String(bytes(buf))
        else:
            start = i
            depth = 0
            while i < end:
                here = text[i : i + 1]
                if here == b"[":
                    depth += 1
                elif here == b"]":
                    depth = max(depth - 1, 0)
                elif depth == 0 and here in (b" ", b"(", b")", b"\r", b"\n"):
                    break
                i += 1
            yield Atom(text[start:i])


def tokens(data: Sequence[Any]) -> list[Token]:
    """The tokens of a response as imaplib returns it (bytes, ``(head, literal)`` tuples)."""
    out: list[Token] = []
    for item in data:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], bytes):
            if not _LITERAL_AT_END.search(item[0]):
                raise ProtocolError("a literal without its announcement")
            out.extend(_lex(item[0]))
            out.append(String(item[1] if isinstance(item[1], bytes) else b""))
        elif isinstance(item, bytes):
            out.extend(_lex(item))
        elif item is None:
            continue
        else:
            raise ProtocolError(f"unexpected response element {type(item).__name__}")
    return out


Value = Any  # bytes (Atom/String), None (NIL) or a list of values


def _value(toks: list[Token], i: int, depth: int = 0) -> tuple[Value, int]:
    if depth > 64:
        raise ProtocolError("the server's answer is nested too deeply")
    if i >= len(toks):
        raise ProtocolError("the server's answer ended early")
    tok = toks[i]
    if tok is _OPEN:
        items: list[Value] = []
        i += 1
        while True:
            if i >= len(toks):
                raise ProtocolError("the server's answer has an unclosed list")
            if toks[i] is _CLOSE:
                return items, i + 1
            value, i = _value(toks, i, depth + 1)
            items.append(value)
    if tok is _CLOSE:
        raise ProtocolError("the server's answer closes a list it never opened")
    if isinstance(tok, Atom) and tok.upper() == b"NIL":
        return None, i + 1
    return tok, i + 1


def values(data: Sequence[Any]) -> list[Value]:
    """Every top-level value of a response."""
    toks = tokens(data)
    out, i = [], 0
    while i < len(toks):
        value, i = _value(toks, i)
        out.append(value)
    return out


def parse_fetch(data: Sequence[Any]) -> dict[int, dict[str, Value]]:
    """``UID FETCH`` answers by UID: ``{uid: {"BODYSTRUCTURE": [...], "BODY[HEADER]": b"..."}}``.

    Responses without a UID (unsolicited flag updates) are ignored.
    """
    result: dict[int, dict[str, Value]] = {}
    items = values(data)
    if len(items) % 2:
        raise ProtocolError("a FETCH answer without its data")
    for seq, attrs in zip(items[::2], items[1::2], strict=True):
        if not isinstance(seq, bytes) or not seq.isdigit() or not isinstance(attrs, list):
            raise ProtocolError("a malformed FETCH answer")
        if len(attrs) % 2:
            raise ProtocolError("a FETCH answer with an odd number of items")
        fields: dict[str, Value] = {}
        for key, value in zip(attrs[::2], attrs[1::2], strict=True):
            if not isinstance(key, bytes):
                raise ProtocolError("a FETCH item without a name")
            fields[key.decode("ascii", "replace").upper()] = value
        uid = fields.get("UID")
        if isinstance(uid, bytes) and uid.isdigit():
            merged = result.setdefault(int(uid), {})
            merged.update(fields)
    return result


def fetch_item(fields: Mapping[str, Value], name: str) -> Value:
    """A FETCH item by name, also when the server added an origin (``BODY[1]<0>``)."""
    name = name.upper()
    if name in fields:
        return fields[name]
    for key, value in fields.items():
        if key.startswith(name + "<"):
            return value
    return None


def text_of(value: Value) -> str:
    """An atom or string as text (NIL: "")."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return ""


# -- BODYSTRUCTURE ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One MIME part as the server numbers it (``1``, ``2.1``)."""

    number: str
    type: str  # "text/plain"; "multipart/mixed" for containers
    params: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "7bit"
    size: int = 0
    disposition: str = ""
    disposition_params: Mapping[str, str] = field(default_factory=dict)
    children: tuple[Part, ...] = ()

    @property
    def is_multipart(self) -> bool:
        """A container of other parts."""
        return self.type.startswith("multipart/")

    @property
    def filename(self) -> str:
        """The attachment's name: Content-Disposition's filename, else Content-Type's name."""
        return _param(self.disposition_params, "filename") or _param(self.params, "name")

    def leaves(self) -> Iterator[Part]:
        """Every non-container part, in order (an attached message counts as one part)."""
        if self.is_multipart:
            for child in self.children:
                yield from child.leaves()
        else:
            yield self


def _pairs(value: Value) -> dict[str, str]:
    if not isinstance(value, list):
        return {}
    out: dict[str, str] = {}
    for key, val in zip(value[::2], value[1::2], strict=False):
        if isinstance(key, bytes):
            out[key.decode("ascii", "replace").lower()] = text_of(val)
    return out


def _param(params: Mapping[str, str], name: str) -> str:
    """A parameter, RFC 2231 (``name*``, ``name*0*``...) and RFC 2047 encodings undone."""
    if f"{name}*" in params or f"{name}*0" in params or f"{name}*0*" in params:
        try:
            pieces = []
            index = 0
            while True:
                if f"{name}*{index}*" in params:
                    pieces.append(params[f"{name}*{index}*"])
                elif f"{name}*{index}" in params:
                    pieces.append(params[f"{name}*{index}"])
                else:
                    break
                index += 1
            raw = "".join(pieces) if pieces else params[f"{name}*"]
            if raw.count("'") >= 2:
                charset, _language, encoded = raw.split("'", 2)
                return decode_text(unquote_to_bytes(encoded), charset)
            return raw
        except (KeyError, LookupError, ValueError):
            pass
    return decode_words(params.get(name, ""))


def parse_bodystructure(value: Value, number: str = "") -> Part:
    """The part tree of a BODYSTRUCTURE value; ProtocolError when it is not one."""
    if not isinstance(value, list) or not value:
        raise ProtocolError("a malformed BODYSTRUCTURE")
    if isinstance(value[0], list):  # multipart: (part)(part)... subtype [extensions]
        children = []
        index = 0
        for item in value:
            if not isinstance(item, list):
                break
            index += 1
            children.append(
                parse_bodystructure(item, f"{number}.{index}" if number else str(index))
            )
        rest = value[index:]
        subtype = text_of(rest[0]).lower() if rest else "mixed"
        disposition, disposition_params = _disposition(rest[2] if len(rest) > 2 else None)
        return Part(
            number=number,
            type=f"multipart/{subtype}",
            params=_pairs(rest[1]) if len(rest) > 1 else {},
            disposition=disposition,
            disposition_params=disposition_params,
            children=tuple(children),
        )
    if len(value) < 7:
        raise ProtocolError("a BODYSTRUCTURE part with too few fields")
    maintype, subtype = text_of(value[0]).lower(), text_of(value[1]).lower()
    size_text = text_of(value[6])
    kind = f"{maintype}/{subtype}"
    # Extension data starts after the type-specific fields: text has "lines", message/rfc822
    # has envelope, body and lines.
    extension = 7
    if maintype == "text":
        extension = 8
    elif kind == "message/rfc822":
        extension = 10
    disposition, disposition_params = _disposition(
        value[extension + 1] if len(value) > extension + 1 else None
    )
    return Part(
        number=number or "1",
        type=kind,
        params=_pairs(value[2]),
        encoding=text_of(value[5]).lower() or "7bit",
        size=int(size_text) if size_text.isdigit() else 0,
        disposition=disposition,
        disposition_params=disposition_params,
    )


def _disposition(value: Value) -> tuple[str, dict[str, str]]:
    if isinstance(value, list) and value and isinstance(value[0], bytes):
        return text_of(value[0]).lower(), _pairs(value[1] if len(value) > 1 else None)
    return "", {}


def body_part(root: Part) -> Part | None:
    """The part to show as the mail's text: the first inline text/plain, else text/html."""
    candidates = [
        p for p in root.leaves() if p.type in ("text/plain", "text/html") and not is_attachment(p)
    ]
    for wanted in ("text/plain", "text/html"):
        for part in candidates:
            if part.type == wanted:
                return part
    return None


def is_attachment(part: Part) -> bool:
    """A part the user sees as a file: marked so, named, or not text at all."""
    if part.is_multipart:
        return False
    if part.disposition == "attachment" or part.filename:
        return True
    return not part.type.startswith("text/")


def attachments(root: Part, shown: Part | None) -> tuple[RemoteAttachment, ...]:
    """The attachments' metadata (the id is the part number; sizes of base64 parts decoded)."""
    out = []
    for part in root.leaves():
        if part is shown or not is_attachment(part):
            continue
        size = part.size * 3 // 4 if part.encoding == "base64" else part.size
        name = part.filename or ("message.eml" if part.type == "message/rfc822" else "")
        out.append(
            RemoteAttachment(
                id=part.number,
                filename=name or f"part-{part.number}",
                content_type=part.type,
                size=size,
            )
        )
    return tuple(out)


# -- decoding -----------------------------------------------------------------------------------


def decode_transfer(data: bytes, encoding: str) -> bytes:
    """Undo a Content-Transfer-Encoding; garbage decodes to what can be saved of it."""
    encoding = encoding.strip().lower()
    if encoding == "base64":
        cleaned = re.sub(rb"[^A-Za-z0-9+/=]", b"", data)
        cleaned = cleaned.split(b"=")[0]
        cleaned += b"=" * (-len(cleaned) % 4)
        try:
            return base64.b64decode(cleaned)
        except (binascii.Error, ValueError):
            return b""
    if encoding == "quoted-printable":
        try:
            return quopri.decodestring(data)
        except (binascii.Error, ValueError):
            return data
    return data


def decode_text(data: bytes, charset: str) -> str:
    """Bytes in ``charset`` (unknown or wrong charsets fall back to UTF-8, then Latin-1)."""
    name = (charset or "utf-8").strip().strip('"').lower() or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        name = "utf-8"
    if name in ("us-ascii", "ascii"):
        name = "utf-8"  # 8-bit text labelled ASCII is common; UTF-8 is the kinder guess
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        pass
    except (LookupError, ValueError):  # a codec that refuses these bytes outright
        name = "utf-8"
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


class _TextFromHtml(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "li", "tr", "blockquote", "h1", "h2", "h3", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "head"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "head"):
            self._skip = max(self._skip - 1, 0)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML mail body (no markup, no style sheets)."""
    parser = _TextFromHtml()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # HTMLParser on hostile input
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def body_text(part: Part, raw: bytes) -> str:
    """The readable text of body part ``part`` from its raw (transfer-encoded) bytes."""
    text = decode_text(decode_transfer(raw, part.encoding), part.params.get("charset", ""))
    text = text.replace("\r\n", "\n")
    if part.type == "text/html":
        return html_to_text(text)
    return text


def decode_words(value: str) -> str:
    """A header value with RFC 2047 encoded words decoded; raw 8-bit read as UTF-8."""
    if not value:
        return ""
    try:
        text = str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError, binascii.Error, AssertionError):
        text = value
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    # Unfold (a line break before blanks goes, the blanks stay: "[RT  #3 ]" keeps its spaces);
    # other control characters become blanks.
    text = re.sub(r"\r?\n(?=[ \t])", "", text)
    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f]", " ", text).strip()


def _date(value: str, fallback: datetime | None) -> datetime | None:
    if value:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    return fallback


def internaldate(value: Value) -> datetime | None:
    """An INTERNALDATE (``"25-Nov-2026 18:25:38 +0000"``) as an aware datetime."""
    text = text_of(value)
    try:
        return datetime.strptime(text, "%d-%b-%Y %H:%M:%S %z").astimezone(UTC)
    except ValueError:
        return None


@dataclass(frozen=True)
class Headers:
    """The headers of a mail that threading needs, decoded."""

    message_id: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    subject: str
    from_name: str
    from_email: str
    to: str
    date: str
    extra: Mapping[str, str]


def parse_headers(raw: bytes) -> Headers:
    """Decode a header block (never raises: what cannot be read comes back empty)."""
    msg = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)

    def get(name: str) -> str:
        try:
            value = msg.get(name)
        except (ValueError, LookupError, TypeError):
            return ""
        return "" if value is None else str(value)

    from_name, from_email = "", ""
    try:
        addresses = getaddresses([decode_words(get("From"))])
        if addresses:
            from_name, from_email = addresses[0]
    except (ValueError, IndexError, TypeError):
        pass
    if "@" not in from_email:
        from_email = ""
    message_id = message_ids(get("Message-ID"))
    return Headers(
        message_id=message_id[0] if message_id else "",
        in_reply_to=message_ids(get("In-Reply-To")),
        references=message_ids(get("References")),
        subject=decode_words(get("Subject")),
        from_name=from_name.strip(),
        from_email=from_email.strip(),
        to=decode_words(get("To")),
        date=get("Date"),
        extra={name: decode_words(get(name)) for name in RELEVANT_HEADERS if get(name)},
    )


def mail_item(
    *,
    folder: str,
    uidvalidity: int,
    uid: int,
    headers: Headers,
    received: datetime | None,
    body: str,
    attachments: tuple[RemoteAttachment, ...],
    in_sent: bool,
) -> MailItem:
    """The parsed pieces of one mail as a :class:`MailItem`."""
    return MailItem(
        folder=folder,
        uidvalidity=uidvalidity,
        uid=uid,
        message_id=headers.message_id,
        in_reply_to=headers.in_reply_to,
        references=headers.references,
        subject=headers.subject,
        from_name=headers.from_name,
        from_email=headers.from_email,
        to=headers.to,
        # Arrival in this mailbox orders a thread as the user lived it; the Date header is the
        # sender's clock (recorded OTOBO follow-ups are dated after the replies to them).
        date=received or _date(headers.date, None),
        headers=dict(headers.extra),
        body=body[:MAX_BODY_BYTES],
        attachments=attachments,
        in_sent=in_sent,
    )


def quote(text: str) -> str:
    """An IMAP quoted string (ASCII only; callers avoid sending anything else)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def list_entry(item: Any) -> tuple[set[str], str, str] | None:
    """One LIST answer: (flags in lower case, delimiter, raw mailbox name); None if unreadable."""
    try:
        parsed = values([item] if not isinstance(item, list) else item)
    except ProtocolError:
        return None
    if len(parsed) < 3 or not isinstance(parsed[0], list):
        return None
    flags = {text_of(f).lower() for f in parsed[0] if isinstance(f, bytes)}
    delimiter = text_of(parsed[1])
    name = parsed[2]
    if not isinstance(name, bytes):
        return None
    return flags, delimiter, name.decode("utf-8", "replace")
