"""The model registry (``models/models.yaml``) and where a model's weights are on this machine.

Nothing here downloads at run time: :func:`resolve` only looks in ``settings.models_dir`` and
the local Hugging Face cache. :func:`pull` is the one function that downloads, and only the
``plainsci models pull ALIAS`` command calls it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.draft.yamlfile import read_yaml
from pipeline.errors import ConfigError, ModelNotFound
from pipeline.settings import Settings

FAMILIES = ("t5", "bart", "pegasus", "led")
MODEL_KEYS = frozenset({"source", "family", "max_input_tokens", "generation", "license", "notes", "revision"})
REQUIRED_MODEL_KEYS = frozenset({"source", "family"})
DEFAULT_MAX_INPUT_TOKENS = 512
_HF_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_WEIGHT_SUFFIXES = (".safetensors", ".bin")
_MODEL_TYPE_FAMILY = {
    "t5": "t5",
    "mt5": "t5",
    "umt5": "t5",
    "bart": "bart",
    "mbart": "bart",
    "pegasus": "pegasus",
    "pegasus_x": "pegasus",
    "led": "led",
}


@dataclass(frozen=True)
class ModelSpec:
    """One entry of models.yaml."""

    alias: str
    source: str
    family: str
    max_input_tokens: int = DEFAULT_MAX_INPUT_TOKENS
    generation: dict[str, Any] = field(default_factory=dict)
    license: str | None = None
    notes: str | None = None
    revision: str | None = None

    @property
    def is_hf_id(self) -> bool:
        return not self.source.startswith((".", "/", "~")) and bool(_HF_ID.match(self.source))


@dataclass(frozen=True)
class ResolvedModel:
    """A model found on disk: its spec, its folder and a revision that changes with its weights."""

    spec: ModelSpec
    path: Path
    revision: str
    where: str  # "models_dir", "local path" or "hf cache"

    @property
    def model_id(self) -> str:
        return self.spec.alias


@dataclass(frozen=True)
class ModelStatus:
    spec: ModelSpec
    path: Path | None
    looked_in: list[str]


def load_models(models_file: Path) -> dict[str, ModelSpec]:
    """Read and validate models.yaml; a problem is a ConfigError naming the file and line."""
    if not models_file.exists():
        return {}
    text = models_file.read_text(encoding="utf-8")
    data, node = read_yaml(text, lambda line, problem: _bad(models_file, line, problem))
    data = data or {}
    models = data.get("models") if isinstance(data, dict) else None
    if models is None:
        return {}
    if not isinstance(models, dict):
        raise _bad(models_file, 1, "'models' must map aliases to model entries")
    lines = _alias_lines(node)
    out: dict[str, ModelSpec] = {}
    for alias, entry in models.items():
        line = lines.get(str(alias), 1)
        if not isinstance(entry, dict):
            raise _bad(models_file, line, f"model {alias!r} must be a mapping (source, family, ...)")
        unknown = sorted(set(entry) - MODEL_KEYS)
        if unknown:
            raise _bad(
                models_file,
                line,
                f"model {alias!r} has unknown key {unknown[0]!r} (allowed: {', '.join(sorted(MODEL_KEYS))})",
            )
        missing = sorted(REQUIRED_MODEL_KEYS - set(entry))
        if missing:
            raise _bad(models_file, line, f"model {alias!r} is missing {', '.join(missing)}")
        if entry["family"] not in FAMILIES:
            raise _bad(models_file, line, f"model {alias!r}: family must be one of {', '.join(FAMILIES)}")
        max_in = entry.get("max_input_tokens", DEFAULT_MAX_INPUT_TOKENS)
        if not isinstance(max_in, int) or isinstance(max_in, bool) or max_in < 16:
            raise _bad(models_file, line, f"model {alias!r}: max_input_tokens must be a whole number >= 16")
        gen = entry.get("generation") or {}
        if not isinstance(gen, dict):
            raise _bad(models_file, line, f"model {alias!r}: generation must be a mapping")
        out[str(alias)] = ModelSpec(
            alias=str(alias),
            source=str(entry["source"]),
            family=entry["family"],
            max_input_tokens=max_in,
            generation=dict(gen),
            license=entry.get("license"),
            notes=entry.get("notes"),
            revision=entry.get("revision"),
        )
    return out


def _alias_lines(node: yaml.Node | None) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    for key, value in node.value:
        if key.value == "models" and isinstance(value, yaml.MappingNode):
            return {k.value: k.start_mark.line + 1 for k, _ in value.value}
    return {}


def _bad(path: Path, line: int, problem: str) -> ConfigError:
    return ConfigError(f"{path}:{line}: {problem}.", hint="Fix models.yaml; models/README.md describes it.")


def hf_cache_dir() -> Path:
    """The Hugging Face hub cache (HF_HUB_CACHE, HF_HOME/hub, or ~/.cache/huggingface/hub)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]) / "hub"
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def _candidates(spec: ModelSpec, models_dir: Path, models_file: Path) -> list[Path]:
    """Local folders that may hold ``spec``'s weights, in lookup order."""
    out = [models_dir / spec.alias]
    if not spec.is_hf_id:
        src = Path(spec.source).expanduser()
        if src.is_absolute():
            out.insert(0, src)
        else:
            # Relative to models_dir (the documented place), then to the models.yaml folder.
            out.insert(0, models_dir / src)
            if models_file.parent.resolve() != models_dir.resolve():
                out.insert(1, models_file.parent / src)
    else:
        out.append(models_dir / spec.source.replace("/", "--"))
    seen: list[Path] = []
    for p in out:
        if p not in seen:
            seen.append(p)
    return seen


