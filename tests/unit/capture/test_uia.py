"""The UI Automation namer against fake COM objects laid out as COM lays them out (an object is
a pointer to a table of C function pointers): a wrong vtable slot calls a trap and fails the
test, as it would call the wrong method on Windows. It cannot run on real Windows here."""

from __future__ import annotations

import ctypes
import threading
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from app.capture import uia
from app.capture.recorder_windows import POINT
from app.capture.uia import UiaNamer

E_FAIL = -2147467259
UIA_E_ELEMENTNOTAVAILABLE = -2147220991
HRESULT = ctypes.c_int32
THIS = ctypes.c_void_p
OUT_PTR = ctypes.POINTER(ctypes.c_void_p)
OUT_INT = ctypes.POINTER(ctypes.c_int32)


@dataclass
class Element:
    name: str
    control: int = 50000  # Button
    password: bool = False


class FakeCom:
    """ole32 + oleaut32, the CUIAutomation object and its elements (by point). The slot
    numbers are UIAutomationClient.h's, written out here rather than taken from the module."""

    def __init__(self, elements: dict[tuple[int, int], Element | None]) -> None:
        self.elements = elements
        self.keep: list[Any] = []  # C tables and thunks stay alive while COM may call them
        self.wrong_slots: list[int] = []
        self.live: dict[int, Element] = {}  # element objects handed out and not released
        self.strings: dict[int, Any] = {}  # BSTRs handed out and not freed
        self.released_automation = 0
        self.create_status = 0
        self.point_status = 0
        self.threads: list[str] = []
        self.automation = self._object(
            {
                2: (ctypes.CFUNCTYPE(ctypes.c_uint32, THIS), self._release_automation),  # Release
                7: (  # IUIAutomation::ElementFromPoint
                    ctypes.CFUNCTYPE(HRESULT, THIS, POINT, OUT_PTR),
                    self._element_from_point,
                ),
            },
            size=58,  # IUIAutomation's methods
        )

    def _object(self, slots: dict[int, tuple[Any, Any]], size: int) -> int:
        table = (ctypes.c_void_p * size)()
        for slot in range(size):
            if slot in slots:
                prototype, function = slots[slot]
                thunk = prototype(function)
            else:
                thunk = ctypes.CFUNCTYPE(HRESULT, THIS)(self._trap(slot))
            self.keep.append(thunk)
            table[slot] = ctypes.cast(thunk, ctypes.c_void_p).value
        obj = (ctypes.c_void_p * 1)(ctypes.addressof(table))
        self.keep += [table, obj]
        return ctypes.addressof(obj)

    def _trap(self, slot: int) -> Any:
        def trap(this: int) -> int:
            self.wrong_slots.append(slot)
            return E_FAIL

        return trap

    # IUIAutomation
    def _release_automation(self, this: int) -> int:
        self.released_automation += 1
        return 0

    def _element_from_point(self, this: int, point: Any, out: Any) -> int:
        assert this == self.automation
        if self.point_status:
            return self.point_status
        element = self.elements.get((point.x, point.y))
        if element is None:
            out[0] = None
            return 0
        address = self._object(
            {
                2: (ctypes.CFUNCTYPE(ctypes.c_uint32, THIS), self._release_element),
                21: (  # get_CurrentControlType
                    ctypes.CFUNCTYPE(HRESULT, THIS, OUT_INT),
                    lambda this, out: self._int(out, self.live[this].control),
                ),
                35: (  # get_CurrentIsPassword
                    ctypes.CFUNCTYPE(HRESULT, THIS, OUT_INT),
                    lambda this, out: self._int(out, int(self.live[this].password)),
                ),
                23: (  # get_CurrentName
                    ctypes.CFUNCTYPE(HRESULT, THIS, OUT_PTR),
                    self._name,
                ),
            },
            size=85,  # IUIAutomationElement's methods
        )
        self.live[address] = element
        out[0] = address
        return 0

    @staticmethod
    def _int(out: Any, value: int) -> int:
        out[0] = value
        return 0

    def _name(self, this: int, out: Any) -> int:
        buffer = ctypes.create_unicode_buffer(self.live[this].name)
        self.strings[ctypes.addressof(buffer)] = buffer
        out[0] = ctypes.addressof(buffer)
        return 0

    def _release_element(self, this: int) -> int:
        del self.live[this]
        return 0

    # ole32
    def CoInitializeEx(self, reserved: Any, model: int) -> int:
        assert (reserved, model) == (None, uia.COINIT_MULTITHREADED)
        self.threads.append(threading.current_thread().name)
        return 0

    def CoCreateInstance(self, clsid: Any, outer: Any, context: int, iid: Any, out: Any) -> int:
        assert bytes(clsid._obj) == uuid.UUID(uia.CLSID_CUIAUTOMATION).bytes_le
        assert bytes(iid._obj) == uuid.UUID(uia.IID_IUIAUTOMATION).bytes_le
        assert (outer, context) == (None, uia.CLSCTX_INPROC_SERVER)
        if self.create_status:
            return self.create_status
        out._obj.value = self.automation
        return 0

    # oleaut32
    def SysStringLen(self, bstr: int) -> int:
        return len(self.strings[bstr].value)

    def SysFreeString(self, bstr: int) -> None:
        del self.strings[bstr]


