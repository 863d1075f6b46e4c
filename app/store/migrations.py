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
    # 5: help-desk connectors. Follow-ups in the outbox (the target ticket's internal id, reopen)
    #    and what the help desk answered (its ticket id and portal URL); the mirror of the
    #    user's tickets and articles; IMAP read positions (UIDVALIDITY/UID per folder).
    (
        "ALTER TABLE outbox ADD COLUMN target_ticket_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN reopen INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN ticket_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN ticket_url TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE outbox ADD COLUMN message_id TEXT NOT NULL DEFAULT ''",
        """
        CREATE TABLE tickets (
            profile TEXT NOT NULL,
            id TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT '',
            state_type TEXT NOT NULL DEFAULT 'unknown',
            queue TEXT NOT NULL DEFAULT '',
            priority TEXT NOT NULL DEFAULT '',
            customer_user TEXT NOT NULL DEFAULT '',
            customer_id TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            changed_at TEXT,
            url TEXT NOT NULL DEFAULT '',
            mine INTEGER NOT NULL DEFAULT 1,
            synced_at TEXT,
            PRIMARY KEY (profile, id)
        )
        """,
        "CREATE INDEX tickets_number ON tickets (profile, number)",
        """
        CREATE TABLE articles (
            profile TEXT NOT NULL,
            ticket_id TEXT NOT NULL,
            id TEXT NOT NULL,
            sender TEXT NOT NULL DEFAULT 'agent',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            from_addr TEXT NOT NULL DEFAULT '',
            to_addr TEXT NOT NULL DEFAULT '',
            message_id TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            attachments TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (profile, ticket_id, id),
            FOREIGN KEY (profile, ticket_id) REFERENCES tickets (profile, id) ON DELETE CASCADE
        )
        """,
        "CREATE INDEX articles_message_id ON articles (profile, message_id)",
        """
        CREATE TABLE mail_sync (
            profile TEXT NOT NULL,
            folder TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            last_uid INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (profile, folder)
        )
        """,
    ),
    # 6: drafts of follow-ups: the ticket they add to, and the mail they answer.
    (
        "ALTER TABLE drafts ADD COLUMN ticket_number TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE drafts ADD COLUMN ticket_id TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE drafts ADD COLUMN in_reply_to TEXT NOT NULL DEFAULT ''",
    ),
    # 7: the system information the user approved for a draft, as the text that is sent.
    ("ALTER TABLE drafts ADD COLUMN sysinfo TEXT NOT NULL DEFAULT ''",),
)
