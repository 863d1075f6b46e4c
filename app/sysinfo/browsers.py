"""Installed browsers, their versions, and the default browser, per OS.

``detect()`` never raises: each probe (a .desktop file, a package database, a registry key, a
bundle) is guarded and a failure becomes a line in ``BrowserReport.errors``. The default browser
is what the system says it is, or ``None`` ("unknown"): never a guess from the list.

What cannot run here (the Windows registry and file version resource) sits behind small seams,
``Registry`` and ``FileVersion``; the real ones import ``winreg``/``ctypes.windll`` lazily. macOS
needs no OS call at all: bundles and the LaunchServices preferences are plist files.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

CHANNELS = ("stable", "esr", "beta", "dev", "nightly", "canary", "developer", "")
INSTALLS = ("system", "flatpak", "snap", "user", "registry", "bundle")
VERSION_TIMEOUT = 2.0
"""Seconds a ``--version`` (or ``xdg-settings``, ``rpm``) probe may take before it is killed."""

_VERSION_RE = re.compile(r"\d+(?:\.\d+)+(?:[a-z]+\d*)?")


@dataclass(frozen=True)
class Browser:
    """One installed browser."""

    id: str
    """A stable key: the desktop file id ("firefox-esr"), "org.mozilla.firefox(flatpak)",
    "firefox(snap)", a known name on Windows ("chrome-beta") or the bundle id on macOS."""
    name: str
    version: str = ""
    """As the browser reports it ("153.7.0esr"); "" when unknown."""
    channel: str = ""
    install: str = "system"
    path: str = ""
    """The executable, .desktop file or .app bundle that was found."""
    is_default: bool = False

    def label(self) -> str:
        """One English line for a ticket: "Firefox ESR 128.5.1esr (default)"."""
        text = f"{self.name} {self.version}".strip()
        if self.install in ("flatpak", "snap"):
            text += f" [{self.install}]"
        return text + (" (default)" if self.is_default else "")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the keys are the field names)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Browser:
        """The inverse of ``to_dict`` (a cached report); raises on a malformed entry."""
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            version=str(data.get("version", "")),
            channel=str(data.get("channel", "")),
            install=str(data.get("install", "system")),
            path=str(data.get("path", "")),
            is_default=bool(data.get("is_default", False)),
        )


@dataclass
class BrowserReport:
    """What ``detect()`` found: the browsers (the default first, then by name), the default's id
    (``None`` when the system does not say), and one line per probe that failed."""

    browsers: list[Browser] = field(default_factory=list)
    default_id: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def default(self) -> Browser | None:
        """The default browser, when known."""
        return next((b for b in self.browsers if b.id == self.default_id), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"default": id|None, "browsers": [...], "errors": [...]}``."""
        return {
            "default": self.default_id,
            "browsers": [b.to_dict() for b in self.browsers],
            "errors": list(self.errors),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BrowserReport:
        """The inverse of ``to_dict``; raises on malformed data."""
        default = data.get("default")
        return cls(
            browsers=[Browser.from_dict(item) for item in data["browsers"]],
            default_id=str(default) if default is not None else None,
            errors=[str(e) for e in data.get("errors", [])],
        )


def _finish(found: list[Browser], default_id: str | None, errors: list[str]) -> BrowserReport:
    if default_id is not None and not any(b.id == default_id for b in found):
        default_id = None
    marked = [
        Browser(**{**b.to_dict(), "is_default": b.id == default_id}) if default_id else b
        for b in found
    ]
    marked.sort(key=lambda b: (not b.is_default, b.name.casefold(), b.id))
    return BrowserReport(marked, default_id, errors)


# -- running helpers (a seam: tests may pass their own) ---------------------------------------

Runner = Callable[[Sequence[str], Mapping[str, str], float], str | None]
"""``run(argv, env, timeout)`` -> stdout, or None when the program failed or took too long."""


def run_program(argv: Sequence[str], env: Mapping[str, str], timeout: float) -> str | None:
    """Run a probe in its own session, stdin closed; on timeout the whole group is killed (the
    chromium launcher is a shell script whose child would otherwise outlive it)."""
    kwargs: dict[str, Any] = {}
    if os.name == "posix":
        kwargs["start_new_session"] = True
    try:
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=dict(env),
            **kwargs,
        )
    except OSError:
        return None
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        proc.kill()
        proc.communicate()
        return None
    if proc.returncode != 0:
        return None
    return out.decode("utf-8", "replace")


def version_from_output(text: str) -> str:
    """The first version-looking word of ``--version`` output ("Mozilla Firefox 153.7.0esr")."""
    match = _VERSION_RE.search(text)
    return match.group(0) if match else ""


# -- known browsers -----------------------------------------------------------------------------

_CHANNEL_WORDS = (
    ("esr", "esr"),
    ("developer", "developer"),
    ("devedition", "developer"),
    ("nightly", "nightly"),
    ("canary", "canary"),
    ("sxs", "canary"),
    ("beta", "beta"),
    ("unstable", "dev"),
    ("snapshot", "dev"),
    ("dev", "dev"),
)

