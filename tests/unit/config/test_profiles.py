"""Profiles: validation codes, the admin's profiles merged under the user's, broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config.profiles import (
    Profile,
    ProfileStore,
    guess_smtp,
    is_email,
    profile_from_dict,
    validate,
)
from app.core.errors import ConfigError

GOOD = Profile(
    name="Helpdesk",
    to_address="assistenza@example.it",
    from_address="mario.rossi@example.it",
    host="smtp.example.it",
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """(user profiles.json, admin defaults.toml), neither written yet."""
    return tmp_path / "config" / "profiles.json", tmp_path / "site" / "defaults.toml"


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


ADMIN_TOML = """
[profiles.Aziendale]
to_address = "helpdesk@azienda.it"
host = "mail.azienda.it"
port = 465
security = "ssl"
ticket_hook = "Ticket#"
"""


# -- validation -------------------------------------------------------------------------------


def test_a_good_profile_has_no_problems():
    assert validate(GOOD) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"name": ""}, ("name", "invalid_name")),
        ({"name": "a/b"}, ("name", "invalid_name")),
        ({"name": " leading"}, ("name", "invalid_name")),
        ({"name": "x" * 65}, ("name", "invalid_name")),
        ({"kind": "jira"}, ("kind", "unknown_kind")),
        ({"to_address": "helpdesk"}, ("to_address", "invalid_email")),
        ({"to_address": "a@b.it, c@d.it"}, ("to_address", "invalid_email")),
        ({"from_address": ""}, ("from_address", "invalid_email")),
        ({"host": ""}, ("host", "required")),
        ({"host": "smtp example.it"}, ("host", "required")),
        ({"port": 0}, ("port", "invalid_port")),
        ({"port": 65536}, ("port", "invalid_port")),
        ({"security": "tls"}, ("security", "invalid_security")),
        ({"ca_file": "/no/such/ca.pem"}, ("ca_file", "missing_file")),
    ],
)
def test_validation_codes(changes, problem):
    assert validate(Profile(**{**GOOD.to_dict(), **changes})) == [problem]


def test_several_problems_are_all_reported():
    problems = validate(Profile(name="x", to_address="", from_address="", host="", port=0))
    assert [field for field, _ in problems] == ["to_address", "from_address", "host", "port"]


def test_an_existing_ca_file_is_fine(tmp_path: Path):
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    assert validate(Profile(**{**GOOD.to_dict(), "ca_file": str(ca)})) == []


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("a@b.it", True),
        (" jane@localhost ", True),
        ("jane@localhost.", False),
        ("no-at.example.it", False),
        ("Jane <jane@example.it>", False),
        ("a@b", False),
        ("a b@c.it", False),
    ],
)
def test_is_email(address, ok):
    assert is_email(address) is ok


def test_guess_smtp():
    assert guess_smtp("Mario.Rossi@Example.IT") == ("smtp.example.it", 587, "starttls")
    assert guess_smtp("") == ("", 587, "starttls")


# -- parsing untrusted data -------------------------------------------------------------------


def test_profile_from_dict_round_trip():
    assert profile_from_dict(GOOD.to_dict()) == GOOD
    assert "admin_provided" not in GOOD.to_dict()


def test_port_as_text_is_accepted():
    assert profile_from_dict({"name": "x", "port": "2525"}).port == 2525


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "x", "colour": "red"}, "colour"),
        ({"name": "x", "port": "smtp"}, "port"),
        ({"name": "x", "host": 42}, "host"),
        ({"name": "x", "login": None}, "login"),
        ({"host": "h"}, "name"),
    ],
)
def test_profile_from_dict_names_the_bad_field(data, field):
    with pytest.raises(ConfigError) as info:
        profile_from_dict(data)
    assert info.value.params["field"] == field


# -- the store --------------------------------------------------------------------------------


def test_save_and_get(files):
    store = ProfileStore(*files)
    store.save(GOOD)
    assert ProfileStore(*files).get("Helpdesk") == GOOD
    saved = json.loads(files[0].read_text(encoding="utf-8"))
    assert saved == {"version": 1, "profiles": {"Helpdesk": GOOD.to_dict()}}


def test_save_refuses_an_invalid_profile(files):
    store = ProfileStore(*files)
    with pytest.raises(ConfigError) as info:
        store.save(Profile(**{**GOOD.to_dict(), "port": 99999}))
    assert info.value.params == {"field": "port", "code": "invalid_port"}
    assert not files[0].exists()


def test_get_and_remove_unknown(files):
    store = ProfileStore(*files)
    with pytest.raises(ConfigError):
        store.get("nope")
    with pytest.raises(ConfigError):
        store.remove("nope")


def test_remove(files):
    store = ProfileStore(*files)
    store.save(GOOD)
    store.save(Profile(**{**GOOD.to_dict(), "name": "Other"}))
    store.remove("Helpdesk")
    assert ProfileStore(*files).names() == ["Other"]


def test_names_are_sorted_case_insensitively(files):
    store = ProfileStore(*files)
    for name in ("beta", "Alpha", "gamma"):
        store.save(Profile(**{**GOOD.to_dict(), "name": name}))
    assert store.names() == ["Alpha", "beta", "gamma"]
    assert [p.name for p in store] == ["Alpha", "beta", "gamma"]


def test_admin_profile_alone(files):
    user_file, admin_file = files
    _write(admin_file, ADMIN_TOML)
    store = ProfileStore(user_file, admin_file)
    profile = store.get("Aziendale")
    assert profile.admin_provided
    assert (profile.host, profile.port, profile.security) == ("mail.azienda.it", 465, "ssl")
    assert "Aziendale" in store


def test_admin_profile_is_merged_under_the_users_field_by_field(files):
    user_file, admin_file = files
    _write(admin_file, ADMIN_TOML)
    _write(
        user_file,
        json.dumps(
            {
                "version": 1,
                "profiles": {
                    "Aziendale": {"from_address": "mario@azienda.it", "login": "mario", "port": 25}
                },
            }
        ),
    )
    profile = ProfileStore(user_file, admin_file).get("Aziendale")
    assert profile == Profile(
        name="Aziendale",
        to_address="helpdesk@azienda.it",  # admin
        host="mail.azienda.it",  # admin
        security="ssl",  # admin
        from_address="mario@azienda.it",  # user
        login="mario",  # user
        port=25,  # user over admin
    )
    assert not profile.admin_provided  # the user has made it their own


def test_admin_only_profile_cannot_be_removed(files):
    user_file, admin_file = files
    _write(admin_file, ADMIN_TOML)
    store = ProfileStore(user_file, admin_file)
    with pytest.raises(ConfigError, match="administrator"):
        store.remove("Aziendale")
    assert "Aziendale" in ProfileStore(user_file, admin_file)


def test_removing_the_users_override_brings_back_the_admins_profile(files):
    user_file, admin_file = files
    _write(admin_file, ADMIN_TOML)
    store = ProfileStore(user_file, admin_file)
    mine = Profile(
        **{**store.get("Aziendale").to_dict(), "from_address": "mario@azienda.it", "port": 587}
    )
    store.save(mine)
    assert store.get("Aziendale").port == 587
    store.remove("Aziendale")
    again = ProfileStore(user_file, admin_file).get("Aziendale")
    assert again.port == 465
    assert again.admin_provided


@pytest.mark.parametrize(
    "content",
    [
        b"{broken",
        b"\x89PNG\r\n\x1a\n\x00\x00",  # binary garbage: not UTF-8
        b"[1, 2]",
        b'{"profiles": []}',
        b'{"profiles": "Helpdesk"}',
    ],
)
def test_malformed_user_file_gives_a_warning_not_a_crash(files, content):
    user_file, admin_file = files
    _write(user_file, content)
    store = ProfileStore(user_file, admin_file)
    assert store.names() == []
    assert len(store.warnings) == 1
    assert str(user_file) in store.warnings[0]


def test_malformed_admin_file_gives_a_warning_not_a_crash(files):
    user_file, admin_file = files
    _write(admin_file, "[profiles.Aziendale\nhost=")
    store = ProfileStore(user_file, admin_file)
    store.save(GOOD)  # the user's own profiles still work
    assert store.names() == ["Helpdesk"]
    assert len(store.warnings) == 1
    assert str(admin_file) in store.warnings[0]


def test_a_malformed_entry_is_skipped_the_rest_still_load(files):
    user_file, admin_file = files
    _write(admin_file, "profiles = 3\n")
    _write(
        user_file,
        json.dumps(
            {
                "profiles": {
                    "Broken": {"port": "not a port"},
                    "NotATable": "x",
                    "Helpdesk": GOOD.to_dict(),
                }
            }
        ),
    )
    store = ProfileStore(user_file, admin_file)
    assert store.names() == ["Broken", "Helpdesk"]
    assert [p.name for p in store] == ["Helpdesk"]  # iteration skips what cannot be read
    with pytest.raises(ConfigError) as info:
        store.get("Broken")
    assert info.value.params["field"] == "port"


def test_include_sysinfo_is_on_by_default_saved_and_set_by_the_admin(files):
    user_file, admin_file = files
    assert GOOD.include_sysinfo
    _write(admin_file, ADMIN_TOML + "include_sysinfo = false\n")
    store = ProfileStore(user_file, admin_file)
    assert not store.get("Aziendale").include_sysinfo
    store.save(Profile(**{**GOOD.to_dict(), "include_sysinfo": False}))
    assert not ProfileStore(user_file, admin_file).get("Helpdesk").include_sysinfo
    with pytest.raises(ConfigError) as info:
        profile_from_dict({"name": "x", "include_sysinfo": "yes"})
    assert info.value.params["field"] == "include_sysinfo"
