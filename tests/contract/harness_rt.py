"""The contract harness for Request Tracker 5: a real RT from Debian's packages on 127.0.0.1.

One RT instance serves the whole test session (``tests/servers/rt.py``: ~3 s to start). The
customer is ``carol`` (unprivileged, rights through the Requestor role only) logging in with her
password over HTTP Basic; the agent is ``agent`` (privileged) with his own auth token, used to
answer and resolve tickets the way an agent's tools would.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from app.config.profiles import Profile
from app.connectors.rt import RtConnector
from app.core.connector import CreateResult
from app.core.model import AttachmentRef, Submission, new_submission_key
from app.core.tickets import Thread
from tests.servers.rt import QUEUE, RtServer, RtUser, free_port, session_server

CUSTOMER = "carol"
AGENT = "agent"


class RtHarness:
    """What the contract suite drives: carol's connectors and the agent's REST calls."""

    name = "rt"

    def __init__(self, server: RtServer, customer: str = CUSTOMER) -> None:
        self.server = server
        self.user: RtUser = server.users[customer]
        self.login = self.user.name
        self.display_name = self.user.real_name
        self._blobs: dict[str, bytes] = {}

    def profile(self, url: str = "", **changes: object) -> Profile:
        """The profile a customer would set up for this RT."""
        values: dict[str, object] = {
            "name": "RT",
            "kind": "rt",
            "url": url or self.server.root_url,
            "login": self.login,
            "queue": QUEUE,
            "hook_style": "rt",
            "ticket_hook": self.server.rtname,
        }
        values.update(changes)
        return Profile(**values)  # type: ignore[arg-type]

    def connector(self, *, password: str | None = None, **profile: object) -> RtConnector:
        secret = self.user.password if password is None else password
        return RtConnector(self.profile(**profile), secret, timeout=20.0)  # type: ignore[arg-type]

    def unreachable_connector(self) -> RtConnector:
        return RtConnector(
            self.profile(url=f"http://127.0.0.1:{free_port()}/rt"), self.user.password, timeout=5
        )

    def submission(
        self, subject: str, body: str, attachments: tuple = (), **kw: object
    ) -> Submission:
        return Submission(
            submission_key=new_submission_key(),
            profile="RT",
            subject=subject,
            body=body,
            attachments=attachments,
            **kw,  # type: ignore[arg-type]
        )

    def store(self, name: str, data: bytes, mime: str) -> AttachmentRef:
        sha = hashlib.sha256(data).hexdigest()
        self._blobs[sha] = data
        return AttachmentRef(name=name, sha256=sha, size=len(data), mime=mime)

    def read_blob(self, sha256: str) -> bytes:
        return self._blobs[sha256]

    def ticket_of(self, result: CreateResult, submission: Submission) -> tuple[str, str]:
        return result.ticket_id, result.ticket_number

    def _agent(self, method: str, path: str, body: object) -> None:
        response = requests.request(
            method,
            f"{self.server.api_url}{path}",
            json=body,
            headers={"Authorization": f"token {self.server.users[AGENT].token}"},
            timeout=20,
        )
        assert response.status_code in (200, 201), (response.status_code, response.text)

    def agent_reply(self, ticket_id: str, text: str) -> None:
        self._agent(
            "POST",
            f"/ticket/{ticket_id}/correspond",
            {"Content": text, "ContentType": "text/plain"},
        )

    def agent_close(self, ticket_id: str) -> None:
        self._agent("PUT", f"/ticket/{ticket_id}", {"Status": "resolved"})

    def thread(self, ticket_id: str) -> Thread:
        return self.connector().get_thread(ticket_id)


def make_harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RtHarness]:
    """The harness on the session's RT instance."""
    yield RtHarness(session_server(request.config))
