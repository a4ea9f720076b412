"""Key findings and research summaries without report frames (composer 23, h23kf), on real text.

The work's own results framed by a hedge verb ("The results suggest that X is Y", "The researchers
propose that X ...") say the hedge on the claim ("X may be Y"); a review's pooled analysis ("Pooled
analysis showed that X") says X. A claim the rule cannot hedge for sure (a second finite verb, an
adverb before the verb, a negation, "would") keeps its frame. Each test fails on composer 23 as it
started (a7effd3).
"""

from __future__ import annotations

import pytest

from pipeline.settings import Settings
from tests.conftest import SHARED_DATA


@pytest.fixture(scope="module")
def model() -> str:
    return Settings().spacy_model


def test_the_results_hedge_is_said_on_the_claim(model: str) -> None:
    from pipeline.draft.composer.shorten import hedged_claim

    for text, said in (
        # bmc 10.1186/1471-213X-4-16 (composer 23 key finding at a7effd3): present -> "may" + base form
        (
            "The results suggest that phosphatidylserine receptor plays a key role in cardiac development.",
            "Phosphatidylserine receptor may play a key role in cardiac development.",
        ),
        # elife_dev eLife.06072: a passive's "are" -> "may be"
        (
            "The results suggest that binaural nerve cells are tuned to acoustical features of ecological "
            "environments, rather than to fixed interaural delays.",
            "Binaural nerve cells may be tuned to acoustical features of ecological environments, rather "
            "than to fixed interaural delays.",
        ),
        # elife_dev eLife.06774: "have evolved" -> "may have evolved"
        (
            "The results suggest that tarantula toxins have evolved a similar concave surface for clamping "
            "onto α-helices that is effective in aqueous or lipidic physical environments.",
            "Tarantula toxins may have evolved a similar concave surface for clamping onto α-helices that is "
            "effective in aqueous or lipidic physical environments.",
        ),
        # cochrane CD005240.pub2 (mine half): a claim that says "may" already loses only the frame
        (
            "The findings suggest that mandatory pre-licence training may be an impediment to completing a "
            "motorcycle licensing process, possibly indirectly reducing crashes through a reduction in "
            "exposure.",
            "Mandatory pre-licence training may be an impediment to completing a motorcycle licensing "
            "process, possibly indirectly reducing crashes through a reduction in exposure.",
        ),
        # elife_dev eLife.00861 (research summary): "are differently used" -> "may be differently used"
        (
            "The results suggest that promoters are differently used during the zygotic genome activation, "
            "presumably because they have distinct dynamic properties.",
            "Promoters may be differently used during the zygotic genome activation, presumably because they "
            "have distinct dynamic properties.",
        ),
    ):
        assert hedged_claim(text, model) == said


def test_a_claim_the_hedge_cannot_reach_keeps_its_frame(model: str) -> None:
    from pipeline.draft.composer.shorten import hedged_claim

    for text in (
        # elife_dev eLife.07739: an adverb before the verb and a second finite verb ("are connected"):
        # "MICOS subcomplexes independently may localize ... and are connected" was written
        "The data suggest that MICOS subcomplexes independently localize to cristae junctions and are "
        "connected through Mic19, which functions to control subcomplex distribution.",
        # cochrane CD003416.pub4 (mine half): "would" is no hedge of its own
        "The results suggest that for a woman with a 42% chance of live birth following a single cycle of "
        "double embryo transfer, the chance following repeated SET would be between 31% and 44%.",
        # bmc 10.1186/1745-6215-16-1: where the claim comes from is said
        "Qualitative feedback suggested that people had been attracted by the prospect of support that "
        "focused on smoking reduction rather than abrupt quitting.",
        # a negation stays under its frame
        "The results suggest that the protein does not bind DNA.",
    ):
        assert hedged_claim(text, model) == text


def test_a_reviews_pooled_analysis_says_its_claim() -> None:
    from pipeline.draft.composer.fields import _WHOSE_FRAME
    from pipeline.draft.composer.shorten import plainer

    # cochrane CD000456.pub5 (mine half, composer 23 key finding at a7effd3)
    assert (
        plainer(
            "The pooled analysis demonstrates that HFPPV compared to CMV was linked to a lower risk of air leak."
        )
        == "HFPPV compared to CMV was linked to a lower risk of air leak."
    )
    # cochrane CD011088.pub2: "Pooled analysis" is all the review's studies, no one study's frame ...
    assert not _WHOSE_FRAME.match("Pooled analysis showed that extended prophylaxis was no more effective.")
    # ... but "of two trials" says whose
    assert _WHOSE_FRAME.match("Pooled analysis of two trials showed that X was lower.")


def test_pages_say_the_hedge_on_the_claim_and_keep_a_framed_answer() -> None:
    """Drafted elife_dev pages: eLife.06072's finding says "may be tuned"; eLife.05124's result without
    its frame reads as the simple explanation's question ("This study asked if the equatorial position
    of the metaphase plate ensures ..."), so it is said framed, as before, rather than dropped."""
    from pipeline.lab.datasets import load_pairs, pair_to_article
    from tests.draft.conftest import compose_fields

    path = SHARED_DATA / "elife_dev" / "pairs.jsonl"
    if not path.exists():
        pytest.skip(f"shared data {path} is not present")
    pairs = {p.id: p for p in load_pairs(path, require_summary=False)}
    tuned, plate = compose_fields([pair_to_article(pairs[f"10.7554/eLife.{i}"]) for i in ("06072", "05124")])
    assert any(f.startswith("Binaural nerve cells may be tuned") for f in tuned.key_findings)
    assert not any(f.startswith("The results suggest") for f in tuned.key_findings)
    assert any("equatorial position of the metaphase plate" in f for f in plate.key_findings)


def test_a_hypothesis_is_no_hedged_claim(model: str) -> None:
    """biolaysumm elife-28652-v1 (research summary at eb26a93): what the researchers set out to test keeps
    its frame; their proposal is said with "may"."""
    from pipeline.draft.composer.shorten import hedged_claim

    hypothesis = (
        "The researchers hypothesized that host proteostasis mechanisms may be significant determinants of the "
        "fitness of viral protein variants, serving as a critical force shaping viral evolution."
    )
    assert hedged_claim(hypothesis, model) == hypothesis
    assert (
        hedged_claim("The researchers propose that the tail acts as a sensor of membrane tension.", model)
        == "The tail may act as a sensor of membrane tension."
    )


def test_a_claim_that_points_back_keeps_its_frame(model: str) -> None:
    """elife_dev eLife.02482 (research summary at a7effd3): "this new SETD2-dependent role" named what the
    abstract said before; without the frame the summary sentence opened "This new ..." and was dropped."""
    from pipeline.draft.composer.shorten import hedged_claim

    text = (
        "The researchers propose that this new SETD2-dependent role provides a chromatin bookmarking "
        "instrument that helps signaling and repair of double-strand breaks."
    )
    assert hedged_claim(text, model) == text
