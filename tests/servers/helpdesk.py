"""A fake OTRS-family help desk reached by e-mail, for tests: it takes the customer's mails on a
real SMTP server (aiosmtpd, tests/servers/smtp.py) and answers into the customer's real mailbox
(dovecot over LMTP, tests/servers/imap.py), the way the recorded OTOBO 11 PostMaster does
(tests/data/mail/otobo):

* a mail without a ticket number opens a ticket (DateChecksum numbers: ``YYYYMMDD`` + SystemID
  ``10`` + counter + check digit) and gets the auto reply ``[Ticket#N] RE: <subject>``, the
  subject cut to 24 characters and `` [...]`` (``<OTRS_CUSTOMER_SUBJECT[24]>``), with
  ``In-Reply-To`` the customer's Message-ID, ``Auto-Submitted: auto-generated``,
  ``Precedence: bulk``, ``X-Loop: yes``, as text and HTML;
* a mail whose subject carries ``Ticket#N`` (``GetTNByString`` with the SystemID check) is a
  follow-up: it joins ticket N, reopens it if it was closed (fixture 44) and gets an auto
  follow-up;
* an agent's reply is ``Re: [Ticket#N] <title>`` without any auto-submitted mark;
* closing sends ``[Ticket#N] Resolved: <title>``, RT's stock "Resolved" wording (OTRS sends no
  close notice by default; the reader recognises this one).
"""

from __future__ import annotations

import itertools
import queue
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from tests.servers.imap import DovecotServer
from tests.servers.smtp import TestSMTPServer

SYSTEM_ID = "10"
ADDRESS = "support@helpdesk.example"
SYSTEM_FROM = f"Help Desk System <{ADDRESS}>"
AGENT_FROM = f"Alice Agent via Help Desk <{ADDRESS}>"
_TN = re.compile(r"Ticket#:?\s{0,2}(\d{8}" + SYSTEM_ID + r"\d{4,40})", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*((re|aw|fwd?|wg)\s*:\s*)+", re.IGNORECASE)


def date_checksum(day: datetime, counter: int) -> str:
    """OTRS's Kernel::System::Ticket::Number::DateChecksum (SystemID 10, MinCounterSize 5)."""
    number = day.strftime("%Y%m%d") + SYSTEM_ID + f"{counter:05d}"
    total, weight = 0, 1
    for digit in number:
        total += weight * int(digit)
        weight = 1 if weight == 2 else 2
    check = 10 - total % 10
    return number + str(1 if check == 10 else check)


def customer_subject(subject: str, chars: int = 24) -> str:
    """``<OTRS_CUSTOMER_SUBJECT[24]>``: the cleaned subject, cut with `` [...]``."""
    cleaned = _TN.sub("", _PREFIX.sub("", subject)).replace("[]", "")
    cleaned = " ".join(_PREFIX.sub("", cleaned).split())
    return cleaned if len(cleaned) <= chars else cleaned[:chars] + " [...]"


@dataclass
class DeskTicket:
    """A ticket as the help desk keeps it."""

    number: str
    title: str
    customer: str
    state: str = "new"
    message_ids: list[str] = field(default_factory=list)  # every mail of the ticket, in order
    customer_message_ids: list[str] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)  # subjects of what the desk sent


