"""The portal clients against a real D-Bus service (tests/servers/portal.py) on a private
dbus-daemon: Screenshot, GlobalShortcuts, Session and Request as the portal docs define them.

The same clients run against the real xdg-desktop-portal on a headless sway in
test_portal_wayland.py; this file covers what that stack cannot show (cancel, failure,
timeouts, shortcuts: the wlr backend has no GlobalShortcuts)."""

from __future__ import annotations

import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.capture.hotkeys import HotkeyTaken, HotkeyUnavailable, KeySequence
from app.capture.hotkeys.portal import PortalHotkeys
from app.capture.portal import (
    PortalError,
    PortalTimeout,
    PortalUnavailable,
    portal_available,
    portal_screenshot,
)
from app.core.errors import Cancelled
from tests.servers.portal import FakePortal, PrivateBus, fake_portal, private_bus

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (apt-get install dbus)"
)


def tiny_png() -> bytes:
    """A 2x1 RGB PNG (red, blue): real image bytes the client must return untouched."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    raw = b"\x00" + bytes([255, 0, 0, 0, 0, 255])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = tiny_png()
CTRL_SHIFT_F12 = KeySequence.parse("Ctrl+Shift+F12")


@pytest.fixture
def bus() -> Iterator[PrivateBus]:
    with private_bus() as running:
        yield running


@pytest.fixture
def portal(bus: PrivateBus, tmp_path: Path) -> Iterator[FakePortal]:
    with fake_portal(bus.address, tmp_path, png=PNG) as running:
        yield running


# -- Screenshot ---------------------------------------------------------------------------


def test_screenshot_returns_the_exact_file_bytes(portal: FakePortal):
    data = portal_screenshot(timeout=5, bus_address=portal.address)
    assert data == PNG
    (call,) = portal.calls_to("Screenshot")
    parent, options = call.body
    assert parent == ""
    assert options["interactive"] == ("b", False)
    assert options["handle_token"][0] == "s"
    # The file is the user's (it may be in Pictures): never deleted.
    assert (portal.folder / portal.file_name).read_bytes() == PNG


def test_screenshot_passes_parent_window_and_interactive_verbatim(portal: FakePortal):
    portal_screenshot("x11:1e00007", interactive=True, timeout=5, bus_address=portal.address)
    portal_screenshot("wayland:Zm9vYmFy/42", timeout=5, bus_address=portal.address)
    first, second = portal.calls_to("Screenshot")
    assert first.body[0] == "x11:1e00007"
    assert first.body[1]["interactive"] == ("b", True)
    assert second.body[0] == "wayland:Zm9vYmFy/42"


@pytest.mark.parametrize("before_reply", [True, False], ids=["response-first", "reply-first"])
def test_response_is_subscribed_before_the_call(bus: PrivateBus, tmp_path: Path, before_reply):
    # The fake broadcasts Response, by default before its method reply: the bus delivers it
    # only to a client whose AddMatch came before the call, and the client must keep it
    # although it arrives before the reply naming the request.
    with fake_portal(bus.address, tmp_path, png=PNG, response_before_reply=before_reply) as p:
        assert portal_screenshot(timeout=3, bus_address=p.address) == PNG


def test_a_portal_choosing_its_own_request_path_is_followed(bus: PrivateBus, tmp_path: Path):
    # xdg-desktop-portal before 0.9 ignored handle_token; the docs ask clients to follow the
    # returned path. Its Response comes after the reply, from the portal.
    with fake_portal(bus.address, tmp_path, png=PNG, legacy_request_paths=True) as p:
        assert portal_screenshot(timeout=3, bus_address=p.address) == PNG


def test_user_cancel_is_cancelled(portal: FakePortal):
    portal.screenshot_mode = "cancel"
    with pytest.raises(Cancelled):
        portal_screenshot(timeout=5, bus_address=portal.address)


def test_portal_failure_is_portal_error(portal: FakePortal):
    portal.screenshot_mode = "fail"
    with pytest.raises(PortalError) as caught:
        portal_screenshot(timeout=5, bus_address=portal.address)
    assert type(caught.value) is PortalError
    assert caught.value.kind == "portal_failed"
    assert caught.value.params["response"] == 2


def test_timeout_is_honoured_and_the_request_closed(portal: FakePortal):
    portal.screenshot_mode = "never"
    started = time.monotonic()
    with pytest.raises(PortalTimeout) as caught:
        portal_screenshot(timeout=0.5, bus_address=portal.address)
    elapsed = time.monotonic() - started
    assert 0.5 <= elapsed < 2.0
    assert caught.value.kind == "portal_timeout"
    assert caught.value.params["timeout"] == 0.5
    # The client told the portal it stopped waiting (its dialog, if any, goes away).
    (call,) = portal.calls_to("Screenshot")
    assert portal.wait_until(lambda: len(portal.closed_requests) == 1)
    sender = call.sender.lstrip(":").replace(".", "_")
    token = call.body[1]["handle_token"][1]
    assert portal.closed_requests == [f"/org/freedesktop/portal/desktop/request/{sender}/{token}"]


def test_no_portal_service_is_unavailable_quickly(bus: PrivateBus):
    started = time.monotonic()
    with pytest.raises(PortalUnavailable) as caught:
        portal_screenshot(timeout=30, bus_address=bus.address)
    assert time.monotonic() - started < 2.0
    assert caught.value.params["reason"] == "no_portal"
    assert portal_available(bus.address) is False


def test_portal_without_screenshot_is_unavailable(bus: PrivateBus, tmp_path: Path):
    with fake_portal(bus.address, tmp_path, screenshot=False) as p:
        with pytest.raises(PortalUnavailable) as caught:
            portal_screenshot(timeout=5, bus_address=p.address)
        assert caught.value.params["reason"] == "no_interface"
        assert p.calls_to("Screenshot") == []  # asked the version first, called nothing
        assert portal_available(p.address) is False


def test_portal_available(portal: FakePortal):
    assert portal_available(portal.address) is True


def test_no_session_bus_is_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    with pytest.raises(PortalUnavailable) as caught:
        portal_screenshot(timeout=5)
    assert caught.value.params["reason"] == "no_session_bus"
    with pytest.raises(PortalUnavailable):
        portal_screenshot(timeout=5, bus_address=f"unix:path={tmp_path / 'no-such-socket'}")


def test_a_missing_file_is_portal_error(portal: FakePortal):
    portal.screenshot_mode = "missing"
    with pytest.raises(PortalError) as caught:
        portal_screenshot(timeout=5, bus_address=portal.address)
    assert caught.value.params["reason"] == "unreadable"


# -- GlobalShortcuts ----------------------------------------------------------------------


class Presses:
    """A callback that counts calls and lets the test wait for the n-th one."""

    def __init__(self) -> None:
        self.count = 0
        self.threads: list[str] = []
        self._changed = threading.Condition()

    def __call__(self) -> None:
        with self._changed:
            self.count += 1
            self.threads.append(threading.current_thread().name)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.count >= count, timeout)


@pytest.fixture
def hotkeys(portal: FakePortal) -> Iterator[PortalHotkeys]:
    backend = PortalHotkeys(portal.address, timeout=5)
    yield backend
    backend.close()


def test_register_binds_one_shortcut_in_a_new_session(portal: FakePortal, hotkeys):
    hotkeys.register(CTRL_SHIFT_F12, Presses())
    # The host app registry wants to be first, before any other portal call.
    first = portal.calls[0]
    assert (first.interface, first.member) == ("org.freedesktop.host.portal.Registry", "Register")
    assert first.body == ("ticketwise", {})
    (create,) = portal.calls_to("CreateSession")
    assert create.body[0]["session_handle_token"][0] == "s"
    (bind,) = portal.calls_to("BindShortcuts")
    session, shortcuts, parent, _options = bind.body
    assert session == portal.sessions[-1]
    assert parent == ""
    assert shortcuts == [
        (
            "capture",
            {
                "description": ("s", "Capture the screen for a new ticket"),
                "preferred_trigger": ("s", "CTRL+SHIFT+F12"),
            },
        )
    ]
    assert hotkeys.trigger_description == "Ctrl+Shift+F12"


def test_activated_runs_the_callback_for_our_session_and_shortcut_only(portal, hotkeys):
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    portal.emit_activated("capture")
    assert presses.wait_for(1)
    assert presses.threads == ["hotkey-portal"]
    # Another shortcut id, another session, or another peer claiming to be the portal: ignored.
    portal.emit_activated("something-else")
    portal.emit_activated("capture", session="/org/freedesktop/portal/desktop/session/1_9/x")
    with private_bus_connection(portal.address) as impostor:
        portal.emit_activated("capture", from_connection=impostor)
        # A round trip on the impostor's connection: the bus handles one connection's
        # messages in order, so its signal is on its way to us before the next one below.
        from jeepney.bus_messages import message_bus
        from jeepney.io.threading import DBusRouter, Proxy

        with DBusRouter(impostor) as router:
            Proxy(message_bus, router, timeout=5).GetId()
    portal.emit_activated("capture")  # the same queue: it arrives after the ignored ones
    assert presses.wait_for(2)
    # Session.Close's reply comes after that signal on the portal's connection, and the
    # listener handles everything queued before it stops: the count is final here.
    hotkeys.unregister()
    assert presses.count == 2


def test_close_closes_the_session_and_stops_the_listener(portal: FakePortal, hotkeys):
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    session = portal.sessions[-1]
    listener = hotkeys._thread
    assert listener is not None and listener.is_alive()
    hotkeys.close()
    assert portal.closed_sessions == [session]  # Close is a method call: done when we return
    assert not listener.is_alive()
    hotkeys.close()  # idempotent
    with pytest.raises(HotkeyUnavailable):
        hotkeys.register(CTRL_SHIFT_F12, presses)


def test_register_again_replaces_the_session(portal: FakePortal, hotkeys):
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    first = portal.sessions[-1]
    hotkeys.register(KeySequence.parse("Meta+Print"), presses)
    second = portal.sessions[-1]
    assert second != first
    assert portal.closed_sessions == [first]
    assert portal.calls_to("BindShortcuts")[-1].body[1][0][1]["preferred_trigger"] == (
        "s",
        "LOGO+Print",
    )
    portal.emit_activated("capture")
    assert presses.wait_for(1)


def test_unregister_then_register_works(portal: FakePortal, hotkeys):
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    hotkeys.unregister()
    hotkeys.unregister()  # idempotent
    assert len(portal.closed_sessions) == 1
    hotkeys.register(CTRL_SHIFT_F12, presses)
    portal.emit_activated("capture")
    assert presses.wait_for(1)


def test_shortcut_not_bound_is_taken_and_nothing_stays(portal: FakePortal, hotkeys):
    portal.bind_mode = "none"
    with pytest.raises(HotkeyTaken) as caught:
        hotkeys.register(CTRL_SHIFT_F12, Presses())
    assert caught.value.params["backend"] == "portal"
    assert caught.value.params["sequence"] == "Ctrl+Shift+F12"
    assert portal.closed_sessions == portal.sessions  # the session was closed again
    assert hotkeys._thread is None


def test_other_trigger_is_accepted_and_reported(portal: FakePortal, hotkeys):
    portal.bind_mode = "other_trigger"
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    assert hotkeys.trigger_description == "Meta+P"
    portal.emit_activated("capture")
    assert presses.wait_for(1)


def test_declined_dialog_is_cancelled(portal: FakePortal, hotkeys):
    portal.bind_mode = "cancel"
    with pytest.raises(Cancelled):
        hotkeys.register(CTRL_SHIFT_F12, Presses())
    assert portal.closed_sessions == portal.sessions


def test_portal_failure_is_unavailable(portal: FakePortal, hotkeys):
    portal.bind_mode = "fail"
    with pytest.raises(HotkeyUnavailable) as caught:
        hotkeys.register(CTRL_SHIFT_F12, Presses())
    assert caught.value.params["reason"] == "portal_response"


def test_no_global_shortcuts_interface_is_unavailable(bus: PrivateBus, tmp_path: Path):
    with fake_portal(bus.address, tmp_path, global_shortcuts=False, registry=False) as p:
        backend = PortalHotkeys(p.address, timeout=5)
        with pytest.raises(HotkeyUnavailable) as caught:
            backend.register(CTRL_SHIFT_F12, Presses())
        backend.close()
        assert caught.value.params["reason"] == "no_interface"
        assert p.calls_to("CreateSession") == []


def test_no_portal_is_unavailable_quickly(bus: PrivateBus):
    backend = PortalHotkeys(bus.address, timeout=30)
    started = time.monotonic()
    with pytest.raises(HotkeyUnavailable) as caught:
        backend.register(CTRL_SHIFT_F12, Presses())
    assert time.monotonic() - started < 2.0
    assert caught.value.params["reason"] == "no_portal"
    backend.close()


def test_session_closed_by_the_desktop_stops_the_listener(portal: FakePortal, hotkeys):
    presses = Presses()
    hotkeys.register(CTRL_SHIFT_F12, presses)
    listener = hotkeys._thread
    portal.emit_session_closed()
    listener.join(5)
    assert not listener.is_alive()
    hotkeys.unregister()  # still fine afterwards (the portal answers Close with an error or not)


class private_bus_connection:  # noqa: N801 - a context manager used like a function
    """Another client on the same bus (to play an impostor)."""

    def __init__(self, address: str) -> None:
        from jeepney.io.threading import open_dbus_connection

        self._conn = open_dbus_connection(address)

    def __enter__(self):
        return self._conn

    def __exit__(self, *exc: object) -> None:
        self._conn.close()


def test_services_capture_via_portal_uses_the_session_bus(
    portal: FakePortal, monkeypatch: pytest.MonkeyPatch
):
    from app.services.capture import capture_via_portal

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", portal.address)
    assert capture_via_portal("x11:4a00003", interactive=True) == PNG
    (call,) = portal.calls_to("Screenshot")
    assert call.body[0] == "x11:4a00003"
    assert call.body[1]["interactive"] == ("b", True)
