"""Linux browser detection on fixture trees: a fake root (dpkg, flatpak, snap), a fake HOME and
XDG folders with the .desktop files the real packages install. The probes that run programs
run real (tiny) scripts; only xdg-settings is answered by a fake, where a test says so."""

from __future__ import annotations

import os
import stat
import textwrap
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from app.sysinfo import browsers
from app.sysinfo.browsers import Browser, detect, parse_dpkg_status, run_program, upstream_version


def _write(path: Path, text: str, *, executable: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    if executable:
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _desktop(folder: Path, name: str, body: str) -> Path:
    return _write(folder / "applications" / name, "[Desktop Entry]\nType=Application\n" + body)


class Tree:
    """root (system folders), home, and the environment detect() reads."""

    def __init__(self, tmp: Path) -> None:
        self.root = tmp / "root"
        self.home = tmp / "home"
        self.usr = self.root / "usr"
        self.share = self.usr / "share"
        self.bin = self.usr / "bin"
        self.bin.mkdir(parents=True)
        (self.home / ".config").mkdir(parents=True)
        self.data_home = self.home / ".local/share"
        self.env: dict[str, str] = {
            "HOME": str(self.home),
            "PATH": f"{self.bin}:/usr/bin:/bin",
            "XDG_DATA_DIRS": f"{self.share}:{self.root}/var/lib/flatpak/exports/share",
            "XDG_CONFIG_DIRS": str(self.root / "etc/xdg"),
        }
        self.dpkg: list[tuple[str, str]] = []

    def dpkg_package(self, package: str, version: str, files: Sequence[Path]) -> None:
        self.dpkg.append((package, version))
        stanzas = [
            f"Package: {p}\nStatus: install ok installed\nPriority: optional\n"
            f"Architecture: amd64\nVersion: {v}\nDescription: {p}\n multi-line description\n"
            for p, v in self.dpkg
        ]
        # a removed package keeps its stanza with another status: not installed
        stanzas.append("Package: opera-stable\nStatus: deinstall ok config-files\nVersion: 1.0\n")
        _write(self.root / "var/lib/dpkg/status", "\n".join(stanzas))
        # dpkg names files from the system's root: the fixture's root is a temporary folder
        listing = "/.\n/usr\n" + "".join(f"/{f.relative_to(self.root)}\n" for f in files)
        _write(self.root / f"var/lib/dpkg/info/{package}.list", listing)

    def mimeapps(self, folder: Path, https: str, http: str = "") -> None:
        text = "[Added Associations]\nx-scheme-handler/https=other.desktop;\n\n"
        text += f"[Default Applications]\nx-scheme-handler/https={https}\n"
        if http:
            text += f"x-scheme-handler/http={http}\n"
        _write(folder / "mimeapps.list", text)

    def detect(self, run: browsers.Runner = run_program) -> browsers.BrowserReport:
        return detect(self.env, "linux", root=self.root, run=run)


def _firefox_esr(tree: Tree) -> None:
    """Debian's layout: /usr/bin/firefox-esr -> ../lib/firefox-esr/firefox-esr, application.ini
    without "esr" and channel-prefs.js saying esr; no dpkg entry, so application.ini answers."""
    lib = tree.usr / "lib/firefox-esr"
    _write(lib / "firefox-esr", "#!/bin/sh\nexit 1\n", executable=True)
    _write(lib / "application.ini", "[App]\nVendor=Mozilla\nName=Firefox\nVersion=128.5.1\n")
    _write(lib / "defaults/pref/channel-prefs.js", 'pref("app.update.channel", "esr");\n')
    (tree.bin / "firefox-esr").symlink_to("../lib/firefox-esr/firefox-esr")
    _desktop(
        tree.share,
        "firefox-esr.desktop",
        "Name=Firefox ESR\nName[it]=Firefox ESR (italiano)\nExec=firefox-esr %u\n"
        "Categories=Network;WebBrowser;\n"
        "MimeType=text/html;x-scheme-handler/http;x-scheme-handler/https;\n"
        "\n[Desktop Action new-private-window]\nName=New Private Window\n"
        "Exec=firefox-esr --private-window %u\n",
    )


def _chromium(tree: Tree) -> Path:
    launcher = _write(tree.bin / "chromium", "#!/bin/sh\nexit 1\n", executable=True)
    desktop = _desktop(
        tree.share,
        "chromium.desktop",
        "Version=1.0\nName=Chromium Web Browser\nGenericName=Web Browser\n"
        f"Exec={launcher} %U\nCategories=Network;WebBrowser;\n"
        "MimeType=text/html;x-scheme-handler/http;x-scheme-handler/https;\n",
    )
    tree.dpkg_package("chromium", "131.0.6778.85-1~deb12u1", [launcher, desktop])
    return desktop


def _flatpak_firefox(tree: Tree) -> None:
    exports = tree.root / "var/lib/flatpak/exports/share"
    _desktop(
        exports,
        "org.mozilla.firefox.desktop",
        "Name=Firefox\nExec=/usr/bin/flatpak run --branch=stable --arch=x86_64 "
        "--command=firefox --file-forwarding org.mozilla.firefox @@u %u @@\n"
        "Categories=Network;WebBrowser;\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n"
        "X-Flatpak=org.mozilla.firefox\n",
    )
    active = tree.root / "var/lib/flatpak/app/org.mozilla.firefox/current/active"
    _write(active / "metadata", "[Application]\nname=org.mozilla.firefox\ncommand=firefox\n")
    _write(
        active / "files/lib/firefox/application.ini",
        "[App]\nVendor=Mozilla\nName=Firefox\nVersion=134.0.2\n",
    )


def _flatpak_user_brave(tree: Tree) -> None:
    exports = tree.data_home / "flatpak/exports/share"
    _desktop(
        exports,
        "com.brave.Browser.desktop",
        "Name=Brave Web Browser\nExec=/usr/bin/flatpak run --branch=stable --arch=x86_64 "
        "--command=brave com.brave.Browser @@u %U @@\nCategories=Network;WebBrowser;\n",
    )
    active = tree.data_home / "flatpak/app/com.brave.Browser/current/active"
    _write(active / "metadata", "[Application]\nname=com.brave.Browser\n")
    _write(
        active / "files/share/metainfo/com.brave.Browser.metainfo.xml",
        """<?xml version="1.0" encoding="UTF-8"?>
        <component type="desktop-application">
          <id>com.brave.Browser</id>
          <releases>
            <release version="1.73.104" date="2024-12-10"/>
            <release version="1.73.101" date="2024-12-03"/>
          </releases>
        </component>
        """,
    )


def _snap_chromium(tree: Tree) -> None:
    desktop_dir = tree.root / "var/lib/snapd/desktop"
    _desktop(
        desktop_dir,
        "chromium_chromium.desktop",
        "X-SnapInstanceName=chromium\nName=Chromium Web Browser\n"
        "Exec=env BAMF_DESKTOP_FILE_HINT=/var/lib/snapd/desktop/applications/"
        "chromium_chromium.desktop /snap/bin/chromium %U\n"
        "Categories=Network;WebBrowser;\nMimeType=x-scheme-handler/http;x-scheme-handler/https;\n",
    )
    _write(
        tree.root / "snap/chromium/current/meta/snap.yaml",
        "name: chromium\nversion: '131.0.6778.108'\nsummary: Chromium web browser\n",
    )


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path)


