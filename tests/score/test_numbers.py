"""Number faithfulness: forms of the same number, units, rounding, planted errors."""

from __future__ import annotations

import pytest

from pipeline.lab.datasets import Pair, pair_to_article
from pipeline.score import numbers as n
from pipeline.score.claims import study_claims
from tests.score.conftest import INTERFERON, abstract, load_pairs, make_article


def _values(text: str) -> list[tuple[float, str | None]]:
    return [(m.value, m.unit) for m in n.find_numbers(text)]


def test_find_numbers_forms() -> None:
    assert _values("Fifty-four trials, 6,545 and 1 234 people") == [(54, None), (6545, None), (1234, None)]
    assert _values("one hundred and one patients, twenty five percent") == [(101, None), (25, "%")]
    assert _values("17% (95% CI 10 to 28%)") == [(17, "%"), (95, "%"), (10, "%"), (28, "%")]
    assert _values("a 12-week trial, 3.5 mg/kg for 24 h") == [(12, "week"), (3.5, "mg/kg"), (24, "hour")]
    assert _values("COVID-19 and IL-6 in one of them") == []
    assert _values("from 2006 to 2012, 5-10 mg") == [(2006, None), (2012, None), (5, "mg"), (10, "mg")]


@pytest.mark.parametrize(
    ("draft", "source"),
    [
        ("45%", "45 percent of patients"),
        ("45 per cent", "45%"),
        ("101 patients", "one hundred and one patients"),
        ("fifty-four trials", "54 trials"),
        ("1,234 people", "1234 people"),
        ("1 234 people", "1,234 people"),
        ("10 to 50 mg", "10-50 mg"),
        ("10-50 mg", "between 10 and 50 mg"),
        ("12 weeks", "a 12-week course"),
        ("0.5 mg", "0.50 mg"),
        ("65 years", "patients aged 65"),
        ("the 2006 cohort", "recruited in 2006"),
    ],
)
def test_equivalent_forms_are_supported(draft: str, source: str) -> None:
    res = n.number_faithfulness(draft, make_article(source))
    assert res.value == 1.0 and not [f for f in res.flags if f.severity == "error"]


def test_rounding_is_supported_with_a_note() -> None:
    art = make_article("Pain fell in 45.3% of patients (6545 people).")
    res = n.number_faithfulness("Pain fell in 45% of patients, about 6500 people.", art)
    assert res.value == 1.0
    assert [f.severity for f in res.flags] == ["note", "note"]
    assert res.flags[0].reason == "rounded: 45% (source: 45.3%)"
    assert res.flags[0].source_span == {"section": 0, "start": 13, "end": 18, "text": "45.3%"}


def test_a_swapped_unit_is_an_error_naming_the_abstract_number() -> None:
    """The abstract gives the same value with another unit: a contradiction, not a new figure."""
    res = n.number_faithfulness("12 months of treatment", make_article("12 weeks of treatment"))
    assert [(f.severity, f.reason) for f in res.flags] == [
        ("error", "number differs from the abstract: 12 months (the abstract says 12 weeks here)")
    ]


@pytest.mark.parametrize(
    ("draft", "source"),
    [
        ("46%", "45.3%"),  # not a rounding of it
        ("45.1%", "45.3%"),
        ("30 mg", "3 mg"),
        ("a 20 to 60 mg range", "10 to 50 mg"),
    ],
)
def test_a_number_the_abstract_does_not_mention_is_a_warning(draft: str, source: str) -> None:
    """Nothing beside the number ties it to an abstract number: a figure to check in the full
    review (or a made-up one), a warning for the editor, not an error that fails the gate."""
    res = n.number_faithfulness(draft, make_article(source))
    warnings = [f for f in res.flags if f.severity == "warning"]
    assert warnings and res.value is not None and res.value < 1.0
    assert not [f for f in res.flags if f.severity == "error"]
    assert warnings[0].reason.startswith("number not in the source: ")
    assert warnings[0].reason.endswith("(check it against the full review)")
    start, end = warnings[0].draft_span or (0, 0)
    assert draft[start:end] == warnings[0].draft_text


def test_no_numbers_is_one() -> None:
    assert n.number_faithfulness("Pain got better.", make_article("Pain improved.")).value == 1.0


def test_title_numbers_count_as_source() -> None:
    art = make_article("Pain improved.")
    art.title = "A 2-year trial in 300 adults"
    assert n.number_faithfulness("Over 2 years, 300 adults took part.", art).value == 1.0


