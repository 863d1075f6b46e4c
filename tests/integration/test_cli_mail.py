"""The command line with an e-mail help desk that answers by mail: profile add with the IMAP
mailbox, submit, sync (text and JSON), and sync's exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.integration.conftest import CLI, free_port
from tests.servers.helpdesk import FakeHelpDesk
from tests.servers.imap import DovecotServer

SMTP_PASSWORD = "smtp-Pass\u00e9-4411"


@pytest.fixture
def desk(imap_server: DovecotServer) -> Iterator[FakeHelpDesk]:
    login, imap_password = imap_server.add_user()
    # The SMTP and the IMAP password differ: the IMAP one comes on stdin's second line.
    helpdesk = FakeHelpDesk(imap_server, users={login: SMTP_PASSWORD}).start()
    helpdesk.customer = (login, imap_password)  # type: ignore[attr-defined]
    yield helpdesk
    helpdesk.stop()


def add_profile(
    cli: CLI,
    desk: FakeHelpDesk,
    imap: DovecotServer,
    *,
    imap_password: str = "",
    imap_port: int = 0,
    name: str = "Helpdesk",
) -> None:
    login, real_imap_password = desk.customer  # type: ignore[attr-defined]
    result = cli(
        "profile", "add", name,
        "--host", "127.0.0.1", "--port", str(desk.port), "--security", "starttls",
        "--to", desk.address, "--from", login, "--from-name", "Jane Customer",
        "--user", login, "--password-stdin", "--ca-file", str(imap.ca_file),
        "--imap-host", "127.0.0.1", "--imap-port", str(imap_port or imap.imaps_port),
        "--imap-password-stdin",
        stdin=f"{SMTP_PASSWORD}\n{imap_password or real_imap_password}\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"profile '{name}' saved" in result.stdout


def test_submit_then_sync_learns_the_number(
    cli: CLI, desk: FakeHelpDesk, imap_server: DovecotServer
) -> None:
    add_profile(cli, desk, imap_server)
    shown = json.loads(cli("profile", "show", "Helpdesk", "--json").stdout)
    assert (shown["imap_host"], shown["imap_port"], shown["imap_security"]) == (
        "127.0.0.1",
        imap_server.imaps_port,
        "ssl",
    )
    assert shown["hook_style"] == "otrs" and shown["imap_folder"] == "INBOX"
    tested = cli("profile", "test", "Helpdesk")
    assert tested.returncode == 0, tested.stderr

    sent = cli("submit", "--subject", "Printer jammed", "--body", "E42 on the display", "--json")
    assert sent.returncode == 0, sent.stderr
    assert json.loads(sent.stdout)["ticket_number"] == ""  # e-mail: the number comes later
    desk.wait_idle()
    [number] = desk.tickets

    synced = cli("sync", "--json")
    assert synced.returncode == 0, synced.stderr
    [report] = json.loads(synced.stdout)
    assert report["profile"] == "Helpdesk"
    assert [n["ticket_number"] for n in report["numbers_learnt"]] == [number]
    assert [(t["number"], t["title"]) for t in report["new_tickets"]] == [
        (number, "Printer jammed")
    ]
    assert [a["sender"] for a in report["new_articles"]] == ["customer", "system"]
    outbox = json.loads(cli("outbox", "list", "--json").stdout)
    assert outbox[0]["ticket_number"] == number

    desk.agent_reply(number, "Please switch it off and on.")
    text = cli("sync")
    assert text.returncode == 0, text.stderr
    assert "Helpdesk: 0 new tickets, 1 new replies" in text.stdout
    assert f"reply on {number} from Alice Agent via Help Desk" in text.stdout
    assert "0 new tickets, 0 new replies" in cli("sync", "--profile", "Helpdesk").stdout


def test_sync_exit_codes(cli: CLI, desk: FakeHelpDesk, imap_server: DovecotServer) -> None:
    nothing = cli("sync")
    assert nothing.returncode == 3 and "no profile reads a mailbox" in nothing.stderr

    add_profile(cli, desk, imap_server, name="WrongPassword", imap_password="not-it-91")
    wrong = cli("sync", "--profile", "WrongPassword")
    assert wrong.returncode == 4, wrong.stderr

    add_profile(cli, desk, imap_server, name="Down", imap_port=free_port())
    down = cli("sync", "--profile", "Down", "--json")
    assert down.returncode == 5
    assert json.loads(down.stdout)[0]["error_kind"] == "not_reachable"

    plain = cli(
        "profile", "add", "SendOnly", "--host", "127.0.0.1", "--security", "none",
        "--to", desk.address, "--from", "x@example.test",
    )  # fmt: skip
    assert plain.returncode == 0, plain.stderr
    unsupported = cli("sync", "--profile", "SendOnly")
    assert unsupported.returncode == 3 and "IMAP" in unsupported.stderr


def test_profile_add_checks_the_mailbox_settings(cli: CLI) -> None:
    base = ["profile", "add", "X", "--host", "h", "--to", "a@b.c", "--from", "d@e.f"]
    no_login = cli(*base, "--imap-host", "imap.example")
    assert no_login.returncode == 3 and "imap_login: required" in no_login.stderr
    no_rtname = cli(*base, "--hook-style", "rt")
    assert no_rtname.returncode == 3 and "ticket_hook: required" in no_rtname.stderr
    rt = cli(*base, "--hook-style", "rt", "--ticket-hook", "rt.example.test", "--user", "d")
    assert rt.returncode == 0, rt.stderr
    shown = json.loads(cli("profile", "show", "X", "--json").stdout)
    assert (shown["hook_style"], shown["ticket_hook"]) == ("rt", "rt.example.test")
