"""The evaluation harness: a drafting backend and simple baselines scored on abstract/summary pairs.

``run_eval`` drafts every pair of a dataset with one backend, builds the baseline outputs
(lead-k sentences of the abstract, the abstract itself, and the human reference for the
measures that do not need a reference), scores every output with the same versioned metrics,
and aggregates them into one table per system. The report carries per-item scores, metric
versions and the provenance of the run so that two runs can be diffed and reproduced.

The package: ``metrics`` (the metric table, taken from pipeline.score's registry where the
scorer has the metric, the system outputs and one output's scores), ``report`` (the report and
its aggregation), ``printing`` (plain-text and Markdown tables) and ``run`` (drafting, scoring
and provenance).
"""

from pipeline.lab.eval.metrics import (
    ITEM_METRICS,
    LEAD_K,
    REFERENCE_METRICS,
    TABLE_COLUMNS,
    MetricSpec,
    backend_text,
    lead_k,
    metric_specs,
    rouge_scorer,
    score_output,
)
from pipeline.lab.eval.report import HARNESS_VERSION, EvalReport, aggregate
from pipeline.lab.eval.run import COPY, LEAD, REFERENCE, SIMPLE_ONLY_SUFFIX, draft_all, facts_for, run_eval

__all__ = [
    "COPY",
    "HARNESS_VERSION",
    "ITEM_METRICS",
    "LEAD",
    "LEAD_K",
    "REFERENCE",
    "REFERENCE_METRICS",
    "SIMPLE_ONLY_SUFFIX",
    "TABLE_COLUMNS",
    "EvalReport",
    "MetricSpec",
    "aggregate",
    "backend_text",
    "draft_all",
    "facts_for",
    "lead_k",
    "metric_specs",
    "rouge_scorer",
    "run_eval",
    "score_output",
]
