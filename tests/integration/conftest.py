"""Fixtures of the integration tier: real SMTP servers on 127.0.0.1, a CA the client trusts
through the profile's ca_file, and the real command line run as a subprocess."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme

from app.config.profiles import Profile
from app.services.context import AppContext
from tests.conftest import ROOT
from tests.servers.smtp import TestSMTPServer

USER = "mario.rossi"
# Non-ASCII and a space on purpose: credentials travel as UTF-8.
PASSWORD = "Perch\u00e9-\u20ac 42-segreta"
TO = "assistenza@example.it"
FROM = "mario.rossi@example.it"
FROM_NAME = "Mario Ross\u00ec"


@dataclass(frozen=True)
class TLSFiles:
    """A private CA and a server certificate for 127.0.0.1 signed by it."""

    ca_file: Path
    server_context: ssl.SSLContext


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TLSFiles:
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path_factory.mktemp("tls") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return TLSFiles(ca_file, context)


ServerFactory = Callable[..., TestSMTPServer]


@pytest.fixture
def smtp_server(tls: TLSFiles) -> Iterator[ServerFactory]:
    """Start real SMTP servers: ``smtp_server(security="starttls", users={...}, ...)``."""
    started: list[TestSMTPServer] = []

    def start(
        *, security: str = "starttls", users: dict[str, str] | None = None, **kwargs: object
    ) -> TestSMTPServer:
        server = TestSMTPServer(
            tls=security,
            server_context=tls.server_context if security != "none" else None,
            users=users,
            **kwargs,
        )
        started.append(server.start())
        return server

    yield start
    for server in started:
        if server.sink.hang_after_data is not None:
            server.sink.hang_after_data.set()
        server.stop()


def profile_for(
    server_port: int,
    *,
    security: str,
    tls: TLSFiles,
    name: str = "Helpdesk",
    login: str = USER,
    trust_ca: bool = True,
    to_address: str = TO,
) -> Profile:
    """The profile a user would set up for this server."""
    return Profile(
        name=name,
        to_address=to_address,
        from_address=FROM,
        from_name=FROM_NAME,
        host="127.0.0.1",
        port=server_port,
        security=security,
        login=login,
        ca_file=str(tls.ca_file) if trust_ca and security != "none" else "",
    )


@pytest.fixture
def add_profile(ctx: AppContext, tls: TLSFiles) -> Callable[..., Profile]:
    """Save a profile for a server port (and its password in the keyring) in ``ctx``."""

    def add(port: int, *, password: str | None = PASSWORD, **kwargs: object) -> Profile:
        profile = profile_for(port, tls=tls, **kwargs)
        ctx.profiles.save(profile)
        if profile.login and password is not None:
            ctx.secrets.set(profile.keyring_user, password)
        return profile

    return add


def text_of(part: EmailMessage) -> str:
    """A text part as written: the wire's CRLF line ends back to newlines."""
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


def free_port() -> int:
    """A port on 127.0.0.1 with nothing listening (the kernel just handed it out)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


CLI = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli(tw_home: Path, tmp_path: Path) -> CLI:
    """Run ``python main.py ARGS`` as a user would, on this test's home and keyring."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            input=stdin if stdin is not None else "",
            cwd=tmp_path,
            env=dict(os.environ),  # TICKETWISE_HOME, PYTHON_KEYRING_BACKEND, XDG_DATA_HOME
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )

    return run
