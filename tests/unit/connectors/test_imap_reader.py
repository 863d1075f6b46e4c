"""The IMAP reader's handling of answers it cannot read, without a server: a fake session."""

from __future__ import annotations

import imaplib
import logging
from typing import Any

import pytest

from app.config.profiles import Profile
from app.connectors.imap import MailboxReader, imap_text, map_error
from app.connectors.imapwire import parse_fetch
from app.core.errors import AuthError, ConfigError, NotReachable, ProtocolError

PROFILE = Profile(name="H", from_address="jane@x.y", login="jane", imap_host="127.0.0.1")
GOOD = (
    b'1 (UID 1 INTERNALDATE "25-Nov-2026 18:25:38 +0000" BODYSTRUCTURE ("text" "plain" NIL NIL'
    b' NIL "7bit" 2 1 NIL NIL NIL NIL) BODY[HEADER] {25}',
    b"Subject: [Ticket#1] hi\r\n\r\n",
)


class FakeSession:
    """Answers FETCH from canned imaplib-shaped data; a batch containing UID 2 fails."""

    def __init__(self, answers: dict[int, list[Any]]) -> None:
        self.answers = answers
        self.fetched: list[list[int]] = []

    def fetch(self, uids: list[int], items: str) -> dict[int, dict[str, Any]]:
        self.fetched.append(list(uids))
        if "BODY.PEEK[1]" in items:
            return {uid: {"UID": str(uid).encode(), "BODY[1]<0>": b"hi"} for uid in uids}
        data: list[Any] = []
        for uid in uids:
            data += self.answers[uid]
        return parse_fetch(data)


def test_one_unreadable_answer_skips_one_mail_with_a_log_line(caplog) -> None:
    session = FakeSession(
        {
            1: [GOOD, b")"],
            2: [b"2 (UID 2 BODYSTRUCTURE (((( ))"],  # unparseable: the batch fails
            3: [b'3 (UID 3 BODYSTRUCTURE ("text") BODY[HEADER] "Subject: x")'],  # too short
        }
    )
    reader = MailboxReader(PROFILE, "pw")
    with caplog.at_level(logging.WARNING, "app.connectors.imap"):
        items, skipped = reader._read(session, "INBOX", 7, [1, 2, 3], in_sent=False)  # type: ignore[arg-type]
    assert [i.uid for i in items] == [1] and items[0].body == "hi"
    assert skipped == 2
    assert sum("skipped mail" in r.message for r in caplog.records) == 2
    assert session.fetched[0] == [1, 2, 3]  # one batch first, then one by one


@pytest.mark.parametrize(
    ("exc", "login", "expected", "reason"),
    [
        (ValueError("x"), False, ValueError, None),  # a bug stays a bug
        (
            imaplib.IMAP4.error("b'[AUTHENTICATIONFAILED] no'"),
            True,
            AuthError,
            "imap_auth",
        ),
        (
            imaplib.IMAP4.error("b'[UNAVAILABLE] later'"),
            True,
            NotReachable,
            "temporary",
        ),
        (
            imaplib.IMAP4.error("b'[PRIVACYREQUIRED] tls'"),
            True,
            ConfigError,
            "imap_login_disabled",
        ),
        (imaplib.IMAP4.error("b'NO go'"), False, ProtocolError, None),
        (
            imaplib.IMAP4.abort("socket error: EOF"),
            False,
            NotReachable,
            "disconnected",
        ),
        (ConnectionRefusedError(), False, NotReachable, "refused"),
        (TimeoutError(), False, NotReachable, None),
    ],
)
def test_map_error(exc: BaseException, login: bool, expected: type, reason: str | None) -> None:
    mapped = map_error(exc, login=login)
    assert isinstance(mapped, expected)
    if reason is not None:
        assert mapped.params["reason"] == reason  # type: ignore[attr-defined]
    if mapped is not exc:
        assert mapped.params["service"] == "imap"  # type: ignore[attr-defined]


def test_imap_text_unwraps_imaplibs_bytes() -> None:
    assert imap_text(ValueError("b'[AUTHENTICATIONFAILED] Authentication failed.'")) == (
        "[AUTHENTICATIONFAILED] Authentication failed."
    )
    assert imap_text(ValueError(b"plain")) == "plain"
