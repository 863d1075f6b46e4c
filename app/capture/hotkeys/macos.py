"""macOS global hotkey: Carbon ``RegisterEventHotKey``, through ctypes.

Carbon hot keys are still the supported way to get a system-wide shortcut that is consumed
(the frontmost app does not see it) and needs no Accessibility permission, unlike an event tap.
The press arrives as a Carbon event (``kEventClassKeyboard`` / ``kEventHotKeyPressed``) on the
application event target, dispatched by the main run loop, which Qt's Cocoa event loop runs.

**Threading:** :meth:`MacHotkeys.register`, :meth:`~MacHotkeys.unregister` and
:meth:`~MacHotkeys.close` must be called on the main thread (the Qt GUI thread); the callback
then runs on the main thread too. A call from another thread raises ``RuntimeError`` (a bug in
the caller, not something the user can act on).

Keys: a Mac keyboard has no Print Screen, Insert or Pause key; a PC keyboard on a Mac sends
F13, Help and F15 for them (Apple's mapping), so those are the codes used. There are no key
codes above F20: F21-F24 are refused with :class:`HotkeySyntaxError` (pick another key).
"""

from __future__ import annotations

import ctypes
import logging
import threading
from typing import Any

from app.capture.hotkeys import (
    Callback,
    HotkeySyntaxError,
    HotkeyTaken,
    HotkeyUnavailable,
    KeySequence,
)

log = logging.getLogger(__name__)

BACKEND = "macos"
CARBON = "/System/Library/Frameworks/Carbon.framework/Carbon"


def four_cc(code: str) -> int:
    """A Mac OSType ("keyb") as its 32-bit number."""
    return int.from_bytes(code.encode("ascii"), "big")


NO_ERR = 0
EVENT_NOT_HANDLED_ERR = -9874
EVENT_HOT_KEY_EXISTS_ERR = -9878
EVENT_HOT_KEY_INVALID_ERR = -9879
K_EVENT_CLASS_KEYBOARD = four_cc("keyb")
K_EVENT_HOT_KEY_PRESSED = 5
K_EVENT_PARAM_DIRECT_OBJECT = four_cc("----")
TYPE_EVENT_HOT_KEY_ID = four_cc("hkid")
SIGNATURE = four_cc("TWhk")  # ours, to recognise our hot key among the app's events
HOTKEY_ID = 1

CMD_KEY = 1 << 8
SHIFT_KEY = 1 << 9
OPTION_KEY = 1 << 11
CONTROL_KEY = 1 << 12

MAC_MODIFIERS: dict[str, int] = {
    "ctrl": CONTROL_KEY,
    "shift": SHIFT_KEY,
    "alt": OPTION_KEY,
    "meta": CMD_KEY,  # one meaning everywhere: the Command key (see hotkeys.MODIFIERS)
}

# kVK_* from HIToolbox/Events.h (ANSI positions: the key, whatever the layout prints on it).
MAC_KEY_CODES: dict[str, int] = {
    "A": 0x00, "S": 0x01, "D": 0x02, "F": 0x03, "H": 0x04, "G": 0x05, "Z": 0x06, "X": 0x07,
    "C": 0x08, "V": 0x09, "B": 0x0B, "Q": 0x0C, "W": 0x0D, "E": 0x0E, "R": 0x0F, "Y": 0x10,
    "T": 0x11, "1": 0x12, "2": 0x13, "3": 0x14, "4": 0x15, "6": 0x16, "5": 0x17, "9": 0x19,
    "7": 0x1A, "8": 0x1C, "0": 0x1D, "O": 0x1F, "U": 0x20, "I": 0x22, "P": 0x23, "L": 0x25,
    "J": 0x26, "K": 0x28, "N": 0x2D, "M": 0x2E,
    "Return": 0x24, "Tab": 0x30, "Space": 0x31, "Backspace": 0x33, "Escape": 0x35,
    "F17": 0x40, "F18": 0x4F, "F19": 0x50, "F20": 0x5A,
    "F5": 0x60, "F6": 0x61, "F7": 0x62, "F3": 0x63, "F8": 0x64, "F9": 0x65, "F11": 0x67,
    "F13": 0x69, "F16": 0x6A, "F14": 0x6B, "F10": 0x6D, "F12": 0x6F, "F15": 0x71,
    "Home": 0x73, "PageUp": 0x74, "Delete": 0x75, "F4": 0x76, "End": 0x77, "F2": 0x78,
    "PageDown": 0x79, "F1": 0x7A, "Left": 0x7B, "Right": 0x7C, "Down": 0x7D, "Up": 0x7E,
    "Print": 0x69,  # kVK_F13: what Print Screen sends on a Mac
    "Insert": 0x72,  # kVK_Help
    "Pause": 0x71,  # kVK_F15
}  # fmt: skip

NO_MAC_KEY: frozenset[str] = frozenset({"F21", "F22", "F23", "F24"})


def mac_modifiers(sequence: KeySequence) -> int:
    mask = 0
    for name in sequence.modifiers:
        mask |= MAC_MODIFIERS[name]
    return mask


class EventHotKeyID(ctypes.Structure):
    _fields_ = (("signature", ctypes.c_uint32), ("id", ctypes.c_uint32))