def test_planted_number_errors_in_a_real_abstract() -> None:
    text = abstract(INTERFERON)
    art = make_article(text)
    clean = (
        "Fifty-four trials enrolling 6545 patients were included. "
        "Compared with no treatment, interferon 3 MU thrice weekly for 12 months increased the "
        "probability of a virologic SR. The rate of virologic SR was 17% (95% CI 10 to 28%) in "
        "interferon-treated patients versus 3% in controls."
    )
    assert n.number_faithfulness(clean, art).value == 1.0
    changed = clean.replace("17%", "27%")
    res = n.number_faithfulness(changed, art)
    assert [f.draft_text for f in res.flags if f.severity == "error"] == ["27%"]
    swapped = clean.replace("for 12 months", "for 12 weeks")
    res = n.number_faithfulness(swapped, art)
    assert [f.draft_text for f in res.flags if f.severity == "error"] == ["12 weeks"]


def test_a_search_date_is_a_note_and_a_natural_frequency_scale_no_claim() -> None:
    """Human summaries give the search date and "in 100 people" scales, which abstracts lack."""
    art = make_article("Of 356 participants, 15 had a relapse.")
    res = n.number_faithfulness(
        "We searched up to March 2016. About 4 in 100 people had a relapse (15 of 356).", art
    )
    # "4 in 100" is no abstract number (15 of 356 as a natural frequency): a warning to check,
    # not an error, since no abstract number gives the same quantity with another value
    assert [(fl.severity, fl.draft_text) for fl in res.flags] == [("note", "2016"), ("warning", "4")]
    assert res.flags[0].reason == "date not in the abstract: 2016 (check it against the full text)"
    # a changed count is still an error
    wrong = n.number_faithfulness("Of 365 participants, 15 had a relapse.", art)
    assert [(fl.severity, fl.draft_text) for fl in wrong.flags] == [("error", "365")]


def test_a_changed_number_names_the_abstract_number_it_differs_from() -> None:
    """The cystic fibrosis summary's "a total of 356 people" changed to 536: the abstract gives
    356 with the same words around it, so the flag says which number the abstract has there (a
    figure from the full review with nothing to compare it to stays "not in the source")."""
    raw = next(p for p in load_pairs() if p["id"] == "10.1002/14651858.CD002007.pub4")
    article = make_article(raw["abstract"])
    assert n.number_faithfulness(raw["plain_summary"], article).flags == []
    changed = raw["plain_summary"].replace("a total of 356 people", "a total of 536 people")
    errors = [f for f in n.number_faithfulness(changed, article).flags if f.severity == "error"]
    assert [e.reason for e in errors] == [
        "number differs from the abstract: 536 (the abstract says 356 here)"
    ]
    assert errors[0].source_span is not None and errors[0].source_span["text"] == "356"
    added = raw["plain_summary"] + " The review was first published in 1988 and had 14 authors."
    flags = n.number_faithfulness(added, article).flags
    assert [(f.severity, f.reason) for f in flags if not f.reason.startswith("date")] == [
        ("warning", "number not in the source: 14 (check it against the full review)")
    ]


def test_the_day_of_a_search_date_is_part_of_the_date() -> None:
    """Real summary (CD006606.pub4): "from database inception to 17 April 2018" is a search date
    from the full review; its day was an error ("number not in the source: 17") while its year
    was a note. Both are now the date's note; a count that differs is still an error."""
    pair = next(p for p in load_pairs() if p["id"] == "10.1002/14651858.CD006606.pub4")
    article = make_article(pair["abstract"])
    assert "to 17 April 2018" in pair["plain_summary"]
    flags = n.number_faithfulness(pair["plain_summary"], article).flags
    assert [(fl.severity, fl.draft_text) for fl in flags if fl.draft_text in ("17", "2018")] == [
        ("note", "17"),
        ("note", "2018"),
    ]
    for text in ("up to 1st August 2014", "as of May 8, 2017", "to 20 June 2018"):
        day = n.find_numbers(text)[0]
        assert n.is_day_of_date(text, day), text
    assert not n.is_day_of_date("12 May trials", n.find_numbers("12 May trials")[0])


def test_a_count_beside_the_same_other_count_differs_from_the_abstract() -> None:
    """CD001114.pub2: the abstract says "Thirteen RCTs of variable quality involving 1066
    participants"; a sentence with its thirteen studies and another number of people changed
    that number, though no word next to it is the abstract's ("with ... people in total" for
    "involving ... participants"). A close paraphrase with the abstract's numbers is clean, and a
    count with no abstract number beside it stays a figure to check, not an error."""
    article = make_article(abstract("10.1002/14651858.CD001114.pub2"))
    assert "Thirteen RCTs of variable quality involving 1066 participants" in article.sections[0].text
    clean = n.number_faithfulness("The review found thirteen studies with 1066 people in total.", article)
    assert clean.flags == [] and clean.value == 1.0
    changed = n.number_faithfulness("The review found thirteen studies with 533 people in total.", article)
    assert [(f.severity, f.reason) for f in changed.flags] == [
        ("error", "number differs from the abstract: 533 (the abstract says 1066 here)")
    ]
    alone = n.number_faithfulness("The studies were small; the largest had 533 people.", article)
    assert [f.severity for f in alone.flags] == ["warning"]


