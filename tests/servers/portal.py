"""A real D-Bus service implementing the documented xdg-desktop-portal interfaces we use, on a
private dbus-daemon: ``org.freedesktop.portal.Screenshot``, ``...GlobalShortcuts``,
``...Session``, ``...Request`` and ``org.freedesktop.host.portal.Registry``.

It owns ``org.freedesktop.portal.Desktop`` and answers like xdg-desktop-portal does: a
method call returns the Request path ``/org/freedesktop/portal/desktop/request/SENDER/TOKEN``
and the outcome follows as that object's ``Response(u, a{sv})`` signal. By default the signal
is *broadcast* and sent *before* the method reply: only a client that subscribed (AddMatch)
before calling receives it. Behaviour per test: ``screenshot_mode`` (success, missing, cancel,
fail, never), ``bind_mode`` (as_requested, none, other_trigger, cancel, fail), which interfaces
exist, and :meth:`emit_activated` for a key press.

Used by tests/integration/test_portal.py; :func:`private_bus` starts the daemon.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.threading import (
    DBusRouter,
    Proxy,
    ReceiveStopped,
    open_dbus_connection,
)

BUS_NAME = "org.freedesktop.portal.Desktop"
OBJECT_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT = "org.freedesktop.portal.Screenshot"
GLOBAL_SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
REQUEST = "org.freedesktop.portal.Request"
SESSION = "org.freedesktop.portal.Session"
REGISTRY = "org.freedesktop.host.portal.Registry"
PROPERTIES = "org.freedesktop.DBus.Properties"

_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  {servicedirs}
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class PrivateBus:
    """A running private dbus-daemon."""

    address: str
    process: subprocess.Popen[bytes]


@contextmanager
def private_bus(
    service_dirs: tuple[Path, ...] = (),
    env: dict[str, str] | None = None,
    log: Path | None = None,
) -> Iterator[PrivateBus]:
    """A dbus-daemon of our own with only ``service_dirs`` activatable (none by default: the
    machine's installed portal must not answer for the fake). Services it activates run in
    its process group, which is ended with it."""
    binary = shutil.which("dbus-daemon")
    if binary is None:
        raise RuntimeError("dbus-daemon is not installed (apt-get install dbus)")
    # A short socket folder: unix socket paths are limited to 108 bytes.
    folder = Path(tempfile.mkdtemp(prefix="tw-bus-"))
    config = folder / "bus.conf"
    dirs = "\n  ".join(f"<servicedir>{d}</servicedir>" for d in service_dirs)
    config.write_text(_CONFIG.format(socket_dir=folder, servicedirs=dirs))
    read_fd, write_fd = os.pipe()
    output = log.open("wb") if log is not None else subprocess.DEVNULL
    process = subprocess.Popen(
        [binary, f"--config-file={config}", "--nofork", f"--print-address={write_fd}"],
        pass_fds=(write_fd,),
        stdout=output,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    os.close(write_fd)
    if log is not None:
        output.close()  # type: ignore[union-attr]
    try:
        with os.fdopen(read_fd) as pipe:
            address = pipe.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        yield PrivateBus(address, process)
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # the daemon and what it activated
        except ProcessLookupError:
            pass
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Call:
    """One method call the fake portal received."""

    interface: str
    member: str
    path: str
    sender: str
    body: tuple[Any, ...]


@dataclass
class FakePortal:
    """The fake portal service (start with :meth:`start`, or use :func:`fake_portal`)."""

    address: str
    folder: Path
    screenshot: bool = True
    global_shortcuts: bool = True
    registry: bool = True
    screenshot_mode: str = "success"
    bind_mode: str = "as_requested"
    response_before_reply: bool = True
    legacy_request_paths: bool = False  # a portal before 0.9: its own path, Response after
    png: bytes = b""
    file_name: str = "Schermata del 2026-11-25 alle 21.00.00 (è 100%).png"
    calls: list[Call] = field(default_factory=list)
    sessions: list[str] = field(default_factory=list)
    closed_sessions: list[str] = field(default_factory=list)
    closed_requests: list[str] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _thread: threading.Thread | None = None
    _conn: Any = None

    def start(self) -> None:
        self._conn = open_dbus_connection(self.address)
        with DBusRouter(self._conn) as router:
            reply = Proxy(message_bus, router, timeout=5).RequestName(BUS_NAME, 4)
            assert reply == (1,), f"could not own {BUS_NAME}: {reply}"
        self._thread = threading.Thread(target=self._serve, name="fake-portal", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.interrupt()
            if self._thread is not None:
                self._thread.join(5)
            self._conn.close()
            self._conn = None

    @property
    def unique_name(self) -> str:
        return str(self._conn.unique_name)

    # -- what tests wait for ---------------------------------------------------------------

    def wait_until(self, condition: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Wait (on a condition variable, no polling) until ``condition()`` holds."""
        with self._changed:
            return self._changed.wait_for(condition, timeout)

    def calls_to(self, member: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.member == member]

    def emit_activated(
        self,
        shortcut_id: str = "capture",
        session: str | None = None,
        *,
        from_connection: Any = None,
    ) -> None:
        """The user pressed a bound shortcut: GlobalShortcuts.Activated on the portal object,
        broadcast, from the portal's connection (or ``from_connection``: an impostor)."""
        session = session if session is not None else self.sessions[-1]
        emitter = DBusAddress(OBJECT_PATH, interface=GLOBAL_SHORTCUTS)
        message = new_signal(
            emitter, "Activated", "osta{sv}", (session, shortcut_id, 123456789, {})
        )
        (from_connection or self._conn).send(message)

    def emit_session_closed(self, session: str | None = None) -> None:
        session = session if session is not None else self.sessions[-1]
        self._conn.send(
            new_signal(DBusAddress(session, interface=SESSION), "Closed", "a{sv}", ({},))
        )

    # -- the service -----------------------------------------------------------------------

    def _serve(self) -> None:
        try:
            while True:
                message = self._conn.receive()
                if message.header.message_type == MessageType.method_call:
                    self._dispatch(message)
        except (ReceiveStopped, OSError):
            return

    def _dispatch(self, message: Any) -> None:
        fields = message.header.fields
        call = Call(
            interface=fields.get(HeaderFields.interface, ""),
            member=fields.get(HeaderFields.member, ""),
            path=fields.get(HeaderFields.path, ""),
            sender=fields.get(HeaderFields.sender, ""),
            body=tuple(message.body),
        )
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        handler = {
            (PROPERTIES, "Get"): self._get_property,
            (SCREENSHOT, "Screenshot"): self._screenshot,
            (GLOBAL_SHORTCUTS, "CreateSession"): self._create_session,
            (GLOBAL_SHORTCUTS, "BindShortcuts"): self._bind_shortcuts,
            (SESSION, "Close"): self._close_session,
            (REQUEST, "Close"): self._close_request,
            (REGISTRY, "Register"): self._register,
        }.get((call.interface, call.member))
        enabled = {
            SCREENSHOT: self.screenshot,
            GLOBAL_SHORTCUTS: self.global_shortcuts,
            REGISTRY: self.registry,
        }.get(call.interface, True)
        if handler is None or not enabled:
            self._conn.send(
                new_error(
                    message,
                    "org.freedesktop.DBus.Error.UnknownMethod",
                    "s",
                    (f"No such interface “{call.interface}” on object at path {call.path}",),
                )
            )
            return
        handler(message, call)

    def _reply(
        self, message: Any, signature: str | None = None, body: tuple[Any, ...] = ()
    ) -> None:
        self._conn.send(new_method_return(message, signature, body))

    def _get_property(self, message: Any, call: Call) -> None:
        interface, name = call.body
        versions = {
            SCREENSHOT: 2 if self.screenshot else 0,
            GLOBAL_SHORTCUTS: 1 if self.global_shortcuts else 0,
            REGISTRY: 1 if self.registry else 0,
        }
        if name != "version" or not versions.get(interface):
            # What GDBus answers for an interface the object does not export.
            self._conn.send(
                new_error(
                    message,
                    "org.freedesktop.DBus.Error.InvalidArgs",
                    "s",
                    (f"No such interface “{interface}”",),
                )
            )
            return
        self._reply(message, "v", (("u", versions[interface]),))

    def _request(self, message: Any, call: Call, code: int | None, results: dict[str, Any]) -> str:
        """Reply with the Request handle and emit its Response (unless ``code`` is None)."""
        options = call.body[-1]
        token = options["handle_token"][1]
        sender = call.sender.lstrip(":").replace(".", "_")
        handle = f"{OBJECT_PATH}/request/{sender}/{token}"
        if self.legacy_request_paths:
            handle = f"{OBJECT_PATH}/request/legacy{len(self.calls)}"
        response = (
            new_signal(
                DBusAddress(handle, interface=REQUEST), "Response", "ua{sv}", (code, results)
            )
            if code is not None
            else None
        )
        before = self.response_before_reply and not self.legacy_request_paths
        if response is not None and before:
            self._conn.send(response)
        self._reply(message, "o", (handle,))
        if response is not None and not before:
            self._conn.send(response)
        return handle

    def _screenshot(self, message: Any, call: Call) -> None:
        mode = self.screenshot_mode
        if mode == "success":
            path = self.folder / self.file_name
            path.write_bytes(self.png)
            self._request(message, call, 0, {"uri": ("s", path.as_uri())})
        elif mode == "missing":  # a URI to a file that is not there
            self._request(message, call, 0, {"uri": ("s", (self.folder / "gone.png").as_uri())})
        elif mode == "cancel":
            self._request(message, call, 1, {})
        elif mode == "fail":
            self._request(message, call, 2, {})
        elif mode == "never":
            self._request(message, call, None, {})
        else:
            raise AssertionError(mode)

    def _create_session(self, message: Any, call: Call) -> None:
        options = call.body[0]
        sender = call.sender.lstrip(":").replace(".", "_")
        session = f"{OBJECT_PATH}/session/{sender}/{options['session_handle_token'][1]}"
        with self._changed:
            self.sessions.append(session)
        # session_handle is an "s", not an "o": the docs keep that historical mistake.
        self._request(message, call, 0, {"session_handle": ("s", session)})

    def _bind_shortcuts(self, message: Any, call: Call) -> None:
        session, shortcuts, _parent, _options = call.body
        mode = self.bind_mode
        if session not in self.sessions or session in self.closed_sessions:
            self._request(message, call, 2, {})
            return
        if mode in ("cancel", "fail"):
            self._request(message, call, 1 if mode == "cancel" else 2, {})
            return
        bound = []
        if mode != "none":
            for shortcut_id, info in shortcuts:
                trigger = info.get("preferred_trigger", ("s", ""))[1]
                description = "Meta+P" if mode == "other_trigger" else trigger.title()
                bound.append(
                    (
                        shortcut_id,
                        {
                            "description": info["description"],
                            "trigger_description": ("s", description),
                        },
                    )
                )
        self._request(message, call, 0, {"shortcuts": ("a(sa{sv})", bound)})

    def _close_session(self, message: Any, call: Call) -> None:
        with self._changed:
            self.closed_sessions.append(call.path)
            self._changed.notify_all()
        self._reply(message)

    def _close_request(self, message: Any, call: Call) -> None:
        with self._changed:
            self.closed_requests.append(call.path)
            self._changed.notify_all()
        self._reply(message)

    def _register(self, message: Any, call: Call) -> None:
        self._reply(message)


@contextmanager
def fake_portal(address: str, folder: Path, **options: Any) -> Iterator[FakePortal]:
    """A started :class:`FakePortal` on the bus at ``address``, stopped afterwards."""
    portal = FakePortal(address, folder, **options)
    portal.start()
    try:
        yield portal
    finally:
        portal.stop()
