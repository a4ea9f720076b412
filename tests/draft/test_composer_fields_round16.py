"""Research summary and practical implications (composer 16, h16fields), on real abstracts.

Primary research's summary says what was done in up to two sentences from its methods (it said
one); a review's practice sentence led by a contrast or a cause, or saying a treatment "should
remain" one, is its practical implication, not the generic "As Strong as Its Studies". Each test
fails on composer 15 (81cdc65).
"""

from __future__ import annotations

from pipeline.domain import DraftFields
from tests.conftest import BMC, COCHRANE, article_from_record, read_jsonl
from tests.draft.conftest import cochrane_article, compose_fields


def _cochrane(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(COCHRANE)}
    return dict(zip(ids, compose_fields([cochrane_article(records[i]) for i in ids]), strict=True))


def _bmc(*ids: str) -> dict[str, DraftFields]:
    records = {r["id"]: r for r in read_jsonl(BMC)}
    return dict(zip(ids, compose_fields([article_from_record(records[i]) for i in ids]), strict=True))


def test_a_reviews_practice_sentence_is_its_implication() -> None:
    """cochrane CD005604.pub3 "In contrast to recommendations in adults with chronic cough,
    anti-histamines cannot be recommended as empirical therapy for children with chronic cough." and
    CD003410.pub4 "Due to the higher rate of serious adverse events, heroin prescription should remain
    a treatment for people who ... failed maintenance treatment, ...": both laid as fragments or too
    long, so both pages said only "As Strong as Its Studies". The claim is said without its lead-in,
    never as "... that to recommendations in adults ..."."""
    drafts = _cochrane("10.1002/14651858.CD005604.pub3", "10.1002/14651858.CD003410.pub4")
    expected = {
        "10.1002/14651858.CD005604.pub3": "anti-histamines cannot be recommended",
        "10.1002/14651858.CD003410.pub4": "heroin prescription should remain a treatment for people who",
    }
    for pid, claim in expected.items():
        points = drafts[pid].practical_implications
        assert all(p.title != "As Strong as Its Studies" for p in points), (pid, points)
        care = [p for p in points if p.title == "What It Means for Care"]
        assert care and claim in care[0].text, (pid, points)
        assert "that to " not in care[0].text and "that due to" not in care[0].text.lower()


def test_primary_research_summary_says_what_was_done_in_two_sentences() -> None:
    """bmc 1745-6215-16-1 said "This was a randomised controlled trial of 62 participants. Chi-squared
    and t-tests were used to compare baseline characteristics of people." and not how its data were
    collected ("Data were collected through questionnaires, field notes, work sampling, and
    databases."); bmc 1471-2326-6-6 did not say that 21 chromosome substitution strains were screened.
    The sentences keep the abstract's order."""
    drafts = _bmc("10.1186/1745-6215-16-1", "10.1186/1471-2326-6-6")
    trial = drafts["10.1186/1745-6215-16-1"].research_summary
    assert "Data were collected through" in trial, trial
    assert trial.index("Data were collected") < trial.index("Chi-squared"), trial
    mice = drafts["10.1186/1471-2326-6-6"].research_summary
    assert "Twenty-one chromosome substitution strains" in mice, mice
    assert mice.index("mice were studied") < mice.index("Twenty-one"), mice


def test_a_reviews_summary_is_no_call_for_research() -> None:
    """cochrane CD004591.pub3's research summary was "Randomized controlled trials comparing lactase
    versus placebo treated feeds and enrolling babies when enteral feeds are introduced are needed.",
    CD011927.pub2's ended "More well-designed, -conducted and -reported trials are needed to reach
    robust conclusions.": what should be done next is no summary of what the review found (its
    implications say it)."""
    drafts = _cochrane("10.1002/14651858.CD004591.pub3", "10.1002/14651858.CD011927.pub2")
    for pid, d in drafts.items():
        assert "needed" not in d.research_summary and "required" not in d.research_summary, (pid, d)
        assert d.research_summary, pid


def test_a_reviews_people_are_never_one_group_of_two() -> None:
    """cochrane CD006100.pub2 "that recruited 1470 adults and 470 children" gave "1470 people in eight
    studies", CD001802.pub3 "five undertaken in children (987 participants) and two in adults (156
    participants)" gave "987 people in seven studies" (the children only): a factual error. Two groups
    and no whole: no total is said. A whole and its parts ("17,578 participants, 9015 women and 8563
    men", CD002843.pub2) is still the total."""
    drafts = _cochrane(
        "10.1002/14651858.CD006100.pub2", "10.1002/14651858.CD001802.pub3", "10.1002/14651858.CD002843.pub2"
    )
    # (24, h24coch: two groups listed with "and" are said as written, never their sum nor one of them)
    assert (
        drafts["10.1002/14651858.CD006100.pub2"].participants
        == "1470 adults and 470 children in eight studies"
    )
    assert drafts["10.1002/14651858.CD001802.pub3"].participants == "Not specified"
    for pid in ("10.1002/14651858.CD006100.pub2", "10.1002/14651858.CD001802.pub3"):
        d = drafts[pid]
        said = f"{d.simple_explanation} {d.research_summary}"
        assert "1470 people" not in said and "987 people" not in said, (pid, said)
    assert drafts["10.1002/14651858.CD002843.pub2"].participants == "17,578 people in 26 studies"


def test_a_second_method_sentence_never_restates_the_people() -> None:
    """bmc s40697-015-0090-5 (pmid 26702360): with two sentences of what was done, the summary said
    "This was a cross-sectional study of 194 HD patients. ... There are 194 hemodialysis patients."."""
    summary = _bmc("10.1186/s40697-015-0090-5")["10.1186/s40697-015-0090-5"].research_summary
    # (round 19, h19lex: the short form is written out at its first use in the field)
    assert "194 hemodialysis patients" in summary, summary
    assert summary.count("194") == 1 and "There are 194" not in summary, summary


def test_an_implication_is_never_a_cut_list() -> None:
    """cochrane CD006379.pub3 "Because of the scarcity of trials with randomisation, placebo control,
    and adequate concealment of allocation of participants, it is clear that further research is
    needed ...": once no longer the research summary, it was laid as "Placebo control, and adequate
    concealment of allocation of people, it is clear that further research is needed ..."."""
    d = _cochrane("10.1002/14651858.CD006379.pub3")["10.1002/14651858.CD006379.pub3"]
    assert d.practical_implications
    assert all(not p.text.startswith("Placebo control, and") for p in d.practical_implications), d
