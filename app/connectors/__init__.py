"""Help-desk connectors, one module per help desk, picked by the profile's ``kind``.

Each module is imported only when a profile of its kind is used: each pulls in its own
libraries (smtplib/imaplib, requests).
"""

from __future__ import annotations

import importlib

from app.config.profiles import Profile
from app.core.connector import Connector
from app.core.errors import ConfigError

# kind -> (module, class). Every class takes (profile, password, *, timeout, default_max_bytes,
# imap_password) and implements app.core.connector.Connector.
REGISTRY: dict[str, tuple[str, str]] = {
    "smtp": ("app.connectors.mail", "SmtpConnector"),
    "otrs": ("app.connectors.otrs", "OtrsConnector"),
    "rt": ("app.connectors.rt", "RtConnector"),
}


def make_connector(
    profile: Profile,
    password: str | None,
    *,
    timeout: float = 30.0,
    default_max_bytes: int = 20 * 1024 * 1024,
    imap_password: str | None = None,
) -> Connector:
    """The connector for ``profile``."""
    entry = REGISTRY.get(profile.kind)
    if entry is None:
        raise ConfigError(
            f"this version cannot send to a {profile.kind!r} help desk",
            reason="unknown_kind",
            kind_name=profile.kind,
        )
    module = importlib.import_module(entry[0])
    factory = getattr(module, entry[1])
    connector: Connector = factory(
        profile,
        password,
        timeout=timeout,
        default_max_bytes=default_max_bytes,
        imap_password=imap_password,
    )
    return connector
