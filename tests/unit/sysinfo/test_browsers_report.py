"""The report's JSON form, the ticket label, and the on-disk cache."""

from __future__ import annotations

import json
import time
from pathlib import Path

from app.sysinfo.browsers import Browser, BrowserReport, load_cached, save_cache

REPORT = BrowserReport(
    [
        Browser(
            "firefox-esr",
            "Firefox ESR",
            "128.5.1esr",
            "esr",
            "system",
            "/usr/bin/firefox-esr",
            is_default=True,
        ),
        Browser(
            "org.chromium.Chromium(flatpak)",
            "Chromium",
            "",
            "stable",
            "flatpak",
            "/var/lib/flatpak/exports/share/applications/org.chromium.Chromium.desktop",
        ),
    ],
    "firefox-esr",
    ["vivaldi-stable: '/usr/bin/vivaldi-stable --version' gave no version"],
)


def test_labels():
    assert REPORT.browsers[0].label() == "Firefox ESR 128.5.1esr (default)"
    assert REPORT.browsers[1].label() == "Chromium [flatpak]"
    assert REPORT.default == REPORT.browsers[0]
    assert BrowserReport().default is None


def test_json_round_trip():
    data = json.loads(json.dumps(REPORT.to_dict()))
    assert data["default"] == "firefox-esr"
    assert data["browsers"][0] == {
        "id": "firefox-esr",
        "name": "Firefox ESR",
        "version": "128.5.1esr",
        "channel": "esr",
        "install": "system",
        "path": "/usr/bin/firefox-esr",
        "is_default": True,
    }
    assert BrowserReport.from_dict(data) == REPORT


def test_cache_fresh_stale_future_and_corrupt(tmp_path: Path):
    path = tmp_path / "cache/browsers.json"
    assert load_cached(path, 3600) is None  # nothing yet

    save_cache(path, REPORT)
    assert load_cached(path, 3600) == REPORT
    assert [p.name for p in path.parent.iterdir()] == ["browsers.json"]  # no temporary left

    data = json.loads(path.read_text(encoding="utf-8"))
    data["saved_at"] = time.time() - 7200
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_cached(path, 3600) is None
    assert load_cached(path, 86400) == REPORT

    data["saved_at"] = time.time() + 7200  # the clock went back: do not trust it
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_cached(path, 86400) is None

    for garbage in (
        "",
        "{",
        "[]",
        '{"saved_at": "x", "report": {}}',
        '{"saved_at": 0, "report": {"browsers": [{"id": 1}]}}',
    ):
        path.write_text(garbage, encoding="utf-8")
        assert load_cached(path, 1e301) is None, garbage
