"""User-facing text for typed errors: what happened, and what to do about it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale


def describe(
    kind: str, params: dict[str, Any] | None = None, fallback: str = ""
) -> tuple[str, str]:
    """(what happened, what to do) for an error ``kind`` with its ``params``."""
    p = params or {}
    reason = str(p.get("reason", ""))
    server = str(p.get("server") or p.get("detail") or fallback or "")
    if p.get("service") == "imap":  # the e-mail profile's incoming server: say which server
        what, todo = describe(kind, {**p, "service": ""}, fallback)
        return QCoreApplication.translate("Errors", "Incoming mail (IMAP): %1").replace(
            "%1", what
        ), todo
    mail = _mail_problem(kind, reason, p)
    if mail is not None:
        return mail
    screen = _capture_problem(kind, reason, p, server)
    if screen is not None:
        return screen
    if kind == "auth":
        if reason == "http_auth":
            return (
                QCoreApplication.translate(
                    "Errors",
                    "The web server (or a proxy in front of it) asks for a login before the "
                    "help desk's web service.",
                ),
                QCoreApplication.translate(
                    "Errors",
                    "Ask the help desk's administrators how the web service is reached from "
                    "your network.",
                ),
            )
        if reason == "password_charset":
            return (
                QCoreApplication.translate(
                    "Errors",
                    "The help desk cannot check a password with characters such as \u20ac "
                    "over its API.",
                ),
                QCoreApplication.translate(
                    "Errors",
                    "Create an auth token in Request Tracker (Settings, Auth Tokens) and paste "
                    "it into the password field instead.",
                ),
            )
        if reason == "token":
            return (
                QCoreApplication.translate(
                    "Errors", "The help desk refused the auth token (wrong, expired or revoked)."
                ),
                QCoreApplication.translate(
                    "Errors",
                    "Create a new token in Request Tracker (Settings, Auth Tokens) and paste it "
                    "into the password field in Settings.",
                ),
            )
        if reason == "no_password":
            return (
                QCoreApplication.translate("Errors", "No password is stored for this help desk."),
                QCoreApplication.translate(
                    "Errors", "Open Settings, select the profile and enter your password."
                ),
            )
        return (
            QCoreApplication.translate("Errors", "The server refused your login name or password."),
            QCoreApplication.translate(
                "Errors", "Check the login and password in Settings, then press Retry."
            )
            + (
                "\n" + QCoreApplication.translate("Errors", "The server said:") + f" {server}"
                if server
                else ""
            ),
        )
    if kind == "certificate":
        return (
            QCoreApplication.translate(
                "Errors", "The server's certificate is not trusted, so the connection was not made."
            ),
            QCoreApplication.translate(
                "Errors",
                "If your organisation uses its own certificate authority, add its CA file "
                "in Settings. Verification is never switched off.",
            )
            + (
                "\n" + QCoreApplication.translate("Errors", "Details:") + f" {server}"
                if server
                else ""
            ),
        )
    if kind == "recipient_refused":
        return (
            QCoreApplication.translate(
                "Errors", "The mail server refused the help desk's address."
            ),
            QCoreApplication.translate("Errors", "Check the support address in Settings.")
            + (
                "\n"
                + QCoreApplication.translate("Errors", "The server said:")
                + f" {p.get('reason', '')}"
                if p.get("reason")
                else ""
            ),
        )
    if kind == "too_large":
        size, limit = p.get("size"), p.get("limit")
        if isinstance(size, int) and isinstance(limit, int):
            return (
                QCoreApplication.translate(
                    "Errors",
                    "The ticket is too large: %1 MB, and the server accepts at most %2 MB.",
                )
                .replace("%1", QLocale().toString(size / 1048576, "f", 1))
                .replace("%2", QLocale().toString(limit / 1048576, "f", 1)),
                QCoreApplication.translate(
                    "Errors", "Remove or shrink some attachments, then send again."
                ),
            )
        return (
            QCoreApplication.translate(
                "Errors", "The server refused the ticket because it is too large."
            ),
            QCoreApplication.translate(
                "Errors", "Remove or shrink some attachments, then send again."
            ),
        )
    if kind == "timeout":
        return (
            QCoreApplication.translate("Errors", "The server did not answer in time."),
            QCoreApplication.translate(
                "Errors", "The ticket stays in the outbox and is sent automatically later."
            ),
        )
    if kind == "not_reachable":
        texts = {
            "dns": QCoreApplication.translate(
                "Errors", "The server's name could not be found (no network, or a wrong name)."
            ),
            "refused": QCoreApplication.translate(
                "Errors", "The server refused the connection (it is down, or the port is wrong)."
            ),
            "temporary": QCoreApplication.translate(
                "Errors", "The server is busy or temporarily limited."
            ),
            "server_error": QCoreApplication.translate(
                "Errors", "The help desk's server failed with an internal error."
            ),
        }
        return (
            texts.get(
                reason,
                QCoreApplication.translate("Errors", "The server cannot be reached right now."),
            ),
            QCoreApplication.translate(
                "Errors",
                "The ticket stays in the outbox and is sent automatically when the server is "
                "back. Nothing is lost.",
            ),
        )
    if kind == "outcome_unknown":
        return (
            QCoreApplication.translate(
                "Errors",
                "The connection broke while the ticket was being handed over: the help desk "
                "may or may not have it.",
            ),
            QCoreApplication.translate(
                "Errors",
                "Check your mailbox for the help desk's confirmation. If it is not there, "
                "press Send again; if it is, press Mark as sent.",
            ),
        )
    if kind == "rejected":
        return (
            QCoreApplication.translate("Errors", "The server refused the ticket."),
            QCoreApplication.translate("Errors", "The server said: %1").replace(
                "%1", str(p.get("reason", server))
            ),
        )
    if kind == "config" and reason in ("webservice_not_found", "webservice_config"):
        return _web_service_problem(reason, str(p.get("webservice", "")), server)
    if kind == "config" and reason == "wrong_url":
        return (
            QCoreApplication.translate("Errors", "There is no help-desk API at this address."),
            QCoreApplication.translate(
                "Errors",
                "Check the address in Settings: for OTRS, Znuny and OTOBO it is the help "
                "desk's address (https://\u2026/otrs/) or the web service's URL "
                "(\u2026/nph-genericinterface.pl/Webservice/NAME).",
            )
            + (
                "\n" + QCoreApplication.translate("Errors", "Details:") + f" {server}"
                if server
                else ""
            ),
        )
    if kind == "config":
        texts = {
            "no_profile": QCoreApplication.translate("Errors", "No help desk is set up yet."),
            "no_default_profile": QCoreApplication.translate(
                "Errors", "Several help desks are set up and none is the default."
            ),
            "no_starttls": QCoreApplication.translate(
                "Errors", "The server does not offer STARTTLS encryption."
            ),
            "no_auth": QCoreApplication.translate(
                "Errors", "The server does not offer login on this connection."
            ),
            "tls_handshake": QCoreApplication.translate(
                "Errors", "The encrypted connection could not be set up."
            ),
            "ca_file": QCoreApplication.translate("Errors", "The CA file cannot be used."),
            "wrong_url": QCoreApplication.translate(
                "Errors", "There is no help-desk API at this address."
            ),
            "unknown_kind": QCoreApplication.translate(
                "Errors", "This kind of help desk is not supported by this version."
            ),
        }
        return (
            texts.get(
                reason,
                QCoreApplication.translate(
                    "Errors", "The help-desk settings are incomplete or wrong."
                ),
            ),
            QCoreApplication.translate(
                "Errors", "Open Settings and check the profile (server, port and security)."
            )
            + (
                "\n" + QCoreApplication.translate("Errors", "Details:") + f" {server}"
                if server and reason != "no_profile"
                else ""
            ),
        )
    if kind == "protocol" and reason == "server_error" and server:
        return (
            QCoreApplication.translate("Errors", "The help desk reported an error: %1").replace(
                "%1", server
            ),
            QCoreApplication.translate(
                "Errors",
                "Try again later. If the error stays, tell the help desk's administrators "
                "what it says.",
            ),
        )
    if kind == "protocol":
        return (
            QCoreApplication.translate(
                "Errors", "The help desk answered something Ticketwise cannot read."
            ),
            QCoreApplication.translate(
                "Errors",
                "Check the address in Settings. If it is right, the help desk may be "
                "misconfigured: tell its administrators.",
            )
            + (
                "\n" + QCoreApplication.translate("Errors", "Details:") + f" {server}"
                if server
                else ""
            ),
        )
    if kind == "keyring":
        return (
            QCoreApplication.translate(
                "Errors", "The system keyring (where passwords are kept) could not be used."
            ),
            QCoreApplication.translate(
                "Errors",
                "Unlock or set up your system keyring, then try again. Ticketwise never "
                "stores passwords anywhere else.",
            )
            + (f"\n{server}" if server else ""),
        )
    if kind == "storage":
        texts = {
            "disk_full": QCoreApplication.translate(
                "Errors", "The disk is full: Ticketwise could not save."
            ),
            "locked": QCoreApplication.translate(
                "Errors", "Ticketwise's database is busy in another program."
            ),
            "corrupt": QCoreApplication.translate("Errors", "Ticketwise's database is damaged."),
            "read_only": QCoreApplication.translate(
                "Errors", "Ticketwise's data folder is read-only."
            ),
            "blob": QCoreApplication.translate(
                "Errors", "An attachment's stored copy could not be read."
            ),
            "newer_version": QCoreApplication.translate(
                "Errors", "Ticketwise's data was written by a newer version of Ticketwise."
            ),
        }
        if reason == "newer_version":
            return (
                texts[reason],
                QCoreApplication.translate(
                    "Errors",
                    "Start the newer version of Ticketwise again; this one "
                    "cannot read its data without risking it.",
                ),
            )
        return (
            texts.get(
                reason,
                QCoreApplication.translate(
                    "Errors", "Ticketwise could not read or write its data."
                ),
            ),
            QCoreApplication.translate(
                "Errors",
                "Free some disk space or check the data folder's permissions. What you typed "
                "is kept in the window until it can be saved.",
            ),
        )
    if kind == "not_ready":
        return (
            QCoreApplication.translate("Errors", "The ticket needs a subject and a description."),
            QCoreApplication.translate("Errors", "Fill in the fields marked in the checklist."),
        )
    if kind == "cancelled":
        return (
            QCoreApplication.translate("Errors", "Sending was cancelled."),
            QCoreApplication.translate(
                "Errors", "The ticket is kept in the outbox: press Retry to send it."
            ),
        )
    if kind == "portal_unavailable":
        return (
            QCoreApplication.translate(
                "Errors", "This desktop offers no screenshot service (xdg-desktop-portal)."
            ),
            QCoreApplication.translate(
                "Errors",
                "Install xdg-desktop-portal and the one for your desktop (for example "
                "xdg-desktop-portal-gnome, -kde or -wlr), then sign out and in again. You can "
                "still attach a screenshot taken with another tool.",
            ),
        )
    if kind == "portal_timeout":
        return (
            QCoreApplication.translate(
                "Errors", "The desktop's screenshot service did not answer in time."
            ),
            QCoreApplication.translate(
                "Errors", "Try again; if a screenshot dialog is open, finish or close it first."
            ),
        )
    if kind == "portal_failed":
        return (
            QCoreApplication.translate("Errors", "The desktop could not take the screenshot."),
            QCoreApplication.translate(
                "Errors",
                "Try again. If it keeps failing, check that screenshots are allowed for "
                "Ticketwise in your desktop's privacy settings.",
            ),
        )
    if kind == "recorder_unavailable":
        return _recorder_problem(reason)
    if kind == "bug":
        return (
            QCoreApplication.translate("Errors", "Ticketwise hit an internal error while sending."),
            QCoreApplication.translate(
                "Errors",
                "The ticket is kept in the outbox. Press Retry; if it happens again, please "
                "report it with the log file.",
            ),
        )
    hotkey = _hotkey_problem(kind, reason, str(p.get("sequence", "")))
    if hotkey is not None:
        return hotkey
    return (
        fallback or QCoreApplication.translate("Errors", "Something went wrong."),
        QCoreApplication.translate("Errors", "Please try again."),
    )


def _hotkey_problem(kind: str, reason: str, sequence: str) -> tuple[str, str] | None:
    """The global capture shortcut cannot be used (None: not a hotkey error)."""
    elsewhere = QCoreApplication.translate(
        "Errors", "You can still capture from the tray menu, the composer or the command line."
    )
    if kind == "hotkey_taken":
        return (
            QCoreApplication.translate(
                "Errors", "The shortcut %1 is already used by another application or the desktop."
            ).replace("%1", sequence),
            QCoreApplication.translate(
                "Errors", "Choose another shortcut in the settings, or free this one there."
            )
            + " "
            + elsewhere,
        )
    if kind == "hotkey_unavailable" and reason == "no_such_key":
        return (
            QCoreApplication.translate(
                "Errors", "The keyboard layout has no key for the shortcut %1."
            ).replace("%1", sequence),
            QCoreApplication.translate("Errors", "Choose another shortcut in the settings."),
        )
    if kind == "hotkey_unavailable":
        return (
            QCoreApplication.translate(
                "Errors", "This desktop session does not let Ticketwise register a global shortcut."
            ),
            elsewhere,
        )
    if kind == "hotkey_syntax":
        return (
            QCoreApplication.translate(
                "Errors", "%1 is not a shortcut Ticketwise can use."
            ).replace("%1", sequence),
            QCoreApplication.translate(
                "Errors",
                "Combine Ctrl, Shift, Alt or Meta with a letter, a digit or a function key, "
                "e.g. Ctrl+Shift+F12 (F1-F24 and Print also work alone; F21-F24 not on a Mac).",
            ),
        )
    return None


def _mail_problem(kind: str, reason: str, p: dict[str, Any]) -> tuple[str, str] | None:
    """What the e-mail connector's mailbox side reports (None: not one of those)."""
    server = str(p.get("server") or p.get("detail") or "")
    said = (
        "\n" + QCoreApplication.translate("Errors", "The server said:") + f" {server}"
        if server
        else ""
    )
    if kind == "auth" and reason == "imap_auth":
        return (
            QCoreApplication.translate("Errors", "The mail server refused your login or password."),
            QCoreApplication.translate(
                "Errors",
                "Check the incoming mail login and password in Settings; left empty, they are "
                "the ones used for sending.",
            )
            + said,
        )
    if kind == "config" and reason == "imap_login_disabled":
        return (
            QCoreApplication.translate(
                "Errors", "The mail server allows login only over an encrypted connection."
            ),
            QCoreApplication.translate(
                "Errors", "Choose SSL/TLS or STARTTLS for incoming mail in Settings."
            ),
        )
    if kind == "config" and reason == "no_folder":
        return (
            QCoreApplication.translate(
                "Errors", "Your mailbox has no folder \u201c%1\u201d."
            ).replace("%1", str(p.get("folder", ""))),
            QCoreApplication.translate(
                "Errors", "Check the folder in Settings (empty means INBOX)."
            ),
        )
    if kind == "config" and reason == "imap_no_login":
        return (
            QCoreApplication.translate("Errors", "No login is set for the incoming mail server."),
            QCoreApplication.translate("Errors", "Enter the login in Settings."),
        )
    if kind == "unsupported":
        texts = {
            "no_imap": (
                QCoreApplication.translate(
                    "Errors",
                    "This help desk profile only sends mail, so its tickets and answers cannot "
                    "be shown.",
                ),
                QCoreApplication.translate(
                    "Errors",
                    "Add your incoming mail server (IMAP) to the profile in Settings: the help "
                    "desk's answers are read from there.",
                ),
            ),
            "no_company_scope": (
                QCoreApplication.translate(
                    "Errors", "By e-mail, only your own tickets can be shown."
                ),
                QCoreApplication.translate(
                    "Errors", "Your colleagues' tickets are in the help desk's web portal."
                ),
            ),
            "no_number": (
                QCoreApplication.translate(
                    "Errors", "The ticket's number is not known yet, so no follow-up can be sent."
                ),
                QCoreApplication.translate(
                    "Errors",
                    "Wait for the help desk's confirmation mail and sync, then answer again.",
                ),
            ),
        }
        return texts.get(
            reason,
            (
                QCoreApplication.translate("Errors", "This help desk cannot do that."),
                QCoreApplication.translate("Errors", "Check the profile in Settings."),
            ),
        )
    if kind == "rejected" and p.get("code") == "attachment_gone":
        return (
            QCoreApplication.translate("Errors", "The attachment is no longer in your mailbox."),
            QCoreApplication.translate(
                "Errors", "Another mail program may have moved or deleted the mail."
            ),
        )
    if kind == "rejected" and p.get("code") == "ticket_not_found":
        return (
            QCoreApplication.translate(
                "Errors",
                "The help desk has no ticket with this number, or does not show it to you.",
            ),
            QCoreApplication.translate(
                "Errors", "Check the number; a colleague's ticket may need your company's access."
            ),
        )
    if kind == "rejected" and p.get("code") == "unknown_ticket":
        return (
            QCoreApplication.translate("Errors", "Your mailbox has no mail about this ticket."),
            QCoreApplication.translate(
                "Errors", "Sync again, or check the incoming mail folder in Settings."
            ),
        )
    return None


