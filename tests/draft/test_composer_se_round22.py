"""The simple explanation's sentences in fewer syllables (composer 22, h22se), on real abstracts.

The simple explanation's shortener (``shorten.shorten``) says an effect noun as its direction, as the
key findings have since composer 20 ("an increase in the rate of new cases of X" -> "more new cases of
X"). Each test of a change fails on composer 21.
"""

from __future__ import annotations

import pytest

from pipeline.draft.composer.shorten import shorten
from pipeline.draft.composer.simplify import Realiser
from pipeline.settings import Settings


@pytest.fixture(scope="module")
def realiser() -> Realiser:
    return Realiser({}, None, frozenset(), [], Settings().spacy_model)


def test_effect_noun_said_as_its_direction(realiser: Realiser) -> None:
    for text, plain in (
        (
            # cochrane CD010826.pub2 (composer 21 simple explanation; "incidence" is the glossary's
            # "rate of new cases")
            "There is some evidence to suggest that EAUS before perineal repair is linked to reduced risk of "
            "severe anal incontinence but an increase in the rate of new cases of perineal pain at three months "
            "postpartum.",
            "There is some evidence to suggest that EAUS before perineal repair is linked to reduced risk of "
            "severe anal incontinence but more new cases of perineal pain at three months postpartum.",
        ),
        (
            # cochrane CD006780.pub3 (composer 21 simple explanation)
            "This review found the use of heparin to be linked to a reduction in risk of deaths around the time "
            "of birth, premature birth before 34 and 37 weeks' gestation, and infant birth weight below the "
            "10th centile for gestational age.",
            "This review found the use of heparin to be linked to a lower risk of deaths around the time of "
            "birth, premature birth before 34 and 37 weeks' gestation, and infant birth weight below the 10th "
            "centile for gestational age.",
        ),
    ):
        assert shorten([text], realiser, 15) == [plain]


def test_effect_noun_under_a_negation_is_kept(realiser: Realiser) -> None:
    # cochrane CD001018 (the answer's wording with the rule's noun): "no reduction in the risk" is no
    # "no lower risk"
    text = "There was no reduction in the risk of weight gain with oestrogen or combined oestrogen with progestogen."
    assert shorten([text], realiser, 20) == [text]


def test_report_frame_kept_where_only_the_claims_grammar_reads_it_as_a_clause(realiser: Realiser) -> None:
    # elife_dev eLife.05151 (composer 21 simple explanation): the key findings drop this frame where the
    # tagger misreads the claim's verb (shorten._claim_clause); the simple explanation keeps it: the
    # measures' tagger reads the claim alone as verbless, and the frame's short words lower the grade
    text = (
        "The researchers show that Nf1 inactivation during early, but not late stages of cerebellar "
        "development, disrupts nerve cell lamination."
    )
    assert shorten([text], realiser, 20) == [text]
