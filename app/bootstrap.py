"""Composition root: parse the command line, set up paths, logging and the crash hook, then start
the GUI (no sub-command) or run the CLI.

Kept light on purpose: ``--version`` imports nothing but this module, and the CLI never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:  # argparse is imported where it is used: the capture fast path needs none
    import argparse


def main(argv: Sequence[str] | None = None) -> int:
    """Run Ticketwise; returns the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        from app import APP_NAME, __version__

        print(f"{APP_NAME} {__version__}")
        return 0

    if args_list[:1] == ["capture"] and args_list[1:]:
        return _capture(args_list[1:])
    if args_list == ["capture"]:  # interactive: a region, into the running app's draft
        args_list = ["--capture"]

    args = gui_args(args_list)
    if args is None:  # a sub-command, --help, or something to report as a usage error
        from app.cli import build_parser

        args = build_parser().parse_args(args_list)

    from app.config.paths import resolve_paths

    paths = resolve_paths().ensure()
    setup_logging(paths.log_file, verbose=getattr(args, "verbose", False))

    from app.services.context import AppContext

    ctx = AppContext.create(paths)
    if args.command:
        from app.cli import run

        try:
            return run(args, ctx)
        finally:
            ctx.close()

    from app.services import instance

    # Another Ticketwise on this data folder: hand it the request and stop (no Qt loaded).
    request = {"command": "capture", "mode": "region"} if args.capture else {"command": "activate"}
    reply = instance.request(instance.address(paths.data_dir), request)
    if reply is not None:
        if not reply.get("ok"):
            print(f"ticketwise: the running Ticketwise said: {reply.get('error')}", file=sys.stderr)
            return 1
        return 0

    from app.ui.application import run_gui

    return run_gui(ctx, args)


def _capture(args: list[str]) -> int:
    """``capture``: needs neither the full CLI parser nor the services' context, and a capture
    that works does not even set up logging (the paths, the rotating file handler: start-up
    time, and the issue measures this command against scrot). A failure is logged where the
    app logs."""
    from app.cli_capture import main as capture_main

    def log_failure(text: str) -> None:
        import logging

        from app.config.paths import resolve_paths

        setup_logging(resolve_paths().ensure().log_file)
        logging.getLogger("app.cli_capture").warning("capture %s: %s", " ".join(args), text)

    return capture_main(args, on_failure=log_failure)


GUI_FLAGS = {
    "--no-tray": "no_tray",
    "--minimized": "minimized",
    "--capture": "capture",
    "--verbose": "verbose",
    "-v": "verbose",
}


def gui_args(args: Sequence[str]) -> argparse.Namespace | None:
    """The parsed arguments when they only start the GUI, without building the CLI's parser
    (its sub-commands cost start-up time); None for anything else. Must agree with
    ``app.cli.build_parser`` (a test checks it)."""
    if any(arg not in GUI_FLAGS for arg in args):
        return None
    import argparse

    values = {
        "command": None,
        "no_tray": False,
        "minimized": False,
        "capture": False,
        "verbose": False,
    }
    for arg in args:
        values[GUI_FLAGS[arg]] = True
    return argparse.Namespace(**values)


def setup_logging(log_file: object, *, verbose: bool = False) -> None:
    """A rotating log file with secrets masked; warnings on stderr when ``verbose``."""
    import logging
    import logging.handlers
    from pathlib import Path

    from app.core.redact import RedactingFilter

    root = logging.getLogger()
    if any(getattr(h, "_ticketwise", False) for h in root.handlers):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler: logging.Handler
    try:
        handler = logging.handlers.RotatingFileHandler(
            Path(str(log_file)), maxBytes=2 * 1024 * 1024, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)  # an unwritable log folder must not stop us
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    handler.addFilter(RedactingFilter())
    setattr(handler, "_ticketwise", True)  # noqa: B010 - marks our handler for idempotence
    root.addHandler(handler)
    if verbose:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.DEBUG)
        stream.addFilter(RedactingFilter())
        root.addHandler(stream)
    logging.captureWarnings(True)
