"""Non-blocking message boxes: the event loop (and background work) keeps running under them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def show_warning(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A window-modal warning that does not block the caller."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def ask_to_discard(
    parent: QWidget, title: str, text: str, answered: Callable[[bool], None]
) -> tuple[QMessageBox, QAbstractButton]:
    """A window-modal "discard?" question that does not block the caller: **Discard** or
    **Keep editing** (the default, and what Esc means). ``answered(discard)`` runs once it
    closes, and the box deletes itself then. Returns the box and its Discard button."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    discard = box.addButton(
        QCoreApplication.translate("Notice", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Notice", "&Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(_result: int) -> None:
        chosen = box.clickedButton() is discard
        box.deleteLater()
        answered(chosen)

    box.finished.connect(finished)
    box.open()
    return box, discard
