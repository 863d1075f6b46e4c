"""Window facts without a display: the Windows and macOS readers against fakes of their system
libraries (the X11 reader runs on Xvfb: tests/e2e/test_windows_x11.py), and the never-raise
contract of the public functions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from app.capture import windows
from app.capture.grab import Rect
from app.capture.windows import WindowInfo, active_window, list_windows

# -- Windows --------------------------------------------------------------------------------------

E_FAIL = -2147467259


@dataclass
class Win:
    title: str = ""
    rect: tuple[int, int, int, int] = (0, 0, 100, 100)  # GetWindowRect: left, top, right, bottom
    frame: tuple[int, int, int, int] | None = None  # DWM's extended frame bounds, if any
    visible: bool = True
    iconic: bool = False
    exstyle: int = 0
    cloaked: int = 0
    pid: int = 0


@dataclass
class FakeWin32:
    """user32, dwmapi and kernel32 in one: ``order`` is the Z order, top first."""

    windows: dict[int, Win]
    processes: dict[int, str] = field(default_factory=dict)
    foreground: int = 0
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def EnumWindows(self, proc: Any, lparam: int) -> int:
        for hwnd in self.windows:
            if not proc(hwnd, lparam):
                break
        return 1

    def IsWindowVisible(self, hwnd: int) -> int:
        return int(self.windows[hwnd].visible)

    def IsIconic(self, hwnd: int) -> int:
        return int(self.windows[hwnd].iconic)

    def GetWindowLongW(self, hwnd: int, index: int) -> int:
        assert index == windows.GWL_EXSTYLE
        return self.windows[hwnd].exstyle

    def GetWindowTextLengthW(self, hwnd: int) -> int:
        return len(self.windows[hwnd].title)

    def GetWindowTextW(self, hwnd: int, buffer: Any, size: int) -> int:
        text = self.windows[hwnd].title[: size - 1]
        buffer.value = text
        return len(text)

    def GetWindowRect(self, hwnd: int, out: Any) -> int:
        rect = out._obj
        rect.left, rect.top, rect.right, rect.bottom = self.windows[hwnd].rect
        return 1

    def GetForegroundWindow(self) -> int:
        return self.foreground

    def GetWindowThreadProcessId(self, hwnd: int, out: Any) -> int:
        out._obj.value = self.windows[hwnd].pid
        return 1

    def DwmGetWindowAttribute(self, hwnd: int, attribute: int, out: Any, size: int) -> int:
        window = self.windows[hwnd]
        if attribute == windows.DWMWA_CLOAKED:
            assert size == 4
            out._obj.value = window.cloaked
            return 0
        assert attribute == windows.DWMWA_EXTENDED_FRAME_BOUNDS and size == 16
        if window.frame is None:
            return E_FAIL
        rect = out._obj
        rect.left, rect.top, rect.right, rect.bottom = window.frame
        return 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        self.calls.append(("OpenProcess", pid))
        assert access == windows.PROCESS_QUERY_LIMITED_INFORMATION
        return pid + 10_000 if pid in self.processes else 0

    def QueryFullProcessImageNameW(self, handle: int, flags: int, buffer: Any, size: Any) -> int:
        path = self.processes[handle - 10_000]
        buffer.value = path
        size._obj.value = len(path)
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.calls.append(("CloseHandle", handle))
        return 1

    def reader(self) -> Any:
        return windows._Win32Reader(self, self, self)


def test_win32_lists_visible_windows_in_z_order_with_their_frames() -> None:
    fake = FakeWin32(
        {
            0x10: Win("Editor — notes.txt", frame=(-1920, 10, -1000, 610), pid=7),
            0x11: Win("hidden", visible=False),
            0x12: Win("minimised", iconic=True, rect=(-32000, -32000, -31840, -31972)),
            0x13: Win("tool palette", exstyle=windows.WS_EX_TOOLWINDOW | 0x8),
            0x14: Win("on another desktop", cloaked=2),
            0x15: Win("no DWM", rect=(5, 6, 405, 306), pid=8),
            0x16: Win("empty", rect=(5, 5, 5, 50)),
            0x17: Win("", frame=(0, 0, 1920, 1080), pid=7),
            0x18: Win("locked-down process", frame=(1, 2, 3, 4), pid=9),
        },
        processes={7: r"C:\Program Files\Editor\editor.exe", 8: r"C:\Windows\notepad.exe"},
    )
    assert fake.reader().windows() == [
        WindowInfo(0x10, "Editor — notes.txt", Rect(-1920, 10, 920, 600), "editor.exe"),
        WindowInfo(0x15, "no DWM", Rect(5, 6, 400, 300), "notepad.exe"),
        WindowInfo(0x17, "", Rect(0, 0, 1920, 1080), "editor.exe"),
        WindowInfo(0x18, "locked-down process", Rect(1, 2, 2, 2), ""),
    ]
    # One OpenProcess per process, and every handle opened is closed.
    assert [pid for name, pid in fake.calls if name == "OpenProcess"] == [7, 8, 9]
    assert [h for name, h in fake.calls if name == "CloseHandle"] == [10_007, 10_008]


def test_win32_active_is_the_foreground_window_if_it_is_listed() -> None:
    fake = FakeWin32({1: Win("a", pid=1), 2: Win("b", pid=1), 3: Win("tool", exstyle=0x80)})
    assert fake.reader().active() is None  # no foreground window (e.g. the lock screen)
    fake.foreground = 2
    active = fake.reader().active()
    assert active is not None and (active.id, active.title) == (2, "b")
    fake.foreground = 3
    assert fake.reader().active() is None


# -- macOS ----------------------------------------------------------------------------------------


class FakeQuartz:
    """CoreFoundation + CoreGraphics over Python objects: CF references are ints into
    ``objects``; dictionaries are keyed by the key constants' references."""

    KEYS: ClassVar[dict[str, int]] = {name: 900 + i for i, name in enumerate(windows.QUARTZ_KEYS)}

    def __init__(self, entries: list[dict[str, Any]] | None) -> None:
        self.objects: dict[int, Any] = {}
        self.released: list[int] = []
        self.options: list[tuple[int, int]] = []
        self.array = None if entries is None else self._ref([self._entry(e) for e in entries])

    def _ref(self, value: Any) -> int:
        ref = 1000 + len(self.objects)
        self.objects[ref] = value
        return ref

    def _entry(self, entry: dict[str, Any]) -> int:
        converted = {}
        for name, value in entry.items():
            wrapped = {"rect": value} if name == "kCGWindowBounds" else value
            converted[self.KEYS[name]] = self._ref(wrapped)
        return self._ref(converted)

    # CoreGraphics
    def CGWindowListCopyWindowInfo(self, options: int, relative: int) -> int | None:
        self.options.append((options, relative))
        return self.array

    def CGRectMakeWithDictionaryRepresentation(self, ref: int, out: Any) -> bool:
        x, y, width, height = self.objects[ref]["rect"]
        rect = out._obj
        rect.x, rect.y, rect.width, rect.height = x, y, width, height
        return True

    # CoreFoundation
    def CFArrayGetCount(self, ref: int) -> int:
        return len(self.objects[ref])

    def CFArrayGetValueAtIndex(self, ref: int, index: int) -> int:
        return int(self.objects[ref][index])

    def CFDictionaryGetValue(self, ref: int, key: int) -> int | None:
        value = self.objects[ref].get(key)
        return None if value is None else int(value)

    def CFNumberGetValue(self, ref: int, kind: int, out: Any) -> bool:
        assert kind == windows.K_CF_NUMBER_SINT64_TYPE
        out._obj.value = self.objects[ref]
        return True

    def CFStringGetLength(self, ref: int) -> int:
        return len(self.objects[ref])

    def CFStringGetMaximumSizeForEncoding(self, length: int, encoding: int) -> int:
        assert encoding == windows.K_CF_STRING_ENCODING_UTF8
        return length * 3

    def CFStringGetCString(self, ref: int, buffer: Any, size: int, encoding: int) -> bool:
        data = self.objects[ref].encode()
        if len(data) + 1 > size:
            return False
        buffer.value = data
        return True

    def CFRelease(self, ref: int) -> None:
        self.released.append(ref)

    def reader(self) -> Any:
        return windows._QuartzReader(self, self, self.KEYS)


