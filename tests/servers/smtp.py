"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd): STARTTLS or implicit TLS, AUTH, SIZE.

Run by itself it serves until killed, printing its port (used by the e2e tests and for trying the
app by hand)::

    python -m tests.servers.smtp --port 2525 --user jane --password secret --tls starttls
"""

from __future__ import annotations

import argparse
import asyncio
import ssl
import threading
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class Received:
    """One accepted message."""

    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        """The parsed message."""
        parsed = message_from_bytes(self.data, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class MailSink:
    """The handler: keeps what arrives; refuses listed recipients; can hang before answering,
    or answer the payload with ``reject_after_data`` (e.g. "554 5.7.1 Spam") and keep nothing."""

    refuse: set[str] = field(default_factory=set)
    messages: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    payload_received: threading.Event = field(default_factory=threading.Event)
    hang_after_data: threading.Event | None = None
    reject_after_data: str = ""
    aborted: int = 0  # sessions that ended inside a mail transaction: nothing was kept
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def transaction_aborted(self) -> None:
        """Called by the server when a client leaves between MAIL FROM and the reply to DATA."""
        with self._changed:
            self.aborted += 1
            self._changed.notify_all()

    def wait_aborted(self, count: int, timeout: float = 10.0) -> bool:
        """Wait until ``count`` transactions were abandoned; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.aborted >= count, timeout)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.payload_received.set()  # the whole message, up to the final ".", has arrived
        if self.hang_after_data is not None:
            while not self.hang_after_data.is_set():
                await asyncio.sleep(0.05)
        if self.reject_after_data:
            return self.reject_after_data
        content = envelope.original_content or envelope.content or b""
        assert isinstance(content, bytes)
        self.messages.append(Received(str(envelope.mail_from), list(envelope.rcpt_tos), content))
        self.arrived.set()
        return "250 2.0.0 Ok: queued"


class _Authenticator:
    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode()
            password = auth_data.password.decode()
            if self.users.get(login) == password:
                return AuthResult(success=True, auth_data=login)
        return AuthResult(success=False, handled=False)


class _SMTP(SMTP):
    """One session; tells the sink when the client leaves in the middle of a mail transaction
    (so tests can wait for "the server has seen the end of it" instead of sleeping)."""

    def connection_lost(self, error: Exception | None) -> None:
        aborted = self.envelope is not None and self.envelope.mail_from is not None
        super().connection_lost(error)
        if aborted and isinstance(self.event_handler, MailSink):
            self.event_handler.transaction_aborted()


class _Controller(Controller):
    """aiosmtpd counts only STARTTLS as encryption: with ``implicit_tls`` it would refuse AUTH
    ("538 Encryption required") on a connection that was TLS from its first byte."""

    implicit_tls = False

    def factory(self) -> SMTP:
        smtp = _SMTP(self.handler, **self.SMTP_kwargs)
        if self.implicit_tls:
            smtp._auth_require_tls = False  # the whole connection is TLS already
        return smtp


class TestSMTPServer:
    """Start/stop a real SMTP server in a background thread."""

    __test__ = False  # not a pytest test class

    def __init__(
        self,
        *,
        port: int = 0,
        tls: str = "none",  # none | starttls | ssl
        server_context: ssl.SSLContext | None = None,
        users: dict[str, str] | None = None,
        size_limit: int = 33554432,
        refuse: set[str] | None = None,
    ) -> None:
        self.sink = MailSink(refuse={r.lower() for r in refuse or set()})
        kwargs: dict[str, Any] = {"data_size_limit": size_limit}
        if users is not None:
            kwargs["authenticator"] = _Authenticator(users)
            kwargs["auth_required"] = True
            kwargs["auth_require_tls"] = tls != "none"
        if tls == "starttls":
            kwargs["tls_context"] = server_context
            kwargs["require_starttls"] = True
        elif tls == "ssl":
            kwargs["ssl_context"] = server_context
        self.tls = tls
        self._controller = _Controller(
            self.sink, hostname="127.0.0.1", port=port or _free_port(), **kwargs
        )
        self._controller.implicit_tls = tls == "ssl"

    @property
    def port(self) -> int:
        """The listening port."""
        return int(self._controller.port)

    @property
    def messages(self) -> list[Received]:
        """Messages accepted so far."""
        return self.sink.messages

    def start(self) -> TestSMTPServer:
        """Listen (returns when the server accepts connections)."""
        self._controller.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        self._controller.stop()

    def __enter__(self) -> TestSMTPServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--spool", default="", help="folder to write each message to (.eml)")
    args = parser.parse_args()
    users = {args.user: args.password} if args.user else None
    server = TestSMTPServer(port=args.port, users=users)
    if args.spool:
        import pathlib

        spool = pathlib.Path(args.spool)
        spool.mkdir(parents=True, exist_ok=True)
        original = server.sink.handle_DATA

        async def spooling(srv: SMTP, session: Session, envelope: Envelope) -> str:
            answer = await original(srv, session, envelope)
            received = server.messages[-1]
            (spool / f"{len(server.messages):04d}.eml").write_bytes(received.data)
            return answer

        server.sink.handle_DATA = spooling  # type: ignore[method-assign]
    server.start()
    print(f"SMTP server on 127.0.0.1:{server.port}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    _main()
