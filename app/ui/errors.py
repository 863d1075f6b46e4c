"""User-facing text for typed errors: what happened, and what to do about it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def describe(
    kind: str, params: dict[str, Any] | None = None, fallback: str = ""
) -> tuple[str, str]:
    """(what happened, what to do) for an error ``kind`` with its ``params``."""
    p = params or {}
    reason = str(p.get("reason", ""))
    server = str(p.get("server") or p.get("detail") or fallback or "")
    if kind == "auth":
        if reason == "no_password":
            return (
                _tr("No password is stored for this help desk."),
                _tr("Open Settings, select the profile and enter your password."),
            )
        return (
            _tr("The server refused your login name or password."),
            _tr("Check the login and password in Settings, then press Retry.")
            + (f"\n{_tr('The server said:')} {server}" if server else ""),
        )
    if kind == "certificate":
        return (
            _tr("The server's certificate is not trusted, so the connection was not made."),
            _tr(
                "If your organisation uses its own certificate authority, add its CA file "
                "in Settings. Verification is never switched off."
            )
            + (f"\n{_tr('Details:')} {server}" if server else ""),
        )
    if kind == "recipient_refused":
        return (
            _tr("The mail server refused the help desk's address."),
            _tr("Check the support address in Settings.")
            + (f"\n{_tr('The server said:')} {p.get('reason', '')}" if p.get("reason") else ""),
        )
    if kind == "too_large":
        size, limit = p.get("size"), p.get("limit")
        if isinstance(size, int) and isinstance(limit, int):
            return (
                _tr("The ticket is too large: %1 MB, and the server accepts at most %2 MB.")
                .replace("%1", f"{size / 1048576:.1f}")
                .replace("%2", f"{limit / 1048576:.1f}"),
                _tr("Remove or shrink some attachments, then send again."),
            )
        return (
            _tr("The server refused the ticket because it is too large."),
            _tr("Remove or shrink some attachments, then send again."),
        )
    if kind == "timeout":
        return (
            _tr("The server did not answer in time."),
            _tr("The ticket stays in the outbox and is sent automatically later."),
        )
    if kind == "not_reachable":
        texts = {
            "dns": _tr("The server's name could not be found (no network, or a wrong name)."),
            "refused": _tr("The server refused the connection (it is down, or the port is wrong)."),
            "temporary": _tr("The server is busy or temporarily limited."),
        }
        return (
            texts.get(reason, _tr("The server cannot be reached right now.")),
            _tr(
                "The ticket stays in the outbox and is sent automatically when the server is "
                "back. Nothing is lost."
            ),
        )
    if kind == "outcome_unknown":
        return (
            _tr(
                "The connection broke while the ticket was being handed over: the help desk "
                "may or may not have it."
            ),
            _tr(
                "Check your mailbox for the help desk's confirmation. If it is not there, "
                "press Send again; if it is, press Mark as sent."
            ),
        )
    if kind == "rejected":
        return (
            _tr("The server refused the ticket."),
            _tr("The server said: %1").replace("%1", str(p.get("reason", server))),
        )
    if kind == "config":
        texts = {
            "no_profile": _tr("No help desk is set up yet."),
            "no_default_profile": _tr("Several help desks are set up and none is the default."),
            "no_starttls": _tr("The server does not offer STARTTLS encryption."),
            "no_auth": _tr("The server does not offer login on this connection."),
            "tls_handshake": _tr("The encrypted connection could not be set up."),
            "ca_file": _tr("The CA file cannot be used."),
            "unknown_kind": _tr("This kind of help desk is not supported by this version."),
        }
        return (
            texts.get(reason, _tr("The help-desk settings are incomplete or wrong.")),
            _tr("Open Settings and check the profile (server, port and security).")
            + (f"\n{_tr('Details:')} {server}" if server and reason != "no_profile" else ""),
        )
    if kind == "keyring":
        return (
            _tr("The system keyring (where passwords are kept) could not be used."),
            _tr(
                "Unlock or set up your system keyring, then try again. Ticketwise never "
                "stores passwords anywhere else."
            )
            + (f"\n{server}" if server else ""),
        )
    if kind == "storage":
        texts = {
            "disk_full": _tr("The disk is full: Ticketwise could not save."),
            "locked": _tr("Ticketwise's database is busy in another program."),
            "corrupt": _tr("Ticketwise's database is damaged."),
            "read_only": _tr("Ticketwise's data folder is read-only."),
            "blob": _tr("An attachment's stored copy could not be read."),
            "newer_version": _tr("Ticketwise's data was written by a newer version of Ticketwise."),
        }
        if reason == "newer_version":
            return (
                texts[reason],
                _tr(
                    "Start the newer version of Ticketwise again; this one "
                    "cannot read its data without risking it."
                ),
            )
        return (
            texts.get(reason, _tr("Ticketwise could not read or write its data.")),
            _tr(
                "Free some disk space or check the data folder's permissions. What you typed "
                "is kept in the window until it can be saved."
            ),
        )
    if kind == "not_ready":
        return (
            _tr("The ticket needs a subject and a description."),
            _tr("Fill in the fields marked in the checklist."),
        )
    if kind == "cancelled":
        return (
            _tr("Sending was cancelled."),
            _tr("The ticket is kept in the outbox: press Retry to send it."),
        )
    if kind == "bug":
        return (
            _tr("Ticketwise hit an internal error while sending."),
            _tr(
                "The ticket is kept in the outbox. Press Retry; if it happens again, please "
                "report it with the log file."
            ),
        )
    return (fallback or _tr("Something went wrong."), _tr("Please try again."))


def describe_exception(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an exception."""
    kind = getattr(exc, "kind", "")
    params = getattr(exc, "params", {})
    if kind:
        return describe(kind, params, str(exc))
    return (
        _tr("Ticketwise hit an internal error: %1").replace("%1", str(exc)),
        _tr("Your work is saved. Please report this with the log file."),
    )