# families whose ``--version`` prints the version without opening a window
_FAMILIES = (
    "firefox",
    "chromium",
    "chrome",
    "edge",
    "brave",
    "vivaldi",
    "opera",
    "librewolf",
    "waterfox",
    "epiphany",
    "falkon",
    "midori",
    "safari",
    "konqueror",
    "floorp",
    "thorium",
    "ungoogled",
)


def _family(*texts: str) -> str:
    joined = " ".join(texts).casefold()
    return next((f for f in _FAMILIES if f in joined), "")


def _channel(*texts: str, known: bool = True) -> str:
    words = re.split(r"[^a-z0-9]+", " ".join(texts).casefold())
    for word in words:
        for marker, channel in _CHANNEL_WORDS:
            if word == marker or (marker in ("esr", "devedition") and word.endswith(marker)):
                return channel
    return "stable" if known else ""


# -- Linux --------------------------------------------------------------------------------------


@dataclass
class _DesktopEntry:
    desktop_id: str
    path: Path
    values: dict[str, str]
    install: str

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def flag(self, key: str) -> bool:
        return self.get(key).strip().lower() == "true"

    def split(self, key: str) -> list[str]:
        return [part for part in self.get(key).split(";") if part]


def parse_desktop_file(text: str) -> dict[str, str]:
    """The unlocalised keys of the [Desktop Entry] group (the spec's key=value lines)."""
    values: dict[str, str] = {}
    in_entry = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
            continue
        if in_entry and "=" in line:
            key, _, value = line.partition("=")
            key = key.strip()
            if "[" not in key:  # Name[it] and friends: the English name goes in tickets
                values.setdefault(key, value.strip())
    return values


def _exec_argv(exec_line: str) -> list[str]:
    """Exec= split as the spec says (shell-like quoting), field codes dropped."""
    try:
        parts = shlex.split(exec_line)
    except ValueError:
        parts = exec_line.split()
    argv = [p for p in parts if not (len(p) == 2 and p.startswith("%")) and p not in ("@@u", "@@")]
    # "env VAR=value browser ..." (snap entries, GDK_BACKEND=x11 wrappers): the browser is the
    # program env starts, not env
    if argv and os.path.basename(argv[0]) == "env":
        index = 1
        while index < len(argv) and ("=" in argv[index] or argv[index].startswith("-")):
            index += 1
        argv = argv[index:]
    return argv


