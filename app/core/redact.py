"""Keep secrets out of logs and tracebacks.

Every secret read from or written to the keyring is registered here; the log filter installed by
the bootstrap replaces any registered secret in a record (message, arguments and formatted
traceback) with ``***``. This is a second line of defence: code never logs a secret on purpose.
"""

from __future__ import annotations

import logging
import threading

_lock = threading.Lock()
_secrets: set[str] = set()
MASK = "***"
_MIN_LEN = 3  # masking one- or two-character strings would shred ordinary log text


def register_secret(secret: str | None) -> None:
    """Remember ``secret`` so that it is masked wherever it would be logged."""
    if secret and len(secret) >= _MIN_LEN:
        with _lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    """``text`` with every registered secret replaced by ``***``."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that masks registered secrets in the final message and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
