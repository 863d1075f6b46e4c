"""E-mail: a new ticket is a mail to the help desk's support address, sent over SMTP; with an
IMAP mailbox in the profile, the help desk's replies are read from there (:mod:`.imap`).

MIME: ``multipart/mixed`` with a UTF-8 ``text/plain`` body, RFC 2047 encoded headers and RFC 2231
encoded attachment names (the ``email`` package's SMTP policy does both), a Message-ID derived
from the submission key (so a resend is recognisably the same message), ``Date``, ``X-Mailer``
and the submission key in ``X-Ticketwise-Submission``.

With IMAP, a sent mail is also filed in the user's Sent folder (as a mail client does), so the
thread shows the user's own messages, and a ticket can be found again by its submission key: the
help desk's auto-reply answers our Message-ID and carries the ticket number; our copy in Sent
carries the key. Reconciliation (``find_by_submission_key``) is therefore offered with IMAP only.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import TYPE_CHECKING, Any

from app import __version__
from app.config.profiles import Profile
from app.connectors.tls import tls_context
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
    CertificateError,
    ConfigError,
    NotReachable,
    OutcomeUnknown,
    RecipientRefused,
    Rejected,
    TimeoutFailure,
    TooLarge,
    Unsupported,
    UserFacingError,
)
from app.core.hooks import follow_up_subject
from app.core.mailthreads import build_threads, number_of
from app.core.model import Submission
from app.core.tickets import Scope, Thread, Ticket

if TYPE_CHECKING:
    from app.connectors.imap import MailboxReader

log = logging.getLogger(__name__)

SUBMISSION_HEADER = "X-Ticketwise-Submission"
CHUNK = 64 * 1024


def message_id_for(submission_key: str, from_address: str) -> str:
    """The Message-ID of a submission: stable, so a resend is the same message."""
    domain = from_address.rpartition("@")[2] or "ticketwise.invalid"
    return f"<ticketwise.{submission_key}@{domain}>"


def build_message(
    submission: Submission,
    profile: Profile,
    read_blob: Callable[[str], bytes],
    *,
    in_reply_to: str = "",
    references: str = "",
) -> EmailMessage:
    """The MIME message for ``submission`` as ``profile`` sends it. A reply carries
    ``In-Reply-To`` (the mail answered) and ``References`` (that mail's references plus it)."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr((_one_line(profile.from_name), profile.from_address))
    msg["To"] = profile.to_address
    msg["Subject"] = _one_line(submission.subject)
    msg["Date"] = format_datetime(submission.created_at.astimezone())
    msg["Message-ID"] = message_id_for(submission.submission_key, profile.from_address)
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        chain = [r for r in references.split() if r != in_reply_to][-9:]
        msg["References"] = " ".join([*chain, in_reply_to])
    msg["X-Mailer"] = f"Ticketwise/{__version__}"
    msg[SUBMISSION_HEADER] = submission.submission_key
    body = submission.body if submission.body.endswith("\n") else submission.body + "\n"
    cte = (
        "7bit"
        if body.isascii() and max(map(len, body.splitlines()), default=0) < 998
        else ("quoted-printable")
    )
    msg.set_content(body, charset="utf-8", cte=cte)
    msg.make_mixed()
    for attachment in submission.attachments:
        maintype, _, subtype = attachment.mime.partition("/")
        if not subtype:
            maintype, subtype = "application", "octet-stream"
        msg.add_attachment(
            read_blob(attachment.sha256),
            maintype=maintype,
            subtype=subtype,
            filename=attachment.name,
            params={"name": attachment.name},
        )
    for part in msg.iter_parts():
        del part["MIME-Version"]  # only the top level carries it (RFC 2045 section 4)
    return msg


def _one_line(text: str) -> str:
    """A header value never spans lines (the email package refuses one that would)."""
    return " ".join(text.splitlines())


class _Utf8(str):
    """Text that smtplib's AUTH encodes as UTF-8 (RFC 4616) where it insists on ASCII, which
    makes any password with an accent fail with UnicodeEncodeError (CPython issue 73936)."""

    __slots__ = ()

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> bytes:
        return str.encode(self, "utf-8", errors)


class _ProgressSMTP(smtplib.SMTP):
    """SMTP that sends large payloads in chunks, reporting progress and honouring cancel."""

    on_progress: ProgressCallback | None = None
    cancel: Cancel | None = None
    payload_complete = False

    def login(
        self, user: str, password: str, *, initial_response_ok: bool = True
    ) -> tuple[int, bytes]:
        # LOGIN sends these objects as they are, and CRAM-MD5 encodes the password itself.
        return super().login(_Utf8(user), _Utf8(password), initial_response_ok=initial_response_ok)

    def auth(
        self, mechanism: str, authobject: Callable[..., Any], *, initial_response_ok: bool = True
    ) -> tuple[int, bytes]:
        def utf8_response(challenge: bytes | None = None) -> _Utf8 | None:
            response = authobject(challenge)
            return None if response is None else _Utf8(response)

        wrapped: Any = utf8_response  # typeshed's overloaded _AuthObject protocol, in effect
        return super().auth(mechanism, wrapped, initial_response_ok=initial_response_ok)

    def send(self, s: str | bytes) -> None:  # type: ignore[override]
        data = s.encode("ascii") if isinstance(s, str) else s
        if len(data) < CHUNK or self.sock is None:
            super().send(data)
        else:
            total = len(data)
            for start in range(0, total, CHUNK):
                if self.cancel is not None and self.cancel.is_set():
                    self.close()  # the final "." never goes out: the server discards the mail
                    raise Cancelled()
                super().send(data[start : start + CHUNK])
                if self.on_progress:
                    self.on_progress(min(start + CHUNK, total), total)
        if data.endswith(b"\r\n.\r\n"):
            # Only the message payload ends like this; from here the server may deliver it.
            self.payload_complete = True


class _ProgressSMTP_SSL(_ProgressSMTP, smtplib.SMTP_SSL):  # noqa: N801 - mirrors smtplib's name
    """Implicit-TLS variant."""


def map_error(exc: BaseException, *, committed: bool = False) -> BaseException:
    """Turn a low-level SMTP/socket failure into a typed, user-facing error.

    ``committed``: the whole message had gone out when the failure happened, so the server may
    have accepted it.
    """
    if isinstance(exc, UserFacingError | Cancelled):
        return exc
    # A reply after the payload (SMTPResponseException) is the server's verdict, not an unknown.
    if (
        committed
        and isinstance(exc, OSError)
        and not isinstance(exc, smtplib.SMTPResponseException)
    ):
        return OutcomeUnknown(
            "the connection broke after the ticket was handed over", detail=str(exc)
        )
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return AuthError(_server_text(exc), server=_server_text(exc))
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return ConfigError(str(exc), reason="not_supported")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        reasons = "; ".join(
            f"{rcpt}: {_decode(msg)}" for rcpt, (_code, msg) in exc.recipients.items()
        )
        return RecipientRefused(reasons)
    if isinstance(exc, smtplib.SMTPResponseException):
        code, text = exc.smtp_code, _server_text(exc)
        if code == 552 or ("size" in text.lower() and 500 <= code < 600):
            return TooLarge(text, code=code)
        if 400 <= code < 500:
            return NotReachable(
                f"the server is busy or limited now ({code} {text})", code=code, reason="temporary"
            )
        return Rejected(f"{code} {text}", code=code)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return CertificateError(exc.verify_message or str(exc), detail=exc.verify_message)
    if isinstance(exc, ssl.SSLError):
        return ConfigError(
            f"TLS handshake failed ({exc.reason or exc}); check the security setting",
            reason="tls_handshake",
            detail=str(exc.reason or exc),
        )
    if isinstance(exc, smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return NotReachable(f"the server closed the connection ({exc})", reason="disconnected")
    if isinstance(exc, TimeoutError | socket.timeout):
        return TimeoutFailure("the server did not answer in time")
    if isinstance(exc, socket.gaierror):
        return NotReachable(f"the server name cannot be resolved ({exc.strerror})", reason="dns")
    if isinstance(exc, ConnectionRefusedError):
        return NotReachable("the server refused the connection", reason="refused")
    if isinstance(exc, OSError):
        return NotReachable(f"network error ({exc.strerror or exc})", reason="network")
    return exc


def _decode(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _server_text(exc: smtplib.SMTPResponseException) -> str:
    return _decode(exc.smtp_error).strip()


class SmtpConnector:
    """Sends tickets by e-mail through the profile's SMTP server."""

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
        self._imap_password = imap_password if imap_password is not None else password
        self.timeout = timeout
        self.default_max_bytes = default_max_bytes
        self._server_max: int | None = None

    def __repr__(self) -> str:  # never show the password, even in a debugger or traceback
        return f"SmtpConnector(profile={self.profile.name!r}, host={self.profile.host!r})"

    # -- connection ---------------------------------------------------------------------------

    def _open(self) -> _ProgressSMTP:
        profile = self.profile
        context = tls_context(profile.ca_file) if profile.security != "none" else None
        smtp: _ProgressSMTP
        if profile.security == "ssl":
            smtp = _ProgressSMTP_SSL(
                profile.host, profile.port, timeout=self.timeout, context=context
            )
        else:
            smtp = _ProgressSMTP(profile.host, profile.port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if profile.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ConfigError("the server does not offer STARTTLS", reason="no_starttls")
                smtp.starttls(context=context)
                smtp.ehlo()
            size = smtp.esmtp_features.get("size", "").strip()
            self._server_max = int(size) if size.isdigit() and int(size) > 0 else None
            if profile.login:
                if not self._password:
                    raise AuthError("no password is stored for this profile", reason="no_password")
                if not smtp.has_extn("auth"):
                    raise ConfigError(
                        "the server does not offer login (AUTH) on this connection",
                        reason="no_auth",
                    )
                smtp.login(profile.login, self._password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _connect(self) -> _ProgressSMTP:
        try:
            return self._open()
        except BaseException as exc:
            mapped = map_error(exc)
            if mapped is exc:
                raise
            raise mapped from None

    # -- Connector ----------------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        """E-mail gives no ticket number back (it arrives later, with the help desk's
        auto-reply); with an IMAP mailbox, tickets can be listed and reconciled."""
        reads = self.profile.reads_mail
        return Capabilities(
            lists_tickets=reads,
            finds_by_submission_key=reads,
            max_message_bytes=self._server_max,
        )

    def mail_reader(self) -> MailboxReader:
        """The profile's mailbox (Unsupported when the profile has none)."""
        if not self.profile.reads_mail:
            raise Unsupported(
                "this profile only sends mail; add its IMAP mailbox to follow tickets",
                reason="no_imap",
            )
        from app.connectors.imap import MailboxReader

        return MailboxReader(self.profile, self._imap_password, timeout=self.timeout)

    def identify(self) -> Identity:
        """Connect, log in and say as whom (on the IMAP server too, when there is one)."""
        smtp = self._connect()
        try:
            banner = _decode(smtp.ehlo_resp or b"").splitlines()[0] if smtp.ehlo_resp else ""
        finally:
            self._quit(smtp)
        if self.profile.reads_mail:
            banner = "; ".join(filter(None, [banner, self.mail_reader().check()]))
        who = self.profile.login or self.profile.from_address
        return Identity(display=f"{who} @ {self.profile.host}", detail=banner, login=who)

    def max_message_bytes(self) -> int:
        """The size limit in force: the server's, or our default."""
        return self._server_max or self.default_max_bytes

    def create_ticket(
        self,
        submission: Submission,
        read_blob: Callable[[str], bytes],
        *,
        on_stage: StageCallback | None = None,
        on_progress: ProgressCallback | None = None,
        cancel: Cancel | None = None,
    ) -> CreateResult:
        """Send the ticket as one mail to the support address."""
        message = build_message(submission, self.profile, read_blob)
        return self._deliver(message, on_stage=on_stage, on_progress=on_progress, cancel=cancel)

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
        """A follow-up mail: the ticket hook in the subject, threaded to the mail answered.

        E-mail help desks reopen a closed ticket on a customer follow-up by themselves (OTRS's
        PostMaster does; RT does on correspondence), so ``reopen`` needs nothing more here.
        """
        if not submission.ticket_number:
            raise Unsupported("a follow-up by e-mail needs the ticket number", reason="no_number")
        followup = replace(
            submission,
            subject=follow_up_subject(
                submission.subject, self.profile.hook, submission.ticket_number
            ),
        )
        in_reply_to, references = submission.in_reply_to, ""
        if not in_reply_to:
            in_reply_to, references = self._answered(submission.ticket_number)
        message = build_message(
            followup, self.profile, read_blob, in_reply_to=in_reply_to, references=references
        )
        result = self._deliver(message, on_stage=on_stage, on_progress=on_progress, cancel=cancel)
        return replace(result, ticket_number=submission.ticket_number)

    def _answered(self, number: str) -> tuple[str, str]:
        """(Message-ID, References) of the help desk's newest mail about ticket ``number``, for
        threading a follow-up whose caller did not say which mail it answers. Best effort: the
        subject's tag is what threads it at the help desk."""
        if not self.profile.reads_mail:
            return "", ""
        try:
            latest = self.mail_reader().latest_reply(number)
        except (UserFacingError, OSError) as exc:
            log.info("mail: the mail answered by a follow-up to %s is unknown (%s)", number, exc)
            return "", ""
        if latest is None:
            return "", ""
        return latest.message_id, " ".join(latest.references)

    def _deliver(
        self,
        message: EmailMessage,
        *,
        on_stage: StageCallback | None,
        on_progress: ProgressCallback | None,
        cancel: Cancel | None,
    ) -> CreateResult:
        payload = message.as_bytes(policy=policy.SMTP)
        if on_stage:
            on_stage("connecting")
        smtp = self._connect()
        committed = False
        try:
            limit = self.max_message_bytes()
            if len(payload) > limit:
                raise TooLarge(
                    f"the ticket is {len(payload)} bytes and the server accepts at most {limit}",
                    size=len(payload),
                    limit=limit,
                )
            smtp.on_progress = on_progress
            smtp.cancel = cancel
            options = [f"SIZE={len(payload)}"] if smtp.has_extn("size") else []
            code, resp = smtp.mail(self.profile.from_address, options)
            if code != 250:
                raise smtplib.SMTPSenderRefused(code, resp, self.profile.from_address)
            code, resp = smtp.rcpt(self.profile.to_address)
            if code not in (250, 251):
                raise smtplib.SMTPRecipientsRefused({self.profile.to_address: (code, resp)})
            if on_stage:
                on_stage("committing")
            try:
                code, resp = smtp.data(payload)
            finally:
                committed = smtp.payload_complete
            if code != 250:
                raise smtplib.SMTPDataError(code, resp)
        except BaseException as exc:
            smtp.close()
            mapped = map_error(exc, committed=committed)
            if mapped is exc:
                raise
            raise mapped from None
        self._quit(smtp)
        message_id = str(message["Message-ID"])
        self._file_in_sent(payload, message_id)
        return CreateResult(message_id=message_id)

    def _file_in_sent(self, payload: bytes, message_id: str) -> None:
        """Keep a copy in the user's Sent folder, as a mail client does. The mail has gone out
        by now: a failure here is logged, never reported as a failed send."""
        if not self.profile.reads_mail:
            return
        try:
            folder = self.mail_reader().file_in_sent(payload, message_id)
        except (UserFacingError, OSError) as exc:
            log.warning("mail: sent %s, but no copy was filed in Sent (%s)", message_id, exc)
            return
        log.info("mail: filed %s in %s", message_id, folder)

    def find_by_submission_key(self, submission_key: str) -> CreateResult | None:
        """With IMAP: the help desk's answer to our mail gives the ticket (number = id); our copy
        in Sent proves the mail went out (number still unknown). Plain SMTP cannot look."""
        if not self.profile.reads_mail:
            return None
        reader = self.mail_reader()
        message_id = message_id_for(submission_key, self.profile.from_address)
        answer = reader.find_answer(message_id)
        if answer is not None:
            number = number_of(answer, self.profile.hook) or ""
            return CreateResult(ticket_number=number, ticket_id=number, message_id=message_id)
        if reader.find_sent(submission_key) is not None:
            return CreateResult(message_id=message_id)
        return None

    def list_tickets(self, scope: Scope, changed_since: datetime | None = None) -> list[Ticket]:
        """The tickets the help desk's mails in the mailbox are about (newest change first).
        Sending mail alone shows no tickets: the profile needs a mailbox to read (IMAP)."""
        reader = self.mail_reader()
        if scope is not Scope.MINE:
            raise Unsupported(
                "an e-mail help desk shows only your own tickets", reason="no_company_scope"
            )
        items, extra = reader.all_mails(changed_since)
        threads = build_threads(items, self.profile.hook, self._own(), extra=extra)
        tickets = [t.ticket for t in threads.values()]
        if changed_since is not None:
            tickets = [t for t in tickets if t.changed_at and t.changed_at > changed_since]
        return sorted(tickets, key=lambda t: (t.changed_at is None, t.changed_at), reverse=True)

    def find_ticket(self, number: str) -> Ticket | None:
        """Ticket ``number`` as the mails in the mailbox tell it, if any mail is about it."""
        if not number.isdigit():
            return None
        try:
            return self.get_thread(number).ticket
        except Rejected as exc:
            if exc.params.get("code") == "unknown_ticket":
                return None
            raise

    def get_thread(self, ticket_id: str) -> Thread:
        """Ticket ``ticket_id`` (its number) with every mail about it, oldest first."""
        reader = self.mail_reader()
        if not ticket_id.isdigit():
            raise Rejected(f"{ticket_id!r} is not a ticket number", code="unknown_ticket")
        items, extra = reader.ticket_mails(ticket_id)
        thread = build_threads(items, self.profile.hook, self._own(), extra=extra).get(ticket_id)
        if thread is None:
            raise Rejected(
                f"no mail about ticket {ticket_id} in the mailbox", code="unknown_ticket"
            )
        return thread

    def get_attachment(self, ticket_id: str, article_id: str, attachment_id: str) -> bytes:
        """Attachment ``attachment_id`` (a MIME part number) of mail ``article_id``."""
        return self.mail_reader().attachment(article_id, attachment_id)

    def _own(self) -> tuple[str, ...]:
        return (self.profile.from_address,)

    @staticmethod
    def _quit(smtp: smtplib.SMTP) -> None:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()
