"""Small visual accents set through palettes and fonts.

Style sheets are avoided on purpose: each one makes Qt parse CSS and wrap the widget's style in
a QStyleSheetStyle, which costs start-up time and drops the platform's native look. Only the
primary button and the navigation list use one (their look cannot be had from a palette on
every platform style).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QWidget

RED = "#c5221f"
GREEN = "#1e8e3e"
AMBER = "#b06000"


def muted(widget: QWidget) -> QWidget:
    """Secondary text: the palette's placeholder colour."""
    palette = widget.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    widget.setPalette(palette)
    return widget


def colored(widget: QWidget, color: str | None) -> QWidget:
    """Text in ``color`` (None: back to the normal text colour)."""
    if color is None:
        widget.setPalette(QPalette())  # an empty palette: inherit the parent's again
        return widget
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    widget.setPalette(palette)
    return widget


def bold(widget: QWidget, scale: float = 1.0) -> QWidget:
    """Bold text, optionally larger."""
    font = QFont(widget.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)
    return widget


def panel(frame: QWidget) -> QWidget:
    """A box that stands out from the window: filled with the base (text field) colour."""
    palette = frame.palette()
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
    frame.setPalette(palette)
    frame.setAutoFillBackground(True)
    return frame


def caption(label: QLabel) -> QLabel:
    """A field caption: bold, with a little space above."""
    bold(label)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def title(label: QLabel) -> QLabel:
    """A page title."""
    bold(label, 1.5)
    return label


PRIMARY_BUTTON = """
QPushButton { background-color: #2f6fd1; color: white; border: 1px solid #255cb0;
              border-radius: 4px; padding: 6px 18px; font-weight: bold; }
QPushButton:hover { background-color: #3a7be0; }
QPushButton:pressed { background-color: #255cb0; }
QPushButton:disabled { background-color: #9db8e3; border-color: #9db8e3; }
"""

NAV_LIST = """
QListWidget { background: palette(base); border: none; border-right: 1px solid palette(mid);
              padding-top: 6px; }
QListWidget::item { padding: 6px 8px; border-radius: 4px; margin: 1px 6px; }
QListWidget::item:selected { background: #dbe7fb; color: #1a3d7a; }
QListWidget::item:hover:!selected { background: palette(alternate-base); }
"""


def primary(button: QPushButton) -> QPushButton:
    """The one button that does the main thing on a page."""
    button.setStyleSheet(PRIMARY_BUTTON)
    return button


def navigation(widget: QListWidget) -> QListWidget:
    """The side navigation list."""
    widget.setStyleSheet(NAV_LIST)
    return widget
