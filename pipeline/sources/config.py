"""What the network sources ask for: journals (ISSNs), topic queries and per-source options.

The default is ``data/sources.yaml`` (the reference page's field: spinal cord injury, neurology,
musculoskeletal medicine, rehabilitation). A deployment points the ``sources_file`` setting
(``PLAINSCI_SOURCES_FILE``, or ``sources_file`` in plainsci.toml) at its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import ConfigError
from pipeline.settings import DATA_ROOT, Settings, get_settings

DEFAULT_SOURCES_FILE = DATA_ROOT / "sources.yaml"
ENV_VAR = "PLAINSCI_SOURCES_FILE"


@dataclass(frozen=True)
class Journal:
    name: str
    issn: str
    verified: bool = False  # ISSN seen in a record we hold, not only typed in
    feed: str | None = None  # RSS/Atom feed of the newest articles


@dataclass(frozen=True)
class SourcesConfig:
    """The field to follow and how each source asks for it."""

    field_name: str
    journals: tuple[Journal, ...]
    topics: tuple[str, ...]
    lookback_days: int = 7
    overlap_days: int = 3
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    path: Path | None = None

    def option(self, source: str, key: str, default: Any) -> Any:
        """``sources.<source>.<key>`` from the file, else ``default``."""
        return (self.options.get(source) or {}).get(key, default)

    @property
    def issns(self) -> list[str]:
        return [j.issn for j in self.journals]

    def window(self, since: str | None, until: str | None, today: date | None = None) -> tuple[date, date]:
        """The date window to fetch: from the watermark minus the overlap (or the lookback) to ``until``."""
        end = date.fromisoformat(until[:10]) if until else (today or date.today())
        if since:
            start = date.fromisoformat(since[:10]) - timedelta(days=self.overlap_days)
        else:
            start = end - timedelta(days=self.lookback_days)
        if start > end:
            raise ConfigError(f"Date window {start} to {end} is empty.", hint="Pass --since before --until.")
        return start, end


def sources_file(settings: Settings | None = None) -> Path:
    """The sources file: the ``sources_file`` setting (``PLAINSCI_SOURCES_FILE`` is that setting
    in the environment, read with the others), else data/sources.yaml."""
    chosen = (settings or get_settings()).sources_file
    return Path(chosen) if chosen else DEFAULT_SOURCES_FILE


def _journal(raw: Any, path: Path) -> Journal:
    if not isinstance(raw, dict) or not raw.get("issn") or not raw.get("name"):
        raise ConfigError(
            f"{path}: every journal needs a name and an issn (got {raw!r}).", hint="Fix the entry."
        )
    return Journal(
        name=str(raw["name"]),
        issn=str(raw["issn"]).strip(),
        verified=bool(raw.get("verified", False)),
        feed=raw.get("feed") or None,
    )


def parse_sources_config(data: Any, path: Path) -> SourcesConfig:
    """A SourcesConfig from the YAML mapping; ConfigError naming the file when it is malformed."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path} is not a YAML mapping.", hint="See data/sources.yaml for the layout.")
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
        raise ConfigError(f"{path}: 'topics' must be a list of query strings.", hint="Fix the list.")
    options = data.get("sources") or {}
    if not isinstance(options, dict):
        raise ConfigError(
            f"{path}: 'sources' must map a source name to its options.", hint="Fix the mapping."
        )
    return SourcesConfig(
        field_name=str(data.get("field", "")),
        journals=tuple(_journal(j, path) for j in data.get("journals") or []),
        topics=tuple(topics),
        lookback_days=int(data.get("lookback_days", 7)),
        overlap_days=int(data.get("overlap_days", 3)),
        options={str(k): dict(v or {}) for k, v in options.items()},
        path=path,
    )


def load_sources_config(settings: Settings | None = None, path: Path | None = None) -> SourcesConfig:
    """Read and check the sources file; ConfigError says which file and what is wrong."""
    path = path or sources_file(settings)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            f"Sources file {path} cannot be read ({exc.strerror or exc}).",
            hint=f"Set {ENV_VAR} to an existing file or restore data/sources.yaml.",
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"Sources file {path} is not valid YAML: {exc}.", hint="Fix the file.") from exc
    return parse_sources_config(data, path)
