"""The SQLite database: WAL, foreign keys, numbered migrations by ``PRAGMA user_version``.

There is one writer per process: a single connection guarded by a lock. Several processes (the
GUI and a CLI ``outbox flush``) may share the file; SQLite's own locking and a busy timeout make
that safe, and outbox claims are compare-and-set updates.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import StorageError
from app.store.migrations import MIGRATIONS

log = logging.getLogger(__name__)

SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT_MS = 10_000


def storage_error(exc: BaseException) -> StorageError:
    """Class an environment failure (disk full, locked, corrupt, unwritable) for the user."""
    text = str(exc).lower()
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "disk is full" in text:
        reason = "disk_full"
    elif "locked" in text or "busy" in text:
        reason = "locked"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        reason = "corrupt"
    elif "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
        reason = "read_only"
    else:
        reason = "io"
    return StorageError(f"local storage failed ({reason}): {exc}", reason=reason)


class Database:
    """The app's SQLite database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(path),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            migrate(conn)
        except BaseException as exc:
            if conn is not None:  # a refused file must not stay open (and locked, on Windows)
                conn.close()
            if isinstance(exc, sqlite3.Error | OSError):
                raise storage_error(exc) from exc
            raise
        self._conn = conn

    @property
    def version(self) -> int:
        """The schema version of the open database."""
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def write(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE). ``durable`` syncs fully on commit."""
        with self._lock:
            conn = self._conn
            try:
                if durable:
                    conn.execute("PRAGMA synchronous=FULL")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except (sqlite3.OperationalError, sqlite3.DatabaseError, OSError) as exc:
                # A failed COMMIT (disk full) leaves the transaction open: end it, or every
                # later write would fail with "cannot start a transaction within a transaction".
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise storage_error(exc) from exc
            finally:
                if durable:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("PRAGMA synchronous=NORMAL")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads."""
        with self._lock:
            try:
                yield self._conn
            except (sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
                raise storage_error(exc) from exc

    def close(self) -> None:
        """Checkpoint and close."""
        with self._lock:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA optimize")
            self._conn.close()


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to ``target``, one numbered migration per transaction."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > SCHEMA_VERSION:
        # Not "io": the user's fix is to update Ticketwise, not to look at the disk.
        raise StorageError(
            f"the database was written by a newer Ticketwise (schema {current} > {SCHEMA_VERSION})",
            reason="newer_version",
            found=current,
            supported=SCHEMA_VERSION,
        )
    for number in range(current + 1, target + 1):
        log.info("store: migrating schema %d -> %d", number - 1, number)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return target
