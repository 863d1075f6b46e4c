"""The one trust rule of every TLS connection (SMTP, IMAP, the web APIs).

A profile's CA file *adds* trust: the system's CAs stay trusted, and the company's own CA (a
self-signed help desk) is trusted as well. Verification (chain and host name) is never turned off.
Only the standard library here, so the e-mail connectors do not pull in an HTTP library.
"""

from __future__ import annotations

import ssl

from app.core.errors import ConfigError


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """A verifying TLS context: the system's CAs plus the profile's own CA file, if any."""
    context = ssl.create_default_context()
    if ca_file:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError, ValueError) as exc:
            raise ConfigError(
                f"the CA file {ca_file} cannot be used: {exc}", field="ca_file", reason="ca_file"
            ) from None
    return context
