"""Round 14 (h14main): the main answer of a diagnostic review, a negative answer and an answer said
with a side result, and the caveat that must agree with it; cochrane_val mine-half look-alikes of the
pages the composer-13 blind read (eval half, seed 109) found without their main result."""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import COCHRANE, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields

NO_EFFECT_SHOWN = (
    "There may still be an effect"  # composer.v9 wording (h14se; v8: "An effect may still exist")
)


def _cochrane(*ids: str) -> list[DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return compose_fields([cochrane_article(records[f"10.1002/14651858.{i}"]) for i in ids])


def test_a_diagnostic_review_answers_with_its_tests_sensitivity_and_specificity() -> None:
    """CD012669: "Summary estimates of sensitivity and specificity were 0.74 (95% CI 0.65 to 0.81) and
    0.96 (95% CI 0.94 to 0.98)." was passed over for "POCS may have a higher sensitivity in chest
    injuries" (a subgroup); CD010633 said "more correct than" and no accuracy; the swap "sensitivity and
    specificity" -> "accuracy" made "Summary estimates of accuracy were 0.74 and 0.96" (which is which?)."""
    pocs, dat = _cochrane("CD012669.pub2", "CD010633.pub2")
    assert "sensitivity and specificity were 0.74 and 0.96" in pocs.simple_explanation, (
        pocs.simple_explanation
    )
    assert "had a sensitivity of 1.00 and a specificity of 0.92" in dat.simple_explanation, (
        dat.simple_explanation
    )
    for page in (pocs, dat):
        assert "Sensitivity tells how many of the people who have the condition" in page.simple_explanation
        assert "Specificity tells how many of those without it" in page.simple_explanation
        # a measured accuracy is no claim to hedge, nor an effect that was not shown
        assert NO_EFFECT_SHOWN not in page.simple_explanation
        assert "not yet proven" not in page.simple_explanation


def test_a_one_study_diagnostic_review_counted_in_its_statistics_answers_with_accuracy() -> None:
    """CD012883 names no included study ("evaluated in one study (Ong 2015)", "(n = 45, 1 study)"):
    its answer was "The researchers cannot make any recommendation ...", not the scan's accuracy."""
    (page,) = _cochrane("CD012883")
    assert "the sensitivity was 100% and the specificity was 83%" in page.simple_explanation
    assert "cannot make any recommendation" not in page.simple_explanation


def test_a_negative_answer_is_the_answer() -> None:
    """CD001070: "This review does not support the use of thyroid hormones in preterm infants to
    reduce neonatal mortality, ..." gave way to "The small number of infants ... limits the power of
    the meta-analysis to detect ..." (a gap) and one outcome's result."""
    (page,) = _cochrane("CD001070")
    assert "This review does not support the use of thyroid hormones" in page.simple_explanation, (
        page.simple_explanation
    )
    assert "limits the power" not in page.simple_explanation


def test_no_effect_caveat_never_follows_an_effect_shown() -> None:
    """CD002308: "ICS therapy reduces hospital admissions ..." (the answer) came after a harms side
    result ("There was no evidence of significant adverse effects ...") and before "An effect may still
    exist, but the studies did not show one."; CD010336: the same caveat after "Confirmed and suspect
    infection rates combined were lower in the antibiotic lock group"."""
    ics, lock = _cochrane("CD002308.pub2", "CD010336.pub2")
    se = ics.simple_explanation
    assert se.index("reduces hospital admissions") < se.index("no evidence of significant side effects"), se
    for page in (ics, lock):
        assert NO_EFFECT_SHOWN not in page.simple_explanation, page.simple_explanation


def test_a_negative_answer_keeps_its_no_effect_caveat() -> None:
    """CD004993: "This review has not confirmed the perception that subtotal hysterectomy offers
    improved outcomes ..." states no effect shown, whatever "improved" inside it: the caveat stays."""
    (page,) = _cochrane("CD004993.pub3")
    assert "has not confirmed" in page.simple_explanation
    assert NO_EFFECT_SHOWN in page.simple_explanation


def test_a_data_gap_and_a_count_in_a_concession_are_no_answer() -> None:
    """CD008919 said "No evidence was available for relapse, quality of life or service use." as its
    answer; "Although 22 trials could be included in this review, the evidence provided is limited
    ..." was taken for the review's size."""
    (page,) = _cochrane("CD008919.pub2")
    assert not page.simple_explanation.startswith("No evidence was available"), page.simple_explanation
    assert "The evidence provided is limited" in page.simple_explanation
