"""``tickets``, ``show`` and ``reply`` on the command line, as subprocesses, against the fake OTOBO
(tests/servers/otrs.py), a real Request Tracker 5 (skipped with the reason where it is not
installed) and a real dovecot with the fake e-mail help desk. What a follow-up did is checked on
the server's side.

An unknown ticket number is exit 6 (the help desk, or the mailbox, does not know it: the same
code as a server that refuses a ticket); a number that is not digits is a usage error (2).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT
from tests.integration.conftest import CLI
from tests.servers.helpdesk import FakeHelpDesk
from tests.servers.imap import DovecotServer
from tests.servers.otrs import FakeOtobo, default_users
from tests.servers.rt import RtServer, session_server

PASSWORD = "Cust\u00f6mer-Pass-8812"
LINE = re.compile(r"^(\d+)\t([^\t]+)\t([^\t]*)\t(\d{4}-\d\d-\d\d \d\d:\d\d)$")
TICKET_KEYS = {
    "number", "id", "title", "state", "state_type", "queue", "priority", "customer_user",
    "customer_id", "created_at", "changed_at", "url",
}  # fmt: skip
ARTICLE_KEYS = {
    "id", "sender", "from", "to", "subject", "created_at", "message_id", "body", "attachments",
}  # fmt: skip


def ok(result) -> str:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    return str(result.stdout)


def rows(stdout: str) -> list[tuple[str, str, str]]:
    """(number, state, title) of ``tickets``' text lines, each checked against the format."""
    found = []
    for line in stdout.splitlines():
        match = LINE.match(line)
        assert match, line
        found.append((match[1], match[2], match[3]))
    return found


def submit(cli: CLI, subject: str, *extra: str, profile: str = "") -> dict:
    args = ["submit", "--subject", subject, "--body", f"About: {subject}", "--json", *extra]
    return json.loads(ok(cli(*args, *(["--profile", profile] if profile else []))))