class _Linux:
    def __init__(self, env: Mapping[str, str], root: Path, run: Runner) -> None:
        self.env = env
        self.root = root
        self.run = run
        self.errors: list[str] = []
        home = env.get("HOME") or str(Path.home())
        self.home = Path(home)
        self.data_home = Path(env.get("XDG_DATA_HOME") or self.home / ".local/share")
        self.config_home = Path(env.get("XDG_CONFIG_HOME") or self.home / ".config")
        dirs = env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
        self.data_dirs = [Path(d) for d in dirs.split(":") if d]
        cdirs = env.get("XDG_CONFIG_DIRS") or "/etc/xdg"
        self.config_dirs = [Path(d) for d in cdirs.split(":") if d]
        self._dpkg: dict[str, str] | None = None
        self._owners: dict[str, str] | None = None

    def _sys(self, path: str) -> Path:
        return self.root / path.lstrip("/")

    # which folders hold .desktop files, most important first (the XDG order)
    def application_dirs(self) -> list[tuple[Path, str]]:
        user_flatpak = self.data_home / "flatpak/exports/share"
        system_flatpak = self._sys("/var/lib/flatpak/exports/share")
        snap = self._sys("/var/lib/snapd/desktop")
        result: list[tuple[Path, str]] = [(self.data_home / "applications", "user")]
        for base in self.data_dirs:
            kind = "system"
            if base in (user_flatpak, system_flatpak) or "flatpak/exports" in str(base):
                kind = "flatpak"
            elif base == snap or str(base).endswith("snapd/desktop"):
                kind = "snap"
            result.append((base / "applications", kind))
        for base, kind in ((user_flatpak, "flatpak"), (system_flatpak, "flatpak"), (snap, "snap")):
            result.append((base / "applications", kind))
        seen: set[str] = set()
        unique: list[tuple[Path, str]] = []
        for folder, kind in result:
            key = os.path.normpath(str(folder))
            if key not in seen:
                seen.add(key)
                unique.append((folder, kind))
        return unique

    def entries(self) -> list[_DesktopEntry]:
        chosen: dict[str, _DesktopEntry | None] = {}
        for folder, kind in self.application_dirs():
            if not folder.is_dir():
                continue
            try:
                files = sorted(folder.rglob("*.desktop"))
            except OSError as exc:
                self.errors.append(f"{folder}: {exc}")
                continue
            for path in files:
                desktop_id = str(path.relative_to(folder)).replace(os.sep, "-")
                if desktop_id in chosen:  # an earlier folder overrides (or hides) this one
                    continue
                try:
                    values = parse_desktop_file(path.read_text(encoding="utf-8", errors="replace"))
                except OSError as exc:
                    self.errors.append(f"{path}: {exc}")
                    continue
                if values.get("Hidden", "").lower() == "true":
                    chosen[desktop_id] = None  # the spec: as if it did not exist, everywhere
                    continue
                chosen[desktop_id] = _DesktopEntry(desktop_id, path, values, kind)
        return [entry for entry in chosen.values() if entry is not None]

    @staticmethod
    def is_browser(entry: _DesktopEntry) -> bool:
        if entry.get("Type") not in ("", "Application"):
            return False
        if "WebBrowser" in entry.split("Categories"):
            return True
        mimes = entry.split("MimeType")
        handles = "x-scheme-handler/http" in mimes or "x-scheme-handler/https" in mimes
        # a hidden helper that takes links (a web app, a private-window launcher) is no browser
        return handles and not entry.flag("NoDisplay")

    def browsers(self) -> tuple[list[Browser], dict[str, str]]:
        found: list[Browser] = []
        by_desktop_id: dict[str, str] = {}
        seen: dict[tuple[str, str], str] = {}
        # visible entries first, so that a NoDisplay twin of a program maps onto the visible one
        for entry in sorted(self.entries(), key=lambda e: e.flag("NoDisplay")):
            try:
                if not self.is_browser(entry):
                    continue
                browser = self.browser(entry)
            except Exception as exc:  # a collector never fails the report
                self.errors.append(f"{entry.path}: {type(exc).__name__}: {exc}")
                continue
            # two entries for one program (a "new private window" launcher...): one browser
            local = browser.install in ("system", "user")
            key = (browser.install, browser.path if local else browser.id)
            if key in seen:
                by_desktop_id[entry.desktop_id] = seen[key]
                continue
            seen[key] = browser.id
            found.append(browser)
            by_desktop_id[entry.desktop_id] = browser.id
        return found, by_desktop_id

    def browser(self, entry: _DesktopEntry) -> Browser:
        stem = entry.desktop_id.removesuffix(".desktop")
        name = entry.get("Name") or stem
        argv = _exec_argv(entry.get("Exec"))
        install = entry.install
        flatpak_id = entry.get("X-Flatpak")
        snap_name = entry.get("X-SnapInstanceName")
        if flatpak_id or (argv and os.path.basename(argv[0]) == "flatpak" and "run" in argv):
            install = "flatpak"
            flatpak_id = flatpak_id or next(
                (a for a in argv[argv.index("run") + 1 :] if not a.startswith("-")), stem
            )
        elif snap_name or any(a.startswith("/snap/bin/") for a in argv):
            install = "snap"
            snap_name = snap_name or next(
                a.split("/")[3].split(".")[0] for a in argv if a.startswith("/snap/bin/")
            )
        elif install in {"flatpak", "snap"}:
            install = "system"  # an exports folder listed in XDG_DATA_DIRS, but no sandbox
        exe = ""
        if install not in ("flatpak", "snap"):
            exe = self.resolve_exe(argv[0] if argv else entry.get("TryExec"))
            # a launcher the user edited still starts the system's browser; "user" is a browser
            # installed in the home folder (a tarball), whose launcher then lives there too
            in_home = exe.startswith(str(self.home) + os.sep)
            install = "user" if in_home or (entry.install == "user" and not exe) else "system"
        family = _family(stem, name, exe, flatpak_id, snap_name)
        channel = _channel(stem, name, flatpak_id, snap_name, known=bool(family))
        if install == "flatpak":
            browser_id = f"{flatpak_id}(flatpak)"
            version = self.flatpak_version(flatpak_id, entry.path)
            path = str(entry.path)
        elif install == "snap":
            browser_id = f"{snap_name}(snap)"
            version = self.snap_version(snap_name)
            path = str(entry.path)
        else:
            browser_id = stem
            path = exe or str(entry.path)
            version, channel = self.native_version(entry, exe, family, channel, browser_id)
        if family == "firefox" and "esr" in version and channel == "stable":
            channel = "esr"
        return Browser(browser_id, name, version, channel, install, path)

    def resolve_exe(self, program: str) -> str:
        if not program:
            return ""
        if os.path.isabs(program):
            return program
        found = shutil.which(program, path=self.env.get("PATH", os.defpath))
        return found or ""

    # versions
    def native_version(
        self, entry: _DesktopEntry, exe: str, family: str, channel: str, browser_id: str
    ) -> tuple[str, str]:
        version = ""
        try:
            version = self.package_version(entry, exe)
        except Exception as exc:
            self.errors.append(f"{browser_id}: package database: {type(exc).__name__}: {exc}")
        if not version and family == "firefox":
            try:
                version, channel = self.firefox_version(exe, channel)
            except Exception as exc:
                self.errors.append(f"{browser_id}: application.ini: {type(exc).__name__}: {exc}")
        elif family == "firefox" and channel == "stable":
            channel = self.firefox_channel(exe) or channel
        if not version and family and exe:
            version = self.version_option(exe)
            if not version:
                self.errors.append(f"{browser_id}: '{exe} --version' gave no version")
        return version, channel

    def dpkg_status(self) -> dict[str, str]:
        if self._dpkg is None:
            self._dpkg = {}
            status = self._sys("/var/lib/dpkg/status")
            if status.is_file():
                self._dpkg = parse_dpkg_status(status.read_text(encoding="utf-8", errors="replace"))
        return self._dpkg

    def _unroot(self, path: str) -> str:
        """A path as the package database names it (tests put the system under ``root``)."""
        try:
            return "/" + str(Path(path).relative_to(self.root))
        except ValueError:
            return path

    def desktop_owners(self) -> dict[str, str]:
        """.desktop file -> package, from every dpkg file list (read once, ~0.2 s for 1,100
        packages): for the packages not named after their .desktop file (google-chrome-stable)."""
        if self._owners is None:
            self._owners = {}
            for listing in sorted(self._sys("/var/lib/dpkg/info").glob("*.list")):
                package = listing.stem.split(":")[0]
                with listing.open(encoding="utf-8", errors="replace") as handle:
                    for line in handle:
                        if line.endswith(".desktop\n"):
                            self._owners.setdefault(line.rstrip("\n"), package)
        return self._owners

    def package_version(self, entry: _DesktopEntry, exe: str) -> str:
        if entry.install == "user" and (not exe or exe.startswith(str(self.home) + os.sep)):
            return ""  # the user's own files: no package installed them
        owned = [
            self._unroot(p)
            for p in [str(entry.path), *([exe, os.path.realpath(exe)] if exe else [])]
        ]
        installed = self.dpkg_status()
        if installed:
            info = self._sys("/var/lib/dpkg/info")
            stems = [entry.desktop_id.removesuffix(".desktop")]
            stems += [os.path.basename(p) for p in owned[1:]]
            owner = ""
            for package in dict.fromkeys(stems):
                if package not in installed:
                    continue
                for listing in (info / f"{package}.list", *info.glob(f"{package}:*.list")):
                    if listing.is_file() and _lists_any(listing, owned):
                        owner = package
                        break
                if owner:
                    break
            owner = owner or self.desktop_owners().get(owned[0], "")
            version = upstream_version(installed[owner]) if owner in installed else ""
            # Ubuntu's transitional debs ("1snap1") only point at the snap
            return "" if "snap" in version else version
        rpm = shutil.which("rpm", path=self.env.get("PATH", os.defpath))
        rpm_db = ("/var/lib/rpm", "/usr/lib/sysimage/rpm")
        if rpm and any(self._sys(folder).exists() for folder in rpm_db):
            argv = [rpm, "-qf", "--qf", "%{VERSION}\\n", str(entry.path)]
            out = self.run(argv, self.env, VERSION_TIMEOUT)
            if out and "not owned" not in out:
                return out.strip().splitlines()[0]
        return ""

    def firefox_dir(self, exe: str) -> Path | None:
        if not exe:
            return None
        real = Path(os.path.realpath(exe))
        if (real.parent / "application.ini").is_file():
            return real.parent
        try:  # a launcher script (Ubuntu, some tarball wrappers): the paths it names
            if real.stat().st_size < 64 * 1024:
                text = real.read_text(encoding="utf-8", errors="replace")
                for candidate in re.findall(r"(/[\w.+/-]+)", text):
                    folder = Path(candidate)
                    for spot in (folder, folder.parent):
                        if (spot / "application.ini").is_file():
                            return spot
        except OSError:
            pass
        return None

    def firefox_channel(self, exe: str) -> str:
        folder = self.firefox_dir(exe)
        if folder is None:
            return ""
        prefs = folder / "defaults/pref/channel-prefs.js"
        if prefs.is_file():
            text = prefs.read_text(encoding="utf-8", errors="replace")
            match = re.search(r'"app\.update\.channel"\s*,\s*"([^"]+)"', text)
            if match:
                return {"release": "stable", "aurora": "developer"}.get(
                    match.group(1), match.group(1)
                )
        return ""

    def firefox_version(self, exe: str, channel: str) -> tuple[str, str]:
        folder = self.firefox_dir(exe)
        if folder is None:
            return "", channel
        values = parse_ini(folder / "application.ini").get("App", {})
        version = values.get("Version", "")
        channel = self.firefox_channel(exe) or channel
        # --version prints the display version: ESR builds add "esr" to application.ini's
        if version and channel == "esr" and not version.endswith("esr"):
            version += "esr"
        return version, channel

    def version_option(self, exe: str) -> str:
        with tempfile.TemporaryDirectory(prefix="tw-browser-") as home:
            env = {
                "PATH": self.env.get("PATH", os.defpath),
                "HOME": home,
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            }
            out = self.run([exe, "--version"], env, VERSION_TIMEOUT)
        return version_from_output(out or "")

    def flatpak_version(self, app_id: str, desktop: Path) -> str:
        roots = [self.data_home / "flatpak", self._sys("/var/lib/flatpak")]
        # the exports folder sits in its installation: prefer that one
        for parent in desktop.parents:
            if parent.name == "exports":
                roots.insert(0, parent.parent)
                break
        for base in dict.fromkeys(roots):
            active = base / "app" / app_id / "current" / "active"
            if not active.is_dir():
                continue
            for ini in (
                active / "files/lib/firefox/application.ini",
                active / "files/share/firefox/application.ini",
            ):
                if ini.is_file():
                    version = parse_ini(ini).get("App", {}).get("Version", "")
                    if version:
                        return version
            for folder in ("files/share/metainfo", "files/share/appdata"):
                for name in (f"{app_id}.metainfo.xml", f"{app_id}.appdata.xml"):
                    version = appstream_version(active / folder / name)
                    if version:
                        return version
            metadata = parse_ini(active / "metadata")
            version = metadata.get("Application", {}).get("version", "")
            if version:
                return version
        return ""

    def snap_version(self, snap_name: str) -> str:
        meta = self._sys(f"/snap/{snap_name.split('_', maxsplit=1)[0]}/current/meta/snap.yaml")
        if not meta.is_file():
            return ""
        for line in meta.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("version:"):
                return line.partition(":")[2].strip().strip("'\"")
        return ""

    # the default
    def default_desktop_id(self, known: Iterable[str]) -> str | None:
        known = set(known)
        desktops = [
            d.lower() for d in self.env.get("XDG_CURRENT_DESKTOP", "").split(":") if d.strip()
        ]
        files: list[Path] = []
        for base in (self.config_home, *self.config_dirs):
            files += [base / f"{d}-mimeapps.list" for d in desktops] + [base / "mimeapps.list"]
        for base in (self.data_home, *self.data_dirs):
            folder = base / "applications"
            files += [folder / f"{d}-mimeapps.list" for d in desktops]
            files += [folder / "mimeapps.list"]
        for scheme in ("x-scheme-handler/https", "x-scheme-handler/http"):
            for path in files:
                try:
                    groups = parse_ini(path)
                except OSError as exc:
                    self.errors.append(f"{path}: {exc}")
                    continue
                value = groups.get("Default Applications", {}).get(scheme, "")
                for desktop_id in (v.strip() for v in value.split(";")):
                    if desktop_id in known:
                        return desktop_id
        # The desktop's own setting (KDE, Xfce...). Without one xdg-settings answers from
        # mimeinfo.cache, i.e. the first browser installed: a guess, so it is not asked.
        if desktops:
            tool = shutil.which("xdg-settings", path=self.env.get("PATH", os.defpath))
            if tool:
                out = self.run([tool, "get", "default-web-browser"], self.env, VERSION_TIMEOUT)
                answer = (out or "").strip()
                if answer in known:
                    return answer
                if answer:
                    self.errors.append(f"xdg-settings: default {answer!r} is no browser found")
        return None


