"""Drag and drop in the steps editor with the real pointer (Xvfb, xdotool): a step dropped
elsewhere in the list moves there, and the list is numbered again."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import KEYRING_BACKEND, ROOT
from tests.e2e.conftest import Display

pytestmark = pytest.mark.xvfb

APP = Path(__file__).with_name("steps_editor_app.py")


def test_a_step_dragged_onto_another_place_moves_there(xvfb: Display, tw_home: Path) -> None:
    env = {
        **os.environ,
        **xvfb.env(),
        "TICKETWISE_HOME": str(tw_home),
        "PYTHON_KEYRING_BACKEND": KEYRING_BACKEND,
    }
    process = subprocess.Popen(
        [sys.executable, str(APP)],
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[dict | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(json.loads(line))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()

    def next_event() -> dict:
        try:
            event = lines.get(timeout=30)
        except queue.Empty:
            pytest.fail("the editor said nothing for 30 s")
        if event is None:
            assert process.stderr is not None
            pytest.fail(f"the editor exited: {process.stderr.read()}")
        return event

    def xdotool(*args: str) -> None:
        subprocess.run(["xdotool", *args], env=env, check=True, timeout=20)

    try:
        ready = next_event()
        assert ready["event"] == "ready"
        rows = ready["rows"]
        x0, y0 = rows[0][0] + 60, rows[0][1] + rows[0][3] // 2  # on the first thumbnail
        target = rows[3]  # the upper half of the fourth row: dropped above it
        x1, y1 = target[0] + 60, target[1] + target[3] // 2 - 8
        xdotool("mousemove", str(x0), str(y0))
        xdotool("mousedown", "1")
        for step in range(1, 11):  # past the drag distance, then over the target, in steps
            xdotool("mousemove", str(x0), str(y0 + (y1 - y0) * step // 10))
        xdotool("mousemove", str(x1), str(y1))
        xdotool("mouseup", "1")
        edited = next_event()
        assert edited == {"event": "edited", "numbers": [2, 3, 1, 4, 5]}
    finally:
        assert process.stdin is not None
        process.stdin.close()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
