"""The steps recording's journal: atomic writes, reading back, damaged files, the writer's
coalescing, and the blob clean-up keeping what a journal names."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.steps import Step, new_step
from app.services.drafts import DraftService
from app.store.recording import (
    JournalWriter,
    RecordingJournal,
    recording_active,
    recording_ended,
    recording_started,
)

T0 = datetime(2026, 11, 26, 1, 2, 3, tzinfo=UTC)
SHA_A = "a" * 64
SHA_B = "b" * 64


def steps(n: int = 3) -> list[Step]:
    out = []
    for i in range(1, n + 1):
        step = new_step(i, T0, "click", window_title=f"Window {i}", x=i, y=2 * i, button="left")
        out.append(step.with_changes(image_sha256=SHA_A if i == 1 else ""))
    return out


def test_write_then_read_gives_the_same_steps(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    journal = RecordingJournal(folder / "recording.json")
    assert journal.read() is None
    assert not journal.exists()
    written = [*steps(), new_step(4, T0, "typing", window_title="Editor", chars=7)]
    journal.write(written, max_steps=100)
    assert journal.read() == written
    data = json.loads(journal.path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["max_steps"] == 100
    assert [p.name for p in folder.iterdir()] == ["recording.json"]  # no temporary left


def test_a_write_replaces_the_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    journal = RecordingJournal(folder / "recording.json")
    journal.write(steps(2))
    before = journal.path.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    # A failure between writing the temporary file and renaming it: the old journal stays.
    monkeypatch.setattr("app.config.files.os.replace", crash)
    with pytest.raises(Exception) as error:
        journal.write(steps(3))
    assert getattr(error.value, "kind", "") == "storage"
    assert journal.path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["recording.json"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[]",
        '{"steps": 3}',
        '{"steps": [{"number": 1}]}',
        '{"steps": [{"number": 1, "time": "yesterday", "kind": "click"}]}',
        '{"steps": [{"number": 1, "time": "2026-01-01T00:00:00+00:00", "kind": "keylog"}]}',
    ],
)
def test_a_damaged_journal_is_logged_and_gives_none(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    journal = RecordingJournal(tmp_path / "recording.json")
    journal.path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.store.recording"):
        assert journal.read() is None
    assert "damaged" in caplog.text
    assert journal.referenced_blobs() == set()


def test_bytes_that_are_not_utf8_are_a_damaged_journal(tmp_path: Path) -> None:
    journal = RecordingJournal(tmp_path / "recording.json")
    journal.path.write_bytes(b"\xff\xfe\x00garbage")
    assert journal.read() is None


def test_set_aside_keeps_an_unhandled_journal_and_its_blobs(tmp_path: Path) -> None:
    journal = RecordingJournal(tmp_path / "recording.json")
    assert journal.set_aside() is None
    journal.write(steps(1))
    aside = journal.set_aside()
    assert aside is not None and aside.is_file() and not journal.exists()
    journal.write([steps(2)[1].with_changes(image_sha256=SHA_B)])
    assert journal.referenced_blobs() == {SHA_A, SHA_B}
    journal.remove()
    journal.remove()  # idempotent
    assert journal.referenced_blobs() == {SHA_A}


def test_the_writer_coalesces_a_burst_and_writes_the_last_state(tmp_path: Path) -> None:
    journal = RecordingJournal(tmp_path / "recording.json")
    current: list[Step] = []
    lock = threading.Lock()

    def snapshot() -> list[Step]:
        with lock:
            return list(current)

    writer = JournalWriter(journal, snapshot, min_interval=0.5)
    for step in steps(20):
        with lock:
            current.append(step)
        writer.mark()
    writer.close()
    assert journal.read() == steps(20)
    # One write for the first mark, at most one more per half second after it.
    assert 1 <= writer.writes <= 3


def test_the_writer_reports_a_failed_write_once(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    journal = RecordingJournal(blocker / "recording.json")
    errors: list[BaseException] = []
    writer = JournalWriter(journal, lambda: steps(1), min_interval=0.0, on_error=errors.append)
    writer.mark()
    writer.mark()
    writer.close()
    assert len(errors) == 1
    assert getattr(errors[0], "kind", "") == "storage"
    assert writer.writes == 0


def test_collect_garbage_keeps_journalled_blobs_and_waits_for_a_recording(ctx) -> None:
    drafts = DraftService(ctx)
    kept, _ = ctx.blobs.put_bytes(b"a screenshot of step 1")
    loose, _ = ctx.blobs.put_bytes(b"nobody wants this")
    RecordingJournal(ctx.paths.recording_journal).write(
        [steps(1)[0].with_changes(image_sha256=kept)]
    )
    recording_started()
    try:
        assert recording_active()
        assert drafts.collect_garbage() == 0  # a recording runs: nothing is touched
        assert ctx.blobs.exists(loose)
    finally:
        recording_ended()
    assert not recording_active()
    assert drafts.collect_garbage() == 1
    assert ctx.blobs.exists(kept)
    assert not ctx.blobs.exists(loose)
