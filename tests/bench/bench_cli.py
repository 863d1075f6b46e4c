"""CLI start-up figures: ``main.py --version`` and ``main.py outbox list`` vs ``python -c pass``.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python); it is a script
that prints figures, not a pytest test. Every command runs in a fresh interpreter, round-robin, a
few warm-up rounds first; the table gives the median wall time and its ratio to the bare
interpreter measured in the same run. ``outbox list`` reads a throw-away TICKETWISE_HOME whose
outbox holds ``--items`` tickets, queued through the services like a user's.

It also checks that neither command imports Qt (``-X importtime`` of each): the CLI must start
without it (design.md). That check, and a command failing, make the exit code 1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"
KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"
QT_PACKAGES = ("PySide6", "shiboken6")


@dataclass
class Case:
    """One command to time."""

    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)


def seed_home(home: Path, items: int) -> None:
    """A TICKETWISE_HOME with a profile and ``items`` outbox entries (some sent, some failed)."""
    sys.path.insert(0, str(ROOT))
    from app.config.paths import resolve_paths
    from app.config.profiles import Profile
    from app.core.model import Submission, new_submission_key
    from app.services.context import AppContext
    from app.services.drafts import DraftService
    from app.services.outbox import OutboxService

    ctx = AppContext.create(resolve_paths({"TICKETWISE_HOME": str(home)}))
    try:
        ctx.profiles.save(
            Profile(
                name="bench",
                to_address="support@example.com",
                from_address="user@example.com",
                host="127.0.0.1",
                port=2525,
                security="none",
            )
        )
        outbox = OutboxService(ctx)
        drafts = DraftService(ctx)
        screenshot = drafts.store_bytes("screenshot.png", b"\x89PNG\r\n\x1a\n" + bytes(4096))
        for number in range(items):
            item = outbox.submit(
                Submission(
                    submission_key=new_submission_key(),
                    profile="bench",
                    subject=f"Printer on floor {number % 7} rejects job #{number}",
                    body="What happened:\nThe job vanished.\n\nSteps:\n1. Print\n" * 20,
                    attachments=(screenshot,) if number % 3 == 0 else (),
                )
            )
            if number % 5 == 1:  # a realistic mix of states, through the store's transitions
                assert ctx.outbox_repo.claim(item.id)
                ctx.outbox_repo.mark_sent(item.id, f"2024{number:012d}")
            elif number % 10 == 2:
                assert ctx.outbox_repo.claim(item.id)
                ctx.outbox_repo.mark_failed(item.id, "rejected", "mailbox unavailable")
    finally:
        ctx.close()


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Wall time of one run, in seconds (the command must succeed)."""
    start = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(
            f"bench_cli: {' '.join(argv)} exited with {proc.returncode}:\n"
            + proc.stderr.decode(errors="replace")
        )
    return elapsed


def imported_modules(argv: list[str], env: dict[str, str]) -> list[str]:
    """Every module the command imports, from ``python -X importtime``."""
    proc = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    modules = []
    for line in proc.stderr.splitlines():
        # "import time: self [us] | cumulative | imported package"
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name and name != "imported package":
                modules.append(name)
    return modules


def qt_modules(modules: list[str]) -> list[str]:
    """The Qt ones among ``modules``."""
    return [m for m in modules if m.split(".")[0] in QT_PACKAGES]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--warmups", type=int, default=2, help="untimed runs first")
    parser.add_argument("--items", type=int, default=200, help="outbox items for 'outbox list'")
    args = parser.parse_args()

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="tw-bench-") as tmp:
        home = Path(tmp) / "home"
        env = dict(os.environ)
        env.update(
            TICKETWISE_HOME=str(home),
            PYTHON_KEYRING_BACKEND=KEYRING_BACKEND,
            XDG_DATA_HOME=str(Path(tmp) / "xdg-data"),  # where keyrings.alt keeps its file
            LOCALAPPDATA=str(Path(tmp) / "xdg-data"),
            # Bytecode cached as in an installed app (pip compiles it), in a throw-away prefix
            # so the checkout stays clean even where PYTHONDONTWRITEBYTECODE is set.
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
        )
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        seed_start = time.perf_counter()
        seed_home(home, args.items)
        seed_ms = (time.perf_counter() - seed_start) * 1000

        cases = [
            Case("python -c pass", [python, "-c", "pass"]),
            Case("main.py --version", [python, str(MAIN), "--version"]),
            Case(f"main.py outbox list ({args.items})", [python, str(MAIN), "outbox", "list"]),
        ]
        listed = subprocess.run(
            cases[2].argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
        lines = listed.stdout.splitlines()
        if listed.returncode != 0 or len(lines) != args.items:
            print(
                f"bench_cli: 'outbox list' gave exit {listed.returncode} and {len(lines)} lines "
                f"for {args.items} items:\n{listed.stderr}",
                file=sys.stderr,
            )
            return 1

        for _ in range(args.warmups):
            for case in cases:
                run_once(case.argv, env)
        for _ in range(args.runs):  # round-robin, so drift hits every command alike
            for case in cases:
                case.times.append(run_once(case.argv, env))
        for case in cases:
            case.modules = imported_modules(case.argv, env)

        # The detector must see Qt where it is, or its "none" below would mean nothing.
        control = imported_modules([python, "-c", "import PySide6.QtCore"], env)
        detector_ok = bool(qt_modules(control))

    baseline = statistics.median(cases[0].times)
    print(
        f"\nCLI start-up: median of {args.runs} runs after {args.warmups} warm-ups each; "
        f"Python {sys.version.split()[0]} ({python})"
    )
    print(f"(outbox seeded with {args.items} items through the services in {seed_ms:.0f} ms)\n")
    header = f"{'command':<28} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x base':>7}"
    header += f" {'modules':>8}  Qt imported"
    print(header)
    print("-" * len(header))
    failures = []
    for case in cases:
        median = statistics.median(case.times)
        qt = qt_modules(case.modules)
        if case is cases[0]:
            qt_text = "-"
        else:
            qt_text = ", ".join(qt[:3]) + (" ..." if len(qt) > 3 else "") if qt else "none"
            if qt:
                failures.append(f"{case.label} imports Qt: {', '.join(qt)}")
        print(
            f"{case.label:<28} {median * 1000:>10.1f} {min(case.times) * 1000:>8.1f} "
            f"{max(case.times) * 1000:>8.1f} {median / baseline:>7.2f} "
            f"{len(case.modules):>8}  {qt_text}"
        )
    print()
    if not detector_ok:
        failures.append("the Qt import check is broken: it did not see 'import PySide6.QtCore'")
    for failure in failures:
        print(f"bench_cli: FAILED: {failure}", file=sys.stderr)
    if not failures:
        print("Qt check: neither command imports PySide6 (shiboken6 included).")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