def test_the_ticket_commands_import_no_qt() -> None:
    for args in (["tickets"], ["show", "1"], ["reply", "1", "--body", "x"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", str(ROOT / "main.py"), *args],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 3, result.stderr  # no profile yet: after every import
        assert "no help-desk profile" in result.stderr
        assert "PySide6" not in result.stderr and "shiboken6" not in result.stderr, args


# -- OTRS family (the fake OTOBO) ---------------------------------------------------------------


@pytest.fixture
def otobo(cli: CLI) -> Iterator[FakeOtobo]:
    server = FakeOtobo(users=default_users(password=PASSWORD)).start()
    for name, login in (("Desk", "jane.customer"), ("Bob", "bob.customer")):
        ok(
            cli(
                "profile", "add", name, "--kind", "otrs", "--url", f"{server.root}/otobo/",
                "--user", login, "--password-stdin", "--queue", "Raw",
                "--portal-url", f"{server.root}/otobo/customer.pl",
                *(["--default"] if name == "Desk" else []),
                stdin=f"{PASSWORD}\n",
            )
        )  # fmt: skip
    yield server
    server.stop()
    assert not server.violations, server.violations


def test_otrs_list_show_and_reply_on_the_same_ticket(
    cli: CLI, otobo: FakeOtobo, tmp_path: Path
) -> None:
    shot = tmp_path / "schermata \u00e8.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5000))
    printer = submit(cli, "Printer jammed on the 2nd floor", "--attach", str(shot))
    vpn = submit(cli, "VPN drops every hour")
    otobo.agent_reply(printer["ticket_id"], "Please send the display's error code.")

    listed = rows(ok(cli("tickets")))  # newest change first: the same second here
    assert sorted(listed) == [
        (printer["ticket_number"], "open", "Printer jammed on the 2nd floor"),
        (vpn["ticket_number"], "new", "VPN drops every hour"),
    ]
    data = json.loads(ok(cli("tickets", "--state", "open", "--search", "vpn", "--json")))
    assert {k: data[k] for k in ("profile", "source", "scope", "filter", "error")} == {
        "profile": "Desk",
        "source": "server",
        "scope": "mine",
        "filter": {"state": "open", "search": "vpn"},
        "error": "",
    }
    [ticket] = data["tickets"]
    assert set(ticket) == TICKET_KEYS
    assert (ticket["number"], ticket["id"], ticket["state_type"], ticket["customer_id"]) == (
        vpn["ticket_number"],
        vpn["ticket_id"],
        "new",
        "ACME",
    )
    assert ticket["url"].endswith(f"TicketNumber={vpn['ticket_number']}")
    assert ok(cli("tickets", "--state", "closed")) == "no tickets match\n"

    text = ok(cli("show", printer["ticket_number"]))
    assert text.startswith(
        f"Ticket {printer['ticket_number']}: Printer jammed on the 2nd floor\nState: open"
    )
    assert f"  {shot.name} (4.9 KiB)" in text
    assert "Please send the display's error code." in text
    shown = json.loads(ok(cli("show", printer["ticket_number"], "--json")))
    assert shown["ticket"]["id"] == printer["ticket_id"] and shown["source"] == "server"
    assert [a["sender"] for a in shown["articles"]] == ["customer", "system", "agent"]
    assert all(set(a) == ARTICLE_KEYS for a in shown["articles"])
    assert shown["articles"][0]["attachments"] == [
        {"id": "1", "filename": shot.name, "content_type": "image/png", "size": 5008}
    ]

    log = tmp_path / "log.txt"
    log.write_text("E42 at 09:14\n")
    replied = cli(
        "reply", printer["ticket_number"], "--body", "The display says E42.", "--attach", str(log)
    )
    assert ok(replied) == f"Follow-up added to ticket {printer['ticket_number']}\n"
    stored = otobo.tickets[int(printer["ticket_id"])]
    article = [a for a in stored.articles if a.sender_type == "customer"][-1]
    assert (article.subject, article.body) == (
        "Re: Printer jammed on the 2nd floor",
        "The display says E42.",
    )
    assert [(a.filename, a.content) for a in article.attachments] == [
        ("log.txt", b"E42 at 09:14\n")
    ]
    assert len(otobo.tickets) == 3  # the welcome ticket and ours: nothing new was created

    # The same outbox as new tickets, with --json as submit's.
    [item] = [i for i in json.loads(ok(cli("outbox", "list", "--json"))) if i["follow_up_to"]]
    assert (item["state"], item["follow_up_to"], item["ticket_id"]) == (
        "sent",
        printer["ticket_number"],
        printer["ticket_id"],
    )
    queued = cli("reply", vpn["ticket_number"], "--body", "x", "--queue-only", "--json")
    queued = json.loads(ok(queued))
    assert (queued["status"], queued["follow_up_to"], queued["subject"]) == (
        "queued",
        vpn["ticket_number"],
        "Re: VPN drops every hour",
    )


def test_otrs_reply_to_a_closed_ticket_reopens_it_unless_told_not_to(
    cli: CLI, otobo: FakeOtobo
) -> None:
    created = submit(cli, "Badge reader rejects my card")
    number, ticket_id = created["ticket_number"], created["ticket_id"]
    otobo.agent_close(ticket_id)
    assert rows(ok(cli("tickets", "--state", "closed"))) == [
        (number, "closed successful", "Badge reader rejects my card")
    ]

    ok(cli("reply", number, "--body", "Only a note.", "--no-reopen"))
    assert otobo.tickets[int(ticket_id)].state == "closed successful"

    ok(cli("reply", number, "--body", "It is broken again today."))  # the profile says reopen
    assert otobo.tickets[int(ticket_id)].state == "open"
    assert rows(ok(cli("tickets", "--state", "open"))) == [
        (number, "open", "Badge reader rejects my card")
    ]


def test_otrs_company_scope_and_the_local_copy_when_offline(cli: CLI, otobo: FakeOtobo) -> None:
    mine = submit(cli, "Timesheet totals wrong")
    bobs = submit(cli, "Shared drive full", profile="Bob")
    company = rows(ok(cli("tickets", "--scope", "company")))
    assert {n for n, _s, _t in company} >= {mine["ticket_number"], bobs["ticket_number"]}
    assert [n for n, _s, _t in rows(ok(cli("tickets")))] == [mine["ticket_number"]]
    ok(cli("show", mine["ticket_number"]))

    otobo.stop()
    offline = cli("tickets", "--json")
    assert offline.returncode == 5, offline.stderr
    assert "local copy" in offline.stderr
    data = json.loads(offline.stdout)
    assert (data["source"], data["error_kind"]) == ("mirror", "not_reachable")
    assert [t["number"] for t in data["tickets"]] == [mine["ticket_number"]]  # not Bob's
    shown = cli("show", mine["ticket_number"])
    assert shown.returncode == 5 and "About: Timesheet totals wrong" in shown.stdout
    never_seen = cli("show", "2026112510099999")
    assert never_seen.returncode == 5 and "refused the connection" in never_seen.stderr
    queued = cli("reply", mine["ticket_number"], "--body", "Any news?")
    assert queued.returncode == 5
    assert queued.stdout.startswith("Queued (outbox item ")
    assert "stays queued" in queued.stderr


def test_otrs_unknown_and_malformed_ticket_numbers(cli: CLI, otobo: FakeOtobo) -> None:
    for args in (["show", "2026112510099999"], ["reply", "2026112510099999", "--body", "x"]):
        result = cli(*args)
        assert result.returncode == 6, result.stderr
        assert "has no ticket 2026112510099999" in result.stderr
    assert json.loads(ok(cli("outbox", "list", "--json"))) == []  # nothing was queued
    for args in (["show", "Ticket-12"], ["reply", "12a", "--body", "x"], ["reply", "12"]):
        assert cli(*args).returncode == 2, args
    assert cli("reply", "12", "--body", "  ").returncode == 2
    assert cli("show", "1", "--profile", "Nobody").returncode == 3


# -- Request Tracker 5 (real) ----------------------------------------------------------------------


@pytest.fixture
def rt(request: pytest.FixtureRequest, cli: CLI) -> RtServer:
    server = session_server(request.config)  # skips where RT is not installed
    ok(
        cli(
            "profile", "add", "RT", "--kind", "rt", "--url", server.root_url, "--user", "carol",
            "--password-stdin", "--queue", "General", "--ticket-hook", server.rtname,
            stdin=server.users["carol"].password + "\n",
        )
    )  # fmt: skip
    return server


def rt_agent(rt: RtServer, path: str, **params: str) -> object:
    response = requests.get(
        f"{rt.api_url}{path}",
        params=params,
        headers={"Authorization": f"token {rt.users['agent'].token}"},
        timeout=20,
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_rt_list_show_reply_and_reopen(cli: CLI, rt: RtServer, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(bytes(2048))
    created = submit(cli, "CLI tickets: the scanner skips pages", "--attach", str(shot))
    number = created["ticket_number"]
    assert number == created["ticket_id"]

    listed = rows(ok(cli("tickets", "--search", "scanner SKIPS")))
    assert listed == [(number, "new", "CLI tickets: the scanner skips pages")]
    text = ok(cli("show", number))
    assert text.startswith(f"Ticket {number}: CLI tickets: the scanner skips pages\nState: new")
    assert "  shot.png (2.0 KiB)" in text
    company = cli("tickets", "--scope", "company")
    assert company.returncode == 3 and "only your own tickets" in company.stderr

    assert ok(cli("reply", number, "--body", "It also skips in duplex mode.")) == (
        f"Follow-up added to ticket {number}\n"
    )
    history = rt_agent(rt, f"/ticket/{number}/history", fields="Type")
    assert [t["Type"] for t in history["items"]].count("Correspond") == 1  # type: ignore[index]
    bodies = rt_agent(rt, f"/ticket/{number}/attachments", fields="Content")
    assert any(
        "It also skips in duplex mode." in (item.get("Content") or "")
        for item in bodies["items"]  # type: ignore[index]
    )

    requests.put(
        f"{rt.api_url}/ticket/{number}",
        json={"Status": "resolved"},
        headers={"Authorization": f"token {rt.users['agent'].token}"},
        timeout=20,
    ).raise_for_status()
    assert rows(ok(cli("tickets", "--state", "closed", "--search", "scanner skips")))[0][1] == (
        "resolved"
    )
    ok(cli("reply", number, "--body", "Broken again.", "--reopen"))
    status = rt_agent(rt, f"/ticket/{number}")["Status"]  # type: ignore[index]
    assert status == "open"
    assert cli("show", "999999").returncode == 6


# -- e-mail with a mailbox (dovecot + the fake help desk) ------------------------------------------

SMTP_PASSWORD = "smtp-Pass\u00e9-5521"


@pytest.fixture
def desk(imap_server: DovecotServer, cli: CLI) -> Iterator[FakeHelpDesk]:
    login, imap_password = imap_server.add_user()
    helpdesk = FakeHelpDesk(imap_server, users={login: SMTP_PASSWORD}).start()
    ok(
        cli(
            "profile", "add", "Mail", "--host", "127.0.0.1", "--port", str(helpdesk.port),
            "--security", "starttls", "--to", helpdesk.address, "--from", login,
            "--user", login, "--password-stdin", "--ca-file", str(imap_server.ca_file),
            "--imap-host", "127.0.0.1", "--imap-port", str(imap_server.imaps_port),
            "--imap-password-stdin",
            stdin=f"{SMTP_PASSWORD}\n{imap_password}\n",
        )
    )  # fmt: skip
    yield helpdesk
    helpdesk.stop()


def test_mail_list_show_and_reply_threaded_to_the_newest_answer(
    cli: CLI, desk: FakeHelpDesk
) -> None:
    ok(cli("submit", "--subject", "Printer jammed", "--body", "E42 on the display"))
    desk.wait_idle()
    [number] = desk.tickets
    desk.agent_reply(number, "Please switch it off and on.")

    data = json.loads(ok(cli("tickets", "--json")))  # reads the mailbox first
    assert data["source"] == "mailbox"
    assert [(t["number"], t["title"]) for t in data["tickets"]] == [(number, "Printer jammed")]
    shown = json.loads(ok(cli("show", number, "--json")))
    assert [a["sender"] for a in shown["articles"]] == ["customer", "system", "agent"]
    answer = shown["articles"][-1]
    assert "Please switch it off and on." in answer["body"]

    desk.close(number)  # the help desk's newest mail is now its "Resolved" notice
    resolved = desk.tickets[number].message_ids[-1]
    assert ok(cli("reply", number, "--body", "Still E42 after a restart.")) == (
        f"Follow-up added to ticket {number}\n"
    )
    desk.wait_idle()
    sent = message_from_bytes(desk.smtp.messages[-1].data, policy=policy.default)
    assert sent["Subject"] == f"Re: [Ticket#{number}] Printer jammed"
    assert sent["In-Reply-To"] == resolved != answer["message_id"]
    ticket = desk.tickets[number]
    assert len(ticket.customer_message_ids) == 2  # the same ticket, not a new one
    assert ticket.state == "open"  # the help desk reopens on a follow-up mail
    assert len(desk.tickets) == 1

    company = cli("tickets", "--scope", "company")
    assert company.returncode == 3 and "only your own tickets" in company.stderr
    unknown = cli("reply", "2026112510099999", "--body", "x")
    assert unknown.returncode == 6 and "no mail about ticket 2026112510099999" in unknown.stderr
