"""System information against real sockets on 127.0.0.1 and a real SMTP server: the connection
test, ``main.py sysinfo`` (text and JSON), and the promise that the text the user approves is
exactly the text the help desk receives (from the composer's draft and from ``submit``)."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator

import pytest

from app.core.composer import render_body
from app.core.model import Draft
from app.core.sysinfo import FACT_KEYS, FACT_LABELS, SystemInfo
from app.services.context import AppContext
from app.services.outbox import OutboxService, Outcome
from app.services.sysinfo import collect_for, help_desk_address
from app.sysinfo.facts import Target, collect, probe
from tests.integration.conftest import CLI, FROM, PASSWORD, TO, USER, TLSFiles, free_port, text_of

REACHABLE = re.compile(r"^reachable \((<1|\d+) ms\)$")


def _body(received) -> str:
    """The text part of a received ticket (the mail is multipart/mixed)."""
    return text_of(next(iter(received.message.iter_parts())))


@pytest.fixture
def listening() -> Iterator[int]:
    """A port on 127.0.0.1 where a socket listens (the kernel completes the handshake)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        yield int(server.getsockname()[1])


# -- the connection test ----------------------------------------------------------------------


def test_a_listening_port_is_reachable_and_gets_no_data():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = int(server.getsockname()[1])
        assert REACHABLE.match(probe(Target("127.0.0.1", port), timeout=2.0))
        server.settimeout(2.0)
        conn, _ = server.accept()  # the probe connected, then hung up without a byte
        with conn:
            conn.settimeout(2.0)
            assert conn.recv(10) == b""


def test_a_closed_port_is_not_reachable():
    assert probe(Target("127.0.0.1", free_port())) == "not reachable: connection refused"


def test_the_fact_names_host_and_port(listening: int):
    info = collect(profile_url=f"https://user:secret@127.0.0.1:{listening}/otrs?k=v")
    fact = info.get("reachability")
    assert fact is not None
    address, _, outcome = fact.value.partition(" ")
    assert address == f"127.0.0.1:{listening}"
    assert REACHABLE.match(outcome)
    assert "secret" not in info.render_text()
    closed = collect(profile_url=f"127.0.0.1:{free_port()}").get("reachability")
    assert closed is not None and closed.value.endswith(" not reachable: connection refused")


# -- the service ------------------------------------------------------------------------------


def test_collect_for_tests_the_profiles_mail_server(ctx: AppContext, add_profile, listening: int):
    # A bare listening socket, not the SMTP test server: stopped right after a connection
    # it has not served yet, aiosmtpd leaves that transport open (a ResourceWarning later).
    profile = add_profile(listening, security="none", login="")
    assert help_desk_address(profile) == f"127.0.0.1:{listening}"
    info = collect_for(ctx, screens=[(1280, 800, 2.0)])
    screens = info.get("screens")
    assert screens is not None and screens.value == "1280×800 @2x"
    reach = info.get("reachability")
    assert reach is not None and reach.value.startswith(f"127.0.0.1:{listening} reachable (")
    assert {"os", "arch", "locale", "timezone", "app", "disk"} <= set(info.keys)
    assert info.errors == []


def test_collect_for_without_a_profile_says_why(ctx: AppContext):
    info = collect_for(ctx, screens=[])
    assert dict(info.errors) == {"reachability": "no help-desk profile is set up yet"}


def test_what_the_composer_previews_is_what_the_help_desk_receives(
    ctx: AppContext, add_profile, smtp_server
):
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    add_profile(server.port, security="starttls")
    info = collect_for(ctx, screens=[(1920, 1080, 1.0)])
    preview = info.render_text(removed={"disk"})  # the user removed a line
    draft = Draft(
        profile="Helpdesk",
        subject="Export PDF fails every time",
        what_happened="The export button does nothing.",
        sysinfo=preview,
    )
    outbox = OutboxService(ctx)
    item = outbox.submit_draft(draft)
    assert outbox.send_one(item.id).outcome is Outcome.SENT
    (received,) = server.messages
    body = _body(received)
    assert body == render_body(draft)
    assert body.endswith(f"\n\nSystem information:\n{preview}\n")
    assert "Free disk space" not in body


