"""Promote a winning grid variant to new prompt version files and a prompt set that uses them.

Promotion never edits an existing prompt file: for each promoted task it writes the next
version, ``prompts/<id>.v<N+1>.md.j2``, copied from the version the variant used, with the
variant's generation overrides (and optionally a new template) applied. The new file's front
matter records the evaluation behind it under its ``evaluation`` key (dataset, n, metric means,
paired bootstrap intervals against the baseline, date, parent version), which
:func:`read_evaluation` returns. A new prompt set file points at the new versions; the
default set is changed only with ``promote_to_default=True``, and then only its version
numbers (comments and other lines are kept).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pipeline.domain import DRAFT_TEXT_FIELDS
from pipeline.draft.prompts import (
    PROMPT_SUFFIX,
    SETS_DIR,
    Prompt,
    PromptSet,
    load_prompt_file,
    load_prompt_set,
    load_prompts,
)
from pipeline.errors import PromptError
from pipeline.lab.compare import DEFAULT_METRICS, compare, summary
from pipeline.lab.grid import Variant, metric_columns
from pipeline.settings import Settings

EVALUATION_MARKER = "evaluation:"
_SET_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Promotion:
    """What a promotion wrote: new prompt files, the new set, and the evaluation it recorded."""

    prompt_files: list[Path]
    set_file: Path
    set_name: str
    evaluation: dict[str, Any]
    default_set_file: Path | None = None
    prompts: list[Prompt] = field(default_factory=list)


def _variant(frame: pd.DataFrame, name: str | Variant) -> Variant:
    if isinstance(name, Variant):
        return name
    known = frame.attrs.get("variants") or {}
    if name not in known:
        raise PromptError(
            f"Variant {name!r} is not described in the grid frame (have: {', '.join(known) or 'none'}).",
            hint="Pass the Variant object itself, or use the frame run_grid returned.",
        )
    data = known[name]
    return Variant(data["name"], data["backend"], dict(data.get("options") or {}))


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return None if value != value else round(value, 4)  # NaN -> None
    return value


def evaluation_record(
    frame: pd.DataFrame,
    baseline: str,
    candidate: str,
    *,
    dataset: str,
    metrics: Sequence[str] | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    today: date | None = None,
) -> dict[str, Any]:
    """The evaluation a promoted prompt records: means, differences and intervals vs the baseline."""
    available = metric_columns(frame)
    chosen = [m for m in (metrics or DEFAULT_METRICS) if m in available]
    table = compare(frame, baseline, candidate, chosen, n_boot=n_boot, seed=seed)
    means = summary(frame, chosen)
    return {
        "dataset": dataset,
        "n": int(means.at[candidate, "n"] - means.at[candidate, "failed"]),
        "variant": candidate,
        "baseline": baseline,
        "date": (today or datetime.now(UTC).date()).isoformat(),
        "bootstrap": {"n_boot": n_boot, "seed": seed, "confidence": 0.95, "paired_on": "item id"},
        "metrics": {
            metric: {
                "mean": _round(float(row["candidate"])),
                "baseline_mean": _round(float(row["baseline"])),
                "diff": _round(float(row["diff"])),
                "ci": [_round(float(row["ci_low"])), _round(float(row["ci_high"]))],
                "n": int(row["n"]),
                "verdict": row["verdict"],
            }
            for metric, row in table.iterrows()
        },
    }


def read_evaluation(prompt: Prompt | Path) -> dict[str, Any] | None:
    """The evaluation a promoted prompt file records in its front matter (None: it records none).

    Files promoted before ``evaluation`` was a front-matter key kept it in their notes; those
    are still read.
    """
    if isinstance(prompt, Path):
        prompt = load_prompt_file(prompt)
    if prompt.evaluation:
        return dict(prompt.evaluation)
    lines = prompt.notes.split("\n")
    try:
        start = next(i for i, ln in enumerate(lines) if ln.strip() == EVALUATION_MARKER)
    except StopIteration:
        return None
    data = yaml.safe_load("\n".join(lines[start:]))
    return data.get("evaluation") if isinstance(data, dict) else None


def prompt_file_text(
    parent: Prompt,
    version: int,
    generation: dict[str, Any],
    template: str,
    notes: str,
    evaluation: dict[str, Any],
) -> str:
    """A prompt version file: front matter (with its ``evaluation`` key), then the template."""
    meta: dict[str, Any] = {
        "id": parent.id,
        "version": version,
        "task": parent.task,
        "model_families": list(parent.model_families),
    }
    head = yaml.safe_dump(meta, sort_keys=False, default_flow_style=None, allow_unicode=True, width=100)
    if generation:
        head += yaml.safe_dump({"generation": dict(generation)}, sort_keys=False, default_flow_style=False)
    notes_block = "notes: |\n" + "".join(
        f"  {ln}\n" if ln.strip() else "\n" for ln in notes.strip().split("\n")
    )
    evaluation_block = yaml.safe_dump(
        {"evaluation": evaluation}, sort_keys=False, allow_unicode=True, width=100
    )
    return f"---\n{head}{notes_block}{evaluation_block}---\n{template.rstrip()}\n"


def _set_ref(task: str, prompt: Prompt) -> int | str:
    return prompt.version if prompt.id == task else f"{prompt.id}.v{prompt.version}"


def _write_new(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise PromptError(
            f"{path} already exists; promotion never overwrites a file.",
            hint="Choose another set name, or promote again to get the next version number.",
        ) from None


def _update_default(path: Path, new_refs: dict[str, int | str], prompts_dir: Path, name: str) -> None:
    """Point the default set's tasks at new versions by rewriting only their value lines."""
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    in_prompts = False
    done: set[str] = set()
    for i, line in enumerate(lines):
        if re.match(r"^prompts\s*:", line):
            in_prompts = True
            continue
        if in_prompts and line and not line[0].isspace() and not line.lstrip().startswith("#"):
            in_prompts = False
        m = re.match(r"^(\s+)([a-z_]+)(\s*:\s*)([^#\s]+)(.*)$", line) if in_prompts else None
        if m and m.group(2) in new_refs:
            lines[i] = f"{m.group(1)}{m.group(2)}{m.group(3)}{new_refs[m.group(2)]}{m.group(5)}"
            done.add(m.group(2))
    missing = set(new_refs) - done
    if missing:
        raise PromptError(
            f"{path}: could not find the line of task(s) {', '.join(sorted(missing))} under 'prompts:'.",
            hint="Edit the set by hand, or promote into a new set (promote_to_default=False).",
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        load_prompt_set(prompts_dir, name)
    except PromptError:
        path.write_bytes(original)
        raise


def promote(
    frame: pd.DataFrame,
    winner: str | Variant,
    baseline: str,
    settings: Settings,
    *,
    dataset: str,
    tasks: Sequence[str] | None = None,
    templates: dict[str, str] | None = None,
    notes: str | None = None,
    set_name: str | None = None,
    promote_to_default: bool = False,
    metrics: Sequence[str] | None = None,
    n_boot: int = 2000,
    seed: int = 0,
    today: date | None = None,
) -> Promotion:
    """Write the winner's prompts as new versions, and a prompt set that uses them.

    ``tasks`` are the draft tasks to promote (default: every task the variant's prompt set
    has); ``templates`` optionally replaces a task's template. The winner's generation
    overrides go into each new version's generation params.
    """
    variant = _variant(frame, winner)
    winner_name = variant.name
    if variant.backend != "seq2seq":
        raise PromptError(
            f"Variant {winner_name!r} uses the {variant.backend} backend, which has no prompt files.",
            hint="Promote a seq2seq variant; an extractive setting goes into settings instead.",
        )
    prompts_dir = Path(settings.prompts_dir)
    base_name = variant.options.get("prompt") or settings.prompt_set
    base: PromptSet = load_prompt_set(prompts_dir, base_name)
    tasks = list(tasks) if tasks is not None else list(base.prompts)
    unknown = [t for t in tasks if t not in base.prompts]
    if unknown:
        raise PromptError(
            f"Prompt set {base_name!r} has no prompt for task(s) {', '.join(unknown)}.",
            hint=f"Tasks: {', '.join(t for t in DRAFT_TEXT_FIELDS if t in base.prompts)}.",
        )
    evaluation = evaluation_record(
        frame, baseline, winner_name, dataset=dataset, metrics=metrics, n_boot=n_boot, seed=seed, today=today
    )
    library = load_prompts(prompts_dir)
    planned: dict[str, tuple[Path, str]] = {}
    new_refs: dict[str, int | str] = {}
    for task in tasks:
        parent = base.prompts[task]
        version = max(v for (pid, v) in library if pid == parent.id) + 1
        path = prompts_dir / f"{parent.id}.v{version}{PROMPT_SUFFIX}"
        if path.exists():
            raise PromptError(
                f"{path} already exists; promotion never overwrites a prompt version.",
                hint="Remove the stray file or promote again.",
            )
        record = {
            **evaluation,
            "parent": f"{parent.id}.v{parent.version}",
            "parent_hash": parent.hash[:16],
            "model": variant.options.get("model"),
        }
        text = prompt_file_text(
            parent,
            version,
            {**parent.generation, **variant.generation},
            (templates or {}).get(task, parent.template_source),
            notes
            or f"Promoted by the prompt lab from {parent.id} v{parent.version} (variant {winner_name}).",
            record,
        )
        planned[task] = (path, text)
        new_refs[task] = version if parent.id == task else f"{parent.id}.v{version}"

    name = set_name or f"{base.name}_lab_{'_'.join(sorted(new_refs))}_{evaluation['date'].replace('-', '')}"
    if len(name) > 80 or not _SET_NAME.match(name):
        name = set_name or f"{base.name}_lab_{evaluation['date'].replace('-', '')}"
    if not _SET_NAME.match(name):
        raise PromptError(
            f"Prompt set name {name!r} must be lower-case letters, digits, '_' or '-'.",
            hint="Pass set_name='my_set'.",
        )
    set_path = prompts_dir / SETS_DIR / f"{name}.yaml"
    if set_path.exists():
        raise PromptError(
            f"Prompt set {set_path} already exists; promotion never overwrites a set.",
            hint="Pass another set_name.",
        )

    written: list[Path] = []
    try:
        for _task, (path, text) in planned.items():
            _write_new(path, text)
            written.append(path)
        loaded = [load_prompt_file(p) for p in written]
        refs = {t: new_refs.get(t, _set_ref(t, p)) for t, p in base.prompts.items()}
        set_text = (
            f"# Written by the prompt lab (pipeline.lab.promote) on {evaluation['date']}: {base.name} with\n"
            f"# {', '.join(sorted(new_refs))} promoted from variant {winner_name}.\n"
            + yaml.safe_dump(
                {
                    "name": name,
                    "description": f"{base.name} + lab promotion of {winner_name} ({evaluation['date']})",
                    "prompts": refs,
                },
                sort_keys=False,
            )
        )
        _write_new(set_path, set_text)
        written.append(set_path)
        load_prompt_set(prompts_dir, name)
        default_path = None
        if promote_to_default:
            default_path = prompts_dir / SETS_DIR / f"{settings.prompt_set}.yaml"
            _update_default(default_path, new_refs, prompts_dir, settings.prompt_set)
    except Exception:
        for path in written:  # only files this call created
            path.unlink(missing_ok=True)
        raise
    return Promotion([planned[t][0] for t in tasks], set_path, name, evaluation, default_path, loaded)
