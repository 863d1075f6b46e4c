"""Widget-test fixtures: a real main window on a fresh home, a real SMTP server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from app.config.paths import resolve_paths
from app.config.profiles import Profile
from app.services.context import AppContext
from app.services.tasks import GuiThreadCollector, TaskRunner
from app.ui.main_window import MainWindow
from tests.servers.smtp import TestSMTPServer

MakeWindow = Callable[[], MainWindow]


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp) -> Iterator[None]:
    """As in the app: cyclic garbage is collected on the GUI thread only, never in a worker
    (where freeing a Qt object warns, or worse), and whatever a test left is freed here."""
    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture
def make_window(qtbot, tw_home: Path) -> Iterator[MakeWindow]:
    """Build a started MainWindow on the test's home; several may be made (a "restart")."""
    made: list[tuple[MainWindow, AppContext, TaskRunner]] = []

    def make() -> MainWindow:
        ctx = AppContext.create(resolve_paths())
        ctx.settings.values["autosave_delay_ms"] = 200
        # No global key in widget tests: it would grab the developer's real desktop key (the
        # e2e tests take it on their own Xvfb).
        ctx.settings.values["capture_hotkey"] = ""
        ctx.settings.values["recorder_hotkey"] = ""
        runner = TaskRunner()
        window = MainWindow(ctx, runner, QIcon())
        qtbot.addWidget(window)
        window.show()
        window.start()
        made.append((window, ctx, runner))
        return window

    yield make
    for window, ctx, runner in made:
        window.prepare_quit()
        runner.wait_all(10_000)
        ctx.close()


@pytest.fixture
def smtp_server() -> Iterator[TestSMTPServer]:
    """A real SMTP server on 127.0.0.1 (no TLS, no login: the UI tests are about the UI)."""
    server = TestSMTPServer().start()
    yield server
    server.stop()


def add_profile(window: MainWindow, port: int, name: str = "ACME") -> Profile:
    """Store a plain-SMTP profile and refresh the window's profile box."""
    profile = Profile(
        name=name,
        to_address="support@acme.example",
        from_address="jane@customer.example",
        from_name="Jane Customer",
        host="127.0.0.1",
        port=port,
        security="none",
    )
    window._profiles.save(profile, None, make_default=True)
    window.refresh_profiles()
    return profile
