"""Fixtures of the unit tier: a real SQLite database and blob folder in the test's temp dir.

Nothing here opens a socket; the network lives in tests/integration.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring.core
import pytest

from app.core.model import Draft
from app.store.blobs import BlobStore
from app.store.db import Database


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit tier never connects anywhere: a test that tries fails at once."""

    def refuse(self: socket.socket, *args: object) -> None:
        raise AssertionError(f"a unit test tried to connect to {args}: that is an integration test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


# Stored times keep milliseconds: drafts built with these compare equal after a round trip.
T0 = datetime(2024, 3, 1, 9, 30, 15, 123000, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database."""
    database = Database(tmp_path / "store" / "ticketwise.sqlite3")
    yield database
    database.close()


@pytest.fixture
def blob_store(tmp_path: Path) -> BlobStore:
    """An empty blob folder."""
    return BlobStore(tmp_path / "blobs")


@pytest.fixture
def make_draft() -> Callable[..., Draft]:
    """A draft that passes every check unless ``changes`` say otherwise."""

    def factory(**changes: Any) -> Draft:
        values: dict[str, Any] = {
            "subject": "Invoice PDF export fails with error 500",
            "what_happened": "When I export the March invoice as PDF the page shows error 500 "
            "and no file is downloaded.",
            "steps": "1. Open Invoices\n2. Select March\n3. Click Export PDF",
            "expected": "A PDF file is downloaded.",
            "actual": "Error 500 page.",
            "browser": "Firefox 128",
            "created_at": T0,
            "updated_at": T0,
        }
        values.update(changes)
        return Draft(**values)

    return factory


@pytest.fixture
def failing_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """keyring's own 'fail' backend: what a machine with no usable keyring gets."""
    previous = os.environ["PYTHON_KEYRING_BACKEND"]
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    yield
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", previous)
    keyring.core.init_backend()
