"""Profile editing: the form, the settings dialog and the first-send setup dialog."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.config.profiles import (
    DEFAULT_PORTS,
    IMAP_DEFAULT_PORTS,
    Profile,
    guess_smtp,
    validate,
)
from app.core.connector import Identity
from app.services.profiles import ProfileService
from app.services.tasks import TaskRunner
from app.ui import look
from app.ui.errors import describe_exception
from app.ui.notice import show_warning

log = logging.getLogger(__name__)


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area: long forms still fit small screens."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class ProfileForm(QWidget):
    """The fields of one help-desk profile: its type picks the rows shown (e-mail: the support
    address and the SMTP server; OTRS family: the web service). Emits ``changed`` on every
    edit."""

    changed = Signal()
    """A field was edited."""

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._original_name = ""
        self._has_stored_password = False
        self._port_touched = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        desk = QGroupBox(self.tr("Help desk"))
        desk_form = QFormLayout(desk)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. ACME support"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("E-mail (any help desk)"), "smtp")
        self.kind.addItem(self.tr("OTRS \u00b7 Znuny \u00b7 OTOBO web service"), "otrs")
        self.kind.addItem(self.tr("Request Tracker 5 (REST 2.0)"), "rt")
        self.to_address = QLineEdit()
        self.to_address.setPlaceholderText(self.tr("the support address from your contract"))
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("https://help.example.com/otrs/"))
        self.url.setToolTip(
            self.tr(
                "The help desk's address, or the whole web service URL "
                "(\u2026/nph-genericinterface.pl/Webservice/NAME)."
            )
        )
        self.webservice = QLineEdit()
        self.webservice.setPlaceholderText("GenericTicketConnectorREST")
        self.queue = QLineEdit()
        self.queue.setPlaceholderText(self.tr("where new tickets go, e.g. Raw"))
        self.portal_url = QLineEdit()
        self.portal_url.setPlaceholderText(
            self.tr("optional: https://help.example.com/otrs/customer.pl")
        )
        desk_form.addRow(self.tr("Profile &name:"), self.name)
        desk_form.addRow(self.tr("Help-desk &type:"), self.kind)
        desk_form.addRow(self.tr("Support &address:"), self.to_address)
        desk_form.addRow(self.tr("Web service &URL:"), self.url)
        desk_form.addRow(self.tr("Web ser&vice name:"), self.webservice)
        desk_form.addRow(self.tr("&Queue:"), self.queue)
        desk_form.addRow(self.tr("Customer p&ortal:"), self.portal_url)
        self._desk_form = desk_form
        layout.addWidget(desk)

        you = QGroupBox(self.tr("You"))
        you_form = QFormLayout(you)
        self.from_name = QLineEdit()
        self.from_name.setPlaceholderText(self.tr("Jane Customer"))
        self.from_address = QLineEdit()
        self.from_address.setPlaceholderText(self.tr("jane@example.com"))
        you_form.addRow(self.tr("Your n&ame:"), self.from_name)
        you_form.addRow(self.tr("Your &e-mail:"), self.from_address)
        self._you = you
        layout.addWidget(you)

        server = QGroupBox(self.tr("Outgoing mail server (SMTP)"))
        self._server = server
        server_form = QFormLayout(server)
        self._server_form = server_form
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("smtp.example.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (port 587)"), "starttls")
        self.security.addItem(self.tr("SSL/TLS (port 465)"), "ssl")
        self.security.addItem(self.tr("None \u2013 unencrypted (port 25)"), "none")
        host_row = QHBoxLayout()
        host_row.addWidget(self.host, 1)
        host_row.addWidget(QLabel(self.tr("Port:")))
        host_row.addWidget(self.port)
        server_form.addRow(self._label(self.tr("S&MTP server:"), self.host), host_row)
        self._host_row = host_row
        server_form.addRow(self.tr("Se&curity:"), self.security)
        self.login = QLineEdit()
        self.login.setPlaceholderText(self.tr("usually your e-mail address; empty: no login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        server_form.addRow(self.tr("&Login:"), self.login)
        server_form.addRow(self.tr("&Password:"), self.password)
        self.password_note = QLabel(self.tr("Kept in your system keyring, never in a file."))
        self.password_note.setStyleSheet("color: palette(placeholder-text);")
        server_form.addRow("", self.password_note)
        ca_row = QHBoxLayout()
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(
            self.tr("optional: your organisation's CA certificate (PEM)")
        )
        self.ca_browse = QPushButton(self.tr("Bro&wse\u2026"))
        self.ca_browse.clicked.connect(self._on_ca_browse_clicked)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        server_form.addRow(self._label(self.tr("E&xtra CA file:"), self.ca_file), ca_row)
        self.ticket_hook = QLineEdit()
        self.ticket_hook.setPlaceholderText("Ticket#")
        if not compact:
            server_form.addRow(self.tr("Ticket &hook:"), self.ticket_hook)
        self.token_note = QLabel(
            self.tr("Your RT password, or an auth token from RT (Settings, Auth Tokens).")
        )
        self.token_note.setWordWrap(True)
        self.token_note.setStyleSheet("color: palette(placeholder-text);")
        server_form.addRow("", self.token_note)
        self.hook_style = QComboBox()
        self.hook_style.addItem(self.tr("OTRS \u00b7 Znuny \u00b7 OTOBO: [Ticket#N]"), "otrs")
        self.hook_style.addItem(self.tr("Request Tracker: [rtname #N]"), "rt")
        self.hook_style.setToolTip(
            self.tr(
                "How the help desk marks its ticket number in mail subjects. For Request "
                "Tracker, the ticket hook is the help desk's rtname."
            )
        )
        if not compact:
            server_form.addRow(self.tr("Ticket hook st&yle:"), self.hook_style)
        layout.addWidget(server)

        incoming = QGroupBox(self.tr("Incoming mail (IMAP, optional)"))
        self._incoming = incoming
        incoming_form = QFormLayout(incoming)
        intro = QLabel(
            self.tr(
                "Where the help desk's replies arrive. With it, Ticketwise shows your tickets "
                "and their answers, learns the ticket numbers and keeps a copy of what you send "
                "in your Sent folder. Nothing in the mailbox is marked read or deleted."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: palette(placeholder-text);")
        incoming_form.addRow(intro)
        self.imap_host = QLineEdit()
        self.imap_host.setPlaceholderText(self.tr("imap.example.com; empty: only send"))
        self.imap_port = QSpinBox()
        self.imap_port.setRange(1, 65535)
        self.imap_port.setValue(IMAP_DEFAULT_PORTS["ssl"])
        imap_row = QHBoxLayout()
        imap_row.addWidget(self.imap_host, 1)
        imap_row.addWidget(QLabel(self.tr("Port:")))
        imap_row.addWidget(self.imap_port)
        incoming_form.addRow(self._label(self.tr("IMAP ser&ver:"), self.imap_host), imap_row)
        self.imap_security = QComboBox()
        self.imap_security.addItem(self.tr("SSL/TLS (port 993)"), "ssl")
        self.imap_security.addItem(self.tr("STARTTLS (port 143)"), "starttls")
        self.imap_security.addItem(self.tr("None \u2013 unencrypted (port 143)"), "none")
        incoming_form.addRow(self.tr("Secur&ity:"), self.imap_security)
        self.imap_login = QLineEdit()
        self.imap_login.setPlaceholderText(self.tr("empty: the same login as for sending"))
        incoming_form.addRow(self.tr("Login:"), self.imap_login)
        self.imap_password = QLineEdit()
        self.imap_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.imap_password.setPlaceholderText(self.tr("empty: the same password as for sending"))
        incoming_form.addRow(self.tr("Passwo&rd:"), self.imap_password)
        self.imap_folder = QLineEdit()
        self.imap_folder.setPlaceholderText("INBOX")
        incoming_form.addRow(self.tr("Folder:"), self.imap_folder)
        incoming.setVisible(not compact)
        layout.addWidget(incoming)

        tickets = QGroupBox(self.tr("New tickets"))
        tickets_layout = QVBoxLayout(tickets)
        self.include_sysinfo = QCheckBox(self.tr("Include the system &information by default"))
        self.include_sysinfo.setChecked(True)
        self.include_sysinfo.setToolTip(
            self.tr(
                "Operating system, screens, locale, app version and whether the help desk can "
                "be reached. You see every line in the ticket and can remove any of them."
            )
        )
        self.include_sysinfo.toggled.connect(self._on_any_edited)
        tickets_layout.addWidget(self.include_sysinfo)
        tickets.setVisible(not compact)
        layout.addWidget(tickets)

        self._compact = compact

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c5221f;")
        layout.addWidget(self.problems)
        layout.addStretch(1)

        for edit in (
            self.name,
            self.to_address,
            self.from_name,
            self.from_address,
            self.host,
            self.login,
            self.password,
            self.ca_file,
            self.ticket_hook,
            self.url,
            self.webservice,
            self.queue,
            self.portal_url,
            self.imap_host,
            self.imap_login,
            self.imap_password,
            self.imap_folder,
        ):
            edit.textEdited.connect(self._on_any_edited)
        self.imap_port.valueChanged.connect(self._on_any_edited)
        self.imap_security.currentIndexChanged.connect(self._on_imap_security_changed)
        self.hook_style.currentIndexChanged.connect(self._on_hook_style_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self._apply_kind()
        self.port.valueChanged.connect(self._on_port_value_changed)
        self.security.currentIndexChanged.connect(self._on_security_changed)
        self.from_address.textEdited.connect(self._on_from_address_edited)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A form label whose accelerator moves to ``buddy`` (rows whose field is a layout)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- in and out -----------------------------------------------------------------------------

    def set_profile(self, profile: Profile | None, *, has_password: bool = False) -> None:
        """Show ``profile`` (None: an empty form for a new one)."""
        p = profile or Profile(name="")
        self._original_name = p.name
        self._has_stored_password = has_password
        self.kind.blockSignals(True)
        if self.kind.findData(p.kind) < 0:  # a kind this form has no rows for: keep it as it is
            self.kind.addItem(p.kind, p.kind)
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        self.kind.blockSignals(False)
        self.url.setText(p.url)
        self.webservice.setText(p.webservice)
        self.queue.setText(p.queue)
        self.portal_url.setText(p.portal_url)
        self.name.setText(p.name)
        self.to_address.setText(p.to_address)
        self.from_name.setText(p.from_name)
        self.from_address.setText(p.from_address)
        self.host.setText(p.host)
        self.security.blockSignals(True)
        self.security.setCurrentIndex(max(0, self.security.findData(p.security)))
        self.security.blockSignals(False)
        self.port.blockSignals(True)
        self.port.setValue(p.port)
        self.port.blockSignals(False)
        self._port_touched = profile is not None
        self.login.setText(p.login)
        self.password.clear()
        self.set_has_password(has_password)
        self.ca_file.setText(p.ca_file)
        self.ticket_hook.setText(p.ticket_hook)
        for combo, value in (
            (self.hook_style, p.hook_style),
            (self.imap_security, p.imap_security),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.imap_host.setText(p.imap_host)
        self.imap_port.blockSignals(True)
        self.imap_port.setValue(p.imap_port)
        self.imap_port.blockSignals(False)
        self.imap_login.setText(p.imap_login)
        self.imap_password.clear()
        self.imap_folder.setText("" if p.imap_folder == "INBOX" else p.imap_folder)
        self.include_sysinfo.blockSignals(True)
        self.include_sysinfo.setChecked(p.include_sysinfo)
        self.include_sysinfo.blockSignals(False)
        self._apply_kind()
        self.problems.clear()

    def set_has_password(self, stored: bool) -> None:
        """Say whether the keyring already holds this profile's password."""
        self._has_stored_password = stored
        self.password.setPlaceholderText(
            self.tr("stored in the keyring \u2013 type to replace") if stored else ""
        )

    @property
    def original_name(self) -> str:
        """The name the profile had when loaded ('' for a new one)."""
        return self._original_name

    def profile(self) -> Profile:
        """The profile as typed."""
        kind = str(self.kind.currentData())
        if kind == "rt":
            return Profile(
                name=self.name.text().strip(),
                kind="rt",
                url=self.url.text().strip(),
                queue=self.queue.text().strip(),
                login=self.login.text().strip(),
                ca_file=self.ca_file.text().strip(),
                hook_style="rt",  # RT tags mail subjects "[rtname #N]": the hook is its rtname
                ticket_hook=self.ticket_hook.text().strip(),
                include_sysinfo=self.include_sysinfo.isChecked(),
            )
        if kind != "smtp":
            return Profile(
                name=self.name.text().strip(),
                kind=kind,
                url=self.url.text().strip(),
                webservice=self.webservice.text().strip() or "GenericTicketConnectorREST",
                queue=self.queue.text().strip(),
                portal_url=self.portal_url.text().strip(),
                login=self.login.text().strip(),
                ca_file=self.ca_file.text().strip(),
                include_sysinfo=self.include_sysinfo.isChecked(),
            )
        style = str(self.hook_style.currentData())
        return Profile(
            name=self.name.text().strip(),
            kind="smtp",
            to_address=self.to_address.text().strip(),
            from_address=self.from_address.text().strip(),
            from_name=self.from_name.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            login=self.login.text().strip(),
            ca_file=self.ca_file.text().strip(),
            # OTRS family: "Ticket#" unless changed; RT: the rtname, which has no default.
            ticket_hook=self.ticket_hook.text().strip() or ("Ticket#" if style == "otrs" else ""),
            hook_style=style,
            imap_host=self.imap_host.text().strip(),
            imap_port=self.imap_port.value(),
            imap_security=str(self.imap_security.currentData()),
            imap_login=self.imap_login.text().strip(),
            imap_folder=self.imap_folder.text().strip() or "INBOX",
            include_sysinfo=self.include_sysinfo.isChecked(),
        )

    def typed_password(self) -> str | None:
        """The password typed now (None when the field was left alone)."""
        return self.password.text() or None

    def typed_imap_password(self) -> str | None:
        """The IMAP password typed now (None: left alone, IMAP uses the sending password)."""
        if str(self.kind.currentData()) != "smtp" or not self.imap_host.text().strip():
            return None
        return self.imap_password.text() or None

    def validate(self) -> bool:
        """Show problems next to the form; True when there are none."""
        profile = self.profile()
        problems = validate(profile)
        messages = {
            "name": self.tr("Give the profile a name (letters, digits, spaces, . @ + -)."),
            "to_address": self.tr("The support address is not a valid e-mail address."),
            "from_address": self.tr("Your e-mail address is not valid."),
            "host": self.tr("Enter the SMTP server's name."),
            "port": self.tr("The port must be between 1 and 65535."),
            "ca_file": self.tr("The CA file does not exist."),
            "kind": self.tr("This kind of help desk is not supported yet."),
            "url": self.tr("Enter the web service's address (starting with https://)."),
            "login": self.tr("Enter your login name."),
            "queue": self.tr("Enter the queue that new tickets go to."),
            "imap_host": self.tr("Enter the IMAP server's name (or leave it empty)."),
            "imap_port": self.tr("The IMAP port must be between 1 and 65535."),
            "imap_login": self.tr("Enter the login for the IMAP server."),
            "ticket_hook": self.tr("Enter the help desk's rtname as its ticket hook."),
        }
        text = "\n".join(dict.fromkeys(messages.get(f, f) for f, _code in problems))
        if profile.login and not self.password.text() and not self._has_stored_password:
            text = "\n".join(filter(None, [text, self.tr("Enter the password for the login.")]))
        self.problems.setText(text)
        return not text

    def focus_first(self) -> None:
        """Put the cursor in the first empty field."""
        for edit in (
            self.name,
            self.to_address,
            self.url,
            self.queue,
            self.from_name,
            self.from_address,
            self.host,
            self.login,
            self.password,
        ):
            if edit.isVisibleTo(self) and not edit.text():
                edit.setFocus()
                return
        self.name.setFocus()

    def _rows_by_kind(self) -> dict[str, list[tuple[QFormLayout, QWidget | QHBoxLayout]]]:
        """The form rows that only one kind of help desk has."""
        desk, server = self._desk_form, self._server_form
        smtp: list[tuple[QFormLayout, QWidget | QHBoxLayout]] = [
            (desk, self.to_address),
            (server, self._host_row),
            (server, self.security),
        ]
        if not self._compact:
            smtp.append((server, self.ticket_hook))
            smtp.append((server, self.hook_style))
        api: list[tuple[QFormLayout, QWidget | QHBoxLayout]] = [
            (desk, self.url),
            (desk, self.webservice),
            (desk, self.queue),
            (desk, self.portal_url),
        ]
        rt: list[tuple[QFormLayout, QWidget | QHBoxLayout]] = [
            (desk, self.url),
            (desk, self.queue),
            (server, self.token_note),
        ]
        if not self._compact:
            rt.append((server, self.ticket_hook))  # RT's rtname, for "[rtname #N]" in mail
        return {"smtp": smtp, "otrs": api, "rt": rt}

    def _apply_kind(self) -> None:
        """Show the rows of the selected kind of help desk and hide the others."""
        kind = str(self.kind.currentData())
        rows = self._rows_by_kind()
        shown = rows.get(kind, rows["otrs"])  # another API kind: the web rows
        for _kind, kind_rows in rows.items():
            for form, row in kind_rows:
                form.setRowVisible(row, any(row is r for _f, r in shown))
        email = kind == "smtp"
        self._you.setVisible(email)
        self._incoming.setVisible(email and not self._compact)
        self._server.setTitle(
            self.tr("Outgoing mail server (SMTP)") if email else self.tr("Your login")
        )
        self.login.setPlaceholderText(
            self.tr("usually your e-mail address; empty: no login")
            if email
            else self.tr("your login for the help desk's customer portal")
        )

    # -- reactions ------------------------------------------------------------------------------

    @Slot()
    def _on_kind_changed(self, _index: int) -> None:
        self._apply_kind()
        self.changed.emit()

    @Slot()
    def _on_any_edited(self) -> None:
        self.changed.emit()

    @Slot()
    def _on_hook_style_changed(self, _index: int) -> None:
        """RT's hook is the help desk's rtname: OTRS's default hook would be a wrong one."""
        rt = self.hook_style.currentData() == "rt"
        if rt and self.ticket_hook.text().strip() == "Ticket#":
            self.ticket_hook.clear()
        self.ticket_hook.setPlaceholderText(
            self.tr("the rtname, e.g. rt.example.com") if rt else "Ticket#"
        )
        self.changed.emit()

    @Slot()
    def _on_imap_security_changed(self, _index: int) -> None:
        if self.imap_port.value() in IMAP_DEFAULT_PORTS.values():
            self.imap_port.setValue(IMAP_DEFAULT_PORTS[str(self.imap_security.currentData())])
        self.changed.emit()

    @Slot()
    def _on_port_value_changed(self, _value: int) -> None:
        self._port_touched = True
        self.changed.emit()

    @Slot()
    def _on_security_changed(self, _index: int) -> None:
        security = str(self.security.currentData())
        if self.port.value() in DEFAULT_PORTS.values() or not self._port_touched:
            self.port.blockSignals(True)
            self.port.setValue(DEFAULT_PORTS[security])
            self.port.blockSignals(False)
        self.changed.emit()

    @Slot()
    def _on_from_address_edited(self, text: str) -> None:
        """Guess the server and the login from the address while they are still untouched."""
        host, port, security = guess_smtp(text)
        if not self.host.isModified() and "@" in text:
            self.host.setText(host)
            if not self._port_touched:
                self.port.blockSignals(True)
                self.port.setValue(port)
                self.port.blockSignals(False)
                self.security.setCurrentIndex(self.security.findData(security))
        if not self.login.isModified():
            self.login.setText(text.strip())

    @Slot()
    def _on_ca_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate file"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)
            self.changed.emit()


