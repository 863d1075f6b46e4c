"""Drafts: saved on every edit, listed to resume or delete."""

from __future__ import annotations

import sqlite3

from app.core.model import Draft, attachments_from_json, attachments_to_json, from_iso, to_iso
from app.store.db import Database

_COLUMNS = (
    "profile",
    "subject",
    "what_happened",
    "steps",
    "expected",
    "actual",
    "browser",
    "attachments",
    "created_at",
    "updated_at",
    "ticket_number",
    "ticket_id",
    "in_reply_to",
    "sysinfo",
)
_MARKS = ", ".join("?" * len(_COLUMNS))
# Built once from the constant column list above: no user input reaches these strings.
_INSERT = f"INSERT INTO drafts ({', '.join(_COLUMNS)}) VALUES ({_MARKS})"  # noqa: S608
_INSERT_WITH_ID = f"INSERT INTO drafts (id, {', '.join(_COLUMNS)}) VALUES (?, {_MARKS})"  # noqa: S608
_UPDATE = f"UPDATE drafts SET {', '.join(c + '=?' for c in _COLUMNS)} WHERE id=?"  # noqa: S608


def draft_from_row(row: sqlite3.Row) -> Draft:
    """Rebuild a draft from its row."""
    created = from_iso(row["created_at"])
    updated = from_iso(row["updated_at"])
    assert created is not None and updated is not None
    return Draft(
        id=int(row["id"]),
        profile=row["profile"],
        subject=row["subject"],
        what_happened=row["what_happened"],
        steps=row["steps"],
        expected=row["expected"],
        actual=row["actual"],
        browser=row["browser"],
        attachments=attachments_from_json(row["attachments"]),
        created_at=created,
        updated_at=updated,
        ticket_number=row["ticket_number"],
        ticket_id=row["ticket_id"],
        in_reply_to=row["in_reply_to"],
        sysinfo=row["sysinfo"],
    )


def _values(draft: Draft) -> tuple[object, ...]:
    return (
        draft.profile,
        draft.subject,
        draft.what_happened,
        draft.steps,
        draft.expected,
        draft.actual,
        draft.browser,
        attachments_to_json(draft.attachments),
        to_iso(draft.created_at),
        to_iso(draft.updated_at),
        draft.ticket_number,
        draft.ticket_id,
        draft.in_reply_to,
        draft.sysinfo,
    )


class DraftRepo:
    """CRUD for drafts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, draft: Draft) -> Draft:
        """Insert or update ``draft``; returns it with its id."""
        with self._db.write() as conn:
            return self.save_in(conn, draft)

    def save_in(self, conn: sqlite3.Connection, draft: Draft) -> Draft:
        """Insert or update inside the caller's transaction."""
        if draft.id is None:
            cur = conn.execute(_INSERT, _values(draft))
            return draft.with_changes(id=cur.lastrowid, updated_at=draft.updated_at)
        cur = conn.execute(_UPDATE, (*_values(draft), draft.id))
        if cur.rowcount == 0:  # deleted meanwhile (e.g. sent from another window): keep the text
            conn.execute(_INSERT_WITH_ID, (draft.id, *_values(draft)))
        return draft

    def get(self, draft_id: int) -> Draft | None:
        """The draft, or None."""
        with self._db.read() as conn:
            row = conn.execute("SELECT * FROM drafts WHERE id=?", (draft_id,)).fetchone()
        return draft_from_row(row) if row else None

    def list_all(self) -> list[Draft]:
        """All drafts, most recently edited first."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT * FROM drafts ORDER BY updated_at DESC, id DESC").fetchall()
        return [draft_from_row(r) for r in rows]

    def latest(self) -> Draft | None:
        """The most recently edited draft."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM drafts ORDER BY updated_at DESC, id DESC LIMIT 1"
            ).fetchone()
        return draft_from_row(row) if row else None

    def delete(self, draft_id: int) -> None:
        """Delete a draft."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM drafts WHERE id=?", (draft_id,))

    def referenced_blobs(self) -> set[str]:
        """Every blob sha a draft refers to."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT attachments FROM drafts").fetchall()
        return {sha for r in rows for a in attachments_from_json(r[0]) for sha in a.blobs}
