"""Settings, paths, profiles and secrets."""
