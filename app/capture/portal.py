"""Screenshots through xdg-desktop-portal (``org.freedesktop.portal.Screenshot``), for Wayland.

A Wayland compositor gives no client the pixels of other clients' windows, so on Wayland the
only portable way to capture the screen is to ask the desktop: the portal either takes the
shot at once (``interactive=False``; GNOME and KDE may ask the user the first time) or shows
its own dialog (``interactive=True``), and answers with the URI of a PNG file it wrote.

Protocol (https://flatpak.github.io/xdg-desktop-portal/docs/, "Requests"): a method call on
``org.freedesktop.portal.Desktop`` at ``/org/freedesktop/portal/desktop`` returns at once with
the path of a Request object; the outcome comes later as that object's
``org.freedesktop.portal.Request.Response(u response, a{sv} results)`` signal (0 success,
1 cancelled by the user, 2 anything else). The request path is predictable
(``.../request/SENDER/TOKEN`` from our unique bus name and the ``handle_token`` we pass), so
we subscribe to the signal *before* the call: a portal that answers quickly cannot beat us.

Parent windows ("Window Identifiers" in the portal docs): the portal puts its dialog on top of
(and modal to) the caller's window, and some backends refuse to show a dialog for a caller
without one. The string is

* ``"x11:<XID in hex>"`` on X11: ``f"x11:{int(window.winId()):x}"`` of the focused top-level
  window (Qt's winId is the X window id on the xcb platform);
* ``"wayland:<handle>"`` on Wayland, where ``<handle>`` comes from exporting the window's
  surface with the xdg-foreign protocol (``zxdg_exporter_v2.export_toplevel``). Qt has no
  public API for that, so Ticketwise passes ``""`` there: the portal then shows its dialog
  unparented, which every backend we know accepts for a non-interactive shot;
* ``""`` when there is no window (the CLI, the tray).

The file is read and returned as it is (PNG bytes; load it with ``QImage.fromData``). It is
never deleted: the portal may have saved it in the user's Pictures folder, where the user
expects to find it (GNOME does; xdg-desktop-portal-wlr overwrites ``/tmp/out.png``).

No Qt here: the module speaks D-Bus with jeepney (pure Python, already a dependency of
keyring on Linux).
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from pathlib import Path
from queue import Empty, Queue
from typing import Any
from urllib.parse import unquote, urlsplit

from app.core.errors import Cancelled, UserFacingError

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.portal.Desktop"
OBJECT_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT = "org.freedesktop.portal.Screenshot"
REQUEST = "org.freedesktop.portal.Request"
REQUEST_ROOT = f"{OBJECT_PATH}/request"
PROPERTIES = "org.freedesktop.DBus.Properties"

CALL_TIMEOUT = 25.0
"""Upper bound for one method call's reply (D-Bus's own default). The user's answer to a
portal dialog is not a method reply: it has the caller's overall ``timeout``."""

# Error names of a method call meaning "this portal (or this interface of it) is not here",
# as dbus-daemon, GDBus (xdg-desktop-portal) and sd-bus spell them. (Properties.Get on an
# interface GDBus does not export answers InvalidArgs: version() treats every error as absent.)
_ABSENT_ERRORS = frozenset(
    {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
        "org.freedesktop.DBus.Error.UnknownMethod",
        "org.freedesktop.DBus.Error.UnknownInterface",
        "org.freedesktop.DBus.Error.UnknownObject",
        "org.freedesktop.DBus.Error.UnknownProperty",
        "org.freedesktop.DBus.Error.Spawn.ChildExited",  # activation failed
        "org.freedesktop.DBus.Error.Spawn.ExecFailed",
    }
)


class PortalError(UserFacingError):
    """The desktop portal failed; ``params['reason']`` says how (for logs and support)."""

    kind = "portal_failed"
    exit_code = 1


class PortalUnavailable(PortalError):
    """This session has no portal with the interface we need (no session bus, no
    xdg-desktop-portal, or a backend without it): capture or hotkeys need another way."""

    kind = "portal_unavailable"


class PortalTimeout(PortalError):
    """The portal did not answer in time (``params['timeout']`` seconds)."""

    kind = "portal_timeout"