def _by_id(report: browsers.BrowserReport) -> dict[str, Browser]:
    return {b.id: b for b in report.browsers}


def test_system_flatpak_snap_and_user_browsers(tree: Tree):
    _firefox_esr(tree)
    chromium_desktop = _chromium(tree)
    _flatpak_firefox(tree)
    _flatpak_user_brave(tree)
    _snap_chromium(tree)
    tarball = _write(tree.home / "opt/firefox/firefox", "#!/bin/sh\nexit 1\n", executable=True)
    _write(tarball.parent / "application.ini", "[App]\nName=Firefox\nVersion=133.0.3\n")
    _write(
        tarball.parent / "defaults/pref/channel-prefs.js", 'pref("app.update.channel", "release");'
    )
    _desktop(
        tree.data_home,
        "firefox.desktop",
        f"Name=Firefox\nExec={tarball} %u\nCategories=Network;WebBrowser;\n",
    )
    # not browsers: an editor, and a web app that takes links but is hidden from menus
    _desktop(tree.share, "org.gnome.gedit.desktop", "Name=Text Editor\nExec=gedit %U\n")
    _desktop(
        tree.share,
        "webapp-mail.desktop",
        "Name=Mail Web App\nNoDisplay=true\nExec=webapp %u\nMimeType=x-scheme-handler/https;\n",
    )

    report = tree.detect()

    assert report.errors == []
    assert report.default_id is None
    assert [b.to_dict() for b in report.browsers] == [
        Browser(
            "com.brave.Browser(flatpak)",
            "Brave Web Browser",
            "1.73.104",
            "stable",
            "flatpak",
            str(tree.data_home / "flatpak/exports/share/applications/com.brave.Browser.desktop"),
        ).to_dict(),
        Browser(
            "chromium",
            "Chromium Web Browser",
            "131.0.6778.85",
            "stable",
            "system",
            str(tree.bin / "chromium"),
        ).to_dict(),
        Browser(
            "chromium(snap)",
            "Chromium Web Browser",
            "131.0.6778.108",
            "stable",
            "snap",
            str(tree.root / "var/lib/snapd/desktop/applications/chromium_chromium.desktop"),
        ).to_dict(),
        Browser("firefox", "Firefox", "133.0.3", "stable", "user", str(tarball)).to_dict(),
        Browser(
            "org.mozilla.firefox(flatpak)",
            "Firefox",
            "134.0.2",
            "stable",
            "flatpak",
            str(
                tree.root / "var/lib/flatpak/exports/share/applications/org.mozilla.firefox.desktop"
            ),
        ).to_dict(),
        Browser(
            "firefox-esr",
            "Firefox ESR",
            "128.5.1esr",
            "esr",
            "system",
            str(tree.bin / "firefox-esr"),
        ).to_dict(),
    ]
    assert chromium_desktop.is_file()
    assert _by_id(report)["firefox-esr"].label() == "Firefox ESR 128.5.1esr"
    assert _by_id(report)["chromium(snap)"].label() == "Chromium Web Browser 131.0.6778.108 [snap]"


