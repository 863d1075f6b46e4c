"""``main.py capture``: the screenshot command, kept out of ``app.cli`` so that the bootstrap can
run it without the full parser, the store or the profiles (about 30 ms of a ~150 ms process:
the issue compares it with scrot). ``app.cli`` adds the same arguments to its parser, so
``main.py --help`` and ``main.py capture --help`` agree. Never imports Qt (the capture backends
import QtGui only when mss fails).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.core.errors import UserFacingError

EXIT_OK, EXIT_USAGE = 0, 2
HELP = "save a screenshot as PNG"
DESCRIPTION = (
    "Save a screenshot as PNG (no metadata). Coordinates are the virtual desktop's, in device "
    "pixels; monitors are numbered from 1, left to right."
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
        "--list-monitors", action="store_true", help="print the monitors and their geometry"
    )
    parser.add_argument("--out", type=Path, metavar="FILE.png", help="where to write the PNG")


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
    if args.out is None:
        _err("capture needs --out FILE.png (where to write the screenshot)")
        return EXIT_USAGE
    if args.out.is_dir() or not args.out.parent.is_dir():
        _err(f"cannot write {args.out}: give a file name in an existing folder")
        return EXIT_USAGE
    if args.region is not None:
        target = capture.Target(region=capture.parse_region(args.region))
    else:
        target = capture.Target(monitor=args.monitor)
    shot, png = capture.capture(target, args.out)
    print(f"{args.out}: {shot.rect}, {_size(len(png))} ({shot.backend})")
    return EXIT_OK


def main(argv: Sequence[str]) -> int:
    """``main.py capture ARGS`` without the rest of the CLI (the bootstrap's fast path)."""
    parser = argparse.ArgumentParser(prog="ticketwise capture", description=DESCRIPTION)
    add_arguments(parser)
    args = parser.parse_args(list(argv))
    try:
        return run(args)
    except UserFacingError as exc:
        _err(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