def _jeepney() -> Any:
    """jeepney's modules, imported on first use: start-up does not pay for them, and a
    platform without jeepney (Windows, macOS) only fails here, as "unavailable"."""
    try:
        import jeepney
        import jeepney.io.threading
    except ImportError as exc:  # pragma: no cover - Linux always has it (pyproject)
        raise PortalUnavailable("jeepney is not installed", reason="no_jeepney") from exc
    return jeepney


class PortalBus:
    """One connection to the session bus, with a receiver thread (jeepney's router) so
    replies and signals can be waited for from any thread.

    ``bus_address`` is a D-Bus address (``unix:path=...``); None means the session bus of
    ``DBUS_SESSION_BUS_ADDRESS``.
    """

    def __init__(self, bus_address: str | None = None) -> None:
        jeepney = _jeepney()
        address = bus_address or os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        if not address:
            raise PortalUnavailable("no D-Bus session bus", reason="no_session_bus")
        try:
            self._conn = jeepney.io.threading.open_dbus_connection(address, auth_timeout=5.0)
        except (OSError, RuntimeError, ValueError) as exc:
            # OSError: no socket / refused / auth timeout; RuntimeError: a transport jeepney
            # cannot use (tcp:, launchd:); ValueError: a malformed address.
            raise PortalUnavailable(
                f"cannot connect to the D-Bus session bus: {exc}", reason="no_session_bus"
            ) from exc
        self._router = jeepney.io.threading.DBusRouter(self._conn)
        self.unique_name: str = self._conn.unique_name
        self.portal_name = ""
        """The portal's unique bus name, from its first successful reply: signals claiming to
        come from the portal are checked against it."""

    def close(self) -> None:
        """Stop the receiver thread and close the socket. Idempotent."""
        router, self._router = getattr(self, "_router", None), None
        if router is not None:
            router.close()
            self._conn.close()

    def __enter__(self) -> PortalBus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(
        self,
        path: str,
        interface: str,
        member: str,
        *,
        signature: str = "",
        body: tuple[Any, ...] = (),
        timeout: float = CALL_TIMEOUT,
    ) -> Any:
        """Call a method on the portal; return the reply message (which may be an error:
        see :func:`error_name`). Raises PortalTimeout when no reply comes in ``timeout``."""
        jeepney = _jeepney()
        address = jeepney.DBusAddress(path, bus_name=BUS_NAME, interface=interface)
        message = jeepney.new_method_call(address, member, signature or None, body)
        router = self._router
        if router is None:
            raise PortalError("the D-Bus connection is closed", reason="closed")
        try:
            reply = router.send_and_get_reply(message, timeout=max(timeout, 0.001))
        except TimeoutError as exc:
            raise PortalTimeout(
                f"the portal did not answer {interface}.{member} in {timeout:g} s",
                reason="no_reply",
                timeout=timeout,
            ) from exc
        except (OSError, jeepney.io.threading.RouterClosed) as exc:
            raise PortalError(f"the D-Bus connection failed: {exc}", reason="bus_lost") from exc
        if not self.portal_name and not error_name(reply):
            self.portal_name = str(reply.header.fields.get(jeepney.HeaderFields.sender, ""))
        return reply

    def send(self, message: Any) -> None:
        """Send a message without waiting for anything."""
        if self._router is not None:
            self._router.send(message)

    def subscribe(
        self,
        *,
        interface: str,
        member: str,
        path: str | None = None,
        path_namespace: str | None = None,
        queue: Queue[Any] | None = None,
    ) -> tuple[Any, Queue[Any]]:
        """Ask the bus for the signals ``interface.member`` on ``path`` (or every path under
        ``path_namespace``), from any sender (the caller checks it), and return (filter
        handle, the queue they arrive in: ``queue``, or a new one)."""
        jeepney = _jeepney()
        rule = jeepney.MatchRule(
            type="signal",
            interface=interface,
            member=member,
            path=path,
            path_namespace=path_namespace,
        )
        queue = Queue() if queue is None else queue
        handle = self._router.filter(rule, queue=queue) if self._router else None
        reply = self._bus_call("AddMatch", "s", (rule.serialise(),))
        if error_name(reply):
            if handle is not None:
                handle.close()
            raise PortalError(f"AddMatch failed: {error_name(reply)}", reason="bus_refused")
        return handle, queue

    def _bus_call(self, member: str, signature: str, body: tuple[Any, ...]) -> Any:
        jeepney = _jeepney()
        bus = jeepney.DBusAddress(
            "/org/freedesktop/DBus",
            bus_name="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
        )
        if self._router is None:
            raise PortalError("the D-Bus connection is closed", reason="closed")
        try:
            return self._router.send_and_get_reply(
                jeepney.new_method_call(bus, member, signature, body), timeout=CALL_TIMEOUT
            )
        except TimeoutError as exc:
            raise PortalTimeout(
                "the D-Bus daemon did not answer", reason="no_reply", timeout=CALL_TIMEOUT
            ) from exc

    def version(self, interface: str, timeout: float = CALL_TIMEOUT) -> int:
        """The ``version`` property of a portal interface; raises PortalUnavailable when the
        portal or the interface is missing (the property is the documented way to ask)."""
        reply = self.call(
            OBJECT_PATH,
            PROPERTIES,
            "Get",
            signature="ss",
            body=(interface, "version"),
            timeout=timeout,
        )
        name = error_name(reply)
        if name:
            detail = reply.body[0] if reply.body else ""
            raise PortalUnavailable(
                f"no {interface} portal: {name} {detail}".strip(),
                reason="no_interface" if name != _SERVICE_UNKNOWN else "no_portal",
                interface=interface,
                error=name,
            )
        signature, value = reply.body[0]
        if signature != "u" or not isinstance(value, int) or value < 1:
            raise PortalUnavailable(
                f"{interface} reports version {value!r}", reason="no_interface", interface=interface
            )
        return value

    def request(
        self,
        interface: str,
        member: str,
        signature: str,
        args: tuple[Any, ...],
        options: dict[str, tuple[str, Any]],
        *,
        timeout: float,
    ) -> tuple[int, dict[str, Any]]:
        """Make a portal call that answers through a Request object; wait for its Response.

        ``options`` is the call's trailing ``a{sv}`` (without ``handle_token``: added here).
        Returns (response code, results with variants unwrapped). Raises PortalTimeout when
        no Response comes in ``timeout`` seconds (the request is then closed), PortalError
        when the call itself is refused, PortalUnavailable when the method is unknown.
        """
        deadline = time.monotonic() + timeout
        token = f"ticketwise_{secrets.token_hex(8)}"
        expected = request_path(self.unique_name, token)
        # Subscribe first: the portal may emit Response before (or right after) its reply.
        # To every request path, not only the expected one: a portal older than 0.9 picks its
        # own path, and its Response may come before we could subscribe to that one.
        handle, queue = self.subscribe(
            path_namespace=REQUEST_ROOT, interface=REQUEST, member="Response"
        )
        try:
            reply = self.call(
                OBJECT_PATH,
                interface,
                member,
                signature=signature,
                body=(*args, {**options, "handle_token": ("s", token)}),
                timeout=min(CALL_TIMEOUT, max(deadline - time.monotonic(), 0.001)),
            )
            name = error_name(reply)
            if name:
                detail = reply.body[0] if reply.body else ""
                error = PortalUnavailable if name in _ABSENT_ERRORS else PortalError
                raise error(
                    f"{interface}.{member} failed: {name} {detail}".strip(),
                    reason="no_interface" if error is PortalUnavailable else "refused",
                    interface=interface,
                    error=name,
                )
            portal = self.portal_name
            path = str(reply.body[0])
            if path != expected:  # a portal older than 0.9: follow its path (the docs say so)
                log.info("the portal chose request path %s, not %s", path, expected)
            while True:
                try:
                    signal = queue.get(timeout=max(deadline - time.monotonic(), 0.0))
                except Empty:
                    self._close_request(path)
                    raise PortalTimeout(
                        f"no answer from the portal in {timeout:g} s",
                        reason="no_response",
                        timeout=timeout,
                    ) from None
                fields = signal.header.fields
                if fields.get(_jeepney().HeaderFields.path) != path:
                    continue  # another request's answer
                sender = fields.get(_jeepney().HeaderFields.sender, "")
                if portal and sender != portal:
                    log.warning("ignored a Response on %s from %s, not the portal", path, sender)
                    continue
                break
        finally:
            handle.close()
        code, results = signal.body
        return int(code), {str(k): unwrap(v) for k, v in results.items()}

    def _close_request(self, path: str) -> None:
        """Tell the portal we stopped waiting (its dialog goes away); no reply awaited."""
        jeepney = _jeepney()
        address = jeepney.DBusAddress(path, bus_name=BUS_NAME, interface=REQUEST)
        try:
            self.send(jeepney.new_method_call(address, "Close"))
        except OSError:
            log.debug("closing request %s failed", path, exc_info=True)


