"""AXNamer (the clicked control's name on macOS) against fakes of ApplicationServices and
CoreFoundation: CF objects are ints into ``objects``; every Copy/Create gives the caller a
reference it must release, and the fake counts them."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from app.capture import ax_macos
from app.capture.ax_macos import AXNamer

STRING_TYPE, OTHER_TYPE = 7, 22
SYSTEM = 0x5151


class FakeAX:
    """``elements`` maps a point to the attributes of the element there."""

    def __init__(self, elements: dict[tuple[int, int], dict[str, Any]], trusted: bool = True):
        self.elements = elements
        self.trusted = trusted
        self.objects: dict[int, Any] = {}
        self.owned: set[int] = set()  # references the namer holds and must release
        self.names: set[int] = set()  # the attribute names it created (kept until close)
        self.asked: list[str] = []
        self.calls: list[str] = []
        self.timeout: tuple[int, float] | None = None
        self.status = 0

    def _new(self, value: Any) -> int:
        ref = 0x1000 + len(self.objects)
        self.objects[ref] = value
        self.owned.add(ref)
        return ref

    # ApplicationServices
    def AXIsProcessTrusted(self) -> bool:
        self.calls.append("AXIsProcessTrusted")
        return self.trusted

    def AXUIElementCreateSystemWide(self) -> int:
        self.calls.append("AXUIElementCreateSystemWide")
        self.objects[SYSTEM] = "system"
        self.owned.add(SYSTEM)
        return SYSTEM

    def AXUIElementSetMessagingTimeout(self, element: int, seconds: float) -> int:
        self.timeout = (element, seconds)
        return 0

    def AXUIElementCopyElementAtPosition(self, system: int, x: float, y: float, out: Any) -> int:
        assert system == SYSTEM
        assert isinstance(x, float) and isinstance(y, float)  # the C signature takes floats
        self.calls.append("AXUIElementCopyElementAtPosition")
        if self.status:
            return self.status
        attributes = self.elements.get((int(x), int(y)))
        if attributes is None:
            return -25204  # kAXErrorCannotComplete
        out._obj.value = self._new(attributes)
        return 0

    def AXUIElementCopyAttributeValue(self, element: int, attribute: int, out: Any) -> int:
        name = self.objects[attribute]
        self.asked.append(name)
        value = self.objects[element].get(name)
        if value is None:
            return -25205  # kAXErrorAttributeUnsupported
        out._obj.value = self._new(value)
        return 0

    # CoreFoundation
    def CFStringCreateWithCString(self, allocator: Any, text: bytes, encoding: int) -> int:
        assert encoding == ax_macos.K_CF_STRING_ENCODING_UTF8
        ref = self._new(text.decode())
        self.names.add(ref)
        return ref

    def CFGetTypeID(self, ref: int) -> int:
        return STRING_TYPE if isinstance(self.objects[ref], str) else OTHER_TYPE

    def CFStringGetTypeID(self) -> int:
        return STRING_TYPE

    def CFStringGetLength(self, ref: int) -> int:
        return len(self.objects[ref])

    def CFStringGetMaximumSizeForEncoding(self, length: int, encoding: int) -> int:
        return length * 3

    def CFStringGetCString(self, ref: int, buffer: Any, size: int, encoding: int) -> bool:
        data = self.objects[ref].encode()
        if len(data) + 1 > size:
            return False
        buffer.value = data
        return True

    def CFRelease(self, ref: int) -> None:
        assert ref in self.owned, f"released a reference not owned: {ref:#x}"
        self.owned.remove(ref)

    def held(self) -> set[Any]:
        """What the namer still holds, apart from its system element and attribute names."""
        return {
            self.objects[r] if not isinstance(self.objects[r], dict) else "element"
            for r in self.owned
            if r != SYSTEM and r not in self.names
        }


ELEMENTS: dict[tuple[int, int], dict[str, Any]] = {
    (10, 20): {"AXRole": "AXButton", "AXTitle": "  Save\n  draft ", "AXValue": "secret"},
    (30, 40): {"AXRole": "AXButton", "AXTitle": "", "AXDescription": "Print"},
    (50, 60): {"AXRole": "AXTextField", "AXTitle": "Name", "AXValue": "typed"},
    (51, 60): {"AXRole": "AXTextArea", "AXTitle": "Body", "AXValue": "typed"},
    (52, 60): {"AXRole": "AXTextField", "AXSubrole": "AXSecureTextField", "AXTitle": "Password"},
    (53, 60): {"AXRole": "AXTextField", "AXSubrole": "AXSearchField", "AXTitle": "Search"},
    (54, 60): {"AXRole": "AXComboBox", "AXTitle": "Printer", "AXValue": "typed"},
    (55, 60): {"AXRole": "AXSecureTextField", "AXTitle": "PIN"},
    # a custom control that only its subrole tells to be a password field
    (56, 60): {"AXRole": "AXUnknown", "AXSubrole": "AXSecureTextField", "AXTitle": "PIN"},
    (70, 80): {"AXRole": "AXButton", "AXTitle": 42},  # not a string: no name
    (90, 90): {"AXRole": "AXCheckBox", "AXTitle": "x" * 500},
}


def test_a_button_is_named_by_its_title_and_every_copy_is_released() -> None:
    fake = FakeAX(ELEMENTS)
    namer = AXNamer(fake, fake)
    assert namer(10, 20, "Invoice") == "Save draft"
    assert namer(30, 40, "Invoice") == "Print"  # an icon button: its description
    assert namer(90, 90, "Invoice") == "x" * ax_macos.MAX_NAME
    assert getattr(namer(10, 20, "Invoice"), "role", None) == "button"
    assert getattr(namer(90, 90, "Invoice"), "role", None) == "check box"
    assert fake.held() == set()
    assert "AXValue" not in fake.asked  # what a control holds is never read
    assert fake.timeout == (SYSTEM, ax_macos.MESSAGING_TIMEOUT)
    assert fake.calls.count("AXIsProcessTrusted") == 1
    namer.close()
    assert fake.owned == set()  # the system element and the attribute names too


@pytest.mark.parametrize(
    "point", [(50, 60), (51, 60), (52, 60), (53, 60), (54, 60), (55, 60), (56, 60)]
)
def test_text_controls_give_no_name(point: tuple[int, int]) -> None:
    fake = FakeAX(ELEMENTS)
    namer = AXNamer(fake, fake)
    assert namer(*point, "Login") == ""
    assert "AXTitle" not in fake.asked and "AXValue" not in fake.asked
    assert fake.held() == set()


def test_nothing_there_or_no_string_gives_no_name() -> None:
    fake = FakeAX(ELEMENTS)
    namer = AXNamer(fake, fake)
    assert namer(1, 1, "Invoice") == ""
    assert namer(70, 80, "Invoice") == ""
    fake.status = -25218  # kAXErrorNotImplemented: that application has no AX at all
    assert namer(10, 20, "Invoice") == ""
    fake.status = 0
    assert namer(10, 20, "Invoice") == "Save draft"  # one failure does not turn the namer off
    assert fake.held() == set()


def test_without_the_accessibility_permission_it_stays_quiet() -> None:
    fake = FakeAX(ELEMENTS, trusted=False)
    namer = AXNamer(fake, fake)
    assert namer(10, 20, "Invoice") == ""
    assert namer(10, 20, "Invoice") == ""
    assert fake.calls == ["AXIsProcessTrusted"]  # asked once, never prompted, never queried


def test_without_the_frameworks_it_turns_off() -> None:
    namer = AXNamer()  # this machine has no ApplicationServices
    assert namer(10, 20, "Invoice") == ""
    assert namer._off


def test_the_service_names_controls_with_ax_on_macos(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import recorder

    monkeypatch.setattr(sys, "platform", "darwin")
    assert isinstance(recorder._default_namer(), AXNamer)
