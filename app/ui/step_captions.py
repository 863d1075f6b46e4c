"""Recorded steps' captions in the user's language.

The recorder generates English captions (:func:`app.core.steps.default_caption`: the core has
no translations). Before the user sees the steps, every caption they have not written
themselves is put in their language here; the ticket then reads like the rest of the body,
whose headings are translated too. A caption the user wrote, and every note, stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.steps import Step


def _role(role: str) -> str:
    """The kind of control (:data:`app.core.steps.ROLES`) in the UI language."""
    names = {
        "button": QCoreApplication.translate("StepCaptions", "button"),
        "toggle button": QCoreApplication.translate("StepCaptions", "toggle button"),
        "check box": QCoreApplication.translate("StepCaptions", "check box"),
        "radio button": QCoreApplication.translate("StepCaptions", "radio button"),
        "menu item": QCoreApplication.translate("StepCaptions", "menu item"),
        "menu": QCoreApplication.translate("StepCaptions", "menu"),
        "tab": QCoreApplication.translate("StepCaptions", "tab"),
        "link": QCoreApplication.translate("StepCaptions", "link"),
        "list item": QCoreApplication.translate("StepCaptions", "list item"),
        "tree item": QCoreApplication.translate("StepCaptions", "tree item"),
        "cell": QCoreApplication.translate("StepCaptions", "cell"),
        "icon": QCoreApplication.translate("StepCaptions", "icon"),
        "slider": QCoreApplication.translate("StepCaptions", "slider"),
    }
    return names.get(role, "")


def localized_caption(step: Step) -> str:
    """``step``'s caption in the UI language (the user's own caption unchanged)."""
    if step.caption_edited or step.kind == "note":
        return step.caption
    where = (
        f"'{step.window_title}'"
        if step.window_title
        else QCoreApplication.translate("StepCaptions", "an untitled window")
    )
    if step.kind == "click":
        role = _role(step.control_role)
        if step.control and role:
            template = {
                "right": QCoreApplication.translate("StepCaptions", "Right-clicked %3 '%1' in %2"),
                "middle": QCoreApplication.translate(
                    "StepCaptions", "Middle-clicked %3 '%1' in %2"
                ),
            }.get(step.button, QCoreApplication.translate("StepCaptions", "Clicked %3 '%1' in %2"))
            return template.replace("%1", step.control).replace("%2", where).replace("%3", role)
        if step.control:
            template = {
                "right": QCoreApplication.translate("StepCaptions", "Right-clicked '%1' in %2"),
                "middle": QCoreApplication.translate("StepCaptions", "Middle-clicked '%1' in %2"),
            }.get(step.button, QCoreApplication.translate("StepCaptions", "Clicked '%1' in %2"))
            return template.replace("%1", step.control).replace("%2", where)
        template = {
            "right": QCoreApplication.translate("StepCaptions", "Right-clicked in %2"),
            "middle": QCoreApplication.translate("StepCaptions", "Middle-clicked in %2"),
        }.get(step.button, QCoreApplication.translate("StepCaptions", "Clicked in %2"))
        return template.replace("%2", where)
    if step.kind == "typing":
        if step.chars == 1:
            return QCoreApplication.translate("StepCaptions", "Typed 1 character in %2").replace(
                "%2", where
            )
        return (
            QCoreApplication.translate("StepCaptions", "Typed %1 characters in %2")
            .replace("%1", str(step.chars))
            .replace("%2", where)
        )
    if step.kind == "screenshot":
        if not step.window_title:
            return QCoreApplication.translate("StepCaptions", "Screenshot")
        return QCoreApplication.translate("StepCaptions", "Screenshot of %2").replace("%2", where)
    return step.caption


def localized(steps: list[Step]) -> list[Step]:
    """The steps with their generated captions in the UI language."""
    return [step.with_changes(caption=localized_caption(step)) for step in steps]
