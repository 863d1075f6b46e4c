"""The recording control's texts and buttons, the Settings fields, the start points' refusal
text, and the recovery of an interrupted recording at start-up (offscreen; the input listener
is faked here, the real one runs in tests/e2e/test_recording_app.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.core.steps import new_step
from app.services.recorder import RecorderService
from app.services.tasks import TaskRunner
from app.store.recording import RecordingJournal
from app.ui.recorder_control import RecorderControl
from tests.unit.services.test_recorder_service import MONITOR, WINDOW, FakeRecorder


@pytest.fixture
def control(qtbot, ctx) -> Iterator[tuple[RecorderControl, RecorderService, list[FakeRecorder]]]:
    recorders: list[FakeRecorder] = []

    def factory(on_click, on_key, exclude) -> FakeRecorder:
        recorders.append(FakeRecorder(on_click, on_key))
        return recorders[-1]

    runner = TaskRunner()
    service = RecorderService(
        ctx,
        runner,
        recorder_factory=factory,
        namer_factory=None,
        collector_options={
            "grab": lambda rect: b"\0\0\0\0" * (rect.width * rect.height),
            "monitors": lambda: [MONITOR],
        },
    )
    widget = RecorderControl(service)
    qtbot.addWidget(widget)
    yield widget, service, recorders
    if service.recording:
        with qtbot.waitSignal(service.stopped, timeout=10_000):
            service.stop()
    runner.wait_all(10_000)


def test_it_is_a_focusless_always_on_top_tool_window(control) -> None:
    widget, _, _ = control
    flags = widget.windowFlags()
    for flag in (
        Qt.WindowType.Tool,
        Qt.WindowType.FramelessWindowHint,
        Qt.WindowType.WindowStaysOnTopHint,
        Qt.WindowType.WindowDoesNotAcceptFocus,
    ):
        assert flags & flag
    assert widget.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_the_status_counts_steps_and_pauses(qtbot, control) -> None:
    widget, service, recorders = control
    service.start(100)
    widget.show_control()
    assert widget.isVisible()
    assert widget.status.text() == "Recording \u00b7 0 steps \u00b7 00:00"
    recorders[0].on_click(30, 30, "left", WINDOW)
    qtbot.waitUntil(lambda: "1 step \u00b7" in widget.status.text(), timeout=5000)
    recorders[0].on_click(40, 30, "left", WINDOW)
    qtbot.waitUntil(lambda: "2 steps" in widget.status.text(), timeout=5000)
    assert widget.status.text().startswith("Recording \u00b7 2 steps \u00b7 00:0")
    assert widget.pause_button.text() == "Pause"
    with qtbot.waitSignal(service.paused_changed, timeout=5000):
        widget.pause_button.click()
    assert widget.status.text() == "Paused \u00b7 2 steps"
    assert widget.pause_button.text() == "Resume"
    assert widget.dot.paused
    with qtbot.waitSignal(service.paused_changed, timeout=5000):
        widget.pause_button.click()
    assert widget.status.text().startswith("Recording \u00b7 2 steps")
    with qtbot.waitSignal(service.stopped, timeout=10_000):
        widget.stop_button.click()
        assert widget.status.text() == "Saving 2 steps\u2026"
        assert not widget.stop_button.isEnabled()
    assert not widget.isVisible()


def test_the_limit_warning_names_the_limit(qtbot, control) -> None:
    widget, service, recorders = control
    service.start(3)
    widget.show_control()
    assert widget.warning.isHidden()
    with qtbot.waitSignal(service.limit_reached, timeout=5000):
        for i in range(4):
            recorders[0].on_click(30 + i, 30, "left", WINDOW)
    assert not widget.warning.isHidden()
    assert widget.warning.text() == "Step limit reached (3): stop, or raise it in Settings."
    qtbot.waitUntil(lambda: "3 steps" in widget.status.text(), timeout=5000)


def test_a_note_becomes_a_step(qtbot, control) -> None:
    widget, service, _ = control
    service.start(100)
    widget.show_control()
    widget.note_button.click()
    dialog = widget._note_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("The total is wrong here")
    with qtbot.waitSignal(service.steps_changed, timeout=5000):
        dialog.accept()
    assert [(s.kind, s.caption) for s in service.steps()] == [("note", "The total is wrong here")]
    assert widget._note_dialog is None


def test_settings_show_the_recorder_group(qtbot, make_window) -> None:
    window = make_window()
    window._ctx.settings.values["recorder_max_steps"] = 42
    window._ctx.settings.values["recorder_hotkey"] = "Ctrl+Shift+F11"
    window.recorder_hotkey_problem = "The shortcut Ctrl+Shift+F11 is already used."
    dialog = window.make_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.max_steps.value() == 42
    assert (dialog.max_steps.minimum(), dialog.max_steps.maximum()) == (1, 999)
    assert dialog.recorder_hotkey.keySequence().toString() == "Ctrl+Shift+F11"
    assert not dialog.recorder_hotkey_status.isHidden()
    assert "already used" in dialog.recorder_hotkey_status.text()
    dialog.max_steps.setValue(250)
    dialog.recorder_hotkey.setKeySequence(QKeySequence("Ctrl+Alt+R"))
    dialog._on_close_clicked()
    assert dialog.general_values["recorder_max_steps"] == 250
    assert dialog.general_values["recorder_hotkey"] == "Ctrl+Alt+R"


def test_the_recording_key_may_not_be_the_screenshot_key(make_window) -> None:
    window = make_window()
    window._ctx.settings.values["capture_hotkey"] = "Ctrl+Shift+F12"
    window._ctx.settings.values["recorder_hotkey"] = "ctrl+shift+f12"
    problem = window.apply_recorder_hotkey()
    assert "already the screenshot key" in problem
    assert window.recorder_hotkeys is not None and window.recorder_hotkeys.sequence is None


def test_a_session_without_a_recorder_says_so(qtbot, make_window, monkeypatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    window = make_window()
    window.composer.record_button.click()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].windowTitle() == "Steps cannot be recorded"
    assert "does not let Ticketwise record steps" in boxes[0].text()
    assert "describe the steps yourself" in boxes[0].text()
    assert not window.is_recording
    assert not window.isMinimized()


def recorded_journal(ctx, n: int) -> list:
    t = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
    steps = [new_step(i, t, "click", window_title="Invoice", x=i, y=i) for i in range(1, n + 1)]
    RecordingJournal(ctx.paths.recording_journal).write(steps)
    return steps


@pytest.mark.parametrize("answer", ["Review", "Discard", "Later"])
def test_an_interrupted_recording_is_offered_at_start(qtbot, make_window, ctx, answer) -> None:
    steps = recorded_journal(ctx, 2)
    window = make_window()
    qtbot.waitUntil(lambda: window._recovery_box is not None, timeout=5000)
    box = window._recovery_box
    assert box is not None and not box.isModal()
    assert box.text() == "A steps recording was interrupted (2 steps)."
    finished: list[list] = []
    window.recording_finished.connect(finished.append)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
    button.click()
    journal = RecordingJournal(ctx.paths.recording_journal)
    if answer == "Review":
        assert finished == [steps]
        assert journal.read() == steps  # kept until the editor has them in a draft
        window.recording_handled()
    else:
        assert finished == []
    if answer == "Later":
        assert journal.read() == steps
    else:
        qtbot.waitUntil(lambda: not journal.exists(), timeout=5000)
