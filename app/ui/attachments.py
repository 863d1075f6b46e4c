"""The composer's attachment strip: thumbnails, add, paste, drop, remove."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QIcon,
    QImage,
    QImageReader,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from app.core.model import AttachmentRef

THUMB = 96


def human_size(size: int) -> str:
    """1536 -> '1.5 KB' in the user's locale ('1,5 KB' in Italian)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def encode_png(image: QImage) -> bytes:
    """PNG bytes of ``image`` (runs in a worker: QImage is safe off the GUI thread)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the image could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def load_thumbnail(path: str) -> QImage:
    """A small image for the strip, decoded at reduced size (runs in a worker)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > THUMB * 2 or size.height() > THUMB * 2):
        reader.setScaledSize(size.scaled(THUMB * 2, THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image


def local_files(mime: QMimeData) -> list[str]:
    """The local file paths in a drop or paste."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class AttachmentList(QListWidget):
    """Attachments as icons with name and size. Delete removes the selected ones."""

    remove_requested = Signal(list)
    """The user asked to remove these AttachmentRefs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 48, THUMB + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setMinimumHeight(THUMB + 52)
        self.setMaximumHeight(THUMB + 52)
        self.setAcceptDrops(False)  # drops are handled by the composer as a whole
        self._file_icon: QIcon | None = None  # fetched when first needed (QStyle costs)

    def file_icon(self) -> QIcon:
        """The style's generic file icon, shown until a thumbnail is loaded."""
        if self._file_icon is None:
            style = self.style()
            self._file_icon = style.standardIcon(style.StandardPixmap.SP_FileIcon)
        return self._file_icon

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.count() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.tr("Drop files or screenshots here, or paste an image with Ctrl+Shift+V"),
            )
            painter.end()

    def set_attachments(self, items: tuple[AttachmentRef, ...]) -> None:
        """Show exactly ``items`` (keeping thumbnails already loaded)."""
        existing = {
            self.item(i).data(Qt.ItemDataRole.UserRole).sha256: self.item(i).icon()
            for i in range(self.count())
        }
        self.clear()
        metrics = self.fontMetrics()
        width = self.gridSize().width() - 8
        for ref in items:
            # One line for the name (elided in the middle: the end tells the type and the
            # timestamp apart) and one for the size, so long names never spill over the grid.
            name = metrics.elidedText(ref.name, Qt.TextElideMode.ElideMiddle, width)
            item = QListWidgetItem(f"{name}\n{human_size(ref.size)}")
            item.setData(Qt.ItemDataRole.UserRole, ref)
            tip = f"{ref.name} ({human_size(ref.size)}, {ref.mime})"
            if ref.is_image:
                tip += "\n" + self.tr("Double-click to annotate or redact")
            item.setToolTip(tip)
            icon = existing.get(ref.sha256)
            item.setIcon(icon if icon is not None else self.file_icon())
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        """Put a loaded thumbnail on every item showing that blob."""
        if image.isNull():
            return
        icon = QIcon(QPixmap.fromImage(image))
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole).sha256 == sha256:
                item.setIcon(icon)

    def selected_refs(self) -> list[AttachmentRef]:
        """The selected attachments."""
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.selectedItems()]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.remove_requested.emit(self.selected_refs())
            return
        super().keyPressEvent(event)
