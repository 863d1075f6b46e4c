"""Hotkeys without a display: key-sequence parsing, backend selection, and the Windows and
macOS backends against fakes of user32/kernel32 and Carbon (they cannot run here)."""

from __future__ import annotations

import ctypes
import logging
import queue
import sys
import threading
import types
from typing import Any

import pytest

from app.capture import hotkeys
from app.capture.hotkeys import (
    KEYS,
    MODIFIERS,
    HotkeySyntaxError,
    HotkeyTaken,
    HotkeyUnavailable,
    KeySequence,
    create_backend,
    session_kind,
    x11,
)
from app.capture.hotkeys import macos as mac
from app.capture.hotkeys import windows as win

# -- KeySequence ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "modifiers", "key", "shown"),
    [
        ("Ctrl+Shift+F12", {"ctrl", "shift"}, "F12", "Ctrl+Shift+F12"),
        ("shift + control + f12", {"ctrl", "shift"}, "F12", "Ctrl+Shift+F12"),
        ("Cmd+Option+PrtSc", {"meta", "alt"}, "Print", "Alt+Meta+Print"),
        ("win+super+a", {"meta"}, "A", "Meta+A"),
        ("Ctrl+pgup", {"ctrl"}, "PageUp", "Ctrl+PageUp"),
        ("Alt+Enter", {"alt"}, "Return", "Alt+Return"),
        ("Ctrl+Alt+0", {"ctrl", "alt"}, "0", "Ctrl+Alt+0"),
        ("F24", set(), "F24", "F24"),
        ("print", set(), "Print", "Print"),
        ("Meta+Esc", {"meta"}, "Escape", "Meta+Escape"),
    ],
)
def test_parse_and_str(text: str, modifiers: set[str], key: str, shown: str) -> None:
    sequence = KeySequence.parse(text)
    assert sequence == KeySequence(frozenset(modifiers), key)
    assert str(sequence) == shown
    assert KeySequence.parse(str(sequence)) == sequence


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is not a key combination"),
        ("   ", "is not a key combination"),
        ("Ctrl+", "is not a key combination"),
        ("Ctrl++F1", "is not a key combination"),
        ("Hyper+F1", "'Hyper' is not a modifier key"),
        ("Ctrl+F25", "'F25' is not a key we can grab"),
        ("Ctrl+F0", "'F0' is not a key we can grab"),
        ("Ctrl+é", "'é' is not a key we can grab"),
        ("Ctrl+Shift+Menu", "'Menu' is not a key we can grab"),
        ("A", "needs a modifier"),
        ("Space", "needs a modifier"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(HotkeySyntaxError) as error:
        KeySequence.parse(text)
    assert message in str(error.value)
    assert error.value.kind == "hotkey_syntax"
    assert error.value.params == {"sequence": text}


def test_every_portable_key_parses_to_itself() -> None:
    for key in KEYS:
        assert KeySequence.parse(f"Ctrl+{key}").key == key


# -- session and backend selection ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "platform", "kind"),
    [
        ({}, "win32", "windows"),
        ({"DISPLAY": ":0"}, "darwin", "macos"),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", "wayland"),
        ({"XDG_SESSION_TYPE": "Wayland"}, "linux", "wayland"),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", "x11"),
        ({}, "linux", "none"),
        ({"DISPLAY": ""}, "freebsd14", "none"),
    ],
)
def test_session_kind(environ: dict[str, str], platform: str, kind: str) -> None:
    assert session_kind(environ, platform) == kind


def test_no_session_is_unavailable() -> None:
    with pytest.raises(HotkeyUnavailable) as error:
        create_backend({}, "linux")
    assert error.value.params["reason"] == "no_session"
    assert error.value.kind == "hotkey_unavailable"


def test_x11_is_chosen_and_reports_a_display_it_cannot_open() -> None:
    with pytest.raises(HotkeyUnavailable) as error:
        create_backend({"DISPLAY": ":4095"}, "linux")
    assert error.value.params == {"backend": "x11", "reason": "no_display"}
    assert "':4095'" in str(error.value)


def test_windows_and_macos_backends_are_chosen_and_fail_cleanly_here() -> None:
    with pytest.raises(HotkeyUnavailable) as error:
        create_backend({}, "win32")
    assert error.value.params == {"backend": "windows", "reason": "no_user32"}
    with pytest.raises(HotkeyUnavailable) as error:
        create_backend({}, "darwin")
    assert error.value.params == {"backend": "macos", "reason": "no_carbon"}


