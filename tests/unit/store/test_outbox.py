"""The outbox repository: atomic enqueue, compare-and-set claims, transitions, crash recovery."""

from __future__ import annotations

import socket
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from app.core.errors import StorageError
from app.core.model import (
    AttachmentRef,
    OutboxState,
    SendStage,
    Submission,
    new_submission_key,
    utc_now,
)
from app.store.db import Database
from app.store.drafts import DraftRepo
from app.store.outbox import OutboxRepo, process_owner
from tests.conftest import ROOT
from tests.unit.conftest import T0

SHOT = AttachmentRef("errore.png", "f" * 64, 100, "image/png")


def _submission(subject: str = "Export fails", **changes) -> Submission:
    values = {
        "submission_key": new_submission_key(),
        "profile": "Helpdesk",
        "subject": subject,
        "body": "What happened:\nit fails\n",
        "created_at": T0,  # stored with milliseconds: T0 compares equal after a round trip
    }
    values.update(changes)
    return Submission(**values)


@pytest.fixture
def repo(db: Database) -> OutboxRepo:
    return OutboxRepo(db)


def _owner(db: Database, item_id: int) -> str:
    with db.read() as conn:
        return str(conn.execute("SELECT owner FROM outbox WHERE id=?", (item_id,)).fetchone()[0])


# -- enqueue ----------------------------------------------------------------------------------


def test_enqueue_from_a_draft_moves_it_out_of_the_drafts(db: Database, repo, make_draft):
    drafts = DraftRepo(db)
    draft = drafts.save(make_draft(attachments=(SHOT,)))
    other = drafts.save(make_draft(subject="another one"))
    sub = _submission(attachments=(SHOT,))
    item = repo.enqueue(sub, draft)
    assert item.state is OutboxState.QUEUED
    assert item.submission == sub
    assert (item.attempts, item.stage, item.next_attempt_at) == (0, SendStage.NONE, None)
    assert drafts.get(draft.id) is None
    assert drafts.list_all() == [other]
    assert repo.list_items() == [item]


def test_enqueue_and_draft_removal_are_one_transaction(db: Database, repo, make_draft):
    drafts = DraftRepo(db)
    draft = drafts.save(make_draft())
    with db.write() as conn:  # make the second half of the transaction fail
        conn.execute(
            "CREATE TEMP TRIGGER refuse BEFORE DELETE ON drafts"
            " BEGIN SELECT RAISE(ABORT, 'disk went away'); END"
        )
    with pytest.raises(StorageError):
        repo.enqueue(_submission(), draft)
    assert repo.list_items() == []  # the insert was rolled back with the failed delete
    assert drafts.get(draft.id) == draft


def test_a_submission_key_is_enqueued_once(repo):
    sub = _submission()
    repo.enqueue(sub)
    with pytest.raises(StorageError):
        repo.enqueue(sub)
    assert len(repo.list_items()) == 1


# -- claim and transitions --------------------------------------------------------------------


def test_claim_is_compare_and_set(db: Database, repo):
    item = repo.enqueue(_submission())
    assert repo.claim(item.id) is True
    assert repo.claim(item.id) is False
    assert OutboxRepo(db).claim(item.id) is False  # nor through another repo
    claimed = repo.get(item.id)
    assert claimed.state is OutboxState.SENDING
    assert claimed.stage is SendStage.CONNECTING
    assert claimed.attempts == 1
    assert _owner(db, item.id) == process_owner()
    assert repo.claim(9999) is False


def test_set_stage_only_while_sending(repo):
    item = repo.enqueue(_submission())
    repo.set_stage(item.id, SendStage.COMMITTING)
    assert repo.get(item.id).stage is SendStage.NONE
    repo.claim(item.id)
    repo.set_stage(item.id, SendStage.COMMITTING)
    assert repo.get(item.id).stage is SendStage.COMMITTING


