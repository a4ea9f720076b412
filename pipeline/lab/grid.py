"""Run a grid of drafting variants (backend x model x prompt set x params) over a dataset.

Every draft is cached on disk under ``settings.data_dir/lab_cache`` keyed by the backend's
``Provenance.cache_key`` of the item's input fingerprint, the same key the nightly draft stage
uses: a rerun of the same grid drafts nothing, and a variant that differs only in one parameter
drafts only itself. Scores are cached next to the drafts, keyed by the draft, the reference and
the metric versions.

The result is a long DataFrame: one row per (variant, item) with the reader text and every
metric: the eval harness's metrics on the reader text (simple explanation + key findings:
readability, number faithfulness, length and, where the item has a reference, ROUGE and SARI)
and ``page_<metric>``, each registered ``pipeline.score`` metric averaged over the page's fields.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.domain import Article, DraftFields, Facts, fingerprint
from pipeline.draft.base import Backend, make_backend
from pipeline.errors import LabError
from pipeline.lab.datasets import Pair, pair_to_article
from pipeline.lab.eval import backend_text
from pipeline.settings import Settings

log = logging.getLogger(__name__)

CACHE_DIRNAME = "lab_cache"
GRID_VERSION = "1"
# Columns that describe a row; every other numeric column is a metric.
ID_COLUMNS = (
    "variant", "id", "backend", "model_id", "prompt_id", "prompt_version", "cache_key",
    "has_reference", "cached", "error", "text",
)  # fmt: skip


@dataclass(frozen=True)
class Variant:
    """One drafting configuration: a backend and the options its constructor takes.

    For ``seq2seq`` the options are ``model``, ``prompt`` (a prompt set name) and ``generation``
    (parameter overrides); for ``extractive`` they are ``ExtractiveParams`` fields.
    """

    name: str
    backend: str = "extractive"
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def generation(self) -> dict[str, Any]:
        return dict(self.options.get("generation") or {})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class LabItem:
    """One dataset item: an article and, when there is one, a human plain-language reference."""

    id: str
    article: Article
    reference: str | None = None


def items_from_pairs(pairs: Iterable[Pair], source: str = "eval") -> list[LabItem]:
    """Pairs (abstract + reference summary) as lab items."""
    return [LabItem(p.id, pair_to_article(p, source), p.plain_summary) for p in pairs]


def items_from_articles(articles: Iterable[Article]) -> list[LabItem]:
    """Articles without references (e.g. the bundled sample): reference metrics are NaN."""
    return [LabItem(a.doi or a.pmcid or a.pmid or a.source_id, a) for a in articles]


def grid_variants(
    backend: str = "seq2seq",
    *,
    models: Sequence[str | None] = (None,),
    prompt_sets: Sequence[str | None] = (None,),
    generations: Sequence[dict[str, Any] | None] = (None,),
) -> list[Variant]:
    """The cross product of models x prompt sets x generation overrides, with readable names."""
    out: list[Variant] = []
    for model, prompt, gen in itertools.product(models, prompt_sets, generations):
        options: dict[str, Any] = {}
        parts = [backend]
        if model is not None:
            options["model"] = model
            parts.append(model)
        if prompt is not None:
            options["prompt"] = prompt
            parts.append(prompt)
        if gen:
            options["generation"] = dict(gen)
            parts.append(",".join(f"{k}={v}" for k, v in sorted(gen.items())))
        out.append(Variant("/".join(parts), backend, options))
    names = [v.name for v in out]
    if len(set(names)) != len(names):
        raise LabError(
            f"Grid variant names are not unique: {names}.",
            hint="Give each backend/model/prompt/params combination once.",
        )
    return out


# ---------------------------------------------------------------------------------------------
# The on-disk cache


class DraftCache:
    """Drafts and scores as small JSON files, sharded by the first two characters of the key."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def for_settings(cls, settings: Settings) -> DraftCache:
        return cls(Path(settings.data_dir) / CACHE_DIRNAME)

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> dict[str, Any] | None:
        path = self._path(kind, key)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError):
            log.warning("ignoring unreadable lab cache file %s", path)
            return None
        return data

    def put(self, kind: str, key: str, value: dict[str, Any]) -> None:
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write-then-rename so an interrupted run never leaves a half-written entry behind.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, allow_nan=True)
        os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# Scoring


def metric_directions() -> dict[str, bool | None]:
    """higher_is_better of every metric column a grid frame can hold (None: neither)."""
    from pipeline.lab.eval import metric_specs
    from pipeline.score.base import METRICS

    out: dict[str, bool | None] = {name: spec.higher_is_better for name, spec in metric_specs().items()}
    out.update({f"page_{name}": m.higher_is_better for name, m in METRICS.items()})
    out["page_flags"] = False
    return out


def metric_versions() -> dict[str, str]:
    """Version of every metric, so that a cached score is only reused under the same versions."""
    from pipeline.lab.eval import metric_specs
    from pipeline.score.base import METRICS

    return {
        **{n: s.version for n, s in metric_specs().items()},
        **{f"page_{n}": m.version for n, m in METRICS.items()},
    }


def score_item(fields: DraftFields, item: LabItem) -> dict[str, float]:
    """Harness metrics on the reader text + page metrics (mean over fields) + the flag count."""
    from pipeline.lab.eval import score_output
    from pipeline.score.base import score_draft

    text = backend_text(fields)
    pair = Pair(item.id, item.article.abstract, item.reference or "", 0)
    row = score_output(text, pair, item.article, with_reference=item.reference is not None)
    by_metric: dict[str, list[float]] = {}
    flags = 0
    for sr in score_draft(fields, item.article):
        if sr.value is not None:
            by_metric.setdefault(sr.metric, []).append(float(sr.value))
        flags += sum(1 for f in sr.flags if f.get("severity") in ("warning", "error"))
    for name, values in by_metric.items():
        row[f"page_{name}"] = sum(values) / len(values)
    row["page_flags"] = float(flags)
    return row


