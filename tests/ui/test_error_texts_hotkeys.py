"""The texts the user reads when the global capture shortcut cannot be used."""

from __future__ import annotations

import pytest

from app.capture.hotkeys import HotkeySyntaxError, HotkeyTaken, HotkeyUnavailable, KeySequence
from app.ui.errors import describe_exception


@pytest.mark.parametrize(
    ("error", "what", "todo"),
    [
        (
            HotkeyTaken("x", sequence="Ctrl+Shift+F12", backend="x11"),
            "The shortcut Ctrl+Shift+F12 is already used by another application",
            "Choose another shortcut",
        ),
        (
            HotkeyUnavailable("x", sequence="Ctrl+F24", backend="x11", reason="no_such_key"),
            "no key for the shortcut Ctrl+F24",
            "Choose another shortcut",
        ),
        (
            HotkeyUnavailable("x", backend="none", reason="no_session"),
            "does not let Ticketwise register a global shortcut",
            "capture from the tray menu",
        ),
    ],
)
def test_hotkey_error_texts(error: Exception, what: str, todo: str) -> None:
    shown_what, shown_todo = describe_exception(error)
    assert what in shown_what
    assert todo in shown_todo


def test_a_syntax_error_names_the_text() -> None:
    with pytest.raises(HotkeySyntaxError) as error:
        KeySequence.parse("Hyper+F1")
    what, todo = describe_exception(error.value)
    assert what == "Hyper+F1 is not a shortcut Ticketwise can use."
    assert "Ctrl+Shift+F12" in todo
