"""Paths: TICKETWISE_HOME puts every folder under one directory; otherwise the platform's."""

from __future__ import annotations

from pathlib import Path

from app.config.paths import HOME_ENV, resolve_paths


def test_home_redirects_every_folder(tmp_path: Path):
    home = tmp_path / "portable"
    paths = resolve_paths({HOME_ENV: str(home)})
    folders = [
        paths.config_dir,
        paths.data_dir,
        paths.cache_dir,
        paths.log_dir,
        paths.site_config_dir,
    ]
    assert all(folder.parent == home for folder in folders)
    assert len(set(folders)) == len(folders)
    for file in (
        paths.settings_file,
        paths.profiles_file,
        paths.admin_defaults_file,
        paths.database_file,
        paths.blob_dir,
        paths.log_file,
    ):
        assert file.is_relative_to(home)
    assert not home.exists()  # resolving creates nothing


def test_ensure_creates_the_writable_folders_only(tmp_path: Path):
    home = tmp_path / "portable"
    paths = resolve_paths({HOME_ENV: str(home)})
    assert paths.ensure() is paths
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert folder.is_dir()
    assert paths.blob_dir.is_dir()
    assert not paths.site_config_dir.exists()  # the administrator's, read-only


def test_home_from_the_environment(tw_home: Path):
    # tests/conftest.py sets TICKETWISE_HOME for every test
    assert resolve_paths().config_dir == tw_home.resolve() / "config"


def test_home_with_tilde_is_expanded(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = resolve_paths({HOME_ENV: "~/tw"})
    assert paths.data_dir == tmp_path.resolve() / "tw" / "data"


def test_relative_home_is_made_absolute(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_paths({HOME_ENV: "rel"}).config_dir == tmp_path.resolve() / "rel" / "config"


def test_without_home_the_platform_folders_are_used(tw_home: Path):
    for env in ({}, {HOME_ENV: "   "}):
        paths = resolve_paths(env)
        assert paths.config_dir.name == "Ticketwise"
        assert paths.data_dir.name == "Ticketwise"
        assert not paths.config_dir.is_relative_to(tw_home)
