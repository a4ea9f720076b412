"""Round 25 (lead): what the blind read of 20 eval-half pages (seed 283, composer 24's drafts) found
that a general rule can mend: a sentence ending on a one-letter name ("hepatitis C.") glued to the
next, so the review's answer could not be said; a result whose lead-in named its thin basis ("Based
on limited data there was some ... evidence that ...") taken for a side statement; advice to
clinicians and a cause that points back at itself ("Since ..., this may have contributed ...") said
as the answer; key findings that state no result (how many comparisons the studies made, who took
part, why the data were not pooled, advice to practitioners); a statistics run set off by commas
left half in a finding. Real sentences of cochrane_val (ids beside each)."""

from __future__ import annotations

import pytest

from pipeline.domain import DraftFields
from pipeline.draft.composer.plan import no_result_kind
from pipeline.draft.rewrite import strip_statistics
from pipeline.draft.sentences import _unstopped
from tests.draft.conftest import cochrane_fields


def _fields(doi: str) -> DraftFields:
    (fields,) = cochrane_fields([doi])
    return fields


def test_a_sentence_ending_on_a_one_letter_name_is_split_from_the_next() -> None:
    # CD000370: "... with chronic hepatitis C. Higher doses ..." was one sentence
    text = (
        "Interferon is effective in achieving viral clearance and improving liver biochemistry and histology "
        "in interferon naive patients with chronic hepatitis C. Higher doses and prolonged durations are more "
        "effective, but associated with more frequent adverse events."
    )
    first, second = _unstopped([text])
    assert first.endswith("chronic hepatitis C.")
    assert second.startswith("Higher doses")


@pytest.mark.parametrize(
    "text",
    [
        # a letter after a function word is a name's initial (elife_dev, bmc_sample)
        "Genes were expressed in E. Coli strains grown in the lab for ten days.",
        "The cohort was recruited in N. Sweden between 1990 and 2000 by the team.",
        # a rare word after the letter may be a name's next part (bmc: "Gossypium hirsutum L. Chalcone ...")
        "Cotton plants of Gossypium hirsutum L. Chalcone synthase genes were cloned from them.",
    ],
)
def test_a_letter_that_is_a_names_initial_splits_nothing(text: str) -> None:
    assert _unstopped([text]) == [text]


def test_the_reviews_answer_after_a_one_letter_name_is_said() -> None:
    fields = _fields("10.1002/14651858.CD000370")
    assert "Interferon is effective in" in fields.simple_explanation
    # (it was "Interferon is linked to similar benefits in patients with liver scarring": similar to what)
    assert "similar benefits" not in fields.simple_explanation


def test_a_result_on_a_thin_basis_is_the_answer_not_advice_or_an_outlook() -> None:
    # CD008674: "Until high quality evidence is available, clinicians may wish to consider the
    # recommendations of relevant guidelines ..." and then "in future versions of this review we will
    # look at ..." were said; the review's one result was a side statement for its "limited data"
    fields = _fields("10.1002/14651858.CD008674.pub2")
    assert "immediate reconstruction" in fields.simple_explanation
    assert "may wish to consider" not in fields.simple_explanation
    assert "future versions" not in fields.simple_explanation


def test_a_cause_that_points_back_at_itself_is_not_the_answer() -> None:
    # CD004376: "Since the participants in most trials were aware of their treatment, this may have
    # contributed to their improvement." was said over the high-quality evidence that exercise helps
    fields = _fields("10.1002/14651858.CD004376.pub3")
    assert "exercise provides short-term benefit" in fields.simple_explanation
    assert "aware of their treatment" not in fields.simple_explanation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The studies analysed 13 different comparisons.", "design"),  # CD012236
        ("Group C also involved six comparisons.", "design"),  # CD012236
        ("Group C comparisons explored differential effects between clearly distinct treatments.", "design"),
        (
            "All patients were adults aged 18 to 90 years old, with a sex ratio of 1:1.5 male to female.",
            "design",
        ),  # CD003162
        (
            "The trials differed in design: one a parallel-group study of patients with Alzheimer's disease "
            "and another a cross-over study of patients with frontotemporal dementia.",
            "design",
        ),  # CD004990
        (
            "People were not selected based on clinically significant apathy at the start.",
            "design",
        ),  # CD012197
        ("Blinding of people was not possible.", "quality"),  # CD009774
        (
            "The researchers did not pool data from studies because of significant differences in the "
            "treatments and results studied.",
            "quality",
        ),  # CD011112
        (
            "The researchers found a lack of standardisation and consistency in the results measured and "
            "the endpoints at which they were studied.",
            "quality",
        ),  # CD011112
        (
            "Not all 17 studies could be compared directly or combined in meta-analyses due to differences "
            "in the theoretical basis underpinning interventions.",
            "quality",
        ),  # CD009774
        (
            "Physical function was estimated at 38 points on a 0 to 100-point scale in the control group.",
            "design",
        ),  # CD004376
    ],
)
def test_what_the_studies_were_or_did_is_no_key_finding(text: str, kind: str) -> None:
    assert no_result_kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Patients were selected more often for surgery than for drugs.",
        "Pain was lower in the exercise group than in the control group.",
        # CD001775: a result before the pooling clause stays one
        "Both trials reported some positive effects of Ginkgo biloba on vision however their results could not be pooled.",
    ],
)
def test_results_beside_those_words_stay_results(text: str) -> None:
    assert no_result_kind(text) is None


