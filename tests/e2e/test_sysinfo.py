"""``main.py sysinfo`` on a real X display: the screens line comes from the capture layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import Display

pytestmark = pytest.mark.xvfb


def test_the_screens_of_the_display_are_listed(xvfb: Display, tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "XDG_CURRENT_DESKTOP")
    }
    env.update(xvfb.env(), TICKETWISE_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sysinfo", "--json"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    facts = {f["key"]: f["value"] for f in data["facts"]}
    assert facts["screens"] in ("1280×800", "1280×800 @1x")  # tests/e2e/conftest.py's Xvfb
    assert facts["desktop"] == "unknown desktop on X11"
    assert [e["key"] for e in data["errors"]] == ["reachability"]  # no profile in this home
    assert "Screens: " + facts["screens"] in data["text"].splitlines()
