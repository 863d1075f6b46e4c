"""HTTPS trust of the web-API help desks (OTRS family, Request Tracker), as for e-mail: a profile's
CA file adds trust to the system's CAs, never replaces them, and verification is never off.

Three private CAs: the "system" one (OpenSSL's default CA file, pointed at it with SSL_CERT_FILE,
as a company installs its CA on the machine), the profile's own (its CA file) and a stranger.
The OTRS servers are the fake OTOBO over TLS; the RT ones answer the two calls ``identify`` makes
with RT 5's shapes (trust is decided in the handshake, before any of RT's behaviour matters).
"""

from __future__ import annotations

import json
import re
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme

from app.config.profiles import Profile
from app.connectors.http import TrustAdapter, make_session
from app.connectors.otrs import OtrsConnector
from app.connectors.rt import RtConnector
from app.core.errors import CertificateError
from tests.conftest import ROOT
from tests.integration.conftest import CLI
from tests.servers.otrs import FakeOtobo, default_users

PASSWORD = "Tr\u00fcst-me-4471"
KINDS = ("otrs", "rt")


@dataclass(frozen=True)
class Authority:
    """A private CA and its PEM file."""

    ca: trustme.CA
    pem: Path

    def server_context(self, name: str = "127.0.0.1") -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert(name).configure_cert(context)
        return context


@pytest.fixture(scope="module")
def authorities(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Authority]:
    folder = tmp_path_factory.mktemp("cas")
    found = {}
    for name in ("system", "profile", "stranger"):
        ca = trustme.CA(organization_name=f"Ticketwise test CA {name}")
        pem = folder / f"{name}.pem"
        ca.cert_pem.write_to_path(str(pem))
        found[name] = Authority(ca, pem)
    return found


@pytest.fixture(autouse=True)
def system_ca(authorities: dict[str, Authority], monkeypatch: pytest.MonkeyPatch) -> None:
    """The "system" CA is what OpenSSL trusts by default, here and in the CLI's subprocess."""
    monkeypatch.setenv("SSL_CERT_FILE", str(authorities["system"].pem))
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)


# -- servers --------------------------------------------------------------------------------------


RT_ANSWERS = {
    "/rt/REST/2.0/rt": {"Version": "5.0.3", "Plugins": []},
    "/rt/REST/2.0/user/carol": {
        "id": 27,
        "Name": "carol",
        "RealName": "Carol Customer",
        "EmailAddress": "carol@example.test",
        "Privileged": 0,
    },
}


class _RtHandler(BaseHTTPRequestHandler):
    server: _RtServer

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        body = RT_ANSWERS.get(self.path)
        payload = json.dumps(body if body is not None else {"message": "Not Found"}).encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _RtServer(ThreadingHTTPServer):
    daemon_threads = True
    paths: list[str]


@dataclass
class Server:
    """One HTTPS help desk: the URL a profile names, and what reached its HTTP layer."""

    kind: str
    url: str
    requests: Callable[[], list[str]]


@pytest.fixture
def serve() -> Iterator[Callable[[str, ssl.SSLContext], Server]]:
    stops: list[Callable[[], None]] = []

    def start(kind: str, context: ssl.SSLContext) -> Server:
        if kind == "otrs":
            fake = FakeOtobo(users=default_users(password=PASSWORD), tls=context).start()
            stops.append(fake.stop)
            return Server(kind, fake.url, fake.operations)
        httpd = _RtServer(("127.0.0.1", 0), _RtHandler)
        httpd.paths = []
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
        thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()

        def stop() -> None:
            httpd.shutdown()
            httpd.server_close()
            thread.join(10)

        stops.append(stop)
        return Server(kind, f"https://127.0.0.1:{httpd.server_address[1]}/rt", lambda: httpd.paths)

    yield start
    for stop in stops:
        stop()


def profile(server: Server, ca_file: Path | None) -> Profile:
    login = "jane.customer" if server.kind == "otrs" else "carol"
    return Profile(
        name="Desk",
        kind=server.kind,
        url=server.url,
        login=login,
        queue="Raw" if server.kind == "otrs" else "General",
        ca_file=str(ca_file) if ca_file else "",
    )


def connector(server: Server, ca_file: Path | None) -> OtrsConnector | RtConnector:
    cls = OtrsConnector if server.kind == "otrs" else RtConnector
    return cls(profile(server, ca_file), PASSWORD, timeout=10)


