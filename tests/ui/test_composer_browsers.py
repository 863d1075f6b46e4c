"""The composer's browser field offers the detected browsers, default first."""

from __future__ import annotations

from app.core.model import NOT_A_BROWSER_PROBLEM
from app.sysinfo.browsers import Browser, BrowserReport


def report() -> BrowserReport:
    return BrowserReport(
        browsers=[
            Browser("firefox-esr", "Firefox ESR", "128.5.1esr", "esr", is_default=True),
            Browser("chromium", "Chromium", "131.0.6778.85"),
        ],
        default_id="firefox-esr",
        errors=[],
    )


def test_detected_browsers_are_offered_default_first(qtbot, make_window) -> None:
    window = make_window()
    composer = window.composer
    composer.browser.setEditText("Safari 17")  # typed before the list arrived: kept
    composer.set_browsers(report())
    items = [composer.browser.itemText(i) for i in range(composer.browser.count())]
    assert items[0] == "Firefox ESR 128.5.1esr (default)"
    assert items[1] == "Chromium 131.0.6778.85"
    assert composer.browser.findData(NOT_A_BROWSER_PROBLEM) == 2
    assert composer.browser.currentText() == "Safari 17"
    composer.browser.setCurrentIndex(1)
    qtbot.waitUntil(lambda: composer.draft.browser == "Chromium 131.0.6778.85", timeout=3000)


def test_the_app_detects_after_start_and_again_when_the_list_opens(qtbot, make_window) -> None:
    window = make_window()
    # start() ran the detection in a worker: the real browsers of this machine, or none
    qtbot.waitUntil(lambda: not window._browsers_busy, timeout=10_000)
    assert window.composer.browser.findData(NOT_A_BROWSER_PROBLEM) >= 0
    cache = window._ctx.paths.cache_dir / "browsers.json"
    assert cache.exists()
    window._browsers_loaded_at -= 3600  # an old list: opening the field detects again
    stamp = cache.stat().st_mtime_ns
    window.composer.browser.showPopup()
    window.composer.browser.hidePopup()
    qtbot.waitUntil(lambda: cache.stat().st_mtime_ns != stamp, timeout=10_000)
