"""A screenshot from the global key to the draft, on a real X display, driven with xdotool.

The app runs as a user runs it; a window with a known pattern is on screen; the capture key
(Ctrl+Shift+F12) is pressed with ``xdotool key``, a region is dragged, Enter accepts it, the
annotator opens and Ctrl+Enter attaches. The draft in the store must then hold a PNG whose
pixels are exactly the pattern's in that region, and the lossless original beside it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.capture_pattern import expected_rgb
from tests.e2e.conftest import AppProcess, Display, wait_for
from tests.e2e.test_capture import XVFB_SIZE, Pattern, x_env

pytestmark = pytest.mark.xvfb


def png_rgb(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB rows of an 8-bit RGB PNG with filter 0 (what the app writes)."""
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            assert body[8:10] == b"\x08\x02", "8-bit RGB"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert all(raw[r * stride] == 0 for r in range(height)), "filter 0 on every row"
    return width, height, b"".join(raw[r * stride + 1 : (r + 1) * stride] for r in range(height))


def attachments(home: Path) -> list[dict[str, object]]:
    path = home / "data" / "ticketwise.sqlite3"
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT attachments FROM drafts ORDER BY id").fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()
    return [a for (text,) in rows for a in json.loads(text or "[]")]


def blob(home: Path, sha: str) -> bytes:
    return (home / "data" / "blobs" / sha[:2] / sha).read_bytes()


@pytest.fixture
def pattern_window(xvfb: Display) -> Iterator[Pattern]:
    """The known pattern painted over the whole Xvfb screen (tests/e2e/capture_pattern.py)."""
    pattern = Pattern(x_env(xvfb.name), 0, 0, *XVFB_SIZE)
    yield pattern
    pattern.close()


def overlay_painted(app: AppProcess, count: int) -> bool:
    log = app.home / "logs" / "ticketwise.log"
    return log.exists() and log.read_text(errors="replace").count("overlay painted") >= count


def test_hotkey_region_annotator_attach(launch_app, tw_home: Path, pattern_window) -> None:
    app = launch_app()
    log = tw_home / "logs" / "ticketwise.log"
    wait_for(
        lambda: log.exists() and "hotkey: Ctrl+Shift+F12 held" in log.read_text(),
        30,
        "the app to take the global key",
    )
    # The user is in another program: Xvfb has no tray, so move the window off the screen.
    app.xdotool("windowmove", app.window_id("New ticket"), "3000", "0")
    app.key("ctrl+shift+F12")
    wait_for(lambda: overlay_painted(app, 1), 20, "the capture overlay")
    app.xdotool("mousemove", "101", "77", "mousedown", "1")
    app.xdotool("mousemove", "250", "150", "mousemove", "400", "260", "mouseup", "1")
    app.key("Return")
    app.window_id("Annotate screenshot")
    app.key("ctrl+Return")
    found = wait_for(lambda: attachments(tw_home), 20, "the screenshot in the draft")
    (shot,) = found  # type: ignore[misc]
    assert shot["mime"] == "image/png"
    width, height, rgb = png_rgb(blob(tw_home, str(shot["sha256"])))
    assert (width, height) == (300, 184)  # both end pixels of the drag are in
    assert rgb == expected_rgb(101, 77, 300, 184)
    original = png_rgb(blob(tw_home, str(shot["original_sha256"])))
    assert original == (300, 184, rgb)  # nothing drawn: the original is the same pixels
    assert json.loads(str(shot["annotations"]))["operations"] == []


def test_main_py_capture_asks_the_running_app(launch_app, tw_home: Path, pattern_window) -> None:
    app = launch_app()
    wait_for(
        lambda: (
            (tw_home / "logs" / "ticketwise.log").exists()
            and "hotkey:" in (tw_home / "logs" / "ticketwise.log").read_text()
        ),
        30,
        "the app to start",
    )
    env = {**os.environ, **app.display.env(), "TICKETWISE_HOME": str(tw_home)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "capture"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    wait_for(lambda: overlay_painted(app, 1), 20, "the running app's overlay")
    app.key("Escape")  # cancelled: nothing attached, the app still runs
    again = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert again.returncode == 0, again.stderr  # a second start shows the running window
    app.window_id("New ticket")
    assert app.process.poll() is None
    assert attachments(tw_home) == []