def test_the_same_value_with_a_unit_of_another_kind_is_another_quantity() -> None:
    """CD003633.pub3's summary says participants stayed "between 16 and 20 weeks"; its abstract
    has a 16% elsewhere. Weeks and percent measure different things, so 16 weeks is a figure to
    check, not a changed 16%."""
    article = make_article(abstract("10.1002/14651858.CD003633.pub3"))
    text = (
        "Participants remained in the studies for a short time, between 16 and 20 weeks after the treatment."
    )
    flags = n.number_faithfulness(text, article).flags
    assert "16%" in article.sections[0].text
    assert not [f for f in flags if f.severity == "error"]


def test_a_count_of_a_subset_from_the_full_review_is_no_changed_number() -> None:
    """CD001323.pub2's summary says "Six of these trials suggested that PHACO gives a better
    outcome" and "Two studies compared the results of PHACO and MSICS": counts of some of the 17
    trials, from the full review. number_faithfulness 5 called both a changed 17 (the same word
    "trials" beside them), an error that fails the gate; they state no quantity the abstract
    gives, so they are warnings to check in the full review. The review's whole count changed is
    still an error, in the summary's own words."""
    pair = next(p for p in load_pairs() if p["id"] == "10.1002/14651858.CD001323.pub2")
    article = make_article(pair["abstract"])
    assert "We identified 17 trials that randomised a total of 9627 people." in pair["abstract"]
    flags = n.number_faithfulness(pair["plain_summary"], article).flags
    assert [(f.severity, f.draft_text) for f in flags if f.draft_text in ("Six", "Two")] == [
        ("warning", "Six"),
        ("warning", "Two"),
    ]
    assert not [f for f in flags if f.severity == "error"]
    changed = pair["plain_summary"].replace("identified 17 randomised", "identified 27 randomised")
    errors = [f for f in n.number_faithfulness(changed, article).flags if f.severity == "error"]
    assert [e.reason for e in errors] == ["number differs from the abstract: 27 (the abstract says 17 here)"]
    # a clean paraphrase with other words for the same counts is not flagged at all
    clean = n.number_faithfulness("The review found 17 studies with 9627 people in total.", article)
    assert clean.flags == []


def _summary_sentence(pair_id: str, needle: str) -> tuple[str, object]:
    """The sentence of a human summary that contains ``needle``, and the pair's abstract."""
    pair = next(p for p in load_pairs() if p["id"] == f"10.1002/14651858.{pair_id}")
    text = pair["plain_summary"]
    at = text.index(needle)
    start, end = n._sentence_of(text, at)
    return text[start:end].strip(), make_article(pair["abstract"])


@pytest.mark.parametrize(
    ("pair_id", "needle", "number"),
    [
        # the ends of a rating scale define it: a score on it is another quantity
        ("CD008322.pub2", "a mean score of 63", "63"),
        # digits written on to letters are part of a name
        ("CD010891.pub2", "HLA-B*5701", "5701"),
        # a range of study sizes is not the review's total
        ("CD011927.pub2", "Each study included between 30 and 218", "218"),
        # the size of one study is not the review's total
        ("CD012065.pub3", "the remaining trial, which included 88", "88"),
        ("CD007924.pub3", "a small trial of only 13 women", "13"),
        # the people of 24 of the 47 trials are not the 17,039 of all of them
        ("CD004126.pub3", "Twenty-four studies involved 2672 adults", "2672"),
        # round 12: a natural frequency's numerator is a rate, not the review's 11,107 patients
        ("CD011430", "64 out of every 100 patients", "64"),
        # round 12: studies awaiting classification are not the 85 the review included
        ("CD007874.pub2", "We found 11 potential studies of interest", "11"),
        # round 14: counts of a part from the full review whose only words in common with the
        # abstract count are what both count, in a sentence that restates it loosely (cover < 0.6)
        ("CD002243.pub4", "Fifty-eight trials compared corticosteroids", "Fifty-eight"),
        ("CD004417.pub5", "Ten of these studies compared strategies", "Ten"),
        ("CD010726.pub2", "nicorandil versus placebo (one study, 248 participants)", "248"),
        ("CD011825.pub2", "Funding sources were unclear in 59 studies", "59"),
        # round 14: a sentence of numbers and report words only restates no abstract sentence
        ("CD004126.pub3", "Nineteen studies included more than 100 participants", "Nineteen"),
        # round 14: "Twenty-two trials" is not the abstract's "22 excluded children": no sibling
        # for the other count of the sentence
        ("CD005433.pub2", "and 11 trials compared outcomes", "11"),
    ],
)
def test_numbers_that_state_another_quantity_are_no_changed_number(
    pair_id: str, needle: str, number: str
) -> None:
    """False alarms of number_faithfulness 6 on clean human summaries (the "mine" half of
    cochrane_val): each number was called a changed abstract number, an error that fails the gate,
    while it states another quantity than the one it was compared with ("63" on a "scale of 0 to
    100" against the abstract's "100 point scale"; "between 30 and 218 participants" against
    "a total of 651 participants"). Figures the abstract lacks stay warnings to check."""
    sentence, article = _summary_sentence(pair_id, needle)
    flags = n.number_faithfulness(sentence, article).flags
    assert not [f for f in flags if f.severity == "error"], flags
    assert [f.severity for f in flags if f.draft_text == number] == ["warning"]


