"""IMAP's wire format without a server: responses as imaplib returns them, BODYSTRUCTURE, mailbox
names, headers and bodies; garbage in never means an exception other than ProtocolError."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.connectors.imapwire import (
    attachments,
    body_part,
    body_text,
    decode_mailbox,
    decode_text,
    decode_transfer,
    encode_mailbox,
    html_to_text,
    list_entry,
    parse_bodystructure,
    parse_fetch,
    parse_headers,
    values,
)
from app.core.errors import ProtocolError

# Recorded from dovecot 2.3.19 (imaplib's shapes: bytes, and (head, literal) tuples).
HEADER = b"Subject: hi\r\nMessage-ID: <x@y>\r\n\r\n"
FETCH = [
    (
        b'1 (UID 7 RFC822.SIZE 242 INTERNALDATE "25-Nov-2026 18:25:38 +0000" BODYSTRUCTURE '
        b'("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 6 1 NIL NIL NIL NIL) '
        b"BODY[HEADER] {" + str(len(HEADER)).encode() + b"}",
        HEADER,
    ),
    b")",
]
MULTIPART = (
    b'(("text" "plain" ("charset" "utf-8") NIL NIL "quoted-printable" 120 4 NIL NIL NIL NIL)'
    b'("image" "png" ("name" "shot.png") NIL NIL "base64" 400 NIL '
    b'("attachment" ("filename*" "utf-8\'\'schermata%20%C3%A8.png")) NIL NIL) "mixed" '
    b'("boundary" "b1") NIL NIL NIL)'
)
ALTERNATIVE_IN_MIXED = (
    b'((("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 10 1 NIL NIL NIL NIL)'
    b'("text" "html" ("charset" "utf-8") NIL NIL "7bit" 30 1 NIL NIL NIL NIL) "alternative" '
    b'("boundary" "b2") NIL NIL NIL)'
    b'("application" "pdf" NIL NIL NIL "base64" 1000 NIL ("attachment" ("filename" "a.pdf")) '
    b'NIL NIL) "mixed" ("boundary" "b1") NIL NIL NIL)'
)


def test_a_fetch_answer_with_a_literal() -> None:
    fetched = parse_fetch(FETCH)
    assert list(fetched) == [7]
    fields = fetched[7]
    assert fields["BODY[HEADER]"] == HEADER
    assert fields["RFC822.SIZE"] == b"242"
    part = parse_bodystructure(fields["BODYSTRUCTURE"])
    assert (part.number, part.type, part.encoding) == ("1", "text/plain", "7bit")


def test_unsolicited_flag_updates_without_uid_are_ignored() -> None:
    assert parse_fetch([b"3 (FLAGS (\\Seen))", b"4 (UID 9 FLAGS ())"]) == {
        9: {"UID": b"9", "FLAGS": []}
    }


def test_parts_are_numbered_as_the_server_numbers_them() -> None:
    [structure] = values([MULTIPART])
    root = parse_bodystructure(structure)
    assert root.type == "multipart/mixed"
    assert [(p.number, p.type) for p in root.leaves()] == [("1", "text/plain"), ("2", "image/png")]
    shown = body_part(root)
    assert shown is not None and shown.number == "1"
    [attachment] = attachments(root, shown)
    assert attachment.id == "2"
    assert attachment.filename == "schermata è.png"  # RFC 2231 undone
    assert attachment.size == 300  # 400 base64 characters


def test_nested_alternatives_show_the_plain_text() -> None:
    [structure] = values([ALTERNATIVE_IN_MIXED])
    root = parse_bodystructure(structure)
    assert [p.number for p in root.leaves()] == ["1.1", "1.2", "2"]
    shown = body_part(root)
    assert shown is not None and shown.type == "text/plain" and shown.number == "1.1"
    assert [a.filename for a in attachments(root, shown)] == ["a.pdf"]


def test_bracketed_items_with_spaces_are_one_atom() -> None:
    toks = values([(b"1 (UID 3 BODY[HEADER.FIELDS (SUBJECT FROM)] {2}", b"x\n"), b")"])
    assert toks[1][2] == b"BODY[HEADER.FIELDS (SUBJECT FROM)]"


def test_list_answers() -> None:
    assert list_entry(b'(\\HasNoChildren \\Sent) "/" "Elementi inviati"') == (
        {"\\hasnochildren", "\\sent"},
        "/",
        "Elementi inviati",
    )
    assert list_entry(b'(\\Noselect) "." INBOX.Archive') == ({"\\noselect"}, ".", "INBOX.Archive")
    assert list_entry((b'() "/" {4}', b"Sent")) == (set(), "/", "Sent")
    assert list_entry(b"garbage (") is None


@pytest.mark.parametrize(
    ("name", "wire"),
    [("INBOX", "INBOX"), ("Gelöscht", "Gel&APY-scht"), ("A&B", "A&-B"), ("日本語", "&ZeVnLIqe-")],
)
def test_modified_utf7(name: str, wire: str) -> None:
    assert encode_mailbox(name) == wire
    assert decode_mailbox(wire) == name


def test_headers_are_decoded() -> None:
    headers = parse_headers(
        b"From: =?utf-8?q?Mario_Ross=C3=AC?= <mario@example.it>\r\n"
        b"Subject: =?utf-8?b?W1RpY2tldCMxXSBQZXJjaMOp?=\r\n"
        b"In-Reply-To: <a@x>\r\nReferences: <b@x>\r\n <a@x>\r\n"
        b"Auto-Submitted: auto-generated\r\nX-Loop: yes\r\n\r\n"
    )
    assert headers.from_name == "Mario Rossì" and headers.from_email == "mario@example.it"
    assert headers.subject == "[Ticket#1] Perché"
    assert headers.in_reply_to == ("<a@x>",) and headers.references == ("<b@x>", "<a@x>")
    assert headers.extra == {"auto-submitted": "auto-generated", "x-loop": "yes"}


def test_bodies_are_decoded_whatever_they_claim() -> None:
    encoded = base64.encodebytes("Grüße\n".encode() * 30)
    assert decode_transfer(encoded, "base64") == "Grüße\n".encode() * 30
    assert decode_transfer(b"Gr=C3=BC=C3=9Fe", "quoted-printable") == "Grüße".encode()
    assert decode_text("è".encode(), "no-such-charset") == "è"
    assert decode_text("è".encode("latin-1"), "utf-8") == "è"
    assert decode_text("è".encode(), "us-ascii") == "è"
    assert html_to_text("<style>p{}</style><p>Hello&nbsp;<b>Jane</b></p><br>Bye") == (
        "Hello Jane\n\nBye\n"
    )


# -- properties: garbage in, no crash -----------------------------------------------------------

garbage = st.binary(max_size=400)
atomish = st.sampled_from([b"(", b")", b'"', b"NIL", b"{3}", b"UID", b"7", b" ", b"\\", b"["])


@given(data=st.lists(garbage | st.tuples(garbage, garbage), max_size=4))
def test_any_fetch_answer_parses_or_is_a_protocol_error(data) -> None:
    try:
        parse_fetch(data)
    except ProtocolError:
        pass


@given(pieces=st.lists(atomish, max_size=40))
def test_token_soup_parses_or_is_a_protocol_error(pieces) -> None:
    try:
        for value in values([b" ".join(pieces)]):
            parse_bodystructure(value)
    except ProtocolError:
        pass


@given(raw=garbage)
def test_any_header_block_decodes(raw: bytes) -> None:
    headers = parse_headers(raw)
    assert isinstance(headers.subject, str) and isinstance(headers.message_id, str)


@given(raw=garbage, encoding=st.sampled_from(["base64", "quoted-printable", "8bit", "x-uue", ""]))
def test_any_body_decodes(raw: bytes, encoding: str) -> None:
    [structure] = values([MULTIPART])
    part = parse_bodystructure(structure).children[0]
    assert isinstance(body_text(part, decode_transfer(raw, encoding)), str)
    assert isinstance(decode_text(raw, "utf-16"), str)


@given(markup=st.text(max_size=300))
def test_any_html_becomes_text(markup: str) -> None:
    assert isinstance(html_to_text(markup), str)


@given(name=st.text(max_size=40))
def test_mailbox_names_round_trip(name: str) -> None:
    assert decode_mailbox(encode_mailbox(name)) == name
