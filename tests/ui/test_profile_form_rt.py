"""The profile form's Request Tracker entry: its rows, and the profile it makes."""

from __future__ import annotations

from app.config.profiles import Profile, validate
from app.ui.profiles import ProfileForm


def test_rt_rows_and_profile(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.show()
    form.kind.setCurrentIndex(form.kind.findData("rt"))
    assert form.url.isVisible() and form.queue.isVisible() and form.token_note.isVisible()
    assert not form.to_address.isVisible() and not form.host.isVisible()
    assert not form.webservice.isVisible()
    form.name.setText("Office RT")
    form.url.setText("https://rt.example.com/rt")
    form.queue.setText("General")
    form.login.setText("carol")
    form.ticket_hook.setText("rt.example.com")
    profile = form.profile()
    assert (profile.kind, profile.url, profile.queue, profile.login) == (
        "rt",
        "https://rt.example.com/rt",
        "General",
        "carol",
    )
    assert profile.hook.tag("7") == "[rt.example.com #7]"
    assert validate(profile) == []
    form.kind.setCurrentIndex(form.kind.findData("smtp"))
    assert not form.token_note.isVisible() and form.to_address.isVisible()


def test_an_rt_profile_loads_into_the_form(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.show()
    stored = Profile(
        name="Office RT",
        kind="rt",
        url="https://rt.example.com/rt",
        login="carol",
        queue="Support",
        hook_style="rt",
        ticket_hook="rt.example.com",
    )
    form.set_profile(stored, has_password=True)
    assert form.kind.currentData() == "rt" and form.url.isVisible()
    assert form.profile() == stored
