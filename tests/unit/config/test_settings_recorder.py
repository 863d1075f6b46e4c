"""The steps recorder's settings: the step limit (1..999, default 100) and its global key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config.settings import declared, load_settings


def test_defaults() -> None:
    assert declared("recorder_max_steps").default == 100
    assert declared("recorder_hotkey").default == "Ctrl+Shift+F11"
    assert declared("recorder_hotkey").default != declared("capture_hotkey").default


@pytest.mark.parametrize("value", [1, 25, 100, 999])
def test_limits_inside_the_range_are_taken(value: int) -> None:
    assert declared("recorder_max_steps").validate(value) == value


@pytest.mark.parametrize("value", [0, -5, 1000, "100", 100.0, True, None])
def test_limits_outside_the_range_or_not_whole_numbers_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="recorder_max_steps"):
        declared("recorder_max_steps").validate(value)


@pytest.mark.parametrize("value", [0, "Ctrl+Shift+F11", ["F11"]])
def test_the_key_must_be_text(value: object) -> None:
    setting = declared("recorder_hotkey")
    if isinstance(value, str):
        assert setting.validate(value) == value
    else:
        with pytest.raises(ValueError, match="recorder_hotkey"):
            setting.validate(value)


def test_a_bad_value_on_disk_falls_back_with_a_warning(tmp_path: Path) -> None:
    user = tmp_path / "settings.json"
    user.write_text(json.dumps({"recorder_max_steps": 5000, "recorder_hotkey": 11}))
    settings = load_settings(user, tmp_path / "defaults.toml")
    assert settings.get_int("recorder_max_steps") == 100
    assert settings.get_str("recorder_hotkey") == "Ctrl+Shift+F11"
    assert any("recorder_max_steps" in w for w in settings.warnings)
    assert any("recorder_hotkey" in w for w in settings.warnings)


def test_the_admin_can_set_a_lower_limit_and_the_user_a_higher_one(tmp_path: Path) -> None:
    admin = tmp_path / "defaults.toml"
    admin.write_text("[settings]\nrecorder_max_steps = 40\n")
    user = tmp_path / "settings.json"
    settings = load_settings(user, admin)
    assert settings.get_int("recorder_max_steps") == 40
    settings.set("recorder_max_steps", 250)
    assert json.loads(user.read_text()) == {"recorder_max_steps": 250}
    assert load_settings(user, admin).get_int("recorder_max_steps") == 250
