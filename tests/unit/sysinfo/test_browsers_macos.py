"""macOS browser detection on fixture bundles: Info.plist files written with plistlib as the
browsers ship them, and the LaunchServices preferences (a binary plist) that hold the user's
default. Nothing here needs macOS: bundles and preferences are files."""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

import pytest

from app.sysinfo.browsers import LAUNCH_SERVICES, BrowserReport, detect

HTTP_TYPES = [
    {
        "CFBundleURLName": "Web site URL",
        "CFBundleURLSchemes": ["http", "https"],
        "LSHandlerRank": "Default",
    },
    {"CFBundleURLName": "Local file URL", "CFBundleURLSchemes": ["file"]},
]


def _bundle(folder: Path, name: str, bundle_id: str, version: str, **extra: Any) -> Path:
    fmt = extra.pop("fmt", plistlib.FMT_XML)
    bundle = folder / f"{name}.app"
    (bundle / "Contents/MacOS").mkdir(parents=True)
    info = {
        "CFBundleIdentifier": bundle_id,
        "CFBundleName": name,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": extra.pop("build", version),
        "CFBundleExecutable": name,
        "CFBundlePackageType": "APPL",
        **extra,
    }
    with (bundle / "Contents/Info.plist").open("wb") as handle:
        plistlib.dump(info, handle, fmt=fmt)
    return bundle


class Mac:
    def __init__(self, tmp: Path) -> None:
        self.root = tmp / "root"
        self.home = tmp / "Users/mario"
        self.applications = self.root / "Applications"
        self.applications.mkdir(parents=True)
        (self.home / "Applications").mkdir(parents=True)

    def default(self, handlers: list[dict[str, Any]]) -> None:
        prefs = self.home / LAUNCH_SERVICES
        prefs.parent.mkdir(parents=True, exist_ok=True)
        with prefs.open("wb") as handle:
            plistlib.dump({"LSHandlers": handlers}, handle, fmt=plistlib.FMT_BINARY)

    def detect(self) -> BrowserReport:
        return detect({"HOME": str(self.home)}, "darwin", root=self.root)


@pytest.fixture
def mac(tmp_path: Path) -> Mac:
    mac = Mac(tmp_path)
    cryptex = mac.root / "System/Volumes/Preboot/Cryptexes/App/System/Applications"
    safari = _bundle(
        cryptex,
        "Safari",
        "com.apple.Safari",
        "18.2",
        build="20620.1.16.11.8",
        CFBundleURLTypes=HTTP_TYPES,
    )
    # macOS 13+: /Applications/Safari.app points into the cryptex; one Safari
    (mac.applications / "Safari.app").symlink_to(safari)
    _bundle(
        mac.applications,
        "Google Chrome",
        "com.google.Chrome",
        "131.0.6778.140",
        CFBundleURLTypes=HTTP_TYPES,
    )
    _bundle(mac.applications, "Google Chrome Canary", "com.google.Chrome.canary", "133.0.6901.0")
    _bundle(mac.applications, "Firefox", "org.mozilla.firefox", "128.5.1esr", build="12824.12.4")
    _bundle(
        mac.applications,
        "Firefox Developer Edition",
        "org.mozilla.firefoxdeveloperedition",
        "134.0b10",
    )
    _bundle(
        mac.applications,
        "Microsoft Edge Beta",
        "com.microsoft.edgemac.Beta",
        "132.0.2957.26",
        CFBundleDisplayName="Microsoft Edge Beta",
    )
    _bundle(
        mac.home / "Applications",
        "Brave Browser",
        "com.brave.Browser",
        "1.73.104",
        fmt=plistlib.FMT_BINARY,
    )
    # an unknown browser declares the http scheme; an editor does not
    _bundle(
        mac.applications, "Orion", "com.kagi.kagimacOS", "0.99.130", CFBundleURLTypes=HTTP_TYPES
    )
    _bundle(mac.root / "System/Applications", "TextEdit", "com.apple.TextEdit", "1.20")
    _bundle(mac.applications / "Utilities", "Terminal", "com.apple.Terminal", "2.14")
    return mac


def test_bundles_with_versions_channels_and_the_users_default(mac: Mac):
    mac.default(
        [
            {"LSHandlerContentType": "public.html", "LSHandlerRoleAll": "org.mozilla.firefox"},
            {"LSHandlerURLScheme": "http", "LSHandlerRoleAll": "com.apple.safari"},
            # LaunchServices writes bundle ids in lower case
            {
                "LSHandlerURLScheme": "https",
                "LSHandlerRoleAll": "com.google.chrome",
                "LSHandlerPreferredVersions": {"LSHandlerRoleAll": "-"},
            },
        ]
    )

    report = mac.detect()

    assert report.errors == []
    assert report.default_id == "com.google.Chrome"
    rows = [(b.id, b.name, b.version, b.channel, b.install, b.is_default) for b in report.browsers]
    assert rows == [
        ("com.google.Chrome", "Google Chrome", "131.0.6778.140", "stable", "bundle", True),
        ("com.brave.Browser", "Brave Browser", "1.73.104", "stable", "user", False),
        ("org.mozilla.firefox", "Firefox", "128.5.1esr", "esr", "bundle", False),
        (
            "org.mozilla.firefoxdeveloperedition",
            "Firefox Developer Edition",
            "134.0b10",
            "developer",
            "bundle",
            False,
        ),
        (
            "com.google.Chrome.canary",
            "Google Chrome Canary",
            "133.0.6901.0",
            "canary",
            "bundle",
            False,
        ),
        (
            "com.microsoft.edgemac.Beta",
            "Microsoft Edge Beta",
            "132.0.2957.26",
            "beta",
            "bundle",
            False,
        ),
        ("com.kagi.kagimacOS", "Orion", "0.99.130", "", "bundle", False),
        ("com.apple.Safari", "Safari", "18.2", "stable", "bundle", False),
    ]
    safari = report.browsers[-1]
    assert safari.path == str(mac.applications / "Safari.app")
    assert report.browsers[0].label() == "Google Chrome 131.0.6778.140 (default)"


def test_no_launchservices_preference_is_unknown(mac: Mac):
    report = mac.detect()
    assert report.default_id is None
    assert not any(b.is_default for b in report.browsers)


def test_http_only_preference_and_a_default_that_is_gone(mac: Mac):
    mac.default([{"LSHandlerURLScheme": "http", "LSHandlerRoleAll": "com.brave.browser"}])
    assert mac.detect().default_id == "com.brave.Browser"

    mac.default([{"LSHandlerURLScheme": "https", "LSHandlerRoleAll": "com.operasoftware.opera"}])
    report = mac.detect()
    assert report.default_id is None
    assert report.errors == ["default browser: 'com.operasoftware.opera' is no browser found"]


def test_broken_bundles_and_preferences_are_errors_not_failures(mac: Mac):
    (mac.applications / "Vivaldi.app/Contents").mkdir(parents=True)
    (mac.applications / "Vivaldi.app/Contents/Info.plist").write_bytes(b"<plist><dict><key>")
    (mac.applications / "Empty.app").mkdir()  # no Info.plist at all: not an app, no error
    prefs = mac.home / LAUNCH_SERVICES
    prefs.parent.mkdir(parents=True)
    prefs.write_bytes(b"bplist00garbage")

    report = mac.detect()

    assert "com.google.Chrome" in [b.id for b in report.browsers]
    assert report.default_id is None
    assert len(report.errors) == 2
    assert "Vivaldi.app" in report.errors[0]
    assert report.errors[1].startswith("default browser: ")
