"""The text the user reads when steps cannot be recorded, from a real refusal."""

from __future__ import annotations

import pytest

from app.capture.recorder import RecorderUnavailable, X11InputRecorder, create_recorder
from app.capture.recorder_macos import MacInputRecorder
from app.capture.recorder_windows import WindowsInputRecorder
from app.ui.errors import describe_exception
from tests.unit.capture.test_recorder_macos import COMMON_MODES, FakeEventTap


def test_no_display_is_a_recorder_error_with_a_way_on() -> None:
    recorder = X11InputRecorder(lambda *_: None, lambda _: None, display=":4093")  # no server
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params["reason"] == "no_display"
    assert not recorder.running
    what, todo = describe_exception(error.value)
    assert "cannot reach the X display" in what
    assert "DISPLAY" in todo
    assert "describe the steps yourself" in todo


@pytest.mark.parametrize(
    ("environ", "platform", "reason", "said"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", "wayland", "Wayland"),
        ({}, "linux", "none", "does not let Ticketwise record steps"),
    ],
)
def test_sessions_without_a_recorder_say_so(
    environ: dict[str, str], platform: str, reason: str, said: str
) -> None:
    with pytest.raises(RecorderUnavailable) as error:
        create_recorder(lambda *_: None, lambda _: None, environ=environ, platform=platform)
    assert error.value.params["reason"] == reason
    what, todo = describe_exception(error.value)
    assert said in what
    assert "describe the steps yourself" in todo


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("no_xinput2", "XInput 2.1"),
        ("no_libx11", "XInput 2.1"),
        ("lost", "recording stopped"),
        ("tap_failed", "macOS refused"),
        ("no_user32", "user32"),
        ("hook_failed", "Windows did not let Ticketwise watch"),
    ],
)
def test_each_reason_has_its_own_text(reason: str, said: str) -> None:
    what, todo = describe_exception(RecorderUnavailable("x", reason=reason))
    assert said in what
    assert todo


def test_an_x11_session_gets_the_xinput2_recorder() -> None:
    recorder = create_recorder(
        lambda *_: None, lambda _: None, environ={"DISPLAY": ":4093"}, platform="linux"
    )
    assert isinstance(recorder, X11InputRecorder)
    assert not recorder.running  # created, not started: nothing was opened yet


def test_macos_without_input_monitoring_says_where_to_allow_it() -> None:
    tap = FakeEventTap(granted=False)
    recorder = MacInputRecorder(
        lambda *_: None, lambda _: None, cg=tap, cf=tap, common_modes=COMMON_MODES, reader=object()
    )
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    what, todo = describe_exception(error.value)
    assert "macOS does not let Ticketwise see your clicks" in what
    assert "Privacy & Security \u2192 Input Monitoring" in todo
    assert "start the recording again" in todo


def test_windows_gets_the_hook_recorder_and_says_why_it_cannot_start_here() -> None:
    recorder = create_recorder(lambda *_: None, lambda _: None, environ={}, platform="win32")
    assert isinstance(recorder, WindowsInputRecorder)
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()  # not Windows: there is no user32 to load
    assert error.value.params["reason"] == "no_user32"
    what, todo = describe_exception(error.value)
    assert "user32" in what
    assert "describe the steps yourself" in todo
