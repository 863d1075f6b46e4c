"""Content-addressed attachment files: each blob is named by the sha256 of its bytes.

A blob is written to a temporary name in the same folder, flushed, and renamed into place, so a
crash leaves either no file or a whole one, never half a file under a real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from app.store.db import storage_error

_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
CHUNK = 1024 * 1024


class BlobStore:
    """The blob folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        """Where the blob ``sha256`` lives (two-level fan-out keeps folders small)."""
        if not _SHA_RE.match(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        """True when the blob is stored."""
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        """The blob's bytes, verified against its name."""
        data = self.path(sha256).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha256:
            raise OSError(f"blob {sha256} is damaged (its content no longer matches its name)")
        return data

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        """Store ``data``; return (sha256, size)."""
        return self._put([data])

    def put_file(
        self, source: Path, on_progress: Callable[[int, int], None] | None = None
    ) -> tuple[str, int]:
        """Copy the file ``source`` into the store, hashing as it goes; return (sha256, size)."""
        total = source.stat().st_size

        def chunks() -> Iterable[bytes]:
            done = 0
            with source.open("rb") as handle:
                while chunk := handle.read(CHUNK):
                    done += len(chunk)
                    if on_progress:
                        on_progress(done, total)
                    yield chunk

        return self._put(chunks())

    def _put(self, chunks: Iterable[bytes]) -> tuple[str, int]:
        digest = hashlib.sha256()
        size = 0
        tmp_name = ""
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path(sha)
            final.parent.mkdir(exist_ok=True)
            if final.is_file():
                os.unlink(tmp_name)  # same bytes already stored
            else:
                os.replace(tmp_name, final)
            tmp_name = ""
            return sha, size
        except OSError as exc:
            raise storage_error(exc) from exc
        finally:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)

    def remove_unreferenced(self, referenced: set[str]) -> int:
        """Delete blobs nobody references and stale temporary files; return how many went."""
        removed = 0
        for tmp in self.root.glob(".incoming-*"):
            with contextlib.suppress(OSError):
                tmp.unlink()
        for path in self.root.glob("??/*"):
            if _SHA_RE.match(path.name) and path.name not in referenced:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed
