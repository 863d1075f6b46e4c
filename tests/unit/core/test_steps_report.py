"""The HTML report of a recording: self-contained, escaped, in list order."""

from __future__ import annotations

import base64
import re
import zlib
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser

from app.core.steps import Step, new_step
from app.core.steps_report import ReportLabels, render_html

T0 = datetime(2026, 11, 25, 14, 2, 11, tzinfo=UTC)
ROME = timezone(timedelta(hours=1))


def png(width: int, height: int, seed: int) -> bytes:
    """A real (tiny) PNG, different for each seed."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    raw = b"".join(b"\x00" + bytes([seed % 256, 0, 0] * width) for _ in range(height))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


class Page(HTMLParser):
    """Collects what a browser would see: text, tags, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def steps_with_images() -> tuple[list[Step], dict[str, bytes]]:
    images = {"a" * 64: png(4, 3, 1), "b" * 64: png(5, 2, 2)}
    steps = [
        new_step(1, T0, "click", window_title="Invoice", app="billing", x=10, y=20,
                 button="left").with_changes(image_sha256="a" * 64),
        new_step(2, T0 + timedelta(seconds=5), "typing", window_title="Invoice", chars=7),
        new_step(3, T0 + timedelta(seconds=9), "click", window_title="Confirm", x=1, y=2,
                 button="right").with_changes(image_sha256="b" * 64),
    ]  # fmt: skip
    return steps, images


def test_images_are_embedded_and_decode_to_the_same_bytes() -> None:
    steps, images = steps_with_images()
    html = render_html(steps, images, title="Crash", labels=ReportLabels(), generated=T0)
    sources = [v for tag, name, v in parse(html).attrs if tag == "img" and name == "src"]
    assert len(sources) == 2
    prefix = "data:image/png;base64,"
    assert all(s.startswith(prefix) for s in sources)
    assert [base64.b64decode(s[len(prefix) :]) for s in sources] == [
        images["a" * 64],
        images["b" * 64],
    ]
    sizes = [(v, w) for tag, v, w in parse(html).attrs if tag == "img" and v in ("width", "height")]
    assert sizes[:2] == [("width", "4"), ("height", "3")]  # laid out before decoding


def test_nothing_external_and_no_script() -> None:
    steps, images = steps_with_images()
    html = render_html(steps, images, title="t", labels=ReportLabels(), generated=T0)
    page = parse(html)
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    assert "http" not in html.lower().replace('http-equiv="content-security-policy"', "")
    assert len(re.findall(r'src="', html)) == len(re.findall(r'src="data:image/png;base64,', html))
    assert "default-src 'none'" in html  # the browser refuses anything else, too


def test_every_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & <img src=x onerror=1>'
    steps = [
        new_step(1, T0, "click", window_title=evil, app=evil, x=1, y=1, button="left"),
        new_step(2, T0, "note", caption=evil),
    ]
    labels = ReportLabels(step="<b>Step</b>", window="Win & Co")
    html = render_html(steps, {}, title=f"Crash {evil}", labels=labels, generated=T0)
    page = parse(html)
    assert page.tags.count("script") == 0 and "img" not in page.tags and "b" not in page.tags
    text = "".join(page.text)
    assert f"Crash {evil}" in text  # shown as the user wrote it, as text
    assert "Win & Co" in text and "<b>Step</b> 2" in text
    assert "&amp;" in html and "&lt;script&gt;" in html


def test_order_and_numbers_follow_the_list_and_facts_are_there() -> None:
    steps, images = steps_with_images()
    reordered = [steps[2], steps[0], steps[1]]
    html = render_html(
        reordered, images, title="", labels=ReportLabels(), generated=T0.astimezone(ROME)
    )
    text = " ".join(" ".join(parse(html).text).split())
    first = text.index("Step 1 Clicked (right) in 'Confirm'")
    second = text.index("Step 2 Clicked (left) in 'Invoice'")
    third = text.index("Step 3 Typed 7 characters in 'Invoice'")
    assert first < second < third
    assert "Recorded steps" in text and "Recorded steps:" not in text  # no title: no colon
    assert "Recorded 2026-11-25 15:02:11 – 15:02:20 UTC+01:00" in text  # generated's zone
    assert "Steps 3" in text
    assert "Position 1, 2" in text and "Application billing" in text
    assert "Time 15:02:20 UTC+01:00" in text
    sources = [v for tag, name, v in parse(html).attrs if tag == "img" and name == "src"]
    assert base64.b64decode(sources[0].split(",", 1)[1]) == images["b" * 64]


def test_a_missing_image_leaves_the_step_without_one() -> None:
    steps, images = steps_with_images()
    del images["a" * 64]
    images["b" * 64] = b"not an image at all"
    html = render_html(steps, images, title="x", labels=ReportLabels(), generated=T0)
    page = parse(html)
    assert "img" not in page.tags  # neither the lost one nor bytes that are no image
    assert html.count('<li class="step"') == 3


def test_translated_labels_and_language() -> None:
    steps, images = steps_with_images()
    labels = ReportLabels(title_prefix="Passi registrati", step="Passo", language="it")
    html = render_html(steps, images, title="Errore", labels=labels, generated=T0)
    assert '<html lang="it">' in html
    assert "<title>Passi registrati: Errore</title>" in html
    assert "Passo 3" in "".join(parse(html).text)


def test_empty_recording_is_still_a_page() -> None:
    html = render_html([], {}, title="", labels=ReportLabels(), generated=T0)
    assert html.startswith("<!DOCTYPE html>") and "Steps" in html and "<li" not in html
