"""Key findings said more plainly (composer 25, h25kf), on real text.

A finding whose frame says whose result it is ("Thirteen trials ... showed", "One study reported")
keeps the frame and now gets every other plain-wording rule on its claim (at composer 24 it got none);
an effect noun before a measure or a count is said as its direction ("a reduction in readmission
rates" -> "lower readmission rates", "a reduction in ... flare-ups" -> "fewer ... flare-ups"). Each test
of what is said fails on composer 25 as it started (b5c494f); the guards keep the rules' limits.
"""

from __future__ import annotations

from pipeline.draft.composer.shorten import _effect_direction, plainer
from tests.draft.test_composer_summary_round22 import _mine


def test_a_whose_frame_stays_and_its_claim_is_said_plainly() -> None:
    # cochrane mine CD003703.pub3 (a key finding at b5c494f): the trials' frame says whose result it is
    text = (
        "Thirteen trials of intravenous sodium selenite showed a statistically significant reduction in "
        "overall deaths."
    )
    assert plainer(text, finding=True, keep_frame=True) == (
        "Thirteen trials of intravenous sodium selenite showed fewer overall deaths."
    )
    # cochrane mine CD001728.pub6: "no significant difference" is "no clear difference", the study kept
    text = (
        "One study looked at viral shedding in nasal washings, finding no significant difference between "
        "treatment and placebo groups."
    )
    assert plainer(text, finding=True, keep_frame=True) == (
        "One study looked at viral shedding in nasal washings, finding no clear difference between "
        "treatment and placebo groups."
    )
    # the frame itself is never dropped with keep_frame: "Two studies" must stay true (CD001770.pub3)
    framed = "Two studies showed that placebo was not as good as active treatment in resolving symptoms."
    assert plainer(framed, finding=True, keep_frame=True) == framed


def test_the_whose_frame_finding_on_the_page() -> None:
    page = _mine("CD003703.pub3")["CD003703.pub3"]
    assert "Thirteen trials of intravenous sodium selenite showed fewer overall deaths." in page.key_findings


def test_an_effect_noun_before_a_measure_or_count_is_its_direction() -> None:
    # cochrane mine CD003573.pub2 (a key finding at b5c494f, after "significant" is dropped)
    assert _effect_direction(
        "Eight trials with 870 patients showed a reduction in readmission rates for hospital at home."
    ) == ("Eight trials with 870 patients showed lower readmission rates for hospital at home.")
    # cochrane mine CD006316.pub3
    assert _effect_direction(
        "The study found a reduction in acute infective breathing flare-ups in the PV group."
    ) == ("The study found fewer acute infective breathing flare-ups in the PV group.")
    # a singular measure keeps its article
    assert (
        _effect_direction("Pilocarpine led to an increase in the risk.")
        == "Pilocarpine led to a higher risk."
    )


def test_an_effect_noun_it_cannot_say_as_a_direction_stays() -> None:
    for text in (
        # a negation: "no increase in deaths" is not "no more deaths" (cochrane mine CD011825.pub2)
        "There was no increase in deaths in people taking macrolides compared with placebo.",
        # a mass noun that is no measure or count (cochrane mine CD003755.pub2)
        "Insecticide-treated nets showed a reduction in anaemia and fetal loss in all pregnancies.",
    ):
        assert _effect_direction(text) == text
    # a measure of something named after "of" keeps _EFFECT_OF's wording ("incidence" is "rate of new
    # cases", cochrane CD003094.pub3), not "a lower rate of new cases"
    assert _effect_direction("Oral iron showed a reduction in the rate of new cases of anaemia.") == (
        "Oral iron showed fewer new cases of anaemia."
    )
