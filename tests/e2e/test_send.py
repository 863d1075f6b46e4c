"""A user's first ticket, end to end: real app on X, real SMTP server, keys typed with xdotool."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import wait_for
from tests.servers.smtp import TestSMTPServer

pytestmark = pytest.mark.xvfb


def test_type_and_send_a_ticket(launch_app, tw_home) -> None:
    server = TestSMTPServer().start()
    try:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "profile",
                "add",
                "acme",
                "--host",
                "127.0.0.1",
                "--port",
                str(server.port),
                "--security",
                "none",
                "--to",
                "support@acme.example",
                "--from",
                "jane@example.com",
            ],
            env={**os.environ, "TICKETWISE_HOME": str(tw_home)},
            check=True,
            capture_output=True,
            timeout=30,
        )
        app = launch_app()
        window = app.window_id("New ticket")
        app.xdotool("windowfocus", "--sync", window)
        app.type_text("Login page loops back to itself after SSO")
        app.key("Tab")
        app.type_text("After entering my password the portal shows the login page again.")
        app.key("ctrl+Return")
        wait_for(lambda: server.messages, 20, "the ticket to arrive at the SMTP server")
        message = server.messages[0].message
        assert message["Subject"] == "Login page loops back to itself after SSO"
        assert message["To"] == "support@acme.example"
        body = message.get_body(("plain",)).get_content()
        assert "After entering my password the portal shows the login page again." in body
        # The composer is fresh again: the window title says so.
        app.window_id("New ticket")
    finally:
        server.stop()