# ---------------------------------------------------------------------------------------------
# Running


def _facts(articles: list[Article]) -> list[Facts | Exception]:
    from pipeline.lab.eval import facts_for as eval_facts

    return eval_facts(articles)


def input_fingerprint(article: Article) -> str:
    """What a draft of ``article`` depends on besides the backend (the draft stage's rule)."""
    from pipeline.enrich.facts import EXTRACTOR_VERSION

    return fingerprint(article.content_fingerprint(), EXTRACTOR_VERSION)


def _progress(total: int, desc: str, enabled: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, disable=not enabled, leave=False, unit="item")


def run_grid(
    variants: Sequence[Variant],
    items: Sequence[LabItem] | Sequence[Pair],
    settings: Settings,
    *,
    cache: DraftCache | None = None,
    progress: bool = True,
    backends: dict[str, Backend] | None = None,
) -> pd.DataFrame:
    """Draft and score every item with every variant; cached drafts and scores are reused.

    ``backends`` maps a variant name to a ready backend (tests, or a model already loaded);
    otherwise each variant's backend is built with ``make_backend``. A failed item is a row with
    ``error`` set and NaN metrics; it is not cached, so a rerun tries it again.
    """
    if not variants:
        raise LabError("run_grid needs at least one variant.", hint="Build them with grid_variants(...).")
    names = [v.name for v in variants]
    if len(set(names)) != len(names):
        raise LabError(f"Variant names must be unique: {names}.", hint="Rename the repeated variants.")
    lab_items = [i if isinstance(i, LabItem) else items_from_pairs([i])[0] for i in items]
    cache = cache or DraftCache.for_settings(settings)
    versions = metric_versions()
    fps = [input_fingerprint(i.article) for i in lab_items]
    facts: list[Facts | Exception] | None = None  # extracted only if some variant has to draft
    records: list[dict[str, Any]] = []
    provenances: dict[str, dict[str, Any]] = {}

    for variant in variants:
        backend = (backends or {}).get(variant.name) or make_backend(
            settings, variant.backend, **variant.options
        )
        prov = backend.provenance
        provenances[variant.name] = {**asdict(prov), "variant": variant.to_dict()}
        keys = [prov.cache_key(fp) for fp in fps]
        drafts: dict[int, dict[str, Any]] = {}
        errors: dict[int, str] = {}
        for i, key in enumerate(keys):
            hit = cache.get("drafts", key)
            if hit is not None:
                drafts[i] = hit
        todo = [i for i in range(len(lab_items)) if i not in drafts]
        cached = set(drafts)
        bar = _progress(len(lab_items), variant.name, progress)
        bar.update(len(cached))
        if todo:
            if facts is None:
                facts = _facts([i.article for i in lab_items])
            batch_size = max(1, settings.draft_batch_size)
            for start in range(0, len(todo), batch_size):
                chunk = todo[start : start + batch_size]
                ready = [i for i in chunk if not isinstance(facts[i], Exception)]
                for i in chunk:
                    if isinstance(facts[i], Exception):
                        errors[i] = f"facts: {type(facts[i]).__name__}: {facts[i]}"
                results: list[Any]
                try:
                    results = list(backend.draft_batch([(lab_items[i].article, facts[i]) for i in ready]))  # type: ignore[misc]
                except Exception as exc:  # noqa: BLE001 - a crashing backend fails this batch only
                    results = [exc] * len(ready)
                for i, res in zip(ready, results, strict=True):
                    if isinstance(res, Exception):
                        errors[i] = f"{type(res).__name__}: {res}"
                        continue
                    entry = {
                        "fields": res.fields.to_dict(),
                        "warnings": list(res.warnings),
                        "duration_ms": res.duration_ms,
                        "provenance": asdict(prov),
                    }
                    cache.put("drafts", keys[i], entry)
                    drafts[i] = entry
                bar.update(len(chunk))
        bar.close()

        for i, item in enumerate(lab_items):
            row: dict[str, Any] = {
                "variant": variant.name,
                "id": item.id,
                "backend": prov.backend,
                "model_id": prov.model_id,
                "prompt_id": prov.prompt_id,
                "prompt_version": prov.prompt_version,
                "cache_key": keys[i],
                "has_reference": item.reference is not None,
                "cached": i in cached,
                "error": errors.get(i),
                "text": None,
            }
            if i in drafts:
                fields = DraftFields.from_dict(drafts[i]["fields"])
                score_key = fingerprint(keys[i], item.reference, versions, GRID_VERSION)
                scores = cache.get("scores", score_key)
                if scores is None:
                    scores = score_item(fields, item)
                    cache.put("scores", score_key, scores)
                row["text"] = backend_text(fields)
                row.update(scores)
            records.append(row)

    frame = pd.DataFrame.from_records(records)
    for col in metric_columns(frame):
        frame[col] = frame[col].astype(float)
    frame.attrs["provenance"] = provenances
    frame.attrs["variants"] = {v.name: v.to_dict() for v in variants}
    return frame


def metric_columns(frame: pd.DataFrame) -> list[str]:
    """The metric columns of a grid frame, in their order."""
    return [c for c in frame.columns if c not in ID_COLUMNS]
