"""The quality gate over score rows: the one place that decides whether a draft passes, and the
gate state and queue priority of the review items that show a draft.

A gate is a function ``(rows, settings) -> reasons`` registered in :data:`GATES` with the
:func:`gate` decorator; a draft fails when any registered gate gives a reason. The built-in
gates (``pipeline/score/builtin_gates.py``, imported the first time the registry is read) fail a
draft when any flag is an error (a contradiction of the source: a number that differs, a flipped
claim, a dropped qualifier, a swapped population, a wrong study count, a sentence that is not in
the abstract) or when a field reads above its grade limit (Flesch-Kincaid; limits are
settings). Warnings and notes never fail it.

The queue and score stages and the draft page read a stored draft's gate through
:func:`draft_gate`; :func:`evaluate_gates` and :func:`gate_state` work on score rows in memory
(the lab, the benchmarks). :func:`item_gate_state` and :func:`refresh_gates` write an item's
derived columns (gate failed, flag count, priority, error count); the queue stage and the score
stage both call them, so neither stage imports the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pipeline.registry import Registry
from pipeline.score.base import FlagCounts, count_flags, row_flags
from pipeline.store.queries.items import gate_rows, set_gate_columns
from pipeline.store.queries.scores import draft_scores, scores_of_drafts
from pipeline.store.repo import current_scores


class GateSettings(Protocol):
    """The settings the built-in gates read (``pipeline.settings.Settings`` has them)."""

    gate_max_fkgl: float
    gate_max_fkgl_key_findings: float
    gate_max_fkgl_research_summary: float
    gate_fail_on_errors: bool


# rows (ScoreRows or stored Score rows of one draft, current versions only), settings -> reasons
GateCheck = Callable[[list[Any], Any], list[str]]
GATES: Registry[GateCheck] = Registry("gate", "pipeline.score.builtin_gates")
# The built-in gate of grade limits. Its reasons are "over a grade limit"; every other gate's are
# errors (a contradiction of the abstract, or a rule a site added): an editor acts on the two
# differently, so the queue and the draft page show them apart (round 27, issue 16 item 2).
GRADE_GATE = "grade"


def gate(name: str) -> Callable[[GateCheck], GateCheck]:
    """Register a gate under ``name``; gates run in registration order."""
    return GATES.register(name)


def evaluate_gates(rows: Iterable[Any], settings: GateSettings) -> list[str]:
    """Reasons the draft fails the gate; empty when it passes. ``rows`` are ScoreRows or stored
    Score rows of one draft (current versions only)."""
    return [reason for reasons in gate_parts(rows, settings).values() for reason in reasons]


def gate_parts(
    rows: Iterable[Any], settings: GateSettings, grades: list[str] | None = None
) -> dict[str, list[str]]:
    """Each registered gate's reasons (empty where it passes), by the gate's name, in
    registration order. ``grades``: the grade gate's reasons when the caller has them already
    (:func:`gate_of_rows` reads the fields over their limit once, for both)."""
    rows = list(rows)
    return {
        name: grades if name == GRADE_GATE and grades is not None else check(rows, settings)
        for name, check in GATES.items()
    }


def gate_state(rows: Iterable[Any], settings: GateSettings) -> tuple[list[str], FlagCounts]:
    """The gate's reasons and the flag counts of a draft's score rows, computed together."""
    rows = list(rows)
    return evaluate_gates(rows, settings), count_flags(row_flags(rows))


@dataclass(frozen=True)
class Gate:
    """A draft's gate: why it fails (empty: it passes) and its flag counts; the reasons apart as
    errors (every gate but the grade limits) and the fields over their grade limit."""

    reasons: list[str]
    counts: FlagCounts
    errors: list[str] = field(default_factory=list)
    over_grade: list[tuple[str, float, float]] = field(default_factory=list)  # field, grade, limit

    @property
    def failed(self) -> bool:
        return bool(self.reasons)

    def summary(self) -> str:
        """ "errors: 0 · over grade limit: key findings 13.2 > 10" ("none" when no field is)."""
        over = ", ".join(
            f"{name.replace('_', ' ')} {value:.1f} > {limit:g}" for name, value, limit in self.over_grade
        )
        return f"errors: {len(self.errors)} · over grade limit: {over or 'none'}"


def gate_of_rows(rows: Iterable[Any], settings: GateSettings) -> Gate:
    """The gate of one draft's current score rows (ScoreRows or stored Score rows), its reasons
    told apart: errors first, then the fields over their grade limit."""
    from pipeline.score.builtin_gates import grade_gate, grade_reasons, grades_over

    rows = list(rows)
    # The fields over their grade limit are read once, for the grade gate's reasons and the
    # page's "over grade limit" list (they were read twice, round 28, issue 16 item 2); only
    # while the registered grade gate is the built-in one, whose reasons they are.
    built_in = GATES.get(GRADE_GATE, None) is grade_gate
    over = grades_over(rows, settings) if built_in else None
    parts = gate_parts(rows, settings, grade_reasons(over) if over is not None else None)
    errors = [reason for name, reasons in parts.items() if name != GRADE_GATE for reason in reasons]
    grades = parts.get(GRADE_GATE, [])
    if over is None:
        over = grades_over(rows, settings) if grades else []
    return Gate(errors + grades, count_flags(row_flags(rows)), errors, over if grades else [])


def draft_gate(scores: Iterable[Any], settings: GateSettings) -> Gate:
    """The gate of one stored draft from all its Score rows: only the newest row per field and
    metric counts (``repo.current_scores``), the marker row never does."""
    return gate_of_rows(current_scores(scores), settings)


def priority(relevance: float, severity: float) -> float:
    """Queue order: relevance to the site's field first, then how much the flags weigh."""
    return relevance * 10 + severity * 0.1


