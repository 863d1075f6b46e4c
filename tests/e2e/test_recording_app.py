"""The steps recorder in the real MainWindow on Xvfb + openbox, driven with xdotool: started by
its global key, the control's Pause, Add note, Screenshot and Stop clicked for real (and not
recorded), a secret typed into another application's field that ends up in no file; the
recording killed with SIGKILL and recovered with every screenshot."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from app.config.paths import resolve_paths
from app.core.steps import Step
from app.services.context import AppContext
from app.services.drafts import DraftService
from app.services.recorder import RecorderService
from app.services.tasks import TaskRunner
from app.store.recording import RecordingJournal
from tests.conftest import ROOT
from tests.e2e.conftest import wait_for
from tests.e2e.test_recorder_x11 import (  # the display and the test window are shared
    SECRET,
    TIMEOUT,
    TITLE,
    ButtonsWindow,
    on_openbox,  # noqa: F401 - a fixture
    run,
)
from tests.servers.smtp import TestSMTPServer

pytestmark = pytest.mark.xvfb

SCRIPT = Path(__file__).with_name("recording_app.py")
HOTKEY = "ctrl+shift+F11"  # the default recorder_hotkey


class RecordingApp:
    """tests/e2e/recording_app.py: its JSON events arrive on a queue."""

    def __init__(self, display: str, home: Path) -> None:
        env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "TICKETWISE_HOME": str(home),
        }
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.log = home.parent / "recording-app.log"
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, str(SCRIPT)],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.seen: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.main = self.expect("ready")["main"]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.events.put(json.loads(line))
        self.events.put({"event": "eof"})

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def expect(self, name: str, **values: Any) -> dict[str, Any]:
        """The next event called ``name`` with ``values`` (other events are kept in ``seen``)."""
        while True:
            try:
                event = self.events.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(
                    f"no {name} {values} event; seen {self.seen}; log:\n{self.log.read_text()}"
                ) from None
            self.seen.append(event)
            if event["event"] == "eof":
                code = self.process.wait(10)
                raise AssertionError(f"the app ended ({code}): {self.log.read_text()}")
            if event["event"] == name and all(event.get(k) == v for k, v in values.items()):
                return event

    def click_control(self, control: dict[str, Any], button: str) -> None:
        text = run(self.display, "xwininfo", "-id", str(control["control"]))
        origin = {
            key.strip(): value.strip()
            for key, _, value in (line.partition(":") for line in text.splitlines())
        }
        x, y, w, h = control["buttons"][button]
        cx = int(origin["Absolute upper-left X"]) + x + w // 2
        cy = int(origin["Absolute upper-left Y"]) + y + h // 2
        run(self.display, "xdotool", "mousemove", "--sync", str(cx), str(cy), "click", "1")

    def close(self) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()  # the app quits when its stdin closes
        except BrokenPipeError:
            pass  # it was killed
        if self.process.poll() is None:
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._reader.join(10)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self._log_file.close()


def steps_of(event: dict[str, Any]) -> list[Step]:
    return [Step.from_dict(s) for s in event["steps"]]


def test_a_recording_from_the_key_to_the_stop_button(on_openbox: str, tw_home: Path) -> None:  # noqa: F811
    window = ButtonsWindow(on_openbox)
    app = RecordingApp(on_openbox, tw_home)
    try:
        run(on_openbox, "xdotool", "key", HOTKEY)  # the main window has the focus: start
        control = app.expect("started")
        assert control["minimized"] is True  # out of the way while the problem is shown
        alpha = window.click("Alpha")
        app.expect("count", n=1)
        run(on_openbox, "xdotool", "type", "--delay", "20", SECRET)
        app.expect("count", n=2)

        app.click_control(control, "pause")
        app.expect("paused", on=True)
        window.click("Beta")  # the window gets them; the recording does not
        run(on_openbox, "xdotool", "type", "--delay", "20", "zz")
        assert window.text() == SECRET + "zz"
        app.click_control(control, "pause")  # now it says Resume
        app.expect("paused", on=False)
        beta = window.click("Beta")
        app.expect("count", n=3)

        app.click_control(control, "note")
        dialog = run(
            on_openbox, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Add a note"
        ).split()[0]
        run(on_openbox, "xdotool", "windowactivate", "--sync", dialog)
        run(on_openbox, "xdotool", "type", "--delay", "20", "Check the total")
        run(on_openbox, "xdotool", "key", "Return")
        app.expect("count", n=4)

        app.click_control(control, "screenshot")
        assert app.expect("screenshot")["added"] is True
        app.send("count?")
        assert app.expect("count?")["n"] == 5

        app.click_control(control, "stop")
        finished = app.expect("finished")
    finally:
        app.close()
        window.close()

    steps = steps_of(finished)
    assert [s.kind for s in steps] == ["click", "typing", "click", "note", "screenshot"]
    assert [s.number for s in steps] == [1, 2, 3, 4, 5]
    # The control's own buttons (pause twice, note, screenshot, stop) made no click steps,
    # and the note's typing was not counted: only the two clicks on the test window are there.
    assert [(s.x, s.y) for s in steps if s.kind == "click"] == [alpha, beta]
    assert [s.window_title for s in steps[:3]] == [TITLE, TITLE, TITLE]
    assert steps[1].chars == len(SECRET)  # nothing typed while paused
    assert steps[3].caption == "Check the total"
    assert finished["minimized"] is False  # the main window is back

    blobs = AppContext.create(resolve_paths()).blobs
    for step in (steps[0], steps[2], steps[4]):
        assert blobs.read(step.image_sha256).startswith(b"\x89PNG\r\n\x1a\n")

    journal = RecordingJournal(resolve_paths().recording_journal)
    assert journal.read() == steps  # kept until the steps are in a draft
    files = [p for p in tw_home.rglob("*") if p.is_file()]
    assert journal.path in files
    for path in files:
        data = path.read_bytes()
        for encoded in (SECRET.encode(), SECRET.encode("utf-16-le"), b"s3cr3t"):
            assert encoded not in data, path


def test_the_recording_reaches_the_help_desk_and_the_secret_does_not(
    on_openbox: str,  # noqa: F811
    tw_home: Path,
) -> None:
    """The whole path: recorded, reviewed, added to the ticket, sent to a real SMTP server.
    The numbered steps, their screenshots and the HTML report arrive; what was typed does
    not, in no part of the message and in no file the app keeps."""
    server = TestSMTPServer().start()
    env = {**os.environ, "TICKETWISE_HOME": str(tw_home)}
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            *("profile", "add", "acme", "--host", "127.0.0.1", "--port", str(server.port)),
            *("--security", "none", "--to", "support@acme.example"),
            *("--from", "jane@customer.example"),
        ],
        env=env,
        check=True,
        capture_output=True,
    )
    window = ButtonsWindow(on_openbox)
    app = RecordingApp(on_openbox, tw_home)
    try:
        app.send("start")
        app.expect("started")
        window.click("Alpha")
        app.expect("count", n=1)
        run(on_openbox, "xdotool", "type", "--delay", "20", SECRET)
        app.expect("count", n=2)
        window.click("Beta")
        app.expect("count", n=3)
        app.send("stop")
        app.expect("finished")
        app.send("accept")
        inserted = app.expect("inserted")
        app.send("send")
        wait_for(lambda: server.messages, TIMEOUT, "the ticket at the SMTP server")
    finally:
        app.close()
        window.close()
        server.stop()

    lines = inserted["text"].splitlines()
    assert len(lines) == 3 and lines[1].startswith(f"2. Typed {len(SECRET)} characters in ")
    assert lines[0].endswith("[step-01.png]") and lines[2].endswith("[step-03.png]")
    assert inserted["attachments"] == ["step-01.png", "step-03.png", "steps-report.html"]
    message = server.messages[0].message
    body = message.get_body(("plain",)).get_content()
    assert f"Typed {len(SECRET)} characters in '{TITLE}'" in body
    parts = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert sorted(parts) == ["step-01.png", "step-03.png", "steps-report.html"]
    assert parts["step-01.png"].startswith(b"\x89PNG")
    assert "data:image/png;base64," in parts["steps-report.html"]
    raw = server.messages[0].data
    for blob in [
        raw,
        body.encode(),
        *(p if isinstance(p, bytes) else p.encode() for p in parts.values()),
    ]:
        for encoded in (SECRET.encode(), SECRET.encode("utf-16-le"), b"s3cr3t"):
            assert encoded not in blob
    assert not resolve_paths().recording_journal.exists()  # handled: the steps are in the ticket
    for path in (p for p in tw_home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for encoded in (SECRET.encode(), SECRET.encode("utf-16-le"), b"s3cr3t"):
            assert encoded not in data, path


def test_the_key_stops_without_leaving_a_keystroke(on_openbox: str, tw_home: Path) -> None:  # noqa: F811
    window = ButtonsWindow(on_openbox)
    app = RecordingApp(on_openbox, tw_home)
    try:
        app.send("start")
        assert app.expect("start")["ok"] is True
        app.expect("started")
        window.click("Alpha")
        app.expect("count", n=1)
        run(on_openbox, "xdotool", "key", HOTKEY)  # typed into the test window, and grabbed
        finished = app.expect("finished")
    finally:
        app.close()
        window.close()
    assert [s.kind for s in steps_of(finished)] == ["click"]


def test_a_killed_recording_is_recovered_whole(qtbot, on_openbox: str, tw_home: Path) -> None:  # noqa: F811
    window = ButtonsWindow(on_openbox)
    app = RecordingApp(on_openbox, tw_home)
    journal = RecordingJournal(resolve_paths().recording_journal)
    clicks = 3
    try:
        app.send("start")
        app.expect("started")
        for n, name in enumerate(["Alpha", "Beta", "Alpha"][:clicks], start=1):
            window.click(name)
            app.expect("count", n=n)

        def journalled() -> bool:
            steps = journal.read() or []
            return len(steps) == clicks and all(s.image_sha256 for s in steps)

        wait_for(journalled, TIMEOUT, "the journal to hold every click with its screenshot")
        app.process.kill()  # SIGKILL: no handler, no clean-up runs
        app.process.wait(10)
    finally:
        app.close()
        window.close()

    steps = journal.read()
    assert steps is not None and len(steps) == clicks
    ctx = AppContext.create(resolve_paths())
    try:
        loose, _ = ctx.blobs.put_bytes(b"an image no draft and no journal names")
        assert DraftService(ctx).collect_garbage() == 1  # the clean-up ran ...
        assert not ctx.blobs.exists(loose)
        for step in steps:  # ... and kept every recorded screenshot
            assert ctx.blobs.read(step.image_sha256).startswith(b"\x89PNG")
        runner = TaskRunner()
        assert RecorderService(ctx, runner).recover() == steps
        runner.wait_all(5000)
    finally:
        ctx.close()
