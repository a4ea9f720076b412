"""Key findings that are results (composer 19, h19kf), on real abstracts.

Composer 18 key findings on the Cochrane mine half and bmc_sample that state no result (what the
studies were like or did, what they reported, what is needed, what is known apart from the work, how
a tool works) now have a kind in plan.no_result_kind, so they are key findings only when no result is
left; results beside them, some with the same words, stay results. A piece that is no sentence (a
relative clause cut from its noun, a clause that ends on "and") is never a finding. Each test fails
on composer 18.
"""

from __future__ import annotations

import re

from pipeline.draft.composer import fields
from pipeline.draft.composer.plan import no_result_kind


def test_non_results_that_passed_as_results_have_a_kind() -> None:
    """Composer 18 findings, each with its page and the kind it now has."""
    for text, kind in (
        ("All people were older than 15 years of age.", "design"),  # CD010726
        ("More than half of the trials used general anaesthesia.", "design"),  # CD010726
        ("About half the trials needed people to have depression to enter the trial.", "design"),  # CD009286
        ("About one-third of all people were extremely premature or extremely low birth weight.", "design"),
        # CD001241
        ("The antiGP treatment was a glycopeptide in nine trials.", "design"),  # CD003914
        ("Acute sinusitis was defined clinically in all trials.", "design"),  # CD008115
        ("The main measure was not used in the other three trials.", "design"),  # CD007114
        ("Duration of treatments ranged from 12 weeks to six years.", "design"),  # CD007651
        (
            "There was a wide variation in the individual antibiotics used in each trial.",
            "design",
        ),  # CD002007
        ("Each person was seen for six weeks.", "design"),  # CD010891
        ("The control group received no programme.", "design"),  # CD012352
        ("At baseline, 15 people were clinically suspected of having dementia with Lewy bodies.", "design"),
        # CD010633
        ("This review updates a previous review of eight evaluations.", "design"),  # MR000030
        ("Four of these trials reported overall and disease-free survival.", "design"),  # CD006205
        ("Studies of less than six months duration did not explicitly report side effects.", "reporting"),
        # CD009403
        ("The researchers did not find any data relating to serious side effects.", "reporting"),  # CD010784
        (
            "The 'Summary of findings' table presents risk ratios for all results analysed.",
            "reporting",
        ),  # CD006425
        ("There was not enough data for subgroup analysis of mother's occupation or education.", "reporting"),
        ("Chance grouping was not adequately described in two trials.", "reporting"),  # CD004417
        ("Adverse or harmful effects were not well reported.", "reporting"),  # CD007502
        ("Late complications have not been studied sufficiently.", "reporting"),  # CD009901
        ("Side effects were reported in a varied way among the comparisons.", "reporting"),  # CD010726
        (
            "There were no physical exam-indicated cerclages available for comparison among the studies included.",
            "reporting",
        ),  # CD009166
        (
            "Authors of 4 trials being prepared for publication kindly shared their data.",
            "reporting",
        ),  # CD006356
        ("Surgeons were not blinded in any of the trials.", "quality"),  # CD010576
        ("For blinding of people and personnel, three studies were low risk.", "quality"),  # CD012537
        ("The large trials were all low risk of bas.", "quality"),  # CD004659 (the abstract's typo)
        ("Drop-out bias in the studies was high.", "quality"),  # CD009369
        ("One large trial dominated the results.", "quality"),  # CD009286
        (
            "Comparison between trials was hampered by the use of different treadmill testing protocols.",
            "quality",
        ),
        ("All studies may not be applicable to the standard of care of today.", "quality"),  # CD006407
        ("All studies were linked to method limitations.", "quality"),  # CD006585
        ("The trials are more than 20 years old with several method limitations.", "quality"),  # CD003488
        ("The results are only based on one study.", "quality"),  # CD010891
        (
            "The researchers judged the evidence for all results to be very low quality.",
            "quality",
        ),  # CD011118
        (
            "The researchers did not downgrade any evidence for trials' lack of blinding.",
            "quality",
        ),  # CD006425
        (
            "Seven trials had drop-out of greater than 20%, increasing the risk of bias.",
            "quality",
        ),  # CD002843
        (
            "Caution is needed in generalising findings to other professions and settings.",
            "quality",
        ),  # CD000349
        ("Due to the short follow-up period, HbA1c results have to be interpreted cautiously.", "quality"),
        # CD011919
        ("No studies on situational fainting matched the criteria for inclusion.", "search"),  # CD004194
        (
            "Clarification about optimal dosing regimens, types of lactoferrin, and long-term results is needed.",
            "outlook",
        ),  # CD007137
        (
            "This study will light the way for posterity for next generations.",
            "outlook",
        ),  # bmc s13002-015-0067-6
        (
            "Lactase treated feeds were started when enteral feedings provided > 75% of daily intake.",
            "design",
        ),
        # CD004591
        (
            "Data about other patient subgroups likely to benefit from antiGP treatment were not available.",
            "reporting",
        ),  # CD003914
        (
            "With the exception of deaths, the researchers were not able to measure the main measures of this "
            "review - length of time in ICU, total length of hospital stay and relapse.",
            "reporting",
        ),  # CD006819
        (
            "Investigators reported 12 different comparisons of three different nitrates versus no treatment, "
            "placebo (a dummy treatment) or other drug interventions.",
            "design",
        ),  # CD010726
        (
            "The first study was a randomised trial of a treatment developed to increase the rate of performance "
            "of thorough skin self-examination.",
            "design",
        ),  # CD012352
        (
            "Two earlier trials studied a precursor of this vaccine containing purified cholera toxin B subunit "
            "rather than the recombinant subunit in Dukoral®.",
            "design",
        ),  # CD009029
        ("Four studies were unclear to high risk.", "quality"),  # CD012537
        ("Evidence is mainly relevant to high-income settings.", "quality"),  # CD006425
        ("The researchers could not conduct analyses at follow-up.", "reporting"),  # CD011118
        (
            "In the first five comparisons, the researchers display the included trials according to type of "
            "treatment without pooling data.",
            "method",
        ),  # CD006425
        ("The vaccine is no longer available.", "background"),  # CD009029
        (
            "So far, meiosis specific kinetochore proteins have been found only in two yeasts.",
            "background",
        ),  # bmc s12860-019-0231-2
        ("The approach mainly includes two procedures.", "method"),  # bmc s12918-018-0635-1
        ("Joint Overlap Analysis can be run.", "method"),  # bmc s12859-019-2698-4
        (
            "Inductive thematic analysis was applied in which the text in data transcripts was reduced to "
            "thematic codes.",
            "method",
        ),  # bmc s13034-015-0086-z
        ("Next, it computes a quality score for the assembly.", "method"),  # bmc s12864-019-6070-x
        ("The researchers consider missing values in optimal clustering.", "method"),  # bmc s12859-019-2832-3
        (
            "The approach employed maximal information coefficients for reconstructing an undirected graph to "
            "represent the underlying relationships between genes.",
            "method",
        ),  # bmc s12918-018-0635-1
        (
            "The framework first calculates individual quality scores for the scaffolds/contigs of an assembly by "
            "aligning them to a reference genome.",
            "method",
        ),  # bmc s12864-019-6070-x
        (
            "No results for mortality outcomes from the small early study are to be expected.",
            "outlook",
        ),  # CD012352
    ):
        assert no_result_kind(text) == kind, (text, no_result_kind(text))