class FakeHelpDesk:
    """The help desk: one SMTP server (STARTTLS + AUTH) for the customers, dovecot for replies."""

    def __init__(self, imap: DovecotServer, users: dict[str, str]) -> None:
        self.imap = imap
        self.address = ADDRESS
        self.smtp = TestSMTPServer(
            tls="starttls", server_context=imap.server_context(), users=users
        )
        self.tickets: dict[str, DeskTicket] = {}
        self.by_message_id: dict[str, str] = {}  # customer Message-ID -> ticket number
        self.errors: list[str] = []
        self._counter = itertools.count(1)
        self._ids = itertools.count(1)
        self._queue: queue.Queue[bytes | None] = queue.Queue()
        self._changed = threading.Condition()
        self._received = 0
        self._processed = 0
        self._worker = threading.Thread(target=self._work, name="fake-helpdesk", daemon=True)
        original = self.smtp.sink.handle_DATA

        async def handle_data(server: SMTP, session: Session, envelope: Envelope) -> str:
            answer = await original(server, session, envelope)
            if answer.startswith("250"):
                with self._changed:
                    self._received += 1
                self._queue.put(self.smtp.messages[-1].data)
            return answer

        self.smtp.sink.handle_DATA = handle_data  # type: ignore[method-assign]

    @property
    def port(self) -> int:
        """The SMTP port."""
        return self.smtp.port

    def start(self) -> FakeHelpDesk:
        """Listen for mail."""
        self.smtp.start()
        self._worker.start()
        return self

    def stop(self) -> None:
        """Stop listening (mail not yet processed is dropped)."""
        self.smtp.stop()
        self._queue.put(None)
        self._worker.join(timeout=10)

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait until every mail received so far has been handled (answers delivered)."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._processed >= self._received, timeout):
                raise TimeoutError("the fake help desk did not process its mail in time")
        assert not self.errors, self.errors

    # -- the agent's side -----------------------------------------------------------------------

    def agent_reply(self, number: str, text: str) -> None:
        """Alice answers the customer."""
        ticket = self.tickets[number]
        ticket.state = "open"
        self._send(
            ticket,
            subject=f"Re: [Ticket#{number}] {ticket.title}",
            sender=AGENT_FROM,
            text=f"{text}\n\nAlice Agent\n",
            automatic=False,
        )

    def close(self, number: str) -> None:
        """Alice closes the ticket; the customer is told."""
        ticket = self.tickets[number]
        ticket.state = "closed successful"
        self._send(
            ticket,
            subject=f"[Ticket#{number}] Resolved: {ticket.title}",
            sender=SYSTEM_FROM,
            text="According to our records, your request has been resolved. If you have any\n"
            "further questions or concerns, please respond to this message.\n",
            automatic=True,
            references=True,
        )

    # -- mail in --------------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            data = self._queue.get()
            if data is None:
                return
            try:
                self._receive(data)
            except Exception as exc:  # a test helper: record, and let wait_idle report it
                self.errors.append(f"{type(exc).__name__}: {exc}")
            finally:
                with self._changed:
                    self._processed += 1
                    self._changed.notify_all()

    def _receive(self, data: bytes) -> None:
        message: Any = message_from_bytes(data, policy=policy.default)
        subject = str(message.get("Subject", ""))
        customer = parseaddr(str(message.get("From", "")))[1]
        message_id = str(message.get("Message-ID", "")).strip()
        match = _TN.search(subject)
        ticket = self.tickets.get(match.group(1)) if match else None
        if ticket is None:
            number = date_checksum(datetime.now(UTC), next(self._counter))
            title = " ".join(_PREFIX.sub("", subject).split()) or "(no subject)"
            ticket = DeskTicket(number, title, customer)
            self.tickets[number] = ticket
            text = "Thanks for your email. A new ticket has been created.\n"
        else:
            if ticket.state.startswith("closed"):
                ticket.state = "open"  # an e-mail follow-up reopens (PostMaster, fixture 44)
            text = "Thanks for your follow-up email\n"
        ticket.message_ids.append(message_id)
        ticket.customer_message_ids.append(message_id)
        self.by_message_id[message_id] = ticket.number
        body = message.get_body(("plain",))
        quoted = "\n".join(
            f"> {line}" for line in str(body.get_content() if body else "").splitlines()
        )
        self._send(
            ticket,
            subject=f"[Ticket#{ticket.number}] RE: {customer_subject(subject)}",
            sender=SYSTEM_FROM,
            text=f"{text}\nYou wrote:\n{quoted}\n\nYour email will be answered by a human ASAP.\n",
            automatic=True,
            in_reply_to=message_id,
        )

    # -- mail out -------------------------------------------------------------------------------

    def _send(
        self,
        ticket: DeskTicket,
        *,
        subject: str,
        sender: str,
        text: str,
        automatic: bool,
        in_reply_to: str = "",
        references: bool = False,
    ) -> None:
        message = EmailMessage()
        message["From"] = sender
        message["To"] = ticket.customer
        message["Subject"] = subject
        message["Date"] = format_datetime(datetime.now(UTC))
        message["Message-ID"] = f"<{next(self._ids)}.{ticket.number}@helpdesk.example>"
        answered = in_reply_to or (ticket.customer_message_ids or [""])[-1]
        if answered:
            message["In-Reply-To"] = answered
            if references or not automatic:  # OTOBO's auto responses carry no References
                message["References"] = " ".join(ticket.message_ids[-5:])
        if automatic:
            message["Auto-Submitted"] = "auto-generated"
            message["Precedence"] = "bulk"
            message["X-Loop"] = "yes"
        message["X-Mailer"] = "Fake OTRS-family help desk (tests)"
        message.set_content(text, cte="quoted-printable")
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br/>")
        message.add_alternative(f"<html><body>{escaped}</body></html>", subtype="html")
        ticket.message_ids.append(str(message["Message-ID"]))
        ticket.answers.append(subject)
        self.imap.deliver(ticket.customer, bytes(message), sender=self.address)
