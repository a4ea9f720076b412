"""The built-in gates: grade limits per field, and no error flag. Importing this module
registers each of them in ``pipeline.score.gates.GATES`` (which imports it when first read); a
gate in a module of its own is registered by adding that module to the import at the end."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.score.base import severity_of
from pipeline.score.gates import GRADE_GATE, GateSettings, gate


def grade_limits(settings: GateSettings) -> dict[str, float]:
    """Field -> the highest Flesch-Kincaid grade it may read at."""
    return {
        "simple_explanation": settings.gate_max_fkgl,
        "key_findings": settings.gate_max_fkgl_key_findings,
        "research_summary": settings.gate_max_fkgl_research_summary,
    }


def grades_over(rows: Iterable[Any], settings: GateSettings) -> list[tuple[str, float, float]]:
    """(field, Flesch-Kincaid grade, limit) of each field that reads above its grade limit: what
    the grade gate fails, apart from the errors (round 27, issue 16 item 2: a draft only over a
    grade limit is told from one with errors in the queue and on the draft page)."""
    limits = grade_limits(settings)
    return [
        (r.field, float(r.value), limits[r.field])
        for r in rows
        if r.metric == "fkgl" and r.field in limits and r.value is not None and r.value > limits[r.field]
    ]


def grade_reasons(over: Iterable[tuple[str, float, float]]) -> list[str]:
    """The grade gate's reasons for the fields :func:`grades_over` found above their limit."""
    return [
        f"{field_words(name)} reads at grade {value:.1f} (Flesch-Kincaid); the limit is {limit:g}"
        for name, value, limit in over
    ]


def field_words(field: str) -> str:
    """A field's name as an editor reads it: "key_findings" -> "Key findings" (28, h28flags's check in
    Chromium: the draft page's gate reasons said "key_findings: numbers (Check the number 38): 38")."""
    return field.replace("_", " ").capitalize()


@gate(GRADE_GATE)
def grade_gate(rows: Iterable[Any], settings: GateSettings) -> list[str]:
    """Each field with a grade limit must read at or below it."""
    return grade_reasons(grades_over(rows, settings))


def error_gate(rows: Iterable[Any]) -> list[str]:
    """No flag may be an error; one reason per field and check, naming the words concerned."""
    out = []
    for r in rows:
        errors = [f for f in (r.flags or []) if severity_of(f) == "error"]
        if not errors:
            continue
        shown = " | ".join(dict.fromkeys(str(f.get("draft_text") or f.get("reason", "")) for f in errors))
        reason = str(errors[0].get("reason", "")).split(":")[0]
        out.append(f"{field_words(r.field)}: {reason}: “{shown}” ({r.metric.replace('_', ' ')} check)")
    return out


@gate("errors")
def errors_gate(rows: list[Any], settings: GateSettings) -> list[str]:
    """The error gate, unless ``gate_fail_on_errors`` is off."""
    return error_gate(rows) if settings.gate_fail_on_errors else []