def test_wayland_uses_the_portal_module_loaded_only_then(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str | None] = []

    class PortalHotkeys:
        name = "portal"

        def __init__(self, bus_address: str | None = None) -> None:
            made.append(bus_address)

    module = types.ModuleType("app.capture.hotkeys.portal")
    module.PortalHotkeys = PortalHotkeys  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.capture.hotkeys.portal", module)
    backend = create_backend(
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "DBUS_SESSION_BUS_ADDRESS": "unix:x"},
        "linux",
    )
    assert isinstance(backend, PortalHotkeys)
    assert made == ["unix:x"]


def test_wayland_without_the_portal_module_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "app.capture.hotkeys.portal", None)  # import fails
    with pytest.raises(HotkeyUnavailable) as error:
        create_backend({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert error.value.params == {"backend": "portal", "reason": "no_backend"}


# -- X11 tables (the backend itself runs on Xvfb: tests/e2e/test_hotkeys_x11.py) ------------------


def test_x11_tables() -> None:
    assert set(x11.X_MODIFIERS) == set(MODIFIERS)
    assert x11.keysym_name("PageUp") == "Prior"
    assert x11.keysym_name("Q") == "q"
    assert x11.keysym_name("7") == "7"
    assert x11.keysym_name("F13") == "F13"
    assert set(x11.X_KEYSYMS) == {k for k in KEYS if len(k) > 1 and not k[1:].isdigit()}
    assert x11.modifier_mask(KeySequence.parse("Ctrl+Alt+Meta+Shift+F1")) == 0b1001101
    assert x11.lock_combinations([2, 16]) == [0, 2, 16, 18]
    assert x11.lock_combinations([2, 16, 128]) == [0, 2, 16, 18, 128, 130, 144, 146]


# -- Windows --------------------------------------------------------------------------------------


class FakeUser32:
    """user32's hot key and message functions over a Python queue, recording every call with
    the thread that made it. ``taken`` maps (modifiers, vk) to the error RegisterHotKey sets."""

    THREAD_ID = 4711

    def __init__(self) -> None:
        self.messages: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()
        self.calls: list[tuple[str, tuple[Any, ...], str]] = []
        self.taken: dict[tuple[int, int], int] = {}
        self.registered: dict[int, tuple[int, int]] = {}
        self.error = 0

    def _record(self, name: str, *args: Any) -> None:
        self.calls.append((name, args, threading.current_thread().name))

    def names(self) -> list[str]:
        """The hot key calls, in order."""
        return [name for name, _, _ in self.calls if name.endswith("HotKey")]

    def PeekMessageW(self, msg: Any, hwnd: Any, low: int, high: int, remove: int) -> int:
        self._record("PeekMessageW", low, high, remove)
        return 0

    def GetMessageW(self, msg: Any, hwnd: Any, low: int, high: int) -> int:
        self._record("GetMessageW")
        message, wparam = self.messages.get(timeout=10)
        msg._obj.message, msg._obj.wParam = message, wparam
        return 0 if message == win.WM_QUIT else 1

    def PostThreadMessageW(self, thread: int, message: int, wparam: int, lparam: int) -> int:
        self._record("PostThreadMessageW", thread, message, wparam, lparam)
        if thread != self.THREAD_ID:
            self.error = 1444  # ERROR_INVALID_THREAD_ID
            return 0
        self.messages.put((message, wparam))
        return 1

    def RegisterHotKey(self, hwnd: Any, ident: int, modifiers: int, vk: int) -> int:
        self._record("RegisterHotKey", hwnd, ident, modifiers, vk)
        if (modifiers, vk) in self.taken:
            self.error = self.taken[(modifiers, vk)]
            return 0
        self.registered[ident] = (modifiers, vk)
        return 1

    def UnregisterHotKey(self, hwnd: Any, ident: int) -> int:
        self._record("UnregisterHotKey", hwnd, ident)
        return 1 if self.registered.pop(ident, None) else 0

    def press(self, ident: int = win.HOTKEY_ID) -> None:
        """What Windows does when the registered key is pressed."""
        self.messages.put((win.WM_HOTKEY, ident))


class FakeKernel32:
    def GetCurrentThreadId(self) -> int:
        return FakeUser32.THREAD_ID


class Presses:
    def __init__(self) -> None:
        self.threads: list[str] = []
        self.event = threading.Event()

    def __call__(self) -> None:
        self.threads.append(threading.current_thread().name)
        self.event.set()

    def wait(self) -> None:
        assert self.event.wait(10), "the callback did not run"
        self.event.clear()


@pytest.fixture
def user32() -> FakeUser32:
    return FakeUser32()


@pytest.fixture
def windows_backend(user32: FakeUser32) -> Any:
    backend = win.WindowsHotkeys(user32, FakeKernel32(), lambda: user32.error)
    yield backend
    backend.close()


CTRL_SHIFT = win.MOD_CONTROL | win.MOD_SHIFT | win.MOD_NOREPEAT


def test_windows_register_press_unregister(windows_backend: Any, user32: FakeUser32) -> None:
    presses = Presses()
    windows_backend.register(KeySequence.parse("Ctrl+Shift+F12"), presses)
    assert user32.registered == {win.HOTKEY_ID: (CTRL_SHIFT, 0x7B)}
    register = next(c for c in user32.calls if c[0] == "RegisterHotKey")
    assert register == (
        "RegisterHotKey",
        (None, win.HOTKEY_ID, CTRL_SHIFT, 0x7B),
        "windows-hotkeys",
    )

    user32.press()
    presses.wait()
    user32.press(ident=99)  # another id on this thread's queue: not ours
    user32.press()
    presses.wait()
    assert presses.threads == ["windows-hotkeys"] * 2

    windows_backend.unregister()
    windows_backend.unregister()  # idempotent: nothing left to unregister
    assert user32.registered == {}
    assert [c[2] for c in user32.calls if c[0].endswith("HotKey")] == ["windows-hotkeys"] * 2
    user32.press()  # a press that was already queued after unregistering: ignored
    windows_backend.register(KeySequence.parse("Alt+Print"), presses)
    assert user32.registered == {win.HOTKEY_ID: (win.MOD_ALT | win.MOD_NOREPEAT, 0x2C)}
    user32.press()
    presses.wait()
    assert len(presses.threads) == 3


def test_windows_register_replaces_the_earlier_key(
    windows_backend: Any, user32: FakeUser32
) -> None:
    windows_backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())
    windows_backend.register(KeySequence.parse("Meta+Shift+S"), Presses())
    assert user32.names()[-3:] == ["RegisterHotKey", "UnregisterHotKey", "RegisterHotKey"]
    assert user32.registered == {
        win.HOTKEY_ID: (win.MOD_WIN | win.MOD_SHIFT | win.MOD_NOREPEAT, 0x53)
    }


def test_windows_taken_and_other_errors(windows_backend: Any, user32: FakeUser32) -> None:
    user32.taken[(CTRL_SHIFT, 0x7B)] = win.ERROR_HOTKEY_ALREADY_REGISTERED
    user32.taken[(CTRL_SHIFT, 0x7A)] = 5  # ERROR_ACCESS_DENIED
    windows_backend.register(KeySequence.parse("Ctrl+Shift+F10"), Presses())
    with pytest.raises(HotkeyTaken) as taken:
        windows_backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())
    assert taken.value.params == {"sequence": "Ctrl+Shift+F12", "backend": "windows"}
    assert user32.registered == {}  # the earlier key was released first: nothing is grabbed
    with pytest.raises(HotkeyUnavailable) as error:
        windows_backend.register(KeySequence.parse("Ctrl+Shift+F11"), Presses())
    assert error.value.params["reason"] == "error_5"
    windows_backend.register(KeySequence.parse("Ctrl+Shift+F9"), Presses())
    assert user32.registered == {win.HOTKEY_ID: (CTRL_SHIFT, 0x78)}


