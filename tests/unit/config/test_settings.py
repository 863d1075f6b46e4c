"""Settings: declared once, validated on load with a fallback and a warning, saved sparingly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config.settings import SETTINGS, Setting, declared, load_settings


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """(user settings.json, admin defaults.toml) paths; neither exists yet."""
    return tmp_path / "config" / "settings.json", tmp_path / "site" / "defaults.toml"


def _write_admin(path: Path, toml: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(toml, encoding="utf-8")


def _write_user(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_each_setting_is_declared_once_with_help_and_a_valid_default():
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in SETTINGS:
        assert declared(setting.key) is setting
        assert setting.help.strip()
        assert setting.validate(setting.default) == setting.default
    with pytest.raises(KeyError):
        declared("no_such_setting")


def test_no_files_gives_the_defaults(files):
    settings = load_settings(*files)
    assert settings.values == {s.key: s.default for s in SETTINGS}
    assert settings.warnings == []
    assert not files[0].exists()  # loading never writes


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "expected a whole number"),  # a bool is not an int here
        ("45", "expected a whole number"),
        (2, "below the minimum 3"),
        (601, "above the maximum 600"),
    ],
)
def test_setting_validation_says_why(value, message):
    with pytest.raises(ValueError, match=message):
        declared("network_timeout_s").validate(value)


def test_validation_of_each_type():
    assert declared("show_tray_icon").validate(False) is False
    with pytest.raises(ValueError, match="true or false"):
        declared("show_tray_icon").validate(1)
    with pytest.raises(ValueError, match="expected text"):
        declared("default_profile").validate(3)
    with pytest.raises(ValueError, match="not one of"):
        declared("language").validate("fr")
    choice = Setting("x", int, 1, "help", choices=(1, 2))
    with pytest.raises(ValueError, match="not one of"):
        choice.validate(3)


def test_invalid_user_values_fall_back_to_the_default_with_a_warning(files):
    user_file, admin_file = files
    _write_user(
        user_file,
        {
            "language": "fr",
            "autosave_delay_ms": 10,
            "show_tray_icon": "yes",
            "network_timeout_s": 45,
            "no_such_key": 1,
        },
    )
    settings = load_settings(user_file, admin_file)
    assert settings["language"] == ""
    assert settings["autosave_delay_ms"] == 500
    assert settings.get_bool("show_tray_icon") is True
    assert settings.get_int("network_timeout_s") == 45  # the valid one is kept
    text = "\n".join(settings.warnings)
    assert len(settings.warnings) == 4
    for key in ("language", "autosave_delay_ms", "show_tray_icon", "no_such_key"):
        assert key in text
    assert str(user_file) in text


def test_admin_defaults_lie_under_the_users_settings(files):
    user_file, admin_file = files
    _write_admin(
        admin_file,
        '[settings]\nnetwork_timeout_s = 60\nlanguage = "it"\nmax_message_mb = 5\n',
    )
    _write_user(user_file, {"network_timeout_s": 90, "max_message_mb": 0})
    settings = load_settings(user_file, admin_file)
    assert settings.get_int("network_timeout_s") == 90  # the user's value wins
    assert settings.get_str("language") == "it"  # the admin's where the user has none
    # An invalid user value falls back to the next layer down: the admin's, not the default.
    assert settings.get_int("max_message_mb") == 5
    assert len(settings.warnings) == 1
    assert "max_message_mb" in settings.warnings[0]


def test_invalid_admin_value_falls_back_to_the_declared_default(files):
    user_file, admin_file = files
    _write_admin(admin_file, "[settings]\nretry_max_s = 5\nsurprise = true\n")
    settings = load_settings(user_file, admin_file)
    assert settings.get_int("retry_max_s") == 3600
    assert len(settings.warnings) == 2
    assert all(str(admin_file) in w for w in settings.warnings)


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",  # not even UTF-8 (a damaged file)
        b"[1, 2, 3]",  # JSON, but not a table
        b'"text"',
    ],
)
def test_malformed_user_file_warns_and_uses_the_defaults(files, content):
    user_file, admin_file = files
    user_file.parent.mkdir(parents=True)
    user_file.write_bytes(content)
    settings = load_settings(user_file, admin_file)
    assert settings.values == {s.key: s.default for s in SETTINGS}
    assert len(settings.warnings) == 1
    assert str(user_file) in settings.warnings[0]


@pytest.mark.parametrize("content", ["settings = [", "settings = 3", '[settings]\nlanguage = "x'])
def test_malformed_admin_file_warns(files, content):
    user_file, admin_file = files
    _write_admin(admin_file, content)
    settings = load_settings(user_file, admin_file)
    assert settings.values == {s.key: s.default for s in SETTINGS}
    assert len(settings.warnings) == 1


def test_save_writes_only_what_differs_from_the_layers_below(files):
    user_file, admin_file = files
    _write_admin(admin_file, "[settings]\nnetwork_timeout_s = 60\n")
    settings = load_settings(user_file, admin_file)
    settings.set("retry_initial_s", 10)
    assert json.loads(user_file.read_text(encoding="utf-8")) == {"retry_initial_s": 10}
    settings.set("network_timeout_s", 60)  # equal to the admin's value: nothing to keep
    settings.set("show_tray_icon", False)
    assert json.loads(user_file.read_text(encoding="utf-8")) == {
        "retry_initial_s": 10,
        "show_tray_icon": False,
    }
    settings.set("retry_initial_s", 30)  # back to the default: dropped again
    assert json.loads(user_file.read_text(encoding="utf-8")) == {"show_tray_icon": False}
    reloaded = load_settings(user_file, admin_file)
    assert reloaded.values == settings.values


def test_set_refuses_an_invalid_value_and_keeps_the_file(files):
    user_file, admin_file = files
    settings = load_settings(user_file, admin_file)
    settings.set("language", "it")
    before = user_file.read_bytes()
    with pytest.raises(ValueError, match="not one of"):
        settings.set("language", "klingon")
    assert settings["language"] == "it"
    assert user_file.read_bytes() == before
    assert not list(user_file.parent.glob(".settings.json.*"))  # no temp file left behind
