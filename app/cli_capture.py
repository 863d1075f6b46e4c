"""``main.py capture``: the screenshot command, kept out of ``app.cli`` so that the bootstrap can
run it without the full parser, the store or the profiles (the issue compares this command with
scrot, a C program: every import counts). ``app.cli`` adds the same arguments to its parser, so
``main.py --help`` and ``main.py capture --help`` agree. Never imports Qt (the capture backends
import QtGui only when mss fails).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from app.core.errors import UserFacingError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:  # argparse is loaded only when the quick parse cannot do (help, mistakes)
    import argparse
    from typing import Any

EXIT_OK, EXIT_USAGE = 0, 2
HELP = "save a screenshot as PNG"
DESCRIPTION = (
    "Save a screenshot as PNG (no metadata). Coordinates are the virtual desktop's, in device "
    "pixels; monitors are numbered from 1, left to right. Without any option, 'capture' lets "
    "you select a region in the running Ticketwise (starting it when needed) and attaches it "
    "to the ticket being written."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The capture command's arguments, on its sub-parser (app.cli) or its own (fast path)."""
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--all", action="store_true", help="the whole desktop, every monitor")
    what.add_argument("--monitor", type=int, metavar="N", help="monitor N (1 is the leftmost)")
    what.add_argument(
        "--region",
        metavar="X,Y,W,H",
        help="a rectangle of the desktop (a negative X or Y: --region=-1920,0,800,600)",
    )
    what.add_argument(
        "--window",
        metavar="WINDOW",
        help="a window with its frame: 'active', or (part of) a title; the topmost one that "
        "matches (covered parts show what covers them)",
    )
    what.add_argument(
        "--list-monitors", action="store_true", help="print the monitors and their geometry"
    )
    what.add_argument(
        "--list-windows", action="store_true", help="print the windows, topmost first"
    )
    parser.add_argument("--out", metavar="FILE.png", help="where to write the PNG")


def _err(text: str) -> None:
    print(f"ticketwise: {text}", file=sys.stderr)


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / (1024 * 1024):.1f} MiB"


def run(args: argparse.Namespace) -> int:
    """Run the parsed capture command; user-facing errors are left to the caller."""
    from app.services import capture

    if args.list_monitors:
        for monitor in capture.monitors():
            print(monitor)
        return EXIT_OK
    if getattr(args, "list_windows", False):
        for window in capture.windows():
            print(f"{window.rect}  {window.title}")
        return EXIT_OK
    if args.out is None:
        _err("capture needs --out FILE.png (where to write the screenshot)")
        return EXIT_USAGE
    import os.path

    folder = os.path.dirname(os.path.abspath(args.out))
    if os.path.isdir(args.out) or not os.path.isdir(folder):
        _err(f"cannot write {args.out}: give a file name in an existing folder")
        return EXIT_USAGE
    if args.region is not None:
        target = capture.Target(region=capture.parse_region(args.region))
    elif getattr(args, "window", None) is not None:
        target = capture.Target(region=capture.window_region(args.window))
    else:
        target = capture.Target(monitor=args.monitor)
    shot, png = capture.capture(target, args.out)
    print(f"{args.out}: {shot.rect}, {_size(len(png))} ({shot.backend})")
    return EXIT_OK


def quick_parse(argv: Sequence[str]) -> argparse.Namespace | None:
    """The common forms (``--all``, ``--monitor N``, ``--region X,Y,W,H`` with ``--out F``)
    without argparse, whose import and parser cost a tenth of this command's run; None for
    anything else (help, mistakes, --list-monitors), which argparse handles and explains."""
    values: dict[str, Any] = {
        "all": False,
        "monitor": None,
        "region": None,
        "list_monitors": False,
        "window": None,
        "list_windows": False,
        "out": None,
    }
    targets = 0
    args = list(argv)
    while args:
        arg = args.pop(0)
        name, eq, value = arg.partition("=")
        if name == "--all" and not eq:
            values["all"], targets = True, targets + 1
            continue
        if name not in ("--monitor", "--region", "--out"):
            return None
        if not eq:
            if not args or args[0].startswith("--"):
                return None
            value = args.pop(0)
        key = name[2:]
        if values[key] is not None:
            return None
        if key == "monitor":
            if not value.isdigit():
                return None
            values[key], targets = int(value), targets + 1
        elif key == "region":
            values[key], targets = value, targets + 1
        else:
            values[key] = value
    if targets != 1:
        return None
    return _Namespace(values)  # type: ignore[return-value]  # the same attributes


class _Namespace:
    """The attributes argparse.Namespace would hold, without importing argparse."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def main(argv: Sequence[str], on_failure: Callable[[str], None] | None = None) -> int:
    """``main.py capture ARGS`` without the rest of the CLI (the bootstrap's fast path);
    ``on_failure`` gets the reason of a capture that failed (the bootstrap logs it)."""
    args = quick_parse(argv)
    if args is None:
        import argparse

        parser = argparse.ArgumentParser(prog="ticketwise capture", description=DESCRIPTION)
        add_arguments(parser)
        args = parser.parse_args(list(argv))
    try:
        return run(args)
    except UserFacingError as exc:
        _err(str(exc))
        if on_failure is not None:
            on_failure(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
