"""The content-addressed blob folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.store.blobs import CHUNK, BlobStore


def _leftovers(store: BlobStore) -> list[Path]:
    return list(store.root.glob(".incoming-*"))


def test_put_bytes_names_the_blob_by_its_sha256(blob_store: BlobStore):
    data = "schermata \u00e8 \U0001f600".encode() * 100
    sha, size = blob_store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert size == len(data)
    assert blob_store.path(sha) == blob_store.root / sha[:2] / sha
    assert blob_store.path(sha).read_bytes() == data
    assert blob_store.read(sha) == data
    assert blob_store.exists(sha)
    assert _leftovers(blob_store) == []


def test_empty_blob(blob_store: BlobStore):
    sha, size = blob_store.put_bytes(b"")
    assert (sha, size) == (hashlib.sha256(b"").hexdigest(), 0)
    assert blob_store.read(sha) == b""


def test_put_is_idempotent(blob_store: BlobStore):
    first = blob_store.put_bytes(b"same bytes")
    mtime = blob_store.path(first[0]).stat().st_mtime_ns
    second = blob_store.put_bytes(b"same bytes")
    assert first == second
    assert blob_store.path(first[0]).stat().st_mtime_ns == mtime  # not rewritten
    assert [p for p in blob_store.root.rglob("*") if p.is_file()] == [blob_store.path(first[0])]


def test_put_file_streams_with_progress(blob_store: BlobStore, tmp_path: Path):
    source = tmp_path / "video \u00e8.bin"
    data = os.urandom(2 * CHUNK + 12345)
    source.write_bytes(data)
    calls: list[tuple[int, int]] = []
    sha, size = blob_store.put_file(source, lambda done, total: calls.append((done, total)))
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert calls == [(CHUNK, len(data)), (2 * CHUNK, len(data)), (len(data), len(data))]
    assert blob_store.read(sha) == data
    assert _leftovers(blob_store) == []


def test_put_file_without_progress(blob_store: BlobStore, tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")
    assert blob_store.put_file(source) == (hashlib.sha256(b"abc").hexdigest(), 3)


def test_an_interrupted_put_leaves_nothing_behind(blob_store: BlobStore, tmp_path: Path):
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 * CHUNK))

    def cancel_midway(done: int, total: int) -> None:
        if done >= 2 * CHUNK:
            raise KeyboardInterrupt  # the user quit while the file was being copied

    with pytest.raises(KeyboardInterrupt):
        blob_store.put_file(source, cancel_midway)
    assert [p for p in blob_store.root.rglob("*") if p.is_file()] == []


def test_a_missing_source_file_is_reported_before_anything_is_written(
    blob_store: BlobStore, tmp_path: Path
):
    with pytest.raises(FileNotFoundError):
        blob_store.put_file(tmp_path / "gone.png")
    assert _leftovers(blob_store) == []


def test_a_failing_disk_is_a_storage_error(blob_store: BlobStore):
    blob_store.root.rmdir()  # e.g. the data folder was on a drive that went away
    with pytest.raises(StorageError) as info:
        blob_store.put_bytes(b"x")
    assert info.value.params["reason"] == "io"


def test_a_damaged_blob_is_detected_on_read(blob_store: BlobStore):
    sha, _ = blob_store.put_bytes(b"the original screenshot")
    blob_store.path(sha).write_bytes(b"the original screenshoT")
    with pytest.raises(OSError, match="damaged"):
        blob_store.read(sha)


def test_a_missing_blob_raises_on_read(blob_store: BlobStore):
    with pytest.raises(FileNotFoundError):
        blob_store.read("0" * 64)


@pytest.mark.parametrize("name", ["../../etc/passwd", "A" * 64, "abc", "0" * 63 + "g", ""])
def test_only_sha256_names_are_accepted(blob_store: BlobStore, name: str):
    with pytest.raises(ValueError, match="not a sha256"):
        blob_store.path(name)


def test_remove_unreferenced(blob_store: BlobStore):
    keep, _ = blob_store.put_bytes(b"keep me")
    drop, _ = blob_store.put_bytes(b"drop me")
    stale = blob_store.root / ".incoming-crashed"
    stale.write_bytes(b"half a file")
    unrelated = blob_store.root / drop[:2] / "README"
    unrelated.write_text("not a blob", encoding="utf-8")

    assert blob_store.remove_unreferenced({keep}) == 1
    assert blob_store.exists(keep)
    assert not blob_store.exists(drop)
    assert not stale.exists()
    assert unrelated.exists()  # only names that are sha256s are ours to delete
    assert blob_store.remove_unreferenced({keep}) == 0
