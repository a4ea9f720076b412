"""Key findings in fewer, plainer words (composer 20, h20kf), on real abstracts.

A key finding says an effect noun as the direction it names ("a reduction in the risk of X" -> "a
lower risk of X"), "no evidence of a difference in X between A and B" as "X did not clearly differ
between A and B", and "There was an increase in X ... and a reduction in Y" keeps both effects. Each
test fails on composer 19.
"""

from __future__ import annotations

from pipeline.draft.composer.shorten import plainer


def test_effect_noun_said_as_its_direction_in_a_finding() -> None:
    for text, plain in (
        (
            # cochrane CD000456 (composer 19 finding, its frame left as drafted)
            "HFPPV compared to CMV was linked to a reduction in the risk of air leak.",
            "HFPPV compared to CMV was linked to a lower risk of air leak.",
        ),
        (
            # cochrane CD003094 ("incidence" is already "rate of new cases" here)
            "Oral iron in pregnancy showed a reduction in the rate of new cases of anaemia and better "
            "blood test results than placebo.",
            "Oral iron in pregnancy showed fewer new cases of anaemia and better blood test results than placebo.",
        ),
    ):
        assert plainer(text, finding=True) == plain
        assert plainer(text) == text  # plainer's default leaves it (the SE: simple=True)


def test_effect_noun_kept_under_a_negation() -> None:
    # "no reduction in the risk of X" is not "no lower risk of X"; cochrane CD000456's own negated result
    text = "Neither HFPPV nor triggered ventilation was linked to a significant reduction in the rate of new cases of bronchopulmonary dysplasia."
    assert plainer(text, finding=True) == text


def test_no_evidence_of_a_difference_said_as_did_not_clearly_differ() -> None:
    for text, plain in (
        (
            # cochrane CD002118
            "There was no evidence of a difference between the groups in rates of multiple pregnancy.",
            "Rates of multiple pregnancy did not clearly differ between the groups.",
        ),
        (
            # cochrane CD004993
            "There was no evidence of a difference in the chance of blood transfusion.",
            "There was no clear difference in the chance of blood transfusion.",
        ),
        (
            # cochrane CD007854
            "There was no clear evidence of a difference between the groups on a visual analogue scale 0 - 10 pain scale.",
            "There was no clear difference between the groups on a visual analogue scale 0 - 10 pain scale.",
        ),
    ):
        assert plainer(text) == plain
    # cochrane CD004591: the trial provides no evidence; it does not "provide no clear benefit"
    text = (
        "The only randomized trial to date provides no evidence of significant benefit to premature babies "
        "from adding lactase to their feeds."
    )
    assert plainer(text) == text


def test_two_effect_nouns_keep_their_sentence() -> None:
    # cochrane CD012964: composer 19 wrote "The use of brace stitches rose in the tranexamic acid group
    # and a reduction in the need for laparotomy for bleeding." (the second effect without a verb)
    text = (
        "There was an increase in the use of brace stitches in the tranexamic acid group and a reduction "
        "in the need for laparotomy for bleeding."
    )
    assert plainer(text, finding=True) == text
    # one effect is still said with its verb
    assert plainer("There was an increase in the use of brace stitches in the tranexamic acid group.") == (
        "The use of brace stitches rose in the tranexamic acid group."
    )