def _is_model_dir(path: Path) -> bool:
    return (path / "config.json").is_file()


def _from_hf_cache(spec: ModelSpec) -> Path | None:
    """The cached snapshot of an HF id, without touching the network."""
    from huggingface_hub import snapshot_download, try_to_load_from_cache

    cache = hf_cache_dir()
    found = try_to_load_from_cache(spec.source, "config.json", cache_dir=cache, revision=spec.revision)
    if not isinstance(found, str):
        return None
    try:
        snapshot = snapshot_download(
            spec.source, revision=spec.revision, cache_dir=cache, local_files_only=True
        )
    except Exception:  # noqa: BLE001 - any failure here just means "not in the cache"
        snapshot = str(Path(found).parent)
    return Path(snapshot)


def resolve(name: str, settings: Settings) -> ResolvedModel:
    """Find the model ``name`` (an alias from models.yaml, or a folder) on this machine.

    Raises ModelNotFound naming every place it looked and the command that puts it in place.
    """
    models_dir = Path(settings.models_dir)
    models_file = Path(settings.models_file)
    registry = load_models(models_file)
    spec = registry.get(name)
    if spec is None:
        folder = Path(name).expanduser()
        if _is_model_dir(folder):
            spec = spec_from_folder(folder)
            return ResolvedModel(spec, folder, model_revision(folder), "local path")
        raise ModelNotFound(
            f"Unknown model {name!r}: it is not an alias in {models_file} and not a model folder"
            f" ({folder.resolve()} has no config.json).",
            hint=f"Known aliases: {', '.join(sorted(registry)) or 'none'}. Add an entry to {models_file}"
            " or pass the path of a folder written by save_pretrained.",
        )
    looked: list[str] = []
    for path in _candidates(spec, models_dir, models_file):
        looked.append(str(path))
        if _is_model_dir(path):
            where = "models_dir" if path.is_relative_to(models_dir) else "local path"
            return ResolvedModel(spec, path, model_revision(path), where)
    if spec.is_hf_id:
        cache = hf_cache_dir()
        looked.append(f"{cache / ('models--' + spec.source.replace('/', '--'))} (Hugging Face cache)")
        snapshot = _from_hf_cache(spec)
        if snapshot is not None and _is_model_dir(snapshot):
            return ResolvedModel(spec, snapshot, model_revision(snapshot), "hf cache")
    how = (
        f"Run `plainsci models pull {spec.alias}` to download {spec.source} into {models_dir / spec.alias}"
        f" (needs network), or copy a folder saved with save_pretrained there."
        if spec.is_hf_id
        else f"Put the model folder (config.json, weights, tokenizer files) at {looked[0]}."
    )
    raise ModelNotFound(
        f"Model {spec.alias!r} ({spec.source}) is not on this machine. Looked in: " + "; ".join(looked) + ".",
        hint=how,
    )


