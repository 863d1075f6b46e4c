"""The name of the control under a point, through Windows UI Automation, for the steps recorder:
"Clicked (left) on 'Save' in 'Invoice – Excel'" (what :mod:`app.capture.atspi` does on Linux).

How: ``CoCreateInstance(CLSID_CUIAutomation)`` gives ``IUIAutomation``; its
``ElementFromPoint`` (physical screen pixels, as the recorder's clicks) gives the element;
``get_CurrentIsPassword``, ``get_CurrentControlType`` and ``get_CurrentName`` say what it is.
The COM calls go straight through the vtables with ctypes (no comtypes dependency): the slot
numbers below are the ``IUIAutomationVtbl``/``IUIAutomationElementVtbl`` indices of the SDK's
UIAutomationClient.h, IUnknown's three included. It runs on the step collector's namer worker
(COM initialised there, multithreaded), never on the hook or dispatcher thread: a slow or
hung application delays a name, never the next step.

Typed text must not leak through here: password fields, and controls whose name may be their
contents (edit, document, combo box, spinner, data item: a table cell), give no name; neither
does the window itself (its title is in the step already).
"""

from __future__ import annotations

import ctypes
import logging
import uuid
from typing import Any

from app.capture.recorder_windows import POINT
from app.core.steps import ControlName

log = logging.getLogger(__name__)

CLSID_CUIAUTOMATION = "ff48dba4-60ef-4201-aa87-54103eef594e"
IID_IUIAUTOMATION = "30cbe57d-d9d0-452a-ab13-7ac5ac4825ee"
CLSCTX_INPROC_SERVER = 0x1
COINIT_MULTITHREADED = 0x0
RPC_E_CHANGED_MODE = -2147417850  # 0x80010106: the thread is in another apartment; usable

# vtable slots
RELEASE = 2
ELEMENT_FROM_POINT = 7  # IUIAutomation
GET_CURRENT_CONTROL_TYPE = 21  # IUIAutomationElement
GET_CURRENT_NAME = 23
GET_CURRENT_IS_PASSWORD = 35

# UIA_*ControlTypeId whose name may be what the user typed
TEXT_CONTROL_TYPES = frozenset(
    {
        50003,  # ComboBox (editable ones are named by their text)
        50004,  # Edit
        50016,  # Spinner
        50029,  # DataItem (a table cell)
        50030,  # Document
    }
)
WINDOW_CONTROL_TYPES = frozenset({50032, 50033, 50037})  # Window, Pane, TitleBar
# UIA_*ControlTypeId -> the step's kinds of control (app.core.steps.ROLES)
UIA_ROLES = {
    50000: "button",
    50031: "button",  # SplitButton
    50002: "check box",
    50013: "radio button",
    50011: "menu item",
    50009: "menu",
    50019: "tab",  # TabItem
    50005: "link",  # Hyperlink
    50007: "list item",
    50024: "tree item",
    50015: "slider",
}
MAX_NAME = 80  # characters; a longer "name" is a label of prose, not a control's name

HRESULT = ctypes.c_int32  # LONG: 32 bits on Windows (c_long is 64 on the Linux of the tests)
_FUNCTYPE: Any = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)


class GUID(ctypes.Structure):
    _fields_ = (
        ("Data1", ctypes.c_uint32),
        ("Data2", ctypes.c_uint16),
        ("Data3", ctypes.c_uint16),
        ("Data4", ctypes.c_ubyte * 8),
    )

    @classmethod
    def parse(cls, text: str) -> GUID:
        return cls.from_buffer_copy(uuid.UUID(text).bytes_le)


class ComError(OSError):
    """A COM call failed with this HRESULT."""

    def __init__(self, what: str, hresult: int) -> None:
        super().__init__(f"{what} failed (HRESULT 0x{hresult & 0xFFFFFFFF:08X})")
        self.hresult = hresult


def _method(obj: int, slot: int, *argtypes: Any) -> Any:
    """The ``slot``-th function of the COM object's vtable, as a callable taking the object."""
    vtable = ctypes.cast(obj, ctypes.POINTER(ctypes.POINTER(ctypes.c_void_p))).contents
    return _FUNCTYPE(HRESULT, ctypes.c_void_p, *argtypes)(vtable[slot])


def _release(obj: int) -> None:
    _method(obj, RELEASE)(obj)