@pytest.mark.parametrize(
    ("pair_id", "changed"),
    [
        ("CD011927.pub2", "We included seven RCTs with a total of 561 participants."),
        ("CD004126.pub3", "We included 47 trials with 71,039 participants."),
        (
            "CD012065.pub3",
            "IPD were available for 1151 of 1293 eligible individuals from two of three eligible studies.",
        ),
        ("CD008322.pub2", "Physical activity lowered fatigue by 41.4 points on a 100 point scale."),
    ],
)
def test_the_same_abstracts_numbers_changed_are_still_errors(pair_id: str, changed: str) -> None:
    """The abstracts of the cases above, their own figures changed (651 -> 561, 17,039 -> 71,039,
    1239 -> 1293, 14.4 -> 41.4): still a number that differs from the abstract."""
    article = make_article(
        next(p for p in load_pairs() if p["id"] == f"10.1002/14651858.{pair_id}")["abstract"]
    )
    errors = [f for f in n.number_faithfulness(changed, article).flags if f.severity == "error"]
    assert errors and errors[0].reason.startswith("number differs from the abstract")


@pytest.mark.parametrize(
    ("pair_id", "changed", "abstract_says"),
    [
        # round 13: the abstract's count is the whole review by the words after it ("Eight studies
        # involving 2007 patients met the inclusion criteria"), and "2007 patients" is a count, not a year
        (
            "CD003410.pub4",
            "The authors of the review identified 16 randomised studies involving 2007 adult patients.",
            "Eight",
        ),
        ("CD006893", "18 studies were reviewed.", "Nine"),
        # a count whose value could be a year ("1974 participants") is compared as a count
        (
            "CD001802.pub3",
            "Seven trials with low to moderate risk of bias were included: five in children (1974 "
            "participants) and two in adults (156 participants).",
            "987",
        ),
        # the same count named by the same words of its own after it, in another sentence
        (
            "CD003755.pub2",
            "The 8 trials in sub-Saharan Africa compared ITNs with no nets and showed a benefit from ITNs.",
            "four",
        ),
        # a sentence that restates its abstract sentence closely has changed the one number it
        # gives that the abstract sentence lacks, whatever the words beside it
        (
            "CD007874.pub2",
            "We included 85 studies, 123 of which (10,350 participants) were eligible for quantitative analysis.",
            "82",
        ),
    ],
)
def test_round_13_changed_counts_and_numbers_are_errors(
    pair_id: str, changed: str, abstract_says: str
) -> None:
    """Injected changes the flag bench missed on the "mine" half of cochrane_val (round 13): each
    summary sentence with one number changed is a number that differs from the abstract's."""
    article = make_article(
        next(p for p in load_pairs() if p["id"] == f"10.1002/14651858.{pair_id}")["abstract"]
    )
    errors = [f for f in n.number_faithfulness(changed, article).flags if f.severity == "error"]
    assert [e.reason.rsplit("says ", 1)[1] for e in errors] == [f"{abstract_says} here)"]


def test_a_search_date_before_a_count_is_still_a_date() -> None:
    """CD012964's summary: "We searched for evidence on 28 May 2017 and found three trials": the
    year stands before a count ("three trials") but counts nothing itself (round 13: a year-like
    number is a count only when the count word follows it with no number between)."""
    sentence, article = _summary_sentence("CD012964", "28 May 2017")
    flags = n.number_faithfulness(sentence, article).flags
    assert not [f for f in flags if f.severity == "error"], flags
    assert n.is_date_year(sentence, next(m for m in n.find_numbers(sentence) if m.value == 2017))


def test_a_close_restatement_changes_a_value_the_abstract_has_elsewhere_only_there() -> None:
    """Round 13: "(RR 0.43, 95% CI 0.26 to 0.71; 11 trials, 50,227 participants)" restating
    CD009029's "(...; two trials, 50,227 participants)" has changed the two, though the abstract
    has an 11 elsewhere. A value stated by another abstract sentence that the sentence also
    restates is that sentence's (CD010633's draft "Analysed visually, the sensitivity was 0.86 (95%
    confidence interval 0.42 to 1.00).", close to the semiquantitative sentence with 0.92 too)."""
    article = make_article(next(p for p in load_pairs() if p["id"].endswith("CD009029.pub2"))["abstract"])
    changed = (
        "Short term protection against ETEC diarrhoea was demonstrated, lasting for around three months "
        "(RR 0.43, 95% CI 0.26 to 0.71; 11 trials, 50,227 participants)."
    )
    assert [f.reason for f in n.number_faithfulness(changed, article).flags] == [
        "number differs from the abstract: 11 (the abstract says two here)"
    ]
    article = make_article(next(p for p in load_pairs() if p["id"].endswith("CD010633.pub2"))["abstract"])
    draft = "Analysed visually, the sensitivity was 0.86 (95% confidence interval 0.42 to 1.00)."
    assert not [f for f in n.number_faithfulness(draft, article).flags if f.severity == "error"]


