"""Publication gates over score rows: which checks a draft must pass (thresholds are settings)."""

from __future__ import annotations

from typing import Protocol

from pipeline.score.base import ScoreRow


class GateSettings(Protocol):
    """The settings the gates read (``pipeline.settings.Settings`` has them)."""

    gate_max_fkgl: float
    gate_no_unsupported_numbers: bool
    gate_no_negation_flip: bool


def _error_texts(row: ScoreRow) -> list[str]:
    """The draft text of each error flag of a row."""
    return [str(f.get("draft_text", "")) for f in row.flags if f.get("severity") == "error"]


def fkgl_gate(rows: list[ScoreRow], max_fkgl: float) -> list[str]:
    """The simple explanation must read at or below ``max_fkgl``."""
    return [
        f"simple_explanation reads at grade {r.value:.1f} (Flesch-Kincaid); the limit is {max_fkgl:g}"
        for r in rows
        if r.field == "simple_explanation"
        and r.metric == "fkgl"
        and r.value is not None
        and r.value > max_fkgl
    ]


def numbers_gate(rows: list[ScoreRow]) -> list[str]:
    """Every number in every field must be in the source."""
    out = []
    for r in rows:
        if r.metric != "number_faithfulness":
            continue
        missing = _error_texts(r)
        if missing or (r.value is not None and r.value < 1.0):
            shown = ", ".join(missing) or "see flags"
            out.append(f"{r.field} has numbers not in the source: {shown}")
    return out


def negation_gate(rows: list[ScoreRow]) -> list[str]:
    """No sentence may flip a negation of the abstract."""
    return [
        f"{r.field} flips a negation of the abstract: " + " | ".join(_error_texts(r))
        for r in rows
        if r.metric == "negation_flip" and ((r.value or 0) > 0 or _error_texts(r))
    ]


def evaluate_gates(rows: list[ScoreRow], settings: GateSettings) -> list[str]:
    """Reasons the draft fails the gates that ``settings`` turn on; empty when it passes."""
    failed = fkgl_gate(rows, settings.gate_max_fkgl)
    if settings.gate_no_unsupported_numbers:
        failed += numbers_gate(rows)
    if settings.gate_no_negation_flip:
        failed += negation_gate(rows)
    return failed
