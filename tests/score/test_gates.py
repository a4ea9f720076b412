"""The quality gate: any error flag fails it, so do per-field grade limits; warnings and notes
never do. Flag counts: one severity model and one count."""

from __future__ import annotations

from pipeline.score.base import ScoreRow, count_flags, flag_help_url, row_flags, severity_of
from pipeline.score.gates import evaluate_gates, gate_state
from pipeline.settings import Settings


def _flag(metric: str, severity: str, text: str = "x") -> dict[str, str]:
    return {"metric": metric, "reason": f"{metric} reason: detail", "severity": severity, "draft_text": text}


def _rows(fkgl: float = 7.5, kf_fkgl: float = 9.0, rs_fkgl: float = 11.0, errors: int = 0) -> list[ScoreRow]:
    notes = [_flag("jargon_rate", "note", "placebo")] * 25
    return [
        ScoreRow("simple_explanation", "fkgl", "1", fkgl, []),
        ScoreRow("key_findings", "fkgl", "1", kf_fkgl, []),
        ScoreRow("research_summary", "fkgl", "1", rs_fkgl, []),
        ScoreRow("limitations", "fkgl", "1", 18.0, []),  # no grade limit for limitations
        ScoreRow("simple_explanation", "jargon_rate", "3", 0.1, notes),
        ScoreRow("key_findings", "term_support", "2", 0.9, [_flag("term_support", "warning", "insulin")]),
        ScoreRow(
            "key_findings",
            "number_faithfulness",
            "2",
            0.5,
            [_flag("number_faithfulness", "error", "27%")] * errors,
        ),
    ]


def test_warnings_and_notes_do_not_fail_the_gate() -> None:
    assert evaluate_gates(_rows(), Settings()) == []


def test_an_error_fails_the_gate_and_names_the_words() -> None:
    assert evaluate_gates(_rows(errors=2), Settings()) == [
        "Key findings: number_faithfulness reason: “27%” (number faithfulness check)"
    ]


def test_each_field_has_its_grade_limit() -> None:
    reasons = evaluate_gates(_rows(fkgl=9.26, kf_fkgl=10.4, rs_fkgl=12.5), Settings())
    assert reasons == [
        "Simple explanation reads at grade 9.3 (Flesch-Kincaid); the limit is 8",
        "Key findings reads at grade 10.4 (Flesch-Kincaid); the limit is 10",
        "Research summary reads at grade 12.5 (Flesch-Kincaid); the limit is 12",
    ]


def test_gate_follows_settings() -> None:
    settings = Settings(
        gate_max_fkgl=10.0,
        gate_max_fkgl_key_findings=11.0,
        gate_max_fkgl_research_summary=13.0,
        gate_fail_on_errors=False,
    )
    assert evaluate_gates(_rows(fkgl=9.26, kf_fkgl=10.4, rs_fkgl=12.5, errors=1), settings) == []


def test_one_count_for_every_view() -> None:
    failed, counts = gate_state(_rows(), Settings())
    assert failed == []
    assert (counts.errors, counts.warnings, counts.notes, counts.serious) == (0, 1, 25, 1)
    assert counts.label() == "1 warning · 25 notes"
    assert count_flags(row_flags(_rows(errors=1))).label() == "1 error · 1 warning · 25 notes"
    assert count_flags([]).label() == "0 warnings · 0 notes"


def test_stored_info_flags_are_notes() -> None:
    assert [severity_of({"severity": s}) for s in ("info", "note", "ERROR", None, "bogus")] == [
        "note",
        "note",
        "error",
        "warning",
        "warning",
    ]


def test_flag_help_url_points_at_the_editor_guide_entry() -> None:
    assert flag_help_url("negation_flip") == "docs/editor-guide.md#flag-negation_flip"
    assert flag_help_url("length_key_findings", "/help/") == "/help/docs/editor-guide.md#flag-length"


# --- the gate on real summaries: a clean one passes, each injected error fails it ---

CYSTIC_FIBROSIS = "10.1002/14651858.CD002007.pub4"  # human summary reads at grade < 12, no errors
ASTHMA_PLANS = "10.1002/14651858.CD005306.pub2"  # children only
CALCIUM = "10.1002/14651858.CD011192.pub3"  # one trial


def _gate(pair_id: str, text: str, settings: Settings | None = None) -> list[str]:
    from pipeline.domain import DraftFields
    from pipeline.lab.datasets import Pair, pair_to_article
    from pipeline.score.base import score_draft
    from tests.score.conftest import load_pairs

    raw = next(p for p in load_pairs() if p["id"] == pair_id)
    article = pair_to_article(Pair(raw["id"], raw["abstract"], raw["plain_summary"], 0))
    fields = DraftFields("", [], text, [], [])
    return evaluate_gates(score_draft(fields, article), settings or Settings())


def _summary(pair_id: str) -> str:
    from tests.score.conftest import load_pairs

    return next(p["plain_summary"] for p in load_pairs() if p["id"] == pair_id)


def test_a_clean_human_summary_passes_the_gate() -> None:
    assert _gate(CYSTIC_FIBROSIS, _summary(CYSTIC_FIBROSIS)) == []


