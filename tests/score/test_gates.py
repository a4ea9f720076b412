"""Gates: FKGL limit, no unsupported numbers, no negation flip; each switchable in settings."""

from __future__ import annotations

from pipeline.score.base import ScoreRow
from pipeline.score.gates import evaluate_gates
from pipeline.settings import Settings


def _rows(fkgl: float, number_errors: list[str], flips: int) -> list[ScoreRow]:
    num_flags = [
        {"metric": "number_faithfulness", "reason": "x", "severity": "error", "draft_text": t}
        for t in number_errors
    ]
    flip_flags = [
        {"metric": "negation_flip", "reason": "x", "severity": "error", "draft_text": "Pain improved."}
    ] * flips
    return [
        ScoreRow("simple_explanation", "fkgl", "1", fkgl, []),
        ScoreRow("research_summary", "fkgl", "1", 14.0, []),  # only the simple explanation is gated
        ScoreRow("key_findings", "number_faithfulness", "1", 1.0 if not number_errors else 0.5, num_flags),
        ScoreRow("key_findings", "negation_flip", "1", float(flips), flip_flags),
    ]


def test_clean_rows_pass() -> None:
    assert evaluate_gates(_rows(7.5, [], 0), Settings()) == []


def test_each_failure_has_a_reason() -> None:
    reasons = evaluate_gates(_rows(9.26, ["27%"], 1), Settings())
    assert reasons == [
        "simple_explanation reads at grade 9.3 (Flesch-Kincaid); the limit is 8",
        "key_findings has numbers not in the source: 27%",
        "key_findings flips a negation of the abstract: Pain improved.",
    ]


def test_gates_follow_settings() -> None:
    settings = Settings(gate_max_fkgl=10.0, gate_no_unsupported_numbers=False, gate_no_negation_flip=False)
    assert evaluate_gates(_rows(9.26, ["27%"], 1), settings) == []
