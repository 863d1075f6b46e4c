"""The capture hotkey on Wayland: ``org.freedesktop.portal.GlobalShortcuts`` over D-Bus.

Wayland gives no client a global key grab; the desktop owns the keyboard. Through this portal
the app *asks* for a shortcut: it creates a session, binds one shortcut (id ``capture``) with
a preferred trigger, and the desktop (KDE Plasma 5.27+, GNOME 48+, Hyprland) may show a dialog
where the user confirms or picks another key. Presses arrive as the portal's ``Activated``
signal, which a listener thread turns into the callback.

What the Response of ``BindShortcuts`` means (the portal docs, and xdg-desktop-portal issue
#1350 on how loosely they say it): ``shortcuts`` lists the shortcuts that were bound, a subset
of those asked for. So:

* ours is missing: nothing is bound (the user declined it in the dialog, or the desktop has
  the key for itself): :class:`~app.capture.hotkeys.HotkeyTaken`;
* ours is there: it is bound. Its ``trigger_description`` is free, possibly translated text
  ("Ctrl+Shift+F12", "Strg+Umschalt+F12", or "" when the user left it without a key for now),
  so it is *not* compared with what we asked for: it is kept in :attr:`trigger_description`
  for the UI to show ("the desktop bound the capture to ...");
* response 1 (the user closed the dialog): :class:`~app.core.errors.Cancelled`, which the
  caller treats as "no hotkey, say nothing";
* no GlobalShortcuts interface (xdg-desktop-portal-wlr and -gtk do not implement it, so sway
  has none) or no portal at all: :class:`~app.capture.hotkeys.HotkeyUnavailable`.

A session can bind its shortcuts only once (the docs say so), so every :meth:`register`
starts a new connection and session and :meth:`unregister` closes them
(``org.freedesktop.portal.Session.Close``).

The key is the desktop's to deliver: whether the focused application also receives it is
the desktop's choice, not ours (KDE and GNOME consume it).
"""

from __future__ import annotations

import logging
import secrets
import threading
from queue import Queue
from typing import Any

from app.capture.hotkeys import Callback, HotkeyTaken, HotkeyUnavailable, KeySequence
from app.capture.portal import (
    CALL_TIMEOUT,
    OBJECT_PATH,
    PortalBus,
    PortalError,
    PortalUnavailable,
    error_name,
)
from app.core.errors import Cancelled

log = logging.getLogger(__name__)

GLOBAL_SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
SESSION = "org.freedesktop.portal.Session"
REGISTRY = "org.freedesktop.host.portal.Registry"
SHORTCUT_ID = "capture"
DEFAULT_DESCRIPTION = "Capture the screen for a new ticket"

# Our portable names -> the XDG shortcuts spec's: modifiers as XKB_MOD_NAME_* spell them in
# the spec (CTRL, ALT, SHIFT, NUM, LOGO), keys as xkbcommon keysym names without XKB_KEY_.
_SPEC_MODIFIERS = {"ctrl": "CTRL", "shift": "SHIFT", "alt": "ALT", "meta": "LOGO"}
_SPEC_KEYS = {
    "Print": "Print",
    "Escape": "Escape",
    "Space": "space",
    "Return": "Return",
    "Tab": "Tab",
    "Backspace": "BackSpace",
    "Delete": "Delete",
    "Insert": "Insert",
    "Home": "Home",
    "End": "End",
    "PageUp": "Page_Up",
    "PageDown": "Page_Down",
    "Left": "Left",
    "Right": "Right",
    "Up": "Up",
    "Down": "Down",
    "Pause": "Pause",
}
_MODIFIER_ORDER = ("ctrl", "alt", "shift", "meta")

_STOP = object()  # tells the listener thread to end


def portal_trigger(sequence: KeySequence) -> str:
    """``sequence`` in the XDG shortcuts spec's syntax, e.g. ``CTRL+SHIFT+F12``, ``LOGO+a``.

    Letters are the lower-case keysyms (``a``: the key, not the shifted character), digits
    and F-keys keep their names.
    """
    key = sequence.key
    key = key.lower() if len(key) == 1 and key.isalpha() else _SPEC_KEYS.get(key, key)
    mods = [_SPEC_MODIFIERS[m] for m in _MODIFIER_ORDER if m in sequence.modifiers]
    return "+".join([*mods, key])


