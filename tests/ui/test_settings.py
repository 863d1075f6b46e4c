"""The settings dialog: add a profile, test the connection, save, remove."""

from __future__ import annotations

import ssl

import pytest
import trustme

from app.ui.profiles import SettingsDialog
from tests.servers.smtp import TestSMTPServer


@pytest.fixture
def auth_server(tmp_path):
    """STARTTLS + AUTH with a private CA; ``server.ca_file`` is what the profile must trust."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    server = TestSMTPServer(
        tls="starttls", server_context=context, users={"jane@customer.example": "correct horse 42"}
    ).start()
    server.ca_file = str(ca_file)
    yield server
    server.stop()


def open_dialog(qtbot, window) -> SettingsDialog:
    dialog = window.make_settings_dialog()
    dialog.show()
    return dialog


def fill_form(qtbot, dialog: SettingsDialog, server, password: str) -> None:
    form = dialog.form
    qtbot.keyClicks(form.name, "ACME")
    qtbot.keyClicks(form.to_address, "support@acme.example")
    qtbot.keyClicks(form.from_address, "jane@customer.example")
    form.host.setText("127.0.0.1")
    form.security.setCurrentIndex(form.security.findData("starttls"))
    form.port.setValue(server.port)
    form.ca_file.setText(server.ca_file)
    qtbot.keyClicks(form.password, password)


def test_test_connection_reports_who_we_are_and_wrong_passwords(
    qtbot, make_window, auth_server
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    fill_form(qtbot, dialog, auth_server, "wrong")
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "\u2716" in dialog.tester.result.text(), timeout=10_000)
    assert "refused your login name or password" in dialog.tester.result.text()

    dialog.form.password.clear()
    qtbot.keyClicks(dialog.form.password, "correct horse 42")  # editing resets the result
    assert dialog.tester.result.text() == ""
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "Connected as" in dialog.tester.result.text(), timeout=10_000)
    assert "jane@customer.example @ 127.0.0.1" in dialog.tester.result.text()


def test_save_puts_the_password_in_the_keyring_only(
    qtbot, make_window, auth_server, tw_home
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    fill_form(qtbot, dialog, auth_server, "correct horse 42")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    assert window._ctx.secrets.get("profile:ACME") == "correct horse 42"
    assert "correct horse" not in (tw_home / "config" / "profiles.json").read_text()
    assert window._ctx.settings.get_str("default_profile") == "ACME"
    assert window.composer.profile_box.currentText() == "ACME"


def test_invalid_form_says_what_is_wrong(qtbot, make_window) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.form.to_address, "not an address")
    dialog.save_button.click()
    text = dialog.form.problems.text()
    assert "support address is not a valid e-mail address" in text
    assert "SMTP server" in text
    assert window._ctx.profiles.names() == []
