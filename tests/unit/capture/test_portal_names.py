"""Pure parts of the portal clients: shortcut syntax, request paths, file URIs."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.capture.hotkeys import KeySequence
from app.capture.hotkeys.portal import portal_trigger
from app.capture.portal import PortalError, file_uri_path, request_path, unwrap


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ctrl+Shift+F12", "CTRL+SHIFT+F12"),
        ("Shift+Ctrl+F12", "CTRL+SHIFT+F12"),
        ("Meta+A", "LOGO+a"),
        ("Ctrl+Alt+7", "CTRL+ALT+7"),
        ("Alt+PageUp", "ALT+Page_Up"),
        ("Ctrl+PgDown", "CTRL+Page_Down"),
        ("Ctrl+Space", "CTRL+space"),
        ("Ctrl+Backspace", "CTRL+BackSpace"),
        ("PrtSc", "Print"),
        ("Super+Shift+Print", "SHIFT+LOGO+Print"),
        ("F24", "F24"),
    ],
)
def test_portal_trigger_uses_the_xdg_shortcuts_syntax(text: str, trigger: str):
    assert portal_trigger(KeySequence.parse(text)) == trigger


def test_request_path_follows_the_documented_convention():
    assert request_path(":1.42", "ticketwise_ab12") == (
        "/org/freedesktop/portal/desktop/request/1_42/ticketwise_ab12"
    )


@pytest.mark.parametrize(
    ("uri", "path"),
    [
        ("file:///tmp/out.png", "/tmp/out.png"),
        (
            "file:///home/mario/Immagini/Schermata%20del%202026%20%C3%A8%20100%25.png",
            "/home/mario/Immagini/Schermata del 2026 è 100%.png",
        ),
        ("file://localhost/tmp/a.png", "/tmp/a.png"),
    ],
)
def test_file_uri_path_decodes_percent_escapes(uri: str, path: str):
    assert file_uri_path(uri) == Path(path)


@pytest.mark.parametrize(
    "uri", ["", "/tmp/out.png", "https://example.invalid/a.png", "file://otherhost/tmp/a.png"]
)
def test_anything_but_a_local_file_uri_is_refused(uri: str):
    with pytest.raises(PortalError) as caught:
        file_uri_path(uri)
    assert caught.value.params["reason"] == "bad_uri"


def test_unwrap_variants():
    assert unwrap(("s", "x")) == "x"
    assert unwrap(("v", ("u", 2))) == 2
    assert unwrap([1, 2]) == [1, 2]
