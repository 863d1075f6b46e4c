"""Reading the help desk's replies from the user's mailbox over IMAP (imaplib, with timeouts).

The mailbox is the user's: nothing is ever marked read (folders are opened with EXAMINE and
bodies fetched with ``BODY.PEEK``), moved or deleted. The only write is the copy of a mail the
user sent, APPENDed to their Sent folder as a mail client does.

Reading is incremental per folder by UIDVALIDITY/UID; the caller keeps the positions
(:class:`~app.core.mailthreads.FolderPosition`). Two IMAP facts shape the code: ``UID SEARCH
n+1:*`` answers with the last message even when nothing is newer (so every UID is checked against
``n``), and the SUBJECT search is a case-insensitive substring search (so the server does the
coarse filtering by the hook, and :meth:`HookStyle.find` the exact one).
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import re
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from app.config.profiles import Profile
from app.connectors.imapwire import (
    Part,
    attachments,
    body_part,
    body_text,
    decode_mailbox,
    decode_transfer,
    encode_mailbox,
    fetch_item,
    internaldate,
    list_entry,
    mail_item,
    parse_bodystructure,
    parse_fetch,
    parse_headers,
    quote,
    text_of,
    values,
)
from app.connectors.mail import map_error as map_network_error
from app.connectors.tls import tls_context
from app.core.errors import (
    AuthError,
    Cancelled,
    ConfigError,
    NotReachable,
    ProtocolError,
    Rejected,
    UserFacingError,
)
from app.core.mailthreads import (
    FolderPosition,
    MailBatch,
    MailItem,
    number_of,
    parse_uid_article_id,
)

log = logging.getLogger(__name__)

FETCH_BATCH = 25
HEADER_ITEMS = "(UID RFC822.SIZE INTERNALDATE BODYSTRUCTURE BODY.PEEK[HEADER])"
SENT_NAMES = ("sent", "sent items", "sent messages", "sent mail", "sent-mail")
"""Common names of the Sent folder, for servers without SPECIAL-USE (compared in lower case, on
the last level of the name)."""
_PART_NUMBER = re.compile(r"^[1-9]\d{0,3}(\.[1-9]\d{0,3}){0,8}$")


def imap_text(exc: BaseException) -> str:
    """The server's words in an imaplib exception (imaplib wraps them as ``b'...'``)."""
    arg: Any = exc.args[0] if exc.args else ""
    if isinstance(arg, bytes):
        arg = arg.decode("utf-8", "replace")
    text = str(arg)
    match = re.fullmatch(r"b(['\"])(.*)\1", text, re.DOTALL)
    return (match.group(2) if match else text).strip()


def map_error(exc: BaseException, *, login: bool = False) -> BaseException:
    """An imaplib/socket failure as a typed error (``service="imap"`` in its params)."""
    if isinstance(exc, UserFacingError | Cancelled):
        return exc
    mapped: BaseException
    if isinstance(exc, imaplib.IMAP4.abort):
        mapped = NotReachable(
            f"the mail server closed the connection ({imap_text(exc)})", reason="disconnected"
        )
    elif isinstance(exc, imaplib.IMAP4.error):
        text = imap_text(exc)
        upper = text.upper()
        if login and "[UNAVAILABLE]" in upper:
            mapped = NotReachable(
                f"the mail server cannot log you in now ({text})", reason="temporary"
            )
        elif login and ("[PRIVACYREQUIRED]" in upper or "LOGINDISABLED" in upper):
            mapped = ConfigError(
                "the mail server does not allow login on this connection",
                reason="imap_login_disabled",
                detail=text,
            )
        elif login:
            mapped = AuthError(text or "login refused", server=text, reason="imap_auth")
        else:
            mapped = ProtocolError(f"the mail server answered: {text}", detail=text)
    elif isinstance(exc, UnicodeEncodeError) and login:
        mapped = AuthError(
            "the login or password has characters this mail server cannot accept",
            reason="imap_auth",
        )
    else:
        mapped = map_network_error(exc)
    if isinstance(mapped, UserFacingError):
        mapped.params.setdefault("service", "imap")
    return mapped