def _capture_problem(
    kind: str, reason: str, p: dict[str, Any], server: str
) -> tuple[str, str] | None:
    """Screenshots (the global hotkey has :func:`_hotkey_problem`)."""
    if kind == "capture_permission":
        return (
            QCoreApplication.translate(
                "Errors", "macOS does not let Ticketwise record the screen yet."
            ),
            QCoreApplication.translate(
                "Errors",
                "Open System Settings \u2192 Privacy & Security \u2192 Screen Recording, turn "
                "Ticketwise on, then quit and reopen Ticketwise.",
            ),
        )
    if kind == "capture_failed":
        return (
            QCoreApplication.translate("Errors", "The screen could not be captured: %1").replace(
                "%1", server
            ),
            QCoreApplication.translate(
                "Errors",
                "Try again. If it keeps failing, attach a screenshot taken with another tool "
                "(Paste image or drop the file).",
            ),
        )
    if kind == "capture_usage":
        return (
            QCoreApplication.translate(
                "Errors", "That part of the screen cannot be captured: %1"
            ).replace("%1", server),
            QCoreApplication.translate("Errors", "Choose a region inside the desktop."),
        )
    return None


def _web_service_problem(reason: str, name: str, server: str) -> tuple[str, str]:
    """An OTRS-family help desk without the web service the profile names, or with a broken
    one."""
    details = (
        "\n" + QCoreApplication.translate("Errors", "The server said:") + f" {server}"
        if server
        else ""
    )
    if reason == "webservice_config":
        return (
            QCoreApplication.translate(
                "Errors", "The help desk's web service is not set up correctly."
            ),
            QCoreApplication.translate(
                "Errors", "Tell the help desk's administrators; nothing in Settings can fix it."
            )
            + details,
        )
    return (
        QCoreApplication.translate(
            "Errors", "The help desk has no web service \u201c%1\u201d for tickets."
        ).replace("%1", name or "GenericTicketConnectorREST"),
        QCoreApplication.translate(
            "Errors",
            "Check the web service name in Settings (usually GenericTicketConnectorREST); the "
            "help desk's administrators see it under Admin \u2192 Web Services.",
        )
        + details,
    )