def test_key_findings_state_results_only() -> None:
    fields = _fields("10.1002/14651858.CD009774.pub2")
    findings = " ".join(fields.key_findings)
    assert "Blinding" not in findings
    assert "need to check" not in findings  # advice to practitioners is no finding
    assert "could be compared directly" not in findings
    fields = _fields("10.1002/14651858.CD003162.pub3")
    assert not any(f.startswith("All patients were adults aged") for f in fields.key_findings)


def test_a_statistics_run_set_off_by_commas_goes_whole() -> None:
    # CD012197: ", n = 145, 3 studies, low quality of evidence." was left in a key finding
    text = (
        "There may be no difference between methylphenidate and placebo in the risk of developing an "
        "adverse event: RR 1.28, 95% CI 0.67 to 2.42, n = 145, 3 studies, low quality of evidence."
    )
    assert strip_statistics(text) == (
        "There may be no difference between methylphenidate and placebo in the risk of developing an adverse event."
    )


def test_a_finding_that_points_at_an_earlier_one_is_not_renamed_to_stand_alone() -> None:
    # CD012197: "This finding was present when apathy was assessed using the AES ..." was said as "The
    # finding was present when ...": which finding, the page never said
    fields = _fields("10.1002/14651858.CD012197.pub2")
    assert not any(f.startswith(("The finding", "This finding")) for f in fields.key_findings)
    assert not any("n = 145" in f for f in fields.key_findings)


def test_the_trials_own_low_quality_is_no_grade_level() -> None:
    # CD011112: "... the overall quality of the evidence for each outcome as very low, due to the limited
    # number of trials and their low quality." was said "The evidence ranged from very low to low certainty."
    from pipeline.draft.composer.plan import certainties

    assert certainties(
        "Using the GRADE system, we classified the overall quality of the evidence for each outcome as very "
        "low, due to the limited number of trials and their low quality."
    ) == ["very low"]
    fields = _fields("10.1002/14651858.CD011112.pub2")
    assert "very low to low" not in fields.simple_explanation
    assert "very low" in fields.simple_explanation


def test_ongoing_trials_are_not_the_reviews_included_studies() -> None:
    # CD011756: "We identified four trials eligible for inclusion, of which three are ongoing." was
    # "The review found four studies." and "This review included four studies."
    fields = _fields("10.1002/14651858.CD011756.pub2")
    assert "four studies" not in fields.simple_explanation + fields.research_summary
    assert "only one study" in fields.simple_explanation


@pytest.mark.parametrize(
    "text",
    [
        "The risk ratio for RFS was 1.04 and 0.96 at 3- and 5- years.",  # CD007563
        "When comparing hydrophobic acrylic IOLs with silicone IOLs, the risk ratio was 1.06.",  # CD007284
        "The risk ratio for premature birth for magnesium compared with placebo or no treatment was 1.05; and "
        "0.99 for magnesium compared with alternative treatments.",  # CD000940
        "For bladder, rectosigmoid and small bowel complications, the risk ratio was 1.33, 1.00 and 3.37 in "
        "that order.",  # CD007563
    ],
)
def test_bare_statistics_after_a_lead_in_or_in_a_list_are_no_result(text: str) -> None:
    assert no_result_kind(text) == "statistic"


def test_a_statistic_that_says_what_it_shows_stays_a_result() -> None:
    assert no_result_kind("The odds ratio of death was 0.5, showing that X reduced deaths.") is None


def test_no_bare_statistic_in_the_simple_explanation_or_key_findings() -> None:
    for doi in ("10.1002/14651858.CD007563.pub3", "10.1002/14651858.CD007284.pub2"):
        fields = _fields(doi)
        said = " ".join([fields.simple_explanation, *fields.key_findings])
        assert "risk ratio" not in said, doi


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # CD008674: what the next version of the review will do
        (
            "Given the paucity of trials in this subject, in future versions of this review the researchers "
            "will look at study designs other than trials.",
            "outlook",
        ),
        # CD009182: who took part, once "hepatitis C." ends the sentence before
        (
            "People were 18 years of age or older, all diagnosed with chronic hepatitis C genotype 1 or 4.",
            "design",
        ),
        ("There has been considerable research effort in this area.", "design"),  # CD012236
    ],
)
def test_outlooks_and_who_took_part_are_no_key_finding(text: str, kind: str) -> None:
    assert no_result_kind(text) == kind


def test_a_numbered_genotype_keeps_its_word() -> None:
    # CD009182: "chronic hepatitis C genotype 1 or 4" read "... hepatitis C genetic makeup 1 or 4"
    fields = _fields("10.1002/14651858.CD009182.pub2")
    page = " ".join([fields.simple_explanation, *fields.key_findings, fields.research_summary])
    assert "genetic makeup 1" not in page
