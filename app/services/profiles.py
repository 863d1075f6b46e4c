"""Profiles as the UI manages them: save with the password going to the keyring, test, remove."""

from __future__ import annotations

import logging

from app.config.profiles import Profile
from app.connectors import make_connector
from app.core.connector import Identity
from app.core.errors import UserFacingError
from app.services.context import AppContext

log = logging.getLogger(__name__)


class ProfileService:
    """Profile operations that may block (keyring, network): call them from a worker."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    def names(self) -> list[str]:
        """Every profile name."""
        return self._ctx.profiles.names()

    def all(self) -> list[Profile]:
        """Every profile."""
        return list(self._ctx.profiles)

    def default_name(self) -> str:
        """The default profile's name ('' when there is none)."""
        profile = self._ctx.default_profile()
        return profile.name if profile else ""

    def save(
        self,
        profile: Profile,
        password: str | None,
        *,
        make_default: bool = False,
        imap_password: str | None = None,
    ) -> None:
        """Store the profile; a non-empty ``password`` goes to the keyring (None: keep the old),
        and so does a separate IMAP password (without one, IMAP uses the same password)."""
        self._ctx.profiles.save(profile)
        if password:
            self._ctx.secrets.set(profile.keyring_user, password)
        if imap_password:
            self._ctx.secrets.set(profile.imap_keyring_user, imap_password)
        if make_default or not self._ctx.settings.get_str("default_profile"):
            self._ctx.settings.set("default_profile", profile.name)
        log.info("profile %r saved", profile.name)

    def rename_cleanup(self, old_name: str, new_name: str) -> None:
        """After a rename: move the password and the default flag, drop the old profile."""
        if old_name == new_name or old_name not in self._ctx.profiles:
            return
        old = self._ctx.profiles.get(old_name)
        new = self._ctx.profiles.get(new_name)
        for old_account, new_account in (
            (old.keyring_user, new.keyring_user),
            (old.imap_keyring_user, new.imap_keyring_user),
        ):
            secret = self._ctx.secrets.get(old_account)
            if secret and not self._ctx.secrets.get(new_account):
                self._ctx.secrets.set(new_account, secret)
        self.remove(old_name)
        if not self._ctx.settings.get_str("default_profile"):
            self._ctx.settings.set("default_profile", new_name)

    def remove(self, name: str) -> None:
        """Delete the profile and its password."""
        profile = self._ctx.profiles.get(name)
        self._ctx.profiles.remove(name)
        if self._ctx.settings.get_str("default_profile") == name:
            self._ctx.settings.set("default_profile", "")
        try:
            self._ctx.secrets.delete(profile.keyring_user)
            self._ctx.secrets.delete(profile.imap_keyring_user)
        except UserFacingError:
            log.warning("the password of removed profile %r could not be deleted", name)

    def has_password(self, name: str) -> bool:
        """True when the keyring holds a password for the profile."""
        profile = self._ctx.profiles.get(name)
        return bool(self._ctx.secrets.get(profile.keyring_user))

    def test(
        self, profile: Profile, password: str | None, *, imap_password: str | None = None
    ) -> Identity:
        """Log in with ``profile`` as typed (not necessarily saved); None: use the stored one.
        An e-mail profile with IMAP logs in to both servers."""
        saved = profile.name in self._ctx.profiles
        if password is None and profile.needs_password and saved:
            password = self._ctx.secrets.get(profile.keyring_user)
        if imap_password is None and profile.reads_mail and saved:
            imap_password = self._ctx.secrets.get(profile.imap_keyring_user)
        connector = make_connector(
            profile,
            password,
            timeout=float(self._ctx.settings.get_int("network_timeout_s")),
            imap_password=imap_password,
        )
        return connector.identify()

    def set_default(self, name: str) -> None:
        """Make ``name`` the default profile."""
        self._ctx.settings.set("default_profile", name)
