"""Malformed mail in a real mailbox never breaks the sync: bad encodings, missing headers, broken
MIME are read as far as they go or skipped with a log line, never an exception (property test
against dovecot, which stores and describes whatever it is given)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.config.profiles import Profile
from app.core.tickets import Scope
from app.services.context import AppContext
from app.services.mailsync import MailSyncService
from app.services.outbox import OutboxService
from tests.servers.imap import DovecotServer

TN = b"2026112510000017"
SUBJECT = b"Subject: [Ticket#" + TN + b"] RE: "

headers = st.sampled_from(
    [
        b'From: <<<@@@>>> "unclosed\r\n',
        b"From: =?utf-8?b?!!!?= <x@y.z>\r\n",
        b"From: Jos\xe9 <jose@example.com>\r\n",  # raw latin-1
        b"Date: the day after tomorrow\r\n",
        b"Date: Mon, 99 Foo 20000 99:99:99 +9999\r\n",
        b"Message-ID: no-brackets-at-all\r\n",
        b"Message-ID: <>\r\n",
        b"In-Reply-To: <" + b"a" * 900 + b"@x>\r\n",
        b"References: " + b"<r@x> " * 300 + b"\r\n",
        b"Auto-Submitted: \xff\xfe\r\n",
        b"Content-Type: multipart/mixed\r\n",  # no boundary
        b'Content-Type: multipart/mixed; boundary="b"\r\n',
        b'Content-Type: text/plain; charset="x-no-such-charset"\r\n',
        b"Content-Type: text/html; charset=utf-16\r\n",
        b"Content-Type: message/rfc822\r\n",
        b"Content-Transfer-Encoding: base64\r\n",
        b"Content-Transfer-Encoding: quoted-printable\r\n",
        b"Content-Transfer-Encoding: x-martian\r\n",
        b"Content-Disposition: attachment; filename*=utf-8''%FF%FE%zz\r\n",
        b"X-Broken-Header-Without-Colon\r\n",
        b"MIME-Version: 1.0\r\n",
    ]
)
bodies = st.sampled_from(
    [
        b"--b\r\nContent-Type: text/plain\r\n\r\nnever closed\r\n",
        b"--b\r\n--b\r\n--b--\r\n--b\r\n",
        b"--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n",
        b"=?utf-8?q?not=a=word?= =FF=F\r\n",
        b"!!!! not base64 ~~~~\r\n",
        b"<html><body><p>unclosed <b><i><style>x{",
        b"\xff\xfe\x00h\x00i",
        b"",
    ]
)
mails = st.builds(
    lambda subject, hs, body, noise: (
        SUBJECT + subject + b"\r\n" + b"".join(hs) + b"\r\n" + body + noise
    ),
    st.binary(max_size=40).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")),
    st.lists(headers, max_size=6),
    bodies,
    st.binary(max_size=300),
)


@pytest.fixture
def profile(ctx: AppContext, imap_server: DovecotServer) -> Profile:
    login, password = imap_server.add_user()
    profile = Profile(
        name="Helpdesk",
        to_address="support@helpdesk.example",
        from_address=login,
        host="127.0.0.1",
        login=login,
        ca_file=str(imap_server.ca_file),
        imap_host="127.0.0.1",
        imap_port=imap_server.imap_port,
        imap_security="starttls",
    )
    ctx.profiles.save(profile)
    ctx.secrets.set(profile.keyring_user, password)
    return profile


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=mails)
def test_garbage_never_breaks_the_sync(
    raw: bytes, ctx: AppContext, profile: Profile, imap_server: DovecotServer
) -> None:
    with imap_server.client(profile.login) as imap:
        for folder in ("INBOX", "Sent"):
            imap.create(folder)  # Sent: once; "already exists" afterwards
            typ, _data = imap.append(folder, None, None, raw)
            assume(typ == "OK")  # dovecot refused to store it: nothing to read
    report = MailSyncService(ctx).sync("Helpdesk")
    assert report.skipped >= 0


def test_a_good_mail_still_arrives_after_garbage(
    ctx: AppContext, profile: Profile, imap_server: DovecotServer
) -> None:
    imap_server.append(
        profile.login, "INBOX", SUBJECT + b"\r\nContent-Type: multipart/mixed\r\n\r\n--"
    )
    imap_server.append(profile.login, "INBOX", SUBJECT + b"ok\r\nFrom: desk@x.y\r\n\r\nHello\r\n")
    sync = MailSyncService(ctx)
    sync.sync("Helpdesk")
    bodies = [a.body for a in sync.repo.articles("Helpdesk", TN.decode())]
    assert "Hello\r\n" in bodies or "Hello\n" in bodies
    connector = OutboxService(ctx).connector_for("Helpdesk")
    assert [t.id for t in connector.list_tickets(Scope.MINE)] == [TN.decode()]
