"""From an edited recording to what goes into the draft: the Steps text and the attachments.

The screenshots are in the blob store already (the recorder put them there, the annotator its
marked versions): each becomes an attachment that reuses its blob, named after its line in the
text (``step-03.png``). The optional HTML report is built and stored here too. This reads and
writes files: call :func:`prepare_insertion` on the task runner, never on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.model import AttachmentRef
from app.core.steps import Step, makes_line, numbered, render_steps_text, step_image_name
from app.core.steps_report import ReportLabels, render_html
from app.services.drafts import DraftService

log = logging.getLogger(__name__)

REPORT_NAME = "steps-report.html"
REPORT_MIME = "text/html"


@dataclass(frozen=True)
class StepsInsertion:
    """What the composer adds: ``text`` for the Steps section, ``attachments`` for the draft.
    ``missing_images`` names the steps (their numbers in ``text``) whose screenshot was no
    longer in the store: they are listed without one, and the user is told."""

    text: str
    attachments: tuple[AttachmentRef, ...]
    missing_images: tuple[int, ...] = ()


def prepare_insertion(
    drafts: DraftService,
    steps: Sequence[Step],
    *,
    report: bool,
    title: str = "",
    labels: ReportLabels | None = None,
    with_time: bool = True,
    annotated: Mapping[str, AttachmentRef] | None = None,
    first_number: int = 1,
    taken_names: Collection[str] = (),
) -> StepsInsertion:
    """The Steps text and attachments for ``steps`` (in the order given).

    One ``image/png`` attachment per step screenshot, named by the step's number in the text;
    with ``report``, ``steps-report.html`` too (``title`` and ``labels`` are its heading and
    words). ``annotated`` maps the sha256 of a screenshot the user annotated to the attachment
    :meth:`DraftService.store_annotated` made for it, so the composer can reopen its marks.

    ``first_number`` continues the numbering after the lines already in the Steps section (the
    sent body numbers every line in order, so ``[step-05.png]`` stays on line 5), and no
    attachment gets a name in ``taken_names`` (the draft's own: a second recording's report
    becomes ``steps-report-2.html``, never a second ``steps-report.html``).
    """
    annotated = annotated or {}
    sizes: dict[str, int] = {}
    kept: list[Step] = []
    missing: list[int] = []
    lines = first_number - 1
    for step in steps:
        sha = step.image_sha256
        if sha and sha not in sizes:
            size = _blob_size(drafts, sha)
            if size is not None:
                sizes[sha] = size
        lost = bool(sha) and sha not in sizes
        shown = step.with_changes(image_sha256="", caption=step.caption) if lost else step
        kept.append(shown)
        lines += makes_line(shown)
        if lost and makes_line(shown):
            missing.append(lines)
    taken = set(taken_names)
    names: dict[int, str] = {}
    attachments: list[AttachmentRef] = []
    for number, step in numbered(kept, first_number):
        if step.image_sha256:
            names[number] = _free_name(step_image_name(number), taken)
            attachments.append(
                _image_ref(names[number], step.image_sha256, sizes[step.image_sha256], annotated)
            )
    text = render_steps_text(kept, with_time=with_time, image_names=names, first=first_number)
    if report and any(makes_line(step) for step in kept):
        images: dict[str, bytes] = {}
        for step in kept:
            if step.image_sha256 and step.image_sha256 not in images:
                try:
                    images[step.image_sha256] = drafts.read_blob(step.image_sha256)
                except (OSError, ValueError) as error:  # damaged since: no image in the report
                    log.warning("steps report: a step's screenshot was not read: %s", error)
        page = render_html(
            kept,
            images,
            title=title,
            labels=labels or ReportLabels(),
            generated=datetime.now().astimezone(),
        )
        report_name = _free_name(REPORT_NAME, taken)
        attachments.append(drafts.store_bytes(report_name, page.encode("utf-8"), REPORT_MIME))
    return StepsInsertion(text, tuple(attachments), tuple(missing))


def _free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``stem-2.ext``, ``stem-3.ext``… when the draft already has it; the name
    returned is taken from then on."""
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    taken.add(candidate)
    return candidate


def _blob_size(drafts: DraftService, sha256: str) -> int | None:
    """The stored size of a screenshot, None when it is not in the store (any more)."""
    try:
        return drafts.blob_path(sha256).stat().st_size
    except (OSError, ValueError) as error:
        log.warning("a step's screenshot is not in the store: %s", error)
        return None


def _image_ref(
    name: str, sha256: str, size: int, annotated: Mapping[str, AttachmentRef]
) -> AttachmentRef:
    """A step's screenshot as the attachment ``name``; an annotated one keeps its original and
    marks (this machine only), so the composer's annotator reopens them editable."""
    marked = annotated.get(sha256)
    return AttachmentRef(
        name=name,
        sha256=sha256,
        size=size,
        mime="image/png",
        original_sha256=marked.original_sha256 if marked is not None else "",
        annotations=marked.annotations if marked is not None and marked.original_sha256 else "",
    )
