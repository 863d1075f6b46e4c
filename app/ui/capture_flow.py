"""From a trigger (composer button, tray, hotkey, ``main.py capture``) to an image in the draft.

The flow: grab the whole desktop in a worker (mss; the Qt fallback runs here, on the GUI
thread, which it must) -> freeze it in the selection overlay -> crop the selection -> the
annotator (unless turned off) -> encode in a worker -> the draft. On Wayland the desktop's
own screenshot dialog (the xdg-desktop-portal) replaces the grab and the overlay.

Images pasted or dropped into the composer, and screenshots reopened from their thumbnail, go
through the same annotator. Nothing here blocks the GUI thread for long: grabbing, converting
and encoding run in workers; only cropping (a memory copy) runs here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from app.config.settings import Settings
from app.core.model import AttachmentRef
from app.services import annotation, capture
from app.services.drafts import DraftService
from app.services.tasks import TaskRunner
from app.ui.errors import describe_exception
from app.ui.notice import show_warning

log = logging.getLogger(__name__)

MODES = ("region", "all", "screen", "window")
HIDE_DELAY_MS = 200
"""Time for the window manager to take our window off the screen before the grab."""

Deliver = Callable[[AttachmentRef], None]


def _parse_region(text: str) -> capture.Rect | None:
    try:
        return capture.parse_region(text) if text else None
    except Exception:
        return None


class CaptureFlow(QObject):
    """Runs one capture (or one annotation) at a time and hands the result to ``deliver``."""

    overlay_shown = Signal(float)
    """The overlay painted for the first time (``time.perf_counter()`` then)."""
    finished = Signal()
    """A capture or annotation ended (attached, cancelled or failed)."""

    def __init__(
        self,
        settings: Settings,
        drafts: DraftService,
        runner: TaskRunner,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._drafts = drafts
        self._runner = runner
        self._window = window
        self._busy = False
        self._overlay: Any = None
        self._annotator: Any = None
        self._restore_window = False
        self.triggered_at = 0.0
        """``time.perf_counter()`` of the last trigger (for the hotkey benchmark's log line)."""

    @property
    def busy(self) -> bool:
        """A capture or annotation is under way."""
        return self._busy

    # -- capture ------------------------------------------------------------------------------

    def start(self, mode: str, deliver: Deliver, *, hide_window: bool = False) -> bool:
        """Start a capture; False when one is already under way (its overlay is raised)."""
        if mode not in MODES:
            raise ValueError(f"unknown capture mode {mode!r}")
        if self._busy:
            if self._overlay is not None:
                self._overlay.raise_()
            elif self._annotator is not None:
                self._annotator.raise_()
                self._annotator.activateWindow()
            return False
        self._busy = True
        self.triggered_at = time.perf_counter()
        self._deliver = deliver
        self._mode = mode
        self._restore_window = False
        if (
            hide_window
            and self._settings.get_bool("capture_hide_window")
            and self._window.isVisible()
        ):
            self._restore_window = True
            self._window.hide()
            QTimer.singleShot(HIDE_DELAY_MS, self._grab)
        else:
            self._grab()
        return True

    def _grab(self) -> None:
        if capture.use_portal():
            self._grab_with_portal()
            return

        def work() -> tuple[capture.Screenshot, QImage, list[Any]]:
            shot = capture.grab_desktop(allow_qt=False)
            return shot, annotation.screenshot_image(shot), capture.windows()

        self._runner.run(work, on_success=self._on_grabbed, on_error=self._on_grab_failed)

    def _on_grab_failed(self, exc: BaseException) -> None:
        if isinstance(exc, capture.CaptureFailed):
            # mss cannot read this display (e.g. Xvnc): Qt can, but only on this thread.
            try:
                shot = capture.grab_desktop(allow_qt=True)
            except Exception as error:
                self._fail(error)
                return
            self._on_grabbed((shot, annotation.screenshot_image(shot), capture.windows()))
            return
        self._fail(exc)

    def _on_grabbed(self, result: object) -> None:
        assert isinstance(result, tuple)
        shot: capture.Screenshot = result[0]
        image: QImage = result[1]
        windows: list[Any] = result[2]
        self._shot, self._desktop = shot, image
        if self._mode == "all":
            self._selected(shot.rect, "all")
            return
        from app.ui.overlay import CaptureOverlay

        overlay = CaptureOverlay(
            image,
            shot.origin,
            list(shot.monitors),
            windows=[(w.title, w.rect) for w in windows],
            last_region=_parse_region(self._settings.get_str("capture_last_region")),
        )
        overlay.region_selected.connect(self._on_overlay_region_selected)
        overlay.cancelled.connect(self._on_overlay_cancelled)
        overlay.first_painted.connect(self._on_overlay_first_painted)
        self._overlay = overlay
        overlay.show()

    def _on_overlay_first_painted(self, when: float) -> None:
        # The hotkey benchmark reads this line: perf_counter is CLOCK_MONOTONIC on Linux, the
        # same clock in every process, so it compares with the time the key was sent.
        log.info(
            "capture: overlay painted %.1f ms after the trigger (monotonic %.6f)",
            (when - self.triggered_at) * 1000,
            when,
        )
        self.overlay_shown.emit(when)

    def _on_overlay_region_selected(self, selection: Any) -> None:
        self._close_overlay()
        if selection.mode == "region":
            self._settings.set("capture_last_region", str(selection.rect).replace(" ", ""))
        self._selected(selection.rect, selection.mode)

    def _on_overlay_cancelled(self) -> None:
        self._close_overlay()
        self._end()

    def _close_overlay(self) -> None:
        if self._overlay is not None:
            self._overlay.close()
            self._overlay.deleteLater()
            self._overlay = None

    def _selected(self, rect: capture.Rect, mode: str) -> None:
        image = annotation.crop(self._desktop, self._shot.origin, rect)
        self._desktop = QImage()  # the frozen desktop can be large: let it go now
        self._restore()
        self.annotate(image, self._default_name(), self._deliver, keep_busy=True)

    def _grab_with_portal(self) -> None:
        parent = ""
        if self._window.isVisible() and QGuiApplication.platformName() == "xcb":
            parent = f"x11:{int(self._window.winId()):x}"

        def work() -> QImage:
            return annotation.load_image(capture.capture_via_portal(parent, interactive=True))

        self._runner.run(work, on_success=self._on_portal_image, on_error=self._fail)

    def _on_portal_image(self, image: object) -> None:
        assert isinstance(image, QImage)
        self._restore()
        self.annotate(image, self._default_name(), self._deliver, keep_busy=True)

    # -- annotation ---------------------------------------------------------------------------

    def annotate(
        self,
        image: QImage,
        name: str,
        deliver: Deliver,
        *,
        annotations: str = "",
        keep_busy: bool = False,
    ) -> bool:
        """Open ``image`` in the annotator (or attach it as is when that is turned off and there
        is nothing to reopen); ``deliver`` gets the stored attachment. False when busy."""
        if self._busy and not keep_busy:
            if self._annotator is not None:
                self._annotator.raise_()
            return False
        self._busy = True
        self._deliver = deliver
        if not annotations and not self._settings.get_bool("capture_annotate"):
            self._store_plain(image, name)
            return True
        from app.ui.annotator import AnnotatorDialog

        try:
            dialog = AnnotatorDialog(
                image,
                annotations or None,
                self._window if self._window.isVisible() else None,
                runner=self._runner,
            )
        except ValueError as exc:  # annotations from a damaged draft: open the image plain
            log.warning("annotations not reopened: %s", exc)
            dialog = AnnotatorDialog(
                image,
                None,
                self._window if self._window.isVisible() else None,
                runner=self._runner,
            )
        self._annotator = dialog
        dialog.finished.connect(lambda code: self._on_annotator_finished(dialog, name, code))
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return True

    def _on_annotator_finished(self, dialog: Any, name: str, code: int) -> None:
        self._annotator = None
        dialog.deleteLater()
        if code != 1:  # QDialog.DialogCode.Accepted
            self._end()
            return
        document, rendered = dialog.result_document(), dialog.result_image()
        limit = self._settings.get_int("max_message_mb") * 1024 * 1024 * 3 // 4

        def work() -> AttachmentRef:
            sent, original, notes = annotation.export_annotated(document, rendered, limit)
            return self._drafts.store_annotated(name, sent, original, notes)

        self._runner.run(work, on_success=self._on_stored, on_error=self._fail)

    def _store_plain(self, image: QImage, name: str) -> None:
        image = image.copy()
        limit = self._settings.get_int("max_message_mb") * 1024 * 1024 * 3 // 4

        def work() -> AttachmentRef:
            data = annotation.export_png_within(image, limit).data
            return self._drafts.store_bytes(name, data, "image/png")

        self._runner.run(work, on_success=self._on_stored, on_error=self._fail)

    def _on_stored(self, ref: object) -> None:
        assert isinstance(ref, AttachmentRef)
        deliver = self._deliver
        self._end()
        deliver(ref)

    # -- endings ------------------------------------------------------------------------------

    def _fail(self, exc: BaseException) -> None:
        self._close_overlay()
        self._restore()
        self._end()
        from app.core.errors import Cancelled

        if isinstance(exc, Cancelled):
            return
        log.warning("capture failed: %s", exc)
        what, todo = describe_exception(exc)
        show_warning(
            self._window if self._window.isVisible() else None,
            self.tr("Screenshot not taken"),
            f"{what}\n\n{todo}",
        )

    def _restore(self) -> None:
        if self._restore_window:
            self._restore_window = False
            self._window.show()

    def _end(self) -> None:
        self._restore()
        self._busy = False
        self.finished.emit()

    def _default_name(self) -> str:
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
        return self.tr("Screenshot %1.png").replace("%1", stamp)
