"""The command-line interface (a contract: see the README). Never imports Qt.

Exit codes: 0 done; 2 usage; 3 configuration; 4 authentication; 5 not reachable now (the item
stays queued); 6 rejected by the server.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from app import APP_NAME, __version__
from app.config.profiles import (
    DEFAULT_PORTS,
    HOOK_STYLES,
    IMAP_DEFAULT_PORTS,
    KINDS,
    SECURITY,
    Profile,
    validate,
)
from app.core.composer import sysinfo_block
from app.core.errors import ConfigError, NotReady, UserFacingError
from app.core.model import (
    NOT_A_BROWSER_PROBLEM,
    AttachmentRef,
    OutboxItem,
    Submission,
    new_submission_key,
    to_iso,
)
from app.core.sysinfo import FACT_KEYS, SystemInfo
from app.core.tickets import Article, Scope, Ticket
from app.services.context import AppContext

EXIT_OK, EXIT_USAGE, EXIT_CONFIG, EXIT_AUTH, EXIT_UNREACHABLE, EXIT_REJECTED = 0, 2, 3, 4, 5, 6


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (GUI flags and sub-commands)."""
    parser = argparse.ArgumentParser(
        prog="ticketwise",
        description=f"{APP_NAME}: file support tickets a help desk can act on at once. "
        "Without a command, the app window opens.",
    )
    parser.add_argument("--version", "-V", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--verbose", "-v", action="store_true", help="also log to stderr")
    parser.add_argument("--no-tray", action="store_true", help="GUI: do not show a tray icon")
    parser.add_argument("--minimized", action="store_true", help="GUI: start in the tray")
    parser.add_argument(
        "--capture",
        action="store_true",
        help="GUI: take a screenshot of a region into the current draft (in the running "
        "Ticketwise when there is one); 'capture' with no options does the same",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    profile = sub.add_parser("profile", help="manage help-desk profiles")
    psub = profile.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = psub.add_parser("add", help="add or replace a profile")
    add.add_argument("name")
    add.add_argument("--kind", default="smtp", choices=("smtp", "otrs", "rt", "zammad"))
    add.add_argument("--url", default="", help="web API base URL (API help desks)")
    add.add_argument("--host", default="", help="SMTP server")
    add.add_argument("--port", type=int, default=None)
    add.add_argument("--security", choices=SECURITY, default="starttls")
    add.add_argument("--user", default="", help="login name (a password is then needed)")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password (RT: or an auth token) from the first line of stdin",
    )
    add.add_argument("--to", default="", help="the help desk's support address")
    add.add_argument("--from", dest="from_address", default="", help="your own address")
    add.add_argument("--from-name", default="", help="your name as the help desk sees it")
    add.add_argument("--queue", default="", help="where new tickets go (API help desks)")
    add.add_argument("--priority", default="", help="e.g. '3 normal' (OTRS family)")
    add.add_argument("--ticket-type", default="", help="the ticket type, where the desk has types")
    add.add_argument(
        "--webservice",
        default="GenericTicketConnectorREST",
        help="OTRS/Znuny/OTOBO: the web service's name, unless --url already ends with it",
    )
    add.add_argument(
        "--portal-url", default="", help="the customer portal (e.g. .../otrs/customer.pl)"
    )
    add.add_argument("--ca-file", default="", help="extra CA certificates (PEM) to trust")
    add.add_argument(
        "--ticket-hook",
        default="Ticket#",
        help="the ticket hook in mail subjects: OTRS family 'Ticket#', RT its rtname",
    )
    add.add_argument(
        "--hook-style",
        choices=HOOK_STYLES,
        default=None,
        help="how the help desk tags mail subjects: otrs '[Ticket#N]', rt '[rtname #N]' "
        "(--kind rt implies rt; with rt, --ticket-hook is the rtname)",
    )
    imap = add.add_argument_group(
        "incoming mail (e-mail profiles): the mailbox where the help desk's replies arrive"
    )
    imap.add_argument("--imap-host", default="", help="IMAP server (empty: only send)")
    imap.add_argument("--imap-port", type=int, default=None)
    imap.add_argument("--imap-security", choices=SECURITY, default="ssl")
    imap.add_argument("--imap-user", default="", help="IMAP login (default: the --user)")
    imap.add_argument("--imap-folder", default="INBOX", help="the folder to read (default INBOX)")
    imap.add_argument(
        "--imap-password-stdin",
        action="store_true",
        help="the IMAP password differs: read it from the next line of stdin",
    )
    add.add_argument(
        "--include-sysinfo",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="whether the composer includes the system information in new tickets by default "
        "(the user sees it and can remove lines first; default: yes)",
    )
    add.add_argument("--default", action="store_true", help="make it the default profile")
    plist = psub.add_parser("list", help="list profiles")
    plist.add_argument("--json", action="store_true")
    show = psub.add_parser("show", help="show one profile (never the password)")
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    test = psub.add_parser("test", help="log in to the help desk and report")
    test.add_argument("name")
    test.add_argument("--json", action="store_true")
    remove = psub.add_parser("remove", help="delete a profile and its stored password")
    remove.add_argument("name")

    sync = sub.add_parser(
        "sync", help="read the help desk's replies from the mailbox (e-mail profiles with IMAP)"
    )
    sync.add_argument("--profile", default="", help="one profile (default: every one with IMAP)")
    sync.add_argument("--json", action="store_true")

    submit = sub.add_parser("submit", help="send a new ticket (queued if the server is down)")
    submit.add_argument("--profile", default="")
    submit.add_argument("--subject", required=True)
    body = submit.add_mutually_exclusive_group(required=True)
    body.add_argument("--body")
    body.add_argument("--body-file", type=Path)
    submit.add_argument("--attach", action="append", type=Path, default=[], metavar="FILE")
    submit.add_argument(
        "--browser",
        default="none",
        help="NAME (e.g. 'Firefox 128'), 'auto' (the default browser, as 'browsers' shows) "
        "or 'none'",
    )
    submit.add_argument(
        "--sysinfo",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="add the system information ('ticketwise sysinfo' shows it) under a 'System "
        "information' heading (default: no; the command line never adds it unasked, since "
        "nobody sees it before it goes)",
    )
    submit.add_argument(
        "--sysinfo-omit",
        action="append",
        default=[],
        choices=FACT_KEYS,
        metavar="FACT",
        help=f"leave this line out of the system information ({', '.join(FACT_KEYS)})",
    )
    submit.add_argument("--queue-only", action="store_true", help="queue without sending now")
    submit.add_argument("--json", action="store_true")

    tickets = sub.add_parser(
        "tickets",
        help="list your tickets (API help desks: asked now; e-mail: the mailbox is read first)",
        description="List your tickets: number, state, title, last change. Asked from the help "
        "desk now (e-mail profiles: after reading the mailbox) and kept, so that the last list "
        "is shown, with exit code 5, when it cannot be reached.",
    )
    tickets.add_argument("--profile", default="")
    tickets.add_argument(
        "--scope",
        choices=[s.value for s in Scope],
        default=Scope.MINE.value,
        help="yours, or your organisation's where the help desk allows (default: mine)",
    )
    tickets.add_argument(
        "--state",
        choices=("open", "closed", "all"),  # app.services.tickets.StateFilter, imported late
        default="all",
        help="open: every state that is not closed (default: all)",
    )
    tickets.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="only tickets whose title or number contains TEXT (any case)",
    )
    tickets.add_argument("--json", action="store_true")

    show = sub.add_parser(
        "show", help="one ticket with its messages (attachments listed, not downloaded)"
    )
    show.add_argument("ticket", metavar="TICKET", help="the ticket number the help desk gave")
    show.add_argument("--profile", default="")
    show.add_argument("--json", action="store_true")

    reply = sub.add_parser(
        "reply",
        help="add a follow-up to a ticket (through the outbox, like submit)",
        description="Add a follow-up to a ticket: through the outbox, like submit, with the same "
        "exit codes. Its subject is 'Re: <ticket title>'; e-mail help desks get the ticket's "
        "tag in it and the answered mail in In-Reply-To.",
    )
    reply.add_argument("ticket", metavar="TICKET", help="the ticket number the help desk gave")
    reply_body = reply.add_mutually_exclusive_group(required=True)
    reply_body.add_argument("--body")
    reply_body.add_argument("--body-file", type=Path)
    reply.add_argument("--attach", action="append", type=Path, default=[], metavar="FILE")
    reply.add_argument("--profile", default="")
    reply.add_argument(
        "--reopen",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="ask the help desk to reopen the ticket if it is closed (default: as the profile "
        "says; e-mail help desks and Request Tracker reopen on a follow-up by themselves)",
    )
    reply.add_argument(
        "--queue-only",
        action="store_true",
        help="queue without sending now (and without asking the help desk about the ticket)",
    )
    reply.add_argument("--json", action="store_true")

    outbox = sub.add_parser("outbox", help="tickets waiting to go out")
    osub = outbox.add_subparsers(dest="action", metavar="ACTION", required=True)
    olist = osub.add_parser("list", help="list the outbox")
    olist.add_argument("--json", action="store_true")
    flush = osub.add_parser("flush", help="try to send every queued ticket now")
    flush.add_argument("--json", action="store_true")

    browsers = sub.add_parser(
        "browsers", help="list the installed browsers with their versions, the default first"
    )
    browsers.add_argument("--json", action="store_true")

    sysinfo = sub.add_parser(
        "sysinfo",
        help="show the system information a ticket can include",
        description="Show the system information a ticket can include, exactly as it would be "
        "sent: operating system, desktop, architecture, locale, time zone, screens, app "
        "version, free disk space, and whether the help desk can be reached (a TCP connection, "
        "nothing sent). Facts that cannot be collected are left out and named on stderr.",
    )
    sysinfo.add_argument(
        "--profile", default="", help="the help desk to test the connection to (default: default)"
    )
    sysinfo.add_argument("--json", action="store_true")

    from app import cli_capture

    capture = sub.add_parser("capture", help=cli_capture.HELP, description=cli_capture.DESCRIPTION)
    cli_capture.add_arguments(capture)
    return parser


