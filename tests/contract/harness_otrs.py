"""The OTRS family's contract harness: the fake OTOBO web service (tests/servers/otrs.py), which
answers as the recorded OTOBO 11 does and fails any request the real one would not take."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config.profiles import Profile
from app.connectors.otrs import OtrsConnector
from app.core.connector import CreateResult
from app.core.model import AttachmentRef, Submission, new_submission_key
from app.core.tickets import Thread
from app.store.blobs import BlobStore
from tests.servers.otrs import FakeOtobo, default_users

LOGIN = "jane.customer"


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (the kernel just handed it out)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class OtrsHarness:
    """The customer Jane of ACME on a fresh fake OTOBO; agent Alice answers and closes."""

    server: FakeOtobo
    blobs: BlobStore
    password: str
    name: str = "otrs"
    login: str = LOGIN
    display_name: str = "Jane Customer"

    def profile(self, url: str = "") -> Profile:
        return Profile(
            name="OTOBO",
            kind="otrs",
            url=url or self.server.url,
            login=self.login,
            queue="Raw",
            portal_url=f"{self.server.root}/otobo/customer.pl",
        )

    def connector(self, *, password: str | None = None) -> OtrsConnector:
        return OtrsConnector(self.profile(), password or self.password, timeout=10)

    def unreachable_connector(self) -> OtrsConnector:
        url = f"http://127.0.0.1:{free_port()}/otobo/nph-genericinterface.pl"
        return OtrsConnector(self.profile(url), self.password, timeout=5)

    def submission(
        self, subject: str, body: str, attachments: tuple = (), **kw: object
    ) -> Submission:
        return Submission(
            submission_key=new_submission_key(),
            profile="OTOBO",
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
        return result.ticket_id, result.ticket_number

    def agent_reply(self, ticket_id: str, text: str) -> None:
        self.server.agent_reply(ticket_id, text)

    def agent_close(self, ticket_id: str) -> None:
        self.server.agent_close(ticket_id)

    def thread(self, ticket_id: str) -> Thread:
        return self.connector().get_thread(ticket_id)


def make_harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OtrsHarness]:
    """A fake OTOBO for one test; at the end, no request may have broken the recorded shapes."""
    password = f"J\u00e4ne-{secrets.token_urlsafe(12)}"
    server = FakeOtobo(users=default_users(password=password)).start()
    try:
        yield OtrsHarness(server, BlobStore(tmp_path / "blobs"), password)
    finally:
        server.stop()
    assert not server.violations, server.violations
