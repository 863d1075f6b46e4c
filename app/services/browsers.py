"""Installed browsers for the composer and the CLI: detection (app.sysinfo.browsers) plus a
cache in the cache folder, so that the composer shows the list at once and the slow probes
(``--version`` runs) happen in a worker after the first paint, or when the user opens the list.

No Qt here: the UI runs ``refresh`` through the task runner (``tasks.run``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.services.context import AppContext
from app.sysinfo.browsers import BrowserReport, detect, load_cached, save_cache

log = logging.getLogger(__name__)

__all__ = ["CACHE_MAX_AGE", "BrowserReport", "BrowserService"]

CACHE_FILE = "browsers.json"
CACHE_MAX_AGE = 24 * 3600.0
"""Seconds a cached list is shown without detecting again (browsers update themselves, but the
user refreshes the list by opening it)."""


class BrowserService:
    """Detect browsers and keep the last answer in ``<cache>/browsers.json``."""

    def __init__(self, ctx: AppContext, detect_fn: Callable[[], BrowserReport] = detect) -> None:
        self._detect = detect_fn
        self.cache_file: Path = ctx.paths.cache_dir / CACHE_FILE

    def cached(self, max_age: float = CACHE_MAX_AGE) -> BrowserReport | None:
        """The cached report when fresh enough; never detects (cheap: the GUI thread may call)."""
        return load_cached(self.cache_file, max_age)

    def refresh(self) -> BrowserReport:
        """Detect now (seconds at worst: run in a worker) and cache the answer. A cache that
        cannot be written is logged: the report is still good."""
        report = self._detect()
        try:
            save_cache(self.cache_file, report)
        except OSError as exc:
            log.warning("browser list not cached in %s: %s", self.cache_file, exc)
        return report

    def current(self, max_age: float = CACHE_MAX_AGE) -> BrowserReport:
        """The cached report when fresh enough, else a new detection."""
        return self.cached(max_age) or self.refresh()
