"""A password given to Ticketwise ends up in the keyring and nowhere under TICKETWISE_HOME."""

from __future__ import annotations

import base64
from pathlib import Path

from app.services.context import AppContext
from tests.integration.conftest import CLI, FROM, TO, USER, TLSFiles

GOOD = "Sup3r-s\u00e9gr\u00e8te-\u20ac-passphrase"
WRONG = "Wr\u00f6ng-but-still-secret-9"


def _encodings(secret: str) -> dict[str, bytes]:
    """Every form in which a password could leak to a file."""
    raw = secret.encode()
    return {
        "utf-8": raw,
        "utf-16": secret.encode("utf-16-le"),
        "json escaped": secret.encode("ascii", "backslashreplace").replace(b"\\x", b"\\u00"),
        "base64": base64.b64encode(raw),
        "AUTH PLAIN": base64.b64encode(b"\0" + USER.encode() + b"\0" + raw),
        "AUTH LOGIN": base64.b64encode(raw),
    }


def test_no_password_under_ticketwise_home(
    ctx: AppContext, cli: CLI, smtp_server, tls: TLSFiles, tw_home: Path, tmp_path: Path
):
    ctx.db  # an open connection keeps the WAL file alive, so it is searched too  # noqa: B018
    server = smtp_server(security="starttls", users={USER: GOOD})
    for name, password in (("Helpdesk", GOOD), ("Typo", WRONG)):
        added = cli(
            "--verbose",
            "profile",
            "add",
            name,
            "--host",
            "127.0.0.1",
            "--port",
            str(server.port),
            "--user",
            USER,
            "--password-stdin",
            "--to",
            TO,
            "--from",
            FROM,
            "--ca-file",
            str(tls.ca_file),
            stdin=password + "\n",
        )
        assert added.returncode == 0, added.stderr

    assert cli("--verbose", "profile", "test", "Helpdesk").returncode == 0
    sent = cli("--verbose", "submit", "--subject", "Export PDF fails", "--body", "x", "--json")
    assert sent.returncode == 0, sent.stderr
    refused = cli("--verbose", "submit", "--profile", "Typo", "--subject", "Again", "--body", "y")
    assert refused.returncode == 4, refused.stderr
    assert cli("--verbose", "profile", "test", "Typo").returncode == 4
    assert cli("--verbose", "outbox", "flush").returncode == 0
    assert len(server.messages) == 1

    files = sorted(p for p in tw_home.rglob("*") if p.is_file())
    names = {p.name for p in files}
    assert {"profiles.json", "settings.json", "ticketwise.log"} <= names
    assert "ticketwise.sqlite3-wal" in names
    assert (tw_home / "logs" / "ticketwise.log").stat().st_size > 0
    for path in files:
        content = path.read_bytes()
        for secret in (GOOD, WRONG):
            for form, needle in _encodings(secret).items():
                assert needle not in content, f"{path.relative_to(tw_home)} holds it ({form})"

    # The passwords did go somewhere: keyrings.alt's file, outside TICKETWISE_HOME.
    (keyring_file,) = (tmp_path / "xdg-data").rglob("*.cfg")
    assert not keyring_file.is_relative_to(tw_home)
    stored = keyring_file.read_bytes()
    assert base64.b64encode(GOOD.encode()) in stored
    assert base64.b64encode(WRONG.encode()) in stored
    for out in (sent, refused):
        assert GOOD not in out.stdout + out.stderr
        assert WRONG not in out.stdout + out.stderr
