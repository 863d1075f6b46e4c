"""System facts for a ticket: operating system, desktop, architecture, locale, time zone,
screens, app version, free disk space, and whether the help desk can be reached from here.

Each fact has its own collector, and each collector is guarded: one that fails is recorded in
:attr:`SystemInfo.errors` and its line is left out; :func:`collect` never raises. What a
collector reads about the machine comes through :class:`Host`, the real machine by default and
a fake one in tests (Windows and macOS values cannot be read on Linux).

No secret ever becomes a fact: the help desk's address is reduced to host and port.
"""

from __future__ import annotations

import errno
import locale
import os
import platform
import re
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from app import APP_NAME, __version__
from app.core.sysinfo import Fact, SystemInfo

Screen = tuple[int, int, float | None]
"""One screen as the caller knows it: width and height in device pixels, and its scale factor
(device pixel ratio; None when unknown)."""

DEFAULT_TIMEOUT = 2.0
"""Seconds the help desk gets to accept a connection (name lookup included)."""

_WINDOWS_NT_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"
_MACOS_NAMES = {
    11: "Big Sur",
    12: "Monterey",
    13: "Ventura",
    14: "Sonoma",
    15: "Sequoia",
    26: "Tahoe",
}
_WEB_PORTS = {"https": 443, "http": 80}


class FactUnavailable(Exception):
    """A fact that cannot be known here; the message is the whole error shown to the user."""


# -- what the collectors read about the machine ------------------------------------------------


def _local_now() -> datetime:
    return datetime.now().astimezone()


def _rtl_get_version() -> tuple[int, int, int]:
    """Windows: (major, minor, build) from ntdll's RtlGetVersion, which, unlike GetVersionEx,
    does not lie to an executable without a compatibility manifest (a frozen Python)."""
    import ctypes
    from ctypes import wintypes

    class OsVersionInfoW(ctypes.Structure):
        _fields_ = (
            ("dwOSVersionInfoSize", wintypes.DWORD),
            ("dwMajorVersion", wintypes.DWORD),
            ("dwMinorVersion", wintypes.DWORD),
            ("dwBuildNumber", wintypes.DWORD),
            ("dwPlatformId", wintypes.DWORD),
            ("szCSDVersion", wintypes.WCHAR * 128),
        )

    info = OsVersionInfoW()
    info.dwOSVersionInfoSize = ctypes.sizeof(info)
    status = ctypes.WinDLL("ntdll").RtlGetVersion(ctypes.byref(info))  # type: ignore[attr-defined,unused-ignore]
    if status != 0:
        raise OSError(f"RtlGetVersion returned status {status:#x}")
    return int(info.dwMajorVersion), int(info.dwMinorVersion), int(info.dwBuildNumber)


def _windows_registry(name: str) -> str | int | None:
    """Windows: a value under HKLM\\...\\Windows NT\\CurrentVersion, None when it is missing."""
    import winreg  # type: ignore[import-not-found,unused-ignore]

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _WINDOWS_NT_KEY) as key:  # type: ignore[attr-defined,unused-ignore]
            value, _kind = winreg.QueryValueEx(key, name)  # type: ignore[attr-defined,unused-ignore]
    except FileNotFoundError:
        return None
    return value if isinstance(value, str | int) else None


def _macos_build() -> str:
    """macOS: the build (e.g. ``23E224``), which ``platform.mac_ver`` does not give."""
    done = subprocess.run(
        ["/usr/bin/sw_vers", "-buildVersion"],
        capture_output=True,
        text=True,
        timeout=2,
        check=False,
    )
    return done.stdout.strip()


@dataclass(frozen=True)
class Host:
    """The machine as the collectors see it. :meth:`current` is this one; tests build fakes
    (a fake ``/etc`` under ``root``, Windows and macOS answers as plain functions)."""

    system: str  # platform.system(): "Linux", "Windows", "Darwin"...
    release: str  # platform.release(): the kernel's release on Linux
    machine: str  # platform.machine(): "x86_64", "AMD64", "arm64"...
    environ: Mapping[str, str]
    root: Path = Path("/")  # where etc/os-release and etc/localtime are looked up
    python_bits: int = struct.calcsize("P") * 8
    win32_ver: Callable[[], tuple[str, str, str, str]] = platform.win32_ver
    windows_version: Callable[[], tuple[int, int, int]] = _rtl_get_version
    windows_registry: Callable[[str], str | int | None] = _windows_registry
    mac_ver: Callable[[], tuple[str, tuple[str, str, str], str]] = platform.mac_ver
    mac_build: Callable[[], str] = _macos_build
    getlocale: Callable[[], tuple[str | None, str | None]] = locale.getlocale
    now: Callable[[], datetime] = _local_now
    disk_usage: Callable[[Path], Any] = shutil.disk_usage  # (total, used, free)

    @classmethod
    def current(cls) -> Host:
        """This machine."""
        return cls(
            system=platform.system(),
            release=platform.release(),
            machine=platform.machine(),
            environ=os.environ,
        )


