"""The journal of a steps recording: the steps so far, on disk, so a crash loses none of them.

One JSON file (``Paths.recording_journal``), replaced as a whole (temporary file, fsync,
``os.replace``): a kill -9 leaves the previous version or the new one, never half a file. The
screenshots it names are already in the blob store (written, fsynced and renamed before their
step names them), and the blob clean-up treats them as referenced until the journal goes.

Steps carry no keystroke contents (see :mod:`app.core.steps`), so neither does this file.

A journal nobody handled yet is never overwritten: starting a new recording moves it aside to
``recording-<time>.json`` (still referenced by the clean-up, still readable by hand).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.config.files import atomic_write_text
from app.core.steps import Step
from app.store.db import storage_error

log = logging.getLogger(__name__)

VERSION = 1

_active_lock = threading.Lock()
# Recordings running in this process: their newest blobs may not be journalled yet.
_active: list[int] = [0]


def recording_started() -> None:
    """A recording of this process began writing blobs (the clean-up waits for it)."""
    with _active_lock:
        _active[0] += 1


def recording_ended() -> None:
    """A recording of this process has journalled every blob it wrote."""
    with _active_lock:
        _active[0] = max(0, _active[0] - 1)


def recording_active() -> bool:
    """True while a recording of this process may hold blobs its journal does not name yet."""
    with _active_lock:
        return _active[0] > 0


class RecordingJournal:
    """Reads and writes one journal file. Thread-safe for one writer at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, steps: list[Step], *, max_steps: int = 0) -> None:
        """Replace the journal with ``steps`` (atomically; StorageError on a disk problem)."""
        data = {
            "version": VERSION,
            "written": datetime.now(UTC).isoformat(),
            "max_steps": max_steps,
            "steps": [step.to_dict() for step in steps],
        }
        try:
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise storage_error(exc) from exc

    def exists(self) -> bool:
        """True when a journal is on disk."""
        return self.path.is_file()

    def read(self) -> list[Step] | None:
        """The steps in the journal; None when there is none, or it cannot be read (logged)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("recording journal %s cannot be read: %s", self.path, exc)
            return None
        try:
            return parse(text)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("recording journal %s is damaged, ignored: %s", self.path, exc)
            return None

    def remove(self) -> None:
        """Delete the journal (its steps are in a draft now, or the user discarded them)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise storage_error(exc) from exc

    def set_aside(self) -> Path | None:
        """Move an unhandled journal out of the way of a new recording; its new path."""
        if not self.path.is_file():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{self.path.stem}-{stamp}{self.path.suffix}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            raise storage_error(exc) from exc
        log.warning("an unhandled steps recording was kept as %s", target)
        return target

    def referenced_blobs(self) -> set[str]:
        """The screenshots named by this journal and by every one set aside (a damaged file
        names none, and is logged)."""
        names: set[str] = set()
        for path in self.path.parent.glob(f"{self.path.stem}*{self.path.suffix}"):
            steps = RecordingJournal(path).read()
            names.update(s.image_sha256 for s in steps or () if s.image_sha256)
        return names


def parse(text: str) -> list[Step]:
    """The steps of a journal's text (ValueError and friends when it is not one)."""
    data: Any = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        raise ValueError("not a recording journal")
    steps = [Step.from_dict(item) for item in data["steps"]]
    return steps


class JournalWriter:
    """Writes ``snapshot()`` to ``journal`` on a thread of its own, after :meth:`mark`, at most
    once per ``min_interval`` seconds (bursts of clicks make one write, not twenty)."""

    def __init__(
        self,
        journal: RecordingJournal,
        snapshot: Callable[[], list[Step]],
        *,
        max_steps: int = 0,
        min_interval: float = 0.25,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._journal = journal
        self._snapshot = snapshot
        self._max_steps = max_steps
        self._min_interval = min_interval
        self._on_error = on_error
        self._cond = threading.Condition()
        self._dirty = False
        self._closing = False
        self._writes = 0
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="recording-journal", daemon=True)
        self._thread.start()

    @property
    def writes(self) -> int:
        """How many times the journal was written (a test and bench figure)."""
        with self._cond:
            return self._writes

    def mark(self) -> None:
        """The steps changed: write them soon (any thread)."""
        with self._cond:
            self._dirty = True
            self._cond.notify_all()

    def close(self) -> None:
        """Write what is pending and end the thread (blocks: call from a worker)."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._dirty or self._closing)
                if not self._dirty and self._closing:
                    return
                self._dirty = False
            self._write()
            with self._cond:
                # Rate limit: further changes wait here and are written together.
                self._cond.wait_for(lambda: self._closing, self._min_interval)

    def _write(self) -> None:
        try:
            self._journal.write(self._snapshot(), max_steps=self._max_steps)
        except Exception as exc:
            log.exception("the recording journal cannot be written")
            with self._cond:
                first = not self._failed
                self._failed = True
            if first and self._on_error is not None:
                self._on_error(exc)
            return
        with self._cond:
            self._writes += 1
            self._failed = False
