"""Registered secrets never reach a log: not in the message, its arguments or a traceback."""

from __future__ import annotations

import io
import logging
import uuid
from collections.abc import Iterator

import pytest

from app.core.redact import MASK, RedactingFilter, redact, register_secret


@pytest.fixture
def secret() -> str:
    # Registered secrets are process-wide: a unique one per test keeps tests independent.
    value = f"S3cr\u00e9t-{uuid.uuid4().hex}"
    register_secret(value)
    return value


@pytest.fixture
def log_output() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger whose handler formats records the way the app's log file does."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger(f"test.redact.{uuid.uuid4().hex}")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


def test_redact_masks_every_occurrence(secret):
    assert redact(f"a {secret} b {secret}") == f"a {MASK} b {MASK}"
    assert redact("nothing to hide") == "nothing to hide"


def test_short_secrets_are_not_registered():
    register_secret("ab")  # masking two letters would shred ordinary text
    register_secret("")
    register_secret(None)
    assert redact("about a tab") == "about a tab"


def test_secret_in_message(secret, log_output):
    logger, stream = log_output
    logger.warning(f"login with {secret} failed")
    assert stream.getvalue() == f"WARNING {logger.name} login with {MASK} failed\n"


def test_secret_in_arguments(secret, log_output):
    logger, stream = log_output
    logger.info("login %s with %r", "jane", {"password": secret})
    out = stream.getvalue()
    assert secret not in out
    assert f"login jane with {{'password': '{MASK}'}}" in out


def test_secret_in_exception_traceback(secret, log_output):
    logger, stream = log_output

    def connect(password: str) -> None:
        raise ConnectionError(f"server said no to {password}")

    try:
        connect(secret)
    except ConnectionError:
        logger.exception("send failed")
    out = stream.getvalue()
    assert secret not in out
    assert "Traceback (most recent call last)" in out
    assert f"ConnectionError: server said no to {MASK}" in out
