"""Windows browser detection through the registry seam, on a fixture that mirrors what the
installers write (keys and values as regedit exports show them), and a file-version seam."""

from __future__ import annotations

import sys

import pytest

from app.sysinfo.browsers import HKCU, HKLM, Browser, BrowserReport, detect

SMI = r"SOFTWARE\Clients\StartMenuInternet"
WOW = r"SOFTWARE\WOW6432Node\Clients\StartMenuInternet"
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths"
USER_CHOICE = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\{}\UserChoice"

EDGE = r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"
EDGE_BETA = r"C:\Program Files (x86)\Microsoft\Edge Beta\Application\msedge.exe"
CHROME = r"C:\Program Files\Google\Chrome\Application\chrome.exe"
CANARY = r"C:\Users\mario\AppData\Local\Google\Chrome SxS\Application\chrome.exe"
FIREFOX = r"C:\Program Files\Mozilla Firefox\firefox.exe"
DEV_EDITION = r"C:\Program Files\Firefox Developer Edition\firefox.exe"
BRAVE = r"C:\Program Files\BraveSoftware\Brave-Browser\Application\brave.exe"
OPERA = r"C:\Users\mario\AppData\Local\Programs\Opera\launcher.exe"
VIVALDI = r"C:\Users\mario\AppData\Local\Vivaldi\Application\vivaldi.exe"
IE = r"C:\Program Files\Internet Explorer\iexplore.exe"
CHROMIUM = r"C:\Users\mario\AppData\Local\Chromium\Application\chromium.exe"

Keys = dict[tuple[str, str], dict[str, str]]


def _smi(
    keys: Keys, hive: str, base: str, name: str, label: str, exe: str, progid: str, **extra: str
) -> None:
    key = f"{base}\\{name}"
    keys[(hive, key)] = {"": label}
    keys[(hive, key + r"\Capabilities")] = {
        "ApplicationName": extra.get("app_name", label),
        "ApplicationDescription": "@" + exe + ",-101",
    }
    keys[(hive, key + r"\Capabilities\URLAssociations")] = {"http": progid, "https": progid}
    keys[(hive, key + r"\Capabilities\FileAssociations")] = {".htm": progid, ".html": progid}
    keys[(hive, key + r"\DefaultIcon")] = {"": f"{exe},0"}
    keys[(hive, key + r"\InstallInfo")] = {"IconsVisible": "1"}
    keys[(hive, key + r"\shell\open\command")] = {"": extra.get("command", f'"{exe}"')}


def _registry() -> Keys:
    keys: Keys = {}
    _smi(keys, HKLM, SMI, "Microsoft Edge", "Microsoft Edge", EDGE, "MSEdgeHTM")
    _smi(keys, HKLM, SMI, "Microsoft Edge Beta", "Microsoft Edge Beta", EDGE_BETA, "MSEdgeBHTML")
    _smi(keys, HKLM, SMI, "Google Chrome", "Google Chrome", CHROME, "ChromeHTML")
    # 32-bit installers wrote Chrome under WOW6432Node too: still one Chrome
    _smi(keys, HKLM, WOW, "Google Chrome", "Google Chrome", CHROME, "ChromeHTML")
    _smi(keys, HKCU, SMI, "Google Chrome SxS.ABCDEF", "Google Chrome Canary", CANARY, "ChromeSSHTM")
    _smi(
        keys,
        HKLM,
        SMI,
        "Firefox-308046B0AF4A39CB",
        "Mozilla Firefox",
        FIREFOX,
        "FirefoxURL-308046B0AF4A39CB",
    )
    _smi(
        keys,
        HKLM,
        SMI,
        "Firefox-A0EF2A8D1B6D7B6D",
        "Firefox Developer Edition",
        DEV_EDITION,
        "FirefoxURL-A0EF2A8D1B6D7B6D",
    )
    _smi(keys, HKLM, SMI, "Brave", "Brave", BRAVE, "BraveHTML")
    _smi(
        keys,
        HKCU,
        SMI,
        "OperaStable",
        "Opera Stable",
        OPERA,
        "OperaStable",
        command=f'"{OPERA}" --single-argument %1',
    )
    # Vivaldi registers per user with a suffix, and names itself only in ApplicationName
    _smi(keys, HKCU, SMI, "Vivaldi.XYZ123", "", VIVALDI, "VivaldiHTM.XYZ123", app_name="Vivaldi")
    _smi(keys, HKLM, SMI, "IEXPLORE.EXE", "Internet Explorer", IE, "IE.HTTP")
    # App Paths: the same Chrome again, and a Chromium that registered nothing else
    keys[(HKLM, APP_PATHS + r"\chrome.exe")] = {"": CHROME, "Path": CHROME.rsplit("\\", 1)[0]}
    keys[(HKCU, APP_PATHS + r"\chromium.exe")] = {"": CHROMIUM}
    keys[(HKCU, USER_CHOICE.format("http"))] = {"ProgId": "ChromeHTML", "Hash": "abc="}
    keys[(HKCU, USER_CHOICE.format("https"))] = {
        "ProgId": "FirefoxURL-308046B0AF4A39CB",
        "Hash": "def=",
    }
    return keys


