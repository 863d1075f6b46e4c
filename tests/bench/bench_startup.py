"""GUI start-up figures: start to first paint of the main window vs a bare PySide6 window.

Run by ``python3 installer/dev.py bench`` (or directly with the venv's python); it is a script
that prints figures, not a pytest test. The requirement it checks: the median time from starting
``python main.py --no-tray`` to the first paint of the main window is at most ``--limit`` (1.3)
times that of a bare PySide6 window (QApplication, one 1120x760 QWidget, show) measured in the
same run, on an Xvfb of its own.

Three cases, round-robin (the order rotates every round) after a few warm-up rounds, each in a
fresh interpreter, so drift and caches hit them alike:

- ``bare``: the bare window; prints "first-paint" at its first QEvent.Paint.
- ``app, cold home``: a fresh, empty TICKETWISE_HOME per run (the very first start).
- ``app, warm home``: a copy per run of a home seeded through the services with a profile,
  3 drafts and 20 outbox items (sent and failed, none queued): every later start.

The app reports its first paint through its TICKETWISE_EXIT_AFTER_FIRST_PAINT hook. A run's time
is the wall time from Popen to reading the "first-paint" line; each process is then waited for,
so the next run never shares the CPU with the previous one's shutdown.

Bytecode is cached as in an installed app (pip compiles it), but in a throw-away
PYTHONPYCACHEPREFIX, so the checkout stays clean even where PYTHONDONTWRITEBYTECODE is set.

It also prints the 15 imports with the largest cumulative time before the app's first paint
(``-X importtime``), to show what is worth importing lazily. Exit code 1 when a median ratio is
above the limit or a run fails; 0 with a notice when there is no Xvfb to measure on.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
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
MARKER = "first-paint"
WIDTH, HEIGHT = 1120, 760  # the main window's size

BARE_SCRIPT = f'''\
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        self.done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, report)
        return False


def report():
    print("{MARKER}", flush=True)
    app.quit()


app = QApplication(sys.argv[:1])
window = QWidget()
window.setWindowTitle("bare")
window.resize({WIDTH}, {HEIGHT})
window.installEventFilter(FirstPaint(window))
window.show()
sys.exit(app.exec())
'''


class BenchError(Exception):
    """A run failed; the message says how."""


@dataclass
class Case:
    """One way of starting a window, and its timings in seconds."""

    label: str
    argv: list[str]
    home_template: Path | None = None  # None: no TICKETWISE_HOME (bare), or a fresh empty one
    uses_home: bool = True
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p90(self) -> float:
        return statistics.quantiles(self.times, n=10, method="inclusive")[-1]


# -- the X server -----------------------------------------------------------------------------


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb on a free display number (the server picks it: ``-displayfd``)."""
    binary = shutil.which("Xvfb")
    assert binary is not None
    read_fd, write_fd = os.pipe()
    screen = f"{WIDTH + 160}x{HEIGHT + 140}x24"
    process = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        ready, _w, _x = select.select([pipe], [], [], 20)
        number = pipe.readline().strip() if ready else ""
    if not number:
        process.kill()
        process.wait()
        raise BenchError("Xvfb did not start within 20 s")
    return process, f":{number}"


# -- homes ------------------------------------------------------------------------------------


def seed_home(home: Path, drafts: int, items: int) -> None:
    """A TICKETWISE_HOME as a user's looks after a while: a profile, ``drafts`` drafts and
    ``items`` outbox entries, all through the services."""
    sys.path.insert(0, str(ROOT))
    from app.config.paths import resolve_paths
    from app.config.profiles import Profile
    from app.core.model import Draft, Submission, new_submission_key
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
        ctx.settings.set("default_profile", "bench")
        draft_service = DraftService(ctx)
        screenshot = draft_service.store_bytes("screen.png", b"\x89PNG\r\n\x1a\n" + bytes(4096))
        for number in range(drafts):
            draft_service.save(
                Draft(
                    profile="bench",
                    subject=f"VPN drops every {number + 2} minutes",
                    what_happened="The connection drops and the client asks for the token.\n" * 5,
                    steps="1. Connect\n2. Wait\n3. Watch the tray icon",
                    expected="It stays connected.",
                    actual="It drops.",
                    attachments=(screenshot,) if number == 0 else (),
                )
            )
        outbox = OutboxService(ctx)
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
            # Sent or failed, none queued: the outbox worker has nothing to send after the paint.
            assert ctx.outbox_repo.claim(item.id)
            if number % 7 == 3:
                ctx.outbox_repo.mark_failed(item.id, "rejected", "mailbox unavailable")
            else:
                ctx.outbox_repo.mark_sent(item.id, f"2024{number:012d}")
    finally:
        ctx.close()


