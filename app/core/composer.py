"""The composer's rules as data: what a help desk needs, and how a draft becomes a ticket body.

The help desk asks (see the seed instructions) for a detailed subject and description, images of
the problem, the browser used, and the sequence of operations that caused the error. Each of those
is a :class:`Check`; only an empty subject or an empty description blocks sending.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.model import NOT_A_BROWSER_PROBLEM, Draft


class Level(enum.StrEnum):
    """How a check came out."""

    OK = "ok"
    ADVICE = "advice"  # the help desk will probably ask about this; sending is still allowed
    BLOCKER = "blocker"  # cannot send like this


class CheckId(enum.StrEnum):
    """The checks, in the order they are shown."""

    SUBJECT = "subject"
    DESCRIPTION = "description"
    STEPS = "steps"
    EXPECTED_ACTUAL = "expected_actual"
    IMAGES = "images"
    BROWSER = "browser"


@dataclass(frozen=True)
class Check:
    """One line of the checklist. ``reason`` is a code the UI turns into a sentence."""

    id: CheckId
    level: Level
    reason: str = ""


# Words that say nothing about the problem; a subject made only of these is not specific.
_GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "is",
        "it",
        "my",
        "our",
        "we",
        "i",
        "me",
        "please",
        "pls",
        "urgent",
        "urgently",
        "asap",
        "help",
        "problem",
        "problems",
        "issue",
        "issues",
        "error",
        "errors",
        "bug",
        "bugs",
        "question",
        "request",
        "support",
        "ticket",
        "trouble",
        "broken",
        "failure",
        "fail",
        "fails",
        "failing",
        "not",
        "working",
        "work",
        "works",
        "doesnt",
        "does",
        "dont",
        "cant",
        "cannot",
        "wont",
        "hello",
        "hi",
        "hey",
        "info",
        "information",
        "new",
        "about",
        "something",
        "anything",
        "with",
        "il",
        "lo",
        "la",
        "i",
        "gli",
        "le",
        "un",
        "una",
        "uno",
        "di",
        "da",
        "del",
        "della",
        "in",
        "su",
        "per",
        "con",
        "che",
        "non",
        "e",
        "ed",
        "o",
        "mio",
        "mia",
        "nostro",
        "aiuto",
        "problema",
        "problemi",
        "errore",
        "errori",
        "urgente",
        "richiesta",
        "assistenza",
        "segnalazione",
        "domanda",
        "funziona",
        "funzionano",
        "guasto",
        "ciao",
        "salve",
        "buongiorno",
        "informazioni",
        "qualcosa",
        # Italian elisions: "l'errore", "nell'app" split at the apostrophe
        "l",
        "dell",
        "nell",
        "all",
        "dall",
        "sull",
    ]
)

# A word may carry apostrophes inside ("doesn't", "l'errore"; typographic ones too).
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_NUMBERED_RE = re.compile(r"^\s*(\d+)[.)]\s*")
_BULLET_RE = re.compile(r"^\s*[-*\u2022](?:\s+|$)")  # a bare "-" is an empty bullet

MIN_SUBJECT_WORDS = 3
MIN_SUBJECT_CHARS = 15
MIN_DESCRIPTION_WORDS = 15
MIN_STEP_LINES = 2


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, any script)."""
    return _WORD_RE.findall(text)


def _is_generic(word: str) -> bool:
    """True for a filler word: "doesn't" counts as "doesnt", and an elided "l'errore" is filler
    when each of its parts is."""
    lowered = word.lower().replace("’", "'")
    return lowered.replace("'", "") in _GENERIC_WORDS or all(
        part in _GENERIC_WORDS for part in lowered.split("'")
    )


def subject_check(subject: str) -> Check:
    """Is the subject present and specific enough to triage the ticket from the list view?"""
    text = subject.strip()
    if not text:
        return Check(CheckId.SUBJECT, Level.BLOCKER, "empty")
    tokens = words(text)
    meaningful = [w for w in tokens if not _is_generic(w)]
    if len(meaningful) < 2:
        return Check(CheckId.SUBJECT, Level.ADVICE, "generic")
    if len(tokens) < MIN_SUBJECT_WORDS or len(text) < MIN_SUBJECT_CHARS:
        return Check(CheckId.SUBJECT, Level.ADVICE, "too_short")
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 8 and all(c.isupper() for c in letters):
        return Check(CheckId.SUBJECT, Level.ADVICE, "all_caps")
    return Check(CheckId.SUBJECT, Level.OK)


def description_check(draft: Draft) -> Check:
    """Is there a description, and is it more than a line?"""
    sections = (draft.what_happened, draft.steps, draft.expected, draft.actual)
    if not any(s.strip() for s in sections):
        return Check(CheckId.DESCRIPTION, Level.BLOCKER, "empty")
    if not draft.what_happened.strip():
        return Check(CheckId.DESCRIPTION, Level.ADVICE, "no_what_happened")
    total = sum(len(words(s)) for s in sections)
    if total < MIN_DESCRIPTION_WORDS:
        return Check(CheckId.DESCRIPTION, Level.ADVICE, "too_short")
    return Check(CheckId.DESCRIPTION, Level.OK)