def test_dpkg_version_wins_and_package_found_by_its_file_list(tree: Tree):
    """A .desktop file named unlike its package (google-chrome.desktop, package
    google-chrome-stable): the dpkg file lists say who owns it."""
    exe = _write(tree.root / "opt/google/chrome/google-chrome", "#!/bin/sh\n", executable=True)
    desktop = _desktop(
        tree.share,
        "google-chrome.desktop",
        f"Name=Google Chrome\nExec={exe} %U\nCategories=Network;WebBrowser;\n",
    )
    tree.dpkg_package("google-chrome-stable", "131.0.6778.139-1", [desktop, exe])
    beta_exe = _write(
        tree.root / "opt/google/chrome-beta/google-chrome-beta", "#!/bin/sh\n", executable=True
    )
    beta = _desktop(
        tree.share,
        "google-chrome-beta.desktop",
        f"Name=Google Chrome (beta)\nExec={beta_exe} %U\nCategories=Network;WebBrowser;\n",
    )
    tree.dpkg_package("google-chrome-beta", "1:132.0.6834.57-1", [beta, beta_exe])

    found = _by_id(tree.detect())

    assert (found["google-chrome"].version, found["google-chrome"].channel) == (
        "131.0.6778.139",
        "stable",
    )
    assert (found["google-chrome-beta"].version, found["google-chrome-beta"].channel) == (
        "132.0.6834.57",
        "beta",
    )


def test_version_option_fallback_runs_the_browser_with_a_temporary_home(tree: Tree):
    """No package, no application.ini: ``vivaldi-stable --version`` answers; it must not see
    the user's HOME (a first run would create a profile there), and env is only a wrapper."""
    _write(
        tree.bin / "vivaldi-stable",
        '#!/bin/sh\n[ "$1" = --version ] || exit 3\n'
        f'[ "$HOME" != "{tree.home}" ] || exit 4\necho "Vivaldi 7.0.3495.27 stable"\n',
        executable=True,
    )
    _desktop(
        tree.share,
        "vivaldi-stable.desktop",
        "Name=Vivaldi\nExec=env GDK_BACKEND=x11 vivaldi-stable %U\nCategories=WebBrowser;\n",
    )

    (vivaldi,) = tree.detect().browsers

    assert (vivaldi.version, vivaldi.channel, vivaldi.path) == (
        "7.0.3495.27",
        "stable",
        str(tree.bin / "vivaldi-stable"),
    )


def test_an_unknown_browser_is_listed_but_never_run(tree: Tree):
    """--version is asked only of browsers known to answer it without opening a window."""
    ran = tree.home / "ran"
    _write(tree.bin / "surf", f'#!/bin/sh\ntouch "{ran}"\necho 2.1\n', executable=True)
    _desktop(tree.share, "surf.desktop", "Name=surf\nExec=surf %u\nCategories=WebBrowser;\n")

    report = tree.detect()

    assert report.browsers == [Browser("surf", "surf", "", "", "system", str(tree.bin / "surf"))]
    assert report.errors == []
    assert not ran.exists()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # killed, waiting for its new parent to reap it


