"""Nothing the user typed is lost: the real app, killed with SIGKILL, keeps its draft."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import read_drafts, wait_for
from tests.servers.smtp import TestSMTPServer

pytestmark = pytest.mark.xvfb

SUBJECT = "Invoice PDF export fails with error 500"
WHAT = "Since this morning the Export PDF button shows an error page."


def test_draft_survives_kill_9_and_comes_back(launch_app) -> None:
    app = launch_app()
    window = app.window_id("New ticket")
    app.xdotool("windowfocus", "--sync", window)
    app.type_text(SUBJECT)  # the subject field has the focus at start
    app.key("Tab")
    app.type_text(WHAT)

    def saved() -> bool:
        rows = read_drafts(app.home)
        return bool(rows) and rows[0]["subject"] == SUBJECT and rows[0]["what_happened"] == WHAT

    wait_for(saved, 10, "the autosave of the typed draft")
    app.kill9()

    rows = read_drafts(app.home)
    assert len(rows) == 1
    assert rows[0]["subject"] == SUBJECT and rows[0]["what_happened"] == WHAT

    again = launch_app()
    # The restarted app reopens the draft: its subject becomes the window title.
    again.window_id(SUBJECT[:40])
    assert len(read_drafts(again.home)) == 1


def test_kill_9_during_send_never_sends_twice(tw_home) -> None:
    """A send interrupted after the data went out is 'unknown', never silently resent."""
    server = TestSMTPServer().start()
    hang = server.sink.hang_after_data = threading.Event()
    env = {**os.environ, "TICKETWISE_HOME": str(tw_home)}
    cli = [sys.executable, str(ROOT / "main.py")]
    try:
        subprocess.run(
            [
                *cli,
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
            env=env,
            check=True,
            capture_output=True,
            timeout=30,
        )
        sender = subprocess.Popen(
            [*cli, "submit", "--subject", SUBJECT, "--body", WHAT],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        assert server.sink.payload_received.wait(20), "the send never reached the end of DATA"
        assert _outbox_stage(env) == "committing"
        sender.kill()
        sender.wait(10)
        hang.set()  # the server now accepts what it had; the client never heard back
        flush = subprocess.run(
            [*cli, "outbox", "flush", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        listed = json.loads(
            subprocess.run(
                [*cli, "outbox", "list", "--json"],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
                check=True,
            ).stdout
        )
        assert listed[0]["state"] == "unknown", (flush.stdout, flush.stderr, listed)
        assert json.loads(flush.stdout) == []  # nothing was due: the unknown item is not resent
        # The flush made no new delivery: the only payload is the interrupted one (which this
        # test server drops when its client vanishes; a real one might have queued it).
        assert server.messages == []
    finally:
        hang.set()
        server.stop()


def _outbox_stage(env: dict[str, str]) -> str:
    from app.config.paths import resolve_paths

    path = resolve_paths(env).database_file
    if not path.exists():
        return ""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        row = conn.execute("SELECT stage FROM outbox ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:
        return ""
    finally:
        conn.close()
    return row[0] if row else ""