def _lists_any(listing: Path, paths: Sequence[str]) -> bool:
    wanted = set(paths)
    with listing.open(encoding="utf-8", errors="replace") as handle:
        return any(line.rstrip("\n") in wanted for line in handle)


def parse_ini(path: Path) -> dict[str, dict[str, str]]:
    """A lenient INI reader (application.ini, mimeapps.list, flatpak metadata): {} when absent.
    Later groups of the same name add to the earlier one; the first value of a key wins."""
    groups: dict[str, dict[str, str]] = {}
    if not path.is_file():
        return groups
    current: dict[str, str] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], {})
        elif current is not None and "=" in line:
            key, _, value = line.partition("=")
            current.setdefault(key.strip(), value.strip())
    return groups


def parse_dpkg_status(text: str) -> dict[str, str]:
    """Installed package -> version, from /var/lib/dpkg/status (RFC 822 stanzas)."""
    result: dict[str, str] = {}
    for stanza in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in stanza.splitlines():
            if line and not line[0].isspace() and ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        status = fields.get("Status", "").split()
        if fields.get("Package") and fields.get("Version") and status[-1:] == ["installed"]:
            result[fields["Package"]] = fields["Version"]
    return result


def upstream_version(debian_version: str) -> str:
    """ "2:153.7.0esr-1~deb12u1" -> "153.7.0esr": no epoch, revision or repacking suffix."""
    version = debian_version.split(":", 1)[-1]
    if "-" in version:
        version = version.rsplit("-", 1)[0]
    return re.split(r"[+~](?:dfsg|ds|repack)", version)[0]


