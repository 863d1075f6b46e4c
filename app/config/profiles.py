"""Help-desk profiles: where tickets go and how to log in. Never a secret in here.

Profiles live in ``profiles.json`` (the user's) and may also come from the administrator's
read-only ``defaults.toml`` (``[profiles.NAME]`` tables); a user profile of the same name is
merged over the admin one, field by field.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config.files import read_json, read_toml, write_json
from app.core.errors import ConfigError
from app.core.hooks import HookStyle

log = logging.getLogger(__name__)

KINDS = ("smtp", "otrs", "rt")
"""Help-desk kinds this version can send to. (zammad arrives with its connector.)"""

SECURITY = ("starttls", "ssl", "none")
HOOK_STYLES = ("otrs", "rt")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
IMAP_DEFAULT_PORTS = {"ssl": 993, "starttls": 143, "none": 143}

_EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$|^[^@\s<>\"]+@localhost$")
_NAME_RE = re.compile(r"^[\w][\w .@+-]{0,63}$", re.UNICODE)


def is_email(address: str) -> bool:
    """A plausible single e-mail address (the server has the last word)."""
    return bool(_EMAIL_RE.match(address.strip()))


@dataclass(frozen=True)
class Profile:
    """One help desk, as the user configured it."""

    name: str
    kind: str = "smtp"
    to_address: str = ""  # the help desk's support address
    from_address: str = ""  # the user's own address
    from_name: str = ""
    host: str = ""  # SMTP server
    port: int = 587
    security: str = "starttls"
    login: str = ""  # empty: no AUTH
    ca_file: str = ""  # extra CA certificates to trust (PEM); verification is never off
    ticket_hook: str = "Ticket#"  # otrs style: the hook before the number; rt style: the rtname
    hook_style: str = "otrs"  # how the help desk tags subjects: otrs "[Ticket#N]", rt "[rtname #N]"
    hook_divider: str = ""  # OTRS's Ticket::HookDivider (empty by default)
    url: str = ""  # web API base URL (API kinds), e.g. .../nph-genericinterface.pl/Webservice/X
    webservice: str = "GenericTicketConnectorREST"  # OTRS family: the web service's name
    portal_url: str = ""  # the customer portal, for links to a ticket's page
    queue: str = ""  # where new tickets go (API kinds)
    priority: str = ""
    ticket_type: str = ""
    reopen_on_follow_up: bool = True  # a follow-up to a closed ticket asks to reopen it
    imap_host: str = ""  # e-mail kind: where the help desk's replies arrive (empty: no reading)
    imap_port: int = 993
    imap_security: str = "ssl"
    imap_login: str = ""  # empty: the SMTP login
    imap_folder: str = "INBOX"
    # Whether a new ticket includes the system information by default (the user still sees the
    # text and can remove lines, or all of it, before sending).
    include_sysinfo: bool = True
    admin_provided: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (without the bookkeeping field)."""
        data = dataclasses.asdict(self)
        data.pop("admin_provided")
        return data

    @property
    def keyring_user(self) -> str:
        """The account name this profile's password has in the keyring."""
        return f"profile:{self.name}"

    @property
    def imap_keyring_user(self) -> str:
        """The keyring account of the IMAP password, when it differs from the SMTP one."""
        return f"profile:{self.name}:imap"

    @property
    def needs_password(self) -> bool:
        """True when the profile logs in (reading a mailbox always does)."""
        return bool(self.login) or self.reads_mail

    @property
    def hook(self) -> HookStyle:
        """How this help desk tags ticket numbers in mail subjects."""
        return HookStyle(self.hook_style, self.ticket_hook or "Ticket#", self.hook_divider)

    @property
    def reads_mail(self) -> bool:
        """True when the profile reads the help desk's replies over IMAP."""
        return self.kind == "smtp" and bool(self.imap_host)


_FIELDS = {f.name: f for f in dataclasses.fields(Profile) if f.name != "admin_provided"}