def window(number: int, layer: int, bounds: tuple[float, ...], **names: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kCGWindowNumber": number,
        "kCGWindowLayer": layer,
        "kCGWindowBounds": bounds,
    }
    if "name" in names:
        entry["kCGWindowName"] = names["name"]
    if "owner" in names:
        entry["kCGWindowOwnerName"] = names["owner"]
    return entry


def test_quartz_lists_layer_zero_windows_front_to_back() -> None:
    fake = FakeQuartz(
        [
            window(11, 25, (0, 0, 1440, 24), owner="Window Server", name="Menubar"),
            window(42, 0, (100, 80.4, 800, 600.6), owner="Safari", name="Ticket #1 – Support"),
            window(43, 0, (-1280, 0, 1280, 800), owner="Terminal"),  # no Screen Recording right
            window(44, 0, (5, 5, 0, 10), owner="Ghost", name="zero width"),
            window(45, 3, (0, 0, 10, 10), owner="Dock"),
        ]
    )
    assert fake.reader().windows() == [
        WindowInfo(42, "Ticket #1 – Support", Rect(100, 80, 800, 601), "Safari"),
        WindowInfo(43, "", Rect(-1280, 0, 1280, 800), "Terminal"),
    ]
    on_screen, no_desktop = 1 << 0, 1 << 4
    assert fake.options == [(on_screen | no_desktop, 0)]
    assert fake.released == [fake.array]

    active = fake.reader().active()
    assert active is not None and active.id == 42


