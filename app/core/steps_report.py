"""The steps recording as one self-contained HTML file (the successor of the old recorder's MHT).

One file the help desk opens in any browser, offline, and prints: every screenshot is embedded
as a ``data:`` URI, the style is inline, and there is no script and no external resource. A
Content-Security-Policy in the file says so to the browser too, so even a caption that somehow
slipped past the escaping could not load or run anything.

Every text (captions, window titles, application names, the title) is the recording's or the
user's and goes through :func:`html.escape`: a window titled ``<script>`` is shown as text.

Standard library only; the UI passes translated :class:`ReportLabels`.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape

from app.core.steps import Step, numbered, step_text

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #202124; background: #fff; line-height: 1.45;
       max-width: 64em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15em 1em;
           margin: .4em 0; }
dl.facts dt { color: #5f6368; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.steps { list-style: none; padding: 0; margin: 1.5em 0 0; }
li.step { border-top: 1px solid #dadce0; padding: 1.2em 0; }
li.step h2 { font-size: 1.15em; margin: 0 0 .3em; overflow-wrap: anywhere; }
li.step .number { color: #1a56b8; margin-right: .35em; white-space: nowrap; }
figure { margin: .7em 0 0; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #dadce0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  li.step { break-inside: avoid; page-break-inside: avoid; }
  figure img { max-height: 16cm; width: auto; }
}
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


@dataclass(frozen=True)
class ReportLabels:
    """The words of the report, in the user's language (English by default)."""

    title_prefix: str = "Recorded steps"
    step: str = "Step"
    window: str = "Window"
    application: str = "Application"
    time: str = "Time"
    position: str = "Position"
    recorded: str = "Recorded"
    steps: str = "Steps"
    generated: str = "Report made"
    untitled: str = "(untitled window)"
    language: str = "en"
    """The ``lang`` of the document (a BCP 47 tag such as ``it``)."""


def _image_type(data: bytes) -> str:
    """The MIME type of screenshot bytes, "" when they are no image this report embeds."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(JPEG_SIGNATURE):
        return "image/jpeg"
    return ""


def _png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR chunk, so the page lays out before images decode."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return (width, height) if width and height else None


def _zone(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    sign = "+" if offset >= timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _span(start: datetime, end: datetime) -> str:
    """``2026-11-26 14:02:11 – 14:05:40 UTC`` (the end's date only when it differs)."""
    first = f"{start:%Y-%m-%d %H:%M:%S}"
    last = f"{end:%H:%M:%S}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M:%S}"
    return first if end == start else f"{first} \u2013 {last}"


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in rows)
    return f'<dl class="facts">{items}</dl>'


def _figure(number: int, caption: str, data: bytes, labels: ReportLabels) -> str:
    mime = _image_type(data)
    if not mime:
        return ""
    size = _png_size(data)
    dimensions = f' width="{size[0]}" height="{size[1]}"' if size else ""
    alt = escape(f"{labels.step} {number}: {caption}")
    encoded = base64.b64encode(data).decode("ascii")
    return f'<figure><img src="data:{mime};base64,{encoded}" alt="{alt}"{dimensions}></figure>'


def render_html(
    steps: Sequence[Step],
    images: Mapping[str, bytes],
    *,
    title: str,
    labels: ReportLabels,
    generated: datetime,
) -> str:
    """The recording as one HTML5 document: a heading, when it was recorded and how many steps,
    then each step (caption, time, window, application, click position) with its screenshot.

    ``images`` maps a step's ``image_sha256`` to the image's bytes; a step whose image is not
    there is shown without one. Numbers follow the list's order, as in the Steps text. Times are
    shown in ``generated``'s time zone (pass an aware local time for the user's clock).
    """
    zone = generated.tzinfo
    heading = f"{labels.title_prefix}: {title}" if title.strip() else labels.title_prefix
    shown = numbered(steps)
    header_facts: list[tuple[str, str]] = []
    if steps:
        times = [step.time.astimezone(zone) for step in steps]
        header_facts.append(
            (labels.recorded, f"{_span(min(times), max(times))} {_zone(min(times))}")
        )
    header_facts.append((labels.steps, str(len(shown))))
    made = generated.astimezone(zone)
    header_facts.append((labels.generated, f"{made:%Y-%m-%d %H:%M:%S} {_zone(made)}"))

    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(labels.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Ticketwise">',
        f"<title>{escape(heading)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        _facts(header_facts),
        "</header>",
        '<ol class="steps">',
    ]
    for number, step in shown:
        caption = step_text(step)
        when = step.time.astimezone(zone)
        rows: list[tuple[str, str]] = [(labels.time, f"{when:%H:%M:%S} {_zone(when)}")]
        if step.kind != "note":
            rows.append((labels.window, step.window_title or labels.untitled))
            if step.app:
                rows.append((labels.application, step.app))
        if step.x is not None and step.y is not None:
            rows.append((labels.position, f"{step.x}, {step.y}"))
        figure = ""
        data = images.get(step.image_sha256) if step.image_sha256 else None
        if data:
            figure = _figure(number, caption, data, labels)
        parts.append(
            f'<li class="step" id="step-{number}">'
            f'<h2><span class="number">{escape(labels.step)} {number}</span>'
            f"{escape(caption)}</h2>"
            f"{_facts(rows)}{figure}</li>"
        )
    parts += ["</ol>", "</body>", "</html>", ""]
    return "\n".join(parts)
