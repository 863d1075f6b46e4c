"""The drafts repository."""

from __future__ import annotations

from datetime import timedelta

from app.core.model import AttachmentRef
from app.store.db import Database
from app.store.drafts import DraftRepo
from tests.unit.conftest import T0

SHOT = AttachmentRef("schermata \u00e8.png", "d" * 64, 100, "image/png")
LOG = AttachmentRef("app.log", "e" * 64, 5, "text/plain")


def test_save_new_then_get(db: Database, make_draft):
    repo = DraftRepo(db)
    draft = make_draft(profile="Helpdesk", attachments=(SHOT, LOG))
    saved = repo.save(draft)
    assert saved.id is not None
    assert saved == draft.with_changes(id=saved.id, updated_at=draft.updated_at)
    assert repo.get(saved.id) == saved


def test_save_existing_updates_in_place(db: Database, make_draft):
    repo = DraftRepo(db)
    saved = repo.save(make_draft())
    edited = saved.with_changes(subject="Nuovo oggetto pi\u00f9 preciso", updated_at=T0)
    assert repo.save(edited) == edited
    assert repo.get(saved.id) == edited
    assert len(repo.list_all()) == 1


def test_saving_a_draft_deleted_meanwhile_keeps_its_text(db: Database, make_draft):
    repo = DraftRepo(db)
    saved = repo.save(make_draft())
    repo.delete(saved.id)
    repo.save(saved.with_changes(steps="1. one more edit", updated_at=T0))
    restored = repo.get(saved.id)
    assert restored is not None
    assert restored.steps == "1. one more edit"


def test_get_missing(db: Database):
    assert DraftRepo(db).get(12345) is None
    assert DraftRepo(db).latest() is None
    assert DraftRepo(db).list_all() == []


def test_list_all_and_latest_order_by_last_edit(db: Database, make_draft):
    repo = DraftRepo(db)
    oldest = repo.save(make_draft(subject="a", updated_at=T0))
    newest = repo.save(make_draft(subject="b", updated_at=T0 + timedelta(minutes=5)))
    middle = repo.save(make_draft(subject="c", updated_at=T0 + timedelta(minutes=1)))
    tie = repo.save(make_draft(subject="d", updated_at=T0))  # same time as "a": newer id first
    assert [d.id for d in repo.list_all()] == [newest.id, middle.id, tie.id, oldest.id]
    assert repo.latest() == newest


def test_delete(db: Database, make_draft):
    repo = DraftRepo(db)
    keep, drop = repo.save(make_draft()), repo.save(make_draft())
    repo.delete(drop.id)
    repo.delete(drop.id)  # twice is fine
    assert repo.list_all() == [keep]


def test_referenced_blobs(db: Database, make_draft):
    repo = DraftRepo(db)
    repo.save(make_draft(attachments=(SHOT,)))
    repo.save(make_draft(attachments=(SHOT, LOG)))
    repo.save(make_draft())
    assert repo.referenced_blobs() == {SHOT.sha256, LOG.sha256}


def test_referenced_blobs_keep_an_annotated_screenshots_original(db: Database, make_draft):
    repo = DraftRepo(db)
    annotated = AttachmentRef(
        name="shot.png",
        sha256="c" * 64,
        size=5,
        mime="image/png",
        original_sha256="e" * 64,
        annotations='{"operations":[]}',
    )
    saved = repo.save(make_draft(attachments=(annotated,)))
    assert repo.get(saved.id).attachments == (annotated,)
    assert repo.referenced_blobs() == {"c" * 64, "e" * 64}


def test_the_approved_system_information_is_kept_and_travels_with_the_outbox(
    db: Database, make_draft
):
    import json

    from app.store.outbox import draft_from_json, draft_to_json

    text = "Operating system: Debian GNU/Linux 12 (bookworm)\nLocale: it_IT.UTF-8"
    repo = DraftRepo(db)
    saved = repo.save(make_draft(sysinfo=text))
    assert saved.id is not None
    loaded = repo.get(saved.id)
    assert loaded is not None and loaded.sysinfo == text
    assert draft_from_json(draft_to_json(saved)).sysinfo == text
    # a draft kept by a version without system information loads with none
    older = json.loads(draft_to_json(saved))
    del older["sysinfo"]
    assert draft_from_json(json.dumps(older)).sysinfo == ""