def test_a_count_is_no_sibling_of_a_part_of_another_number() -> None:
    """Round 14: CD006266.pub2's summary "Seven trials involving 362 participants tested ..." had
    its 362 called a changed "23" of the abstract sentence that has "7 of 11 patients": the
    abstract's 7 is a part of 11 patients, not a count of trials, so no sibling of "Seven trials"."""
    pair = next(p for p in load_pairs() if p["id"] == "10.1002/14651858.CD006266.pub2")
    article = make_article(pair["abstract"])
    flags = n.number_faithfulness(pair["plain_summary"], article).flags
    assert [f.severity for f in flags if f.draft_text == "362"] == ["warning"]


def test_round_15_a_part_and_a_study_count_are_no_changed_number() -> None:
    """Round 15 (number_faithfulness 11), false alarms on clean human summaries (the "mine" half):
    CD005030.pub2's "There were five studies, four of which added the community component ..."
    had its "five" called the abstract's changed "Seventeen", through the "four types of
    intervention" of that sentence: a part ("four of which") is no sibling of a count of another
    thing. CD004126.pub3's "Twenty-four studies involved 2672 adults having heart surgery" was a
    changed "eight" of "... and eight only included participants undergoing vascular surgery",
    which counts studies; CD004417.pub5's "five included only children (1173 participants)" the
    same of "two only adults". A count changed in these sentences is still an error."""
    for pair_id, needle in (
        ("10.1002/14651858.CD005030.pub2", "There were five studies, four of which added"),
        ("10.1002/14651858.CD004126.pub3", "Twenty-four studies involved 2672 adults having heart surgery."),
        ("10.1002/14651858.CD004417.pub5", "five included only children (1173 participants)"),
    ):
        pair = next(p for p in load_pairs() if p["id"] == pair_id)
        assert needle in pair["plain_summary"]
        article = make_article(pair["abstract"])
        flags = n.number_faithfulness(pair["plain_summary"], article).flags
        assert [f.reason for f in flags if f.reason.startswith("number differs")] == [], pair_id
    pair = next(p for p in load_pairs() if p["id"] == "10.1002/14651858.CD009029.pub2")
    article = make_article(pair["abstract"])
    changed = "Four studies assessed the use of oral cholera vaccines and 12 studies assessed the protective efficacy of ETEC-specific vaccines."
    assert [f.severity for f in n.number_faithfulness(changed, article).flags if f.draft_text == "12"] == [
        "error"
    ]


def test_round_15_whole_review_counts_read_past_brackets_and_in_the_review() -> None:
    """Round 15 (number_faithfulness 11): the abstracts' whole counts that were read as parts:
    CD010415.pub2's "We identified 21 studies for inclusion in the review: ..." ("in the review" is
    no "in the ..." of a part) and CD007924.pub3's "Five trials involving 297 women with high-grade
    VIN (defined by trial investigators as VIN 2/3 ...) met our inclusion criteria" (the bracket
    hid the criteria). The review's size changed in a summary or a draft is now an error there
    (injections of the flag bench, mine half); the clean sentences are not flagged."""
    for pair_id, clean, changed in (
        (
            "10.1002/14651858.CD010415.pub2",
            "The quality of the evidence was low with 20 of the included 21 studies using a controlled before-after study design.",
            "The review found 63 studies.",
        ),
        (
            "10.1002/14651858.CD007924.pub3",
            "In total, we included five randomised controlled trials involving 297 women.",
            "In total, we included 15 randomised controlled trials involving 297 women.",
        ),
    ):
        pair = next(p for p in load_pairs() if p["id"] == pair_id)
        article = make_article(pair["abstract"])
        assert [f for f in n.number_faithfulness(clean, article).flags if f.severity == "error"] == [], (
            pair_id
        )
        flags = n.number_faithfulness(changed, article).flags
        assert [f.severity for f in flags if f.reason.startswith("number differs")] == ["error"], pair_id


