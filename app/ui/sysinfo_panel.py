"""The composer's system-information panel: the exact lines a ticket will carry, each one
removable, and the whole block included or not.

What the list shows is what is sent: :meth:`SysinfoPanel.text` joins the ticked lines and the
composer stores that very string in the draft, which :func:`app.core.composer.render_body`
puts under the "System information" heading unchanged. The lines are in English on purpose
(the help desk reads them); the panel's own words are translated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.sysinfo import FACT_LABELS, SystemInfo
from app.ui import look

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


def _label_of(line: str) -> str:
    """The ``Label`` of a ``Label: value`` line ("" when it has none)."""
    label, sep, _ = line.partition(": ")
    return label if sep else ""


class SysinfoPanel(QGroupBox):
    """A checkable group: its title box includes the block, each line's box keeps the line."""

    edited = Signal()
    """The user included, excluded or removed something."""

    refresh_requested = Signal()
    """The user asked to collect the facts again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Send system &information"))
        self.setCheckable(True)
        self.setChecked(False)
        self._filling = False
        self._has_info = False
        self._info: SystemInfo | None = None  # the last facts collected
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        top = QHBoxLayout()
        self.hint = QLabel(
            self.tr("Exactly these lines are added to the ticket. Untick a line to leave it out.")
        )
        self.hint.setWordWrap(True)
        look.muted(self.hint)
        top.addWidget(self.hint, 1)
        self.refresh_button = QPushButton(self.tr("Refres&h"))
        self.refresh_button.setToolTip(self.tr("Collect the system information again"))
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.lines = QListWidget()
        self.lines.setObjectName("sysinfoLines")
        self.lines.setUniformItemSizes(True)
        self.lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lines.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.lines.itemChanged.connect(self._on_lines_item_changed)
        layout.addWidget(self.lines)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        look.muted(self.problems)
        self.problems.setVisible(False)
        layout.addWidget(self.problems)
        self.toggled.connect(self._on_toggled)
        self.set_collecting(True)
        self._fit_height()

    # -- what is sent ---------------------------------------------------------------------------

    def text(self) -> str:
        """The block as it goes into the ticket ("" when it is not included)."""
        if not self.isChecked():
            return ""
        return "\n".join(
            str(item.data(LINE_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    @property
    def has_info(self) -> bool:
        """True once facts were shown (collected, or kept from a saved draft)."""
        return self._has_info

    def set_info(self, info: SystemInfo, approved: str | None) -> None:
        """Show ``info``'s lines (fresh values). ``approved`` is the draft's text when the user
        (or a saved draft) already decided: its labels say which lines stay ticked, a line it
        has that ``info`` lacks is kept as it was, and ``""`` means not included. ``None``:
        nothing decided yet; every line is ticked and the caller sets the group's box."""
        self._info = info
        approved_lines = [ln for ln in (approved or "").splitlines() if ln.strip()]
        kept = {_label_of(ln): ln for ln in approved_lines}
        rows: list[tuple[str, bool]] = []
        seen: set[str] = set()
        for fact in info.facts:
            seen.add(fact.label)
            ticked = approved is None or not approved_lines or fact.label in kept
            rows.append((fact.line, ticked))
        for line in approved_lines:  # approved before, not collected now: never dropped silently
            if _label_of(line) not in seen:
                rows.append((line, True))
        self._fill(rows)
        if approved is not None:
            self._set_checked_quietly(bool(approved_lines))
        self._has_info = bool(rows)
        names = [FACT_LABELS.get(key, key) for key, _ in info.errors]
        self.problems.setText(
            self.tr("Not collected: %1. Hover for why.").replace("%1", ", ".join(names))
            if names
            else ""
        )
        self.problems.setToolTip(
            "\n".join(f"{FACT_LABELS.get(key, key)}: {message}" for key, message in info.errors)
        )
        self.problems.setVisible(bool(names))
        self.set_collecting(False)

    def set_approved(self, approved: str) -> None:
        """Show a saved draft's decision: over the facts collected so far, or alone."""
        if self._info is not None:
            collecting = not self.refresh_button.isEnabled()
            self.set_info(self._info, approved)
            self.set_collecting(collecting)
            return
        lines = [ln for ln in approved.splitlines() if ln.strip()]
        self._fill([(ln, True) for ln in lines])
        self._has_info = bool(lines)
        self._set_checked_quietly(bool(lines))

    def reset(self) -> None:
        """Every collected line ticked again (for a new draft: nothing is decided yet)."""
        if self._info is not None:
            collecting = not self.refresh_button.isEnabled()
            self.set_info(self._info, None)
            self.set_collecting(collecting)

    def set_included(self, included: bool) -> None:
        """Tick or untick the whole block (without it counting as the user's edit)."""
        self._set_checked_quietly(included)

    def set_collecting(self, collecting: bool) -> None:
        """Say the facts are being collected (the list is empty meanwhile)."""
        self.refresh_button.setEnabled(not collecting)
        if collecting and not self._items():
            self.hint.setText(self.tr("Collecting the system information\u2026"))
        else:
            self.hint.setText(
                self.tr(
                    "Exactly these lines are added to the ticket. Untick a line to leave it out."
                )
            )

    # -- inside ---------------------------------------------------------------------------------

    def _items(self) -> list[QListWidgetItem]:
        return [item for i in range(self.lines.count()) if (item := self.lines.item(i))]

    def _fill(self, rows: list[tuple[str, bool]]) -> None:
        self._filling = True
        try:
            self.lines.clear()
            for line, ticked in rows:
                item = QListWidgetItem(line)
                item.setData(LINE_ROLE, line)
                item.setToolTip(line)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.lines.addItem(item)
        finally:
            self._filling = False
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its lines (up to ten): the whole text is in view without scrolling; a
        line too long for the width shows in full as its tooltip."""
        rows = max(3, min(10, self.lines.count()))
        row = self.fontMetrics().height() + 2
        if self.lines.count():
            row = self.lines.sizeHintForRow(0)
        frame = 2 * self.lines.frameWidth() + 2
        self.lines.setFixedHeight(rows * max(row, 1) + frame + 4)

    def _set_checked_quietly(self, checked: bool) -> None:
        self._filling = True
        try:
            self.setChecked(checked)
        finally:
            self._filling = False

    @Slot(QListWidgetItem)
    def _on_lines_item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.edited.emit()

    @Slot(bool)
    def _on_toggled(self, _on: bool) -> None:
        if not self._filling:
            self.edited.emit()

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.set_collecting(True)
        self.refresh_requested.emit()
