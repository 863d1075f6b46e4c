"""The system-fact collectors, each on a fake machine (a fake /etc tree, Windows and macOS
answers as plain functions), and collect()'s guard: a failing collector is reported, the others
still give their lines. The connection test against real sockets is in tests/integration."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app import __version__
from app.core.sysinfo import FACT_KEYS
from app.sysinfo import facts
from app.sysinfo.facts import Host, Target, collect, parse_target

WINTER = datetime(2024, 1, 15, 10, 0, tzinfo=timezone(timedelta(hours=1), "CET"))


def _no(*_args: Any) -> Any:
    raise AssertionError("this collector must not be asked here")


def fake_host(root: Path, **changes: Any) -> Host:
    """A Linux machine whose /etc is under ``root``; nothing real is read."""
    values: dict[str, Any] = {
        "system": "Linux",
        "release": "6.1.0-18-amd64",
        "machine": "x86_64",
        "environ": {},
        "root": root,
        "python_bits": 64,
        "win32_ver": _no,
        "windows_version": _no,
        "windows_registry": _no,
        "mac_ver": _no,
        "mac_build": _no,
        "getlocale": lambda: ("it_IT", "UTF-8"),
        "now": lambda: WINTER,
        "disk_usage": lambda path: (500 * 2**30, 0, 123 * 2**30 + 2**29),
    }
    values.update(changes)
    return Host(**values)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- operating system ---------------------------------------------------------------------------


def test_linux_os_release_pretty_name_and_kernel(tmp_path: Path):
    write(
        tmp_path / "etc/os-release",
        'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\n'
        "VERSION_ID=12\n# a comment\n",
    )
    assert facts.os_fact(fake_host(tmp_path)) == (
        "Debian GNU/Linux 12 (bookworm), Linux kernel 6.1.0-18-amd64"
    )


def test_linux_os_release_in_usr_lib_and_without_pretty_name(tmp_path: Path):
    write(tmp_path / "usr/lib/os-release", "NAME='Fedora Linux'\nVERSION=\"40 (Workstation)\"\n")
    assert facts.os_fact(fake_host(tmp_path)) == (
        "Fedora Linux 40 (Workstation), Linux kernel 6.1.0-18-amd64"
    )


def test_linux_without_os_release_still_names_the_kernel(tmp_path: Path):
    assert facts.os_fact(fake_host(tmp_path)) == "Linux, kernel 6.1.0-18-amd64"


def test_os_release_quoting():
    parsed = facts.read_os_release('A="say \\"hi\\" \\$x"\nB=\'single\'\nC=bare\nnot a pair\n')
    assert parsed == {"A": 'say "hi" $x', "B": "single", "C": "bare"}


def _registry(values: dict[str, str | int]) -> Any:
    return values.get


def test_windows_11_from_the_build_number(tmp_path: Path):
    # Windows 11 still calls itself 10 in win32_ver and in ProductName.
    host = fake_host(
        tmp_path,
        system="Windows",
        release="10",
        machine="AMD64",
        win32_ver=lambda: ("10", "10.0.22631", "SP0", "Multiprocessor Free"),
        windows_version=lambda: (10, 0, 22631),
        windows_registry=_registry(
            {"ProductName": "Windows 10 Pro", "DisplayVersion": "23H2", "UBR": 3155}
        ),
    )
    assert facts.os_fact(host) == "Windows 11 Pro 23H2 (build 22631.3155)"


def test_windows_10_with_release_id_and_no_rtl_get_version(tmp_path: Path):
    def broken() -> tuple[int, int, int]:
        raise OSError("RtlGetVersion returned status 0xc0000001")

    host = fake_host(
        tmp_path,
        system="Windows",
        win32_ver=lambda: ("10", "10.0.19045", "SP0", "Multiprocessor Free"),
        windows_version=broken,
        windows_registry=_registry({"ProductName": "Windows 10 Enterprise", "ReleaseId": "2009"}),
    )
    assert facts.os_fact(host) == "Windows 10 Enterprise 2009 (build 19045)"


def test_windows_server_keeps_its_product_name(tmp_path: Path):
    host = fake_host(
        tmp_path,
        system="Windows",
        win32_ver=lambda: ("2022Server", "10.0.20348", "", ""),
        windows_version=lambda: (10, 0, 20348),
        windows_registry=_registry(
            {"ProductName": "Windows Server 2022 Datacenter", "DisplayVersion": "21H2", "UBR": 2340}
        ),
    )
    assert facts.os_fact(host) == "Windows Server 2022 Datacenter 21H2 (build 20348.2340)"


def test_windows_without_registry_still_gives_a_line(tmp_path: Path):
    def no_registry(name: str) -> None:
        raise OSError("access denied")

    host = fake_host(
        tmp_path,
        system="Windows",
        win32_ver=lambda: ("7", "6.1.7601", "SP1", ""),
        windows_version=lambda: (6, 1, 7601),
        windows_registry=no_registry,
    )
    assert facts.os_fact(host) == "Windows 7 (build 7601)"


def test_macos_version_name_and_build(tmp_path: Path):
    host = fake_host(
        tmp_path,
        system="Darwin",
        release="23.4.0",
        machine="arm64",
        mac_ver=lambda: ("14.4.1", ("", "", ""), "arm64"),
        mac_build=lambda: "23E224",
    )
    assert facts.os_fact(host) == "macOS 14.4.1 Sonoma (build 23E224)"
    unknown = fake_host(
        tmp_path, system="Darwin", release="99.0", mac_ver=lambda: ("", ("", "", ""), "")
    )
    assert facts.os_fact(unknown) == "macOS (Darwin 99.0)"


# -- desktop, architecture, locale -------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (
            {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME", "XDG_SESSION_TYPE": "wayland"},
            "ubuntu, GNOME on Wayland",
        ),
        ({"XDG_CURRENT_DESKTOP": "KDE", "DISPLAY": ":0"}, "KDE on X11"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "unknown desktop on Wayland"),
        ({"DESKTOP_SESSION": "xfce"}, "xfce"),
        ({}, "no graphical session"),
    ],
)
def test_desktop(tmp_path: Path, environ: dict[str, str], expected: str):
    assert facts.desktop_fact(fake_host(tmp_path, environ=environ)) == expected


def test_no_desktop_line_on_windows_and_macos(tmp_path: Path):
    for system in ("Windows", "Darwin"):
        assert facts.desktop_fact(fake_host(tmp_path, system=system)) is None


def test_architecture(tmp_path: Path):
    assert facts.arch_fact(fake_host(tmp_path)) == "x86_64, 64-bit"
    wow64 = fake_host(
        tmp_path,
        system="Windows",
        machine="x86",
        python_bits=32,
        environ={"PROCESSOR_ARCHITEW6432": "AMD64"},
    )
    assert facts.arch_fact(wow64) == "x86, 32-bit app on AMD64 Windows"


@pytest.mark.parametrize(
    ("environ", "getlocale", "expected"),
    [
        ({"LANG": "it_IT.UTF-8"}, ("en_US", "UTF-8"), "it_IT.UTF-8"),
        ({"LANG": "it_IT.UTF-8", "LC_ALL": "de_DE.UTF-8"}, (None, None), "de_DE.UTF-8"),
        ({}, ("Italian_Italy", "1252"), "Italian_Italy.1252"),
        ({}, ("it_IT", None), "it_IT"),
        ({}, (None, None), "C"),
    ],
)
def test_locale(tmp_path: Path, environ, getlocale, expected):
    host = fake_host(tmp_path, environ=environ, getlocale=lambda: getlocale)
    assert facts.locale_fact(host) == expected


# -- time zone ------------------------------------------------------------------------------------


def _zoneinfo_link(root: Path, target: str) -> None:
    (root / "etc").mkdir(parents=True, exist_ok=True)
    os.symlink(target, root / "etc" / "localtime")


def test_time_zone_from_the_localtime_link(tmp_path: Path):
    _zoneinfo_link(tmp_path, "/usr/share/zoneinfo/Europe/Rome")
    write(tmp_path / "etc/timezone", "Etc/UTC\n")  # the link wins: it is what libc reads
    assert facts.timezone_fact(fake_host(tmp_path)) == "Europe/Rome (CET, UTC+01:00)"


def test_time_zone_from_a_relative_link_and_a_posix_subfolder(tmp_path: Path):
    _zoneinfo_link(tmp_path, "../usr/share/zoneinfo/posix/America/Argentina/Buenos_Aires")
    minus_three = datetime(2024, 1, 15, 6, 0, tzinfo=timezone(timedelta(hours=-3), "-03"))
    host = fake_host(tmp_path, now=lambda: minus_three)
    assert facts.timezone_fact(host) == "America/Argentina/Buenos_Aires (UTC-03:00)"


def test_time_zone_from_etc_timezone_when_localtime_is_a_copy(tmp_path: Path):
    write(tmp_path / "etc/localtime", "TZif2 not a link")
    write(tmp_path / "etc/timezone", "Europe/Rome\n")
    assert facts.timezone_fact(fake_host(tmp_path)) == "Europe/Rome (CET, UTC+01:00)"


def test_time_zone_from_tz(tmp_path: Path):
    _zoneinfo_link(tmp_path, "/usr/share/zoneinfo/Etc/UTC")
    india = datetime(2024, 1, 15, 6, 0, tzinfo=timezone(timedelta(hours=5, minutes=30), "IST"))
    host = fake_host(tmp_path, environ={"TZ": ":Asia/Kolkata"}, now=lambda: india)
    assert facts.timezone_fact(host) == "Asia/Kolkata (IST, UTC+05:30)"
    path = fake_host(
        tmp_path, environ={"TZ": "/usr/share/zoneinfo/Asia/Kolkata"}, now=lambda: india
    )
    assert facts.timezone_fact(path) == "Asia/Kolkata (IST, UTC+05:30)"


def test_time_zone_on_windows_is_its_own_name(tmp_path: Path):
    summer = datetime(2024, 7, 1, tzinfo=timezone(timedelta(hours=2), "W. Europe Daylight Time"))
    host = fake_host(tmp_path, system="Windows", now=lambda: summer)
    assert facts.timezone_fact(host) == "W. Europe Daylight Time (UTC+02:00)"


def test_time_zone_utc_and_nothing_known(tmp_path: Path):
    utc = fake_host(tmp_path, now=lambda: datetime(2024, 1, 1, tzinfo=UTC))
    assert facts.timezone_fact(utc) == "UTC (UTC+00:00)"
    anonymous = datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=3)))
    host = fake_host(tmp_path, now=lambda: anonymous)
    assert facts.timezone_fact(host) == "UTC+03:00 (UTC+03:00)"


def test_the_real_time_zone_names_its_offset():
    value = facts.timezone_fact(Host.current())
    assert "(" in value and "UTC" in value


# -- screens, app, disk --------------------------------------------------------------------------


def test_screens():
    assert facts.screens_fact([(1920, 1080, 1.0), (2560, 1440, 2.0), (1366, 768, 1.25)]) == (
        "1920×1080 @1x, 2560×1440 @2x, 1366×768 @1.25x"
    )
    assert facts.screens_fact([(1024, 768, None)]) == "1024×768"
    assert facts.screens_fact([]) == "none"
    with pytest.raises(facts.FactUnavailable, match="not known here"):
        facts.screens_fact(None)


def test_app_version():
    python = platform.python_version()
    assert facts.app_fact() == f"Ticketwise {__version__} (Python {python})"
    assert facts.app_fact("6.11.3") == f"Ticketwise {__version__} (Python {python}, Qt 6.11.3)"


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1536, "1.5 KiB"),
        (5 * 2**20, "5.0 MiB"),
        (123 * 2**30 + 2**29, "123.5 GiB"),
        (3 * 2**50, "3072.0 TiB"),
    ],
)
def test_human_size(count: int, text: str):
    assert facts.human_size(count) == text


def test_disk_space_of_the_data_folder_or_its_nearest_parent(tmp_path: Path):
    asked: list[Path] = []

    def usage(path: Path) -> tuple[int, int, int]:
        asked.append(path)
        return (500 * 2**30, 0, 123 * 2**30 + 2**29)

    host = fake_host(tmp_path, disk_usage=usage)
    assert facts.disk_fact(host, tmp_path / "not" / "yet") == "123.5 GiB free of 500.0 GiB"
    assert asked == [tmp_path]
    real = facts.disk_fact(Host.current(), tmp_path)
    assert " free of " in real


# -- the help desk's address -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "https://helpdesk.example.com/otrs/nph-genericinterface.pl/Webservice/X",
            ("helpdesk.example.com", 443),
        ),
        ("http://rt.example.com:8080/REST/2.0", ("rt.example.com", 8080)),
        ("https://user:secret@desk.example.com/?token=abc", ("desk.example.com", 443)),
        ("smtp.example.com:587", ("smtp.example.com", 587)),
        ("[::1]:25", ("::1", 25)),
        ("127.0.0.1:2525", ("127.0.0.1", 2525)),
    ],
)
def test_parse_target(text: str, target: tuple[str, int]):
    assert parse_target(text) == Target(*target)


def test_the_shown_address_has_no_secret_and_brackets_ipv6():
    assert str(parse_target("https://user:secret@desk.example.com/x?token=abc")) == (
        "desk.example.com:443"
    )
    assert str(Target("::1", 25)) == "[::1]:25"


@pytest.mark.parametrize("text", ["smtp.example.com", "host:0", "host:99999", "ftp://x/", ":25"])
def test_parse_target_refuses(text: str):
    with pytest.raises(ValueError):
        parse_target(text)


# -- collect(): every collector guarded ----------------------------------------------------------


def _linux(tmp_path: Path, **changes: Any) -> Host:
    write(tmp_path / "etc/os-release", 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')
    _zoneinfo_link(tmp_path, "/usr/share/zoneinfo/Europe/Rome")
    return fake_host(
        tmp_path,
        environ={"LANG": "it_IT.UTF-8", "XDG_CURRENT_DESKTOP": "GNOME", "XDG_SESSION_TYPE": "x11"},
        **changes,
    )


def test_collect_on_a_fake_linux_machine(tmp_path: Path):
    info = collect(screens=[(1920, 1080, 1.0)], data_dir=tmp_path, host=_linux(tmp_path))
    assert info.keys == [k for k in FACT_KEYS if k != "reachability"]
    assert info.errors == [("reachability", "no help desk is set up")]
    assert info.render_text() == (
        "Operating system: Debian GNU/Linux 12 (bookworm), Linux kernel 6.1.0-18-amd64\n"
        "Desktop: GNOME on X11\n"
        "Architecture: x86_64, 64-bit\n"
        "Locale: it_IT.UTF-8\n"
        "Time zone: Europe/Rome (CET, UTC+01:00)\n"
        "Screens: 1920×1080 @1x\n"
        f"App version: Ticketwise {__version__} (Python {platform.python_version()})\n"
        "Free disk space: 123.5 GiB free of 500.0 GiB"
    )


def test_a_failing_collector_is_reported_and_the_rest_are_still_there(tmp_path: Path):
    def clock_broken() -> datetime:
        raise RuntimeError("localtime() failed")

    def disk_gone(path: Path) -> Any:
        raise PermissionError(13, "Permission denied")

    host = _linux(tmp_path, now=clock_broken, disk_usage=disk_gone)
    info = collect(screens=None, data_dir=tmp_path, host=host, profile_url="not an address")
    assert info.keys == ["os", "desktop", "arch", "locale", "app"]
    assert dict(info.errors) == {
        "timezone": "RuntimeError: localtime() failed",
        "screens": "not known here",
        "disk": "PermissionError: [Errno 13] Permission denied",
        "reachability": "ValueError: 'not an address' is not host:port",
    }
    assert "Time zone" not in info.render_text()


def test_collect_never_raises_even_without_a_platform(monkeypatch: pytest.MonkeyPatch):
    def broken() -> Host:
        raise OSError("uname failed")

    monkeypatch.setattr(Host, "current", staticmethod(broken))
    info = collect()
    assert info.facts == []
    assert info.errors == [("os", "OSError: uname failed")]


def test_collect_on_this_machine_gives_the_basic_lines(tmp_path: Path):
    info = collect(data_dir=tmp_path, screens=[])
    assert {"os", "arch", "locale", "timezone", "app", "disk", "screens"} <= set(info.keys)
    assert [k for k, _ in info.errors] == ["reachability"]
