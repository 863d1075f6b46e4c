"""The code behind ``installer/dev.py`` (which checks the Python version, then calls :func:`main`).

Standard library only, Python 3.11+, the same on Linux, macOS and Windows. Every command first
brings the checkout up to date, so each works from a fresh clone and costs almost nothing the
second time. Driver messages go to stderr, so ``dev.py run ... --json`` keeps a clean stdout.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
MAIN = ROOT / "main.py"
TRANSLATIONS = ROOT / "resources" / "translations"
# What `lupdate` scans for translatable strings: the only code that may show text to the user.
UI_SOURCES = (ROOT / "app" / "ui", ROOT / "app" / "bootstrap.py")
SOURCE_LANGUAGE = "en"
# The shipped languages, one resources/translations/ticketwise_<language>.ts each. English is
# among them on purpose: its .ts says so explicitly (every translation equal to its source).
LANGUAGES = ("it", "en")
BENCH_DIR = ROOT / "tests" / "bench"

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
MIN_PYTHON = (3, 11)
SKIP_SYSTEM_CHECK_ENV = "TICKETWISE_SKIP_SYSTEM_CHECK"
# Part of every install stamp: bump it when the install procedure changes, and every existing
# .venv reinstalls once.
SETUP_REVISION = 2

ANY_FONT = "<a TrueType/OpenType font>"
# What Qt's xcb platform plugin (and Qt itself) loads at run time on Linux, and the Debian
# package that ships it. Checked with `ldconfig -p`; fonts by looking for any font file, since
# Qt ships none and warns (which fails the widget tests) without one.
QT_SYSTEM_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xinerama.so.0", "libxcb-xinerama0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
    (ANY_FONT, "fonts-dejavu-core"),
)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")

PYTEST_NO_TESTS = 5
PYTEST_CODES = {
    1: "some tests failed",
    2: "interrupted",
    3: "internal error",
    4: "usage error",
    PYTEST_NO_TESTS: "no tests were collected, which counts as a failure",
}

HELP = r"""usage: python3 installer/dev.py [--reinstall] [--verbose] COMMAND [ARGS...]
       (on Windows: py installer\dev.py COMMAND [ARGS...])

