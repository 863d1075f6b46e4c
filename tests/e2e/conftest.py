"""The whole app as a subprocess on a real X display (Xvfb), driven with xdotool."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import KEYRING_BACKEND, ROOT
from tests.xserver import XServerError, openbox_display, start_x_server, start_xvfb

pytestmark = pytest.mark.xvfb


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``condition`` until it returns a truthy value; fail with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)  # polling another process's state: there is no signal to wait on


@dataclass
class Display:
    """A running Xvfb."""

    name: str
    process: subprocess.Popen[bytes]

    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.name, "QT_QPA_PLATFORM": "xcb"}


@pytest.fixture(scope="session")
def xvfb() -> Iterator[Display]:
    """A private Xvfb for the session (1280x800, 24 bit)."""
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.skip("Xvfb and xdotool are needed (apt-get install xvfb xdotool; .ci/run does)")
    try:
        process, name = start_xvfb(1280, 800)
    except XServerError as error:
        pytest.fail(str(error))
    display = Display(name, process)
    yield display
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def openbox() -> Iterator[str]:
    """An Xvfb of the test module's own, managed by openbox (frames, _NET_ACTIVE_WINDOW,
    focus on click); the session's ``xvfb`` stays without a window manager."""
    if not all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xdotool", "xprop")):
        pytest.skip(
            "Xvfb, openbox, xdotool and xprop are needed "
            "(apt-get install xvfb openbox xdotool x11-utils)"
        )
    try:
        with openbox_display() as display:
            yield display
    except XServerError as error:
        pytest.fail(str(error))


@contextmanager
def running_xvnc(
    width: int, height: int, monitors: Sequence[tuple[str, int, int, int, int]]
) -> Iterator[str]:
    """TigerVNC's Xvnc (``width`` x ``height``, 24 bit) with its one framebuffer split into
    ``monitors`` (name, x, y, width, height; a name starting with ``*`` is the primary) by
    ``xrandr --setmonitor``; yields its DISPLAY. Skips the test without Xvnc or xrandr."""
    binary = shutil.which("Xvnc")
    if binary is None or shutil.which("xrandr") is None:
        pytest.skip(
            "Xvnc and xrandr are needed (apt-get install tigervnc-standalone-server "
            "x11-xserver-utils; .ci/run does)"
        )
    try:
        server, display = start_x_server(
            [
                binary,
                "-geometry",
                f"{width}x{height}",
                "-depth",
                "24",
                "-SecurityTypes",
                "None",
                "-rfbport",
                "-1",
                "-nolisten",
                "tcp",
            ]
        )
    except XServerError as error:
        pytest.fail(str(error))
    try:
        env = {**os.environ, "DISPLAY": display}
        for index, (name, x, y, mon_width, mon_height) in enumerate(monitors):
            # The first monitor takes the real output, the others none: one framebuffer, split.
            output = "VNC-0" if index == 0 else "none"
            mm = f"{mon_width}/{mon_width // 4}x{mon_height}/{mon_height // 4}+{x}+{y}"
            subprocess.run(
                ["xrandr", "--setmonitor", name, mm, output],
                env=env,
                check=True,
                capture_output=True,
                timeout=20,
            )
        yield display
    finally:
        server.terminate()
        server.wait(10)


@dataclass
class AppProcess:
    """A running Ticketwise GUI."""

    process: subprocess.Popen[bytes]
    home: Path
    display: Display
    log: Path

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env={**os.environ, **self.display.env()},
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        return result.stdout.strip()

    def window_id(self, title_part: str = "Ticketwise", timeout: float = 20) -> str:
        def find() -> str:
            assert self.process.poll() is None, f"the app exited: {self.log.read_text()}"
            ids = self.xdotool("search", "--onlyvisible", "--name", title_part).split()
            return ids[0] if ids else ""

        return str(wait_for(find, timeout, f"a visible window titled {title_part!r}"))

    def type_text(self, text: str) -> None:
        self.xdotool("type", "--delay", "8", text)

    def key(self, *keys: str) -> None:
        self.xdotool("key", *keys)

    def kill9(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill9()


LaunchApp = Callable[..., AppProcess]


@pytest.fixture
def launch_app(xvfb: Display, tw_home: Path, tmp_path: Path) -> Iterator[LaunchApp]:
    """Start ``python main.py --no-tray`` on the Xvfb with the test's home."""
    started: list[AppProcess] = []

    def launch(*args: str) -> AppProcess:
        env = {
            **os.environ,
            **xvfb.env(),
            "TICKETWISE_HOME": str(tw_home),
            "PYTHON_KEYRING_BACKEND": KEYRING_BACKEND,
        }
        log = tmp_path / f"app-{len(started)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "--no-tray", *args],
                env=env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        app = AppProcess(process, tw_home, xvfb, log)
        started.append(app)
        return app

    yield launch
    for app in started:
        app.stop()


def read_drafts(home: Path) -> list[sqlite3.Row]:
    """The drafts table as another process sees it (empty if the database does not exist)."""
    path = home / "data" / "ticketwise.sqlite3"
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM drafts ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []  # not migrated yet
    finally:
        conn.close()