def test_a_hanging_browser_is_killed_after_the_timeout(tree: Tree, monkeypatch):
    monkeypatch.setattr(browsers, "VERSION_TIMEOUT", 0.5)
    pid_file = tree.home / "child.pid"
    # a launcher script whose child hangs too (chromium's is a script): the group must go
    _write(
        tree.bin / "opera",
        f'#!/bin/sh\nsleep 30 &\necho $! > "{pid_file}"\nwait\n',
        executable=True,
    )
    _desktop(tree.share, "opera.desktop", "Name=Opera\nExec=opera %U\nCategories=WebBrowser;\n")

    started = time.monotonic()
    report = tree.detect()

    assert time.monotonic() - started < 3
    assert [(b.id, b.version) for b in report.browsers] == [("opera", "")]
    assert report.errors == [f"opera: '{tree.bin / 'opera'} --version' gave no version"]
    assert not _alive(int(pid_file.read_text()))


def test_a_launcher_the_user_edited_is_still_the_system_browser(tree: Tree):
    _chromium(tree)
    launcher = tree.bin / "chromium"
    _desktop(
        tree.data_home,
        "chromium.desktop",
        f"Name=Chromium (no GPU)\nExec={launcher} --disable-gpu %U\nCategories=WebBrowser;\n",
    )

    (chromium,) = tree.detect().browsers

    assert (chromium.name, chromium.install, chromium.version) == (
        "Chromium (no GPU)",
        "system",
        "131.0.6778.85",
    )


def test_hidden_masks_and_nodisplay_twins_merge(tree: Tree):
    _firefox_esr(tree)
    # the user hid the system entry: it no longer exists, for the menus and for us
    _desktop(tree.share, "falkon.desktop", "Name=Falkon\nExec=falkon %u\nCategories=WebBrowser;\n")
    _desktop(tree.data_home, "falkon.desktop", "Name=Falkon\nHidden=true\n")
    # a NoDisplay launcher of the same program (private window) is the same browser
    _desktop(
        tree.share,
        "firefox-esr-private.desktop",
        "Name=Firefox ESR (private)\nNoDisplay=true\nExec=firefox-esr --private-window %u\n"
        "Categories=Network;WebBrowser;\n",
    )
    tree.mimeapps(tree.home / ".config", "firefox-esr-private.desktop")

    report = tree.detect()

    assert [b.id for b in report.browsers] == ["firefox-esr"]
    assert report.default_id == "firefox-esr"  # through its twin


def test_a_broken_entry_is_an_error_not_a_failure(tree: Tree):
    _firefox_esr(tree)
    (tree.share / "applications/broken.desktop").mkdir()

    report = tree.detect()

    assert [b.id for b in report.browsers] == ["firefox-esr"]
    assert len(report.errors) == 1
    assert "broken.desktop" in report.errors[0]


# -- the default --------------------------------------------------------------------------------


def _no_xdg_settings(calls: list[Sequence[str]]) -> browsers.Runner:
    def run(argv: Sequence[str], env: Mapping[str, str], timeout: float) -> str | None:
        calls.append(argv)
        if os.path.basename(argv[0]) == "xdg-settings":
            return "chromium.desktop\n"
        return run_program(argv, env, timeout)

    return run


def test_no_default_is_unknown_and_xdg_settings_is_not_asked_to_guess(tree: Tree):
    """Without a desktop, xdg-settings answers from mimeinfo.cache: the first browser
    installed. That is a guess, and the answer must be "unknown"."""
    _firefox_esr(tree)
    _chromium(tree)
    _write(tree.bin / "xdg-settings", "#!/bin/sh\necho chromium.desktop\n", executable=True)
    _write(
        tree.share / "applications/mimeinfo.cache",
        "[MIME Cache]\nx-scheme-handler/https=chromium.desktop;firefox-esr.desktop;\n",
    )
    calls: list[Sequence[str]] = []

    report = tree.detect(_no_xdg_settings(calls))

    assert report.default_id is None
    assert not any(b.is_default for b in report.browsers)
    assert [b.name for b in report.browsers] == ["Chromium Web Browser", "Firefox ESR"]
    assert not any("xdg-settings" in argv[0] for argv in calls)


def test_user_mimeapps_https_first(tree: Tree):
    _firefox_esr(tree)
    _chromium(tree)
    # https says firefox-esr (after one that is not installed), http says chromium
    tree.mimeapps(tree.home / ".config", "gone.desktop;firefox-esr.desktop;", "chromium.desktop")

    report = tree.detect()

    assert report.default_id == "firefox-esr"
    assert [(b.id, b.is_default) for b in report.browsers] == [
        ("firefox-esr", True),
        ("chromium", False),
    ]
    assert report.default is report.browsers[0]
    assert report.browsers[0].label() == "Firefox ESR 128.5.1esr (default)"