def test_windows_close_unregisters_on_the_thread_and_ends_it(user32: FakeUser32) -> None:
    backend = win.WindowsHotkeys(user32, FakeKernel32(), lambda: user32.error)
    backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())
    thread = backend._thread
    backend.close()
    backend.close()
    assert not thread.is_alive()
    assert user32.registered == {}
    assert user32.calls[-1][0] == "UnregisterHotKey"
    assert user32.calls[-1][2] == "windows-hotkeys"
    posts = [c[1][1] for c in user32.calls if c[0] == "PostThreadMessageW"]
    assert posts == [win.WM_APP, win.WM_APP_STOP]
    backend.unregister()  # idempotent after close too
    with pytest.raises(HotkeyUnavailable):
        backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())


def test_windows_callback_errors_are_logged_and_the_loop_goes_on(
    windows_backend: Any, user32: FakeUser32, caplog: pytest.LogCaptureFixture
) -> None:
    presses = Presses()
    failures = iter([True, False])

    def flaky() -> None:
        presses()
        if next(failures):
            raise RuntimeError("boom")

    windows_backend.register(KeySequence.parse("Ctrl+Shift+F12"), flaky)
    with caplog.at_level(logging.ERROR, logger="app.capture.hotkeys.windows"):
        user32.press()
        presses.wait()
        user32.press()
        presses.wait()
    assert "the global hotkey callback failed" in caplog.text


