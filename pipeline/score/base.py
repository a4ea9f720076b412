"""Metric registry: name, version, direction and fields; each metric is a small function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.domain import Article, DraftFields
from pipeline.registry import Registry

# The one severity model of flags, most serious first. An error is a contradiction of the
# source (a changed number, a flipped claim) and fails the quality gate; a warning is something
# an editor should look at; a note is information. Flags stored before notes had their name
# say "info": :func:`severity_of` reads that as a note.
SEVERITIES = ("error", "warning", "note")
_LEGACY_SEVERITY = {"info": "note"}

# Where the editor guide explains each flag (docs/editor-guide.md, "## Flags", one heading per
# flag with the anchor ``flag-<name>``).
EDITOR_GUIDE = "docs/editor-guide.md"


def severity_of(flag: Any) -> str:
    """The severity of a flag (a Flag or its stored dict); unknown values count as warnings."""
    raw = flag.get("severity") if isinstance(flag, dict) else getattr(flag, "severity", None)
    value = str(raw or "").lower()
    value = _LEGACY_SEVERITY.get(value, value)
    return value if value in SEVERITIES else "warning"


@dataclass(frozen=True)
class FlagCounts:
    """How many flags of each severity: the one count the queue, the draft page and the gate use."""

    errors: int = 0
    warnings: int = 0
    notes: int = 0

    @property
    def serious(self) -> int:
        """Errors and warnings: what an editor must look at (the queue's flag count)."""
        return self.errors + self.warnings

    @property
    def severity_weight(self) -> float:
        """How much the flags weigh in the queue order: an error 3, a warning 1, a note 0."""
        return float(3 * self.errors + self.warnings)

    def label(self) -> str:
        """ "0 warnings · 25 notes"; errors lead when there are any ("1 error · 2 warnings · 3 notes")."""
        parts = [(self.warnings, "warning"), (self.notes, "note")]
        if self.errors:
            parts.insert(0, (self.errors, "error"))
        return " · ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)


def count_flags(flags: Iterable[Any]) -> FlagCounts:
    """Count flags (Flag objects or stored dicts) by severity."""
    seen = Counter(severity_of(f) for f in flags)
    return FlagCounts(seen["error"], seen["warning"], seen["note"])


def row_flags(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Every flag dict of score rows (ScoreRow or stored Score, whose ``flags`` may be None)."""
    return [f for r in rows for f in (r.flags or [])]


def flag_help_url(name: str, base: str = "") -> str:
    """Link to the editor guide's entry for the flag of metric ``name`` ("number_faithfulness",
    "length_simple_explanation"): ``{base}docs/editor-guide.md#flag-<name>``; the length limits
    of all fields share one entry, ``flag-length``."""
    slug = "length" if name.startswith("length_") else name
    return f"{base}{EDITOR_GUIDE}#flag-{slug}"


@dataclass
class Flag:
    """Something an editor should look at: reason, severity, and spans in draft and source."""

    metric: str
    reason: str
    severity: str = "warning"  # error | warning | note (SEVERITIES)
    draft_span: tuple[int, int] | None = None
    draft_text: str | None = None
    source_span: dict[str, Any] | None = None  # {"section": i, "start": s, "end": e, "text": t}

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class MetricResult:
    value: float | None
    flags: list[Flag] = field(default_factory=list)
    # What the metric worked out beside its value that a reader shows (stored with the score
    # row, JSON): the sentence-support alignment. None: nothing to keep.
    details: dict[str, Any] | None = None


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
    details: dict[str, Any] | None = None


METRICS: Registry[Metric] = Registry("metric", "pipeline.score.metrics")


def metric(
    name: str, version: str, *, higher_is_better: bool, fields: tuple[str, ...], description: str = ""
) -> Callable[[Callable[[str, Article], MetricResult]], Callable[[str, Article], MetricResult]]:
    """Register ``fn(text, article) -> MetricResult`` as a metric."""

    def deco(fn: Callable[[str, Article], MetricResult]) -> Callable[[str, Article], MetricResult]:
        METRICS.register(name)(
            Metric(name, version, higher_is_better, fields, fn, description or (fn.__doc__ or "").strip())
        )
        return fn

    return deco


def score_draft(fields: DraftFields, article: Article, names: list[str] | None = None) -> list[ScoreRow]:
    """Every registered metric on every field it applies to."""
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
            flags = [f.to_dict() for f in res.flags]
            rows.append(ScoreRow(fname, m.name, m.version, res.value, flags, res.details))
    return rows
