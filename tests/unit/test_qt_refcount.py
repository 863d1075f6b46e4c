"""Regression guard for the PySide6 build we run on.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of a method that
returns nothing; after a few thousand calls the interpreter aborts with "deallocating None".
pyproject.toml keeps that pair out; this test fails at once if it comes back (a pin loosened, a
new build with the same bug).
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel, QWidget

CALLS = 20_000
TOLERANCE = 100  # other threads and the interpreter itself take and drop a few references


pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12: its reference count cannot drift",
)


def test_void_methods_do_not_leak_references_to_none(qapp):
    label = QLabel()
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText("x" if i % 2 else "y")
        widget.resize(10 + i % 7, 10)
    drift = sys.getrefcount(None) - before
    assert abs(drift) < TOLERANCE, f"None's reference count moved by {drift} in {CALLS} calls"
    assert label.text() == "x"
    assert widget.width() == 10 + (CALLS - 1) % 7