def test_round_16_a_whole_count_changed_to_a_value_the_abstract_gives_for_something_else() -> None:
    """Round 16 (number_faithfulness 12): a draft's "This review included 17 studies with 9627
    people" changed to "7 studies" (flag bench, mine half, CD001323.pub2, whose abstract says "We
    identified 17 trials that randomised a total of 9627 people" and has a 7 elsewhere): the 7 is
    in the abstract, but not as the review's count of studies, which the same sentence's 9627
    people pin down. A whole count beside no whole count of the other kind ("All 1356
    participants were asked ...", CD012352.pub2's summary, where 1356 is one study's) is not
    read so."""
    article = make_article(abstract("10.1002/14651858.CD001323.pub2"))
    clean = "This review included 17 studies with 9627 people."
    assert [f for f in n.number_faithfulness(clean, article).flags if f.severity == "error"] == []
    changed = "This review included 7 studies with 9627 people."
    assert [f.reason for f in n.number_faithfulness(changed, article).flags] == [
        "number differs from the abstract: 7 (the abstract says 17 here)"
    ]
    article = make_article(abstract("10.1002/14651858.CD012352.pub2"))
    summary = "All 1356 participants were asked to complete follow-up telephone interviews at 2, 6, and 12 months after randomisation."
    assert [f for f in n.number_faithfulness(summary, article).flags if f.severity == "error"] == []


def test_round_16_whole_counts_after_a_study_design_and_in_the_included_bracket() -> None:
    """Round 16 (number_faithfulness 12, study_claims 8): human summaries on the "mine" half whose
    changed count was let through. CD009477.pub2: "we found seven small randomized controlled
    trials (considered the highest quality study design) involving 691 participants" read the
    "study design" as one study, so 691 changed to 2073 was a study's size, not the review's;
    CD012224: "we included 60 trials (3620 participants)" changed to "(54 participants)" was no
    whole count (the bracket after what the review included), and 54 is another abstract count."""
    for pair_id, clean, changed in (
        (
            "10.1002/14651858.CD009477.pub2",
            "After searching for all relevant studies to August 2015, we found seven small randomized controlled "
            "trials (considered the highest quality study design) involving 691 participants aged 17 to 78 years.",
            "After searching for all relevant studies to August 2015, we found seven small randomized controlled "
            "trials (considered the highest quality study design) involving 2073 participants aged 17 to 78 years.",
        ),
        (
            "10.1002/14651858.CD012224",
            "After searching for all relevant studies published up to March 2015, we included 60 trials "
            "(3620 participants), however only 10 looked at manual therapy and exercise in combination.",
            "After searching for all relevant studies published up to March 2015, we included 60 trials "
            "(54 participants), however only 10 looked at manual therapy and exercise in combination.",
        ),
    ):
        article = make_article(abstract(pair_id))
        serious = [
            f
            for metric in (n.number_faithfulness, study_claims)
            for f in metric(clean, article).flags
            if f.severity == "error"
        ]
        assert serious == [], pair_id
        caught = [
            f
            for metric in (n.number_faithfulness, study_claims)
            for f in metric(changed, article).flags
            if f.severity == "error"
        ]
        assert caught, pair_id


def test_round_16_people_in_all_are_the_whole_not_a_part() -> None:
    """Round 16 (study_claims 8, number_faithfulness 12): the composer's "The review found 18
    studies with 10,171 people in all." read "in all" as "in all of them", a part, so the
    injected "with 15 people in all" (15 is CD000006.pub2's "(15/1201)" resutured) was let through;
    40 of the 134 draft wrong counts missed on the mine half were such. "in all" at the end of
    a clause is the whole."""
    article = make_article(abstract("10.1002/14651858.CD000006.pub2"))
    clean = "The review found 18 studies with 10,171 people in all."
    changed = "The review found 18 studies with 15 people in all."
    errors = [
        f
        for m in (n.number_faithfulness, study_claims)
        for f in m(clean, article).flags
        if f.severity == "error"
    ]
    assert errors == []
    errors = [
        f
        for m in (n.number_faithfulness, study_claims)
        for f in m(changed, article).flags
        if f.severity == "error"
    ]
    assert errors


