"""Browser detection against the real Debian packages chromium and firefox-esr (.ci/run installs
them): found, with the versions the browsers themselves print, through detect() and through
``main.py browsers`` / ``submit --browser auto``. A fake flatpak install in a temporary HOME sits
beside them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.sysinfo.browsers import detect, version_from_output
from tests.integration.conftest import CLI, TLSFiles, text_of

pytestmark = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("firefox-esr")),
    reason="needs the Debian packages chromium and firefox-esr (apt-get install chromium "
    "firefox-esr; .ci/run installs them)",
)


def _reported_version(program: str, tmp_path: Path) -> str:
    """What ``PROGRAM --version`` prints, run as the detection would: a throw-away HOME."""
    home = tmp_path / f"home-{program}"
    home.mkdir()
    result = subprocess.run(
        [program, "--version"],
        env={"PATH": os.environ["PATH"], "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    version = version_from_output(result.stdout)
    assert version, result.stdout
    return version


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME with no browser preference, and a user flatpak install of Firefox."""
    home = tmp_path / "user"
    data = home / ".local/share"
    exports = data / "flatpak/exports/share/applications"
    exports.mkdir(parents=True)
    (exports / "org.mozilla.firefox.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Firefox\nX-Flatpak=org.mozilla.firefox\n"
        "Exec=/usr/bin/flatpak run --branch=stable --arch=x86_64 --command=firefox "
        "--file-forwarding org.mozilla.firefox @@u %u @@\nCategories=Network;WebBrowser;\n",
        encoding="utf-8",
    )
    active = data / "flatpak/app/org.mozilla.firefox/current/active"
    (active / "files/lib/firefox").mkdir(parents=True)
    (active / "files/lib/firefox/application.ini").write_text(
        "[App]\nVendor=Mozilla\nName=Firefox\nVersion=134.0.2\n", encoding="utf-8"
    )
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name in ("XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "XDG_CURRENT_DESKTOP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    return home


def _prefer(home: Path, desktop_id: str) -> None:
    config = home / ".config"
    config.mkdir(exist_ok=True)
    (config / "mimeapps.list").write_text(
        f"[Default Applications]\nx-scheme-handler/http={desktop_id}\n"
        f"x-scheme-handler/https={desktop_id}\n",
        encoding="utf-8",
    )


def test_detect_finds_both_with_the_versions_they_report(home: Path, tmp_path: Path):
    report = detect()

    found = {b.id: b for b in report.browsers}
    assert found["chromium"].version == _reported_version("chromium", tmp_path)
    assert found["firefox-esr"].version == _reported_version("firefox-esr", tmp_path)
    assert (found["firefox-esr"].channel, found["firefox-esr"].install) == ("esr", "system")
    assert found["chromium"].install == "system"
    assert Path(found["chromium"].path).resolve() == Path(shutil.which("chromium")).resolve()
    flatpak = found["org.mozilla.firefox(flatpak)"]
    assert (flatpak.version, flatpak.install) == ("134.0.2", "flatpak")
    # nothing in this HOME says which browser is the default
    assert report.default_id is None
    assert report.errors == []


def test_cli_lists_them_with_the_default(cli: CLI, home: Path, tmp_path: Path):
    result = cli("browsers")
    assert result.returncode == 0, result.stderr
    assert "Default browser: unknown" in result.stdout.splitlines()
    assert "(default)" not in result.stdout

    _prefer(home, "firefox-esr.desktop")
    result = cli("browsers", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["default"] == "firefox-esr"
    firefox, *others = data["browsers"]
    assert firefox["id"] == "firefox-esr"
    assert firefox["is_default"] is True
    assert firefox["version"] == _reported_version("firefox-esr", tmp_path)
    chromium = next(b for b in others if b["id"] == "chromium")
    assert chromium["version"] == _reported_version("chromium", tmp_path)
    assert not chromium["is_default"]

    lines = cli("browsers").stdout.splitlines()
    assert lines[0].startswith(f"Firefox ESR {firefox['version']} (default)  [system: ")
    assert lines[-1] == "Default browser: Firefox ESR"


def test_submit_browser_auto(cli: CLI, home: Path, smtp_server, tls: TLSFiles):
    server = smtp_server(security="none")
    added = cli(
        "profile",
        "add",
        "Helpdesk",
        "--host",
        "127.0.0.1",
        "--port",
        str(server.port),
        "--security",
        "none",
        "--to",
        "help@example.it",
        "--from",
        "me@example.it",
    )
    assert added.returncode == 0, added.stderr

    # two browsers and no default: auto cannot choose, and says so
    refused = cli("submit", "--subject", "s", "--body", "b", "--browser", "auto")
    assert refused.returncode == 2
    assert "--browser auto: the default browser is unknown" in refused.stderr
    assert server.messages == []

    _prefer(home, "chromium.desktop")
    sent = cli("submit", "--subject", "Stampa", "--body", "Non stampa.", "--browser", "auto")
    assert sent.returncode == 0, sent.stderr
    (received,) = server.messages
    chromium = json.loads(cli("browsers", "--json").stdout)["browsers"][0]
    assert chromium["id"] == "chromium"
    text, *_ = received.message.iter_parts()
    assert text_of(text) == (
        f"Non stampa.\n\nBrowser: Chromium Web Browser {chromium['version']} (default)\n"
    )
