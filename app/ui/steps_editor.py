"""The steps editor: what the user sees after stopping a recording, before it joins the ticket.

A list of the recorded steps (thumbnail, number, caption) beside a large preview of the selected
step's screenshot. The user reorders (drag and drop, Move up/down, Alt+Up/Alt+Down), deletes
(Del), rewrites captions in place (F2 or a double-click) and annotates screenshots with the
capture annotator; then "Add to ticket" (accept) or "Discard recording" (reject, confirmed).

The GUI thread only paints: thumbnails and previews are decoded, and annotated screenshots
encoded and stored, on the task runner. Numbers are list positions, renumbered on every move,
as in the Steps text the composer gets (:func:`app.core.steps.render_steps_text`).
"""

from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import partial

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import StorageError
from app.core.model import AttachmentRef
from app.core.steps import Step, step_image_name, step_text
from app.core.steps_report import ReportLabels
from app.services.drafts import DraftService
from app.services.tasks import TaskRunner
from app.ui import look
from app.ui.attachments import human_size, load_thumbnail
from app.ui.errors import describe_exception
from app.ui.notice import ask_to_discard, show_warning

log = logging.getLogger(__name__)

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
"""The item's :class:`Step`."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""A number of the item's own, stable across moves (step numbers may repeat in edited lists)."""
THUMB_SIZE = QSize(112, 70)
PREVIEW_MAX = QSize(1600, 1200)
"""Previews are decoded at most this large: sharp in a big window, light to paint."""
PREVIEW_CACHE = 8


