"""The quality gate over score rows: the one place that decides whether a draft passes.

A draft fails when any flag is an error (a contradiction of the source: a number that differs,
a flipped claim, a dropped qualifier, a swapped population, a wrong study count, a sentence
that is not in the abstract) or when a field reads above its grade limit (Flesch-Kincaid;
limits are settings). Warnings and notes never fail it. The queue and score stages and the
draft page read a stored draft's gate through :func:`draft_gate`; :func:`evaluate_gates` and
:func:`gate_state` work on score rows in memory (the lab, the benchmarks).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.score.base import FlagCounts, count_flags, row_flags, severity_of
from pipeline.store.repo import current_scores


class GateSettings(Protocol):
    """The settings the gate reads (``pipeline.settings.Settings`` has them)."""

    gate_max_fkgl: float
    gate_max_fkgl_key_findings: float
    gate_max_fkgl_research_summary: float
    gate_fail_on_errors: bool


def grade_limits(settings: GateSettings) -> dict[str, float]:
    """Field -> the highest Flesch-Kincaid grade it may read at."""
    return {
        "simple_explanation": settings.gate_max_fkgl,
        "key_findings": settings.gate_max_fkgl_key_findings,
        "research_summary": settings.gate_max_fkgl_research_summary,
    }


def grade_gate(rows: Iterable[Any], settings: GateSettings) -> list[str]:
    """Each field with a grade limit must read at or below it."""
    limits = grade_limits(settings)
    return [
        f"{r.field} reads at grade {r.value:.1f} (Flesch-Kincaid); the limit is {limits[r.field]:g}"
        for r in rows
        if r.metric == "fkgl" and r.field in limits and r.value is not None and r.value > limits[r.field]
    ]


def error_gate(rows: Iterable[Any]) -> list[str]:
    """No flag may be an error; one reason per field and check, naming the words concerned."""
    out = []
    for r in rows:
        errors = [f for f in (r.flags or []) if severity_of(f) == "error"]
        if not errors:
            continue
        shown = " | ".join(dict.fromkeys(str(f.get("draft_text") or f.get("reason", "")) for f in errors))
        reason = str(errors[0].get("reason", "")).split(":")[0]
        out.append(f"{r.field}: {r.metric} ({reason}): {shown}")
    return out


def evaluate_gates(rows: Iterable[Any], settings: GateSettings) -> list[str]:
    """Reasons the draft fails the gate; empty when it passes. ``rows`` are ScoreRows or stored
    Score rows of one draft (current versions only)."""
    rows = list(rows)
    failed = grade_gate(rows, settings)
    if settings.gate_fail_on_errors:
        failed += error_gate(rows)
    return failed


def gate_state(rows: Iterable[Any], settings: GateSettings) -> tuple[list[str], FlagCounts]:
    """The gate's reasons and the flag counts of a draft's score rows, computed together."""
    rows = list(rows)
    return evaluate_gates(rows, settings), count_flags(row_flags(rows))


@dataclass(frozen=True)
class Gate:
    """A draft's gate: why it fails (empty: it passes) and its flag counts."""

    reasons: list[str]
    counts: FlagCounts

    @property
    def failed(self) -> bool:
        return bool(self.reasons)


def draft_gate(scores: Iterable[Any], settings: GateSettings) -> Gate:
    """The gate of one stored draft from all its Score rows: only the newest row per field and
    metric counts (``repo.current_scores``), the marker row never does."""
    reasons, counts = gate_state(current_scores(scores), settings)
    return Gate(reasons, counts)
