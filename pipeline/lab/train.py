"""Fine-tune a seq2seq model on abstract -> plain summary pairs with transformers' Seq2SeqTrainer.

The model input is the abstract rendered with the prompt set's ``simple_explanation`` prompt
for the model's family, exactly as the ``seq2seq`` backend renders it when drafting, so the
fine-tuned model sees at training time what it sees in production. A seeded share of the pairs
is held out; at the end the held-out loss and ROUGE-1 of generated outputs are reported. The
model and tokenizer are saved to ``out`` together with ``plainsci_training.json`` (data,
base model, parameters, metrics), and ``out`` is added to models.yaml as a new alias by
appending lines: other entries and comments are left as they were.
"""

from __future__ import annotations

import json
import logging
import math
import random
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from pipeline.draft.models import load_models, model_revision, resolve
from pipeline.draft.prompts import load_prompt_set
from pipeline.errors import ConfigError, DatasetError
from pipeline.lab.datasets import Pair, approved_pairs, file_sha256, load_pairs, pair_to_article
from pipeline.settings import Settings

log = logging.getLogger(__name__)

TRAINING_FILE = "plainsci_training.json"
TASK = "simple_explanation"
_ALIAS = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _split(pairs: list[Pair], eval_fraction: float, seed: int) -> tuple[list[Pair], list[Pair]]:
    """A seeded shuffle, then the first ``eval_fraction`` (at least one pair) held out."""
    if len(pairs) < 2:
        raise DatasetError(
            f"Fine-tuning needs at least 2 pairs (one to hold out), not {len(pairs)}.",
            hint="Add pairs, or approve more items in the review app.",
        )
    if not 0 < eval_fraction < 1:
        raise ConfigError(
            f"eval_fraction must be between 0 and 1, not {eval_fraction}.",
            hint="Use e.g. 0.1 to hold out a tenth of the pairs.",
        )
    order = list(pairs)
    random.Random(seed).shuffle(order)
    n_eval = min(len(order) - 1, max(1, round(len(order) * eval_fraction)))
    return order[n_eval:], order[:n_eval]


def registry_entry(
    alias: str,
    source: str,
    family: str,
    max_input_tokens: int,
    *,
    base: str,
    generation: dict[str, Any] | None = None,
    license: str | None = None,
) -> str:
    """models.yaml lines for one alias (two-space indented under ``models:``)."""
    entry: dict[str, Any] = {"source": source, "family": family, "max_input_tokens": max_input_tokens}
    if license:
        entry["license"] = license
    if generation:
        entry["generation"] = dict(generation)
    entry["notes"] = f"Fine-tuned from {base} by plainsci train on {datetime.now(UTC).date().isoformat()}."
    body = yaml.safe_dump({alias: entry}, sort_keys=False, default_flow_style=False, width=100)
    return "".join(f"  {ln}\n" for ln in body.rstrip("\n").split("\n"))


def register_model(models_file: Path, alias: str, entry_text: str) -> None:
    """Append ``entry_text`` under ``models:`` of models_file; every other byte stays as it was.

    The file is re-read and validated afterwards; on any problem the original bytes are restored.
    """
    original = models_file.read_bytes() if models_file.exists() else b""
    existing = load_models(models_file)
    if alias in existing:
        raise ConfigError(
            f"{models_file} already has a model {alias!r}.",
            hint="Pass another alias (or --out folder name); entries are never rewritten.",
        )
    text = original.decode("utf-8")
    if "models" not in (yaml.safe_load(text) or {}):
        addition = ("" if not text or text.endswith("\n") else "\n") + "models:\n" + entry_text
    else:
        addition = ("" if text.endswith("\n") else "\n") + "\n" + entry_text
    models_file.parent.mkdir(parents=True, exist_ok=True)
    models_file.write_text(text + addition, encoding="utf-8")
    try:
        after = load_models(models_file)
        if alias not in after or any(after.get(k) != v for k, v in existing.items()):
            raise ConfigError(
                f"Appending {alias!r} to {models_file} did not give a valid registry.",
                hint="The 'models:' mapping must be the file's last top-level key; add the entry by hand.",
            )
    except Exception:
        models_file.write_bytes(original)
        raise


