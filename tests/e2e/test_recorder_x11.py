"""The steps recorder on a real X server (Xvfb + openbox) with a real Qt window driven by
xdotool: the steps come out in order with the right windows and positions, the window still
gets every click and key, and the typed secret is nowhere (store, files, outgoing text)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from app.capture.atspi import AtspiNamer
from app.capture.recorder import X11InputRecorder
from app.capture.steps import StepCollector
from app.config.paths import resolve_paths
from app.core.composer import render_body
from app.core.model import Draft
from app.core.steps import Step, render_steps_text
from app.store.blobs import BlobStore
from tests.conftest import ROOT
from tests.e2e.conftest import wait_for
from tests.servers.portal import private_bus

pytestmark = pytest.mark.xvfb

SCRIPT = Path(__file__).with_name("buttons_window.py")
TITLE = "Recorder test ✓"
SECRET = "s3cr3t-Pa55"
TIMEOUT = 20.0


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


class ButtonsWindow:
    """tests/e2e/buttons_window.py: its output lines arrive on a queue."""

    def __init__(self, display: str, **extra_env: str) -> None:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra_env}
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.process = subprocess.Popen(
            [sys.executable, str(SCRIPT), TITLE],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        first = self.next_line()
        if not first.startswith("shown "):
            self.close()
            raise AssertionError(f"the window did not show: {first!r}")
        _, winid, rects = first.split(" ", 2)
        self.id = int(winid)
        run(display, "xdotool", "windowactivate", "--sync", winid)
        origin = self.client_origin()
        self.rects = {
            name: (origin[0] + x, origin[1] + y, w, h)
            for name, (x, y, w, h) in json.loads(rects).items()
        }

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # EOF

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("the test window said nothing") from None

    def client_origin(self) -> tuple[int, int]:
        text = run(self.display, "xwininfo", "-id", str(self.id))
        values = {
            key.strip(): value.strip()
            for key, _, value in (line.partition(":") for line in text.splitlines())
        }
        return int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"])

    def centre(self, name: str) -> tuple[int, int]:
        x, y, w, h = self.rects[name]
        return x + w // 2, y + h // 2

    def click(self, name: str) -> tuple[int, int]:
        x, y = self.centre(name)
        run(self.display, "xdotool", "mousemove", "--sync", str(x), str(y), "click", "1")
        if name != "Edit":
            assert self.next_line() == f"clicked {name}"  # the click reached the window
        return x, y

    def text(self) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write("?\n")
        self.process.stdin.flush()
        line = self.next_line()
        assert line.startswith("text ")
        return line[len("text ") :]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self._reader.join(10)
        assert self.process.stdout is not None
        self.process.stdout.close()


class Recording:
    """A collector writing to the test home's blob store, fed by a started recorder."""

    def __init__(
        self, display: str, namer: AtspiNamer | None = None, **recorder_options: object
    ) -> None:
        self.blobs = BlobStore(resolve_paths().blob_dir)
        self._changed = threading.Condition()
        self.collector = StepCollector(
            lambda png: self.blobs.put_bytes(png)[0], changed=self._on_changed, namer=namer
        )
        self.recorder = X11InputRecorder(
            self.collector.on_click,
            self.collector.on_key,
            display=display,
            **recorder_options,  # type: ignore[arg-type]
        )
        self.recorder.start()

    def _on_changed(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def wait(self, condition: Callable[[list[Step]], bool], what: str) -> list[Step]:
        with self._changed:
            ok = self._changed.wait_for(lambda: condition(self.collector.steps()), TIMEOUT)
        assert ok, f"timed out waiting for {what}: {self.collector.steps()}"
        return self.collector.steps()

    def close(self) -> None:
        self.recorder.stop()
        assert self.collector.wait_idle(TIMEOUT)
        self.collector.close()


@pytest.fixture
def on_openbox(openbox: str, monkeypatch: pytest.MonkeyPatch) -> str:
    # The window list and the grabs open $DISPLAY, as they do in the app.
    monkeypatch.setenv("DISPLAY", openbox)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    return openbox


def test_clicks_and_typing_become_steps_without_the_text(on_openbox: str, tw_home: Path) -> None:
    window = ButtonsWindow(on_openbox)
    recording = Recording(on_openbox)
    try:
        alpha = window.click("Alpha")
        recording.wait(lambda s: len(s) == 1, "the first click")
        run(on_openbox, "xdotool", "type", "--delay", "20", SECRET)
        recording.wait(
            lambda s: len(s) == 2 and s[1].chars == len(SECRET), "11 counted key presses"
        )
        beta = window.click("Beta")
        steps = recording.wait(lambda s: len(s) == 3, "the second click")
        assert window.text() == SECRET  # every key reached the window: nothing was grabbed
    finally:
        recording.close()
        window.close()

    steps = recording.collector.steps()
    assert [s.kind for s in steps] == ["click", "typing", "click"]
    assert [s.number for s in steps] == [1, 2, 3]
    assert all(s.window_title == TITLE for s in steps)
    assert [(s.x, s.y, s.button) for s in steps] == [
        (*alpha, "left"),
        (None, None, ""),
        (*beta, "left"),
    ]
    assert steps[1].chars == len(SECRET)  # Shift (for the P) is not a character
    assert steps[1].caption == f"Typed 11 characters in '{TITLE}'"
    assert steps[0].caption == f"Clicked (left) in '{TITLE}'"
    for step in (steps[0], steps[2]):
        png = recording.blobs.read(step.image_sha256)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert steps[1].image_sha256 == ""

    # The secret is nowhere: not in a file of the home, not in the objects, not in what is sent.
    outgoing = render_body(Draft(subject="Recorded", steps=render_steps_text(steps)))
    serialised = json.dumps([s.to_dict() for s in steps], ensure_ascii=False)
    files = [p for p in tw_home.rglob("*") if p.is_file()]
    assert len(files) >= 2  # the two screenshots at least
    for path in files:
        data = path.read_bytes()
        for encoded in (SECRET.encode(), SECRET.encode("utf-16-le")):
            assert encoded not in data, path
    for text in (
        outgoing,
        serialised,
        repr(steps),
        repr(vars(recording.collector)),
        repr(vars(recording.recorder)),
    ):
        assert SECRET not in text
        assert "s3cr3t" not in text


@pytest.mark.parametrize("how", ["window id", "process"])
def test_excluded_windows_make_no_steps(on_openbox: str, tw_home: Path, how: str) -> None:
    window = ButtonsWindow(on_openbox)
    options: dict[str, object] = (
        {"exclude": [window.id]} if how == "window id" else {"own_pid": window.process.pid}
    )
    recording = Recording(on_openbox, **options)
    try:
        window.click("Alpha")
        run(on_openbox, "xdotool", "type", "--delay", "20", "abc")
        window.click("Beta")
        assert window.text() == "abc"
        # A click outside the window (on the root) is still seen: the recorder is listening.
        run(on_openbox, "xdotool", "mousemove", "--sync", "1200", "700", "click", "1")
        steps = recording.wait(lambda s: len(s) == 1, "the click outside the window")
    finally:
        recording.close()
        window.close()
    assert steps[0].kind == "click"
    assert (steps[0].x, steps[0].y) == (1200, 700)
    assert steps[0].window_title != TITLE


def test_paused_input_is_not_recorded(on_openbox: str, tw_home: Path) -> None:
    window = ButtonsWindow(on_openbox)
    recording = Recording(on_openbox)
    try:
        recording.recorder.pause()
        assert recording.recorder.paused
        window.click("Alpha")
        run(on_openbox, "xdotool", "type", "--delay", "20", "xyz")
        assert window.text() == "xyz"  # the window got them; the recorder looked away
        recording.recorder.resume()
        beta = window.click("Beta")
        steps = recording.wait(lambda s: len(s) == 1, "the click after resuming")
    finally:
        recording.close()
        window.close()
    assert [(s.kind, s.x, s.y) for s in steps] == [("click", *beta)]
    assert not recording.recorder.running


def test_atspi_names_the_buttons_and_never_the_text_field(
    on_openbox: str, tw_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    launcher = Path("/usr/libexec/at-spi-bus-launcher")
    if shutil.which("dbus-daemon") is None or not launcher.exists():
        pytest.skip("dbus-daemon and at-spi2-core are needed (apt-get install dbus at-spi2-core)")
    runtime = tmp_path / "runtime"  # the accessibility bus's socket goes here, not in ~/.cache
    runtime.mkdir(mode=0o700)
    bus_env = {**os.environ, "DISPLAY": on_openbox, "XDG_RUNTIME_DIR": str(runtime)}
    with private_bus((Path("/usr/share/dbus-1/services"),), env=bus_env) as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        window = ButtonsWindow(
            on_openbox,
            DBUS_SESSION_BUS_ADDRESS=bus.address,
            XDG_RUNTIME_DIR=str(runtime),
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",  # Qt registers only while accessibility is on
        )
        probe = AtspiNamer(call_timeout=2, budget=5)
        try:
            wait_for(
                lambda: probe.control_at(*window.centre("Alpha"), TITLE) == "Alpha",
                TIMEOUT,
                "the window on the accessibility bus",
            )
        finally:
            probe.close()
        recording = Recording(on_openbox, namer=AtspiNamer())
        try:
            window.click("Alpha")
            run(on_openbox, "xdotool", "type", "--delay", "20", SECRET)
            window.click("Edit")  # the field now holds the secret
            window.click("Beta")
            steps = recording.wait(
                lambda s: len(s) == 4 and s[0].control == "Alpha" and s[3].control == "Beta",
                "four steps with the buttons named",
            )
            assert window.text() == SECRET
        finally:
            recording.close()
            window.close()
    assert [(s.kind, s.control) for s in steps] == [
        ("click", "Alpha"),
        ("typing", ""),
        ("click", ""),  # a text field gives no name: its name could be what was typed
        ("click", "Beta"),
    ]
    assert [s.control_role for s in steps] == ["button", "", "", "button"]  # AT-SPI's "push button"
    assert steps[0].caption == f"Clicked (left) on button 'Alpha' in '{TITLE}'"
    outgoing = render_steps_text(recording.collector.steps())
    assert "Beta" in outgoing
    assert SECRET not in outgoing
    assert SECRET not in repr(recording.collector.steps())
    for path in tw_home.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_stop_from_a_callback_ends_the_listener(on_openbox: str) -> None:
    clicks: list[tuple[int, int]] = []
    stopped = threading.Event()

    def on_click(x: int, y: int, button: str, window: object) -> None:
        clicks.append((x, y))
        recorder.stop()  # on the listener thread: it ends once this returns
        stopped.set()

    recorder = X11InputRecorder(on_click, lambda _: None, display=on_openbox)
    recorder.start()
    try:
        for x in (1100, 1150):
            run(on_openbox, "xdotool", "mousemove", "--sync", str(x), "700", "click", "1")
        assert stopped.wait(TIMEOUT)
        wait_for(lambda: not recorder.running, TIMEOUT, "the listener to end")
    finally:
        recorder.stop()
    assert clicks[:1] == [(1100, 700)]
    assert len(clicks) == 1  # nothing reported after stop()
