"""The browser service: detection behind a cache in the cache folder."""

from __future__ import annotations

import json

from app.services.browsers import CACHE_FILE, BrowserService
from app.sysinfo.browsers import Browser, BrowserReport

FIREFOX = Browser("firefox-esr", "Firefox ESR", "128.5.1esr", "esr", "system", "/usr/bin/x")


def _counting(reports: list[BrowserReport]):
    calls: list[int] = []

    def detect() -> BrowserReport:
        calls.append(1)
        return reports[len(calls) - 1]

    return detect, calls


def test_refresh_caches_and_current_uses_the_cache(ctx):
    first = BrowserReport([FIREFOX], None, [])
    second = BrowserReport([], None, ["browser detection: boom"])
    detect, calls = _counting([first, second])
    service = BrowserService(ctx, detect)
    assert service.cache_file == ctx.paths.cache_dir / CACHE_FILE
    assert service.cached() is None

    assert service.current() == first
    assert service.current() == first  # from the cache
    assert len(calls) == 1
    assert json.loads(service.cache_file.read_text("utf-8"))["report"] == first.to_dict()

    assert service.current(max_age=-1) == second  # stale: detected again
    assert BrowserService(ctx, detect).cached() == second


def test_an_unwritable_cache_does_not_lose_the_report(ctx):
    report = BrowserReport([FIREFOX], "firefox-esr", [])
    detect, _ = _counting([report])
    service = BrowserService(ctx, detect)
    service.cache_file.mkdir(parents=True)  # a folder where the file should go

    assert service.refresh() == report
    assert service.cached() is None
