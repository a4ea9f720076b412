"""Participants, design and research summary (composer 17, h17fields), on real abstracts.

A review's people said as a bracket label ("(n=189)", "(total N=221)") are its participants; a
review that counts its trials in two kinds ("three short-term and one long-term trial") is a review
of four, never a randomised controlled trial; a study that tests a measure's structure and validity
is a validation study, never an interview study. Each test fails on composer 17's start (f7a0133).
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


def test_a_reviews_people_said_as_a_label_are_its_participants() -> None:
    """cochrane CD006585.pub2 "Three randomised controlled studies met the inclusion criteria
    (n=189)." and CD008125.pub2 "We included three short-term and one long-term trial (total N=221)."
    had participants "Not specified"; CD008125.pub2's research summary was "This was a randomised
    controlled trial." (each "(n=70, 1 RCT, RR ...)" voted for a trial). "The majority of the trials
    assessed the efficacy of the SSRIs (N = 15)." (CD005170.pub2) counts trials, not people."""
    drafts = _cochrane(
        "10.1002/14651858.CD006585.pub2", "10.1002/14651858.CD008125.pub2", "10.1002/14651858.CD005170.pub2"
    )
    assert drafts["10.1002/14651858.CD006585.pub2"].participants == "189 people in three studies"
    four = drafts["10.1002/14651858.CD008125.pub2"]
    assert four.participants == "221 people in three short-term and one long-term studies"
    assert "randomised controlled trial" not in four.research_summary
    assert "221 people" in four.research_summary
    assert drafts["10.1002/14651858.CD005170.pub2"].participants == "2519 people"


def test_a_measures_validation_is_no_interview_study() -> None:
    """bmc s12888-018-1871-z (the PPMI scale: "thematic analysis of existing conceptualisations and
    measures", then exploratory and confirmatory factor analyses in three studies) was "This
    interview study set out to develop a new measure ... People were asked about their views." and
    "This was a qualitative study.", with "People's Own Views" as its implication."""
    d = _bmc("10.1186/s12888-018-1871-z")["10.1186/s12888-018-1871-z"]
    assert d.research_summary.startswith("This was a validation study.")
    said = f"{d.simple_explanation} {d.research_summary}"
    assert "interview" not in said and "asked about their views" not in said
    assert all(p.title != "People's Own Views" for p in d.practical_implications)
    assert "Based on participants' own accounts" not in d.limitations


def test_a_one_study_reviews_people_said_as_a_label() -> None:
    """cochrane CD006341.pub2 "We identified one trial that satisfied the inclusion criteria for this
    review. This trial (N = 21) showed that ..." had participants "Not specified"."""
    d = _cochrane("10.1002/14651858.CD006341.pub2")["10.1002/14651858.CD006341.pub2"]
    assert d.participants == "21 people in one study"


def test_a_search_that_found_no_trials_is_an_empty_review() -> None:
    """cochrane CD008891.pub3 "The search identified no RCTs; therefore we were unable to perform any
    meta-analyses.": once a review (no longer a "randomised controlled trial", e859321), its research
    summary was only "This was a review."; "the search" (not only "searches") found none."""
    d = _cochrane("10.1002/14651858.CD008891.pub3")["10.1002/14651858.CD008891.pub3"]
    said = f"{d.simple_explanation} {d.research_summary}"
    assert "no studies" in said, said
    assert "randomised controlled trial" not in said
