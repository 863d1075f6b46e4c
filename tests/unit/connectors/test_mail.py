"""The e-mail connector without a network: the MIME message, parsed back, and error mapping."""

from __future__ import annotations

import hashlib
import os
import smtplib
import socket
import ssl
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from app import __version__
from app.config.profiles import Profile
from app.connectors.mail import SmtpConnector, build_message, map_error, tls_context
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
)
from app.core.model import AttachmentRef, Submission

ROME = timezone(timedelta(hours=1))
SUBJECT = (
    "Fattura di marzo: l'esportazione in PDF non parte pi\u00f9 \u2014 perch\u00e9? "
    "\U0001f62d citt\u00e0 \u00e0\u00e8\u00ec\u00f2\u00f9 (una riga lunga che va piegata)"
)
BODY = (
    "Cosa \u00e8 successo:\nDal 1\u00b0 marzo il pulsante \u00abEsporta PDF\u00bb non fa nulla."
    "\n\nPassi:\n1. Apri Fatture\n2. Clicca Esporta\n\nBrowser: Firefox 128 \U0001f98a\n"
)
PROFILE = Profile(
    name="Helpdesk",
    to_address="assistenza@example.it",
    from_address="mario.rossi@example.it",
    from_name="Mario Ross\u00ec, Ufficio Acquisti \u00e8 \u2603",
    host="smtp.example.it",
)


class Blobs(dict[str, bytes]):
    """Attachment bytes by sha256, as the blob store serves them."""

    def add(self, name: str, data: bytes, mime: str) -> AttachmentRef:
        sha = hashlib.sha256(data).hexdigest()
        self[sha] = data
        return AttachmentRef(name=name, sha256=sha, size=len(data), mime=mime)


@pytest.fixture
def blobs() -> Blobs:
    return Blobs()


def _text(part: EmailMessage) -> str:
    """A text part's content with the wire's CRLF line ends back as the newlines written."""
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def _parse(message: EmailMessage) -> tuple[bytes, EmailMessage]:
    raw = message.as_bytes(policy=policy.SMTP)
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return raw, parsed


