"""The connector contract: one suite, run against every help desk.

Each help desk provides a harness module ``tests/contract/harness_<name>.py`` with a
``make_harness(request, tmp_path)`` generator that yields a :class:`Harness` (and cleans up after
the yield). The harness owns the server side: it starts (or connects to) a real or recorded
server on 127.0.0.1 and can act as the help desk's agent (reply, close), which the contract needs
to check what a customer sees.

The same test names run for every help desk, so the test report is a matrix of which help desk
does what. Where a help desk cannot do something by design (capabilities say so), the test is
skipped with the reason, never silently passed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pytest

from app.core.connector import Connector, CreateResult
from app.core.model import Submission
from app.core.tickets import Thread

HELP_DESKS = ("otrs", "rt", "mail")


class Harness(Protocol):
    """What the contract suite needs from a help desk's test set-up."""

    name: str
    login: str  # the customer's login, as identify() should report it
    display_name: str  # the customer's name, as identify() should report it (may be "")

    def connector(self, *, password: str | None = None) -> Connector:
        """A customer's connector (the right password unless ``password`` is given)."""
        ...

    def unreachable_connector(self) -> Connector:
        """A connector whose server does not answer (nothing listens on its port)."""
        ...

    def submission(
        self, subject: str, body: str, attachments: tuple = (), **kw: object
    ) -> Submission:
        """A submission for this help desk's profile (attachments: AttachmentRefs from blobs)."""
        ...

    def read_blob(self, sha256: str) -> bytes:
        """The bytes of a blob made with :meth:`store`."""
        ...

    def store(self, name: str, data: bytes, mime: str) -> object:
        """Store bytes as a blob; the AttachmentRef for a submission."""
        ...

    def ticket_of(self, result: CreateResult, submission: Submission) -> tuple[str, str]:
        """(ticket id, ticket number) the help desk gave a created ticket. For e-mail this waits
        for the help desk's auto-reply (the number is only known from it)."""
        ...

    def agent_reply(self, ticket_id: str, text: str) -> None:
        """The help desk's agent answers the customer."""
        ...

    def agent_close(self, ticket_id: str) -> None:
        """The help desk's agent closes the ticket."""
        ...

    def thread(self, ticket_id: str) -> Thread:
        """The ticket as the customer's connector shows it now (after any sync it needs)."""
        ...


@pytest.fixture(params=HELP_DESKS)
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    """The harness of each help desk in turn."""
    try:
        module = importlib.import_module(f"tests.contract.harness_{request.param}")
    except ModuleNotFoundError as exc:
        if exc.name != f"tests.contract.harness_{request.param}":
            raise
        pytest.fail(
            f"no contract harness for {request.param!r} (tests/contract/harness_{request.param}.py)"
        )
    yield from module.make_harness(request, tmp_path)
