"""A real IMAP server on 127.0.0.1 for tests: Debian's dovecot (dovecot-imapd + dovecot-lmtpd).

Its own configuration and folders under a temporary directory, free ports on 127.0.0.1 only
(IMAP with STARTTLS, implicit-TLS IMAPS, LMTP for delivery), a trustme certificate for
``IP:127.0.0.1``, passwd-file users added while it runs. A system dovecot on 143/993, if any, is
not touched. Started once per test session by the ``imap_server`` fixture.

Pitfalls handled here: dovecot keeps its caller's stderr open (a piped CI run would hang), so its
output goes to a log file; ``auth_failure_delay = 0`` and no socket for anvil's auth penalties
keep failed logins from slowing the next ones (a wrong password still costs ~0.5 s: dovecot
answers failures on a 500 ms timer); dovecot reads its passwd-file at most once a second, so users
come from a pool written at start-up; mail processes must not run as root, so under root the mail
belongs to ``nobody``.

Run by itself it serves until killed::

    python -m tests.servers.imap --user jane@example.test --password secret
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import imaplib
import os
import pwd
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

SBIN_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/usr/local/sbin"])
START_TIMEOUT_S = 15.0
POOL_SIZE = 400

CONFIG = """\
# Ticketwise test instance: loopback only, its own folders and ports.
base_dir = {run}
state_dir = {state}
instance_name = ticketwise-test-{pid}
protocols = imap lmtp
listen = 127.0.0.1
log_path = {log}
info_log_path = {log}
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
disable_plaintext_auth = no
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = {uid}
last_valid_uid = 0
mail_location = maildir:{mail}/%u
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {passwd}
  default_fields = uid={uid} gid={gid} home={mail}/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  # A localised Sent folder that only SPECIAL-USE identifies (not auto-created).
  mailbox "Elementi inviati" {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp_port}
  }}
  unix_listener lmtp {{
    mode = 0600
  }}
}}
service anvil {{
  chroot =
  # Without this socket auth cannot ask anvil for penalties: a failed login over TLS would
  # otherwise delay the next login from 127.0.0.1 by seconds (login_trusted_networks only
  # lifts that for plain connections).
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service auth {{
  unix_listener auth-userdb {{
    mode = 0600
  }}
}}
"""


def dovecot_binary() -> str | None:
    """The dovecot executable, if installed."""
    return shutil.which("dovecot", path=SBIN_PATH)


def dovecot_version() -> str:
    """``2.3.19.1 (9b53102964)``."""
    binary = dovecot_binary()
    if not binary:
        return ""
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DovecotServer:
    """One dovecot instance (start/stop; a context manager)."""

    def __init__(self, root: Path | None = None, ca: trustme.CA | None = None) -> None:
        self._own_root = root is None
        # Under root the mail processes run as nobody: every folder they use must be reachable.
        self.root = root or Path(tempfile.mkdtemp(prefix="tw-dovecot-"))
        self.ca = ca or trustme.CA()
        self.ca_file = self.root / "ca.pem"
        self.log_file = self.root / "dovecot.log"
        self.passwd = self.root / "passwd"
        self.mail_dir = self.root / "mail"
        self.imap_port = self.imaps_port = self.lmtp_port = 0
        self.startup_s = 0.0
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._users: dict[str, str] = {}
        self._pool: list[str] = []
        self._counter = 0

    # -- life -----------------------------------------------------------------------------------

    def start(self) -> DovecotServer:
        """Write the configuration and start dovecot; returns once it accepts connections."""
        binary = dovecot_binary()
        if binary is None:
            raise RuntimeError(
                "dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)"
            )
        started = time.monotonic()
        for name in ("run", "state", "mail"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        cert = self.ca.issue_cert("127.0.0.1")
        cert.cert_chain_pems[0].write_to_path(str(self.root / "cert.pem"))
        for extra in cert.cert_chain_pems[1:]:
            with (self.root / "cert.pem").open("ab") as fh:
                fh.write(extra.bytes())
        cert.private_key_pem.write_to_path(str(self.root / "key.pem"))
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self._make_pool(POOL_SIZE)
        me = pwd.getpwuid(os.getuid())
        if os.getuid() == 0:
            nobody = pwd.getpwnam("nobody")
            uid, gid = nobody.pw_uid, nobody.pw_gid
            login_user = "dovenull" if _user_exists("dovenull") else "nobody"
            internal_user = "dovecot" if _user_exists("dovecot") else "nobody"
            internal_group = internal_user
            self.root.chmod(0o755)
            os.chown(self.mail_dir, uid, gid)
        else:
            uid, gid = me.pw_uid, me.pw_gid
            login_user = internal_user = me.pw_name
            internal_group = _group_name(gid)
        self.imap_port, self.imaps_port, self.lmtp_port = _free_port(), _free_port(), _free_port()
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(
                run=self.root / "run",
                state=self.root / "state",
                pid=os.getpid(),
                log=self.log_file,
                cert=self.root / "cert.pem",
                key=self.root / "key.pem",
                login_user=login_user,
                internal_user=internal_user,
                internal_group=internal_group,
                uid=uid,
                gid=gid,
                mail=self.mail_dir,
                passwd=self.passwd,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
                lmtp_port=self.lmtp_port,
            ),
            encoding="utf-8",
        )
        log = self.log_file.open("ab")
        try:
            # -F: stay in the foreground, so the process is ours to stop. Output to a file:
            # dovecot's children keep whatever stderr they get open for their whole life.
            self._proc = subprocess.Popen(
                [binary, "-F", "-c", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - a single-threaded fixture
            )
        finally:
            log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not all(_accepts(p) for p in (self.imap_port, self.imaps_port, self.lmtp_port)):
            if self._proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"dovecot did not start:\n{self.log_tail()}")
            time.sleep(0.01)
        self.startup_s = time.monotonic() - started
        return self

    def stop(self) -> None:
        """Stop dovecot (and remove its folder if this object made it)."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                # A login process that has just started waits seconds for services the master
                # already stopped; nothing of a test server needs a clean shutdown.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)  # its own session: only dovecot's
                proc.wait(timeout=5)
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, lines: int = 30) -> str:
        """The end of dovecot's log."""
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # -- users and mail -------------------------------------------------------------------------

    def add_user(self, login: str = "", password: str = "") -> tuple[str, str]:
        """A mailbox user; (login, password). By default the next of a pool of users written at
        start-up: dovecot looks at its passwd-file at most once a second, so a user written now
        may not exist for the next second. A named user is written now and waited for."""
        with self._lock:
            if not login and self._pool:
                login = self._pool.pop(0)
                return login, self._users[login]
            self._counter += 1
            login = login or f"customer{self._counter}@example.test"
            password = password or f"pw-{os.urandom(8).hex()}-\u00e8"
            if ":" in login or ":" in password or "\n" in login + password:
                raise ValueError("passwd-file fields cannot hold ':' or newlines")
            self._users[login] = password
            self._write_passwd()
        if self._proc is not None:
            self._wait_for_user(login)
        return login, password

    def _make_pool(self, size: int) -> None:
        for _ in range(size):
            self._counter += 1
            login = f"customer{self._counter}@example.test"
            self._users[login] = f"pw-{os.urandom(8).hex()}-\u00e8"
            self._pool.append(login)
        self._write_passwd()

    def _write_passwd(self) -> None:
        lines = [f"{u}:{{PLAIN}}{p}::::::" for u, p in self._users.items()]
        tmp = self.passwd.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tmp.replace(self.passwd)

    def _wait_for_user(self, login: str) -> None:
        deadline = time.monotonic() + 5
        while True:
            try:
                with self.client(login):
                    return
            except imaplib.IMAP4.error:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def deliver(
        self, recipient: str, data: bytes, *, sender: str = "helpdesk@example.test"
    ) -> None:
        """Deliver a mail into ``recipient``'s INBOX over LMTP (as a mail server would)."""
        with smtplib.LMTP("127.0.0.1", self.lmtp_port, timeout=10) as lmtp:
            lmtp.sendmail(sender, [recipient], data)

    @contextlib.contextmanager
    def client(self, login: str) -> Iterator[imaplib.IMAP4]:
        """A logged-in plain IMAP connection as ``login`` (for setting up and checking)."""
        imap = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=10)
        try:
            credentials = f"\0{login}\0{self._users[login]}".encode()
            imap.authenticate("PLAIN", lambda _challenge: credentials)
            yield imap
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                imap.logout()

    def append(
        self, login: str, folder: str, data: bytes, *, flags: str = "", when: float | None = None
    ) -> None:
        """Put a mail into ``folder`` (created if missing), as another mail client would;
        ``when``: its arrival time (INTERNALDATE), a POSIX timestamp."""
        with self.client(login) as imap:
            quoted = '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
            imap.create(quoted)  # "already exists" is fine
            date = imaplib.Time2Internaldate(when) if when is not None else None
            typ, data_ = imap.append(quoted, flags or None, date, data)
            if typ != "OK":
                raise imaplib.IMAP4.error(data_)

    def mailboxes(self, login: str) -> list[str]:
        """Every mailbox name of ``login`` (raw, as LIST gives it)."""
        with self.client(login) as imap:
            _typ, data = imap.list()
        names = []
        for item in data:
            if isinstance(item, bytes):
                names.append(item.rsplit(b' "/" ', 1)[-1].strip(b'"').decode())
        return names

    def server_context(self) -> ssl.SSLContext:
        """A TLS server context with a certificate for 127.0.0.1 from the same CA (for the test
        SMTP server, so one CA file serves both)."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1").configure_cert(context)
        return context


def _die_with_parent() -> None:
    """In dovecot's master, before exec: get SIGTERM when the test process dies, however it
    dies (a Qt abort, SIGKILL), so no dovecot outlives its test run. Linux only."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _group_name(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


@pytest.fixture(scope="session")
def imap_server() -> Iterator[DovecotServer]:
    """One dovecot for the whole test session (skipped where dovecot is not installed, except on
    CI, where that is a failure)."""
    if dovecot_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("dovecot is not installed: .ci/run installs dovecot-imapd dovecot-lmtpd")
        pytest.skip("dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)")
    server = DovecotServer().start()
    yield server
    server.stop()


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--user", default="jane@example.test")
    parser.add_argument("--password", default="secret")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop dovecot on a plain kill too
    with DovecotServer() as server:
        server.add_user(args.user, args.password)
        print(
            f"dovecot ({dovecot_version()}) on 127.0.0.1: IMAP+STARTTLS {server.imap_port}, "
            f"IMAPS {server.imaps_port}, LMTP {server.lmtp_port}; CA {server.ca_file}; "
            f"started in {server.startup_s:.2f}s",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    _main()
