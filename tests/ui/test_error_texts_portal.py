"""The texts the user reads for the desktop portal's screenshot errors (English source)."""

from __future__ import annotations

import pytest

from app.capture.portal import PortalError, PortalTimeout, PortalUnavailable
from app.ui.errors import describe_exception


@pytest.mark.parametrize(
    ("error", "what", "todo"),
    [
        (
            PortalUnavailable("x", reason="no_portal"),
            "no screenshot service (xdg-desktop-portal)",
            "Install xdg-desktop-portal",
        ),
        (
            PortalTimeout("x", reason="no_response", timeout=120),
            "did not answer in time",
            "if a screenshot dialog is open",
        ),
        (
            PortalError("x", reason="portal_response", response=2),
            "could not take the screenshot",
            "privacy settings",
        ),
    ],
)
def test_portal_error_texts(error: Exception, what: str, todo: str) -> None:
    shown_what, shown_todo = describe_exception(error)
    assert what in shown_what
    assert todo in shown_todo
