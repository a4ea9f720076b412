"""Settings precedence, highest first: keyword overrides > PLAINSCI_* environment > config file
(PLAINSCI_CONFIG or ./plainsci.toml) > preset > defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.settings import Settings, load_settings


def _write_config(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def test_each_layer_overrides_the_one_below(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # defaults and the preset only (the tests run in an empty folder: no ./plainsci.toml)
    plain = load_settings()
    assert plain.preset == "local" and plain.task_runner == "threads" and plain.max_workers == 2
    assert plain.max_workers == Settings.model_fields["max_workers"].default

    # the config file (./plainsci.toml, [plainsci] table) beats the preset and the defaults
    _write_config(tmp_path / "plainsci.toml", '[plainsci]\ntask_runner = "sequential"\nmax_workers = 5\n')
    from_file = load_settings()
    assert from_file.task_runner == "sequential" and from_file.max_workers == 5

    # the environment beats the file, key by key
    monkeypatch.setenv("PLAINSCI_MAX_WORKERS", "7")
    from_env = load_settings()
    assert from_env.max_workers == 7 and from_env.task_runner == "sequential"

    # keyword overrides beat the environment
    assert load_settings(max_workers=9).max_workers == 9


def test_the_preset_is_chosen_by_the_same_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAINSCI_DATABASE_URL", "postgresql+psycopg://u@db.example/plainsci")
    config = _write_config(tmp_path / "team.toml", 'preset = "team"\n')
    monkeypatch.setenv("PLAINSCI_CONFIG", str(config))
    team = load_settings()
    assert team.preset == "team" and team.secure_cookies  # the team preset's value

    # a value in the file beats the preset's
    _write_config(config, 'preset = "team"\nsecure_cookies = false\n')
    assert load_settings().secure_cookies is False

    # PLAINSCI_PRESET beats the file's preset
    monkeypatch.setenv("PLAINSCI_PRESET", "local")
    assert load_settings().preset == "local"
    assert load_settings(preset="team").preset == "team"


def test_bad_configuration_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAINSCI_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings()
    monkeypatch.setenv("PLAINSCI_CONFIG", str(_write_config(tmp_path / "bad.toml", "max_workers = ")))
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()
    monkeypatch.delenv("PLAINSCI_CONFIG")
    with pytest.raises(ConfigError, match="Unknown preset 'cloud'") as info:
        load_settings(preset="cloud")
    assert "local" in str(info.value) and "team" in str(info.value)
    with pytest.raises(ConfigError, match="team preset needs PLAINSCI_DATABASE_URL"):
        load_settings(preset="team")


def test_the_recorded_settings_hide_secrets_and_keep_everything_else() -> None:
    settings = load_settings(
        database_url="postgresql+psycopg://plainsci:p@ss:word@db.example.org:5432/plainsci",
        secret_key="cookie-secret",
        ncbi_api_key="ncbi-key",
        model="flan-t5-small",
    )
    recorded = settings.redacted()
    assert set(recorded) == set(Settings.model_fields)
    assert recorded["database_url"] == "postgresql+psycopg://plainsci:***@db.example.org:5432/plainsci"
    assert recorded["secret_key"] == recorded["ncbi_api_key"] == "***"
    assert recorded["springer_api_key"] is None  # unset: nothing to hide
    assert recorded["model"] == "flan-t5-small" and recorded["gate_max_fkgl"] == settings.gate_max_fkgl
    assert not {"p@ss", "word", "cookie-secret", "ncbi-key"} & set(str(recorded).replace("'", " ").split())


def test_the_sources_file_follows_the_settings_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.sources.config import DEFAULT_SOURCES_FILE, load_sources_config, sources_file

    mine = _write_config(tmp_path / "mine.yaml", "field: rehabilitation\ntopics: [stroke]\n")
    assert sources_file(load_settings()) == DEFAULT_SOURCES_FILE
    monkeypatch.setenv("PLAINSCI_SOURCES_FILE", str(tmp_path / "from-env.yaml"))
    assert sources_file(load_settings()) == tmp_path / "from-env.yaml"  # the setting, from the env
    # an explicit setting beats the environment, as for every other setting
    chosen = load_settings(sources_file=mine)
    assert sources_file(chosen) == mine
    assert load_sources_config(chosen).topics == ("stroke",)


def test_the_word_lists_are_read_from_the_repo_only() -> None:
    from pipeline.settings import REPO_ROOT
    from pipeline.text.glossary import GLOSSARY_CANDIDATES, glossary_path
    from pipeline.text.swaps import LEXICON_DIR

    for path in (*GLOSSARY_CANDIDATES, LEXICON_DIR, glossary_path()):
        assert path.resolve().is_relative_to(REPO_ROOT), path  # no ../shared fallback
