"""The e-mail contract harness: the customer sends through a real SMTP server to a fake
OTRS-family help desk (tests/servers/helpdesk.py), which answers into the customer's real
mailbox on dovecot (tests/servers/imap.py); the e-mail connector reads it back over IMAPS."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config.profiles import Profile
from app.connectors.mail import SmtpConnector
from app.core.connector import CreateResult
from app.core.model import AttachmentRef, Submission, new_submission_key
from app.core.tickets import Thread
from app.store.blobs import BlobStore
from tests.servers.helpdesk import FakeHelpDesk
from tests.servers.imap import DovecotServer


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (the kernel just handed it out)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class MailHarness:
    """A fresh customer mailbox and a fresh help desk for each test."""

    imap: DovecotServer
    desk: FakeHelpDesk
    blobs: BlobStore
    login: str
    password: str
    name: str = "mail"
    display_name: str = ""

    def profile(self, *, smtp_port: int = 0, imap_port: int = 0) -> Profile:
        return Profile(
            name="Helpdesk",
            to_address=self.desk.address,
            from_address=self.login,
            from_name="Jane Customer",
            host="127.0.0.1",
            port=smtp_port or self.desk.port,
            security="starttls",
            login=self.login,
            ca_file=str(self.imap.ca_file),
            imap_host="127.0.0.1",
            imap_port=imap_port or self.imap.imaps_port,
            imap_security="ssl",
        )

    def connector(self, *, password: str | None = None) -> SmtpConnector:
        return SmtpConnector(self.profile(), password or self.password, timeout=10)

    def unreachable_connector(self) -> SmtpConnector:
        profile = self.profile(smtp_port=free_port(), imap_port=free_port())
        return SmtpConnector(profile, self.password, timeout=5)

    def submission(
        self, subject: str, body: str, attachments: tuple = (), **kw: object
    ) -> Submission:
        return Submission(
            submission_key=new_submission_key(),
            profile="Helpdesk",
            subject=subject,
            body=body,
            attachments=attachments,
            **kw,  # type: ignore[arg-type]
        )

    def read_blob(self, sha256: str) -> bytes:
        return self.blobs.read(sha256)

    def store(self, name: str, data: bytes, mime: str) -> AttachmentRef:
        sha, size = self.blobs.put_bytes(data)
        return AttachmentRef(name=name, sha256=sha, size=size, mime=mime)

    def ticket_of(self, result: CreateResult, submission: Submission) -> tuple[str, str]:
        """The number the help desk gave, as the customer learns it: from the auto-reply."""
        self.desk.wait_idle()
        number = self.desk.by_message_id[result.message_id]
        found = self.connector().find_by_submission_key(submission.submission_key)
        assert found is not None and found.ticket_number == number, (found, number)
        return found.ticket_id, found.ticket_number

    def agent_reply(self, ticket_id: str, text: str) -> None:
        self.desk.wait_idle()
        self.desk.agent_reply(ticket_id, text)

    def agent_close(self, ticket_id: str) -> None:
        self.desk.wait_idle()
        self.desk.close(ticket_id)

    def thread(self, ticket_id: str) -> Thread:
        self.desk.wait_idle()
        return self.connector().get_thread(ticket_id)


def make_harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MailHarness]:
    """A new mailbox user on the session's dovecot, and a help desk that answers into it."""
    imap: DovecotServer = request.getfixturevalue("imap_server")
    login, password = imap.add_user()
    desk = FakeHelpDesk(imap, users={login: password}).start()
    try:
        yield MailHarness(imap, desk, BlobStore(tmp_path / "blobs"), login, password)
    finally:
        desk.stop()
    assert not desk.errors, desk.errors