def appstream_version(path: Path) -> str:
    """The newest release of an AppStream metainfo file ("" when absent)."""
    if not path.is_file():
        return ""
    # ElementTree expands no external entities; the file is the installed app's own
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()  # noqa: S314
    release = root.find("releases/release")
    return release.get("version", "") if release is not None else ""


def _detect_linux(env: Mapping[str, str], root: Path, run: Runner) -> BrowserReport:
    linux = _Linux(env, root, run)
    try:
        found, by_desktop_id = linux.browsers()
    except Exception as exc:
        return BrowserReport([], None, [*linux.errors, f"browsers: {type(exc).__name__}: {exc}"])
    default_id: str | None = None
    try:
        desktop = linux.default_desktop_id(by_desktop_id)
        default_id = by_desktop_id.get(desktop) if desktop else None
    except Exception as exc:
        linux.errors.append(f"default browser: {type(exc).__name__}: {exc}")
    return _finish(found, default_id, linux.errors)


# -- Windows ------------------------------------------------------------------------------------

HKLM, HKCU = "HKLM", "HKCU"
START_MENU_INTERNET = (
    r"SOFTWARE\Clients\StartMenuInternet",
    r"SOFTWARE\WOW6432Node\Clients\StartMenuInternet",
)
APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths"
USER_CHOICE = r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\{}\UserChoice"


class Registry(Protocol):
    """The few registry reads detection needs (``winreg`` on Windows; a dict in tests)."""

    def subkeys(self, hive: str, path: str) -> list[str]:
        """The names of the key's subkeys; [] when the key does not exist."""
        ...

    def value(self, hive: str, path: str, name: str = "") -> str | None:
        """A string value ("" names the key's default value); None when absent."""
        ...