def load_preview(path: str) -> QImage:
    """The step's screenshot for the preview, decoded at reduced size (runs in a worker);
    StorageError when it cannot be read (gone, or damaged)."""
    reader = QImageReader(path)
    size = reader.size()
    if size.isValid() and (
        size.width() > PREVIEW_MAX.width() or size.height() > PREVIEW_MAX.height()
    ):
        reader.setScaledSize(size.scaled(PREVIEW_MAX, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise StorageError(f"{path}: {reader.errorString()}", reason="blob")
    return image


def _icon(pixmap: QPixmap) -> QIcon:
    """An icon drawn the same when its row is selected (the style would tint a screenshot)."""
    icon = QIcon()
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
        icon.addPixmap(pixmap, mode)
    return icon


def _glyph_icon(text: str, palette: QPalette) -> QIcon:
    """A thumbnail-sized tile with a symbol, for steps without a screenshot."""
    pixmap = QPixmap(THUMB_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase).darker(104))
    painter.drawRoundedRect(QRect(0, 0, THUMB_SIZE.width(), THUMB_SIZE.height()), 6, 6)
    if text:
        font = QFont(painter.font())
        font.setPixelSize(28)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return _icon(pixmap)


def _thumbnail_icon(image: QImage) -> QIcon:
    """The decoded thumbnail centred on a tile of the list's icon size (uniform rows)."""
    scaled = image.scaled(
        THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap(THUMB_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    x = (THUMB_SIZE.width() - scaled.width()) // 2
    y = (THUMB_SIZE.height() - scaled.height()) // 2
    painter.drawImage(x, y, scaled)
    painter.setPen(QColor(0, 0, 0, 60))
    painter.drawRect(x, y, scaled.width() - 1, scaled.height() - 1)
    painter.end()
    return _icon(pixmap)


class StepList(QListWidget):
    """The steps, reordered by drag and drop within the list."""

    reordered = Signal()
    """The user dropped a step at a new place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setIconSize(THUMB_SIZE)
        self.setSpacing(2)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        super().dropEvent(event)
        self.reordered.emit()


class CaptionDelegate(QStyledItemDelegate):
    """Edits a step's caption in place: the editor holds the caption alone, not the number."""

    caption_committed = Signal(QPersistentModelIndex, str)
    """The user finished editing the caption of the step at this index."""

    def createEditor(  # noqa: N802 - Qt override
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(True)
        self._open = (editor, QPersistentModelIndex(index))
        return editor

    def commit_open_editor(self) -> None:
        """Take the caption being typed, if an editor is open (a shortcut such as Alt+T
        accepts the dialog without moving the focus, which is what commits otherwise)."""
        opened = getattr(self, "_open", None)
        if opened is None:
            return
        editor, index = opened
        if shiboken6.isValid(editor) and editor.isVisible() and index.isValid():
            self.caption_committed.emit(index, editor.text())

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        step = index.data(STEP_ROLE)
        if isinstance(editor, QLineEdit) and isinstance(step, Step):
            editor.setText(step.caption or step.default_caption)
            editor.selectAll()

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QLineEdit):
            self.caption_committed.emit(QPersistentModelIndex(index), editor.text())

    def updateEditorGeometry(  # noqa: N802 - Qt override
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Over the caption only, after the number, vertically centred: the row keeps its look.
        view = option.widget
        style = view.style() if view is not None else QApplication.style()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, view)
        prefix = item.fontMetrics.horizontalAdvance(f"{index.row() + 1}. ")
        height = editor.sizeHint().height()
        left = text.x() + prefix
        editor.setGeometry(
            left,
            text.y() + (text.height() - height) // 2,
            max(40, min(text.right(), option.rect.right() - 4) - left),
            height,
        )


class StepPreview(QWidget):
    """The selected step's screenshot, scaled to fit (never enlarged), or a short message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._message = ""
        self.setMinimumSize(240, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setAutoFillBackground(True)

    def image(self) -> QImage:
        """The image shown (null while a message is shown)."""
        return self._image

    def message(self) -> str:
        """The message shown instead of an image ("" when an image is shown)."""
        return self._message

    def set_image(self, image: QImage) -> None:
        """Show ``image``."""
        self._image, self._message = image, ""
        self.update()

    def set_message(self, text: str) -> None:
        """Show ``text`` instead of an image."""
        self._image, self._message = QImage(), text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        area = self.rect().adjusted(8, 8, -8, -8)
        if self._image.isNull():
            painter.setPen(self.palette().color(QPalette.ColorRole.Light))
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
            )
            painter.end()
            return
        size = self._image.size()
        if size.width() > area.width() or size.height() > area.height():
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
        painter.end()


class StepsEditor(QDialog):
    """Edit a recording's steps; after ``exec() == Accepted`` read :meth:`steps` and
    :meth:`include_report` (and :meth:`annotated` for the marks of annotated screenshots)."""

    steps_edited = Signal()
    """The steps changed (moved, deleted, caption edited, screenshot annotated)."""

    def __init__(
        self,
        steps: list[Step],
        drafts: DraftService,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        annotated: Mapping[str, AttachmentRef] | None = None,
        size_limit: int = 0,
        already: int = 0,
    ) -> None:
        """``size_limit``: the bytes a ticket may carry (0: no limit shown); ``already``: what
        the draft's own attachments take of it."""
        super().__init__(parent)
        self._drafts = drafts
        self._runner = runner
        self._keys = itertools.count(1)
        self._annotated: dict[str, AttachmentRef] = dict(annotated or {})
        self._thumbnails: dict[str, QIcon] = {}
        self._thumbnails_loading: set[str] = set()
        self._previews: OrderedDict[str, QImage] = OrderedDict()
        self._preview_loading: set[str] = set()
        self._busy = 0
        self._annotator: QDialog | None = None
        self._discard_box: QMessageBox | None = None
        self._discard_confirmed = False
        self._size_limit = size_limit
        self._already = already
        self._sizes: dict[str, int] = {ref.sha256: ref.size for ref in self._annotated.values()}

        self.setWindowTitle(self.tr("Recorded steps"))
        self.setMinimumSize(640, 460)
        self.resize(1000, 700)
        self._build()
        for step in steps:
            self._append(step)
        self._renumber()
        if self.list.count():
            self.list.setCurrentRow(0)
        self._refresh()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._read_sizes([step.image_sha256 for step in steps if step.image_sha256])

    # -- public API ---------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        """The steps as edited, in the order shown."""
        return [self._step(self.list.item(row)) for row in range(self.list.count())]

    def include_report(self) -> bool:
        """Whether the user wants the HTML report of the recording attached."""
        return self.report_check.isChecked()

    def annotated(self) -> dict[str, AttachmentRef]:
        """Screenshots the user annotated here: sha256 of the marked image -> the stored
        attachment with its original and marks (pass to ``prepare_insertion(annotated=...)``)."""
        shown = {step.image_sha256 for step in self.steps()}
        return {sha: ref for sha, ref in self._annotated.items() if sha in shown}

    def report_labels(self) -> ReportLabels:
        """The words of the HTML report in the user's language (for ``prepare_insertion``)."""
        return ReportLabels(
            title_prefix=self.tr("Recorded steps"),
            step=self.tr("Step"),
            window=self.tr("Window"),
            application=self.tr("Application"),
            time=self.tr("Time"),
            position=self.tr("Position"),
            recorded=self.tr("Recorded"),
            steps=self.tr("Steps"),
            generated=self.tr("Report made"),
            untitled=self.tr("(untitled window)"),
            language=self.tr("en", "the language code of this translation, for the HTML report"),
        )

    def busy(self) -> bool:
        """An annotation is being opened or stored: "Add to ticket" waits for it."""
        return self._busy > 0

    def annotator(self) -> QDialog | None:
        """The annotator open on a step's screenshot, if any."""
        return self._annotator

    def discard_question(self) -> QMessageBox | None:
        """The open "discard the recording?" question, if any."""
        return self._discard_box

    def thumbnail_loaded(self, row: int) -> bool:
        """Whether the step at ``row`` shows its screenshot's thumbnail."""
        step = self._step(self.list.item(row))
        return bool(step.image_sha256) and step.image_sha256 in self._thumbnails

    def _guarded(self, callback: Callable[..., None], *args: object) -> Callable[[object], None]:
        """``callback(*args, value)`` for the runner, skipped once this dialog is deleted (the
        runner can tell that for bound methods only, and these carry arguments)."""

        def call(value: object) -> None:
            if shiboken6.isValid(self):
                callback(*args, value)

        return call

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(8)

        header = QHBoxLayout()
        self.count_label = QLabel()
        look.bold(self.count_label, 1.2)
        header.addWidget(self.count_label)
        self.hint_label = QLabel(
            self.tr(
                "Drag a step, or use Alt+Up and Alt+Down, to change the order. "
                "F2 or a double-click edits a caption."
            )
        )
        self.hint_label.setWordWrap(True)
        look.muted(self.hint_label)
        header.addWidget(self.hint_label, 1)
        outer.addLayout(header)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.pages.addWidget(self.splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = StepList()
        self.list.setAccessibleName(self.tr("Steps"))
        self.delegate = CaptionDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        left_layout.addWidget(self.list, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Move the step up (Alt+Up)"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.down_button.setToolTip(self.tr("Move the step down (Alt+Down)"))
        self.edit_button = QPushButton(self.tr("&Edit caption"))
        self.edit_button.setToolTip(self.tr("Rewrite the step's caption (F2)"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the step (Del)"))
        for button in (self.up_button, self.down_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            moves.addWidget(button)
        moves.addStretch(1)
        left_layout.addLayout(moves)
        self.splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview = StepPreview()
        self.preview.setAccessibleName(self.tr("Screenshot of the step"))
        right_layout.addWidget(self.preview, 1)
        below = QHBoxLayout()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        below.addWidget(self.details, 1)
        self.annotate_button = QPushButton(self.tr("&Annotate\u2026"))
        self.annotate_button.setToolTip(
            self.tr("Mark up or black out parts of this step's screenshot")
        )
        self.annotate_button.setAutoDefault(False)
        below.addWidget(self.annotate_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(below)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 560])

        self.empty_label = QLabel(self.tr("No steps were recorded."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        look.muted(self.empty_label)
        self.pages.addWidget(self.empty_label)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(line)

        bottom = QHBoxLayout()
        self.report_check = QCheckBox(self.tr("Also attach an &HTML report of the recording"))
        self.report_check.setToolTip(
            self.tr(
                "One web page with every step and its screenshot, for the help desk to view "
                "or print"
            )
        )
        self.report_check.setChecked(True)
        report_column = QVBoxLayout()
        report_column.setSpacing(0)
        report_column.addWidget(self.report_check)
        self.size_label = QLabel()
        self.size_label.setObjectName("stepsSize")
        look.muted(self.size_label)
        report_column.addWidget(self.size_label)
        bottom.addLayout(report_column)
        bottom.addStretch(1)
        self.status = QLabel()
        look.muted(self.status)
        bottom.addWidget(self.status)
        self.discard_button = QPushButton(self.tr("Disca&rd recording"))
        self.discard_button.setAutoDefault(False)
        self.add_button = QPushButton(self.tr("Add to &ticket"))
        self.add_button.setDefault(True)
        look.primary(self.add_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.add_button)
        outer.addLayout(bottom)

        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.reordered.connect(self._on_list_reordered)
        self.delegate.caption_committed.connect(self._on_delegate_caption_committed)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.annotate_button.clicked.connect(self._on_annotate_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.discard_button.clicked.connect(self.reject)
        self.report_check.toggled.connect(self._on_report_check_toggled)

        up = QShortcut(QKeySequence(self.tr("Alt+Up")), self)
        up.activated.connect(self._on_up_button_clicked)
        down = QShortcut(QKeySequence(self.tr("Alt+Down")), self)
        down.activated.connect(self._on_down_button_clicked)
        # On the list only: in the caption editor Del deletes a character, not the step.
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete_button_clicked)

        palette = self.list.palette()
        self._typing_icon = _glyph_icon("\u2328", palette)
        self._note_icon = _glyph_icon("\u270e", palette)
        self._loading_icon = _glyph_icon("", palette)

    # -- items --------------------------------------------------------------------------------

    @staticmethod
    def _step(item: QListWidgetItem) -> Step:
        step = item.data(STEP_ROLE)
        assert isinstance(step, Step)
        return step

    def _append(self, step: Step) -> None:
        item = QListWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsEditable
        )
        item.setData(KEY_ROLE, next(self._keys))
        item.setSizeHint(QSize(0, THUMB_SIZE.height() + 10))
        self.list.addItem(item)
        self._set_step(item, step)

    def _set_step(self, item: QListWidgetItem, step: Step) -> None:
        item.setData(STEP_ROLE, step)
        item.setIcon(self._icon_for(step))
        if step.image_sha256 and step.image_sha256 not in self._thumbnails:
            self._load_thumbnail(step.image_sha256)

    def _icon_for(self, step: Step) -> QIcon:
        if step.image_sha256:
            return self._thumbnails.get(step.image_sha256, self._loading_icon)
        return self._typing_icon if step.kind == "typing" else self._note_icon

    def _item_by_key(self, key: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KEY_ROLE) == key:
                return item
        return None

    def _renumber(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            step = self._step(item)
            caption = step_text(step) or self.tr("(empty note)")
            item.setText(f"{row + 1}. {caption}")
            item.setToolTip(caption)

    def _refresh(self) -> None:
        """Count, empty state, buttons and preview after any change."""
        count = self.list.count()
        self.count_label.setText(
            self.tr("1 step") if count == 1 else self.tr("%1 steps").replace("%1", str(count))
        )
        self.count_label.setVisible(count > 0)
        self.pages.setCurrentWidget(self.splitter if count else self.empty_label)
        self.hint_label.setVisible(count > 1)
        row = self.list.currentRow()
        has = 0 <= row < count
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < count - 1)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        step = self._step(self.list.item(row)) if has else None
        self.annotate_button.setEnabled(
            step is not None and bool(step.image_sha256) and not self._busy
        )
        self.report_check.setEnabled(bool(count))
        self.add_button.setEnabled(bool(count) and not self._busy)
        self._show_details(step)
        self._show_size()

    def _edited(self) -> None:
        self._renumber()
        self._refresh()
        self.steps_edited.emit()

    # -- the preview ----------------------------------------------------------------------------

    def _show_details(self, step: Step | None) -> None:
        if step is None:
            self.preview.set_message("")
            self.details.setText("")
            return
        lines = [
            self.tr("Time: %1").replace("%1", step.time.astimezone().strftime("%H:%M:%S")),
        ]
        if step.kind != "note":
            lines.append(
                self.tr("Window: %1").replace(
                    "%1", step.window_title or self.tr("(untitled window)")
                )
            )
        if step.app:
            lines.append(self.tr("Application: %1").replace("%1", step.app))
        if step.x is not None and step.y is not None:
            lines.append(
                self.tr("Position: %1, %2").replace("%1", str(step.x)).replace("%2", str(step.y))
            )
        self.details.setText("\n".join(lines))
        sha = step.image_sha256
        if not sha:
            self.preview.set_message(
                self.tr("Typing is recorded as a count of key presses, never the keys.")
                if step.kind == "typing"
                else self.tr("This step has no screenshot.")
            )
        elif sha in self._previews:
            self._previews.move_to_end(sha)
            self.preview.set_image(self._previews[sha])
        else:
            self.preview.set_message(self.tr("Loading the screenshot\u2026"))
            self._load_preview(sha)

    def _current_sha(self) -> str:
        item = self.list.currentItem()
        return self._step(item).image_sha256 if item is not None else ""

    def _load_preview(self, sha: str) -> None:
        if sha in self._preview_loading:
            return
        self._preview_loading.add(sha)
        path = str(self._drafts.blob_path(sha))
        self._runner.run(
            partial(load_preview, path),
            on_success=self._guarded(self._on_preview_loaded, sha),
            on_error=self._guarded(self._on_preview_failed, sha),
        )

    def _on_preview_loaded(self, sha: str, image: object) -> None:
        self._preview_loading.discard(sha)
        assert isinstance(image, QImage)
        self._previews[sha] = image
        while len(self._previews) > PREVIEW_CACHE:
            self._previews.popitem(last=False)
        if self._current_sha() == sha:
            self.preview.set_image(image)

    def _on_preview_failed(self, sha: str, exc: BaseException) -> None:
        self._preview_loading.discard(sha)
        log.warning("steps editor: screenshot %s not shown: %s", sha[:12], exc)
        if self._current_sha() == sha:
            what, _todo = describe_exception(exc)
            self.preview.set_message(
                self.tr("This screenshot cannot be shown. %1").replace("%1", what)
            )

    def _load_thumbnail(self, sha: str) -> None:
        if sha in self._thumbnails_loading:
            return
        self._thumbnails_loading.add(sha)
        path = str(self._drafts.blob_path(sha))
        self._runner.run(
            partial(load_thumbnail, path),
            on_success=self._guarded(self._on_thumbnail_loaded, sha),
            on_error=self._guarded(self._on_thumbnail_failed, sha),
        )

    def _on_thumbnail_loaded(self, sha: str, image: object) -> None:
        self._thumbnails_loading.discard(sha)
        if not isinstance(image, QImage) or image.isNull():
            log.info("steps editor: no thumbnail for %s", sha[:12])
            return
        self._thumbnails[sha] = _thumbnail_icon(image)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if self._step(item).image_sha256 == sha:
                item.setIcon(self._thumbnails[sha])

    def _on_thumbnail_failed(self, sha: str, exc: BaseException) -> None:
        self._thumbnails_loading.discard(sha)
        log.info("steps editor: thumbnail of %s failed: %s", sha[:12], exc)

    # -- editing --------------------------------------------------------------------------------

    @Slot(int)
    def _on_list_current_row_changed(self, _row: int) -> None:
        self._refresh()

    @Slot()
    def _on_list_reordered(self) -> None:
        self._edited()

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self._edited()

    @Slot()
    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def _on_down_button_clicked(self) -> None:
        self._move(1)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list.editItem(item)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._edited()

    def _on_delegate_caption_committed(self, index: QPersistentModelIndex, text: str) -> None:
        if not index.isValid():
            return
        item = self.list.item(index.row())
        step = self._step(item)
        caption = " ".join(text.split()) or step.default_caption
        if caption == step.caption:
            return
        self._set_step(item, step.with_changes(caption=caption))
        self._edited()

    def set_caption(self, row: int, caption: str) -> None:
        """Rewrite the caption of the step at ``row`` (as the in-place editor does)."""
        self._on_delegate_caption_committed(
            QPersistentModelIndex(self.list.model().index(row, 0)), caption
        )

    @Slot(bool)
    def _on_report_check_toggled(self, _checked: bool) -> None:
        self._show_size()
        self.steps_edited.emit()

    # -- annotating -----------------------------------------------------------------------------

    def _set_busy(self, delta: int) -> None:
        self._busy = max(0, self._busy + delta)
        self.status.setText(self.tr("Saving the annotated screenshot\u2026") if self._busy else "")
        self._refresh()

    @Slot()
    def _on_annotate_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None or self._busy or self._annotator is not None:
            return
        step = self._step(item)
        if not step.image_sha256:
            return
        marked = self._annotated.get(step.image_sha256)
        # Reopen an annotated screenshot on its untouched original, with its marks editable.
        source = marked.original_sha256 if marked is not None else step.image_sha256
        notes = marked.annotations if marked is not None else ""
        key = int(item.data(KEY_ROLE))
        drafts = self._drafts

        def work() -> QImage:
            from app.services.annotation import load_image

            try:
                return load_image(drafts.read_blob(source))
            except (OSError, ValueError) as exc:  # gone or damaged since the recording
                raise StorageError(f"a step's screenshot: {exc}", reason="blob") from exc

        self._set_busy(1)
        self._runner.run(
            work,
            on_success=self._guarded(self._on_annotate_image_loaded, key, notes),
            on_error=self._on_annotate_failed,
        )

    def _on_annotate_image_loaded(self, key: int, notes: str, image: object) -> None:
        assert isinstance(image, QImage)
        from app.ui.annotator import AnnotatorDialog

        try:
            dialog = AnnotatorDialog(image, notes or None, self, runner=self._runner)
        except ValueError as exc:  # marks from a damaged store: open the image plain
            log.warning("steps editor: annotations not reopened: %s", exc)
            dialog = AnnotatorDialog(image, None, self, runner=self._runner)
        self._annotator = dialog
        dialog.finished.connect(partial(self._on_annotator_finished, key))
        dialog.open()

    def _on_annotator_finished(self, key: int, code: int) -> None:
        dialog, self._annotator = self._annotator, None
        if dialog is None:
            return
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted.value:
            self._set_busy(-1)
            return
        from app.services import annotation

        document = dialog.result_document()  # type: ignore[attr-defined]
        rendered = dialog.result_image()  # type: ignore[attr-defined]
        item = self._item_by_key(key)
        name = step_image_name(self.list.row(item) + 1 if item is not None else 0)
        drafts = self._drafts

        def work() -> AttachmentRef:
            sent, original, notes = annotation.export_annotated(document, rendered, None)
            return drafts.store_annotated(name, sent, original, notes)

        self._runner.run(
            work,
            on_success=self._guarded(self._on_annotation_stored, key),
            on_error=self._on_annotate_failed,
        )

    def _on_annotation_stored(self, key: int, ref: object) -> None:
        assert isinstance(ref, AttachmentRef)
        self._set_busy(-1)
        self._annotated[ref.sha256] = ref
        self._sizes[ref.sha256] = ref.size
        item = self._item_by_key(key)
        if item is None:  # deleted meanwhile: nothing to update
            return
        self._set_step(item, self._step(item).with_changes(image_sha256=ref.sha256))
        self._edited()

    def _on_annotate_failed(self, exc: BaseException) -> None:
        self._set_busy(-1)
        log.warning("steps editor: annotation failed: %s", exc)
        what, todo = describe_exception(exc)
        show_warning(self, self.tr("Screenshot not annotated"), f"{what}\n\n{todo}")

    # -- what it will weigh ----------------------------------------------------------------------

    def _read_sizes(self, shas: list[str]) -> None:
        """The stored size of each screenshot, read on the runner (a stat each)."""
        drafts = self._drafts

        def work() -> dict[str, int]:
            found: dict[str, int] = {}
            for sha in dict.fromkeys(shas):
                try:
                    found[sha] = drafts.blob_path(sha).stat().st_size
                except (OSError, ValueError):
                    continue  # a lost screenshot: the preview says so
            return found

        self._runner.run(work, on_success=self._guarded(self._on_sizes_read))

    def _on_sizes_read(self, sizes: object) -> None:
        assert isinstance(sizes, dict)
        self._sizes.update(sizes)
        self._show_size()

    def estimated_bytes(self) -> tuple[int, int]:
        """(screenshots, report): what the steps add to the ticket, the report's share
        estimated as its embedded images (base64) plus its text."""
        shown = {step.image_sha256 for step in self.steps() if step.image_sha256}
        images = sum(self._sizes.get(sha, 0) for sha in shown)
        report = 0
        if self.report_check.isChecked() and self.list.count():
            report = images * 4 // 3 + 4096 + 600 * self.list.count()
        return images, report

    def _show_size(self) -> None:
        images, report = self.estimated_bytes()
        if not self.list.count():
            self.size_label.clear()
            return
        if report:
            text = (
                self.tr("Screenshots %1; the report adds about %2.")
                .replace("%1", human_size(images))
                .replace("%2", human_size(report))
            )
        else:
            text = self.tr("Screenshots %1.").replace("%1", human_size(images))
        # Attachments travel base64-encoded: a third more on the wire.
        wire = (self._already + images + report) * 4 // 3
        over = bool(self._size_limit) and wire > self._size_limit
        if over:
            text += " " + self.tr(
                "With the ticket's other attachments that is over the %1 it may carry: leave "
                "out the report or some screenshots."
            ).replace("%1", human_size(self._size_limit))
        self.size_label.setText(text)
        self.size_label.setStyleSheet("color: #c5221f;" if over else "")
        if not over:
            look.muted(self.size_label)

    # -- accept and discard ---------------------------------------------------------------------

    @Slot()
    def _on_add_button_clicked(self) -> None:
        if self._busy or not self.list.count():
            return
        self.accept()

    def accept(self) -> None:
        """Close with the steps as shown, a caption still being typed included."""
        self.delegate.commit_open_editor()
        super().accept()

    def reject(self) -> None:
        """Discard the recording; with steps, only after the user agrees."""
        if self._busy:
            return  # an annotated screenshot is being stored: it would be lost half-way
        if not self.list.count() or self._discard_confirmed:
            super().reject()
            return
        if self._discard_box is not None:
            return
        self._discard_box, self.discard_confirm_button = ask_to_discard(
            self,
            self.tr("Discard recording?"),
            self.tr("Discard the recorded steps? They will not be added to the ticket."),
            self._on_discard_answered,
        )

    def _on_discard_answered(self, discard: bool) -> None:
        self._discard_box = None
        if discard:
            self._discard_confirmed = True
            self.reject()