@pytest.fixture
def com() -> FakeCom:
    return FakeCom(
        {
            (10, 20): Element("Save"),
            (-1500, 300): Element("  Save\n as…  "),  # a monitor left of the primary one
            (11, 20): Element("hunter2", password=True),
            (12, 20): Element("Dear Sir, my text", control=50004),  # Edit
            (13, 20): Element("=SUM(A1:A9)", control=50029),  # DataItem: a cell
            (14, 20): Element("Invoice – Excel", control=50032),  # the window itself
            (15, 20): Element("Navigation", control=50033),  # a named pane
            (16, 20): Element("x" * (uia.MAX_NAME + 1)),
            (17, 20): Element(""),
            (18, 20): None,  # nothing there
        }
    )


def test_names_controls_and_keeps_typed_text_out(com: FakeCom) -> None:
    namer = UiaNamer(com, com)
    title = "Invoice – Excel"
    assert namer(10, 20, title) == "Save"
    assert getattr(namer(10, 20, title), "role", None) == "button"  # the kind comes along
    assert namer(-1500, 300, title) == "Save as…"
    assert namer(11, 20, title) == ""  # password field
    assert namer(12, 20, title) == ""  # edit: its name may be what was typed
    assert namer(13, 20, title) == ""
    assert namer(14, 20, title) == ""  # the window: its title is in the step already
    assert namer(15, 20, title) == "Navigation"
    assert getattr(namer(15, 20, title), "role", None) == ""  # a pane: no kind we name
    assert namer(16, 20, title) == ""
    assert namer(17, 20, title) == ""
    assert namer(18, 20, title) == ""
    assert com.wrong_slots == []
    assert com.live == {}  # every element released
    assert com.strings == {}  # every BSTR freed
    assert com.threads == ["MainThread"]  # COM initialised once, on the namer's thread
    namer.close()
    namer.close()
    assert com.released_automation == 1


def test_a_failing_element_is_one_empty_name_not_the_end(com: FakeCom) -> None:
    namer = UiaNamer(com, com)
    com.point_status = UIA_E_ELEMENTNOTAVAILABLE
    assert namer(10, 20, "w") == ""
    com.point_status = 0
    assert namer(10, 20, "w") == "Save"
    namer.close()


def test_without_ui_automation_the_namer_turns_itself_off(com: FakeCom) -> None:
    com.create_status = -2147221164  # REGDB_E_CLASSNOTREG
    namer = UiaNamer(com, com)
    assert namer(10, 20, "w") == ""
    com.create_status = 0
    assert namer(10, 20, "w") == ""  # off: not asked again
    assert com.threads == ["MainThread"]
    # Not Windows at all (here): ctypes has no WinDLL.
    assert UiaNamer()(10, 20, "w") == ""


def test_the_recorder_service_names_with_uia_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import recorder

    monkeypatch.setattr(recorder.sys, "platform", "win32")
    assert isinstance(recorder._default_namer(), UiaNamer)
    monkeypatch.setattr(recorder.sys, "platform", "linux")
    assert type(recorder._default_namer()).__name__ == "AtspiNamer"
