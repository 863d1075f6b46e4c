"""Every setting, declared once: key, type, default, help text, and its valid values.

Values come from (lowest to highest): the declared default, the administrator's read-only
``defaults.toml`` (``[settings]`` table), the user's ``settings.json``. An invalid value is
dropped with a warning and the next layer down is used.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config.files import read_json, read_toml, write_json

log = logging.getLogger(__name__)

SettingValue = str | int | bool


@dataclass(frozen=True)
class Setting:
    """The declaration of one setting."""

    key: str
    type: type
    default: SettingValue
    help: str
    choices: tuple[SettingValue, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def validate(self, value: Any) -> SettingValue:
        """Return ``value`` if valid for this setting, else raise ValueError saying why."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"{self.key}: expected true or false, got {value!r}")
        elif self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{self.key}: expected a whole number, got {value!r}")
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.key}: {value} is below the minimum {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.key}: {value} is above the maximum {self.maximum}")
        elif self.type is str and not isinstance(value, str):
            raise ValueError(f"{self.key}: expected text, got {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key}: {value!r} is not one of {list(self.choices)}")
        return value  # type: ignore[no-any-return,unused-ignore]


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "language",
        str,
        "",
        "UI language: '' follows the system, or 'en', 'it'.",
        choices=("", "en", "it"),
    ),
    Setting("default_profile", str, "", "The profile a new ticket goes to."),
    Setting(
        "autosave_delay_ms",
        int,
        500,
        "Quiet time after an edit before the draft is saved.",
        minimum=50,
        maximum=900,
    ),
    Setting("show_tray_icon", bool, True, "Show an icon in the system tray."),
    Setting("close_to_tray", bool, True, "Closing the window keeps Ticketwise in the tray."),
    Setting(
        "network_timeout_s",
        int,
        30,
        "Seconds to wait for a server before giving up.",
        minimum=3,
        maximum=600,
    ),
    Setting(
        "retry_initial_s",
        int,
        30,
        "First wait before retrying a ticket that could not go out.",
        minimum=1,
        maximum=3600,
    ),
    Setting("retry_max_s", int, 3600, "Longest wait between retries.", minimum=10, maximum=86400),
    Setting(
        "max_message_mb",
        int,
        20,
        "Largest ticket (with attachments) to send when the server does not say its limit.",
        minimum=1,
        maximum=1000,
    ),
    Setting(
        "capture_hotkey",
        str,
        "Ctrl+Shift+F12",
        "Global key that starts a screenshot from anywhere, e.g. Ctrl+Shift+F12 ('' for none).",
    ),
    Setting(
        "capture_annotate",
        bool,
        True,
        "Open the annotator (marks, redaction) before a screenshot is attached.",
    ),
    Setting(
        "capture_hide_window",
        bool,
        True,
        "Hide Ticketwise's own window while a capture started from it is taken.",
    ),
    Setting(
        "recorder_max_steps",
        int,
        100,
        "Most steps one recording keeps (clicks, typing, notes, screenshots).",
        minimum=1,
        maximum=999,
    ),
    Setting(
        "recorder_hotkey",
        str,
        "Ctrl+Shift+F11",
        "Global key that starts (and stops) a steps recording, e.g. Ctrl+Shift+F11 ('' for none).",
    ),
    Setting(
        "capture_last_region",
        str,
        "",
        "The last region selected for a screenshot, as X,Y,W,H (offered again next time).",
    ),
)

_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def declared(key: str) -> Setting:
    """The declaration of ``key`` (KeyError if there is none)."""
    return _BY_KEY[key]


@dataclass
class Settings:
    """The effective settings of this process."""

    path: Path
    values: dict[str, SettingValue]
    admin: dict[str, SettingValue] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> SettingValue:
        return self.values[key]

    def get_int(self, key: str) -> int:
        """An int setting."""
        value = self.values[key]
        assert isinstance(value, int)
        return value

    def get_str(self, key: str) -> str:
        """A text setting."""
        return str(self.values[key])

    def get_bool(self, key: str) -> bool:
        """A boolean setting."""
        return bool(self.values[key])

    def set(self, key: str, value: SettingValue) -> None:
        """Validate, apply and save one setting (ValueError if invalid)."""
        self.values[key] = declared(key).validate(value)
        self.save()

    def save(self) -> None:
        """Write the values that differ from the admin/default layer."""
        user = {}
        for setting in SETTINGS:
            base = self.admin.get(setting.key, setting.default)
            if self.values[setting.key] != base:
                user[setting.key] = self.values[setting.key]
        write_json(self.path, user)


def _layer(raw: Any, source: str, warnings: list[str]) -> dict[str, SettingValue]:
    out: dict[str, SettingValue] = {}
    if raw is None:
        return out
    if not isinstance(raw, Mapping):
        warnings.append(f"{source}: expected a table of settings, ignored")
        return out
    for key, value in raw.items():
        setting = _BY_KEY.get(key)
        if setting is None:
            warnings.append(f"{source}: unknown setting {key!r} ignored")
            continue
        try:
            out[key] = setting.validate(value)
        except ValueError as exc:
            warnings.append(f"{source}: {exc}; using the default")
    return out


def load_settings(settings_file: Path, admin_file: Path) -> Settings:
    """Load the effective settings. Broken files give warnings, never an exception."""
    warnings: list[str] = []
    try:
        admin_raw = read_toml(admin_file).get("settings")
    except (OSError, ValueError) as exc:
        warnings.append(f"{admin_file}: cannot be read ({exc}); ignored")
        admin_raw = None
    admin = _layer(admin_raw, str(admin_file), warnings)
    try:
        user_raw = read_json(settings_file)
    except (OSError, ValueError) as exc:  # ValueError: bad JSON, and bytes that are not UTF-8
        warnings.append(f"{settings_file}: cannot be read ({exc}); using defaults")
        user_raw = None
    user = _layer(user_raw, str(settings_file), warnings)
    values = {s.key: s.default for s in SETTINGS}
    values.update(admin)
    values.update(user)
    for warning in warnings:
        log.warning("settings: %s", warning)
    return Settings(path=settings_file, values=values, admin=admin, warnings=warnings)
