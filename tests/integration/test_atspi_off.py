"""AtspiNamer without an accessibility bus: it answers "" and stops trying (the e2e test
names real Qt buttons over a real one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.capture.atspi import AtspiNamer


def test_no_session_bus_turns_the_namer_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    namer = AtspiNamer()
    assert namer.control_at(10, 10, "Some window") == ""
    assert namer._off
    assert namer(10, 10, "Some window") == ""


def test_no_title_no_look_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    namer = AtspiNamer()
    assert namer.control_at(10, 10, "") == ""
    assert not namer._off  # nothing was tried
