"""The name of the control under a point, through AT-SPI (Linux's accessibility bus), for the
steps recorder: "Clicked (left) on 'Save' in 'Invoice'".

How: the session bus's ``org.a11y.Bus.GetAddress`` gives the accessibility bus; the registry's
root lists the applications; the top-level frame whose name is the clicked window's title is
asked ``org.a11y.atspi.Component.GetAccessibleAtPoint`` (screen coordinates) down to the
deepest child; that child's ``Name`` is the control's. Each call has a short timeout and the
whole look-up a budget: it runs on a worker of the step collector, never on the listener.

What it cannot see: applications that do not register with AT-SPI. GTK does whenever the bus
exists; Qt only while accessibility is on (a screen reader, the desktop's accessibility
setting, or ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``). We do not switch it on for the session
(``org.a11y.Status.IsEnabled``): that would slow every application down. Without a name the
step keeps the window title, which is enough.

Typed text must not leak through here: an editable control's AT-SPI name can be its contents
(editable combo boxes, some entries). Controls that are editable, or whose role is a text
role, give no name.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from app.core.steps import ControlName

log = logging.getLogger(__name__)

CALL_TIMEOUT = 0.05  # seconds per D-Bus call
BUDGET = 0.25  # seconds for one look-up, all calls together
NULL_PATH = "/org/a11y/atspi/null"
ROOT = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
STATE_EDITABLE = 7  # AtspiStateType ATSPI_STATE_EDITABLE: bit 7 of the first word
COORD_SCREEN = 0
# Roles (by their AT-SPI names, which are stable) whose name may be what the user typed.
# AT-SPI role names -> the step's kinds of control (app.core.steps.ROLES)
ATSPI_ROLES = {
    "push button": "button",
    "toggle button": "toggle button",
    "check box": "check box",
    "radio button": "radio button",
    "menu item": "menu item",
    "check menu item": "menu item",
    "radio menu item": "menu item",
    "menu": "menu",
    "page tab": "tab",
    "link": "link",
    "list item": "list item",
    "tree item": "tree item",
    "table cell": "cell",
    "icon": "icon",
    "slider": "slider",
}

TEXT_ROLES = frozenset(
    {
        "text",
        "password text",
        "entry",
        "terminal",
        "editbar",
        "paragraph",
        "document text",
        "combo box",
        "spin button",
        "table cell",
        "autocomplete",
        "date editor",
    }
)
MAX_DEPTH = 32


class _OutOfTime(Exception):
    pass


class AtspiNamer:
    """``control_at(x, y, window_title) -> name`` ("" when unknown). Use from one thread.

    The first call connects; when there is no session bus or no accessibility bus the namer
    turns itself off and answers "" at once from then on.
    """

    def __init__(self, *, call_timeout: float = CALL_TIMEOUT, budget: float = BUDGET) -> None:
        self._call_timeout = call_timeout
        self._budget = budget
        self._connection: Any = None
        self._off = False
        self._deadline = 0.0

    def __call__(self, x: int, y: int, window_title: str) -> str:
        return self.control_at(x, y, window_title)

    def control_at(self, x: int, y: int, window_title: str) -> str:
        if self._off or not window_title:
            return ""
        self._deadline = time.monotonic() + self._budget
        try:
            if self._connection is None:
                self._connection = self._connect()
            return self._look_up(x, y, window_title)
        except _OutOfTime:
            log.debug("AT-SPI did not answer within %.0f ms", self._budget * 1000)
            return ""
        except (OSError, ValueError, KeyError, ImportError) as error:
            log.info("no control names from AT-SPI: %s", error)
            self.close()
            self._off = True
            return ""
        except Exception as error:  # a D-Bus error reply: this look-up only
            log.debug("AT-SPI look-up failed: %s", error)
            return ""

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- inside ------------------------------------------------------------------------------------

    def _connect(self) -> Any:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        session = open_dbus_connection("SESSION")
        try:
            bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
            reply = session.send_and_get_reply(
                new_method_call(bus, "GetAddress"), timeout=self._remaining()
            )
            if reply.header.message_type.name != "method_return":
                raise OSError(f"org.a11y.Bus.GetAddress failed: {reply.body}")
            address = str(reply.body[0])
        finally:
            session.close()
        return open_dbus_connection(address)

    def _remaining(self) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise _OutOfTime
        return min(self._call_timeout, left)

    def _call(
        self, node: tuple[str, str], interface: str, method: str, signature: str = "", *body: Any
    ) -> Any:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(node[1], bus_name=node[0], interface=interface)
        message = new_method_call(address, method, signature or None, body)
        try:
            reply = self._connection.send_and_get_reply(message, timeout=self._remaining())
        except TimeoutError:
            raise _OutOfTime from None
        if reply.header.message_type.name != "method_return":
            raise RuntimeError(f"{interface}.{method}: {reply.body}")
        return reply.body

    def _name(self, node: tuple[str, str]) -> str:
        body = self._call(node, "org.freedesktop.DBus.Properties", "Get", "ss", ACCESSIBLE, "Name")
        return str(body[0][1])

    def _look_up(self, x: int, y: int, window_title: str) -> str:
        for app in self._call(ROOT, ACCESSIBLE, "GetChildren")[0]:
            for child in self._call(tuple(app), ACCESSIBLE, "GetChildren")[0]:
                frame = (str(child[0]), str(child[1]))
                if self._name(frame) != window_title:
                    continue
                node = self._deepest(frame, x, y)
                if node is not None and node != frame:
                    return self._safe_name(node)
        return ""

    def _deepest(self, node: tuple[str, str], x: int, y: int) -> tuple[str, str] | None:
        found = None
        for _ in range(MAX_DEPTH):
            reply = self._call(node, COMPONENT, "GetAccessibleAtPoint", "iiu", x, y, COORD_SCREEN)
            child = (str(reply[0][0]), str(reply[0][1]))
            if child[1] == NULL_PATH or child == node:
                break
            node = found = child
        return found

    def _safe_name(self, node: tuple[str, str]) -> str:
        """The name (with the kind of control), unless the control holds text the user may
        have typed."""
        role = str(self._call(node, ACCESSIBLE, "GetRoleName")[0])
        states = self._call(node, ACCESSIBLE, "GetState")[0]
        if role in TEXT_ROLES or (states and int(states[0]) & (1 << STATE_EDITABLE)):
            return ""
        name = " ".join(self._name(node).split())[:80]
        return ControlName(name, ATSPI_ROLES.get(role, "")) if name else ""
