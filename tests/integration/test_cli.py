"""The command line, run as a subprocess against real SMTP servers: output and exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.integration.conftest import (
    CLI,
    FROM,
    FROM_NAME,
    PASSWORD,
    TO,
    USER,
    TLSFiles,
    free_port,
    text_of,
)

SUBJECT = "Stampa etichette: \u00abConferma\u00bb non risponde pi\u00f9 \U0001f5a8\ufe0f"
BODY = "Da luned\u00ec il pulsante non fa nulla.\n.questa riga inizia con un punto\nFine"


def _add_profile(
    cli: CLI,
    port: int,
    tls: TLSFiles,
    *,
    security: str = "starttls",
    password: str | None = PASSWORD,
    name: str = "Helpdesk",
    to: str = TO,
    extra: tuple[str, ...] = (),
) -> None:
    args = ["profile", "add", name, "--host", "127.0.0.1", "--port", str(port)]
    args += ["--security", security, "--to", to, "--from", FROM, "--from-name", FROM_NAME]
    if security != "none":
        args += ["--ca-file", str(tls.ca_file)]
    if password is not None:
        args += ["--user", USER, "--password-stdin"]
    result = cli(*args, *extra, stdin=f"{password}\n" if password is not None else None)
    assert result.returncode == 0, result.stderr
    assert f"profile '{name}' saved" in result.stdout


def _outbox(cli: CLI) -> list[dict]:
    result = cli("outbox", "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("security", ["starttls", "ssl", "none"])
def test_profile_add_submit_and_list(
    cli: CLI, smtp_server, tls: TLSFiles, tmp_path: Path, security
):
    with_login = security != "none"
    server = smtp_server(security=security, users={USER: PASSWORD} if with_login else None)
    _add_profile(
        cli, server.port, tls, security=security, password=PASSWORD if with_login else None
    )
    shot = tmp_path / "schermata \u00e8.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(70_000))
    log = tmp_path / "registro perch\u00e9.log"
    log.write_bytes("riga 1\nriga \u00e8 2\n".encode())

    result = cli(
        "submit",
        "--subject",
        SUBJECT,
        "--body",
        BODY,
        "--attach",
        str(shot),
        "--attach",
        str(log),
        "--browser",
        "Firefox 128",
        "--json",
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "sent"
    assert report["state"] == "sent"
    assert report["subject"] == SUBJECT
    assert report["attachments"] == [shot.name, log.name]

    (received,) = server.messages
    message = received.message
    assert received.rcpt_tos == [TO]
    assert message["Subject"] == SUBJECT
    assert message["X-Ticketwise-Submission"] == report["submission_key"]
    text, *attachments = message.iter_parts()
    assert text_of(text) == BODY + "\n\nBrowser: Firefox 128\n"
    assert [a.get_filename() for a in attachments] == [shot.name, log.name]
    assert [a.get_payload(decode=True) for a in attachments] == [
        shot.read_bytes(),
        log.read_bytes(),
    ]

    (item,) = _outbox(cli)
    assert {k: item[k] for k in ("id", "state", "attempts", "error_kind", "subject")} == {
        "id": report["id"],
        "state": "sent",
        "attempts": 1,
        "error_kind": "",
        "subject": SUBJECT,
    }
    flushed = cli("outbox", "flush", "--json")
    assert (flushed.returncode, json.loads(flushed.stdout)) == (0, [])
    assert len(server.messages) == 1


def test_usage_errors_exit_2(cli: CLI, smtp_server, tls: TLSFiles):
    assert cli("submit", "--body", "no subject").returncode == 2
    assert cli("frobnicate").returncode == 2
    server = smtp_server(security="none")
    _add_profile(cli, server.port, tls, security="none", password=None)
    empty = cli("submit", "--subject", "   ", "--body", "x")
    assert empty.returncode == 2
    assert "must not be empty" in empty.stderr
    missing = cli("submit", "--subject", "s", "--body", "b", "--attach", "/no/such/file.png")
    assert missing.returncode == 2
    assert _outbox(cli) == []
    assert server.messages == []


def test_configuration_errors_exit_3(cli: CLI, tls: TLSFiles):
    no_profile = cli("submit", "--subject", "Export fails", "--body", "b")
    assert no_profile.returncode == 3
    assert "no help-desk profile" in no_profile.stderr
    bad = cli(
        "profile", "add", "X", "--host", "127.0.0.1", "--to", "not-an-address", "--from", FROM
    )
    assert bad.returncode == 3
    assert "to_address: invalid email" in bad.stderr
    assert cli("profile", "show", "nope").returncode == 3
    listed = cli("profile", "list", "--json")
    assert (listed.returncode, json.loads(listed.stdout)) == (0, [])


def test_a_wrong_password_exits_4_and_keeps_the_item(cli: CLI, smtp_server, tls: TLSFiles):
    server = smtp_server(security="starttls", users={USER: "Th3-real-0ne"})
    _add_profile(cli, server.port, tls)

    result = cli("submit", "--subject", SUBJECT, "--body", BODY)

    assert result.returncode == 4, result.stderr
    assert "kept in the outbox" in result.stderr
    (item,) = _outbox(cli)
    assert (item["state"], item["error_kind"]) == ("failed", "auth")
    assert server.messages == []
    test = cli("profile", "test", "Helpdesk")
    assert test.returncode == 4


def test_a_refused_recipient_exits_6_and_keeps_the_item(cli: CLI, smtp_server, tls: TLSFiles):
    server = smtp_server(security="starttls", users={USER: PASSWORD}, refuse={TO})
    _add_profile(cli, server.port, tls)

    result = cli("submit", "--subject", SUBJECT, "--body", BODY)

    assert result.returncode == 6, result.stderr
    assert "User unknown" in result.stderr
    (item,) = _outbox(cli)
    assert (item["state"], item["error_kind"]) == ("failed", "recipient_refused")
    assert server.messages == []


def test_server_down_exits_5_then_flush_delivers_exactly_once(cli: CLI, smtp_server, tls: TLSFiles):
    port = free_port()
    _add_profile(cli, port, tls)

    result = cli("submit", "--subject", SUBJECT, "--body", BODY, "--json")

    assert result.returncode == 5, result.stderr
    assert json.loads(result.stdout)["status"] == "queued"
    assert "stays queued" in result.stderr
    (item,) = _outbox(cli)
    assert (item["state"], item["attempts"], item["error_kind"]) == ("queued", 1, "not_reachable")
    assert item["next_attempt_at"] > item["created_at"]

    still_down = cli("outbox", "flush", "--json")
    assert still_down.returncode == 5
    (attempt,) = json.loads(still_down.stdout)
    assert attempt["outcome"] == "retry"

    server = smtp_server(security="starttls", users={USER: PASSWORD}, port=port)
    flushed = cli("outbox", "flush", "--json")
    assert flushed.returncode == 0, flushed.stderr
    (attempt,) = json.loads(flushed.stdout)
    assert (attempt["id"], attempt["outcome"], attempt["error"]) == (item["id"], "sent", "")
    (received,) = server.messages
    assert received.message["Subject"] == SUBJECT
    assert received.message["X-Ticketwise-Submission"] == item["submission_key"]

    again = cli("outbox", "flush", "--json")
    assert (again.returncode, json.loads(again.stdout)) == (0, [])
    assert len(server.messages) == 1
    (item,) = _outbox(cli)
    assert (item["state"], item["attempts"]) == ("sent", 3)


def test_profile_list_show_test_and_remove(cli: CLI, smtp_server, tls: TLSFiles):
    server = smtp_server(security="ssl", users={USER: PASSWORD})
    _add_profile(cli, server.port, tls, security="ssl")

    shown = cli("profile", "show", "Helpdesk", "--json")
    assert shown.returncode == 0
    data = json.loads(shown.stdout)
    assert (data["login"], data["default"], data["security"]) == (USER, True, "ssl")
    assert PASSWORD not in shown.stdout
    tested = cli("profile", "test", "Helpdesk", "--json")
    assert tested.returncode == 0, tested.stderr
    assert json.loads(tested.stdout)["display"] == f"{USER} @ 127.0.0.1"

    removed = cli("profile", "remove", "Helpdesk")
    assert removed.returncode == 0
    assert json.loads(cli("profile", "list", "--json").stdout) == []
    again = cli("submit", "--subject", SUBJECT, "--body", BODY)
    assert again.returncode == 3  # no profile any more