# -- the collectors ------------------------------------------------------------------------------


def _soft(call: Callable[[], Any], default: Any) -> Any:
    """``call()``, or ``default`` when it fails: for the optional parts of one fact (a missing
    registry value should shorten the Windows line, not lose it)."""
    try:
        return call()
    except Exception:
        return default


def read_os_release(text: str) -> dict[str, str]:
    """The ``KEY=value`` pairs of an os-release file (quotes and backslash escapes removed)."""
    values: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = re.sub(r'\\([\\"$`])', r"\1", value[1:-1])
        elif len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def os_fact(host: Host) -> str:
    """Name, version and build of the operating system."""
    if host.system == "Windows":
        return _windows_os(host)
    if host.system == "Darwin":
        return _macos_os(host)
    if host.system == "Linux":
        for candidate in ("etc/os-release", "usr/lib/os-release"):
            path = host.root / candidate
            if path.is_file():
                info = read_os_release(path.read_text(encoding="utf-8", errors="replace"))
                name = info.get("PRETTY_NAME") or " ".join(
                    part for part in (info.get("NAME", ""), info.get("VERSION", "")) if part
                )
                if name:
                    return f"{name}, Linux kernel {host.release}"
        return f"Linux, kernel {host.release}"
    return f"{host.system} {host.release}".strip()


def _windows_os(host: Host) -> str:
    release, version, _csd, _ptype = _soft(host.win32_ver, ("", "", "", ""))
    numbers = _soft(host.windows_version, None)
    if numbers is None:  # win32_ver's "10.0.22631" is the fallback
        parts = [int(p) for p in version.split(".") if p.isdigit()]
        numbers = (*parts, 0, 0, 0)[:3] if parts else (0, 0, 0)
    major, minor, build = numbers
    product = str(_soft(lambda: host.windows_registry("ProductName"), None) or "")
    display = str(
        _soft(lambda: host.windows_registry("DisplayVersion"), None)
        or _soft(lambda: host.windows_registry("ReleaseId"), None)
        or ""
    )
    patch = _soft(lambda: host.windows_registry("UBR"), None)
    if "Server" in product:
        name = product  # "Windows Server 2022 Datacenter": the build does not tell servers apart
    else:
        if major == 10 and build >= 22000:
            name = "Windows 11"  # Windows 11 still says "10" in its version and ProductName
        elif major == 10:
            name = "Windows 10"
        elif (major, minor) in ((6, 1), (6, 2), (6, 3)):
            name = {(6, 1): "Windows 7", (6, 2): "Windows 8", (6, 3): "Windows 8.1"}[(major, minor)]
        else:
            name = f"Windows {release or f'{major}.{minor}'}"
        words = product.split(" ", 2)  # "Windows 10 Pro": the edition is what follows
        if len(words) == 3 and words[0] == "Windows":
            name = f"{name} {words[2]}"
    if display:
        name = f"{name} {display}"
    if build:
        name += f" (build {build}" + (f".{patch}" if isinstance(patch, int) else "") + ")"
    return name


def _macos_os(host: Host) -> str:
    version = str(_soft(host.mac_ver, ("", ("", "", ""), ""))[0])
    if not version:
        return f"macOS (Darwin {host.release})"
    name = f"macOS {version}"
    major = version.split(".", maxsplit=1)[0]
    if major.isdigit() and int(major) in _MACOS_NAMES:
        name += f" {_MACOS_NAMES[int(major)]}"
    build = str(_soft(host.mac_build, "") or "")
    return f"{name} (build {build})" if build else name


def desktop_fact(host: Host) -> str | None:
    """The desktop and its session type on Linux and the BSDs (Wayland matters for screenshots
    and hotkeys); None elsewhere, where there is only one desktop."""
    if host.system in ("Windows", "Darwin"):
        return None
    env = host.environ
    desktop = (env.get("XDG_CURRENT_DESKTOP") or env.get("DESKTOP_SESSION") or "").strip()
    session = (env.get("XDG_SESSION_TYPE") or "").strip().lower()
    if session not in ("wayland", "x11"):
        session = "wayland" if env.get("WAYLAND_DISPLAY") else "x11" if env.get("DISPLAY") else ""
    shown = {"wayland": "Wayland", "x11": "X11"}.get(session, "")
    if not desktop and not shown:
        return "no graphical session"
    if not desktop:
        return f"unknown desktop on {shown}"
    desktop = desktop.replace(":", ", ")  # "ubuntu:GNOME"
    return f"{desktop} on {shown}" if shown else desktop


