"""SecretStore against the platform's real Secret Service: gnome-keyring in a private D-Bus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT

DAEMON = shutil.which("gnome-keyring-daemon")
DBUS_RUN_SESSION = shutil.which("dbus-run-session")

pytestmark = [
    pytest.mark.keyring_real,
    pytest.mark.skipif(
        DAEMON is None or DBUS_RUN_SESSION is None,
        reason="needs gnome-keyring-daemon and dbus-run-session (apt: gnome-keyring dbus)",
    ),
]

SECRET = "Perch\u00e9-\u20ac-real-keyring-42"

# Runs inside its own D-Bus session: starts an unlocked keyring daemon, waits until it owns the
# Secret Service name on the bus, uses SecretStore, and always stops the daemon.
_INNER = textwrap.dedent(
    """
    import json, os, subprocess, sys, time

    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    daemon = subprocess.Popen(
        [sys.argv[1], "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        daemon.stdin.write(b"keyring-login-password")  # --unlock reads it from stdin
        daemon.stdin.close()
        bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus",
                          interface="org.freedesktop.DBus")
        with open_dbus_connection(bus="SESSION") as conn:
            deadline = time.monotonic() + 20
            while not conn.send_and_get_reply(
                new_method_call(bus, "NameHasOwner", "s", ("org.freedesktop.secrets",))
            ).body[0]:
                if daemon.poll() is not None or time.monotonic() > deadline:
                    sys.exit("gnome-keyring-daemon did not come up: "
                             + daemon.stderr.read().decode(errors="replace"))
                time.sleep(0.02)

        from app.config.secrets import SecretStore

        store = SecretStore()
        secret = sys.argv[2]
        report = {"backend": store.backend_name(), "before": store.get("profile:Helpdesk")}
        store.set("profile:Helpdesk", secret)
        report["after_set"] = store.get("profile:Helpdesk")
        report["other_account"] = store.get("profile:Other")
        store.delete("profile:Helpdesk")
        report["after_delete"] = store.get("profile:Helpdesk")
        store.delete("profile:Helpdesk")  # deleting again is quiet
        print(json.dumps(report))
    finally:
        daemon.terminate()
        try:
            daemon.wait(10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
    """
)


def test_secret_service_set_get_delete(tmp_path: Path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    data = tmp_path / "data"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(data),  # the daemon's keyring files stay in the test's folder
        "XDG_RUNTIME_DIR": str(runtime),
        "PYTHONPATH": str(ROOT),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        "LANG": "C.UTF-8",
    }
    result = subprocess.run(
        [DBUS_RUN_SESSION, "--", sys.executable, "-c", _INNER, DAEMON, SECRET],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {
        "backend": "keyring.backends.SecretService.Keyring",
        "before": None,
        "after_set": SECRET,
        "other_account": None,
        "after_delete": None,
    }
    # The daemon kept its keyring under the test's folder, encrypted.
    keyrings = list((data / "keyrings").glob("*.keyring"))
    assert keyrings
    for file in keyrings:
        assert SECRET.encode() not in file.read_bytes()