def test_each_injected_error_fails_the_gate() -> None:
    clean = _summary(CYSTIC_FIBROSIS)
    changed_number = clean.replace("356 people", "536 people")
    assert _gate(CYSTIC_FIBROSIS, changed_number) == [
        "Research summary: number differs from the abstract: “536” (number faithfulness check)"
    ]
    from tests.score.conftest import abstract

    copied = next(s for s in abstract(CYSTIC_FIBROSIS).split(". ") if "did not demonstrate" in s) + "."
    assert _gate(CYSTIC_FIBROSIS, clean + " " + copied) == []
    flipped = clean + " " + copied.replace("did not demonstrate", "did demonstrate")
    reasons = _gate(CYSTIC_FIBROSIS, flipped)
    assert len(reasons) == 1
    assert reasons[0].startswith("Research summary: ") and reasons[0].endswith("(negation flip check)")
    # these two summaries read above the research summary's grade limit: lift it to see the errors
    loose = Settings(gate_max_fkgl_research_summary=99.0)
    asthma = _summary(ASTHMA_PLANS)
    assert _gate(ASTHMA_PLANS, asthma, loose) == []
    assert _gate(ASTHMA_PLANS, asthma.replace("355 children", "355 adults"), loose) == [
        "Research summary: population swapped: “adults” (population match check)"
    ]
    assert _gate(ASTHMA_PLANS, asthma.replace("Four clinical trials", "Nine clinical trials"), loose) == [
        "Research summary: wrong count of studies: “Nine” (study claims check)"
    ]
    calcium = _summary(CALCIUM)
    assert _gate(CALCIUM, calcium, loose) == []
    pooled = calcium.replace(
        "found one relevant clinical trial", "found one relevant trial and pooled its data"
    )
    assert _gate(CALCIUM, pooled, loose) == [
        "Research summary: pooled results claimed: “pooled” (study claims check)"
    ]


def test_the_research_summary_grade_limit_applies_to_human_summaries_too() -> None:
    assert _gate(ASTHMA_PLANS, _summary(ASTHMA_PLANS)) == [
        "Research summary reads at grade 13.7 (Flesch-Kincaid); the limit is 12"
    ]


def test_every_flagging_check_has_its_entry_in_the_editor_guide() -> None:
    """flag_help_url(name) must land on an anchor of docs/editor-guide.md for each check that
    raises flags (the readability values raise none: their limits are the gate's)."""
    from pathlib import Path

    import pipeline.score.metrics  # noqa: F401 - registers the metrics
    from pipeline.score.base import EDITOR_GUIDE, METRICS

    guide = (Path(__file__).resolve().parents[2] / EDITOR_GUIDE).read_text(encoding="utf-8")
    readability = {"fkgl", "dale_chall", "coleman_liau", "smog", "mean_sentence_words", "polysyllable_share"}
    for name in set(METRICS) - readability:
        anchor = flag_help_url(name).split("#", 1)[1]
        assert f'<a id="{anchor}"></a>' in guide, name


def test_a_stored_drafts_gate_counts_only_its_newest_rows() -> None:
    """draft_gate (the queue stage's and the draft page's gate) reads stored rows: a metric's
    older version and the score stage's marker row do not count."""
    from pipeline.score.gates import draft_gate
    from pipeline.store import models

    def row(
        id_: int, field: str, metric: str, version: str, value: float | None, flags: list
    ) -> models.Score:  # type: ignore[type-arg]
        return models.Score(
            id=id_, field=field, metric=metric, metric_version=version, value=value, flags=flags
        )

    old_error = [_flag("number_faithfulness", "error", "27%")]
    stored = [
        row(1, "key_findings", "number_faithfulness", "1", 0.5, old_error),  # fixed by version 2
        row(2, "key_findings", "number_faithfulness", "2", 1.0, []),
        row(3, "simple_explanation", "fkgl", "1", 9.5, []),  # over the limit of 8
        row(4, "*", "scored", "abc", None, []),
    ]
    gate = draft_gate(stored, Settings())
    assert gate.failed and gate.reasons == [
        "Simple explanation reads at grade 9.5 (Flesch-Kincaid); the limit is 8"
    ]
    assert gate.counts.serious == 0
    assert not draft_gate(stored[:2], Settings()).failed


def test_sentence_support_stores_the_alignment_the_page_shows() -> None:
    """The metric keeps each sentence's best abstract sentence (Score.details), so the draft page
    does not align again on every view."""
    from pipeline.domain import DraftFields
    from pipeline.score.base import score_draft
    from pipeline.score.faithfulness import support_alignment
    from tests.score.conftest import abstract, make_article

    article = make_article(abstract(CYSTIC_FIBROSIS), label="Background")
    text = "This review looked at cystic fibrosis. Small sample size."
    rows = score_draft(DraftFields(text, [], "", [], []), article, names=["sentence_support", "fkgl"])
    support = next(r for r in rows if r.metric == "sentence_support")
    assert support.details == {"alignment": support_alignment(text, article)}
    first, second = support.details["alignment"]
    assert first["text"] == "This review looked at cystic fibrosis." and first["fact"] is None
    assert first["source"]["section"] == 0 and first["source"]["text"] in abstract(CYSTIC_FIBROSIS)
    assert 0 < first["score"] <= 1 and second["text"] == "Small sample size."
    assert all(r.details is None for r in rows if r.metric != "sentence_support")
