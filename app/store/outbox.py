"""The outbox: immutable submissions and their delivery state.

Every state transition is a compare-and-set ``UPDATE`` in a durable (``synchronous=FULL``)
transaction, so two processes can never send the same item, and a power cut never forgets that an
item went out.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import sys
from dataclasses import asdict
from datetime import datetime

from app.core.model import (
    Draft,
    OutboxItem,
    OutboxState,
    SendStage,
    Submission,
    attachments_from_json,
    attachments_to_json,
    from_iso,
    to_iso,
    utc_now,
)
from app.store.db import Database
from app.store.drafts import DraftRepo


def process_owner() -> str:
    """``host:pid`` of this process: who holds a ``sending`` item."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def owner_alive(owner: str) -> bool:
    """True when ``owner`` (``host:pid``) is a live process on this host (or another host)."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():
        return True  # a shared home on another machine: not ours to judge
    try:
        return _pid_alive(int(pid))
    except ValueError:
        return False


def draft_to_json(draft: Draft) -> str:
    """Keep the draft a submission came from, to give it back to the user on failure."""
    data = asdict(draft)
    data["attachments"] = json.loads(attachments_to_json(draft.attachments))
    data["created_at"] = to_iso(draft.created_at)
    data["updated_at"] = to_iso(draft.updated_at)
    return json.dumps(data, ensure_ascii=False)


def draft_from_json(text: str) -> Draft:
    """Inverse of :func:`draft_to_json` (the id is dropped: it becomes a new draft)."""
    data = json.loads(text)
    created = from_iso(data.get("created_at")) or utc_now()
    return Draft(
        id=None,
        profile=data.get("profile", ""),
        subject=data.get("subject", ""),
        what_happened=data.get("what_happened", ""),
        steps=data.get("steps", ""),
        expected=data.get("expected", ""),
        actual=data.get("actual", ""),
        browser=data.get("browser", ""),
        attachments=attachments_from_json(json.dumps(data.get("attachments", []))),
        created_at=created,
        updated_at=utc_now(),
        ticket_number=data.get("ticket_number", ""),
        ticket_id=data.get("ticket_id", ""),
        in_reply_to=data.get("in_reply_to", ""),
        sysinfo=data.get("sysinfo", ""),
    )


def item_from_row(row: sqlite3.Row) -> OutboxItem:
    """Rebuild an item from its row."""
    created = from_iso(row["created_at"])
    assert created is not None
    submission = Submission(
        submission_key=row["submission_key"],
        profile=row["profile"],
        subject=row["subject"],
        body=row["body"],
        attachments=attachments_from_json(row["attachments"]),
        created_at=created,
        ticket_number=row["target_ticket"],
        ticket_id=row["target_ticket_id"],
        reopen=bool(row["reopen"]),
        in_reply_to=row["in_reply_to"],
    )
    return OutboxItem(
        id=int(row["id"]),
        submission=submission,
        state=OutboxState(row["state"]),
        attempts=int(row["attempts"]),
        next_attempt_at=from_iso(row["next_attempt_at"]),
        stage=SendStage(row["stage"]),
        error_kind=row["error_kind"],
        error_text=row["error_text"],
        error_reason=row["error_reason"],
        ticket_number=row["ticket_number"],
        ticket_id=row["ticket_id"],
        ticket_url=row["ticket_url"],
        message_id=row["message_id"],
        sent_at=from_iso(row["sent_at"]),
    )


class OutboxRepo:
    """Queries and transitions of the outbox."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._drafts = DraftRepo(db)

    def enqueue(self, submission: Submission, draft: Draft | None = None) -> OutboxItem:
        """Queue ``submission``; when it comes from ``draft``, the draft leaves the drafts list in
        the same transaction (it is kept inside the item, to give back on failure)."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute(
                "INSERT INTO outbox (submission_key, profile, subject, body, attachments,"
                " created_at, state, target_ticket, target_ticket_id, reopen, in_reply_to,"
                " draft_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    submission.submission_key,
                    submission.profile,
                    submission.subject,
                    submission.body,
                    attachments_to_json(submission.attachments),
                    to_iso(submission.created_at),
                    OutboxState.QUEUED.value,
                    submission.ticket_number,
                    submission.ticket_id,
                    int(submission.reopen),
                    submission.in_reply_to,
                    draft_to_json(draft) if draft else None,
                ),
            )
            if draft is not None and draft.id is not None:
                conn.execute("DELETE FROM drafts WHERE id=?", (draft.id,))
            row = conn.execute("SELECT * FROM outbox WHERE id=?", (cur.lastrowid,)).fetchone()
        return item_from_row(row)

    def get(self, item_id: int) -> OutboxItem | None:
        """One item."""
        with self._db.read() as conn:
            row = conn.execute("SELECT * FROM outbox WHERE id=?", (item_id,)).fetchone()
        return item_from_row(row) if row else None

    def list_items(self, *, include_sent: bool = True) -> list[OutboxItem]:
        """Items, newest first."""
        query = "SELECT * FROM outbox"
        if not include_sent:
            query += " WHERE state != 'sent'"
        with self._db.read() as conn:
            rows = conn.execute(query + " ORDER BY id DESC").fetchall()
        return [item_from_row(r) for r in rows]

    def due(self, now: datetime, *, ignore_backoff: bool = False) -> list[OutboxItem]:
        """Queued items whose next attempt is due (all queued ones with ``ignore_backoff``)."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT * FROM outbox WHERE state='queued' ORDER BY id").fetchall()
        items = [item_from_row(r) for r in rows]
        if ignore_backoff:
            return items
        return [i for i in items if i.next_attempt_at is None or i.next_attempt_at <= now]

    def next_due_time(self) -> datetime | None:
        """When the earliest queued item becomes due (None: nothing queued)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT next_attempt_at FROM outbox WHERE state='queued'"
            ).fetchall()
        if not rows:
            return None
        times = [from_iso(r[0]) or utc_now() for r in rows]
        return min(times)

    def claim(self, item_id: int) -> bool:
        """queued -> sending, owned by this process. False if someone else got it first."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute(
                "UPDATE outbox SET state='sending', stage='connecting', owner=?,"
                " attempts=attempts+1 WHERE id=? AND state='queued'",
                (process_owner(), item_id),
            )
            return cur.rowcount == 1

    def set_stage(self, item_id: int, stage: SendStage) -> None:
        """Record how far the current attempt got, before taking the step."""
        with self._db.write(durable=True) as conn:
            conn.execute(
                "UPDATE outbox SET stage=? WHERE id=? AND state='sending'", (stage.value, item_id)
            )

    def mark_sent(
        self,
        item_id: int,
        ticket_number: str = "",
        *,
        ticket_id: str = "",
        url: str = "",
        message_id: str = "",
    ) -> None:
        """sending (or unknown, when reconciled) -> sent, with what the help desk answered."""
        with self._db.write(durable=True) as conn:
            conn.execute(
                "UPDATE outbox SET state='sent', stage='none', owner='', error_kind='',"
                " error_text='', error_reason='', ticket_number=?, ticket_id=?, ticket_url=?,"
                " message_id=?, sent_at=? WHERE id=?",
                (ticket_number, ticket_id, url, message_id, to_iso(utc_now()), item_id),
            )

    def set_ticket_number(self, item_id: int, ticket_number: str, ticket_id: str = "") -> bool:
        """Learn a sent item's ticket number later (an e-mail help desk's auto-reply)."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute(
                "UPDATE outbox SET ticket_number=?, ticket_id=CASE WHEN ?='' THEN ticket_id"
                " ELSE ? END WHERE id=? AND ticket_number=''",
                (ticket_number, ticket_id, ticket_id, item_id),
            )
            return cur.rowcount == 1

    def find_by_message_id(self, profile: str, message_id: str) -> OutboxItem | None:
        """The sent item whose mail had ``message_id`` (replies point at it)."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM outbox WHERE profile=? AND message_id=? ORDER BY id DESC LIMIT 1",
                (profile, message_id),
            ).fetchone()
        return item_from_row(row) if row else None

    def mark_retry(
        self, item_id: int, next_at: datetime, kind: str, text: str, reason: str = ""
    ) -> None:
        """sending -> queued, to try again at ``next_at``."""
        self._finish(
            item_id, state=OutboxState.QUEUED, kind=kind, text=text, reason=reason, next_at=next_at
        )

    def mark_failed(self, item_id: int, kind: str, text: str, reason: str = "") -> None:
        """sending -> failed: the user must act (fix the profile, shrink, edit)."""
        self._finish(
            item_id, state=OutboxState.FAILED, kind=kind, text=text, reason=reason, next_at=None
        )

    def mark_unknown(self, item_id: int, kind: str, text: str, reason: str = "") -> None:
        """sending -> unknown: the data went out but no answer came back."""
        self._finish(
            item_id, state=OutboxState.UNKNOWN, kind=kind, text=text, reason=reason, next_at=None
        )

    def _finish(
        self,
        item_id: int,
        *,
        state: OutboxState,
        kind: str,
        text: str,
        reason: str,
        next_at: datetime | None,
    ) -> None:
        with self._db.write(durable=True) as conn:
            conn.execute(
                "UPDATE outbox SET state=?, stage='none', owner='', error_kind=?, error_text=?,"
                " error_reason=?, next_attempt_at=? WHERE id=?",
                (state.value, kind, text, reason, to_iso(next_at), item_id),
            )

    def requeue(self, item_id: int) -> bool:
        """failed/unknown -> queued, due now (the user pressed Retry / Send again)."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute(
                "UPDATE outbox SET state='queued', next_attempt_at=NULL WHERE id=?"
                " AND state IN ('failed', 'unknown', 'queued')",
                (item_id,),
            )
            return cur.rowcount == 1

    def mark_sent_by_user(self, item_id: int) -> bool:
        """unknown -> sent: the user checked that the help desk did receive it."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute(
                "UPDATE outbox SET state='sent', error_kind='', error_text='', sent_at=?"
                " WHERE id=? AND state='unknown'",
                (to_iso(utc_now()), item_id),
            )
            return cur.rowcount == 1

    def recover_interrupted(self) -> list[int]:
        """Items left ``sending`` by a process that died: a ``committing`` one has an unknown
        outcome, any earlier stage is safely queued again. Returns the ids that became unknown."""
        unknown: list[int] = []
        with self._db.write(durable=True) as conn:
            rows = conn.execute(
                "SELECT id, stage, owner FROM outbox WHERE state='sending'"
            ).fetchall()
            for row in rows:
                if row["owner"] and owner_alive(row["owner"]):
                    continue
                if row["stage"] == SendStage.COMMITTING.value:
                    conn.execute(
                        "UPDATE outbox SET state='unknown', stage='none', owner='',"
                        " error_kind='outcome_unknown', error_text=? WHERE id=?",
                        ("Ticketwise stopped while the ticket was being handed over", row["id"]),
                    )
                    unknown.append(int(row["id"]))
                else:
                    conn.execute(
                        "UPDATE outbox SET state='queued', stage='none', owner='',"
                        " next_attempt_at=NULL WHERE id=?",
                        (row["id"],),
                    )
        return unknown

    def return_to_drafts(self, item_id: int) -> Draft | None:
        """Give a not-yet-sent item back to the user as a draft (one transaction)."""
        with self._db.write(durable=True) as conn:
            row = conn.execute(
                "SELECT * FROM outbox WHERE id=? AND state IN ('queued','failed','unknown')",
                (item_id,),
            ).fetchone()
            if row is None:
                return None
            if row["draft_json"]:
                draft = draft_from_json(row["draft_json"])
            else:
                draft = Draft(
                    profile=row["profile"],
                    subject=row["subject"],
                    what_happened=row["body"],
                    attachments=attachments_from_json(row["attachments"]),
                )
            draft = self._drafts.save_in(conn, draft)
            conn.execute("DELETE FROM outbox WHERE id=?", (item_id,))
        return draft

    def delete(self, item_id: int) -> bool:
        """Remove an item that is not being sent."""
        with self._db.write(durable=True) as conn:
            cur = conn.execute("DELETE FROM outbox WHERE id=? AND state != 'sending'", (item_id,))
            return cur.rowcount == 1

    def referenced_blobs(self) -> set[str]:
        """Every blob sha an unsent item refers to."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT attachments FROM outbox WHERE state != 'sent'").fetchall()
        return {sha for r in rows for a in attachments_from_json(r[0]) for sha in a.blobs}
