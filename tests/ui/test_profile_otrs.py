"""The profile form for an OTRS-family help desk: the type selector shows the web-service rows,
"Test connection" talks to the fake OTOBO, and every failure says what happened and what to do."""

from __future__ import annotations

import secrets
import ssl

import pytest
import trustme

from app.connectors.otrs import forget_sessions
from app.ui.profiles import SettingsDialog
from tests.servers.otrs import FakeOtobo, default_users

PASSWORD = f"J\u00e4ne-{secrets.token_urlsafe(10)}"


@pytest.fixture
def otobo():
    server = FakeOtobo(users=default_users(password=PASSWORD)).start()
    yield server
    server.stop()
    forget_sessions()


def open_dialog(window) -> SettingsDialog:
    dialog = window.make_settings_dialog()
    dialog.show()
    return dialog


def fill_otrs(qtbot, dialog: SettingsDialog, url: str, password: str = PASSWORD, **extra) -> None:
    form = dialog.form
    form.kind.setCurrentIndex(form.kind.findData("otrs"))
    qtbot.keyClicks(form.name, "ACME")
    form.url.setText(url)
    qtbot.keyClicks(form.login, "jane.customer")
    form.password.setText(password)  # keyClicks knows ASCII keys only
    qtbot.keyClicks(form.queue, "Raw")
    for name, value in extra.items():
        getattr(form, name).setText(value)


def test_choosing_otrs_shows_the_web_service_rows_and_hides_the_mail_ones(
    qtbot, make_window
) -> None:
    dialog = open_dialog(make_window())
    form = dialog.form
    assert form.kind.currentData() == "smtp"
    assert form.to_address.isVisible() and form.host.isVisible() and form.from_address.isVisible()
    assert not form.url.isVisible() and not form.queue.isVisible()

    form.kind.setCurrentIndex(form.kind.findData("otrs"))
    for shown in (
        form.url,
        form.webservice,
        form.queue,
        form.portal_url,
        form.login,
        form.password,
        form.ca_file,
    ):
        assert shown.isVisible(), shown
    for hidden in (
        form.to_address,
        form.from_address,
        form.from_name,
        form.host,
        form.port,
        form.security,
        form.ticket_hook,
    ):
        assert not hidden.isVisible(), hidden

    form.kind.setCurrentIndex(form.kind.findData("smtp"))
    assert form.to_address.isVisible() and not form.url.isVisible()


def test_test_connection_and_save_an_otrs_profile(qtbot, make_window, otobo) -> None:
    window = make_window()
    dialog = open_dialog(window)
    fill_otrs(qtbot, dialog, otobo.url, portal_url=f"{otobo.root}/otobo/customer.pl")
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "\u2714" in dialog.tester.result.text(), timeout=10_000)
    assert dialog.tester.result.text() == "\u2714 Connected as Jane Customer (ACME)"

    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=5000)
    saved = window._ctx.profiles.get("ACME")
    assert (saved.kind, saved.url, saved.login, saved.queue) == (
        "otrs",
        otobo.url,
        "jane.customer",
        "Raw",
    )
    assert saved.portal_url.endswith("/otobo/customer.pl")
    assert window._ctx.secrets.get("profile:ACME") == PASSWORD

    # Shown again, it is an OTRS profile with its rows.
    dialog.form.set_profile(saved, has_password=True)
    assert dialog.form.kind.currentData() == "otrs" and dialog.form.url.text() == otobo.url
    assert dialog.form.url.isVisible() and not dialog.form.to_address.isVisible()


def test_an_otrs_profile_needs_its_rows(qtbot, make_window) -> None:
    dialog = open_dialog(make_window())
    dialog.form.kind.setCurrentIndex(dialog.form.kind.findData("otrs"))
    qtbot.keyClicks(dialog.form.name, "ACME")
    dialog.save_button.click()
    problems = dialog.form.problems.text()
    assert "web service's address" in problems
    assert "login name" in problems
    assert "queue" in problems
    assert "support address" not in problems and "SMTP" not in problems


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


def _failure(request, otobo, tls_files):
    """(url, password) for each failure kind, and the texts Test connection must show."""
    kind = request.param
    if kind == "wrong_password":
        return (
            otobo.url,
            "not-it-\u20ac-9z",
            [
                "\u2716 The server refused your login name or password.",
                "Check the login and password in Settings",
                "The server said: SessionCreate: Authorization failing!",
            ],
        )
    if kind == "wrong_url":
        return (
            f"{otobo.root}/helpdesk/",
            PASSWORD,
            [
                "\u2716 There is no help-desk API at this address.",
                "Check the address in Settings",
                "nph-genericinterface.pl/Webservice/NAME",
            ],
        )
    if kind == "webservice_not_found":
        return (
            f"{otobo.root}/otobo/nph-genericinterface.pl/Webservice/Tickets",
            PASSWORD,
            [
                "\u2716 The help desk has no web service \u201cTickets\u201d for tickets.",
                "Check the web service name in Settings",
                "Admin \u2192 Web Services",
            ],
        )
    if kind == "certificate":
        server = FakeOtobo(users=default_users(password=PASSWORD), tls=tls_files).start()
        request.addfinalizer(server.stop)
        return (
            server.url,
            PASSWORD,
            [
                "\u2716 The server's certificate is not trusted, so the connection was not made.",
                "add its CA file in Settings",
            ],
        )
    assert kind == "server_error"
    otobo.fail_with = (500, "text/plain; charset=UTF-8", b"Error while decoding request content.")
    return (
        otobo.url,
        PASSWORD,
        [
            "\u2716 The help desk reported an error: Error while decoding request content.",
            "tell the help desk's administrators",
        ],
    )


@pytest.fixture(
    params=["wrong_password", "wrong_url", "webservice_not_found", "certificate", "server_error"]
)
def failure(request, otobo, tls_files):
    return _failure(request, otobo, tls_files)


def test_test_connection_says_what_is_wrong(qtbot, make_window, failure) -> None:
    url, password, texts = failure
    dialog = open_dialog(make_window())
    fill_otrs(qtbot, dialog, url, password)
    dialog.tester.button.click()
    qtbot.waitUntil(lambda: "\u2716" in dialog.tester.result.text(), timeout=10_000)
    shown = dialog.tester.result.text()
    for text in texts:
        assert text in shown, shown
