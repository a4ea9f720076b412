"""The harness's metrics: their table (versions, directions), the system outputs and one output's scores."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from typing import Any

from pipeline.domain import Article, DraftFields
from pipeline.lab.datasets import Pair
from pipeline.lab.sari import SARI_DESCRIPTION, SARI_VERSION, sari_parts
from pipeline.score.base import METRICS, Metric
from pipeline.text.readability import sentence_spans, word_count

LEAD_K = 3


# Metrics that compare an output with the reference; they are not computed for the reference.
REFERENCE_METRICS = ("rouge1", "rouge2", "rougeL", "sari", "sari_keep", "sari_delete", "sari_add")
# The project's own metrics (pipeline.score's registry) that the harness reports as they are.
REGISTRY_METRICS = ("fkgl", "dale_chall", "coleman_liau", "number_faithfulness")


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


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _registry() -> dict[str, Metric]:
    """The registered metrics the harness takes as they are (version, direction, function); the
    registry imports its built-in metrics on first read."""
    return {name: METRICS[name] for name in REGISTRY_METRICS}


def metric_specs() -> dict[str, MetricSpec]:
    """Every metric the harness reports, with the version under which its values are comparable.

    Readability and number faithfulness are the scorer's registered metrics: their versions,
    directions and descriptions come from the registry, so that the harness and the stored
    scores can never disagree about what a value means.
    """
    rouge = f"rouge-score {package_version('rouge-score')}, use_stemmer=True, F-measure x 100"
    textstat = f"pipeline.score.readability (textstat {package_version('textstat')} rules)"
    registered = {
        name: MetricSpec(name, m.version, m.higher_is_better, m.description, m.fn.__module__)
        for name, m in _registry().items()
    }
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
        **registered,
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
    spans = sentence_spans(text)
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
def rouge_scorer() -> Any:
    from rouge_score.rouge_scorer import RougeScorer

    return RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def score_output(output: str, pair: Pair, article: Article, with_reference: bool = True) -> dict[str, float]:
    """Every item metric of one output; reference-based ones are NaN when ``with_reference`` is off."""
    words = float(word_count(output))
    abstract_words = word_count(pair.abstract)
    row: dict[str, float] = {}
    for name, m in _registry().items():
        value = m.fn(output, article).value
        row[name] = math.nan if value is None else float(value)
    row["compression"] = words / abstract_words if abstract_words else math.nan
    row["words"] = words
    if with_reference and output.strip():
        rouge = rouge_scorer().score(pair.plain_summary, output)
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
