"""A follow-up from the GUI lands on the same ticket (fake OTOBO that checks every request)."""

from __future__ import annotations

import secrets

import pytest
from PySide6.QtCore import Qt

from app.config.profiles import Profile
from app.core.model import OutboxState
from app.ui.main_window import PAGE_COMPOSE, PAGE_OUTBOX
from tests.servers.otrs import FakeOtobo, default_users
from tests.ui.test_composer import fill


@pytest.fixture
def otobo():
    password = f"J\u00e4ne-{secrets.token_urlsafe(12)}"
    server = FakeOtobo(users=default_users(password=password)).start()
    server.password = password
    yield server
    server.stop()
    assert not server.violations, server.violations


def test_follow_up_from_the_outbox_lands_on_the_same_ticket(qtbot, make_window, otobo) -> None:
    window = make_window()
    profile = Profile(
        name="ACME OTOBO", kind="otrs", url=otobo.url, login="jane.customer", queue="Raw"
    )
    window._profiles.save(profile, otobo.password, make_default=True)
    window.refresh_profiles()
    fill(qtbot, window)
    window.composer.send_button.click()
    repo = window._ctx.outbox_repo

    def sent() -> None:
        items = repo.list_items()
        assert items and items[0].state is OutboxState.SENT and items[0].ticket_number

    qtbot.waitUntil(sent, timeout=10_000)
    item = repo.list_items()[0]
    assert len(otobo.tickets) == 2  # the server's welcome ticket and ours

    window.show_page(PAGE_OUTBOX)

    def row_ready() -> None:
        view = window.outbox_view
        assert view.tree.topLevelItemCount() == 1 and item.ticket_number in view.tree.topLevelItem(
            0
        ).text(2)
        view.tree.topLevelItem(0).setSelected(True)
        assert view.follow_up_button.isEnabled()

    qtbot.waitUntil(row_ready, timeout=3000)
    qtbot.mouseClick(window.outbox_view.follow_up_button, Qt.MouseButton.LeftButton)
    composer = window.composer
    assert window.stack.currentIndex() == PAGE_COMPOSE
    assert composer.follow_up_box.isVisibleTo(window)
    assert item.ticket_number in composer.follow_up_banner.text()
    assert not composer.profile_box.isEnabled()
    qtbot.keyClicks(composer.what_happened, "It still fails after the browser update.")
    composer.send_button.click()

    def followed_up() -> None:
        items = repo.list_items()
        assert len(items) == 2 and items[0].state is OutboxState.SENT

    qtbot.waitUntil(followed_up, timeout=10_000)
    assert len(otobo.tickets) == 2  # no new ticket
    ticket = otobo.tickets[int(item.ticket_id)]
    bodies = [a.body for a in ticket.articles]
    assert any("It still fails after the browser update." in b for b in bodies), bodies
    assert repo.list_items()[0].ticket_number == item.ticket_number
