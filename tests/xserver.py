"""Start a private X server (Xvfb, Xvnc) on a free display number, for tests and benchmarks.

The server picks the number itself (``-displayfd``) and writes it to a pipe once it accepts
connections, so nothing polls and two runs never collide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager


class XServerError(RuntimeError):
    """The X server did not start."""


def start_x_server(argv: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """Run ``argv`` (an X server command without ``-displayfd``) and return the process and
    its display name (":N"); XServerError when it exits before it says its number."""
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [*argv, "-displayfd", str(write_fd)],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        process.kill()
        process.wait(10)
        raise XServerError(f"{argv[0]} did not start")
    return process, f":{number}"


def start_xvfb(width: int = 1280, height: int = 800) -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb of ``width`` x ``height`` at 24 bits."""
    binary = shutil.which("Xvfb")
    if binary is None:
        raise XServerError("Xvfb is not installed (apt-get install xvfb)")
    screen = f"{width}x{height}x24"
    # -noreset: by default the server resets when its last client leaves, and a client that
    # connects during the reset is refused ("cannot open the X display" in a test that
    # closed its only connection just before).
    return start_x_server([binary, "-screen", "0", screen, "-nolisten", "tcp", "-noreset"])


@contextmanager
def openbox_display(width: int = 1280, height: int = 800, timeout: float = 20.0) -> Iterator[str]:
    """A private Xvfb managed by openbox (frames, ``_NET_ACTIVE_WINDOW``, focus on click);
    yields its display name once openbox manages it. XServerError when either does not
    start."""
    server, display = start_xvfb(width, height)
    env = {**os.environ, "DISPLAY": display}
    manager = subprocess.Popen(
        ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            probe = subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if "window id" in probe.stdout:
                break
            if time.monotonic() > deadline:
                raise XServerError(f"openbox did not manage {display} within {timeout} s")
            time.sleep(0.05)  # another process's state: nothing to wait on but polling
        yield display
    finally:
        manager.terminate()
        manager.wait(10)
        server.terminate()
        server.wait(10)