def item_gate_state(session: Any, draft_id: int, settings: GateSettings) -> tuple[bool, int, float, int]:
    """Gate failed, flag count (errors and warnings), severity weight and error count of a stored
    draft: the derived columns of a review item that shows it (:func:`item_columns`)."""
    return item_columns(draft_gate(draft_scores(session, draft_id), settings))


def item_gate_states(
    session: Any, draft_ids: Iterable[int], settings: GateSettings
) -> dict[int, tuple[bool, int, float, int]]:
    """:func:`item_gate_state` of each draft, their score rows read in one query (the queue stage
    and the gate refresh of a scored batch: one query per draft was their time)."""
    return {d: item_columns(g) for d, g in item_gates(session, draft_ids, settings).items()}


def item_gates(session: Any, draft_ids: Iterable[int], settings: GateSettings) -> dict[int, Gate]:
    """The gate of each draft, their score rows read in one query."""
    return {
        draft_id: draft_gate(rows, settings)
        for draft_id, rows in scores_of_drafts(session, draft_ids).items()
    }


def item_columns(found: Gate) -> tuple[bool, int, float, int]:
    """A review item's derived gate columns from its draft's gate: gate failed, flag count,
    severity weight (for the priority) and how many of the reasons are errors (``gate_errors``)."""
    return found.failed, found.counts.serious, found.counts.severity_weight, len(found.errors)


def refresh_gates(session: Any, draft_ids: list[int], settings: GateSettings) -> int:
    """Items showing one of these drafts get their gate, flag count and priority again.

    Called after a rescoring (a metric's new version can pass or fail a gate the old one did
    not). These are derived columns, so the update leaves ``row_version`` alone: an editor with
    the item open is not told that someone else changed it. Returns how many items changed.
    """
    if not draft_ids:
        return 0
    changed = 0
    shown = gate_rows(session, draft_ids)
    gates = item_gates(session, (draft_id for _, draft_id, *_ in shown), settings)
    for item_id, draft_id, gate_failed, flag_count, gate_errors, relevance in shown:
        failed, nflags, severity, errors = item_columns(gates[draft_id])
        if (failed, nflags, errors) == (gate_failed, flag_count, gate_errors):
            continue
        set_gate_columns(
            session,
            item_id,
            failed=failed,
            flag_count=nflags,
            priority=priority(relevance or 0.0, severity),
            errors=errors,
        )
        changed += 1
    return changed