def _err(text: str) -> None:
    print(f"ticketwise: {text}", file=sys.stderr)


def _emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    """Run the parsed sub-command."""
    handlers = {
        "profile": _profile,
        "submit": _submit,
        "outbox": _outbox,
        "sync": _sync,
        "tickets": _tickets,
        "show": _show,
        "reply": _reply,
        "capture": _capture,
        "browsers": _browsers,
        "sysinfo": _sysinfo,
    }
    try:
        return handlers[args.command](args, ctx)
    except UserFacingError as exc:
        _err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (``... --json | head``): not an error of ours. Point stdout at
        # devnull so that the interpreter's final flush does not complain either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


# -- profile ----------------------------------------------------------------------------------


def _read_password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if args.user and sys.stdin.isatty():
        return getpass.getpass(f"Password for {args.user}: ")
    return None


def _profile_dict(profile: Profile, ctx: AppContext) -> dict[str, Any]:
    data = profile.to_dict()
    data["default"] = ctx.settings.get_str("default_profile") == profile.name
    data["admin_provided"] = profile.admin_provided
    return data


def _profile(args: argparse.Namespace, ctx: AppContext) -> int:
    action = args.action
    if action == "add":
        if args.kind not in KINDS:
            _err(
                f"this version cannot send to {args.kind!r} help desks yet "
                f"(available: {', '.join(KINDS)})"
            )
            return EXIT_CONFIG
        port = args.port if args.port is not None else DEFAULT_PORTS[args.security]
        hook_style = args.hook_style or ("rt" if args.kind == "rt" else "otrs")
        imap_port = (
            args.imap_port if args.imap_port is not None else IMAP_DEFAULT_PORTS[args.imap_security]
        )
        profile = Profile(
            name=args.name,
            kind=args.kind,
            url=args.url,
            host=args.host,
            port=port,
            security=args.security,
            login=args.user,
            to_address=args.to,
            from_address=args.from_address,
            from_name=args.from_name,
            queue=args.queue,
            priority=args.priority,
            ca_file=args.ca_file,
            # RT tags mail subjects "[rtname #N]": its hook is the rtname (none by default).
            ticket_hook=("" if args.ticket_hook == "Ticket#" else args.ticket_hook)
            if hook_style == "rt"
            else args.ticket_hook,
            hook_style=hook_style,
            imap_host=args.imap_host,
            imap_port=imap_port,
            imap_security=args.imap_security,
            imap_login=args.imap_user,
            imap_folder=args.imap_folder or "INBOX",
            ticket_type=args.ticket_type,
            webservice=args.webservice,
            portal_url=args.portal_url,
            include_sysinfo=args.include_sysinfo,
        )
        problems = validate(profile)
        if problems:
            for field, code in problems:
                _err(f"{field}: {code.replace('_', ' ')}")
            return EXIT_CONFIG
        password = _read_password(args)
        imap_password = sys.stdin.readline().rstrip("\r\n") if args.imap_password_stdin else ""
        ctx.profiles.save(profile)
        if password:
            ctx.secrets.set(profile.keyring_user, password)
        if imap_password:
            ctx.secrets.set(profile.imap_keyring_user, imap_password)
        if args.default or not ctx.settings.get_str("default_profile"):
            ctx.settings.set("default_profile", profile.name)
        print(
            f"profile {profile.name!r} saved"
            + (" (password stored in the system keyring)" if password else "")
        )
        if profile.needs_password and not (password or imap_password):
            _err("no password was given: use --password-stdin, or set it in the app")
        return EXIT_OK
    if action == "list":
        profiles = [_profile_dict(p, ctx) for p in ctx.profiles]
        if args.json:
            _emit_json(profiles)
        else:
            for p in profiles:
                mark = "*" if p["default"] else " "
                print(f"{mark} {p['name']}\t{p['kind']}\t{p['to_address'] or p['url']}")
            if not profiles:
                print("no profiles yet: ticketwise profile add NAME --to support@example.com ...")
        return EXIT_OK
    if action == "show":
        data = _profile_dict(ctx.profiles.get(args.name), ctx)
        if args.json:
            _emit_json(data)
        else:
            for key, value in data.items():
                print(f"{key}: {value}")
        return EXIT_OK
    if action == "test":
        from app.services.outbox import OutboxService

        connector = OutboxService(ctx).connector_for(args.name)
        identity = connector.identify()
        if args.json:
            _emit_json(dataclasses.asdict(identity))
        else:
            print(f"Connected as {identity.display}")
        return EXIT_OK
    if action == "remove":
        profile = ctx.profiles.get(args.name)
        ctx.profiles.remove(args.name)
        try:
            ctx.secrets.delete(profile.keyring_user)
            if profile.imap_host:
                ctx.secrets.delete(profile.imap_keyring_user)
        except UserFacingError as exc:
            _err(f"the profile is gone, but its password could not be removed: {exc}")
        if ctx.settings.get_str("default_profile") == args.name:
            ctx.settings.set("default_profile", "")
        print(f"profile {args.name!r} removed")
        return EXIT_OK
    raise AssertionError(action)


