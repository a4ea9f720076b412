"""Key findings a reader can follow (composer 18, h18kf), on real abstracts.

What a search turned up ("The researchers found five ongoing randomised trials of ...") is no
result: plan.no_result_kind tells it as "search", so it is a key finding only when no result is
left. A result about three or more outcomes that is too long for a key finding says the first
(compress's ``outcome_list``). Each test fails on composer 17.
"""

from __future__ import annotations

from pipeline.draft.composer.compress import compress
from pipeline.draft.composer.plan import no_result_kind
from pipeline.settings import Settings


def test_what_a_search_turned_up_is_no_result() -> None:
    """Composer 17 key findings on the Cochrane mine half and BMC that say what a search found,
    each with its page; and results beside them, with a finding verb and a count, that stay results."""
    for text in (
        "The researchers found five ongoing randomised trials of various treatments for high-grade vulval "
        "intraepithelial neoplasia.",  # CD007924
        "The researchers identified one ongoing trial.",  # CD009417
        "The researchers found no quasi-randomized trials.",  # CD012317
        "No more studies were found for this update.",  # CD002760
        "No new trials were found on updating the search in April 2011.",  # CD004302
        "The repeat searches carried out in May 2012 did not identify any more studies for inclusion.",  # CD004591
        "The three ongoing trials of chemotherapy have a total target accrual of nearly 2000 patients.",  # CD002195
        "There are two studies awaiting classification that may alter the conclusions once measured.",  # CD009901
        "In phase 1, 4539 citations were found and 124 items included.",  # bmc s13034-015-0087-y
        "In phase 2, 15,662 citations were found, and 40 addressing the risks of 'dislocation' and 'contagion' "
        "were included supplemented by 20 policy and guidance documents.",  # bmc s13034-015-0087-y
    ):
        assert no_result_kind(text) == "search", text
    # what took their place once the search counts were out: no result either
    assert (
        no_result_kind("For the imiquimod versus cidofovir trial, 180 women contributed data.") == "reporting"
    )
    # CD007924
    assert (
        no_result_kind(
            "Inclusion of these studies in future review updates may provide more certainty for the review results."
        )
        == "outlook"
    )  # CD012317
    for text in (
        "Study 1 found four factors underlying prejudice towards people with mental illness: fear/avoidance, "
        "malevolence, authoritarianism, and unpredictability.",  # bmc s12888-018-1871-z
        "The current study found 915 fusion genes, 1794 new genes, 2435 long non-coding RNAs, and 20,356 "
        "alternative splicing events.",  # bmc s12864-019-6049-7
        "Both studies found no evidence of a difference between groups at 12 months.",  # CD009376
        "This trial found a higher likelihood of stopping of habit with palatal crib than palatal arch.",  # CD008694
        "Neither study found evidence of a difference in overall survival or disease-free survival.",  # CD006205
        "Ab initio prediction found 173 upregulated genes that putatively code for extracellularly secreted "
        "proteins.",  # bmc s12864-019-5917-5
    ):
        assert no_result_kind(text) is None, text


def test_a_results_list_of_outcomes_keeps_its_first_when_too_long() -> None:
    """compress's ``outcome_list``: a result about three or more outcomes says the first when the
    sentence is longer than the key finding's squeeze; the negation, hedge and comparison stay, and
    a list with a direction word in it, or a comparison's arms, is never cut."""
    model = Settings().spacy_model
    for text, want in (
        (
            "Similarly, there was no clear difference between groups in loss of bowel control, flatal "
            "incontinence, faecal urgency, or maternal quality of life.",  # CD010826
            "Similarly, there was no clear difference between groups in loss of bowel control.",
        ),
        (
            "Examining the differences between planned subgroups, ultrasound-indicated cerclage was linked to "
            "an increased risk of low birth weight, very low birth weight, and respiratory distress syndrome.",
            "Examining the differences between planned subgroups, ultrasound-indicated cerclage was linked to "
            "an increased risk of low birth weight.",
        ),  # CD009166
    ):
        squeezed = compress(text, model, 16)
        assert squeezed.text == want and "outcome_list" in squeezed.rules, squeezed
    for text in (
        # "more courses of antibiotics": a direction word in the list
        "The researchers found no significant effect on nutrition, hospital admissions, more courses of "
        "antibiotics or side effects.",  # CD001912
        # the last "outcome" holds what the effect was of: the topic would go with it
        "The review could not reach firm conclusions about the effects on antitumour benefit, toxicities and "
        "quality of life of the addition of methotrexate to treatment of children and young adults with primary "
        "high-grade osteosarcoma.",  # CD006325
        # the arms of a comparison, not its outcomes
        "There was no consistent evidence for the relative effects of provider, contract or other patient "
        "referral methods.",  # CD002843
        "The review does not provide evidence of a difference in side effects between gamma-hydroxybutyrate and "
        "benzodiazepines, naltrexone or Disulfiram.",  # CD006266
    ):
        assert "outcome_list" not in compress(text, model, 8).rules, text  # however short it must be
    # short enough: the list stays ("... in hypoglycaemic episodes, hyperglycaemic incidents, or hospital
    # admissions." is 14 words, CD003286)
    text = (
        "There were no significant differences overall in hypoglycaemic episodes, hyperglycaemic incidents, or "
        "hospital admissions."
    )
    assert compress(text, model, 16).text == text


def test_other_findings_that_state_no_result_are_told_by_kind() -> None:
    """Composer 17 key findings on the mine half and BMC that state no result, each with its page
    (a call for research, a lack of data, the people's age, an update that changed nothing, the
    evidence's size, what was done to the data); and a result beside a "needed for" that stays one."""
    for text, kind in (
        (
            "This review highlights the need for multicentred, adequately powered and well-designed trials to "
            "study agents to safely increase appetite in people with cystic fibrosis and to establish the best "
            "mode of treatment.",
            "outlook",
        ),  # CD008190
        (
            "More data are needed on longer-term benefit of triple nucleoside reverse transcriptase inhibitor "
            "regimens, particularly on the development of antiretroviral resistance.",
            "outlook",
        ),  # CD008270
        (
            "This review highlights the lack of quality-of-life data in trials involving chemotherapy treatment "
            "for SCLC.",
            "reporting",
        ),  # CD006849
        (
            "The median age of patients in the vast majority of studies was between 60 and 65 years of age.",
            "design",
        ),  # CD006849
        ("The results of the original review published in 2010 remain unchanged.", "search"),  # CD008088
        (
            "The small size of the included study means that sensitivity and specificity estimates are "
            "imprecise.",
            "quality",
        ),  # CD010633
        (
            "The small number of babies included in trials incorporated in this review limits the power of the "
            "pooled analysis to detect clinically important differences in newborn results.",
            "quality",
        ),  # CD001070
        (
            "The output sequences from the two analytical routes were merged.",
            "method",
        ),  # bmc s12864-019-6000-y
        ("More realistically there are opportunities to examine these issues in existing groups.", "outlook"),
        # CD008270
    ):
        assert no_result_kind(text) == kind, text
    text = (
        "Mutagenesis studies found a YYXXF sorting signal in the C-terminal cytosolic domain of Vangl2 that is "
        "needed for Vangl2 traffic and interaction with the μ subunit of adaptor complex 1."
    )  # elife_dev eLife.00160
    assert no_result_kind(text) is None
