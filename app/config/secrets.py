"""Passwords and tokens, in the OS keyring and nowhere else.

keyring's own backend selection applies (``PYTHON_KEYRING_BACKEND`` included). A machine with no
usable backend gets a :class:`SecretStoreError` that says so; we never fall back to a file on our
own.
"""

from __future__ import annotations

import logging
from typing import Any

from app.core.errors import SecretStoreError
from app.core.redact import register_secret

log = logging.getLogger(__name__)

SERVICE = "Ticketwise"


def _keyring() -> Any:
    import keyring  # deferred: importing keyring scans entry points (~50 ms)

    return keyring


def _fail(action: str, exc: Exception) -> SecretStoreError:
    # The backend's own message may be long or technical; keep its class name for support.
    detail = f"{type(exc).__name__}: {exc}"
    log.warning("keyring %s failed: %s", action, detail)
    return SecretStoreError(
        f"the system keyring could not {action} the password ({detail})",
        detail=detail,
        action=action,
    )


class SecretStore:
    """Get, set and delete secrets for a keyring account name."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def backend_name(self) -> str:
        """The keyring backend in use (for diagnostics)."""
        kr = _keyring()
        backend = kr.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, account: str) -> str | None:
        """The secret for ``account``, or None when none is stored."""
        kr = _keyring()
        try:
            secret = kr.get_password(self.service, account)
        except Exception as exc:  # keyring backends raise many kinds; all mean "unavailable"
            raise _fail("read", exc) from None
        register_secret(secret)
        return secret if isinstance(secret, str) else None

    def set(self, account: str, secret: str) -> None:
        """Store ``secret`` for ``account``."""
        register_secret(secret)
        kr = _keyring()
        try:
            kr.set_password(self.service, account, secret)
        except Exception as exc:
            raise _fail("store", exc) from None

    def delete(self, account: str) -> None:
        """Forget the secret for ``account`` (no error when there is none)."""
        kr = _keyring()
        from keyring.errors import PasswordDeleteError

        try:
            kr.delete_password(self.service, account)
        except PasswordDeleteError:
            return
        except Exception as exc:
            raise _fail("delete", exc) from None
