"""Window facts on real X servers: the session's Xvfb without a window manager, and a second
Xvfb run by openbox (EWMH: client list, frames, active window)."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.capture.grab import Rect
from app.capture.windows import WindowInfo, active_window, list_windows
from app.services import capture as capture_service
from tests.conftest import ROOT
from tests.e2e.conftest import Display, wait_for

pytestmark = pytest.mark.xvfb

SCRIPT = Path(__file__).with_name("titled_window.py")
ALPHA = ("Alpha window ✓", Rect(100, 120, 300, 200))  # client area; the title is UTF-8
BETA = ("Beta window", Rect(250, 200, 320, 240))


def run(display: str, *args: str) -> str:
    result = subprocess.run(
        list(args),
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
        check=True,
    )
    return result.stdout


class TitledWindow:
    """tests/e2e/titled_window.py on a display; closed by closing its stdin."""

    def __init__(self, display: str, title: str, rect: Rect) -> None:
        self.title = title
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(SCRIPT),
                title,
                str(rect.x),
                str(rect.y),
                str(rect.width),
                str(rect.height),
            ],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # blocks until exposed, or EOF if it died
        if not line.startswith("shown "):
            assert self.process.stderr is not None
            error = self.process.stderr.read()
            self.close()
            raise AssertionError(f"the window did not show: {error}")
        self.id = int(line.split()[1])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        for pipe in (self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


def xwininfo(display: str, window: int) -> tuple[Rect, int]:
    """The window's outer rectangle (border included) as xwininfo reports it, and its parent."""
    text = run(display, "xwininfo", "-children", "-id", str(window))
    text += run(display, "xwininfo", "-id", str(window))

    def number(label: str) -> int:
        match = re.search(rf"{label}:\s+(-?\d+)", text)
        assert match, (label, text)
        return int(match.group(1))

    border = number("Border width")
    parent = re.search(r"Parent window id: (0x[0-9a-f]+)", text)
    assert parent, text
    rect = Rect(
        number("Absolute upper-left X") - border,
        number("Absolute upper-left Y") - border,
        number("Width") + 2 * border,
        number("Height") + 2 * border,
    )
    return rect, int(parent.group(1), 16)


def ours(windows: list[WindowInfo], *shown: TitledWindow) -> list[WindowInfo]:
    ids = {w.id for w in shown}
    return [w for w in windows if w.id in ids]


@pytest.fixture
def on_display(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def use(display: Display | str) -> None:
        monkeypatch.setenv("DISPLAY", display if isinstance(display, str) else display.name)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)

    yield use


def test_without_a_window_manager(xvfb: Display, on_display) -> None:
    on_display(xvfb)
    alpha = TitledWindow(xvfb.name, *ALPHA)
    beta = TitledWindow(xvfb.name, *BETA)
    try:
        found = ours(list_windows(), alpha, beta)
        assert [(w.title, w.rect) for w in found] == [BETA, ALPHA]  # mapped last = on top
        assert found[0].app == "titled_window.py"  # WM_CLASS, as Qt sets it
        for window in (alpha, beta):
            rect, _ = xwininfo(xvfb.name, window.id)
            assert next(w.rect for w in found if w.id == window.id) == rect

        run(xvfb.name, "xdotool", "windowraise", str(alpha.id))
        assert [w.id for w in ours(list_windows(), alpha, beta)] == [alpha.id, beta.id]

        # No _NET_ACTIVE_WINDOW here: the active window is the one holding the input focus.
        run(xvfb.name, "xdotool", "windowfocus", "--sync", str(beta.id))
        assert active_window() == next(w for w in list_windows() if w.id == beta.id)
        run(xvfb.name, "xdotool", "windowfocus", "--sync", str(alpha.id))
        active = active_window()
        assert active is not None
        assert (active.id, active.title) == (alpha.id, ALPHA[0])
    finally:
        alpha.close()
        beta.close()
    assert ours(list_windows(), alpha, beta) == []


def test_with_openbox_frames_stacking_and_the_active_window(openbox: str, on_display) -> None:
    on_display(openbox)
    alpha = TitledWindow(openbox, *ALPHA)
    beta = TitledWindow(openbox, *BETA)
    try:
        found = ours(list_windows(), alpha, beta)
        assert [w.title for w in found] == [BETA[0], ALPHA[0]]
        for window, (_, client) in ((alpha, ALPHA), (beta, BETA)):
            info = next(w for w in found if w.id == window.id)
            # The rectangle is openbox's frame window, decorations included, around the client.
            client_rect, frame = xwininfo(openbox, window.id)
            frame_rect, _ = xwininfo(openbox, frame)
            assert client_rect == client  # openbox kept the position the window asked for
            assert info.rect == frame_rect
            assert info.rect.contains(client_rect)
            assert info.rect.height > client_rect.height  # a title bar is counted
            assert info.app == "titled_window.py"

        for first, second in ((alpha, beta), (beta, alpha)):
            run(openbox, "xdotool", "windowactivate", "--sync", str(first.id))
            active = active_window()
            assert active is not None and active.id == first.id
            wait_for(  # openbox raises the activated window: polled, it is another process
                lambda first=first: ours(list_windows(), alpha, beta)[0].id == first.id,
                10,
                "the activated window on top",
            )
            assert [w.id for w in ours(list_windows(), alpha, beta)] == [first.id, second.id]

        run(openbox, "xdotool", "windowminimize", "--sync", str(alpha.id))
        assert [w.id for w in ours(list_windows(), alpha, beta)] == [beta.id]
        assert capture_service.windows() == list_windows()
        assert capture_service.active_window() == active_window()
    finally:
        alpha.close()
        beta.close()


def test_no_display_gives_nothing_and_a_log_line(
    on_display, caplog: pytest.LogCaptureFixture
) -> None:
    on_display(":4095")
    with caplog.at_level(logging.WARNING, logger="app.capture.windows"):
        assert list_windows() == []
        assert active_window() is None
    assert "cannot open the X display ':4095'" in caplog.text


def test_frames_of_a_window_manager_without_the_client_list(openbox: str, on_display) -> None:
    """A window manager without EWMH: the root's children are frames without a title; the
    client is found one level down, the rectangle is the frame's."""
    on_display(openbox)
    alpha = TitledWindow(openbox, *ALPHA)
    try:
        run(openbox, "xdotool", "windowactivate", "--sync", str(alpha.id))
        managed = ours(list_windows(), alpha)
        for name in ("_NET_CLIENT_LIST_STACKING", "_NET_ACTIVE_WINDOW"):
            run(openbox, "xprop", "-root", "-remove", name)
        assert "not found" in run(openbox, "xprop", "-root", "_NET_CLIENT_LIST_STACKING")
        _, frame = xwininfo(openbox, alpha.id)
        _, frame_parent = xwininfo(openbox, frame)
        root = re.search(r"Window id: (0x[0-9a-f]+)", run(openbox, "xwininfo", "-root"))
        assert root and frame_parent == int(root.group(1), 16)  # reparented one level down
        unmanaged = ours(list_windows(), alpha)
        assert unmanaged == managed
        assert active_window() == managed[0]  # from the input focus, up to the frame
    finally:
        alpha.close()
