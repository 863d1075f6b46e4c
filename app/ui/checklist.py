"""The live checklist: what the help desk will miss in this ticket."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.core.composer import Check, CheckId, Level, readiness
from app.ui import look

_COLORS = {Level.OK: "#1e8e3e", Level.ADVICE: "#b06000", Level.BLOCKER: "#c5221f"}
_MARKS = {Level.OK: "\u2714", Level.ADVICE: "\u25cb", Level.BLOCKER: "\u2716"}


class _Row(QFrame):
    clicked = Signal()
    """The user clicked the row."""

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        self.clicked.emit()


class ChecklistPanel(QFrame):
    """Shows each check with a mark, a title and a hint; clicking a row asks to focus its field."""

    field_requested = Signal(str)
    """The user clicked a check: focus the field for this CheckId value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        look.panel(self)
        self.setMinimumWidth(250)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        title = QLabel(self.tr("What the help desk needs"))
        title.setObjectName("checklistTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        layout.addWidget(title)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        layout.addWidget(self._summary)
        self._rows: dict[CheckId, tuple[QLabel, QLabel, QLabel]] = {}
        for check_id in CheckId:
            row = _Row(self)
            row.setCursor(Qt.CursorShape.PointingHandCursor)
            grid = QGridLayout(row)
            grid.setContentsMargins(0, 4, 0, 4)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(0)
            mark = QLabel()
            mark.setFixedWidth(18)
            mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            name = QLabel(self.title(check_id))
            name.setWordWrap(True)
            hint = QLabel()
            hint.setWordWrap(True)
            hint.setObjectName("checkHint")
            look.muted(hint)
            grid.addWidget(mark, 0, 0, 2, 1)
            grid.addWidget(name, 0, 1)
            grid.addWidget(hint, 1, 1)
            grid.setColumnStretch(1, 1)
            row.clicked.connect(lambda cid=check_id: self.field_requested.emit(cid.value))
            layout.addWidget(row)
            self._rows[check_id] = (mark, name, hint)
        layout.addStretch(1)
        note = QLabel(
            self.tr(
                "Only the subject and the description are required. The rest is "
                "advice: tickets with it get solved faster."
            )
        )
        note.setWordWrap(True)
        look.muted(note)
        layout.addWidget(note)
        self.checks: list[Check] = []

    def title(self, check_id: CheckId) -> str:
        """The short name of a check."""
        titles = {
            CheckId.SUBJECT: self.tr("A specific subject"),
            CheckId.DESCRIPTION: self.tr("A detailed description"),
            CheckId.STEPS: self.tr("The steps that led to it"),
            CheckId.EXPECTED_ACTUAL: self.tr("What you expected, what happened"),
            CheckId.IMAGES: self.tr("Screenshots of the problem"),
            CheckId.BROWSER: self.tr("The browser you used"),
        }
        return titles[check_id]

    def hint(self, check: Check) -> str:
        """What to do about a check that is not OK."""
        hints = {
            (CheckId.SUBJECT, "empty"): self.tr("Required: write a subject."),
            (CheckId.SUBJECT, "generic"): self.tr(
                "Say what fails and where, e.g. \u201cInvoice PDF export fails with error 500\u201d"
                "."
            ),
            (CheckId.SUBJECT, "too_short"): self.tr(
                "A few more words help the help desk triage it."
            ),
            (CheckId.SUBJECT, "all_caps"): self.tr("Avoid writing the subject in capitals."),
            (CheckId.DESCRIPTION, "empty"): self.tr("Required: describe what happened."),
            (CheckId.DESCRIPTION, "no_what_happened"): self.tr(
                "Say in your own words what happened."
            ),
            (CheckId.DESCRIPTION, "too_short"): self.tr(
                "Add some detail: what were you doing, what did you see?"
            ),
            (CheckId.STEPS, "missing"): self.tr("List what you did, one step per line."),
            (CheckId.STEPS, "too_few"): self.tr("Add each step up to the error, one per line."),
            (CheckId.EXPECTED_ACTUAL, "missing"): self.tr(
                "Say what you expected and what happened instead."
            ),
            (CheckId.EXPECTED_ACTUAL, "no_expected"): self.tr("Say what you expected to happen."),
            (CheckId.EXPECTED_ACTUAL, "no_actual"): self.tr("Say what happened instead."),
            (CheckId.IMAGES, "missing"): self.tr(
                "Attach, paste or drop a screenshot of the error."
            ),
            (CheckId.BROWSER, "missing"): self.tr(
                "Pick the browser, or say it is not a browser problem."
            ),
        }
        return hints.get((check.id, check.reason), "")

    def set_checks(self, checks: list[Check]) -> None:
        """Show the current result of every check."""
        self.checks = checks
        for check in checks:
            mark, name, hint = self._rows[check.id]
            color = _COLORS[check.level]
            mark.setText(
                f"<span style='color:{color}; font-weight:bold'>{_MARKS[check.level]}</span>"
            )
            look.colored(name, color if check.level is Level.BLOCKER else None)
            text = self.hint(check) if check.level is not Level.OK else ""
            if hint.text() != text:
                hint.setText(text)
            hint.setVisible(bool(text))
        passed, total = readiness(checks)
        self._summary.setText(
            self.tr("%1 of %2 ready").replace("%1", str(passed)).replace("%2", str(total))
        )
