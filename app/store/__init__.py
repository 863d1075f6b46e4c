"""SQLite store (drafts, outbox) and the content-addressed blob folder."""