def arch_fact(host: Host) -> str:
    """The processor architecture, and how many bits the app runs with."""
    machine = host.machine or "unknown"
    text = f"{machine}, {host.python_bits}-bit"
    wow64 = host.environ.get("PROCESSOR_ARCHITEW6432", "") if host.system == "Windows" else ""
    if wow64:  # a 32-bit app on 64-bit Windows sees the 32-bit view of the machine
        text = f"{machine}, {host.python_bits}-bit app on {wow64} Windows"
    return text


def locale_fact(host: Host) -> str:
    """The user's locale: the environment's on Unix (what applications follow), else Python's
    reading of the system's."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = host.environ.get(name, "").strip()
        if value:
            return value
    language, encoding = host.getlocale()
    if not language:
        return "C"
    return f"{language}.{encoding}" if encoding else language


def _zone_from_path(path: str) -> str:
    """``Europe/Rome`` from ``/usr/share/zoneinfo/Europe/Rome`` (or ``.../posix/Europe/Rome``)."""
    _, found, name = path.rpartition("zoneinfo/")
    if not found:
        return ""
    for prefix in ("posix/", "right/"):
        name = name.removeprefix(prefix)
    return name.strip("/")


def zone_name(host: Host) -> str:
    """The IANA name of the local time zone where one is known (TZ, the /etc/localtime link,
    /etc/timezone), else ``""``."""
    tz = host.environ.get("TZ", "").strip().removeprefix(":")
    if tz:
        return _zone_from_path(tz) or tz
    if host.system == "Windows":
        return ""  # Windows has its own zone names: the caller uses the one from tzname
    localtime = host.root / "etc" / "localtime"
    if localtime.is_symlink():
        name = _zone_from_path(os.readlink(localtime))
        if name:
            return name
    timezone = host.root / "etc" / "timezone"
    if timezone.is_file():
        lines = timezone.read_text(encoding="utf-8", errors="replace").split()
        if lines:
            return lines[0]
    return ""


def timezone_fact(host: Host) -> str:
    """``Europe/Rome (CET, UTC+01:00)``: the zone's name, its abbreviation now, and the
    offset now."""
    now = host.now()
    offset = now.utcoffset()
    if offset is None:
        raise FactUnavailable("the local time has no UTC offset")
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours:02d}:{rest:02d}"
    abbreviation = now.tzname() or ""
    name = zone_name(host) or abbreviation
    if not name:
        return utc
    extra = abbreviation if abbreviation and abbreviation not in (name, utc, "UTC") else ""
    # "+03" (zones without an abbreviation) says nothing the offset does not
    if extra.lstrip("+-").isdigit():
        extra = ""
    return f"{name} ({extra}, {utc})" if extra else f"{name} ({utc})"


def screens_fact(screens: Sequence[Screen] | None) -> str:
    """``1920×1080 @1x, 2560×1440 @2x`` from what the caller knows about the screens."""
    if screens is None:
        raise FactUnavailable("not known here")
    if not screens:
        return "none"
    shown = []
    for width, height, scale in screens:
        text = f"{int(width)}×{int(height)}"
        if scale:
            text += f" @{float(scale):g}x"
        shown.append(text)
    return ", ".join(shown)


def app_fact(qt_version: str = "") -> str:
    """This app's version, with the Python (and Qt, when the caller knows it) it runs on."""
    runtime = [f"Python {platform.python_version()}"]
    if qt_version:
        runtime.append(f"Qt {qt_version}")
    if getattr(sys, "frozen", False):
        runtime.append("installed package")
    return f"{APP_NAME} {__version__} ({', '.join(runtime)})"


def human_size(count: int) -> str:
    """Bytes in binary units with one decimal: ``512 bytes``, ``1.5 KiB``, ``12.3 GiB``."""
    if count < 1024:
        return f"{count} bytes"
    value = float(count)
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        value /= 1024
        if value < 1024 or unit == "TiB":
            break
    return f"{value:.1f} {unit}"


def disk_fact(host: Host, data_dir: Path | None) -> str:
    """Free space where the app keeps its data (drafts, screenshots, the outbox)."""
    if data_dir is None:
        raise FactUnavailable("the data folder is not known here")
    folder = data_dir
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent  # not created yet: the space is the nearest existing parent's
    usage = host.disk_usage(folder)
    total, free = int(usage[0]), int(usage[2])
    return f"{human_size(free)} free of {human_size(total)}"


