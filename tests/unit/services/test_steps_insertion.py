"""prepare_insertion on a real store: names, sizes, text, the report, and garbage collection."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta

from app.capture.grab import encode_bgrx_png
from app.core.model import Draft
from app.core.steps import Step, new_step
from app.core.steps_report import ReportLabels
from app.services.context import AppContext
from app.services.drafts import DraftService
from app.services.steps import REPORT_NAME, StepsInsertion, prepare_insertion

T0 = datetime(2026, 11, 25, 14, 2, 11, tzinfo=UTC)


def screenshot(drafts: DraftService, width: int, shade: int) -> str:
    png = encode_bgrx_png(bytes([shade, 0, 0, 255]) * width * 10, width, 10)
    return drafts.store_bytes("s.png", png).sha256


def recording(drafts: DraftService) -> list[Step]:
    return [
        new_step(1, T0, "click", window_title="Invoice", x=5, y=6, button="left").with_changes(
            image_sha256=screenshot(drafts, 30, 1)
        ),
        new_step(2, T0 + timedelta(seconds=3), "typing", window_title="Invoice", chars=4),
        new_step(3, T0 + timedelta(seconds=8), "click", window_title="Confirm", x=7, y=8,
                 button="left", control="Save").with_changes(
            image_sha256=screenshot(drafts, 50, 2)
        ),
    ]  # fmt: skip


def test_names_follow_positions_after_a_reorder_with_sizes_and_text(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    steps = recording(drafts)
    reordered = [steps[2], steps[1], steps[0]]
    result = prepare_insertion(drafts, reordered, report=False, with_time=False)
    assert isinstance(result, StepsInsertion)
    assert result.text == (
        "1. Clicked (left) on 'Save' in 'Confirm' [step-01.png]\n"
        "2. Typed 4 characters in 'Invoice'\n"
        "3. Clicked (left) in 'Invoice' [step-03.png]"
    )
    assert [(a.name, a.sha256, a.mime) for a in result.attachments] == [
        ("step-01.png", steps[2].image_sha256, "image/png"),
        ("step-03.png", steps[0].image_sha256, "image/png"),
    ]
    for ref in result.attachments:
        assert ref.size == len(drafts.read_blob(ref.sha256))
        assert not ref.is_annotated
    assert result.missing_images == ()


def test_times_are_in_the_text_by_default(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    result = prepare_insertion(drafts, recording(drafts)[:1], report=False)
    assert result.text == "1. Clicked (left) in 'Invoice' (14:02:11 UTC) [step-01.png]"


def test_the_report_only_when_asked(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    steps = recording(drafts)
    without = prepare_insertion(drafts, steps, report=False)
    assert REPORT_NAME not in [a.name for a in without.attachments]
    labels = ReportLabels(title_prefix="Passi registrati", language="it")
    result = prepare_insertion(drafts, steps, report=True, title="Fattura <1>", labels=labels)
    report = result.attachments[-1]
    assert (report.name, report.mime) == (REPORT_NAME, "text/html")
    assert [a.name for a in result.attachments] == ["step-01.png", "step-03.png", REPORT_NAME]
    html = drafts.read_blob(report.sha256).decode("utf-8")
    assert report.size == len(html.encode("utf-8"))
    assert "Passi registrati: Fattura &lt;1&gt;" in html
    embedded = [
        base64.b64decode(m) for m in re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    ]
    assert embedded == [
        drafts.read_blob(steps[0].image_sha256),
        drafts.read_blob(steps[2].image_sha256),
    ]
    assert prepare_insertion(drafts, [], report=True) == StepsInsertion("", ())


def test_an_annotated_screenshot_keeps_its_original_and_marks(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    steps = recording(drafts)
    original = drafts.read_blob(steps[0].image_sha256)
    marked = drafts.store_annotated(
        "x.png", encode_bgrx_png(b"\x00\x00\xff\xff" * 300, 30, 10), original, '{"operations":[]}'
    )
    steps[0] = steps[0].with_changes(image_sha256=marked.sha256)
    result = prepare_insertion(drafts, steps, report=False, annotated={marked.sha256: marked})
    first = result.attachments[0]
    assert (first.name, first.sha256) == ("step-01.png", marked.sha256)
    assert first.original_sha256 == marked.original_sha256
    assert first.annotations == '{"operations":[]}'


def test_a_lost_screenshot_is_reported_and_left_out(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    steps = recording(drafts)
    drafts.blob_path(steps[0].image_sha256).unlink()
    result = prepare_insertion(drafts, steps, report=True, with_time=False)
    assert result.missing_images == (1,)
    assert result.text.splitlines()[0] == "1. Clicked (left) in 'Invoice'"  # no file named
    assert [a.name for a in result.attachments] == ["step-03.png", REPORT_NAME]


def test_blobs_stay_once_the_draft_holds_the_references(ctx: AppContext) -> None:
    drafts = DraftService(ctx)
    steps = recording(drafts)
    dropped = screenshot(drafts, 70, 9)  # a step the user deleted in the editor
    result = prepare_insertion(drafts, steps, report=True)
    drafts.save(Draft(subject="Crash", steps=result.text, attachments=result.attachments))
    assert drafts.collect_garbage() == 1  # only the deleted step's screenshot
    assert not ctx.blobs.exists(dropped)
    for ref in result.attachments:
        assert ctx.blobs.exists(ref.sha256)
        drafts.read_blob(ref.sha256)


def test_numbers_go_on_and_names_never_clash_with_the_drafts(ctx: AppContext) -> None:
    """A recording added below three lines (and a user file already called step-04.png)."""
    drafts = DraftService(ctx)
    result = prepare_insertion(
        drafts,
        recording(drafts),
        report=True,
        with_time=False,
        first_number=4,
        taken_names=["step-04.png", "steps-report.html", "steps-report-2.html"],
    )
    assert result.text == (
        "4. Clicked (left) in 'Invoice' [step-04-2.png]\n"
        "5. Typed 4 characters in 'Invoice'\n"
        "6. Clicked (left) on 'Save' in 'Confirm' [step-06.png]"
    )
    assert [a.name for a in result.attachments] == [
        "step-04-2.png",
        "step-06.png",
        "steps-report-3.html",
    ]
