"""The small always-on-top control shown while steps are recorded.

A frameless tool window at the top centre of the screen with the pointer, draggable by any
spot that is not a button. It never takes the focus from the application being recorded
(``WA_ShowWithoutActivating``, ``WindowDoesNotAcceptFocus``), and its clicks are not steps:
the recorder drops windows of our own process, and the control adds its window id to the
exclusion for window managers that set no ``_NET_WM_PID``.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPoint, QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.recorder import RecorderService
from app.ui import look

TICK_MS = 1000  # the clock and the dot's pulse: one repaint a second
SCREENSHOT_DELAY_MS = 200  # the control hides first: let the server unmap it before the grab


class RecordingDot(QWidget):
    """A red dot that pulses once a second while recording (grey while paused)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(14, 14))
        self.bright = True
        self.paused = False

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.paused:
            color = QColor("#8a8a8a")
        else:
            color = QColor("#d93025") if self.bright else QColor("#e8675c")
        painter.setBrush(color)
        painter.drawEllipse(QRectF(1, 1, 12, 12))


class RecorderControl(QFrame):
    """Pause/Resume, Add note…, Screenshot and Stop for the running recording."""

    def __init__(self, service: RecorderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = QElapsedTimer()
        self._elapsed_before_pause = 0
        self._drag_from: QPoint | None = None
        self._note_dialog: QInputDialog | None = None
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(1)
        self.setWindowTitle(self.tr("Ticketwise \u2013 recording steps"))
        self.setCursor(Qt.CursorShape.SizeAllCursor)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 8, 6)
        outer.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.dot = RecordingDot()
        self.status = QLabel()
        look.bold(self.status)
        # Room for "Recording · 100 steps · 00:00" in the label's own font: no jitter per tick.
        sample = self.tr("Recording \u00b7 %1 \u00b7 %2").replace("%1", self.tr("%1 steps"))
        self.status.setMinimumWidth(
            self.status.fontMetrics().horizontalAdvance(
                sample.replace("%1", "100").replace("%2", "00:00")
            )
            + 8
        )
        self.pause_button = QPushButton(self.tr("Pause"))
        self.note_button = QPushButton(self.tr("Add note\u2026"))
        self.screenshot_button = QPushButton(self.tr("Screenshot"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.pause_button.setToolTip(self.tr("Stop recording clicks and typing for a while"))
        self.note_button.setToolTip(self.tr("Add a step in your own words"))
        self.screenshot_button.setToolTip(self.tr("Add a screenshot of the active window"))
        self.stop_button.setToolTip(self.tr("End the recording and review the steps"))
        row.addWidget(self.dot)
        row.addWidget(self.status, 1)
        for button in (
            self.pause_button,
            self.note_button,
            self.screenshot_button,
            self.stop_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.ArrowCursor)
            row.addWidget(button)
        outer.addLayout(row)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        look.colored(self.warning, look.RED)
        self.warning.setVisible(False)
        outer.addWidget(self.warning)

        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.note_button.clicked.connect(self._on_note_button_clicked)
        self.screenshot_button.clicked.connect(self._on_screenshot_button_clicked)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        service.started.connect(self._on_service_started)
        service.steps_changed.connect(self._on_service_steps_changed)
        service.paused_changed.connect(self._on_service_paused_changed)
        service.limit_reached.connect(self._on_service_limit_reached)
        service.screenshot_done.connect(self._on_service_screenshot_done)
        service.stopped.connect(self._on_service_stopped)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._refresh()

    # -- what it shows ----------------------------------------------------------------------------

    def elapsed_seconds(self) -> int:
        """Seconds recorded (paused time not counted)."""
        running = self._clock.elapsed() if self._clock.isValid() else 0
        # Rounded: the tick lands a hair before or after each full second.
        return (self._elapsed_before_pause + running + 500) // 1000

    def status_text(self) -> str:
        """ "Recording · N steps · mm:ss", or "Paused · N steps"."""
        count = self._service.count
        steps = self.tr("1 step") if count == 1 else self.tr("%1 steps").replace("%1", str(count))
        if self._service.paused:
            return self.tr("Paused \u00b7 %1").replace("%1", steps)
        if self._service.stopping:
            return self.tr("Saving %1\u2026").replace("%1", steps)
        seconds = self.elapsed_seconds()
        clock = f"{seconds // 60:02d}:{seconds % 60:02d}"
        return self.tr("Recording \u00b7 %1 \u00b7 %2").replace("%1", steps).replace("%2", clock)

    def _refresh(self) -> None:
        self.status.setText(self.status_text())
        self.dot.paused = self._service.paused
        self.pause_button.setText(self.tr("Resume") if self._service.paused else self.tr("Pause"))
        busy = not self._service.recording
        for button in (
            self.pause_button,
            self.note_button,
            self.screenshot_button,
            self.stop_button,
        ):
            button.setEnabled(not busy)
        self.dot.update()

    def place(self) -> None:
        """Top centre of the screen the pointer is on."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + 8)

    def show_control(self) -> None:
        """Show it (without taking the focus) and keep its clicks out of the recording."""
        self.place()
        self.show()
        self._service.exclude_window(int(self.winId()))

    # -- the service's news -----------------------------------------------------------------------

    @Slot()
    def _on_service_started(self) -> None:
        self._elapsed_before_pause = 0
        self._clock.start()
        self.warning.setVisible(False)
        self._tick.start()
        self._refresh()

    @Slot(int)
    def _on_service_steps_changed(self, _count: int) -> None:
        self._refresh()

    @Slot(bool)
    def _on_service_paused_changed(self, paused: bool) -> None:
        if paused:
            if self._clock.isValid():
                self._elapsed_before_pause += self._clock.elapsed()
            self._clock.invalidate()
        else:
            self._clock.start()
        self._refresh()

    @Slot()
    def _on_service_limit_reached(self) -> None:
        self.warning.setText(
            self.tr("Step limit reached (%1): stop, or raise it in Settings.").replace(
                "%1", str(self._service.max_steps)
            )
        )
        self.warning.setVisible(True)
        self.adjustSize()

    @Slot(list)
    def _on_service_stopped(self, _steps: list[object]) -> None:
        self._tick.stop()
        self._clock.invalidate()
        if self._note_dialog is not None:
            self._note_dialog.reject()
        self.hide()

    @Slot()
    def _on_tick_timeout(self) -> None:
        self.dot.bright = not self.dot.bright
        self._refresh()

    # -- the buttons ------------------------------------------------------------------------------

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        if self._service.paused:
            self._service.resume()
        else:
            self._service.pause()
        self._refresh()

    @Slot()
    def _on_note_button_clicked(self) -> None:
        if self._note_dialog is not None:
            self._note_dialog.raise_()
            return
        # Owned by the control (C++ side), so WA_DeleteOnClose frees it exactly once.
        dialog = QInputDialog(self)
        dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
        dialog.setWindowTitle(self.tr("Add a note"))
        dialog.setLabelText(self.tr("What should the help desk know at this step?"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._on_note_dialog_text_value_selected)
        dialog.finished.connect(self._on_note_dialog_finished)
        self._note_dialog = dialog
        dialog.open()
        self._service.exclude_window(int(dialog.winId()))

    @Slot(str)
    def _on_note_dialog_text_value_selected(self, text: str) -> None:
        self._service.add_note(text)

    @Slot(int)
    def _on_note_dialog_finished(self, _result: int) -> None:
        self._note_dialog = None

    @Slot()
    def _on_screenshot_button_clicked(self) -> None:
        pointer = QCursor.pos()
        self.screenshot_button.setEnabled(False)

        def hide_then_grab() -> None:
            self.hide()  # not in the picture
            QTimer.singleShot(SCREENSHOT_DELAY_MS, lambda: self._take_screenshot(pointer))

        # Hidden at once, the control would be gone before the listener looked at the click on
        # it, and that click would count as a step in whatever lies below.
        self._service.settle(hide_then_grab)

    def _take_screenshot(self, pointer: QPoint) -> None:
        if not self._service.recording:
            self._refresh()
            return
        self._service.add_screenshot((pointer.x(), pointer.y()))

    @Slot(bool)
    def _on_service_screenshot_done(self, _added: bool) -> None:
        self._refresh()
        if self._service.recording:
            self.show()

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self._service.stop()
        self._refresh()

    # -- dragging ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.frameGeometry().topLeft()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag_from)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._drag_from = None
        super().mouseReleaseEvent(event)
