"""The schema, as numbered migrations. Never edit a released one: append a new one.

``MIGRATIONS[n - 1]`` takes the database from ``user_version`` n-1 to n.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: drafts, autosaved on every edit.
    (
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            profile TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            what_happened TEXT NOT NULL DEFAULT '',
            steps TEXT NOT NULL DEFAULT '',
            expected TEXT NOT NULL DEFAULT '',
            actual TEXT NOT NULL DEFAULT '',
            browser TEXT NOT NULL DEFAULT '',
            attachments TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX drafts_updated ON drafts (updated_at)",
    ),
    # 2: the outbox: immutable submissions and their delivery state.
    (
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            submission_key TEXT NOT NULL UNIQUE,
            profile TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            attachments TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            error_kind TEXT NOT NULL DEFAULT '',
            error_text TEXT NOT NULL DEFAULT '',
            ticket_number TEXT NOT NULL DEFAULT '',
            sent_at TEXT
        )
        """,
    ),
    # 3: how far an attempt got (an interrupted "committing" attempt has an unknown outcome),
    #    which process owns a send, the follow-up target, the draft an item came from (so it
    #    can go back to the user), and an index for the worker's "what is due" query.
    (
        "ALTER TABLE outbox ADD COLUMN stage TEXT NOT NULL DEFAULT 'none'",
        "ALTER TABLE outbox ADD COLUMN target_ticket TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN draft_json TEXT",
        "ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
    ),
    # 4: the error's sub-reason code ("refused", "dns"...), so the UI can say what to do.
    ("ALTER TABLE outbox ADD COLUMN error_reason TEXT NOT NULL DEFAULT ''",),
)