class ImapSession:
    """One logged-in IMAP connection (a context manager). Every call maps its errors."""

    def __init__(self, profile: Profile, password: str | None, *, timeout: float) -> None:
        self.profile = profile
        self._password = password
        self.timeout = timeout
        self.imap: imaplib.IMAP4 | None = None
        self.capabilities: frozenset[str] = frozenset()
        self.greeting = ""

    @property
    def login_name(self) -> str:
        """The IMAP login: its own, else the SMTP one."""
        return self.profile.imap_login or self.profile.login

    def __enter__(self) -> ImapSession:
        try:
            self._open()
        except BaseException as exc:
            self.close()
            mapped = map_error(exc, login=True)
            if mapped is exc:
                raise
            raise mapped from None
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open(self) -> None:
        p = self.profile
        context = tls_context(p.ca_file) if p.imap_security != "none" else None
        if p.imap_security == "ssl":
            self.imap = imaplib.IMAP4_SSL(
                p.imap_host, p.imap_port, ssl_context=context, timeout=self.timeout
            )
        else:
            self.imap = imaplib.IMAP4(p.imap_host, p.imap_port, timeout=self.timeout)
        imap = self.imap
        self.greeting = imap.welcome.decode("utf-8", "replace") if imap.welcome else ""
        if p.imap_security == "starttls":
            if "STARTTLS" not in imap.capabilities:
                raise ConfigError(
                    "the mail server does not offer STARTTLS", reason="no_starttls", service="imap"
                )
            imap.starttls(ssl_context=context)
        user = self.login_name
        if not user:
            raise ConfigError("no login for the mail server", reason="imap_no_login")
        if not self._password:
            raise AuthError("no password is stored for this profile", reason="no_password")
        if "AUTH=PLAIN" in imap.capabilities:
            # SASL PLAIN carries UTF-8; LOGIN would refuse anything but ASCII.
            credentials = f"\0{user}\0{self._password}".encode()
            imap.authenticate("PLAIN", lambda _challenge: credentials)
        elif "LOGINDISABLED" in imap.capabilities:
            raise ConfigError(
                "the mail server does not allow login on this connection",
                reason="imap_login_disabled",
                service="imap",
            )
        else:
            imap.login(quote(user), self._password)
        typ, data = imap.capability()
        if typ == "OK" and data and isinstance(data[0], bytes):
            self.capabilities = frozenset(data[0].decode("ascii", "replace").upper().split())
        else:
            self.capabilities = frozenset(imap.capabilities)

    def close(self) -> None:
        """Log out (or just drop the connection)."""
        imap, self.imap = self.imap, None
        if imap is None:
            return
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            with contextlib.suppress(OSError):
                imap.shutdown()

    def call(self, name: str, *args: Any) -> tuple[str, list[Any]]:
        """``imap.NAME(*args)``; a "NO"/"BAD" answer raises :class:`ProtocolError`."""
        assert self.imap is not None
        try:
            typ, data = getattr(self.imap, name)(*args)
        except BaseException as exc:
            mapped = map_error(exc)
            if mapped is exc:
                raise
            raise mapped from None
        if typ != "OK":
            text = text_of(data[-1]) if data and isinstance(data[-1], bytes) else str(data)
            raise ProtocolError(f"the mail server refused {name.upper()}: {text}", detail=text)
        return typ, list(data or [])

    # -- folders --------------------------------------------------------------------------------

    def folders(self) -> list[tuple[set[str], str, str]]:
        """(flags, delimiter, raw name) of every mailbox."""
        _typ, data = self.call("list", '""', '"*"')
        entries = []
        for item in data:
            entry = list_entry(item)
            if entry is not None:
                entries.append(entry)
        return entries

    def examine(self, folder: str) -> tuple[int, int]:
        """Open ``folder`` read-only; (UIDVALIDITY, UIDNEXT or 0)."""
        assert self.imap is not None
        try:
            typ, data = self.imap.select(quote(folder), readonly=True)
        except BaseException as exc:
            mapped = map_error(exc)
            if mapped is exc:
                raise
            raise mapped from None
        if typ != "OK":
            raise ConfigError(
                f"the mail folder {decode_mailbox(folder)!r} cannot be opened"
                f" ({text_of(data[-1])})",
                reason="no_folder",
                folder=decode_mailbox(folder),
                service="imap",
            )
        return self._number("UIDVALIDITY"), self._number("UIDNEXT")

    def _number(self, name: str) -> int:
        assert self.imap is not None
        _name, data = self.imap.response(name)
        for item in data or []:
            if isinstance(item, bytes) and item.strip().isdigit():
                return int(item.strip())
        return 0

    def search(self, *criteria: str) -> list[int]:
        """``UID SEARCH`` (ASCII criteria only)."""
        _typ, data = self.call("uid", "SEARCH", *criteria)
        uids: list[int] = []
        for item in data:
            if isinstance(item, bytes):
                uids.extend(int(w) for w in item.split() if w.isdigit())
        return sorted(set(uids))

    def fetch(self, uids: Sequence[int], items: str) -> dict[int, dict[str, Any]]:
        """``UID FETCH`` of ``uids`` (parsed by UID)."""
        if not uids:
            return {}
        _typ, data = self.call("uid", "FETCH", ",".join(map(str, uids)), items)
        return parse_fetch(data)


