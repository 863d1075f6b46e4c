"""The main window: navigation, composer, drafts and outbox."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME, __version__
from app.core.composer import step_lines
from app.core.errors import Cancelled, ConfigError, UserFacingError
from app.core.model import AttachmentRef, Draft, OutboxItem, OutboxState
from app.core.sysinfo import SystemInfo
from app.services.context import AppContext
from app.services.drafts import DraftService
from app.services.messages import Message, Severity
from app.services.outbox import AttemptResult, OutboxService, Outcome
from app.services.outbox_worker import OutboxWorker
from app.services.profiles import ProfileService
from app.services.tasks import TaskRunner
from app.ui import look
from app.ui.composer import ComposerWidget
from app.ui.errors import describe, describe_exception
from app.ui.lists import DraftsView, OutboxView
from app.ui.notice import show_warning

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the first paint
    from app.core.steps import Step
    from app.services.hotkeys import HotkeyService
    from app.services.recorder import RecorderService
    from app.ui.capture_flow import CaptureFlow
    from app.ui.profiles import SettingsDialog
    from app.ui.recorder_control import RecorderControl
    from app.ui.steps_editor import StepsEditor

log = logging.getLogger(__name__)

PAGE_COMPOSE, PAGE_DRAFTS, PAGE_OUTBOX = 0, 1, 2
ICONS = Path(__file__).resolve().parent.parent.parent / "resources" / "icons"


def nav_icon(name: str) -> QIcon:
    """An icon from resources/icons."""
    return QIcon(str(ICONS / f"{name}.svg"))


BROWSER_REFRESH_S = 30.0
"""Opening the browser list detects again when the last detection is older than this."""

GENERAL_SETTINGS = (
    "language",
    "show_tray_icon",
    "close_to_tray",
    "capture_hotkey",
    "capture_annotate",
    "capture_hide_window",
    "recorder_max_steps",
    "recorder_hotkey",
)
"""The settings the General tab edits."""


class StatusLabel(QLabel):
    """The status bar's one line. A text too long for it (an error in Italian, a narrow window)
    ends in "\u2026" instead of being cut mid-word; the tooltip then holds all of it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        # Take the width the status bar gives, rather than asking for the whole text's width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_text(self, text: str) -> None:
        """Show ``text``, elided to the label's width."""
        self._full = text
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class MainWindow(QMainWindow):
    """Ticketwise's window."""

    notify = Signal(str, str, int)
    """Show a desktop notification: title, text, severity (0 info, 1 warning, 2 error)."""
    quit_requested = Signal()
    """The user chose Quit."""
    recording_finished = Signal(list)
    """A steps recording ended (or one a crash interrupted was recovered): its list[Step].
    Its journal stays on disk until :meth:`recording_handled` is called."""

    def __init__(self, ctx: AppContext, runner: TaskRunner, icon: QIcon) -> None:
        super().__init__()
        self._ctx = ctx
        self._runner = runner
        self._drafts = DraftService(ctx)
        self._profiles = ProfileService(ctx)
        self._outbox = OutboxService(ctx)
        self.worker = OutboxWorker(self._outbox, runner)
        self.close_to_tray = False
        self.tray_available = False
        self._lists_generation = 0
        self._storage_warned: set[tuple[str, str]] = set()
        self._quitting = False
        self.capture_flow: CaptureFlow | None = None
        self.hotkeys: HotkeyService | None = None
        self.hotkey_problem = ""
        self.recorder: RecorderService | None = None
        self.recorder_control: RecorderControl | None = None
        self.recorder_hotkeys: HotkeyService | None = None
        self.recorder_hotkey_problem = ""
        self._restore_after_recording = False
        self._recovery_box: QMessageBox | None = None
        self.steps_editor: StepsEditor | None = None
        self._pending_capture = ""
        self._browsers_busy = False
        self._sysinfo_generation = 0
        self._browsers_loaded_at = 0.0
        self.show_after_capture = False
        """Open the window when the next capture ends (a start by ``main.py capture``)."""
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon)
        self.resize(1120, 760)
        self.setMinimumSize(QSize(760, 540))

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        look.navigation(self.nav)
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(2)
        for text, icon_name in (
            (self.tr("New ticket"), "compose"),
            (self.tr("Drafts"), "drafts"),
            (self.tr("Outbox"), "outbox"),
        ):
            self.nav.addItem(QListWidgetItem(nav_icon(icon_name), text))
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        self.composer = ComposerWidget(
            self._drafts, runner, autosave_ms=ctx.settings.get_int("autosave_delay_ms")
        )
        self.drafts_view = DraftsView()
        self.outbox_view = OutboxView()
        self.stack = QStackedWidget()
        for page in (self.composer, self.drafts_view, self.outbox_view):
            self.stack.addWidget(page)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = StatusLabel()
        self.statusBar().addWidget(self.status_label, 1)

        self._build_menus()
        self._connect()
        self._on_composer_subject_changed("")
        self.nav.setCurrentRow(PAGE_COMPOSE)
        self.composer.subject.setFocus()

    # -- construction -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New ticket"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_ticket)
        self.settings_action = QAction(self.tr("&Settings\u2026"), self)
        self.settings_action.setShortcut(QKeySequence(self.tr("Ctrl+,")))
        self.settings_action.triggered.connect(self.open_settings)
        self.send_all_action = QAction(self.tr("Send &outbox now"), self)
        self.send_all_action.triggered.connect(self._on_send_now_requested)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.new_action, self.settings_action, self.send_all_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Ticketwise"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _connect(self) -> None:
        self.composer.send_requested.connect(self._on_composer_send_requested)
        self.composer.draft_saved.connect(self._on_composer_draft_saved)
        self.composer.setup_requested.connect(self._on_composer_setup_requested)
        self.composer.status_message.connect(self.show_status)
        self.composer.subject_changed.connect(self._on_composer_subject_changed)
        self.composer.capture_requested.connect(self._on_composer_capture_requested)
        self.composer.record_requested.connect(self._on_composer_record_requested)
        self.recording_finished.connect(self._on_recording_finished)
        self.composer.browsers_wanted.connect(self._on_composer_browsers_wanted)
        self.composer.sysinfo_wanted.connect(self._on_composer_sysinfo_wanted)
        self.drafts_view.open_requested.connect(self._on_drafts_open_requested)
        self.drafts_view.delete_requested.connect(self._on_drafts_delete_requested)
        self.outbox_view.send_now_requested.connect(self._on_send_now_requested)
        self.outbox_view.retry_requested.connect(self._on_outbox_retry_requested)
        self.outbox_view.edit_requested.connect(self._on_outbox_edit_requested)
        self.outbox_view.mark_sent_requested.connect(self._on_outbox_mark_sent_requested)
        self.outbox_view.follow_up_requested.connect(self._on_outbox_follow_up_requested)
        self.outbox_view.delete_requested.connect(self._on_outbox_delete_requested)
        self.outbox_view.cancel_requested.connect(self.worker.cancel)
        self.worker.item_started.connect(self._on_worker_item_started)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.item_finished.connect(self._on_worker_item_finished)
        self.worker.flush_finished.connect(self._on_worker_flush_finished)
        self.worker.flush_failed.connect(self._on_worker_flush_failed)

    def start(self) -> None:
        """After the first paint: load data, resume the last draft, start the outbox, set up
        screenshots and take the global key."""
        self._start_capture_support()
        self._load_browsers(fresh=False)
        self.refresh_profiles()
        self._runner.run(
            self._drafts.latest, on_success=self._on_latest_loaded, on_error=self._on_storage_failed
        )
        self.worker.start()
        self.refresh_lists()
        recorder = self.ensure_recorder()
        self._runner.run(
            recorder.recover,
            on_success=self._on_recording_recovered,
            on_error=self._on_storage_failed,
        )

    def _on_latest_loaded(self, draft: object) -> None:
        if (
            isinstance(draft, Draft)
            and self.composer.draft.is_empty
            and self.composer.draft_id is None
        ):
            self.composer.load_draft(draft)
            self.show_status(self.tr("Your last draft is back, as you left it."))
            self.composer.subject.setFocus()
        elif not self._typing_in_composer():
            # Only where the user is not typing yet: on a busy machine this arrives late, and
            # taking the focus back to the subject would send the next keys there.
            self.composer.subject.setFocus()

    def _typing_in_composer(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.composer.isAncestorOf(focus)

    @Slot(str)
    def _on_composer_subject_changed(self, subject: str) -> None:
        shown = " ".join(subject.split())
        if len(shown) > 60:
            shown = shown[:59] + "\u2026"
        self.setWindowTitle(
            self.tr("%1 \u2013 %2").replace("%1", shown).replace("%2", APP_NAME)
            if shown
            else self.tr("New ticket \u2013 %1").replace("%1", APP_NAME)
        )

    # -- messages -------------------------------------------------------------------------------

    @Slot(str)
    def show_status(self, text: str) -> None:
        """A transient message in the status bar."""
        self.status_label.show_text(text)

    def on_message(self, message: Message) -> None:
        """A message from the services (already on the GUI thread)."""
        if message.kind == "outbox_sent":
            subject = str(message.params.get("subject", ""))
            ticket = str(message.params.get("ticket", ""))
            text = (
                self.tr("Ticket %1 created: %2").replace("%1", ticket).replace("%2", subject)
                if ticket
                else self.tr("Sent to the help desk: %1").replace("%1", subject)
            )
            self.notify.emit(self.tr("Ticket sent"), text, 0)
            self.show_status(text)
            return
        if message.kind in ("ticket_created", "ticket_reply", "ticket_state"):
            self._on_ticket_message(message)
            return
        if message.kind == "outbox_unknown":
            what, todo = describe("outcome_unknown")
            self.notify.emit(self.tr("A ticket needs checking"), what, 1)
            self.show_status(what)
            return
        what, todo = describe(message.kind, message.params, message.text)
        subject = str(message.params.get("subject", ""))
        title = self.tr("Not sent: %1").replace("%1", subject) if subject else self.tr("Ticketwise")
        self.notify.emit(title, f"{what} {todo}", 2 if message.severity is Severity.ERROR else 1)
        self.show_status(f"{title} \u2013 {what}")

    def _on_ticket_message(self, message: Message) -> None:
        """What a sync found: a sent ticket's number, a reply, a state change."""
        p = message.params
        ticket = str(p.get("ticket", ""))
        if message.kind == "ticket_created":
            title = self.tr("Ticket#%1 created").replace("%1", ticket)
            text = str(p.get("subject", ""))
        elif message.kind == "ticket_reply":
            title = self.tr("New answer on %1").replace("%1", ticket)
            text = (
                self.tr("%1: %2")
                .replace("%1", str(p.get("from", "")))
                .replace("%2", str(p.get("subject", "")))
            )
        else:
            title = self.tr("Ticket %1 changed").replace("%1", ticket)
            state = str(p.get("new", ""))
            text = (
                self.tr("%1 is now closed").replace("%1", str(p.get("title", "")))
                if state in ("resolved", "closed")
                else self.tr("%1 is open again").replace("%1", str(p.get("title", "")))
            )
        self.notify.emit(title, text, 0)
        self.show_status(f"{title} \u2013 {text}")

    # -- navigation -----------------------------------------------------------------------------

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if row != PAGE_COMPOSE:
            self.composer.save_now()
        self.stack.setCurrentIndex(row)
        if row in (PAGE_DRAFTS, PAGE_OUTBOX):
            self.refresh_lists()

    def show_page(self, page: int) -> None:
        """Switch to a page."""
        self.nav.setCurrentRow(page)

    @Slot()
    def new_ticket(self) -> None:
        """Start a new, empty ticket (the current one stays a draft)."""
        self.composer.new_draft()
        self.show_page(PAGE_COMPOSE)
        self.show_normal_and_raise()
        self.refresh_lists()

    def show_normal_and_raise(self) -> None:
        """Bring the window to the front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh_lists(self) -> None:
        """Reload the drafts and the outbox from the store (in the background)."""

        self._lists_generation += 1
        generation = self._lists_generation

        def work() -> tuple[int, list[Draft], list[OutboxItem]]:
            return generation, self._drafts.list_all(), self._outbox.repo.list_items()

        self._runner.run(work, on_success=self._on_lists_loaded, on_error=self._on_storage_failed)

    def _on_lists_loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        if result[0] != self._lists_generation:
            return  # an older refresh finishing late: a newer one is on its way
        result = result[1:]
        drafts: list[Draft] = result[0]
        items: list[OutboxItem] = result[1]
        self.drafts_view.set_drafts(drafts, self.composer.draft_id)
        self.outbox_view.set_items(items)
        pending = sum(1 for i in items if i.state is not OutboxState.SENT)
        attention = sum(1 for i in items if i.state in (OutboxState.FAILED, OutboxState.UNKNOWN))
        self.nav.item(PAGE_DRAFTS).setText(
            self.tr("Drafts (%1)").replace("%1", str(len(drafts))) if drafts else self.tr("Drafts")
        )
        outbox_text = self.tr("Outbox")
        if pending:
            outbox_text = self.tr("Outbox (%1)").replace("%1", str(pending))
        if attention:
            outbox_text += " \u26a0"
        self.nav.item(PAGE_OUTBOX).setText(outbox_text)

    def refresh_profiles(self) -> None:
        """Refill the composer's help-desk box; the system information follows its choice."""
        self.composer.set_profiles(self._profiles.names(), self._profiles.default_name())
        self._load_sysinfo(str(self.composer.profile_box.currentData() or ""))

    # -- drafts ---------------------------------------------------------------------------------

    def _on_composer_draft_saved(self, _draft: object) -> None:
        if self.stack.currentIndex() == PAGE_DRAFTS:
            self.refresh_lists()

    def _on_drafts_open_requested(self, draft_id: int) -> None:
        self.composer.save_now()
        self._runner.run(
            lambda: self._drafts.get(draft_id),
            on_success=self._on_draft_fetched,
            on_error=self._on_storage_failed,
            serial=True,
        )

    def _on_draft_fetched(self, draft: object) -> None:
        if isinstance(draft, Draft):
            self.composer.load_draft(draft)
            self.show_page(PAGE_COMPOSE)

    def _on_drafts_delete_requested(self, draft_id: int) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete draft"), self.tr("Delete this draft for good?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if draft_id == self.composer.draft_id:
            self.composer.load_draft(None)
        self._runner.run(
            lambda: self._drafts.delete(draft_id),
            serial=True,
            on_success=lambda _r: self.refresh_lists(),
            on_error=self._on_storage_failed,
        )

    # -- sending --------------------------------------------------------------------------------

    def _on_composer_send_requested(self, draft: object) -> None:
        assert isinstance(draft, Draft)
        if not self._profiles.names():
            if not self._run_setup():
                self.show_status(
                    self.tr("Not sent: no help desk is set up. Your ticket is kept as a draft.")
                )
                return
            self.refresh_profiles()
            draft = self.composer.draft.with_changes(profile=self._profiles.default_name())
        elif not draft.profile:
            draft = draft.with_changes(profile=self._profiles.default_name())
        self._submit(draft)

    def _run_setup(self) -> bool:
        from app.ui.profiles import ProfileSetupDialog

        dialog = ProfileSetupDialog(self._profiles, self._runner, self)
        return dialog.exec() == ProfileSetupDialog.DialogCode.Accepted

    def _submit(self, draft: Draft) -> None:
        handle = self.composer._handle  # the id the autosaves are filling in
        labels = self.composer.body_labels()
        self.composer.send_button.setEnabled(False)

        def work() -> OutboxItem:
            target = (
                draft
                if handle.id is None
                else draft.with_changes(id=handle.id, updated_at=draft.updated_at)
            )
            return self._outbox.submit_draft(target, labels)

        self._runner.run(
            work, on_success=self._on_submitted, on_error=self._on_submit_failed, serial=True
        )

    def _on_submitted(self, item: object) -> None:
        assert isinstance(item, OutboxItem)
        self.composer.send_button.setEnabled(True)
        self.composer.load_draft(None)
        self.show_status(
            self.tr("Sending \u201c%1\u201d\u2026").replace("%1", item.submission.subject)
        )
        self.worker.flush()
        self.refresh_lists()

    def _on_submit_failed(self, exc: BaseException) -> None:
        self.composer.send_button.setEnabled(True)
        if isinstance(exc, ConfigError) and exc.params.get("reason") in (
            "no_profile",
            "no_default_profile",
        ):
            self.open_settings()
            return
        what, todo = describe_exception(exc)
        show_warning(
            self,
            self.tr("Ticket not sent"),
            f"{what}\n\n{todo}\n\n" + self.tr("Your ticket is kept as a draft."),
        )

    @Slot()
    def _on_send_now_requested(self) -> None:
        self.worker.flush(ignore_backoff=True)

    def _on_worker_item_started(self, item: object) -> None:
        assert isinstance(item, OutboxItem)
        self.outbox_view.set_sending(item)
        self.show_status(
            self.tr("Sending \u201c%1\u201d\u2026").replace("%1", item.submission.subject)
        )

    @Slot(int, int)
    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.outbox_view.set_progress(done, total)

    def _on_worker_item_finished(self, result: object) -> None:
        assert isinstance(result, AttemptResult)
        if result.outcome is Outcome.RETRY and result.error is not None:
            what, todo = describe_exception(result.error)
            self.show_status(f"{what} {todo}")

    @Slot()
    def _on_worker_flush_finished(self) -> None:
        self.outbox_view.set_sending(None)
        self.refresh_lists()

    def _on_worker_flush_failed(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            self._on_storage_failed(exc)

    def _on_outbox_retry_requested(self, item_id: int) -> None:
        self._runner.run(
            lambda: self._outbox.retry(item_id),
            serial=True,
            on_success=lambda _r: self.worker.flush(ignore_backoff=True),
            on_error=self._on_storage_failed,
        )

    def _on_outbox_edit_requested(self, item_id: int) -> None:
        self.composer.save_now()
        self._runner.run(
            lambda: self._outbox.repo.return_to_drafts(item_id),
            serial=True,
            on_success=self._on_returned_to_drafts,
            on_error=self._on_storage_failed,
        )

    def _on_returned_to_drafts(self, draft: object) -> None:
        if isinstance(draft, Draft):
            self.composer.load_draft(draft)
            self.show_page(PAGE_COMPOSE)
            self.show_status(self.tr("The ticket is a draft again: edit it and send it."))
        self.refresh_lists()

    def _on_outbox_follow_up_requested(self, item_id: int) -> None:
        item = self.outbox_view._items.get(item_id)
        if item is None:
            return
        self.composer.start_follow_up(
            item.submission.profile,
            item.ticket_number,
            item.ticket_id,
            item.submission.subject,
            in_reply_to=item.message_id,
        )
        self.show_page(PAGE_COMPOSE)

    def _on_outbox_mark_sent_requested(self, item_id: int) -> None:
        self._runner.run(
            lambda: self._outbox.repo.mark_sent_by_user(item_id),
            serial=True,
            on_success=lambda _r: self.refresh_lists(),
            on_error=self._on_storage_failed,
        )

    def _on_outbox_delete_requested(self, item_id: int) -> None:
        item = next((i for i in self.outbox_view._items.values() if i.id == item_id), None)
        if item is not None and item.state is not OutboxState.SENT:
            answer = QMessageBox.question(
                self,
                self.tr("Delete from outbox"),
                self.tr("This ticket has not reached the help desk. Delete it anyway?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._runner.run(
            lambda: self._outbox.repo.delete(item_id),
            serial=True,
            on_success=lambda _r: self.refresh_lists(),
            on_error=self._on_storage_failed,
        )

    def _on_storage_failed(self, exc: BaseException) -> None:
        what, todo = describe_exception(exc)
        log.error("storage task failed: %s", exc, exc_info=exc)
        self.show_status(f"{what} {todo}")
        key = (getattr(exc, "kind", ""), str(getattr(exc, "params", {}).get("reason", "")))
        if key not in self._storage_warned:  # say it loudly once, then in the status bar
            self._storage_warned.add(key)
            show_warning(self, self.tr("Ticketwise cannot use its data"), f"{what}\n\n{todo}")

    # -- dialogs --------------------------------------------------------------------------------

    def make_settings_dialog(self) -> SettingsDialog:
        """The settings dialog, wired to this window."""
        from app.ui.profiles import SettingsDialog

        settings = self._ctx.settings
        general = {key: settings[key] for key in GENERAL_SETTINGS}
        dialog = SettingsDialog(self._profiles, self._runner, general, self)
        dialog.show_hotkey_problem(self.hotkey_problem)
        dialog.show_recorder_hotkey_problem(self.recorder_hotkey_problem)
        dialog.profiles_changed.connect(self.refresh_profiles)
        return dialog

    @Slot()
    def open_settings(self) -> None:
        """Show the settings dialog and apply what changed."""
        settings = self._ctx.settings
        dialog = self.make_settings_dialog()
        dialog.exec()
        for key, value in dialog.general_values.items():
            if settings[key] != value:
                settings.set(key, value)
        self.settings_changed()
        self.refresh_profiles()  # a profile may have been added, renamed or changed

    def settings_changed(self) -> None:
        """Apply settings that take effect at once."""
        self.close_to_tray = self.tray_available and self._ctx.settings.get_bool("close_to_tray")
        self.apply_hotkey()
        self.apply_recorder_hotkey()

    def _on_composer_setup_requested(self) -> None:
        if self._profiles.names():
            self.open_settings()
        else:
            self._run_setup()
            self.refresh_profiles()  # also puts the box back when the set-up was cancelled

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Ticketwise"),
            self.tr(
                "<h3>Ticketwise %1</h3><p>File support tickets a help desk can act on at "
                "once, and follow them to the end.</p><p>Data folder: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self._ctx.paths.data_dir)),
        )

    # -- browsers -------------------------------------------------------------------------------

    def _load_browsers(self, *, fresh: bool) -> None:
        """Detect the installed browsers in a worker (the cache first, unless ``fresh``)."""
        from app.services.browsers import BrowserService

        if self._browsers_busy:
            return
        self._browsers_busy = True
        service = BrowserService(self._ctx)
        self._browsers_loaded_at = time.monotonic()
        self._runner.run(
            service.refresh if fresh else service.current,
            on_success=self._on_browsers_detected,
            on_error=self._on_browsers_failed,
        )

    def _on_browsers_detected(self, report: object) -> None:
        self._browsers_busy = False
        self.composer.set_browsers(report)  # type: ignore[arg-type]

    def _on_browsers_failed(self, exc: BaseException) -> None:
        self._browsers_busy = False
        log.warning("browser detection failed: %s", exc)  # the field still takes free text

    def _on_composer_browsers_wanted(self) -> None:
        if time.monotonic() - self._browsers_loaded_at > BROWSER_REFRESH_S:
            self._load_browsers(fresh=True)

    # -- system information -----------------------------------------------------------------

    def _load_sysinfo(self, profile_name: str) -> None:
        """Collect the system facts for ``profile_name``'s help desk in a worker (the connection
        test takes up to a few seconds); the newest request wins."""
        from app.services.sysinfo import collect_for

        self._sysinfo_generation += 1
        generation = self._sysinfo_generation
        # QScreens are read here, on the GUI thread: device pixels and the scale of each.
        screens = [
            (
                round(s.geometry().width() * s.devicePixelRatio()),
                round(s.geometry().height() * s.devicePixelRatio()),
                s.devicePixelRatio(),
            )
            for s in QGuiApplication.screens()
        ]
        ctx = self._ctx

        def work() -> tuple[SystemInfo, bool]:
            try:
                include = ctx.resolve_profile(profile_name).include_sysinfo
            except UserFacingError:  # no profile yet: the default of a new one
                include = True
            return collect_for(ctx, profile_name or None, screens), include

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            info, include = result
            if generation == self._sysinfo_generation:
                self.composer.set_sysinfo(info, include_by_default=bool(include))

        def failed(exc: BaseException) -> None:
            log.warning("system information not collected: %s", exc)
            if generation == self._sysinfo_generation:
                self.composer.set_sysinfo_failed()

        self._runner.run(work, on_success=done, on_error=failed)

    @Slot(str)
    def _on_composer_sysinfo_wanted(self, profile_name: str) -> None:
        self._load_sysinfo(profile_name)

    # -- screenshots ----------------------------------------------------------------------------

    def _start_capture_support(self) -> None:
        if self.capture_flow is not None:
            return
        from app.services.hotkeys import HotkeyService
        from app.ui.capture_flow import CaptureFlow

        self.capture_flow = CaptureFlow(self._ctx.settings, self._drafts, self._runner, self)
        self.capture_flow.finished.connect(self._on_capture_flow_finished)
        self.composer.set_capture_flow(self.capture_flow)
        self.hotkeys = HotkeyService(self)
        self.hotkeys.pressed.connect(self._on_hotkeys_pressed)
        self.apply_hotkey()
        self.recorder_hotkeys = HotkeyService(self)
        self.recorder_hotkeys.pressed.connect(self._on_recorder_hotkeys_pressed)
        self.apply_recorder_hotkey()
        if self._pending_capture:
            mode, self._pending_capture = self._pending_capture, ""
            self.start_capture(mode)

    def apply_hotkey(self) -> str:
        """Take the global key from the settings; the problem, translated ('' when none)."""
        if self.hotkeys is None:
            return ""
        text = self._ctx.settings.get_str("capture_hotkey")
        try:
            self.hotkeys.apply(text)
        except Cancelled:  # the desktop asked the user (Wayland portal), who said no
            self.hotkey_problem = ""
            log.info("hotkey %r declined by the user", text)
        except Exception as exc:
            what, todo = describe_exception(exc)
            self.hotkey_problem = f"{what} {todo}"
            log.warning("hotkey %r not taken: %s", text, exc)
            self.show_status(what)
            self.notify.emit(self.tr("Screenshot key not available"), self.hotkey_problem, 1)
        else:
            self.hotkey_problem = ""
        return self.hotkey_problem

    def start_capture(self, mode: str = "region", *, from_window: bool = False) -> bool:
        """Start a screenshot that lands in the draft open in the composer (a new one when
        none is). Before :meth:`start` ran, it is remembered and started then."""
        if self.capture_flow is None:
            self._pending_capture = mode
            return True
        return self.capture_flow.start(mode, self._on_capture_attached, hide_window=from_window)

    def _on_capture_attached(self, ref: AttachmentRef) -> None:
        self.composer.add_attachment(ref)
        self.show_page(PAGE_COMPOSE)
        text = self.tr("%1 attached to the ticket. Double-click it to annotate or redact.").replace(
            "%1", ref.name
        )
        self.show_status(text)
        if not self.isVisible():
            self.notify.emit(self.tr("Screenshot attached"), text, 0)

    def _on_capture_flow_finished(self) -> None:
        if self.show_after_capture:
            self.show_after_capture = False
            self.show_normal_and_raise()

    def _on_composer_capture_requested(self, mode: str) -> None:
        self.start_capture(mode, from_window=True)

    def _on_hotkeys_pressed(self) -> None:
        self.start_capture("region")

    # -- steps recorder -------------------------------------------------------------------------

    def ensure_recorder(self) -> RecorderService:
        """The recorder service and its control (made on first use)."""
        if self.recorder is None:
            from app.services.recorder import RecorderService
            from app.ui.recorder_control import RecorderControl

            self.recorder = RecorderService(self._ctx, self._runner, self)
            self.recorder.stopped.connect(self._on_recorder_stopped)
            self.recorder.failed.connect(self._on_recorder_failed)
            self.recorder.limit_reached.connect(self._on_recorder_limit_reached)
            self.recorder_control = RecorderControl(self.recorder)
        return self.recorder

    @property
    def is_recording(self) -> bool:
        """True while steps are recorded."""
        return self.recorder is not None and self.recorder.recording

    def start_recording(self) -> bool:
        """Start recording steps: the control shows, this window minimizes. False (after
        saying why) when this session cannot record."""
        recorder = self.ensure_recorder()
        if recorder.recording:
            return True
        if recorder.stopping:
            return False  # the last one is still being saved
        if self.steps_editor is not None:
            # The last recording is still being reviewed: its window would sit over the
            # application to record (and clicks on our windows are not steps).
            self.show_normal_and_raise()
            self.steps_editor.raise_()
            self.steps_editor.activateWindow()
            self.show_status(self.tr("Finish reviewing the recorded steps first."))
            return False
        try:
            recorder.start(self._ctx.settings.get_int("recorder_max_steps"))
        except Exception as exc:
            what, todo = describe_exception(exc)
            log.warning("steps recording not started: %s", exc)
            self.show_status(what)
            show_warning(self, self.tr("Steps cannot be recorded"), f"{what}\n\n{todo}")
            return False
        assert self.recorder_control is not None
        self.recorder_control.show_control()
        self._restore_after_recording = self.isVisible() and not self.isMinimized()
        if self._restore_after_recording:
            self.showMinimized()  # out of the way of what is being shown
        self.show_status(self.tr("Recording steps\u2026"))
        return True

    def stop_recording(self) -> None:
        """Stop the recording; ``recording_finished`` follows once everything is stored."""
        if self.recorder is not None:
            self.recorder.stop()

    def toggle_recording(self) -> None:
        """Start recording, or stop the recording in progress."""
        if self.is_recording:
            self.stop_recording()
        else:
            self.start_recording()

    def recording_handled(self) -> None:
        """The steps of ``recording_finished`` are safe in a draft: let their journal go."""
        recorder = self.ensure_recorder()
        self._runner.run(recorder.discard_journal, serial=True, on_error=self._on_storage_failed)

    def apply_recorder_hotkey(self) -> str:
        """Take the recording key from the settings; the problem, translated ('' when none)."""
        if self.recorder_hotkeys is None:
            return ""
        from app.services.hotkeys import KeySequence

        text = self._ctx.settings.get_str("recorder_hotkey")
        capture = self._ctx.settings.get_str("capture_hotkey")
        try:
            same = bool(text.strip()) and KeySequence.parse(text) == KeySequence.parse(capture)
        except Exception:
            same = False  # a key that cannot be parsed: apply() says so below
        if same:
            self.recorder_hotkeys.release()
            self.recorder_hotkey_problem = self.tr(
                "%1 is already the screenshot key. Choose another key for recording."
            ).replace("%1", text)
            self.show_status(self.recorder_hotkey_problem)
            return self.recorder_hotkey_problem
        try:
            self.recorder_hotkeys.apply(text)
        except Cancelled:
            self.recorder_hotkey_problem = ""
            log.info("recording key %r declined by the user", text)
        except Exception as exc:
            what, todo = describe_exception(exc)
            self.recorder_hotkey_problem = f"{what} {todo}"
            log.warning("recording key %r not taken: %s", text, exc)
            self.show_status(what)
            self.notify.emit(
                self.tr("Recording key not available"), self.recorder_hotkey_problem, 1
            )
        else:
            self.recorder_hotkey_problem = ""
        return self.recorder_hotkey_problem

    def _on_recorder_hotkeys_pressed(self) -> None:
        if self.is_recording:
            assert self.recorder is not None
            self.recorder.stop(stop_key=True)
        else:
            self.start_recording()

    def _on_composer_record_requested(self) -> None:
        self.start_recording()

    def _on_recorder_stopped(self, steps: list[Step]) -> None:
        if self._restore_after_recording:
            self._restore_after_recording = False
            self.show_normal_and_raise()
        count = len(steps)
        self.show_status(
            self.tr("Recorded 1 step.")
            if count == 1
            else self.tr("Recorded %1 steps.").replace("%1", str(count))
        )
        if not steps:
            self.recording_handled()  # nothing to keep
            return
        self.recording_finished.emit(steps)

    def _on_recorder_failed(self, exc: object) -> None:
        if not isinstance(exc, BaseException):
            return
        what, todo = describe_exception(exc)
        log.warning("steps recorder: %s", exc)
        self.show_status(f"{what} {todo}")
        self.notify.emit(self.tr("Steps recorder"), f"{what} {todo}", 1)

    def _on_recorder_limit_reached(self) -> None:
        assert self.recorder is not None
        text = self.tr("Step limit reached (%1): stop, or raise it in Settings.").replace(
            "%1", str(self.recorder.max_steps)
        )
        self.show_status(text)
        self.notify.emit(self.tr("Steps recorder"), text, 1)

    def _on_recording_recovered(self, steps: object) -> None:
        if not isinstance(steps, list):
            return  # no journal, or a damaged one (logged)
        if not steps:
            self.recording_handled()
            return
        count = len(steps)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Steps recording"),
            self.tr("A steps recording was interrupted (%1 steps).").replace("%1", str(count)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr("Review them to add them to a ticket, or discard them for good.")
        )
        review = box.addButton(self.tr("&Review"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(review)
        box.setEscapeButton(later)  # closing it decides nothing: it is offered again next time
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            self._recovery_box = None
            if button is review:
                self.recording_finished.emit(steps)
            elif button is not later:
                self.recording_handled()

        box.buttonClicked.connect(answered)
        self._recovery_box = box
        box.show()

    @Slot(list)
    def _on_recording_finished(self, steps: list[Step]) -> None:
        """Let the user edit the steps, then put them into the draft being written."""
        if self._quitting:
            return  # the journal keeps them: offered again at the next start
        if self.steps_editor is not None:
            # One review at a time; this recording's journal stays until it is reviewed.
            self.steps_editor.raise_()
            self.show_status(self.tr("Finish reviewing the recorded steps first."))
            return
        from app.ui.step_captions import localized
        from app.ui.steps_editor import StepsEditor

        self.show_page(PAGE_COMPOSE)
        self.show_normal_and_raise()
        editor = StepsEditor(
            localized(steps),
            self._drafts,
            self._runner,
            self,
            size_limit=self._ctx.settings.get_int("max_message_mb") * 1024 * 1024,
            already=sum(ref.size for ref in self.composer.draft.attachments),
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(self._on_steps_editor_accepted)
        editor.rejected.connect(self._on_steps_editor_rejected)
        self.steps_editor = editor
        editor.open()

    @Slot()
    def _on_steps_editor_accepted(self) -> None:
        editor, self.steps_editor = self.steps_editor, None
        if editor is None:
            return
        from app.services.steps import prepare_insertion

        steps, report = editor.steps(), editor.include_report()
        labels, annotated = editor.report_labels(), editor.annotated()
        title = " ".join(self.composer.subject.text().split())
        # Numbered on from the lines already there (the sent body numbers all of them), and
        # named apart from the draft's attachments (a second recording in the same ticket).
        first = len(step_lines(self.composer.steps.toPlainText())) + 1
        taken = [ref.name for ref in self.composer.draft.attachments]
        drafts = self._drafts
        self.show_status(self.tr("Adding the recorded steps to the ticket\u2026"))
        self._runner.run(
            lambda: prepare_insertion(
                drafts,
                steps,
                report=report,
                title=title,
                labels=labels,
                annotated=annotated,
                first_number=first,
                taken_names=taken,
            ),
            on_success=self._on_steps_prepared,
            on_error=self._on_storage_failed,
        )

    def _on_steps_prepared(self, insertion: object) -> None:
        from app.services.steps import StepsInsertion

        assert isinstance(insertion, StepsInsertion)
        self.composer.insert_steps(insertion)
        lines = len(insertion.text.splitlines())
        self.show_status(
            self.tr("The recorded steps are in the ticket (%1 lines, %2 attachments).")
            .replace("%1", str(lines))
            .replace("%2", str(len(insertion.attachments)))
        )
        # The journal goes only once the draft holding the steps is on disk: the save is queued
        # on the serial worker first, and recording_handled's removal runs after it.
        self.composer.save_now()
        self.recording_handled()

    @Slot()
    def _on_steps_editor_rejected(self) -> None:
        editor, self.steps_editor = self.steps_editor, None
        if editor is None or self._quitting:
            return  # quitting closes the editor: that is no decision, the journal stays
        self.recording_handled()  # the user confirmed: discard
        self.show_status(self.tr("The recorded steps were discarded."))

    def handle_instance_request(self, message: dict[str, object]) -> dict[str, object]:
        """A request from another Ticketwise process (:mod:`app.services.instance`)."""
        command = message.get("command")
        if command == "ping":
            return {"ok": True}
        if command == "activate":
            QTimer.singleShot(0, self.show_normal_and_raise)
            return {"ok": True}
        if command == "capture":
            mode = str(message.get("mode") or "region")
            from app.ui.capture_flow import MODES

            if mode not in MODES:
                return {"ok": False, "error": f"unknown capture mode {mode!r}"}
            QTimer.singleShot(0, lambda: self.start_capture(mode))
            return {"ok": True}
        return {"ok": False, "error": f"unknown command {command!r}"}

    # -- closing --------------------------------------------------------------------------------

    def prepare_quit(self) -> None:
        """Save everything before the application quits."""
        self._quitting = True
        if self.steps_editor is not None:
            self.steps_editor.done(0)  # no question while quitting; the journal keeps the steps
        if self.hotkeys is not None:
            self.hotkeys.close()
        if self.recorder_hotkeys is not None:
            self.recorder_hotkeys.close()
        if self.recorder is not None and self.recorder.recording:
            # Its journal keeps every step: the next start offers them back.
            self.recorder.stop()
        self.composer.flush()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.composer.save_now()
        if self.close_to_tray and not self._quitting:
            event.ignore()
            self.hide()
            self.notify.emit(
                self.tr("Ticketwise is still running"),
                self.tr("Tickets in the outbox keep going out. Quit from the tray icon's menu."),
                0,
            )
            return
        self.prepare_quit()
        event.accept()
        QTimer.singleShot(0, self.quit_requested.emit)