def test_a_number_next_to_the_same_other_number_differs_from_the_abstracts() -> None:
    """Round 17: a number the abstract lacks, next to the same neighbour as an abstract number of
    the same unit, on the same side, is that number changed (the bench's missed draft errors on the
    mine half; the abstract sentences are real)."""
    cases = [
        (  # CD004126.pub3
            "Conversely, α-2 adrenergic agonists increased the risk of bradycardia from 6.4% to 12.0% (RR 1.88, "
            "95% CI 1.35 to 2.62; participants = 1477; studies = 10; moderate quality evidence).",
            "Conversely, α-2 adrenergic agonists increased the risk of bradycardia from 4% to 12.0%.",
            "4%",
        ),
        (  # CD005170.pub2
            "Medication and placebo response occurred in 58.1% and 31.5% of patients, respectively (Number of "
            "studies (N) = 14, Number needed to treat (NNT) = 4).",
            "Medicine and placebo response happened in 58.1% and 62% of patients, in that order.",
            "62%",
        ),
        (  # CD002243.pub4
            "Corticosteroids probably do not increase the risk of superinfection (RR 1.06, 95% CI 0.95 to 1.19; "
            "5356 participants; 25 studies; moderate-certainty evidence).",
            "Steroids probably do not increase the risk of superinfection (risk ratio 1.06, 95% confidence "
            "interval 0.95 to 1.19; 5356 people; 38 studies; moderate-certainty evidence).",
            "38",
        ),
        (  # CD007458.pub3
            "Overall, the attendance to appointment rates were 67.8% for the no reminders group, 78.6% for the "
            "mobile phone messaging reminders group and 80.3% for the phone call reminders group.",
            "The attendance to appointment rates were 201% for the no reminders group, 78.6% for the mobile "
            "phone messaging reminders group and 80.3% for the phone call reminders group.",
            "201%",
        ),
    ]
    for source, text, changed in cases:
        flags = n.number_faithfulness(text, make_article(source)).flags
        assert [(f.draft_text, f.severity) for f in flags] == [(changed, "error")], text
        assert flags[0].reason.startswith("number differs")
    # the neighbour must be a real anchor: a bare small count ("2 trials") is none
    source = "We found no significant differences (n=253, 2 RCTs, RR 1.10 CI 0.7 to 1.8)."  # CD000270.pub2
    flags = n.number_faithfulness("No significant differences (n=759, 2 trials).", make_article(source)).flags
    assert [f.severity for f in flags] == ["warning"]


def test_a_count_paired_with_the_reviews_other_count_differs_from_the_abstracts_pair() -> None:
    """Round 17: "N studies with M people" is one pair; where the abstract pairs M (in one pair
    only) with another number of studies, N has changed, even when the abstract has N for
    something else ("two trials" of one outcome): the bench's commonest missed draft count on the
    mine half ("The review found 2 studies with 356 people in all.")."""
    pairs = {p["id"]: p for p in load_pairs()}
    cases = [
        # CD002007.pub4: "We included eight trials (356 participants) ..."; "two trials" elsewhere
        (
            "10.1002/14651858.CD002007.pub4",
            "The review found 2 studies with 356 people in all.",
            "2",
            "eight",
        ),
        # CD004389.pub3: "We included 15 trials (two cluster-RCTs) of 4377 adult and child participants."
        (
            "10.1002/14651858.CD004389.pub3",
            "The review found 15 studies with 262 people in all.",
            "262",
            "4377",
        ),
    ]
    for pair_id, text, changed, theirs in cases:
        pair = pairs[pair_id]
        article = pair_to_article(Pair(pair["id"], pair["abstract"], pair["plain_summary"], 0))
        flags = n.number_faithfulness(text, article).flags
        assert [(f.draft_text, f.severity) for f in flags] == [(changed, "error")], text
        assert f"(the abstract says {theirs} here)" in flags[0].reason
        right = text.replace(changed, theirs, 1)
        assert n.number_faithfulness(right, article).flags == [], right
        assert [
            f for f in n.number_faithfulness(pair["plain_summary"], article).flags if f.severity == "error"
        ] == []


def test_round_18_a_sentence_of_the_whole_count_only_differs_from_the_abstracts_whole() -> None:
    """Round 18 (number_faithfulness 14, flag bench mine half, the commonest missed draft number
    and count): the composer's sentences that say only what the review included ("The review
    found 6 studies.", "The review found only one study, with 63 people.") changed to another
    value, where the abstract's whole is said in words the count readers missed: "We reviewed 23
    studies", "Eight trials, generating 10 treatment-control comparisons, that recruited ...
    met the entry criteria", "Two studies of the 7880 identified ... met the inclusion
    criteria", "Only one trial involving 21 participants was included", "met the inclusion
    criteria (n=189)", "with a total number of 1403 patients". The right value is no flag. Found by
    this rule alone (the value is the abstract's for something else: "2" for "two trials" of one
    outcome) the flag is a warning (number_faithfulness 15: on the eval half's clean drafts half of
    what the rule alone found was right)."""
    pairs = {p["id"]: p for p in load_pairs()}
    cases = [
        ("CD005240.pub2", "This review included 12 studies.", "12", "23"),
        ("CD006100.pub2", "This review included 12 studies.", "12", "Eight"),
        ("CD007018.pub2", "This review included 6 studies.", "6", "Two"),
        ("CD008088.pub3", "The review found only one study, with 63 people.", "63", "21"),
        ("CD006585.pub2", "The review found three studies with 378 people in all.", "378", "189"),
        ("CD002308.pub2", "The review found twenty studies with 4209 people in all.", "4209", "1403"),
        # "Fifteen RCTs ... were included"; the abstract's "two trials" count one outcome's
        ("CD003653.pub3", "The review found 2 studies with 869 people in all.", "2", "Fifteen"),
    ]
    for pair_id, text, changed, theirs in cases:
        pair = pairs[f"10.1002/14651858.{pair_id}"]
        article = pair_to_article(Pair(pair["id"], pair["abstract"], pair["plain_summary"], 0))
        flags = [f for f in n.number_faithfulness(text, article).flags if f.severity in ("error", "warning")]
        assert [f.draft_text for f in flags] == [changed], (pair_id, text, flags)
        assert f"(the abstract says {theirs} here)" in flags[0].reason, flags[0].reason
        assert flags[0].severity == ("warning" if pair_id == "CD003653.pub3" else "error"), pair_id
        right = text.replace(changed, theirs.lower(), 1)
        assert [f for f in n.number_faithfulness(right, article).flags if f.severity != "note"] == [], right
        assert [
            f for f in n.number_faithfulness(pair["plain_summary"], article).flags if f.severity == "error"
        ] == [], pair_id


