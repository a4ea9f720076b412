"""Whole count or a part (pipeline.text.counts.part_of_whole): the one reading that the composer's
review size and the participants fact share, on real sentences (their page ids in comments)."""

from __future__ import annotations

import re

import pytest

from pipeline.text.counts import part_of_whole


def _span(sentence: str, count: str) -> tuple[int, int]:
    start = sentence.index(count)
    return start, start + len(count)


PARTS = [
    # seed 109 #6 (CD001769, eval half): eligible people of five of the 11 trials, not the review's
    (
        "We included 11 trials in this review and IPD were available for 669 individuals out of 1119 "
        "eligible individuals from five out of 11 trials, 60% of the potential data.",
        "1119 eligible individuals",
        "some studies",
    ),
    (
        "We included 11 trials in this review and IPD were available for 669 individuals out of 1119 "
        "eligible individuals from five out of 11 trials, 60% of the potential data.",
        "669 individuals",
        "some studies",
    ),
    # CD007874 (mine half): the people of 82 of the 85 studies
    (
        "We included 85 studies, 82 of which (10,350 participants) were eligible for quantitative "
        "analysis in the review.",
        "10,350 participants",
        "some studies",
    ),
    # CD012065 (mine half)
    (
        "IPD were available for 1151 of 1239 eligible individuals from two of three eligible studies "
        "(93% of the potential data).",
        "1239 eligible individuals",
        "some studies",
    ),
    # CD011430 (mine half): analyses of 26 of the trials
    (
        "IPD were available for 26 of these trials and our analyses are based on 8447 participants "
        "(3323 deaths) in 34 trial comparisons.",
        "8447 participants",
        "some studies",
    ),
    # seed 109 #14 (CD013069): the end of a range of trial sizes
    (
        "most were unregistered, parallel-group, single-site RCTs, with samples ranging from 12 to 653 "
        "participants.",
        "653 participants",
        "bound",
    ),
    # CD009369 and CD009901 (mine half): the largest study's size, said as a range or a maximum
    (
        "The size of the included studies was between 42 and 158 participants with a study length "
        "between one and four months.",
        "158 participants",
        "bound",
    ),
    (
        "Study size was generally small, with a minimum of 40, and a maximum of 73 participants.",
        "73 participants",
        "bound",
    ),
    # CD012669 (mine half): a rate's base, no one counted
    (
        "If we consider the results of all 34 included studies in a virtual population of 1000 "
        "patients, based on the observed median prevalence, POCS would miss 73 patients with injuries.",
        "1000 patients",
        "bound",
    ),
    # CD011605 (mine half): a rate
    (
        "In the titration phase, 1 in 3 participants withdrew because of adverse events or inadequate "
        "pain relief, and almost 90% experienced adverse events.",
        "3 participants",
        "bound",
    ),
    # CD007752 (mine half): each of two trials
    (
        "Two trials of 30 and 48 hypothyroid women respectively compared levothyroxine doses, but both "
        "trials reported only biochemical outcomes.",
        "48 hypothyroid women",
        "one of a list",
    ),
    # seed 109 #13 (CD001983): one arm
    (
        "Nine trials met the inclusion criteria, including 221 patients randomized to calcitonin and 220 "
        "to placebo.",
        "221 patients",
        "one arm",
    ),
    # seed 109 #10 (CD005372): a control group
    (
        "The maximum number of studies compared in the meta-analysis was three (31 on oxygen versus 32 "
        "control participants), because all included studies did not measure the same outcomes.",
        "32 control participants",
        "control group",
    ),
    # CD001070 (mine half): the largest study's size
    (
        "All studies were of small size with the largest, van Wassenaer 1997, enrolling 200 infants.",
        "200 infants",
        "one study",
    ),
    # CD011605 (mine half): those titrated before the randomised phase
    (
        "Of 258 participants who underwent open-label titration, 163 were 'responders' and entered the "
        "randomised withdrawal phase.",
        "258 participants",
        "pool",
    ),
    # CD005543: each trial's people, said apart
    (
        "Two trials were included; one comparing the McRobert's manoeuvre and suprapubic pressure with "
        "no prophylactic manoeuvres in 185 women likely to give birth to a large baby and one trial "
        "comparing the use of the McRobert's manoeuvre versus lithotomy positioning in 40 women.",
        "40 women",
        "one study",
    ),
]


@pytest.mark.parametrize(("sentence", "count", "why"), PARTS)
def test_a_part_is_not_the_whole(sentence: str, count: str, why: str) -> None:
    assert part_of_whole(sentence, *_span(sentence, count)) == why


WHOLE = [
    # CD009403 (mine half): "randomised to either ... or placebo" is everyone, not an arm
    (
        "Nine studies compared 1354 participants randomised to either vitamin B or its derivatives with "
        "placebo or active control were identified.",
        "1354 participants",
    ),
    # CD008991, CD001323, CD012537 (mine half): a review's total, said in several ways
    ("This updated review includes a total of 15 trials (3490 women).", "3490 women"),
    ("We identified 17 trials that randomised a total of 9627 people.", "9627 people"),
    (
        "We included seven studies with a total of 1074 participants (aged 2 to 18 years) with chronic "
        "juvenile polyarthritis.",
        "1074 participants",
    ),
    # CD010513 (mine half): an aside about one of the studies is no subset of the people
    (
        "We included five trials (one of which was quasi-randomised) that reported results for 368 people "
        "who had PFPS.",
        "368 people",
    ),
    # CD007874 (mine half) is a subset: "82 of which (10,350 participants) were eligible"
    # CD006962 (mine half): the studies kept from the citations found, and their people
    (
        "Of 735 identified citations, 35 studies enrolling 5108 participants fulfilled the inclusion "
        "criteria.",
        "5108 participants",
    ),
    # bmc 10.1186/s13063-014-0527-7: a trial's planned total
    (
        "A total of 285 adults with aphasia at least four months post stroke will be randomly allocated.",
        "285 adults",
    ),
]


@pytest.mark.parametrize(("sentence", "count"), WHOLE)
def test_the_whole_is_the_whole(sentence: str, count: str) -> None:
    assert part_of_whole(sentence, *_span(sentence, count)) is None


def test_the_review_size_and_the_participants_fact_read_parts_the_same() -> None:
    # both readers call part_of_whole: neither keeps a rule of its own
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "pipeline"
    for path in ("draft/composer/plan.py", "enrich/participants.py"):
        source = (root / path).read_text()
        assert "part_of_whole" in source
        assert not re.search(r"_(?:BOUND_BEFORE|ARM_AFTER|ONE_OF_A_LIST|EACH_TRIAL|ARM_VERBS)\b", source)


def test_units_and_a_results_bracket_are_parts_h19counts() -> None:
    # cochrane CD003914.pub4: people counted with episodes
    text = "Fourteen trials and 2782 patients or episodes were included."
    at = text.index("2782")
    assert part_of_whole(text, at, at + len("2782 patients")) == "units"
    # cochrane CD003914.pub4: one result's sample; "(4031 couples or women)" (CD002118.pub5) is none
    text = "an OR of 0.90 (95% CI 0.64 to 1.25; 8 studies, 1242 patients; moderate-quality data)"
    at = text.index("1242")
    assert part_of_whole(text, at, at + len("1242 patients")) == "one result"
    text = "We included 27 RCTs (4031 couples or women)."
    at = text.index("4031")
    assert part_of_whole(text, at, at + len("4031 couples")) is None
