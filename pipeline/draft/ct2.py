"""CTranslate2 runtime for the seq2seq backend: convert a model once, then generate with int8 on CPU.

Tokenisation stays with the model's Hugging Face tokenizer (ids <-> tokens), so the drafts differ
from the torch runtime only by int8 rounding; greedy output of a float32 conversion is the same.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from pipeline.draft.models import ResolvedModel, resolve
from pipeline.errors import DraftError, ModelNotFound
from pipeline.settings import Settings

log = logging.getLogger(__name__)

QUANTIZATIONS = ("int8", "int8_float32", "int16", "float32", "float16", "bfloat16")
CT2_SUBDIR = ".ct2"


def convert(model_dir: Path, out_dir: Path, quantization: str = "int8", *, force: bool = False) -> Path:
    """Convert a transformers model folder into a CTranslate2 model folder ``out_dir``."""
    import ctranslate2

    if quantization not in QUANTIZATIONS:
        raise DraftError(
            f"Unknown quantization {quantization!r}.", hint=f"Use one of: {', '.join(QUANTIZATIONS)}."
        )
    if (out_dir / "model.bin").exists() and not force:
        return out_dir
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir.parent, prefix=f".{out_dir.name}.") as tmp:
        source = _conversion_source(model_dir, Path(tmp) / "src")
        staged = Path(tmp) / "out"
        try:
            ctranslate2.converters.TransformersConverter(str(source)).convert(
                str(staged), quantization=quantization, force=True
            )
        except Exception as exc:  # noqa: BLE001 - the converter raises many kinds; report them alike
            raise DraftError(
                f"CTranslate2 cannot convert {model_dir}: {type(exc).__name__}: {exc}.",
                hint="Use runtime='torch' for this model.",
            ) from exc
        (staged / "plainsci_source.json").write_text(
            json.dumps({"model_dir": str(model_dir), "quantization": quantization}), encoding="utf-8"
        )
        if out_dir.exists():
            shutil.rmtree(out_dir)
        # Rename into place only when complete, so a crash never leaves a half-written model.
        os.replace(staged, out_dir)
    return out_dir


def _conversion_source(model_dir: Path, staging: Path) -> Path:
    """The folder to convert; BART configs from transformers 5 lack ``normalize_before``, which
    the converter reads, so those get a staged copy (links + patched config) with it set."""
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bart" or "normalize_before" in config:
        return model_dir
    staging.mkdir(parents=True)
    for item in model_dir.iterdir():
        if item.is_file() and item.name != "config.json":
            os.symlink(item.resolve(), staging / item.name)
    config["normalize_before"] = False  # BART is post-norm
    (staging / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return staging


def converted_dir(resolved: ResolvedModel, settings: Settings, quantization: str = "int8") -> Path:
    """Where the conversion of this model revision lives (a new revision gets a new folder)."""
    alias = Path(resolved.model_id).name if "/" in resolved.model_id else resolved.model_id
    revision = resolved.revision.split(":")[-1][:12]
    return Path(settings.models_dir) / CT2_SUBDIR / f"{alias}-{revision}-{quantization}"


def require_converted(resolved: ResolvedModel, settings: Settings, quantization: str = "int8") -> Path:
    """The converted folder, or ModelNotFound saying how to make it."""
    out = converted_dir(resolved, settings, quantization)
    if not (out / "model.bin").exists():
        raise ModelNotFound(
            f"No CTranslate2 {quantization} conversion of {resolved.model_id} (revision {resolved.revision[:19]})"
            f" at {out}.",
            hint=f"Run `plainsci models convert {resolved.model_id}` (local, no download), or use runtime='torch'.",
        )
    return out


def convert_alias(alias: str, settings: Settings, quantization: str = "int8", *, force: bool = False) -> Path:
    """Convert the model ``alias`` for runtime='ct2' (the CLI's `models convert`); returns its folder."""
    resolved = resolve(alias, settings)
    out = converted_dir(resolved, settings, quantization)
    log.info("converting %s (%s) to %s", alias, resolved.path, out)
    return convert(resolved.path, out, quantization, force=force)


def hf_generation_config(model_dir: Path) -> dict[str, Any]:
    """The transformers model's generation_config.json (what ``generate`` follows), or {}."""
    path = model_dir / "generation_config.json"
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}


class CT2Generator:
    """``Translator.translate_batch`` behind the same interface as the torch generator."""

    name = "ct2"

    def __init__(
        self,
        model_dir: Path,
        tokenizer: Any,
        *,
        threads: int = 0,
        compute_type: str = "default",
        forced_bos_token_id: int | None = None,
        forced_eos: bool = False,
    ) -> None:
        import ctranslate2

        self.translator = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type=compute_type, intra_threads=max(threads, 0)
        )
        self.tokenizer = tokenizer
        self.forced_bos = (
            tokenizer.convert_ids_to_tokens(forced_bos_token_id) if forced_bos_token_id is not None else None
        )
        self.unk_id = tokenizer.unk_token_id
        # transformers forces the end token as the last of max_new_tokens (BART's
        # forced_eos_token_id), so a capped output there has one token less.
        self.forced_eos = forced_eos

    def generate_ids(self, batch: list[list[int]], params: dict[str, Any]) -> list[list[int]]:
        source = [self.tokenizer.convert_ids_to_tokens(ids) for ids in batch]
        options: dict[str, Any] = {
            "beam_size": int(params.get("num_beams", 1)),
            "max_decoding_length": int(params.get("max_new_tokens", 128)) - (1 if self.forced_eos else 0),
            "min_decoding_length": int(params.get("min_new_tokens", 0)),
            "no_repeat_ngram_size": int(params.get("no_repeat_ngram_size", 0)),
            "length_penalty": float(params.get("length_penalty", 1.0)),
            "repetition_penalty": float(params.get("repetition_penalty", 1.0)),
            "max_input_length": 0,  # the backend already split or truncated long inputs
            "max_batch_size": 0,
        }
        if self.forced_bos is not None:
            options["target_prefix"] = [[self.forced_bos] for _ in batch]
        results = self.translator.translate_batch(source, **options)
        out = []
        for result in results:
            ids = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            out.append([int(i) if i is not None else self.unk_id for i in ids])
        return out