def step_lines(steps: str) -> list[str]:
    """The non-empty lines of the steps section, without any numbering or bullets the user typed."""
    out = []
    for raw in steps.splitlines():
        line = _BULLET_RE.sub("", _NUMBERED_RE.sub("", raw)).strip()
        if line:
            out.append(line)
    return out


def steps_check(steps: str) -> Check:
    """Did the user list the operations that led to the error?"""
    lines = step_lines(steps)
    if not lines:
        return Check(CheckId.STEPS, Level.ADVICE, "missing")
    if len(lines) < MIN_STEP_LINES and len(words(lines[0])) < 6:
        return Check(CheckId.STEPS, Level.ADVICE, "too_few")
    return Check(CheckId.STEPS, Level.OK)


def expected_actual_check(expected: str, actual: str) -> Check:
    """Expected vs actual behaviour is how an agent tells a bug from a misunderstanding."""
    has_expected, has_actual = bool(expected.strip()), bool(actual.strip())
    if has_expected and has_actual:
        return Check(CheckId.EXPECTED_ACTUAL, Level.OK)
    if not has_expected and not has_actual:
        return Check(CheckId.EXPECTED_ACTUAL, Level.ADVICE, "missing")
    return Check(
        CheckId.EXPECTED_ACTUAL, Level.ADVICE, "no_expected" if has_actual else "no_actual"
    )


def images_check(draft: Draft) -> Check:
    """A screenshot of the problem saves a round trip."""
    if any(a.is_image for a in draft.attachments):
        return Check(CheckId.IMAGES, Level.OK)
    return Check(CheckId.IMAGES, Level.ADVICE, "missing")


def browser_check(browser: str) -> Check:
    """Which browser, or an explicit "not a browser problem"."""
    if browser.strip():
        return Check(CheckId.BROWSER, Level.OK)
    return Check(CheckId.BROWSER, Level.ADVICE, "missing")


def check_draft(draft: Draft) -> list[Check]:
    """Every check, in display order."""
    return [
        subject_check(draft.subject),
        description_check(draft),
        steps_check(draft.steps),
        expected_actual_check(draft.expected, draft.actual),
        images_check(draft),
        browser_check(draft.browser),
    ]


def blockers(checks: Iterable[Check]) -> list[Check]:
    """The checks that prevent sending."""
    return [c for c in checks if c.level is Level.BLOCKER]


def readiness(checks: Iterable[Check]) -> tuple[int, int]:
    """(checks passed, checks in all): the "4 of 6" the UI shows."""
    items = list(checks)
    return sum(1 for c in items if c.level is Level.OK), len(items)


@dataclass(frozen=True)
class BodyLabels:
    """Headings of the ticket body: the UI passes translated ones; English by default."""

    what_happened: str = "What happened"
    steps: str = "Steps that led to it"
    expected: str = "What I expected"
    actual: str = "What happened instead"
    browser: str = "Browser"
    not_a_browser_problem: str = "not a browser problem"
    system_info: str = "System information"


def numbered_steps(steps: str) -> str:
    """The steps as ``1. ...`` lines, whatever numbering the user typed."""
    return "\n".join(f"{i}. {line}" for i, line in enumerate(step_lines(steps), start=1))


def sysinfo_block(text: str, labels: BodyLabels | None = None) -> str:
    """The system information as it appears in a body: its heading, then the approved text
    (:meth:`app.core.sysinfo.SystemInfo.render_text`) unchanged; ``""`` when there is none."""
    text = text.strip()
    if not text:
        return ""
    return f"{(labels or BodyLabels()).system_info}:\n{text}"


def render_body(draft: Draft, labels: BodyLabels | None = None) -> str:
    """The plain-text ticket body: one headed block per filled section, then the browser line,
    then the system information the user approved."""
    labels = labels or BodyLabels()
    blocks: list[str] = []
    sections = (
        (labels.what_happened, draft.what_happened.strip()),
        (labels.steps, numbered_steps(draft.steps)),
        (labels.expected, draft.expected.strip()),
        (labels.actual, draft.actual.strip()),
    )
    for heading, text in sections:
        if text:
            blocks.append(f"{heading}:\n{text}")
    browser = draft.browser.strip()
    if browser:
        shown = labels.not_a_browser_problem if browser == NOT_A_BROWSER_PROBLEM else browser
        blocks.append(f"{labels.browser}: {shown}")
    system = sysinfo_block(draft.sysinfo, labels)
    if system:
        blocks.append(system)
    return "\n\n".join(blocks) + "\n"