# -- the command line -------------------------------------------------------------------------


def _add_smtp_profile(cli: CLI, port: int, tls: TLSFiles) -> None:
    added = cli(
        "profile", "add", "Helpdesk", "--host", "127.0.0.1", "--port", str(port),
        "--security", "starttls", "--ca-file", str(tls.ca_file), "--to", TO, "--from", FROM,
        "--user", USER, "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr


def test_sysinfo_json_shape_and_text(cli: CLI, listening: int):
    added = cli(
        "profile", "add", "Web", "--kind", "otrs", "--url", f"http://127.0.0.1:{listening}/otrs",
        "--user", "jane", "--queue", "Raw", "--no-include-sysinfo",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    shown = json.loads(cli("profile", "show", "Web", "--json").stdout)
    assert shown["include_sysinfo"] is False

    result = cli("sysinfo", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"facts", "errors", "text"}
    for fact in data["facts"]:
        assert set(fact) == {"key", "label", "value"}
        assert fact["label"] == FACT_LABELS[fact["key"]]
    for error in data["errors"]:
        assert set(error) == {"key", "message"}
    keys = [f["key"] for f in data["facts"]]
    assert keys == [k for k in FACT_KEYS if k in keys]  # the stable order
    assert {"os", "arch", "locale", "timezone", "app", "disk", "reachability"} <= set(keys)
    facts = {f["key"]: f["value"] for f in data["facts"]}
    assert facts["reachability"].startswith(f"127.0.0.1:{listening} reachable (")
    assert data["text"] == SystemInfo.from_dict(data).render_text()

    text = cli("sysinfo", "--profile", "Web")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert [line.partition(": ")[0] for line in lines] == [f["label"] for f in data["facts"]]
    stable = [line for line in lines if not line.startswith(("Help desk", "Free disk"))]
    assert stable == [
        line for line in data["text"].splitlines() if not line.startswith(("Help desk", "Free"))
    ]
    for key, _message in ((e["key"], e["message"]) for e in data["errors"]):
        assert f"no {key} line" in text.stderr

    assert cli("sysinfo", "--profile", "Nope").returncode == 3


def test_submit_sysinfo_sends_exactly_the_rendered_text(cli: CLI, smtp_server, tls: TLSFiles):
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    _add_smtp_profile(cli, server.port, tls)
    body = "The export button does nothing."

    sent = cli(
        "submit", "--subject", "Export PDF fails", "--body", body, "--browser", "Firefox 128",
        "--sysinfo", "--sysinfo-omit", "disk", "--json",
    )  # fmt: skip

    assert sent.returncode == 0, sent.stderr
    report = json.loads(sent.stdout)
    approved = SystemInfo.from_dict(report["sysinfo"])
    assert report["sysinfo"]["text"] == approved.render_text()
    assert "disk" not in approved.keys and "os" in approved.keys
    reach = approved.get("reachability")
    assert reach is not None and reach.value.startswith(f"127.0.0.1:{server.port} reachable (")
    (received,) = server.messages
    assert _body(received) == (
        f"{body}\n\nBrowser: Firefox 128\n\nSystem information:\n{approved.render_text()}\n"
    )


def test_submit_without_sysinfo_sends_none(cli: CLI, smtp_server, tls: TLSFiles):
    server = smtp_server(security="starttls", users={USER: PASSWORD})
    _add_smtp_profile(cli, server.port, tls)
    sent = cli("submit", "--subject", "Export PDF fails", "--body", "Nothing happens.", "--json")
    assert sent.returncode == 0, sent.stderr
    assert "sysinfo" not in json.loads(sent.stdout)
    (received,) = server.messages
    assert _body(received) == "Nothing happens.\n"
