"""Round 28 (h28se): the simple explanation's grade (issue 14 items 1-2). The answer carries 45-54% of the
simple explanation's syllables on the mine half, BMC and eLife (docs/evaluation.md, "Round 28, h28se");
a primary study's answer framed by its results' hedge ("The data suggest that X is Y") says the hedge on
the claim ("X may be Y"), as the key findings do since round 23. Each page is composed from its real
abstract; each test fails on the round's start commit (5e7e418)."""

from __future__ import annotations

import pytest

from pipeline.draft.composer.shorten import _hedged_on_claim
from pipeline.settings import Settings
from tests.draft.conftest import bmc_or_elife_fields, cochrane_fields


def _model() -> str:
    model = Settings().spacy_model
    assert model
    return model


def test_results_hedge_said_on_the_claim() -> None:
    # elife_dev eLife.04193: "The data suggest that the FGF14b N-terminus is a potent regulator of
    # resurgent NaV current in cerebellar Purkinje nerve cells." (23 words)
    se = bmc_or_elife_fields("10.7554/eLife.04193")["10.7554/eLife.04193"].simple_explanation
    assert "The FGF14b N-terminus may be a potent regulator of resurgent NaV current" in se
    assert "suggest that" not in se


def test_review_frame_said_on_the_claim() -> None:
    # cochrane mine half CD003013: "This review suggests that lithium is an effective maintenance
    # treatment for bipolar disorder." (the work itself named as the frame's subject)
    (page,) = cochrane_fields(["10.1002/14651858.CD003013"])
    assert (
        "Lithium may be an effective maintenance treatment for bipolar disorder." in page.simple_explanation
    )


@pytest.mark.parametrize(
    "text",
    [
        # a second finite verb the "may" would not reach (bmc s40697-015-0090-5)
        "The study suggests that volume expansion is highly prevalent in hemodialysis population and "
        "could not be found using clinical measures alone.",
        # a subject that points back (cochrane CD010308.pub2)
        "The current evidence suggests that it can increase topical inflammatory response.",
        # a negated claim (bmc 1471-2202-7-19)
        "The results suggest that ADAM11 mutation does not affect cell migration and differentiation.",
    ],
)
def test_frame_kept_where_the_hedge_cannot_go_on_the_claim(text: str) -> None:
    assert _hedged_on_claim(text, [text], _model()) == text


def test_frame_kept_where_the_claim_repeats_the_topic() -> None:
    # the bare claim would be a near-repeat of the topic's question, which the field's dedupe drops
    topic = "This study asked if the kinase LYK5 is the primary receptor for chitin."
    text = "The data suggest that the kinase LYK5 is the primary receptor for chitin."
    assert _hedged_on_claim(text, [topic, text], _model()) == text


def test_frame_kept_where_a_short_form_is_the_subject() -> None:
    # cochrane mine half CD005306.pub2: the short form is written out after the field is chosen, its
    # number read from the verb ("WAP are" -> "written action plans (WAPs) are"); "may be" read as one
    # plan ("Symptom-based written action plan (WAP) may be superior to peak flow WAP ...")
    (page,) = cochrane_fields(["10.1002/14651858.CD005306.pub2"])
    assert "written action plan (WAP) may" not in page.simple_explanation
    assert "written action plans (WAPs) are superior to peak flow WAPs" in page.simple_explanation