class PortalHotkeys:
    """:class:`~app.capture.hotkeys.HotkeyBackend` on the GlobalShortcuts portal.

    ``bus_address`` is a D-Bus address (None: the session bus). ``app_id`` is the basename
    of our .desktop file: portals 1.19.4+ want unsandboxed apps to register it
    (``org.freedesktop.host.portal.Registry``) so the desktop can name and remember the
    shortcut; older ones have no registry and guess. ``description`` is what the desktop
    shows for the shortcut (pass a translated text). ``timeout`` bounds each portal request,
    the user's time in the desktop's dialog included.
    """

    name = "portal"

    def __init__(
        self,
        bus_address: str | None = None,
        app_id: str = "ticketwise",
        *,
        description: str = DEFAULT_DESCRIPTION,
        timeout: float = 120.0,
    ) -> None:
        self._bus_address = bus_address
        self._app_id = app_id
        self._description = description
        self._timeout = timeout
        self._lock = threading.Lock()
        self._bus: PortalBus | None = None
        self._session = ""
        self._filters: list[Any] = []
        self._queue: Queue[Any] = Queue()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.trigger_description = ""
        """How the desktop says the shortcut is triggered, after :meth:`register` ("" when it
        did not say, or the user left it without a key)."""

    # -- HotkeyBackend -----------------------------------------------------------------

    def register(self, sequence: KeySequence, callback: Callback) -> None:
        """Bind ``sequence`` as the capture shortcut; ``callback`` runs on the listener thread.

        Raises HotkeyUnavailable (no portal, or no GlobalShortcuts in it), HotkeyTaken (the
        desktop bound nothing) or Cancelled (the user closed the desktop's dialog).
        """
        with self._lock:
            if self._closed:
                raise HotkeyUnavailable(
                    "the hotkey backend is closed", sequence=str(sequence), backend=self.name
                )
            self._release()
            try:
                self._bind(sequence, callback)
            except BaseException:
                self._release()
                raise

    def unregister(self) -> None:
        """Close the portal session (the desktop forgets the binding for now). Idempotent."""
        with self._lock:
            self._release()

    def close(self) -> None:
        """Release everything; the object is done. Idempotent."""
        with self._lock:
            self._release()
            self._closed = True

    # -- the portal exchange -------------------------------------------------------------

    def _unavailable(self, sequence: KeySequence, exc: PortalError) -> HotkeyUnavailable:
        reason = str(exc.params.get("reason", exc.kind))
        return HotkeyUnavailable(
            f"no global shortcuts portal: {exc}",
            sequence=str(sequence),
            backend=self.name,
            reason=reason,
        )

    def _bind(self, sequence: KeySequence, callback: Callback) -> None:
        try:
            bus = self._bus = PortalBus(self._bus_address)
            self._register_app_id(bus)
            version = bus.version(GLOBAL_SHORTCUTS, timeout=min(CALL_TIMEOUT, self._timeout))
        except PortalError as exc:
            raise self._unavailable(sequence, exc) from exc
        log.debug("GlobalShortcuts portal version %d", version)

        # Listen before binding: a press right after the dialog closes must not be lost.
        handle, activated = bus.subscribe(
            path=OBJECT_PATH, interface=GLOBAL_SHORTCUTS, member="Activated"
        )
        self._filters.append(handle)
        self._queue = activated

        try:
            code, results = bus.request(
                GLOBAL_SHORTCUTS,
                "CreateSession",
                "a{sv}",
                (),
                {"session_handle_token": ("s", f"ticketwise_{secrets.token_hex(8)}")},
                timeout=self._timeout,
            )
            self._check(code, sequence, "CreateSession")
            session = str(results.get("session_handle") or "")
            if not session.startswith("/"):
                raise HotkeyUnavailable(
                    f"the portal created no session ({session!r})",
                    sequence=str(sequence),
                    backend=self.name,
                    reason="no_session",
                )
            self._session = session
            # The session's Closed signal shares Activated's queue: one listener thread.
            closed_handle, _ = bus.subscribe(
                path=session, interface=SESSION, member="Closed", queue=activated
            )
            self._filters.append(closed_handle)

            trigger = portal_trigger(sequence)
            shortcut = {
                "description": ("s", self._description),
                "preferred_trigger": ("s", trigger),
            }
            code, results = bus.request(
                GLOBAL_SHORTCUTS,
                "BindShortcuts",
                "oa(sa{sv})sa{sv}",
                (session, [(SHORTCUT_ID, shortcut)], ""),
                {},
                timeout=self._timeout,
            )
            self._check(code, sequence, "BindShortcuts")
        except PortalUnavailable as exc:
            raise self._unavailable(sequence, exc) from exc
        except PortalError as exc:
            raise HotkeyUnavailable(
                f"the global shortcuts portal failed: {exc}",
                sequence=str(sequence),
                backend=self.name,
                reason=str(exc.params.get("reason", exc.kind)),
            ) from exc

        bound = {str(sid): info for sid, info in results.get("shortcuts") or []}
        if SHORTCUT_ID not in bound:
            raise HotkeyTaken(
                f"the desktop did not bind {sequence} (declined, or its own key)",
                sequence=str(sequence),
                backend=self.name,
            )
        described = bound[SHORTCUT_ID].get("trigger_description", ("s", ""))
        self.trigger_description = str(described[1] if isinstance(described, tuple) else described)
        if self.trigger_description and self.trigger_description != str(sequence):
            log.info(
                "asked the desktop for %s (%s); it says: %s",
                sequence,
                trigger,
                self.trigger_description,
            )

        portal_name = bus.portal_name
        self._thread = threading.Thread(
            target=self._listen,
            args=(activated, session, portal_name, callback),
            name="hotkey-portal",
            daemon=True,
        )
        self._thread.start()

    def _register_app_id(self, bus: PortalBus) -> None:
        """Tell portals 1.19.4+ who we are; must come before any other portal call."""
        if not self._app_id:
            return
        reply = bus.call(
            OBJECT_PATH,
            REGISTRY,
            "Register",
            signature="sa{sv}",
            body=(self._app_id, {}),
            timeout=min(CALL_TIMEOUT, self._timeout),
        )
        name = error_name(reply)
        if name:  # an older portal (no registry) or a sandboxed app: the portal guesses
            log.debug("host app registry: %s %s", name, reply.body[:1])

    def _check(self, code: int, sequence: KeySequence, step: str) -> None:
        if code == 1:
            raise Cancelled(f"the global shortcut was declined in the desktop's dialog ({step})")
        if code != 0:
            raise HotkeyUnavailable(
                f"the portal refused {step} (response {code})",
                sequence=str(sequence),
                backend=self.name,
                reason="portal_response",
                response=code,
            )

    def _listen(self, queue: Queue[Any], session: str, portal: str, callback: Callback) -> None:
        """The listener thread: Activated for our session and shortcut -> callback."""
        while True:
            message = queue.get()
            if message is _STOP:
                return
            sender = message.header.fields.get(_sender_field(), "")
            if portal and sender != portal:
                continue  # another peer on the bus cannot press our key
            member = message.header.fields.get(_member_field(), "")
            if member == "Closed":
                log.warning("the desktop closed the global shortcuts session %s", session)
                return
            if len(message.body) < 2 or message.body[0] != session:
                continue
            if message.body[1] != SHORTCUT_ID:
                continue
            try:
                callback()
            except Exception:
                log.exception("the capture hotkey's callback failed")

    def _release(self) -> None:
        """Close the session, stop the listener, drop the connection (lock held)."""
        bus, self._bus = self._bus, None
        session, self._session = self._session, ""
        thread, self._thread = self._thread, None
        if bus is not None and session:
            try:
                reply = bus.call(session, SESSION, "Close", timeout=5.0)
                if error_name(reply):
                    log.debug("Session.Close: %s", error_name(reply))
            except PortalError:
                log.debug("closing the portal session failed", exc_info=True)
        for handle in self._filters:
            handle.close()
        self._filters = []
        if thread is not None:
            self._queue.put(_STOP)
            if thread is not threading.current_thread():  # the callback may unregister
                thread.join(timeout=5.0)
        if bus is not None:
            bus.close()
        self.trigger_description = ""


def _sender_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.sender


def _member_field() -> Any:
    from jeepney import HeaderFields

    return HeaderFields.member
