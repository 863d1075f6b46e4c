"""The recorded-step model: captions, serialisation, rendering, and no room for typed text."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.core.composer import numbered_steps
from app.core.steps import ControlName, Step, default_caption, new_step, render_steps_text

T0 = datetime(2026, 11, 25, 14, 2, 11, tzinfo=UTC)


def test_fields_are_facts_only() -> None:
    names = {f.name for f in dataclasses.fields(Step)}
    assert names == {
        "number",
        "time",
        "kind",
        "window_title",
        "app",
        "x",
        "y",
        "button",
        "chars",
        "control",
        "caption",
        "image_sha256",
        "control_role",
    }
    # No field for what was typed: a typing step knows how many, never which.
    assert not names & {"text", "keys", "keycodes", "typed", "content", "value"}


def test_generated_captions() -> None:
    click = new_step(1, T0, "click", window_title="Invoice – Excel", x=10, y=20, button="left")
    assert click.caption == "Clicked (left) in 'Invoice – Excel'"
    named = new_step(2, T0, "click", window_title="Print", button="right", control="OK")
    assert named.caption == "Clicked (right) on 'OK' in 'Print'"
    typing = new_step(3, T0, "typing", window_title="Notes", chars=12)
    assert typing.caption == "Typed 12 characters in 'Notes'"
    assert (
        default_caption("typing", window_title="Notes", chars=1) == "Typed 1 character in 'Notes'"
    )
    assert new_step(4, T0, "click", button="left").caption == "Clicked (left) in an untitled window"
    assert new_step(5, T0, "screenshot").caption == "Screenshot"
    assert new_step(6, T0, "note", caption="Waited a minute").caption == "Waited a minute"


def test_a_generated_caption_follows_the_count_an_edited_one_stays() -> None:
    typing = new_step(1, T0, "typing", window_title="Notes", chars=1)
    grown = typing.with_changes(chars=5)
    assert grown.caption == "Typed 5 characters in 'Notes'"
    edited = grown.with_changes(caption="Entered the customer number")
    assert edited.caption_edited
    assert edited.with_changes(chars=9).caption == "Entered the customer number"


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "keystroke"},
        {"button": "wheel"},
        {"time": datetime(2026, 1, 1)},  # naive
        {"chars": -1},
        {"kind": "click", "chars": 3},  # only typing counts characters
        {"kind": "click", "control_role": "password field"},  # not a kind we name
    ],
)
def test_invalid_steps_are_refused(changes: dict[str, object]) -> None:
    values: dict[str, object] = {"number": 1, "time": T0, "kind": "typing", **changes}
    with pytest.raises(ValueError):
        Step(**values)  # type: ignore[arg-type]


def test_round_trip_through_json() -> None:
    steps = [
        new_step(1, T0, "click", window_title="A", app="app", x=-5, y=7, button="middle"),
        new_step(2, T0 + timedelta(seconds=3), "typing", window_title="A", chars=4),
        new_step(3, T0, "note", caption="Note ✓"),
    ]
    for step in steps:
        data = json.loads(json.dumps(step.to_dict()))
        assert data["time"] == step.time.isoformat()
        assert Step.from_dict(data) == step


def test_from_dict_drops_unknown_keys_and_reads_other_zones() -> None:
    data = new_step(1, T0, "typing", window_title="A", chars=2).to_dict()
    data["text"] = "hunter2"  # a tampered or future file: nothing undeclared gets in
    data["time"] = T0.astimezone(timezone(timedelta(hours=2))).isoformat()
    step = Step.from_dict(data)
    assert "hunter2" not in repr(step)
    assert step.time == T0


def test_render_steps_text_numbers_lines_as_the_composer_does() -> None:
    steps = [
        new_step(7, T0, "click", window_title="Invoice – Excel", x=1, y=2, button="left"),
        new_step(9, T0 + timedelta(seconds=5), "typing", window_title="Notes", chars=12),
        new_step(10, T0, "note", caption="  "),  # empty: no line, no number used
        new_step(11, T0, "note", caption="Then it\nfroze"),
    ]
    text = render_steps_text(steps)
    assert text == (
        "1. Clicked (left) in 'Invoice – Excel' (14:02:11 UTC)\n"
        "2. Typed 12 characters in 'Notes' (14:02:16 UTC)\n"
        "3. Then it froze (14:02:11 UTC)"
    )
    assert numbered_steps(text) == text  # the description's Steps section keeps it as it is
    assert render_steps_text(steps[:1], with_time=False) == "1. Clicked (left) in 'Invoice – Excel'"
    assert render_steps_text([]) == ""


def test_a_named_control_brings_its_kind_into_the_caption() -> None:
    assert ControlName("Save", "button").role == "button"
    assert ControlName("Save", "password text").role == ""  # unknown kinds are not guessed
    assert ControlName("Save") == "Save" and isinstance(ControlName("Save"), str)
    step = new_step(1, T0, "click", window_title="Invoice – Excel", button="left")
    named = step.with_changes(control="Save", control_role="button")
    assert named.caption == "Clicked (left) on button 'Save' in 'Invoice – Excel'"
    assert Step.from_dict(named.to_dict()) == named