def train(
    pairs: Path | None,
    model: str,
    out: Path,
    settings: Settings,
    *,
    from_store: bool = False,
    epochs: float = 1,
    max_steps: int | None = None,
    batch_size: int = 4,
    lr: float = 5e-4,
    eval_fraction: float = 0.1,
    seed: int = 0,
    limit: int | None = None,
    alias: str | None = None,
    max_target_tokens: int = 128,
    register: bool = True,
) -> dict[str, Any]:
    """Fine-tune ``model`` on ``pairs`` (or the store's approved items), save it to ``out``, register it.

    Returns the held-out metrics (``eval_loss``, ``eval_rouge1``), the training loss, sizes and
    where the model went.
    """
    import torch
    from transformers import (
        AutoModelForSeq2SeqLM,
        AutoTokenizer,
        DataCollatorForSeq2Seq,
        Seq2SeqTrainer,
        Seq2SeqTrainingArguments,
        set_seed,
    )

    out = Path(out)
    alias = alias or out.name
    if not _ALIAS.match(alias):
        raise ConfigError(
            f"Model alias {alias!r} may hold only letters, digits, '.', '_' and '-'.",
            hint="Pass alias=... or name the output folder accordingly.",
        )
    if register and alias in load_models(Path(settings.models_file)):
        raise ConfigError(
            f"{settings.models_file} already has a model {alias!r}.",
            hint="Choose another output folder name or alias; entries are never rewritten.",
        )
    if out.exists() and any(out.iterdir()):
        raise ConfigError(
            f"Output folder {out} is not empty.",
            hint="Pass a new folder; a trained model is never overwritten.",
        )

    if from_store:
        from pipeline.runtime import get_store

        data = approved_pairs(get_store(settings), limit=limit)
        dataset_desc: dict[str, Any] = {
            "source": "store (approved/published items)",
            "db": settings.db_url.split("@")[-1],
        }
    elif pairs is not None:
        data = load_pairs(pairs, limit=limit)
        dataset_desc = {"source": str(Path(pairs).resolve()), "sha256": file_sha256(pairs), "limit": limit}
    else:
        raise DatasetError(
            "No training data: pass a pairs file or from_store=True.",
            hint="`plainsci train --pairs PAIRS.jsonl` or `--from-store`.",
        )
    train_pairs, eval_pairs = _split(data, eval_fraction, seed)

    resolved = resolve(model, settings)
    spec = resolved.spec
    prompt = load_prompt_set(Path(settings.prompts_dir), settings.prompt_set).prompts.get(TASK)
    if prompt is None:
        raise ConfigError(
            f"Prompt set {settings.prompt_set!r} has no {TASK} prompt to render training inputs with.",
            hint="Use a prompt set that defines simple_explanation.",
        )
    set_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(resolved.path))
    net = AutoModelForSeq2SeqLM.from_pretrained(str(resolved.path))
    if settings.torch_threads > 0:
        torch.set_num_threads(settings.torch_threads)

    def encode(p: Pair) -> dict[str, list[int]]:
        source = prompt.render(pair_to_article(p), None, model_family=spec.family)
        enc = tokenizer(source, max_length=spec.max_input_tokens, truncation=True)
        labels = tokenizer(text_target=p.plain_summary, max_length=max_target_tokens, truncation=True)
        return {
            "input_ids": list(enc["input_ids"]),
            "attention_mask": list(enc["attention_mask"]),
            "labels": list(labels["input_ids"]),
        }

    train_ds = [encode(p) for p in train_pairs]
    eval_ds = [encode(p) for p in eval_pairs]
    work = out.parent / f".{out.name}.trainer"
    args = Seq2SeqTrainingArguments(
        output_dir=str(work),
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=batch_size,
        learning_rate=lr,
        num_train_epochs=epochs,
        max_steps=max_steps if max_steps is not None else -1,
        seed=seed,
        data_seed=seed,
        save_strategy="no",
        eval_strategy="no",
        report_to="none",
        logging_steps=max(1, min(50, (max_steps or 50))),
        predict_with_generate=True,
        generation_max_length=max_target_tokens,
        generation_num_beams=1,
        disable_tqdm=True,
        dataloader_pin_memory=torch.cuda.is_available(),
    )
    collator = DataCollatorForSeq2Seq(tokenizer, model=net, label_pad_token_id=-100)
    trainer = Seq2SeqTrainer(
        model=net, args=args, train_dataset=train_ds, data_collator=collator, processing_class=tokenizer
    )
    started = datetime.now(UTC)
    train_out = trainer.train()
    prediction = trainer.predict(eval_ds, metric_key_prefix="eval")  # type: ignore[arg-type]
    raw_preds = prediction.predictions
    if isinstance(raw_preds, tuple):
        raw_preds = raw_preds[0]
    preds = [[int(t) for t in row if int(t) >= 0] for row in raw_preds]
    texts = tokenizer.batch_decode(preds, skip_special_tokens=True, clean_up_tokenization_spaces=True)
    from pipeline.lab.eval import rouge_scorer

    scorer = rouge_scorer()
    rouge1 = [
        100 * scorer.score(p.plain_summary, t)["rouge1"].fmeasure
        for p, t in zip(eval_pairs, texts, strict=True)
    ]
    eval_loss = float((prediction.metrics or {}).get("eval_loss", math.nan))
    metrics: dict[str, Any] = {
        "eval_loss": eval_loss,
        "eval_rouge1": sum(rouge1) / len(rouge1),
        "train_loss": float(train_out.training_loss),
        "steps": int(train_out.global_step),
        "n_train": len(train_pairs),
        "n_eval": len(eval_pairs),
    }

    out.mkdir(parents=True, exist_ok=True)
    trainer.save_model(str(out))
    tokenizer.save_pretrained(str(out))
    record = {
        "created_at": started.isoformat(timespec="seconds"),
        "base_model": {
            "name": model,
            "source": spec.source,
            "path": str(resolved.path),
            "revision": resolved.revision,
            "family": spec.family,
        },
        "dataset": dataset_desc,
        "held_out_ids": [p.id for p in eval_pairs],
        "prompt": {
            "set": settings.prompt_set,
            "id": prompt.id,
            "version": prompt.version,
            "hash": prompt.hash,
        },
        "params": {
            "epochs": epochs,
            "max_steps": max_steps,
            "batch_size": batch_size,
            "lr": lr,
            "eval_fraction": eval_fraction,
            "seed": seed,
            "max_target_tokens": max_target_tokens,
        },
        "metrics": metrics,
        "examples": [{"id": p.id, "output": t} for p, t in list(zip(eval_pairs, texts, strict=True))[:3]],
    }
    (out / TRAINING_FILE).write_text(
        json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    shutil.rmtree(work, ignore_errors=True)

    result: dict[str, Any] = {**metrics, "out": str(out), "alias": None, "revision": model_revision(out)}
    if register:
        models_file = Path(settings.models_file)
        models_dir = Path(settings.models_dir).resolve()
        resolved_out = out.resolve()
        source = (
            f"./{resolved_out.relative_to(models_dir).as_posix()}"
            if resolved_out.is_relative_to(models_dir)
            else str(resolved_out)
        )
        register_model(
            models_file,
            alias,
            registry_entry(
                alias,
                source,
                spec.family,
                spec.max_input_tokens,
                base=model,
                generation=spec.generation,
                license=spec.license,
            ),
        )
        result["alias"] = alias
    log.info("fine-tuned %s -> %s: %s", model, out, metrics)
    print(
        f"held-out ({len(eval_pairs)} pairs): loss {metrics['eval_loss']:.4f}, ROUGE-1 {metrics['eval_rouge1']:.2f}"
    )
    return result
