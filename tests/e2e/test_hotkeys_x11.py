"""The X11 global hotkey on a real X server (Xvfb), pressed with xdotool (XTEST)."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest

from app.capture.hotkeys import HotkeyTaken, HotkeyUnavailable, KeySequence, create_backend
from app.capture.hotkeys.x11 import X11Hotkeys
from tests.e2e.conftest import Display, wait_for
from tests.e2e.x11_client import FocusedClient, keycode_on

pytestmark = pytest.mark.xvfb

SEQUENCE = KeySequence.parse("Ctrl+Shift+F12")


class Presses:
    """A callback that counts calls and lets the test wait for the n-th one."""

    def __init__(self) -> None:
        self.count = 0
        self.threads: set[str] = set()
        self._changed = threading.Condition()

    def __call__(self) -> None:
        with self._changed:
            self.count += 1
            self.threads.add(threading.current_thread().name)
            self._changed.notify_all()

    def wait(self, count: int, timeout: float = 10) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self.count >= count, timeout):
                raise AssertionError(f"the hotkey fired {self.count} times, expected {count}")


def xdotool(display: Display, *args: str) -> None:
    subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display.name},
        check=True,
        timeout=20,
    )


def hotkey_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "x11-hotkeys"]


@pytest.fixture
def backends(xvfb: Display) -> Iterator[list[X11Hotkeys]]:
    made: list[X11Hotkeys] = []
    yield made
    for backend in made:
        backend.close()


def test_the_grabbed_key_fires_with_numlock_and_reaches_no_other_client(
    xvfb: Display, backends: list[X11Hotkeys]
) -> None:
    client = FocusedClient(xvfb.name)
    try:
        f11, f12 = client.keycode("F11"), client.keycode("F12")
        # Without the grab the focused client gets the key: the assertion below can fail.
        xdotool(xvfb, "key", "ctrl+shift+F12")
        client.wait_key_press(f12)

        hotkeys = X11Hotkeys(xvfb.name)
        backends.append(hotkeys)
        presses = Presses()
        hotkeys.register(SEQUENCE, presses)
        client.pressed.clear()
        xdotool(xvfb, "key", "ctrl+shift+F12")
        presses.wait(1)
        assert presses.threads == {"x11-hotkeys"}

        xdotool(xvfb, "key", "Num_Lock")  # on
        try:
            xdotool(xvfb, "key", "ctrl+shift+F12")
            presses.wait(2)
        finally:
            xdotool(xvfb, "key", "Num_Lock")  # off again for the other tests
        xdotool(xvfb, "key", "ctrl+shift+F11")
        client.wait_key_press(f11)  # X delivers in order: an F12 would have come first
        assert f12 not in client.pressed
        assert presses.count == 2
    finally:
        client.close()


def test_a_held_key_fires_once(xvfb: Display, backends: list[X11Hotkeys]) -> None:
    """Holding the key past the server's autorepeat delay (660 ms) sends repeated presses: the
    focused client gets many for an ungrabbed key, the hotkey fires once."""
    hold = ["sleep", "1.2"]  # xdotool holds the key down; the test itself waits on events
    client = FocusedClient(xvfb.name)
    try:
        f11 = client.keycode("F11")
        xdotool(xvfb, "keydown", "ctrl+shift+F11", *hold, "keyup", "F11", "keyup", "ctrl+shift")
        client.wait_key_press(f11)
        xdotool(xvfb, "key", "ctrl+shift+F10")  # a marker: every F11 came before it
        client.wait_key_press(client.keycode("F10"))
        assert client.pressed.count(f11) > 3, "the X server did not autorepeat: no evidence"
    finally:
        client.close()

    hotkeys = X11Hotkeys(xvfb.name)
    backends.append(hotkeys)
    presses = Presses()
    hotkeys.register(SEQUENCE, presses)
    xdotool(xvfb, "keydown", "ctrl+shift+F12", *hold, "keyup", "F12", "keyup", "ctrl+shift")
    xdotool(xvfb, "key", "ctrl+shift+F12")
    presses.wait(2)
    # A command returns after the listener has handled every event already sent to it
    # (xdotool waited for the server), so a counted repeat would show by now.
    hotkeys.unregister()
    assert presses.count == 2


def test_another_client_cannot_take_a_grabbed_key_until_it_is_released(
    xvfb: Display, backends: list[X11Hotkeys]
) -> None:
    first, second = X11Hotkeys(xvfb.name), X11Hotkeys(xvfb.name)
    backends += [first, second]
    first_presses, second_presses = Presses(), Presses()
    first.register(SEQUENCE, first_presses)
    with pytest.raises(HotkeyTaken) as taken:
        second.register(SEQUENCE, second_presses)
    assert taken.value.params == {"sequence": "Ctrl+Shift+F12", "backend": "x11"}

    # The failed attempt left no partial grab behind: the first one still owns every
    # combination (here: with NumLock), and a different key is free for the second.
    xdotool(xvfb, "key", "Num_Lock")
    try:
        xdotool(xvfb, "key", "ctrl+shift+F12")
        first_presses.wait(1)
    finally:
        xdotool(xvfb, "key", "Num_Lock")
    second.register(KeySequence.parse("Ctrl+Shift+F11"), second_presses)

    first.unregister()
    first.unregister()  # idempotent
    second.register(SEQUENCE, second_presses)  # replaces its F11 grab
    xdotool(xvfb, "key", "ctrl+shift+F12")
    second_presses.wait(1)
    with pytest.raises(HotkeyTaken):
        first.register(SEQUENCE, first_presses)
    assert first_presses.count == 1


def keymap_lines(display: Display, *keycodes: int) -> list[str]:
    """``xmodmap -pke`` lines of these keycodes, to put them back afterwards."""
    table = subprocess.run(
        ["xmodmap", "-pke"],
        env={**os.environ, "DISPLAY": display.name},
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    ).stdout
    lines = [line for line in table.splitlines() if int(line.split()[1]) in keycodes]
    assert len(lines) == len(keycodes)
    return lines


def test_the_grab_follows_a_keymap_change(xvfb: Display, backends: list[X11Hotkeys]) -> None:
    if shutil.which("xmodmap") is None:
        pytest.skip("xmodmap is needed (apt-get install x11-xserver-utils; .ci/run does)")
    old = keycode_on(xvfb.name, "F12")
    free = next(code for code in range(old + 1, 256) if keymap_lines(xvfb, code)[0].endswith("="))
    saved = keymap_lines(xvfb, old, free)
    hotkeys = X11Hotkeys(xvfb.name)
    backends.append(hotkeys)
    presses = Presses()
    hotkeys.register(SEQUENCE, presses)
    try:
        run_xmodmap = ["xmodmap", "-e", f"keycode {free} = F12", "-e", f"keycode {old} ="]
        subprocess.run(run_xmodmap, env={**os.environ, "DISPLAY": xvfb.name}, check=True)
        assert keycode_on(xvfb.name, "F12") == free

        def press() -> bool:
            xdotool(xvfb, "key", "ctrl+shift+F12")  # the new keycode, once the grab moved
            return presses.count > 0

        wait_for(press, 10, "the hotkey on the key's new keycode")
    finally:
        restore = [arg for line in saved for arg in ("-e", line)]
        subprocess.run(["xmodmap", *restore], env={**os.environ, "DISPLAY": xvfb.name}, check=True)
    assert keycode_on(xvfb.name, "F12") == old


def test_close_releases_the_key_and_ends_the_thread(xvfb: Display) -> None:
    before = len(hotkey_threads())
    hotkeys = X11Hotkeys(xvfb.name)
    hotkeys.register(SEQUENCE, Presses())
    assert len(hotkey_threads()) == before + 1
    hotkeys.close()
    hotkeys.close()  # idempotent
    assert len(hotkey_threads()) == before
    with pytest.raises(HotkeyUnavailable):
        hotkeys.register(SEQUENCE, Presses())
    other = X11Hotkeys(xvfb.name)
    try:
        other.register(SEQUENCE, Presses())  # the key was released with the connection
    finally:
        other.close()


def test_close_from_the_callback(xvfb: Display) -> None:
    before = len(hotkey_threads())
    hotkeys = X11Hotkeys(xvfb.name)
    closed = threading.Event()

    def close_self() -> None:
        hotkeys.close()
        closed.set()

    hotkeys.register(SEQUENCE, close_self)
    xdotool(xvfb, "key", "ctrl+shift+F12")
    assert closed.wait(10)
    hotkeys._thread.join(10)  # close() from the callback cannot join its own thread
    assert len(hotkey_threads()) == before


def test_unknown_display_and_missing_key_are_unavailable(
    xvfb: Display, backends: list[X11Hotkeys]
) -> None:
    with pytest.raises(HotkeyUnavailable) as error:
        X11Hotkeys(":4095")
    assert error.value.params["reason"] == "no_display"
    hotkeys = X11Hotkeys(xvfb.name)
    backends.append(hotkeys)
    # Xvfb's keymap stops at F12 for the upper function keys it has: ask for one it lacks.
    missing = next(key for key in ("F24", "F23", "F22", "F21") if not keycode_on(xvfb.name, key))
    with pytest.raises(HotkeyUnavailable) as error:
        hotkeys.register(KeySequence.parse(f"Ctrl+{missing}"), Presses())
    assert error.value.params["reason"] == "no_such_key"


def test_create_backend_picks_x11(xvfb: Display) -> None:
    backend = create_backend({"DISPLAY": xvfb.name}, "linux")
    try:
        assert isinstance(backend, X11Hotkeys)
        assert backend.name == "x11"
    finally:
        backend.close()