def _load() -> tuple[Any, Any]:
    """ole32 and oleaut32 with prototypes."""
    ole32 = ctypes.WinDLL("ole32")  # type: ignore[attr-defined,unused-ignore]
    oleaut32 = ctypes.WinDLL("oleaut32")  # type: ignore[attr-defined,unused-ignore]
    p = ctypes.c_void_p
    ole32.CoInitializeEx.restype, ole32.CoInitializeEx.argtypes = HRESULT, [p, ctypes.c_uint32]
    ole32.CoCreateInstance.restype = HRESULT
    ole32.CoCreateInstance.argtypes = [
        ctypes.POINTER(GUID),
        p,
        ctypes.c_uint32,
        ctypes.POINTER(GUID),
        ctypes.POINTER(p),
    ]
    oleaut32.SysStringLen.restype, oleaut32.SysStringLen.argtypes = ctypes.c_uint32, [p]
    oleaut32.SysFreeString.restype, oleaut32.SysFreeString.argtypes = None, [p]
    return ole32, oleaut32


class UiaNamer:
    """``control_at(x, y, window_title) -> name`` ("" when unknown). Use from one thread.

    The first call initialises COM on the calling thread and creates the automation object;
    when that fails the namer turns itself off and answers "" at once from then on.
    ``ole32``/``oleaut32`` are the system libraries (loaded at the first call when not given:
    tests pass fakes)."""

    def __init__(self, ole32: Any = None, oleaut32: Any = None) -> None:
        self._ole32, self._oleaut32 = ole32, oleaut32
        self._automation = 0
        self._off = False

    def __call__(self, x: int, y: int, window_title: str) -> str:
        return self.control_at(x, y, window_title)

    def control_at(self, x: int, y: int, window_title: str) -> str:
        if self._off:
            return ""
        try:
            if not self._automation:
                self._connect()
            return self._look_up(x, y, window_title)
        except ComError as error:  # this element only (gone, or its application hangs)
            log.debug("UI Automation look-up failed: %s", error)
            return ""
        except (OSError, AttributeError) as error:
            log.info("no control names from UI Automation: %s", error)
            self.close()
            self._off = True
            return ""

    def close(self) -> None:
        """Let the automation object go (COM itself ends with the worker thread)."""
        automation, self._automation = self._automation, 0
        if automation:
            _release(automation)

    def _connect(self) -> None:
        if self._ole32 is None or self._oleaut32 is None:
            self._ole32, self._oleaut32 = _load()
        status = self._ole32.CoInitializeEx(None, COINIT_MULTITHREADED)
        if status < 0 and status != RPC_E_CHANGED_MODE:
            raise OSError(f"CoInitializeEx failed (HRESULT 0x{status & 0xFFFFFFFF:08X})")
        out = ctypes.c_void_p()
        status = self._ole32.CoCreateInstance(
            ctypes.byref(GUID.parse(CLSID_CUIAUTOMATION)),
            None,
            CLSCTX_INPROC_SERVER,
            ctypes.byref(GUID.parse(IID_IUIAUTOMATION)),
            ctypes.byref(out),
        )
        if status < 0 or not out.value:
            raise OSError(f"CUIAutomation cannot be created (HRESULT 0x{status & 0xFFFFFFFF:08X})")
        self._automation = out.value

    def _look_up(self, x: int, y: int, window_title: str) -> str:
        element = ctypes.c_void_p()
        status = _method(
            self._automation, ELEMENT_FROM_POINT, POINT, ctypes.POINTER(ctypes.c_void_p)
        )(self._automation, POINT(x, y), ctypes.byref(element))
        if status < 0:
            raise ComError("ElementFromPoint", status)
        if not element.value:
            return ""
        try:
            return self._name_of(element.value, window_title)
        finally:
            _release(element.value)

    def _name_of(self, element: int, window_title: str) -> str:
        flag = ctypes.c_int32(0)
        status = _method(element, GET_CURRENT_IS_PASSWORD, ctypes.POINTER(ctypes.c_int32))(
            element, ctypes.byref(flag)
        )
        if status < 0 or flag.value:
            return ""  # a password field; or it cannot say, which is no better
        control = ctypes.c_int32(0)
        status = _method(element, GET_CURRENT_CONTROL_TYPE, ctypes.POINTER(ctypes.c_int32))(
            element, ctypes.byref(control)
        )
        if status < 0 or control.value in TEXT_CONTROL_TYPES:
            return ""
        bstr = ctypes.c_void_p()
        status = _method(element, GET_CURRENT_NAME, ctypes.POINTER(ctypes.c_void_p))(
            element, ctypes.byref(bstr)
        )
        if status < 0 or not bstr.value:
            return ""
        try:
            name = ctypes.wstring_at(bstr.value, self._oleaut32.SysStringLen(bstr.value))
        finally:
            self._oleaut32.SysFreeString(bstr.value)
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            return ""
        if control.value in WINDOW_CONTROL_TYPES and name == window_title:
            return ""  # the window itself: its title is in the step already
        return ControlName(name, UIA_ROLES.get(control.value, ""))
