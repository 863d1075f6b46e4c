"""The texts the user reads for the errors the RT connector raises (English source strings)."""

from __future__ import annotations

import pytest

from app.core.errors import AuthError, ConfigError, NotReachable, ProtocolError
from app.ui.errors import describe_exception


@pytest.mark.parametrize(
    ("error", "what", "todo"),
    [
        (
            AuthError("x", reason="password_charset"),
            "cannot check a password with characters such as \u20ac",
            "Create an auth token in Request Tracker",
        ),
        (AuthError("x", reason="token"), "refused the auth token", "Create a new token"),
        (
            ConfigError("no RT here", reason="wrong_url", detail="Welcome to nginx"),
            "There is no help-desk API at this address.",
            "Details: Welcome to nginx",
        ),
        (
            NotReachable("x", reason="server_error"),
            "failed with an internal error",
            "sent automatically",
        ),
        (
            ProtocolError("bad", detail="an HTML page"),
            "answered something Ticketwise cannot read",
            "Details: an HTML page",
        ),
    ],
)
def test_rt_error_texts(error: Exception, what: str, todo: str) -> None:
    shown_what, shown_todo = describe_exception(error)
    assert what in shown_what
    assert todo in shown_todo
