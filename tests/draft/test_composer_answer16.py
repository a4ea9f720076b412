"""Round 16 (h16main): the main answer when it is a recommendation gap ("insufficient evidence to
recommend ..."), a very-low-certainty improvement framed as the evidence for it, or the authors' first
conclusion read as a result; cochrane_val mine-half look-alikes of the pages the composer-15 blind read
(eval half, seed 157) found without their main result."""

from __future__ import annotations

from pipeline.domain import DraftFields
from pipeline.draft.composer.plan import _GAP, _NO_VERDICT, _PART_LEAD, certainties
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])


def test_a_recommendation_gap_is_the_reviews_answer() -> None:
    """CD007752: "Given that this review is based on four trials of moderate risk of bias, with only two
    trials contributing data (n = 284), there is insufficient evidence to recommend the use of one
    intervention ... over another, ..." is the answer; the composer said one trial's levothyroxine result
    ("... for the result of pre-eclampsia, however a reduction in premature birth.", cut mid-clause). The
    lead-in's basis is left to the certainty step."""
    (page,) = _cochrane("CD007752.pub3")
    se = page.simple_explanation
    # "to recommend the use of X" is said "to recommend X" since composer 19 (h19se)
    assert "There is not enough evidence to recommend one treatment" in se, se
    assert "Given that" not in se and "however a reduction in premature birth." not in se


def test_the_verdict_pattern_reads_a_whole_review_not_one_part() -> None:
    # CD007752, CD004909 ("This review does not provide sufficient evidence to influence practice.")
    assert _NO_VERDICT.search("there is insufficient evidence to recommend the use of one intervention")
    assert _NO_VERDICT.search("This review does not provide sufficient evidence to influence practice.")
    # CD010308
    assert _NO_VERDICT.search(
        "There is insufficient evidence to support or refute the addition of tazarotene"
    )
    # CD000006: one part's gap, not the review's verdict
    part = "For other materials, there was insufficient evidence to draw conclusions."
    assert _NO_VERDICT.search(part) and _PART_LEAD.match(part)
    # a null result is no verdict on the evidence (CD009376)
    assert not _NO_VERDICT.search(
        "There was no evidence that use of low energy level laser therapy prevented pain."
    )


def test_a_very_low_certainty_improvement_framed_as_evidence_is_said_with_its_certainty() -> None:
    """CD009858: "We found some very low-quality evidence, from single studies, suggesting that rubber dam
    usage in dental direct restorative treatments may lead to a lower failure rate of the restorations,
    ..." was shortened to "The researchers found some very low-quality evidence, from single studies.",
    which says no result; the claim is said with its "may" and the very low certainty after it."""
    (page,) = _cochrane("CD009858.pub2")
    se = page.simple_explanation
    # 24 (h24se): the long subject is said as what was looked at, the claim with its "may" of "This usage"
    assert "rubber dam usage in dental direct restorative treatments" in se.lower(), se
    assert "may lead to a lower failure rate" in se, se
    assert "found some very low-quality evidence, from single studies." not in se
    assert "very low certainty" in se


def test_who_paid_for_the_trials_is_no_answer() -> None:
    """CD013106: "Undisclosed funding may have influence on trial results and lead to poor design of the
    trial." led the simple explanation, before the review's results on Radix Sophorae flavescentis."""
    assert _GAP.search(
        "Undisclosed funding may have influence on trial results and lead to poor design of the trial."
    )
    (page,) = _cochrane("CD013106.pub2")
    assert "funding" not in page.simple_explanation
    assert "Radix Sophorae flavescentis" in page.simple_explanation.split(". ")[0]


def test_a_lack_of_high_quality_evidence_states_no_high_certainty() -> None:
    """CD010415: "Generally, there is a lack of high quality evidence to be able to draw firm conclusions as
    to the effect of cycling infrastructure on cycling collisions." (now said as the answer) was read as
    high certainty, so "The evidence for this is strong (high certainty)." followed it."""
    assert (
        certainties(
            "Generally, there is a lack of high quality evidence to be able to draw firm conclusions as to the effect "
            "of cycling infrastructure on cycling collisions."
        )
        == []
    )
    assert certainties("There is high quality evidence that X reduces Y.") == ["high"]
