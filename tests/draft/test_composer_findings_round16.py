"""Key findings a reader can follow (composer 16, h16kf), on real sentences.

A primary-research finding says its result first: how the researchers found it ("By screening a
chemical library, we find that X", "We screened for ... and found that X", "Experiments with
exogenous Ca2+ chelators reveal that X") is the research summary's; never in whom, nor a frame whose
verb goes on after the claim. A ratio left after a comma is a statistic, not part of the result. Each test fails on composer 15.
"""

from __future__ import annotations

from pipeline.draft import rewrite as rw
from pipeline.draft.composer.fields import without_method_frame
from pipeline.draft.composer.simplify import tagged_finite
from pipeline.settings import Settings

MODEL = Settings().spacy_model


def _plain(text: str) -> str:
    return without_method_frame(text, lambda t: tagged_finite(t, MODEL), MODEL)


def test_how_the_researchers_found_it_goes_before_the_result() -> None:
    # elife_dev eLife.03683, eLife.03648, eLife.04057, eLife.03273 (the abstract's own sentences, said
    # in the third person as the composer says them)
    assert (
        _plain(
            "By screening a chemical library, the researchers find that the natural product tannic acid is an SMase C antidote."
        )
        == "The natural product tannic acid is an SMase C antidote."
    )
    assert (
        _plain(
            "The researchers screened for Caenorhabditis elegans mutants that phenocopy the loss of AP2 subunits "
            "and found that AP2 remains inactive in fcho-1 mutants."
        )
        == "AP2 remains inactive in fcho-1 mutants."
    )
    assert _plain(
        "Experiments with exogenous Ca2+ chelators reveal that channel-sensor coupling at basket cell-Purkinje "
        "cell synapses is very tight, with a mean distance of 10–20 nm."
    ).startswith(
        "Channel-sensor coupling at basket cell-Purkinje cell synapses is very tight, with a mean distance of 10–20 nm"
    )
    assert (
        _plain(
            "The structure shows that the MCM subunits of the CMG bind preferentially to single-stranded DNA."
        )
        == "The MCM subunits of the CMG bind preferentially to single-stranded DNA."
    )


def test_the_lead_stays_where_it_says_in_whom_or_the_cause() -> None:
    # eLife.03273's whole sentence: "establishes" and "explains" are the structure's, not the subunits'
    whole = (
        "The structure shows that the MCM subunits of the CMG bind preferentially to single-stranded DNA, "
        "establishes the polarity by which DNA enters into the Mcm2-7 pore, and explains how Cdc45 helps "
        "prevent DNA from dissociating from the helicase."
    )
    for kept in (
        whole,
        # eLife.00312: the lead names the cells looked at
        "By examining nerve cell activities at a population level, the researchers showed that, unlike CA1 "
        "nerve cell populations, dentate granule cell ensembles activated by learning were not preferentially "
        "reactivated by memory recall.",
        # made-up negatives: a cause ("knocking down") or in whom ("with mice") is no method to drop
        "By knocking down the receptor, the researchers found that most cells died within a day.",
        "Experiments with mice showed that the drug lowered blood sugar.",
        "The researchers treated cells with the drug and found that growth slowed.",
        "The researchers examined 20 patients and found that growth slowed.",
        # elife_dev eLife.03697: what a model showed is no observation; the frame says so
        "A simple network model showed that strengthening and pruning of action-specific connections reduces "
        "the sensitivity of motor control circuits to variable input and neural ‘noise’.",
    ):
        assert _plain(kept) == kept, kept


def test_a_ratio_is_no_part_of_a_finding() -> None:
    # cochrane CD003914.pub4: "Failure with modifications was reduced, RR of 0.72 (95% CI ...)" was the
    # finding "Failure with modifications was reduced, RR of 0.72."
    assert (
        rw.strip_statistics(
            "Failure with modifications was reduced, RR of 0.72 (95% CI 0.65 to 0.79; 11 studies, 2169 patients; "
            "very low-quality data), while overall failure was the same, RR of 1.00 (95% CI 0.79 to 1.27; 7 "
            "studies, 943 patients; low-quality data)."
        )
        == "Failure with modifications was reduced, while overall failure was the same."
    )
    # a ratio that is the sentence's subject is not cut: nothing would be left (not fixed, see docs)
    assert rw.strip_statistics("The RR for NEC was 0.32 (95% CI 0.01 to 7.79).") == "The RR for NEC was 0.32."
