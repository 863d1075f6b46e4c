"""The composer's system information: the lines shown are exactly the lines sent, each one
removable, included by default as the profile says, and the choice kept with the draft."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.config.profiles import Profile
from app.core.composer import render_body
from app.ui.profiles import ProfileForm
from tests.ui.conftest import add_profile


def panel_lines(window) -> dict[str, bool]:
    panel = window.composer.sysinfo_panel
    return {
        panel.lines.item(i).text(): panel.lines.item(i).checkState() == Qt.CheckState.Checked
        for i in range(panel.lines.count())
    }


def wait_for_facts(qtbot, window, label: str = "Help desk connection") -> None:
    qtbot.waitUntil(
        lambda: any(line.startswith(f"{label}:") for line in panel_lines(window)), timeout=15_000
    )


def untick(window, label: str) -> str:
    panel = window.composer.sysinfo_panel
    for i in range(panel.lines.count()):
        item = panel.lines.item(i)
        if item.text().startswith(f"{label}:"):
            item.setCheckState(Qt.CheckState.Unchecked)
            return item.text()
    raise AssertionError(f"no {label} line")


def body_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_the_lines_shown_are_exactly_the_lines_sent(qtbot, make_window, smtp_server) -> None:
    window = make_window()
    add_profile(window, smtp_server.port)
    wait_for_facts(qtbot, window)
    composer = window.composer
    assert composer.sysinfo_panel.isChecked()  # the profile's default: included
    removed = untick(window, "Free disk space")
    shown = [line for line, ticked in panel_lines(window).items() if ticked]
    assert f"Help desk connection: 127.0.0.1:{smtp_server.port} reachable" in "\n".join(shown)
    qtbot.keyClicks(composer.subject, "Invoice PDF export fails with error 500")
    qtbot.keyClicks(composer.what_happened, "The export shows an error page.")
    qtbot.waitUntil(lambda: composer.draft_id is not None, timeout=3000)
    composer.send_button.click()
    qtbot.waitUntil(lambda: len(smtp_server.messages) == 1, timeout=10_000)
    body = body_of(smtp_server.messages[0].message)
    # The block is the panel's ticked lines, in the panel's order, byte for byte, and last.
    assert body.endswith("System information:\n" + "\n".join(shown) + "\n")
    assert removed not in body
    assert "Free disk space" not in body


def test_a_profile_that_says_no_starts_without_it(qtbot, make_window, smtp_server) -> None:
    window = make_window()
    profile = add_profile(window, smtp_server.port)
    window._profiles.save(
        Profile(**{**profile.__dict__, "include_sysinfo": False}), None, make_default=True
    )
    window.refresh_profiles()
    wait_for_facts(qtbot, window)
    composer = window.composer
    assert not composer.sysinfo_panel.isChecked()
    assert composer.sysinfo_panel.text() == ""
    qtbot.keyClicks(composer.subject, "Printer queue stuck")
    assert composer.draft.sysinfo == ""
    assert "System information" not in render_body(composer.draft, composer.body_labels())
    # Ticking the box is the user's decision: every line goes in.
    composer.sysinfo_panel.setChecked(True)
    assert composer.draft.sysinfo == "\n".join(panel_lines(window))
    assert render_body(composer.draft).endswith(
        "System information:\n" + composer.draft.sysinfo + "\n"
    )


def test_the_choice_is_kept_with_the_draft_across_a_restart(qtbot, make_window) -> None:
    window = make_window()
    wait_for_facts(qtbot, window, "Operating system")
    composer = window.composer
    qtbot.keyClicks(composer.subject, "VPN drops every hour")
    untick(window, "Locale")
    untick(window, "Screens")
    qtbot.waitUntil(lambda: composer.save_state.text() == "Saved", timeout=3000)
    saved = window._ctx.drafts_repo.list_all()[0]
    assert saved.sysinfo == composer.sysinfo_panel.text()
    assert "Locale:" not in saved.sysinfo and "Operating system:" in saved.sysinfo

    again = make_window()  # a restart: the draft comes back with its decision
    qtbot.waitUntil(lambda: again.composer.subject.text() == "VPN drops every hour", timeout=5000)
    panel = again.composer.sysinfo_panel
    qtbot.waitUntil(panel.refresh_button.isEnabled, timeout=15_000)  # fresh facts are in
    lines = panel_lines(again)
    assert [ticked for line, ticked in lines.items() if line.startswith("Locale:")] == [False]
    assert [ticked for line, ticked in lines.items() if line.startswith("Screens:")] == [False]
    # The same lines (their values fresh), and the draft holds what the panel shows.
    labels = [line.split(":")[0] for line in again.composer.draft.sysinfo.splitlines()]
    assert labels == [line.split(":")[0] for line in saved.sysinfo.splitlines()]
    assert again.composer.draft.sysinfo == panel.text()


def test_a_line_the_user_approved_is_never_dropped_silently(qtbot, make_window) -> None:
    window = make_window()
    wait_for_facts(qtbot, window, "Operating system")
    composer = window.composer
    qtbot.keyClicks(composer.subject, "Old draft")
    qtbot.waitUntil(lambda: composer.save_state.text() == "Saved", timeout=3000)
    draft = window._ctx.drafts_repo.list_all()[0]
    kept = "Printer: HP LaserJet 4000 (added by an older version)"
    composer.load_draft(draft.with_changes(sysinfo=draft.sysinfo + "\n" + kept))
    composer.sysinfo_panel.refresh_button.click()
    qtbot.waitUntil(composer.sysinfo_panel.refresh_button.isEnabled, timeout=15_000)
    assert panel_lines(window).get(kept) is True
    assert kept in composer.sysinfo_panel.text()


def test_profile_form_include_sysinfo_round_trip(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.set_profile(Profile(name="ACME", to_address="s@acme.example", include_sysinfo=False))
    assert not form.include_sysinfo.isChecked()
    assert form.profile().include_sysinfo is False
    form.include_sysinfo.setChecked(True)
    assert form.profile().include_sysinfo is True
    for kind in ("otrs", "rt"):
        form.kind.setCurrentIndex(form.kind.findData(kind))
        form.include_sysinfo.setChecked(False)
        assert form.profile().include_sysinfo is False


def test_the_next_ticket_starts_from_the_profile_default_again(
    qtbot, make_window, smtp_server
) -> None:
    window = make_window()
    add_profile(window, smtp_server.port)
    wait_for_facts(qtbot, window)
    composer = window.composer
    untick(window, "Locale")
    qtbot.keyClicks(composer.subject, "First ticket")
    qtbot.keyClicks(composer.what_happened, "Something failed.")
    qtbot.waitUntil(lambda: composer.draft_id is not None, timeout=3000)
    composer.send_button.click()
    qtbot.waitUntil(lambda: composer.subject.text() == "", timeout=5000)  # a fresh draft
    assert composer.sysinfo_panel.isChecked()
    assert all(panel_lines(window).values())  # the Locale line is back, ticked
    assert "Locale:" in composer.sysinfo_panel.text()