_SERVICE_UNKNOWN = "org.freedesktop.DBus.Error.ServiceUnknown"


def error_name(message: Any) -> str:
    """The D-Bus error name of a reply, "" when it is not an error."""
    jeepney = _jeepney()
    if message.header.message_type != jeepney.MessageType.error:
        return ""
    return str(message.header.fields.get(jeepney.HeaderFields.error_name, "error"))


def unwrap(value: Any) -> Any:
    """A jeepney variant ``(signature, value)`` as its value (nested variants too)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        signature, inner = value
        if signature == "v":
            return unwrap(inner)
        return inner
    return value


def request_path(unique_name: str, token: str) -> str:
    """The Request object path the portal will use for our ``handle_token``."""
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{OBJECT_PATH}/request/{sender}/{token}"


def file_uri_path(uri: str) -> Path:
    """The local path of a ``file://`` URI (percent-decoded); PortalError for anything else."""
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost") or not parts.path:
        raise PortalError(f"the portal answered {uri!r}, not a local file", reason="bad_uri")
    return Path(unquote(parts.path))


def portal_available(bus_address: str | None = None) -> bool:
    """Whether this session has a portal with the Screenshot interface (asks the bus: this
    may start xdg-desktop-portal through D-Bus activation, which can take a few seconds)."""
    try:
        with PortalBus(bus_address) as bus:
            bus.version(SCREENSHOT, timeout=CALL_TIMEOUT)
    except PortalError as exc:
        log.info("no screenshot portal: %s", exc)
        return False
    return True


