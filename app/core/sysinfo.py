"""System facts as data: what the user approves and what goes into the ticket.

The composer shows :meth:`SystemInfo.render_text` and the very same text is stored in the
draft and rendered into the outgoing body, so the preview is what is sent by construction.
Facts are collected by :mod:`app.sysinfo.facts`; here they are only kept, filtered and printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

FACT_KEYS: tuple[str, ...] = (
    "os",
    "desktop",
    "arch",
    "locale",
    "timezone",
    "screens",
    "app",
    "disk",
    "reachability",
)
"""Every fact's stable id, in the order the facts are printed."""

FACT_LABELS: Mapping[str, str] = {
    "os": "Operating system",
    "desktop": "Desktop",
    "arch": "Architecture",
    "locale": "Locale",
    "timezone": "Time zone",
    "screens": "Screens",
    "app": "App version",
    "disk": "Free disk space",
    "reachability": "Help desk connection",
}
"""The English label of each fact in the sent text (the help desk reads these, not the user's
language: the headings around them are translated, the facts are not)."""


def one_line(text: str) -> str:
    """``text`` on one line: a fact is one ``Label: value`` line, whatever a source returned."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Fact:
    """One line of the system information: a stable key, its English label, the value."""

    key: str
    label: str
    value: str

    @classmethod
    def of(cls, key: str, value: str) -> Fact:
        """The fact ``key`` with its standard label and ``value`` flattened to one line."""
        return cls(key, FACT_LABELS.get(key, key), one_line(value))

    @property
    def line(self) -> str:
        """The fact as sent: ``Label: value``."""
        return f"{self.label}: {self.value}"


@dataclass
class SystemInfo:
    """The facts collected, and the collectors that failed as ``(key, message)`` pairs.

    The errors are shown to the user beside the preview; they are never part of the sent text.
    """

    facts: list[Fact] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def render_text(self, removed: Iterable[str] = frozenset()) -> str:
        """Exactly the block that goes into the ticket: one ``Label: value`` line per fact, in
        collection order, without the facts whose keys are in ``removed``; no trailing newline,
        and ``""`` when no fact is left."""
        gone = set(removed)
        return "\n".join(f.line for f in self.facts if f.key not in gone)

    def without(self, keys: Iterable[str]) -> SystemInfo:
        """A copy without the facts ``keys`` (the lines the user removed); errors are kept."""
        gone = set(keys)
        return SystemInfo([f for f in self.facts if f.key not in gone], list(self.errors))

    def get(self, key: str) -> Fact | None:
        """The fact ``key``, or None when it was not collected (or removed)."""
        return next((f for f in self.facts if f.key == key), None)

    @property
    def keys(self) -> list[str]:
        """The keys of the facts present, in order."""
        return [f.key for f in self.facts]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (for a draft, and for ``sysinfo --json``)."""
        return {
            "facts": [{"key": f.key, "label": f.label, "value": f.value} for f in self.facts],
            "errors": [{"key": key, "message": message} for key, message in self.errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SystemInfo:
        """Parse :meth:`to_dict`'s form; entries that are not well formed are skipped, since the
        text may come from an older version or a hand-edited file."""
        facts: list[Fact] = []
        for item in data.get("facts") or ():
            if isinstance(item, Mapping) and isinstance(item.get("key"), str):
                key = item["key"]
                label = item.get("label")
                facts.append(
                    Fact(
                        key,
                        label if isinstance(label, str) else FACT_LABELS.get(key, key),
                        one_line(str(item.get("value", ""))),
                    )
                )
        errors: list[tuple[str, str]] = []
        for item in data.get("errors") or ():
            if isinstance(item, Mapping) and isinstance(item.get("key"), str):
                errors.append((item["key"], str(item.get("message", ""))))
        return cls(facts, errors)
