"""Where Ticketwise keeps its files.

By default the platform's folders (platformdirs); ``TICKETWISE_HOME=DIR`` puts every one of them
under DIR (portable mode, and every test).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "Ticketwise"
HOME_ENV = "TICKETWISE_HOME"


@dataclass(frozen=True)
class Paths:
    """The folders the app uses. ``site_config_dir`` is read-only (admin defaults)."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path
    site_config_dir: Path

    @property
    def settings_file(self) -> Path:
        """The user's settings (JSON)."""
        return self.config_dir / "settings.json"

    @property
    def profiles_file(self) -> Path:
        """The user's help-desk profiles (JSON). Never holds a secret."""
        return self.config_dir / "profiles.json"

    @property
    def admin_defaults_file(self) -> Path:
        """The administrator's read-only defaults (TOML), merged under the user's files."""
        return self.site_config_dir / "defaults.toml"

    @property
    def database_file(self) -> Path:
        """The SQLite store."""
        return self.data_dir / "ticketwise.sqlite3"

    @property
    def blob_dir(self) -> Path:
        """Content-addressed attachment files."""
        return self.data_dir / "blobs"

    @property
    def recording_journal(self) -> Path:
        """The steps of the recording in progress (or of one not yet put into a draft)."""
        return self.data_dir / "recording.json"

    @property
    def log_file(self) -> Path:
        """The rotating log."""
        return self.log_dir / "ticketwise.log"

    def ensure(self) -> Paths:
        """Create the writable folders; return self."""
        for folder in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir, self.blob_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(environ: dict[str, str] | None = None) -> Paths:
    """The paths for this process: ``TICKETWISE_HOME`` if set, else the platform's folders."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV, "").strip()
    if home:
        base = Path(home).expanduser().resolve()
        return Paths(
            config_dir=base / "config",
            data_dir=base / "data",
            cache_dir=base / "cache",
            log_dir=base / "logs",
            site_config_dir=base / "site",
        )
    import platformdirs  # deferred: only the platform path needs it

    dirs = platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)
    return Paths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
        site_config_dir=Path(dirs.site_config_dir),
    )