def describe_exception(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for an exception."""
    kind = getattr(exc, "kind", "")
    params = getattr(exc, "params", {})
    if kind:
        return describe(kind, params, str(exc))
    return (
        QCoreApplication.translate("Errors", "Ticketwise hit an internal error: %1").replace(
            "%1", str(exc)
        ),
        QCoreApplication.translate(
            "Errors", "Your work is saved. Please report this with the log file."
        ),
    )


def _recorder_problem(reason: str) -> tuple[str, str]:
    """Why steps cannot be recorded (``RecorderUnavailable``'s reason), and what to do."""
    instead = QCoreApplication.translate(
        "Errors", "You can still describe the steps yourself and attach screenshots."
    )
    if reason == "wayland":
        return (
            QCoreApplication.translate(
                "Errors",
                "This Wayland session does not let any program watch clicks in other windows, "
                "so Ticketwise cannot record steps.",
            ),
            QCoreApplication.translate(
                "Errors", "Log in with an X11 (Xorg) session to record steps, or:"
            )
            + " "
            + instead,
        )
    if reason in ("windows", "macos"):
        return (
            QCoreApplication.translate(
                "Errors", "Ticketwise cannot record steps on this system yet."
            ),
            instead,
        )
    if reason == "permission":
        return (
            QCoreApplication.translate(
                "Errors", "macOS does not let Ticketwise see your clicks and key presses yet."
            ),
            QCoreApplication.translate(
                "Errors",
                "Open System Settings \u2192 Privacy & Security \u2192 Input Monitoring, allow "
                "Ticketwise, then start the recording again.",
            ),
        )
    if reason == "tap_failed":
        return (
            QCoreApplication.translate(
                "Errors", "macOS refused to let Ticketwise watch clicks and key presses."
            ),
            QCoreApplication.translate(
                "Errors",
                "Check that Ticketwise is allowed in System Settings \u2192 Privacy & Security "
                "\u2192 Input Monitoring (turn it off and on again if it is), then start the "
                "recording again, or:",
            )
            + " "
            + instead,
        )
    if reason == "no_display":
        return (
            QCoreApplication.translate(
                "Errors", "Ticketwise cannot reach the X display to record steps."
            ),
            QCoreApplication.translate(
                "Errors", "Start Ticketwise from your desktop session (DISPLAY must be set)."
            )
            + " "
            + instead,
        )
    if reason in ("no_xinput2", "no_libx11"):
        return (
            QCoreApplication.translate(
                "Errors",
                "The X server or its libraries lack the input extension (XInput 2.1) that "
                "recording steps needs.",
            ),
            QCoreApplication.translate(
                "Errors", "Install libxi6 and libx11-6, or ask your administrator."
            )
            + " "
            + instead,
        )
    if reason == "no_user32":
        return (
            QCoreApplication.translate(
                "Errors",
                "Ticketwise cannot load the Windows library (user32) that recording steps needs.",
            ),
            QCoreApplication.translate(
                "Errors", "Restart Ticketwise; if it happens again, please report it."
            )
            + " "
            + instead,
        )
    if reason == "hook_failed":
        return (
            QCoreApplication.translate(
                "Errors",
                "Windows did not let Ticketwise watch clicks and key presses, so steps cannot "
                "be recorded.",
            ),
            QCoreApplication.translate(
                "Errors",
                "Security software may block it: ask your administrator to allow Ticketwise, "
                "then start the recording again.",
            )
            + " "
            + instead,
        )
    if reason == "lost":
        return (
            QCoreApplication.translate(
                "Errors",
                "Ticketwise stopped receiving your clicks and key presses (the connection to "
                "the display was lost): the recording stopped.",
            ),
            QCoreApplication.translate(
                "Errors", "The steps recorded until then are kept. Start a new recording to go on."
            ),
        )
    return (
        QCoreApplication.translate(
            "Errors", "This desktop session does not let Ticketwise record steps."
        ),
        QCoreApplication.translate(
            "Errors",
            "Steps can be recorded in an X11 session. You can still describe the steps "
            "yourself and attach screenshots.",
        ),
    )