# -- submit / outbox --------------------------------------------------------------------------


def _item_dict(item: OutboxItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "submission_key": item.submission.submission_key,
        "profile": item.submission.profile,
        "subject": item.submission.subject,
        "state": item.state.value,
        "attempts": item.attempts,
        "next_attempt_at": to_iso(item.next_attempt_at),
        "error_kind": item.error_kind,
        "error": item.error_text,
        "ticket_number": item.ticket_number,
        "ticket_id": item.ticket_id,
        "follow_up_to": item.submission.ticket_number,
        "url": item.ticket_url,
        "created_at": to_iso(item.submission.created_at),
        "sent_at": to_iso(item.sent_at),
        "attachments": [a.name for a in item.submission.attachments],
    }


def _read_body(args: argparse.Namespace) -> str | None:
    """The text of --body or --body-file; None (reported) when the file cannot be read."""
    if args.body_file is None:
        return str(args.body)
    try:
        return str(args.body_file.read_text(encoding="utf-8"))
    except OSError as exc:
        _err(f"cannot read {args.body_file}: {exc.strerror}")
        return None


def _store_attachments(args: argparse.Namespace, ctx: AppContext) -> list[AttachmentRef] | None:
    """The --attach files as blobs; None (reported) when one is missing."""
    from app.services.drafts import DraftService

    missing = [path for path in args.attach if not path.is_file()]
    if missing:
        _err(f"attachment not found: {missing[0]}")
        return None
    drafts = DraftService(ctx)
    return [drafts.store_file(path) for path in args.attach]