FileVersion = Callable[[str], str]
"""``file_version(exe)`` -> the executable's ProductVersion ("131.0.6778.86"); raises OSError."""


def _winreg() -> Any:
    # typeshed declares winreg for Windows only; mypy checks this file on Linux
    import importlib

    return importlib.import_module("winreg")


class WinRegistry:
    """The real registry, read through ``winreg`` (64-bit view: WOW6432Node is read by name)."""

    def _open(self, hive: str, path: str) -> Any:
        winreg = _winreg()

        root = {HKLM: winreg.HKEY_LOCAL_MACHINE, HKCU: winreg.HKEY_CURRENT_USER}[hive]
        return winreg.OpenKey(root, path, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)

    def subkeys(self, hive: str, path: str) -> list[str]:
        """See ``Registry.subkeys``."""
        winreg = _winreg()

        names: list[str] = []
        try:
            with self._open(hive, path) as key:
                index = 0
                while True:
                    try:
                        names.append(winreg.EnumKey(key, index))
                    except OSError:  # no more subkeys
                        return names
                    index += 1
        except OSError:
            return names

    def value(self, hive: str, path: str, name: str = "") -> str | None:
        """See ``Registry.value``."""
        winreg = _winreg()

        try:
            with self._open(hive, path) as key:
                data, kind = winreg.QueryValueEx(key, name)
        except OSError:
            return None
        if kind == winreg.REG_EXPAND_SZ:
            data = winreg.ExpandEnvironmentStrings(data)
        return data if isinstance(data, str) else None


