"""Help-desk connectors, one module per help desk, picked by the profile's ``kind``."""

from __future__ import annotations

from app.config.profiles import Profile
from app.core.connector import Connector
from app.core.errors import ConfigError


def make_connector(
    profile: Profile,
    password: str | None,
    *,
    timeout: float = 30.0,
    default_max_bytes: int = 20 * 1024 * 1024,
) -> Connector:
    """The connector for ``profile`` (imported on demand: each pulls in its own libraries)."""
    if profile.kind == "smtp":
        from app.connectors.mail import SmtpConnector

        return SmtpConnector(
            profile, password, timeout=timeout, default_max_bytes=default_max_bytes
        )
    raise ConfigError(
        f"this version cannot send to a {profile.kind!r} help desk",
        reason="unknown_kind",
        kind_name=profile.kind,
    )
