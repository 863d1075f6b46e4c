"""Ticket hooks: how a help desk marks its ticket number in a mail subject.

* OTRS family: ``[Ticket#2026112510000017]``: the hook (``Ticket#``), the hook divider (empty
  by default) and the number. OTRS finds follow-ups with ``Ticket#(\\d+)`` (brackets optional).
* Request Tracker: ``[rtname #123]``: the instance's rtname, a space, ``#`` and the id. A
  different rtname, or no space before ``#``, makes RT open a new ticket. RT matches the rtname
  case-insensitively and allows more blanks (``[RT.EXAMPLE.TEST  #3 ]`` threads, as recorded by
  its mail gateway in ../shared/fixtures/rt/mailgate/04).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_REPLY_PREFIX = re.compile(
    r"^\s*((re|r|aw|sv|vs|antw|ref|fwd?|wg|tr|i)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE
)


@dataclass(frozen=True)
class HookStyle:
    """A help desk's subject tag. ``kind`` is ``otrs`` or ``rt``."""

    kind: str
    hook: str = "Ticket#"  # otrs: the hook; rt: the rtname
    divider: str = ""  # otrs only

    def tag(self, number: str) -> str:
        """The tag for ``number``: ``[Ticket#N]`` or ``[rtname #N]``."""
        if self.kind == "rt":
            return f"[{self.hook} #{number}]"
        return f"[{self.hook}{self.divider}{number}]"

    def pattern(self) -> re.Pattern[str]:
        """What recognises the tag in a subject (group 1 is the number).

        RT: ``\\[rtname\\s+#(\\d+)\\s*\\]`` (RT's own ParseTicketId). OTRS family: hook + divider +
        number, or hook + ``:`` + up to two blanks + number (Kernel::System::Ticket::Number's
        GetTNByString); brackets are optional there.
        """
        if self.kind == "rt":
            return re.compile(r"\[" + re.escape(self.hook) + r"\s+#(\d+)\s*\]", re.IGNORECASE)
        return re.compile(
            "(?:"
            + re.escape(self.hook + self.divider)
            + "|"
            + re.escape(self.hook)
            + r":\s{0,2})(\d+)",
            re.IGNORECASE,
        )

    def tag_pattern(self) -> re.Pattern[str]:
        """The whole tag with its brackets, for taking it out of a subject."""
        if self.kind == "rt":
            return self.pattern()
        return re.compile(r"\[?" + self.pattern().pattern + r"\]?", re.IGNORECASE)

    def find(self, subject: str) -> str | None:
        """The ticket number in ``subject``, or None."""
        match = self.pattern().search(subject)
        return match.group(1) if match else None


def strip_reply_prefixes(subject: str) -> str:
    """``Re: AW: Fwd: x`` -> ``x``."""
    return _REPLY_PREFIX.sub("", subject).strip()


def clean_subject(subject: str, style: HookStyle) -> str:
    """A subject as a ticket title: without reply prefixes and without the help desk's tags.

    ``Re: [Ticket#2026112510000035] RE: Laptop battery swells`` -> ``Laptop battery swells``.
    """
    text = strip_reply_prefixes(" ".join(subject.split()))
    text = " ".join(style.tag_pattern().sub(" ", text).split())
    return strip_reply_prefixes(text)


def follow_up_subject(subject: str, style: HookStyle, number: str) -> str:
    """The subject of a follow-up mail to ticket ``number``: ``Re: [tag] original subject``.

    An existing tag for the same ticket is kept, not repeated; other reply prefixes go.
    """
    base = strip_reply_prefixes(subject)
    tag = style.tag(number)
    if style.find(base) == number:
        return f"Re: {base}"
    return f"Re: {tag} {base}".rstrip()