Ticketwise's one developer and build driver (standard library only, Python 3.11+).
Every command first does its own set-up, idempotently, from a fresh clone on:

  1. Linux: checks with `ldconfig -p` for the system libraries Qt's xcb plugin needs (and for
     a font). When some are missing it runs `apt-get update` and `apt-get install` for them if
     it is root and apt-get exists; otherwise it prints the `sudo apt-get install ...` line
     and stops `run` (exit 1); `test` and `bench` only warn, as widget tests run offscreen.
     Set TICKETWISE_SKIP_SYSTEM_CHECK=1 to skip this step.
  2. Creates .venv in the repository with the venv module (and upgrades its pip quietly).
     On Debian without ensurepip it installs python3-venv when root, or says how to.
  3. Installs the project into .venv, editable (compat mode: a .pth entry,
     no import hook): `pip install -e .` for run, `-e .[dev]` for
     test and bench, only when pyproject.toml changed since the last install (a sha256
     stamp in .venv/.ticketwise-stamp-run|-dev). pip stays quiet unless it fails.
  4. Builds Qt translations: each resources/translations/*.ts newer than its .qm is compiled
     next to it with .venv's pyside6-lrelease.

commands:
  run [ARGS...]    start the app: .venv's python main.py ARGS, e.g. `run --version`,
                   `run outbox list`; exits with the app's exit code.
  test [ARGS...]   run, in order, stopping at the first failure with a banner per step:
                     ruff check .   ruff format --check .   mypy   lint-imports   pytest ARGS
                   pytest runs every tier under tests/ (pyproject's testpaths); ARGS go to it
                   unchanged (e.g. `test tests/unit -x -k outbox`). Its exit code 5 (no tests
                   collected) counts as a failure. Ends with a summary line giving each
                   step's duration; exits with the first failing step's code.
  bench [ARGS...]  set up as for test, then run every tests/bench/bench_*.py with .venv's
                   python (ARGS go to each) and print their figures. Benchmarks are scripts,
                   not pytest tests.
  lupdate [ARGS...]
                   set up as for run, then update resources/translations/ticketwise_it.ts
                   and ticketwise_en.ts from every .py under app/ui and app/bootstrap.py with
                   .venv's pyside6-lupdate (-source-language en -target-language it|en
                   -no-obsolete: strings gone from the code vanish from the .ts too; ARGS go
                   to pyside6-lupdate). Prints each file's messages and how many are
                   unfinished (-v also lists them): translate those (Qt Linguist, or any
                   editor) before committing; the tests fail on an unfinished message.
  help             print this text.

options (before the command; everything after it is passed on unchanged):
  --reinstall      run pip install even if pyproject.toml did not change.
  -v, --verbose    show the output of pip, apt-get and pyside6-lrelease as it comes.
  -h, --help       print this text.

To start over, delete .venv.
"""


class SetupError(Exception):
    """The set-up cannot go on; the message says why and what to do."""


@dataclass
class Options:
    """Driver options given before the command."""

    reinstall: bool = False
    verbose: bool = False


@dataclass
class StepResult:
    """One step of ``test`` or ``bench``, for the summary line."""

    name: str
    code: int | None = None  # None: skipped
    seconds: float = 0.0

    @property
    def label(self) -> str:
        """``ok``, ``FAILED (exit N)`` or ``skipped``."""
        if self.code is None:
            return "skipped"
        return "ok" if self.code == 0 else f"FAILED (exit {self.code})"


@dataclass
class Env:
    """Where the venv's programs are, and the environment to run them in (venv activated)."""

    python: Path
    bin_dir: Path
    environ: dict[str, str] = field(default_factory=dict)

    def tool(self, name: str) -> Path:
        """A console script installed in the venv."""
        return self.bin_dir / (f"{name}.exe" if WINDOWS else name)


# -- output -----------------------------------------------------------------------------------


def say(text: str) -> None:
    """A driver message (stderr, flushed so it stays in order with the children's output)."""
    sys.stdout.flush()
    sys.stderr.write(f"dev.py: {text}\n")
    sys.stderr.flush()


def banner(text: str) -> None:
    """A step's heading."""
    line = "=" * 78
    sys.stdout.flush()
    sys.stderr.write(f"\n{line}\n== {text}\n{line}\n")
    sys.stderr.flush()


def fail(text: str, code: int = 1) -> NoReturn:
    """Stop with a message."""
    say(text)
    raise SystemExit(code)


def seconds_since(start: float) -> str:
    """Elapsed time, short."""
    return f"{time.monotonic() - start:.1f} s"


def run_quietly(
    cmd: Sequence[str | Path],
    label: str,
    opts: Options,
    *,
    env: dict[str, str] | None = None,
) -> int:
    """Run a set-up command, showing only a one-line progress on a terminal; its whole output is
    printed if it fails (or live with ``--verbose``). Returns the exit code."""
    start = time.monotonic()
    argv = [str(c) for c in cmd]
    child_env = dict(os.environ if env is None else env)
    child_env.setdefault("PYTHONIOENCODING", "utf-8")
    if opts.verbose:
        say(f"{label}: {' '.join(argv)}")
        try:
            code = subprocess.call(argv, cwd=ROOT, env=child_env, stdin=subprocess.DEVNULL)
        except OSError as exc:
            raise SetupError(f"{label}: cannot start {argv[0]}: {exc}") from exc
    else:
        live = sys.stderr.isatty()
        width = max(20, shutil.get_terminal_size().columns - 1)
        output: list[str] = []
        try:
            proc = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=child_env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                encoding="utf-8",
                errors="replace",
            )
        except OSError as exc:
            raise SetupError(f"{label}: cannot start {argv[0]}: {exc}") from exc
        with proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                output.append(line)
                text = line.strip()
                if live and text:
                    status = f"dev.py: {label}: {text}"[:width]
                    sys.stderr.write(f"\r{status:<{width}}")
                    sys.stderr.flush()
            code = proc.wait()
        if live:
            sys.stderr.write("\r" + " " * width + "\r")
        if code != 0:
            sys.stderr.write("".join(output))
            if output and not output[-1].endswith("\n"):
                sys.stderr.write("\n")
    outcome = "done" if code == 0 else f"FAILED (exit {code})"
    say(f"{label}: {outcome} in {seconds_since(start)}")
    return code


def is_root() -> bool:
    """True when running as root (POSIX)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def apt_install(packages: Sequence[str], opts: Options) -> None:
    """``apt-get update`` and ``apt-get install`` (root only; the caller checked)."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run_quietly(["apt-get", "update", "-q"], "apt-get update", opts, env=env) != 0:
        raise SetupError("apt-get update failed (output above)")
    cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]
    if run_quietly(cmd, f"apt-get install {' '.join(packages)}", opts, env=env) != 0:
        raise SetupError("apt-get install failed (output above)")


# -- 1. system libraries (Linux) --------------------------------------------------------------


def _ldconfig() -> str | None:
    found = shutil.which("ldconfig")
    if found:
        return found
    for candidate in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def _known_sonames(ldconfig: str) -> set[str]:
    out = subprocess.run(
        [ldconfig, "-p"], capture_output=True, text=True, errors="replace", check=False
    ).stdout
    # Lines look like "\tlibGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1".
    return {line.split()[0] for line in out.splitlines()[1:] if line.strip()}


def _has_a_font() -> bool:
    for folder in FONT_DIRS:
        for _dirpath, _dirnames, filenames in os.walk(os.path.expanduser(folder)):
            if any(name.lower().endswith(FONT_SUFFIXES) for name in filenames):
                return True
    return False


def missing_system_packages() -> list[tuple[str, str]] | None:
    """(what, Debian package) for each missing Qt run-time requirement; None if unknown."""
    ldconfig = _ldconfig()
    if ldconfig is None:
        return None
    sonames = _known_sonames(ldconfig)
    missing = []
    for what, package in QT_SYSTEM_LIBRARIES:
        present = _has_a_font() if what == ANY_FONT else what in sonames
        if not present:
            missing.append((what, package))
    return missing


def ensure_system_libraries(opts: Options, *, required: bool) -> None:
    """Linux: make sure Qt's xcb plugin can load. ``required``: a miss stops the command."""
    if not LINUX or os.environ.get(SKIP_SYSTEM_CHECK_ENV):
        return
    missing = missing_system_packages()
    if missing is None:
        say("cannot check Qt's system libraries (no ldconfig here); going on")
        return
    if not missing:
        return
    packages = sorted({package for _what, package in missing})
    say("Qt needs system libraries that are missing: " + ", ".join(w for w, _p in missing))
    if is_root() and shutil.which("apt-get"):
        apt_install(packages, opts)
        still = missing_system_packages() or []
        if still:
            raise SetupError(
                "still missing after apt-get install: " + ", ".join(w for w, _p in still)
            )
        return
    hint = "sudo apt-get install " + " ".join(packages)
    if shutil.which("apt-get"):
        say(f"install them with:\n\n    {hint}\n")
    else:
        say(
            "install the packages of your distribution that provide them "
            f"(on Debian/Ubuntu: {hint})"
        )
    if required:
        raise SetupError(
            f"the app cannot start without them (set {SKIP_SYSTEM_CHECK_ENV}=1 to try anyway)"
        )
    say("going on: widget tests run offscreen, but tests on a real X display may fail")


# -- 2. the virtualenv ------------------------------------------------------------------------


def venv_python() -> Path:
    """The venv's interpreter."""
    return VENV / "Scripts" / "python.exe" if WINDOWS else VENV / "bin" / "python"


def _stamp_file(kind: str) -> Path:
    return VENV / f".ticketwise-stamp-{kind}"


def _read_stamp(kind: str) -> dict[str, object]:
    try:
        data = json.loads(_stamp_file(kind).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _pyvenv_version(cfg: Path) -> tuple[int, ...] | None:
    for line in cfg.read_text(encoding="utf-8", errors="replace").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in ("version", "version_info"):
            try:
                return tuple(int(part) for part in value.strip().split(".")[:2])
            except ValueError:
                return None
    return None


def venv_problem() -> str | None:
    """Why the existing .venv cannot be used, or None when it can."""
    cfg = VENV / "pyvenv.cfg"
    if not cfg.is_file():
        return "it has no pyvenv.cfg"
    if not venv_python().exists():
        return "its python is missing (was the Python it was made from removed?)"
    version = _pyvenv_version(cfg)
    if version is not None and version < MIN_PYTHON:
        return f"it was made with Python {'.'.join(map(str, version))}"
    for kind in ("run", "dev"):
        made_at = _read_stamp(kind).get("venv")
        if made_at and made_at != str(VENV):
            return f"it was made at {made_at}; its scripts point there"
    return None


def ensure_ensurepip(opts: Options) -> None:
    """The venv module needs ensurepip, which Debian ships apart (python3-venv)."""
    if importlib.util.find_spec("ensurepip") is not None:
        return
    executable = os.path.realpath(sys.executable)
    package = (
        "python3-venv"
        if executable == os.path.realpath("/usr/bin/python3")
        else f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    )
    debian_python = executable.startswith("/usr/bin/") and shutil.which("apt-get") is not None
    if debian_python and is_root():
        say(f"this Python has no ensurepip, which the venv module needs: installing {package}")
        apt_install([package], opts)
        importlib.invalidate_caches()
        if importlib.util.find_spec("ensurepip") is None:
            raise SetupError(f"ensurepip is still missing after installing {package}")
        return
    if debian_python:
        raise SetupError(
            f"{sys.executable} has no ensurepip, which the venv module needs. "
            f"Install it with:\n\n    sudo apt-get install {package}\n"
        )
    raise SetupError(
        f"{sys.executable} has no ensurepip, which the venv module needs: install your "
        "distribution's venv package for it, or run dev.py with a Python that has it "
        "(python.org builds do)"
    )


def ensure_venv(opts: Options) -> bool:
    """Create .venv if it is missing or unusable; True when it was (re)created."""
    if VENV.exists():
        problem = venv_problem()
        if problem is None:
            return False
        say(f".venv cannot be used ({problem}): making a new one")
        try:
            shutil.rmtree(VENV)
        except OSError as exc:
            raise SetupError(f"cannot delete {VENV}: {exc}; delete it by hand") from exc
    ensure_ensurepip(opts)
    code = run_quietly([sys.executable, "-m", "venv", VENV], "python -m venv .venv", opts)
    if code != 0:
        shutil.rmtree(VENV, ignore_errors=True)  # half a venv would look usable next time
        raise SetupError("could not create .venv (output above)")
    pip: list[str | Path] = [
        venv_python(),
        "-m",
        "pip",
        "install",
        "--upgrade",
        "--progress-bar",
        "off",
        "pip",
    ]
    if run_quietly(pip, "upgrading pip", opts) != 0:
        say("could not upgrade pip; going on with the one ensurepip gave")
    return True


def _stamp_content() -> dict[str, object]:
    return {
        "pyproject_sha256": hashlib.sha256(PYPROJECT.read_bytes()).hexdigest(),
        "venv": str(VENV),
        "revision": SETUP_REVISION,
    }


def ensure_installed(extra: str, opts: Options) -> None:
    """``pip install -e .`` (``extra`` "run") or ``-e .[dev]`` (``extra`` "dev"), when the
    pyproject changed since the last one. A dev install serves ``run`` too."""
    if not PYPROJECT.is_file():
        raise SetupError(f"{PYPROJECT} is missing: is this a Ticketwise checkout?")
    wanted = _stamp_content()
    good_enough = ("dev",) if extra == "dev" else ("run", "dev")
    stamps = {kind: _read_stamp(kind) for kind in good_enough}
    if not opts.reinstall and any(stamp == wanted for stamp in stamps.values()):
        return
    if opts.reinstall:
        why = "--reinstall"
    elif _read_stamp(extra):
        why = "pyproject.toml changed"
    elif _read_stamp("run") or _read_stamp("dev"):
        why = f"not installed for {'test' if extra == 'dev' else 'run'} yet"
    else:
        why = "first time"
    target = ".[dev]" if extra == "dev" else "."
    say(f"installing the project into .venv ({why})")
    stamp = _stamp_file(extra)
    stamp.unlink(missing_ok=True)
    cmd: list[str | Path] = [venv_python(), "-m", "pip", "install", "--progress-bar", "off"]
    # compat: a plain .pth entry for the checkout. The default editable mode installs an import
    # hook whose module every Python start imports: 10-13 ms of each process's start-up.
    cmd += ["-e", target, "--config-settings", "editable_mode=compat"]
    if run_quietly(cmd, f"pip install -e {target}", opts) != 0:
        raise SetupError(f"pip install -e {target} failed (output above)")
    stamp.write_text(json.dumps(wanted, sort_keys=True) + "\n", encoding="utf-8")


# -- 4. translations --------------------------------------------------------------------------


def build_translations(env: Env, opts: Options) -> None:
    """Compile each .ts that is newer than its .qm (none yet: nothing to do)."""
    if not TRANSLATIONS.is_dir():
        return
    stale = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or ts.stat().st_mtime > qm.stat().st_mtime:
            stale.append((ts, qm))
    if not stale:
        return
    lrelease = env.tool("pyside6-lrelease")
    if not lrelease.exists():
        raise SetupError(f"{lrelease} is missing: is PySide6 installed in .venv?")
    for ts, qm in stale:
        name = ts.relative_to(ROOT).as_posix()
        code = run_quietly([lrelease, ts, "-qm", qm], f"pyside6-lrelease {name}", opts)
        if code != 0:
            raise SetupError(f"could not compile {name} (output above)")


def ui_sources() -> list[Path]:
    """The files lupdate scans, sorted (a directory stands for every .py below it)."""
    files: list[Path] = []
    for source in UI_SOURCES:
        files += sorted(source.rglob("*.py")) if source.is_dir() else [source]
    return files


def ts_file(language: str) -> Path:
    """The translation source of one language."""
    return TRANSLATIONS / f"ticketwise_{language}.ts"


def lupdate_argv(
    lupdate: Path, language: str, ts: Path, extra: Sequence[str] = ()
) -> list[str | Path]:
    """The pyside6-lupdate command that brings ``ts`` up to date (run it in the repository; the
    UI tests run it too, to check the committed .ts files are current)."""
    sources = [shown(source) for source in ui_sources()]
    return [
        lupdate,
        *sources,
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-no-obsolete",
        *extra,
        "-ts",
        shown(ts),
    ]


@dataclass
class TsSummary:
    """What a .ts holds: how many messages, and the sources of those not translated yet."""

    messages: int
    unfinished: list[str]


def summarize_ts(ts: Path) -> TsSummary:
    """Count the messages of ``ts`` (obsolete and vanished ones, if any, are not counted)."""
    try:
        root = ET.parse(ts).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SetupError(f"cannot read {shown(ts)}: {exc}") from exc
    messages = 0
    unfinished: list[str] = []
    for message in root.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type", "") if translation is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        messages += 1
        if kind == "unfinished":
            unfinished.append(message.findtext("source", ""))
    return TsSummary(messages, unfinished)


# -- the whole set-up -------------------------------------------------------------------------


def setup(extra: str, opts: Options, *, libraries_required: bool) -> Env:
    """Everything a command needs before it runs; returns the venv's programs."""
    ensure_system_libraries(opts, required=libraries_required)
    ensure_venv(opts)
    ensure_installed(extra, opts)
    python = venv_python()
    bin_dir = python.parent
    environ = dict(os.environ)
    environ["VIRTUAL_ENV"] = str(VENV)
    environ["PATH"] = str(bin_dir) + os.pathsep + environ.get("PATH", "")
    environ.pop("PYTHONHOME", None)
    env = Env(python=python, bin_dir=bin_dir, environ=environ)
    build_translations(env, opts)
    return env


# -- commands ---------------------------------------------------------------------------------


def command_run(args: list[str], opts: Options) -> int:
    """Start the app with ``args``."""
    env = setup("run", opts, libraries_required=True)
    argv = [str(env.python), str(MAIN), *args]
    sys.stdout.flush()
    sys.stderr.flush()
    if not WINDOWS:
        os.execve(argv[0], argv, env.environ)
    # Windows has no real exec: run the app as a child, waiting through Ctrl+C (the app gets
    # it too and decides), and hand on its exit code.
    proc = subprocess.Popen(argv, env=env.environ)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:
            continue


def shown(arg: str | Path) -> str:
    """An argument as the user would type it in the repository (paths made relative)."""
    if isinstance(arg, Path) and arg.is_relative_to(ROOT):
        return arg.relative_to(ROOT).as_posix()
    return str(arg)


def run_step(result: StepResult, argv: Sequence[str | Path], env: Env) -> int:
    """Run one step with a banner, in the repository, recording its code and duration."""
    banner(f"{result.name}    ({' '.join(shown(a) for a in argv)})")
    start = time.monotonic()
    try:
        code = subprocess.call([str(a) for a in argv], cwd=ROOT, env=env.environ)
    except OSError as exc:
        say(f"cannot start {argv[0]}: {exc}")
        code = 127
    result.seconds = time.monotonic() - start
    result.code = code
    return code


def exit_code(code: int) -> int:
    """A failing step's code as this process's (1 when it has none of its own)."""
    return code if 0 < code < 256 else 1


def summarize(setup_seconds: float, results: Sequence[StepResult], total_start: float) -> None:
    """The closing line: each step's duration and outcome."""
    parts = [f"setup {setup_seconds:.1f}s"]
    parts += [
        f"{r.name} {r.seconds:.1f}s {r.label}" if r.code is not None else f"{r.name} skipped"
        for r in results
    ]
    total = time.monotonic() - total_start
    sys.stdout.flush()
    sys.stderr.write("\n" + "-" * 78 + "\n")
    sys.stderr.write(f"summary: {' | '.join(parts)} | total {total:.1f}s\n")
    sys.stderr.flush()


def command_test(args: list[str], opts: Options) -> int:
    """Lint, type-check, check the import layers, then pytest; stop at the first failure."""
    total_start = time.monotonic()
    env = setup("dev", opts, libraries_required=False)
    setup_seconds = time.monotonic() - total_start
    steps: list[tuple[str, list[str | Path]]] = [
        ("ruff check", [env.tool("ruff"), "check", "."]),
        ("ruff format", [env.tool("ruff"), "format", "--check", "."]),
        ("mypy", [env.tool("mypy")]),
        ("lint-imports", [env.tool("lint-imports")]),
        ("pytest", [env.tool("pytest"), *args]),
    ]
    results = [StepResult(name) for name, _argv in steps]
    failed: StepResult | None = None
    for number, ((_name, argv), result) in enumerate(zip(steps, results, strict=True), 1):
        code = run_step(result, argv, env)
        if code != 0:
            failed = result
            why = PYTEST_CODES.get(code, "") if result.name == "pytest" else ""
            say(
                f"step {number}/{len(steps)} FAILED: {result.name} exited with {code}"
                + (f" ({why})" if why else "")
                + ("; the later steps were skipped" if number < len(steps) else "")
            )
            break
    summarize(setup_seconds, results, total_start)
    if failed is None:
        say("all steps passed")
        return 0
    assert failed.code is not None
    return exit_code(failed.code)


def command_bench(args: list[str], opts: Options) -> int:
    """Run every tests/bench/bench_*.py as a script and let it print its figures."""
    total_start = time.monotonic()
    env = setup("dev", opts, libraries_required=False)
    setup_seconds = time.monotonic() - total_start
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if not scripts:
        say(f"no benchmarks in {BENCH_DIR.relative_to(ROOT)}")
        return 0
    results = [StepResult(script.stem) for script in scripts]
    for script, result in zip(scripts, results, strict=True):
        if run_step(result, [env.python, script, *args], env) != 0:
            say(f"{script.name} FAILED with exit code {result.code}")
    summarize(setup_seconds, results, total_start)
    codes = [r.code for r in results if r.code]
    return exit_code(codes[0]) if codes else 0


_UNFINISHED = re.compile(
    r"(<source>(?P<source>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
    r"<translation type=\"unfinished\">(?:\s*|(?P=source))</translation>",
)
"""A message lupdate just added; the texts are XML-escaped, so ``[^<]*`` keeps a match inside
one message (``.*?`` once ran from a finished message's source to the next unfinished one)."""


def finish_source_language(ts: Path) -> int:
    """In the English .ts, a new message's translation is its source: mark it finished (editing
    the text in place keeps lupdate's layout, so the diff shows only the new entries)."""
    text = ts.read_text(encoding="utf-8")
    updated, count = _UNFINISHED.subn(
        lambda m: f"{m.group(1)}<translation>{m.group('source')}</translation>", text
    )
    if count:
        ts.write_text(updated, encoding="utf-8")
    return count


def command_lupdate(args: list[str], opts: Options) -> int:
    """Update every .ts from the UI code, then say what is left to translate."""
    env = setup("run", opts, libraries_required=False)
    lupdate = env.tool("pyside6-lupdate")
    if not lupdate.exists():
        raise SetupError(f"{lupdate} is missing: is PySide6 installed in .venv?")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = ts_file(language)
        cmd = lupdate_argv(lupdate, language, ts, args)
        if run_quietly(cmd, f"pyside6-lupdate {shown(ts)}", opts, env=env.environ) != 0:
            raise SetupError(f"could not update {shown(ts)} (output above)")
        if language == SOURCE_LANGUAGE:
            copied = finish_source_language(ts)
            if copied:
                say(f"{shown(ts)}: {copied} new English message(s) marked finished")
    for language in LANGUAGES:
        ts_path = ts_file(language)
        summary = summarize_ts(ts_path)
        say(f"{shown(ts_path)}: {summary.messages} messages, {len(summary.unfinished)} unfinished")
        if opts.verbose:
            for source in summary.unfinished:
                say(f"  unfinished: {source!r}")
    return 0


COMMANDS = {
    "run": command_run,
    "test": command_test,
    "bench": command_bench,
    "lupdate": command_lupdate,
}


def parse_args(argv: Sequence[str]) -> tuple[Options, str, list[str]]:
    """Driver options, the command, and the arguments passed on (exits on usage errors)."""
    opts = Options()
    for index, arg in enumerate(argv):
        if arg in ("-h", "--help", "help"):
            sys.stdout.write(HELP)
            raise SystemExit(0)
        if arg == "--reinstall":
            opts.reinstall = True
        elif arg in ("-v", "--verbose"):
            opts.verbose = True
        elif arg in COMMANDS:
            return opts, arg, list(argv[index + 1 :])
        else:
            usage_error(f"unknown command or option {arg!r}")
    usage_error("no command given")


def usage_error(text: str) -> NoReturn:
    """Stop with exit code 2, a short usage and the problem."""
    sys.stderr.write(HELP.splitlines()[0] + "\n")
    fail(f"{text}; commands: {', '.join(COMMANDS)} (--help says more)", 2)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the driver; returns the exit code."""
    if sys.version_info < MIN_PYTHON:  # dev.py checks first; this guards a direct import
        fail(f"Ticketwise needs Python {'.'.join(map(str, MIN_PYTHON))} or newer")
    opts, command, args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return COMMANDS[command](args, opts)
    except SetupError as exc:
        say(f"set-up failed: {exc}")
        return 1
    except KeyboardInterrupt:
        say("interrupted")
        return 130