def portal_screenshot(
    parent_window: str = "",
    interactive: bool = False,
    timeout: float = 120.0,
    bus_address: str | None = None,
) -> bytes:
    """Take a screenshot through the desktop portal; return the image file's bytes (PNG).

    ``parent_window`` is a portal window identifier (see the module docstring), passed on
    verbatim. ``interactive`` asks for the portal's own dialog (area, window, delay) instead
    of an immediate full-screen shot. ``timeout`` bounds the whole exchange, the user's time
    in that dialog included.

    Raises :class:`~app.core.errors.Cancelled` when the user cancels the portal's dialog,
    :class:`PortalUnavailable` when there is no portal with a Screenshot interface,
    :class:`PortalTimeout` when it does not answer in time, :class:`PortalError` otherwise.
    """
    deadline = time.monotonic() + timeout
    with PortalBus(bus_address) as bus:
        version = bus.version(SCREENSHOT, timeout=min(CALL_TIMEOUT, timeout))
        log.debug("screenshot portal version %d", version)
        # "interactive" is documented from version 2; older portals ignore unknown options.
        options = {"modal": ("b", True), "interactive": ("b", interactive)}
        try:
            code, results = bus.request(
                SCREENSHOT,
                "Screenshot",
                "sa{sv}",
                (parent_window,),
                options,
                timeout=max(deadline - time.monotonic(), 0.001),
            )
        except PortalTimeout as exc:  # say the caller's timeout, not what was left of it
            raise PortalTimeout(
                f"no answer from the screenshot portal in {timeout:g} s",
                reason=exc.params.get("reason", "no_response"),
                timeout=timeout,
            ) from exc
    if code == 1:
        raise Cancelled("the screenshot was cancelled in the portal's dialog")
    if code != 0:
        raise PortalError(
            f"the portal could not take the screenshot (response {code})",
            reason="portal_response",
            response=code,
        )
    uri = results.get("uri")
    if not isinstance(uri, str) or not uri:
        raise PortalError("the portal answered without a file", reason="bad_uri")
    path = file_uri_path(uri)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PortalError(
            f"cannot read the portal's screenshot {path}: {exc}",
            reason="unreadable",
            path=str(path),
        ) from exc
    if not data:
        raise PortalError(f"the portal's screenshot {path} is empty", reason="unreadable")
    log.info("portal screenshot: %s, %d bytes", path, len(data))
    return data
