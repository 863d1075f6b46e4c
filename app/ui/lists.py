"""The drafts list and the outbox list."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal, SignalInstance, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.model import Draft, OutboxItem, OutboxState, utc_now
from app.ui import look
from app.ui.attachments import human_size
from app.ui.errors import describe


def when(value: datetime | None) -> str:
    """A short local time in the user's locale: today just the time, otherwise date and time."""
    if value is None:
        return ""
    local = value.astimezone()
    moment = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    if local.date() == datetime.now().astimezone().date():
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class DraftsView(QWidget):
    """Every draft, to resume or delete."""

    open_requested = Signal(int)
    """Open the draft with this id in the composer."""
    delete_requested = Signal(int)
    """Delete the draft with this id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Drafts"))
        look.title(title)
        layout.addWidget(title)
        hint = QLabel(self.tr("Everything you type is saved as you go. Pick a draft to carry on."))
        look.muted(hint)
        layout.addWidget(hint)
        self.tree = _tree(
            [
                self.tr("Subject"),
                self.tr("Help desk"),
                self.tr("Attachments"),
                self.tr("Last edited"),
            ]
        )
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(self.tr("No drafts. A new ticket becomes a draft as soon as you type."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        look.muted(self.empty)
        self.empty.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(self._on_open_clicked)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.set_drafts([], None)

    def set_drafts(self, drafts: list[Draft], current_id: int | None) -> None:
        """Show ``drafts``; the one open in the composer is marked."""
        self.tree.clear()
        for draft in drafts:
            subject = draft.subject.strip() or self.tr("(no subject)")
            if draft.is_follow_up:
                subject = (
                    self.tr("%1 (follow-up to ticket %2)")
                    .replace("%1", subject)
                    .replace("%2", draft.ticket_number or draft.ticket_id)
                )
            if draft.id == current_id:
                subject = self.tr("%1 (open in the composer)").replace("%1", subject)
            size = sum(a.size for a in draft.attachments)
            attachments = (
                f"{len(draft.attachments)} \u00b7 {human_size(size)}" if draft.attachments else ""
            )
            item = QTreeWidgetItem([subject, draft.profile, attachments, when(draft.updated_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, draft.id)
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(drafts))
        self.empty.setVisible(not drafts)
        self._update_buttons()

    def _selected_id(self) -> int | None:
        items = self.tree.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _update_buttons(self) -> None:
        selected = self._selected_id() is not None
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    @Slot()
    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_open_clicked(self) -> None:
        draft_id = self._selected_id()
        if draft_id is not None:
            self.open_requested.emit(draft_id)

    @Slot()
    def _on_delete_clicked(self) -> None:
        draft_id = self._selected_id()
        if draft_id is not None:
            self.delete_requested.emit(draft_id)


class OutboxView(QWidget):
    """Tickets waiting to go out, being sent, sent, or needing the user."""

    send_now_requested = Signal()
    """Try every queued ticket now."""
    retry_requested = Signal(int)
    """Queue this item again."""
    edit_requested = Signal(int)
    """Give this item back as a draft."""
    follow_up_requested = Signal(int)
    """Write a follow-up to the ticket this sent item created."""
    mark_sent_requested = Signal(int)
    """The user confirmed the help desk has this item."""
    delete_requested = Signal(int)
    """Remove this item."""
    cancel_requested = Signal()
    """Stop the current send."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Outbox"))
        look.title(title)
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Tickets wait here until the help desk has them. When the server "
                "cannot be reached they are retried automatically."
            )
        )
        hint.setWordWrap(True)
        look.muted(hint)
        layout.addWidget(hint)
        self.tree = _tree([self.tr("Subject"), self.tr("Help desk"), self.tr("State")])
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.tree, 2)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setObjectName("outboxDetail")
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail)
        self.empty = QLabel(self.tr("The outbox is empty."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        look.muted(self.empty)
        self.empty.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.empty)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("&Cancel sending"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.edit_button = QPushButton(self.tr("&Edit as draft"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.mark_sent_button = QPushButton(self.tr("&Mark as sent"))
        self.mark_sent_button.clicked.connect(self._on_mark_sent_clicked)
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.send_now_button = QPushButton(self.tr("&Send all now"))
        self.send_now_button.clicked.connect(self.send_now_requested)
        self.follow_up_button = QPushButton(self.tr("&Follow up\u2026"))
        self.follow_up_button.setToolTip(
            self.tr("Add a message to the ticket this created (it lands on the same ticket).")
        )
        self.follow_up_button.clicked.connect(self._on_follow_up_clicked)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch(1)
        buttons.addWidget(self.mark_sent_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.send_now_button)
        layout.addLayout(buttons)
        self._items: dict[int, OutboxItem] = {}
        self.set_sending(None)
        self.set_items([])

    def state_text(self, item: OutboxItem) -> str:
        """The state column."""
        if item.state is OutboxState.SENT:
            if item.ticket_number:
                return self.tr("Sent \u00b7 ticket %1").replace("%1", item.ticket_number)
            return self.tr("Sent %1").replace("%1", when(item.sent_at))
        if item.state is OutboxState.SENDING:
            return self.tr("Sending\u2026")
        if item.state is OutboxState.QUEUED:
            if item.next_attempt_at is not None and item.next_attempt_at > utc_now():
                return self.tr("Waiting \u00b7 next try %1").replace(
                    "%1", when(item.next_attempt_at)
                )
            return self.tr("Queued")
        if item.state is OutboxState.UNKNOWN:
            return self.tr("Check needed")
        if item.error_kind == "cancelled":
            return self.tr("Cancelled")
        return self.tr("Needs attention")

    def set_items(self, items: list[OutboxItem]) -> None:
        """Show ``items`` (newest first), keeping the selection."""
        selected = self.selected_id()
        self._items = {i.id: i for i in items}
        self.tree.clear()
        rows: list[tuple[QTreeWidgetItem, OutboxItem]] = []
        for item in items:
            row = QTreeWidgetItem(
                [item.submission.subject, item.submission.profile, self.state_text(item)]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.id)
            if item.state in (OutboxState.FAILED, OutboxState.UNKNOWN):
                row.setForeground(2, Qt.GlobalColor.darkRed)
            elif item.state is OutboxState.SENT:
                row.setForeground(2, Qt.GlobalColor.darkGreen)
            self.tree.addTopLevelItem(row)
            rows.append((row, item))
            if item.id == selected:
                row.setSelected(True)
        if selected is None or selected not in self._items:
            for row, item in rows:
                if item.state is not OutboxState.SENT:
                    row.setSelected(True)
                    break
        self.tree.setVisible(bool(items))
        self.empty.setVisible(not items)
        self._update_buttons()

    def set_sending(self, item: OutboxItem | None) -> None:
        """Show or hide the progress row."""
        visible = item is not None
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        if item is not None:
            self.progress.setRange(0, 0)
            self.progress.setFormat(
                self.tr("Sending \u201c%1\u201d\u2026").replace("%1", item.submission.subject)
            )

    def set_progress(self, done: int, total: int) -> None:
        """Bytes sent of the current ticket."""
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))

    def selected_id(self) -> int | None:
        """The selected item's id."""
        items = self.tree.selectedItems()
        return int(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _update_buttons(self) -> None:
        item = self._items.get(self.selected_id() or -1)
        state = item.state if item else None
        waiting = state in (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNKNOWN)
        self.retry_button.setEnabled(state in (OutboxState.FAILED, OutboxState.UNKNOWN))
        self.retry_button.setText(
            self.tr("Send &again") if state is OutboxState.UNKNOWN else self.tr("&Retry")
        )
        self.mark_sent_button.setVisible(state is OutboxState.UNKNOWN)
        self.follow_up_button.setEnabled(
            item is not None
            and state is OutboxState.SENT
            and bool(item.ticket_number or item.ticket_id)
        )
        self.edit_button.setEnabled(waiting)
        self.delete_button.setEnabled(item is not None and state is not OutboxState.SENDING)
        self.send_now_button.setEnabled(
            any(i.state is OutboxState.QUEUED for i in self._items.values())
        )
        self.detail.setText(self._detail(item) if item else "")

    def _detail(self, item: OutboxItem) -> str:
        lines = [
            self.tr("Created %1 \u00b7 %2 attachment(s) \u00b7 %3 attempt(s)")
            .replace("%1", when(item.submission.created_at))
            .replace("%2", str(len(item.submission.attachments)))
            .replace("%3", str(item.attempts))
        ]
        if item.error_kind and item.state is not OutboxState.SENT:
            what, todo = describe(item.error_kind, {"reason": item.error_reason}, item.error_text)
            lines.append(f"<b>{what}</b> {todo}".replace("\n", "<br>"))
            if item.error_text and item.error_kind != "cancelled" and item.error_text not in todo:
                lines.append(f"<span style='color:gray'>{_escape(item.error_text)}</span>")
        return "<br>".join(lines)

    def _emit_for_selected(self, signal: SignalInstance) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            signal.emit(item_id)

    @Slot()
    def _on_retry_clicked(self) -> None:
        self._emit_for_selected(self.retry_requested)

    @Slot()
    def _on_edit_clicked(self) -> None:
        self._emit_for_selected(self.edit_requested)

    @Slot()
    def _on_follow_up_clicked(self) -> None:
        self._emit_for_selected(self.follow_up_requested)

    @Slot()
    def _on_mark_sent_clicked(self) -> None:
        self._emit_for_selected(self.mark_sent_requested)

    @Slot()
    def _on_delete_clicked(self) -> None:
        self._emit_for_selected(self.delete_requested)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
