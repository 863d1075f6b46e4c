"""The text the user reads when steps cannot be recorded, from a real refusal."""

from __future__ import annotations

import pytest

from app.capture.recorder import RecorderUnavailable, X11InputRecorder
from app.ui.errors import describe_exception


def test_no_display_is_a_recorder_error_with_a_way_on() -> None:
    recorder = X11InputRecorder(lambda *_: None, lambda _: None, display=":4093")  # no server
    with pytest.raises(RecorderUnavailable) as error:
        recorder.start()
    assert error.value.params["reason"] == "no_display"
    assert not recorder.running
    what, todo = describe_exception(error.value)
    assert "does not let Ticketwise record steps" in what
    assert "describe the steps yourself" in todo
