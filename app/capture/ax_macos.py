"""The name of the control under a click on macOS, through the Accessibility API (AX), for the
steps recorder: "Clicked (left) on 'Save' in 'Invoice'". The macOS twin of
:class:`app.capture.atspi.AtspiNamer`; untested on real macOS (the unit tests use fakes).

How: ``AXUIElementCopyElementAtPosition`` on the system-wide element (global coordinates in
points, top-left origin: the space of the recorder's clicks), then that element's ``AXRole``,
``AXSubrole`` and ``AXTitle`` (``AXDescription`` for a button that only shows an icon). Every
AX message has a short timeout (``AXUIElementSetMessagingTimeout``): a hung application costs
one look-up a quarter of a second, never the recorder.

Permission: AX answers only processes the user trusts (System Settings → Privacy & Security →
Accessibility). ``AXIsProcessTrusted()`` is asked without the prompt: the recorder already asks
for Input Monitoring, and a second dialog nobody explained would confuse; without the grant the
step keeps the window title, which is enough.

Typed text must not leak through here: the value of a control is never read, and text fields,
text areas, combo boxes, search and secure (password) fields give no name at all.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

from app.core.steps import ControlName

log = logging.getLogger(__name__)

APPLICATION_SERVICES = (
    "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"
)
CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
K_CF_STRING_ENCODING_UTF8 = 0x08000100
K_AX_ERROR_SUCCESS = 0
MESSAGING_TIMEOUT = 0.25  # seconds for one AX message
MAX_NAME = 120  # characters: a caption, not a paragraph

# Roles and subroles whose title may be, or sit beside, what the user types.
TEXT_ROLES = frozenset({"AXTextField", "AXTextArea", "AXComboBox", "AXSecureTextField"})
# AXRole / AXSubrole -> the step's kinds of control (app.core.steps.ROLES)
AX_ROLES = {
    "AXButton": "button",
    "AXPopUpButton": "button",
    "AXMenuButton": "button",
    "AXCheckBox": "check box",
    "AXRadioButton": "radio button",
    "AXMenuItem": "menu item",
    "AXMenuBarItem": "menu",
    "AXLink": "link",
    "AXCell": "cell",
    "AXSlider": "slider",
}
AX_SUBROLES = {"AXTabButton": "tab", "AXToggle": "toggle button", "AXSwitch": "toggle button"}
TEXT_SUBROLES = frozenset({"AXSecureTextField", "AXSearchField"})


def _load() -> tuple[Any, Any]:
    ax = ctypes.CDLL(APPLICATION_SERVICES)
    cf = ctypes.CDLL(CORE_FOUNDATION)
    p, i32, index, u32 = ctypes.c_void_p, ctypes.c_int32, ctypes.c_long, ctypes.c_uint32
    for lib, name, restype, argtypes in (
        (ax, "AXIsProcessTrusted", ctypes.c_bool, []),
        (ax, "AXUIElementCreateSystemWide", p, []),
        (ax, "AXUIElementSetMessagingTimeout", i32, [p, ctypes.c_float]),
        (
            ax,
            "AXUIElementCopyElementAtPosition",
            i32,
            [p, ctypes.c_float, ctypes.c_float, ctypes.POINTER(p)],
        ),
        (ax, "AXUIElementCopyAttributeValue", i32, [p, p, ctypes.POINTER(p)]),
        (cf, "CFStringCreateWithCString", p, [p, ctypes.c_char_p, u32]),
        (cf, "CFGetTypeID", ctypes.c_ulong, [p]),
        (cf, "CFStringGetTypeID", ctypes.c_ulong, []),
        (cf, "CFStringGetLength", index, [p]),
        (cf, "CFStringGetMaximumSizeForEncoding", index, [index, u32]),
        (cf, "CFStringGetCString", ctypes.c_bool, [p, ctypes.c_char_p, index, u32]),
        (cf, "CFRelease", None, [p]),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    return ax, cf


class AXNamer:
    """``namer(x, y, window_title) -> name`` ("" when unknown). Use from one thread (the step
    collector's naming worker). ``ax``/``cf`` are ApplicationServices and CoreFoundation (a
    test seam; loaded at the first call). Turns itself off, answering "" at once, when the
    frameworks cannot load or the process is not trusted for Accessibility."""

    def __init__(self, ax: Any = None, cf: Any = None) -> None:
        self._ax, self._cf = ax, cf
        self._system = 0
        self._attributes: dict[str, int] = {}  # attribute name -> its CFString (kept)
        self._off = False

    def __call__(self, x: int, y: int, window_title: str) -> str:
        if self._off:
            return ""
        try:
            if not self._system and not self._open():
                return ""
            return self._name_at(x, y)
        except (OSError, AttributeError) as error:
            log.info("no control names from Accessibility: %s", error)
            self._off = True
            return ""

    def close(self) -> None:
        """Release the system-wide element and the attribute names."""
        if self._cf is None:
            return
        for ref in (self._system, *self._attributes.values()):
            if ref:
                self._cf.CFRelease(ref)
        self._system = 0
        self._attributes = {}

    # -- inside --------------------------------------------------------------------------------

    def _open(self) -> bool:
        if self._ax is None or self._cf is None:
            self._ax, self._cf = _load()
        if not self._ax.AXIsProcessTrusted():
            log.info("Accessibility is not allowed for Ticketwise: steps keep the window title")
            self._off = True
            return False
        system = self._ax.AXUIElementCreateSystemWide()
        if not system:
            raise OSError("AXUIElementCreateSystemWide returned NULL")
        self._system = int(system)
        # Set on the system-wide element, the timeout applies to every element (Apple's docs).
        self._ax.AXUIElementSetMessagingTimeout(self._system, MESSAGING_TIMEOUT)
        return True

    def _name_at(self, x: int, y: int) -> str:
        element = ctypes.c_void_p()
        status = self._ax.AXUIElementCopyElementAtPosition(
            self._system, float(x), float(y), ctypes.byref(element)
        )
        if status != K_AX_ERROR_SUCCESS or not element.value:
            return ""  # nothing there, or the application does not answer (in time)
        try:
            role = self._string(element.value, "AXRole")
            if role in TEXT_ROLES:
                return ""
            subrole = self._string(element.value, "AXSubrole")
            if subrole in TEXT_SUBROLES:
                return ""
            name = self._string(element.value, "AXTitle") or self._string(
                element.value, "AXDescription"
            )
            name = " ".join(name.split())[:MAX_NAME]
            kind = AX_SUBROLES.get(subrole) or AX_ROLES.get(role, "")
            return ControlName(name, kind) if name else ""
        finally:
            self._cf.CFRelease(element.value)

    def _attribute(self, name: str) -> int:
        ref = self._attributes.get(name)
        if ref is None:
            ref = self._cf.CFStringCreateWithCString(
                None, name.encode("ascii"), K_CF_STRING_ENCODING_UTF8
            )
            if not ref:
                raise OSError(f"CFStringCreateWithCString failed for {name}")
            ref = self._attributes[name] = int(ref)
        return ref

    def _string(self, element: int, name: str) -> str:
        """A string attribute of ``element`` ("" when missing or not a string)."""
        value = ctypes.c_void_p()
        status = self._ax.AXUIElementCopyAttributeValue(
            element, self._attribute(name), ctypes.byref(value)
        )
        if status != K_AX_ERROR_SUCCESS or not value.value:
            return ""
        try:
            if self._cf.CFGetTypeID(value.value) != self._cf.CFStringGetTypeID():
                return ""
            size = (
                self._cf.CFStringGetMaximumSizeForEncoding(
                    self._cf.CFStringGetLength(value.value), K_CF_STRING_ENCODING_UTF8
                )
                + 1
            )
            buffer = ctypes.create_string_buffer(size)
            if not self._cf.CFStringGetCString(
                value.value, buffer, size, K_CF_STRING_ENCODING_UTF8
            ):
                return ""
            return buffer.value.decode("utf-8", "replace")
        finally:
            self._cf.CFRelease(value.value)
