"""HTTPS for the web-API connectors (OTRS family, Request Tracker): one trust rule, one error map.

Trust is the app's one rule (:mod:`app.connectors.tls`): a profile's CA file is *added* to the
system's CAs, as for SMTP and IMAP. requests alone cannot say that: ``verify=<file>`` makes it
trust that file *only* (a help desk behind a public CA would then fail as soon as the profile
names its company CA), and ``verify=True`` trusts requests' bundled CAs but not the system's
(where a company usually installs its CA). So every session gets :class:`TrustAdapter`, whose TLS
context holds the system's CAs and the profile's file; requests still loads its own bundle into
that context for each connection, so nothing it would trust is lost. Verification (chain and host
name) is never turned off.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from typing import Any

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from app import __version__
from app.connectors.tls import tls_context
from app.core.errors import (
    CertificateError,
    ConfigError,
    NotReachable,
    OutcomeUnknown,
    ProtocolError,
    TimeoutFailure,
    UserFacingError,
)

_DETAIL_LIMIT = 200


class TrustAdapter(HTTPAdapter):
    """HTTPS through ``context`` (see the module's docstring), for direct and proxied requests."""

    def __init__(self, context: ssl.SSLContext) -> None:
        if context.verify_mode != ssl.CERT_REQUIRED or not context.check_hostname:
            raise ValueError("a TrustAdapter never turns certificate verification off")
        self.context = context
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self.context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        proxy_kwargs["ssl_context"] = self.context
        return super().proxy_manager_for(proxy, **proxy_kwargs)


def make_session(ca_file: str = "", *, trust_env: bool = True) -> requests.Session:
    """A requests session for a help desk's web API: JSON, our User-Agent, the app's trust rule.

    ConfigError (reason ``ca_file``) when the profile's CA file cannot be read. ``trust_env``
    False ignores proxies and ``.netrc`` credentials from the environment.
    """
    session = requests.Session()
    session.headers.update(
        {"Accept": "application/json", "User-Agent": f"Ticketwise/{__version__}"}
    )
    session.mount("https://", TrustAdapter(tls_context(ca_file)))
    session.verify = True
    session.trust_env = trust_env
    return session


def _walk(exc: BaseException) -> Iterable[BaseException]:
    """The exception, its causes and contexts, and the reasons urllib3 wraps."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nxt in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(nxt, BaseException):
                stack.append(nxt)
        stack.extend(arg for arg in current.args if isinstance(arg, BaseException))


def map_transport_error(exc: BaseException, *, committed: bool = False) -> UserFacingError:
    """A requests/urllib3/socket failure below HTTP as a typed error.

    ``committed``: the request that failed may already have changed the help desk (a create or
    an update whose body went out), so a failure after the connection was made has an unknown
    outcome. A connection that was never made (refused, no such host) sent nothing.
    """
    chain = list(_walk(exc))
    for item in chain:
        if isinstance(item, ssl.SSLCertVerificationError):
            detail = item.verify_message or str(item)
            return CertificateError(
                f"the server's certificate is not trusted: {detail}", detail=detail
            )
    text = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
            detail = text.rpartition("certificate verify failed:")[2].strip(" ')\"(") or text
            return CertificateError(
                f"the server's certificate is not trusted: {detail[:_DETAIL_LIMIT]}",
                detail=detail[:_DETAIL_LIMIT],
            )
        return ConfigError(
            "the encrypted connection could not be set up (is it really https?)",
            reason="tls_handshake",
            detail=text[:_DETAIL_LIMIT],
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return TimeoutFailure("the server did not answer in time", reason="connect_timeout")
    if isinstance(exc, requests.exceptions.ReadTimeout):
        if committed:
            return OutcomeUnknown("the server did not answer in time after the ticket was sent")
        return TimeoutFailure("the server did not answer in time")
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return ConfigError(f"not a valid URL ({text[:_DETAIL_LIMIT]})", reason="wrong_url")
    if isinstance(exc, requests.exceptions.ConnectionError):
        for item in chain:
            if isinstance(item, urllib3.exceptions.NameResolutionError) or (
                "Name or service not known" in str(item)
            ):
                return NotReachable("the server name cannot be resolved", reason="dns")
        for item in chain:
            if isinstance(item, ConnectionRefusedError) or "Connection refused" in str(item):
                return NotReachable("the server refused the connection", reason="refused")
        connected = not any(isinstance(i, urllib3.exceptions.NewConnectionError) for i in chain)
        if committed and connected:
            return OutcomeUnknown(
                "the connection broke after the ticket was sent", detail=text[:_DETAIL_LIMIT]
            )
        return NotReachable(f"network error ({text[:_DETAIL_LIMIT]})", reason="network")
    if isinstance(exc, requests.exceptions.RequestException):
        if committed:
            return OutcomeUnknown(
                "the request broke after the ticket was sent", detail=text[:_DETAIL_LIMIT]
            )
        return NotReachable(f"network error ({text[:_DETAIL_LIMIT]})", reason="network")
    return ProtocolError(f"unexpected failure: {type(exc).__name__}", reason="bad_response")
