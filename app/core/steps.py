"""Recorded steps: what the steps recorder turns clicks and typing into.

A step says *where* the user acted (window, application, position, control) and *how much* they
typed, never *what*: there is deliberately no field that could hold keystroke contents. A typing
step carries a character count only; its caption is generated from that count, and the user may
rewrite the caption (it is the one free-text field, and it is theirs).

Standard library only: the UI shows these, the store keeps them, the composer renders them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

KINDS: tuple[str, ...] = ("click", "typing", "note", "screenshot")
BUTTONS: tuple[str, ...] = ("left", "right", "middle", "")


ROLES: tuple[str, ...] = (
    "button",
    "toggle button",
    "check box",
    "radio button",
    "menu item",
    "menu",
    "tab",
    "link",
    "list item",
    "tree item",
    "cell",
    "icon",
    "slider",
)
"""The kinds of control a step may name (each accessibility API's roles are mapped to these);
anything else is left unnamed rather than guessed."""


class ControlName(str):
    """A control's accessible name that also carries its kind (one of :data:`ROLES`, or "").
    It is a ``str``, so a namer that knows no role can return a plain name."""

    role: str

    def __new__(cls, name: str, role: str = "") -> ControlName:
        value = super().__new__(cls, name)
        value.role = role if role in ROLES else ""
        return value


def _quoted(title: str) -> str:
    return f"'{title}'" if title else "an untitled window"


def default_caption(
    kind: str,
    *,
    window_title: str = "",
    button: str = "",
    chars: int = 0,
    control: str = "",
    control_role: str = "",
) -> str:
    """The English caption the recorder gives a step (the UI may translate its own), e.g.
    ``Clicked (left) on button 'Save' in 'Invoice – Excel'``."""
    where = _quoted(window_title)
    if kind == "click":
        how = f" ({button})" if button else ""
        role = f"{control_role} " if control_role else ""
        target = f" on {role}'{control}'" if control else ""
        return f"Clicked{how}{target} in {where}"
    if kind == "typing":
        noun = "character" if chars == 1 else "characters"
        return f"Typed {chars} {noun} in {where}"
    if kind == "screenshot":
        return f"Screenshot of {where}" if window_title else "Screenshot"
    return ""


@dataclass(frozen=True)
class Step:
    """One numbered step. ``x``/``y`` are virtual-desktop pixels (``None`` when there is no
    position: typing, notes); ``chars`` counts key presses of a typing step; ``image_sha256``
    names the marked screenshot in the blob store ("" when there is none, or not yet)."""

    number: int
    time: datetime
    kind: str
    window_title: str = ""
    app: str = ""
    x: int | None = None
    y: int | None = None
    button: str = ""
    chars: int = 0
    control: str = ""
    caption: str = ""
    image_sha256: str = ""
    control_role: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown step kind {self.kind!r}")
        if self.button not in BUTTONS:
            raise ValueError(f"unknown mouse button {self.button!r}")
        if self.time.tzinfo is None:
            raise ValueError("a step's time must be timezone-aware")
        if self.chars < 0 or (self.chars and self.kind != "typing"):
            raise ValueError("only a typing step counts characters")
        if self.control_role and self.control_role not in ROLES:
            raise ValueError(f"unknown control role {self.control_role!r}")

    @property
    def default_caption(self) -> str:
        """The caption this step would be generated with."""
        return default_caption(
            self.kind,
            window_title=self.window_title,
            button=self.button,
            chars=self.chars,
            control=self.control,
            control_role=self.control_role,
        )

    @property
    def caption_edited(self) -> bool:
        """True when the user rewrote the generated caption."""
        return self.caption != self.default_caption

    def with_changes(self, **changes: Any) -> Step:
        """A copy with ``changes``; a caption the user never edited follows the new facts."""
        regenerate = "caption" not in changes and not self.caption_edited
        step = replace(self, **changes)
        if regenerate:
            step = replace(step, caption=step.default_caption)
        return step

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the time as ISO 8601 UTC."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["time"] = self.time.astimezone(UTC).isoformat()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Step:
        """The inverse of :meth:`to_dict`. Unknown keys are dropped (a newer version's, or a
        tampered file's: nothing outside the declared fields gets in)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        time = datetime.fromisoformat(str(values.pop("time")))
        if time.tzinfo is None:
            time = time.replace(tzinfo=UTC)
        for name in ("x", "y"):
            if values.get(name) is not None:
                values[name] = int(values[name])
        return cls(time=time, **values)


def new_step(
    number: int,
    time: datetime,
    kind: str,
    *,
    window_title: str = "",
    app: str = "",
    x: int | None = None,
    y: int | None = None,
    button: str = "",
    chars: int = 0,
    control: str = "",
    caption: str | None = None,
    control_role: str = "",
) -> Step:
    """A step with its generated caption (unless ``caption`` is given)."""
    if caption is None:
        caption = default_caption(
            kind,
            window_title=window_title,
            button=button,
            chars=chars,
            control=control,
            control_role=control_role,
        )
    return Step(
        number=number,
        time=time,
        kind=kind,
        window_title=window_title,
        app=app,
        x=x,
        y=y,
        button=button,
        chars=chars,
        control=control,
        caption=caption,
        control_role=control_role,
    )


def step_image_name(number: int) -> str:
    """The attachment name of the screenshot of the step shown as ``number``: ``step-03.png``.

    The Steps text names it after the step's line, so the pairing survives the composer
    renumbering the section when the user's own lines come first."""
    return f"step-{number:02d}.png"


def step_text(step: Step) -> str:
    """The step's caption on one line (whitespace folded); an empty one falls back to the
    generated caption."""
    return " ".join((step.caption or step.default_caption).split())


def makes_line(step: Step) -> bool:
    """False for an empty note (no caption, no image): it has nothing to say, takes no number."""
    return bool(step_text(step) or step.image_sha256)


def numbered(steps: Sequence[Step], first: int = 1) -> list[tuple[int, Step]]:
    """(number shown, step) for every step that makes a line, numbered by list order from
    ``first`` (a recording added after lines already in the Steps section goes on from them)."""
    out: list[tuple[int, Step]] = []
    for step in steps:
        if makes_line(step):
            out.append((len(out) + first, step))
    return out


def render_steps_text(
    steps: Sequence[Step],
    *,
    with_time: bool = True,
    image_names: bool | Mapping[int, str] = False,
    first: int = 1,
) -> str:
    """The steps as numbered lines for the description's Steps section, e.g.
    ``1. Clicked (left) in 'Invoice – Excel' (14:02:11 UTC)``. Numbers follow the list's order
    (steps deleted by the user leave no gap); empty captions fall back to the generated one.

    With ``image_names``, a step that has a screenshot ends with the name of the attachment
    that holds it (:func:`step_image_name`), e.g. ``3. Clicked (left) in 'Invoice' [step-03.png]``;
    a mapping gives the names by number instead. Numbers start at ``first``.
    """
    lines: list[str] = []
    for number, step in numbered(steps, first):
        parts = [f"{number}.", step_text(step)]
        if with_time:
            parts.append(f"({step.time.astimezone(UTC):%H:%M:%S} UTC)")
        if image_names and step.image_sha256:
            name = (
                image_names.get(number, step_image_name(number))
                if isinstance(image_names, Mapping)
                else step_image_name(number)
            )
            parts.append(f"[{name}]")
        lines.append(" ".join(part for part in parts if part))
    return "\n".join(lines)
