"""SecretStore on keyring's real backends: the keyrings.alt file one, and the one that fails."""

from __future__ import annotations

import base64
from pathlib import Path

import keyring.core
import pytest

from app.config.secrets import SecretStore
from app.core.errors import SecretStoreError
from app.core.redact import MASK, redact

PASSWORD = "Perch\u00e9-\u20ac-s3greta!"


def test_the_file_backend_is_in_use():
    assert SecretStore().backend_name() == "keyrings.alt.file.PlaintextKeyring"


def test_set_get_delete():
    store = SecretStore()
    assert store.get("profile:Helpdesk") is None
    store.set("profile:Helpdesk", PASSWORD)
    assert store.get("profile:Helpdesk") == PASSWORD
    assert SecretStore(service="Other").get("profile:Helpdesk") is None  # per service
    store.set("profile:Helpdesk", "S3cond-passw0rd")
    assert store.get("profile:Helpdesk") == "S3cond-passw0rd"
    store.delete("profile:Helpdesk")
    assert store.get("profile:Helpdesk") is None


def test_delete_of_a_missing_secret_is_quiet():
    SecretStore().delete("profile:never-set")


def test_the_secret_lives_in_the_keyring_not_under_ticketwise_home(tw_home: Path, tmp_path: Path):
    SecretStore().set("profile:Helpdesk", PASSWORD)
    keyring_files = list((tmp_path / "xdg-data").rglob("*.cfg"))
    assert len(keyring_files) == 1
    # keyrings.alt's "plaintext" file keeps the password base64-encoded
    assert base64.b64encode(PASSWORD.encode()) in keyring_files[0].read_bytes()
    for path in tw_home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()


def test_secrets_read_or_written_are_masked_in_logs():
    store = SecretStore()
    # Registered secrets are masked for the rest of the process: only unguessable strings here.
    store.set("profile:a", PASSWORD)
    assert redact(f"login with {PASSWORD}") == f"login with {MASK}"
    other = "another-one-read-back-7"
    keyring.set_password("Ticketwise", "profile:b", other)  # written by someone else
    assert store.get("profile:b") == other
    assert redact(other) == MASK


@pytest.mark.usefixtures("failing_keyring")
@pytest.mark.parametrize(
    ("action", "call"),
    [
        ("read", lambda s: s.get("profile:x")),
        ("store", lambda s: s.set("profile:x", PASSWORD)),
        ("delete", lambda s: s.delete("profile:x")),
    ],
)
def test_a_keyring_that_raises_gives_secret_store_error(action, call):
    with pytest.raises(SecretStoreError) as info:
        call(SecretStore())
    error = info.value
    assert error.kind == "keyring"
    assert error.exit_code == 3
    assert error.params["action"] == action
    assert error.params["detail"].startswith("NoKeyringError: ")
    assert PASSWORD not in str(error)
    assert error.__suppress_context__  # the backend's traceback is not chained into ours