class Target(NamedTuple):
    """Where the help desk listens: a host name or address, and a TCP port."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_target(text: str) -> Target:
    """The host and port of ``https://host[:port]/...`` (a web help desk) or ``host:port`` (a
    mail server). User names, passwords and paths in the text are dropped."""
    text = text.strip()
    if "://" in text:
        parts = urlsplit(text)
        host, port = parts.hostname or "", parts.port or _WEB_PORTS.get(parts.scheme.lower())
        if not host or port is None:
            raise ValueError(f"no host and port in a {parts.scheme or 'web'} address")
        return Target(host, port)
    if text.startswith("["):  # [::1]:25
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":")
    else:
        host, _, port_text = text.rpartition(":")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"{text!r} is not host:port")
    return Target(host, int(port_text))


def _resolve(target: Target, timeout: float) -> list[Any]:
    """getaddrinfo with a time limit: the resolver has none of its own, so it runs in a daemon
    thread that is left behind if it hangs."""
    result: list[Any] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            result.extend(socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=lookup, name="sysinfo-resolve", daemon=True).start()
    if not done.wait(timeout):
        raise TimeoutError("the name lookup took too long")
    if failure:
        raise failure[0]
    return result


def _reason(exc: BaseException | None, timeout: float) -> str:
    if isinstance(exc, socket.gaierror):
        return "host name not found"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENETUNREACH:
            return "network unreachable"
        if exc.errno == errno.EHOSTUNREACH:
            return "host unreachable"
        return exc.strerror or str(exc) or type(exc).__name__
    return str(exc) if exc else "no address"


def probe(target: Target, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Open a TCP connection to ``target`` and close it at once (no TLS, no data sent):
    ``reachable (23 ms)`` or ``not reachable: connection refused``. The time includes the
    name lookup."""
    start = time.monotonic()
    deadline = start + timeout
    try:
        addresses = _resolve(target, timeout)
    except (OSError, TimeoutError) as exc:
        return f"not reachable: {_reason(exc, timeout)}"
    last: BaseException | None = None
    for family, kind, proto, _name, address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            last = TimeoutError()
            break
        with socket.socket(family, kind, proto) as sock:
            sock.settimeout(remaining)
            try:
                sock.connect(address)
            except OSError as exc:
                last = exc
                continue
            elapsed = time.monotonic() - start
        milliseconds = round(elapsed * 1000)
        return f"reachable ({milliseconds} ms)" if milliseconds else "reachable (<1 ms)"
    return f"not reachable: {_reason(last, timeout)}"


def reachability_fact(profile_url: str | None, timeout: float) -> str:
    """``helpdesk.example.com:443 reachable (23 ms)``."""
    if not profile_url:
        raise FactUnavailable("no help desk is set up")
    target = parse_target(profile_url)
    return f"{target} {probe(target, timeout)}"


# -- all of them ---------------------------------------------------------------------------------


def _describe(exc: Exception) -> str:
    if isinstance(exc, FactUnavailable):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def collect(
    *,
    profile_url: str | None = None,
    screens: Sequence[Screen] | None = None,
    data_dir: Path | None = None,
    qt_version: str = "",
    timeout: float = DEFAULT_TIMEOUT,
    host: Host | None = None,
) -> SystemInfo:
    """Every fact, each collector guarded: a failing one becomes an entry in ``errors`` and its
    line is left out. Never raises.

    ``profile_url`` is the help desk's web address or ``host:port`` of its mail server;
    ``screens`` come from the caller (the GUI knows its QScreens; this package may not ask the
    capture layer); ``data_dir`` is where the app keeps its data; ``timeout`` bounds the
    connection test, the only slow part."""
    info = SystemInfo()
    try:
        machine = host or Host.current()
    except Exception as exc:  # not even the platform module answers: nothing else will either
        info.errors.append(("os", _describe(exc)))
        return info
    collectors: tuple[tuple[str, Callable[[], str | None]], ...] = (
        ("os", lambda: os_fact(machine)),
        ("desktop", lambda: desktop_fact(machine)),
        ("arch", lambda: arch_fact(machine)),
        ("locale", lambda: locale_fact(machine)),
        ("timezone", lambda: timezone_fact(machine)),
        ("screens", lambda: screens_fact(screens)),
        ("app", lambda: app_fact(qt_version)),
        ("disk", lambda: disk_fact(machine, data_dir)),
        ("reachability", lambda: reachability_fact(profile_url, timeout)),
    )
    for key, collector in collectors:
        try:
            value = collector()
        except Exception as exc:
            info.errors.append((key, _describe(exc)))
            continue
        if value is not None:
            info.facts.append(Fact.of(key, value))
    return info