def _submit(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.outbox import OutboxService

    profile = ctx.resolve_profile(args.profile)
    body = _read_body(args)
    if body is None:
        return EXIT_USAGE
    if not args.subject.strip() or not body.strip():
        raise NotReady("the subject and the body must not be empty")
    browser = args.browser.strip()
    if browser.lower() == "auto":
        browser = _auto_browser(ctx)
        if browser is None:
            return EXIT_USAGE
    if browser and browser.lower() not in ("none", NOT_A_BROWSER_PROBLEM):
        body = body.rstrip("\n") + f"\n\nBrowser: {browser}\n"
    attachments = _store_attachments(args, ctx)
    if attachments is None:
        return EXIT_USAGE
    report: dict[str, Any] = {}
    if args.sysinfo:
        from app.services.sysinfo import collect_for

        info = collect_for(ctx, profile.name).without(args.sysinfo_omit)
        _sysinfo_errors(args, info)
        report["sysinfo"] = _sysinfo_dict(info)
        block = sysinfo_block(info.render_text())
        if block:  # the same heading and text the composer's body has (render_body)
            body = body.rstrip("\n") + f"\n\n{block}\n"
    outbox = OutboxService(ctx)
    item = outbox.submit(
        Submission(
            submission_key=new_submission_key(),
            profile=profile.name,
            subject=args.subject.strip(),
            body=body,
            attachments=tuple(attachments),
        )
    )
    return _deliver(args, outbox, item, report)


def _deliver(
    args: argparse.Namespace, outbox: Any, item: OutboxItem, extra: dict[str, Any] | None = None
) -> int:
    """Send a queued item now (unless --queue-only) and report as submit and reply do
    (``extra`` goes into the --json report)."""
    from app.services.outbox import Outcome

    what = "follow-up" if item.submission.is_follow_up else "ticket"
    if args.queue_only:
        return _report_submit(args, item, "queued", extra)
    result = outbox.send_one(item.id)
    final = outbox.repo.get(item.id) or item
    if result.outcome is Outcome.SENT:
        return _report_submit(args, final, "sent", extra)
    if result.outcome is Outcome.RETRY:
        _report_submit(args, final, "queued", extra)
        _err(
            f"not sent now ({result.error}); it stays queued and is retried "
            "(ticketwise outbox flush)"
        )
        return EXIT_UNREACHABLE
    if result.outcome is Outcome.UNKNOWN:
        _report_submit(args, final, "unknown", extra)
        _err(f"{result.error}; check with the help desk before sending again")
        return EXIT_UNREACHABLE
    _report_submit(args, final, "failed", extra)
    error = result.error or ConfigError("not sent")
    _err(f"not sent: {error}. The {what} is kept in the outbox.")
    return error.exit_code


def _report_submit(
    args: argparse.Namespace, item: OutboxItem, status: str, extra: dict[str, Any] | None = None
) -> int:
    follow_up = item.submission.is_follow_up
    if args.json:
        _emit_json({"status": status, **_item_dict(item), **(extra or {})})
    elif status == "sent" and follow_up:
        print(f"Follow-up added to ticket {item.ticket_number or item.submission.ticket_number}")
    elif status == "sent":
        print(
            f"Ticket {item.ticket_number} created"
            if item.ticket_number
            else f"Sent: {item.submission.subject}"
        )
    elif status == "queued" and follow_up:
        print(
            f"Queued (outbox item {item.id}): follow-up to ticket {item.submission.ticket_number}"
        )
    elif status == "queued":
        print(f"Queued (outbox item {item.id}): {item.submission.subject}")
    return EXIT_OK


def _outbox(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.action == "list":
        items = ctx.outbox_repo.list_items()
        if args.json:
            _emit_json([_item_dict(i) for i in items])
        else:
            for i in items:
                extra = i.ticket_number or i.error_text
                print(
                    f"{i.id}\t{i.state.value}\t{i.submission.profile}\t{i.submission.subject}"
                    + (f"\t{extra}" if extra else "")
                )
            if not items:
                print("the outbox is empty")
        return EXIT_OK
    from app.services.outbox import OutboxService, Outcome

    outbox = OutboxService(ctx)
    outbox.recover()
    results = outbox.flush(ignore_backoff=True)
    if args.json:
        _emit_json(
            [
                {
                    "id": r.item_id,
                    "outcome": r.outcome.value,
                    "ticket_number": r.ticket_number,
                    "error": str(r.error) if r.error else "",
                    "next_attempt_at": to_iso(r.next_attempt_at),
                }
                for r in results
            ]
        )
    else:
        for r in results:
            print(f"{r.item_id}\t{r.outcome.value}\t{r.ticket_number or (r.error or '')}")
        if not results:
            print("nothing to send")
    worst = EXIT_OK
    for r in results:
        if r.outcome in (Outcome.RETRY, Outcome.UNKNOWN):
            worst = max(worst, EXIT_UNREACHABLE)
        elif r.outcome is Outcome.FAILED and r.error is not None:
            worst = max(worst, r.error.exit_code)
    return worst


# -- sync -------------------------------------------------------------------------------------


def _sync(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.mailsync import MailSyncService, SyncReport

    service = MailSyncService(ctx)
    names = [args.profile] if args.profile else service.profiles()
    if not names:
        _err("no profile reads a mailbox: add one with profile add ... --imap-host HOST")
        return EXIT_CONFIG
    reports: list[SyncReport] = []
    failures: list[tuple[str, UserFacingError]] = []
    for name in names:
        try:
            reports.append(service.sync(name))
        except UserFacingError as exc:
            failures.append((name, exc))
            if not args.json:
                _err(f"{name}: {exc}")
    if args.json:
        _emit_json(
            [_report_dict(r) for r in reports]
            + [
                {"profile": name, "error": str(exc), "error_kind": exc.kind}
                for name, exc in failures
            ]
        )
    else:
        for report in reports:
            _print_report(report)
    return max((exc.exit_code for _name, exc in failures), default=EXIT_OK)


def _report_dict(report: Any) -> dict[str, Any]:
    return {
        "profile": report.profile,
        "new_tickets": [
            {"id": t.id, "number": t.number, "title": t.title, "state": t.state_type.value}
            for t in report.new_tickets
        ],
        "new_articles": [
            {
                "ticket": a.ticket_id,
                "id": a.id,
                "sender": a.sender.value,
                "from": a.from_,
                "subject": a.subject,
                "created_at": to_iso(a.created_at),
            }
            for a in report.new_articles
        ],
        "state_changes": [
            {"ticket": t.id, "old": old, "new": t.state or t.state_type.value}
            for t, old in report.state_changes
        ],
        "numbers_learnt": [
            {
                "item": n.item_id,
                "ticket_number": n.ticket_number,
                "subject": n.subject,
                "how": n.how,
            }
            for n in report.numbers_learnt
        ],
        "skipped": report.skipped,
    }


def _print_report(report: Any) -> None:
    replies = report.replies
    print(
        f"{report.profile}: {len(report.new_tickets)} new tickets, {len(replies)} new replies, "
        f"{len(report.state_changes)} state changes, "
        f"{len(report.numbers_learnt)} ticket numbers learnt"
        + (f", {report.skipped} unreadable mails skipped" if report.skipped else "")
    )
    for n in report.numbers_learnt:
        print(f"  sent ticket {n.item_id} ({n.subject}) is Ticket#{n.ticket_number}")
    for t in report.new_tickets:
        print(f"  new ticket {t.number}: {t.title}")
    for a in replies:
        print(f"  reply on {a.ticket_id} from {a.from_}: {a.subject}")
    for t, old in report.state_changes:
        print(f"  {t.number}: {old} -> {t.state or t.state_type.value}")


# -- tickets / show / reply -------------------------------------------------------------------


def _ticket_number(text: str) -> str | None:
    """The ticket number as typed (``#123`` too); None (reported) when it is not one."""
    number = text.strip().lstrip("#").strip()
    if not number.isdigit():
        _err(f"{text!r} is not a ticket number: give the number the help desk gave (digits)")
        return None
    return number


def _local_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else "-"


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


def _ticket_dict(ticket: Ticket) -> dict[str, Any]:
    return {
        "number": ticket.number,
        "id": ticket.id,
        "title": ticket.title,
        "state": ticket.state or ticket.state_type.value,
        "state_type": ticket.state_type.value,
        "queue": ticket.queue,
        "priority": ticket.priority,
        "customer_user": ticket.customer_user,
        "customer_id": ticket.customer_id,
        "created_at": to_iso(ticket.created_at),
        "changed_at": to_iso(ticket.changed_at),
        "url": ticket.url,
    }


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "sender": article.sender.value,
        "from": article.from_,
        "to": article.to,
        "subject": article.subject,
        "created_at": to_iso(article.created_at),
        "message_id": article.message_id,
        "body": article.body,
        "attachments": [
            {"id": a.id, "filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in article.attachments
        ],
    }


def _source_dict(view: Any) -> dict[str, Any]:
    return {
        "profile": view.profile,
        "source": view.source.value,
        "error": str(view.error) if view.error else "",
        "error_kind": view.error.kind if view.error else "",
    }


def _from_mirror(view: Any) -> int:
    """When the help desk was not reachable and the local copy was shown: say so, exit 5."""
    if view.error is None:
        return EXIT_OK
    _err(f"{view.error}; this is the local copy from the last time, which may be out of date")
    return int(view.error.exit_code)


def _tickets(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.tickets import StateFilter, TicketService

    listing = TicketService(ctx).list_tickets(
        args.profile,
        scope=Scope(args.scope),
        state=StateFilter(args.state),
        search=args.search,
    )
    if args.json:
        _emit_json(
            {
                **_source_dict(listing),
                "scope": listing.scope.value,
                "filter": {"state": args.state, "search": args.search},
                "tickets": [_ticket_dict(t) for t in listing.tickets],
            }
        )
    else:
        for t in listing.tickets:
            state = t.state or t.state_type.value
            print(f"{t.number}\t{state}\t{t.title}\t{_local_time(t.changed_at)}")
        if not listing.tickets:
            print("no tickets" + ("" if args.state == "all" and not args.search else " match"))
    return _from_mirror(listing)


def _show(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.tickets import TicketService

    number = _ticket_number(args.ticket)
    if number is None:
        return EXIT_USAGE
    view = TicketService(ctx).thread(number, args.profile)
    ticket, articles = view.thread.ticket, view.thread.articles
    if args.json:
        _emit_json(
            {
                **_source_dict(view),
                "ticket": _ticket_dict(ticket),
                "articles": [_article_dict(a) for a in articles],
            }
        )
        return _from_mirror(view)
    print(f"Ticket {ticket.number}: {ticket.title}")
    facts = [f"State: {ticket.state or ticket.state_type.value}"]
    facts += [f"Queue: {ticket.queue}"] if ticket.queue else []
    facts.append(f"Changed: {_local_time(ticket.changed_at)}")
    print("   ".join(facts))
    if ticket.url:
        print(ticket.url)
    for index, article in enumerate(articles, 1):
        who = article.from_ or article.sender.value
        print(f"\n[{index}] {article.sender.value}, {who}, {_local_time(article.created_at)}")
        print(f"Subject: {article.subject}")
        print()
        print(article.body.rstrip("\n") or "(no text)")
        if article.attachments:
            print("\nAttachments:")
            for a in article.attachments:
                print(f"  {a.filename} ({_size(a.size)})")
    if not articles:
        print("\n(no messages in the local copy)" if view.error else "\n(no messages)")
    return _from_mirror(view)


def _reply(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.outbox import OutboxService
    from app.services.tickets import TicketService

    number = _ticket_number(args.ticket)
    if number is None:
        return EXIT_USAGE
    body = _read_body(args)
    if body is None:
        return EXIT_USAGE
    if not body.strip():
        raise NotReady("the body must not be empty")
    missing = [path for path in args.attach if not path.is_file()]
    if missing:
        _err(f"attachment not found: {missing[0]}")
        return EXIT_USAGE
    submission = TicketService(ctx).follow_up(
        number,
        body,
        profile_name=args.profile,
        reopen=args.reopen,
        check=not args.queue_only,
    )
    attachments = _store_attachments(args, ctx)
    if attachments is None:
        return EXIT_USAGE
    outbox = OutboxService(ctx)
    item = outbox.submit(dataclasses.replace(submission, attachments=tuple(attachments)))
    return _deliver(args, outbox, item)


# -- browsers ---------------------------------------------------------------------------------


def _browsers(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.browsers import BrowserService

    report = BrowserService(ctx).refresh()  # always fresh here; it also warms the GUI's cache
    if args.json:
        _emit_json(report.to_dict())
        return EXIT_OK
    for found in report.browsers:
        print(f"{found.label()}  [{found.install}: {found.path}]")
    if not report.browsers:
        print("No browser found")
    default = report.default
    print(f"Default browser: {default.name if default else 'unknown'}")
    for error in report.errors:  # collecting diagnostics never fails: a note, exit code 0
        _err(f"note: {error}")
    return EXIT_OK


def _auto_browser(ctx: AppContext) -> str | None:
    """``--browser auto``: the default browser, or the only one installed; None (after saying
    why) when neither is known."""
    from app.services.browsers import BrowserService

    report = BrowserService(ctx).refresh()
    chosen = report.default or (report.browsers[0] if len(report.browsers) == 1 else None)
    if chosen is not None:
        return chosen.label()
    if report.browsers:
        names = "; ".join(b.label() for b in report.browsers)
        _err(
            f"--browser auto: the default browser is unknown and {len(report.browsers)} are "
            f"installed ({names}); give the browser's name"
        )
    else:
        _err("--browser auto: no installed browser was found; give the browser's name or 'none'")
    return None


# -- capture ---------------------------------------------------------------------------------


def _capture(args: argparse.Namespace, ctx: AppContext) -> int:
    from app import cli_capture

    return cli_capture.run(args)


# -- sysinfo ---------------------------------------------------------------------------------


def _sysinfo_dict(info: SystemInfo) -> dict[str, Any]:
    """Facts, errors, and the text exactly as a ticket carries it."""
    return {**info.to_dict(), "text": info.render_text()}


def _sysinfo_errors(args: argparse.Namespace, info: SystemInfo) -> None:
    """Name the facts that could not be collected (on stderr; --json has them in the report)."""
    if not args.json:
        for key, message in info.errors:
            _err(f"system information: no {key} line: {message}")


def _sysinfo(args: argparse.Namespace, ctx: AppContext) -> int:
    from app.services.sysinfo import collect_for

    if args.profile:
        ctx.profiles.get(args.profile)  # a name that is not a profile is a mistake: exit 3
    info = collect_for(ctx, args.profile or None)
    if args.json:
        _emit_json(_sysinfo_dict(info))
        return EXIT_OK
    _sysinfo_errors(args, info)
    text = info.render_text()
    if text:
        print(text)
    return EXIT_OK
