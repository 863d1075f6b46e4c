"""The domain model's stored forms: attachments as JSON, datetimes as ISO 8601 UTC text."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.core.model import (
    AttachmentRef,
    Draft,
    Submission,
    attachments_from_json,
    attachments_to_json,
    from_iso,
    guess_mime,
    new_submission_key,
    to_iso,
    utc_now,
)

SHOT = AttachmentRef("schermata perch\u00e9 \U0001f600.png", "1" * 64, 2048, "image/png")
LOG = AttachmentRef("server.log", "2" * 64, 10, "text/plain")


def test_attachments_round_trip_keeps_non_ascii_names():
    text = attachments_to_json((SHOT, LOG))
    assert "perch\u00e9" in text  # stored readable, not \u-escaped
    assert attachments_from_json(text) == (SHOT, LOG)


@pytest.mark.parametrize("text", [None, "", "[]"])
def test_no_attachments(text):
    assert attachments_from_json(text) == ()


def test_attachment_without_mime_gets_one_from_its_name():
    text = json.dumps([{"name": "report.pdf", "sha256": "3" * 64, "size": "12"}])
    (ref,) = attachments_from_json(text)
    assert ref == AttachmentRef("report.pdf", "3" * 64, 12, "application/pdf")


def test_is_image():
    assert SHOT.is_image
    assert not LOG.is_image


def test_guess_mime():
    assert guess_mime("a.PNG") == "image/png"
    assert guess_mime("no-extension") == "application/octet-stream"
    assert guess_mime("x.unknownext") == "application/octet-stream"


def test_iso_round_trip_is_utc_with_milliseconds():
    rome = timezone(timedelta(hours=2))
    value = datetime(2024, 6, 30, 23, 59, 58, 987654, tzinfo=rome)
    text = to_iso(value)
    assert text == "2024-06-30T21:59:58.987+00:00"
    back = from_iso(text)
    assert back == value.replace(microsecond=987000)
    assert back is not None and back.tzinfo is not None
    assert back.utcoffset() == timedelta(0)


def test_iso_text_sorts_like_time():
    # The store orders by these strings: text order must be time order, across time zones.
    early = datetime(2024, 1, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5)))  # 04:00 UTC
    late = datetime(2024, 1, 2, 1, 0, tzinfo=timezone(timedelta(hours=2)))  # 23:00 UTC on the 1st
    assert (to_iso(early) < to_iso(late)) == (early < late)


def test_iso_none_and_naive():
    assert to_iso(None) is None
    assert from_iso(None) is None
    assert from_iso("") is None
    assert from_iso("2024-03-01T10:00:00") == datetime(2024, 3, 1, 10, 0, tzinfo=UTC)


def test_utc_now_is_aware():
    assert utc_now().tzinfo is UTC


def test_submission_key_is_a_fresh_uuid4():
    keys = {new_submission_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(uuid.UUID(k).version == 4 for k in keys)


def test_submission_total_attachment_bytes():
    sub = Submission("k", "p", "s", "b", attachments=(SHOT, LOG))
    assert sub.total_attachment_bytes == 2058


def test_draft_with_changes_bumps_updated_at():
    then = datetime(2020, 1, 1, tzinfo=UTC)
    draft = Draft(subject="a", created_at=then, updated_at=then)
    changed = draft.with_changes(subject="b")
    assert changed.subject == "b"
    assert changed.created_at == then
    assert changed.updated_at > then
    assert draft.subject == "a"  # frozen: the original is untouched


@pytest.mark.parametrize(
    ("changes", "empty"),
    [
        ({}, True),
        ({"subject": "  "}, True),
        ({"profile": "helpdesk"}, True),  # choosing where it goes is not writing a ticket
        ({"steps": "1. x"}, False),
        ({"browser": "-"}, False),
        ({"attachments": (LOG,)}, False),
    ],
)
def test_draft_is_empty(changes, empty):
    assert Draft(**changes).is_empty is empty


def test_an_annotated_attachment_round_trips_and_a_plain_one_stays_compact():
    annotated = AttachmentRef(
        "shot.png", "3" * 64, 10, "image/png", original_sha256="4" * 64, annotations="{}"
    )
    assert AttachmentRef.from_dict(annotated.to_dict()) == annotated
    assert annotated.is_annotated and annotated.blobs == ("3" * 64, "4" * 64)
    assert set(SHOT.to_dict()) == {"name", "sha256", "size", "mime"}
    assert not SHOT.is_annotated and SHOT.blobs == (SHOT.sha256,)