def test_round_18_a_whole_count_sentence_with_a_part_or_two_parts_is_not_read_as_the_whole() -> None:
    """Round 18: "The review found 16 small and 2 larger studies ..." counts the whole in two parts
    (CD001770.pub3: "We found 16 small RCTs ... and 2 larger RCTs"), and "The review found two
    studies that compared ..." a subset: neither is a sentence of the whole count only."""
    article = make_article(abstract("10.1002/14651858.CD001770.pub3"))
    text = "The review found 16 small and 2 larger studies with 916 people in all."
    assert [f for f in n.number_faithfulness(text, article).flags if f.severity == "error"] == []
    two = next(m for m in n.find_numbers(text) if m.value == 2)
    assert not n.states_whole_only(text, two)
    text = "The review found 2 studies that compared sealants with varnish."
    assert not n.states_whole_only(text, n.find_numbers(text)[0])


def test_round_18_parts_of_the_review_are_not_its_whole() -> None:
    """Round 18: clean composer drafts and human summaries (mine half) that a first version of the
    whole-count rules failed, each a misread of the abstract's or the text's whole: "Six ... trials
    were identified, five of which met the inclusion criteria", "182 randomised participants with
    162 completing the trials" (people, not studies), "62 relevant studies, of which 57 ...",
    "five new trials in this update", "all except five studies", "This meta-analysis involving 386
    participants from two studies", "Two studies with 150 individuals compared ..."."""
    pairs = {p["id"]: p for p in load_pairs()}
    clean = [
        ("CD003755.pub2", "This review found five trials of ITNs in pregnant women."),
        ("CD003755.pub2", "The review found five studies."),
        ("CD005604.pub3", "We included three therapeutic studies with 182 randomised participants."),
        (
            "CD008449.pub3",
            "We found 62 relevant studies, of which 57 randomly allocated participants to receive either MT "
            "or a control therapy (randomised controlled trials) and five provided both therapies to all "
            "participants, but in random order (cross-over trials).",
        ),
        ("CD006205.pub4", "This review included 12 studies with 2300 people."),
        ("CD007874.pub2", "The review found 85 studies."),
        ("CD008943.pub2", "The review found 21 studies with 604 people in all."),
        ("CD012254.pub2", "The review found three studies with 385 people in all."),
    ]
    for pair_id, text in clean:
        pair = pairs[f"10.1002/14651858.{pair_id}"]
        article = pair_to_article(Pair(pair["id"], pair["abstract"], pair["plain_summary"], 0))
        assert [f for f in n.number_faithfulness(text, article).flags if f.severity == "error"] == [], text
        assert study_claims(text, article).flags == [], text


def test_round_18_two_counts_that_took_part_are_no_whole() -> None:
    """Round 18, bmc_sample 10.1186/1471-2407-5-141: the composer's "24 people without bronchogenic
    cancer and 25 with bronchogenic cancer took part." counts the whole in two parts ("NBEC of 24
    non-BC and 25 BC individuals"); "took part" makes a count the whole only with no other number
    before it."""
    article = make_article(
        "The transcript abundance values of these transcription factors (n = 6) and an expanded group "
        "of antioxidant and DNA repair genes (n = 16) were measured simultaneously by quantitative PCR "
        "in NBEC of 24 non-BC and 25 BC individuals."
    )
    text = "24 people without bronchogenic cancer and 25 with bronchogenic cancer took part."
    assert study_claims(text, article).flags == []
    assert n.states_whole_only("119 patients took part.", n.find_numbers("119 patients took part.")[0])
    # s13019-016-0404-4: "because no lesion was identified" is no count's "was identified": the
    # three patients are no whole that the draft's 181 differs from
    article = make_article(
        "One hundred eighty-one patients (90 females, mean age 63 y, range 28-82 y) underwent 187 "
        "pulmonary resections after CT-guided hook wire localization. Three patients underwent additional "
        "wedge resection by VATS during the same procedure because no lesion was identified in the "
        "surgical specimen."
    )
    text = "One hundred eighty-one patients took part."
    assert [f for f in n.number_faithfulness(text, article).flags if f.severity == "error"] == []
