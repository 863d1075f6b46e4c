"""Ticket hooks: how a help desk marks its ticket number in a mail subject.

* OTRS family: ``[Ticket#2026112510000017]``: the hook (``Ticket#``), the hook divider (empty
  by default) and the number. OTRS finds follow-ups with ``Ticket#(\\d+)`` (brackets optional).
* Request Tracker: ``[rtname #123]``: the instance's rtname, a space, ``#`` and the id. A
  different rtname, or no space before ``#``, makes RT open a new ticket.
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
        """What recognises the tag in a subject (group 1 is the number)."""
        if self.kind == "rt":
            return re.compile(r"\[" + re.escape(self.hook) + r" #(\d+)\]", re.IGNORECASE)
        divider = re.escape(self.divider) if self.divider else ""
        return re.compile(re.escape(self.hook) + r":?\s{0,2}" + divider + r"(\d+)", re.IGNORECASE)

    def find(self, subject: str) -> str | None:
        """The ticket number in ``subject``, or None."""
        match = self.pattern().search(subject)
        return match.group(1) if match else None


def strip_reply_prefixes(subject: str) -> str:
    """``Re: AW: Fwd: x`` -> ``x``."""
    return _REPLY_PREFIX.sub("", subject).strip()


def follow_up_subject(subject: str, style: HookStyle, number: str) -> str:
    """The subject of a follow-up mail to ticket ``number``: ``Re: [tag] original subject``.

    An existing tag for the same ticket is kept, not repeated; other reply prefixes go.
    """
    base = strip_reply_prefixes(subject)
    tag = style.tag(number)
    if style.find(base) == number:
        return f"Re: {base}"
    return f"Re: {tag} {base}".rstrip()
