"""The entry points: ``main.py`` and ``python -m app``; the CLI path never imports Qt."""

from __future__ import annotations

import os
import subprocess
import sys

from app import __version__
from tests.conftest import ROOT

PROBE = """
import runpy, sys
sys.argv = ["main.py", *sys.argv[1:]]
try:
    runpy.run_path("main.py", run_name="__main__")
except SystemExit as exit:
    code = exit.code
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
print("QT-MODULES:", ",".join(qt), file=sys.stderr)
raise SystemExit(code)
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def qt_modules(result: subprocess.CompletedProcess[str]) -> str:
    line = [x for x in result.stderr.splitlines() if x.startswith("QT-MODULES:")][-1]
    return line.split(":", 1)[1].strip()


def test_version_from_one_place_and_no_qt() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Ticketwise {__version__}"
    assert qt_modules(result) == ""


def test_cli_commands_import_no_qt() -> None:
    for args in (["outbox", "list"], ["profile", "list", "--json"], ["outbox", "flush"]):
        result = _run(*args)
        assert result.returncode == 0, result.stderr
        assert qt_modules(result) == "", args


def test_python_dash_m_app() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Ticketwise {__version__}"


def test_pyproject_declares_the_gui_entry_point_and_dynamic_version() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["gui-scripts"]["ticketwise"] == "app.bootstrap:main"
    assert "version" in project["dynamic"]


def test_the_gui_fast_path_parses_like_the_full_parser() -> None:
    from itertools import combinations

    from app.bootstrap import GUI_FLAGS, gui_args
    from app.cli import build_parser

    flags = sorted(GUI_FLAGS)
    for size in range(len(flags) + 1):
        for combo in combinations(flags, size):
            fast = gui_args(list(combo))
            full = build_parser().parse_args(list(combo))
            assert fast is not None
            assert {k: getattr(full, k) for k in vars(fast)} == vars(fast), combo
    assert gui_args(["outbox", "list"]) is None
    assert gui_args(["--help"]) is None