def test_sent(db: Database, repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    before = utc_now() - timedelta(seconds=1)
    repo.mark_sent(item.id, "2021030110000012")
    sent = repo.get(item.id)
    assert sent.state is OutboxState.SENT
    assert sent.ticket_number == "2021030110000012"
    assert sent.stage is SendStage.NONE
    assert sent.sent_at is not None and sent.sent_at >= before
    assert _owner(db, item.id) == ""
    assert repo.list_items(include_sent=False) == []
    assert repo.claim(item.id) is False
    assert repo.requeue(item.id) is False  # sent is final
    assert repo.delete(item.id) is True


def test_retry_keeps_it_queued_with_backoff(repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    now = utc_now()
    later = now + timedelta(minutes=2)
    repo.mark_retry(item.id, later, "not_reachable", "the server refused the connection")
    waiting = repo.get(item.id)
    assert waiting.state is OutboxState.QUEUED
    assert waiting.error_kind == "not_reachable"
    assert waiting.error_text == "the server refused the connection"
    assert waiting.next_attempt_at is not None
    assert abs(waiting.next_attempt_at - later) < timedelta(milliseconds=1)
    assert repo.due(now) == []
    assert [i.id for i in repo.due(now, ignore_backoff=True)] == [item.id]
    assert [i.id for i in repo.due(later + timedelta(seconds=1))] == [item.id]
    assert repo.next_due_time() == waiting.next_attempt_at
    assert repo.claim(item.id) is True  # queued again: it can be claimed


def test_due_is_oldest_first_and_only_queued(repo):
    first = repo.enqueue(_submission("first"))
    second = repo.enqueue(_submission("second"))
    third = repo.enqueue(_submission("third"))
    repo.claim(second.id)
    assert [i.id for i in repo.due(utc_now())] == [first.id, third.id]
    assert repo.next_due_time() is not None


def test_next_due_time_when_nothing_is_queued(repo):
    assert repo.next_due_time() is None


def test_failed_and_requeue(repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    repo.mark_failed(item.id, "auth", "535 Authentication credentials invalid")
    failed = repo.get(item.id)
    assert failed.state is OutboxState.FAILED
    assert (failed.error_kind, failed.stage) == ("auth", SendStage.NONE)
    assert repo.due(utc_now(), ignore_backoff=True) == []
    assert repo.requeue(item.id) is True
    again = repo.get(item.id)
    assert again.state is OutboxState.QUEUED
    assert again.next_attempt_at is None
    assert again.attempts == 1  # the history of attempts is kept


def test_unknown_then_confirmed_by_the_user(repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    repo.mark_unknown(item.id, "outcome_unknown", "the connection broke")
    assert repo.get(item.id).state is OutboxState.UNKNOWN
    assert repo.due(utc_now(), ignore_backoff=True) == []  # never resent by itself
    assert repo.mark_sent_by_user(item.id) is True
    assert repo.get(item.id).state is OutboxState.SENT
    assert repo.mark_sent_by_user(item.id) is False


def test_only_unknown_items_can_be_confirmed_by_the_user(repo):
    item = repo.enqueue(_submission())
    assert repo.mark_sent_by_user(item.id) is False
    assert repo.get(item.id).state is OutboxState.QUEUED


def test_an_item_being_sent_cannot_be_deleted(repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    assert repo.delete(item.id) is False
    assert repo.get(item.id) is not None


def test_referenced_blobs_ignore_sent_items(repo):
    shot2 = AttachmentRef("b.png", "9" * 64, 1, "image/png")
    sent = repo.enqueue(_submission(attachments=(shot2,)))
    repo.enqueue(_submission(attachments=(SHOT,)))
    repo.claim(sent.id)
    repo.mark_sent(sent.id)
    assert repo.referenced_blobs() == {SHOT.sha256}


# -- crash recovery ---------------------------------------------------------------------------

_CRASHING_SENDER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from app.core.model import SendStage
    from app.store.db import Database
    from app.store.outbox import OutboxRepo

    repo = OutboxRepo(Database(Path(sys.argv[1])))
    committing, connecting = int(sys.argv[2]), int(sys.argv[3])
    assert repo.claim(committing) and repo.claim(connecting)
    repo.set_stage(committing, SendStage.COMMITTING)
    os._exit(0)  # gone mid-send: no clean-up of any kind
    """
)


def test_recover_interrupted_sends(db: Database, repo):
    committing = repo.enqueue(_submission("was handing over the data"))
    connecting = repo.enqueue(_submission("was still connecting"))
    mine = repo.enqueue(_submission("being sent by this live process"))
    elsewhere = repo.enqueue(_submission("being sent from another machine"))
    untouched = repo.enqueue(_submission("just queued"))

    crashed = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CRASHING_SENDER,
            str(db.path),
            str(committing.id),
            str(connecting.id),
        ],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, stderr = crashed.communicate(timeout=60)
    assert crashed.returncode == 0, stderr
    # Its rows name a process that no longer exists.
    assert _owner(db, committing.id) == f"{socket.gethostname()}:{crashed.pid}"
    assert _owner(db, connecting.id) == f"{socket.gethostname()}:{crashed.pid}"

    assert repo.claim(mine.id)
    assert repo.claim(elsewhere.id)
    with db.write() as conn:
        conn.execute("UPDATE outbox SET owner='another-host.example:1' WHERE id=?", (elsewhere.id,))

    assert repo.recover_interrupted() == [committing.id]

    unknown = repo.get(committing.id)
    assert unknown.state is OutboxState.UNKNOWN
    assert unknown.error_kind == "outcome_unknown"
    assert unknown.stage is SendStage.NONE
    requeued = repo.get(connecting.id)
    assert requeued.state is OutboxState.QUEUED
    assert (requeued.stage, requeued.next_attempt_at) == (SendStage.NONE, None)
    assert _owner(db, connecting.id) == ""
    for alive in (mine, elsewhere):
        assert repo.get(alive.id).state is OutboxState.SENDING
    assert repo.get(untouched.id).state is OutboxState.QUEUED
    assert repo.recover_interrupted() == []  # idempotent


def test_an_item_without_owner_is_recovered(db: Database, repo):
    item = repo.enqueue(_submission())
    repo.claim(item.id)
    with db.write() as conn:
        conn.execute("UPDATE outbox SET owner='' WHERE id=?", (item.id,))
    assert repo.recover_interrupted() == []
    assert repo.get(item.id).state is OutboxState.QUEUED


# -- back to the user -------------------------------------------------------------------------


def test_return_to_drafts_restores_every_section(db: Database, repo, make_draft):
    drafts = DraftRepo(db)
    draft = drafts.save(make_draft(attachments=(SHOT,), profile="Helpdesk"))
    item = repo.enqueue(_submission(attachments=(SHOT,)), draft)
    repo.claim(item.id)
    repo.mark_failed(item.id, "recipient_refused", "550 User unknown")

    back = repo.return_to_drafts(item.id)
    assert back is not None and back.id is not None
    for name in (
        "profile",
        "subject",
        "what_happened",
        "steps",
        "expected",
        "actual",
        "browser",
        "attachments",
        "created_at",
    ):
        assert getattr(back, name) == getattr(draft, name), name
    assert drafts.get(back.id) == back.with_changes(updated_at=drafts.get(back.id).updated_at)
    assert abs(back.updated_at - utc_now()) < timedelta(minutes=1)  # edited again just now
    assert repo.get(item.id) is None


def test_return_to_drafts_of_a_submission_without_a_draft(db: Database, repo):
    item = repo.enqueue(_submission("from the command line", attachments=(SHOT,)))
    back = repo.return_to_drafts(item.id)
    assert back is not None
    assert (back.subject, back.what_happened) == ("from the command line", item.submission.body)
    assert back.attachments == (SHOT,)
    assert [d.id for d in DraftRepo(db).list_all()] == [back.id]


def test_sent_or_sending_items_do_not_go_back(repo):
    sending = repo.enqueue(_submission())
    repo.claim(sending.id)
    assert repo.return_to_drafts(sending.id) is None
    repo.mark_sent(sending.id)
    assert repo.return_to_drafts(sending.id) is None
    assert repo.return_to_drafts(424242) is None