def test_windows_callback_may_call_the_backend(windows_backend: Any, user32: FakeUser32) -> None:
    """From the callback (the hotkey thread) a command runs at once instead of deadlocking."""
    done = threading.Event()

    def unregister_self() -> None:
        windows_backend.unregister()
        done.set()

    windows_backend.register(KeySequence.parse("Ctrl+Shift+F12"), unregister_self)
    user32.press()
    assert done.wait(10)
    assert user32.registered == {}


def test_windows_tables_cover_every_portable_name() -> None:
    assert set(win.VIRTUAL_KEYS) == KEYS
    assert len(set(win.VIRTUAL_KEYS.values())) == len(KEYS)
    assert set(win.WIN_MODIFIERS) == set(MODIFIERS)
    assert win.VIRTUAL_KEYS["F1"] == 0x70 and win.VIRTUAL_KEYS["F24"] == 0x87
    assert win.VIRTUAL_KEYS["Print"] == 0x2C  # VK_SNAPSHOT
    assert win.VIRTUAL_KEYS["Q"] == ord("Q") and win.VIRTUAL_KEYS["5"] == ord("5")


# -- macOS ----------------------------------------------------------------------------------------


class FakeCarbon:
    """Carbon's hot key functions; ``status`` maps (code, modifiers) to what Register returns.
    ``events`` maps an event ref to the EventHotKeyID GetEventParameter reads from it."""

    TARGET = 0xA11

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.status: dict[tuple[int, int], int] = {}
        self.handlers: dict[int, tuple[Any, tuple[int, int]]] = {}
        self.hotkeys: dict[int, tuple[int, int, int, int]] = {}
        self.events: dict[int, tuple[int, int]] = {}
        self._next = 100

    def GetApplicationEventTarget(self) -> int:
        return self.TARGET

    def InstallEventHandler(
        self, target: int, proc: Any, count: int, specs: Any, data: Any, out: Any
    ) -> int:
        spec = specs._obj
        self.calls.append(("InstallEventHandler", (target, count)))
        self._next += 1
        self.handlers[self._next] = (proc, (spec.eventClass, spec.eventKind))
        out._obj.value = self._next
        return 0

    def RemoveEventHandler(self, handler: Any) -> int:
        self.calls.append(("RemoveEventHandler", (handler.value,)))
        del self.handlers[handler.value]
        return 0

    def RegisterEventHotKey(
        self, code: int, modifiers: int, ident: Any, target: int, options: int, out: Any
    ) -> int:
        self.calls.append(("RegisterEventHotKey", (code, modifiers, target, options)))
        assert threading.current_thread() is threading.main_thread()
        status = self.status.get((code, modifiers), 0)
        if status == 0:
            self._next += 1
            self.hotkeys[self._next] = (code, modifiers, ident.signature, ident.id)
            out._obj.value = self._next
        return status

    def UnregisterEventHotKey(self, ref: Any) -> int:
        self.calls.append(("UnregisterEventHotKey", (ref.value,)))
        del self.hotkeys[ref.value]
        return 0

    def GetEventParameter(
        self, event: int, name: int, kind: int, actual: Any, size: int, actual_size: Any, out: Any
    ) -> int:
        assert (name, kind, size) == (
            mac.K_EVENT_PARAM_DIRECT_OBJECT,
            mac.TYPE_EVENT_HOT_KEY_ID,
            ctypes.sizeof(mac.EventHotKeyID),
        )
        if event not in self.events:
            return -9870  # eventParameterNotFoundErr
        out._obj.signature, out._obj.id = self.events[event]
        return 0

    def press(self) -> int:
        """Deliver our hot key's event to the installed handler, as the run loop would."""
        ((_, _, signature, ident),) = self.hotkeys.values()
        self.events[7] = (signature, ident)
        return self.deliver(7)

    def deliver(self, event: int) -> int:
        ((proc, spec),) = self.handlers.values()
        assert spec == (mac.K_EVENT_CLASS_KEYBOARD, mac.K_EVENT_HOT_KEY_PRESSED)
        return int(proc(None, event, None))  # through the C thunk, as Carbon calls it