VERSIONS = {
    EDGE: "131.0.2903.86",
    EDGE_BETA: "132.0.2957.26",
    CHROME: "131.0.6778.86",
    CANARY: "133.0.6896.0",
    FIREFOX: "133.0.3",
    DEV_EDITION: "134.0b10",
    BRAVE: "131.1.73.104",
    OPERA: "115.0.5322.77",
    VIVALDI: "7.0.3495.27",
    IE: "11.00.19041.4355",
}


class FakeRegistry:
    """The registry seam over a {(hive, key path): {value name: data}} dict; key paths compare
    case-insensitively, as in the registry."""

    def __init__(self, keys: Keys) -> None:
        self.keys = {(h, p.casefold()): v for (h, p), v in keys.items()}
        self.paths = [(h, p) for h, p in keys]

    def subkeys(self, hive: str, path: str) -> list[str]:
        prefix = path.casefold() + "\\"
        names = {
            p[len(prefix) :].split("\\", 1)[0]
            for h, p in self.paths
            if h == hive and p.casefold().startswith(prefix)
        }
        return sorted(names)

    def value(self, hive: str, path: str, name: str = "") -> str | None:
        return self.keys.get((hive, path.casefold()), {}).get(name)


def _file_version(versions: dict[str, str]):
    def file_version(exe: str) -> str:
        try:
            return versions[exe]
        except KeyError:
            raise OSError(
                f"[WinError 2] The system cannot find the file specified: {exe!r}"
            ) from None

    return file_version


def _detect(keys: Keys, versions: dict[str, str] = VERSIONS) -> BrowserReport:
    return detect({}, "win32", registry=FakeRegistry(keys), file_version=_file_version(versions))


def test_every_registered_browser_once_with_version_channel_and_default():
    report = _detect(_registry())

    assert report.default_id == "firefox"
    rows = [(b.id, b.name, b.version, b.channel, b.install, b.path) for b in report.browsers]
    assert rows == [
        ("firefox", "Mozilla Firefox", "133.0.3", "stable", "registry", FIREFOX),
        ("brave", "Brave", "131.1.73.104", "stable", "registry", BRAVE),
        ("chromium", "Chromium", "", "stable", "registry", CHROMIUM),
        (
            "firefox-developer",
            "Firefox Developer Edition",
            "134.0b10",
            "developer",
            "registry",
            DEV_EDITION,
        ),
        ("chrome", "Google Chrome", "131.0.6778.86", "stable", "registry", CHROME),
        ("chrome-canary", "Google Chrome Canary", "133.0.6896.0", "canary", "registry", CANARY),
        ("ie", "Internet Explorer", "11.00.19041.4355", "stable", "registry", IE),
        ("edge", "Microsoft Edge", "131.0.2903.86", "stable", "registry", EDGE),
        ("edge-beta", "Microsoft Edge Beta", "132.0.2957.26", "beta", "registry", EDGE_BETA),
        ("opera", "Opera Stable", "115.0.5322.77", "stable", "registry", OPERA),
        ("vivaldi", "Vivaldi", "7.0.3495.27", "stable", "registry", VIVALDI),
    ]
    assert report.browsers[0].is_default
    assert report.browsers[0].label() == "Mozilla Firefox 133.0.3 (default)"
    # the Chromium from App Paths has no file version here: recorded, not raised
    assert report.errors == [
        "chromium: file version of "
        r"C:\Users\mario\AppData\Local\Chromium\Application\chromium.exe: [WinError 2] The "
        r"system cannot find the file specified: 'C:\\Users\\mario\\AppData\\Local\\Chromium"
        r"\\Application\\chromium.exe'"
    ]


