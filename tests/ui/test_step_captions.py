"""Recorded steps' captions in the user's language, the user's own words untouched."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.steps import new_step
from app.ui.step_captions import localized, localized_caption
from tests.ui.test_translations import italian, italian_qm  # noqa: F401 - fixtures

WHEN = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def test_generated_captions_read_well_in_english() -> None:
    def caption(kind: str, **facts: object) -> str:
        return localized_caption(new_step(1, WHEN, kind, **facts))  # type: ignore[arg-type]

    assert caption("click", window_title="Invoice", button="left", control="Save") == (
        "Clicked 'Save' in 'Invoice'"
    )
    assert caption("click", window_title="Invoice", button="right") == (
        "Right-clicked in 'Invoice'"
    )
    assert caption("click", button="middle") == "Middle-clicked in an untitled window"
    assert caption("typing", window_title="Invoice", chars=1) == "Typed 1 character in 'Invoice'"
    assert caption("typing", window_title="Invoice", chars=12) == (
        "Typed 12 characters in 'Invoice'"
    )
    assert caption("screenshot", window_title="Billing") == "Screenshot of 'Billing'"
    assert caption("screenshot") == "Screenshot"


def test_the_users_own_words_stay_as_written() -> None:
    note = new_step(1, WHEN, "note", caption="Here it froze")
    edited = new_step(2, WHEN, "click", window_title="Invoice", caption="Pressed Save twice")
    plain = new_step(3, WHEN, "click", window_title="Invoice", button="left")
    out = localized([note, edited, plain])
    assert [s.caption for s in out] == [
        "Here it froze",
        "Pressed Save twice",
        "Clicked in 'Invoice'",
    ]
    assert [s.number for s in out] == [1, 2, 3]


def test_italian_captions(italian) -> None:  # noqa: F811 - the fixture
    step = new_step(1, WHEN, "typing", window_title="Fattura", chars=5)
    assert localized_caption(step) == "Digitati 5 caratteri in 'Fattura'"
    click = new_step(2, WHEN, "click", window_title="Fattura", button="left", control="Salva")
    assert localized_caption(click) == "Clic su 'Salva' in 'Fattura'"


def test_the_kind_of_control_is_named_in_the_users_language() -> None:
    step = new_step(1, WHEN, "click", window_title="Invoice", button="left", control="Save")
    named = step.with_changes(control_role="button")
    assert localized_caption(named) == "Clicked button 'Save' in 'Invoice'"
    right = named.with_changes(button="right", control_role="menu item")
    assert localized_caption(right) == "Right-clicked menu item 'Save' in 'Invoice'"


def test_italian_control_kinds(italian) -> None:  # noqa: F811 - the fixture
    step = new_step(1, WHEN, "click", window_title="Fattura", button="left", control="Salva")
    assert localized_caption(step.with_changes(control_role="button")) == (
        "Clic su pulsante 'Salva' in 'Fattura'"
    )
