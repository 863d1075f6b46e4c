"""Start the GUI: QApplication, translations, crash hook, main window, tray."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon

from app import APP_NAME, __version__
from app.services.context import AppContext
from app.services.messages import Message
from app.services.tasks import GuiThreadCollector, TaskRunner
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under resources/ (also inside a frozen build)."""
    base = (
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if hasattr(sys, "_MEIPASS") else RESOURCES
    )
    return base.joinpath(*parts)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and Ticketwise's translations for ``language`` ('' = the system's)."""
    locale = QLocale(language) if language else QLocale.system()
    if locale.language() == QLocale.Language.C:  # no locale set (LANG=C): plain English
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("ticketwise", str(resource_path("translations")))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


class _MessageRelay(QObject):
    """Carries service messages (posted from any thread) to the GUI thread."""

    posted = Signal(object)
    """A Message arrived."""


class _FirstPaint(QObject):
    """Runs a callback once, after the window's first paint.

    Give it the watched window as ``parent``: PySide keeps no reference to an event filter, so an
    unowned one is garbage-collected (and silently uninstalled) as soon as its name goes away.
    """

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def _install_crash_hook(window_ref: list[MainWindow]) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.critical("unhandled exception (a bug):\n%s", text)
        try:
            if window_ref:
                window_ref[0].composer.save_now()
            box = QMessageBox(window_ref[0] if window_ref else None)
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QApplication.translate("Crash", "Ticketwise hit a bug"))
            box.setText(
                QApplication.translate(
                    "Crash",
                    "Something went wrong inside Ticketwise. Your draft is saved and "
                    "nothing in the outbox is lost. Please report this, with the details below.",
                )
            )
            box.setDetailedText(text)
            box.exec()
        except Exception:  # the crash dialog itself must never crash the app
            log.exception("the crash dialog failed")

    sys.excepthook = hook


def run_gui(ctx: AppContext, args: argparse.Namespace) -> int:
    """Open the main window and run the event loop."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName(APP_NAME)
    QApplication.setDesktopFileName("ticketwise")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translators(app, ctx.settings.get_str("language"))
    icon = QIcon(str(resource_path("icons", "ticketwise.svg")))
    app.setWindowIcon(icon)

    collector = GuiThreadCollector(parent=app)  # Qt objects are never freed in a worker
    app.aboutToQuit.connect(collector.stop)
    runner = TaskRunner()
    window = MainWindow(ctx, runner, icon)
    _install_crash_hook([window])
    runner.unhandled = lambda exc: sys.excepthook(type(exc), exc, exc.__traceback__)

    relay = _MessageRelay()
    relay.posted.connect(window.on_message)
    ctx.messages.subscribe(relay.posted.emit)

    tray = None
    want_tray = ctx.settings.get_bool("show_tray_icon") and not args.no_tray
    if want_tray and QSystemTrayIcon.isSystemTrayAvailable():
        tray = _make_tray(app, window, icon)
        window.tray_available = True
        window.settings_changed()
    window.notify.connect(lambda title, text, level: _notify(tray, title, text, level))
    window.quit_requested.connect(lambda: _quit(app, window, runner))
    app.aboutToQuit.connect(window.prepare_quit)

    servers: list[object] = []

    def after_first_paint() -> None:
        # QtNetwork and the channel to other processes come after the first frame: start-up.
        from app.services.instance import address
        from app.ui.instance import InstanceServer

        server = InstanceServer(address(ctx.paths.data_dir), window.handle_instance_request)
        server.listen()
        app.aboutToQuit.connect(server.close)
        servers.append(server)
        window.start()
        # What start-up built lives as long as the app: keep it out of every later full
        # collection, which then costs what the garbage costs, not what the app holds.
        gc.freeze()

    capture_first = bool(getattr(args, "capture", False))
    if capture_first:
        # ``main.py capture`` with no app running: the screenshot first, without our window
        # in it; the window opens afterwards, on the draft that received it.
        window.start_capture("region")
        window.show_after_capture = True

    first_paint = _FirstPaint(after_first_paint, window)
    window.installEventFilter(first_paint)
    if (args.minimized and tray is not None) or capture_first:
        QTimer.singleShot(0, after_first_paint)
    else:
        window.show()
    if os.environ.get("TICKETWISE_EXIT_AFTER_FIRST_PAINT"):
        # Benchmark hook: report the first paint on stdout and quit.
        def report() -> None:
            print("first-paint", flush=True)
            app.quit()

        window.installEventFilter(_FirstPaint(report, window))
    code = app.exec()
    runner.wait_all(10_000)
    window.removeEventFilter(first_paint)
    return int(code)


def _make_tray(app: QApplication, window: MainWindow, icon: QIcon) -> QSystemTrayIcon:
    tray = QSystemTrayIcon(icon, app)
    tray.setToolTip(APP_NAME)
    menu = QMenu()
    menu.addAction(QApplication.translate("Tray", "New ticket"), window.new_ticket)
    menu.addAction(
        QApplication.translate("Tray", "Take a screenshot\u2026"),
        lambda: window.start_capture("region"),
    )
    record = menu.addAction(QApplication.translate("Tray", "Record steps\u2026"))
    record.triggered.connect(window.toggle_recording)

    def update_record() -> None:
        record.setText(
            QApplication.translate("Tray", "Stop recording")
            if window.is_recording
            else QApplication.translate("Tray", "Record steps\u2026")
        )

    menu.aboutToShow.connect(update_record)
    menu.addAction(QApplication.translate("Tray", "Show Ticketwise"), window.show_normal_and_raise)
    menu.addAction(
        QApplication.translate("Tray", "Send outbox now"),
        lambda: window.worker.flush(ignore_backoff=True),
    )
    menu.addSeparator()
    menu.addAction(QApplication.translate("Tray", "Quit"), window.quit_requested.emit)
    tray.setContextMenu(menu)
    tray.activated.connect(
        lambda reason: (
            window.show_normal_and_raise()
            if reason == QSystemTrayIcon.ActivationReason.Trigger
            else None
        )
    )
    tray.show()
    tray._menu = menu  # type: ignore[attr-defined]  # keep the menu alive with the icon
    return tray


def _notify(tray: QSystemTrayIcon | None, title: str, text: str, level: int) -> None:
    if tray is None or not tray.supportsMessages():
        return
    icons = [
        QSystemTrayIcon.MessageIcon.Information,
        QSystemTrayIcon.MessageIcon.Warning,
        QSystemTrayIcon.MessageIcon.Critical,
    ]
    tray.showMessage(title, text, icons[max(0, min(level, 2))], 8000)


def _quit(app: QApplication, window: MainWindow, runner: TaskRunner) -> None:
    window.prepare_quit()
    window.worker.cancel()
    app.quit()


__all__ = ["Message", "run_gui"]