class ConnectionTester(QWidget):
    """A "Test connection" button with its result, run off the GUI thread."""

    def __init__(
        self,
        form: ProfileForm,
        service: ProfileService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._service = service
        self._runner = runner
        self._generation = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("&Test connection"))
        self.button.clicked.connect(self._on_button_clicked)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.button)
        layout.addWidget(self.result, 1)
        form.changed.connect(self.reset)

    @Slot()
    def reset(self) -> None:
        """Forget the last result (the form changed)."""
        self._generation += 1
        self.result.clear()
        self.button.setEnabled(True)

    @Slot()
    def _on_button_clicked(self) -> None:
        if not self._form.validate():
            return
        self._generation += 1
        generation = self._generation
        profile, password = self._form.profile(), self._form.typed_password()
        imap_password = self._form.typed_imap_password()
        self.button.setEnabled(False)
        self.result.setStyleSheet("")
        where = profile.host if profile.kind == "smtp" else urlsplit(profile.url).hostname or ""
        self.result.setText(self.tr("Connecting to %1\u2026").replace("%1", where))

        def work() -> Identity:
            return self._service.test(profile, password, imap_password=imap_password)

        self._runner.run(
            work,
            on_success=lambda ident: self._on_done(generation, ident, None),
            on_error=lambda exc: self._on_done(generation, None, exc),
        )

    def _on_done(self, generation: int, identity: Any, exc: BaseException | None) -> None:
        if generation != self._generation:
            return
        self.button.setEnabled(True)
        if exc is None:
            self.result.setStyleSheet("color: #1e8e3e;")
            self.result.setText(self.tr("\u2714 Connected as %1").replace("%1", identity.display))
        else:
            what, todo = describe_exception(exc)
            self.result.setStyleSheet("color: #c5221f;")
            self.result.setText(f"\u2716 {what}\n{todo}")