def test_quartz_entries_keep_every_layer_and_the_owner_pid() -> None:
    menubar = window(11, 25, (0, 0, 1440, 24), owner="Window Server")
    safari = window(42, 0, (100, 80, 800, 600), owner="Safari", name="Ticket")
    safari["kCGWindowOwnerPID"] = 501
    fake = FakeQuartz([menubar, safari])
    assert fake.reader().entries() == [
        (WindowInfo(11, "", Rect(0, 0, 1440, 24), "Window Server"), 25, None),
        (WindowInfo(42, "Ticket", Rect(100, 80, 800, 600), "Safari"), 0, 501),
    ]


def test_quartz_without_a_list() -> None:
    fake = FakeQuartz(None)
    assert fake.reader().windows() == []
    assert fake.reader().active() is None
    assert fake.released == []


# -- the public functions never raise -------------------------------------------------------------


def test_no_graphical_session_lists_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    assert list_windows() == []
    assert active_window() is None
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert list_windows() == []


def test_a_failing_reader_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)

    def broken() -> Any:
        raise ValueError("a bug in the reader")

    monkeypatch.setattr(windows._X11Reader, "open", staticmethod(broken))
    with caplog.at_level(logging.ERROR, logger="app.capture.windows"):
        assert list_windows() == []
        assert active_window() is None
    assert [r.getMessage() for r in caplog.records] == [
        "the windows cannot be listed (x11)",
        "the active window cannot be read (x11)",
    ]
    assert all(r.exc_info for r in caplog.records)  # with the traceback: it is a bug


def test_window_info_str() -> None:
    info = WindowInfo(1, "Inbox", Rect(10, 20, 300, 200), "thunderbird")
    assert str(info) == "'Inbox' [thunderbird] 300x200 at 10,20"
    assert str(WindowInfo(2, "x", Rect(0, 0, 1, 1))) == "'x' 1x1 at 0,0"
