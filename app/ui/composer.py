"""The guided composer: subject, description sections, browser, attachments, live checklist.

Widgets only copy state in and out of a :class:`Draft`; the checks are pure functions in
``app.core.composer``. Every edit restarts a short timer; when it fires the draft is saved on the
serial worker, so the GUI thread never waits for the disk.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.composer import BodyLabels, Check, CheckId, Level, blockers, check_draft
from app.core.model import NOT_A_BROWSER_PROBLEM, AttachmentRef, Draft
from app.core.sysinfo import SystemInfo
from app.services.drafts import DraftHandle, DraftService
from app.services.tasks import TaskRunner
from app.ui import look
from app.ui.attachments import AttachmentList, encode_png, load_thumbnail, local_files
from app.ui.checklist import ChecklistPanel
from app.ui.errors import describe_exception
from app.ui.notice import show_warning
from app.ui.sysinfo_panel import SysinfoPanel

if TYPE_CHECKING:
    from app.services.browsers import BrowserReport
    from app.services.steps import StepsInsertion
    from app.ui.capture_flow import CaptureFlow

log = logging.getLogger(__name__)


class SectionEdit(QPlainTextEdit):
    """A description section. Files and images dropped or pasted here become attachments."""

    files_dropped = Signal(list)
    """Local file paths were dropped or pasted."""
    image_pasted = Signal(QImage)
    """An image was dropped or pasted."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(70)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return (
            bool(local_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        files = local_files(source)
        if files:
            self.files_dropped.emit(files)
        elif source.hasImage():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.image_pasted.emit(image)
        else:
            super().insertFromMimeData(source)


class BrowserBox(QComboBox):
    """The browser field: says when its list is opened (the list is refreshed then)."""

    popup_opened = Signal()
    """The drop-down list is about to show."""

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        self.popup_opened.emit()
        super().showPopup()


@dataclass
class _PendingImage:
    """An image waiting for the annotator (``image`` is None while its file loads)."""

    image: QImage | None
    name: str
    annotations: str
    replacing: AttachmentRef | None


ANNOTATABLE = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp"})
"""Image files that open in the annotator when dropped (an animated GIF would lose frames)."""


class ComposerWidget(QWidget):
    """Writes one draft at a time."""

    send_requested = Signal(object)
    """The user pressed Send; the argument is the current Draft (saved)."""
    draft_saved = Signal(object)
    """A draft was saved (Draft with its id)."""
    setup_requested = Signal()
    """The user picked "Set up a help desk…" in the profile box."""
    status_message = Signal(str)
    """A short status for the status bar."""
    subject_changed = Signal(str)
    """The subject of the draft shown changed (typed, or another draft loaded)."""
    browsers_wanted = Signal()
    """The user opened the browser list: a fresh detection is welcome."""
    capture_requested = Signal(str)
    """The user asked for a screenshot: "region", "all" or "window"."""
    sysinfo_wanted = Signal(str)
    """The system information should be collected for this profile (its help desk)."""
    record_requested = Signal()
    """The user asked to record the steps (clicks and screenshots)."""

    def __init__(
        self,
        drafts: DraftService,
        runner: TaskRunner,
        *,
        autosave_ms: int = 500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = drafts
        self._runner = runner
        self._draft = Draft()
        self._handle = DraftHandle()
        self._loading = False
        self._dirty = False
        self._busy_imports = 0
        self._capture: CaptureFlow | None = None
        self._annotation_queue: list[_PendingImage] = []
        # False until the user (or a saved draft) decided about the system information; until
        # then the profile's default applies, also when the profile changes.
        self._sysinfo_decided = False
        self._sysinfo_default = True
        self.setAcceptDrops(True)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(self._on_autosave_timeout)
        self._build()
        self._refresh_checks()

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        form_host = QWidget()
        form = QVBoxLayout(form_host)
        form.setContentsMargins(16, 12, 12, 12)
        form.setSpacing(6)

        top = QHBoxLayout()
        self.profile_label = QLabel(self.tr("Help desk:"))
        self.profile_box = QComboBox()
        self.profile_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.profile_box.setPlaceholderText(self.tr("not set up yet"))
        self.profile_box.activated.connect(self._on_profile_box_activated)
        self.profile_label.setBuddy(self.profile_box)
        top.addWidget(self.profile_label)
        top.addWidget(self.profile_box)
        top.addStretch(1)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        look.muted(self.save_state)
        top.addWidget(self.save_state)
        form.addLayout(top)

        follow_row = QHBoxLayout()
        self.follow_up_banner = QLabel()
        self.follow_up_banner.setWordWrap(True)
        look.bold(self.follow_up_banner)
        self.detach_button = QPushButton(self.tr("Make it a &new ticket"))
        self.detach_button.clicked.connect(self._on_detach_clicked)
        follow_row.addWidget(self.follow_up_banner, 1)
        follow_row.addWidget(self.detach_button)
        self.follow_up_box = QWidget()
        self.follow_up_box.setLayout(follow_row)
        follow_row.setContentsMargins(0, 4, 0, 4)
        self.follow_up_box.setVisible(False)
        form.addWidget(self.follow_up_box)

        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setPlaceholderText(
            self.tr(
                "What fails, and where? e.g. \u201cInvoice PDF export fails with error 500\u201d"
            )
        )
        self.subject.setClearButtonEnabled(True)
        form.addWidget(self._caption(self.tr("&Subject"), self.subject))
        form.addWidget(self.subject)

        self.what_happened = SectionEdit(
            self.tr("Describe the problem: what were you doing, what did you see, since when?")
        )
        self.steps = SectionEdit(
            self.tr("1. Opened \u2026\n2. Clicked \u2026\n3. The error appeared")
        )
        self.expected = SectionEdit(self.tr("What should have happened?"))
        self.actual = SectionEdit(self.tr("What happened instead? Quote any error message."))
        for edit in (self.what_happened, self.steps, self.expected, self.actual):
            edit.files_dropped.connect(self._on_section_files_dropped)
            edit.image_pasted.connect(self._on_section_image_pasted)
        form.addWidget(self._caption(self.tr("&What happened"), self.what_happened))
        form.addWidget(self.what_happened, 3)
        steps_row = QHBoxLayout()
        steps_row.addWidget(self._caption(self.tr("Steps that &led to it"), self.steps))
        steps_row.addStretch(1)
        self.record_button = QPushButton(self.tr("Record steps\u2026"))
        self.record_button.setToolTip(
            self.tr("Record your clicks with screenshots while you show the problem")
        )
        self.record_button.clicked.connect(self.record_requested)
        steps_row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignBottom)
        form.addLayout(steps_row)
        form.addWidget(self.steps, 2)
        pair = QGridLayout()
        pair.setHorizontalSpacing(12)
        pair.addWidget(self._caption(self.tr("What you &expected"), self.expected), 0, 0)
        pair.addWidget(self._caption(self.tr("What happened &instead"), self.actual), 0, 1)
        pair.addWidget(self.expected, 1, 0)
        pair.addWidget(self.actual, 1, 1)
        form.addLayout(pair, 2)

        self.browser = BrowserBox()
        self.browser.setEditable(True)
        self.browser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.browser.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(
            self.tr("Which browser were you using? e.g. Firefox 128, Chrome 131")
        )
        self.browser.addItem(self.tr("Not a browser problem"), NOT_A_BROWSER_PROBLEM)
        self.browser.setCurrentIndex(-1)
        self.browser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.browser.currentTextChanged.connect(self._on_field_edited)
        self.browser.popup_opened.connect(self.browsers_wanted)
        form.addWidget(self._caption(self.tr("&Browser"), self.browser))
        form.addWidget(self.browser)

        self.sysinfo_panel = SysinfoPanel()
        self.sysinfo_panel.edited.connect(self._on_sysinfo_panel_edited)
        self.sysinfo_panel.refresh_requested.connect(self._on_sysinfo_panel_refresh_requested)
        form.addSpacing(4)
        form.addWidget(self.sysinfo_panel)

        attach_row = QHBoxLayout()
        attach_caption = QLabel(self.tr("Attachments"))
        look.caption(attach_caption)
        attach_row.addWidget(attach_caption)
        attach_row.addStretch(1)
        self.add_files_button = QPushButton(self.tr("&Add files\u2026"))
        self.add_files_button.clicked.connect(self._on_add_files_clicked)
        self.paste_button = QPushButton(self.tr("&Paste image"))
        self.paste_button.clicked.connect(self._on_paste_clicked)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.screenshot_button = QToolButton()
        self.screenshot_button.setText(self.tr("S&creenshot"))
        self.screenshot_button.setToolTip(
            self.tr("Select part of the screen to attach (the global key works from anywhere)")
        )
        self.screenshot_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.screenshot_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        shot_menu = QMenu(self.screenshot_button)
        shot_menu.addAction(
            self.tr("A region\u2026"), lambda: self.capture_requested.emit("region")
        )
        shot_menu.addAction(
            self.tr("A window\u2026"), lambda: self.capture_requested.emit("window")
        )
        shot_menu.addAction(
            self.tr("The whole desktop"), lambda: self.capture_requested.emit("all")
        )
        self.screenshot_button.setMenu(shot_menu)
        self.screenshot_button.clicked.connect(lambda: self.capture_requested.emit("region"))
        self.annotate_button = QPushButton(self.tr("Ann&otate\u2026"))
        self.annotate_button.setToolTip(self.tr("Mark up or redact the selected screenshot"))
        self.annotate_button.clicked.connect(self._on_annotate_clicked)
        for button in (
            self.screenshot_button,
            self.add_files_button,
            self.paste_button,
            self.annotate_button,
            self.remove_button,
        ):
            attach_row.addWidget(button)
        form.addLayout(attach_row)
        self.attachments = AttachmentList()
        self.attachments.setToolTip(
            self.tr(
                "Drop files here, or paste a screenshot with "
                "Ctrl+Shift+V. Delete removes the selected ones."
            )
        )
        self.attachments.remove_requested.connect(self._on_attachments_remove_requested)
        self.attachments.itemSelectionChanged.connect(self._update_buttons)
        self.attachments.itemActivated.connect(self._on_attachments_item_activated)
        form.addWidget(self.attachments)
        self.import_progress = QProgressBar()
        self.import_progress.setVisible(False)
        self.import_progress.setTextVisible(True)
        form.addWidget(self.import_progress)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)
        form_host.setMinimumHeight(600)
        splitter.addWidget(scroll)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 12, 16, 12)
        self.checklist = ChecklistPanel()
        self.checklist.field_requested.connect(self._on_checklist_field_requested)
        side_layout.addWidget(self.checklist, 1)
        buttons = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("&Delete draft"))
        self.discard_button.clicked.connect(self._on_discard_clicked)
        self.send_button = QPushButton(self.tr("Send &ticket"))
        self.send_button.setObjectName("sendButton")
        look.primary(self.send_button)
        self.send_button.setDefault(True)
        self.send_button.setMinimumHeight(34)
        self.send_button.clicked.connect(self._on_send_clicked)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.send_button, 1)
        side_layout.addLayout(buttons)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 280])

        self.subject.textChanged.connect(self._on_field_edited)
        for edit in (self.what_happened, self.steps, self.expected, self.actual):
            edit.textChanged.connect(self._on_field_edited)
        paste = QShortcut(QKeySequence(self.tr("Ctrl+Shift+V")), self)
        paste.activated.connect(self._on_paste_clicked)
        send = QShortcut(QKeySequence(self.tr("Ctrl+Return")), self)
        send.activated.connect(self._on_send_clicked)
        self._update_buttons()

    @staticmethod
    def _caption(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        look.caption(label)
        return label

    # -- public API -----------------------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        """The draft as the widgets show it now."""
        return self._draft

    @property
    def draft_id(self) -> int | None:
        """The stored id of the draft being edited (None until its first save)."""
        return self._handle.id

    def body_labels(self) -> BodyLabels:
        """Translated headings for the ticket body."""
        return BodyLabels(
            what_happened=self.tr("What happened"),
            steps=self.tr("Steps that led to it"),
            expected=self.tr("What I expected"),
            actual=self.tr("What happened instead"),
            browser=self.tr("Browser"),
            not_a_browser_problem=self.tr("not a browser problem"),
            system_info=self.tr("System information"),
        )

    def set_profiles(self, names: list[str], default: str) -> None:
        """Fill the help-desk box; the draft's own profile wins over the default."""
        current = self._draft.profile or default
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for name in names:
            self.profile_box.addItem(name, name)
        self.profile_box.addItem(self.tr("Set up a help desk\u2026"), "")
        index = self.profile_box.findData(current) if current else -1
        self.profile_box.setCurrentIndex(index if index >= 0 else (0 if names else -1))
        self.profile_box.blockSignals(False)

    def load_draft(self, draft: Draft | None) -> None:
        """Show ``draft`` (None: a new, empty one)."""
        draft = draft or Draft()
        self._loading = True
        try:
            self._draft = draft
            self._handle = DraftHandle(draft.id)
            self.subject.setText(draft.subject)
            self.what_happened.setPlainText(draft.what_happened)
            self.steps.setPlainText(draft.steps)
            self.expected.setPlainText(draft.expected)
            self.actual.setPlainText(draft.actual)
            self._set_browser(draft.browser)
            index = self.profile_box.findData(draft.profile) if draft.profile else -1
            if index >= 0:
                self.profile_box.setCurrentIndex(index)
            # A saved draft keeps its decision; a new one (or a follow-up) gets the default.
            self._sysinfo_decided = draft.id is not None
            if self._sysinfo_decided:
                self.sysinfo_panel.set_approved(draft.sysinfo)
            else:
                self.sysinfo_panel.reset()  # the last ticket's unticked lines are not this one's
                self._apply_sysinfo_default()
            self.attachments.set_attachments(draft.attachments)
            self._load_thumbnails(draft.attachments)
        finally:
            self._loading = False
        self._dirty = False
        self._show_follow_up()
        self.subject_changed.emit(draft.subject)
        self.save_state.setText(self.tr("Saved") if draft.id else "")
        self._refresh_checks()
        self._update_buttons()

    def start_follow_up(
        self, profile: str, ticket_number: str, ticket_id: str, subject: str, in_reply_to: str = ""
    ) -> None:
        """Save what is here, then start a follow-up to an existing ticket."""
        self.save_now()
        self.load_draft(
            Draft(
                profile=profile,
                subject=subject,
                ticket_number=ticket_number,
                ticket_id=ticket_id,
                in_reply_to=in_reply_to,
            )
        )
        self.what_happened.setFocus()

    def _show_follow_up(self) -> None:
        draft = self._draft
        self.follow_up_box.setVisible(draft.is_follow_up)
        self.profile_box.setEnabled(not draft.is_follow_up)
        if draft.is_follow_up:
            self.follow_up_banner.setText(
                self.tr("Follow-up to ticket %1 at %2: it is added to that ticket.")
                .replace("%1", draft.ticket_number or draft.ticket_id)
                .replace("%2", draft.profile)
            )

    @Slot()
    def _on_detach_clicked(self) -> None:
        self._draft = self._draft.with_changes(ticket_number="", ticket_id="", in_reply_to="")
        self._show_follow_up()
        self._changed()

    def new_draft(self) -> None:
        """Save what is here, then start an empty draft."""
        self.save_now()
        self.load_draft(None)
        self.subject.setFocus()

    def save_now(self) -> None:
        """Queue a save of pending edits at once (does not wait)."""
        if self._autosave.isActive() or self._dirty:
            self._autosave.stop()
            self._save()

    def flush(self, timeout_ms: int = 10_000) -> bool:
        """Save pending edits and wait until they are on disk (used when quitting)."""
        self.save_now()
        return self._runner.wait_serial(timeout_ms)

    # -- editing --------------------------------------------------------------------------------

    def set_browsers(self, report: BrowserReport) -> None:
        """Offer the detected browsers (the default first), then "Not a browser problem"; the
        text chosen or typed so far stays."""
        value = self._browser_value()
        self.browser.blockSignals(True)
        self.browser.clear()
        for found in report.browsers:
            self.browser.addItem(found.label(), found.label())
        self.browser.addItem(self.tr("Not a browser problem"), NOT_A_BROWSER_PROBLEM)
        self.browser.blockSignals(False)
        self._set_browser(value)

    def set_sysinfo(self, info: SystemInfo, *, include_by_default: bool) -> None:
        """Show freshly collected system facts; ``include_by_default`` is the profile's choice,
        used while the user has not decided for this draft."""
        self._sysinfo_default = include_by_default
        approved = self._draft.sysinfo if self._sysinfo_decided else None
        self.sysinfo_panel.set_info(info, approved)
        if not self._sysinfo_decided:
            self._apply_sysinfo_default()
        self._sync_sysinfo()

    def set_sysinfo_failed(self) -> None:
        """The facts could not be collected: the panel stops saying it is collecting."""
        self.sysinfo_panel.set_collecting(False)

    def _apply_sysinfo_default(self) -> None:
        # A follow-up goes to a ticket that already has the facts: not repeated by default.
        include = self._sysinfo_default and not self._draft.is_follow_up
        self.sysinfo_panel.set_included(include and self.sysinfo_panel.has_info)

    def _sync_sysinfo(self) -> None:
        """Take the panel's text into the draft (without making an empty draft a saved one)."""
        text = self.sysinfo_panel.text()
        if text != self._draft.sysinfo and not self._loading:
            self._draft = self._draft.with_changes(sysinfo=text)
            self._changed()

    @Slot()
    def _on_sysinfo_panel_edited(self) -> None:
        self._sysinfo_decided = True
        self._sync_sysinfo()

    @Slot()
    def _on_sysinfo_panel_refresh_requested(self) -> None:
        self.sysinfo_wanted.emit(str(self.profile_box.currentData() or ""))

    def _set_browser(self, value: str) -> None:
        self.browser.blockSignals(True)
        if value == NOT_A_BROWSER_PROBLEM:
            self.browser.setCurrentIndex(self.browser.findData(NOT_A_BROWSER_PROBLEM))
        elif value:
            self.browser.setCurrentIndex(-1)
            self.browser.setEditText(value)
        else:
            self.browser.setCurrentIndex(-1)
            self.browser.setEditText("")
        self.browser.blockSignals(False)

    def _browser_value(self) -> str:
        text = self.browser.currentText().strip()
        index = self.browser.findData(NOT_A_BROWSER_PROBLEM)
        if text and text == self.browser.itemText(index):
            return NOT_A_BROWSER_PROBLEM
        return text

    def _read_widgets(self) -> Draft:
        profile = self.profile_box.currentData() or ""
        return self._draft.with_changes(
            profile=str(profile),
            subject=self.subject.text(),
            what_happened=self.what_happened.toPlainText(),
            steps=self.steps.toPlainText(),
            expected=self.expected.toPlainText(),
            actual=self.actual.toPlainText(),
            browser=self._browser_value(),
            sysinfo=self.sysinfo_panel.text(),
        )

    @Slot()
    def _on_field_edited(self) -> None:
        if self._loading:
            return
        previous = self._draft.subject
        self._draft = self._read_widgets()
        if self._draft.subject != previous:
            self.subject_changed.emit(self._draft.subject)
        self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self._refresh_checks()
        self._autosave.start()
        self._update_buttons()

    def _refresh_checks(self) -> None:
        self.checklist.set_checks(check_draft(self._draft))

    def _update_buttons(self) -> None:
        selected = self.attachments.selected_refs()
        self.remove_button.setEnabled(bool(selected))
        self.annotate_button.setEnabled(
            self._capture is not None and len(selected) == 1 and selected[0].is_image
        )
        self.discard_button.setEnabled(not self._draft.is_empty or self._handle.id is not None)

    # -- saving ---------------------------------------------------------------------------------

    @Slot()
    def _on_autosave_timeout(self) -> None:
        self._save()

    def _save(self) -> None:
        draft = self._draft
        if draft.is_empty and self._handle.id is None:
            self._dirty = False
            return  # nothing typed yet: no row
        self._dirty = False
        handle, service = self._handle, self._drafts
        self.save_state.setText(self.tr("Saving\u2026"))

        def work() -> Draft:
            return handle.save(service, draft)

        self._runner.run(
            work, on_success=self._on_saved, on_error=self._on_save_failed, serial=True
        )

    def _on_saved(self, saved: object) -> None:
        assert isinstance(saved, Draft)
        if saved.id == self._handle.id and not self._dirty:
            self.save_state.setText(self.tr("Saved"))
        self._update_buttons()
        self.draft_saved.emit(saved)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._dirty = True  # keep trying: the text stays in the window meanwhile
        what, _todo = describe_exception(exc)
        self.save_state.setText(self.tr("Not saved"))
        self.save_state.setToolTip(what)
        self.status_message.emit(
            self.tr(
                "The draft could not be saved: %1 Your text stays in the "
                "window; Ticketwise keeps trying."
            ).replace("%1", what)
        )
        log.warning("autosave failed: %s", exc)
        QTimer.singleShot(5000, self._on_autosave_timeout)

    # -- attachments ----------------------------------------------------------------------------

    def add_attachment(self, ref: AttachmentRef) -> None:
        """Attach a stored blob to the draft."""
        if any(a.sha256 == ref.sha256 and a.name == ref.name for a in self._draft.attachments):
            return
        self._draft = self._draft.with_changes(attachments=(*self._draft.attachments, ref))
        self.attachments.set_attachments(self._draft.attachments)
        self._load_thumbnails((ref,))
        self._changed()

    def insert_steps(self, insertion: StepsInsertion) -> None:
        """Add a recording to the draft: its text to "Steps that led to it" (replacing only
        whitespace, else after a blank line: what the user typed stays, and one Undo takes the
        insertion back), its screenshots and report to the attachments."""
        text = insertion.text.strip("\n")
        if text:
            existing = self.steps.toPlainText()
            cursor = QTextCursor(self.steps.document())
            cursor.beginEditBlock()
            if existing.strip():
                cursor.movePosition(QTextCursor.MoveOperation.End)
                gap = (
                    "" if existing.endswith("\n\n") else "\n" if existing.endswith("\n") else "\n\n"
                )
                cursor.insertText(gap + text)
            else:
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(text)
            cursor.endEditBlock()  # textChanged -> _on_field_edited: the autosave of an edit
            self.steps.setTextCursor(cursor)
        for ref in insertion.attachments:
            self.add_attachment(ref)
        if insertion.missing_images:
            self.status_message.emit(
                self.tr(
                    "The screenshots of recorded steps %1 were not found: those steps were "
                    "added without them."
                ).replace("%1", ", ".join(str(n) for n in insertion.missing_images))
            )
        self.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def attach_files(self, paths: list[str]) -> None:
        """Copy files into the store in the background, then attach them. Images go through
        the annotator first when there is one."""
        for path in paths:
            p = Path(path)
            if not p.is_file():
                continue
            if self._capture is not None and p.suffix.lower() in ANNOTATABLE:
                self._open_image_file(p)
                continue
            self._import_started(p.name)

            def work(report: object, p: Path = p) -> AttachmentRef:
                return self._drafts.store_file(p, report)  # type: ignore[arg-type]

            self._runner.run(
                work,
                on_success=self._on_import_done,
                on_error=self._on_import_failed,
                on_progress=self._on_import_progress,
            )

    def set_capture_flow(self, flow: CaptureFlow | None) -> None:
        """Route pasted and dropped images, and reopened screenshots, through ``flow``'s
        annotator (without one, images are attached as they are)."""
        self._capture = flow
        if flow is not None:
            flow.finished.connect(self._annotate_next)
        self._update_buttons()

    def attach_image(self, image: QImage, name: str = "") -> None:
        """Attach a pasted or dropped image: through the annotator when there is one, else
        encoded as PNG in the background."""
        stamp = datetime.now().strftime("%Y-%m-%d %H.%M.%S")
        name = name or self.tr("Screenshot %1.png").replace("%1", stamp)
        image = image.copy()
        if self._capture is not None:
            self._queue_annotation(image, name, "", None)
            return
        self._import_started(name)

        def work() -> AttachmentRef:
            return self._drafts.store_bytes(name, encode_png(image), "image/png")

        self._runner.run(work, on_success=self._on_import_done, on_error=self._on_import_failed)

    def _import_started(self, name: str) -> None:
        self._busy_imports += 1
        self.import_progress.setFormat(self.tr("Adding %1\u2026").replace("%1", name))
        self.import_progress.setRange(0, 0)
        QTimer.singleShot(500, self._show_import_progress)

    def _show_import_progress(self) -> None:
        if self._busy_imports:
            self.import_progress.setVisible(True)

    def _on_import_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.import_progress.setRange(0, 1000)
            self.import_progress.setValue(int(done * 1000 / total))

    def _import_finished(self) -> None:
        self._busy_imports = max(0, self._busy_imports - 1)
        if not self._busy_imports:
            self.import_progress.setVisible(False)

    def _on_import_done(self, ref: object) -> None:
        self._import_finished()
        assert isinstance(ref, AttachmentRef)
        self.add_attachment(ref)

    def _on_import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        what, todo = describe_exception(exc)
        show_warning(self, self.tr("Attachment not added"), f"{what}\n\n{todo}")

    def _load_thumbnails(self, refs: tuple[AttachmentRef, ...]) -> None:
        for ref in refs:
            if not ref.is_image:
                continue
            path = str(self._drafts.blob_path(ref.sha256))

            def work(path: str = path) -> QImage:
                return load_thumbnail(path)

            def done(image: object, sha: str = ref.sha256) -> None:
                if isinstance(image, QImage):
                    self.attachments.set_thumbnail(sha, image)

            self._runner.run(
                work, on_success=done, on_error=lambda exc: log.info("thumbnail failed: %s", exc)
            )

    def _open_image_file(self, path: Path) -> None:
        # The place in the queue is taken now, so the annotators open in the order the files
        # were dropped, whichever loads first.
        pending = _PendingImage(None, path.name, "", None)
        self._annotation_queue.append(pending)

        def work() -> QImage:
            from app.services.annotation import load_image

            return load_image(path.read_bytes())

        def loaded(image: object) -> None:
            assert isinstance(image, QImage)
            pending.image = image
            self._annotate_next()

        def failed(exc: BaseException, path: Path = path) -> None:
            # Not an image after all (or unreadable as one): attach the file as it is.
            log.info("%s opens as no image (%s): attached as a file", path.name, exc)
            self._annotation_queue.remove(pending)
            capture, self._capture = self._capture, None
            try:
                self.attach_files([str(path)])
            finally:
                self._capture = capture
            self._annotate_next()

        self._runner.run(work, on_success=loaded, on_error=failed)

    def _queue_annotation(
        self, image: QImage, name: str, annotations: str, replacing: AttachmentRef | None
    ) -> None:
        self._annotation_queue.append(_PendingImage(image, name, annotations, replacing))
        self._annotate_next()

    def _annotate_next(self) -> None:
        if self._capture is None or self._capture.busy or not self._annotation_queue:
            return
        if self._annotation_queue[0].image is None:
            return  # still loading: it opens when it arrives
        pending = self._annotation_queue.pop(0)
        image, name, annotations, replacing = (
            pending.image,
            pending.name,
            pending.annotations,
            pending.replacing,
        )
        assert image is not None

        def deliver(ref: AttachmentRef) -> None:
            if replacing is None:
                self.add_attachment(ref)
            else:
                self.replace_attachment(replacing, ref)

        self._capture.annotate(image, name, deliver, annotations=annotations)

    def replace_attachment(self, old: AttachmentRef, new: AttachmentRef) -> None:
        """Put ``new`` where ``old`` is (a screenshot annotated again); add it if ``old`` went."""
        items = list(self._draft.attachments)
        if old in items:
            items[items.index(old)] = new
        else:
            items.append(new)
        self._draft = self._draft.with_changes(attachments=tuple(items))
        self.attachments.set_attachments(self._draft.attachments)
        self._load_thumbnails((new,))
        self._changed()

    def reopen_attachment(self, ref: AttachmentRef) -> None:
        """Open an image attachment in the annotator: a screenshot on its untouched original
        with its marks still editable, any other image as it is."""
        if self._capture is None or not ref.is_image:
            return
        sha = ref.original_sha256 or ref.sha256

        def work() -> QImage:
            from app.services.annotation import load_image

            return load_image(self._drafts.read_blob(sha))

        self._runner.run(
            work,
            on_success=lambda image: self._queue_annotation(image, ref.name, ref.annotations, ref),
            on_error=self._on_import_failed_quietly,
        )

    def _on_import_failed_quietly(self, exc: BaseException) -> None:
        what, todo = describe_exception(exc)
        show_warning(self, self.tr("Attachment not opened"), f"{what}\n\n{todo}")

    def _on_attachments_item_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(ref, AttachmentRef):
            self.reopen_attachment(ref)

    @Slot()
    def _on_annotate_clicked(self) -> None:
        selected = self.attachments.selected_refs()
        if len(selected) == 1:
            self.reopen_attachment(selected[0])

    def remove_attachments(self, refs: list[AttachmentRef]) -> None:
        """Detach ``refs`` from the draft."""
        remaining = tuple(a for a in self._draft.attachments if a not in refs)
        self._draft = self._draft.with_changes(attachments=remaining)
        self.attachments.set_attachments(remaining)
        self._changed()

    @Slot()
    def _on_add_files_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.attach_files(paths)

    @Slot()
    def _on_paste_clicked(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and local_files(mime):
            self.attach_files(local_files(mime))
        elif mime is not None and mime.hasImage():
            self.attach_image(QGuiApplication.clipboard().image())
        else:
            self.status_message.emit(
                self.tr("The clipboard holds no image. Copy a screenshot first (e.g. with PrtScn).")
            )

    @Slot()
    def _on_remove_clicked(self) -> None:
        self.remove_attachments(self.attachments.selected_refs())

    def _on_attachments_remove_requested(self, refs: list[AttachmentRef]) -> None:
        self.remove_attachments(refs)

    def _on_section_files_dropped(self, paths: list[str]) -> None:
        self.attach_files(paths)

    def _on_section_image_pasted(self, image: QImage) -> None:
        self.attach_image(image)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if local_files(mime) or mime.hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        files = local_files(mime)
        if files:
            self.attach_files(files)
        elif mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage):
                self.attach_image(image)
        event.acceptProposedAction()

    # -- send / discard -------------------------------------------------------------------------

    def _on_checklist_field_requested(self, check_id: str) -> None:
        self.focus_check(CheckId(check_id))

    def focus_check(self, check_id: CheckId) -> None:
        """Move the cursor to the field a check is about."""
        target: QWidget = {
            CheckId.SUBJECT: self.subject,
            CheckId.DESCRIPTION: self.what_happened,
            CheckId.STEPS: self.steps,
            CheckId.EXPECTED_ACTUAL: self.expected
            if not self.expected.toPlainText().strip()
            else self.actual,
            CheckId.IMAGES: self.paste_button,
            CheckId.BROWSER: self.browser,
        }[check_id]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_profile_box_activated(self, _index: int) -> None:
        if self.profile_box.currentData() == "":
            self.setup_requested.emit()
            return
        self._on_field_edited()
        # Another help desk: its reachability, and its default while nothing is decided.
        self.sysinfo_panel.set_collecting(True)
        self.sysinfo_wanted.emit(str(self.profile_box.currentData() or ""))

    @Slot()
    def _on_send_clicked(self) -> None:
        self._draft = self._read_widgets() if not self._loading else self._draft
        problems: list[Check] = blockers(check_draft(self._draft))
        if problems:
            self._refresh_checks()
            self.focus_check(problems[0].id)
            self.status_message.emit(
                self.tr("A subject and a description are needed before sending.")
            )
            return
        self.save_now()
        self.send_requested.emit(self._draft)

    @Slot()
    def _on_discard_clicked(self) -> None:
        if not self._draft.is_empty:
            answer = QMessageBox.question(
                self,
                self.tr("Delete draft"),
                self.tr("Delete this draft? What you wrote and attached here will be gone."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._autosave.stop()
        handle, service = self._handle, self._drafts

        def work() -> None:
            if handle.id is not None:
                service.delete(handle.id)

        self._runner.run(work, serial=True, on_error=self._on_save_failed)
        self.load_draft(None)
        self.status_message.emit(self.tr("Draft deleted."))

    def checks(self) -> list[Check]:
        """The checklist as it stands."""
        return self.checklist.checks

    def has_advice(self) -> bool:
        """True when some advice is not followed."""
        return any(c.level is Level.ADVICE for c in self.checklist.checks)
