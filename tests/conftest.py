"""Shared fixtures: every test gets a fresh TICKETWISE_HOME and a real file keyring backend."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.imap import imap_server  # noqa: F401 - one dovecot per test session

# Widget tests run headless unless a tier (e2e) provides a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"
ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def tw_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh TICKETWISE_HOME, and keyring's real PlaintextKeyring file backend inside it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TICKETWISE_HOME", str(home))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", KEYRING_BACKEND)
    # keyrings.alt keeps its file under the platform's data folder: point that into the test.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "xdg-data"))
    import keyring.core

    keyring.core.init_backend()  # re-read PYTHON_KEYRING_BACKEND for this test
    yield home


@pytest.fixture
def ctx(tw_home: Path):
    """An AppContext on the test's home."""
    from app.config.paths import resolve_paths
    from app.services.context import AppContext

    context = AppContext.create(resolve_paths())
    yield context
    context.close()
