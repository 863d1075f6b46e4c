"""The composition of services for one process: paths, settings, profiles, secrets, store.

Built by the bootstrap. Everything heavy (the database, keyring, network libraries) is opened on
first use, so that ``--version`` and the first paint of the window stay fast.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.config.paths import Paths
from app.config.profiles import Profile, ProfileStore
from app.config.secrets import SecretStore
from app.config.settings import Settings, load_settings
from app.core.errors import ConfigError
from app.services.messages import MessageBus

if TYPE_CHECKING:  # the store (sqlite3, hashlib, socket...) is imported on first use
    from app.store.blobs import BlobStore
    from app.store.db import Database
    from app.store.drafts import DraftRepo
    from app.store.outbox import OutboxRepo

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """Shared state of the services."""

    paths: Paths
    settings: Settings
    profiles: ProfileStore
    secrets: SecretStore = field(default_factory=SecretStore)
    messages: MessageBus = field(default_factory=MessageBus)

    @classmethod
    def create(cls, paths: Paths) -> AppContext:
        """Load settings and profiles from ``paths`` (creating the folders)."""
        paths.ensure()
        settings = load_settings(paths.settings_file, paths.admin_defaults_file)
        profiles = ProfileStore(paths.profiles_file, paths.admin_defaults_file)
        return cls(paths=paths, settings=settings, profiles=profiles)

    @functools.cached_property
    def db(self) -> Database:
        """The database (opened and migrated on first use)."""
        from app.store.db import Database

        return Database(self.paths.database_file)

    @functools.cached_property
    def blobs(self) -> BlobStore:
        """The attachment blob folder."""
        from app.store.blobs import BlobStore

        return BlobStore(self.paths.blob_dir)

    @functools.cached_property
    def drafts_repo(self) -> DraftRepo:
        """Draft rows."""
        from app.store.drafts import DraftRepo

        return DraftRepo(self.db)

    @functools.cached_property
    def outbox_repo(self) -> OutboxRepo:
        """Outbox rows."""
        from app.store.outbox import OutboxRepo

        return OutboxRepo(self.db)

    def default_profile(self) -> Profile | None:
        """The profile new tickets go to: the configured default, else the only one."""
        name = self.settings.get_str("default_profile")
        if name and name in self.profiles:
            return self.profiles.get(name)
        names = self.profiles.names()
        if len(names) == 1:
            return self.profiles.get(names[0])
        return None

    def resolve_profile(self, name: str = "") -> Profile:
        """The named profile, or the default one; ConfigError when there is none."""
        if name:
            return self.profiles.get(name)
        profile = self.default_profile()
        if profile is None:
            if not self.profiles.names():
                raise ConfigError("no help-desk profile is set up yet", reason="no_profile")
            raise ConfigError(
                "several profiles exist and none is the default; name one",
                reason="no_default_profile",
            )
        return profile

    def close(self) -> None:
        """Close the database if it was opened."""
        if "db" in self.__dict__:
            self.db.close()
