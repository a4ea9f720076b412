"""The ``seq2seq`` backend: any Hugging Face encoder-decoder (T5, BART, PEGASUS, LED) from a local folder.

One generate call per task of the prompt set, batched across articles: inputs are sorted by
length and padded per batch only to that batch's longest input, under ``torch.inference_mode``.
Decoding is deterministic (greedy or beam search, never sampling). An input longer than the
model's ``max_input_tokens`` is split by abstract section and the parts' outputs merged; a single
section that is still too long is truncated. Both add a warning to the draft.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from pipeline.domain import NOT_SPECIFIED, Article, DraftFields, Facts, PracticalPoint, Section
from pipeline.draft import postprocess
from pipeline.draft.base import BACKENDS, DraftResult, Provenance
from pipeline.draft.models import ResolvedModel, resolve
from pipeline.draft.prompts import GENERATION_KEYS, Prompt, PromptSet, load_prompt_set
from pipeline.errors import ConfigError, DraftError, PromptError
from pipeline.settings import Settings

log = logging.getLogger(__name__)

Runtime = Literal["torch", "ct2"]
RUNTIMES: tuple[str, ...] = ("torch", "ct2")
LIST_TASKS = frozenset({"key_findings", "limitations"})
SEED = 0
# Used when neither models.yaml nor the prompt says otherwise: greedy, bounded.
BASE_GENERATION: dict[str, Any] = {"max_new_tokens": 128, "num_beams": 1}
DTYPES: tuple[str, ...] = ("float32", "bfloat16", "float16")


@dataclass(frozen=True)
class Placement:
    """Where the torch runtime runs the model and in which precision."""

    device: str  # "cpu" or "cuda:N"
    dtype: str  # one of DTYPES

    @property
    def kind(self) -> str:
        """The device without its index: drafts on any GPU of one kind match, so the cache key
        and provenance record "cuda", not which card."""
        return self.device.split(":")[0]


def resolve_placement(device: str, dtype: str = "float32") -> Placement:
    """The device and precision that ``PLAINSCI_SEQ2SEQ_DEVICE`` / ``PLAINSCI_SEQ2SEQ_DTYPE`` ask
    for, checked against this machine: "auto" is the first CUDA GPU torch sees, else the CPU.
    float32 is the default everywhere: greedy drafts are then the same on a GPU as on the CPU, and
    on an H200 bfloat16 was no faster for a FLAN-T5-base-sized model (docs/benchmarks.md). T5
    overflows in float16, so float16 is only used when asked for, and never on the CPU."""
    want = device.strip().lower()
    if dtype not in DTYPES:
        raise ConfigError(
            f"Unknown seq2seq dtype {dtype!r}.",
            hint=f"Set PLAINSCI_SEQ2SEQ_DTYPE to one of: {', '.join(DTYPES)}.",
        )
    if want == "cpu" and dtype == "float32":
        return Placement("cpu", "float32")  # no torch import just to build a CPU backend
    match = re.fullmatch(r"cuda(?::(\d+))?", want)
    if want not in ("auto", "cpu") and match is None:
        raise ConfigError(
            f"Unknown seq2seq device {device!r}.",
            hint="Set PLAINSCI_SEQ2SEQ_DEVICE to auto, cpu, cuda or cuda:N.",
        )
    import torch

    gpus = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if want == "auto":
        want = "cuda:0" if gpus else "cpu"
    elif match is not None:
        index = int(match.group(1) or 0)
        if index >= gpus:
            found = f"{gpus} CUDA GPU(s)" if gpus else "no CUDA GPU"
            raise ConfigError(
                f"PLAINSCI_SEQ2SEQ_DEVICE is {device!r} but torch {torch.__version__} sees {found}.",
                hint="Set it to auto or cpu, or install a CUDA build of torch on a machine with a GPU.",
            )
        want = f"cuda:{index}"
    if dtype == "float16" and want == "cpu":
        raise ConfigError(
            "PLAINSCI_SEQ2SEQ_DTYPE is float16 but the model runs on the CPU.",
            hint="Use float32 (or bfloat16) on the CPU; float16 is for GPUs.",
        )
    return Placement(want, dtype)


class Generator(Protocol):
    """Token ids in, token ids out (no decoder start, no end token); one call per batch."""

    name: str

    def generate_ids(self, batch: list[list[int]], params: dict[str, Any]) -> list[list[int]]: ...


def generate_batched(
    generate: Callable[[list[list[int]], dict[str, Any]], list[list[int]]],
    inputs: Sequence[list[int]],
    params: dict[str, Any],
    batch_size: int,
) -> list[list[int]]:
    """Generate for every input in batches of similar length (longest first), in input order."""
    order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]), reverse=True)
    out: list[list[int]] = [[] for _ in inputs]
    for start in range(0, len(order), max(batch_size, 1)):
        idx = order[start : start + max(batch_size, 1)]
        for i, ids in zip(idx, generate([inputs[i] for i in idx], params), strict=True):
            out[i] = ids
    return out


class TorchGenerator:
    """``model.generate`` with dynamic padding, ``inference_mode`` and a fixed seed."""

    name = "torch"

    def __init__(self, model: Any, tokenizer: Any, device: str = "cpu") -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.device = device
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        self.eos_id = tokenizer.eos_token_id
        self.decoder_start = getattr(model.config, "decoder_start_token_id", None)

    def generate_ids(self, batch: list[list[int]], params: dict[str, Any]) -> list[list[int]]:
        import torch

        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self.pad_id, dtype=torch.long)
        attention = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            attention[row, : len(ids)] = 1
        config = copy.deepcopy(self.model.generation_config)
        config.update(**hf_generation_params(params))
        with torch.inference_mode():
            torch.manual_seed(SEED)
            output = self.model.generate(
                input_ids=input_ids.to(self.device),
                attention_mask=attention.to(self.device),
                generation_config=config,
            )
        return [self._strip(row.tolist()) for row in output.cpu()]

    def _strip(self, ids: list[int]) -> list[int]:
        if ids and self.decoder_start is not None and ids[0] == self.decoder_start:
            ids = ids[1:]
        if self.eos_id is not None and self.eos_id in ids:
            ids = ids[: ids.index(self.eos_id)]
        return [i for i in ids if i != self.pad_id]


def hf_generation_params(params: dict[str, Any]) -> dict[str, Any]:
    """Our generation params as ``GenerationConfig`` fields; sampling is always off."""
    out = {k: v for k, v in params.items() if k in GENERATION_KEYS}
    out["do_sample"] = False
    if out.get("num_beams", 1) <= 1:
        out.pop("early_stopping", None)
        out["num_beams"] = 1
    out["max_length"] = None  # max_new_tokens rules
    return out


@dataclass
class _Job:
    item: int
    task: str
    part: int
    ids: list[int]


@dataclass
class _ItemPlan:
    parts: dict[str, int] = field(default_factory=dict)  # task -> number of parts
    warnings: list[str] = field(default_factory=list)


@BACKENDS.register("seq2seq")
class Seq2SeqBackend:
    """Drafts every field with a local encoder-decoder model and the configured prompt set."""

    name = "seq2seq"

    def __init__(
        self,
        settings: Settings,
        model: str | None = None,
        prompt: str | None = None,
        runtime: str = "torch",
        *,
        batch_size: int | None = None,
        generation: dict[str, Any] | None = None,
        quantization: str = "int8",
    ) -> None:
        if runtime not in RUNTIMES:
            raise ConfigError(
                f"Unknown seq2seq runtime {runtime!r}.", hint=f"Use one of: {', '.join(RUNTIMES)}."
            )
        name = model or settings.model
        if not name:
            raise ConfigError(
                "The seq2seq backend needs a model and none is set.",
                hint="Set PLAINSCI_MODEL to an alias from models/models.yaml (`plainsci models list`)"
                " or to a model folder.",
            )
        self.settings = settings
        self.runtime: str = runtime
        self.quantization = quantization
        self.batch_size = batch_size or settings.draft_batch_size
        self.resolved: ResolvedModel = resolve(name, settings)
        self.family = self.resolved.spec.family
        self.max_input_tokens = self.resolved.spec.max_input_tokens
        self.prompt_set: PromptSet = load_prompt_set(settings.prompts_dir, prompt or settings.prompt_set)
        for task, p in self.prompt_set.prompts.items():
            if not p.supports(self.family):
                raise PromptError(
                    f"{p.path}: prompt {p.id} v{p.version} (task {task}) is for model families"
                    f" {', '.join(p.model_families)}, not {self.family} ({self.resolved.model_id}).",
                    hint="Choose another prompt set (PLAINSCI_PROMPT_SET) or add a prompt version for this family.",
                )
        overrides = dict(generation or {})
        unknown = sorted(set(overrides) - set(GENERATION_KEYS))
        if unknown:
            raise ConfigError(
                f"Unknown generation parameter {unknown[0]!r}.",
                hint=f"Allowed: {', '.join(GENERATION_KEYS)}.",
            )
        self.task_params: dict[str, dict[str, Any]] = {
            task: {**BASE_GENERATION, **self.resolved.spec.generation, **p.generation, **overrides}
            for task, p in self.prompt_set.prompts.items()
        }
        self.ct2_dir = None
        self.placement = Placement("cpu", "float32")
        if runtime == "ct2":
            from pipeline.draft import ct2

            if settings.seq2seq_device.strip().lower() not in ("auto", "cpu"):
                raise ConfigError(
                    f"The ct2 runtime runs on the CPU; PLAINSCI_SEQ2SEQ_DEVICE is {settings.seq2seq_device!r}.",
                    hint="Use runtime torch for the GPU, or set PLAINSCI_SEQ2SEQ_DEVICE=auto.",
                )
            self.ct2_dir = ct2.require_converted(self.resolved, settings, quantization)
        else:
            self.placement = resolve_placement(settings.seq2seq_device, settings.seq2seq_dtype)
        self._tokenizer: Any = None
        self._generator: Generator | None = None

    # ------------------------------------------------------------------ provenance / loading

    @property
    def provenance(self) -> Provenance:
        prompts = self.prompt_set.provenance_params()
        for task, entry in prompts.items():
            entry["generation"] = dict(sorted(self.task_params[task].items()))
        set_hash = hashlib.sha256(
            json.dumps({t: e["prompt_hash"] for t, e in prompts.items()}, sort_keys=True).encode()
        ).hexdigest()
        params: dict[str, Any] = {
            "runtime": self.runtime,
            "family": self.family,
            "max_input_tokens": self.max_input_tokens,
            "prompt_hash": set_hash,
            "prompts": prompts,
            "seed": SEED,
        }
        if self.runtime == "ct2":
            params["quantization"] = self.quantization
        else:
            params["device"] = self.placement.kind
            params["dtype"] = self.placement.dtype
        return Provenance(
            backend=self.name,
            model_id=self.resolved.model_id,
            model_revision=self.resolved.revision[:64],
            prompt_id=self.prompt_set.name,
            prompt_version=self.prompt_set.version,
            params=params,
        )

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            from transformers import AutoTokenizer

            self._tokenizer = AutoTokenizer.from_pretrained(str(self.resolved.path))
        return self._tokenizer

    @property
    def generator(self) -> Generator:
        if self._generator is None:
            self._generator = self._load_generator()
        return self._generator

    def _load_generator(self) -> Generator:
        threads = self.settings.torch_threads
        if self.runtime == "ct2":
            from pipeline.draft.ct2 import CT2Generator, hf_generation_config

            assert self.ct2_dir is not None
            hf = hf_generation_config(self.resolved.path)
            return CT2Generator(
                self.ct2_dir,
                self.tokenizer,
                threads=threads,
                forced_bos_token_id=hf.get("forced_bos_token_id"),
                forced_eos=hf.get("forced_eos_token_id") is not None,
            )
        import torch
        from transformers import AutoModelForSeq2SeqLM

        if threads > 0:
            torch.set_num_threads(threads)
        t0 = time.perf_counter()
        place = self.placement
        model = AutoModelForSeq2SeqLM.from_pretrained(
            str(self.resolved.path), dtype=getattr(torch, place.dtype)
        )
        model.to(place.device)
        model.eval()
        log.info(
            "loaded %s from %s on %s (%s) in %.1fs",
            self.resolved.model_id,
            self.resolved.path,
            place.device,
            place.dtype,
            time.perf_counter() - t0,
        )
        return TorchGenerator(model, self.tokenizer, place.device)

    # ------------------------------------------------------------------ generation

    def encode(self, text: str) -> list[int]:
        return list(self.tokenizer(text, add_special_tokens=True).input_ids)

    def decode(self, ids: list[int]) -> str:
        return str(self.tokenizer.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=True))

    def generate_texts(
        self, texts: list[str], task: str | None = None, params: dict[str, Any] | None = None
    ) -> list[str]:
        """Generate for raw input texts (truncated to max_input_tokens), batched by length."""
        gen_params = params if params is not None else self.task_params[task or next(iter(self.task_params))]
        inputs = [self._truncate(self.encode(t)) for t in texts]
        outputs = generate_batched(self.generator.generate_ids, inputs, gen_params, self.batch_size)
        return [self.decode(ids) for ids in outputs]

    def _truncate(self, ids: list[int]) -> list[int]:
        if len(ids) <= self.max_input_tokens:
            return ids
        # Keep the final special token (</s>) that the tokenizer appended.
        return ids[: self.max_input_tokens - 1] + ids[-1:]

    def _plan(self, index: int, article: Article, facts: Facts | None, jobs: list[_Job]) -> _ItemPlan:
        """The model inputs of one article, one or more per task (long abstracts split by section)."""
        if not article.title.strip() and not any(s.text.strip() for s in article.sections):
            raise DraftError(
                f"Article {article.source_id} has no title or abstract text to draft from.",
                hint="Check the source record; it is quarantined.",
            )
        plan = _ItemPlan()
        for task, prompt in self.prompt_set.prompts.items():
            parts = self._task_inputs(prompt, article, facts, plan.warnings)
            plan.parts[task] = len(parts)
            jobs.extend(_Job(index, task, k, ids) for k, ids in enumerate(parts))
        return plan

    def _task_inputs(
        self, prompt: Prompt, article: Article, facts: Facts | None, warnings: list[str]
    ) -> list[list[int]]:
        limit = self.max_input_tokens

        def encode_sections(sections: list[Section]) -> list[int]:
            return self.encode(prompt.render(article, facts, model_family=self.family, sections=sections))

        whole = encode_sections(list(article.sections))
        if len(whole) <= limit:
            return [whole]
        groups: list[list[Section]] = []
        current: list[Section] = []
        for section in article.sections:
            if current and len(encode_sections([*current, section])) > limit:
                groups.append(current)
                current = [section]
            else:
                current = [*current, section]
        if current:
            groups.append(current)
        parts: list[list[int]] = []
        for group in groups:
            ids = encode_sections(group)
            if len(ids) > limit:
                labels = ", ".join(s.label or "unlabelled" for s in group)
                warnings.append(
                    f"{prompt.task}: section {labels} is {len(ids)} tokens, over {limit} for"
                    f" {self.resolved.model_id}; truncated to {limit} tokens."
                )
                ids = self._truncate(ids)
            parts.append(ids)
        if len(parts) > 1:
            warnings.append(
                f"{prompt.task}: input is {len(whole)} tokens, over {limit} for"
                f" {self.resolved.model_id}; drafted in {len(parts)} parts split by section and merged."
            )
        return parts

    def _run_task(
        self, jobs: list[_Job], params: dict[str, Any], failed: dict[int, Exception]
    ) -> dict[int, list[int]]:
        """Outputs by job position; a batch that fails is retried one job at a time."""
        gen = self.generator
        out: dict[int, list[int]] = {}
        order = sorted(range(len(jobs)), key=lambda j: len(jobs[j].ids), reverse=True)
        size = max(self.batch_size, 1)
        for start in range(0, len(order), size):
            idx = [j for j in order[start : start + size] if jobs[j].item not in failed]
            if not idx:
                continue
            try:
                results = gen.generate_ids([jobs[j].ids for j in idx], params)
                out.update(zip(idx, results, strict=True))
            except Exception as batch_exc:  # noqa: BLE001 - isolate the item that breaks the batch
                log.warning("batch of %d failed (%s); retrying one by one", len(idx), batch_exc)
                for j in idx:
                    try:
                        out[j] = gen.generate_ids([jobs[j].ids], params)[0]
                    except Exception as exc:  # noqa: BLE001
                        failed.setdefault(jobs[j].item, exc)
        return out

    def draft_batch(self, items: list[tuple[Article, Facts]]) -> list[DraftResult | Exception]:
        """Draft every item; a failure on one item is returned as its Exception, not raised."""
        t0 = time.perf_counter()
        failed: dict[int, Exception] = {}
        plans: dict[int, _ItemPlan] = {}
        jobs: list[_Job] = []
        for i, (article, facts) in enumerate(items):
            try:
                item_jobs: list[_Job] = []
                plans[i] = self._plan(i, article, facts, item_jobs)
                jobs.extend(item_jobs)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
                failed[i] = exc
        texts: dict[tuple[int, str], list[str]] = {}
        if jobs:
            try:
                self.generator  # noqa: B018 - load once; a load failure fails every item below
            except Exception as exc:  # noqa: BLE001
                return [failed.get(i, exc) for i in range(len(items))]
        for task in self.prompt_set.prompts:
            task_jobs = [j for j in jobs if j.task == task]
            outputs = self._run_task(task_jobs, self.task_params[task], failed)
            for pos, job in enumerate(task_jobs):
                if pos in outputs:
                    texts.setdefault((job.item, task), []).append(self.decode(outputs[pos]))
        per_item_ms = (time.perf_counter() - t0) * 1000 / max(len(items), 1)
        results: list[DraftResult | Exception] = []
        for i, (_article, facts) in enumerate(items):
            if i in failed:
                results.append(failed[i])
                continue
            try:
                warnings = list(plans[i].warnings)
                fields = self._fields(
                    {t: texts.get((i, t), []) for t in self.prompt_set.prompts}, facts, warnings
                )
                results.append(DraftResult(fields=fields, warnings=warnings, duration_ms=per_item_ms))
            except Exception as exc:  # noqa: BLE001
                results.append(exc)
        return results

    # ------------------------------------------------------------------ fields

    def _fields(self, outputs: dict[str, list[str]], facts: Facts | None, warnings: list[str]) -> DraftFields:
        values: dict[str, Any] = {}
        for task in (
            "simple_explanation",
            "key_findings",
            "research_summary",
            "practical_implications",
            "limitations",
        ):
            parts = outputs.get(task)
            if parts is None:
                warnings.append(
                    f"{task}: prompt set {self.prompt_set.name!r} has no prompt for this field; left empty."
                )
                values[task] = "" if task in ("simple_explanation", "research_summary") else []
                continue
            values[task] = field_value(task, parts)
            if not values[task]:
                warnings.append(f"{task}: the model produced no text.")
        return DraftFields(
            **values,
            study_duration=facts.study_period.value if facts else NOT_SPECIFIED,
            participants=facts.participants.value if facts else NOT_SPECIFIED,
            evidence_level=facts.evidence_level.value if facts else NOT_SPECIFIED,
            categories=list(facts.categories) if facts else [],
        )


def field_value(task: str, parts: list[str]) -> str | list[str] | list[PracticalPoint]:
    """One field from the generated text of each part (one part unless the input was split)."""
    if task in LIST_TASKS:
        items: list[str] = []
        for part in parts:
            items.extend(postprocess.split_items(part))
        items = postprocess.split_items("\n".join(items)) if len(parts) > 1 else items
        if not items and any(p.strip() for p in parts):
            items = [postprocess.merge_texts(parts)]
        return items
    if task == "practical_implications":
        points: list[PracticalPoint] = []
        seen: set[str] = set()
        for part in parts:
            for point in postprocess.split_points(part):
                if point.text.lower() not in seen:
                    seen.add(point.text.lower())
                    points.append(point)
        return points
    if len(parts) == 1:
        return postprocess.to_paragraph(parts[0])
    return postprocess.merge_texts([postprocess.to_paragraph(p) for p in parts])
