"""The IMAP reader against a real dovecot on 127.0.0.1: incremental reading, the user's mailbox
left as it was (nothing read, nothing deleted), the Sent folder, TLS and login failures."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
import trustme

from app.config.profiles import Profile
from app.connectors.imap import MailboxReader
from app.connectors.imapwire import encode_mailbox
from app.core.errors import AuthError, CertificateError, ConfigError, NotReachable
from app.core.mailthreads import FolderPosition
from app.core.model import utc_now
from tests.integration.conftest import free_port
from tests.servers.imap import DovecotServer

HOOK = "Ticket#"


@dataclass
class Mailbox:
    server: DovecotServer
    login: str
    password: str
    profile: Profile

    def reader(self, **changes: object) -> MailboxReader:
        return MailboxReader(replace(self.profile, **changes), self.password, timeout=10)

    def deliver(self, message: EmailMessage) -> None:
        self.server.deliver(self.login, bytes(message))

    def flags(self, folder: str = "INBOX") -> list[bytes]:
        with self.server.client(self.login) as imap:
            imap.select(f'"{folder}"', readonly=True)
            _typ, data = imap.fetch("1:*", "(FLAGS)")
        return [d for d in data if isinstance(d, bytes)]


@pytest.fixture
def mailbox(imap_server: DovecotServer) -> Mailbox:
    login, password = imap_server.add_user()
    profile = Profile(
        name="Helpdesk",
        to_address="support@helpdesk.example",
        from_address=login,
        host="127.0.0.1",
        login=login,
        ca_file=str(imap_server.ca_file),
        imap_host="127.0.0.1",
        imap_port=imap_server.imaps_port,
        imap_security="ssl",
    )
    return Mailbox(imap_server, login, password, profile)


def mail(subject: str, *, sender: str = "OTOBO System <otobo@helpdesk.example>", **headers: str):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Jane <jane@example.test>"
    message["Subject"] = subject
    message["Date"] = format_datetime(utc_now())
    message["Message-ID"] = make_msgid(domain="helpdesk.example")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("Hello Jane,\nwe are on it.\n")
    return message


def test_incremental_reading_sees_each_help_desk_mail_once(mailbox: Mailbox) -> None:
    mailbox.deliver(
        mail("[Ticket#2026112510000017] RE: Printer jammed", Auto_Submitted="auto-generated")
    )
    mailbox.deliver(mail("Lunch on Friday?", sender="colleague@example.test"))
    mailbox.deliver(mail("Re: [Ticket#2026112510000017] Printer jammed"))
    reader = mailbox.reader()
    first = reader.read_new({})
    assert [i.subject for i in first.items] == [
        "[Ticket#2026112510000017] RE: Printer jammed",
        "Re: [Ticket#2026112510000017] Printer jammed",
    ]
    position = first.positions["INBOX"]
    assert position.last_uid == 3 and position.uidvalidity > 0
    # Nothing new: "UID SEARCH 4:*" still answers with UID 3, which must not come back.
    again = reader.read_new(first.positions)
    assert again.items == () and again.positions["INBOX"] == position
    mailbox.deliver(mail("[Ticket#2026112510000026] RE: VPN"))
    third = reader.read_new(again.positions)
    assert [i.subject for i in third.items] == ["[Ticket#2026112510000026] RE: VPN"]
    assert third.positions["INBOX"].last_uid == 4


def test_a_new_uidvalidity_reads_the_folder_again(mailbox: Mailbox) -> None:
    mailbox.deliver(mail("[Ticket#2026112510000017] RE: Printer jammed"))
    reader = mailbox.reader()
    batch = reader.read_new({})
    stale = {"INBOX": FolderPosition("INBOX", batch.positions["INBOX"].uidvalidity + 1, 99)}
    assert len(reader.read_new(stale).items) == 1


def test_reading_marks_nothing_read_and_deletes_nothing(mailbox: Mailbox) -> None:
    for n in range(3):
        mailbox.deliver(mail(f"[Ticket#202611251000001{n}] RE: thing {n}"))
    before = mailbox.flags()
    reader = mailbox.reader()
    reader.read_new({})
    reader.ticket_mails("2026112510000011")
    reader.all_mails()
    after = mailbox.flags()
    assert len(after) == 3 and after == before
    assert all(b"\\Seen" not in f for f in after), after


def test_the_mail_text_is_read_and_the_attachment_only_on_request(mailbox: Mailbox) -> None:
    message = mail("Re: [Ticket#2026112510000017] Printer jammed")
    message.set_content("Grüße aus Bozen — è così.\n")
    message.add_attachment(
        b"\x89PNG...", maintype="image", subtype="png", filename="schermata è.png"
    )
    mailbox.deliver(message)
    reader = mailbox.reader()
    item = reader.read_new({}).items[0]
    assert item.body == "Grüße aus Bozen — è così.\n"
    [attachment] = item.attachments
    assert attachment.filename == "schermata è.png" and attachment.content_type == "image/png"
    assert reader.attachment(item.message_id, attachment.id) == b"\x89PNG..."
    assert b"\\Seen" not in mailbox.flags()[0]


def test_a_copy_goes_to_the_sent_folder_which_is_created_once(mailbox: Mailbox) -> None:
    reader = mailbox.reader()
    payload = bytes(mail("Printer jammed", sender=mailbox.login))
    message_id = payload.split(b"Message-ID: ")[1].split(b"\n")[0].strip().decode()
    assert reader.file_in_sent(payload, message_id) == "Sent"
    assert reader.file_in_sent(payload, message_id) == "Sent"  # already there: not twice
    assert sorted(mailbox.server.mailboxes(mailbox.login)) == ["INBOX", "Sent"]
    assert mailbox.flags("Sent") and b"\\Seen" in mailbox.flags("Sent")[0]
    assert len(mailbox.flags("Sent")) == 1


def test_the_sent_folder_is_found_by_special_use(mailbox: Mailbox) -> None:
    mailbox.server.append(mailbox.login, "Elementi inviati", bytes(mail("older", sender="x@y.z")))
    reader = mailbox.reader()
    assert reader.file_in_sent(bytes(mail("Printer jammed")), "<new@x>") == "Elementi inviati"
    assert "Sent" not in mailbox.server.mailboxes(mailbox.login)


def test_starttls_and_plain_connections_work_too(mailbox: Mailbox) -> None:
    mailbox.deliver(mail("[Ticket#2026112510000017] RE: Printer jammed"))
    server = mailbox.server
    starttls = mailbox.reader(imap_security="starttls", imap_port=server.imap_port)
    plain = mailbox.reader(imap_security="none", imap_port=server.imap_port, ca_file="")
    assert len(starttls.read_new({}).items) == 1
    assert len(plain.read_new({}).items) == 1
    assert "IMAP 127.0.0.1: INBOX" in starttls.check()


def test_a_wrong_password_is_an_imap_auth_error(mailbox: Mailbox) -> None:
    reader = MailboxReader(mailbox.profile, "not-the-password-7Qx", timeout=10)
    with pytest.raises(AuthError) as caught:
        reader.check()
    assert caught.value.params["reason"] == "imap_auth"
    assert caught.value.params["service"] == "imap"
    assert "AUTHENTICATIONFAILED" in caught.value.params["server"]


def test_an_untrusted_certificate_is_refused(mailbox: Mailbox, tmp_path) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with pytest.raises(CertificateError) as caught:
        mailbox.reader(ca_file=str(other)).check()
    assert caught.value.params["service"] == "imap"


def test_a_closed_port_is_not_reachable(mailbox: Mailbox) -> None:
    with pytest.raises(NotReachable) as caught:
        mailbox.reader(imap_port=free_port()).check()
    assert caught.value.params["reason"] == "refused"


def test_tls_to_a_plain_port_is_a_configuration_error(mailbox: Mailbox) -> None:
    with pytest.raises((ConfigError, NotReachable, ssl.SSLError)):
        mailbox.reader(imap_security="ssl", imap_port=mailbox.server.imap_port).check()


def test_a_missing_folder_is_named(mailbox: Mailbox) -> None:
    with pytest.raises(ConfigError) as caught:
        mailbox.reader(imap_folder="Helpdesk").check()
    assert caught.value.params["reason"] == "no_folder"
    assert caught.value.params["folder"] == "Helpdesk"


def test_a_folder_with_a_non_ascii_name_is_read(mailbox: Mailbox) -> None:
    folder = encode_mailbox("Assistenza è")
    assert folder == "Assistenza &AOg-"
    mailbox.server.append(mailbox.login, folder, bytes(mail("[Ticket#2026112510000017] RE: x")))
    reader = mailbox.reader(imap_folder="Assistenza è")
    assert len(reader.read_new({}).items) == 1