def test_macos_register_press_unregister_close() -> None:
    carbon = FakeCarbon()
    backend = mac.MacHotkeys(carbon)
    presses = Presses()
    backend.register(KeySequence.parse("Ctrl+Shift+F12"), presses)
    ((code, modifiers, signature, ident),) = carbon.hotkeys.values()
    assert (code, modifiers) == (0x6F, mac.CONTROL_KEY | mac.SHIFT_KEY)
    assert (signature, ident) == (mac.four_cc("TWhk"), mac.HOTKEY_ID)
    assert ("InstallEventHandler", (FakeCarbon.TARGET, 1)) in carbon.calls

    assert carbon.press() == mac.NO_ERR
    assert presses.threads == ["MainThread"]
    carbon.events[8] = (mac.four_cc("othr"), 1)  # another library's hot key in this process
    assert carbon.deliver(8) == mac.EVENT_NOT_HANDLED_ERR
    assert carbon.deliver(9) == mac.EVENT_NOT_HANDLED_ERR  # no hot key id at all
    assert len(presses.threads) == 1

    backend.register(KeySequence.parse("Meta+Alt+Print"), presses)  # replaces: one handler
    ((code, modifiers, _, _),) = carbon.hotkeys.values()
    assert (code, modifiers) == (0x69, mac.CMD_KEY | mac.OPTION_KEY)
    assert [c[0] for c in carbon.calls].count("InstallEventHandler") == 1

    backend.unregister()
    backend.unregister()
    assert carbon.hotkeys == {}
    assert carbon.deliver(7) == mac.NO_ERR  # a late event: handled, no callback
    assert len(presses.threads) == 1
    backend.close()
    backend.close()
    assert carbon.handlers == {}
    with pytest.raises(HotkeyUnavailable):
        backend.register(KeySequence.parse("Ctrl+Shift+F12"), presses)


def test_macos_taken_and_other_errors() -> None:
    carbon = FakeCarbon()
    ctrl_shift = mac.CONTROL_KEY | mac.SHIFT_KEY
    carbon.status[(0x6F, ctrl_shift)] = mac.EVENT_HOT_KEY_EXISTS_ERR
    carbon.status[(0x67, ctrl_shift)] = mac.EVENT_HOT_KEY_INVALID_ERR
    backend = mac.MacHotkeys(carbon)
    backend.register(KeySequence.parse("Ctrl+Shift+F10"), Presses())
    with pytest.raises(HotkeyTaken) as taken:
        backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())
    assert taken.value.params == {"sequence": "Ctrl+Shift+F12", "backend": "macos"}
    assert carbon.hotkeys == {}  # the F10 registration was released first
    with pytest.raises(HotkeyUnavailable) as error:
        backend.register(KeySequence.parse("Ctrl+Shift+F11"), Presses())
    assert error.value.params["reason"] == "osstatus_-9879"
    with pytest.raises(HotkeySyntaxError) as syntax:
        backend.register(KeySequence.parse("Ctrl+F21"), Presses())
    assert "F21 has no key on a Mac keyboard" in str(syntax.value)
    backend.close()


def test_macos_refuses_other_threads() -> None:
    backend = mac.MacHotkeys(FakeCarbon())
    errors: list[BaseException] = []

    def register() -> None:
        try:
            backend.register(KeySequence.parse("Ctrl+Shift+F12"), Presses())
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=register)
    thread.start()
    thread.join(10)
    assert len(errors) == 1 and isinstance(errors[0], RuntimeError)
    assert "main thread" in str(errors[0])


def test_macos_tables_cover_every_portable_name() -> None:
    assert set(mac.MAC_KEY_CODES) | mac.NO_MAC_KEY == KEYS
    assert not set(mac.MAC_KEY_CODES) & mac.NO_MAC_KEY
    assert {f"F{n}" for n in range(1, 21)} <= set(mac.MAC_KEY_CODES)
    # Only the PC keys that a Mac maps onto function keys share a code.
    codes: dict[int, list[str]] = {}
    for name, code in mac.MAC_KEY_CODES.items():
        codes.setdefault(code, []).append(name)
    assert sorted(sorted(v) for v in codes.values() if len(v) > 1) == [
        ["F13", "Print"],
        ["F15", "Pause"],
    ]
    assert set(mac.MAC_MODIFIERS) == set(MODIFIERS)
    assert mac.MAC_MODIFIERS["meta"] == 256  # cmdKey
    assert mac.four_cc("keyb") == 0x6B657962


def test_module_names_other_helpers_use_are_intact() -> None:
    for name in (
        "KeySequence",
        "HotkeyBackend",
        "HotkeyTaken",
        "HotkeyUnavailable",
        "session_kind",
        "create_backend",
        "DEFAULT_SEQUENCE",
    ):
        assert hasattr(hotkeys, name)


def test_windows_thread_that_cannot_start_is_unavailable() -> None:
    class NoThreadId:
        def GetCurrentThreadId(self) -> int:
            raise OSError("simulated")

    with pytest.raises(HotkeyUnavailable) as error:
        win.WindowsHotkeys(FakeUser32(), NoThreadId(), lambda: 0)
    assert error.value.params["reason"] == "no_thread"