class EventTypeSpec(ctypes.Structure):
    _fields_ = (("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32))


EventHandlerProc = ctypes.CFUNCTYPE(
    ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p
)


def _load() -> Any:
    carbon = ctypes.CDLL(CARBON)
    p, i32, u32 = ctypes.c_void_p, ctypes.c_int32, ctypes.c_uint32
    for name, restype, argtypes in (
        ("GetApplicationEventTarget", p, []),
        ("RegisterEventHotKey", i32, [u32, u32, EventHotKeyID, p, u32, ctypes.POINTER(p)]),
        ("UnregisterEventHotKey", i32, [p]),
        (
            "InstallEventHandler",
            i32,
            [
                p,
                EventHandlerProc,
                ctypes.c_ulong,
                ctypes.POINTER(EventTypeSpec),
                p,
                ctypes.POINTER(p),
            ],
        ),
        ("RemoveEventHandler", i32, [p]),
        ("GetEventParameter", i32, [p, u32, u32, p, ctypes.c_ulong, p, p]),
    ):
        function = getattr(carbon, name)
        function.restype, function.argtypes = restype, argtypes
    return carbon


class MacHotkeys:
    """One global key on macOS. ``carbon`` is for tests (a fake of the Carbon functions)."""

    name = BACKEND

    def __init__(self, carbon: Any = None) -> None:
        if carbon is None:
            try:
                carbon = _load()
            except OSError as error:
                raise HotkeyUnavailable(
                    f"Carbon cannot be loaded ({error})", backend=BACKEND, reason="no_carbon"
                ) from None
        self._carbon = carbon
        self._handler_proc = EventHandlerProc(self._on_event)  # kept alive while installed
        self._handler = ctypes.c_void_p()
        self._hotkey = ctypes.c_void_p()
        self._callback: Callback | None = None
        self._closed = False

    def register(self, sequence: KeySequence, callback: Callback) -> None:
        self._check_thread()
        if self._closed:
            raise HotkeyUnavailable(
                "the hotkey backend is closed", backend=BACKEND, reason="closed"
            )
        if sequence.key in NO_MAC_KEY:
            raise HotkeySyntaxError(
                f"{sequence.key} has no key on a Mac keyboard: pick another key",
                sequence=str(sequence),
                backend=BACKEND,
            )
        self.unregister()
        self._install_handler()
        hotkey = ctypes.c_void_p()
        status = self._carbon.RegisterEventHotKey(
            MAC_KEY_CODES[sequence.key],
            mac_modifiers(sequence),
            EventHotKeyID(SIGNATURE, HOTKEY_ID),
            self._carbon.GetApplicationEventTarget(),
            0,
            ctypes.byref(hotkey),
        )
        if status == EVENT_HOT_KEY_EXISTS_ERR:
            raise HotkeyTaken(
                f"{sequence} is already taken by another application",
                sequence=str(sequence),
                backend=BACKEND,
            )
        if status != NO_ERR:
            raise HotkeyUnavailable(
                f"RegisterEventHotKey failed for {sequence} (OSStatus {status})",
                sequence=str(sequence),
                backend=BACKEND,
                reason=f"osstatus_{status}",
            )
        self._hotkey = hotkey
        self._callback = callback
        log.info("global hotkey %s registered with Carbon", sequence)

    def unregister(self) -> None:
        self._check_thread()
        self._callback = None
        if self._hotkey.value:
            status = self._carbon.UnregisterEventHotKey(self._hotkey)
            if status != NO_ERR:
                log.warning("UnregisterEventHotKey failed (OSStatus %d)", status)
            self._hotkey = ctypes.c_void_p()

    def close(self) -> None:
        if self._closed:
            return
        self.unregister()
        if self._handler.value:
            self._carbon.RemoveEventHandler(self._handler)
            self._handler = ctypes.c_void_p()
        self._closed = True

    # -- internals -------------------------------------------------------------------------------

    @staticmethod
    def _check_thread() -> None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("Carbon hot keys must be registered on the main thread")

    def _install_handler(self) -> None:
        if self._handler.value:
            return
        spec = EventTypeSpec(K_EVENT_CLASS_KEYBOARD, K_EVENT_HOT_KEY_PRESSED)
        handler = ctypes.c_void_p()
        status = self._carbon.InstallEventHandler(
            self._carbon.GetApplicationEventTarget(),
            self._handler_proc,
            1,
            ctypes.byref(spec),
            None,
            ctypes.byref(handler),
        )
        if status != NO_ERR:
            raise HotkeyUnavailable(
                f"InstallEventHandler failed (OSStatus {status})",
                backend=BACKEND,
                reason=f"osstatus_{status}",
            )
        self._handler = handler

    def _on_event(self, call_ref: int | None, event: int | None, user_data: int | None) -> int:
        """The Carbon event handler: our hot key's press runs the callback."""
        hotkey_id = EventHotKeyID()
        status = self._carbon.GetEventParameter(
            event,
            K_EVENT_PARAM_DIRECT_OBJECT,
            TYPE_EVENT_HOT_KEY_ID,
            None,
            ctypes.sizeof(EventHotKeyID),
            None,
            ctypes.byref(hotkey_id),
        )
        if status != NO_ERR or (hotkey_id.signature, hotkey_id.id) != (SIGNATURE, HOTKEY_ID):
            return EVENT_NOT_HANDLED_ERR  # someone else's hot key in this process
        callback = self._callback
        if callback is not None:
            try:
                callback()
            except Exception:
                log.exception("the global hotkey callback failed")  # never into Carbon
        return NO_ERR