def spec_from_folder(folder: Path) -> ModelSpec:
    """A spec for a model folder that is not in models.yaml (family and limits from its config)."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    model_type = str(config.get("model_type", ""))
    family = _MODEL_TYPE_FAMILY.get(model_type)
    if family is None:
        raise ModelNotFound(
            f"{folder} holds a {model_type or 'unknown'} model, not an encoder-decoder"
            f" of a supported family ({', '.join(FAMILIES)}).",
            hint="Use a T5, BART, PEGASUS or LED model folder.",
        )
    max_in = (
        config.get("max_encoder_position_embeddings")
        or config.get("max_position_embeddings")
        or config.get("n_positions")
        or DEFAULT_MAX_INPUT_TOKENS
    )
    return ModelSpec(alias=str(folder), source=str(folder), family=family, max_input_tokens=int(max_in))


def model_revision(path: Path) -> str:
    """The HF commit hash of a cache snapshot, else a hash of the config and weight files."""
    resolved = path.resolve()
    parts = path.parts
    if len(parts) >= 3 and parts[-2] == "snapshots" and re.fullmatch(r"[0-9a-f]{40}", parts[-1]):
        return parts[-1]
    return _files_hash(str(resolved), _mtimes(resolved))


def _mtimes(path: Path) -> tuple[tuple[str, int, int], ...]:
    files = [p for p in sorted(path.iterdir()) if p.is_file() and _hashed(p)]
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def _hashed(p: Path) -> bool:
    return p.name == "config.json" or p.name == "generation_config.json" or p.suffix in _WEIGHT_SUFFIXES


@lru_cache(maxsize=32)
def _files_hash(path: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    # ``stamp`` (names, sizes, mtimes) is part of the cache key so a changed file is re-hashed.
    digest = hashlib.sha256()
    for name, _size, _mtime in stamp:
        digest.update(name.encode())
        with open(Path(path) / name, "rb") as fh:
            digest.update(hashlib.file_digest(fh, "sha256").digest())
    return "sha256:" + digest.hexdigest()[:32]


def list_models(settings: Settings) -> list[ModelStatus]:
    """Every alias of models.yaml and the folder it resolves to (None: not installed)."""
    out = []
    for alias, spec in sorted(load_models(Path(settings.models_file)).items()):
        try:
            found = resolve(alias, settings)
            out.append(ModelStatus(spec, found.path, []))
        except ModelNotFound as exc:
            out.append(ModelStatus(spec, None, [exc.message]))
    return out


def pull(alias: str, settings: Settings) -> Path:
    """Download ``alias`` from the Hugging Face hub into ``models_dir/alias`` (the CLI's `models pull`).

    The only function that downloads weights; drafting never calls it.
    """
    registry = load_models(Path(settings.models_file))
    spec = registry.get(alias)
    if spec is None:
        raise ModelNotFound(
            f"Unknown model alias {alias!r}.",
            hint=f"Known aliases: {', '.join(sorted(registry)) or 'none'} ({settings.models_file}).",
        )
    if not spec.is_hf_id:
        raise ModelNotFound(
            f"Model {alias!r} comes from the local folder {spec.source}; there is nothing to download.",
            hint=f"Put the model folder at {Path(settings.models_dir) / spec.source}.",
        )
    from huggingface_hub import snapshot_download

    target = Path(settings.models_dir) / alias
    target.mkdir(parents=True, exist_ok=True)
    try:
        snapshot_download(
            spec.source,
            revision=spec.revision,
            local_dir=target,
            allow_patterns=[
                "*.json",
                "*.safetensors",
                "*.model",
                "*.txt",
                "spiece*",
                "tokenizer*",
                "vocab*",
                "merges*",
            ],
        )
    except Exception as exc:  # noqa: BLE001 - report any hub/network failure the same way
        raise ModelNotFound(
            f"Could not download {spec.source} into {target}: {type(exc).__name__}: {exc}.",
            hint="Check the network and that HF_HUB_OFFLINE is not set, or copy the model folder there by hand.",
        ) from exc
    if not _is_model_dir(target):
        raise ModelNotFound(
            f"Downloaded {spec.source} into {target} but it has no config.json.",
            hint="Check the source in models.yaml names a transformers model.",
        )
    return target