class SettingsDialog(QDialog):
    """Profiles (with Test connection) and general preferences."""

    profiles_changed = Signal()
    """Profiles were added, edited or removed."""

    def __init__(
        self,
        service: ProfileService,
        runner: TaskRunner,
        general: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ticketwise \u2013 Settings"))
        self.resize(880, 680)
        self._service = service
        self._runner = runner
        self._current = ""
        self.general_values = dict(general)
        tabs = QTabWidget()
        tabs.addTab(self._build_profiles_tab(), self.tr("Help desks"))
        tabs.addTab(self._build_general_tab(), self.tr("General"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self._on_close_clicked)
        layout.addWidget(buttons)
        self._reload_list()

    def _build_profiles_tab(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        self.list.currentItemChanged.connect(self._on_list_current_changed)
        left.addWidget(self.list, 1)
        self.add_button = QPushButton(self.tr("A&dd"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        pair = QHBoxLayout()
        pair.addWidget(self.add_button)
        pair.addWidget(self.remove_button)
        left.addLayout(pair)
        row.addLayout(left)
        right = QVBoxLayout()
        self.form = ProfileForm()
        right.addWidget(scrolled(self.form), 1)
        self.default_box = QCheckBox(self.tr("Ma&ke this the default for new tickets"))
        right.addWidget(self.default_box)
        self.tester = ConnectionTester(self.form, self._service, self._runner)
        right.addWidget(self.tester)
        save_row = QHBoxLayout()
        self.saved_label = QLabel()
        save_row.addWidget(self.saved_label, 1)
        self.save_button = QPushButton(self.tr("&Save profile"))
        self.save_button.clicked.connect(self._on_save_clicked)
        save_row.addWidget(self.save_button)
        right.addLayout(save_row)
        row.addLayout(right, 1)
        self.form.changed.connect(self.saved_label.clear)
        return page

    def _build_general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("Italiano", "it")
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.general_values.get("language", "")))
        )
        self.tray_box = QCheckBox(self.tr("Show an icon in the system tray"))
        self.tray_box.setChecked(bool(self.general_values.get("show_tray_icon", True)))
        self.close_box = QCheckBox(self.tr("Closing the window keeps Ticketwise in the tray"))
        self.close_box.setChecked(bool(self.general_values.get("close_to_tray", True)))
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("A new language applies the next time Ticketwise starts."))
        note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", note)
        form.addRow("", self.tray_box)
        form.addRow("", self.close_box)

        shots = QLabel(self.tr("Screenshots"))
        look.caption(shots)
        form.addRow(shots)
        self.hotkey = QKeySequenceEdit()
        self.hotkey.setMaximumSequenceLength(1)
        self.hotkey.setClearButtonEnabled(True)
        self.hotkey.setKeySequence(QKeySequence(str(self.general_values.get("capture_hotkey", ""))))
        form.addRow(self.tr("Global &key:"), self.hotkey)
        key_note = QLabel(
            self.tr(
                "Starts a screenshot from any program while Ticketwise runs. Clear it to use none."
            )
        )
        key_note.setWordWrap(True)
        key_note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", key_note)
        self.hotkey_status = QLabel()
        self.hotkey_status.setWordWrap(True)
        look.colored(self.hotkey_status, look.RED)
        self.hotkey_status.setVisible(False)
        form.addRow("", self.hotkey_status)
        self.annotate_box = QCheckBox(self.tr("Open the &annotator before attaching a screenshot"))
        self.annotate_box.setChecked(bool(self.general_values.get("capture_annotate", True)))
        form.addRow("", self.annotate_box)
        self.hide_box = QCheckBox(self.tr("&Hide this window while a screenshot is taken"))
        self.hide_box.setChecked(bool(self.general_values.get("capture_hide_window", True)))
        form.addRow("", self.hide_box)

        recorder = QLabel(self.tr("Steps recorder"))
        look.caption(recorder)
        form.addRow(recorder)
        self.max_steps = QSpinBox()
        self.max_steps.setRange(1, 999)
        self.max_steps.setValue(int(self.general_values.get("recorder_max_steps", 100)))
        self.max_steps.setSuffix(self.tr(" steps"))
        # A three-digit number: a field as wide as the window would look like a text box.
        self.max_steps.setMaximumWidth(
            self.max_steps.fontMetrics().horizontalAdvance(self.tr("999 steps")) + 48
        )
        form.addRow(self.tr("&Most steps per recording:"), self.max_steps)
        self.recorder_hotkey = QKeySequenceEdit()
        self.recorder_hotkey.setMaximumSequenceLength(1)
        self.recorder_hotkey.setClearButtonEnabled(True)
        self.recorder_hotkey.setKeySequence(
            QKeySequence(str(self.general_values.get("recorder_hotkey", "")))
        )
        form.addRow(self.tr("Recording &key:"), self.recorder_hotkey)
        recorder_note = QLabel(
            self.tr(
                "Starts a steps recording from any program; pressed again, stops it. "
                "Clear it to use none."
            )
        )
        recorder_note.setWordWrap(True)
        recorder_note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", recorder_note)
        self.recorder_hotkey_status = QLabel()
        self.recorder_hotkey_status.setWordWrap(True)
        look.colored(self.recorder_hotkey_status, look.RED)
        self.recorder_hotkey_status.setVisible(False)
        form.addRow("", self.recorder_hotkey_status)
        return page

    def show_hotkey_problem(self, text: str) -> None:
        """Say under the key field why the key does not work ('' hides the note)."""
        self.hotkey_status.setText(text)
        self.hotkey_status.setVisible(bool(text))

    def show_recorder_hotkey_problem(self, text: str) -> None:
        """Say under the recording key why it does not work ('' hides the note)."""
        self.recorder_hotkey_status.setText(text)
        self.recorder_hotkey_status.setVisible(bool(text))

    def _reload_list(self, select: str = "") -> None:
        names = self._service.names()
        default = self._service.default_name()
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            item = QListWidgetItem(
                self.tr("%1 (default)").replace("%1", name) if name == default else name
            )
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        target = select or self._current or (names[0] if names else "")
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentRow(i)
                break
        else:
            self._show_profile("")
        self.remove_button.setEnabled(bool(names))

    def _show_profile(self, name: str) -> None:
        self._current = name
        profile = None
        if name:
            profile = next((p for p in self._service.all() if p.name == name), None)
        self.form.set_profile(profile, has_password=False)
        if profile is not None and profile.needs_password:

            def work() -> bool:
                return self._service.has_password(name)

            def done(stored: object) -> None:
                if self._current == name:
                    self.form.set_has_password(bool(stored))

            # The keyring may block (a D-Bus prompt): ask it off the GUI thread.
            self._runner.run(work, on_success=done, on_error=lambda exc: None)
        self.default_box.setChecked(not name or name == self._service.default_name())
        self.tester.reset()
        self.saved_label.clear()

    @Slot()
    def _on_list_current_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is not None:
            self._show_profile(str(current.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_add_clicked(self) -> None:
        self.list.clearSelection()
        self._show_profile("")
        self.form.focus_first()

    @Slot()
    def _on_remove_clicked(self) -> None:
        name = self._current
        if not name:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove profile"),
            self.tr("Remove the profile \u201c%1\u201d and its stored password?").replace(
                "%1", name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.remove(name)
        except Exception as exc:
            what, todo = describe_exception(exc)
            show_warning(self, self.tr("Profile not removed"), f"{what}\n\n{todo}")
            return
        self._current = ""
        self._reload_list()
        self.profiles_changed.emit()

    @Slot()
    def _on_save_clicked(self) -> None:
        if not self.form.validate():
            return
        profile, password = self.form.profile(), self.form.typed_password()
        imap_password = self.form.typed_imap_password()
        original = self.form.original_name
        make_default = self.default_box.isChecked()
        self.save_button.setEnabled(False)
        self.saved_label.setText(self.tr("Saving\u2026"))

        def work() -> str:
            self._service.save(
                profile, password, make_default=make_default, imap_password=imap_password
            )
            if original and original != profile.name:
                self._service.rename_cleanup(original, profile.name)
            return profile.name

        self._runner.run(
            work, on_success=self._on_saved, on_error=self._on_save_failed, serial=True
        )

    def _on_saved(self, name: object) -> None:
        self.save_button.setEnabled(True)
        self._current = str(name)
        self._reload_list(str(name))
        self.saved_label.setText(self.tr("Saved."))
        self.profiles_changed.emit()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.saved_label.clear()
        what, todo = describe_exception(exc)
        show_warning(self, self.tr("Profile not saved"), f"{what}\n\n{todo}")

    @Slot()
    def _on_close_clicked(self) -> None:
        self.general_values = {
            "language": str(self.language.currentData()),
            "show_tray_icon": self.tray_box.isChecked(),
            "close_to_tray": self.close_box.isChecked(),
            "capture_hotkey": self.hotkey.keySequence().toString(
                QKeySequence.SequenceFormat.PortableText
            ),
            "capture_annotate": self.annotate_box.isChecked(),
            "capture_hide_window": self.hide_box.isChecked(),
            "recorder_max_steps": self.max_steps.value(),
            "recorder_hotkey": self.recorder_hotkey.keySequence().toString(
                QKeySequence.SequenceFormat.PortableText
            ),
        }
        self.accept()


class ProfileSetupDialog(QDialog):
    """The short setup the first Send leads to when no help desk exists yet."""

    def __init__(
        self, service: ProfileService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up your help desk"))
        self._service = service
        self._runner = runner
        self.saved_name = ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>Where should your tickets go?</b><br>Enter the help desk's support address and "
                "the mail account Ticketwise sends from. You do this once; your ticket is kept "
                "meanwhile."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = ProfileForm(compact=True)
        self.form.set_profile(None)
        self.form.name.setText(self.tr("Help desk"))
        layout.addWidget(scrolled(self.form), 1)
        self.tester = ConnectionTester(self.form, service, runner)
        layout.addWidget(self.tester)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save and &send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.form.focus_first()

    @Slot()
    def _on_save_clicked(self) -> None:
        if not self.form.validate():
            return
        profile, password = self.form.profile(), self.form.typed_password()
        self.save_button.setEnabled(False)

        def work() -> str:
            self._service.save(profile, password, make_default=True)
            return profile.name

        self._runner.run(work, on_success=self._on_saved, on_error=self._on_failed, serial=True)

    def _on_saved(self, name: object) -> None:
        self.saved_name = str(name)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        what, todo = describe_exception(exc)
        show_warning(self, self.tr("Profile not saved"), f"{what}\n\n{todo}")
