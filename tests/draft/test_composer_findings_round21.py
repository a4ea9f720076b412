"""Key findings in fewer, plainer words (composer 21, h21kf), on real abstracts.

A key finding whose comparative is already said ("more", "lower", "higher") says the other arm with
"than", not "compared with/to": one word and two syllables fewer, the way lay summaries compare. The
comparative's own "in"/"with" phrase gives the other arm its preposition ("lower in the CMHT group than
in usual care"). Each test fails on composer 20.
"""

from __future__ import annotations

from pipeline.draft.composer.shorten import plainer


def test_compared_with_after_a_comparative_is_than() -> None:
    for text, plain in (
        (
            # cochrane CD000006.pub2 (composer 20 key finding)
            "More women in the standard synthetic suture group needed suture removal compared with those in "
            "the quickly absorbed group.",
            "More women in the standard synthetic suture group needed suture removal than those in the "
            "quickly absorbed group.",
        ),
        (
            # cochrane CD000270.pub2: the arm takes the comparative's "in"
            "Hospital admission rates were lower in the CMHT group compared with usual care.",
            "Hospital admission rates were lower in the CMHT group than in usual care.",
        ),
        (
            # bmc s13037-015-0087-0
            "Keyhole controlled fluoro-free navigated coracoclavicular drilling for the repair of "
            "acromioclavicular joint dislocation has higher first pass accuracy compared with conventional "
            "drill guide based placement.",
            "Keyhole controlled fluoro-free navigated coracoclavicular drilling for the repair of "
            "acromioclavicular joint dislocation has higher first pass accuracy than conventional drill "
            "guide based placement.",
        ),
        (
            # cochrane CD000456.pub5: each comparison of the sentence
            "SIMV or SIMV + PS was linked to a greater risk of moderate/severe bronchopulmonary dysplasia "
            "compared to high-frequency oscillation and a longer duration of mechanical ventilation compared "
            "to high-frequency oscillation.",
            "SIMV or SIMV + PS was linked to a greater risk of moderate/severe bronchopulmonary dysplasia than "
            "high-frequency oscillation and a longer duration of mechanical ventilation than high-frequency "
            "oscillation.",
        ),
        (
            # cochrane CD006606.pub4: "in vitro" is no preposition; the arm takes "with"
            "Clinical pregnancy was higher with in vitro maturation when compared to in vitro fertilisation.",
            "Clinical pregnancy was higher with in vitro maturation than with in vitro fertilisation.",
        ),
    ):
        assert plainer(text, finding=True) == plain
        assert plainer(text) == text  # the simple explanation's wording is left as it was


def test_than_takes_no_preposition_of_a_participle_or_a_time() -> None:
    for text, plain in (
        (
            # cochrane CD000270.pub2: "with services" is what they were satisfied with, not the group
            "Fewer people in the CMHT group were not satisfied with services compared with those receiving "
            "standard care.",
            "Fewer people in the CMHT group were not satisfied with services than those receiving standard care.",
        ),
        (
            # cochrane CD004746.pub2: "treated with galantamine" (never "than with the placebo group")
            "Higher numbers of patients dropped out from the group treated with galantamine compared with the "
            "placebo group.",
            "Higher numbers of patients dropped out from the group treated with galantamine than the placebo group.",
        ),
        (
            # cochrane CD008190.pub2: a time (never "than at placebo")
            "Appetite stimulants produced a larger increase in weight z score at three months compared to placebo.",
            "Appetite stimulants produced a larger increase in weight z score at three months than placebo.",
        ),
        (
            # cochrane CD009096.pub2: "as compared with" (never "as than")
            "A high level of evidence indicated a slightly lower incidence of WDAE for ARBs as compared with "
            "ACE inhibitors.",
            "A high level of evidence indicated a slightly lower incidence of WDAE for ARBs than ACE inhibitors.",
        ),
    ):
        assert plainer(text, finding=True) == plain


def test_compared_with_kept_without_a_comparative_of_its_clause() -> None:
    for text in (
        # bmc s12864-019-6065-7: a superlative takes no "than"
        "The Red Sea strain Virgibacillus sp. Bac332 has the highest number of unique genes and genomic "
        "islands compared to other genomes included.",
        # bmc s13287-018-0851-z: a verb of effect, no comparative
        "Anti-PDGF antibody decreased the growth of human adipose-derived stem cells compared with control.",
        # cochrane CD001802.pub3: "than" already said elsewhere is not doubled; here a comma and a number
        "Children who had an adeno-/tonsillectomy had an average of three episodes of sore throats in the "
        "first post-surgery year, compared to 3.6 episodes in the control group; a difference of 0.6 episodes.",
        # cochrane CD001949.pub3: "compared" is the verb of a relative clause
        "In the one study that compared pimozide plus any antipsychotic versus the same antipsychotic, fewer "
        "returns of the illness were noted in the increased pimozide group at medium term.",
    ):
        assert plainer(text, finding=True) == text


def test_report_frame_dropped_where_the_tagger_misreads_the_claims_verb() -> None:
    from pipeline.draft.composer.simplify import tagged_finite
    from pipeline.settings import Settings

    model = Settings().spacy_model

    def tagger(text: str) -> bool:
        return tagged_finite(text, model)

    # bmc 1471-2407-4-85 (composer 20 key finding): the tagger reads "impairs" as a noun, so the frame
    # was kept although the claim is a clause
    text = "The researchers show that BAG-1 heterozygosity in mice impairs C-Raf oncogene-induced lung adenoma growth."
    claim = "BAG-1 heterozygosity in mice impairs C-Raf oncogene-induced lung adenoma growth."
    assert plainer(text, tagger, finding=True) == claim
    assert plainer(text, tagger) == text  # the simple explanation keeps the frame
    # a hedged frame stays (elife_dev eLife.00421's "propose" wording is a hedge)
    hedged = "The researchers propose that BAG-1 heterozygosity in mice impairs C-Raf oncogene-induced lung adenoma growth."
    assert plainer(hedged, tagger, finding=True) == hedged