def fresh_home(case: Case, homes: Path, run: int) -> Path | None:
    """The TICKETWISE_HOME for one run: empty, or a copy of the case's template."""
    if not case.uses_home:
        return None
    home = homes / f"{case.label.replace(' ', '-').replace(',', '')}-{run}"
    if case.home_template is None:
        home.mkdir(parents=True)
    else:
        shutil.copytree(case.home_template, home)
    return home


# -- one run ----------------------------------------------------------------------------------


def read_marker(proc: subprocess.Popen[bytes], timeout: float) -> list[str]:
    """Read the child's stdout until the marker line; returns the lines before it."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    deadline = time.monotonic() + timeout
    buffer = b""
    lines: list[str] = []
    while True:
        while b"\n" in buffer:
            raw, buffer = buffer.split(b"\n", 1)
            line = raw.decode(errors="replace").rstrip("\r")
            if line == MARKER:
                return lines
            lines.append(line)
        left = deadline - time.monotonic()
        if left <= 0:
            raise BenchError(f"no {MARKER!r} line within {timeout:g} s")
        ready, _w, _x = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise BenchError(f"the process exited (code {proc.wait()}) before {MARKER!r}")
            buffer += chunk


def run_once(
    argv: list[str], env: dict[str, str], log: Path, timeout: float, *, merge_stderr: bool = False
) -> tuple[float, list[str]]:
    """Seconds from Popen to the marker line, and the output lines before it."""
    with log.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT if merge_stderr else err,
        )
        try:
            before = read_marker(proc, timeout)
            elapsed = time.perf_counter() - start
            # Wait for the exit (draining the pipe): the next run must not share the CPU with
            # this one's shutdown.
            proc.communicate(timeout=timeout)
        except (BenchError, subprocess.TimeoutExpired) as exc:
            proc.kill()
            proc.communicate()
            errors = log.read_text(errors="replace").strip()
            raise BenchError(f"{' '.join(argv)}: {exc}\n{errors}") from exc
        code = proc.returncode
    if code != 0:
        errors = log.read_text(errors="replace").strip()
        raise BenchError(f"{' '.join(argv)} exited with {code} after its first paint:\n{errors}")
    return elapsed, before


# -- import profile ---------------------------------------------------------------------------


@dataclass
class Import:
    """One line of ``-X importtime``."""

    name: str
    depth: int
    self_us: int
    cumulative_us: int


def parse_importtime(lines: list[str]) -> list[Import]:
    """``import time: self [us] | cumulative | imported package`` lines."""
    found = []
    for line in lines:
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_text, cumulative_text, name = line[len("import time:") :].split("|", 2)
        if not self_text.strip().isdigit():
            continue  # the header line
        depth = (len(name) - len(name.lstrip(" "))) // 2
        found.append(Import(name.strip(), depth, int(self_text), int(cumulative_text)))
    return found


# -- main -------------------------------------------------------------------------------------


def child_env(tmp: Path, display: str) -> dict[str, str]:
    """The environment of every measured process."""
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        PYTHONPYCACHEPREFIX=str(tmp / "pycache"),
        PYTHON_KEYRING_BACKEND=KEYRING_BACKEND,
        XDG_DATA_HOME=str(tmp / "xdg-data"),  # where keyrings.alt keeps its file
    )
    return env


def print_table(cases: list[Case], limit: float) -> list[str]:
    """The figures; returns the failed checks."""
    bare = cases[0]
    header = f"{'case':<18} {'median ms':>10} {'p90 ms':>8} {'min ms':>8} {'max ms':>8}"
    header += f" {'x bare':>7}"
    print(header)
    print("-" * len(header))
    failures = []
    for case in cases:
        ratio = case.median / bare.median
        print(
            f"{case.label:<18} {case.median * 1000:>10.1f} {case.p90 * 1000:>8.1f} "
            f"{min(case.times) * 1000:>8.1f} {max(case.times) * 1000:>8.1f} {ratio:>7.2f}"
        )
        if case is not bare and ratio > limit:
            failures.append(f"{case.label}: median {ratio:.2f}x the bare window (limit {limit}x)")
    return failures


def print_imports(lines: list[str], top: int) -> None:
    """The ``top`` imports with the largest cumulative time before the first paint."""
    imports = parse_importtime(lines)
    if not imports:
        print("(no -X importtime output before the first paint)")
        return
    total_ms = sum(i.self_us for i in imports) / 1000
    print(
        f"\nImports before the app's first paint (cold home, -X importtime, one run): "
        f"{len(imports)} modules, {total_ms:.0f} ms (inflated by the measuring)"
    )
    print(f"top {top} by cumulative time:")
    print(f"{'cumul. ms':>10} {'self ms':>8}  module")
    for item in sorted(imports, key=lambda i: i.cumulative_us, reverse=True)[:top]:
        name = "  " * item.depth + item.name
        print(f"{item.cumulative_us / 1000:>10.1f} {item.self_us / 1000:>8.1f}  {name}")
    watched = ("sqlite3", "smtplib", "ssl", "email", "imaplib", "keyring", "requests", "mss")
    heavy = sorted({i.name for i in imports if i.name.split(".")[0] in watched})
    roots = sorted({name.split(".")[0] for name in heavy})
    print(
        "libraries the first window should not need, imported before it: "
        + (", ".join(roots) if roots else "none")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per case")
    parser.add_argument("--warmups", type=int, default=2, help="untimed rounds first")
    parser.add_argument("--limit", type=float, default=1.3, help="largest median ratio app/bare")
    parser.add_argument("--drafts", type=int, default=3, help="drafts in the warm home")
    parser.add_argument("--items", type=int, default=20, help="outbox items in the warm home")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run, at most")
    parser.add_argument("--top", type=int, default=15, help="imports to list")
    args = parser.parse_args()

    if not sys.platform.startswith("linux") or shutil.which("Xvfb") is None:
        print(
            "bench_startup: SKIPPED: it measures on an Xvfb of its own, and there is none here "
            "(Debian/Ubuntu: apt-get install xvfb)",
            file=sys.stderr,
        )
        return 0

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="tw-bench-startup-") as tmp_name:
        tmp = Path(tmp_name)
        bare_script = tmp / "bare_window.py"
        bare_script.write_text(BARE_SCRIPT, encoding="utf-8")
        warm_template = tmp / "warm-template"
        seed_start = time.perf_counter()
        seed_home(warm_template, args.drafts, args.items)
        seed_ms = (time.perf_counter() - seed_start) * 1000
        app_argv = [python, str(MAIN), "--no-tray"]
        cases = [
            Case("bare", [python, str(bare_script)], uses_home=False),
            Case("app, cold home", app_argv),
            Case("app, warm home", app_argv, home_template=warm_template),
        ]
        homes = tmp / "homes"
        log = tmp / "stderr.log"

        xvfb, display = start_xvfb()
        try:
            env = child_env(tmp, display)
            app_env = dict(env, TICKETWISE_EXIT_AFTER_FIRST_PAINT="1")

            def measure(case: Case, run: int) -> tuple[float, list[str]]:
                home = fresh_home(case, homes, run)
                run_env = env if home is None else dict(app_env, TICKETWISE_HOME=str(home))
                return run_once(case.argv, run_env, log, args.timeout)

            run = 0
            for round_number in range(args.warmups + args.runs):
                # Rotate the order each round: no case always runs right after another.
                shift = round_number % len(cases)
                for case in cases[shift:] + cases[:shift]:
                    run += 1
                    elapsed, _lines = measure(case, run)
                    if round_number >= args.warmups:
                        case.times.append(elapsed)

            home = fresh_home(cases[1], homes, run + 1)
            assert home is not None
            importtime_env = dict(app_env, TICKETWISE_HOME=str(home))
            _elapsed, before_paint = run_once(
                [python, "-X", "importtime", *app_argv[1:]],
                importtime_env,
                log,
                args.timeout,
                merge_stderr=True,
            )
        except BenchError as exc:
            print(f"bench_startup: FAILED: {exc}", file=sys.stderr)
            return 1
        finally:
            xvfb.terminate()
            xvfb.wait(10)

    print(
        f"\nGUI start-up, Popen to first paint: median and p90 of {args.runs} runs after "
        f"{args.warmups} warm-up rounds, round-robin; Xvfb {display}; "
        f"Python {sys.version.split()[0]} ({python})"
    )
    print(
        f"(warm home: a profile, {args.drafts} drafts and {args.items} outbox items, seeded "
        f"through the services in {seed_ms:.0f} ms and copied for each run)\n"
    )
    failures = print_table(cases, args.limit)
    print_imports(before_paint, args.top)
    print()
    sys.stdout.flush()  # the verdict comes last, also when stdout and stderr share a pipe
    for failure in failures:
        print(f"bench_startup: FAILED: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(
        f"bench_startup: OK: the main window's first paint is within {args.limit}x the bare "
        "window's (median, cold and warm home)."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