def test_results_with_the_same_words_stay_results() -> None:
    """Findings of composer 18 that share the new patterns' words and state a result."""
    for text in (
        "Only one trial reported a perceived improvement in lifestyle in both groups.",  # CD008319
        "One study reported no significant difference in central venous pressure.",  # CD006819
        "Three studies reported useable data for 'any serious adverse effect', results were equivocal.",  # CD008919
        "There was no difference in caesarean section rate between groups.",  # CD004909
        "Side effects did not differ in frequency between groups.",  # CD004771
        "The most common side effect described was headache.",  # CD006100
        "Both studies found no evidence of a difference between groups at 12 months.",  # CD009376
        "The researchers propose that EFA-6 acts as a bifunctional injury-responsive regulator of nerve fibre "
        "microtubule dynamics.",  # elife 08695
        "The researchers propose a two-subunit escort translocation mechanism that is strict enough to enable "
        "SpoIIIE to track one DNA strand.",  # elife 09224
        "Surviving babies treated with dobutamine had a higher development quotient.",  # CD005090
        "The effect was seen within two weeks of therapy.",  # CD005604
    ):
        assert no_result_kind(text) is None, (text, no_result_kind(text))


def test_a_piece_that_is_no_sentence_is_never_a_finding() -> None:
    """Composer 18 findings that are no sentence (CD009096, CD005391), and whole ones that end alike."""
    clipped: re.Pattern[str] = fields._CLIPPED
    assert clipped.search("Which have not been studied in placebo-controlled trials for high blood pressure.")
    assert clipped.search(
        "High-volume surgeons and specialists reached lower rates of permanent stoma formation and."
    )
    assert clipped.search(
        "One method of breastfeeding education with usual care There were no group differences for duration of any "
        "breastfeeding in days or weeks."
    )  # CD006425
    assert clipped.search(
        "Breastfeeding education session versus usual care, pooled analyses for 'Summary of findings' This "
        "comparison does not include cluster-randomised trials reporting adjusted odds ratios."
    )  # CD006425
    for text in (
        "Side effects were less common in the acupuncture group.",  # CD007854
        "Both treatments appear to be safe for use in newborns.",  # CD004217
        "Duration of pain relief was longer.",  # CD004771
    ):
        assert not clipped.search(text), text