EXPECTED = {"otrs": "Jane Customer (ACME)", "rt": "Carol Customer (carol@example.test)"}


# -- trust ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_server_signed_by_the_profiles_ca_is_trusted(kind, authorities, serve) -> None:
    server = serve(kind, authorities["profile"].server_context())
    assert connector(server, authorities["profile"].pem).identify().display == EXPECTED[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_the_ca_file_adds_to_the_system_cas(kind, authorities, serve) -> None:
    # A help desk behind a CA the machine trusts stays trusted when the profile names another
    # CA file (requests' verify=<file> alone would trust nothing but that file).
    server = serve(kind, authorities["system"].server_context())
    assert connector(server, authorities["profile"].pem).identify().display == EXPECTED[kind]
    assert connector(server, None).identify().display == EXPECTED[kind]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("with_ca_file", [True, False], ids=["ca-file", "no-ca-file"])
def test_a_stranger_is_refused_before_anything_is_sent(
    kind, with_ca_file, authorities, serve
) -> None:
    server = serve(kind, authorities["stranger"].server_context())
    ca_file = authorities["profile"].pem if with_ca_file else None
    with pytest.raises(CertificateError) as caught:
        connector(server, ca_file).identify()
    assert "certificate" in str(caught.value)
    assert server.requests() == []  # not even the login went out


@pytest.mark.parametrize("kind", KINDS)
def test_the_host_name_is_checked(kind, authorities, serve) -> None:
    server = serve(kind, authorities["profile"].server_context(name="help.example.test"))
    with pytest.raises(CertificateError):
        connector(server, authorities["profile"].pem).identify()
    assert server.requests() == []


# -- verification is never off -------------------------------------------------------------------


def test_the_sessions_always_verify(authorities) -> None:
    ca = str(authorities["profile"].pem)
    sessions = [make_session(), make_session(ca, trust_env=False)]
    otrs = OtrsConnector(Profile(name="o", kind="otrs", url="https://h/otrs/", ca_file=ca), "pw")
    rt = RtConnector(Profile(name="r", kind="rt", url="https://h/rt", ca_file=ca), "pw")
    sessions += [otrs._client(), rt._session]
    for session in sessions:
        assert session.verify is True
        adapter = session.get_adapter("https://help.example.test/")
        assert isinstance(adapter, TrustAdapter)
        assert adapter.context.verify_mode is ssl.CERT_REQUIRED
        assert adapter.context.check_hostname


def test_a_trust_adapter_refuses_a_context_that_does_not_verify() -> None:
    context = ssl.create_default_context()
    context.check_hostname = False
    with pytest.raises(ValueError, match="never"):
        TrustAdapter(context)
    context.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError, match="never"):
        TrustAdapter(context)


UNVERIFIED = re.compile(
    r"verify\s*=\s*False|\.verify\s*=\s*False|CERT_NONE|_create_unverified_context"
    r"|check_hostname\s*=\s*False|disable_warnings"
)


def test_no_code_turns_verification_off() -> None:
    hits = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "app").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNVERIFIED.search(line) and "never" not in line
    ]
    assert hits == []


# -- the command line ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_cli_profile_test_trusts_the_system_and_the_ca_file(
    kind, authorities, serve, cli: CLI
) -> None:
    system = serve(kind, authorities["system"].server_context())
    own = serve(kind, authorities["profile"].server_context())
    stranger = serve(kind, authorities["stranger"].server_context())
    login = "jane.customer" if kind == "otrs" else "carol"
    for name, server in (("System", system), ("Own", own), ("Stranger", stranger)):
        added = cli(
            "profile", "add", name, "--kind", kind, "--url", server.url, "--user", login,
            "--queue", "Raw", "--ca-file", str(authorities["profile"].pem), "--password-stdin",
            stdin=f"{PASSWORD}\n",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    for name in ("System", "Own"):
        tested = cli("profile", "test", name)
        assert tested.returncode == 0, tested.stderr
        assert tested.stdout.strip() == f"Connected as {EXPECTED[kind]}"
    refused = cli("profile", "test", "Stranger")
    assert refused.returncode == 4, refused.stderr
    assert "certificate is not trusted" in refused.stderr