def test_desktop_specific_mimeapps_and_system_defaults(tree: Tree):
    _firefox_esr(tree)
    _chromium(tree)
    _flatpak_firefox(tree)
    tree.mimeapps(tree.root / "etc/xdg", "firefox-esr.desktop")  # the administrator's
    tree.mimeapps(tree.share / "applications", "chromium.desktop")  # the distribution's
    assert tree.detect().default_id == "firefox-esr"

    tree.env["XDG_CURRENT_DESKTOP"] = "ubuntu:GNOME"
    _write(
        tree.home / ".config/gnome-mimeapps.list",
        "[Default Applications]\nx-scheme-handler/https=org.mozilla.firefox.desktop\n",
    )
    assert tree.detect().default_id == "org.mozilla.firefox(flatpak)"

    (tree.root / "etc/xdg/mimeapps.list").unlink()
    (tree.home / ".config/gnome-mimeapps.list").unlink()
    assert tree.detect().default_id == "chromium"


def test_desktop_setting_through_xdg_settings(tree: Tree):
    """With a desktop (KDE keeps its own browser setting) and no mimeapps.list, xdg-settings
    is asked."""
    _firefox_esr(tree)
    _chromium(tree)
    _write(tree.bin / "xdg-settings", "#!/bin/sh\nexit 1\n", executable=True)
    tree.env["XDG_CURRENT_DESKTOP"] = "KDE"
    calls: list[Sequence[str]] = []

    report = tree.detect(_no_xdg_settings(calls))

    assert report.default_id == "chromium"
    assert [str(tree.bin / "xdg-settings"), "get", "default-web-browser"] in [
        list(c) for c in calls
    ]


# -- pieces -------------------------------------------------------------------------------------


def test_dpkg_status_parsing_and_upstream_versions():
    status = (
        "Package: firefox-esr\nStatus: install ok installed\nVersion: 128.5.1esr-1~deb12u1\n"
        "Description: Mozilla Firefox\n continued: with a colon\n\n"
        "Package: chromium\nStatus: deinstall ok config-files\nVersion: 130.0-1\n\n"
        "Package: epiphany-browser\nStatus: install ok installed\nVersion: 43.1-2\n"
    )
    assert parse_dpkg_status(status) == {
        "firefox-esr": "128.5.1esr-1~deb12u1",
        "epiphany-browser": "43.1-2",
    }
    assert upstream_version("128.5.1esr-1~deb12u1") == "128.5.1esr"
    assert upstream_version("2:131.0.6778.85-1") == "131.0.6778.85"
    assert upstream_version("3.4.0+dfsg-2") == "3.4.0"
    assert upstream_version("1.0") == "1.0"


@pytest.mark.parametrize(
    ("output", "version"),
    [
        ("Mozilla Firefox 128.5.1esr\n", "128.5.1esr"),
        ("Chromium 131.0.6778.85 built on Debian GNU/Linux 12 (bookworm)\n", "131.0.6778.85"),
        ("Google Chrome 132.0.6834.57 beta\n", "132.0.6834.57"),
        ("Mozilla Firefox 134.0b9\n", "134.0b9"),
        ("no version here\n", ""),
    ],
)
def test_version_from_output(output: str, version: str):
    assert browsers.version_from_output(output) == version


def test_detect_never_raises(tree: Tree, monkeypatch):
    _firefox_esr(tree)

    def explode(self: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(browsers._Linux, "entries", explode)

    report = tree.detect()

    assert report.browsers == []
    assert report.errors == ["browsers: RuntimeError: boom"]


def test_a_transitional_snap_package_version_is_not_the_browsers(tree: Tree):
    """Ubuntu's deb "firefox" (1:1snap1-0ubuntu5) only installs the snap: its version says
    nothing; the launcher script names the real Firefox folder, whose application.ini does."""
    lib = tree.root / "usr/lib/firefox"
    _write(lib / "application.ini", "[App]\nName=Firefox\nVersion=133.0.3\n")
    _write(lib / "firefox", "#!/bin/sh\nexit 1\n", executable=True)
    launcher = _write(
        tree.bin / "firefox", f'#!/bin/sh\nexec {lib}/firefox "$@"\n', executable=True
    )
    desktop = _desktop(
        tree.share, "firefox.desktop", "Name=Firefox\nExec=firefox %u\nCategories=WebBrowser;\n"
    )
    tree.dpkg_package("firefox", "1:1snap1-0ubuntu5", [launcher, desktop])

    (firefox,) = tree.detect().browsers

    assert (firefox.id, firefox.version, firefox.channel) == ("firefox", "133.0.3", "stable")
