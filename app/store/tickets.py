"""The mirror of the user's tickets and their articles, and where the mail sync stopped reading.

Any help desk's sync writes here (tickets by the help desk's id, articles by theirs); the inbox
reads it, so it is instant and works offline. For e-mail profiles the ticket id is the ticket
number and an article's id is the mail's Message-ID (see :mod:`app.core.mailthreads`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable
from datetime import datetime

from app.core.mailthreads import FolderPosition
from app.core.model import from_iso, to_iso, utc_now
from app.core.tickets import Article, RemoteAttachment, Sender, StateType, Ticket
from app.store.db import Database


def _ticket_from_row(row: sqlite3.Row) -> Ticket:
    try:
        state_type = StateType(row["state_type"])
    except ValueError:
        state_type = StateType.UNKNOWN
    return Ticket(
        id=row["id"],
        number=row["number"],
        title=row["title"],
        state=row["state"],
        state_type=state_type,
        queue=row["queue"],
        priority=row["priority"],
        customer_user=row["customer_user"],
        customer_id=row["customer_id"],
        created_at=from_iso(row["created_at"]),
        changed_at=from_iso(row["changed_at"]),
        url=row["url"],
    )


def _attachments_json(items: tuple[RemoteAttachment, ...]) -> str:
    return json.dumps(
        [
            {"id": a.id, "filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in items
        ],
        ensure_ascii=False,
    )


def _attachments_from_json(text: str) -> tuple[RemoteAttachment, ...]:
    try:
        data = json.loads(text or "[]")
    except ValueError:
        return ()
    out = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict):
            out.append(
                RemoteAttachment(
                    id=str(item.get("id", "")),
                    filename=str(item.get("filename", "")),
                    content_type=str(item.get("content_type", "")),
                    size=int(item.get("size", 0) or 0),
                )
            )
    return tuple(out)


def _article_from_row(row: sqlite3.Row) -> Article:
    try:
        sender = Sender(row["sender"])
    except ValueError:
        sender = Sender.AGENT
    return Article(
        id=row["id"],
        ticket_id=row["ticket_id"],
        sender=sender,
        subject=row["subject"],
        body=row["body"],
        created_at=from_iso(row["created_at"]),
        from_=row["from_addr"],
        to=row["to_addr"],
        message_id=row["message_id"],
        attachments=_attachments_from_json(row["attachments"]),
    )


class TicketRepo:
    """Reads and writes of the mirror (tickets, articles) and of the mail read positions."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading --------------------------------------------------------------------------------

    def get(self, profile: str, ticket_id: str) -> Ticket | None:
        """One ticket's header."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM tickets WHERE profile=? AND id=?", (profile, ticket_id)
            ).fetchone()
        return _ticket_from_row(row) if row else None

    def find_by_number(self, profile: str, number: str) -> Ticket | None:
        """The ticket users quote as ``number`` (the id differs for the OTRS family)."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM tickets WHERE profile=? AND number=?"
                " ORDER BY changed_at IS NULL, changed_at DESC LIMIT 1",
                (profile, number),
            ).fetchone()
        return _ticket_from_row(row) if row else None

    def list_tickets(
        self, profile: str | None = None, *, mine_only: bool = False
    ) -> list[tuple[str, Ticket]]:
        """(profile, ticket) pairs, the most recently changed first; ``mine_only`` leaves out
        the colleagues' tickets a company-wide list brought in."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT * FROM tickets WHERE (? IS NULL OR profile=?) AND (? = 0 OR mine=1)"
                " ORDER BY changed_at IS NULL, changed_at DESC, id",
                (profile, profile, int(mine_only)),
            ).fetchall()
        return [(row["profile"], _ticket_from_row(row)) for row in rows]

    def articles(self, profile: str, ticket_id: str) -> list[Article]:
        """A ticket's articles, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT * FROM articles WHERE profile=? AND ticket_id=?"
                " ORDER BY created_at IS NULL, created_at, rowid",
                (profile, ticket_id),
            ).fetchall()
        return [_article_from_row(row) for row in rows]

    def by_message_ids(
        self, profile: str, message_ids: Collection[str]
    ) -> dict[str, tuple[str, datetime | None]]:
        """{Message-ID: (ticket id, date)} of the articles the mirror has among ``message_ids``."""
        found: dict[str, tuple[str, datetime | None]] = {}
        ids = [m for m in message_ids if m]
        with self._db.read() as conn:
            for start in range(0, len(ids), 400):
                chunk = ids[start : start + 400]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT message_id, ticket_id, created_at FROM articles"  # noqa: S608
                    f" WHERE profile=? AND message_id IN ({marks})",
                    (profile, *chunk),
                ).fetchall()
                for row in rows:
                    found[row["message_id"]] = (row["ticket_id"], from_iso(row["created_at"]))
        return found

    def mail_positions(self, profile: str) -> dict[str, FolderPosition]:
        """Where the mail sync stopped in each folder of ``profile``'s mailbox."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT folder, uidvalidity, last_uid FROM mail_sync WHERE profile=?", (profile,)
            ).fetchall()
        return {
            row["folder"]: FolderPosition(
                row["folder"], int(row["uidvalidity"]), int(row["last_uid"])
            )
            for row in rows
        }

    # -- writing --------------------------------------------------------------------------------

    def save(
        self,
        profile: str,
        tickets: Iterable[Ticket],
        articles: Iterable[Article],
        *,
        positions: Iterable[FolderPosition] = (),
        mine: bool = True,
    ) -> set[tuple[str, str]]:
        """Store tickets (replacing their headers), articles (new ones added, known ones
        updated) and read positions in one transaction; the (ticket id, article id) pairs of the
        articles that were new. ``mine``: the tickets are the user's own, not a colleague's
        from a company-wide list."""
        now = to_iso(utc_now())
        new: set[tuple[str, str]] = set()
        with self._db.write() as conn:
            for t in tickets:
                conn.execute(
                    "INSERT INTO tickets (profile, id, number, title, state, state_type, queue,"
                    " priority, customer_user, customer_id, created_at, changed_at, url, mine,"
                    " synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT (profile, id) DO UPDATE SET number=excluded.number,"
                    " title=excluded.title, state=excluded.state, state_type=excluded.state_type,"
                    " queue=excluded.queue, priority=excluded.priority,"
                    " customer_user=excluded.customer_user, customer_id=excluded.customer_id,"
                    " created_at=excluded.created_at, changed_at=excluded.changed_at,"
                    " url=excluded.url, mine=excluded.mine, synced_at=excluded.synced_at",
                    (
                        profile,
                        t.id,
                        t.number,
                        t.title,
                        t.state,
                        t.state_type.value,
                        t.queue,
                        t.priority,
                        t.customer_user,
                        t.customer_id,
                        to_iso(t.created_at),
                        to_iso(t.changed_at),
                        t.url,
                        int(mine),
                        now,
                    ),
                )
            for a in articles:
                exists = conn.execute(
                    "SELECT 1 FROM articles WHERE profile=? AND ticket_id=? AND id=?",
                    (profile, a.ticket_id, a.id),
                ).fetchone()
                values = (
                    a.sender.value,
                    a.subject,
                    a.body,
                    a.from_,
                    a.to,
                    a.message_id,
                    to_iso(a.created_at),
                    _attachments_json(a.attachments),
                )
                if exists:
                    conn.execute(
                        "UPDATE articles SET sender=?, subject=?, body=?, from_addr=?, to_addr=?,"
                        " message_id=?, created_at=?, attachments=?"
                        " WHERE profile=? AND ticket_id=? AND id=?",
                        (*values, profile, a.ticket_id, a.id),
                    )
                else:
                    conn.execute(
                        "INSERT INTO articles (sender, subject, body, from_addr, to_addr,"
                        " message_id, created_at, attachments, profile, ticket_id, id)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (*values, profile, a.ticket_id, a.id),
                    )
                    new.add((a.ticket_id, a.id))
            for p in positions:
                conn.execute(
                    "INSERT INTO mail_sync (profile, folder, uidvalidity, last_uid)"
                    " VALUES (?,?,?,?) ON CONFLICT (profile, folder) DO UPDATE SET"
                    " uidvalidity=excluded.uidvalidity, last_uid=excluded.last_uid",
                    (profile, p.folder, p.uidvalidity, p.last_uid),
                )
        return new

    def forget(self, profile: str) -> None:
        """Drop everything mirrored for ``profile`` (the profile was removed)."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM articles WHERE profile=?", (profile,))
            conn.execute("DELETE FROM tickets WHERE profile=?", (profile,))
            conn.execute("DELETE FROM mail_sync WHERE profile=?", (profile,))
