"""Drafts and their attachments."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.core.model import AttachmentRef, Draft, guess_mime
from app.services.context import AppContext

log = logging.getLogger(__name__)


class DraftService:
    """Create, autosave, list, delete drafts; store attachment files as blobs."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def save(self, draft: Draft) -> Draft:
        """Persist ``draft`` (insert when new); returns it with its id."""
        return self._ctx.drafts_repo.save(draft)

    def get(self, draft_id: int) -> Draft | None:
        """One draft."""
        return self._ctx.drafts_repo.get(draft_id)

    def list_all(self) -> list[Draft]:
        """All drafts, most recent first."""
        return self._ctx.drafts_repo.list_all()

    def latest(self) -> Draft | None:
        """The draft the user was last working on."""
        return self._ctx.drafts_repo.latest()

    def delete(self, draft_id: int) -> None:
        """Delete a draft (its blobs go at the next clean-up if nothing else uses them)."""
        self._ctx.drafts_repo.delete(draft_id)

    def store_file(
        self, path: Path, on_progress: Callable[[int, int], None] | None = None
    ) -> AttachmentRef:
        """Copy a file into the blob store; the reference to add to a draft."""
        sha, size = self._ctx.blobs.put_file(path, on_progress)
        return AttachmentRef(name=path.name, sha256=sha, size=size, mime=guess_mime(path.name))

    def store_bytes(self, name: str, data: bytes, mime: str = "") -> AttachmentRef:
        """Store bytes (a pasted image) as a blob."""
        sha, size = self._ctx.blobs.put_bytes(data)
        return AttachmentRef(name=name, sha256=sha, size=size, mime=mime or guess_mime(name))

    def store_annotated(
        self, name: str, rendered_png: bytes, original_png: bytes, annotations: str
    ) -> AttachmentRef:
        """Store an annotated screenshot: the image that is sent, plus (for this machine only)
        the lossless original and the annotations, so the annotator can reopen it."""
        original_sha, _ = self._ctx.blobs.put_bytes(original_png)
        sha, size = self._ctx.blobs.put_bytes(rendered_png)
        return AttachmentRef(
            name=name,
            sha256=sha,
            size=size,
            mime="image/png",
            original_sha256=original_sha,
            annotations=annotations,
        )

    def read_blob(self, sha256: str) -> bytes:
        """The bytes of a stored blob (checked against its name)."""
        return self._ctx.blobs.read(sha256)

    def blob_path(self, sha256: str) -> Path:
        """Where an attachment's bytes are (for opening or thumbnails)."""
        return self._ctx.blobs.path(sha256)

    def collect_garbage(self) -> int:
        """Delete blobs no draft, unsent item or steps recording refers to. Skipped while a
        recording runs here: its newest screenshots are stored before its journal names them
        (and their temporary files are being written)."""
        from app.store.recording import RecordingJournal, recording_active

        if recording_active():
            log.info("blobs: clean-up skipped while steps are being recorded")
            return 0
        referenced = (
            self._ctx.drafts_repo.referenced_blobs()
            | self._ctx.outbox_repo.referenced_blobs()
            | RecordingJournal(self._ctx.paths.recording_journal).referenced_blobs()
        )
        removed = self._ctx.blobs.remove_unreferenced(referenced)
        if removed:
            log.info("blobs: removed %d unreferenced", removed)
        return removed


class DraftHandle:
    """The database id of the draft an editor is working on, filled in by its first save.

    Autosaves run one after another on the serial worker; each reads the id the previous one
    wrote, so a new draft is inserted once and then updated, never inserted twice.
    """

    def __init__(self, draft_id: int | None = None) -> None:
        self.id = draft_id

    def save(self, service: DraftService, draft: Draft) -> Draft:
        """Save ``draft`` as this handle's draft (call from the serial worker)."""
        if self.id is not None and draft.id != self.id:
            draft = draft.with_changes(id=self.id, updated_at=draft.updated_at)
        saved = service.save(draft)
        self.id = saved.id
        return saved
