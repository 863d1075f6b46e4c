"""A private Request Tracker 5 on 127.0.0.1 for tests, from Debian's packages.

``request-tracker5 rt5-db-sqlite rt5-standalone`` (installed by ``.ci/run``) bring RT, its SQLite
driver and ``rt-server`` (Plack/Starlet). Nothing of the system's RT set-up is used: every
instance lives in its own folder with

* its own ``RT_SiteConfig.pm``, loaded through RT's ``RT_SITE_CONFIG`` environment variable, and an
  empty ``RT_SITE_CONFIG_DIR`` so Debian's ``/etc/request-tracker5/RT_SiteConfig.d`` (readable by
  www-data only, and pointing at the system database) is never read;
* its own SQLite database made by ``rt-setup-database`` (``init``, then ``insert`` of a data file
  with the users, the rights a customer needs and their auth tokens);
* a low ``$BcryptCost`` (RT's default 12 costs ~0.25 s per authenticated request);
* outgoing mail (RT's auto-replies and notifications) written by a small sendmail stand-in into
  ``mail/``, so tests can read what RT would have sent and nothing leaves the machine;
* a server time zone far from UTC (``Pacific/Auckland``): dates crossing the REST API in the wrong
  zone show up as hours off.

Start-up takes ~3 s (database ~2 s, server ~1 s). Run by itself it serves until killed::

    python -m tests.servers.rt --port 8080
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RT_SERVER = Path("/usr/share/request-tracker5/libexec/rt-server")
RT_SETUP_DATABASE = Path("/usr/sbin/rt-setup-database")
PACKAGES = "request-tracker5 rt5-db-sqlite rt5-standalone"
WEB_PATH = "/rt"
RTNAME = "ticketwise.test"
QUEUE = "General"
SERVER_TIMEZONE = "Pacific/Auckland"


@dataclass(frozen=True)
class RtUser:
    """A user of the test instance, with the auth token RT made for them."""

    name: str
    password: str
    email: str
    real_name: str
    privileged: bool
    token: str = ""


# Unguessable passwords. Carol's has a Latin-1 accent (RT 5.0.3 reads Basic credentials as
# Latin-1); Erin's a euro sign, which RT cannot check over Basic auth at all (a token is needed).
USERS = (
    RtUser("carol", "Carol-perch\u00e9-7Kx2q", "carol@example.test", "Carol Customer", False),
    RtUser("dave", "Dave-pw-3Lm9-vT8w", "dave@example.test", "Dave Other", False),
    RtUser("erin", "Erin-\u20ac-pw-5Jh8", "erin@example.test", "Erin Euro", False),
    RtUser("agent", "Agent-pw-7Kz4-Qe1r", "agent@example.test", "Alice Agent", True),
)

# What a customer gets in a stock RT once an admin has set up self-service: see and answer the
# tickets they are a requestor of, create tickets in the queue. Nothing else (no ModifyTicket).
_DATA_FILE = r"""use utf8;
@Users = (
__USERS__
);
@ACL = (
  (map { { GroupDomain => 'RT::Queue-Role', GroupType => 'Requestor', Queue => '__QUEUE__',
           Right => $_ } } qw(ShowTicket ReplyToTicket)),
  (map { { GroupDomain => 'SystemInternal', GroupType => 'Everyone', Queue => '__QUEUE__',
           Right => $_ } } qw(CreateTicket SeeQueue)),
  (map { { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Right => $_ } }
       qw(ManageAuthTokens ModifySelf)),
  (map { { UserId => 'agent', Queue => '__QUEUE__', Right => $_ } }
       qw(ShowTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket SeeQueue CreateTicket
          ShowTicketComments)),
);
@Final = (sub {
  # Auth tokens as an admin makes them (Settings > Auth Tokens shows the string only once).
  open(my $fh, '>:encoding(UTF-8)', '__TOKENS__') or die "tokens: $!";
  for my $name (__TOKEN_USERS__) {
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($name);
    my ($id, $msg, $auth) = RT::AuthToken->new(RT->SystemUser)->Create(
      Owner => $user->Id, Description => 'Ticketwise tests');
    die "token for $name: $msg" unless $id;
    print $fh "$name $auth\n";
  }
  close $fh;
});
1;
"""

_SITE_CONFIG = r"""use utf8;
Set($rtname, '__RTNAME__');
Set($Organization, '__RTNAME__');
Set($CorrespondAddress, 'support@__RTNAME__');
Set($CommentAddress, 'support-comment@__RTNAME__');
Set($WebDomain, '127.0.0.1');
Set($WebPort, __PORT__);
Set($WebPath, '__WEBPATH__');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '__DIR__/rt.sqlite');
Set($BcryptCost, 4);
Set($MailCommand, 'sendmailpipe');
Set($SendmailPath, '__DIR__/sendmail');
Set($SendmailArguments, '');
Set($LogToSyslog, undef);
Set($LogToFile, undef);
Set($LogToSTDERR, 'error');
Set($MasonDataDir, '__DIR__/mason');
Set($MasonSessionDir, '__DIR__/sessions');
Set($Timezone, '__TIMEZONE__');
1;
"""

_SENDMAIL = """#!/bin/sh
# RT's outgoing mail, one file per message, for tests to read.
exec cat > "__DIR__/mail/$(date +%s%N).$$.eml"
"""


def missing() -> str:
    """Why RT cannot run here ("" when it can)."""
    for path in (RT_SERVER, RT_SETUP_DATABASE):
        if not path.exists():
            return f"Request Tracker is not installed ({path} missing; apt-get install {PACKAGES})"
    return ""


def free_port() -> int:
    """A port on 127.0.0.1 with nothing listening."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _perl_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


class RtServer:
    """One private RT instance: ``start()`` provisions and serves it, ``stop()`` ends it."""

    __test__ = False

    def __init__(
        self,
        workdir: Path | None = None,
        *,
        port: int = 0,
        rtname: str = RTNAME,
        timezone: str = SERVER_TIMEZONE,
    ) -> None:
        self._own_dir = workdir is None
        self.dir = Path(tempfile.mkdtemp(prefix="rt-")) if workdir is None else workdir
        self.port = port or free_port()
        self.rtname = rtname
        self.timezone = timezone
        self.users: dict[str, RtUser] = {u.name: u for u in USERS}
        self.startup_seconds = 0.0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def root_url(self) -> str:
        """RT's web root, as a user would type it."""
        return f"http://127.0.0.1:{self.port}{WEB_PATH}"

    @property
    def api_url(self) -> str:
        """The REST 2.0 base URL."""
        return f"{self.root_url}/REST/2.0"

    @property
    def mail_dir(self) -> Path:
        """Where RT's outgoing mail lands, one ``.eml`` per message."""
        return self.dir / "mail"

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["RT_SITE_CONFIG"] = str(self.dir / "RT_SiteConfig.pm")
        env["RT_SITE_CONFIG_DIR"] = str(self.dir / "RT_SiteConfig.d")
        env.pop("PERL5LIB", None)
        return env

    def _write_files(self) -> None:
        for sub in ("RT_SiteConfig.d", "mail", "mason", "sessions"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        values = {
            "__RTNAME__": self.rtname,
            "__PORT__": str(self.port),
            "__WEBPATH__": WEB_PATH,
            "__DIR__": str(self.dir),
            "__TIMEZONE__": self.timezone,
            "__QUEUE__": QUEUE,
            "__TOKENS__": str(self.dir / "tokens.txt"),
        }
        users = ",\n".join(
            f"  {{ Name => {_perl_string(u.name)}, Password => {_perl_string(u.password)}, "
            f"EmailAddress => {_perl_string(u.email)}, RealName => {_perl_string(u.real_name)}, "
            f"Privileged => {int(u.privileged)} }}"
            for u in self.users.values()
        )
        values["__USERS__"] = users
        values["__TOKEN_USERS__"] = ", ".join(_perl_string(n) for n in self.users)

        def fill(template: str) -> str:
            for key, value in values.items():
                template = template.replace(key, value)
            return template

        (self.dir / "RT_SiteConfig.pm").write_text(fill(_SITE_CONFIG), encoding="utf-8")
        (self.dir / "data.pl").write_text(fill(_DATA_FILE), encoding="utf-8")
        sendmail = self.dir / "sendmail"
        sendmail.write_text(fill(_SENDMAIL), encoding="utf-8")
        sendmail.chmod(0o755)

    def _run_setup(self, *args: str) -> None:
        result = subprocess.run(
            [str(RT_SETUP_DATABASE), *args],
            env=self._env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"rt-setup-database {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}"
            )

    def provision(self) -> None:
        """A fresh database with RT's initial data, our users, rights and tokens."""
        self._write_files()
        self._run_setup("--action", "init", "--skip-create")
        self._run_setup("--action", "insert", "--datafile", str(self.dir / "data.pl"))
        tokens = dict(
            line.split(" ", 1)
            for line in (self.dir / "tokens.txt").read_text(encoding="utf-8").splitlines()
            if " " in line
        )
        self.users = {
            name: RtUser(**{**user.__dict__, "token": tokens.get(name, "").strip()})
            for name, user in self.users.items()
        }

    def start(self, timeout: float = 60.0) -> RtServer:
        """Provision, start ``rt-server`` and return once it answers HTTP."""
        reason = missing()
        if reason:
            raise RuntimeError(reason)
        started = time.monotonic()
        self.provision()
        log = (self.dir / "server.log").open("wb")
        self._process = subprocess.Popen(
            [
                str(RT_SERVER),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--webpath",
                WEB_PATH,
            ],
            env=self._env(),
            cwd=self.dir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its Starlet workers go with it in stop()
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            if self._process.poll() is not None:
                raise RuntimeError(f"rt-server exited at start-up:\n{self.log()}")
            if self._answers():
                break
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"rt-server did not answer within {timeout} s:\n{self.log()}")
            time.sleep(0.1)
        self.startup_seconds = time.monotonic() - started
        return self

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/rt", timeout=2):
                return True
        except urllib.error.HTTPError:
            return True  # 401: RT is up and wants a login
        except OSError:
            return False

    def log(self) -> str:
        """What rt-server printed so far."""
        try:
            return (self.dir / "server.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def mails(self) -> list[bytes]:
        """RT's outgoing mail so far, oldest first."""
        return [p.read_bytes() for p in sorted(self.mail_dir.glob("*.eml"))]

    def stop(self) -> None:
        """Stop the server (and its workers); remove the folder if it was ours."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            # SIGTERM, not SIGINT: as root, rt-server's SIGINT handler chowns the system's
            # /var/lib/request-tracker5 to www-data.
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> RtServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_SESSION: dict[str, RtServer] = {}


def session_server(config: Any) -> RtServer:
    """The one RT instance of this pytest session (the contract suite and the integration tier
    share it), started on first use and stopped when the session ends; skips the calling test
    where RT is not installed."""
    server = _SESSION.get("server")
    if server is None:
        import pytest

        reason = missing()
        if reason:
            pytest.skip(reason)
        server = RtServer().start()
        _SESSION["server"] = server

        def stop() -> None:
            _SESSION.pop("server", None)
            server.stop()

        config.add_cleanup(stop)
    return server


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    server = RtServer(port=args.port).start()
    print(f"RT on {server.root_url} (REST 2.0: {server.api_url}) in {server.startup_seconds:.1f} s")
    for user in server.users.values():
        print(f"  {user.name:6} password {user.password!r:28} token {user.token}")
    signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        signal.sigwait(signals)
    finally:
        server.stop()


if __name__ == "__main__":
    _main()
