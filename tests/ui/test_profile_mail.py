"""The profile form's incoming mail (IMAP) group, Test connection against a real mailbox, and the
texts of what the mailbox side reports."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.config.profiles import Profile
from app.core.errors import AuthError, ConfigError, NotReachable, Rejected, Unsupported
from app.ui.errors import describe_exception
from app.ui.profiles import ProfileForm, SettingsDialog
from tests.servers.helpdesk import FakeHelpDesk
from tests.servers.imap import DovecotServer

SMTP_PASSWORD = "smtp-only-7Hq"


@pytest.fixture
def desk(imap_server: DovecotServer) -> Iterator[FakeHelpDesk]:
    login, imap_password = imap_server.add_user()
    helpdesk = FakeHelpDesk(imap_server, users={login: SMTP_PASSWORD}).start()
    helpdesk.customer = (login, imap_password)  # type: ignore[attr-defined]
    yield helpdesk
    helpdesk.stop()


def test_the_group_is_there_for_e_mail_profiles_only(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.show()
    assert form._incoming.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("otrs"))
    assert not form._incoming.isVisible()
    compact = ProfileForm(compact=True)
    qtbot.addWidget(compact)
    compact.show()
    assert not compact._incoming.isVisible()


def test_the_mailbox_fields_round_trip(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    profile = Profile(
        name="ACME",
        to_address="support@acme.example",
        from_address="jane@customer.example",
        host="smtp.customer.example",
        login="jane",
        imap_host="imap.customer.example",
        imap_port=1993,
        imap_security="ssl",
        imap_login="jane.imap",
        imap_folder="Assistenza",
        hook_style="rt",
        ticket_hook="rt.acme.example",
    )
    form.set_profile(profile)
    assert form.profile() == profile
    form.imap_security.setCurrentIndex(form.imap_security.findData("starttls"))
    assert form.imap_port.value() == 1993  # a port the user chose stays
    form.imap_port.setValue(993)  # a default port follows the security
    form.imap_security.setCurrentIndex(form.imap_security.findData("none"))
    assert form.imap_port.value() == 143
    assert form.typed_imap_password() is None
    form.imap_password.setText("other")
    assert form.typed_imap_password() == "other"


def test_an_rt_style_mail_profile_needs_the_rtname(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.set_profile(
        Profile(name="RT", to_address="rt@x.example", from_address="j@x.example", host="h")
    )
    form.hook_style.setCurrentIndex(form.hook_style.findData("rt"))
    assert not form.validate()
    assert "rtname" in form.problems.text()
    form.imap_host.setText("imap.x.example")
    form.ticket_hook.setText("rt.x.example")
    assert not form.validate()  # no login for IMAP yet
    assert "login for the IMAP server" in form.problems.text()


def fill(qtbot, dialog: SettingsDialog, desk: FakeHelpDesk, imap: DovecotServer, imap_pw: str):
    login, _pw = desk.customer  # type: ignore[attr-defined]
    form = dialog.form
    qtbot.keyClicks(form.name, "ACME")
    qtbot.keyClicks(form.to_address, desk.address)
    qtbot.keyClicks(form.from_address, login)
    form.host.setText("127.0.0.1")
    form.security.setCurrentIndex(form.security.findData("starttls"))
    form.port.setValue(desk.port)
    form.ca_file.setText(str(imap.ca_file))
    qtbot.keyClicks(form.password, SMTP_PASSWORD)
    form.imap_host.setText("127.0.0.1")
    form.imap_port.setValue(imap.imaps_port)
    form.imap_password.setText(imap_pw)  # QtTest types ASCII only; the pool's passwords are not


def test_test_connection_checks_the_mailbox_too_and_save_keeps_both_passwords(
    qtbot, make_window, desk: FakeHelpDesk, imap_server: DovecotServer
) -> None:
    # Widgets earlier tests left in reference cycles must go now, on this thread: the cyclic GC
    # may otherwise run on the worker below and free them there (Qt warns, the test fails).
    gc.collect()
    window = make_window()
    dialog = window.make_settings_dialog()
    dialog.show()
    fill(qtbot, dialog, desk, imap_server, "not-the-imap-password")
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "\u2716" in dialog.tester.result.text(), timeout=10_000)
    assert "Incoming mail (IMAP): The mail server refused your login or password." in (
        dialog.tester.result.text()
    )
    dialog.form.imap_password.setText(desk.customer[1])  # type: ignore[attr-defined]
    dialog.tester.reset()
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "Connected as" in dialog.tester.result.text(), timeout=10_000)

    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    secrets = window._ctx.secrets
    assert secrets.get("profile:ACME") == SMTP_PASSWORD
    assert secrets.get("profile:ACME:imap") == desk.customer[1]  # type: ignore[attr-defined]
    saved = window._ctx.profiles.get("ACME")
    assert (saved.imap_host, saved.imap_port, saved.imap_folder) == (
        "127.0.0.1",
        imap_server.imaps_port,
        "INBOX",
    )


@pytest.mark.parametrize(
    ("exc", "what", "todo"),
    [
        (
            AuthError("x", reason="imap_auth", service="imap"),
            "Incoming mail (IMAP): The mail server refused your login or password.",
            "Check the incoming mail login and password in Settings",
        ),
        (
            NotReachable("x", reason="refused", service="imap"),
            "Incoming mail (IMAP): The server refused the connection",
            "",
        ),
        (
            ConfigError("x", reason="no_folder", folder="Assistenza", service="imap"),
            "Incoming mail (IMAP): Your mailbox has no folder \u201cAssistenza\u201d.",
            "empty means INBOX",
        ),
        (
            ConfigError("x", reason="imap_login_disabled", service="imap"),
            "Incoming mail (IMAP): The mail server allows login only over an encrypted connection.",
            "SSL/TLS or STARTTLS",
        ),
        (
            Unsupported("x", reason="no_imap"),
            "This help desk profile only sends mail",
            "Add your incoming mail server (IMAP)",
        ),
        (
            Rejected("x", code="attachment_gone"),
            "The attachment is no longer in your mailbox.",
            "",
        ),
    ],
)
def test_what_the_mailbox_side_reports_reads_well(exc, what: str, todo: str, qtbot) -> None:
    said, to_do = describe_exception(exc)
    assert said.startswith(what), said
    assert todo in to_do
