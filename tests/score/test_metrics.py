"""The registry holds every built-in metric with its version, and scores a whole draft."""

from __future__ import annotations

from pipeline.domain import DraftFields, PracticalPoint
from pipeline.score.base import METRICS, score_draft
from tests.score.conftest import INTERFERON, abstract, make_article

EXPECTED = {
    "fkgl", "dale_chall", "coleman_liau", "smog", "mean_sentence_words", "polysyllable_share",
    "jargon_rate", "number_faithfulness", "negation_flip", "sentence_support", "hedge_kept",
    "term_support", "length_simple_explanation", "length_key_findings", "length_research_summary",
    "length_practical_implications", "length_limitations",
}  # fmt: skip


def test_builtin_metrics_are_registered_with_versions() -> None:
    import pipeline.score.metrics  # noqa: F401

    assert EXPECTED <= set(METRICS)
    for name in EXPECTED:
        m = METRICS[name]
        assert m.version and m.fields and m.description
    assert METRICS["fkgl"].higher_is_better is False
    assert METRICS["number_faithfulness"].higher_is_better is True
    assert METRICS["length_key_findings"].fields == ("key_findings",)


def test_score_draft_on_a_real_abstract() -> None:
    art = make_article(abstract(INTERFERON))
    fields = DraftFields(
        simple_explanation="Fifty-four trials enrolling 6545 patients were included.",
        key_findings=["The rate of virologic SR was 27% in interferon-treated patients."],
        research_summary="Liver biochemistry responses were alike.",
        practical_implications=[PracticalPoint("Dose", "Higher doses are more effective.")],
        limitations=["Adverse events were more common with higher doses"],
    )
    rows = score_draft(fields, art)
    by_key = {(r.field, r.metric): r for r in rows}
    assert by_key[("simple_explanation", "number_faithfulness")].value == 1.0
    bad = by_key[("key_findings", "number_faithfulness")]
    assert bad.value == 0.0
    assert bad.flags[0]["reason"] == "number differs from the abstract: 27% (the abstract says 17% here)"
    assert all(r.metric_version == METRICS[r.metric].version for r in rows)
    assert ("limitations", "hedge_kept") not in by_key
