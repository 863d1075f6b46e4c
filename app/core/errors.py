"""Typed errors.

Three kinds of exception exist in Ticketwise:

* :class:`UserFacingError` and its subclasses: something the user (or their environment) can act
  on. Each carries a machine-readable ``kind`` and ``params``; the UI and the CLI turn them into
  translated text. ``retryable`` says whether the outbox should try again later by itself.
* :class:`Cancelled`: the user cancelled; never shown as an error.
* anything else: a bug.

Messages built here are English fallbacks for logs and for the CLI; they never contain secrets.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: the CLI's start-up
if TYPE_CHECKING:
    from typing import Any


class Cancelled(Exception):
    """The user cancelled the operation."""


class UserFacingError(Exception):
    """An error the user can act on. ``kind`` selects the translated message."""

    kind: str = "error"
    retryable: bool = False
    exit_code: int = 1

    def __init__(self, message: str = "", **params: Any) -> None:
        super().__init__(message or self.kind)
        self.message = message or self.kind
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return self.message


class ConfigError(UserFacingError):
    """The configuration is missing or invalid (a profile, a setting, a file)."""

    kind = "config"
    exit_code = 3


class SecretStoreError(UserFacingError):
    """The OS keyring cannot be used (locked, missing backend, refused)."""

    kind = "keyring"
    exit_code = 3


class AuthError(UserFacingError):
    """The server refused the login."""

    kind = "auth"
    exit_code = 4


class NotReachable(UserFacingError):
    """The server cannot be reached right now; the work stays queued."""

    kind = "not_reachable"
    retryable = True
    exit_code = 5


class TimeoutFailure(NotReachable):
    """The server did not answer in time."""

    kind = "timeout"


class CertificateError(UserFacingError):
    """The server's TLS certificate is not trusted."""

    kind = "certificate"
    exit_code = 4


class Rejected(UserFacingError):
    """The server understood the request and refused it; ``reason`` is the server's text."""

    kind = "rejected"
    exit_code = 6

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason, reason=reason, **params)
        self.reason = reason


class RecipientRefused(Rejected):
    """The mail server refused the recipient address."""

    kind = "recipient_refused"


class TooLarge(Rejected):
    """The message is larger than the server accepts."""

    kind = "too_large"


class ProtocolError(UserFacingError):
    """The server answered something we cannot parse."""

    kind = "protocol"
    exit_code = 6


class OutcomeUnknown(UserFacingError):
    """A send was interrupted after the data went out: it may or may not have arrived."""

    kind = "outcome_unknown"
    exit_code = 5


class StorageError(UserFacingError):
    """The local store failed for a reason in the environment (disk full, locked, corrupt)."""

    kind = "storage"
    exit_code = 1


class Unsupported(UserFacingError):
    """This help desk (or this profile's set-up) cannot do that."""

    kind = "unsupported"
    exit_code = 3


class NotReady(UserFacingError):
    """The draft cannot be sent as it is (an empty subject or description)."""

    kind = "not_ready"
    exit_code = 2