def test_https_choice_wins_over_http_and_known_progids_map_without_capabilities():
    keys = _registry()
    keys[(HKCU, USER_CHOICE.format("https"))] = {"ProgId": "MSEdgeHTM"}
    assert _detect(keys).default_id == "edge"
    # Chrome Beta's ProgId, though only App Paths knows Chrome Beta's exe
    del keys[(HKCU, USER_CHOICE.format("https"))]
    keys[(HKCU, USER_CHOICE.format("http"))] = {"ProgId": "ChromeHTML"}
    assert _detect(keys).default_id == "chrome"


def test_no_user_choice_is_unknown_and_a_foreign_progid_is_reported():
    keys = _registry()
    for scheme in ("http", "https"):
        del keys[(HKCU, USER_CHOICE.format(scheme))]
    report = _detect(keys)
    assert report.default_id is None
    assert not any(b.is_default for b in report.browsers)

    keys[(HKCU, USER_CHOICE.format("https"))] = {"ProgId": "AppXq0fevzme2pys62n3e0fbqa7peapykr8v"}
    report = _detect(keys)
    assert report.default_id is None
    assert (
        "ProgId 'AppXq0fevzme2pys62n3e0fbqa7peapykr8v' belongs to no browser found"
        in (report.errors[-1])
    )


def test_firefox_esr_from_its_name_or_version():
    keys: Keys = {}
    _smi(
        keys,
        HKLM,
        SMI,
        "Firefox-308046B0AF4A39CB",
        "Firefox ESR",
        FIREFOX,
        "FirefoxURL-308046B0AF4A39CB",
    )
    keys[(HKCU, USER_CHOICE.format("https"))] = {"ProgId": "FirefoxURL-308046B0AF4A39CB"}
    (firefox,) = _detect(keys, {FIREFOX: "128.5.1"}).browsers
    assert (firefox.id, firefox.channel, firefox.is_default) == ("firefox-esr", "esr", True)


def test_an_unknown_registered_browser_is_listed_by_its_key():
    keys: Keys = {}
    exe = r"C:\Program Files\Floorp\floorp.exe"
    _smi(keys, HKLM, SMI, "Floorp-6F193CCC56814779", "Floorp", exe, "FloorpURL-6F193CCC56814779")
    keys[(HKCU, USER_CHOICE.format("https"))] = {"ProgId": "FloorpURL-6F193CCC56814779"}

    report = _detect(keys, {exe: "11.21.0"})

    assert report.browsers == [
        Browser("floorp", "Floorp", "11.21.0", "", "registry", exe, is_default=True)
    ]


def test_a_failing_registry_read_is_an_error_not_a_failure():
    class Broken(FakeRegistry):
        def value(self, hive: str, path: str, name: str = "") -> str | None:
            if "Brave" in path:
                raise PermissionError("[WinError 5] Access is denied")
            return super().value(hive, path, name)

    report = detect({}, "win32", registry=Broken(_registry()), file_version=_file_version(VERSIONS))

    assert "brave" not in [b.id for b in report.browsers]
    assert "edge" in [b.id for b in report.browsers]
    assert any("Brave" in e and "Access is denied" in e for e in report.errors)


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows fallback")
def test_the_real_seams_fail_softly_off_windows():
    """detect(platform="win32") without seams uses winreg/ctypes.windll: here they do not
    exist, which must be a report with an error, not an exception."""
    report = detect({}, "win32")
    assert report.browsers == []
    assert report.default_id is None
    assert report.errors
    assert all("ModuleNotFoundError" in e or "AttributeError" in e for e in report.errors)