def profile_from_dict(data: Mapping[str, Any], *, admin: bool = False) -> Profile:
    """Build a profile from untrusted data; ConfigError naming the first bad field."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = _FIELDS.get(key)
        if spec is None:
            raise ConfigError(f"unknown profile field {key!r}", field=key)
        if spec.type in (bool, "bool"):
            if not isinstance(value, bool):
                raise ConfigError(f"{key} must be true or false, not {value!r}", field=key)
        elif spec.type in (int, "int"):
            if isinstance(value, bool) or not isinstance(value, int):
                try:
                    values[key] = int(str(value))
                except ValueError:
                    raise ConfigError(f"{key} must be a number, not {value!r}", field=key) from None
                continue
        elif not isinstance(value, str):
            raise ConfigError(f"{key} must be text, not {value!r}", field=key)
        values[key] = value
    if "name" not in values:
        raise ConfigError("a profile needs a name", field="name")
    return Profile(**values, admin_provided=admin)


def validate(profile: Profile) -> list[tuple[str, str]]:
    """Problems as (field, code) pairs; empty when the profile can be used."""
    problems: list[tuple[str, str]] = []
    if not _NAME_RE.match(profile.name):
        problems.append(("name", "invalid_name"))
    if profile.kind not in KINDS:
        problems.append(("kind", "unknown_kind"))
    if profile.kind == "smtp":
        if not is_email(profile.to_address):
            problems.append(("to_address", "invalid_email"))
        if not is_email(profile.from_address):
            problems.append(("from_address", "invalid_email"))
        if not profile.host.strip() or any(c.isspace() for c in profile.host.strip()):
            problems.append(("host", "required"))
    if profile.kind in ("otrs", "rt"):
        if not profile.url.startswith(("https://", "http://")) or any(
            c.isspace() for c in profile.url
        ):
            problems.append(("url", "invalid_url"))
        if not profile.login:
            problems.append(("login", "required"))
    if profile.kind == "otrs" and not profile.queue.strip():
        problems.append(("queue", "required"))  # TicketCreate refuses a ticket without a queue
    if not 1 <= profile.port <= 65535:
        problems.append(("port", "invalid_port"))
    if profile.security not in SECURITY:
        problems.append(("security", "invalid_security"))
    if profile.hook_style not in HOOK_STYLES:
        problems.append(("hook_style", "invalid_hook_style"))
    if profile.kind == "smtp" and profile.hook_style == "rt" and not profile.ticket_hook.strip():
        problems.append(("ticket_hook", "required"))  # RT's tag needs the rtname: [rtname #N]
    if profile.imap_host:
        if any(c.isspace() for c in profile.imap_host.strip()):
            problems.append(("imap_host", "required"))
        if profile.kind == "smtp" and not (profile.imap_login or profile.login):
            problems.append(("imap_login", "required"))
        if not 1 <= profile.imap_port <= 65535:
            problems.append(("imap_port", "invalid_port"))
        if profile.imap_security not in SECURITY:
            problems.append(("imap_security", "invalid_security"))
    if profile.ca_file and not Path(profile.ca_file).expanduser().is_file():
        problems.append(("ca_file", "missing_file"))
    return problems


def guess_smtp(address: str) -> tuple[str, int, str]:
    """A first guess at the submission server for ``address``: (host, port, security)."""
    domain = address.rpartition("@")[2].strip().lower()
    if not domain:
        return "", DEFAULT_PORTS["starttls"], "starttls"
    return f"smtp.{domain}", DEFAULT_PORTS["starttls"], "starttls"


class ProfileStore:
    """The merged profiles of this user. Saves only the user's file."""

    def __init__(self, user_file: Path, admin_file: Path) -> None:
        self._user_file = user_file
        self._admin_file = admin_file
        self._admin: dict[str, dict[str, Any]] = {}
        self._user: dict[str, dict[str, Any]] = {}
        self.warnings: list[str] = []
        self.reload()

    def reload(self) -> None:
        """Read both files again. Unreadable entries are skipped with a warning."""
        self.warnings = []
        try:
            admin_raw = read_toml(self._admin_file).get("profiles", {})
        except (OSError, ValueError) as exc:
            self.warnings.append(f"{self._admin_file}: cannot be read ({exc})")
            admin_raw = {}
        self._admin = {
            str(name): {**dict(body), "name": str(name)}
            for name, body in (admin_raw.items() if isinstance(admin_raw, Mapping) else [])
            if isinstance(body, Mapping)
        }
        try:
            user_raw = read_json(self._user_file) or {}
        except (OSError, ValueError) as exc:  # ValueError: bad JSON, and bytes that are not UTF-8
            self.warnings.append(f"{self._user_file}: cannot be read ({exc})")
            user_raw = {}
        profiles = user_raw.get("profiles", {}) if isinstance(user_raw, Mapping) else user_raw
        if not isinstance(profiles, Mapping):
            self.warnings.append(f"{self._user_file}: profiles are not a table; ignored")
            profiles = {}
        self._user = {
            str(name): {**dict(body), "name": str(name)}
            for name, body in profiles.items()
            if isinstance(body, Mapping)
        }
        for warning in self.warnings:
            log.warning("profiles: %s", warning)

    def names(self) -> list[str]:
        """Every profile name, sorted."""
        return sorted(set(self._admin) | set(self._user), key=str.casefold)

    def __iter__(self) -> Iterator[Profile]:
        for name in self.names():
            try:
                yield self.get(name)
            except ConfigError as exc:
                log.warning("profile %r skipped: %s", name, exc)

    def __contains__(self, name: object) -> bool:
        return name in self._admin or name in self._user

    def get(self, name: str) -> Profile:
        """The merged profile ``name``; ConfigError when there is none or it is malformed."""
        if name not in self:
            raise ConfigError(f"no profile named {name!r}", profile=name)
        merged = {**self._admin.get(name, {}), **self._user.get(name, {})}
        return profile_from_dict(merged, admin=name in self._admin and name not in self._user)

    def save(self, profile: Profile) -> None:
        """Validate and store ``profile`` in the user's file."""
        problems = validate(profile)
        if problems:
            field_name, code = problems[0]
            raise ConfigError(f"{field_name}: {code}", field=field_name, code=code)
        self._user[profile.name] = profile.to_dict()
        self._write()

    def remove(self, name: str) -> None:
        """Delete the user's profile ``name`` (an admin one cannot be removed)."""
        if name in self._admin and name not in self._user:
            raise ConfigError(f"profile {name!r} is set by your administrator", profile=name)
        if name not in self._user:
            raise ConfigError(f"no profile named {name!r}", profile=name)
        del self._user[name]
        self._write()

    def _write(self) -> None:
        write_json(self._user_file, {"version": 1, "profiles": self._user})