def test_every_part_of_the_message_survives_a_parse(blobs: Blobs):
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(5000)
    note = "Citt\u00e0: perch\u00e9 s\u00ec \u2014 \U0001f600\n".encode()
    refs = (
        blobs.add("schermata \u00e8 \U0001f600.png", png, "image/png"),
        blobs.add("note perch\u00e9.txt", note, "text/plain"),
        blobs.add('archivio "citt\u00e0"; v2.zip', os.urandom(300), "application/zip"),
        blobs.add("senza tipo", b"\x00\x01\x02", "strano"),  # no subtype: octet-stream
    )
    created = datetime(2024, 3, 1, 10, 15, 30, tzinfo=ROME)
    key = "6f1f5a0e-6c39-4a40-9a5e-3f5c2b1d7e11"
    submission = Submission(key, "Helpdesk", SUBJECT, BODY, refs, created_at=created)

    raw, parsed = _parse(build_message(submission, PROFILE, blobs.__getitem__))

    # On the wire: 7-bit, CRLF, no line over the limit (no SMTPUTF8 or 8BITMIME needed).
    assert raw.isascii()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    assert b"=?utf-8?" in header_block  # RFC 2047 encoded words for the subject and name

    # Headers
    (sender,) = parsed["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (PROFILE.from_name, PROFILE.from_address)
    assert [a.addr_spec for a in parsed["To"].addresses] == [PROFILE.to_address]
    assert parsed["Subject"] == SUBJECT
    assert parsed["Date"].datetime == created
    assert parsed["Message-ID"] == f"<ticketwise.{key}@example.it>"
    assert parsed["X-Mailer"] == f"Ticketwise/{__version__}"
    assert parsed["X-Ticketwise-Submission"] == key
    assert parsed["MIME-Version"] == "1.0"
    assert parsed["In-Reply-To"] is None
    for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert len(parsed.get_all(header)) == 1, header

    # Structure
    assert parsed.get_content_type() == "multipart/mixed"
    parts = list(parsed.iter_parts())
    assert len(parts) == 1 + len(refs)
    assert all(p["MIME-Version"] is None for p in parts)  # only the top level has it

    text = parts[0]
    assert text.get_content_type() == "text/plain"
    assert text.get_content_charset() == "utf-8"
    assert text.get_content_disposition() is None
    assert _text(text) == BODY

    for part, ref in zip(parts[1:], refs, strict=True):
        assert part.get_content_disposition() == "attachment"
        assert part.get_filename() == ref.name
        assert part.get_param("name") == ref.name
        expected_type = ref.mime if "/" in ref.mime else "application/octet-stream"
        assert part.get_content_type() == expected_type
        assert part["Content-Transfer-Encoding"] == "base64"
        assert part.get_payload(decode=True) == blobs[ref.sha256]
    # Non-ASCII names travel RFC 2231-encoded
    assert b"filename*=utf-8''schermata%20%C3%A8%20%F0%9F%98%80.png" in raw


def test_a_message_without_attachments_is_still_multipart(blobs: Blobs):
    submission = Submission("k1", "Helpdesk", "Export fails with error 500", "Plain ASCII body")
    _, parsed = _parse(build_message(submission, PROFILE, blobs.__getitem__))
    assert parsed.get_content_type() == "multipart/mixed"
    (text,) = parsed.iter_parts()
    assert _text(text) == "Plain ASCII body\n"  # a final newline is added
    assert text["Content-Transfer-Encoding"] == "7bit"


def test_non_ascii_body_is_quoted_printable(blobs: Blobs):
    submission = Submission("k2", "Helpdesk", "s", "Perch\u00e9?\n")
    _, parsed = _parse(build_message(submission, PROFILE, blobs.__getitem__))
    (text,) = parsed.iter_parts()
    assert text["Content-Transfer-Encoding"] == "quoted-printable"
    assert _text(text) == "Perch\u00e9?\n"


def test_a_very_long_ascii_line_is_encoded_not_cut(blobs: Blobs):
    body = "x" * 1500 + "\n" + "end\n"
    raw, parsed = _parse(
        build_message(Submission("k3", "Helpdesk", "s", body), PROFILE, blobs.__getitem__)
    )
    (text,) = parsed.iter_parts()
    assert text["Content-Transfer-Encoding"] == "quoted-printable"
    assert _text(text) == body
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78


@pytest.mark.parametrize("subject", ["first line\nsecond line", "first line\r\nsecond line"])
def test_a_subject_with_line_breaks_becomes_one_line(blobs: Blobs, subject: str):
    submission = Submission("k4", "Helpdesk", subject, "body")
    _, parsed = _parse(build_message(submission, PROFILE, blobs.__getitem__))
    assert parsed["Subject"] == "first line second line"


def test_a_from_name_with_line_breaks_becomes_one_line(blobs: Blobs):
    profile = Profile(**{**PROFILE.to_dict(), "from_name": "Mario\nRossi"})
    _, parsed = _parse(
        build_message(Submission("k5", "Helpdesk", "s", "b"), profile, blobs.__getitem__)
    )
    assert parsed["From"].addresses[0].display_name == "Mario Rossi"


def test_a_reply_carries_in_reply_to_and_references(blobs: Blobs):
    submission = Submission("k6", "Helpdesk", "Re: [Ticket#2021030110000012] x", "b")
    message = build_message(submission, PROFILE, blobs.__getitem__, in_reply_to="<abc@desk>")
    _, parsed = _parse(message)
    assert parsed["In-Reply-To"] == "<abc@desk>"
    assert parsed["References"] == "<abc@desk>"


def test_message_id_is_stable_per_submission(blobs: Blobs):
    one = build_message(Submission("same", "Helpdesk", "a", "b"), PROFILE, blobs.__getitem__)
    two = build_message(Submission("same", "Helpdesk", "c", "d"), PROFILE, blobs.__getitem__)
    other = build_message(Submission("other", "Helpdesk", "a", "b"), PROFILE, blobs.__getitem__)
    assert one["Message-ID"] == two["Message-ID"] != other["Message-ID"]


def test_an_unreadable_attachment_fails_the_build(blobs: Blobs):
    ref = AttachmentRef("gone.png", "0" * 64, 3, "image/png")
    with pytest.raises(KeyError):
        build_message(Submission("k7", "Helpdesk", "s", "b", (ref,)), PROFILE, blobs.__getitem__)


# -- errors -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server_context() -> ssl.SSLContext:
    """A server certificate for 127.0.0.1 from a CA nobody trusts."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


def _handshake(client: ssl.SSLObject, server: ssl.SSLObject, pipes: list[ssl.MemoryBIO]) -> None:
    """Run a TLS handshake between two in-memory ends until the client fails or finishes."""
    c_in, c_out, s_in, s_out = pipes
    for _ in range(20):
        try:
            client.do_handshake()
            return
        except ssl.SSLWantReadError:
            pass
        s_in.write(c_out.read())
        try:
            server.do_handshake()
        except ssl.SSLWantReadError:
            pass
        c_in.write(s_out.read())
    raise AssertionError("the handshake did not finish")


def _tls_pair(client_context: ssl.SSLContext, server_context: ssl.SSLContext):
    pipes = [ssl.MemoryBIO() for _ in range(4)]
    client = client_context.wrap_bio(pipes[0], pipes[1], server_hostname="127.0.0.1")
    server = server_context.wrap_bio(pipes[2], pipes[3], server_side=True)
    return client, server, pipes


def test_an_untrusted_certificate_is_a_certificate_error(server_context: ssl.SSLContext):
    client, server, pipes = _tls_pair(tls_context(), server_context)
    with pytest.raises(ssl.SSLCertVerificationError) as info:
        _handshake(client, server, pipes)
    mapped = map_error(info.value)
    assert isinstance(mapped, CertificateError)
    assert mapped.params["detail"] == info.value.verify_message
    assert "certificate" in mapped.message


def test_a_tls_failure_is_a_configuration_error():
    pipes = [ssl.MemoryBIO() for _ in range(4)]
    client = tls_context().wrap_bio(pipes[0], pipes[1], server_hostname="127.0.0.1")
    with pytest.raises(ssl.SSLWantReadError):
        client.do_handshake()
    pipes[0].write(b"220 smtp.example.it ESMTP ready\r\n")  # plain SMTP where TLS was expected
    with pytest.raises(ssl.SSLError) as info:
        client.do_handshake()
    mapped = map_error(info.value)
    assert isinstance(mapped, ConfigError)
    assert mapped.params["reason"] == "tls_handshake"


def test_the_profiles_ca_file_makes_the_certificate_trusted(tmp_path: Path):
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    client, server, pipes = _tls_pair(tls_context(str(ca_file)), server_context)
    _handshake(client, server, pipes)
    assert client.version() is not None


@pytest.mark.parametrize("content", [b"not a certificate", None])
def test_an_unusable_ca_file_is_a_configuration_error(tmp_path: Path, content: bytes | None):
    ca_file = tmp_path / "ca.pem"
    if content is not None:
        ca_file.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        tls_context(str(ca_file))
    assert info.value.params["field"] == "ca_file"


def _refused(code: int, text: bytes) -> smtplib.SMTPRecipientsRefused:
    return smtplib.SMTPRecipientsRefused({"assistenza@example.it": (code, text)})


@pytest.mark.parametrize(
    ("exc", "committed", "expected", "params"),
    [
        (
            smtplib.SMTPAuthenticationError(535, b"5.7.8 Authentication credentials invalid"),
            False,
            AuthError,
            {"server": "5.7.8 Authentication credentials invalid"},
        ),
        (smtplib.SMTPNotSupportedError("AUTH not offered"), False, ConfigError, {}),
        (
            _refused(550, b"5.1.1 User unknown"),
            False,
            RecipientRefused,
            {"reason": "assistenza@example.it: 5.1.1 User unknown"},
        ),
        (smtplib.SMTPSenderRefused(552, b"5.3.4 Message too big", "a@b.it"), False, TooLarge, {}),
        (smtplib.SMTPDataError(554, b"5.3.4 Message size exceeds limit"), False, TooLarge, {}),
        (
            smtplib.SMTPSenderRefused(451, b"4.3.0 Try again later", "a@b.it"),
            False,
            NotReachable,
            {"reason": "temporary", "code": 451},
        ),
        (smtplib.SMTPSenderRefused(553, b"5.7.1 Sender not allowed", "a"), False, Rejected, {}),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), False, NotReachable, {}),
        (smtplib.SMTPConnectError(421, b"too many connections"), False, NotReachable, {}),
        (TimeoutError("timed out"), False, TimeoutFailure, {}),
        (socket.gaierror(-2, "Name or service not known"), False, NotReachable, {"reason": "dns"}),
        (ConnectionRefusedError(111, "Connection refused"), False, NotReachable, {}),
        (OSError(101, "Network is unreachable"), False, NotReachable, {"reason": "network"}),
        # After the whole payload went out, a broken connection leaves the outcome open...
        (smtplib.SMTPServerDisconnected("closed"), True, OutcomeUnknown, {}),
        (TimeoutError("timed out"), True, OutcomeUnknown, {}),
        (ConnectionResetError(104, "reset"), True, OutcomeUnknown, {}),
        # ... but the server's answer to the payload is a verdict, not an unknown.
        (smtplib.SMTPDataError(554, b"5.7.1 Rejected as spam"), True, Rejected, {"code": 554}),
        (smtplib.SMTPDataError(552, b"5.3.4 Too much mail data"), True, TooLarge, {}),
        (smtplib.SMTPDataError(451, b"4.7.1 Greylisted"), True, NotReachable, {}),
    ],
)
def test_map_error(exc, committed, expected, params):
    mapped = map_error(exc, committed=committed)
    assert type(mapped) is expected
    for key, value in params.items():
        assert mapped.params[key] == value


def test_map_error_leaves_typed_errors_cancellation_and_bugs_alone():
    typed = AuthError("no password")
    cancelled = Cancelled()
    bug = ValueError("a bug stays a bug")
    assert map_error(typed) is typed
    assert map_error(cancelled, committed=True) is cancelled
    assert map_error(bug) is bug


def test_retryable_kinds():
    assert map_error(ConnectionRefusedError(111, "refused")).retryable
    assert map_error(TimeoutError()).retryable
    assert not map_error(TimeoutError(), committed=True).retryable
    assert not map_error(smtplib.SMTPAuthenticationError(535, b"no")).retryable


def test_the_connector_never_shows_its_password():
    connector = SmtpConnector(PROFILE, "Perch\u00e9-segreta")
    assert "segreta" not in repr(connector)
    assert "Helpdesk" in repr(connector)
