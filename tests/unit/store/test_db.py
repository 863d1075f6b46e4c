"""The database file: WAL, migrations from every earlier schema version, refusal of newer ones."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.core.model import AttachmentRef, Draft, OutboxItem, OutboxState, SendStage, Submission
from app.store.db import SCHEMA_VERSION, Database, migrate, storage_error
from app.store.drafts import DraftRepo
from app.store.migrations import MIGRATIONS
from app.store.outbox import OutboxRepo, draft_from_json, draft_to_json

# The columns and indexes each released schema version has. A released migration is never
# edited (a database already at that version would never see the change): add a new migration,
# and its line here.
RELEASED_SCHEMAS: dict[int, tuple[dict[str, list[str]], list[str]]] = {}
_DRAFTS = [
    "id",
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
]
_OUTBOX_2 = [
    "id",
    "submission_key",
    "profile",
    "subject",
    "body",
    "attachments",
    "created_at",
    "state",
    "attempts",
    "next_attempt_at",
    "error_kind",
    "error_text",
    "ticket_number",
    "sent_at",
]
_OUTBOX_3 = [*_OUTBOX_2, "stage", "target_ticket", "draft_json", "owner"]
RELEASED_SCHEMAS[1] = ({"drafts": _DRAFTS}, ["drafts_updated"])
RELEASED_SCHEMAS[2] = ({"drafts": _DRAFTS, "outbox": _OUTBOX_2}, ["drafts_updated"])
RELEASED_SCHEMAS[3] = ({"drafts": _DRAFTS, "outbox": _OUTBOX_3}, ["drafts_updated", "outbox_due"])
RELEASED_SCHEMAS[4] = (
    {"drafts": _DRAFTS, "outbox": [*_OUTBOX_3, "error_reason"]},
    ["drafts_updated", "outbox_due"],
)
_OUTBOX_5 = [
    *_OUTBOX_3,
    "error_reason",
    "target_ticket_id",
    "reopen",
    "in_reply_to",
    "ticket_id",
    "ticket_url",
    "message_id",
]
_TICKETS = [
    "profile",
    "id",
    "number",
    "title",
    "state",
    "state_type",
    "queue",
    "priority",
    "customer_user",
    "customer_id",
    "created_at",
    "changed_at",
    "url",
    "mine",
    "synced_at",
]
_ARTICLES = [
    "profile",
    "ticket_id",
    "id",
    "sender",
    "subject",
    "body",
    "from_addr",
    "to_addr",
    "message_id",
    "created_at",
    "attachments",
]
RELEASED_SCHEMAS[5] = (
    {
        "drafts": _DRAFTS,
        "outbox": _OUTBOX_5,
        "tickets": _TICKETS,
        "articles": _ARTICLES,
        "mail_sync": ["profile", "folder", "uidvalidity", "last_uid"],
    },
    ["articles_message_id", "drafts_updated", "outbox_due", "tickets_number"],
)
_DRAFTS_6 = [*_DRAFTS, "ticket_number", "ticket_id", "in_reply_to"]
RELEASED_SCHEMAS[6] = (
    {**RELEASED_SCHEMAS[5][0], "drafts": _DRAFTS_6},
    RELEASED_SCHEMAS[5][1],
)
RELEASED_SCHEMAS[7] = (
    {**RELEASED_SCHEMAS[6][0], "drafts": [*_DRAFTS_6, "sysinfo"]},
    RELEASED_SCHEMAS[6][1],
)

T1 = datetime(2024, 2, 1, 8, 0, 0, 250000, tzinfo=UTC)
T2 = datetime(2024, 2, 2, 9, 15, 0, 500000, tzinfo=UTC)
SHOT = AttachmentRef("schermata \u00e8.png", "c" * 64, 1234, "image/png")
OLD_DRAFT = Draft(
    id=7,
    profile="Helpdesk",
    subject="Stampa bloccata su \u00abConferma\u00bb",
    what_happened="La stampa non parte.",
    steps="1. Apri\n2. Stampa",
    expected="Un PDF",
    actual="Niente",
    browser="Firefox 115",
    attachments=(SHOT,),
    created_at=T1,
    updated_at=T2,
)


def _schema(conn: sqlite3.Connection) -> tuple[list[tuple[str, ...]], int]:
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    return [tuple(r) for r in rows], int(conn.execute("PRAGMA user_version").fetchone()[0])


def _columns_and_indexes(conn: sqlite3.Connection) -> tuple[dict[str, list[str]], list[str]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    indexes = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL ORDER BY name"
    ).fetchall()
    return columns, [r[0] for r in indexes]


def _seed(conn: sqlite3.Connection, version: int) -> None:
    """Rows as the app of schema ``version`` wrote them (only the columns that version had)."""
    if version >= 1:
        conn.execute(
            "INSERT INTO drafts (id, profile, subject, what_happened, steps, expected, actual,"
            " browser, attachments, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                7,
                "Helpdesk",
                OLD_DRAFT.subject,
                OLD_DRAFT.what_happened,
                OLD_DRAFT.steps,
                OLD_DRAFT.expected,
                OLD_DRAFT.actual,
                OLD_DRAFT.browser,
                json.dumps([SHOT.to_dict()]),
                "2024-02-01T08:00:00.250+00:00",
                "2024-02-02T09:15:00.500+00:00",
            ),
        )
    if version >= 2:
        insert = (
            "INSERT INTO outbox (id, submission_key, profile, subject, body, attachments,"
            " created_at, state, attempts, next_attempt_at, error_kind, error_text,"
            " ticket_number, sent_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        conn.execute(
            insert,
            (
                1,
                "key-sent",
                "Helpdesk",
                "Sent one",
                "Body \u00e8\n",
                "[]",
                "2024-02-01T08:00:00.250+00:00",
                "sent",
                1,
                None,
                "",
                "",
                "2021030110000012",
                "2024-02-01T08:00:05.000+00:00",
            ),
        )
        conn.execute(
            insert,
            (
                2,
                "key-waiting",
                "Helpdesk",
                "Waiting one",
                "Body\n",
                json.dumps([SHOT.to_dict()]),
                "2024-02-02T09:15:00.500+00:00",
                "queued",
                2,
                "2024-02-02T09:20:00.500+00:00",
                "not_reachable",
                "the server refused the connection",
                "",
                None,
            ),
        )
    if version >= 3:
        conn.execute(
            "UPDATE outbox SET target_ticket=?, draft_json=? WHERE id=2",
            ("2021030110000099", draft_to_json(OLD_DRAFT)),
        )


def _build_at(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrate(conn, target=version) == version
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        _seed(conn, version)
    finally:
        conn.close()


def test_every_migration_has_its_released_schema_here():
    assert sorted(RELEASED_SCHEMAS) == list(range(1, SCHEMA_VERSION + 1)), (
        "a new migration needs its line in RELEASED_SCHEMAS"
    )


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_released_migrations_are_never_edited(version: int):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, target=version)
        assert _columns_and_indexes(conn) == RELEASED_SCHEMAS[version]
    finally:
        conn.close()


def test_fresh_database(db: Database):
    assert db.version == SCHEMA_VERSION == len(MIGRATIONS)
    with db.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.path.with_name(db.path.name + "-wal").exists()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_migration_from_every_earlier_version(tmp_path: Path, version: int):
    old = tmp_path / "old.sqlite3"
    _build_at(old, version)

    database = Database(old)
    try:
        assert database.version == SCHEMA_VERSION
        drafts, outbox = DraftRepo(database), OutboxRepo(database)
        if version >= 1:
            assert drafts.list_all() == [OLD_DRAFT]
        if version >= 2:
            assert outbox.get(1) == OutboxItem(
                id=1,
                submission=Submission(
                    submission_key="key-sent",
                    profile="Helpdesk",
                    subject="Sent one",
                    body="Body \u00e8\n",
                    created_at=T1,
                ),
                state=OutboxState.SENT,
                attempts=1,
                ticket_number="2021030110000012",
                sent_at=datetime(2024, 2, 1, 8, 0, 5, tzinfo=UTC),
            )
            waiting = outbox.get(2)
            assert waiting == OutboxItem(
                id=2,
                submission=Submission(
                    submission_key="key-waiting",
                    profile="Helpdesk",
                    subject="Waiting one",
                    body="Body\n",
                    attachments=(SHOT,),
                    created_at=T2,
                    ticket_number="2021030110000099" if version >= 3 else "",
                ),
                state=OutboxState.QUEUED,
                attempts=2,
                next_attempt_at=datetime(2024, 2, 2, 9, 20, 0, 500000, tzinfo=UTC),
                stage=SendStage.NONE,
                error_kind="not_reachable",
                error_text="the server refused the connection",
            )
            assert [i.id for i in outbox.list_items()] == [2, 1]
        if version == 0:
            assert drafts.list_all() == []
            assert outbox.list_items() == []
        with database.read() as conn:
            migrated = _schema(conn)
    finally:
        database.close()

    fresh = Database(tmp_path / "fresh.sqlite3")
    try:
        with fresh.read() as conn:
            assert migrated == _schema(conn)
    finally:
        fresh.close()


def test_a_draft_kept_in_an_old_outbox_row_goes_back_to_the_drafts(tmp_path: Path):
    old = tmp_path / "old.sqlite3"
    _build_at(old, 3)
    database = Database(old)
    try:
        draft = OutboxRepo(database).return_to_drafts(2)
        assert draft is not None
        assert draft.subject == OLD_DRAFT.subject
        assert draft.steps == OLD_DRAFT.steps
        assert draft.attachments == (SHOT,)
    finally:
        database.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path):
    path = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()

    with pytest.raises(StorageError) as info:
        Database(path)
    assert info.value.params["reason"] == "newer_version"
    assert info.value.params["found"] == SCHEMA_VERSION + 1

    conn = sqlite3.connect(path)  # untouched, and not left locked
    try:
        conn.execute("BEGIN EXCLUSIVE")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("future",)]
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_a_file_that_is_not_a_database_is_reported_as_corrupt(tmp_path: Path):
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(StorageError) as info:
        Database(path)
    assert info.value.params["reason"] == "corrupt"


def test_a_failed_write_rolls_back(db: Database):
    repo = DraftRepo(db)
    with pytest.raises(RuntimeError), db.write() as conn:
        repo.save_in(conn, Draft(subject="half"))
        raise RuntimeError("interrupted")
    assert repo.list_all() == []
    repo.save(Draft(subject="whole"))  # the connection is usable afterwards
    assert [d.subject for d in repo.list_all()] == ["whole"]


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (OSError(28, "No space left on device"), "disk_full"),
        (sqlite3.OperationalError("database or disk is full"), "disk_full"),
        (sqlite3.OperationalError("database is locked"), "locked"),
        (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read_only"),
        (PermissionError(13, "Permission denied"), "read_only"),
        (OSError(5, "Input/output error"), "io"),
    ],
)
def test_storage_errors_are_classed_for_the_user(exc: BaseException, reason: str):
    error = storage_error(exc)
    assert error.params["reason"] == reason
    assert error.kind == "storage"


def test_draft_json_round_trip():
    back = draft_from_json(draft_to_json(OLD_DRAFT))
    assert back.id is None  # it becomes a new draft
    assert back.with_changes(id=7, updated_at=T2) == OLD_DRAFT