def _ascii(text: str) -> bool:
    return text.isascii() and '"' not in text and "\\" not in text and "\r" not in text


class MailboxReader:
    """The help desk's mails in the user's mailbox (the INBOX, or the profile's folder, and the
    Sent folder). Each public method uses its own connection: the reader keeps no state."""

    def __init__(self, profile: Profile, password: str | None, *, timeout: float = 30.0) -> None:
        self.profile = profile
        self._password = password
        self.timeout = timeout
        self.style = profile.hook
        self.inbox = encode_mailbox(profile.imap_folder or "INBOX")

    def __repr__(self) -> str:
        return f"MailboxReader(profile={self.profile.name!r}, host={self.profile.imap_host!r})"

    @contextlib.contextmanager
    def session(self) -> Iterator[ImapSession]:
        """A logged-in connection."""
        with ImapSession(self.profile, self._password, timeout=self.timeout) as session:
            yield session

    # -- what the connector asks ----------------------------------------------------------------

    def check(self) -> str:
        """Log in and open the folder to read; a one-line description of the server."""
        with self.session() as s:
            s.examine(self.inbox)
            sent = self.sent_folder(s)
            return f"IMAP {self.profile.imap_host}: {decode_mailbox(self.inbox)}" + (
                f", {decode_mailbox(sent)}" if sent else ""
            )

    def sent_folder(self, s: ImapSession, *, create: bool = False) -> str | None:
        """The user's Sent folder: SPECIAL-USE ``\\Sent``, else a usual name; created as "Sent"
        (in the personal namespace) when ``create`` and there is none."""
        entries = s.folders()
        for flags, _delimiter, name in entries:
            if "\\sent" in flags and "\\noselect" not in flags:
                return name
        if "SPECIAL-USE" in s.capabilities:
            assert s.imap is not None
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                s.imap.xatom("LIST", '(SPECIAL-USE) "" "*"')
                _name, data = s.imap.response("LIST")
                for item in data or []:
                    entry = list_entry(item)
                    if entry and "\\sent" in entry[0] and "\\noselect" not in entry[0]:
                        return entry[2]
        for flags, delimiter, name in entries:
            leaf = decode_mailbox(name).rsplit(delimiter or "/", 1)[-1].strip().lower()
            if leaf in SENT_NAMES and "\\noselect" not in flags and name != self.inbox:
                return name
        if not create:
            return None
        name = self._personal_prefix(s) + "Sent"
        assert s.imap is not None
        typ, data = s.imap.create(quote(name))
        if typ != "OK" and "ALREADYEXISTS" not in text_of(data[-1] if data else b"").upper():
            raise ProtocolError(f"the Sent folder cannot be created: {text_of(data[-1])}")
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            s.imap.subscribe(quote(name))
        log.info("imap: created the Sent folder %r", name)
        return name

    @staticmethod
    def _personal_prefix(s: ImapSession) -> str:
        if "NAMESPACE" not in s.capabilities:
            return ""
        try:
            _typ, data = s.call("namespace")
            parsed = values(data)
        except (UserFacingError, ValueError):
            return ""
        personal = parsed[0] if parsed else None
        if isinstance(personal, list) and personal and isinstance(personal[0], list):
            prefix = personal[0][0]
            if isinstance(prefix, bytes):
                return prefix.decode("utf-8", "replace")
        return ""

    def _folders(self, s: ImapSession) -> list[tuple[str, bool]]:
        """(folder, is the Sent folder) pairs to read."""
        folders = [(self.inbox, False)]
        sent = self.sent_folder(s)
        if sent and sent != self.inbox:
            folders.append((sent, True))
        return folders

    def _needle(self) -> str:
        """What every help-desk subject contains: OTRS's hook, RT's rtname."""
        return self.style.hook

    def read_new(self, positions: Mapping[str, FolderPosition]) -> MailBatch:
        """Help-desk mails (their subject carries the hook) newer than ``positions``."""
        items: list[MailItem] = []
        skipped = 0
        new_positions: dict[str, FolderPosition] = {}
        with self.session() as s:
            for folder, in_sent in self._folders(s):
                uidvalidity, uidnext = s.examine(folder)
                known = positions.get(folder)
                last = known.last_uid if known and known.uidvalidity == uidvalidity else 0
                if known and known.uidvalidity != uidvalidity:
                    log.info("imap: %s has a new UIDVALIDITY; reading it again", folder)
                criteria = ["UID", f"{last + 1}:*"]
                needle = self._needle()
                if _ascii(needle):
                    criteria += ["SUBJECT", quote(needle)]
                found = [uid for uid in s.search(*criteria) if uid > last]
                read, bad = self._read(s, folder, uidvalidity, found, in_sent=in_sent)
                items.extend(i for i in read if number_of(i, self.style) is not None)
                skipped += bad
                top = max([last, *found, uidnext - 1 if uidnext else 0])
                new_positions[folder] = FolderPosition(folder, uidvalidity, top)
        return MailBatch(tuple(items), new_positions, skipped)

    def fetch_by_message_ids(self, ids: Collection[str]) -> list[MailItem]:
        """Mails with these Message-IDs, from the Sent folder and the INBOX."""
        with self.session() as s:
            return self._by_message_ids(s, ids)

    def _by_message_ids(self, s: ImapSession, ids: Collection[str]) -> list[MailItem]:
        wanted = [i for i in dict.fromkeys(ids) if _ascii(i)][:50]
        found: list[MailItem] = []
        if not wanted:
            return found
        seen: set[str] = set()
        for folder, in_sent in reversed(self._folders(s)):  # the Sent folder first
            uidvalidity, _next = s.examine(folder)
            uids: list[int] = []
            for message_id in wanted:
                if message_id not in seen:
                    uids.extend(s.search("HEADER", "Message-ID", quote(message_id)))
            items, _bad = self._read(s, folder, uidvalidity, sorted(set(uids)), in_sent=in_sent)
            for item in items:
                if item.message_id in wanted and item.message_id not in seen:
                    seen.add(item.message_id)
                    found.append(item)
        return found

    def ticket_mails(self, number: str) -> tuple[list[MailItem], list[MailItem]]:
        """(the mails whose subject carries ``number``, the user's mails they answer)."""
        items: list[MailItem] = []
        with self.session() as s:
            for folder, in_sent in self._folders(s):
                uidvalidity, _next = s.examine(folder)
                uids = s.search("SUBJECT", quote(number))
                read, _bad = self._read(s, folder, uidvalidity, uids, in_sent=in_sent)
                items.extend(i for i in read if number_of(i, self.style) == number)
            have = {i.message_id for i in items if i.message_id}
            wanted = [r for i in items for r in i.referenced if r not in have]
            extra = self._by_message_ids(s, wanted) if wanted else []
        return items, extra

    def all_mails(self, since: datetime | None = None) -> tuple[list[MailItem], list[MailItem]]:
        """Headers of every help-desk mail (since ``since``, by day), and the user's mails sent
        by Ticketwise (for the tickets' titles)."""
        items: list[MailItem] = []
        extra: list[MailItem] = []
        needle = self._needle()
        with self.session() as s:
            for folder, in_sent in self._folders(s):
                uidvalidity, _next = s.examine(folder)
                criteria = ["SUBJECT", quote(needle)] if _ascii(needle) else ["ALL"]
                if since is not None:
                    day = (since - timedelta(days=1)).strftime("%d-%b-%Y")
                    criteria += ["SINCE", day]
                uids = s.search(*criteria)
                read, _bad = self._read(s, folder, uidvalidity, uids, in_sent=in_sent, bodies=False)
                items.extend(i for i in read if number_of(i, self.style) is not None)
                if in_sent:
                    own = s.search("HEADER", "X-Ticketwise-Submission", '""')
                    more, _bad = self._read(s, folder, uidvalidity, own, in_sent=True, bodies=False)
                    extra.extend(more)
        return items, extra

    def find_answer(self, message_id: str) -> MailItem | None:
        """The first help-desk mail in the INBOX that answers ``message_id`` and carries a
        ticket number (an auto-reply to a new ticket)."""
        if not _ascii(message_id):
            return None
        with self.session() as s:
            uidvalidity, _next = s.examine(self.inbox)
            uids = s.search(
                "OR",
                "HEADER",
                "In-Reply-To",
                quote(message_id),
                "HEADER",
                "References",
                quote(message_id),
            )
            items, _bad = self._read(s, self.inbox, uidvalidity, uids, in_sent=False, bodies=False)
        for item in items:
            if message_id in item.referenced and number_of(item, self.style):
                return item
        return None

    def find_sent(self, submission_key: str) -> MailItem | None:
        """Our own mail for ``submission_key`` in the Sent folder."""
        if not _ascii(submission_key):
            return None
        with self.session() as s:
            sent = self.sent_folder(s)
            if sent is None:
                return None
            uidvalidity, _next = s.examine(sent)
            uids = s.search("HEADER", "X-Ticketwise-Submission", quote(submission_key))
            items, _bad = self._read(s, sent, uidvalidity, uids, in_sent=True, bodies=False)
        return items[0] if items else None

    def latest_reply(self, number: str) -> MailItem | None:
        """The help desk's newest mail about ticket ``number`` (a follow-up answers it)."""
        with self.session() as s:
            uidvalidity, _next = s.examine(self.inbox)
            uids = s.search("SUBJECT", quote(number))
            items, _bad = self._read(
                s, self.inbox, uidvalidity, uids[-20:], in_sent=False, bodies=False
            )
        mine = self.profile.from_address.strip().lower()
        candidates = [
            i
            for i in items
            if number_of(i, self.style) == number and i.from_email.lower() != mine and i.message_id
        ]
        return candidates[-1] if candidates else None

    def attachment(self, article_id: str, part_number: str) -> bytes:
        """The decoded bytes of MIME part ``part_number`` of the mail ``article_id``."""
        if not _PART_NUMBER.match(part_number):
            raise Rejected(f"no attachment {part_number!r}", code="attachment_gone")
        with self.session() as s:
            where = parse_uid_article_id(article_id)
            places: list[tuple[str, int]] = []
            if where is not None:
                uidvalidity, uid, folder = where
                now_valid, _next = s.examine(folder)
                if now_valid == uidvalidity:
                    places.append((folder, uid))
            elif _ascii(article_id):
                for folder, _in_sent in reversed(self._folders(s)):
                    s.examine(folder)
                    uids = s.search("HEADER", "Message-ID", quote(article_id))
                    if uids:
                        places.append((folder, uids[0]))
                        break
            for folder, uid in places:
                s.examine(folder)
                fields = s.fetch([uid], "(UID BODYSTRUCTURE)").get(uid, {})
                root = parse_bodystructure(fields.get("BODYSTRUCTURE"))
                part = next((p for p in root.leaves() if p.number == part_number), None)
                if part is None:
                    break
                section = f"BODY[{part_number}]"
                data = s.fetch([uid], f"(UID BODY.PEEK[{part_number}])").get(uid, {})
                raw = fetch_item(data, section)
                if isinstance(raw, bytes):
                    return decode_transfer(raw, part.encoding)
        raise Rejected("the attachment is no longer in the mailbox", code="attachment_gone")

    def file_in_sent(self, payload: bytes, message_id: str) -> str:
        """APPEND a copy of a mail the user sent to their Sent folder (unless the mail server
        filed one already); the folder's name."""
        with self.session() as s:
            sent = self.sent_folder(s, create=True)
            assert sent is not None
            if _ascii(message_id):
                s.examine(sent)
                if s.search("HEADER", "Message-ID", quote(message_id)):
                    return sent
            s.call(
                "append", quote(sent), r"(\Seen)", imaplib.Time2Internaldate(time.time()), payload
            )
        return sent

    # -- reading mails --------------------------------------------------------------------------

    def _read(
        self,
        s: ImapSession,
        folder: str,
        uidvalidity: int,
        uids: Sequence[int],
        *,
        in_sent: bool,
        bodies: bool = True,
    ) -> tuple[list[MailItem], int]:
        """Parse the mails ``uids`` of the open ``folder``; (mails, how many were skipped)."""
        items: list[MailItem] = []
        skipped = 0
        for start in range(0, len(uids), FETCH_BATCH):
            batch = list(uids[start : start + FETCH_BATCH])
            try:
                fetched = s.fetch(batch, HEADER_ITEMS)
            except ProtocolError as exc:
                if len(batch) == 1:
                    log.warning("imap: skipped mail %s in %s: %s", batch[0], folder, exc)
                    skipped += 1
                    continue
                fetched = {}
                for uid in batch:  # find the one the batch choked on
                    try:
                        fetched.update(s.fetch([uid], HEADER_ITEMS))
                    except ProtocolError as one:
                        log.warning("imap: skipped mail %s in %s: %s", uid, folder, one)
                        skipped += 1
            parsed: list[tuple[int, Any, Part, Part | None]] = []
            for uid in batch:
                fields = fetched.get(uid)
                if fields is None:
                    continue  # expunged meanwhile, or skipped above
                try:
                    raw_header = fetch_item(fields, "BODY[HEADER]")
                    headers = parse_headers(raw_header if isinstance(raw_header, bytes) else b"")
                    root = parse_bodystructure(fields.get("BODYSTRUCTURE"))
                    shown = body_part(root)
                    files = attachments(root, shown)
                except Exception as exc:  # untrusted input: one bad mail never stops the rest
                    log.warning("imap: skipped mail %s in %s: %r", uid, folder, exc)
                    skipped += 1
                    continue
                received = internaldate(fields.get("INTERNALDATE"))
                parsed.append((uid, (headers, received, files), root, shown))
            texts = self._bodies(s, folder, parsed) if bodies else {}
            for uid, (headers, received, files), _root, _shown in parsed:
                items.append(
                    mail_item(
                        folder=folder,
                        uidvalidity=uidvalidity,
                        uid=uid,
                        headers=headers,
                        received=received,
                        body=texts.get(uid, ""),
                        attachments=files,
                        in_sent=in_sent,
                    )
                )
        return items, skipped

    def _bodies(
        self, s: ImapSession, folder: str, parsed: Sequence[tuple[int, Any, Part, Part | None]]
    ) -> dict[int, str]:
        """The text of each mail's body part, fetched by part (at most MAX_BODY_BYTES each)."""
        by_section: dict[str, list[tuple[int, Part]]] = {}
        for uid, _headers, _root, shown in parsed:
            if shown is not None:
                by_section.setdefault(shown.number, []).append((uid, shown))
        texts: dict[int, str] = {}
        for section, members in by_section.items():
            uids = [uid for uid, _part in members]
            try:
                fetched = s.fetch(uids, f"(UID BODY.PEEK[{section}]<0.{1024 * 1024}>)")
            except ProtocolError as exc:
                log.warning("imap: bodies %s in %s not read: %s", uids, folder, exc)
                continue
            for uid, part in members:
                raw = fetch_item(fetched.get(uid, {}), f"BODY[{section}]")
                if isinstance(raw, bytes):
                    try:
                        texts[uid] = body_text(part, raw)
                    except Exception as exc:  # the decoders never raise; this is the last guard
                        log.warning("imap: text of mail %s in %s unreadable: %r", uid, folder, exc)
        return texts
