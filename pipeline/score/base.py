"""Metric registry: name, version, direction and fields; each metric is a small function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.domain import Article, DraftFields


@dataclass
class Flag:
    """Something an editor should look at: reason, severity, and spans in draft and source."""

    metric: str
    reason: str
    severity: str = "warning"  # info | warning | error
    draft_span: tuple[int, int] | None = None
    draft_text: str | None = None
    source_span: dict[str, Any] | None = None  # {"section": i, "start": s, "end": e, "text": t}

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class MetricResult:
    value: float | None
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True)
class Metric:
    name: str
    version: str
    higher_is_better: bool
    fields: tuple[str, ...]  # draft fields it applies to
    fn: Callable[[str, Article], MetricResult]
    description: str = ""


@dataclass
class ScoreRow:
    field: str
    metric: str
    metric_version: str
    value: float | None
    flags: list[dict[str, Any]]


METRICS: dict[str, Metric] = {}


def metric(
    name: str, version: str, *, higher_is_better: bool, fields: tuple[str, ...], description: str = ""
) -> Callable[[Callable[[str, Article], MetricResult]], Callable[[str, Article], MetricResult]]:
    """Register ``fn(text, article) -> MetricResult`` as a metric."""

    def deco(fn: Callable[[str, Article], MetricResult]) -> Callable[[str, Article], MetricResult]:
        METRICS[name] = Metric(
            name, version, higher_is_better, fields, fn, description or (fn.__doc__ or "").strip()
        )
        return fn

    return deco


def score_draft(fields: DraftFields, article: Article, names: list[str] | None = None) -> list[ScoreRow]:
    """Every registered metric on every field it applies to."""
    import pipeline.score.metrics  # noqa: F401 - registers the built-in metrics

    texts = fields.field_texts()
    rows: list[ScoreRow] = []
    for m in METRICS.values():
        if names is not None and m.name not in names:
            continue
        for fname in m.fields:
            text = texts.get(fname, "")
            if not text.strip():
                continue
            res = m.fn(text, article)
            rows.append(ScoreRow(fname, m.name, m.version, res.value, [f.to_dict() for f in res.flags]))
    return rows
