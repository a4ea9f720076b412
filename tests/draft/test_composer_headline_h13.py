"""Round 13 (h13main): the simple explanation's answer is the review's main result, and its caveat
and the practical implications agree with that answer's certainty. Sentences and pages from the
cochrane_val mine half (the classes of the composer 12 blind read, seed 97, found on look-alikes)."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.fields import _NULL_ANSWER
from pipeline.draft.composer.plan import _KNOWN_ELSEWHERE, _SIDE_OUTCOME, _opening, claim_head
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields

IDS = [
    "10.1002/14651858.CD009695.pub2",  # a subgroup analysis said as the answer
    "10.1002/14651858.CD006857.pub2",  # another review's finding said first
    "10.1002/14651858.CD010968.pub2",  # the second of two parallel claims (the 24 mg dose)
    "10.1002/14651858.CD006425.pub4",  # "strong (high certainty)" for an answer graded low to high
    "10.1002/14651858.CD007924.pub3",  # "Results May Change" beside a high-quality main result
    "10.1002/14651858.CD003410.pub4",  # a long answer given way to a side result
]


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[str, list[str]]]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    fields = compose_fields([cochrane_article(records[i]) for i in IDS])
    return {
        i: (f.simple_explanation, [p.title for p in f.practical_implications])
        for i, f in zip(IDS, fields, strict=True)
    }


def test_robustness_applicability_and_dropouts_are_side_results() -> None:
    # CD009695, CD009695, and the blind read's kinds of side result
    assert _SIDE_OUTCOME.search("The main findings did not change in any subgroup analysis.")
    assert _SIDE_OUTCOME.search(
        "The proportion of adverse events inducing dropout was similar for psychostimulants and placebo."
    )
    assert _SIDE_OUTCOME.search("The results are more applicable to the Chinese population.")
    assert _SIDE_OUTCOME.search(
        "After excluding studies at high risk of bias, the effect remained significant."
    )
    # the answer itself is none (CD009695)
    assert not _SIDE_OUTCOME.search(
        "Results of this review do not support the use of psychostimulant medications at the tested doses "
        "as a replacement therapy for amphetamine abuse or dependence."
    )


def test_a_subgroup_analysis_is_not_the_answer(pages: dict[str, tuple[str, list[str]]]) -> None:
    simple, _ = pages["10.1002/14651858.CD009695.pub2"]
    assert "do not support psychostimulant" in simple
    assert "subgroup" not in simple
    # a null answer's caveat says an effect is not ruled out, not "This may be so"
    assert "There may still be an effect" in simple and "not yet proven" not in simple
    assert _NULL_ANSWER.search(
        "Results of this review do not support the use of psychostimulant medications."
    )


def test_another_reviews_finding_is_not_this_reviews_answer(pages: dict[str, tuple[str, list[str]]]) -> None:
    # CD006857: "This data adds to an existing Cochrane review comparing short and long-course
    # treatment of the same antibiotic who also reported no evidence of difference ..." was said first
    assert _KNOWN_ELSEWHERE.search(
        "This data adds to an existing Cochrane review comparing short and long-course"
    )
    simple, _ = pages["10.1002/14651858.CD006857.pub2"]
    assert "existing Cochrane review" not in simple
    assert "10-day antibiotic treatment is more likely to remove bacteria" in simple


def test_of_two_parallel_claims_the_first_is_the_answer(pages: dict[str, tuple[str, list[str]]]) -> None:
    # CD010968: "... alemtuzumab at a dose of 12 mg per day probably reduces ..." then "... at a dose
    # of 24 mg per day may reduce ..."; the second, shorter one was said
    assert _opening("Annual intravenous cycles of alemtuzumab at a dose of 12 mg") == _opening(
        "Annual intravenous cycles of alemtuzumab at a dose of 24 mg"
    )
    simple, _ = pages["10.1002/14651858.CD010968.pub2"]
    assert "12 mg per day probably reduces" in simple
    assert "24 mg" not in simple


def test_a_certainty_graded_for_one_outcome_is_not_the_answers(
    pages: dict[str, tuple[str, list[str]]],
) -> None:
    # CD006425: the answer "There was no conclusive evidence supporting any antenatal BF education ..."
    # states no level; the run read as the conclusion holds one result graded high
    simple, _ = pages["10.1002/14651858.CD006425.pub4"]
    assert "strong (high certainty)" not in simple
    assert "low to high certainty" in simple


def test_the_implications_agree_with_the_answers_certainty(pages: dict[str, tuple[str, list[str]]]) -> None:
    # CD007924: imiquimod's response result is high-quality evidence; "Results May Change ... weak"
    # came from the lowest level stated for another outcome
    simple, titles = pages["10.1002/14651858.CD007924.pub3"]
    assert "imiquimod appears to be a safe and effective treatment" in simple
    assert "Results May Change" not in titles
    # CD010968: an answer said as "probably" has no "weak evidence" implication either
    assert "Results May Change" not in pages["10.1002/14651858.CD010968.pub2"][1]


def test_a_long_answer_is_said_rather_than_a_side_result(pages: dict[str, tuple[str, list[str]]]) -> None:
    # CD003410: "The available evidence suggests an added value of heroin prescribed alongside ..."
    # (48 words) gave way to "Social functioning improved in all the intervention groups ..."
    simple, _ = pages["10.1002/14651858.CD003410.pub4"]
    assert "added value of heroin" in simple
    assert "Social functioning" not in simple


def test_a_tail_about_missing_data_is_left_out_of_the_answer() -> None:
    # CD005306: no comma before "although"; the claim was said as one 55-word sentence
    text = (
        "The evidence suggests that symptom-based WAP are superior to peak flow WAP for preventing acute care "
        "visits although there is not enough data to firmly conclude whether the observed superiority is "
        "conferred by greater adherence to the checking strategy, earlier identification of onset of "
        "deteriorations, higher threshold for presentation to acute care settings, or the specific treatment "
        "recommendations."
    )
    assert claim_head(text) == (
        "The evidence suggests that symptom-based WAP are superior to peak flow WAP for preventing acute care visits."
    )


def test_a_need_for_trials_is_a_call_for_research() -> None:
    # CD001710 (an empty review): "There is a clear need for randomised controlled trials of day
    # centre care ..." was said as the answer once the best claim could take 60 words
    from pipeline.draft.composer.plan import _MORE_RESEARCH

    assert _MORE_RESEARCH.search(
        "There is a clear need for randomised controlled trials of day centre care compared to other forms "
        "of day care."
    )
    # a made-up counter-example: a result's "need for" names no call for research
    assert not _MORE_RESEARCH.search("Education reduced the need for repeat imaging studies.")


def test_trials_that_were_found_are_the_reviews_size() -> None:
    # CD003361 (mine half, h13main's read): "Four randomised controlled trials were found comparing
    # beta-blocker therapy with placebo" was read as no count ("were" reports), so the review of four
    # trials was drafted as one study of 72 patients ("One Study So Far")
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD003361"])])
    assert "four studies" in fields.simple_explanation
    titles = [p.title for p in fields.practical_implications]
    assert "One Study So Far" not in titles
    assert "The study included 72 patients" not in fields.research_summary


def test_a_bracketed_subgroup_aside_does_not_make_the_answer_a_side_result() -> None:
    # CD003205 (eval half; found by the merged round's hedge-kept figure, 99.0% -> 98.1%): the
    # conclusion "Omega-3 PUFA supplementation ... lowers triglycerides and VLDL cholesterol, but may
    # raise LDL cholesterol (although results were non-significant in subgroups) and has no ..." scored
    # as a subgroup result, and "The increase in VLDL remained significant only in trials of longer
    # duration ..." was said instead, its "may" lost
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    (fields,) = compose_fields([cochrane_article(records["10.1002/14651858.CD003205.pub2"])])
    assert (
        # (round 19, h19lex: VLDL written out at its first use in the field)
        "lowers triglycerides and very low-density lipoprotein cholesterol, but may raise LDL cholesterol"
        in fields.simple_explanation
    )
    assert "remained significant only in trials of longer duration" not in fields.simple_explanation