def windows_file_version(exe: str) -> str:
    """The ProductVersion string of an executable's version resource (GetFileVersionInfoW), else
    its fixed file version."""
    import ctypes
    from ctypes import wintypes

    version = ctypes.windll.version  # type: ignore[attr-defined,unused-ignore]
    size = version.GetFileVersionInfoSizeW(exe, None)
    if not size:
        raise OSError(f"{exe}: no version resource")
    buffer = ctypes.create_string_buffer(size)
    if not version.GetFileVersionInfoW(exe, 0, size, buffer):
        raise OSError(f"{exe}: GetFileVersionInfoW failed")
    pointer = ctypes.c_void_p()
    length = wintypes.UINT()
    if version.VerQueryValueW(
        buffer, "\\VarFileInfo\\Translation", ctypes.byref(pointer), ctypes.byref(length)
    ):
        pairs = ctypes.cast(pointer, ctypes.POINTER(wintypes.WORD))
        for index in range(0, length.value // 2, 2):
            block = f"\\StringFileInfo\\{pairs[index]:04x}{pairs[index + 1]:04x}\\ProductVersion"
            if version.VerQueryValueW(buffer, block, ctypes.byref(pointer), ctypes.byref(length)):
                text = ctypes.wstring_at(pointer.value or 0, length.value).rstrip("\0").strip()
                if text:
                    return text
    if not version.VerQueryValueW(buffer, "\\", ctypes.byref(pointer), ctypes.byref(length)):
        raise OSError(f"{exe}: no fixed file information")
    # VS_FIXEDFILEINFO: signature, struct version, FileVersionMS, FileVersionLS, ...
    fixed = ctypes.cast(pointer, ctypes.POINTER(wintypes.DWORD))
    high, low = fixed[2], fixed[3]
    return f"{high >> 16}.{high & 0xFFFF}.{low >> 16}.{low & 0xFFFF}"


# executable name -> (family key, display name)
_WINDOWS_EXES = {
    "msedge.exe": ("edge", "Microsoft Edge"),
    "chrome.exe": ("chrome", "Google Chrome"),
    "firefox.exe": ("firefox", "Mozilla Firefox"),
    "brave.exe": ("brave", "Brave"),
    "opera.exe": ("opera", "Opera"),
    "vivaldi.exe": ("vivaldi", "Vivaldi"),
    "iexplore.exe": ("ie", "Internet Explorer"),
    "chromium.exe": ("chromium", "Chromium"),
    "librewolf.exe": ("librewolf", "LibreWolf"),
    "waterfox.exe": ("waterfox", "Waterfox"),
}
# ProgIds the browsers register for http(s), for a UserChoice whose browser registered no
# Capabilities\URLAssociations (or one found only through App Paths)
_WINDOWS_PROGIDS = {
    "msedgehtm": "edge",
    "msedgebhtml": "edge-beta",
    "msedgedhtml": "edge-dev",
    "msedgeshtml": "edge-canary",
    "chromehtml": "chrome",
    "chromebhtml": "chrome-beta",
    "chromedhtml": "chrome-dev",
    "chromesshtm": "chrome-canary",
    "bravehtml": "brave",
    "bravebhtml": "brave-beta",
    "bravenhtml": "brave-nightly",
    "operastable": "opera",
    "ie.http": "ie",
    "ie.https": "ie",
}


def _command_exe(command: str) -> str:
    command = command.strip()
    if command.startswith('"'):
        return command[1:].split('"', 1)[0]
    match = re.match(r"(.*?\.exe)\b", command, re.IGNORECASE)
    return match.group(1) if match else (command.split() or [""])[0]


def _win_id(exe: str, name: str, key_name: str) -> tuple[str, str, str]:
    """(id, display name, channel) of a Windows browser."""
    base = exe.replace("/", "\\").rsplit("\\", 1)[-1].casefold()
    family, default_name = _WINDOWS_EXES.get(base, ("", ""))
    if not family and base == "launcher.exe" and "opera" in exe.casefold():
        family, default_name = "opera", "Opera"
    if not family:
        slug = re.sub(r"[^a-z0-9]+", "-", (name or key_name).casefold()).strip("-")
        return slug or base, name or key_name, ""
    channel = _channel(exe, name, key_name)
    if family == "firefox" and "nightly" in exe.casefold():
        channel = "nightly"
    browser_id = family if channel == "stable" else f"{family}-{channel}"
    return browser_id, name or default_name, channel


def _detect_windows(registry: Registry, file_version: FileVersion) -> BrowserReport:
    errors: list[str] = []
    found: list[Browser] = []
    by_progid: dict[str, str] = {}
    seen_exes: dict[str, str] = {}

    def add(exe: str, name: str, key_name: str, progids: Iterable[str]) -> None:
        exe_key = exe.casefold()
        browser_id, display, channel = _win_id(exe, name, key_name)
        if exe_key in seen_exes:
            browser_id = seen_exes[exe_key]
        else:
            while any(b.id == browser_id for b in found):  # two installs of one channel
                browser_id += "+"
            version = ""
            try:
                version = file_version(exe)
            except Exception as exc:
                errors.append(f"{browser_id}: file version of {exe}: {exc}")
            if browser_id.startswith("firefox") and "esr" in (display + version).casefold():
                channel = "esr"
                browser_id = "firefox-esr"
            found.append(Browser(browser_id, display, version, channel, "registry", exe))
            seen_exes[exe_key] = browser_id
        for progid in progids:
            by_progid.setdefault(progid.casefold(), browser_id)

    for hive in (HKCU, HKLM):  # the user's registration first, as the shell reads them
        for base in START_MENU_INTERNET:
            try:
                key_names = registry.subkeys(hive, base)
            except Exception as exc:
                errors.append(f"{hive}\\{base}: {type(exc).__name__}: {exc}")
                continue
            for key_name in key_names:
                key = f"{base}\\{key_name}"
                try:
                    command = registry.value(hive, key + r"\shell\open\command") or ""
                    exe = _command_exe(command)
                    if not exe:
                        continue
                    name = registry.value(hive, key) or ""
                    app_name = registry.value(hive, key + r"\Capabilities", "ApplicationName")
                    if not name and app_name and not app_name.startswith("@"):
                        name = app_name
                    urls = key + r"\Capabilities\URLAssociations"
                    progids = [
                        p for p in (registry.value(hive, urls, s) for s in ("https", "http")) if p
                    ]
                    add(exe, name, key_name, progids)
                except Exception as exc:
                    errors.append(f"{hive}\\{key}: {type(exc).__name__}: {exc}")
    for hive in (HKCU, HKLM):
        for exe_name in _WINDOWS_EXES:
            try:
                registered = registry.value(hive, f"{APP_PATHS}\\{exe_name}")
                if registered:
                    add(_command_exe(registered), "", exe_name, ())
            except Exception as exc:
                errors.append(f"{hive}\\{APP_PATHS}\\{exe_name}: {type(exc).__name__}: {exc}")

    default_id: str | None = None
    try:
        for scheme in ("https", "http"):
            progid = registry.value(HKCU, USER_CHOICE.format(scheme), "ProgId")
            if not progid:
                continue
            key = progid.casefold()
            default_id = by_progid.get(key) or _WINDOWS_PROGIDS.get(key)
            if default_id is None and key.startswith("firefoxurl"):
                default_id = next((b.id for b in found if b.id.startswith("firefox")), None)
            if default_id is None:
                errors.append(f"default browser: ProgId {progid!r} belongs to no browser found")
            break
    except Exception as exc:
        errors.append(f"default browser: {type(exc).__name__}: {exc}")
    return _finish(found, default_id, errors)


# -- macOS --------------------------------------------------------------------------------------

# bundle id (casefolded) -> channel, for the browsers whose channel the name does not say
_MAC_BUNDLES = {
    "com.apple.safari": "stable",
    "com.apple.safaritechnologypreview": "dev",
    "com.google.chrome": "stable",
    "com.google.chrome.beta": "beta",
    "com.google.chrome.dev": "dev",
    "com.google.chrome.canary": "canary",
    "org.chromium.chromium": "stable",
    "com.microsoft.edgemac": "stable",
    "com.microsoft.edgemac.beta": "beta",
    "com.microsoft.edgemac.dev": "dev",
    "com.microsoft.edgemac.canary": "canary",
    "org.mozilla.firefox": "stable",
    "org.mozilla.firefoxdeveloperedition": "developer",
    "org.mozilla.nightly": "nightly",
    "com.brave.browser": "stable",
    "com.brave.browser.beta": "beta",
    "com.brave.browser.nightly": "nightly",
    "com.operasoftware.opera": "stable",
    "com.vivaldi.vivaldi": "stable",
    "company.thebrowser.browser": "stable",
    "org.torproject.torbrowser": "stable",
    "org.mozilla.librewolf": "stable",
}
MAC_APPLICATION_DIRS = (
    "/Applications",
    "~/Applications",
    "/System/Applications",
    # Safari lives in the App cryptex from macOS 13 on (/Applications/Safari.app points there)
    "/System/Volumes/Preboot/Cryptexes/App/System/Applications",
)
LAUNCH_SERVICES = (
    "Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist"
)


def _bundles(folder: Path, depth: int = 2) -> Iterable[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.suffix == ".app":
            yield child
        elif depth > 1 and child.is_dir() and not child.name.startswith("."):
            yield from _bundles(child, depth - 1)  # /Applications/Utilities and the like


def _declares_http(info: Mapping[str, Any]) -> bool:
    for url_type in info.get("CFBundleURLTypes") or []:
        schemes = url_type.get("CFBundleURLSchemes") or [] if isinstance(url_type, dict) else []
        if any(str(s).lower() in ("http", "https") for s in schemes):
            return True
    return False


def _detect_macos(home: Path, root: Path) -> BrowserReport:
    import plistlib

    errors: list[str] = []
    found: list[Browser] = []
    for folder_name in MAC_APPLICATION_DIRS:
        folder = home / folder_name[2:] if folder_name.startswith("~/") else root / folder_name[1:]
        for bundle in _bundles(folder):
            try:
                with (bundle / "Contents/Info.plist").open("rb") as handle:
                    info = plistlib.load(handle)
                bundle_id = str(info.get("CFBundleIdentifier", ""))
                known = bundle_id.casefold() in _MAC_BUNDLES
                if not bundle_id or not (known or _declares_http(info)):
                    continue
                if any(b.id.casefold() == bundle_id.casefold() for b in found):
                    continue  # the same app in two places (a Safari link to its cryptex)
                name = str(
                    info.get("CFBundleDisplayName") or info.get("CFBundleName") or bundle.stem
                )
                version = str(
                    info.get("CFBundleShortVersionString") or info.get("CFBundleVersion") or ""
                )
                channel = _MAC_BUNDLES.get(bundle_id.casefold(), "")
                if channel == "stable" and "esr" in version:
                    channel = "esr"
                install = "user" if folder_name.startswith("~/") else "bundle"
                found.append(Browser(bundle_id, name, version, channel, install, str(bundle)))
            except FileNotFoundError:
                continue  # a folder named .app without a bundle inside
            except Exception as exc:
                errors.append(f"{bundle}: {type(exc).__name__}: {exc}")
    default_id: str | None = None
    prefs = home / LAUNCH_SERVICES
    try:
        if prefs.is_file():
            with prefs.open("rb") as handle:
                handlers = plistlib.load(handle).get("LSHandlers") or []
            by_scheme = {
                str(h.get("LSHandlerURLScheme", "")).lower(): str(h.get("LSHandlerRoleAll", ""))
                for h in handlers
                if isinstance(h, dict) and h.get("LSHandlerRoleAll")
            }
            for scheme in ("https", "http"):
                wanted = by_scheme.get(scheme, "").casefold()
                if wanted:
                    default_id = next((b.id for b in found if b.id.casefold() == wanted), None)
                    if default_id is None:
                        errors.append(f"default browser: {wanted!r} is no browser found")
                    break
    except Exception as exc:
        errors.append(f"default browser: {prefs}: {type(exc).__name__}: {exc}")
    return _finish(found, default_id, errors)


# -- entry points -------------------------------------------------------------------------------


def detect(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    *,
    root: Path | str = "/",
    run: Runner = run_program,
    registry: Registry | None = None,
    file_version: FileVersion | None = None,
) -> BrowserReport:
    """The installed browsers and the default one. Never raises.

    ``env`` defaults to ``os.environ`` (HOME and the XDG variables are read from it);
    ``platform`` to ``sys.platform``. ``root`` prefixes the system paths that are not taken from
    the environment (/var/lib/dpkg, /var/lib/flatpak, /snap, /Applications...); ``run``,
    ``registry`` and ``file_version`` are the OS seams (Windows: ``WinRegistry`` and
    ``windows_file_version`` by default).
    """
    env = dict(os.environ if env is None else env)
    platform = platform or sys.platform
    root = Path(root)
    try:
        if platform == "win32":
            return _detect_windows(registry or WinRegistry(), file_version or windows_file_version)
        if platform == "darwin":
            return _detect_macos(Path(env.get("HOME") or Path.home()), root)
        return _detect_linux(env, root, run)
    except Exception as exc:  # the guard of last resort: a report, never a crash
        return BrowserReport([], None, [f"browser detection: {type(exc).__name__}: {exc}"])


def save_cache(path: Path, report: BrowserReport) -> None:
    """Write the report as JSON, atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"saved_at": time.time(), "report": report.to_dict()}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def load_cached(path: Path, max_age: float) -> BrowserReport | None:
    """The cached report when it is at most ``max_age`` seconds old; None when it is older, from
    the future (a clock change), missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        age = time.time() - float(data["saved_at"])
        if not 0 <= age <= max_age:
            return None
        return BrowserReport.from_dict(data["report"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
